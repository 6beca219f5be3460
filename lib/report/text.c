/*
 * The text reporter: "path:line:col: severity: message [rule]", one
 * finding a line (the format compilers and editors read), with the
 * pattern id in the brackets and the suggested rewording on the next
 * line.  Colours only when the caller says so (a terminal, NO_COLOR
 * unset).
 */
#include <stdio.h>

#include "base/finding.h"
#include "report/report.h"

#define	C_RESET		"\033[0m"
#define	C_BOLD		"\033[1m"
#define	C_DIM		"\033[2m"
#define	C_RED		"\033[1;31m"
#define	C_YELLOW	"\033[1;33m"
#define	C_CYAN		"\033[1;36m"

static void
text_begin(struct pm_report *r)
{
	(void)r;
}

static const char *
level_color(enum pm_level l)
{
	switch (l) {
	case PM_LEVEL_ERROR:
		return C_RED;
	case PM_LEVEL_WARNING:
		return C_YELLOW;
	default:
		return C_CYAN;
	}
}

/*
 * Write s with control bytes quoted as \xNN, as git quotes paths: a
 * file named "\033[31m.md" or a message quoting a report must not send
 * terminal escapes, nor split one finding over two lines.
 */
static void
put_safe(FILE *out, const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\x%02x", *p);
		else
			putc(*p, out);
}

static void
text_finding(struct pm_report *r, const struct pm_finding *f)
{
	int	 c = r->color;

	fputs(c ? C_BOLD : "", r->out);
	put_safe(r->out, f->path);
	fprintf(r->out, ":%u:%u:%s %s%s:%s ", pm_report_line(f),
	    pm_report_col(f), c ? C_RESET : "", c ? level_color(f->level) : "",
	    pm_level_name(f->level), c ? C_RESET : "");
	put_safe(r->out, f->msg);
	fprintf(r->out, " %s[%s%s", c ? C_DIM : "", pm_rule_name(f->rule),
	    f->detail ? " " : "");
	if (f->detail != NULL)
		put_safe(r->out, f->detail);
	fprintf(r->out, "]%s\n", c ? C_RESET : "");
	if (f->suggest != NULL) {
		fputs("  suggestion: ", r->out);
		put_safe(r->out, f->suggest);
		putc('\n', r->out);
	}
}

static void
text_end(struct pm_report *r)
{
	fflush(r->out);
}

const struct pm_reporter pm_report_text = {
	"text", text_begin, text_finding, text_end
};
