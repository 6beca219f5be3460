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
	void			**side;	/* growable arrays (pm_arena_grow) */
	size_t			 nside;
	size_t			 capside;
};

#define	PM_ARENA_INIT	{ NULL, NULL, 0, 0 }

void	*pm_arena_alloc(struct pm_arena *, size_t);	/* zeroed */
char	*pm_arena_strndup(struct pm_arena *, const char *, size_t);
char	*pm_arena_strdup(struct pm_arena *, const char *);
char	*pm_arena_printf(struct pm_arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Grow an array that only this function allocated (start from NULL and
 * *cap 0): the array is a separate allocation moved by realloc, so no
 * dead copies pile up in the arena; it is freed with the arena.  The
 * new elements are zeroed.
 */
void	*pm_arena_grow(struct pm_arena *, void *, size_t *cap, size_t need,
	    size_t sz);
void	 pm_arena_release(struct pm_arena *);

#endif /* PM_ARENA_H */
