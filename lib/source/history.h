/*
 * History: for every file, the time and author of the commit that first
 * added it, following renames, computed in one walk of the history for
 * the whole repository (never one walk per file).  A file brought in by
 * a merge counts from the oldest commit of the merged branch that has
 * it (what a pull request showed), not from the merge.
 */
#ifndef PM_HISTORY_H
#define PM_HISTORY_H

#include <stddef.h>
#include <stdint.h>

struct pm_source;
struct pm_history;		/* opaque */

/*
 * Walk the history reachable from rev (NULL: HEAD).  A repository
 * without commits gives an empty history.  Returns 0 or -1.
 */
int	 pm_history_load(struct pm_history **out, struct pm_source *,
	    const char *rev);
/*
 * The same answers for a few paths only (lint of named or staged files):
 * each path is bisected on the first-parent chain (a file, once added,
 * is assumed to stay until the tip; a file deleted and added again may
 * give a later time than the full walk), and a rename is followed by
 * asking libgit2's rename detection about the commit that added the
 * path.  About log2(commits) tree lookups a path instead of a walk of
 * the whole history.  Returns 0 or -1.
 */
int	 pm_history_load_paths(struct pm_history **out, struct pm_source *,
	    const char *rev, const char *const *paths, size_t npaths);
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
