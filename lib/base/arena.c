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
 * 10,000 of them are alive at once) and double up to BLK_MAX.  With a
 * size hint the first block holds nearly everything, and the blocks
 * after it start at BLK_MIN and double (up to BLK_MAX).
 */
#define	BLK_FIRST	(2 * 1024)
#define	BLK_MIN		(1024)
#define	BLK_MAX		(8 * 1024)
#define	ALIGN		(sizeof(max_align_t))

struct	pm_arena_blk {
	struct pm_arena_blk	*next;
	size_t			 used;
	size_t			 size;
	max_align_t		 data[];
};

void
pm_arena_size_hint(struct pm_arena *a, size_t sz)
{
	if (a->head == NULL)
		a->first = sz < BLK_MIN ? BLK_MIN : sz;
}

/* sz bytes at alignment al (1 or ALIGN) in the head block, or NULL. */
static void *
fit(struct pm_arena *a, size_t sz, size_t al)
{
	struct pm_arena_blk	*b = a->head;
	size_t			 off;

	if (b == NULL)
		return NULL;
	off = (b->used + al - 1) & ~(al - 1);
	if (off > b->size || b->size - off < sz)
		return NULL;
	b->used = off + sz;
	return (char *)b->data + off;
}

static void *
bump(struct pm_arena *a, size_t sz, size_t al)
{
	struct pm_arena_blk	*b;
	size_t			 bsz;
	void			*p;

	if ((p = fit(a, sz, al)) != NULL)
		return p;
	b = a->head;
	if (b == NULL)
		bsz = a->first > 0 ? a->first : BLK_FIRST;
	else if (a->first > 0)
		bsz = b->size >= a->first ? BLK_MIN :
		    b->size * 2 > BLK_MAX ? BLK_MAX : b->size * 2;
	else
		bsz = b->size * 2 > BLK_MAX ? BLK_MAX : b->size * 2;
	if (sz > bsz / 4)
		bsz = sz > bsz ? sz : bsz;
	if (sz > SIZE_MAX - sizeof(*b))
		bsz = SIZE_MAX - sizeof(*b);	/* pm_xmalloc fails */
	/*
	 * Zeroed, so every byte of a block is defined: side_of() reads
	 * the bytes before any arena pointer, which may be alignment
	 * padding or a header's padding (valgrind reported the read).
	 */
	b = pm_xcalloc(1, sizeof(*b) + bsz);
	b->size = bsz;
	b->used = sz;
	if (sz > BLK_MAX / 4 && a->head != NULL &&
	    a->head->size - a->head->used >= BLK_MIN / 4) {
		/* Big block: keep the current head for small ones. */
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
	}
	return b->data;
}

void *
pm_arena_alloc(struct pm_arena *a, size_t sz)
{
	void	*p;

	p = bump(a, sz, ALIGN);
	memset(p, 0, sz);
	return p;
}

char *
pm_arena_strndup(struct pm_arena *a, const char *s, size_t n)
{
	char	*p;

	p = bump(a, n + 1, 1);
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
	p = bump(a, (size_t)n + 1, 1);
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

/*
 * The header of p if p is an array of pm_arena_grow in a, else NULL.
 * Any other pointer given here is arena memory, so the bytes before it
 * are readable (a block header at least) and no side array can start
 * where they are.
 */
static struct side_hdr *
side_of(const struct pm_arena *a, void *p)
{
	struct side_hdr	*h;

	if (p == NULL || a->nside == 0)
		return NULL;
	h = (struct side_hdr *)((char *)p - sizeof(*h));
	if (h->slot < a->nside && a->side[h->slot] == h)
		return h;
	return NULL;
}

size_t
pm_arena_grown(const struct pm_arena *a, void *p, size_t n, size_t sz)
{
	if (n == 0 || side_of(a, p) == NULL)
		return 0;
	return (n * sz + ALIGN - 1) & ~(ALIGN - 1);
}

size_t
pm_arena_avail(const struct pm_arena *a)
{
	const struct pm_arena_blk	*b = a->head;
	size_t				 off;

	if (b == NULL)
		return 0;
	off = (b->used + ALIGN - 1) & ~(ALIGN - 1);
	return off < b->size ? b->size - off : 0;
}

void
pm_arena_reserve(struct pm_arena *a, size_t sz)
{
	struct pm_arena_blk	*b;

	if (sz == 0 || pm_arena_avail(a) >= sz)
		return;
	b = pm_xcalloc(1, sizeof(*b) + sz);	/* defined bytes: see bump() */
	b->size = sz;
	b->used = 0;
	b->next = a->head;
	a->head = b;
}

void *
pm_arena_settle(struct pm_arena *a, void *p, size_t n, size_t sz)
{
	struct side_hdr	*h;
	size_t		 slot, i;
	void		*q = NULL;

	if ((h = side_of(a, p)) == NULL)
		return p;
	slot = h->slot;
	if (n > 0) {
		q = bump(a, n * sz, ALIGN);
		memcpy(q, p, n * sz);
	}
	free(h);
	a->side[slot] = NULL;
	/* The slot table goes with its last array. */
	for (i = 0; i < a->nside && a->side[i] == NULL; i++)
		continue;
	if (i == a->nside) {
		free(a->side);
		a->side = NULL;
		a->nside = a->capside = 0;
	}
	return q;
}

void
pm_arena_stats(const struct pm_arena *a, size_t *used, size_t *held)
{
	const struct pm_arena_blk	*b;

	*used = *held = 0;
	for (b = a->head; b != NULL; b = b->next) {
		*used += b->used;
		*held += sizeof(*b) + b->size;
	}
	*held += a->capside * sizeof(*a->side);
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
