/*
 * postmortem: global options and dispatch to the subcommands
 * (git's git.c, libgit2's src/cli/main.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "cmd.h"

static int	 cmd_help(int, char *[], struct pm_ctx *);

static const struct pm_cmd cmds[] = {
	{ "adopt", cmd_adopt, PM_CMD_REPO_GENTLY,
	    "add front matter to reports written without this tool" },
	{ "build", cmd_build, PM_CMD_REPO,
	    "build the static HTML archive" },
	{ "help", cmd_help, 0, "show this list" },
	{ "init", cmd_init, PM_CMD_REPO_GENTLY,
	    "write a .postmortem.yaml tuned to this repository" },
	{ "lint", cmd_lint, PM_CMD_REPO_GENTLY,
	    "check reports against the post-mortem checklist" },
	{ "new", cmd_new, PM_CMD_REPO_GENTLY,
	    "start a new report from the template" },
	{ "rules", cmd_rules, PM_CMD_REPO_GENTLY,
	    "list every rule with its id, severity and source" },
	{ "show", cmd_show, PM_CMD_REPO_GENTLY,
	    "print the parsed model of one report" },
	{ NULL, NULL, 0, NULL }
};

static void
usage(FILE *f)
{
	const struct pm_cmd	*c;

	fputs("usage: postmortem [-C dir] [--version] [--help] "
	    "command [args]\n\ncommands:\n", f);
	for (c = cmds; c->name != NULL; c++)
		fprintf(f, "   %-6s  %s\n", c->name, c->summary);
	fputs("\nSee postmortem(1) or 'postmortem COMMAND --help'.\n", f);
}

static int
cmd_help(int argc, char *argv[], struct pm_ctx *ctx)
{
	(void)argc;
	(void)argv;
	(void)ctx;
	usage(stdout);
	return PM_EXIT_OK;
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	const struct pm_cmd	*c;
	struct pm_ctx		 ctx;
	int			 ch, rc;

	memset(&ctx, 0, sizeof(ctx));
	/* Leading '+': stop at the command name, as git does. */
	while ((ch = getopt_long(argc, argv, "+C:h", opts, NULL)) != -1)
		switch (ch) {
		case 'C':
			ctx.dir = optarg;
			break;
		case 'h':
			usage(stdout);
			return PM_EXIT_OK;
		case 'V':
			printf("postmortem %s\n", PM_VERSION);
			return PM_EXIT_OK;
		default:
			usage(stderr);
			return PM_EXIT_FAILURE;
		}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return PM_EXIT_FAILURE;
	}
	for (c = cmds; c->name != NULL; c++)
		if (strcmp(c->name, argv[0]) == 0)
			break;
	if (c->name == NULL) {
		fprintf(stderr, "postmortem: '%s' is not a command; "
		    "see 'postmortem help'\n", argv[0]);
		return PM_EXIT_FAILURE;
	}
	git_libgit2_init();
	/* Commands parse their own options from argv[0] on. */
	optind = 0;
	rc = c->fn(argc, argv, &ctx);
	git_libgit2_shutdown();
	return rc;
}
