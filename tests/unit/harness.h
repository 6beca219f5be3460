/*
 * A minimal unit-test harness in the shape of cmark's api_test/harness.h:
 * OK, INT_EQ, STR_EQ print "ok - NAME" / "not ok - NAME" lines, and
 * harness_done() prints the plan line "1..N" (TAP) and returns the exit
 * status.  tests/run.sh fails a binary that exits non-zero or crashes
 * (no plan line), whatever it printed before.
 */
#ifndef PM_HARNESS_H
#define PM_HARNESS_H

#include <stdio.h>
#include <string.h>

static int	harness_failed;
static int	harness_count;

#define	OK(cond, name) do {						\
	harness_count++;						\
	if (cond)							\
		printf("ok - %s\n", name);				\
	else {								\
		printf("not ok - %s (%s:%d)\n", name, __FILE__, __LINE__); \
		harness_failed++;					\
	}								\
	fflush(stdout);	/* a crash later must not lose these lines */	\
} while (0)

#define	INT_EQ(got, want, name) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	OK(g_ == w_, name);						\
	if (g_ != w_)							\
		printf("#   got %lld, want %lld\n", g_, w_);		\
} while (0)

#define	STR_EQ(got, want, name) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int eq_ = (g_ == NULL && w_ == NULL) ||				\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	OK(eq_, name);							\
	if (!eq_)							\
		printf("#   got  \"%s\"\n#   want \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

static int
harness_done(void)
{
	if (harness_count == 0) {
		printf("not ok - made no check\n");
		harness_failed++;
		harness_count++;
	}
	printf("1..%d\n", harness_count);
	return harness_failed ? 1 : 0;
}

#endif /* PM_HARNESS_H */
