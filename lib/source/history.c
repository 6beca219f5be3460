/*
 * History (see history.h): one walk of the first-parent chain, oldest
 * commit first, recording for every path the commit that added it.
 *
 * Speed matters (10,000 commits must take well under a second), so the
 * walk does not use git_diff: each commit's tree is compared with its
 * parent's by reading the raw tree objects and merging their sorted
 * entry lists, descending only into subtrees whose ids differ.  The
 * trees read for one commit are kept until the next one, whose parent
 * trees they are, so every tree object is inflated once.  Renames are
 * followed by matching a deleted path's blob id to an added path's in
 * the same commit (what "git mv" gives); when a commit still has both
 * unmatched additions and deletions, libgit2's similarity detection
 * is asked about that one commit.
 *
 * A file a merge brought in counts from the oldest commit of the merged
 * branch that has it (the commit a pull request showed its readers),
 * not from the merge: the branch is walked for the paths that merge
 * added, a bounded number of commits.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "source/cache.h"
#include "source/history.h"
#include "source/repo.h"

#define	MODE_TREE	0040000u
#define	MODE_GITLINK	0160000u
#define	OIDSZ		20
#define	GEN_MAX		256	/* trees kept from one commit to the next */
#define	BRANCH_MAX	512	/* commits of a merged branch looked at */
#define	BRANCH_PATHS	1024	/* paths a merge added looked for */

/* An open-addressing map from a string to a record. */
struct	slot {
	char		*key;		/* owned; NULL when empty */
	uint32_t	 hash;
	uint32_t	 aux;		/* author index, or string index */
	int64_t		 when;
};

struct	map {
	struct slot	*v;
	size_t		 n;		/* used slots */
	size_t		 cap;		/* a power of two */
};

struct	pm_history {
	struct map	 paths;		/* path -> first-added time, author */
	struct map	 authors;	/* "Name <mail>" -> index */
	char		**author;	/* by index, borrowed from authors */
	size_t		 nauthor;
	size_t		 capauthor;
	int		 shallow;
};

/* One path added or deleted by a commit. */
struct	change {
	char		*path;
	unsigned char	 oid[OIDSZ];
	int		 matched;	/* paired as a rename */
	int64_t		 when;		/* inherited record, when matched */
	uint32_t	 author;
};

struct	changes {
	struct change	*v;
	size_t		 n;
	size_t		 cap;
};

/* A tree object read from the object database. */
struct	tobj {
	git_odb_object		*obj;
	const unsigned char	*data;	/* raw entries */
	size_t			 size;
	uint32_t		*off;	/* each entry's offset, then the
					   size; NULL until indexed */
	size_t			 n;	/* entries */
	size_t			 cap;
	int			 keep;	/* introduced by this commit */
};

/* The trees read for one commit; its own are kept for the next. */
struct	gen {
	struct tobj	**v;
	size_t		 n;
	size_t		 cap;
};

struct	walk {
	git_odb		*odb;
	struct gen	 prev;		/* trees of the parent commit */
	struct gen	 cur;		/* trees of this commit */
	struct changes	 adds;
	struct changes	 dels;
	struct pm_buf	 path;
};

/* One entry of a raw tree object. */
struct	tent {
	unsigned int		 mode;
	const char		*name;
	size_t			 namelen;
	const unsigned char	*oid;
};

static uint32_t
hash_str(const char *s)
{
	uint32_t	 h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct slot *
map_find(const struct map *m, const char *key, uint32_t h)
{
	size_t	 i;

	if (m->cap == 0)
		return NULL;
	for (i = h & (m->cap - 1); m->v[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->v[i].hash == h && strcmp(m->v[i].key, key) == 0)
			return &m->v[i];
	return NULL;
}

static void
map_grow(struct map *m)
{
	struct slot	*old;
	size_t		 oldcap, i, j;

	old = m->v;
	oldcap = m->cap;
	m->cap = oldcap == 0 ? 64 : oldcap * 2;
	m->v = pm_xcalloc(m->cap, sizeof(*m->v));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (m->cap - 1); m->v[j].key != NULL;
		    j = (j + 1) & (m->cap - 1))
			continue;
		m->v[j] = old[i];
	}
	free(old);
}

/* Insert or overwrite key (copied); returns its slot. */
static struct slot *
map_put(struct map *m, const char *key)
{
	struct slot	*s;
	uint32_t	 h;
	size_t		 i;

	h = hash_str(key);
	if ((s = map_find(m, key, h)) != NULL)
		return s;
	if ((m->n + 1) * 4 > m->cap * 3)
		map_grow(m);
	for (i = h & (m->cap - 1); m->v[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		continue;
	m->v[i].key = pm_xstrdup(key);
	m->v[i].hash = h;
	m->n++;
	return &m->v[i];
}

/* Remove key if present (backward-shift deletion, no tombstones). */
static void
map_del(struct map *m, const char *key)
{
	struct slot	*s;
	size_t		 i, j, k, mask;

	if ((s = map_find(m, key, hash_str(key))) == NULL)
		return;
	mask = m->cap - 1;
	i = (size_t)(s - m->v);
	free(s->key);
	s->key = NULL;
	m->n--;
	for (j = (i + 1) & mask; m->v[j].key != NULL; j = (j + 1) & mask) {
		k = m->v[j].hash & mask;
		/* Move j back to i unless its home lies in (i, j]. */
		if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
			continue;
		m->v[i] = m->v[j];
		m->v[j].key = NULL;
		i = j;
	}
}

static void
map_release(struct map *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static uint32_t
author_index(struct pm_history *h, const git_signature *sig)
{
	struct slot	*s;
	char		*who;
	size_t		 n;

	who = pm_xasprintf("%s <%s>", sig->name != NULL ? sig->name : "",
	    sig->email != NULL ? sig->email : "");
	n = h->authors.n;
	s = map_put(&h->authors, who);
	free(who);
	if (h->authors.n != n) {
		h->author = pm_xgrow(h->author, &h->capauthor,
		    h->nauthor + 1, sizeof(*h->author));
		s->aux = (uint32_t)h->nauthor;
		h->author[h->nauthor++] = s->key;
	}
	return s->aux;
}

static void
changes_add(struct changes *cs, const char *path, const unsigned char *oid)
{
	struct change	*c;

	cs->v = pm_xgrow(cs->v, &cs->cap, cs->n + 1, sizeof(*cs->v));
	c = &cs->v[cs->n++];
	memset(c, 0, sizeof(*c));
	c->path = pm_xstrdup(path);
	memcpy(c->oid, oid, OIDSZ);
}

static void
changes_clear(struct changes *cs)
{
	size_t	 i;

	for (i = 0; i < cs->n; i++)
		free(cs->v[i].path);
	cs->n = 0;
}

/* Free the trees of g from index from on. */
static void
gen_trim(struct gen *g, size_t from)
{
	struct tobj	*t;

	for (; g->n > from; g->n--) {
		t = g->v[g->n - 1];
		git_odb_object_free(t->obj);
		free(t->off);
		free(t);
	}
}

/*
 * The commit is done: the trees it introduced become the next
 * commit's parent trees (at most GEN_MAX of them, since they are
 * searched linearly); the parent trees it read are freed.
 */
static void
gen_next(struct walk *w)
{
	struct gen	 t;
	size_t		 i, j;

	gen_trim(&w->prev, 0);
	t = w->prev;
	w->prev = w->cur;
	w->cur = t;
	for (i = j = 0; i < w->prev.n; i++) {
		if (w->prev.v[i]->keep && j < GEN_MAX) {
			w->prev.v[i]->keep = 0;
			w->prev.v[j++] = w->prev.v[i];
			continue;
		}
		git_odb_object_free(w->prev.v[i]->obj);
		free(w->prev.v[i]->off);
		free(w->prev.v[i]);
	}
	w->prev.n = j;
}

/*
 * Get a tree object, from the parent commit's trees when it is there.
 * keep: it belongs to this commit (the next one's parent).  Returns 0
 * and sets *out (owned by the walk until the next commit), or -1.
 */
static int
tree_get(struct walk *w, const unsigned char *raw, int keep,
    struct tobj **out)
{
	struct tobj	*t;
	git_odb_object	*obj;
	git_oid		 oid;
	size_t		 i;

	for (i = 0; i < w->prev.n; i++)
		if (memcmp(git_odb_object_id(w->prev.v[i]->obj)->id, raw,
		    OIDSZ) == 0) {
			t = w->prev.v[i];
			w->prev.v[i] = w->prev.v[--w->prev.n];
			goto found;
		}
	git_oid_fromraw(&oid, raw);
	if (git_odb_read(&obj, w->odb, &oid) < 0)
		return pm_error_git("cannot read a tree");
	if (git_odb_object_type(obj) != GIT_OBJECT_TREE ||
	    git_odb_object_size(obj) >= UINT32_MAX) {
		pm_error_set("object %s is not a tree", git_oid_tostr_s(&oid));
		git_odb_object_free(obj);
		return -1;
	}
	t = pm_xcalloc(1, sizeof(*t));
	t->obj = obj;
	t->data = git_odb_object_data(obj);
	t->size = git_odb_object_size(obj);
found:
	t->keep |= keep;
	w->cur.v = pm_xgrow(w->cur.v, &w->cur.cap, w->cur.n + 1,
	    sizeof(*w->cur.v));
	w->cur.v[w->cur.n++] = t;
	*out = t;
	return 0;
}

/*
 * Parse the entry at *p of a raw tree ending at end.  Returns 1 and
 * advances *p, 0 at the end, -1 if the object is malformed.
 */
static int
tent_next(const unsigned char **p, const unsigned char *end, struct tent *e)
{
	const unsigned char	*q = *p, *nul;

	if (q >= end)
		return 0;
	e->mode = 0;
	while (q < end && *q >= '0' && *q <= '7')
		e->mode = e->mode * 8 + (unsigned int)(*q++ - '0');
	if (q >= end || *q++ != ' ')
		return -1;
	if ((nul = memchr(q, '\0', (size_t)(end - q))) == NULL ||
	    (size_t)(end - nul) < 1 + OIDSZ)
		return -1;
	e->name = (const char *)q;
	e->namelen = (size_t)(nul - q);
	e->oid = nul + 1;
	*p = nul + 1 + OIDSZ;
	return 1;
}

static void
off_push(struct tobj *t, size_t off)
{
	t->off = pm_xgrow(t->off, &t->cap, t->n + 1, sizeof(*t->off));
	t->off[t->n++] = (uint32_t)off;
}

/*
 * Index a tree: the offset of every entry, and its size last.
 * Returns 0 or -1 if it is malformed.
 */
static int
tobj_index(struct tobj *t)
{
	const unsigned char	*p, *end;
	struct tent		 e;
	int			 rc;

	if (t->off != NULL)
		return 0;
	p = t->data;
	end = p + t->size;
	for (;;) {
		off_push(t, (size_t)(p - t->data));
		if ((rc = tent_next(&p, end, &e)) <= 0)
			break;
	}
	t->n--;		/* the last offset is the size, not an entry */
	if (rc < 0) {
		pm_error_set("malformed tree object");
		return -1;
	}
	return 0;
}

static int
is_dir(unsigned int mode)
{
	return (mode & 0170000u) == MODE_TREE;
}

/* Git's tree order: a directory's name sorts as if it ended in '/'. */
static int
tent_cmp(const struct tent *a, const struct tent *b)
{
	size_t	 n;
	int	 c, ca, cb;

	n = a->namelen < b->namelen ? a->namelen : b->namelen;
	if ((c = memcmp(a->name, b->name, n)) != 0)
		return c;
	ca = n < a->namelen ? (unsigned char)a->name[n] :
	    is_dir(a->mode) ? '/' : '\0';
	cb = n < b->namelen ? (unsigned char)b->name[n] :
	    is_dir(b->mode) ? '/' : '\0';
	return ca - cb;
}

static int	diff_trees(struct walk *, const unsigned char *,
		    const unsigned char *);

/* Record one side-only entry: a file, or a whole subtree. */
static int
one_side(struct walk *w, const struct tent *e, int added)
{
	size_t	 len;
	int	 rc = 0;

	if ((e->mode & 0170000u) == MODE_GITLINK)
		return 0;
	len = w->path.len;
	pm_buf_put(&w->path, e->name, e->namelen);
	if (is_dir(e->mode)) {
		pm_buf_putc(&w->path, '/');
		rc = added ? diff_trees(w, NULL, e->oid) :
		    diff_trees(w, e->oid, NULL);
	} else
		changes_add(added ? &w->adds : &w->dels,
		    pm_buf_cstr(&w->path), e->oid);
	pm_buf_truncate(&w->path, len);
	return rc;
}

/* Bytes equal at the start of two buffers. */
static size_t
common_prefix(const unsigned char *a, const unsigned char *b, size_t n)
{
	size_t	 i = 0;

	/* Blocks first: memcmp is far faster than a byte loop. */
	while (i + 256 <= n && memcmp(a + i, b + i, 256) == 0)
		i += 256;
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/* Bytes equal at the end of two buffers of sizes na and nb. */
static size_t
common_suffix(const unsigned char *a, size_t na, const unsigned char *b,
    size_t nb)
{
	size_t	 n, i = 0;

	n = na < nb ? na : nb;
	while (i + 256 <= n &&
	    memcmp(a + na - i - 256, b + nb - i - 256, 256) == 0)
		i += 256;
	while (i < n && a[na - i - 1] == b[nb - i - 1])
		i++;
	return i;
}

/*
 * Compare two trees (either may be NULL: everything under the other
 * was added or deleted), appending the files added and deleted under
 * the current path prefix.
 *
 * A tree usually differs from its parent's version by an entry or two,
 * so the bytes they share at both ends are skipped without parsing:
 * the parent tree's entry offsets (kept from the previous commit) say
 * where the last whole entry of the common prefix ends, and once both
 * sides stand on entry boundaries inside the common suffix, at the same
 * distance from their ends, the rest is identical.  The new tree's
 * offsets are built on the way, for the next commit.
 * Returns 0 or -1.
 */
static int
diff_trees(struct walk *w, const unsigned char *a, const unsigned char *b)
{
	struct tobj		*A = NULL, *B = NULL;
	const unsigned char	*pa = NULL, *ea = NULL, *pb = NULL, *eb = NULL;
	struct tent		 ta, tb;
	size_t			 ia = 0, sa, sb, len, lo, hi, mid, d, suf = 0;
	int			 ha = 0, hb = 0, c, rc, same, build = 0;

	if (a != NULL) {
		if (tree_get(w, a, 0, &A) == -1 || tobj_index(A) == -1)
			return -1;
		pa = A->data;
		ea = pa + A->size;
	}
	if (b != NULL) {
		if (tree_get(w, b, 1, &B) == -1)
			return -1;
		pb = B->data;
		eb = pb + B->size;
		build = B->off == NULL;
	}
	if (A != NULL && B != NULL) {
		/* Skip the whole entries of the common prefix. */
		d = common_prefix(A->data, B->data,
		    A->size < B->size ? A->size : B->size);
		lo = 0;
		hi = A->n;
		while (lo < hi) {
			mid = lo + (hi - lo + 1) / 2;
			if (A->off[mid] <= d)
				lo = mid;
			else
				hi = mid - 1;
		}
		ia = lo;
		if (build && ia > 0) {
			B->off = pm_xgrow(B->off, &B->cap, ia, sizeof(*B->off));
			memcpy(B->off, A->off, ia * sizeof(*B->off));
			B->n = ia;
		}
		pa += A->off[ia];
		pb += A->off[ia];
		suf = common_suffix(A->data, A->size, B->data, B->size);
	}

	sa = pa != NULL ? (size_t)(pa - A->data) : 0;
	sb = pb != NULL ? (size_t)(pb - B->data) : 0;
	if (A != NULL && (ha = tent_next(&pa, ea, &ta)) < 0)
		goto bad;
	if (B != NULL && (hb = tent_next(&pb, eb, &tb)) < 0)
		goto bad;
	for (;;) {
		if (A != NULL && B != NULL && sa >= A->size - suf &&
		    A->size - sa == B->size - sb) {
			/* The rest is the common suffix. */
			if (build)
				for (; ia <= A->n; ia++)
					off_push(B, A->off[ia] + sb - sa);
			goto done;
		}
		if (ha == 0 && hb == 0)
			break;
		same = 0;
		if (ha > 0 && hb > 0) {
			if (ta.namelen == tb.namelen && ta.mode == tb.mode &&
			    memcmp(ta.oid, tb.oid, OIDSZ) == 0 &&
			    memcmp(ta.name, tb.name, ta.namelen) == 0) {
				same = 1;
				c = 0;
			} else
				c = tent_cmp(&ta, &tb);
		} else
			c = ha > 0 ? -1 : 1;
		if (c < 0) {
			if (one_side(w, &ta, 0) == -1)
				return -1;
		} else if (c > 0) {
			if (one_side(w, &tb, 1) == -1)
				return -1;
		} else if (!same && is_dir(ta.mode)) {
			/* Same name, changed: descend into directories;
			 * a modified file is neither added nor deleted. */
			len = w->path.len;
			pm_buf_put(&w->path, ta.name, ta.namelen);
			pm_buf_putc(&w->path, '/');
			rc = diff_trees(w, ta.oid, tb.oid);
			pm_buf_truncate(&w->path, len);
			if (rc == -1)
				return -1;
		}
		/* Advance the side(s) whose entry was consumed. */
		if (c <= 0) {
			ia++;
			sa = (size_t)(pa - A->data);
			if ((ha = tent_next(&pa, ea, &ta)) < 0)
				goto bad;
		}
		if (c >= 0) {
			if (build)
				off_push(B, sb);
			sb = (size_t)(pb - B->data);
			if ((hb = tent_next(&pb, eb, &tb)) < 0)
				goto bad;
		}
	}
	if (build)
		off_push(B, B->size);
done:
	if (build)
		B->n--;		/* the last offset is the size */
	return 0;
bad:
	pm_error_set("malformed tree object");
	return -1;
}

static int
cmp_change_oid(const void *a, const void *b)
{
	const struct change	*x = a, *y = b;
	int			 c;

	if ((c = memcmp(x->oid, y->oid, OIDSZ)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

/*
 * Pair the unmatched additions and deletions of one commit with
 * libgit2's similarity detection (renames with edits).
 */
static void
match_similar(struct pm_history *h, git_repository *repo,
    const git_oid *old_tree, const git_oid *new_tree, struct walk *w)
{
	git_tree		*ta = NULL, *tb = NULL;
	git_diff		*diff = NULL;
	git_diff_find_options	 fo;
	const git_diff_delta	*d;
	struct slot		*s;
	size_t			 i, j, k;

	if (git_tree_lookup(&ta, repo, old_tree) < 0 ||
	    git_tree_lookup(&tb, repo, new_tree) < 0 ||
	    git_diff_tree_to_tree(&diff, repo, ta, tb, NULL) < 0)
		goto done;
	git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION);
	fo.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_find_similar(diff, &fo) < 0)
		goto done;
	k = git_diff_num_deltas(diff);
	for (i = 0; i < k; i++) {
		d = git_diff_get_delta(diff, i);
		if (d->status != GIT_DELTA_RENAMED)
			continue;
		s = map_find(&h->paths, d->old_file.path,
		    hash_str(d->old_file.path));
		if (s == NULL)
			continue;
		for (j = 0; j < w->adds.n; j++)
			if (!w->adds.v[j].matched &&
			    strcmp(w->adds.v[j].path, d->new_file.path) == 0) {
				w->adds.v[j].matched = 1;
				w->adds.v[j].when = s->when;
				w->adds.v[j].author = s->aux;
				break;
			}
	}
done:
	git_error_clear();
	git_diff_free(diff);
	git_tree_free(ta);
	git_tree_free(tb);
}

/*
 * Apply one commit's additions and deletions to the path map,
 * following exact renames.  Returns nothing: the map is updated.
 */
static void
apply_commit(struct pm_history *h, git_repository *repo, struct walk *w,
    const git_oid *old_tree, const git_oid *new_tree, int64_t when,
    uint32_t author)
{
	struct change	*a, *d, key;
	struct slot	*s;
	char		 empty[1] = "";
	size_t		 i, umatched_add = 0, umatched_del = 0;

	if (w->adds.n > 0 && w->dels.n > 0) {
		qsort(w->dels.v, w->dels.n, sizeof(*w->dels.v),
		    cmp_change_oid);
		for (i = 0; i < w->adds.n; i++) {
			a = &w->adds.v[i];
			memcpy(key.oid, a->oid, OIDSZ);
			key.path = empty;
			/* The first deletion with this blob id. */
			d = NULL;
			{
				size_t	 lo = 0, hi = w->dels.n, mid;

				while (lo < hi) {
					mid = lo + (hi - lo) / 2;
					if (cmp_change_oid(&w->dels.v[mid],
					    &key) < 0)
						lo = mid + 1;
					else
						hi = mid;
				}
				for (; lo < w->dels.n && memcmp(
				    w->dels.v[lo].oid, a->oid, OIDSZ) == 0;
				    lo++)
					if (!w->dels.v[lo].matched) {
						d = &w->dels.v[lo];
						break;
					}
			}
			if (d == NULL)
				continue;
			s = map_find(&h->paths, d->path, hash_str(d->path));
			if (s == NULL)
				continue;
			d->matched = a->matched = 1;
			a->when = s->when;
			a->author = s->aux;
		}
		for (i = 0; i < w->adds.n; i++)
			umatched_add += !w->adds.v[i].matched;
		for (i = 0; i < w->dels.n; i++)
			umatched_del += !w->dels.v[i].matched;
		if (umatched_add > 0 && umatched_del > 0 && old_tree != NULL)
			match_similar(h, repo, old_tree, new_tree, w);
	}
	for (i = 0; i < w->dels.n; i++)
		map_del(&h->paths, w->dels.v[i].path);
	for (i = 0; i < w->adds.n; i++) {
		a = &w->adds.v[i];
		s = map_put(&h->paths, a->path);
		s->when = a->matched ? a->when : when;
		s->aux = a->matched ? a->author : author;
	}
}

/*
 * The parent of commit id from the cache (source/cache.h keeps "commit
 * -> first parent" records, so a warm walk inflates no commit): 1 and
 * *parent (NULL for a root), or 0 when the cache does not know.
 */
static int
cached_parent(struct pm_cache *cache, git_odb *odb, const git_oid *id,
    git_oid *parent, int *root)
{
	const struct pm_cache_rec	*r;

	if ((r = pm_cache_get(cache, id->id)) == NULL ||
	    !(r->flags & PM_CACHE_COMMIT) ||
	    !git_odb_exists(odb, id))
		return 0;
	*root = *r->id == '\0';
	if (!*root && git_oid_fromstr(parent, r->id) < 0)
		return 0;
	pm_cache_use(cache, r);
	return 1;
}

/*
 * The commit oids of the first-parent chain from tip, newest first.
 * With a cache (not in a shallow repository, whose grafts may change)
 * the parents come from it where it knows them.
 */
static int
first_parents(git_repository *repo, struct pm_cache *cache,
    const git_oid *tip, git_oid **out, size_t *nout)
{
	git_commit	*c = NULL;
	git_odb		*odb = NULL;
	git_oid		*v = NULL, id, parent;
	size_t		 n = 0, cap = 0;
	char		 hex[GIT_OID_HEXSZ + 1];
	int		 root;

	if (git_repository_is_shallow(repo) == 1 ||
	    git_repository_odb(&odb, repo) < 0) {
		git_error_clear();
		cache = NULL;
	}
	id = *tip;
	for (;;) {
		if (cache != NULL && cached_parent(cache, odb, &id, &parent,
		    &root)) {
			v = pm_xgrow(v, &cap, n + 1, sizeof(*v));
			v[n++] = id;
			if (root)
				break;
			id = parent;
			continue;
		}
		if (git_commit_lookup(&c, repo, &id) < 0) {
			/* A shallow boundary: its parent is not here. */
			if (n > 0) {
				git_error_clear();
				break;
			}
			free(v);
			git_odb_free(odb);
			return pm_error_git("cannot read a commit");
		}
		v = pm_xgrow(v, &cap, n + 1, sizeof(*v));
		v[n++] = id;
		root = git_commit_parentcount(c) == 0;
		if (!root)
			parent = *git_commit_parent_id(c, 0);
		git_commit_free(c);
		if (cache != NULL) {
			if (root)
				hex[0] = '\0';
			else
				git_oid_tostr(hex, sizeof(hex), &parent);
			pm_cache_put(cache, id.id, 0, PM_CACHE_COMMIT, hex);
		}
		if (root)
			break;
		id = parent;
	}
	git_odb_free(odb);
	*out = v;
	*nout = n;
	return 0;
}

/*
 * The first-parent chain (newest first) of rev (NULL: HEAD) into
 * *chain, *n.  A repository without commits, or a revision that is a
 * tree, gives an empty chain.  Returns 0 or -1.
 */
/* The commit rev (HEAD when NULL) names: 1 and *tip, 0 for none. */
static int
rev_tip(git_repository *repo, const char *rev, git_oid *tip)
{
	git_object	*obj = NULL;
	git_commit	*c = NULL;
	int		 rc = 0;

	if (rev == NULL && git_repository_head_unborn(repo) == 1)
		return 0;
	if (git_revparse_single(&obj, repo, rev != NULL ? rev : "HEAD") == 0 &&
	    git_object_peel((git_object **)&c, obj, GIT_OBJECT_COMMIT) == 0) {
		*tip = *git_commit_id(c);
		rc = 1;
	}
	git_error_clear();
	git_commit_free(c);
	git_object_free(obj);
	return rc;
}

static int
rev_chain(git_repository *repo, struct pm_cache *cache, const char *rev,
    git_oid **chain, size_t *n)
{
	git_object	*obj = NULL;
	git_commit	*c = NULL;
	git_oid		 tip;
	int		 rc = -1;

	*chain = NULL;
	*n = 0;
	if (rev == NULL && git_repository_head_unborn(repo) == 1)
		return 0;	/* no commits yet */
	if (git_revparse_single(&obj, repo, rev != NULL ? rev : "HEAD") < 0) {
		pm_error_set("unknown revision '%s'",
		    rev != NULL ? rev : "HEAD");
		git_error_clear();
		return -1;
	}
	if (git_object_peel((git_object **)&c, obj, GIT_OBJECT_COMMIT) < 0) {
		/* A tree has no history. */
		git_error_clear();
		rc = 0;
		goto done;
	}
	tip = *git_commit_id(c);
	rc = first_parents(repo, cache, &tip, chain, n);
done:
	git_commit_free(c);
	git_object_free(obj);
	return rc;
}

/*
 * Snapshots of a whole walk, in the cache (source/cache.h): the result
 * of walking the first-parent chain up to a commit, so that the next
 * walk from a descendant starts there and diffs only the newer
 * commits.  Text: one "A<author>" line per author in index order, then
 * one "P<when> <author> <path>" line per path.  Keyed by a hash of the
 * commit id (its own id holds its parent record).
 */
static void
snapshot_key(const git_oid *commit, git_oid *key)
{
	char	 b[64];

	/* "2": files brought in by merges count from their branch. */
	snprintf(b, sizeof(b), "postmortem history 2 %s",
	    git_oid_tostr_s(commit));
	if (git_odb_hash(key, b, strlen(b), GIT_OBJECT_BLOB) < 0)
		memset(key, 0, sizeof(*key));
}

static char *
snapshot_write(const struct pm_history *h)
{
	struct pm_buf	 b;
	char		*out;
	size_t		 i;

	pm_buf_init(&b);
	for (i = 0; i < h->nauthor; i++)
		pm_buf_printf(&b, "A%s\n", h->author[i]);
	for (i = 0; i < h->paths.cap; i++)
		if (h->paths.v[i].key != NULL)
			pm_buf_printf(&b, "P%lld %u %s\n",
			    (long long)h->paths.v[i].when,
			    (unsigned)h->paths.v[i].aux, h->paths.v[i].key);
	out = pm_xstrdup(pm_buf_cstr(&b));
	pm_buf_release(&b);
	return out;
}

/*
 * Read a snapshot into an empty h.  Returns 0, or -1 (h emptied again)
 * when the text is not one snapshot_write() makes.
 */
static int
snapshot_read(struct pm_history *h, const char *t)
{
	struct slot	*s;
	const char	*e, *sp;
	char		*line, *end;
	long long	 when;
	unsigned long	 aux;
	size_t		 n;

	for (; *t != '\0'; t = e + 1) {
		if ((e = strchr(t, '\n')) == NULL)
			goto bad;
		line = pm_xstrndup(t, (size_t)(e - t));
		if (line[0] == 'A') {
			n = h->authors.n;
			s = map_put(&h->authors, line + 1);
			if (h->authors.n == n) {	/* twice: not ours */
				free(line);
				goto bad;
			}
			h->author = pm_xgrow(h->author, &h->capauthor,
			    h->nauthor + 1, sizeof(*h->author));
			s->aux = (uint32_t)h->nauthor;
			h->author[h->nauthor++] = s->key;
		} else if (line[0] == 'P') {
			when = strtoll(line + 1, &end, 10);
			if (*end != ' ' || (aux = strtoul(end + 1, &end, 10),
			    *end != ' ') || aux >= h->nauthor ||
			    (sp = end + 1, *sp == '\0')) {
				free(line);
				goto bad;
			}
			s = map_put(&h->paths, sp);
			s->when = (int64_t)when;
			s->aux = (uint32_t)aux;
		} else {
			free(line);
			goto bad;
		}
		free(line);
	}
	return 0;
bad:
	map_release(&h->paths);
	map_release(&h->authors);
	free(h->author);
	h->author = NULL;
	h->nauthor = h->capauthor = 0;
	memset(&h->paths, 0, sizeof(h->paths));
	memset(&h->authors, 0, sizeof(h->authors));
	return -1;
}

/*
 * For the paths a merge commit added (relative to its first parent,
 * not renames), the oldest commit of the merged branches (reachable
 * from the other parents, not from the first) whose tree has the path:
 * sets each change's when and author and marks it matched.  Commits
 * are visited parents first; at most BRANCH_MAX of them.  A failure
 * leaves the merge's time (when the file reached the main line).
 */
static void
branch_added(struct pm_history *h, git_repository *repo,
    const git_commit *merge, struct change *v, size_t n)
{
	git_revwalk	*rw = NULL;
	git_commit	*c = NULL;
	git_tree	*t = NULL;
	git_tree_entry	*e;
	git_oid		 id;
	size_t		 i, pending = 0, seen = 0;
	unsigned int	 k, np;

	for (i = 0; i < n; i++)
		pending += !v[i].matched;
	np = git_commit_parentcount(merge);
	if (pending == 0 || pending > BRANCH_PATHS || np < 2 ||
	    git_revwalk_new(&rw, repo) < 0)
		goto done;
	git_revwalk_sorting(rw, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	for (k = 1; k < np; k++)
		if (git_revwalk_push(rw, git_commit_parent_id(merge, k)) < 0)
			goto done;
	if (git_revwalk_hide(rw, git_commit_parent_id(merge, 0)) < 0)
		goto done;
	while (pending > 0 && seen++ < BRANCH_MAX &&
	    git_revwalk_next(&id, rw) == 0) {
		if (git_commit_lookup(&c, repo, &id) < 0 ||
		    git_commit_tree(&t, c) < 0)
			break;
		for (i = 0; i < n; i++) {
			if (v[i].matched)
				continue;
			if (git_tree_entry_bypath(&e, t, v[i].path) < 0)
				continue;
			git_tree_entry_free(e);
			v[i].matched = 1;
			v[i].when = (int64_t)git_commit_time(c);
			v[i].author = author_index(h, git_commit_author(c));
			pending--;
		}
		git_tree_free(t);
		t = NULL;
		git_commit_free(c);
		c = NULL;
	}
done:
	git_error_clear();
	git_tree_free(t);
	git_commit_free(c);
	git_revwalk_free(rw);
}

/* The paths a merge added: their time from the merged branch. */
static void
merged_paths(struct pm_history *h, git_repository *repo,
    const git_commit *merge, struct changes *adds)
{
	struct slot	*s;
	size_t		 i;

	/* Renames were matched by apply_commit: they keep their time. */
	for (i = 0; i < adds->n; i++)
		if (adds->v[i].matched)
			adds->v[i].matched = 2;
	branch_added(h, repo, merge, adds->v, adds->n);
	for (i = 0; i < adds->n; i++) {
		if (adds->v[i].matched != 1)
			continue;
		if ((s = map_find(&h->paths, adds->v[i].path,
		    hash_str(adds->v[i].path))) == NULL)
			continue;
		s->when = adds->v[i].when;
		s->aux = adds->v[i].author;
	}
}

int
pm_history_load(struct pm_history **out, struct pm_source *src,
    const char *rev)
{
	struct pm_history	*h;
	struct pm_cache		*cache;
	const struct pm_cache_rec *r;
	struct walk		 w;
	git_repository		*repo;
	git_commit		*c = NULL;
	git_oid			*chain = NULL, prev_tree, tree, key;
	size_t			 n = 0, i, from;
	uint32_t		 author;
	char			*snap;
	int			 rc = -1, have_prev = 0;

	h = pm_xcalloc(1, sizeof(*h));
	*out = h;
	memset(&w, 0, sizeof(w));
	if ((repo = pm_source_git_acquire(src)) == NULL)
		return pm_source_has_repo(src) ? -1 : 0;
	h->shallow = git_repository_is_shallow(repo) == 1;
	cache = h->shallow ? NULL : pm_source_cache(src);
	if (rev_chain(repo, cache, rev, &chain, &n) == -1)
		goto done;
	if (n == 0) {
		rc = 0;
		goto done;
	}
	if (git_repository_odb(&w.odb, repo) < 0) {
		pm_error_git("cannot open the object database");
		goto done;
	}

	/* The newest commit of the chain with a snapshot: start there. */
	from = n;
	for (i = 0; cache != NULL && i < n; i++) {
		snapshot_key(&chain[i], &key);
		if ((r = pm_cache_get(cache, key.id)) == NULL ||
		    !(r->flags & PM_CACHE_HISTORY))
			continue;
		if (snapshot_read(h, r->id) == -1)
			break;
		if (git_commit_lookup(&c, repo, &chain[i]) < 0) {
			pm_error_git("cannot read a commit");
			goto done;
		}
		prev_tree = *git_commit_tree_id(c);
		git_commit_free(c);
		c = NULL;
		have_prev = 1;
		pm_cache_use(cache, r);
		from = i;
		break;
	}

	/* Oldest first, each commit against the one before it. */
	for (i = from; i-- > 0; ) {
		if (git_commit_lookup(&c, repo, &chain[i]) < 0) {
			pm_error_git("cannot read a commit");
			goto done;
		}
		tree = *git_commit_tree_id(c);
		author = author_index(h, git_commit_author(c));
		/* The chain's oldest commit may have a parent we cannot
		 * see (shallow): everything in it counts as added. */
		if (diff_trees(&w, have_prev ? prev_tree.id : NULL,
		    tree.id) == -1)
			goto done;
		apply_commit(h, repo, &w, have_prev ? &prev_tree : NULL,
		    &tree, (int64_t)git_commit_time(c), author);
		if (git_commit_parentcount(c) > 1 && w.adds.n > 0)
			merged_paths(h, repo, c, &w.adds);
		changes_clear(&w.adds);
		changes_clear(&w.dels);
		gen_next(&w);
		git_commit_free(c);
		c = NULL;
		prev_tree = tree;
		have_prev = 1;
	}
	/* One snapshot at a time: the newest replaces the others. */
	if (cache != NULL && from != 0) {
		snapshot_key(&chain[0], &key);
		snap = snapshot_write(h);
		pm_cache_drop(cache, PM_CACHE_HISTORY);
		pm_cache_put(cache, key.id, 0, PM_CACHE_HISTORY, snap);
		free(snap);
	}
	rc = 0;
done:
	git_commit_free(c);
	gen_trim(&w.prev, 0);
	gen_trim(&w.cur, 0);
	free(w.prev.v);
	free(w.cur.v);
	changes_clear(&w.adds);
	changes_clear(&w.dels);
	free(w.adds.v);
	free(w.dels.v);
	pm_buf_release(&w.path);
	git_odb_free(w.odb);
	free(chain);
	pm_source_git_release(src, repo);
	return rc;
}

/*
 * The id of the blob at path in a commit's tree.  Returns 1 and sets
 * *blob, 0 if the path is not a blob there, -1 on a read failure.
 */
static int
blob_at(git_repository *repo, const git_oid *commit, const char *path,
    git_oid *blob)
{
	git_commit	*c = NULL;
	git_tree	*t = NULL;
	git_tree_entry	*e = NULL;
	int		 rc = -1;

	if (git_commit_lookup(&c, repo, commit) < 0 ||
	    git_commit_tree(&t, c) < 0) {
		pm_error_git("cannot read a commit");
		goto done;
	}
	rc = 0;
	if (git_tree_entry_bypath(&e, t, path) < 0) {
		git_error_clear();
		goto done;
	}
	if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		*blob = *git_tree_entry_id(e);
		rc = 1;
	}
done:
	git_tree_entry_free(e);
	git_tree_free(t);
	git_commit_free(c);
	return rc;
}

/*
 * The path that the commit renamed into path, as libgit2's rename
 * detection sees it against the first parent, into *old (caller
 * frees).  Returns 1 if renamed, 0 if added, -1 on failure.
 */
static int
renamed_from(git_repository *repo, const git_oid *commit,
    const git_oid *parent, const char *path, char **old)
{
	git_commit		*c = NULL, *p = NULL;
	git_tree		*ct = NULL, *pt = NULL;
	git_diff		*diff = NULL;
	git_diff_find_options	 fo;
	const git_diff_delta	*d;
	size_t			 i;
	int			 rc = -1;

	*old = NULL;
	git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION);
	if (git_commit_lookup(&c, repo, commit) < 0 ||
	    git_commit_lookup(&p, repo, parent) < 0 ||
	    git_commit_tree(&ct, c) < 0 || git_commit_tree(&pt, p) < 0 ||
	    git_diff_tree_to_tree(&diff, repo, pt, ct, NULL) < 0) {
		pm_error_git("cannot compare a commit with its parent");
		goto done;
	}
	fo.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_find_similar(diff, &fo) < 0) {
		pm_error_git("cannot find renames");
		goto done;
	}
	rc = 0;
	for (i = 0; i < git_diff_num_deltas(diff); i++) {
		d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_RENAMED &&
		    strcmp(d->new_file.path, path) == 0) {
			*old = pm_xstrdup(d->old_file.path);
			rc = 1;
			break;
		}
	}
done:
	git_diff_free(diff);
	git_tree_free(pt);
	git_tree_free(ct);
	git_commit_free(p);
	git_commit_free(c);
	return rc;
}

/*
 * The oldest commit of chain[from..n) (newest first) that has path,
 * assuming it stays once added: its index, or n if chain[from] lacks
 * it.  -1 on failure.
 */
static long
bisect_added(git_repository *repo, const git_oid *chain, size_t from,
    size_t n, const char *path)
{
	git_oid	 blob;
	size_t	 lo, hi, mid;
	int	 r;

	if ((r = blob_at(repo, &chain[from], path, &blob)) <= 0)
		return r == 0 ? (long)n : -1;
	/* chain[lo] has the path; chain[hi] (or the end) has not. */
	lo = from;
	hi = n;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if ((r = blob_at(repo, &chain[mid], path, &blob)) == -1)
			return -1;
		if (r == 1)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo;
}

/*
 * The cache's key for "when was PATH first committed, as of commit
 * TIP": two hashes of both, and a mark (no blob id looks like it).
 */
static void
added_key(unsigned char key[20], const git_oid *tip, const char *path)
{
	uint64_t	 a, b;

	a = pm_fnv64(PM_FNV_INIT, tip->id, OIDSZ);
	a = pm_fnv64(a, path, strlen(path) + 1);
	b = pm_fnv64(a ^ 0x9e3779b97f4a7c15ULL, path, strlen(path));
	b = pm_fnv64(b, tip->id, OIDSZ);
	memcpy(key, &a, 8);
	memcpy(key + 8, &b, 8);
	memcpy(key + 16, "ADD\0", 4);
}

/*
 * Fill h from the cache's records of paths as of tip.  Returns 1 when
 * every path has one, else 0 (and h is left as it was).
 */
static int
added_from_cache(struct pm_history *h, struct pm_cache *cache,
    const git_oid *tip, const char *const *paths, size_t npaths)
{
	const struct pm_cache_rec	*r;
	const struct pm_cache_rec	**rs;
	unsigned char			 key[20];
	git_signature			 sig;
	struct slot			*s;
	const char			*tab;
	char				*who, *lt, none[1] = "";
	size_t				 i;

	if (cache == NULL || npaths == 0)
		return 0;
	rs = pm_xcalloc(npaths, sizeof(*rs));
	for (i = 0; i < npaths; i++) {
		added_key(key, tip, paths[i]);
		if ((r = pm_cache_get(cache, key)) == NULL ||
		    r->flags != PM_CACHE_ADDED || (r->id[0] != '\0' &&
		    (tab = strchr(r->id, '\t')) == NULL)) {
			free(rs);
			return 0;
		}
		rs[i] = r;
	}
	for (i = 0; i < npaths; i++) {
		pm_cache_use(cache, rs[i]);
		if (rs[i]->id[0] == '\0')
			continue;	/* never committed */
		tab = strchr(rs[i]->id, '\t');
		/* "Name <mail>", as author_index() writes it. */
		who = pm_xstrdup(tab + 1);
		memset(&sig, 0, sizeof(sig));
		sig.name = who;
		sig.email = none;
		if ((lt = strrchr(who, '<')) != NULL && lt > who &&
		    lt[-1] == ' ' && lt[strlen(lt) - 1] == '>') {
			lt[-1] = '\0';
			lt[strlen(lt) - 1] = '\0';
			sig.email = lt + 1;
		}
		s = map_put(&h->paths, paths[i]);
		s->when = strtoll(rs[i]->id, NULL, 10);
		s->aux = author_index(h, &sig);
		free(who);
	}
	free(rs);
	return 1;
}

/* Record what pm_history_load_paths found for path as of tip. */
static void
added_to_cache(const struct pm_history *h, struct pm_cache *cache,
    const git_oid *tip, const char *path)
{
	const struct slot	*s;
	unsigned char		 key[20];
	char			*v;

	if (cache == NULL)
		return;
	added_key(key, tip, path);
	s = map_find(&h->paths, path, hash_str(path));
	v = s == NULL ? pm_xstrdup("") : pm_xasprintf("%lld\t%s",
	    (long long)s->when, h->author[s->aux]);
	pm_cache_put(cache, key, 0, PM_CACHE_ADDED, v);
	free(v);
}

int
pm_history_load_paths(struct pm_history **out, struct pm_source *src,
    const char *rev, const char *const *paths, size_t npaths)
{
	struct pm_history	*h;
	struct slot		*s;
	git_repository		*repo;
	git_commit		*c = NULL;
	git_oid			*chain = NULL;
	struct change		 one;
	char			*cur = NULL, *old, *cur_name = NULL;
	size_t			 n = 0, i, from, hops, best;
	git_oid			 tip;
	long			 k;
	int			 rc = -1, r, has_tip;

	h = pm_xcalloc(1, sizeof(*h));
	*out = h;
	if ((repo = pm_source_git_acquire(src)) == NULL)
		return pm_source_has_repo(src) ? -1 : 0;
	h->shallow = git_repository_is_shallow(repo) == 1;
	/* Asked before, as of the same commit (not in a shallow clone,
	 * whose history may deepen): no walk. */
	has_tip = !h->shallow && rev_tip(repo, rev, &tip) == 1;
	if (has_tip && added_from_cache(h, pm_source_cache(src), &tip, paths,
	    npaths)) {
		rc = 0;
		goto done;
	}
	if (rev_chain(repo, pm_source_cache(src), rev, &chain, &n) == -1)
		goto done;
	if (n == 0) {
		rc = 0;		/* no commits yet: nothing was added */
		goto done;
	}

	for (i = 0; i < npaths; i++) {
		cur = pm_xstrdup(paths[i]);
		best = n;	/* the oldest commit known to add it */
		from = 0;
		/* Follow renames back, a bounded number of times. */
		for (hops = 0; hops < 64; hops++) {
			if ((k = bisect_added(repo, chain, from, n, cur)) == -1)
				goto done;
			if ((size_t)k == n)
				break;		/* not there: uncommitted */
			best = (size_t)k;
			if (best + 1 >= n)
				break;		/* the oldest commit has it */
			r = renamed_from(repo, &chain[best], &chain[best + 1],
			    cur, &old);
			if (r == -1)
				goto done;
			if (r == 0)
				break;		/* added, not renamed */
			free(cur);
			cur = old;
			from = best + 1;
		}
		cur_name = cur;	/* its name in chain[best] */
		cur = NULL;
		if (best == n) {
			free(cur_name);
			cur_name = NULL;
			continue;
		}
		if (git_commit_lookup(&c, repo, &chain[best]) < 0) {
			pm_error_git("cannot read a commit");
			goto done;
		}
		s = map_put(&h->paths, paths[i]);
		s->when = (int64_t)git_commit_time(c);
		s->aux = author_index(h, git_commit_author(c));
		if (git_commit_parentcount(c) > 1) {
			/* Brought in by a merge: from its branch. */
			memset(&one, 0, sizeof(one));
			one.path = cur_name != NULL ? cur_name :
			    (char *)paths[i];
			branch_added(h, repo, c, &one, 1);
			if (one.matched) {
				s = map_find(&h->paths, paths[i],
				    hash_str(paths[i]));
				s->when = one.when;
				s->aux = one.author;
			}
		}
		free(cur_name);
		cur_name = NULL;
		git_commit_free(c);
		c = NULL;
	}
	if (has_tip)
		for (i = 0; i < npaths; i++)
			added_to_cache(h, pm_source_cache(src), &tip,
			    paths[i]);
	rc = 0;
done:
	free(cur);
	free(cur_name);
	git_commit_free(c);
	free(chain);
	pm_source_git_release(src, repo);
	return rc;
}

void
pm_history_free(struct pm_history *h)
{
	if (h == NULL)
		return;
	map_release(&h->paths);
	map_release(&h->authors);
	free(h->author);
	free(h);
}

int
pm_history_first_added(const struct pm_history *h, const char *path,
    int64_t *when, const char **author)
{
	const struct slot	*s;

	if (h == NULL || (s = map_find(&h->paths, path,
	    hash_str(path))) == NULL)
		return PM_ENOTFOUND;
	*when = s->when;
	*author = h->author[s->aux];
	return 0;
}

int
pm_history_shallow(const struct pm_history *h)
{
	return h != NULL && h->shallow;
}
