/*
 * The Atom feed (atom.xml): the 50 reports most recently updated,
 * where an entry's updated time is 'distributed' (else 'ended', else
 * 'started') and never the build time, so two builds of one commit
 * give the same feed.  Links are absolute with a base URL, else
 * relative to the feed.  Ids are the absolute URL, or a tag: URI.
 * Atom wants RFC 3339 date-times: a day ('started: 2022-10-22') is
 * written as 00:00:00Z of that day, the usual reading of a bare date.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/time.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site.h"
#include "site/site_int.h"

#define	FEED_MAX	50

struct	ent {
	const struct rep	*r;
	int64_t			 updated;
};

static int
cmp_ent(const void *x, const void *y)
{
	const struct ent *p = x, *q = y;
	int c;

	if (p->updated != q->updated)
		return p->updated > q->updated ? -1 : 1;
	if ((c = strcmp(p->r->doc->meta.id, q->r->doc->meta.id)) != 0)
		return c;
	return strcmp(p->r->doc->path, q->r->doc->path);
}

static int64_t
updated(const struct rep *r)
{
	const struct pm_meta *m = &r->doc->meta;

	if (m->distributed.ok)
		return m->distributed.t;
	if (m->ended.ok)
		return m->ended.t;
	return m->started.ok ? m->started.t : 0;
}

/* The URL of a site path: base + path, or the path itself. */
static void
url(struct pm_buf *out, const struct site *s, const char *path)
{
	const char	*base = s->o->base_url;

	pm_buf_truncate(out, 0);
	if (base != NULL && *base != '\0')
		pm_buf_printf(out, "%s%s", base,
		    base[strlen(base) - 1] == '/' ? "" : "/");
	pm_buf_puts(out, path);
}

int
site_feed(const struct site *s)
{
	struct pm_buf	 b = PM_BUF_INIT, u = PM_BUF_INIT, t = PM_BUF_INIT;
	struct pm_html	 h;
	struct ent	*v;
	char		 ts[32];
	size_t		 i, j, n;
	int		 rc, hasbase = s->o->base_url && *s->o->base_url;
	const struct pm_meta *m;

	v = pm_xcalloc(s->nreps + 1, sizeof(*v));
	for (i = 0; i < s->nreps; i++) {
		v[i].r = &s->reps[i];
		v[i].updated = updated(&s->reps[i]);
	}
	if (s->nreps > 1)
		qsort(v, s->nreps, sizeof(*v), cmp_ent);
	n = s->nreps < FEED_MAX ? s->nreps : FEED_MAX;

	pm_html_init(&h, &b);
	pm_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
	pm_html_open(&h, "feed", "xmlns", "http://www.w3.org/2005/Atom",
	    NULL);
	pm_html_nl(&h);
	pm_html_elem(&h, "title", s->title, NULL);
	pm_html_nl(&h);
	url(&u, s, "atom.xml");
	pm_html_elem(&h, "id", hasbase ? u.ptr :
	    "tag:postmortem.invalid,2025:feed", NULL);
	pm_html_void(&h, "link", "rel", "self", "href", u.ptr, NULL);
	url(&u, s, "index.html");
	pm_html_void(&h, "link", "rel", "alternate", "type", "text/html",
	    "href", u.ptr, NULL);
	pm_html_nl(&h);
	pm_time_format(ts, n > 0 ? v[0].updated : 0);
	pm_html_elem(&h, "updated", ts, NULL);
	pm_html_open(&h, "author", NULL);
	pm_html_elem(&h, "name", s->title, NULL);
	pm_html_close(&h);
	pm_html_elem(&h, "generator", "postmortem", NULL);
	pm_html_nl(&h);
	for (i = 0; i < n; i++) {
		m = &v[i].r->doc->meta;
		pm_html_open(&h, "entry", NULL);
		pm_html_nl(&h);
		pm_html_elem(&h, "title", m->title.s ? m->title.s : m->id,
		    NULL);
		url(&u, s, v[i].r->href);
		if (hasbase)
			pm_html_elem(&h, "id", u.ptr, NULL);
		else {
			pm_buf_truncate(&t, 0);
			pm_buf_printf(&t, "tag:postmortem.invalid,2025:%s",
			    v[i].r->href);
			pm_html_elem(&h, "id", t.ptr, NULL);
		}
		pm_html_void(&h, "link", "rel", "alternate", "type",
		    "text/html", "href", u.ptr, NULL);
		pm_time_format(ts, v[i].updated);
		pm_html_elem(&h, "updated", ts, NULL);
		if (m->started.ok) {
			pm_time_format(ts, m->started.t);
			pm_html_elem(&h, "published", ts, NULL);
		}
		for (j = 0; j < m->authors.n; j++) {
			if (m->authors.v[j].s == NULL)
				continue;
			pm_html_open(&h, "author", NULL);
			pm_html_elem(&h, "name", m->authors.v[j].s, NULL);
			pm_html_close(&h);
		}
		pm_buf_truncate(&t, 0);
		pm_buf_printf(&t, "Severity %s", m->severity_raw.s ?
		    m->severity_raw.s : "unknown");
		for (j = 0; j < m->services.n; j++)
			pm_buf_printf(&t, "%s%s", j ? ", " : "; services: ",
			    m->services.v[j].s ? m->services.v[j].s : "");
		if (v[i].r->nerr > 0)
			pm_buf_printf(&t, "; %zu lint error%s", v[i].r->nerr,
			    v[i].r->nerr == 1 ? "" : "s");
		pm_buf_puts(&t, ".");
		pm_html_elem(&h, "summary", t.ptr, NULL);
		pm_html_nl(&h);
		pm_html_close(&h);
		pm_html_nl(&h);
	}
	pm_html_close(&h);
	pm_html_nl(&h);
	rc = site_put(s, "atom.xml", &b);
	free(v);
	pm_buf_release(&b);
	pm_buf_release(&u);
	pm_buf_release(&t);
	return rc;
}
