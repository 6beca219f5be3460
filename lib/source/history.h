/*
 * History: for every file, the time and author of the commit that first
 * added it, following renames, computed in one walk of the history for
 * the whole repository (never one walk per file).
 */
#ifndef PM_HISTORY_H
#define PM_HISTORY_H

#include <stdint.h>

struct pm_source;
struct pm_history;		/* opaque */

/*
 * Walk the history reachable from rev (NULL: HEAD).  A repository
 * without commits gives an empty history.  Returns 0 or -1.
 */
int	 pm_history_load(struct pm_history **out, struct pm_source *,
	    const char *rev);
void	 pm_history_free(struct pm_history *);
/*
 * When the file now at path was first added (its oldest name, if it
 * was renamed).  Returns 0 and sets *when (UTC seconds) and *author
 * ("Name <email>", borrowed from the history), or PM_ENOTFOUND.
 */
int	 pm_history_first_added(const struct pm_history *, const char *path,
	    int64_t *when, const char **author);
/* 1 if the history is shallow (first-added times may be too late). */
int	 pm_history_shallow(const struct pm_history *);

#endif /* PM_HISTORY_H */
