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
	size_t			 first;	/* bytes of the first block; 0 for
					   the default (pm_arena_size_hint) */
};

#define	PM_ARENA_INIT	{ NULL, NULL, 0, 0, 0 }

/*
 * Size the first block, before the first allocation: a caller that
 * knows about how much it will need (a document: from its size) saves
 * the tails of a chain of growing blocks.
 */
void	 pm_arena_size_hint(struct pm_arena *, size_t);
void	*pm_arena_alloc(struct pm_arena *, size_t);	/* zeroed */
/* Strings are not aligned: they take only their bytes. */
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
/*
 * An array of pm_arena_grow that will not grow again, with n elements
 * of sz bytes: move it into the arena (a new block if the current one
 * has no room: see pm_arena_reserve).  Returns where it is now (NULL
 * for n 0); the old pointer and its capacity are dead.  Any other
 * pointer (NULL, arena memory) is returned as it is.
 */
void	*pm_arena_settle(struct pm_arena *, void *, size_t n, size_t sz);
/* Bytes pm_arena_settle would take for p, 0 if p is not a grown array. */
size_t	 pm_arena_grown(const struct pm_arena *, void *p, size_t n,
	    size_t sz);
/* Free bytes at the end of the current block. */
size_t	 pm_arena_avail(const struct pm_arena *);
/* Make sz bytes available in one piece (a block of exactly sz). */
void	 pm_arena_reserve(struct pm_arena *, size_t sz);
/* Bytes in use and bytes held (blocks and arrays), for measurements. */
void	 pm_arena_stats(const struct pm_arena *, size_t *used,
	    size_t *held);
void	 pm_arena_release(struct pm_arena *);

#endif /* PM_ARENA_H */
