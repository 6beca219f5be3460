/*
 * postmortem build [--rev REV] [--out DIR] [--base-url URL]
 *     [--theme DIR] [--today DATE] [--config FILE] [-j N] [-q]
 *
 * Loads every report of a commit (HEAD by default; the working tree in
 * a repository without commits) without their cmark trees (lib/site
 * renders each body on its own), lints them so each page shows its
 * findings, and builds the static archive into
 * --out (default "site" in the current directory) with lib/site.
 * Exit 0, or 2 on a usage or I/O failure; findings never fail a build.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>

#include "base/alloc.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/timing.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "site/site.h"
#include "source/config.h"
#include "source/repo.h"

static const char usage[] =
    "usage: postmortem build [--rev REV] [--out DIR] [--base-url URL]\n"
    "                        [--theme DIR] [--today DATE] [--config FILE]\n"
    "                        [-j N] [--no-cache] [-q]";

/* PM_SITE_TIMING=1: phase times on stderr (for 'make bench'). */
static struct pm_phase	 timing = { "PM_SITE_TIMING", "build", { 0, 0 }, { 0, 0 } };

static void
phase(const char *what)
{
	pm_phase(&timing, what);
}

int
cmd_build(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "rev",	required_argument,	NULL, 'r' },
		{ "out",	required_argument,	NULL, 'o' },
		{ "base-url",	required_argument,	NULL, 'b' },
		{ "theme",	required_argument,	NULL, 'T' },
		{ "today",	required_argument,	NULL, 't' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "threads",	required_argument,	NULL, 'j' },
		{ "no-cache",	no_argument,		NULL, 'C' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_corpus	*corpus = NULL;
	struct pm_rulepacks	*packs = NULL;
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_load_opts	 lo;
	struct pm_lint_opts	 lopts;
	struct pm_site_opts	 so;
	struct pm_site_stats	 st;
	struct pm_entries	 tree = { NULL, 0, 0 };
	char			*theme = NULL, *deftheme = NULL;
	const char		*rev = NULL, *out = "site", *base = NULL;
	const char		*themearg = NULL, *today = NULL;
	const char		*config = NULL;
	git_repository		*repo;
	git_object		*obj, *peeled;
	char			 revhex[GIT_OID_HEXSZ + 1];
	int			 ch, threads = 0, quiet = 0, nocache = 0;
	int			 rc = PM_EXIT_FAILURE;

	memset(&cfg, 0, sizeof(cfg));
	while ((ch = getopt_long(argc, argv, "b:c:hj:o:qr:T:t:", opts,
	    NULL)) != -1)
		switch (ch) {
		case 'r':
			rev = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'b':
			base = optarg;
			break;
		case 'T':
			themearg = optarg;
			break;
		case 't':
			today = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'j':
			threads = atoi(optarg);
			break;
		case 'C':
			nocache = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			puts(usage);
			return PM_EXIT_OK;
		default:
			fprintf(stderr, "%s\n", usage);
			return PM_EXIT_FAILURE;
		}
	if (optind < argc)
		return cmd_usage(usage, "unexpected argument '%s'",
		    argv[optind]);
	if (*out == '\0')
		return cmd_usage(usage, "--out wants a directory");
	memset(&lopts, 0, sizeof(lopts));
	if (cmd_today(today, &lopts.today) == -1)
		return cmd_usage(usage, "--today wants YYYY-MM-DD, not '%s'",
		    today);
	lopts.threads = threads;

	phase(NULL);
	if (cmd_setup(ctx, config, 1, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	if (pm_rulepacks_load(&packs, cmd_datadir(ctx, "rules"), &cfg,
	    pm_source_root(src)) == -1) {
		rc = cmd_fail();
		goto done;
	}
	if (pm_rulepacks_problems(packs) != NULL)
		fputs(pm_rulepacks_problems(packs), stderr);
	phase("setup");

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_REV;
	lo.rev = rev != NULL ? rev : "HEAD";
	/* A repository without commits: build what is on disk. */
	repo = pm_source_git(src);
	if (rev == NULL && repo != NULL &&
	    git_repository_head_unborn(repo) == 1) {
		lo.kind = PM_SRC_WORKTREE;
		lo.rev = NULL;
		if (!quiet)
			fprintf(stderr, "postmortem: note: no commits yet; "
			    "building the working tree (the files reports "
			    "link are published once committed)\n");
	}
	lo.history = 1;
	lo.doc_flags = 0;
	lo.threads = threads;
	/* One commit for the reports and the files they link, even if
	 * the branch moves while the build runs. */
	if (lo.kind == PM_SRC_REV && repo != NULL &&
	    git_revparse_single(&obj, repo, lo.rev) == 0) {
		if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) == 0) {
			git_oid_tostr(revhex, sizeof(revhex),
			    git_object_id(peeled));
			git_object_free(peeled);
		} else
			git_oid_tostr(revhex, sizeof(revhex),
			    git_object_id(obj));
		git_object_free(obj);
		git_error_clear();
		lo.rev = revhex;
	}
	lo.cache = !nocache;
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}
	phase("load");
	lopts.has_history = 1;
	if (cmd_tree(src, lo.kind, lo.rev, corpus, &cfg, 1, &tree,
	    &lopts.tree_name) == -1) {
		rc = cmd_fail();
		goto done;
	}
	lopts.tree = tree.n > 0 ? &tree : NULL;
	pm_lint_corpus(corpus, &cfg, packs, &lopts, &fs, NULL);
	pm_findings_sort(&fs);
	phase("lint");

	/* --theme is relative to the current directory; the
	 * configuration's theme to the repository root. */
	if (themearg != NULL)
		theme = pm_xstrdup(themearg);
	else if (cfg.theme != NULL)
		theme = cfg.theme[0] == '/' ? pm_xstrdup(cfg.theme) :
		    pm_xasprintf("%s/%s", pm_source_root(src), cfg.theme);
	deftheme = pm_xasprintf("%s/default", cmd_datadir(ctx, "themes"));

	memset(&so, 0, sizeof(so));
	so.out = out;
	so.base_url = base != NULL ? base : cfg.base_url;
	so.theme_dir = theme;
	so.default_theme = deftheme;
	so.today = lopts.today;
	so.findings = &fs;
	so.threads = threads;
	so.src = src;
	so.src_kind = lo.kind;
	so.tree = lopts.tree;
	memset(&st, 0, sizeof(st));
	if (pm_site_build(corpus, &cfg, &so, &st) == -1) {
		rc = cmd_fail();
		goto done;
	}
	phase("site");
	if (!quiet) {
		fprintf(stderr, "built %zu report%s into '%s' (%zu files, "
		    "%zu unchanged)\n", st.reports, st.reports == 1 ? "" : "s",
		    out, st.files, st.kept);
		if (!st.sitemap)
			fprintf(stderr, "postmortem: note: no sitemap.xml: "
			    "it needs absolute URLs; pass --base-url or set "
			    "base_url in .postmortem.yaml\n");
		cmd_note_templates(corpus);
		if (corpus->nlegacy > 0)
			fprintf(stderr, "%zu file%s look%s like post-mortems "
			    "without front matter; run 'postmortem adopt' to "
			    "convert them\n", corpus->nlegacy,
			    corpus->nlegacy == 1 ? "" : "s",
			    corpus->nlegacy == 1 ? "s" : "");
	}
	rc = PM_EXIT_OK;
done:
	pm_entries_release(&tree);
	free(theme);
	free(deftheme);
	pm_findings_release(&fs);
	if (corpus != NULL)
		pm_corpus_free(corpus);
	pm_rulepacks_free(packs);
	phase("free");
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
