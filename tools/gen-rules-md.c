/*
 * Writes docs/rules.md from the rule table (base/rules.def) and the
 * help of report/rulehelp.c to standard output: 'make docs/rules.md',
 * and tests/lint/t-sarif.sh checks that the committed file is current.
 */
#include <stdio.h>

#include "base/buf.h"
#include "report/report.h"

int
main(void)
{
	struct pm_buf	 b = PM_BUF_INIT;

	pm_rules_markdown(&b);
	fwrite(b.ptr, 1, b.len, stdout);
	pm_buf_release(&b);
	return ferror(stdout) || fflush(stdout) != 0;
}
