/*
 * One page per report: the rendered body (cmark-gfm's safe renderer
 * with tagfilter, as pm_doc_render_html), [[id]] cross-references
 * rewritten into links, the front matter as a fact box (every value
 * escaped by the template engine, unknown fields included), the
 * report's lint findings, and links to related, referencing,
 * same-service and same-factor reports.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/time.h"
#include "base/yamlx.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site_int.h"
#include "site/similar.h"
#include "site/tmpl.h"

#define	SAME_MAX	8	/* same-service reports listed per service */

static int
tag_is(const char *p, size_t n, const char *name)
{
	size_t	 k = strlen(name);

	return n >= k && strncmp(p, name, k) == 0 &&
	    (n == k || p[k] == ' ' || p[k] == '>' || p[k] == '\t' ||
	    p[k] == '\n' || p[k] == '/');
}

/* Decode the five entities cmark writes into out; returns out's text. */
static const char *
unescape(struct pm_buf *out, const char *s, size_t n)
{
	static const struct { const char *e; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&#39;", '\'' },
	};
	size_t	 i, k;

	pm_buf_truncate(out, 0);
	for (i = 0; i < n; i++) {
		for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++)
			if (strncmp(s + i, ents[k].e, strlen(ents[k].e)) == 0)
				break;
		if (k < sizeof(ents) / sizeof(ents[0])) {
			pm_buf_putc(out, ents[k].c);
			i += strlen(ents[k].e) - 1;
		} else
			pm_buf_putc(out, s[i]);
	}
	pm_buf_grow(out, 0);
	return out->ptr;
}

/* Rewrite [[id]] inside one run of text (already HTML-escaped). */
static void
xref_text(const struct site *s, const char *t, size_t n, const char *root,
    struct pm_buf *out)
{
	struct pm_buf		 id = PM_BUF_INIT, href = PM_BUF_INIT;
	struct pm_html		 h;
	const struct rep	*r;
	const char		*o, *c;
	size_t			 k;

	pm_html_init(&h, out);
	while (n > 0) {
		o = memchr(t, '[', n);
		if (o == NULL || (size_t)(o - t) + 1 >= n || o[1] != '[') {
			k = o == NULL ? n : (size_t)(o - t) + 1;
			pm_buf_put(out, t, k);
			t += k;
			n -= k;
			continue;
		}
		pm_buf_put(out, t, (size_t)(o - t));
		n -= (size_t)(o - t);
		t = o;
		/* t[0..1] is "[[": find "]]" with no bracket inside. */
		for (c = t + 2; c < t + n && *c != '[' && *c != ']'; c++)
			continue;
		if (c + 1 >= t + n || c[0] != ']' || c[1] != ']' ||
		    c == t + 2) {
			pm_buf_putc(out, '[');
			t++;
			n--;
			continue;
		}
		unescape(&id, t + 2, (size_t)(c - t - 2));
		if ((r = site_find(s, id.ptr)) != NULL) {
			pm_buf_truncate(&href, 0);
			pm_buf_printf(&href, "%s%s", root, r->href);
			pm_html_elem(&h, "a", id.ptr, "href", href.ptr,
			    "class", "xref", "title",
			    r->doc->meta.title.s, NULL);
		} else
			pm_html_elem(&h, "span", id.ptr, "class",
			    "xref-missing", "title", "no report has this id",
			    NULL);
		n -= (size_t)(c + 2 - t);
		t = c + 2;
	}
	pm_buf_release(&id);
	pm_buf_release(&href);
}

/* Update the depth of code, pre and links with the tag [lt, gt). */
static void
tag_skip(int *skip, const char *lt, const char *gt)
{
	const char	*name = lt + 1;
	int		 closing = *name == '/';
	size_t		 nl;

	if (closing)
		name++;
	nl = (size_t)(gt - name);
	/* Text inside code, pre and links is left alone. */
	if (tag_is(name, nl, "code") || tag_is(name, nl, "pre") ||
	    tag_is(name, nl, "a"))
		*skip += closing ? -1 : 1;
	if (*skip < 0)
		*skip = 0;
}

/* The first "[[" in [p, end), or NULL. */
static const char *
find_open(const char *p, const char *end)
{
	while (p + 1 < end && (p = memchr(p, '[', (size_t)(end - p - 1))) !=
	    NULL) {
		if (p[1] == '[')
			return p;
		p++;
	}
	return NULL;
}

/*
 * Only the text runs that hold "[[" are rewritten, and only the tags
 * before such a run are looked at (for the code, pre and link depth):
 * most of a body is copied as it is, in one piece.
 */
void
page_doc_xrefs(const struct site *s, const char *html, size_t len,
    const char *root, struct pm_buf *out)
{
	const char	*end = html + len, *copied = html, *tp = html;
	const char	*sp = html, *q, *lt, *gt, *run;
	int		 skip = 0, intag;

	while ((q = find_open(sp, end)) != NULL) {
		/* The tags before q; q may be inside the last one. */
		intag = 0;
		while ((lt = memchr(tp, '<', (size_t)(q - tp))) != NULL) {
			gt = memchr(lt, '>', (size_t)(end - lt));
			gt = gt == NULL ? end : gt + 1;
			tag_skip(&skip, lt, gt);
			tp = gt;
			if (gt > q) {
				intag = 1;
				break;
			}
		}
		if (intag) {
			sp = tp;
			continue;
		}
		if (skip > 0) {
			sp = q + 1;
			continue;
		}
		/* The rest of this text run, up to the next tag. */
		run = memchr(q, '<', (size_t)(end - q));
		if (run == NULL)
			run = end;
		pm_buf_put(out, copied, (size_t)(q - copied));
		xref_text(s, q, (size_t)(run - q), root, out);
		copied = sp = tp = run;
	}
	pm_buf_put(out, copied, (size_t)(end - copied));
}

/* ---- the fact box ---- */

static struct pm_tv *
fact(struct pm_arena *a, struct pm_tv *facts, const char *key,
    const char *value)
{
	struct pm_tv	*f;

	f = pm_tv_push_map(a, facts);
	pm_tv_sets(a, f, "key", key);
	pm_tv_sets(a, f, "value", value);
	return f;
}

static void
fact_time(struct pm_arena *a, struct pm_tv *facts, const char *key,
    const struct pm_tsval *v)
{
	char	 b[32];

	if (!v->set)
		return;
	if (v->ok) {
		/* A day stays a day: no made-up time of day. */
		pm_ts_format(b, v);
		fact(a, facts, key, b);
	} else
		fact(a, facts, key, v->raw);
}

static void
fact_date(struct pm_arena *a, struct pm_tv *facts, const char *key,
    const struct pm_dateval *v)
{
	char	 b[16];

	if (!v->set)
		return;
	if (v->ok) {
		pm_date_format(b, v->days);
		fact(a, facts, key, b);
	} else
		fact(a, facts, key, v->raw);
}

/* A list of facet links (services, tags, authors). */
static void
fact_links(const struct site *s, struct pm_arena *a, struct pm_tv *facts,
    const char *key, const struct pm_list *l, enum facet_kind k)
{
	const struct fval	*fv;
	struct pm_tv		*f, *links, *it;
	size_t			 i;

	if (!l->set || l->n == 0)
		return;
	f = fact(a, facts, key, NULL);
	links = pm_tv_list(a);
	for (i = 0; i < l->n; i++) {
		if (l->v[i].s == NULL)
			continue;
		it = pm_tv_push_map(a, links);
		pm_tv_sets(a, it, "text", l->v[i].s);
		fv = site_fval(s, k, l->v[i].s);
		pm_tv_sets(a, it, "href", fv ? fv->href : "");
		pm_tv_setb(a, it, "sep", links->nitems > 1);
	}
	pm_tv_set(a, f, "links", links);
}

/* A YAML value flattened to one line: "a, b" or "k: v; k: v". */
static void
flatten(struct pm_buf *b, const struct pm_ynode *n, int depth)
{
	size_t	 i;

	if (n == NULL)
		return;
	if (depth > 8) {
		pm_buf_puts(b, "…");
		return;
	}
	switch (n->type) {
	case PM_Y_SCALAR:
		pm_buf_put(b, n->value, strlen(n->value));
		break;
	case PM_Y_SEQ:
		for (i = 0; i < n->nkids; i++) {
			if (i > 0)
				pm_buf_puts(b, ", ");
			flatten(b, n->kids[i], depth + 1);
		}
		break;
	case PM_Y_MAP:
		for (i = 0; i + 1 < n->nkids; i += 2) {
			if (i > 0)
				pm_buf_puts(b, "; ");
			flatten(b, n->kids[i], depth + 1);
			pm_buf_puts(b, ": ");
			flatten(b, n->kids[i + 1], depth + 1);
		}
		break;
	}
}

static struct pm_tv *
build_facts(const struct site *s, const struct rep *r, struct pm_arena *a)
{
	const struct pm_meta	*m = &r->doc->meta;
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_tv		*facts, *f, *links, *it;
	const struct rep	*t;
	char			 d[32];
	size_t			 i;

	facts = pm_tv_list(a);
	fact(a, facts, "id", m->id);
	fact(a, facts, "severity", m->severity_raw.s ? m->severity_raw.s :
	    "not given");
	fact(a, facts, "status", m->status_raw.s ? m->status_raw.s :
	    m->status == PM_STATUS_DRAFT ? "draft" :
	    m->status == PM_STATUS_REVIEW ? "review" : "final");
	fact_time(a, facts, "started", &m->started);
	fact_time(a, facts, "detected", &m->detected);
	fact_time(a, facts, "mitigated", &m->mitigated);
	fact_time(a, facts, "ended", &m->ended);
	/* Durations need a time of day at both ends. */
	if (m->started.ok && m->detected.ok && !m->started.day &&
	    !m->detected.day) {
		site_duration(&b, m->detected.t - m->started.t);
		fact(a, facts, "time to detect", b.ptr);
	}
	if (m->started.ok && m->ended.ok && !m->started.day &&
	    !m->ended.day) {
		site_duration(&b, m->ended.t - m->started.t);
		fact(a, facts, "time to resolve", b.ptr);
	}
	fact_links(s, a, facts, "services", &m->services, FACET_SERVICE);
	fact_links(s, a, facts, "tags", &m->tags, FACET_TAG);
	fact_links(s, a, facts, "authors", &m->authors, FACET_AUTHOR);
	fact_date(a, facts, "reviewed", &m->reviewed);
	if (m->distributed.set)
		fact_time(a, facts, "distributed", &m->distributed);
	else if (r->doc->has_added) {
		pm_time_format(d, r->doc->added);
		f = fact(a, facts, "distributed", d);
		pm_tv_sets(a, f, "note", "first commit of the file");
	}
	fact_date(a, facts, "follow_up", &m->follow_up);
	if (m->related.set && m->related.n > 0) {
		f = fact(a, facts, "related", NULL);
		links = pm_tv_list(a);
		for (i = 0; i < m->related.n; i++) {
			if (m->related.v[i].s == NULL)
				continue;
			it = pm_tv_push_map(a, links);
			pm_tv_sets(a, it, "text", m->related.v[i].s);
			t = site_find(s, m->related.v[i].s);
			pm_tv_sets(a, it, "href", t ? t->href : "");
			pm_tv_setb(a, it, "sep", links->nitems > 1);
		}
		pm_tv_set(a, f, "links", links);
	}
	for (i = 0; i < m->nimpact; i++) {
		pm_buf_truncate(&b, 0);
		pm_buf_printf(&b, "impact: %s", m->impact[i].key);
		f = fact(a, facts, b.ptr, NULL);
		pm_buf_truncate(&b, 0);
		if (m->impact[i].value != NULL)
			pm_buf_puts(&b, m->impact[i].value);
		else
			flatten(&b, m->impact[i].node, 0);
		pm_tv_sets(a, f, "value", pm_buf_cstr(&b));
	}
	if (m->locale.s != NULL)
		fact(a, facts, "locale", m->locale.s);
	for (i = 0; i < m->nextra; i++) {
		pm_buf_truncate(&b, 0);
		if (m->extra[i].value != NULL)
			pm_buf_puts(&b, m->extra[i].value);
		else
			flatten(&b, m->extra[i].node, 0);
		f = fact(a, facts, m->extra[i].key, pm_buf_cstr(&b));
		pm_tv_setb(a, f, "extra", 1);
	}
	pm_buf_release(&b);
	return facts;
}

/* ---- related reports ---- */

static struct pm_tv *
ref(const struct site *s, struct pm_arena *a, const struct rep *r)
{
	(void)s;
	(void)a;
	return r->row;
}

/* Groups of other reports sharing a facet value with r. */
static struct pm_tv *
same(const struct site *s, const struct rep *r, struct pm_arena *a,
    enum facet_kind k)
{
	const struct pm_doc	*d = r->doc;
	const struct fval	*fv, *seen[64];
	struct pm_tv		*groups, *g, *items;
	size_t			 i, j, nseen = 0, n, shown;
	const char		*name;
	size_t			 self = (size_t)(r - s->reps);

	groups = pm_tv_list(a);
	n = k == FACET_SERVICE ? d->meta.services.n : site_ncats(d);
	for (i = 0; i < n && nseen < 64; i++) {
		name = k == FACET_SERVICE ? d->meta.services.v[i].s :
		    site_cat(d, i);
		if (name == NULL || (fv = site_fval(s, k, name)) == NULL)
			continue;
		for (j = 0; j < nseen && seen[j] != fv; j++)
			continue;
		if (j < nseen || fv->n < 2)
			continue;
		seen[nseen++] = fv;
		g = pm_tv_push_map(a, groups);
		pm_tv_sets(a, g, "name", fv->name);
		pm_tv_sets(a, g, "href", fv->href);
		items = pm_tv_list(a);
		for (j = 0, shown = 0; j < fv->n && shown < SAME_MAX; j++) {
			if (fv->reps[j] == self)
				continue;
			pm_tv_push(a, items, ref(s, a, &s->reps[fv->reps[j]]));
			shown++;
		}
		pm_tv_set(a, g, "items", items);
		if (fv->n - 1 > shown)
			pm_tv_setf(a, g, "more", "%zu more", fv->n - 1 - shown);
		else
			pm_tv_sets(a, g, "more", "");
	}
	return groups;
}

/* Reports similar to r (similar.c), each with the terms they share. */
static struct pm_tv *
similar(const struct site *s, const struct rep *r, struct pm_arena *a)
{
	struct pm_tv	*l, *it, *terms, *t;
	const char	*tv[SIM_TERMS];
	size_t		 i, j, n, self = (size_t)(r - s->reps);

	l = pm_tv_list(a);
	for (i = 0; i < r->nsim && i < SIM_MAX; i++) {
		it = pm_tv_push_map(a, l);
		pm_tv_set(a, it, "report", s->reps[r->simv[i].rep].row);
		n = site_similar_terms(s, self, r->simv[i].rep, tv, SIM_TERMS);
		terms = pm_tv_list(a);
		for (j = 0; j < n; j++) {
			t = pm_tv_push_map(a, terms);
			pm_tv_sets(a, t, "text", tv[j]);
			pm_tv_setb(a, t, "sep", j > 0);
		}
		pm_tv_set(a, it, "terms", terms);
	}
	return l;
}

/* ---- the body ----
 *
 * The body is rendered here, not through pm_doc_parse(): the corpus
 * was loaded without trees (a kept tree costs 100 KB a report), and a
 * second full parse to get one back rebuilds the whole model (front
 * matter, sections, timeline, actions) only to throw it away; that was
 * half the time of the page phase.  This is the one place outside
 * lib/doc/ that calls cmark-gfm, and it only renders: one parse of the
 * body and one render, with the options and extensions of
 * pm_doc_render_html() (STYLE B8), the tree allocated in a bump arena
 * of the worker thread.
 *
 * The screen of lib/doc/ (STYLE part C) cuts a body only where it adds
 * an input/limits finding, so a document without one is given whole;
 * one with one goes through pm_doc_parse() and is cut as the model
 * was.  cmark-gfm 0.29 keeps the special characters of the inline
 * extensions in a global table that each parse sets at the start of its
 * inline pass and clears at the end, so the final pass of every render
 * parse runs under one lock (render_lock), the fallback included.
 */

struct	mdblk {
	struct mdblk	*next;
	size_t		 size, used;
	max_align_t	 data[];
};

#define	MDBLK		(256 * 1024)
#define	MDHDR		sizeof(max_align_t)

static _Thread_local struct mdblk	*md_head;	/* in use */
static _Thread_local struct mdblk	*md_spare;	/* for the next */
static _Thread_local char		*md_last;	/* for realloc */

static pthread_mutex_t	 render_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t	 md_once = PTHREAD_ONCE_INIT;
static const char *const md_exts[] = { "table", "tasklist", "autolink",
    "strikethrough", "tagfilter" };

static void *
md_alloc(size_t sz, int zero)
{
	struct mdblk	*b = md_head;
	size_t		 need, bsz;
	char		*p;

	need = (sz + MDHDR + MDHDR - 1) & ~(MDHDR - 1);
	if (need < sz)
		abort();
	if (b == NULL || b->size - b->used < need) {
		if (need <= MDBLK && md_spare != NULL) {
			b = md_spare;
			md_spare = b->next;
		} else {
			bsz = need > MDBLK ? need : MDBLK;
			b = pm_xmalloc(sizeof(*b) + bsz);
			b->size = bsz;
		}
		b->used = 0;
		b->next = md_head;
		md_head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	memcpy(p, &sz, sizeof(sz));
	p += MDHDR;
	if (zero)
		memset(p, 0, sz);
	md_last = p;
	return p;
}

static void *
md_calloc(size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		abort();
	return md_alloc(n * sz, 1);
}

static void *
md_realloc(void *old, size_t sz)
{
	struct mdblk	*b = md_head;
	size_t		 osz, need;
	char		*p;

	if (old == NULL)
		return md_alloc(sz, 0);
	memcpy(&osz, (char *)old - MDHDR, sizeof(osz));
	if (sz <= osz)
		return old;
	/* The last allocation grows in place while its block has room. */
	need = (sz + MDHDR - 1) & ~(MDHDR - 1);
	if (old == md_last && (char *)old + need <= (char *)b->data +
	    b->size) {
		b->used = (size_t)((char *)old + need - (char *)b->data);
		memcpy((char *)old - MDHDR, &sz, sizeof(sz));
		return old;
	}
	p = md_alloc(sz, 0);
	memcpy(p, old, osz);
	return p;
}

static void
md_free(void *p)
{
	(void)p;
}

static cmark_mem	 md_mem = { md_calloc, md_realloc, md_free };

/* Everything of the last render goes back to the spare list; blocks
 * larger than the usual are freed. */
static void
md_reset(void)
{
	struct mdblk	*b, *next;

	for (b = md_head; b != NULL; b = next) {
		next = b->next;
		if (b->size == MDBLK) {
			b->next = md_spare;
			md_spare = b;
		} else
			free(b);
	}
	md_head = NULL;
	md_last = NULL;
}

static void
md_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

void
page_doc_init(void)
{
	pthread_once(&md_once, md_init);
}

void
page_doc_thread_done(void)
{
	struct mdblk	*b, *next;

	md_reset();
	for (b = md_spare; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	md_spare = NULL;
}

/* Whether the parser cut the body (an input/limits finding). */
static int
was_cut(const struct pm_doc *d)
{
	size_t	 i;

	for (i = 0; i < d->findings.n; i++)
		if (d->findings.v[i].rule == PM_RULE_INPUT_LIMITS)
			return 1;
	return 0;
}

/* The body of a document whose screen cut it: the full parse. */
static int
render_cut(const struct site *s, const struct pm_doc *d,
    struct pm_buf *out)
{
	struct pm_doc	*tmp;
	int		 rc;

	pthread_mutex_lock(&render_lock);
	if (pm_doc_parse(&tmp, d->path, d->text, d->textsz, s->cfg,
	    PM_PARSE_KEEP_TREE | PM_PARSE_FORCE) != 0) {
		pthread_mutex_unlock(&render_lock);
		return -1;
	}
	pthread_mutex_unlock(&render_lock);
	rc = pm_doc_render_html(tmp, out);
	pm_doc_free(tmp);
	return rc;
}

/*
 * The body of d (after the front matter) as safe HTML appended to out.
 * Returns 0, or -1 when cmark-gfm gives nothing.
 */
static int
render_body(const struct site *s, const struct pm_doc *d,
    struct pm_buf *out)
{
	cmark_syntax_extension	*e;
	cmark_parser		*parser;
	cmark_node		*root;
	char			*html;
	size_t			 off, i;
	int			 rc = -1;

	if (d->text == NULL) {
		pm_error_set("the document's text was not kept");
		return -1;
	}
	if (d->line_off == NULL)
		return 0;		/* not a text file: no body */
	if (was_cut(d))
		return render_cut(s, d, out);
	off = d->body_line == 0 ? 0 : d->body_line > d->nlines ?
	    d->textsz : d->line_off[d->body_line - 1];
	parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &md_mem);
	for (i = 0; i < sizeof(md_exts) / sizeof(md_exts[0]); i++)
		if ((e = cmark_find_syntax_extension(md_exts[i])) != NULL)
			cmark_parser_attach_syntax_extension(parser, e);
	cmark_parser_feed(parser, d->text + off, d->textsz - off);
	pthread_mutex_lock(&render_lock);
	root = cmark_parser_finish(parser);
	pthread_mutex_unlock(&render_lock);
	html = cmark_render_html_with_mem(root, CMARK_OPT_DEFAULT,
	    cmark_parser_get_syntax_extensions(parser), &md_mem);
	if (html != NULL) {
		pm_buf_puts(out, html);
		rc = 0;
	} else
		pm_error_set("cmark-gfm rendered nothing");
	/* The arena frees the tree, the parser and the HTML at once. */
	md_reset();
	return rc;
}

int
page_doc(const struct site *s, size_t i, struct pm_arena *a)
{
	const struct rep	*r = &s->reps[i];
	const struct pm_doc	*d = r->doc;
	struct pm_buf		 body = PM_BUF_INIT, x = PM_BUF_INIT,
				 path = PM_BUF_INIT, raw = PM_BUF_INIT;
	struct pm_tv		*ctx, *l, *it;
	const struct rep	*t;
	size_t			 j, links;
	int			 rc = -1;

	ctx = site_page(s, a, "../", d->meta.title.s ? d->meta.title.s :
	    d->meta.id, NULL);
	pm_tv_set(a, ctx, "report", r->row);
	pm_tv_sets(a, ctx, "path", d->path);
	if (d->meta.inferred)
		pm_tv_setb(a, ctx, "inferred", 1);
	if (render_body(s, d, &raw) == -1) {
		/* pm_error_set must not read the buffer it writes. */
		char	*why = pm_xstrdup(pm_error_get());

		pm_error_set("cannot render '%s': %s", d->path, why);
		free(why);
		goto out;
	}
	/* File links and images to their copies, headings get ids. */
	site_body_links(s, r, pm_buf_cstr(&raw), raw.len, "../", &body);
	if (find_open(pm_buf_cstr(&body), pm_buf_cstr(&body) + body.len) ==
	    NULL)
		pm_tv_set(a, ctx, "body", pm_tv_strref(a, pm_buf_cstr(&body),
		    body.len));
	else {
		page_doc_xrefs(s, pm_buf_cstr(&body), body.len, "../", &x);
		pm_tv_set(a, ctx, "body", pm_tv_strref(a, pm_buf_cstr(&x),
		    x.len));
	}
	pm_tv_set(a, ctx, "facts", build_facts(s, r, a));

	l = pm_tv_list(a);
	for (j = 0; j < r->nf; j++) {
		it = pm_tv_push_map(a, l);
		pm_tv_sets(a, it, "level", pm_level_name(r->f[j].level));
		pm_tv_setf(a, it, "level_class", "lint-%s",
		    pm_level_name(r->f[j].level));
		pm_tv_sets(a, it, "rule", pm_rule_name(r->f[j].rule));
		if (r->f[j].detail != NULL)
			pm_tv_sets(a, it, "detail", r->f[j].detail);
		pm_tv_setf(a, it, "line", "%u", r->f[j].pos.line);
		pm_tv_setf(a, it, "col", "%u", r->f[j].pos.col);
		pm_tv_sets(a, it, "msg", r->f[j].msg);
		if (r->f[j].suggest != NULL)
			pm_tv_sets(a, it, "suggest", r->f[j].suggest);
	}
	pm_tv_set(a, ctx, "findings", l);
	pm_tv_setb(a, ctx, "has_findings", l->nitems > 0);

	l = pm_tv_list(a);
	for (j = 0; j < d->meta.related.n; j++)
		if (d->meta.related.v[j].s != NULL &&
		    (t = site_find(s, d->meta.related.v[j].s)) != NULL &&
		    t != r)
			pm_tv_push(a, l, ref(s, a, t));
	links = l->nitems;
	pm_tv_setb(a, ctx, "has_related", l->nitems > 0);
	it = pm_tv_map(a);
	pm_tv_set(a, it, "items", l);
	pm_tv_set(a, ctx, "related_list", it);
	l = pm_tv_list(a);
	for (j = 0; j < r->nback; j++)
		pm_tv_push(a, l, ref(s, a, &s->reps[r->back[j]]));
	links += l->nitems;
	pm_tv_setb(a, ctx, "has_backlinks", l->nitems > 0);
	it = pm_tv_map(a);
	pm_tv_set(a, it, "items", l);
	pm_tv_set(a, ctx, "backlinks_list", it);
	l = similar(s, r, a);
	links += l->nitems;
	pm_tv_set(a, ctx, "similar", l);
	pm_tv_setb(a, ctx, "has_similar", l->nitems > 0);
	l = same(s, r, a, FACET_SERVICE);
	links += l->nitems;
	pm_tv_set(a, ctx, "same_service", l);
	l = same(s, r, a, FACET_FACTOR);
	links += l->nitems;
	pm_tv_set(a, ctx, "same_factor", l);
	pm_tv_setb(a, ctx, "has_links", links > 0);

	pm_buf_printf(&path, "r/%s.html", r->slug);
	rc = site_emit(s, s->t_report, ctx, path.ptr);
out:
	pm_buf_release(&raw);
	pm_buf_release(&body);
	pm_buf_release(&x);
	pm_buf_release(&path);
	return rc;
}
