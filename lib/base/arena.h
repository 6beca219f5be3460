/*
 * A bump arena: many small allocations released in one call.  Each
 * document owns one for its model strings (STYLE B5).  Not thread-safe;
 * one arena per document, one thread per document.
 */
#ifndef PM_ARENA_H
#define PM_ARENA_H

#include <stddef.h>

struct	pm_arena_blk;

struct	pm_arena {
	struct pm_arena_blk	*head;
};

#define	PM_ARENA_INIT	{ NULL }

void	*pm_arena_alloc(struct pm_arena *, size_t);	/* zeroed */
char	*pm_arena_strndup(struct pm_arena *, const char *, size_t);
char	*pm_arena_strdup(struct pm_arena *, const char *);
char	*pm_arena_printf(struct pm_arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Grow an arena array: copies the old elements into a new block. */
void	*pm_arena_grow(struct pm_arena *, void *, size_t *cap, size_t need,
	    size_t sz);
void	 pm_arena_release(struct pm_arena *);

#endif /* PM_ARENA_H */
