/*
 * The json reporter: one object with the tool's version, the findings
 * in sorted order and a summary, pretty-printed.
 *
 *   { "version": "0.1.0",
 *     "findings": [ { "path", "line", "column", "end_column"?,
 *                     "severity", "rule",
 *                     "detail"?, "message", "suggestion"?, "draft" } ],
 *     "summary": { "files", "errors", "warnings", "info" } }
 *
 * "line" 0 means the whole file (the text format prints 1).
 * "end_column" (exclusive, on the same line) ends the matched span of a
 * pattern rule; absent when unknown.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/json.h"
#include "report/report.h"

struct	jstate {
	struct pm_buf	 buf;
	struct pm_json	 j;
	size_t		 count[PM_LEVEL_ERROR + 1];
};

static void
json_begin(struct pm_report *r)
{
	struct jstate	*s;

	s = pm_xcalloc(1, sizeof(*s));
	r->priv = s;
	pm_json_init(&s->j, &s->buf, 1);
	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "version", r->version);
	pm_json_key(&s->j, "findings");
	pm_json_arr_begin(&s->j);
}

static void
json_finding(struct pm_report *r, const struct pm_finding *f)
{
	struct jstate	*s = r->priv;

	if (f->level <= PM_LEVEL_ERROR)
		s->count[f->level]++;
	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "path", f->path);
	pm_json_kint(&s->j, "line", f->pos.line);
	pm_json_kint(&s->j, "column", f->pos.col);
	if (f->end_col != 0)
		pm_json_kint(&s->j, "end_column", f->end_col);
	pm_json_kstr(&s->j, "severity", pm_level_name(f->level));
	pm_json_kstr(&s->j, "rule", pm_rule_name(f->rule));
	if (f->detail != NULL)
		pm_json_kstr(&s->j, "detail", f->detail);
	pm_json_kstr(&s->j, "message", f->msg);
	if (f->suggest != NULL)
		pm_json_kstr(&s->j, "suggestion", f->suggest);
	pm_json_kbool(&s->j, "draft", f->draft);
	pm_json_obj_end(&s->j);
	/* Keep memory flat on large runs. */
	if (s->buf.len > 65536) {
		fwrite(s->buf.ptr, 1, s->buf.len, r->out);
		pm_buf_truncate(&s->buf, 0);
	}
}

static void
json_end(struct pm_report *r)
{
	struct jstate	*s = r->priv;

	pm_json_arr_end(&s->j);
	pm_json_key(&s->j, "summary");
	pm_json_obj_begin(&s->j);
	pm_json_kint(&s->j, "files", (long long)r->nfiles);
	pm_json_kint(&s->j, "errors", (long long)s->count[PM_LEVEL_ERROR]);
	pm_json_kint(&s->j, "warnings",
	    (long long)s->count[PM_LEVEL_WARNING]);
	pm_json_kint(&s->j, "info", (long long)s->count[PM_LEVEL_INFO]);
	pm_json_obj_end(&s->j);
	pm_json_obj_end(&s->j);
	pm_buf_putc(&s->buf, '\n');
	fwrite(s->buf.ptr, 1, s->buf.len, r->out);
	fflush(r->out);
	pm_buf_release(&s->buf);
	free(s);
	r->priv = NULL;
}

const struct pm_reporter pm_report_json = {
	"json", json_begin, json_finding, json_end
};
