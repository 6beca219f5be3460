/*
 * postmortem show (placeholder until the module lands).
 */
#include <stdio.h>

#include "cmd.h"

int
cmd_show(int argc, char *argv[], struct pm_ctx *ctx)
{
	(void)argc;
	(void)argv;
	(void)ctx;
	fputs("postmortem: 'show' is not implemented yet\n", stderr);
	return PM_EXIT_FAILURE;
}
