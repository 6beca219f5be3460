/*
 * The github reporter: workflow commands that GitHub Actions turns
 * into annotations on the pull request:
 *
 *   ::error file=PATH,line=L,col=C,title=RULE::MESSAGE
 *
 * ("warning" and "notice" for the other levels).  Data is escaped as
 * the runner expects ('%' '\r' '\n'), properties also ':' and ','.
 */
#include <stdio.h>

#include "base/buf.h"
#include "base/finding.h"
#include "report/report.h"

static void
escape(struct pm_buf *b, const char *s, int property)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '%':
			pm_buf_puts(b, "%25");
			break;
		case '\r':
			pm_buf_puts(b, "%0D");
			break;
		case '\n':
			pm_buf_puts(b, "%0A");
			break;
		case ':':
			pm_buf_puts(b, property ? "%3A" : ":");
			break;
		case ',':
			pm_buf_puts(b, property ? "%2C" : ",");
			break;
		default:
			pm_buf_putc(b, *s);
			break;
		}
}

static void
github_begin(struct pm_report *r)
{
	(void)r;
}

static void
github_finding(struct pm_report *r, const struct pm_finding *f)
{
	struct pm_buf	 b = PM_BUF_INIT, t = PM_BUF_INIT;
	const char	*cmd;

	switch (f->level) {
	case PM_LEVEL_ERROR:
		cmd = "error";
		break;
	case PM_LEVEL_WARNING:
		cmd = "warning";
		break;
	default:
		cmd = "notice";
		break;
	}
	pm_buf_printf(&b, "::%s file=", cmd);
	escape(&b, f->path, 1);
	pm_buf_printf(&b, ",line=%u,col=%u,title=", pm_report_line(f),
	    pm_report_col(f));
	pm_buf_puts(&t, pm_rule_name(f->rule));
	if (f->detail != NULL)
		pm_buf_printf(&t, " (%s)", f->detail);
	escape(&b, pm_buf_cstr(&t), 1);
	pm_buf_puts(&b, "::");
	pm_buf_truncate(&t, 0);
	pm_buf_puts(&t, f->msg);
	if (f->suggest != NULL)
		pm_buf_printf(&t, "\nsuggestion: %s", f->suggest);
	escape(&b, pm_buf_cstr(&t), 0);
	fprintf(r->out, "%s\n", pm_buf_cstr(&b));
	pm_buf_release(&b);
	pm_buf_release(&t);
}

static void
github_end(struct pm_report *r)
{
	fflush(r->out);
}

const struct pm_reporter pm_report_github = {
	"github", github_begin, github_finding, github_end
};
