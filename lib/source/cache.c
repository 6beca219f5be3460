/*
 * The content-keyed cache (see cache.h).  File format, all integers
 * little-endian:
 *
 *	"PMCACHE3"			magic
 *	u32 keylen, key bytes		binary version and configuration
 *	u32 nrec
 *	nrec records, sorted by oid:	oid[20] u32 size u32 flags
 *					u32 idlen, u32 datalen,
 *					id bytes, data bytes
 *	u64 FNV-1a of every byte before it
 *
 * A "PMCACHE2" file (no data) is "stale".  Anything else (short,
 * long, unsorted, bad checksum) is "corrupt" and
 * the cache starts empty.  Records live in one sorted array; lookups
 * are a binary search and never write, so the loader's threads share
 * it; additions wait in a second array until pm_cache_save() merges.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "source/cache.h"

#define	MAGIC		"PMCACHE3"
#define	OLDMAGIC	"PMCACHE2"
#define	MAGICLEN	8
#define	MAX_FILE	(256u << 20)	/* a cache larger than this is junk */
#define	MAX_ID		4096u		/* but history snapshots */
#define	RECHDR		36u

/* The longest id a record of these flags may have. */
static size_t
max_id(uint32_t flags)
{
	return (flags & PM_CACHE_HISTORY) ? MAX_FILE : MAX_ID;
}

struct	pm_cache {
	char			*dir;	/* <gitdir>/postmortem */
	char			*key;
	enum pm_cache_state	 state;
	struct pm_cache_rec	*v;	/* sorted by oid */
	size_t			 n;
	struct pm_cache_rec	*add;	/* added this run, any order */
	size_t			 nadd, capadd;
	size_t			 hits;
	int			 dropped;
};


static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = (v >> 24) & 0xff;
}

/* The whole file in *buf, or -1 (missing, unreadable, too large). */
static int
slurp(const char *path, unsigned char **buf, size_t *len)
{
	struct stat	 st;
	ssize_t		 r;
	size_t		 got = 0;
	int		 fd;

	*buf = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size > MAX_FILE) {
		close(fd);
		return -1;
	}
	*buf = pm_xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		r = read(fd, *buf + got, (size_t)st.st_size - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*len = got;
	return 0;
}

static void
recs_free(struct pm_cache_rec *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free((char *)v[i].id);
		free((unsigned char *)v[i].data);
	}
	free(v);
}

/*
 * Parse the file's bytes into c->v; sets c->state.  Every length is
 * checked against what is left, so any byte string is safe to read.
 */
static void
parse(struct pm_cache *c, const unsigned char *b, size_t len)
{
	const unsigned char	*p = b, *end;
	size_t			 keylen, i, n, idlen, datalen;
	unsigned char		*data;
	char			*id;

	c->state = PM_CACHE_CORRUPT;
	if (len >= MAGICLEN && memcmp(b, OLDMAGIC, MAGICLEN) == 0) {
		c->state = PM_CACHE_STALE;
		return;
	}
	if (len < MAGICLEN + 4 + 4 + 8 || memcmp(b, MAGIC, MAGICLEN) != 0)
		return;
	end = b + len - 8;
	if (get64(end) != pm_fnv64(PM_FNV_INIT, b, len - 8))
		return;
	p += MAGICLEN;
	keylen = get32(p);
	p += 4;
	if (keylen > (size_t)(end - p))
		return;
	if (keylen != strlen(c->key) || memcmp(p, c->key, keylen) != 0) {
		c->state = PM_CACHE_STALE;
		return;
	}
	p += keylen;
	if (end - p < 4)
		return;
	n = get32(p);
	p += 4;
	/* Each record takes at least RECHDR bytes. */
	if (n > (size_t)(end - p) / RECHDR)
		return;
	c->v = pm_xcalloc(n > 0 ? n : 1, sizeof(*c->v));
	for (i = 0; i < n; i++) {
		if ((size_t)(end - p) < RECHDR)
			goto bad;
		memcpy(c->v[i].oid, p, 20);
		c->v[i].size = get32(p + 20);
		c->v[i].flags = get32(p + 24);
		idlen = get32(p + 28);
		datalen = get32(p + 32);
		p += RECHDR;
		if (idlen > max_id(c->v[i].flags) ||
		    idlen > (size_t)(end - p) ||
		    memchr(p, '\0', idlen) != NULL)
			goto bad;
		if (datalen > PM_CACHE_MAX_DATA ||
		    datalen > (size_t)(end - p) - idlen)
			goto bad;
		id = pm_xmalloc(idlen + 1);
		memcpy(id, p, idlen);
		id[idlen] = '\0';
		c->v[i].id = id;
		p += idlen;
		c->n = i + 1;
		if (datalen > 0) {
			data = pm_xmalloc(datalen);
			memcpy(data, p, datalen);
			c->v[i].data = data;
			c->v[i].datalen = (uint32_t)datalen;
			p += datalen;
		}
		if (i > 0 && memcmp(c->v[i - 1].oid, c->v[i].oid, 20) >= 0)
			goto bad;
	}
	if (p != end)
		goto bad;
	c->state = PM_CACHE_OK;
	return;
bad:
	recs_free(c->v, c->n);
	c->v = NULL;
	c->n = 0;
}

void
pm_cache_open(struct pm_cache **out, const char *gitdir, const char *key)
{
	struct pm_cache	*c;
	unsigned char	*buf;
	char		*path;
	size_t		 len, n;

	*out = NULL;
	if (gitdir == NULL)
		return;
	c = pm_xcalloc(1, sizeof(*c));
	n = strlen(gitdir);
	while (n > 1 && gitdir[n - 1] == '/')
		n--;
	c->dir = pm_xasprintf("%.*s/postmortem", (int)n, gitdir);
	c->key = pm_xstrdup(key);
	c->state = PM_CACHE_MISSING;
	path = pm_xasprintf("%s/cache", c->dir);
	if (slurp(path, &buf, &len) == 0) {
		parse(c, buf, len);
		free(buf);
	}
	free(path);
	*out = c;
}

enum pm_cache_state
pm_cache_state(const struct pm_cache *c)
{
	return c->state;
}

const struct pm_cache_rec *
pm_cache_get(const struct pm_cache *c, const unsigned char oid[20])
{
	size_t	 lo = 0, hi, mid;
	int	 r;

	if (c == NULL)
		return NULL;
	hi = c->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((r = memcmp(c->v[mid].oid, oid, 20)) == 0)
			return &c->v[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
pm_cache_use(struct pm_cache *c, const struct pm_cache_rec *r)
{
	/* r points into c->v: the cast only drops the const of get(). */
	((struct pm_cache_rec *)r)->used = 1;
	c->hits++;
}

void
pm_cache_put(struct pm_cache *c, const unsigned char oid[20],
    uint32_t size, uint32_t flags, const char *id)
{
	pm_cache_put_data(c, oid, size, flags, id, NULL, 0);
}

void
pm_cache_put_data(struct pm_cache *c, const unsigned char oid[20],
    uint32_t size, uint32_t flags, const char *id,
    const unsigned char *data, size_t datalen)
{
	struct pm_cache_rec	*r;
	unsigned char		*d;
	size_t			 n;

	if (c == NULL || (n = strlen(id)) > max_id(flags))
		return;
	c->add = pm_xgrow(c->add, &c->capadd, c->nadd + 1, sizeof(*c->add));
	r = &c->add[c->nadd];
	memset(r, 0, sizeof(*r));
	memcpy(r->oid, oid, 20);
	r->size = size;
	r->flags = flags;
	r->id = pm_xstrdup(id);
	r->used = 1;
	/* Old records are seq 0: any addition wins, the last one most. */
	r->seq = (uint32_t)++c->nadd;
	if (data != NULL && datalen > 0 && datalen <= PM_CACHE_MAX_DATA) {
		d = pm_xmalloc(datalen);
		memcpy(d, data, datalen);
		r->data = d;
		r->datalen = (uint32_t)datalen;
	}
}

void
pm_cache_drop(struct pm_cache *c, uint32_t flags)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		if (c->v[i].flags & flags) {
			c->v[i].used = -1;
			c->dropped = 1;
		}
}

static int
cmp_rec(const void *a, const void *b)
{
	const struct pm_cache_rec	*x = a, *y = b;
	int				 c;

	if ((c = memcmp(x->oid, y->oid, 20)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Append n bytes to the growing output. */
static void
out_add(unsigned char **o, size_t *len, size_t *cap, const void *p,
    size_t n)
{
	*o = pm_xgrow(*o, cap, *len + n, 1);
	memcpy(*o + *len, p, n);
	*len += n;
}

int
pm_cache_save(struct pm_cache *c)
{
	struct pm_cache_rec	*all;
	unsigned char		*o = NULL, hdr[RECHDR], n4[4];
	size_t			 len = 0, cap = 0, i, j, n, nused, keep_old;
	uint64_t		 h;
	ssize_t			 w;
	size_t			 off;
	char			*tmp = NULL, *path = NULL;
	int			 fd = -1, rc = -1, made = 0;

	if (c == NULL || (c->state == PM_CACHE_OK && c->nadd == 0 &&
	    !c->dropped))
		return 0;
	/*
	 * Keep the old records nobody used while they are fewer than the
	 * used ones plus a margin: a cache shared by several branches
	 * stays useful, and an abandoned one does not grow for ever.
	 */
	for (i = nused = 0; i < c->n; i++)
		nused += c->v[i].used > 0;
	keep_old = nused + c->nadd + 1024;
	all = pm_xcalloc(c->n + c->nadd + 1, sizeof(*all));
	for (i = n = 0; i < c->n; i++)
		if (c->v[i].used > 0 || (c->v[i].used == 0 && keep_old > 0 &&
		    keep_old-- > 0))
			all[n++] = c->v[i];
	for (i = 0; i < c->nadd; i++)
		all[n++] = c->add[i];
	/* Stable on equal oids: a record added this run wins. */
	qsort(all, n, sizeof(*all), cmp_rec);
	for (i = j = 0; i < n; i++) {
		if (j > 0 && memcmp(all[j - 1].oid, all[i].oid, 20) == 0) {
			all[j - 1] = all[i];
			continue;
		}
		all[j++] = all[i];
	}
	n = j;

	out_add(&o, &len, &cap, MAGIC, MAGICLEN);
	put32(n4, (uint32_t)strlen(c->key));
	out_add(&o, &len, &cap, n4, 4);
	out_add(&o, &len, &cap, c->key, strlen(c->key));
	put32(n4, (uint32_t)n);
	out_add(&o, &len, &cap, n4, 4);
	for (i = 0; i < n; i++) {
		size_t	 idlen = strlen(all[i].id);

		memcpy(hdr, all[i].oid, 20);
		put32(hdr + 20, all[i].size);
		put32(hdr + 24, all[i].flags);
		put32(hdr + 28, (uint32_t)idlen);
		put32(hdr + 32, all[i].datalen);
		out_add(&o, &len, &cap, hdr, RECHDR);
		out_add(&o, &len, &cap, all[i].id, idlen);
		if (all[i].datalen > 0)
			out_add(&o, &len, &cap, all[i].data, all[i].datalen);
	}
	h = pm_fnv64(PM_FNV_INIT, o, len);
	put32(n4, (uint32_t)(h & 0xffffffffu));
	out_add(&o, &len, &cap, n4, 4);
	put32(n4, (uint32_t)(h >> 32));
	out_add(&o, &len, &cap, n4, 4);
	free(all);

	/* A temporary file beside it, renamed over: atomic for readers. */
	if (mkdir(c->dir, 0777) == -1 && errno != EEXIST)
		goto done;
	tmp = pm_xasprintf("%s/cache.XXXXXX", c->dir);
	if ((fd = mkstemp(tmp)) == -1)
		goto done;
	made = 1;
	for (off = 0; off < len; off += (size_t)w) {
		w = write(fd, o + off, len - off);
		if (w == -1 && errno == EINTR) {
			w = 0;
			continue;
		}
		if (w <= 0)
			goto done;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto done;
	}
	fd = -1;
	path = pm_xasprintf("%s/cache", c->dir);
	if (rename(tmp, path) == -1)
		goto done;
	rc = 0;
done:
	if (fd != -1)
		close(fd);
	if (rc == -1 && made)
		(void)unlink(tmp);
	free(tmp);
	free(path);
	free(o);
	return rc;
}

void
pm_cache_counts(const struct pm_cache *c, size_t *hits, size_t *added)
{
	*hits = c != NULL ? c->hits : 0;
	*added = c != NULL ? c->nadd : 0;
}

void
pm_cache_free(struct pm_cache *c)
{
	if (c == NULL)
		return;
	recs_free(c->v, c->n);
	recs_free(c->add, c->nadd);
	free(c->dir);
	free(c->key);
	free(c);
}
