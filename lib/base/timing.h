/*
 * Phase timing for benchmarks: when an environment variable is set,
 * each call prints the wall and CPU time since the previous call on
 * stderr.  Used by `build` and lib/site (PM_SITE_TIMING=1).
 */
#ifndef PM_TIMING_H
#define PM_TIMING_H

#include <time.h>

struct	pm_phase {
	const char	*env;		/* prints only when this is set */
	const char	*prefix;	/* "site", "build" */
	struct timespec	 last;		/* wall clock of the previous call */
	struct timespec	 lastcpu;	/* process CPU time of the same */
};

/* Print the time since the previous call under the name what; a NULL
 * what only starts the clock. */
void	 pm_phase(struct pm_phase *, const char *what);

#endif /* PM_TIMING_H */
