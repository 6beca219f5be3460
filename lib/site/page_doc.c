/*
 * One page per report: the rendered body (cmark-gfm's safe renderer
 * with tagfilter, via pm_doc_render_html), [[id]] cross-references
 * rewritten into links, the front matter as a fact box (every value
 * escaped by the template engine, unknown fields included), the
 * report's lint findings, and links to related, referencing,
 * same-service and same-factor reports.
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/time.h"
#include "base/yamlx.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site_int.h"
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

void
page_doc_xrefs(const struct site *s, const char *html, size_t len,
    const char *root, struct pm_buf *out)
{
	const char	*p = html, *end = html + len, *e, *name;
	int		 skip = 0, closing;
	size_t		 nl;

	while (p < end) {
		if (*p != '<') {
			e = memchr(p, '<', (size_t)(end - p));
			if (e == NULL)
				e = end;
			if (skip > 0)
				pm_buf_put(out, p, (size_t)(e - p));
			else
				xref_text(s, p, (size_t)(e - p), root, out);
			p = e;
			continue;
		}
		e = memchr(p, '>', (size_t)(end - p));
		e = e == NULL ? end : e + 1;
		name = p + 1;
		closing = *name == '/';
		if (closing)
			name++;
		nl = (size_t)(e - name);
		/* Text inside code, pre and links is left alone. */
		if (tag_is(name, nl, "code") || tag_is(name, nl, "pre") ||
		    tag_is(name, nl, "a"))
			skip += closing ? -1 : 1;
		if (skip < 0)
			skip = 0;
		pm_buf_put(out, p, (size_t)(e - p));
		p = e;
	}
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
		pm_time_format(b, v->t);
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
	if (m->started.ok && m->detected.ok) {
		site_duration(&b, m->detected.t - m->started.t);
		fact(a, facts, "time to detect", b.ptr);
	}
	if (m->started.ok && m->ended.ok) {
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
	n = k == FACET_SERVICE ? d->meta.services.n : d->nfactors;
	for (i = 0; i < n && nseen < 64; i++) {
		name = k == FACET_SERVICE ? d->meta.services.v[i].s :
		    d->factors[i].category;
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

static int
render_body(const struct site *s, const struct pm_doc *d,
    struct pm_buf *out)
{
	struct pm_doc	*tmp;
	int		 rc;

	if (d->tree != NULL)
		return pm_doc_render_html(d, out);
	/* Parsed without the tree (memory): parse again, render, free. */
	if (pm_doc_parse(&tmp, d->path, d->text, d->textsz, s->cfg,
	    PM_PARSE_KEEP_TREE | PM_PARSE_FORCE) != 0)
		return -1;
	rc = pm_doc_render_html(tmp, out);
	pm_doc_free(tmp);
	return rc;
}

int
page_doc(const struct site *s, size_t i, struct pm_arena *a)
{
	const struct rep	*r = &s->reps[i];
	const struct pm_doc	*d = r->doc;
	struct pm_buf		 body = PM_BUF_INIT, x = PM_BUF_INIT,
				 path = PM_BUF_INIT;
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
	if (render_body(s, d, &body) == -1) {
		pm_error_set("cannot render '%s': %s", d->path,
		    pm_error_get());
		goto out;
	}
	page_doc_xrefs(s, pm_buf_cstr(&body), body.len, "../", &x);
	pm_tv_set(a, ctx, "body", pm_tv_strn(a, pm_buf_cstr(&x), x.len));
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
	pm_buf_release(&body);
	pm_buf_release(&x);
	pm_buf_release(&path);
	return rc;
}
