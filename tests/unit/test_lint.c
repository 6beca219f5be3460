/*
 * Unit tests of lib/lint and lib/report on hand-built models: the
 * timeline order rule, suppression comments, rule packs (compile
 * errors with FILE:LINE, prose masking and positions, the PCRE2 match
 * limit), and the reporters' escaping and fingerprints.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/time.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "report/report.h"
#include "source/config.h"
#include "harness.h"

/* A document with text and its line table, nothing else. */
static struct pm_doc *
mkdoc(const char *text)
{
	struct pm_doc	*d;
	size_t		 i, n = 1, len = strlen(text);

	d = pm_xcalloc(1, sizeof(*d));
	d->path = "t.md";
	d->kind = PM_DOC_FRONTMATTER;
	d->text = pm_xstrdup(text);
	d->textsz = len;
	for (i = 0; i < len; i++)
		if (text[i] == '\n' && i + 1 < len)
			n++;
	d->line_off = pm_xcalloc(n + 1, sizeof(*d->line_off));
	d->line_off[0] = 0;
	for (i = 0, n = 1; i < len; i++)
		if (text[i] == '\n' && i + 1 < len)
			d->line_off[n++] = i + 1;
	d->line_off[n] = len;	/* the end, as split.c sets it */
	d->nlines = (unsigned int)n;
	d->body_line = 1;
	d->meta.id = "t";
	return d;
}

static void
freedoc(struct pm_doc *d)
{
	free(d->text);
	free(d->line_off);
	free(d->timeline.rows);
	free(d->prose);
	free(d->actions);
	free(d);
}

static size_t
count_rule(const struct pm_findings *fs, enum pm_rule_id r)
{
	size_t	 i, n = 0;

	for (i = 0; i < fs->n; i++)
		n += fs->v[i].rule == r;
	return n;
}

static const struct pm_finding *
find_rule(const struct pm_findings *fs, enum pm_rule_id r)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++)
		if (fs->v[i].rule == r)
			return &fs->v[i];
	return NULL;
}

/* Drop every finding of another rule. */
static void
keep_rule(struct pm_findings *fs, enum pm_rule_id r)
{
	struct pm_findings	 keep = PM_FINDINGS_INIT;
	size_t			 i;

	for (i = 0; i < fs->n; i++)
		if (fs->v[i].rule == r) {
			keep.v = pm_xgrow(keep.v, &keep.cap, keep.n + 1,
			    sizeof(*keep.v));
			keep.v[keep.n++] = fs->v[i];
			fs->v[i].path = fs->v[i].msg = NULL;
			fs->v[i].detail = fs->v[i].suggest = NULL;
		}
	pm_findings_release(fs);
	*fs = keep;
}

static void
row(struct pm_trow *r, unsigned int line, const char *raw, int64_t t,
    int date_only)
{
	memset(r, 0, sizeof(*r));
	r->pos.line = r->time_pos.line = line;
	r->pos.col = 1;
	r->time_pos.col = 3;
	r->time_raw = raw;
	r->ok = 1;
	r->t = t;
	r->date_only = date_only;
	r->event = "something happened";
}

static void
test_timeline_order(struct pm_config *cfg, struct pm_lint_opts *lo)
{
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_doc		*d;
	const struct pm_finding	*f;
	int64_t			 day = 20000 * (int64_t)PM_DAY;

	d = mkdoc("x\n");
	d->timeline.present = 1;
	d->timeline.utc_declared = 1;
	d->timeline.rows = pm_xcalloc(5, sizeof(*d->timeline.rows));
	row(&d->timeline.rows[0], 10, "10:00", day + 36000, 0);
	row(&d->timeline.rows[1], 11, "10:20", day + 37200, 0);
	row(&d->timeline.rows[2], 12, "10:10", day + 36600, 0);
	row(&d->timeline.rows[3], 13, "10:30", day + 37800, 0);
	d->timeline.n = 4;
	pm_lint_doc(d, NULL, cfg, NULL, lo, &fs, NULL);
	INT_EQ(count_rule(&fs, PM_RULE_TIMELINE_ORDER), 1,
	    "timeline__order_swap_is_one_finding");
	f = find_rule(&fs, PM_RULE_TIMELINE_ORDER);
	OK(f != NULL && f->pos.line == 12 && f->pos.col == 3,
	    "timeline__order_at_time_cell");
	pm_findings_release(&fs);

	/* A date-only row is in order anywhere within its day. */
	row(&d->timeline.rows[0], 10, "10:00", day + 36000, 0);
	row(&d->timeline.rows[1], 11, "date", day, 1);
	row(&d->timeline.rows[2], 12, "10:30", day + 37800, 0);
	row(&d->timeline.rows[3], 13, "next day", day + PM_DAY, 1);
	row(&d->timeline.rows[4], 14, "09:00", day + PM_DAY + 32400, 0);
	d->timeline.n = 5;
	pm_lint_doc(d, NULL, cfg, NULL, lo, &fs, NULL);
	INT_EQ(count_rule(&fs, PM_RULE_TIMELINE_ORDER), 0,
	    "timeline__date_only_rows_in_order");
	pm_findings_release(&fs);

	row(&d->timeline.rows[3], 13, "day before", day - PM_DAY, 1);
	pm_lint_doc(d, NULL, cfg, NULL, lo, &fs, NULL);
	INT_EQ(count_rule(&fs, PM_RULE_TIMELINE_ORDER), 1,
	    "timeline__date_only_row_day_before");
	pm_findings_release(&fs);

	/* Unreadable rows are skipped. */
	d->timeline.rows[3].ok = 0;
	pm_lint_doc(d, NULL, cfg, NULL, lo, &fs, NULL);
	INT_EQ(count_rule(&fs, PM_RULE_TIMELINE_ORDER), 0,
	    "timeline__unread_rows_skipped");
	pm_findings_release(&fs);
	freedoc(d);
}

static struct pm_finding *
addf(struct pm_findings *fs, enum pm_rule_id r, unsigned int line,
    const char *detail)
{
	struct pm_pos		 p = { line, 1 };
	struct pm_finding	*f;

	f = pm_findings_add(fs, r, "t.md", p, "m%u", line);
	if (detail != NULL)
		f->detail = pm_xstrdup(detail);
	return f;
}

static void
test_suppress(void)
{
	static const char text[] =
	    "line one\n"						/* 1 */
	    "<!-- postmortem-disable timeline/utc -->\n"		/* 2 */
	    "three\n"							/* 3 */
	    "<!-- postmortem-enable timeline/utc -->\n"		/* 4 */
	    "five\n"							/* 5 */
	    "<!-- postmortem-disable-next-line en/human-error -->\n"	/* 6 */
	    "seven\n"							/* 7 */
	    "eight\n"							/* 8 */
	    "```\n"							/* 9 */
	    "<!-- postmortem-disable -->\n"				/* 10 */
	    "```\n"							/* 11 */
	    "<!-- postmortem-disable-next-line timeline -->\n"	/* 12 */
	    "thirteen\n"						/* 13 */
	    "<!-- postmortem-disable ids/unique, human-error -->\n";	/* 14 */
	struct pm_findings	 fs = PM_FINDINGS_INIT;

	addf(&fs, PM_RULE_TIMELINE_UTC, 3, NULL);	/* dropped */
	addf(&fs, PM_RULE_TIMELINE_UTC, 5, NULL);	/* kept */
	addf(&fs, PM_RULE_TIMELINE_ORDER, 3, NULL);	/* kept */
	addf(&fs, PM_RULE_LANGUAGE_BLAMELESS, 7, "en/human-error"); /* drop */
	addf(&fs, PM_RULE_LANGUAGE_BLAMELESS, 8, "en/human-error"); /* kept */
	addf(&fs, PM_RULE_LANGUAGE_BLAMELESS, 7, "en/careless"); /* kept */
	addf(&fs, PM_RULE_ACTIONS_OWNER, 11, NULL);	/* kept: fenced */
	addf(&fs, PM_RULE_TIMELINE_WINDOW, 13, NULL);	/* dropped: family */
	addf(&fs, PM_RULE_IDS_UNIQUE, 0, NULL);	/* dropped: end state */
	addf(&fs, PM_RULE_LINKS_RELATED, 0, NULL);	/* kept */
	pm_suppress_apply_text(text, sizeof(text) - 1, &fs, 0);
	INT_EQ(fs.n, 6, "suppress__count");
	OK(fs.n == 6 && fs.v[0].rule == PM_RULE_TIMELINE_UTC &&
	    fs.v[0].pos.line == 5, "suppress__enable_restores");
	OK(fs.n == 6 && fs.v[1].rule == PM_RULE_TIMELINE_ORDER,
	    "suppress__other_rule_kept");
	OK(fs.n == 6 && fs.v[2].pos.line == 8, "suppress__next_line_only");
	OK(fs.n == 6 && strcmp(fs.v[3].detail, "en/careless") == 0,
	    "suppress__pattern_id_only");
	OK(fs.n == 6 && fs.v[4].rule == PM_RULE_ACTIONS_OWNER,
	    "suppress__ignored_in_code_fence");
	OK(fs.n == 6 && fs.v[5].rule == PM_RULE_LINKS_RELATED,
	    "suppress__whole_file_by_end_state");
	pm_findings_release(&fs);

	/* "from" protects earlier findings (other documents). */
	addf(&fs, PM_RULE_TIMELINE_UTC, 3, NULL);
	addf(&fs, PM_RULE_TIMELINE_UTC, 3, NULL);
	pm_suppress_apply_text(text, sizeof(text) - 1, &fs, 1);
	INT_EQ(fs.n, 1, "suppress__from");
	pm_findings_release(&fs);
}

static char *
write_tmp(const char *dir, const char *name, const char *text)
{
	char	*p;
	FILE	*f;

	p = pm_xasprintf("%s/%s", dir, name);
	f = fopen(p, "w");
	fputs(text, f);
	fclose(f);
	return p;
}

static void
test_rulepack(struct pm_config *cfg, struct pm_lint_opts *lo)
{
	static const char pack[] =
	    "family: language/blameless\n"
	    "locale: en\n"
	    "rules:\n"
	    "  - id: human-error\n"
	    "    pattern: '\\bhuman\\s+error\\b'\n"
	    "    message: \"describe the conditions\"\n"
	    "    suggest: \"the system allowed\"\n"
	    "    bad: [\"It was human error.\"]\n"
	    "    good: [\"We removed a human-error-prone step.\", "
	    "\"humane errors\"]\n";
	static const char broken[] =
	    "family: actions/vague\n"
	    "locale: en\n"
	    "rules:\n"
	    "  - id: ok\n"
	    "    pattern: 'fine'\n"
	    "    message: m\n"
	    "  - id: broken\n"
	    "    pattern: 'a(b'\n"
	    "    message: m\n";
	static const char slow[] =
	    "family: language/blameless\n"
	    "locale: en\n"
	    "rules:\n"
	    "  - id: slow\n"
	    "    pattern: '(a+)+$'\n"
	    "    message: m\n"
	    "    bad: [\"aaab\"]\n";
	static const char body[] =
	    "Some `human error` in code, and\n"			/* 1 */
	    "then human\n"						/* 2 */
	    "error across lines <!-- human error -->.\n"		/* 3 */
	    "A [link](http://x/human error) and [[human-error]].\n"	/* 4 */
	    "See https://x.example/human%20error human error\n";	/* 5 */
	char			 dir[] = "/tmp/pm-unit.XXXXXX";
	char			*p1, *p2, *p3;
	struct pm_rulepacks	*rp;
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_doc		*d;
	struct pm_prose		 pr;
	struct pm_buf		 aa = PM_BUF_INIT;
	size_t			 nrun, i;
	FILE			*null;

	if (mkdtemp(dir) == NULL) {
		OK(0, "rulepack__tmpdir");
		return;
	}
	p1 = write_tmp(dir, "a.yaml", pack);
	OK(pm_rulepacks_load(&rp, dir, cfg, NULL) == 0, "rulepack__load");
	INT_EQ(pm_rulepacks_count(rp), 1, "rulepack__count");
	null = fopen("/dev/null", "w");
	INT_EQ(pm_rulepacks_test(rp, null, &nrun), 0, "rulepack__examples");
	INT_EQ(nrun, 3, "rulepack__examples_run");

	d = mkdoc(body);
	pr.sec = PM_SEC_ROOT_CAUSE;
	pr.line_first = 1;
	pr.line_last = 5;
	d->prose = pm_xmalloc(sizeof(pr));
	d->prose[0] = pr;
	d->nprose = 1;
	pm_lint_doc(d, NULL, cfg, rp, lo, &fs, NULL);
	INT_EQ(count_rule(&fs, PM_RULE_LANGUAGE_BLAMELESS), 2,
	    "rulepack__prose_masked");
	keep_rule(&fs, PM_RULE_LANGUAGE_BLAMELESS);
	pm_findings_sort(&fs);
	OK(fs.n >= 2 && fs.v[0].pos.line == 2 && fs.v[0].pos.col == 6,
	    "rulepack__match_across_lines_position");
	OK(fs.n >= 2 && fs.v[1].pos.line == 5 && fs.v[1].pos.col == 37,
	    "rulepack__match_after_url_position");
	OK(fs.n >= 1 && fs.v[0].detail != NULL &&
	    strcmp(fs.v[0].detail, "en/human-error") == 0 &&
	    fs.v[0].suggest != NULL, "rulepack__detail_and_suggest");
	pm_findings_release(&fs);
	pm_rulepacks_free(rp);

	/*
	 * A pattern that does not compile: in a repository's pack, the
	 * load names FILE:LINE and offset and leaves the pack out; a
	 * shipped pack compiles when first matched, so rules --test (the
	 * suite runs it) fails on it.
	 */
	p2 = write_tmp(dir, "b.yaml", broken);
	OK(pm_rulepacks_load(&rp, dir, cfg, NULL) == 0 &&
	    pm_rulepacks_test(rp, null, &nrun) > 0, "rulepack__compile_error");
	pm_rulepacks_free(rp);
	{
		char	*files[] = { p2 };

		cfg->rule_files = files;
		cfg->nrule_files = 1;
		OK(pm_rulepacks_load(&rp, NULL, cfg, NULL) == 0 &&
		    pm_rulepacks_problems(rp) != NULL &&
		    strstr(pm_rulepacks_problems(rp), "b.yaml:8:") != NULL &&
		    strstr(pm_rulepacks_problems(rp), "offset 3") != NULL,
		    "rulepack__compile_error_file_line_offset");
		pm_rulepacks_free(rp);
		cfg->rule_files = NULL;
		cfg->nrule_files = 0;
	}
	unlink(p2);

	/* A pathological pattern stops at the match limit. */
	p3 = write_tmp(dir, "c.yaml", slow);
	cfg->limits.pcre2_match_limit = 10000;
	OK(pm_rulepacks_load(&rp, dir, cfg, NULL) == 0, "rulepack__slow_load");
	for (i = 0; i < 5000; i++)
		pm_buf_putc(&aa, 'a');
	pm_buf_puts(&aa, "b\n");
	freedoc(d);
	d = mkdoc(pm_buf_cstr(&aa));
	d->prose = pm_xmalloc(sizeof(pr));
	pr.line_last = 1;
	d->prose[0] = pr;
	d->nprose = 1;
	{
		struct pm_lint_stats st = { 0, 0 };

		pm_lint_doc(d, NULL, cfg, rp, lo, &fs, &st);
		INT_EQ(st.limit_hits, 1, "rulepack__match_limit_hit");
		OK(count_rule(&fs, PM_RULE_LANGUAGE_BLAMELESS) == 1 &&
		    find_rule(&fs, PM_RULE_LANGUAGE_BLAMELESS)->level ==
		    PM_LEVEL_WARNING, "rulepack__match_limit_warning");
	}
	pm_findings_release(&fs);
	pm_rulepacks_free(rp);
	cfg->limits.pcre2_match_limit = 1000000;
	pm_buf_release(&aa);
	freedoc(d);
	fclose(null);
	unlink(p1);
	unlink(p3);
	rmdir(dir);
	free(p1);
	free(p2);
	free(p3);
}

static void
test_reports(void)
{
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_report	 r;
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_finding	*f;
	struct pm_pos		 p = { 3, 4 };
	char			 fp1[40], fp2[40], *out;
	size_t			 len;
	FILE			*mem;

	f = pm_findings_add(&fs, PM_RULE_TIMELINE_UTC, "a,b:c%.md", p,
	    "50%% of rows\r\nsay: CET, here");
	memset(&r, 0, sizeof(r));
	mem = open_memstream(&out, &len);
	r.out = mem;
	r.version = "0";
	pm_report_run(&pm_report_github, &r, &fs);
	fclose(mem);
	STR_EQ(out, "::warning file=a%2Cb%3Ac%25.md,line=3,col=4,"
	    "title=timeline/utc::50%25 of rows%0D%0Asay: CET, here\n",
	    "report__github_escaping");
	free(out);

	pm_xml_escape(&b, "<a & \"b\"> \x01 \xff ok", 1);
	STR_EQ(pm_buf_cstr(&b), "&lt;a &amp; &quot;b&quot;&gt; \xef\xbf\xbd "
	    "\xef\xbf\xbd ok", "report__xml_escape");
	pm_buf_release(&b);

	pm_findings_fingerprint(&fs, 0, NULL, NULL);
	pm_report_fingerprint(fp1, f);
	f->pos.line = 99;
	pm_findings_fingerprint(&fs, 0, NULL, NULL);
	pm_report_fingerprint(fp2, f);
	STR_EQ(fp1, fp2, "report__fingerprint_ignores_line");
	pm_findings_add(&fs, PM_RULE_TIMELINE_UTC, "a,b:c%.md", p,
	    "50%% of rows\r\nsay: CET, here");
	pm_findings_fingerprint(&fs, 0, NULL, NULL);
	OK(fs.v[0].fp != fs.v[1].fp, "report__fingerprint_occurrence");
	INT_EQ(strlen(fp1), 32, "report__fingerprint_length");
	pm_findings_release(&fs);
}

int
main(void)
{
	struct pm_config	 cfg;
	struct pm_lint_opts	 lo;

	pm_config_init(&cfg);
	memset(&lo, 0, sizeof(lo));
	pm_date_parse(&lo.today, "2026-11-01");
	test_timeline_order(&cfg, &lo);
	test_suppress();
	test_rulepack(&cfg, &lo);
	test_reports();
	pm_config_release(&cfg);
	return harness_done();
}
