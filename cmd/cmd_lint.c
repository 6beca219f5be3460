/*
 * postmortem lint [PATHS...] [--rev REV | --staged | --worktree]
 *     [--format FMT] [--config FILE] [--today DATE] [--strict] [-q]
 *     [--since REV] [--baseline FILE | --no-baseline]
 *     [--write-baseline FILE]
 *
 * Loads the corpus (the whole source when paths are named or --staged,
 * so cross-file rules see every report, but only the named or staged
 * ones are linted and parsed: the others are stubs with their path and
 * id), lints, sorts and reports.  Exit 0 without error
 * findings (drafts' errors count only with --strict), 1 with, 2 on a
 * usage or I/O failure (SPEC section 3).
 *
 * --since REV lints the tree of REV too and drops the findings it had
 * (by fingerprint, so moved lines do not matter); --baseline drops
 * those listed in a baseline file.  The exit status is from what is
 * left.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

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
    "                       [--strict] [-q] [--since REV] [--no-cache]\n"
    "                       [--baseline FILE | --no-baseline]\n"
    "                       [--write-baseline FILE]";

enum {
	OPT_SINCE = 256,
	OPT_BASELINE,
	OPT_NO_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_NO_CACHE,
};

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
		pm_finding_release(&fs->v[i]);
	}
	fs->n = j;
}

/*
 * After the summary, the rules with many findings, most first: on a
 * repository written before the linter, what to fix (or baseline)
 * first.
 */
static void
summary_by_rule(const struct pm_findings *fs)
{
	size_t	 count[PM_RULE__MAX], i, best, shown;
	int	 r, k;

	if (fs->n < 20)
		return;
	memset(count, 0, sizeof(count));
	for (i = 0; i < fs->n; i++)
		if (fs->v[i].rule < PM_RULE__MAX)
			count[fs->v[i].rule]++;
	for (shown = 0; shown < 5; shown++) {
		for (r = 0, k = -1, best = 0; r < PM_RULE__MAX; r++)
			if (count[r] > best) {
				best = count[r];
				k = r;
			}
		if (k < 0 || best < 10)
			break;
		fprintf(stderr, "%s%zu %s", shown == 0 ? "  most found: " :
		    ", ", best, pm_rule_name((enum pm_rule_id)k));
		count[k] = 0;
	}
	if (shown > 0)
		fputc('\n', stderr);
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
	summary_by_rule(fs);
}

/* The documents by path, for the reporters' line text. */
struct	bypath {
	struct pm_doc	**v;
	size_t		 n;
};

static int
cmp_docpath(const void *a, const void *b)
{
	struct pm_doc *const	*x = a, *const *y = b;

	return strcmp((*x)->path, (*y)->path);
}

static const char *
report_line(void *arg, const char *path, unsigned int n, size_t *len)
{
	const struct bypath	*ix = arg;
	size_t			 lo = 0, hi = ix->n, mid;
	int			 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(ix->v[mid]->path, path)) == 0)
			return ix->v[mid]->text != NULL ?
			    pm_doc_line(ix->v[mid], n, len) : NULL;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * --since REV: lint the tree of REV with the same configuration, rule
 * packs and day, and drop from fs what was there already.  *nhidden
 * gets how many.  Returns 0 or -1.
 */
static int
drop_since(struct pm_source *src, const struct pm_config *cfg,
    const struct pm_rulepacks *packs, const struct pm_lint_opts *lopts,
    const struct pm_load_opts *cur, const char *rev,
    const struct pm_corpus *corpus, struct pm_findings *fs,
    size_t *nhidden)
{
	struct pm_load_opts	 lo;
	struct pm_corpus	*old = NULL;
	struct pm_findings	 ofs = PM_FINDINGS_INIT;
	struct pm_baseline	*bl;
	struct pm_lint_opts	 olo = *lopts;
	struct pm_entries	 otree = { NULL, 0, 0 };

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_REV;
	lo.rev = rev;
	lo.history = cur->history;
	lo.threads = cur->threads;
	if (pm_corpus_load(&old, src, cfg, &lo) == -1) {
		if (old != NULL)
			pm_corpus_free(old);
		return -1;
	}
	/* links/local of REV against REV's own files. */
	if (cmd_tree(src, PM_SRC_REV, rev, old, cfg, 0, &otree,
	    &olo.tree_name) == -1) {
		pm_corpus_free(old);
		return -1;
	}
	olo.tree = otree.n > 0 ? &otree : NULL;
	pm_lint_corpus(old, cfg, packs, &olo, &ofs, NULL);
	pm_entries_release(&otree);
	bl = pm_baseline_new();
	pm_baseline_add(bl, &ofs, old);
	pm_baseline_follow_renames(bl, old, corpus);
	*nhidden = pm_baseline_filter(bl, fs, corpus);
	pm_baseline_free(bl);
	pm_findings_release(&ofs);
	pm_corpus_free(old);
	return 0;
}

/* --baseline FILE: drop what it lists and say what it hid and which
 * entries match nothing any more. */
static int
drop_baseline(const char *file, const struct pm_corpus *corpus,
    struct pm_findings *fs, int quiet)
{
	struct pm_baseline	*bl = NULL;
	const char		*path, *rule, *text;
	size_t			 n, i, ns;

	if (pm_baseline_read(&bl, file) == -1) {
		pm_baseline_free(bl);
		return -1;
	}
	n = pm_baseline_filter(bl, fs, corpus);
	ns = pm_baseline_nstale(bl);
	if (!quiet && n > 0)
		fprintf(stderr, "postmortem: note: the baseline '%s' hid %zu "
		    "finding%s\n", file, n, n == 1 ? "" : "s");
	if (!quiet && ns > 0) {
		fprintf(stderr, "postmortem: note: %zu baseline entr%s match "
		    "nothing any more (fixed or changed); run 'postmortem "
		    "lint --write-baseline %s' to drop %s:\n", ns,
		    ns == 1 ? "y" : "ies", file, ns == 1 ? "it" : "them");
		for (i = 0; i < ns && i < 10; i++) {
			pm_baseline_stale(bl, i, &path, &rule, &text);
			fprintf(stderr, "  %s: %s: %s\n", path, rule, text);
		}
		if (ns > 10)
			fprintf(stderr, "  ... and %zu more\n", ns - 10);
	}
	pm_baseline_free(bl);
	return 0;
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
		{ "since",	required_argument,	NULL, OPT_SINCE },
		{ "baseline",	required_argument,	NULL, OPT_BASELINE },
		{ "no-baseline", no_argument,		NULL, OPT_NO_BASELINE },
		{ "write-baseline", required_argument,	NULL,
		    OPT_WRITE_BASELINE },
		{ "no-cache",	no_argument,		NULL, OPT_NO_CACHE },
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
	struct pm_entries	 tree = { NULL, 0, 0 };
	struct pm_report	 r;
	struct bypath		 ix = { NULL, 0 };
	const char		**files = NULL;
	const char		*rev = NULL, *fmt = "text", *config = NULL;
	const char		*today = NULL, *nc, *broken = NULL;
	const char		*since = NULL, *baseline = NULL;
	const char		*write_baseline = NULL;
	char			*cfg_baseline = NULL;
	int			 no_baseline = 0, unborn = 0;
	int			 ch, nsrc = 0, strict = 0, quiet = 0;
	int			 threads = 0, rc = PM_EXIT_FAILURE, nocache = 0;
	double			 t0, t1, t2, t3, c0, c1, c2;
	enum pm_srckind		 kind = PM_SRC_WORKTREE;
	size_t			 i, nfiles = 0, nsince = 0;

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
		case OPT_SINCE:
			since = optarg;
			break;
		case OPT_BASELINE:
			baseline = optarg;
			break;
		case OPT_NO_BASELINE:
			no_baseline = 1;
			break;
		case OPT_WRITE_BASELINE:
			write_baseline = optarg;
			break;
		case OPT_NO_CACHE:
			nocache = 1;
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
	if (baseline != NULL && no_baseline)
		return cmd_usage(usage, "--baseline and --no-baseline exclude "
		    "each other");
	if (write_baseline != NULL && (since != NULL || baseline != NULL))
		return cmd_usage(usage, "--write-baseline writes every "
		    "finding: not with --since or --baseline");
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
	/* A broken rule of the repository's packs: the others still run. */
	if ((broken = pm_rulepacks_problems(packs)) != NULL)
		fputs(broken, stderr);

	t0 = now();
	c0 = cpu();
	memset(&lo, 0, sizeof(lo));
	lo.kind = kind;
	lo.rev = rev;
	lo.paths = argv;
	lo.npaths = (size_t)argc;
	lo.history = pm_source_has_repo(src);
	/* A repository without commits has no history to read. */
	if (lo.history && pm_source_git(src) != NULL &&
	    git_repository_head_unborn(pm_source_git(src)) == 1) {
		unborn = 1;
		lo.history = 0;
	}
	lo.whole = argc > 0 || kind == PM_SRC_INDEX;
	/* Cross-file rules need only the others' paths and ids. */
	lo.ids_only_others = lo.whole;
	lo.threads = threads;
	lo.cache = !nocache;
	/*
	 * Findings from the cache (lint/replay.c), but not where the
	 * whole text is read: renames for --since, flagged text for
	 * --write-baseline.
	 */
	if (lo.cache && since == NULL && write_baseline == NULL)
		lo.lint_key = pm_lint_cache_key(packs);
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}

	t1 = now();
	c1 = cpu();
	lopts.has_history = lo.history;
	if (cmd_tree(src, kind, rev, corpus, &cfg, 0, &tree,
	    &lopts.tree_name) == -1) {
		rc = cmd_fail();
		goto done;
	}
	lopts.tree = tree.n > 0 ? &tree : NULL;
	memset(&stats, 0, sizeof(stats));
	pm_lint_corpus(corpus, &cfg, packs, &lopts, &fs, &stats);
	pm_findings_sort(&fs);
	if (write_baseline != NULL) {
		if (pm_baseline_write(write_baseline, &fs, corpus) == -1) {
			rc = cmd_fail();
			goto done;
		}
		if (!quiet)
			fprintf(stderr, "postmortem: wrote %zu finding%s to "
			    "the baseline '%s'; lint with --baseline %s (or "
			    "'baseline: %s' in .postmortem.yaml) to see only "
			    "new ones\n", fs.n, fs.n == 1 ? "" : "s",
			    write_baseline, write_baseline, write_baseline);
		rc = PM_EXIT_OK;
		goto done;
	}
	if (since != NULL) {
		if (drop_since(src, &cfg, packs, &lopts, &lo, since, corpus,
		    &fs, &nsince) == -1) {
			rc = cmd_fail();
			goto done;
		}
		if (!quiet && nsince > 0)
			fprintf(stderr, "postmortem: note: %zu finding%s "
			    "already at '%s' not shown (--since)\n", nsince,
			    nsince == 1 ? "" : "s", since);
	}
	if (baseline == NULL && !no_baseline && cfg.baseline != NULL) {
		cfg_baseline = cfg.baseline[0] == '/' ?
		    pm_xstrdup(cfg.baseline) : pm_xasprintf("%s/%s",
		    pm_source_root(src), cfg.baseline);
		baseline = cfg_baseline;
	}
	if (baseline != NULL && drop_baseline(baseline, corpus, &fs,
	    quiet) == -1) {
		rc = cmd_fail();
		goto done;
	}
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
	ix.v = pm_xcalloc(corpus->ndocs + 1, sizeof(*ix.v));
	for (i = 0; i < corpus->ndocs; i++)
		if (corpus->target == NULL || corpus->target[i])
			ix.v[ix.n++] = corpus->docs[i];
	qsort(ix.v, ix.n, sizeof(*ix.v), cmp_docpath);
	r.line = report_line;
	r.line_arg = &ix;
	pm_report_run(rep, &r, &fs);
	if (ferror(stdout)) {
		pm_error_set("writing the report failed");
		rc = cmd_fail();
		goto done;
	}
	pm_corpus_cache_save(corpus);

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
			fprintf(stderr, "postmortem: note: %s: "
			    "distribution/48h skipped for %zu "
			    "report%s without 'distributed'\n", unborn ?
			    "no commits yet, so no history" :
			    "not in a Git repository",
			    stats.history_skipped,
			    stats.history_skipped == 1 ? "" : "s");
		if (stats.limit_hits > 0)
			fprintf(stderr, "postmortem: warning: %zu pattern "
			    "match%s stopped at the PCRE2 match or depth "
			    "limit\n", stats.limit_hits,
			    stats.limit_hits == 1 ? "" : "es");
		cmd_note_templates(corpus);
		if (corpus->nlegacy > 0)
			fprintf(stderr, "%zu file%s look%s like post-mortems "
			    "without front matter; run 'postmortem adopt' to "
			    "convert them\n", corpus->nlegacy,
			    corpus->nlegacy == 1 ? "" : "s",
			    corpus->nlegacy == 1 ? "s" : "");
	}
	rc = pm_lint_failed(&fs, strict) ? PM_EXIT_FINDINGS : PM_EXIT_OK;
	if (broken != NULL)
		rc = PM_EXIT_FAILURE;
done:
	free(cfg_baseline);
	pm_entries_release(&tree);
	free(ix.v);
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
