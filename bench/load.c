/*
 * bench-load: time the loading stage alone (listing, reading, parsing
 * and the history walk) on a repository, as pm_corpus_load does it for
 * every command.  Built and run by 'make bench' (bench/run.sh).
 *
 *	bench-load [-n threads] [-r rev | -s] [-H] DIR
 *
 * -H skips the history walk.  Prints one line: "docs N findings N
 * legacy N load S" (seconds, wall clock).  -L or -W time only the
 * listing or only the history walk: "list S" / "history S".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "base/err.h"
#include "corpus.h"
#include "source/config.h"
#include "source/history.h"
#include "source/repo.h"

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_corpus	*cp = NULL;
	struct pm_history	*h = NULL;
	struct pm_entries	 es = { NULL, 0, 0 };
	struct pm_load_opts	 lo;
	double			 t0, tl = 0, th = 0, tc;
	char			*path;
	int			 ch, history = 1, alone = 0;

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_WORKTREE;
	while ((ch = getopt(argc, argv, "Hn:r:sLW")) != -1)
		switch (ch) {
		case 'H':
			history = 0;
			break;
		case 'n':
			lo.threads = atoi(optarg);
			break;
		case 'r':
			lo.kind = PM_SRC_REV;
			lo.rev = optarg;
			break;
		case 's':
			lo.kind = PM_SRC_INDEX;
			break;
		case 'L':
			alone |= 1;
			break;
		case 'W':
			alone |= 2;
			break;
		default:
			fputs("usage: bench-load [-HLW] [-n threads] "
			    "[-r rev | -s] dir\n", stderr);
			return 2;
		}
	if (optind + 1 != argc) {
		fputs("usage: bench-load [-HLW] [-n threads] [-r rev | -s] "
		    "dir\n", stderr);
		return 2;
	}
	git_libgit2_init();
	pm_config_init(&cfg);
	if (pm_source_open(&src, argv[optind]) == -1)
		goto fail;
	path = malloc(strlen(pm_source_root(src)) + 32);
	sprintf(path, "%s/.postmortem.yaml", pm_source_root(src));
	if (pm_config_load_file(&cfg, path) == -1)
		goto fail;
	free(path);
	if (chdir(pm_source_root(src)) == -1)
		goto fail;

	if (alone & 1) {
		t0 = now();
		if (pm_source_list(src, lo.kind, lo.rev, NULL, 0, &cfg,
		    &es) == -1)
			goto fail;
		tl = now() - t0;
		pm_entries_release(&es);
	}
	if (alone & 2) {
		t0 = now();
		if (pm_history_load(&h, src, lo.rev) == -1)
			goto fail;
		th = now() - t0;
		pm_history_free(h);
	}
	if (alone) {
		if (alone & 1)
			printf("list %.3f\n", tl);
		if (alone & 2)
			printf("history %.3f\n", th);
		goto out;
	}
	lo.history = history;
	t0 = now();
	if (pm_corpus_load(&cp, src, &cfg, &lo) == -1)
		goto fail;
	tc = now() - t0;
	printf("docs %zu findings %zu legacy %zu load %.3f\n", cp->ndocs,
	    cp->findings.n, cp->nlegacy, tc);
out:
	pm_corpus_free(cp);
	pm_source_free(src);
	pm_config_release(&cfg);
	git_libgit2_shutdown();
	return 0;
fail:
	fprintf(stderr, "bench-load: %s\n", pm_error_get());
	pm_corpus_free(cp);
	pm_source_free(src);
	pm_config_release(&cfg);
	git_libgit2_shutdown();
	return 2;
}
