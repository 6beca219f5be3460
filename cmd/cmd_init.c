/*
 * postmortem init (placeholder until the module lands).
 */
#include <stdio.h>

#include "cmd.h"

int
cmd_init(int argc, char *argv[], struct pm_ctx *ctx)
{
	(void)argc;
	(void)argv;
	(void)ctx;
	fputs("postmortem: 'init' is not implemented yet\n", stderr);
	return PM_EXIT_FAILURE;
}
