/*
 * Attachments and links between reports (see site_int.h).
 *
 * What a report may publish is decided here, once, before the pages
 * render: a file link is resolved by pm_linkpath() (which refuses a
 * path that leaves the repository or enters .git/, after decoding),
 * then looked up in the tree of the commit being built.  Only a
 * regular file of that tree (mode 100644 or 100755; never a symbolic
 * link, a submodule or a folder) that the configuration does not
 * exclude is copied, and its bytes come from its blob in the object
 * database: no path of a link is ever opened on the file system.  The
 * copy is named after the blob, files/<its 40 hex digits>-<name>, so
 * two links to one file share one copy and a rebuild keeps the name.
 *
 * The pages only point at what this table holds: a link that names
 * anything else loses its target.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/linkpath.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site.h"
#include "site/site_int.h"
#include "site/write.h"
#include "source/config.h"
#include "source/repo.h"

#define	ATT_MAX		(50u << 20)	/* bytes of one attachment */

/* ---- lookups ---- */

static int
cmp_att(const void *a, const void *b)
{
	return strcmp(((const struct att *)a)->path,
	    ((const struct att *)b)->path);
}

static int
cmp_pathrep(const void *a, const void *b)
{
	return strcmp(((const struct pathrep *)a)->path,
	    ((const struct pathrep *)b)->path);
}

static const struct rep *
report_exact(const struct site *s, const char *path)
{
	struct pathrep		 key;
	const struct pathrep	*p;

	if (s->bypath == NULL)
		return NULL;
	key.path = path;
	p = bsearch(&key, s->bypath, s->nreps, sizeof(*s->bypath),
	    cmp_pathrep);
	return p ? &s->reps[p->rep] : NULL;
}

/* The report whose file is path; "x.html" also finds x.html.md.erb
 * and x.md (sites built by Middleman link reports by output name). */
static const struct rep *
report_at(const struct site *s, const char *path)
{
	const struct rep	*r;
	struct pm_buf		 b = PM_BUF_INIT;
	size_t			 n = strlen(path);

	if ((r = report_exact(s, path)) != NULL)
		return r;
	if (n > 5 && strcmp(path + n - 5, ".html") == 0) {
		pm_buf_printf(&b, "%s.md.erb", path);
		if ((r = report_exact(s, b.ptr)) == NULL) {
			pm_buf_truncate(&b, 0);
			pm_buf_printf(&b, "%.*s.md", (int)(n - 5), path);
			r = report_exact(s, b.ptr);
		}
	}
	pm_buf_release(&b);
	return r;
}

static const struct att *
att_at(const struct site *s, const char *path)
{
	struct att	 key;

	if (s->natt == 0)
		return NULL;
	key.path = path;
	return bsearch(&key, s->att, s->natt, sizeof(*s->att), cmp_att);
}

/* A regular file of the tree that may be published. */
static int
publishable(const struct site *s, const struct pm_entry *e)
{
	return e != NULL && e->has_oid && (e->mode & 0170000u) == 0100000u &&
	    !pm_config_excluded(s->cfg, e->path) &&
	    !pm_linkpath_active(e->path);
}

/* ---- collecting and copying ---- */

static int
cmp_href(const void *a, const void *b)
{
	const struct att *x = *(struct att *const *)a;
	const struct att *y = *(struct att *const *)b;

	return strcmp(x->href, y->href);
}

/* Copy the blob of e to rel.  1 done, 0 not published, -1 failure. */
static int
copy_one(struct site *s, const struct pm_entry *e, const char *rel)
{
	char	*buf = NULL;
	size_t	 len = 0;
	int	 rc;

	rc = pm_source_read_max(s->o->src, s->o->src_kind, e, ATT_MAX, &buf,
	    &len);
	if (rc == 1) {
		site_note(s, "postmortem: note: '%s' is larger than %u MB; "
		    "not published\n", e->path, ATT_MAX >> 20);
		return 0;
	}
	if (rc == -1) {
		/* A shallow or partial clone may lack the blob. */
		site_note(s, "postmortem: note: not published: %s\n",
		    pm_error_get());
		return 0;
	}
	/* A Git LFS pointer is not the file: published, it would be a
	 * broken image. */
	if (len < 1024 && len > 40 && strncmp(buf,
	    "version https://git-lfs.github.com/spec/", 40) == 0) {
		site_note(s, "postmortem: note: '%s' is a Git LFS pointer, "
		    "not the file; not published\n", e->path);
		free(buf);
		return 0;
	}
	rc = pm_sitew_put(s->w, rel, buf, len) == -1 ? -1 : 1;
	free(buf);
	return rc;
}

/* A safe file name for base: the slug of its stem, '.', the slug of
 * its extension ("Error Rate (5xx).PNG" gives "error-rate-5xx.png"). */
static void
attach_name(struct pm_buf *out, const char *base)
{
	struct pm_buf	 stem = PM_BUF_INIT, ext = PM_BUF_INIT;
	const char	*dot = strrchr(base, '.');

	if (dot == NULL || dot == base || dot[1] == '\0') {
		pm_html_slug(out, base);
		return;
	}
	pm_buf_put(&stem, base, (size_t)(dot - base));
	pm_html_slug(out, pm_buf_cstr(&stem));
	pm_html_slug(&ext, dot + 1);
	pm_buf_putc(out, '.');
	pm_buf_put(out, ext.ptr, ext.len);
	pm_buf_release(&stem);
	pm_buf_release(&ext);
}

int
site_attach(struct site *s)
{
	const struct pm_entries	*tree = s->o->tree;
	const struct pm_doc	*d;
	const struct pm_entry	*e;
	struct pm_buf		 path = PM_BUF_INIT, name = PM_BUF_INIT;
	struct att		**byhref = NULL;
	size_t			 cap = 0, i, j, k, n;
	const char		*base;
	char			 hex[41];
	int			 rc = -1, w;

	s->bypath = pm_xcalloc(s->nreps + 1, sizeof(*s->bypath));
	for (i = 0; i < s->nreps; i++) {
		s->bypath[i].path = s->reps[i].doc->path;
		s->bypath[i].rep = i;
	}
	if (s->nreps > 1)
		qsort(s->bypath, s->nreps, sizeof(*s->bypath), cmp_pathrep);
	if (tree == NULL || s->o->src == NULL ||
	    s->o->src_kind == PM_SRC_WORKTREE)
		return 0;

	for (i = 0; i < s->nreps; i++) {
		d = s->reps[i].doc;
		for (j = 0; j < d->nurls; j++) {
			if (pm_linkpath(d->path, d->urls[j].url,
			    strlen(d->urls[j].url), &path, NULL) != PM_LP_OK ||
			    report_at(s, path.ptr) != NULL ||
			    !publishable(s, pm_entries_find(tree, path.ptr)))
				continue;
			s->att = pm_xgrow(s->att, &cap, s->natt + 1,
			    sizeof(*s->att));
			s->att[s->natt].path = pm_arena_strndup(&s->arena,
			    path.ptr, path.len);
			s->att[s->natt++].href = NULL;
		}
	}
	if (s->natt > 1)
		qsort(s->att, s->natt, sizeof(*s->att), cmp_att);
	for (i = 0, k = 0; i < s->natt; i++)
		if (k == 0 || strcmp(s->att[k - 1].path, s->att[i].path) != 0)
			s->att[k++] = s->att[i];
	s->natt = k;

	/* Names from the blob and the file name; equal names are one
	 * blob under one name, written once. */
	byhref = pm_xcalloc(s->natt + 1, sizeof(*byhref));
	for (i = 0; i < s->natt; i++) {
		e = pm_entries_find(tree, s->att[i].path);
		for (k = 0; k < 20; k++)
			snprintf(hex + 2 * k, 3, "%02x", e->oid[k]);
		base = strrchr(s->att[i].path, '/');
		base = base ? base + 1 : s->att[i].path;
		attach_name(&name, base);
		s->att[i].href = pm_arena_printf(&s->arena, "files/%s-%s",
		    hex, name.ptr);
		byhref[i] = &s->att[i];
	}
	if (s->natt > 1)
		qsort(byhref, s->natt, sizeof(*byhref), cmp_href);
	for (i = 0; i < s->natt; i = j) {
		for (j = i + 1; j < s->natt &&
		    strcmp(byhref[j]->href, byhref[i]->href) == 0; j++)
			continue;
		e = pm_entries_find(tree, byhref[i]->path);
		if ((w = copy_one(s, e, byhref[i]->href)) == -1)
			goto out;
		if (w == 0)
			for (n = i; n < j; n++)
				byhref[n]->href = NULL;
		else
			s->natt_written++;
	}
	rc = 0;
out:
	free(byhref);
	pm_buf_release(&path);
	pm_buf_release(&name);
	return rc;
}

void
site_attach_free(struct site *s)
{
	free(s->att);
	free(s->bypath);
	s->att = NULL;
	s->bypath = NULL;
	s->natt = 0;
}

/* ---- rewriting a rendered body ---- */

/* Decode the entities cmark-gfm writes in attribute values. */
static void
unent(struct pm_buf *out, const char *s, size_t n)
{
	static const struct { const char *e; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&#39;", '\'' }, { "&#x27;", '\'' },
	};
	size_t	 i, k, l;

	pm_buf_truncate(out, 0);
	for (i = 0; i < n; i++) {
		for (k = 0; s[i] == '&' &&
		    k < sizeof(ents) / sizeof(ents[0]); k++) {
			l = strlen(ents[k].e);
			if (n - i >= l && strncmp(s + i, ents[k].e, l) == 0)
				break;
		}
		if (s[i] == '&' && k < sizeof(ents) / sizeof(ents[0])) {
			pm_buf_putc(out, ents[k].c);
			i += strlen(ents[k].e) - 1;
		} else
			pm_buf_putc(out, s[i]);
	}
	pm_buf_grow(out, 0);
}

/* The value of attribute name (with its '="') in the tag [p, end), or
 * NULL; *n gets its length.  cmark-gfm always double-quotes. */
static const char *
attr(const char *p, const char *end, const char *name, size_t *n)
{
	size_t		 l = strlen(name);
	const char	*q, *v;

	for (q = p; q + l < end; q++) {
		if ((q = memchr(q, ' ', (size_t)(end - q))) == NULL)
			return NULL;
		if ((size_t)(end - q - 1) > l && strncmp(q + 1, name, l) == 0) {
			v = q + 1 + l;
			if ((q = memchr(v, '"', (size_t)(end - v))) == NULL)
				return NULL;
			*n = (size_t)(q - v);
			return v;
		}
	}
	return NULL;
}

enum	target {
	T_KEEP,			/* not a file link: leave it */
	T_URL,			/* point at the URL built */
	T_NONE,			/* a file link with no published target */
};

/* Where a file link of r at root goes now: url gets it (T_URL). */
static enum target
target(const struct site *s, const struct rep *r, const char *root,
    const char *v, size_t n, struct pm_buf *tmp, struct pm_buf *url)
{
	struct pm_buf		 path = PM_BUF_INIT, frag = PM_BUF_INIT;
	const struct rep	*t;
	const struct att	*a;
	enum target		 rc = T_NONE;

	unent(tmp, v, n);
	switch (pm_linkpath(r->doc->path, tmp->ptr, tmp->len, &path, &frag)) {
	case PM_LP_NONE:
		rc = T_KEEP;
		goto out;
	case PM_LP_OK:
		break;
	default:
		goto out;
	}
	pm_buf_truncate(url, 0);
	if ((t = report_at(s, path.ptr)) != NULL) {
		pm_buf_printf(url, "%s%s", root, t->href);
		rc = T_URL;
	} else if ((a = att_at(s, path.ptr)) != NULL && a->href != NULL) {
		pm_buf_printf(url, "%s%s", root, a->href);
		rc = T_URL;
	}
	if (rc == T_URL && memchr(tmp->ptr, '#', tmp->len) != NULL) {
		pm_buf_putc(url, '#');
		pm_buf_put(url, pm_buf_cstr(&frag), frag.len);
	}
out:
	pm_buf_release(&path);
	pm_buf_release(&frag);
	return rc;
}

/* ---- heading ids, as GitHub makes them ---- */

struct	slugs {
	char		**k;
	unsigned	*n;
	size_t		 cap, used;
};

static size_t
slot(const struct slugs *m, const char *k)
{
	uint64_t	 h = 1469598103934665603ULL;
	const char	*p;
	size_t		 i;

	for (p = k; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (i = h & (m->cap - 1); m->k[i] != NULL &&
	    strcmp(m->k[i], k) != 0; i = (i + 1) & (m->cap - 1))
		continue;
	return i;
}

/* The count kept for k, created (0) if absent. */
static unsigned *
slug_get(struct slugs *m, const char *k, int *created)
{
	char		**ok;
	unsigned	*on;
	size_t		 i, ocap, j;

	if ((m->used + 1) * 2 > m->cap) {
		ok = m->k;
		on = m->n;
		ocap = m->cap;
		m->cap = m->cap ? m->cap * 2 : 64;
		m->k = pm_xcalloc(m->cap, sizeof(*m->k));
		m->n = pm_xcalloc(m->cap, sizeof(*m->n));
		for (i = 0; i < ocap; i++)
			if (ok[i] != NULL) {
				j = slot(m, ok[i]);
				m->k[j] = ok[i];
				m->n[j] = on[i];
			}
		free(ok);
		free(on);
	}
	i = slot(m, k);
	*created = m->k[i] == NULL;
	if (*created) {
		m->k[i] = pm_xstrdup(k);
		m->n[i] = 0;
		m->used++;
	}
	return &m->n[i];
}

static void
slugs_free(struct slugs *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		free(m->k[i]);
	free(m->k);
	free(m->n);
}

/*
 * github-slugger: lower-case, drop everything but letters, digits,
 * '-', '_' and spaces, spaces to '-'.  Bytes of other scripts are
 * kept, except the punctuation and symbol blocks U+00A0-U+00BF,
 * U+00D7, U+00F7, U+2000-U+2BFF, U+3000-U+303F and the emoji of
 * U+1F000-U+1FFFF; Latin-1 and Cyrillic capitals are lowered.  h is
 * the heading's HTML (tags dropped).
 */
static void
gh_slug(struct pm_buf *out, const char *h, size_t n, struct pm_buf *tmp)
{
	const unsigned char	*s;
	size_t			 i, len;
	int			 intag = 0;

	pm_buf_truncate(tmp, 0);
	for (i = 0; i < n; i++) {
		if (h[i] == '<')
			intag = 1;
		else if (h[i] == '>' && intag)
			intag = 0;
		else if (!intag)
			pm_buf_putc(tmp, h[i]);
	}
	{
		struct pm_buf	 t = PM_BUF_INIT;

		unent(&t, pm_buf_cstr(tmp), tmp->len);
		pm_buf_truncate(tmp, 0);
		pm_buf_put(tmp, pm_buf_cstr(&t), t.len);
		pm_buf_release(&t);
	}
	pm_buf_truncate(out, 0);
	s = (const unsigned char *)pm_buf_cstr(tmp);
	len = tmp->len;
	for (i = 0; i < len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			pm_buf_putc(out, s[i] - 'A' + 'a');
		else if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_')
			pm_buf_putc(out, s[i]);
		else if (s[i] == ' ')
			pm_buf_putc(out, '-');
		else if (i + 1 < len && ((s[i] == 0xc2 && s[i + 1] >= 0xa0) ||
		    (s[i] == 0xc3 && (s[i + 1] == 0x97 || s[i + 1] == 0xb7))))
			i++;
		else if (i + 1 < len && s[i] == 0xc3 && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9e) {
			pm_buf_putc(out, 0xc3);		/* À-Þ to à-þ */
			pm_buf_putc(out, s[++i] + 0x20);
		} else if (i + 1 < len && s[i] == 0xd0 && s[i + 1] >= 0x90 &&
		    s[i + 1] <= 0xaf) {
			/* А-Я to а-я: U+0410-042F to U+0430-044F */
			if (s[i + 1] <= 0x9f) {
				pm_buf_putc(out, 0xd0);
				pm_buf_putc(out, s[++i] + 0x20);
			} else {
				pm_buf_putc(out, 0xd1);
				pm_buf_putc(out, s[++i] - 0x20);
			}
		} else if (i + 2 < len && ((s[i] == 0xe2 && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0xaf) || (s[i] == 0xe3 && s[i + 1] == 0x80)))
			i += 2;
		else if (i + 3 < len && s[i] == 0xf0 && s[i + 1] == 0x9f)
			i += 3;
		else if (s[i] >= 0x80)
			pm_buf_putc(out, s[i]);
	}
	pm_buf_grow(out, 0);
}

/* The ids of the report page's own elements (themes/default). */
static const char *const reserved[] = { "main", "facts-h", "links-h",
    "lint-h", "similar-h" };

/* The id for a heading whose slug is in b, as github-slugger picks
 * it: a slug seen before gets -1, -2... (the first one free). */
static void
gh_unique(struct slugs *m, struct pm_buf *b)
{
	struct pm_buf	 c = PM_BUF_INIT;
	unsigned	 k;
	int		 created;

	(void)slug_get(m, pm_buf_cstr(b), &created);
	if (created)
		return;
	for (;;) {
		k = ++*slug_get(m, pm_buf_cstr(b), &created);
		pm_buf_truncate(&c, 0);
		pm_buf_printf(&c, "%s-%u", pm_buf_cstr(b), k);
		(void)slug_get(m, c.ptr, &created);
		if (created)
			break;
	}
	pm_buf_truncate(b, 0);
	pm_buf_put(b, c.ptr, c.len);
	pm_buf_release(&c);
}

void
site_body_links(const struct site *s, const struct rep *r, const char *html,
    size_t len, const char *root, struct pm_buf *out)
{
	struct pm_buf	 tmp = PM_BUF_INIT, url = PM_BUF_INIT,
			 slug = PM_BUF_INIT, t2 = PM_BUF_INIT;
	struct slugs	 m;
	const char	*end = html + len, *p = html, *lt, *gt, *v, *alt, *c;
	size_t		 n, an, i;
	int		 created, lvl;
	char		 close[6];

	memset(&m, 0, sizeof(m));
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		(void)slug_get(&m, reserved[i], &created);
	while ((lt = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((gt = memchr(lt, '>', (size_t)(end - lt))) == NULL)
			break;
		gt++;
		pm_buf_put(out, p, (size_t)(lt - p));
		p = gt;
		n = (size_t)(gt - lt);
		if (n > 9 && strncmp(lt, "<a href=\"", 9) == 0 &&
		    (v = attr(lt, gt, "href=\"", &an)) != NULL) {
			switch (target(s, r, root, v, an, &tmp, &url)) {
			case T_KEEP:
				pm_buf_put(out, lt, n);
				break;
			case T_URL:
				pm_buf_puts(out, "<a href=\"");
				pm_html_esc_href(out, url.ptr, url.len);
				pm_buf_put(out, v + an, (size_t)(gt - v - an));
				break;
			case T_NONE:
				pm_buf_puts(out, "<a class=\"link-missing\" "
				    "title=\"not in the archive\">");
				break;
			}
			continue;
		}
		if (n > 10 && strncmp(lt, "<img src=\"", 10) == 0 &&
		    (v = attr(lt, gt, "src=\"", &an)) != NULL) {
			switch (target(s, r, root, v, an, &tmp, &url)) {
			case T_KEEP:
				pm_buf_put(out, lt, n);
				break;
			case T_URL:
				pm_buf_puts(out, "<img src=\"");
				pm_html_esc_href(out, url.ptr, url.len);
				pm_buf_put(out, v + an, (size_t)(gt - v - an));
				break;
			case T_NONE:
				/* No src: the alt text, already escaped. */
				pm_buf_puts(out, "<span class=\"img-missing\" "
				    "title=\"image not in the archive\">");
				if ((alt = attr(v + an, gt, "alt=\"", &an)) !=
				    NULL)
					pm_buf_put(out, alt, an);
				pm_buf_puts(out, "</span>");
				break;
			}
			continue;
		}
		if (n == 4 && lt[1] == 'h' && lt[2] >= '1' && lt[2] <= '6') {
			lvl = lt[2] - '0';
			snprintf(close, sizeof(close), "</h%d>", lvl);
			for (c = gt; c < end && (c = memchr(c, '<',
			    (size_t)(end - c))) != NULL; c++)
				if ((size_t)(end - c) >= 5 &&
				    strncmp(c, close, 5) == 0)
					break;
			gh_slug(&slug, gt, (size_t)((c ? c : end) - gt), &t2);
			if (slug.len == 0) {
				pm_buf_put(out, lt, n);
				continue;
			}
			gh_unique(&m, &slug);
			pm_buf_printf(out, "<h%d id=\"", lvl);
			pm_html_esc_attr(out, slug.ptr, slug.len);
			pm_buf_puts(out, "\">");
			continue;
		}
		pm_buf_put(out, lt, n);
	}
	pm_buf_put(out, p, (size_t)(end - p));
	slugs_free(&m);
	pm_buf_release(&tmp);
	pm_buf_release(&url);
	pm_buf_release(&slug);
	pm_buf_release(&t2);
}
