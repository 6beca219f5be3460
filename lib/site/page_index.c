/*
 * List pages: the index of every report (newest first), one page per
 * year and per severity (the filters that work without a server or
 * JavaScript), the list of every service, tag, factor category, author
 * and owner, and one page per value.  Rows are built once (site.c).
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/time.h"
#include "doc/doc.h"
#include "site/site.h"
#include "site/site_int.h"
#include "site/tmpl.h"

/* The filter navigation shared by list pages. */
static void
filters(const struct site *s, struct pm_arena *a, struct pm_tv *ctx,
    int year, int sev)
{
	struct pm_tv	*l, *it;
	size_t		 i, k;
	int		 seen[5] = { 0 };

	pm_tv_setb(a, ctx, "filters", 1);
	l = pm_tv_list(a);
	for (i = 0; i < s->nyears; i++) {
		it = pm_tv_push_map(a, l);
		pm_tv_setf(a, it, "label", "%d", s->years[i]);
		pm_tv_setf(a, it, "href", "year/%d.html", s->years[i]);
		pm_tv_setb(a, it, "current", s->years[i] == year);
	}
	pm_tv_set(a, ctx, "years", l);
	for (i = 0; i < s->nreps; i++)
		if (s->reps[i].sev >= 0 && s->reps[i].sev <= 4)
			seen[s->reps[i].sev] = 1;
	l = pm_tv_list(a);
	for (k = 0; k < 5; k++) {
		if (!seen[k])
			continue;
		it = pm_tv_push_map(a, l);
		pm_tv_sets(a, it, "label", site_sev_label((int)k));
		pm_tv_setf(a, it, "href", "severity/p%zu.html", k);
		pm_tv_setb(a, it, "current", (int)k == sev);
		pm_tv_setf(a, it, "class", "sev-P%zu", k);
	}
	pm_tv_set(a, ctx, "severities", l);
	l = pm_tv_list(a);
	for (k = 0; k < FACET__MAX; k++) {
		it = pm_tv_push_map(a, l);
		pm_tv_sets(a, it, "label", s->facets[k].title);
		pm_tv_setf(a, it, "href", "%s/index.html", s->facets[k].dir);
		pm_tv_setf(a, it, "count", "%zu", s->facets[k].n);
	}
	pm_tv_set(a, ctx, "facet_lists", l);
}

static struct pm_tv *
rows(const struct site *s, struct pm_arena *a, const size_t *idx, size_t n)
{
	struct pm_tv	*l;
	size_t		 i;

	l = pm_tv_list(a);
	for (i = 0; i < n; i++)
		pm_tv_push(a, l, s->reps[idx ? idx[i] : i].row);
	return l;
}

static void
count(struct pm_arena *a, struct pm_tv *ctx, size_t n)
{
	pm_tv_setf(a, ctx, "count", "%zu report%s", n, n == 1 ? "" : "s");
}

int
page_index(const struct site *s, struct pm_arena *a)
{
	struct pm_tv	*ctx;

	ctx = site_page(s, a, "", "All post-mortems", "index");
	pm_tv_setb(a, ctx, "is_index", 1);
	filters(s, a, ctx, -1, -1);
	pm_tv_set(a, ctx, "rows", rows(s, a, NULL, s->nreps));
	count(a, ctx, s->nreps);
	return site_emit(s, s->t_list, ctx, "index.html");
}

int
page_year(const struct site *s, size_t yi, struct pm_arena *a)
{
	struct pm_tv	*ctx, *l;
	struct pm_buf	 p = PM_BUF_INIT;
	int64_t		 y;
	unsigned	 m, d;
	size_t		 i;
	int		 year = s->years[yi], rc;

	pm_buf_printf(&p, "Post-mortems of %d", year);
	ctx = site_page(s, a, "../", p.ptr, "index");
	filters(s, a, ctx, year, -1);
	l = pm_tv_list(a);
	for (i = 0; i < s->nreps; i++) {
		if (!s->reps[i].has_start)
			continue;
		pm_civil_from_days(s->reps[i].started / PM_DAY -
		    (s->reps[i].started % PM_DAY < 0), &y, &m, &d);
		if (y == year)
			pm_tv_push(a, l, s->reps[i].row);
	}
	pm_tv_set(a, ctx, "rows", l);
	count(a, ctx, l->nitems);
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "year/%d.html", year);
	rc = site_emit(s, s->t_list, ctx, p.ptr);
	pm_buf_release(&p);
	return rc;
}

int
page_severity(const struct site *s, int sev, struct pm_arena *a)
{
	struct pm_tv	*ctx, *l;
	struct pm_buf	 p = PM_BUF_INIT;
	size_t		 i;
	int		 rc;

	pm_buf_printf(&p, "Severity %s post-mortems", site_sev_label(sev));
	ctx = site_page(s, a, "../", p.ptr, "index");
	filters(s, a, ctx, -1, sev);
	l = pm_tv_list(a);
	for (i = 0; i < s->nreps; i++)
		if (s->reps[i].sev == sev)
			pm_tv_push(a, l, s->reps[i].row);
	pm_tv_set(a, ctx, "rows", l);
	count(a, ctx, l->nitems);
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "severity/p%d.html", sev);
	rc = site_emit(s, s->t_list, ctx, p.ptr);
	pm_buf_release(&p);
	return rc;
}

int
page_facets(const struct site *s, enum facet_kind k, struct pm_arena *a)
{
	const struct facet	*f = &s->facets[k];
	struct pm_tv		*ctx, *l, *it;
	struct pm_buf		 p = PM_BUF_INIT;
	size_t			 i;
	int			 rc;

	ctx = site_page(s, a, "../", f->title, f->dir);
	l = pm_tv_list(a);
	for (i = 0; i < f->n; i++) {
		it = pm_tv_push_map(a, l);
		pm_tv_sets(a, it, "name", f->v[i].name);
		/* Relative to this page, which is inside the facet's dir. */
		pm_tv_setf(a, it, "href", "%s.html", f->v[i].slug);
		pm_tv_setf(a, it, "count", "%zu", f->v[i].n);
	}
	pm_tv_set(a, ctx, "values", l);
	pm_tv_setf(a, ctx, "count", "%zu", f->n);
	pm_buf_printf(&p, "%s/index.html", f->dir);
	rc = site_emit(s, s->t_facets, ctx, p.ptr);
	pm_buf_release(&p);
	return rc;
}

/* An owner's action items, open ones first, then by deadline. */
static struct pm_tv *
owner_items(const struct site *s, const struct fval *fv, struct pm_arena *a)
{
	const struct pm_doc	*d;
	const struct pm_action	*ac;
	struct pm_tv		*l, *it;
	char			 date[16];
	size_t			 i, j;
	int			 open;

	l = pm_tv_list(a);
	for (i = 0; i < fv->n; i++) {
		d = s->reps[fv->reps[i]].doc;
		for (j = 0; j < d->nactions; j++) {
			ac = &d->actions[j];
			if (s->reps[fv->reps[i]].aowner[j] != fv)
				continue;
			it = pm_tv_push_map(a, l);
			pm_tv_set(a, it, "report", s->reps[fv->reps[i]].row);
			pm_tv_sets(a, it, "action_id", ac->id);
			pm_tv_sets(a, it, "action", ac->text);
			if (ac->deadline_ok) {
				pm_date_format(date, ac->deadline);
				pm_tv_sets(a, it, "deadline", date);
			} else if (ac->deadline_raw != NULL)
				pm_tv_sets(a, it, "deadline", ac->deadline_raw);
			else
				pm_tv_sets(a, it, "deadline", "");
			open = site_action_open(ac->status);
			pm_tv_sets(a, it, "status", ac->status_raw ?
			    ac->status_raw : open ? "open" : "done");
			pm_tv_setb(a, it, "overdue", open && ac->deadline_ok &&
			    ac->deadline < s->o->today);
			pm_tv_sets(a, it, "ticket", ac->ticket);
		}
	}
	return l;
}

int
page_fval(const struct site *s, enum facet_kind k, size_t vi,
    struct pm_arena *a)
{
	const struct facet	*f = &s->facets[k];
	const struct fval	*fv = &f->v[vi];
	struct pm_tv		*ctx;
	struct pm_buf		 p = PM_BUF_INIT;
	int			 rc;

	pm_buf_printf(&p, "%s: %s", f->one, fv->name);
	ctx = site_page(s, a, "../", p.ptr, f->dir);
	pm_tv_sets(a, ctx, "facet_title", f->title);
	pm_tv_setf(a, ctx, "facet_href", "%s/index.html", f->dir);
	pm_tv_set(a, ctx, "rows", rows(s, a, fv->reps, fv->n));
	count(a, ctx, fv->n);
	if (k == FACET_OWNER) {
		struct pm_tv *items = owner_items(s, fv, a);

		pm_tv_set(a, ctx, "items", items);
		pm_tv_setb(a, ctx, "has_items", items->nitems > 0);
	}
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "%s/%s.html", f->dir, fv->slug);
	rc = site_emit(s, s->t_list, ctx, p.ptr);
	pm_buf_release(&p);
	return rc;
}
