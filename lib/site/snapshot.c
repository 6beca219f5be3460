/*
 * The snapshot of the last build of an output directory (snapshot.h).
 *
 * <cache dir>/site/<FNV-1a of the absolute --out, 16 hex digits>/
 *	index	text:
 *		"postmortem-snapshot 1\n"
 *		"key N\n" N bytes "\n"		the inputs of that build
 *		"reports N\n" "files N\n" "sitemap N\n" "attachments N\n"
 *		"notes N\n" N bytes "\n"	what the build printed
 *		"after N\n" N bytes "\n"	what its caller printed
 *		files lines, sorted by path:
 *		"SIZE MTIME-S MTIME-NS INODE PATH\n"
 *		"end " 16 hex digits "\n"	FNV-1a of all bytes before
 *	f/	a hard link to each file of the site at its path
 *
 * A new snapshot is made beside the old one (".new-XXXXXX") from the
 * build's temporary directory, before the site is swapped in, so no
 * hand edit of the published site can sneak into it; it replaces the
 * old one only after the site was committed.  Reading pins the
 * directory with a descriptor, so a snapshot replaced meanwhile is
 * read whole or not at all.  At most MAXSNAP snapshots are kept per
 * repository (the least recently built go first).
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/hash.h"
#include "site/site.h"
#include "site/snapshot.h"
#include "site/write.h"

#define	MAGIC		"postmortem-snapshot 1\n"
#define	MAXSNAP		3		/* snapshots kept per repository */
#define	MAX_INDEX	(64u << 20)	/* an index larger than this is junk */
#define	MAX_DIRFILES	4096		/* key_dir: more is not a theme */
#define	MAX_DIRBYTES	(64u << 20)
#define	STALE_SECS	3600		/* leftovers of a killed build */
#ifndef CLOCK_REALTIME_COARSE		/* Linux: the file systems' clock */
#define	CLOCK_REALTIME_COARSE	CLOCK_REALTIME
#endif

/* ---- the key ---- */

void
pm_sitesnap_key_str(struct pm_buf *k, const char *name, const char *v)
{
	/* The length first: no value can fake the next line. */
	if (v == NULL)
		pm_buf_printf(k, "%s -\n", name);
	else
		pm_buf_printf(k, "%s %zu:%s\n", name, strlen(v), v);
}

/* FNV-1a of a file's bytes into *h; 0, or -1 when it cannot be read. */
static int
hash_file(const char *path, uint64_t *h, size_t *total)
{
	char	 chunk[65536];
	ssize_t	 n;
	int	 fd;

	*h = PM_FNV_INIT;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		*h = pm_fnv64(*h, chunk, (size_t)n);
		if (total != NULL && (*total += (size_t)n) > MAX_DIRBYTES)
			break;
	}
	close(fd);
	return 0;
}

void
pm_sitesnap_key_file(struct pm_buf *k, const char *name, const char *path)
{
	uint64_t	 h;

	if (path == NULL || hash_file(path, &h, NULL) == -1)
		pm_buf_printf(k, "%s missing\n", name);
	else
		pm_buf_printf(k, "%s %016" PRIx64 "\n", name, h);
}

void
pm_sitesnap_key_stat(struct pm_buf *k, const char *name, const char *path)
{
	struct stat	 st;

	if (path == NULL || stat(path, &st) == -1)
		pm_buf_printf(k, "%s missing\n", name);
	else
		pm_buf_printf(k, "%s %lld %lld.%09ld %llu\n", name,
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* key_dir's walk: rel is the path inside the top directory. */
static int
key_walk(struct pm_buf *k, const char *dir, const char *rel, int depth,
    size_t *nfiles, size_t *nbytes)
{
	struct pm_buf	 sub = PM_BUF_INIT, srel = PM_BUF_INIT;
	struct dirent	*de;
	struct stat	 st;
	char		**names = NULL;
	size_t		 n = 0, cap = 0, i;
	uint64_t	 h;
	int		 rc = 0;
	DIR		*d;

	if (depth > 8)
		return -1;
	if ((d = opendir(dir)) == NULL) {
		pm_buf_printf(k, " %s/ unreadable\n", rel);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		names = pm_xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = pm_xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmpstr);
	for (i = 0; rc == 0 && i < n; i++) {
		pm_buf_truncate(&sub, 0);
		pm_buf_truncate(&srel, 0);
		pm_buf_printf(&sub, "%s/%s", dir, names[i]);
		pm_buf_printf(&srel, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		if (++*nfiles > MAX_DIRFILES) {
			rc = -1;
			break;
		}
		if (stat(sub.ptr, &st) == -1)
			pm_buf_printf(k, " %zu:%s missing\n", srel.len,
			    srel.ptr);
		else if (S_ISDIR(st.st_mode)) {
			pm_buf_printf(k, " %zu:%s/\n", srel.len, srel.ptr);
			rc = key_walk(k, sub.ptr, srel.ptr, depth + 1, nfiles,
			    nbytes);
		} else if (S_ISREG(st.st_mode)) {
			if (hash_file(sub.ptr, &h, nbytes) == -1)
				pm_buf_printf(k, " %zu:%s unreadable\n",
				    srel.len, srel.ptr);
			else
				pm_buf_printf(k, " %zu:%s %016" PRIx64 "\n",
				    srel.len, srel.ptr, h);
			if (*nbytes > MAX_DIRBYTES)
				rc = -1;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	pm_buf_release(&sub);
	pm_buf_release(&srel);
	return rc;
}

int
pm_sitesnap_key_dir(struct pm_buf *k, const char *name, const char *dir)
{
	struct stat	 st;
	size_t		 nfiles = 0, nbytes = 0;

	if (dir == NULL || stat(dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		pm_buf_printf(k, "%s missing\n", name);
		return 0;
	}
	pm_buf_printf(k, "%s dir\n", name);
	return key_walk(k, dir, "", 0, &nfiles, &nbytes);
}

/* ---- where ---- */

/*
 * The snapshot directory of out: <cache>/site/<hash>, the hash of out's
 * absolute path (its parent resolved, so "site" and "./site" agree).
 * -1 when out's parent does not exist.
 */
static int
snap_path(const struct pm_site_opts *o, struct pm_buf *site,
    struct pm_buf *snap, char *hex)
{
	struct pm_buf	 abs = PM_BUF_INIT;
	const char	*slash;
	char		*par, *real;
	size_t		 len;

	len = strlen(o->out);
	while (len > 1 && o->out[len - 1] == '/')
		len--;
	for (slash = o->out + len; slash > o->out && slash[-1] != '/';
	    slash--)
		continue;
	slash = slash > o->out ? slash - 1 : NULL;
	par = slash == NULL ? pm_xstrdup(".") : slash == o->out ?
	    pm_xstrdup("/") : pm_xstrndup(o->out, (size_t)(slash - o->out));
	real = realpath(par, NULL);
	free(par);
	if (real == NULL)
		return -1;
	slash = slash == NULL ? o->out : slash + 1;
	pm_buf_printf(&abs, "%s/%.*s", real, (int)(o->out + len - slash),
	    slash);
	free(real);
	snprintf(hex, 17, "%016" PRIx64, pm_fnv64_str(pm_buf_cstr(&abs)));
	pm_buf_release(&abs);
	pm_buf_truncate(site, 0);
	pm_buf_printf(site, "%s/site", o->cache_dir);
	pm_buf_truncate(snap, 0);
	pm_buf_printf(snap, "%s/%s", site->ptr, hex);
	return 0;
}

/* ---- the index ---- */

struct	snapfile {
	char			*path;
	struct pm_sitew_rec	 r;
};

struct	snapidx {
	char		*key;
	size_t		 reports, files, attachments;
	int		 sitemap;
	char		*notes, *after;
	struct snapfile	*v;
	size_t		 n;
};

static void
idx_free(struct snapidx *x)
{
	size_t	 i;

	free(x->key);
	free(x->notes);
	free(x->after);
	for (i = 0; i < x->n; i++)
		free(x->v[i].path);
	free(x->v);
	memset(x, 0, sizeof(*x));
}

/* A cursor over the index text: every getter fails past the end. */
struct	cur {
	const char	*p, *end;
	int		 bad;
};

static unsigned long long
get_num(struct cur *c, char stop)
{
	unsigned long long	 v = 0;
	const char		*s = c->p;

	while (!c->bad && c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		if (v > (ULLONG_MAX - 9) / 10)
			c->bad = 1;
		v = v * 10 + (unsigned long long)(*c->p++ - '0');
	}
	if (c->p == s || c->p >= c->end || *c->p != stop)
		c->bad = 1;
	else
		c->p++;
	return c->bad ? 0 : v;
}

static int
get_word(struct cur *c, const char *w)
{
	size_t	 n = strlen(w);

	if (c->bad || (size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0)
		return c->bad = 1, -1;
	c->p += n;
	return 0;
}

/* "WORD N\n" N bytes "\n" */
static char *
get_blob(struct cur *c, const char *w)
{
	unsigned long long	 n;
	char			*s;

	get_word(c, w);
	n = get_num(c, '\n');
	if (c->bad || n >= (unsigned long long)(c->end - c->p) ||
	    c->p[n] != '\n')
		return c->bad = 1, NULL;
	s = pm_xstrndup(c->p, (size_t)n);
	c->p += n + 1;
	return s;
}

static int
idx_parse(struct snapidx *x, const char *b, size_t len)
{
	struct cur	 c;
	const char	*nl;
	uint64_t	 h, want = 0;
	size_t		 i, cap = 0;
	int		 d;

	memset(x, 0, sizeof(*x));
	/* The checksum line: "end " 16 hex digits "\n". */
	if (len < 21 || memcmp(b + len - 21, "end ", 4) != 0 ||
	    b[len - 1] != '\n')
		return -1;
	for (i = len - 17; i < len - 1; i++) {
		d = b[i] >= '0' && b[i] <= '9' ? b[i] - '0' :
		    b[i] >= 'a' && b[i] <= 'f' ? b[i] - 'a' + 10 : -1;
		if (d < 0)
			return -1;
		want = want << 4 | (uint64_t)d;
	}
	h = pm_fnv64(PM_FNV_INIT, b, len - 21);
	if (h != want)
		return -1;
	c.p = b;
	c.end = b + len - 21;
	c.bad = 0;
	get_word(&c, MAGIC);
	x->key = get_blob(&c, "key ");
	get_word(&c, "reports ");
	x->reports = (size_t)get_num(&c, '\n');
	get_word(&c, "files ");
	x->files = (size_t)get_num(&c, '\n');
	get_word(&c, "sitemap ");
	x->sitemap = get_num(&c, '\n') != 0;
	get_word(&c, "attachments ");
	x->attachments = (size_t)get_num(&c, '\n');
	x->notes = get_blob(&c, "notes ");
	x->after = get_blob(&c, "after ");
	while (!c.bad && c.p < c.end) {
		x->v = pm_xgrow(x->v, &cap, x->n + 1, sizeof(*x->v));
		x->v[x->n].r.size = (long long)get_num(&c, ' ');
		x->v[x->n].r.mtime_sec = (long long)get_num(&c, ' ');
		x->v[x->n].r.mtime_nsec = (long long)get_num(&c, ' ');
		x->v[x->n].r.ino = get_num(&c, ' ');
		if (c.bad || (nl = memchr(c.p, '\n', (size_t)(c.end - c.p))) ==
		    NULL || nl == c.p) {
			c.bad = 1;
			break;
		}
		x->v[x->n++].path = pm_xstrndup(c.p, (size_t)(nl - c.p));
		c.p = nl + 1;
	}
	if (c.bad || x->n != x->files || x->key == NULL) {
		idx_free(x);
		return -1;
	}
	return 0;
}

/* Read and parse the index of the pinned snapshot directory dfd. */
static int
idx_read(int dfd, struct snapidx *x)
{
	struct pm_buf	 b = PM_BUF_INIT;
	struct stat	 st;
	char		 chunk[65536];
	ssize_t		 n;
	int		 fd, rc = -1;

	if ((fd = openat(dfd, "index", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) ==
	    -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > (off_t)MAX_INDEX)
		goto out;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		pm_buf_put(&b, chunk, (size_t)n);
		if (b.len > MAX_INDEX)
			goto out;
	}
	rc = b.len > 0 ? idx_parse(x, b.ptr, b.len) : -1;
out:
	close(fd);
	pm_buf_release(&b);
	return rc;
}

/* ---- reuse ---- */

int
pm_sitesnap_reuse(const struct pm_site_opts *o, struct pm_site_stats *st)
{
	struct pm_buf	 site = PM_BUF_INIT, snap = PM_BUF_INIT;
	struct pm_sitew	*w = NULL;
	struct snapidx	 x;
	struct stat	 fst;
	size_t		 i;
	char		 hex[17];
	int		 dfd = -1, ffd = -1, rc = 0, r;

	memset(&x, 0, sizeof(x));
	if (o->cache_dir == NULL || o->cache_key == NULL ||
	    snap_path(o, &site, &snap, hex) == -1)
		goto out;
	if ((dfd = open(snap.ptr, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || idx_read(dfd, &x) == -1 ||
	    strcmp(x.key, o->cache_key) != 0)
		goto out;
	if ((ffd = openat(dfd, "f", O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		goto out;
	/*
	 * Look before opening the site: a snapshot spoilt by an edit is
	 * noticed here, before write.h prints anything.  pm_sitew_link
	 * checks each file again after linking it.
	 */
	for (i = 0; i < x.n; i++)
		if (fstatat(ffd, x.v[i].path, &fst, AT_SYMLINK_NOFOLLOW) ==
		    -1 || !S_ISREG(fst.st_mode) ||
		    (long long)fst.st_size != x.v[i].r.size ||
		    (long long)fst.st_mtim.tv_sec != x.v[i].r.mtime_sec ||
		    (long long)fst.st_mtim.tv_nsec != x.v[i].r.mtime_nsec ||
		    (unsigned long long)fst.st_ino != x.v[i].r.ino)
			goto out;
	if (pm_sitew_open(&w, o->out) == -1) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < x.n; i++)
		if ((r = pm_sitew_link(w, x.v[i].path, ffd, &x.v[i].r)) != 1)
			goto out;	/* pm_sitew_free removes the tree */
	fputs(x.notes, stderr);
	if (pm_sitew_commit(w) == -1) {
		rc = -1;
		goto out;
	}
	if (st != NULL) {
		st->reports = x.reports;
		st->files = pm_sitew_count(w, &st->kept);
		st->sitemap = x.sitemap;
		st->attachments = x.attachments;
		st->after = x.after;
		x.after = NULL;
	}
	rc = 1;
out:
	if (ffd != -1)
		close(ffd);
	if (dfd != -1)
		close(dfd);
	pm_sitew_free(w);
	idx_free(&x);
	pm_buf_release(&site);
	pm_buf_release(&snap);
	return rc;
}

/* ---- recording ---- */

struct	pm_sitesnap {
	char	*site;		/* <cache>/site */
	char	*dir;		/* <cache>/site/<hex>: the snapshot */
	char	*tmp;		/* the new one, beside it */
	char	 hex[17];
};

static void
snap_free(struct pm_sitesnap *s)
{
	free(s->site);
	free(s->dir);
	free(s->tmp);
	free(s);
}

/* mkdir -p of the directory part of rel under top, made at most once
 * for a run of files in the same directory (the list is sorted). */
static int
mkparents(const char *top, const char *rel, struct pm_buf *last)
{
	struct pm_buf	 p = PM_BUF_INIT;
	const char	*s, *e;
	size_t		 n;
	int		 rc = 0;

	if ((e = strrchr(rel, '/')) == NULL)
		return 0;
	n = (size_t)(e - rel);
	if (last->len == n && memcmp(last->ptr, rel, n) == 0)
		return 0;
	for (s = strchr(rel, '/'); s != NULL && s <= e;
	    s = strchr(s + 1, '/')) {
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "%s/%.*s", top, (int)(s - rel), rel);
		if (mkdir(p.ptr, 0755) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
	}
	pm_buf_truncate(last, 0);
	pm_buf_put(last, rel, n);
	pm_buf_release(&p);
	return rc;
}

struct pm_sitesnap *
pm_sitesnap_record(const struct pm_site_opts *o, struct pm_sitew *w,
    const struct pm_site_stats *st, const char *notes)
{
	struct pm_sitesnap	*s;
	struct pm_buf		 site = PM_BUF_INIT, snap = PM_BUF_INIT;
	struct pm_buf		 idx = PM_BUF_INIT, a = PM_BUF_INIT;
	struct pm_buf		 b = PM_BUF_INIT, last = PM_BUF_INIT;
	struct timespec		 now, max = { 0, 0 }, nap = { 0, 1000000 };
	struct stat		 fst;
	char *const		*files;
	char			**v;
	size_t			 n, i;
	const char		*tmp = pm_sitew_tmpdir(w);
	int			 fd, ok = 0, tries;

	if (o->cache_dir == NULL || o->cache_key == NULL)
		return NULL;
	s = pm_xcalloc(1, sizeof(*s));
	if (snap_path(o, &site, &snap, s->hex) == -1)
		goto out;
	if ((mkdir(o->cache_dir, 0755) == -1 && errno != EEXIST) ||
	    (mkdir(site.ptr, 0755) == -1 && errno != EEXIST))
		goto out;
	s->site = pm_buf_detach(&site, NULL);
	s->dir = pm_buf_detach(&snap, NULL);
	s->tmp = pm_xasprintf("%s.new-XXXXXX", s->dir);
	if (mkdtemp(s->tmp) == NULL) {
		free(s->tmp);
		s->tmp = NULL;
		goto out;
	}
	pm_buf_printf(&b, "%s/f", s->tmp);
	if (mkdir(b.ptr, 0755) == -1)
		goto out;

	files = pm_sitew_files(w, &n);
	v = pm_xcalloc(n + 1, sizeof(*v));
	memcpy(v, files, n * sizeof(*v));
	if (n > 1)
		qsort(v, n, sizeof(*v), cmpstr);
	pm_buf_puts(&idx, MAGIC);
	pm_buf_printf(&idx, "key %zu\n%s\n", strlen(o->cache_key),
	    o->cache_key);
	pm_buf_printf(&idx, "reports %zu\nfiles %zu\nsitemap %d\n"
	    "attachments %zu\n", st->reports, n, st->sitemap ? 1 : 0,
	    st->attachments);
	pm_buf_printf(&idx, "notes %zu\n%s\n", strlen(notes), notes);
	pm_buf_printf(&idx, "after %zu\n%s\n", o->cache_after ?
	    strlen(o->cache_after) : (size_t)0, o->cache_after ?
	    o->cache_after : "");
	for (i = 0; i < n; i++) {
		pm_buf_truncate(&a, 0);
		pm_buf_truncate(&b, 0);
		pm_buf_printf(&a, "%s/%s", tmp, v[i]);
		pm_buf_printf(&b, "%s/f/%s", s->tmp, v[i]);
		if (strchr(v[i], '\n') != NULL ||
		    mkparents(s->tmp, b.ptr + strlen(s->tmp) + 1, &last) ==
		    -1 || link(a.ptr, b.ptr) == -1 ||
		    lstat(b.ptr, &fst) == -1 || !S_ISREG(fst.st_mode))
			break;
		pm_buf_printf(&idx, "%lld %lld %ld %llu %s\n",
		    (long long)fst.st_size, (long long)fst.st_mtim.tv_sec,
		    (long)fst.st_mtim.tv_nsec,
		    (unsigned long long)fst.st_ino, v[i]);
		if (fst.st_mtim.tv_sec > max.tv_sec ||
		    (fst.st_mtim.tv_sec == max.tv_sec &&
		    fst.st_mtim.tv_nsec > max.tv_nsec))
			max = fst.st_mtim;
	}
	free(v);
	if (i < n)
		goto out;
	pm_buf_printf(&idx, "end %016" PRIx64 "\n",
	    pm_fnv64(PM_FNV_INIT, idx.ptr, idx.len));
	pm_buf_truncate(&b, 0);
	pm_buf_printf(&b, "%s/index", s->tmp);
	if ((fd = open(b.ptr, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644)) == -1)
		goto out;
	ok = write(fd, idx.ptr, idx.len) == (ssize_t)idx.len;
	ok = close(fd) == 0 && ok;
	if (!ok)
		goto out;
	/*
	 * A file edited in the clock tick it was written in would keep
	 * its recorded mtime: wait until the file system's clock (the
	 * coarse one) has moved past every file's, before the site is
	 * published.  A clock behind the files' mtimes: record nothing.
	 */
	ok = 0;
	for (tries = 0; tries < 100; tries++) {
		clock_gettime(CLOCK_REALTIME_COARSE, &now);
		if (now.tv_sec > max.tv_sec || (now.tv_sec == max.tv_sec &&
		    now.tv_nsec > max.tv_nsec)) {
			ok = 1;
			break;
		}
		nanosleep(&nap, NULL);
	}
out:
	pm_buf_release(&site);
	pm_buf_release(&snap);
	pm_buf_release(&idx);
	pm_buf_release(&a);
	pm_buf_release(&b);
	pm_buf_release(&last);
	if (!ok) {
		if (s->tmp != NULL)
			pm_sitew_rmtree(s->tmp);
		snap_free(s);
		return NULL;
	}
	return s;
}

static int
is_hex16(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

struct	snapage {
	char	*name;
	time_t	 t;		/* its index's mtime */
};

static int
cmp_newest(const void *a, const void *b)
{
	const struct snapage	*x = a, *y = b;

	return x->t > y->t ? -1 : x->t < y->t;
}

/*
 * Keep MAXSNAP snapshots (the one just installed and the most recently
 * built others) and remove what killed builds left over an hour ago.
 * Only names this module makes are touched.
 */
static void
evict(const struct pm_sitesnap *s)
{
	struct pm_buf	 p = PM_BUF_INIT;
	struct snapage	*v = NULL;
	struct dirent	*de;
	struct stat	 st;
	time_t		 old = time(NULL) - STALE_SECS;
	size_t		 n = 0, cap = 0, i, len;
	const char	*tail;
	DIR		*d;

	if ((d = opendir(s->site)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 16 || !is_hex16(de->d_name, 16))
			continue;
		tail = de->d_name + 16;
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "%s/%s", s->site, de->d_name);
		if (lstat(p.ptr, &st) == -1 || !S_ISDIR(st.st_mode))
			continue;
		if (*tail == '\0' && strcmp(de->d_name, s->hex) != 0) {
			pm_buf_puts(&p, "/index");
			v = pm_xgrow(v, &cap, n + 1, sizeof(*v));
			v[n].name = pm_xstrdup(de->d_name);
			v[n++].t = lstat(p.ptr, &st) == 0 ? st.st_mtime : 0;
		} else if ((strncmp(tail, ".new-", 5) == 0 ||
		    strncmp(tail, ".old-", 5) == 0) && st.st_mtime < old)
			pm_sitew_rmtree(p.ptr);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_newest);
	for (i = 0; i < n; i++) {
		if (i >= MAXSNAP - 1) {
			pm_buf_truncate(&p, 0);
			pm_buf_printf(&p, "%s/%s", s->site, v[i].name);
			pm_sitew_rmtree(p.ptr);
		}
		free(v[i].name);
	}
	free(v);
	pm_buf_release(&p);
}

void
pm_sitesnap_finish(struct pm_sitesnap *s, int committed)
{
	char	*aside;

	if (s == NULL)
		return;
	if (!committed) {
		pm_sitew_rmtree(s->tmp);
		snap_free(s);
		return;
	}
	/* rename(2) replaces an empty directory: move the old one onto
	 * a fresh empty one, then the new one in. */
	aside = pm_xasprintf("%s.old-XXXXXX", s->dir);
	if (mkdtemp(aside) == NULL) {
		pm_sitew_rmtree(s->tmp);
		free(aside);
		snap_free(s);
		return;
	}
	if (rename(s->dir, aside) == -1 && errno != ENOENT) {
		pm_sitew_rmtree(s->tmp);
		rmdir(aside);
	} else if (rename(s->tmp, s->dir) == -1)
		pm_sitew_rmtree(s->tmp);
	pm_sitew_rmtree(aside);
	free(aside);
	evict(s);
	snap_free(s);
}
