/*
 * The sarif reporter: SARIF 2.1.0 as GitHub code scanning reads it,
 * and as Microsoft's SARIF Multitool validates it with GitHub's rules
 * ('validate --rule-kind "Gh;Sarif"', run by tests/lint/t-sarif.sh).
 *
 * Every built-in rule is listed in tool.driver.rules (ruleIndex is the
 * rule's place in base/rules.def) with its description, what to do and
 * examples (rulehelp.c), and a helpUri to its section of docs/rules.md;
 * a pattern rule reports under its family with the pattern id in
 * properties.detail.  partialFingerprints carry the baseline's
 * fingerprint (pm_report_fingerprint), which ignores line numbers so
 * alerts survive edits elsewhere in the file.  Columns are counted in
 * UTF-16 code units, as SARIF's default columnKind says, from the
 * report's line text when the caller lends it (pm_report.line); a
 * finding on a whole line ends at the line's end.
 *
 * GitHub takes at most 25,000 results a run: beyond that, errors are
 * kept first, then warnings, then notes, and the run's properties and
 * standard error say how many of which rule were left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/json.h"
#include "report/report.h"

struct	sstate {
	const struct pm_finding	**v;
	size_t			 n, cap;
};

static const char *
sarif_level(enum pm_level l)
{
	switch (l) {
	case PM_LEVEL_ERROR:
		return "error";
	case PM_LEVEL_WARNING:
		return "warning";
	case PM_LEVEL_INFO:
		return "note";
	default:
		return "none";
	}
}

/* A relative path as a URI reference: percent-encode all but the
 * unreserved characters and '/'. */
static void
put_uri(struct pm_json *j, const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct pm_buf		 b = PM_BUF_INIT;
	const unsigned char	*p;

	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			pm_buf_putc(&b, *p);
		else {
			pm_buf_putc(&b, '%');
			pm_buf_putc(&b, hex[*p >> 4]);
			pm_buf_putc(&b, hex[*p & 15]);
		}
	pm_json_str(j, pm_buf_cstr(&b));
	pm_buf_release(&b);
}

/* A message as SARIF wants it: a sentence that ends with a period. */
static void
put_sentence(struct pm_json *j, const char *key, const char *s)
{
	struct pm_buf	 b = PM_BUF_INIT;
	size_t		 n = strlen(s);

	pm_buf_puts(&b, s);
	while (b.len > 0 && (b.ptr[b.len - 1] == '\n' ||
	    b.ptr[b.len - 1] == ' '))
		pm_buf_truncate(&b, b.len - 1);
	if (n == 0 || b.len == 0 || strchr(".!?", b.ptr[b.len - 1]) == NULL)
		pm_buf_putc(&b, '.');
	pm_json_kstr(j, key, pm_buf_cstr(&b));
	pm_buf_release(&b);
}

static void
put_rule(struct pm_json *j, enum pm_rule_id r)
{
	struct pm_buf	 b = PM_BUF_INIT;

	pm_json_obj_begin(j);
	pm_json_kstr(j, "id", pm_rule_name(r));
	pm_json_key(j, "shortDescription");
	pm_json_obj_begin(j);
	pm_rule_sentence(&b, r);
	pm_json_kstr(j, "text", pm_buf_cstr(&b));
	pm_json_obj_end(j);
	pm_json_key(j, "fullDescription");
	pm_json_obj_begin(j);
	pm_buf_puts(&b, " ");
	pm_buf_puts(&b, pm_rule_help(r)->fix);
	put_sentence(j, "text", pm_buf_cstr(&b));
	pm_json_obj_end(j);
	pm_json_key(j, "help");
	pm_json_obj_begin(j);
	pm_buf_truncate(&b, 0);
	pm_rule_help_text(&b, r);
	pm_json_kstr(j, "text", pm_buf_cstr(&b));
	pm_buf_truncate(&b, 0);
	pm_rule_help_markdown(&b, r);
	pm_json_kstr(j, "markdown", pm_buf_cstr(&b));
	pm_json_obj_end(j);
	pm_buf_truncate(&b, 0);
	pm_rule_help_uri(&b, r);
	pm_json_kstr(j, "helpUri", pm_buf_cstr(&b));
	pm_json_key(j, "defaultConfiguration");
	pm_json_obj_begin(j);
	pm_json_kstr(j, "level", sarif_level(pm_rule_default_level(r)));
	pm_json_obj_end(j);
	pm_json_key(j, "properties");
	pm_json_obj_begin(j);
	pm_json_key(j, "tags");
	pm_json_arr_begin(j);
	pm_json_str(j, "post-mortem");
	pm_buf_truncate(&b, 0);
	pm_buf_puts(&b, pm_rule_name(r));
	if (strchr(pm_buf_cstr(&b), '/') != NULL)
		pm_buf_truncate(&b, (size_t)(strchr(pm_buf_cstr(&b), '/') -
		    pm_buf_cstr(&b)));
	pm_json_str(j, pm_buf_cstr(&b));
	pm_json_arr_end(j);
	pm_json_obj_end(j);
	pm_json_obj_end(j);
	pm_buf_release(&b);
}

/* UTF-16 code units in s[0..n): a 4-byte UTF-8 sequence is two, any
 * other character (or stray byte) one. */
static unsigned int
utf16_units(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 u = 0;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if ((p[i] & 0xc0) == 0x80)
			continue;		/* continuation byte */
		u += p[i] >= 0xf0 && p[i] <= 0xf4 ? 2 : 1;
	}
	return u;
}

/* The region of f: lines and columns (1-based, UTF-16 units), the end
 * exclusive. */
static void
region(const struct pm_report *r, const struct pm_finding *f,
    unsigned int *line, unsigned int *c0, unsigned int *c1)
{
	const char	*s = NULL;
	size_t		 len = 0, b0, b1;

	*line = pm_report_line(f);
	if (r->line != NULL)
		s = r->line(r->line_arg, f->path, *line, &len);
	b0 = f->pos.col > 0 ? f->pos.col - 1 : 0;
	b1 = f->end_col > f->pos.col ? f->end_col - 1 : len;
	if (s == NULL) {
		*c0 = (unsigned int)b0 + 1;
		*c1 = f->end_col > f->pos.col ? f->end_col : *c0;
		return;
	}
	if (b0 > len)
		b0 = len;
	if (b1 > len)
		b1 = len;
	if (b1 < b0)
		b1 = b0;
	*c0 = utf16_units(s, b0) + 1;
	*c1 = *c0 + utf16_units(s + b0, b1 - b0);
}

static void
put_result(struct pm_json *j, const struct pm_report *r,
    const struct pm_finding *f)
{
	struct pm_buf	 msg = PM_BUF_INIT;
	unsigned int	 line, c0, c1;
	char		 fp[40];

	pm_json_obj_begin(j);
	pm_json_kstr(j, "ruleId", pm_rule_name(f->rule));
	pm_json_kint(j, "ruleIndex", (long long)f->rule);
	pm_json_kstr(j, "level", sarif_level(f->level));
	pm_json_key(j, "message");
	pm_json_obj_begin(j);
	pm_buf_puts(&msg, f->msg);
	if (f->suggest != NULL) {
		pm_buf_printf(&msg, ".\nSuggestion: %s", f->suggest);
	}
	put_sentence(j, "text", pm_buf_cstr(&msg));
	pm_buf_release(&msg);
	pm_json_obj_end(j);
	pm_json_key(j, "locations");
	pm_json_arr_begin(j);
	pm_json_obj_begin(j);
	pm_json_key(j, "physicalLocation");
	pm_json_obj_begin(j);
	pm_json_key(j, "artifactLocation");
	pm_json_obj_begin(j);
	pm_json_key(j, "uri");
	put_uri(j, f->path);
	pm_json_obj_end(j);
	region(r, f, &line, &c0, &c1);
	pm_json_key(j, "region");
	pm_json_obj_begin(j);
	pm_json_kint(j, "startLine", line);
	pm_json_kint(j, "startColumn", c0);
	pm_json_kint(j, "endLine", line);
	pm_json_kint(j, "endColumn", c1);
	pm_json_obj_end(j);
	pm_json_obj_end(j);		/* physicalLocation */
	pm_json_obj_end(j);
	pm_json_arr_end(j);		/* locations */
	pm_json_key(j, "partialFingerprints");
	pm_json_obj_begin(j);
	pm_json_kstr(j, "postmortemFinding/v2", pm_report_fingerprint(fp, f));
	pm_json_obj_end(j);
	if (f->detail != NULL || f->draft) {
		pm_json_key(j, "properties");
		pm_json_obj_begin(j);
		if (f->detail != NULL)
			pm_json_kstr(j, "detail", f->detail);
		if (f->draft)
			pm_json_kbool(j, "draft", 1);
		pm_json_obj_end(j);
	}
	pm_json_obj_end(j);
}

static void
sarif_begin(struct pm_report *r)
{
	r->priv = pm_xcalloc(1, sizeof(struct sstate));
}

static void
sarif_finding(struct pm_report *r, const struct pm_finding *f)
{
	struct sstate	*s = r->priv;

	s->v = pm_xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = f;
}

/*
 * Which findings fit in max: every error first, then warnings, then
 * the rest, each level in sorted order.  keep[i] is set for those.
 * Returns how many were left out, and counts them per rule.
 */
static size_t
select_results(const struct sstate *s, size_t max, unsigned char *keep,
    size_t *omitted_by_rule)
{
	static const enum pm_level order[] = {
		PM_LEVEL_ERROR, PM_LEVEL_WARNING, PM_LEVEL_INFO
	};
	size_t	 i, k, n = 0;

	/* The last pass takes whatever level is left. */
	for (k = 0; k <= sizeof(order) / sizeof(order[0]); k++)
		for (i = 0; i < s->n && n < max; i++) {
			if (keep[i] || (k < sizeof(order) / sizeof(order[0]) &&
			    s->v[i]->level != order[k]))
				continue;
			keep[i] = 1;
			n++;
		}
	for (i = 0; i < s->n; i++)
		if (!keep[i] && s->v[i]->rule < PM_RULE__MAX)
			omitted_by_rule[s->v[i]->rule]++;
	return s->n - n;
}

static void
sarif_end(struct pm_report *r)
{
	struct sstate	*s = r->priv;
	struct pm_buf	 buf = PM_BUF_INIT;
	struct pm_json	 j;
	size_t		 omitted_by_rule[PM_RULE__MAX];
	size_t		 i, max, omitted;
	unsigned char	*keep;
	FILE		*err = r->err != NULL ? r->err : stderr;
	int		 k, any;

	max = r->max_results > 0 ? r->max_results : PM_SARIF_MAX_RESULTS;
	keep = pm_xcalloc(s->n > 0 ? s->n : 1, 1);
	memset(omitted_by_rule, 0, sizeof(omitted_by_rule));
	omitted = select_results(s, max, keep, omitted_by_rule);

	pm_json_init(&j, &buf, 1);
	pm_json_obj_begin(&j);
	pm_json_kstr(&j, "$schema",
	    "https://json.schemastore.org/sarif-2.1.0.json");
	pm_json_kstr(&j, "version", "2.1.0");
	pm_json_key(&j, "runs");
	pm_json_arr_begin(&j);
	pm_json_obj_begin(&j);
	pm_json_key(&j, "tool");
	pm_json_obj_begin(&j);
	pm_json_key(&j, "driver");
	pm_json_obj_begin(&j);
	pm_json_kstr(&j, "name", "postmortem");
	pm_json_kstr(&j, "version", r->version);
	pm_json_kstr(&j, "informationUri", PM_INFO_URI);
	pm_json_key(&j, "rules");
	pm_json_arr_begin(&j);
	for (k = 0; k < PM_RULE__MAX; k++)
		put_rule(&j, (enum pm_rule_id)k);
	pm_json_arr_end(&j);
	pm_json_obj_end(&j);		/* driver */
	pm_json_obj_end(&j);		/* tool */
	pm_json_kstr(&j, "columnKind", "utf16CodeUnits");
	pm_json_key(&j, "results");
	pm_json_arr_begin(&j);
	for (i = 0; i < s->n; i++) {
		if (!keep[i])
			continue;
		put_result(&j, r, s->v[i]);
		if (buf.len > 65536) {
			fwrite(buf.ptr, 1, buf.len, r->out);
			pm_buf_truncate(&buf, 0);
		}
	}
	pm_json_arr_end(&j);		/* results */
	if (omitted > 0) {
		pm_json_key(&j, "properties");
		pm_json_obj_begin(&j);
		pm_json_kbool(&j, "resultsTruncated", 1);
		pm_json_kint(&j, "resultsFound", (long long)s->n);
		pm_json_kint(&j, "resultsOmitted", (long long)omitted);
		pm_json_key(&j, "resultsOmittedByRule");
		pm_json_obj_begin(&j);
		for (k = 0; k < PM_RULE__MAX; k++)
			if (omitted_by_rule[k] > 0)
				pm_json_kint(&j, pm_rule_name(
				    (enum pm_rule_id)k),
				    (long long)omitted_by_rule[k]);
		pm_json_obj_end(&j);
		pm_json_obj_end(&j);
		fprintf(err, "postmortem: sarif: %zu results, but GitHub code "
		    "scanning takes at most %zu a run: %zu left out (errors "
		    "kept first):", s->n, max, omitted);
		for (k = 0, any = 0; k < PM_RULE__MAX; k++)
			if (omitted_by_rule[k] > 0) {
				fprintf(err, "%s %zu %s", any ? "," : "",
				    omitted_by_rule[k],
				    pm_rule_name((enum pm_rule_id)k));
				any = 1;
			}
		fprintf(err, "; the run's properties say so too\n");
	}
	pm_json_obj_end(&j);		/* run */
	pm_json_arr_end(&j);		/* runs */
	pm_json_obj_end(&j);
	pm_buf_putc(&buf, '\n');
	fwrite(buf.ptr, 1, buf.len, r->out);
	fflush(r->out);
	pm_buf_release(&buf);
	free(keep);
	free(s->v);
	free(s);
	r->priv = NULL;
}

const struct pm_reporter pm_report_sarif = {
	"sarif", sarif_begin, sarif_finding, sarif_end
};
