/*
 * Phase timing for benchmarks (see timing.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/timing.h"

static double
since(const struct timespec *now, const struct timespec *then)
{
	return (double)(now->tv_sec - then->tv_sec) +
	    (double)(now->tv_nsec - then->tv_nsec) / 1e9;
}

void
pm_phase(struct pm_phase *ph, const char *what)
{
	struct timespec	 now, cpu;

	if (getenv(ph->env) == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	if (what != NULL)
		fprintf(stderr, "%s: %-8s %6.3f s wall %6.3f s cpu\n",
		    ph->prefix, what, since(&now, &ph->last),
		    since(&cpu, &ph->lastcpu));
	ph->last = now;
	ph->lastcpu = cpu;
}
