/*
 * What to do about each rule, with an example that fires and the same
 * fixed: the help that SARIF's rule descriptors carry (code scanning
 * shows it beside every alert) and docs/rules.md, generated from this
 * table by tools/gen-rules-md.c so that the two never drift apart.
 * Rule ids, levels and one-line descriptions stay in base/rules.def.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/finding.h"
#include "report/report.h"

#define	H(e, fix, bad, good)	[PM_RULE_##e] = { fix, bad, good }

static const struct pm_rule_help help[PM_RULE__MAX] = {
	H(FRONTMATTER_SYNTAX,
	    "Fix the YAML between the two '---' lines: the message names "
	    "the line and column where the parser stopped. Quote values "
	    "that contain ': ' or start with '@', '[' or '{'.",
	    "---\ntitle: Checkout down: the cache\nauthors: [@kim\n---",
	    "---\ntitle: \"Checkout down: the cache\"\n"
	    "authors: [\"@kim\"]\n---"),
	H(FRONTMATTER_REQUIRED,
	    "Add the field the message names to the front matter: title, "
	    "severity (P0..P4 or SEV0..SEV4), started and ended (RFC 3339 "
	    "timestamps) and authors (@handles). Replace template "
	    "placeholders such as 'P?' or 'HH:MM' with real values.",
	    "---\ntitle: Checkout down\nseverity: P?\n"
	    "started: 2025-02-09THH:MM:00Z\n---",
	    "---\ntitle: Checkout down\nseverity: P2\n"
	    "started: 2025-02-09T10:05:00Z\nended: 2025-02-09T11:20:00Z\n"
	    "authors: [\"@kim\"]\n---"),
	H(FRONTMATTER_TIMES,
	    "Put the four times in order (started, detected, mitigated, "
	    "ended) and give each a zone: 'Z' for UTC or an offset such as "
	    "'+02:00'.",
	    "started: 2025-02-09T10:05:00\nended: 2025-02-09T09:20:00Z",
	    "started: 2025-02-09T10:05:00Z\nended: 2025-02-09T11:20:00Z"),
	H(STRUCTURE_SECTIONS,
	    "Add each missing section as a level-2 heading where the "
	    "message says (Summary, Impact, Root Cause, Timeline, "
	    "Contributing Factors, Action Items, Lessons Learned), and "
	    "merge sections that appear twice.",
	    "## Summary\n...\n## Timeline\n...",
	    "## Summary\n...\n## Impact\n...\n## Root Cause\n...\n"
	    "## Timeline\n..."),
	H(TIMELINE_PRESENT,
	    "Record at least the start of impact, the detection, the "
	    "mitigation and the resolution as rows of the Timeline "
	    "(the minimum is the 'min_timeline_rows' threshold).",
	    "## Timeline\n\n- 10:05 checkout errors start",
	    "## Timeline\n\n- 10:05 checkout errors start\n"
	    "- 10:12 alert fires\n- 10:50 cache restarted\n"
	    "- 11:20 incident closed"),
	H(TIMELINE_TIME,
	    "Write each row's time as HH:MM, YYYY-MM-DD HH:MM or RFC 3339; "
	    "replace placeholders ('?\?:?\?', 'HH:mm', '20xx') with the real "
	    "time, and check impossible dates.",
	    "| ?\?:?\? | alert fires |",
	    "| 10:12 | alert fires |"),
	H(TIMELINE_ORDER,
	    "Put the rows in chronological order; a row on another day "
	    "needs its date (YYYY-MM-DD HH:MM).",
	    "- 10:50 cache restarted\n- 10:12 alert fires",
	    "- 10:12 alert fires\n- 10:50 cache restarted"),
	H(TIMELINE_UTC,
	    "Write the timeline in UTC and say so in the heading "
	    "('## Timeline (all times UTC)') or with a 'Z' on the times, "
	    "so that readers in every office read the same instants.",
	    "## Timeline (CET)\n\n- 11:05 checkout errors start",
	    "## Timeline (all times UTC)\n\n- 10:05 checkout errors start"),
	H(TIMELINE_WINDOW,
	    "Check the row's date: rows should fall between a day before "
	    "'started' and a day after 'ended' (the window is the "
	    "'timeline_window_hours' threshold). Move earlier history to "
	    "the Root Cause section.",
	    "started: 2025-02-09T10:05:00Z\n...\n"
	    "- 2025-02-19 10:12 alert fires",
	    "started: 2025-02-09T10:05:00Z\n...\n"
	    "- 2025-02-09 10:12 alert fires"),
	H(TIMELINE_DETECTION,
	    "Add the row for the moment the problem was detected (the "
	    "alert or the first report), at the time 'detected' gives.",
	    "detected: 2025-02-09T10:12:00Z\n...\n"
	    "- 10:05 checkout errors start\n- 10:50 cache restarted",
	    "detected: 2025-02-09T10:12:00Z\n...\n"
	    "- 10:05 checkout errors start\n- 10:12 alert fires\n"
	    "- 10:50 cache restarted"),
	H(FACTORS_MULTIPLE,
	    "List at least two contributing factors (the 'min_factors' "
	    "threshold): the immediate cause, and what let it cause harm "
	    "(missing alerts, tooling, process).",
	    "## Contributing Factors\n\n- The cache ran out of memory.",
	    "## Contributing Factors\n\n- The cache ran out of memory.\n"
	    "- No alert watched its eviction rate.\n"
	    "- The runbook did not cover a full cache."),
	H(ACTIONS_OWNER,
	    "Give every action item an owner: an @handle or a team, in the "
	    "Owner column or inline ('@kim', 'owner: team-platform').",
	    "| A1 | Alert on cache evictions | | 2025-03-01 | High |",
	    "| A1 | Alert on cache evictions | @kim | 2025-03-01 | High |"),
	H(ACTIONS_DEADLINE,
	    "Give every action item a real YYYY-MM-DD deadline after the "
	    "incident ended, in the Deadline column or inline "
	    "('due 2025-03-01').",
	    "- Alert on cache evictions (@kim, High)",
	    "- Alert on cache evictions (@kim, due 2025-03-01, High)"),
	H(ACTIONS_PRIORITY,
	    "Give every action item a priority: High, Medium, Low or "
	    "P0..P4, in the Priority column or inline.",
	    "| A1 | Alert on cache evictions | @kim | 2025-03-01 | soon |",
	    "| A1 | Alert on cache evictions | @kim | 2025-03-01 | High |"),
	H(ACTIONS_TRACKED,
	    "Track every action item in the ticketing system and add its "
	    "reference (a URL, KEY-123 or #123), so it is not forgotten "
	    "once the report is read.",
	    "- Alert on cache evictions (@kim, due 2025-03-01, High)",
	    "- Alert on cache evictions (@kim, due 2025-03-01, High, "
	    "OPS-412)"),
	H(ACTIONS_VAGUE,
	    "Make the action specific enough to be done and checked: which "
	    "signal, which threshold, which system. The patterns are in "
	    "the vague-actions rule packs; 'postmortem rules' lists them.",
	    "- Improve monitoring (@kim, due 2025-03-01, High, OPS-412)",
	    "- Page when cache evictions exceed 100/s for 5 minutes (@kim, "
	    "due 2025-03-01, High, OPS-412)"),
	H(ACTIONS_OVERDUE,
	    "Finish the open action item, move its deadline, or mark it "
	    "done or wontfix in the Status column.",
	    "| A1 | Alert on evictions | @kim | 2025-03-01 | High | open |",
	    "| A1 | Alert on evictions | @kim | 2025-03-01 | High | done |"),
	H(DISTRIBUTION_48H,
	    "Share post-mortems within 48 hours of 'ended' (the "
	    "'distribution_hours' threshold) while memories are fresh; "
	    "record when in 'distributed'. Without it, the time of the "
	    "commit that added the file is used.",
	    "ended: 2025-02-09T11:20:00Z\ndistributed: 2025-02-20T09:00:00Z",
	    "ended: 2025-02-09T11:20:00Z\ndistributed: 2025-02-10T09:00:00Z"),
	H(DISTRIBUTION_STALE,
	    "Share post-mortems within 7 days of 'ended' at the latest (the "
	    "'stale_days' threshold): later, the insights go stale. Reported "
	    "with distribution/48h as one finding when both fire.",
	    "ended: 2025-02-09T11:20:00Z\ndistributed: 2025-02-20T09:00:00Z",
	    "ended: 2025-02-09T11:20:00Z\ndistributed: 2025-02-14T09:00:00Z"),
	H(FOLLOWUP_SCHEDULED,
	    "Schedule a review of the action items 21 to 35 days after "
	    "'ended' (the 'followup_min_days' and 'followup_max_days' "
	    "thresholds) and record it in 'follow_up'.",
	    "ended: 2025-02-09T11:20:00Z\nfollow_up: 2025-02-12",
	    "ended: 2025-02-09T11:20:00Z\nfollow_up: 2025-03-10"),
	H(LANGUAGE_BLAMELESS,
	    "Describe what in the system let the action cause harm, not "
	    "who made a mistake: people hide mistakes they are blamed for. "
	    "The patterns are in the blameless rule packs, per locale; "
	    "'postmortem rules' lists them with their suggestions.",
	    "The outage was caused by human error: Bob broke the config.",
	    "A configuration change reached production because the deploy "
	    "tool applies the shared defaults to every environment."),
	H(ANALYSIS_DEPTH,
	    "Explain the mechanism in the Root Cause section: what failed, "
	    "why, and why it was not caught (at least 'min_root_cause_words' "
	    "words); a Five Whys section needs at least 'min_whys' whys.",
	    "## Root Cause\n\nThe cache was full.",
	    "## Root Cause\n\nThe cache filled up because a new key format "
	    "doubled the entry size, and no alert watched the eviction rate "
	    "that rose for two days before the outage."),
	H(LINKS_RELATED,
	    "Point 'related' and [[id]] links at the id of an existing "
	    "post-mortem (its 'id' field, or its file name without .md); "
	    "fix the typo or remove the link.",
	    "related: [2024-11-03-cache-ful]",
	    "related: [2024-11-03-cache-full]"),
	H(LINKS_LOCAL,
	    "Point relative links and images at files that are in the "
	    "repository's tree (committed, or staged for --staged): fix the "
	    "path, add the file, or link to it by URL. A link may not leave "
	    "the repository, enter .git/, or name a symbolic link, an "
	    "excluded file or a file that runs scripts (HTML, SVG).",
	    "![latency](img/latency.png)   <!-- no such file -->",
	    "![latency](images/latency.png)"),
	H(IDS_UNIQUE,
	    "Give each post-mortem its own id: a report copied from another "
	    "keeps the old 'id' field until it is changed.",
	    "id: 2024-11-03-cache-full   # in two files",
	    "id: 2025-02-09-cache-full-again"),
	H(INPUT_LIMITS,
	    "Keep reports as UTF-8 text within the configured limits "
	    "('limits' in .postmortem.yaml: report and line size, nesting, "
	    "table size, YAML depth and aliases); split a generated dump "
	    "into an attachment.",
	    NULL, NULL),
};

const struct pm_rule_help *
pm_rule_help(enum pm_rule_id r)
{
	static const struct pm_rule_help none = { "", NULL, NULL };

	return r < PM_RULE__MAX && help[r].fix != NULL ? &help[r] : &none;
}

void
pm_rule_anchor(struct pm_buf *b, enum pm_rule_id r)
{
	const char	*p;

	for (p = pm_rule_name(r); *p != '\0'; p++)
		pm_buf_putc(b, *p == '/' ? '-' : *p);
}

void
pm_rule_help_uri(struct pm_buf *b, enum pm_rule_id r)
{
	pm_buf_puts(b, PM_RULES_URI "#");
	pm_rule_anchor(b, r);
}

/* "Every required section is present, none twice." from the table's
 * lower-case description. */
void
pm_rule_sentence(struct pm_buf *b, enum pm_rule_id r)
{
	const char	*d = pm_rule_description(r);
	size_t		 n = strlen(d);

	if (n == 0)
		return;
	pm_buf_putc(b, d[0] >= 'a' && d[0] <= 'z' ? d[0] - 'a' + 'A' : d[0]);
	pm_buf_put(b, d + 1, n - 1);
	if (d[n - 1] != '.')
		pm_buf_putc(b, '.');
}

/* A fenced block for s: a fence longer than any backtick run in s. */
static void
fenced(struct pm_buf *b, const char *s)
{
	size_t	 run = 0, best = 0, i;
	const char *p;

	for (p = s; *p != '\0'; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	for (i = 0; i < (best < 3 ? 3 : best + 1); i++)
		pm_buf_putc(b, '`');
	pm_buf_puts(b, "markdown\n");
	pm_buf_puts(b, s);
	pm_buf_putc(b, '\n');
	for (i = 0; i < (best < 3 ? 3 : best + 1); i++)
		pm_buf_putc(b, '`');
	pm_buf_putc(b, '\n');
}

void
pm_rule_help_markdown(struct pm_buf *b, enum pm_rule_id r)
{
	const struct pm_rule_help	*h = pm_rule_help(r);

	pm_rule_sentence(b, r);
	pm_buf_printf(b, " Default level: %s.\n\n%s\n",
	    pm_level_name(pm_rule_default_level(r)), h->fix);
	if (h->bad != NULL) {
		pm_buf_puts(b, "\nReported:\n\n");
		fenced(b, h->bad);
	}
	if (h->good != NULL) {
		pm_buf_puts(b, "\nFixed:\n\n");
		fenced(b, h->good);
	}
}

void
pm_rule_help_text(struct pm_buf *b, enum pm_rule_id r)
{
	const struct pm_rule_help	*h = pm_rule_help(r);
	const char			*p;

	pm_rule_sentence(b, r);
	pm_buf_printf(b, "\n\n%s\n", h->fix);
	if (h->bad != NULL) {
		pm_buf_puts(b, "\nReported:\n");
		for (p = h->bad; *p != '\0'; p++) {
			if (p == h->bad || p[-1] == '\n')
				pm_buf_puts(b, "    ");
			pm_buf_putc(b, *p);
		}
		pm_buf_putc(b, '\n');
	}
	if (h->good != NULL) {
		pm_buf_puts(b, "\nFixed:\n");
		for (p = h->good; *p != '\0'; p++) {
			if (p == h->good || p[-1] == '\n')
				pm_buf_puts(b, "    ");
			pm_buf_putc(b, *p);
		}
		pm_buf_putc(b, '\n');
	}
}

void
pm_rules_markdown(struct pm_buf *b)
{
	int	 i;

	pm_buf_puts(b, "<!-- Generated from lib/base/rules.def and "
	    "lib/report/rulehelp.c by\n     'make docs/rules.md'; edit "
	    "those, not this file. -->\n"
	    "# Lint rules\n\n"
	    "Every rule `postmortem lint` checks, with what to do about a "
	    "finding and an\nexample that is reported and the same fixed. "
	    "SARIF's `helpUri` points at\nthese sections "
	    "(`docs/rules.md#` and the rule id with `/` as `-`). Switch a "
	    "rule\noff or change its level in `.postmortem.yaml` "
	    "(`rules: {timeline/utc: off}`);\n`postmortem rules` lists "
	    "them with the pattern rules of the loaded packs.\n\n"
	    "| rule | default | checks |\n|---|---|---|\n");
	for (i = 0; i < PM_RULE__MAX; i++) {
		pm_buf_puts(b, "| [`");
		pm_buf_puts(b, pm_rule_name((enum pm_rule_id)i));
		pm_buf_puts(b, "`](#");
		pm_rule_anchor(b, (enum pm_rule_id)i);
		pm_buf_printf(b, ") | %s | %s |\n", pm_level_name(
		    pm_rule_default_level((enum pm_rule_id)i)),
		    pm_rule_description((enum pm_rule_id)i));
	}
	for (i = 0; i < PM_RULE__MAX; i++) {
		pm_buf_puts(b, "\n<a id=\"");
		pm_rule_anchor(b, (enum pm_rule_id)i);
		pm_buf_printf(b, "\"></a>\n## %s\n\n",
		    pm_rule_name((enum pm_rule_id)i));
		pm_rule_help_markdown(b, (enum pm_rule_id)i);
	}
}
