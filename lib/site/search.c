/*
 * The client-side search: search.json (for servers) and the same data
 * as search-data.js (a script sets window.PM_SEARCH, because browsers
 * refuse fetch() of file:// URLs), and the search page.  The theme's
 * search.js reads either and filters as you type.
 */
#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/time.h"
#include "doc/doc.h"
#include "site/site_int.h"
#include "site/tmpl.h"

static void
list(struct pm_json *j, const char *key, const struct pm_list *l)
{
	size_t	 i;

	pm_json_key(j, key);
	pm_json_arr_begin(j);
	for (i = 0; i < l->n; i++)
		if (l->v[i].s != NULL)
			pm_json_str(j, l->v[i].s);
	pm_json_arr_end(j);
}

/*
 * '<', '>' and '&' only occur inside JSON strings here: write them as
 * \u escapes, so the index never holds markup even as data.
 */
static void
safe_json(struct pm_buf *b)
{
	struct pm_buf	 t = PM_BUF_INIT;
	size_t		 i;

	for (i = 0; i < b->len; i++)
		switch (b->ptr[i]) {
		case '<':
			pm_buf_puts(&t, "\\u003c");
			break;
		case '>':
			pm_buf_puts(&t, "\\u003e");
			break;
		case '&':
			pm_buf_puts(&t, "\\u0026");
			break;
		default:
			pm_buf_putc(&t, b->ptr[i]);
		}
	pm_buf_release(b);
	*b = t;
}

int
site_search(const struct site *s, struct pm_arena *a)
{
	struct pm_buf	 b = PM_BUF_INIT, js = PM_BUF_INIT;
	struct pm_json	 j;
	const struct pm_meta *m;
	size_t		 i;
	int		 rc;

	pm_json_init(&j, &b, 0);
	pm_json_arr_begin(&j);
	for (i = 0; i < s->nreps; i++) {
		m = &s->reps[i].doc->meta;
		pm_json_obj_begin(&j);
		pm_json_kstr(&j, "id", m->id);
		pm_json_kstr(&j, "t", m->title.s ? m->title.s : m->id);
		pm_json_kstr(&j, "u", s->reps[i].href);
		pm_json_kstr(&j, "s", site_sev_label(s->reps[i].sev));
		if (s->reps[i].has_start) {
			char	 d[32];

			pm_time_format(d, s->reps[i].started);
			d[10] = '\0';
			pm_json_kstr(&j, "d", d);
		}
		list(&j, "v", &m->services);
		list(&j, "g", &m->tags);
		list(&j, "a", &m->authors);
		pm_json_obj_end(&j);
	}
	pm_json_arr_end(&j);
	pm_buf_putc(&b, '\n');
	safe_json(&b);
	if ((rc = site_put(s, "search.json", &b)) == -1)
		goto out;
	pm_buf_puts(&js, "window.PM_SEARCH = ");
	pm_buf_put(&js, b.ptr, b.len - 1);
	pm_buf_puts(&js, ";\n");
	if ((rc = site_put(s, "search-data.js", &js)) == -1)
		goto out;
	rc = site_emit(s, s->t_search, site_page(s, a, "", "Search",
	    "search"), "search.html");
out:
	pm_buf_release(&b);
	pm_buf_release(&js);
	return rc;
}
