/*
 * sitemap.xml: every page, with absolute URLs.  The sitemap protocol
 * wants absolute locations, so without a base URL (--base-url or
 * base_url in .postmortem.yaml) no sitemap is written and the command
 * says so.  A report's lastmod is its updated date (as in the feed).
 */
#include <string.h>

#include "base/buf.h"
#include "base/time.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site.h"
#include "site/site_int.h"

static void
loc(struct pm_html *h, const struct site *s, const char *path,
    int64_t lastmod)
{
	struct pm_buf	 u = PM_BUF_INIT;
	const char	*base = s->o->base_url;
	char		 d[16];

	pm_buf_printf(&u, "%s%s%s", base,
	    base[strlen(base) - 1] == '/' ? "" : "/", path);
	pm_html_open(h, "url", NULL);
	pm_html_elem(h, "loc", u.ptr, NULL);
	if (lastmod > 0) {
		pm_date_format(d, lastmod / PM_DAY);
		pm_html_elem(h, "lastmod", d, NULL);
	}
	pm_html_close(h);
	pm_html_nl(h);
	pm_buf_release(&u);
}

int
site_sitemap(const struct site *s, int *written)
{
	struct pm_buf	 b = PM_BUF_INIT, p = PM_BUF_INIT;
	struct pm_html	 h;
	const struct pm_meta *m;
	size_t		 i, k;
	int		 rc;

	*written = 0;
	if (s->o->base_url == NULL || *s->o->base_url == '\0')
		return 0;
	pm_html_init(&h, &b);
	pm_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
	pm_html_open(&h, "urlset", "xmlns",
	    "http://www.sitemaps.org/schemas/sitemap/0.9", NULL);
	pm_html_nl(&h);
	loc(&h, s, "index.html", 0);
	loc(&h, s, "trends.html", 0);
	for (i = 0; i < s->nyears; i++) {
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "year/%d.html", s->years[i]);
		loc(&h, s, p.ptr, 0);
	}
	for (i = 0; i < s->nreps; i++) {
		m = &s->reps[i].doc->meta;
		loc(&h, s, s->reps[i].href, m->distributed.ok ?
		    m->distributed.t : m->ended.ok ? m->ended.t : 0);
	}
	for (k = 0; k < FACET__MAX; k++) {
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "%s/index.html", s->facets[k].dir);
		loc(&h, s, p.ptr, 0);
		for (i = 0; i < s->facets[k].n; i++)
			loc(&h, s, s->facets[k].v[i].href, 0);
	}
	pm_html_close(&h);
	pm_html_nl(&h);
	rc = site_put(s, "sitemap.xml", &b);
	*written = rc == 0;
	pm_buf_release(&b);
	pm_buf_release(&p);
	return rc;
}
