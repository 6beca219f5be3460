/*
 * Allocation wrappers: every allocation in postmortem goes through
 * these.  Out of memory is not recoverable for a command-line tool, so
 * they print a message and exit with status 2 (as mandoc_aux.c does);
 * callers never test for NULL.
 */
#ifndef PM_ALLOC_H
#define PM_ALLOC_H

#include <stddef.h>

void	*pm_xmalloc(size_t);
void	*pm_xcalloc(size_t, size_t);
void	*pm_xrealloc(void *, size_t);
void	*pm_xreallocarray(void *, size_t, size_t);
char	*pm_xstrdup(const char *);
char	*pm_xstrndup(const char *, size_t);
char	*pm_xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * Grow an array to hold at least "need" elements of size "sz".
 * *cap is updated; the array is returned (possibly moved).
 */
void	*pm_xgrow(void *, size_t *cap, size_t need, size_t sz);

#endif /* PM_ALLOC_H */
