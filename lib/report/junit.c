/*
 * The junit reporter: one testsuite, one testcase per linted file, a
 * <failure> in the testcase of a file with an error finding that fails
 * the run (drafts only with --strict), listing all of them.  Other
 * findings go to the testcase's <system-out>, so CI test views show
 * them without failing.  tests/lint/data/junit.xsd is the schema that
 * GitLab and Jenkins read, written down; t-sarif-formats.sh checks the
 * output against it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "report/report.h"

struct	ustate {
	const struct pm_finding	**v;
	size_t			 n, cap;
};

static void
junit_begin(struct pm_report *r)
{
	r->priv = pm_xcalloc(1, sizeof(struct ustate));
}

static void
junit_finding(struct pm_report *r, const struct pm_finding *f)
{
	struct ustate	*s = r->priv;

	s->v = pm_xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = f;
}

static int
fails(const struct pm_report *r, const struct pm_finding *f)
{
	return f->level == PM_LEVEL_ERROR && (!f->draft || r->strict);
}

static void
line_of(struct pm_buf *b, const struct pm_finding *f)
{
	struct pm_buf	 t = PM_BUF_INIT;

	pm_buf_printf(&t, "%s:%u:%u: %s: %s [%s%s%s]\n", f->path,
	    pm_report_line(f), pm_report_col(f), pm_level_name(f->level),
	    f->msg, pm_rule_name(f->rule), f->detail ? " " : "",
	    f->detail ? f->detail : "");
	if (f->suggest != NULL)
		pm_buf_printf(&t, "  suggestion: %s\n", f->suggest);
	pm_xml_escape(b, pm_buf_cstr(&t), 0);
	pm_buf_release(&t);
}

/*
 * The testcase for path: findings s->v[*k..] that have this path.  One
 * <failure> at most (GitLab reads a single one), naming the first
 * failing finding and listing every one; the others in <system-out>.
 */
static void
testcase(struct pm_report *r, struct pm_buf *b, const char *path,
    struct ustate *s, size_t *k)
{
	struct pm_buf	 out = PM_BUF_INIT, fail = PM_BUF_INIT;
	const struct pm_finding *first = NULL;
	size_t		 i, nfail = 0;

	pm_buf_puts(b, "    <testcase classname=\"postmortem.lint\" name=\"");
	pm_xml_escape(b, path, 1);
	pm_buf_puts(b, "\" file=\"");
	pm_xml_escape(b, path, 1);
	pm_buf_puts(b, "\" time=\"0\"");
	for (i = *k; i < s->n && strcmp(s->v[i]->path, path) == 0; i++)
		continue;
	if (i == *k) {
		pm_buf_puts(b, "/>\n");
		return;
	}
	pm_buf_puts(b, ">\n");
	for (; *k < i; (*k)++) {
		const struct pm_finding *f = s->v[*k];

		if (!fails(r, f)) {
			line_of(&out, f);
			continue;
		}
		if (first == NULL)
			first = f;
		nfail++;
		line_of(&fail, f);
	}
	if (first != NULL) {
		pm_buf_puts(b, "      <failure type=\"");
		pm_xml_escape(b, pm_rule_name(first->rule), 1);
		pm_buf_puts(b, "\" message=\"");
		if (nfail > 1)
			pm_buf_printf(b, "%zu errors; the first: ", nfail);
		pm_xml_escape(b, first->msg, 1);
		pm_buf_printf(b, "\">%s</failure>\n", pm_buf_cstr(&fail));
	}
	if (out.len > 0)
		pm_buf_printf(b, "      <system-out>%s</system-out>\n",
		    pm_buf_cstr(&out));
	pm_buf_release(&out);
	pm_buf_release(&fail);
	pm_buf_puts(b, "    </testcase>\n");
}

static void
junit_end(struct pm_report *r)
{
	struct ustate	*s = r->priv;
	struct pm_buf	 b = PM_BUF_INIT;
	size_t		 i, j, k, ncases, nfail;
	const char	*path;
	int		 c;

	/* Count the testcases: the union of files and finding paths. */
	for (i = j = ncases = 0; i < r->nfiles || j < s->n; ncases++) {
		if (j >= s->n)
			c = -1;
		else if (i >= r->nfiles)
			c = 1;
		else
			c = strcmp(r->files[i], s->v[j]->path);
		path = c <= 0 ? r->files[i] : s->v[j]->path;
		if (c <= 0)
			i++;
		while (j < s->n && strcmp(s->v[j]->path, path) == 0)
			j++;
	}
	/* Failures count testcases (files), as the schema says. */
	for (k = nfail = 0, path = NULL; k < s->n; k++)
		if (fails(r, s->v[k]) && (path == NULL ||
		    strcmp(s->v[k]->path, path) != 0)) {
			path = s->v[k]->path;
			nfail++;
		}
	pm_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	pm_buf_printf(&b, "<testsuites name=\"postmortem\" tests=\"%zu\" "
	    "failures=\"%zu\" errors=\"0\">\n", ncases, nfail);
	pm_buf_printf(&b, "  <testsuite name=\"postmortem lint\" "
	    "tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n",
	    ncases, nfail);
	for (i = j = 0; i < r->nfiles || j < s->n; ) {
		if (j >= s->n)
			c = -1;
		else if (i >= r->nfiles)
			c = 1;
		else
			c = strcmp(r->files[i], s->v[j]->path);
		path = c <= 0 ? r->files[i] : s->v[j]->path;
		if (c <= 0)
			i++;
		testcase(r, &b, path, s, &j);
		if (b.len > 65536) {
			fwrite(b.ptr, 1, b.len, r->out);
			pm_buf_truncate(&b, 0);
		}
	}
	pm_buf_puts(&b, "  </testsuite>\n</testsuites>\n");
	fwrite(b.ptr, 1, b.len, r->out);
	fflush(r->out);
	pm_buf_release(&b);
	free(s->v);
	free(s);
	r->priv = NULL;
}

const struct pm_reporter pm_report_junit = {
	"junit", junit_begin, junit_finding, junit_end
};
