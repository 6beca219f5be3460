/*
 * Unit tests of the model builders: table cell columns (escaped pipes,
 * missing and extra cells), list timelines, unreadable times, action
 * items from tables and lists, factors, whys, links, aliases, and the
 * screen's linear work on pathological input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "harness.h"
#include "source/config.h"

#define	FM	"---\ntitle: t\nseverity: P2\nstarted: 2024-10-24T08:00:00Z\n" \
		"ended: 2024-10-24T10:00:00Z\nauthors: [\"@a\"]\n---\n"
/* FM is 7 lines: the body starts on line 8. */

static struct pm_doc *
parse(const char *s, struct pm_config *cfg)
{
	struct pm_doc	*doc;

	pm_doc_parse(&doc, "x.md", s, strlen(s), cfg, 0);
	return doc;
}

static void
test_timeline__table_columns(struct pm_config *cfg)
{
	struct pm_doc	*d = parse(FM
	    "## Timeline (all times UTC)\n"			/* 8 */
	    "\n"
	    "| Extra | When | What \\| why | Who |\n"		/* 10 */
	    "|---|---|---|---|\n"
	    "| x | 09:12 | a \\| b | @al |\n"			/* 12 */
	    "|  y  |   ??:?? | c |\n"				/* 13 */
	    "| z | 2024-10-25 01:00 | d | e | extra |\n",	/* 14 */
	    cfg);
	const struct pm_trow *r = d->timeline.rows;

	INT_EQ(d->timeline.n, 3, "table: three rows");
	INT_EQ(d->timeline.is_table, 1, "table: is a table");
	INT_EQ(d->timeline.utc_declared, 1, "table: heading says UTC");
	if (d->timeline.n == 3) {
		INT_EQ(r[0].pos.line, 12, "table: row line");
		INT_EQ(r[0].time_pos.col, 7, "table: time cell col");
		INT_EQ(r[0].t, 1729761120, "table: HH:MM on started's day");
		STR_EQ(r[0].event, "a | b", "table: escaped pipe");
		STR_EQ(r[0].actor, "@al", "table: actor column");
		INT_EQ(r[1].ok, 0, "table: ??:?? not read");
		INT_EQ(r[1].time_pos.col, 11, "table: padded cell col");
		STR_EQ(r[1].actor, NULL, "table: missing cell");
		INT_EQ(r[2].has_date, 1, "table: dated row");
	}
	OK(d->findings.n == 1 &&
	    d->findings.v[0].rule == PM_RULE_TIMELINE_TIME &&
	    d->findings.v[0].pos.line == 13 &&
	    d->findings.v[0].pos.col == 11, "table: timeline/time at the cell");
	pm_doc_free(d);
}

static void
test_timeline__list(struct pm_config *cfg)
{
	struct pm_doc	*d = parse(FM
	    "## Incident Timeline\n"				/* 8 */
	    "\n"
	    "All times in CET.\n"				/* 10 */
	    "\n"
	    "- **09:12** alert fires\n"				/* 12 */
	    "  - detail that belongs to it\n"
	    "- 2024-10-25 10:00: fixed\n"			/* 14 */
	    "  ```\n  code\n  ```\n"
	    "- 11:00 - later that day\n",			/* 18 */
	    cfg);
	const struct pm_trow *r = d->timeline.rows;

	INT_EQ(d->timeline.n, 3, "list: three rows");
	if (d->timeline.n == 3) {
		INT_EQ(r[0].time_pos.col, 5, "list: time col after **");
		STR_EQ(r[0].event, "alert fires", "list: event");
		INT_EQ(r[0].t, 1729761120 - 3600, "list: CET declared");
		INT_EQ(r[2].pos.line, 18, "list: item line");
		INT_EQ(r[2].t, 1729850400,
		    "list: base day is the last date");
	}
	pm_doc_free(d);
}

/* A bare time with no day to put it on: read, but not an instant. */
static void
test_timeline__no_day(struct pm_config *cfg)
{
	struct pm_doc	*d = parse("---\ntitle: t\nseverity: P2\n"
	    "started: soon\nended: 2024-10-24T10:00:00Z\n"
	    "authors: [\"@a\"]\n---\n"			/* 7 lines */
	    "## Timeline (all times UTC)\n"			/* 8 */
	    "\n"
	    "| Time | Event |\n"
	    "|---|---|\n"
	    "| 10:00 | alert |\n"				/* 12 */
	    "| 2024-10-24 11:00 | fix |\n"
	    "| 12:00 | done |\n",
	    cfg);
	const struct pm_trow *r = d->timeline.rows;
	size_t		 i, ntime = 0;

	INT_EQ(d->timeline.n, 3, "no day: three rows");
	if (d->timeline.n == 3) {
		INT_EQ(r[0].ok, 0, "no day: bare time is not an instant");
		INT_EQ(r[0].no_day, 1, "no day: marked");
		INT_EQ(r[0].t, 36000, "no day: time of day kept");
		OK(r[0].error != NULL, "no day: says why");
		INT_EQ(r[1].ok, 1, "no day: dated row");
		INT_EQ(r[2].ok, 1, "no day: later bare time has a day");
		INT_EQ(r[2].no_day, 0, "no day: not marked");
		INT_EQ(r[2].t, 1729771200, "no day: on the last date");
	}
	for (i = 0; i < d->findings.n; i++)
		if (d->findings.v[i].rule == PM_RULE_TIMELINE_TIME)
			ntime++;
	INT_EQ(ntime, 0, "no day: no timeline/time finding");
	pm_doc_free(d);
}

static void
test_actions(struct pm_config *cfg)
{
	struct pm_doc	*d = parse(FM
	    "## Corrective Actions\n"				/* 8 */
	    "\n"
	    "| # | Task | Assignee | Due | Prio | State | Jira |\n"
	    "|---|---|---|---|---|---|---|\n"
	    "| A1 | Add alert | @bob | 2024-11-01 | high | in progress | OPS-1 |\n"
	    "| A2 | Fix it | - | soon | | | |\n"
	    "\n"
	    "- [x] **Add a runbook**: why (platform team to write) due "
	    "2024-12-01 P1 OPS-7\n"				/* 15 */
	    "- Rotate keys owner: sec team, (High) (wontfix) #12\n",
	    cfg);
	const struct pm_action *a = d->actions;

	INT_EQ(d->nactions, 4, "actions: table and list");
	if (d->nactions == 4) {
		STR_EQ(a[0].id, "A1", "actions: id");
		STR_EQ(a[0].owner, "@bob", "actions: owner");
		INT_EQ(a[0].owner_pos.col, 20, "actions: owner col");
		INT_EQ(a[0].deadline_ok, 1, "actions: deadline");
		INT_EQ(a[0].prio, 1, "actions: high");
		INT_EQ(a[0].status, PM_ASTATUS_IN_PROGRESS, "actions: state");
		STR_EQ(a[0].ticket, "OPS-1", "actions: ticket");
		STR_EQ(a[1].owner, NULL, "actions: '-' is no owner");
		INT_EQ(a[1].deadline_ok, 0, "actions: 'soon' is no date");
		STR_EQ(a[2].text, "Add a runbook", "actions: bold lead");
		STR_EQ(a[2].owner, "platform team", "actions: (team to)");
		STR_EQ(a[2].deadline_raw, "2024-12-01", "actions: due");
		INT_EQ(a[2].deadline_pos.line, 15, "actions: due line");
		INT_EQ(a[2].prio, 1, "actions: P1");
		STR_EQ(a[2].ticket, "OPS-7", "actions: KEY-123");
		INT_EQ(a[2].status, PM_ASTATUS_DONE, "actions: [x] is done");
		STR_EQ(a[3].owner, "sec team", "actions: owner:");
		INT_EQ(a[3].prio, 1, "actions: (High)");
		INT_EQ(a[3].status, PM_ASTATUS_WONTFIX, "actions: (wontfix)");
		STR_EQ(a[3].ticket, "#12", "actions: #123");
	}
	pm_doc_free(d);
}

/* The legacy form of gen-corpus: every fact in one bracketed list. */
static void
test_actions__inline_list(struct pm_config *cfg)
{
	struct pm_doc	*d = parse(FM
	    "## Action Items\n"					/* 8 */
	    "\n"
	    "- Fix X (@bob, due 2024-01-03, Medium, OPS-123, done)\n"	/* 10 */
	    "- Low-risk fix for 2023-12-01 outage (@al, due 2024-02-01, "
	    "Low, OPS-9)\n"					/* 11 */
	    "- Tune it [priority: P0; in progress; #77]\n"	/* 12 */
	    "- Add a medium alert (owner: sec team; High; wontfix)\n"
	    "- Add docs\n"
	    "  (P3, open)\n",					/* 14-15 */
	    cfg);
	const struct pm_action *a = d->actions;

	INT_EQ(d->nactions, 5, "inline list: five actions");
	if (d->nactions != 5) {
		pm_doc_free(d);
		return;
	}
	STR_EQ(a[0].owner, "@bob", "inline list: owner");
	INT_EQ(a[0].owner_pos.line, 10, "inline list: owner line");
	INT_EQ(a[0].owner_pos.col, 10, "inline list: owner col");
	STR_EQ(a[0].deadline_raw, "2024-01-03", "inline list: due");
	INT_EQ(a[0].deadline_ok, 1, "inline list: due ok");
	INT_EQ(a[0].deadline_pos.col, 20, "inline list: due col");
	STR_EQ(a[0].prio_raw, "Medium", "inline list: priority word");
	INT_EQ(a[0].prio, 2, "inline list: Medium is 2");
	INT_EQ(a[0].prio_pos.line, 10, "inline list: priority line");
	INT_EQ(a[0].prio_pos.col, 32, "inline list: priority col");
	STR_EQ(a[0].ticket, "OPS-123", "inline list: ticket");
	INT_EQ(a[0].ticket_pos.col, 40, "inline list: ticket col");
	INT_EQ(a[0].status, PM_ASTATUS_DONE, "inline list: done");
	STR_EQ(a[0].status_raw, "done", "inline list: status word");

	/* A date and a priority word in the action itself come later. */
	STR_EQ(a[1].deadline_raw, "2023-12-01",
	    "inline list: first date is the deadline");
	INT_EQ(a[1].prio, 3, "inline list: Low");
	INT_EQ(a[1].prio_pos.col, 60, "inline list: Low at the list, not "
	    "the action");
	INT_EQ(a[1].status, PM_ASTATUS_NONE, "inline list: no status");

	INT_EQ(a[2].prio, 0, "inline list: priority: P0");
	INT_EQ(a[2].prio_pos.col, 22, "inline list: P0 col");
	INT_EQ(a[2].status, PM_ASTATUS_IN_PROGRESS, "inline list: ';' list");
	STR_EQ(a[2].ticket, "#77", "inline list: #77");
	INT_EQ(a[2].ticket_pos.col, 39, "inline list: #77 col");

	STR_EQ(a[3].owner, "sec team", "inline list: owner: team");
	INT_EQ(a[3].owner_pos.col, 30, "inline list: owner: team col");
	INT_EQ(a[3].prio, 1, "inline list: High, not 'medium' in the text");
	INT_EQ(a[3].prio_pos.col, 40, "inline list: High col");
	INT_EQ(a[3].status, PM_ASTATUS_WONTFIX, "inline list: wontfix");

	INT_EQ(a[4].prio, 3, "inline list: P3 on the next line");
	INT_EQ(a[4].prio_pos.line, 15, "inline list: P3 line");
	INT_EQ(a[4].prio_pos.col, 4, "inline list: P3 col");
	INT_EQ(a[4].status, PM_ASTATUS_OPEN, "inline list: open");
	pm_doc_free(d);
}

/*
 * Memory: the YAML tree is not kept (unknown non-scalar values keep a
 * copy, aliases are not multiplied), the grown arrays are settled into
 * the arena, and most of what the arena holds is used.
 */
static void
test_doc__memory(struct pm_config *cfg)
{
	struct pm_buf	 b = PM_BUF_INIT;
	struct pm_doc	*d;
	size_t		 i, used, held, tlen;
	char		 line[64], *t;

	pm_buf_puts(&b, "---\ntitle: t\nseverity: P2\n"
	    "started: 2024-10-24T08:00:00Z\nended: 2024-10-24T10:00:00Z\n"
	    "authors: [\"@a\", \"@b\"]\n"
	    "owners: &o {team: sre, pager: [x, y]}\n"
	    "again: [*o, *o, *o]\n"
	    "impact: {customers: 12, regions: [eu, us]}\n---\n"
	    "## Timeline (all times UTC)\n\n| Time | Event |\n|---|---|\n");
	for (i = 0; i < 100; i++) {
		snprintf(line, sizeof(line), "| 08:%02zu | step %zu |\n",
		    i % 60, i);
		pm_buf_puts(&b, line);
	}
	pm_doc_parse(&d, "x.md", b.ptr, b.len, cfg, 0);
	INT_EQ(d->timeline.n, 100, "memory: rows");
	STR_EQ(d->timeline.rows[99].event, "step 99", "memory: last row");
	INT_EQ(d->arena.nside, 0, "memory: arrays settled in the arena");
	STR_EQ(d->meta.authors.v[1].s, "@b", "memory: list copied");
	INT_EQ(d->meta.nextra, 2, "memory: unknown fields");
	if (d->meta.nextra == 2) {
		STR_EQ(d->meta.extra[0].key, "owners", "memory: key copied");
		OK(d->meta.extra[0].value == NULL &&
		    d->meta.extra[0].node != NULL &&
		    d->meta.extra[0].node->nkids == 4,
		    "memory: mapping value kept as a copy");
		OK(d->meta.extra[1].node != NULL &&
		    d->meta.extra[1].node->nkids == 3 &&
		    d->meta.extra[1].node->kids[2]->nkids == 4,
		    "memory: aliases copied");
	}
	INT_EQ(d->meta.nimpact, 2, "memory: impact");
	if (d->meta.nimpact == 2) {
		STR_EQ(d->meta.impact[0].value, "12", "memory: impact scalar");
		OK(d->meta.impact[1].node != NULL &&
		    d->meta.impact[1].node->nkids == 2,
		    "memory: impact list kept as a copy");
	}
	pm_arena_stats(&d->arena, &used, &held);
	OK(used * 10 >= held * 7, "memory: arena at least 70% used");
	pm_doc_free(d);

	/* Taking the buffer: no copy, the document frees it. */
	t = pm_buf_detach(&b, &tlen);
	pm_doc_parse_take(&d, "x.md", t, tlen, cfg, 0);
	INT_EQ(d->timeline.n, 100, "memory: parse_take");
	pm_doc_free(d);
	pm_buf_release(&b);
}

static void
test_body(struct pm_config *cfg)
{
	struct pm_doc	*d = parse(FM
	    "## 根本原因\n\nA [[pm-1]] and `[[not-a-link]]`.\n\n"	/* 8..10 */
	    "## Contributing Factors\n\n### Systemic Issues\n\n"
	    "- **Monitoring Gap**: no alert\n- plain\n\n"		/* 15, 16 */
	    "## 5 Whys\n\n1. why one\n2. why two\n", cfg);

	INT_EQ(d->nsecs, 3, "body: sections");
	INT_EQ(d->secs[0].kind, PM_SEC_ROOT_CAUSE, "body: ja alias");
	INT_EQ(d->nlinks, 1, "body: one link, not in code");
	if (d->nlinks == 1) {
		STR_EQ(d->links[0].id, "pm-1", "body: link id");
		INT_EQ(d->links[0].pos.col, 3, "body: link col");
	}
	INT_EQ(d->nfactors, 2, "body: factors");
	if (d->nfactors == 2) {
		STR_EQ(d->factors[0].category, "Monitoring Gap",
		    "body: category");
		INT_EQ(d->factors[0].kind, PM_FACTOR_SYSTEMIC, "body: kind");
	}
	INT_EQ(d->nwhys, 2, "body: whys");
	pm_doc_free(d);

	/* Google SRE: sections at level 1 under a level-1 title. */
	d = parse(FM "# Title\n\n# Summary\n\n# Timeline\n\n## Detail\n", cfg);
	INT_EQ(d->nsecs, 3, "sre: level-1 sections");
	INT_EQ(d->secs[2].kind, PM_SEC_TIMELINE, "sre: timeline");
	pm_doc_free(d);
}

/* The screen looks at each byte once and cmark gets a bounded part. */
static void
test_screen__linear(struct pm_config *cfg)
{
	static const char *const pats[] = { "<http://s", "![[]()",
	    "|-\nt>|-\n", ">" };
	struct pm_buf	 b = PM_BUF_INIT;
	struct pm_doc	*d;
	size_t		 i, n, work, cut;
	char		 name[64];

	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		for (n = 1000; n <= 100000; n *= 10) {
			pm_buf_truncate(&b, 0);
			pm_buf_puts(&b, "## Summary\n\n");
			while (b.len < n * strlen(pats[i]))
				pm_buf_puts(&b, pats[i]);
			if (strcmp(pats[i], ">") == 0)
				pm_buf_puts(&b, " a\n");
			pm_doc_parse(&d, "x.md", b.ptr, b.len, cfg,
			    PM_PARSE_FORCE);
			work = 0;
			cut = pm_doc__screen(d, cfg, 0, d->textsz, &work);
			snprintf(name, sizeof(name), "screen: %zu x pattern %zu "
			    "linear", n, i);
			OK(work <= d->textsz + d->nlines + 1, name);
			snprintf(name, sizeof(name), "screen: %zu x pattern %zu "
			    "bounded", n, i);
			OK(cut <= 64 * 1024 || cut == d->textsz, name);
			pm_doc_free(d);
		}
	pm_buf_release(&b);
}

int
main(void)
{
	struct pm_config	 cfg;

	pm_config_init(&cfg);
	test_timeline__table_columns(&cfg);
	test_timeline__list(&cfg);
	test_timeline__no_day(&cfg);
	test_actions(&cfg);
	test_actions__inline_list(&cfg);
	test_body(&cfg);
	test_doc__memory(&cfg);
	test_screen__linear(&cfg);
	pm_config_release(&cfg);
	return harness_done();
}
