/*
 * The lint record of a blob, kept in the content-keyed cache
 * (source/cache.h) so that a warm 'lint' neither reads nor parses an
 * unchanged report.  It holds:
 *
 *  - what it is valid for: the lint key (this binary's bytes, the rule
 *    packs' bytes; the cache's own key has the configuration), the
 *    path and whether the file was parsed as asked for (FORCE);
 *  - the findings of the rules that read nothing but the blob, its
 *    path and the configuration, after suppression, merging and
 *    fingerprinting (their ranks are per rule, so they do not move);
 *  - the facts the other rules read from the model: the id, related
 *    ids and [[links]], file links, 'distributed' and 'ended', the
 *    open action items with a deadline; they run again on every lint
 *    against today's corpus, tree, history and date (REPLAY_LIVE);
 *  - the text of every line a finding may point at (reporters and
 *    fingerprints read it).
 *
 * A report with a suppression comment is never recorded: suppression
 * would apply to the rules that run again.  Every length is checked
 * against what is left, so any bytes are safe to read; a record that
 * does not parse, or is for another key, path or parse, is not used.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/hash.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"

#define	SCHEMA	"postmortem lint record 1"
#define	NONE	0xffffffffu	/* a NULL string */

int
pm_lint_live_rule(enum pm_rule_id r)
{
	switch (r) {
	case PM_RULE_DISTRIBUTION_48H:	/* history, today */
	case PM_RULE_DISTRIBUTION_STALE:
	case PM_RULE_ACTIONS_OVERDUE:	/* today */
	case PM_RULE_LINKS_RELATED:	/* the corpus */
	case PM_RULE_IDS_UNIQUE:
	case PM_RULE_LINKS_LOCAL:	/* the tree */
		return 1;
	default:
		return 0;
	}
}

uint64_t
pm_lint_cache_key(const struct pm_rulepacks *packs)
{
	struct stat	 st;
	uint64_t	 h, d, v[5];

	h = pm_fnv64(PM_FNV_INIT, SCHEMA, sizeof(SCHEMA));
	h = pm_fnv64(h, PM_VERSION, sizeof(PM_VERSION));
	/*
	 * The binary itself: a rebuilt linter may find other things.  Its
	 * stat data, as the build snapshot keys it (a rebuild writes a new
	 * file: another inode and time), not a hash of its megabytes,
	 * which cost a tenth of a warm lint --staged.
	 */
	if (stat("/proc/self/exe", &st) == -1)
		return 0;
	v[0] = (uint64_t)st.st_dev;
	v[1] = (uint64_t)st.st_ino;
	v[2] = (uint64_t)st.st_size;
	v[3] = (uint64_t)st.st_mtim.tv_sec;
	v[4] = (uint64_t)st.st_mtim.tv_nsec;
	h = pm_fnv64(h, v, sizeof(v));
	d = pm_rulepacks_digest(packs);
	h = pm_fnv64(h, &d, sizeof(d));
	return h != 0 ? h : 1;
}

/* Writing. */

static void
w32(struct pm_buf *b, uint32_t v)
{
	unsigned char	 p[4];

	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = (v >> 24) & 0xff;
	pm_buf_put(b, p, 4);
}

static void
w64(struct pm_buf *b, uint64_t v)
{
	w32(b, (uint32_t)(v & 0xffffffffu));
	w32(b, (uint32_t)(v >> 32));
}

static void
wstr(struct pm_buf *b, const char *s)
{
	size_t	 n;

	if (s == NULL) {
		w32(b, NONE);
		return;
	}
	n = strlen(s);
	w32(b, (uint32_t)n);
	pm_buf_put(b, s, n);
}

static void
wpos(struct pm_buf *b, struct pm_pos p)
{
	w32(b, p.line);
	w32(b, p.col);
}

static void
wts(struct pm_buf *b, const struct pm_tsval *t)
{
	w32(b, (uint32_t)t->set);
	w32(b, (uint32_t)t->ok);
	w32(b, (uint32_t)t->has_zone);
	w32(b, (uint32_t)t->day);
	w64(b, (uint64_t)t->t);
	wstr(b, t->raw);
	wpos(b, t->pos);
}

/* An action item overdue may report on. */
static int
open_action(const struct pm_action *a)
{
	return a->deadline_ok && a->status != PM_ASTATUS_DONE &&
	    a->status != PM_ASTATUS_WONTFIX;
}

/* Lines to keep: sorted, unique, in 1..nlines. */
struct	lines {
	unsigned int	*v;
	size_t		 n, cap;
};

static void
want(struct lines *l, unsigned int n)
{
	if (n == 0)
		return;
	l->v = pm_xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = n;
}

static int
cmp_uint(const void *a, const void *b)
{
	unsigned int	 x = *(const unsigned int *)a;
	unsigned int	 y = *(const unsigned int *)b;

	return x < y ? -1 : x > y;
}

static int
mem_has(const char *t, size_t n, const char *s)
{
	size_t		 k = strlen(s);
	const char	*p = t, *end = t + n;

	while ((size_t)(end - p) >= k &&
	    (p = memchr(p, s[0], (size_t)(end - p) - k + 1)) != NULL) {
		if (memcmp(p, s, k) == 0)
			return 1;
		p++;
	}
	return 0;
}

int
pm_lint_record(const struct pm_doc *doc, uint64_t key, int force,
    const struct pm_findings *fs, size_t from, size_t limit_hits,
    unsigned char **out, size_t *outlen)
{
	struct pm_buf		 b = PM_BUF_INIT;
	struct lines		 l = { NULL, 0, 0 };
	const struct pm_meta	*m = &doc->meta;
	const struct pm_finding	*f;
	const char		*s;
	size_t			 i, j, n, len;

	*out = NULL;
	*outlen = 0;
	if (key == 0 || doc->text == NULL || doc->line_off == NULL ||
	    mem_has(doc->text, doc->textsz, "postmortem-disable") ||
	    mem_has(doc->text, doc->textsz, "postmortem-enable"))
		return -1;
	for (i = from; i < fs->n; i++)
		if (strcmp(fs->v[i].path, doc->path) != 0)
			return -1;

	w64(&b, key);
	w32(&b, (uint32_t)force);
	wstr(&b, doc->path);
	w32(&b, (uint32_t)doc->kind);
	w32(&b, (uint32_t)m->status);
	w64(&b, (uint64_t)limit_hits);

	/* The facts of the rules that run again. */
	want(&l, 1);
	wstr(&b, m->id);
	w32(&b, (uint32_t)m->id_set);
	wpos(&b, m->id_pos);
	want(&l, m->id_pos.line);
	wts(&b, &m->distributed);
	wts(&b, &m->ended);
	want(&l, m->distributed.pos.line);
	want(&l, m->ended.pos.line);
	w32(&b, (uint32_t)m->related.n);
	for (i = 0; i < m->related.n; i++) {
		wstr(&b, m->related.v[i].s);
		wpos(&b, m->related.v[i].pos);
		want(&l, m->related.v[i].pos.line);
	}
	w32(&b, (uint32_t)doc->nlinks);
	for (i = 0; i < doc->nlinks; i++) {
		wstr(&b, doc->links[i].id);
		wpos(&b, doc->links[i].pos);
		want(&l, doc->links[i].pos.line);
	}
	w32(&b, (uint32_t)doc->nurls);
	for (i = 0; i < doc->nurls; i++) {
		wstr(&b, doc->urls[i].url);
		wpos(&b, doc->urls[i].pos);
		w32(&b, (uint32_t)doc->urls[i].image);
		want(&l, doc->urls[i].pos.line);
	}
	for (i = n = 0; i < doc->nactions; i++)
		n += open_action(&doc->actions[i]);
	w32(&b, (uint32_t)n);
	for (i = 0; i < doc->nactions; i++) {
		const struct pm_action	*a = &doc->actions[i];

		if (!open_action(a))
			continue;
		wpos(&b, a->pos);
		wstr(&b, a->id);
		w32(&b, (uint32_t)a->status);
		w32(&b, (uint32_t)a->deadline);
		wstr(&b, a->deadline_raw);
		wpos(&b, a->deadline_pos);
		want(&l, a->pos.line);
		want(&l, a->deadline_pos.line);
	}

	/* The findings that are kept. */
	for (i = from, n = 0; i < fs->n; i++)
		n += !pm_lint_live_rule(fs->v[i].rule);
	w32(&b, (uint32_t)n);
	for (i = from; i < fs->n; i++) {
		f = &fs->v[i];
		if (pm_lint_live_rule(f->rule))
			continue;
		w32(&b, (uint32_t)f->rule);
		w32(&b, (uint32_t)f->level);
		wpos(&b, f->pos);
		w32(&b, f->end_col);
		wstr(&b, f->msg);
		wstr(&b, f->detail);
		wstr(&b, f->suggest);
		w32(&b, (uint32_t)f->draft);
		w64(&b, f->fp);
		want(&l, f->pos.line);
	}

	/* Their lines. */
	qsort(l.v, l.n, sizeof(*l.v), cmp_uint);
	for (i = j = 0; i < l.n; i++)
		if (l.v[i] <= doc->nlines && (j == 0 || l.v[j - 1] != l.v[i]))
			l.v[j++] = l.v[i];
	l.n = j;
	w32(&b, doc->nlines);
	w32(&b, (uint32_t)l.n);
	for (i = 0; i < l.n; i++) {
		s = pm_doc_line(doc, l.v[i], &len);
		/* "\r\r\n" would not read back the same. */
		if (s == NULL || (len > 0 && s[len - 1] == '\r') ||
		    memchr(s, '\n', len) != NULL) {
			free(l.v);
			pm_buf_release(&b);
			return -1;
		}
		w32(&b, l.v[i]);
		w32(&b, (uint32_t)len);
		pm_buf_put(&b, s, len);
	}
	free(l.v);
	*out = (unsigned char *)pm_buf_detach(&b, outlen);
	return 0;
}

/* Reading. */

struct	rd {
	const unsigned char	*p, *end;
	int			 bad;
};

static uint32_t
r32(struct rd *r)
{
	const unsigned char	*p = r->p;

	if (r->bad || r->end - r->p < 4) {
		r->bad = 1;
		return 0;
	}
	r->p += 4;
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
r64(struct rd *r)
{
	uint64_t	 lo = r32(r);

	return lo | (uint64_t)r32(r) << 32;
}

/*
 * A string: into the arena when a is not NULL, else in place (not
 * NUL-terminated: *lenp has its length).  NULL for NONE or bad bytes.
 */
static const char *
rstrn(struct rd *r, struct pm_arena *a, size_t *lenp)
{
	uint32_t	 n = r32(r);
	const char	*s;

	*lenp = 0;
	if (r->bad || n == NONE)
		return NULL;
	if ((size_t)(r->end - r->p) < n || memchr(r->p, '\0', n) != NULL) {
		r->bad = 1;
		return NULL;
	}
	s = (const char *)r->p;
	r->p += n;
	*lenp = n;
	return a != NULL ? pm_arena_strndup(a, s, n) : s;
}

static const char *
rstr(struct rd *r, struct pm_arena *a)
{
	size_t	 n;

	return rstrn(r, a, &n);
}

static struct pm_pos
rpos(struct rd *r)
{
	struct pm_pos	 p;

	p.line = r32(r);
	p.col = r32(r);
	return p;
}

static void
rts(struct rd *r, struct pm_arena *a, struct pm_tsval *t)
{
	memset(t, 0, sizeof(*t));
	t->set = (int)r32(r);
	t->ok = (int)r32(r);
	t->has_zone = (int)r32(r);
	t->day = (int)r32(r);
	t->t = (int64_t)r64(r);
	t->raw = rstr(r, a);
	t->pos = rpos(r);
}

/* A count of items of at least min bytes each, or bad. */
static size_t
rcount(struct rd *r, size_t min)
{
	uint32_t	 n = r32(r);

	if (!r->bad && n > (size_t)(r->end - r->p) / min)
		r->bad = 1;
	return r->bad ? 0 : n;
}

/*
 * Read a whole record.  With doc, fill the model's facts (arena
 * strings, a text holding the kept lines); with fs, append the kept
 * findings (path: path).  Returns 0, or -1 when the record is
 * unusable (another key, path or parse, or bad bytes).
 */
static int
read_record(const unsigned char *data, size_t len, uint64_t key,
    const char *path, int force, struct pm_doc *doc,
    struct pm_findings *fs, size_t *limit_hits)
{
	struct rd		 r = { data, data + len, 0 };
	struct pm_arena		*a = doc != NULL ? &doc->arena : NULL;
	struct pm_meta		*m = doc != NULL ? &doc->meta : NULL;
	struct pm_meta		 mm;
	struct pm_tsval		 ts;
	struct pm_finding	*f;
	const char		*s, *msg, *detail, *suggest;
	struct pm_pos		 pos;
	size_t			 i, n, hits, nl, textsz, at, ml, dl, sl;
	uint32_t		 line, ln, prev, rule, level, kind, status;
	uint32_t		 end_col, draft;
	uint64_t		 fp;
	char			*text;
	uint32_t		*off;

	if (m == NULL)
		m = &mm;
	if (r64(&r) != key || key == 0 || r32(&r) != (uint32_t)force)
		return -1;
	s = rstrn(&r, NULL, &ml);
	if (r.bad || s == NULL || strlen(path) != ml ||
	    memcmp(s, path, ml) != 0)
		return -1;
	kind = r32(&r);
	status = r32(&r);
	hits = (size_t)r64(&r);
	if (kind > PM_DOC_OTHER || status > PM_STATUS_REVIEW)
		return -1;
	if (limit_hits != NULL)
		*limit_hits = hits;
	if (doc != NULL) {
		doc->kind = (enum pm_doc_kind)kind;
		m->status = (enum pm_status)status;
		m->has_fm = kind == PM_DOC_FRONTMATTER;
		m->fm_ok = 1;
	}

	s = rstr(&r, a);
	if (r.bad || s == NULL)
		return -1;
	/* Without a document, only checked. */
	m->id = s != NULL ? s : "";
	m->id_set = (int)r32(&r);
	m->id_pos = rpos(&r);
	rts(&r, a, doc != NULL ? &m->distributed : &ts);
	rts(&r, a, doc != NULL ? &m->ended : &ts);

	n = rcount(&r, 12);
	if (doc != NULL && n > 0)
		m->related.v = pm_arena_alloc(a, n * sizeof(*m->related.v));
	for (i = 0; i < n && !r.bad; i++) {
		s = rstr(&r, a);
		pos = rpos(&r);
		if (doc != NULL) {
			m->related.v[i].s = s;
			m->related.v[i].pos = pos;
		}
	}
	if (doc != NULL) {
		m->related.n = n;
		m->related.set = m->related.ok = n > 0;
	}

	n = rcount(&r, 12);
	if (doc != NULL && n > 0)
		doc->links = pm_arena_alloc(a, n * sizeof(*doc->links));
	for (i = 0; i < n && !r.bad; i++) {
		s = rstr(&r, a);
		pos = rpos(&r);
		if (s == NULL)
			r.bad = 1;
		else if (doc != NULL) {
			doc->links[i].id = s;
			doc->links[i].pos = pos;
		}
	}
	if (doc != NULL)
		doc->nlinks = n;

	n = rcount(&r, 16);
	if (doc != NULL && n > 0)
		doc->urls = pm_arena_alloc(a, n * sizeof(*doc->urls));
	for (i = 0; i < n && !r.bad; i++) {
		s = rstr(&r, a);
		pos = rpos(&r);
		line = r32(&r);
		if (s == NULL)
			r.bad = 1;
		else if (doc != NULL) {
			doc->urls[i].url = s;
			doc->urls[i].pos = pos;
			doc->urls[i].image = (int)line;
		}
	}
	if (doc != NULL)
		doc->nurls = n;

	n = rcount(&r, 32);
	if (doc != NULL && n > 0)
		doc->actions = pm_arena_alloc(a, n * sizeof(*doc->actions));
	for (i = 0; i < n && !r.bad; i++) {
		struct pm_action	 act;

		memset(&act, 0, sizeof(act));
		act.pos = rpos(&r);
		act.id = rstr(&r, a);
		act.status = (enum pm_astatus)r32(&r);
		act.deadline = (int32_t)r32(&r);
		act.deadline_raw = rstr(&r, a);
		act.deadline_pos = rpos(&r);
		act.deadline_ok = 1;
		if (act.status > PM_ASTATUS_UNKNOWN || act.deadline_raw ==
		    NULL)
			r.bad = 1;
		else if (doc != NULL)
			doc->actions[i] = act;
	}
	if (doc != NULL)
		doc->nactions = n;

	n = rcount(&r, 44);
	for (i = 0; i < n && !r.bad; i++) {
		rule = r32(&r);
		level = r32(&r);
		pos = rpos(&r);
		end_col = r32(&r);
		msg = rstrn(&r, NULL, &ml);
		detail = rstrn(&r, NULL, &dl);
		suggest = rstrn(&r, NULL, &sl);
		draft = r32(&r);
		fp = r64(&r);
		if (r.bad || msg == NULL || rule >= PM_RULE__MAX ||
		    level > PM_LEVEL_ERROR ||
		    pm_lint_live_rule((enum pm_rule_id)rule)) {
			r.bad = 1;
			break;
		}
		if (fs == NULL)
			continue;
		f = pm_findings_add(fs, (enum pm_rule_id)rule, path, pos,
		    "%.*s", (int)ml, msg);
		f->level = (enum pm_level)level;
		f->end_col = end_col;
		if (detail != NULL)
			f->detail = pm_xstrndup(detail, dl);
		if (suggest != NULL)
			f->suggest = pm_xstrndup(suggest, sl);
		f->draft = (int)draft;
		f->fp = fp;
	}

	nl = r32(&r);
	n = rcount(&r, 8);
	if (r.bad || nl > (1u << 24))
		return -1;
	/* The text: the kept lines, the others empty. */
	textsz = nl;
	{
		const unsigned char	*save = r.p;

		for (i = 0, prev = 0; i < n && !r.bad; i++) {
			line = r32(&r);
			ln = r32(&r);
			if (line <= prev || line > nl ||
			    (size_t)(r.end - r.p) < ln) {
				r.bad = 1;
				break;
			}
			if (memchr(r.p, '\n', ln) != NULL ||
			    (ln > 0 && r.p[ln - 1] == '\r'))
				r.bad = 1;
			r.p += ln;
			textsz += ln;
			prev = line;
		}
		if (r.bad || r.p != r.end)
			return -1;
		if (doc == NULL)
			return 0;
		r.p = save;
	}
	text = pm_xmalloc(textsz + 1);
	off = pm_arena_alloc(a, (nl + 1) * sizeof(*off));
	for (i = 1, at = 0; i <= nl; i++) {
		off[i - 1] = (uint32_t)at;
		if (r.p < r.end) {
			const unsigned char	*q = r.p;
			uint32_t		 qline, qlen;

			qline = (uint32_t)q[0] | (uint32_t)q[1] << 8 |
			    (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
			if (qline == i) {
				(void)r32(&r);
				qlen = r32(&r);
				memcpy(text + at, r.p, qlen);
				at += qlen;
				r.p += qlen;
			}
		}
		text[at++] = '\n';
	}
	off[nl] = (uint32_t)at;
	text[at] = '\0';
	free(doc->text);
	doc->text = text;
	doc->textsz = at;
	doc->line_off = off;
	doc->nlines = (unsigned int)nl;
	return 0;
}

int
pm_lint_stub(struct pm_doc **out, const struct pm_config *cfg,
    const char *path, int force, uint64_t key, const unsigned char *data,
    size_t len)
{
	struct pm_doc	*doc;

	*out = NULL;
	/* Check the whole record first: a bad one costs no document. */
	if (key == 0 || data == NULL ||
	    read_record(data, len, key, path, force, NULL, NULL, NULL) == -1)
		return -1;
	pm_doc_parse(&doc, path, "", 0, cfg, 0);
	pm_findings_release(&doc->findings);
	memset(&doc->meta, 0, sizeof(doc->meta));
	doc->meta.severity = -1;
	if (read_record(data, len, key, path, force, doc, NULL, NULL) == -1) {
		pm_doc_free(doc);
		return -1;
	}
	*out = doc;
	return 0;
}

int
pm_lint_replay(const unsigned char *data, size_t len, uint64_t key,
    const char *path, int force, struct pm_findings *fs, size_t *limit_hits)
{
	return read_record(data, len, key, path, force, NULL, fs, limit_hits);
}
