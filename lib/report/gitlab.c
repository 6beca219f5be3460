/*
 * The gitlab reporter: a Code Quality report (a JSON array) for the
 * merge request widget.  Severity: error is "major", warning "minor",
 * info "info".  The fingerprint is pm_report_fingerprint(): the path
 * and what the finding flags, never its line, so an issue keeps its
 * identity when lines above it move (the same as in baselines).
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/json.h"
#include "report/report.h"

struct	gstate {
	struct pm_buf	 buf;
	struct pm_json	 j;
};

static const char *
gitlab_severity(enum pm_level l)
{
	switch (l) {
	case PM_LEVEL_ERROR:
		return "major";
	case PM_LEVEL_WARNING:
		return "minor";
	default:
		return "info";
	}
}

static void
gitlab_begin(struct pm_report *r)
{
	struct gstate	*s;

	s = pm_xcalloc(1, sizeof(*s));
	r->priv = s;
	pm_json_init(&s->j, &s->buf, 1);
	pm_json_arr_begin(&s->j);
}

static void
gitlab_finding(struct pm_report *r, const struct pm_finding *f)
{
	struct gstate	*s = r->priv;
	struct pm_buf	 name = PM_BUF_INIT;
	char		 fp[40];

	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "description", f->msg);
	pm_buf_puts(&name, pm_rule_name(f->rule));
	if (f->detail != NULL)
		pm_buf_printf(&name, " %s", f->detail);
	pm_json_kstr(&s->j, "check_name", pm_buf_cstr(&name));
	pm_buf_release(&name);
	pm_json_kstr(&s->j, "fingerprint",
	    pm_report_fingerprint(fp, f));
	pm_json_kstr(&s->j, "severity", gitlab_severity(f->level));
	pm_json_key(&s->j, "location");
	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "path", f->path);
	pm_json_key(&s->j, "lines");
	pm_json_obj_begin(&s->j);
	pm_json_kint(&s->j, "begin", pm_report_line(f));
	pm_json_obj_end(&s->j);
	pm_json_obj_end(&s->j);
	pm_json_obj_end(&s->j);
	if (s->buf.len > 65536) {
		fwrite(s->buf.ptr, 1, s->buf.len, r->out);
		pm_buf_truncate(&s->buf, 0);
	}
}

static void
gitlab_end(struct pm_report *r)
{
	struct gstate	*s = r->priv;

	pm_json_arr_end(&s->j);
	pm_buf_putc(&s->buf, '\n');
	fwrite(s->buf.ptr, 1, s->buf.len, r->out);
	fflush(r->out);
	pm_buf_release(&s->buf);
	free(s);
	r->priv = NULL;
}

const struct pm_reporter pm_report_gitlab = {
	"gitlab", gitlab_begin, gitlab_finding, gitlab_end
};
