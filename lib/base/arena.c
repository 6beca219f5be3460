/*
 * Bump arena (see arena.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"

/*
 * Blocks start small (most documents need a few KB of model strings;
 * 10,000 of them are alive at once) and double up to BLK_MAX.
 */
#define	BLK_FIRST	(2 * 1024)
#define	BLK_MAX		(8 * 1024)

struct	pm_arena_blk {
	struct pm_arena_blk	*next;
	size_t			 used;
	size_t			 size;
	max_align_t		 data[];
};

void *
pm_arena_alloc(struct pm_arena *a, size_t sz)
{
	struct pm_arena_blk	*b;
	size_t			 al, bsz;
	void			*p;

	al = (sz + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (al < sz)
		al = sz;	/* overflow: let pm_xmalloc fail below */
	b = a->head;
	if (b == NULL || b->size - b->used < al) {
		bsz = b == NULL ? BLK_FIRST :
		    b->size * 2 > BLK_MAX ? BLK_MAX : b->size * 2;
		if (al > bsz / 4)
			bsz = al > bsz ? al : bsz;
		b = pm_xmalloc(sizeof(*b) + bsz);
		b->size = bsz;
		b->used = 0;
		if (al > BLK_MAX / 4 && a->head != NULL) {
			/* Big block: keep the current head for small ones. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = (char *)b->data + b->used;
	b->used += al;
	memset(p, 0, sz);
	return p;
}

char *
pm_arena_strndup(struct pm_arena *a, const char *s, size_t n)
{
	char	*p;

	p = pm_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
pm_arena_strdup(struct pm_arena *a, const char *s)
{
	return pm_arena_strndup(a, s, strlen(s));
}

char *
pm_arena_printf(struct pm_arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = pm_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* What precedes an array of pm_arena_grow: its slot in a->side. */
struct	side_hdr {
	size_t		 slot;
	max_align_t	 data[];
};

void *
pm_arena_grow(struct pm_arena *a, void *old, size_t *cap, size_t need,
    size_t sz)
{
	struct side_hdr	*h;
	size_t		 ncap;

	if (need <= *cap)
		return old;
	ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	if (ncap > (SIZE_MAX - sizeof(*h)) / sz)
		ncap = need;
	if (old == NULL) {
		h = pm_xmalloc(sizeof(*h) + ncap * sz);
		a->side = pm_xgrow(a->side, &a->capside, a->nside + 1,
		    sizeof(*a->side));
		h->slot = a->nside++;
	} else {
		h = (struct side_hdr *)((char *)old - sizeof(*h));
		h = pm_xrealloc(h, sizeof(*h) + ncap * sz);
	}
	a->side[h->slot] = h;
	memset((char *)h->data + *cap * sz, 0, (ncap - *cap) * sz);
	*cap = ncap;
	return h->data;
}

void
pm_arena_release(struct pm_arena *a)
{
	struct pm_arena_blk	*b, *next;
	size_t			 i;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	for (i = 0; i < a->nside; i++)
		free(a->side[i]);
	free(a->side);
	a->head = NULL;
	a->side = NULL;
	a->nside = a->capside = 0;
}
