/*
 * The corpus (see corpus.h): list the source, read and parse every
 * entry on a few threads, walk the history on another meanwhile, then
 * attach first-added times and build the id index.
 *
 * Determinism: each worker takes the next entry index from an atomic
 * counter and writes only that entry's slot; everything after the join
 * runs in entry (path) order, so the result never depends on timing.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "corpus.h"
#include "doc/doc.h"
#include "doc/title.h"
#include "lint/lint.h"
#include "source/cache.h"
#include "source/config.h"
#include "source/history.h"
#include "source/repo.h"

#define	MODE_LINK	0120000u
#define	BINARY_SNIFF	8192	/* bytes checked for NUL, as git does */
#define	MAX_THREADS	64

/* One listed entry and what became of it. */
struct	slot {
	struct pm_doc		*doc;	/* kept document, or NULL */
	struct pm_findings	 findings; /* load findings of this entry */
	int			 legacy; /* dropped legacy file (adopt hint) */
	int			 target;
	const char		*template; /* a template, skipped: why */
	const struct pm_cache_rec *hit;	/* the cache knows this blob */
	int			 put;	/* a blob read: add it to the cache */
	uint32_t		 size;	/* with put: what the cache keeps */
	uint32_t		 flags;
	char			*id;
	int			 replay; /* doc is a stub from its lint record */
	int			 force;	/* parsed with PM_PARSE_FORCE; with
					   REC_WORKTREE: read from the disk */
	/* The key of the file's lint record: its blob's id, or for a
	 * file of the working tree that git's index says is that blob
	 * (stat data), a key made from that id and the path (the file's
	 * bytes may not be the blob's: line endings, filters). */
	unsigned char		 lkey[20];
	int			 has_lkey;
	const struct pm_cache_rec *lhit; /* a worktree file's record */
	uint32_t		 lsize;	/* bytes on the disk (worktree) */
};

#define	REC_WORKTREE	2	/* with force, in the lint record */

struct	load {
	struct pm_source	*src;
	const struct pm_config	*cfg;
	const struct pm_load_opts *opts;
	struct pm_entries	*es;
	struct slot		*slots;
	const unsigned char	*target;	/* by entry */
	struct pm_cache		*cache;		/* or NULL */
	atomic_size_t		 next;
};

/*
 * The key of the lint record of a working tree file whose bytes are
 * the blob oid, at path (by path too: two copies of a report do not
 * take turns).  Returns 0 or -1.
 */
static int
worktree_key(unsigned char key[20], const unsigned char oid[20],
    const char *path)
{
	struct pm_buf	 b = PM_BUF_INIT;
	git_oid		 k;
	int		 rc;

	pm_buf_put(&b, "postmortem worktree lint", 25);
	pm_buf_put(&b, oid, 20);
	pm_buf_puts(&b, path);
	rc = git_odb_hash(&k, b.ptr, b.len, GIT_OBJECT_BLOB) < 0 ? -1 : 0;
	if (rc == 0)
		memcpy(key, k.id, 20);
	pm_buf_release(&b);
	return rc;
}

/*
 * With the lint cache in the working tree: for each file that git's
 * index has with the same stat data (size, times, inode), not racily
 * (changed after the index was written, in its timestamp), the key of
 * its lint record (lkey) and its size, the way git trusts its index.
 */
static void
worktree_keys(struct pm_source *src, const struct pm_entries *es,
    const unsigned char *target, struct slot *slots)
{
	git_repository		*repo = pm_source_git(src);
	git_index		*idx = NULL;
	const git_index_entry	*ie;
	const char		*ipath;
	struct stat		 st, ist;
	char			*full;
	size_t			 i;

	if (repo == NULL || git_repository_index(&idx, repo) < 0)
		return;
	if ((ipath = git_index_path(idx)) == NULL || stat(ipath, &ist) == -1)
		goto done;
	for (i = 0; i < es->n; i++) {
		if (!target[i] || es->v[i].has_oid || es->v[i].mode ==
		    MODE_LINK || strcmp(es->v[i].path, "-") == 0 ||
		    (ie = git_index_get_bypath(idx, es->v[i].path, 0)) == NULL)
			continue;
		full = pm_xasprintf("%s/%s", pm_source_root(src),
		    es->v[i].path);
		if (lstat(full, &st) == -1 || !S_ISREG(st.st_mode) ||
		    (uint64_t)st.st_size != ie->file_size ||
		    st.st_size > (off_t)UINT32_MAX ||
		    (int64_t)st.st_mtim.tv_sec != (int64_t)ie->mtime.seconds ||
		    (uint32_t)st.st_mtim.tv_nsec != ie->mtime.nanoseconds ||
		    (int64_t)st.st_ctim.tv_sec != (int64_t)ie->ctime.seconds ||
		    (uint32_t)st.st_ctim.tv_nsec != ie->ctime.nanoseconds ||
		    (uint32_t)st.st_ino != ie->ino ||
		    /* Racy: written in the index's own timestamp or after. */
		    st.st_mtim.tv_sec > ist.st_mtim.tv_sec ||
		    (st.st_mtim.tv_sec == ist.st_mtim.tv_sec &&
		    st.st_mtim.tv_nsec >= ist.st_mtim.tv_nsec)) {
			free(full);
			continue;
		}
		free(full);
		if (worktree_key(slots[i].lkey, ie->id.id,
		    es->v[i].path) == 0) {
			slots[i].has_lkey = 1;
			slots[i].lsize = (uint32_t)st.st_size;
		}
	}
done:
	git_index_free(idx);
}

struct	hist {
	struct pm_source	*src;
	const char		*rev;
	const char		**paths;	/* only these, or all if NULL */
	size_t			 npaths;
	struct pm_history	*h;
	int			 rc;
	char			 err[512];
};

/*
 * The value of a top-level "id:" line of the front matter of text, in
 * out (at most outsz - 1 bytes, quotes removed); "" if none.
 * Returns 1 if the text starts with a front matter fence.
 */
static int
fm_id(const char *text, size_t len, char *out, size_t outsz)
{
	const char	*p = text, *end = text + len, *e, *v;
	size_t		 n;

	*out = '\0';
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (end - p < 3 || memcmp(p, "---", 3) != 0)
		return 0;
	for (p = memchr(p, '\n', end - p); p != NULL && p < end; p = e) {
		p++;
		if ((e = memchr(p, '\n', end - p)) == NULL)
			e = end;
		if (e - p >= 3 && memcmp(p, "---", 3) == 0)
			break;
		if (e - p < 3 || memcmp(p, "id:", 3) != 0)
			continue;
		for (v = p + 3; v < e && (*v == ' ' || *v == '\t'); v++)
			continue;
		n = e - v;
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\r' ||
		    v[n - 1] == '\t'))
			n--;
		if (n >= 2 && (v[0] == '"' || v[0] == '\'') &&
		    v[n - 1] == v[0]) {
			v++;
			n -= 2;
		}
		if (n >= outsz)
			n = outsz - 1;
		memcpy(out, v, n);
		out[n] = '\0';
		break;
	}
	return 1;
}

/*
 * A stub for a document that is not linted (ids_only_others): its
 * path and id only, as if its front matter held nothing but the
 * 'id:' line.  NULL when the full load would not keep it either (no
 * front matter, not included).  Built from an empty parse (no YAML, no
 * findings: 10,000 stubs are most of 'lint --staged FILE').
 */
static struct pm_doc *
stub_doc(const struct pm_config *cfg, const char *path, int has_fm,
    const char *id, int keep)
{
	struct pm_doc	*doc;

	if (!has_fm && !keep)
		return NULL;
	pm_doc_parse(&doc, path, "", 0, cfg, 0);
	pm_findings_release(&doc->findings);
	doc->kind = PM_DOC_FRONTMATTER;
	doc->meta.has_fm = 1;
	doc->meta.fm_ok = 1;
	if (*id != '\0' && strpbrk(id, "\"\\") == NULL) {
		doc->meta.id = pm_arena_strdup(&doc->arena, id);
		doc->meta.id_set = 1;
		doc->meta.id_pos.line = 2;
		doc->meta.id_pos.col = 5;
	}
	return doc;
}

/* 1 if the bytes open with a front matter fence (after a BOM). */
static int
fenced(const char *b, size_t len)
{
	if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
		b += 3, len -= 3;
	return len >= 3 && memcmp(b, "---", 3) == 0;
}

/* The line and column of p in b (LF, CRLF or a lone CR end a line). */
static struct pm_pos
nul_pos(const char *b, const char *p)
{
	struct pm_pos	 pos = { 1, 1 };
	const char	*ls = b, *c;

	for (c = b; c < p; c++)
		if (*c == '\n' || (*c == '\r' && c + 1 < p && c[1] != '\n') ||
		    (*c == '\r' && c + 1 == p)) {
			pos.line++;
			ls = c + 1;
		}
	pos.col = (unsigned int)(p - ls) + 1;
	return pos;
}

/*
 * Read and parse entry i into its slot.  Problems with the file are
 * findings; the document is kept or freed here, so memory for files
 * that are not post-mortems is released at once.
 */
static void
load_one(struct load *ld, size_t i)
{
	const struct pm_entry	*e = &ld->es->v[i];
	struct slot		*s = &ld->slots[i];
	struct pm_doc		*doc = NULL;
	struct pm_pos		 whole = { 0, 0 }, first = { 1, 0 };
	size_t			 max, len, sniff;
	char			*buf = NULL;
	const char		*nul;
	char			 id[256];
	unsigned int		 flags;
	int			 rc, included, stub, has_fm;

	max = ld->cfg->limits.max_report_bytes;
	if (e->mode == MODE_LINK) {
		pm_findings_add(&s->findings, PM_RULE_INPUT_LIMITS, e->path,
		    whole, "'%s' is a symbolic link; it is not followed: "
		    "commit the report itself", e->path);
		return;
	}
	included = pm_config_included(ld->cfg, e->path);
	stub = ld->opts->ids_only_others && ld->target != NULL &&
	    !ld->target[i];
	s->force = e->named || included;
	if (e->has_oid) {
		memcpy(s->lkey, e->oid, 20);
		s->has_lkey = 1;
	} else if (s->has_lkey)
		s->force |= REC_WORKTREE;
	/* A target that lint has a record of needs no blob either. */
	if (!stub && ld->opts->lint_key != 0 && s->has_lkey) {
		const struct pm_cache_rec *r = pm_cache_get(ld->cache,
		    s->lkey);

		if (r != NULL && r->data != NULL && (e->has_oid ?
		    r->size <= max : (r->flags & PM_CACHE_WTLINT) &&
		    r->size == s->lsize && r->size <= max) &&
		    pm_lint_stub(&doc, ld->cfg, e->path, s->force,
		    ld->opts->lint_key, r->data, r->datalen) == 0) {
			if (e->has_oid)
				s->hit = r;
			else
				s->lhit = r;
			s->doc = doc;
			s->replay = 1;
			return;
		}
	}
	/* A stub needs no blob when the cache knows its id. */
	if (stub && e->has_oid && (s->hit = pm_cache_get(ld->cache,
	    e->oid)) != NULL) {
		if (s->hit->size <= max) {
			s->doc = stub_doc(ld->cfg, e->path, s->hit->flags &
			    PM_CACHE_FENCED, s->hit->id, e->named ||
			    included);
			return;
		}
		s->hit = NULL;
	}
	rc = pm_source_read_max(ld->src, ld->opts->kind, e, max, &buf, &len);
	if (rc == -1) {
		pm_findings_add(&s->findings, PM_RULE_INPUT_LIMITS, e->path,
		    whole, "%s", pm_error_get());
		return;
	}
	if (rc == 1) {
		pm_findings_add(&s->findings, PM_RULE_INPUT_LIMITS, e->path,
		    whole, "file is larger than %zu bytes (limits."
		    "max_report_bytes); split it or raise the limit", max);
		return;
	}
	sniff = len < BINARY_SNIFF ? len : BINARY_SNIFF;
	if ((nul = memchr(buf, '\0', sniff)) != NULL) {
		/*
		 * Not asked for and not opening with a fence: not a
		 * post-mortem (SPEC 1), skipped like any such file.
		 */
		if (!e->named && !included && !fenced(buf, len)) {
			free(buf);
			return;
		}
		first = nul_pos(buf, nul);
		pm_findings_add(&s->findings, PM_RULE_INPUT_LIMITS, e->path,
		    first, "file looks binary (a NUL byte at line %u, "
		    "column %u); a report must be text", first.line,
		    first.col);
		free(buf);
		return;
	}
	has_fm = fm_id(buf, len, id, sizeof(id));
	if (ld->cache != NULL && e->has_oid && len <= UINT32_MAX &&
	    (s->hit = pm_cache_get(ld->cache, e->oid)) == NULL) {
		s->put = 1;
		s->size = (uint32_t)len;
		s->flags = has_fm ? PM_CACHE_FENCED : 0;
		s->id = pm_xstrdup(id);
	}
	if (stub) {
		s->doc = stub_doc(ld->cfg, e->path, has_fm, id, e->named ||
		    included);
		free(buf);
		return;
	}
	/*
	 * A file of the working tree that the index's stat data did not
	 * vouch for (edited, or only touched): keyed by the bytes read.
	 * Unchanged ones are still not parsed.
	 */
	if (!e->has_oid && ld->opts->lint_key != 0 && ld->cache != NULL &&
	    (!s->has_lkey || len != s->lsize) && len <= UINT32_MAX &&
	    strcmp(e->path, "-") != 0) {
		git_oid		 oid;
		const struct pm_cache_rec *r;

		s->has_lkey = 0;
		if (git_odb_hash(&oid, buf, len, GIT_OBJECT_BLOB) == 0 &&
		    worktree_key(s->lkey, oid.id, e->path) == 0) {
			s->has_lkey = 1;
			s->lsize = (uint32_t)len;
			s->force |= REC_WORKTREE;
			r = pm_cache_get(ld->cache, s->lkey);
			if (r != NULL && r->data != NULL &&
			    (r->flags & PM_CACHE_WTLINT) && r->size == len &&
			    pm_lint_stub(&doc, ld->cfg, e->path, s->force,
			    ld->opts->lint_key, r->data, r->datalen) == 0) {
				s->lhit = r;
				s->doc = doc;
				s->replay = 1;
				free(buf);
				return;
			}
		}
	}
	flags = ld->opts->doc_flags;
	if (e->named || included)
		flags |= PM_PARSE_FORCE;
	pm_doc_parse_take(&doc, e->path, buf, len, ld->cfg, flags);
	switch (doc->kind) {
	case PM_DOC_FRONTMATTER:
		break;
	case PM_DOC_LEGACY:
		if (e->named || included)
			break;
		s->legacy = 1;
		pm_doc_free(doc);
		return;
	default:
		/* Not a post-mortem: linted only when asked for. */
		if (e->named || included)
			break;
		pm_doc_free(doc);
		return;
	}
	/* A report template is not a report (issue 12). */
	if (pm_doc_is_template(doc, &s->template)) {
		pm_doc_free(doc);
		return;
	}
	s->doc = doc;
}

static void *
worker(void *arg)
{
	struct load	*ld = arg;
	size_t		 i;

	while ((i = atomic_fetch_add(&ld->next, 1)) < ld->es->n)
		load_one(ld, i);
	return NULL;
}

static void *
hist_worker(void *arg)
{
	struct hist	*hs = arg;

	if (hs->paths != NULL)
		hs->rc = pm_history_load_paths(&hs->h, hs->src, hs->rev,
		    hs->paths, hs->npaths);
	else
		hs->rc = pm_history_load(&hs->h, hs->src, hs->rev);
	if (hs->rc == -1)
		strncpy(hs->err, pm_error_get(), sizeof(hs->err) - 1);
	return NULL;
}

/*
 * The cache's key: this binary's version, the cache's own schema, and a
 * hash of the configuration file's bytes (a changed configuration may
 * change what is worth keeping).
 */
static char *
cache_key(const struct pm_config *cfg)
{
	FILE		*f;
	char		 b[4096];
	size_t		 n;
	uint64_t	 h = PM_FNV_INIT;

	if (cfg->path != NULL && (f = fopen(cfg->path, "rb")) != NULL) {
		while ((n = fread(b, 1, sizeof(b), f)) > 0)
			h = pm_fnv64(h, b, n);
		fclose(f);
	}
	return pm_xasprintf("postmortem %s schema 1 config %016llx",
	    PM_VERSION, (unsigned long long)h);
}

/*
 * After the load: mark what the cache answered, add what was read,
 * and write it back when it changed.  PM_CACHE_STATS=1 says how it
 * went on standard error (for the tests and the benchmark).
 */
/* replayed: reports linted from their records, or -1 (not lint). */
static void
cache_stats(struct pm_cache *c, int saved, ssize_t replayed)
{
	static const char *const states[] = { "missing", "ok", "stale",
	    "corrupt" };
	size_t	 hits, added;
	char	 rb[40] = "";

	if (getenv("PM_CACHE_STATS") != NULL) {
		pm_cache_counts(c, &hits, &added);
		if (replayed >= 0)
			snprintf(rb, sizeof(rb), ", %zd replayed", replayed);
		fprintf(stderr, "cache: %s, %zu hits, %zu added%s%s\n",
		    states[pm_cache_state(c)], hits, added, rb,
		    saved == -1 ? ", not written" : "");
	}
}

/* save 0: lint adds its records first (pm_corpus_cache_save). */
static void
cache_finish(struct pm_cache *c, struct slot *slots,
    const struct pm_entries *es, int save)
{
	size_t	 i;

	for (i = 0; i < es->n; i++) {
		if (slots[i].lhit != NULL)
			pm_cache_use(c, slots[i].lhit);
		if (slots[i].hit != NULL)
			pm_cache_use(c, slots[i].hit);
		else if (slots[i].put)
			pm_cache_put(c, es->v[i].oid, slots[i].size,
			    slots[i].flags, slots[i].id);
	}
	if (save)
		cache_stats(c, pm_cache_save(c), -1);
}

void
pm_corpus_cache_save(struct pm_corpus *cp)
{
	struct pm_docsrc	*d;
	size_t			 i;
	ssize_t			 nr = 0;

	if (cp == NULL || cp->cache == NULL)
		return;
	for (i = 0; i < cp->ndocs; i++) {
		d = &cp->dsrc[i];
		nr += d->replay != NULL;
		d->replay = NULL;
		if (d->fresh != NULL && d->has_oid)
			pm_cache_put_data(cp->cache, d->oid, d->size,
			    d->flags, d->id, d->fresh, d->freshlen);
	}
	cache_stats(cp->cache, pm_cache_save(cp->cache), nr);
	pm_cache_free(cp->cache);
	cp->cache = NULL;
}

/* What lint needs to write the record of a document's blob. */
static void
docsrc(struct pm_docsrc *d, const struct pm_entry *e, const struct slot *s)
{
	d->force = s->force;
	if (!e->has_oid) {
		/* A worktree file: a record of its own kind. */
		if (!s->has_lkey)
			return;
		memcpy(d->oid, s->lkey, 20);
		d->has_oid = 1;
		d->size = s->lsize;
		d->flags = PM_CACHE_WTLINT;
		d->id = pm_xstrdup("");
		if (s->replay && s->lhit != NULL) {
			d->replay = s->lhit->data;
			d->replaylen = s->lhit->datalen;
		}
		return;
	}
	memcpy(d->oid, e->oid, 20);
	if (s->hit != NULL) {
		d->has_oid = 1;
		d->size = s->hit->size;
		d->flags = s->hit->flags;
		d->id = pm_xstrdup(s->hit->id);
		if (s->replay) {
			d->replay = s->hit->data;
			d->replaylen = s->hit->datalen;
		}
	} else if (s->put) {
		d->has_oid = 1;
		d->size = s->size;
		d->flags = s->flags;
		d->id = pm_xstrdup(s->id);
	}
}

static int
cmp_byid(const void *a, const void *b)
{
	const struct pm_doc	*x = *(const struct pm_doc *const *)a;
	const struct pm_doc	*y = *(const struct pm_doc *const *)b;
	int			 c;

	if ((c = strcmp(x->meta.id, y->meta.id)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

void
pm_corpus_sort_byid(struct pm_corpus *cp)
{
	qsort(cp->byid, cp->ndocs, sizeof(*cp->byid), cmp_byid);
}

/* The number of loader threads: opts, else one per CPU. */
static size_t
nthreads(const struct pm_load_opts *opts, size_t nentries)
{
	long	 n;

	n = opts->threads > 0 ? opts->threads :
	    sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if ((size_t)n > nentries)
		n = nentries > 0 ? (long)nentries : 1;
	return (size_t)n;
}

/*
 * List the entries to load: the named paths, or with opts->whole the
 * whole source with the named ones marked.  Returns 0 or -1.
 */
static int
list_entries(struct pm_source *src, const struct pm_config *cfg,
    const struct pm_load_opts *opts, struct pm_entries *es,
    unsigned char **target)
{
	struct pm_entries	 named = { NULL, 0, 0 };
	size_t			 i, j;
	int			 c;

	if (opts->npaths == 0 || !opts->whole) {
		if (pm_source_list(src, opts->kind, opts->rev, opts->paths,
		    opts->npaths, cfg, es) == -1)
			return -1;
		*target = pm_xmalloc(es->n > 0 ? es->n : 1);
		memset(*target, 1, es->n);
		return 0;
	}
	if (pm_source_list(src, opts->kind, opts->rev, opts->paths,
	    opts->npaths, cfg, &named) == -1 ||
	    pm_source_list(src, opts->kind, opts->rev, NULL, 0, cfg,
	    es) == -1) {
		pm_entries_release(&named);
		return -1;
	}
	/* Merge the two sorted lists; the named ones are the targets. */
	*target = pm_xcalloc(es->n + named.n + 1, 1);
	for (i = j = 0; j < named.n; ) {
		c = i < es->n ? strcmp(es->v[i].path, named.v[j].path) : 1;
		if (c < 0) {
			i++;
			continue;
		}
		if (c == 0) {
			es->v[i].named |= named.v[j].named;
			(*target)[i] = 1;
			i++;
			j++;
			continue;
		}
		/* Named but not listed (not Markdown): insert it. */
		es->v = pm_xgrow(es->v, &es->cap, es->n + 1,
		    sizeof(*es->v));
		memmove(es->v + i + 1, es->v + i,
		    (es->n - i) * sizeof(*es->v));
		memmove(*target + i + 1, *target + i, es->n - i);
		es->v[i] = named.v[j];
		named.v[j].path = NULL;
		es->n++;
		(*target)[i] = 1;
		i++;
		j++;
	}
	for (j = 0; j < named.n; j++)
		free(named.v[j].path);
	free(named.v);
	return 0;
}

int
pm_corpus_load(struct pm_corpus **out, struct pm_source *src,
    const struct pm_config *cfg, const struct pm_load_opts *opts)
{
	struct pm_corpus	*cp;
	struct pm_entries	 es = { NULL, 0, 0 };
	struct load		 ld;
	struct hist		 hs;
	struct slot		*slots = NULL;
	struct pm_doc		*doc;
	pthread_t		 tids[MAX_THREADS], htid;
	unsigned char		*target = NULL;
	const char		*who;
	char			*key;
	int64_t			 when;
	size_t			 i, n, nt, started = 0;
	int			 hist_started = 0, rc = -1;

	cp = pm_xcalloc(1, sizeof(*cp));
	*out = cp;
	memset(&hs, 0, sizeof(hs));
	memset(&ld, 0, sizeof(ld));
	if (list_entries(src, cfg, opts, &es, &target) == -1)
		goto done;

	if (opts->cache && pm_source_has_repo(src)) {
		key = cache_key(cfg);
		pm_cache_open(&ld.cache, pm_source_commondir(src), key);
		free(key);
		pm_source_set_cache(src, ld.cache);
	}
	/* Before the history thread: this one's handle. */
	slots = pm_xcalloc(es.n > 0 ? es.n : 1, sizeof(*slots));
	if (opts->lint_key != 0 && ld.cache != NULL &&
	    opts->kind == PM_SRC_WORKTREE && pm_source_has_repo(src))
		worktree_keys(src, &es, target, slots);
	/*
	 * The history walk runs beside the parsing: of the revision, or
	 * of HEAD for the working tree and the index (what is committed).
	 */
	if (opts->history && pm_source_has_repo(src)) {
		hs.src = src;
		hs.rev = opts->kind == PM_SRC_REV ? opts->rev : NULL;
		/*
		 * Only a few reports are linted: ask about their paths
		 * instead of walking the whole history.
		 */
		if (opts->ids_only_others && target != NULL) {
			hs.paths = pm_xcalloc(es.n > 0 ? es.n : 1,
			    sizeof(*hs.paths));
			for (i = 0; i < es.n; i++)
				if (target[i])
					hs.paths[hs.npaths++] = es.v[i].path;
		}
		if (pthread_create(&htid, NULL, hist_worker, &hs) == 0)
			hist_started = 1;
		else
			hist_worker(&hs);
	}

	ld.src = src;
	ld.cfg = cfg;
	ld.opts = opts;
	ld.es = &es;
	ld.slots = slots;
	ld.target = target;
	atomic_init(&ld.next, 0);
	nt = nthreads(opts, es.n);
	/* The calling thread is a worker too. */
	for (i = 1; i < nt; i++)
		if (pthread_create(&tids[started], NULL, worker, &ld) == 0)
			started++;
	worker(&ld);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	if (hist_started)
		pthread_join(htid, NULL);
	if (hs.rc == -1) {
		pm_error_set("reading the history: %s", hs.err);
		goto done;
	}
	if (ld.cache != NULL)
		cache_finish(ld.cache, slots, &es, opts->lint_key == 0);
	if (ld.cache != NULL && opts->lint_key != 0) {
		cp->lint_key = opts->lint_key;
		cp->dsrc = pm_xcalloc(es.n > 0 ? es.n : 1,
		    sizeof(*cp->dsrc));
	}

	/* Gather in path order. */
	cp->docs = pm_xcalloc(es.n > 0 ? es.n : 1, sizeof(*cp->docs));
	cp->target = pm_xcalloc(es.n > 0 ? es.n : 1, 1);
	cp->named = pm_xcalloc(es.n > 0 ? es.n : 1, 1);
	for (i = n = 0; i < es.n; i++) {
		pm_findings_move(&cp->findings, &slots[i].findings);
		cp->nlegacy += slots[i].legacy;
		if (slots[i].template != NULL) {
			cp->templates = pm_xreallocarray(cp->templates,
			    cp->ntemplates + 1, sizeof(*cp->templates));
			cp->template_why = pm_xreallocarray(cp->template_why,
			    cp->ntemplates + 1, sizeof(*cp->template_why));
			cp->templates[cp->ntemplates] = pm_xstrdup(
			    es.v[i].path);
			cp->template_why[cp->ntemplates++] =
			    slots[i].template;
		}
		if ((doc = slots[i].doc) == NULL)
			continue;
		slots[i].doc = NULL;
		if (hs.h != NULL && pm_history_first_added(hs.h, doc->path,
		    &when, &who) == 0) {
			doc->has_added = 1;
			doc->added = when;
			doc->added_by = pm_arena_strdup(&doc->arena, who);
		}
		cp->target[n] = target[i];
		cp->named[n] = es.v[i].named;
		if (cp->dsrc != NULL)
			docsrc(&cp->dsrc[n], &es.v[i], &slots[i]);
		cp->docs[n++] = doc;
	}
	cp->ndocs = n;
	cp->has_history = hs.h != NULL && opts->history;
	cp->shallow = pm_history_shallow(hs.h);
	cp->byid = pm_xcalloc(n > 0 ? n : 1, sizeof(*cp->byid));
	memcpy(cp->byid, cp->docs, n * sizeof(*cp->byid));
	pm_corpus_sort_byid(cp);
	rc = 0;
done:
	if (slots != NULL)
		for (i = 0; i < es.n; i++) {
			if (slots[i].doc != NULL)
				pm_doc_free(slots[i].doc);
			pm_findings_release(&slots[i].findings);
			free(slots[i].id);
		}
	free(slots);
	pm_source_set_cache(src, NULL);
	/* lint writes it, after adding its own records. */
	if (cp->dsrc != NULL)
		cp->cache = ld.cache;
	else
		pm_cache_free(ld.cache);
	free(target);
	free(hs.paths);
	pm_history_free(hs.h);
	pm_entries_release(&es);
	return rc;
}

void
pm_corpus_free(struct pm_corpus *cp)
{
	size_t	 i;

	if (cp == NULL)
		return;
	for (i = 0; i < cp->ndocs; i++)
		pm_doc_free(cp->docs[i]);
	free(cp->docs);
	free(cp->target);
	free(cp->named);
	for (i = 0; i < cp->ntemplates; i++)
		free(cp->templates[i]);
	free(cp->templates);
	free(cp->template_why);
	free(cp->byid);
	pm_findings_release(&cp->findings);
	if (cp->dsrc != NULL)
		for (i = 0; i < cp->ndocs; i++) {
			free(cp->dsrc[i].id);
			free(cp->dsrc[i].fresh);
		}
	free(cp->dsrc);
	pm_cache_free(cp->cache);
	free(cp);
}

struct pm_doc *
pm_corpus_find(const struct pm_corpus *cp, const char *id)
{
	size_t	 lo, hi, mid;

	/* The first (lowest path) document with this id. */
	lo = 0;
	hi = cp->ndocs;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(cp->byid[mid]->meta.id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < cp->ndocs && strcmp(cp->byid[lo]->meta.id, id) == 0)
		return cp->byid[lo];
	return NULL;
}
