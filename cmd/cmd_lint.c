/*
 * postmortem lint [PATHS...] [--rev REV | --staged | --worktree]
 *     [--format FMT] [--config FILE] [--today DATE] [--strict] [-q]
 *
 * Loads the corpus (the whole source when paths are named or --staged,
 * so cross-file rules see every report, but only the named or staged
 * ones are linted and parsed: the others are stubs with their path and
 * id), lints, sorts and reports.  Exit 0 without error
 * findings (drafts' errors count only with --strict), 1 with, 2 on a
 * usage or I/O failure (SPEC section 3).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/err.h"
#include "base/finding.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "report/report.h"
#include "source/config.h"
#include "source/repo.h"

static const char usage[] =
    "usage: postmortem lint [PATHS...] [--rev REV | --staged | --worktree]\n"
    "                       [--format FMT] [--config FILE] [--today DATE]\n"
    "                       [--strict] [-q]";

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds of every thread so far: steadier than wall time on a
 * busy machine. */
static double
cpu(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* -q: keep the errors only. */
static void
keep_errors(struct pm_findings *fs)
{
	size_t	 i, j;

	for (i = j = 0; i < fs->n; i++) {
		if (fs->v[i].level == PM_LEVEL_ERROR) {
			fs->v[j++] = fs->v[i];
			continue;
		}
		free(fs->v[i].path);
		free(fs->v[i].msg);
		free(fs->v[i].detail);
		free(fs->v[i].suggest);
	}
	fs->n = j;
}

static void
summary(const struct pm_findings *fs, size_t nfiles, int strict)
{
	size_t	 ne, nw, ni, nd;

	ne = pm_findings_count(fs, PM_LEVEL_ERROR, 1);
	nw = pm_findings_count(fs, PM_LEVEL_WARNING, 1);
	ni = pm_findings_count(fs, PM_LEVEL_INFO, 1);
	nd = ne - pm_findings_count(fs, PM_LEVEL_ERROR, 0);
	if (ne + nw + ni == 0)
		return;
	fprintf(stderr, "%zu error%s", ne, ne == 1 ? "" : "s");
	if (nd > 0)
		fprintf(stderr, " (%zu in drafts%s)", nd,
		    strict ? "" : ", not failing");
	fprintf(stderr, ", %zu warning%s, %zu info in %zu file%s\n", nw,
	    nw == 1 ? "" : "s", ni, nfiles, nfiles == 1 ? "" : "s");
}

int
cmd_lint(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "rev",	required_argument,	NULL, 'r' },
		{ "staged",	no_argument,		NULL, 's' },
		{ "worktree",	no_argument,		NULL, 'w' },
		{ "format",	required_argument,	NULL, 'f' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "today",	required_argument,	NULL, 't' },
		{ "strict",	no_argument,		NULL, 'S' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "threads",	required_argument,	NULL, 'j' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	const struct pm_reporter *rep;
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_corpus	*corpus = NULL;
	struct pm_rulepacks	*packs = NULL;
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_load_opts	 lo;
	struct pm_lint_opts	 lopts;
	struct pm_lint_stats	 stats;
	struct pm_report	 r;
	const char		**files = NULL;
	const char		*rev = NULL, *fmt = "text", *config = NULL;
	const char		*today = NULL, *nc;
	int			 ch, nsrc = 0, strict = 0, quiet = 0;
	int			 threads = 0, rc = PM_EXIT_FAILURE;
	double			 t0, t1, t2, t3, c0, c1, c2;
	enum pm_srckind		 kind = PM_SRC_WORKTREE;
	size_t			 i, nfiles = 0;

	memset(&cfg, 0, sizeof(cfg));
	while ((ch = getopt_long(argc, argv, "c:f:hj:qr:sSt:w", opts,
	    NULL)) != -1)
		switch (ch) {
		case 'r':
			kind = PM_SRC_REV;
			rev = optarg;
			nsrc++;
			break;
		case 's':
			kind = PM_SRC_INDEX;
			nsrc++;
			break;
		case 'w':
			kind = PM_SRC_WORKTREE;
			nsrc++;
			break;
		case 'f':
			fmt = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 't':
			today = optarg;
			break;
		case 'S':
			strict = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'j':
			threads = atoi(optarg);
			break;
		case 'h':
			puts(usage);
			return PM_EXIT_OK;
		default:
			fprintf(stderr, "%s\n", usage);
			return PM_EXIT_FAILURE;
		}
	argc -= optind;
	argv += optind;
	if (nsrc > 1)
		return cmd_usage(usage, "--rev, --staged and --worktree "
		    "exclude each other");
	if ((rep = pm_reporter_find(fmt)) == NULL)
		return cmd_usage(usage, "unknown format '%s' (one of %s)",
		    fmt, pm_reporter_names());
	memset(&lopts, 0, sizeof(lopts));
	if (cmd_today(today, &lopts.today) == -1)
		return cmd_usage(usage, "--today wants YYYY-MM-DD, not '%s'",
		    today);
	lopts.threads = threads;

	if (cmd_setup(ctx, config, kind != PM_SRC_WORKTREE, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	if (pm_rulepacks_load(&packs, cmd_datadir(ctx, "rules"), &cfg,
	    pm_source_root(src)) == -1) {
		rc = cmd_fail();
		goto done;
	}

	t0 = now();
	c0 = cpu();
	memset(&lo, 0, sizeof(lo));
	lo.kind = kind;
	lo.rev = rev;
	lo.paths = argv;
	lo.npaths = (size_t)argc;
	lo.history = pm_source_has_repo(src);
	lo.whole = argc > 0 || kind == PM_SRC_INDEX;
	/* Cross-file rules need only the others' paths and ids. */
	lo.ids_only_others = lo.whole;
	lo.threads = threads;
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}

	t1 = now();
	c1 = cpu();
	lopts.has_history = pm_source_has_repo(src);
	memset(&stats, 0, sizeof(stats));
	pm_lint_corpus(corpus, &cfg, packs, &lopts, &fs, &stats);
	pm_findings_sort(&fs);
	t2 = now();
	c2 = cpu();
	if (quiet)
		keep_errors(&fs);

	files = pm_xcalloc(corpus->ndocs + 1, sizeof(*files));
	for (i = 0; i < corpus->ndocs; i++)
		if (corpus->target == NULL || corpus->target[i])
			files[nfiles++] = corpus->docs[i]->path;

	memset(&r, 0, sizeof(r));
	r.out = stdout;
	nc = getenv("NO_COLOR");
	r.color = strcmp(fmt, "text") == 0 && isatty(STDOUT_FILENO) &&
	    (nc == NULL || *nc == '\0');
	r.strict = strict;
	r.version = PM_VERSION;
	r.files = files;
	r.nfiles = nfiles;
	pm_report_run(rep, &r, &fs);
	if (ferror(stdout)) {
		pm_error_set("writing the report failed");
		rc = cmd_fail();
		goto done;
	}

	t3 = now();
	/* PM_TIMING=1: where the time goes (for bench/lint.sh). */
	if (getenv("PM_TIMING") != NULL)
		fprintf(stderr, "timing: load %.3f s, lint %.3f s, report "
		    "%.3f s (%zu documents, %zu findings); cpu: load "
		    "%.3f s, lint %.3f s\n", t1 - t0, t2 - t1, t3 - t2,
		    corpus->ndocs, fs.n, c1 - c0, c2 - c1);
	if (!quiet) {
		if (strcmp(fmt, "text") == 0)
			summary(&fs, nfiles, strict);
		if (stats.history_skipped > 0)
			fprintf(stderr, "postmortem: note: not in a Git "
			    "repository: distribution/48h skipped for %zu "
			    "report%s without 'distributed'\n",
			    stats.history_skipped,
			    stats.history_skipped == 1 ? "" : "s");
		if (stats.limit_hits > 0)
			fprintf(stderr, "postmortem: warning: %zu pattern "
			    "match%s stopped at the PCRE2 match or depth "
			    "limit\n", stats.limit_hits,
			    stats.limit_hits == 1 ? "" : "es");
		if (corpus->nlegacy > 0)
			fprintf(stderr, "%zu file%s look%s like post-mortems "
			    "without front matter; run 'postmortem adopt' to "
			    "convert them\n", corpus->nlegacy,
			    corpus->nlegacy == 1 ? "" : "s",
			    corpus->nlegacy == 1 ? "s" : "");
	}
	rc = pm_lint_failed(&fs, strict) ? PM_EXIT_FINDINGS : PM_EXIT_OK;
done:
	free(files);
	pm_findings_release(&fs);
	if (corpus != NULL)
		pm_corpus_free(corpus);
	pm_rulepacks_free(packs);
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
