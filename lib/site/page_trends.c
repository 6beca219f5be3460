/*
 * The trend page for leadership: incidents per month by severity, time
 * to detect and to resolve per quarter (median and p90, nearest-rank),
 * recurring problems (a service with the same contributing-factor
 * category twice or more within 180 days is a cluster; the categories
 * of a report are its factors' and its field 'category', see
 * site_cat), action items
 * per month (by the month the report ended: done, open, overdue on
 * --today), overdue items by owner, and checklist health per quarter
 * (distributed within the configured hours; follow-up review set).
 * Each chart is inline SVG with its numbers in a table (svg.c).
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/time.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site.h"
#include "site/site_int.h"
#include "site/svg.h"
#include "site/tmpl.h"
#include "source/config.h"

#define	CLUSTER_DAYS	180
#define	OWNERS_MAX	20

static int64_t
day_of(int64_t t)
{
	return t / PM_DAY - (t % PM_DAY < 0);
}

/* Month index (year * 12 + month - 1) of an instant. */
static int
month_of(int64_t t)
{
	int64_t		 y;
	unsigned	 m, d;

	pm_civil_from_days(day_of(t), &y, &m, &d);
	return (int)(y * 12 + (int64_t)m - 1);
}

struct	axis {
	int		 first, n;	/* month or quarter indexes */
	char		**labels;
};

static void
axis_make(struct axis *ax, struct pm_arena *a, int first, int last,
    int quarters)
{
	int	 i, v;

	ax->first = first;
	ax->n = last >= first ? last - first + 1 : 0;
	ax->labels = pm_arena_alloc(a, (size_t)(ax->n + 1) * sizeof(char *));
	for (i = 0; i < ax->n; i++) {
		v = first + i;
		ax->labels[i] = quarters ?
		    pm_arena_printf(a, "%d-Q%d", v / 4, v % 4 + 1) :
		    pm_arena_printf(a, "%d-%02d", v / 12, v % 12 + 1);
	}
}

/*
 * Above MONTHS_MAX months a per-month chart draws one bar per quarter,
 * summed (its table keeps the months): 60 monthly bars do not fit at a
 * readable size.
 */
#define	MONTHS_MAX	36

static void
by_quarter(struct pm_arena *a, struct pm_chart *c, int mfirst)
{
	struct axis	 qa;
	double		*bv, val;
	size_t		 i, s, q, ns = c->nseries;

	if (c->nx <= MONTHS_MAX)
		return;
	axis_make(&qa, a, mfirst / 3, (mfirst + (int)c->nx - 1) / 3, 1);
	bv = pm_arena_alloc(a, ((size_t)qa.n * ns + 1) * sizeof(double));
	for (i = 0; i < c->nx; i++) {
		q = (size_t)((mfirst + (int)i) / 3 - qa.first);
		for (s = 0; s < ns; s++)
			if ((val = c->v[i * ns + s]) > 0)
				bv[q * ns + s] += val;
	}
	c->nbars = (size_t)qa.n;
	c->barlabels = (const char *const *)qa.labels;
	c->barv = bv;
}

static void
emit_chart(struct pm_arena *a, struct pm_tv *ctx, const char *key,
    const struct pm_chart *c)
{
	struct pm_buf	 b = PM_BUF_INIT;
	struct pm_html	 h;

	pm_html_init(&h, &b);
	pm_svg_chart(&h, c);
	pm_tv_set(a, ctx, key, pm_tv_strn(a, pm_buf_cstr(&b), b.len));
	pm_buf_release(&b);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile p (0..100) of n sorted values. */
static double
pctl(const double *v, size_t n, int p)
{
	size_t	 k;

	if (n == 0)
		return -1;
	k = (n * (size_t)p + 99) / 100;
	if (k < 1)
		k = 1;
	return v[k - 1];
}

static void
chart_months(const struct site *s, struct pm_arena *a, struct pm_tv *ctx,
    int mfirst, int mlast)
{
	static const char *const names[] = { "P0", "P1", "P2", "P3", "P4",
	    "unknown" };
	struct pm_chart	 c;
	struct axis	 ax;
	double		*v;
	size_t		 i, ns = 5;
	int		 m, sev;

	for (i = 0; i < s->nreps; i++)
		if (s->reps[i].has_start && (s->reps[i].sev < 0 ||
		    s->reps[i].sev > 4))
			ns = 6;
	axis_make(&ax, a, mfirst, mlast, 0);
	v = pm_arena_alloc(a, ((size_t)ax.n * ns + 1) * sizeof(double));
	for (i = 0; i < s->nreps; i++) {
		if (!s->reps[i].has_start)
			continue;
		m = month_of(s->reps[i].started) - mfirst;
		sev = s->reps[i].sev;
		if (sev < 0 || sev > 4)
			sev = 5;
		v[(size_t)m * ns + (size_t)sev] += 1;
	}
	memset(&c, 0, sizeof(c));
	c.id = "per-month";
	c.title = "Incidents per month by severity";
	c.xname = "Month";
	c.unit = "incidents";
	c.nx = (size_t)ax.n;
	c.xlabels = (const char *const *)ax.labels;
	c.nseries = ns;
	c.snames = names;
	c.v = v;
	c.stacked = 1;
	c.total = 1;
	c.empty = "No report has a start of impact yet.";
	by_quarter(a, &c, mfirst);
	c.desc = c.barv != NULL ? "Stacked bars: one bar per quarter of the "
	    "start of impact (the table lists each month), one colour per "
	    "severity." : "Stacked bars: one bar per month of the start of "
	    "impact, one colour per severity.";
	emit_chart(a, ctx, "chart_month", &c);
}

/* Median and p90 per quarter of a duration (what: 0 detect, 1 resolve). */
static void
chart_times(const struct site *s, struct pm_arena *a, struct pm_tv *ctx,
    int qfirst, int qlast, int what)
{
	static const char *const names[] = { "median", "p90" };
	struct pm_chart	 c;
	struct axis	 ax;
	double		*v, *vals;
	size_t		 i, k, n, *start;
	int		 q, *qof;
	const struct pm_meta *m;
	double		 div = what ? 3600.0 : 60.0;

	axis_make(&ax, a, qfirst, qlast, 1);
	v = pm_arena_alloc(a, ((size_t)ax.n * 2 + 1) * sizeof(double));
	/* The values grouped by quarter in one pass (a counting sort),
	 * not one pass over every report per quarter. */
	vals = pm_xcalloc(s->nreps + 1, sizeof(double));
	qof = pm_xcalloc(s->nreps + 1, sizeof(int));
	start = pm_xcalloc((size_t)ax.n + 2, sizeof(size_t));
	for (i = 0; i < s->nreps; i++) {
		m = &s->reps[i].doc->meta;
		qof[i] = -1;
		if (!m->started.ok)
			continue;
		if (what == 0 && !(m->detected.ok &&
		    m->detected.t >= m->started.t))
			continue;
		if (what == 1 && !(m->ended.ok && m->ended.t >= m->started.t))
			continue;
		q = month_of(m->started.t) / 3 - qfirst;
		if (q < 0 || q >= ax.n)
			continue;
		qof[i] = q;
		start[q + 1]++;
	}
	for (q = 0; q < ax.n; q++)
		start[q + 1] += start[q];
	for (i = 0; i < s->nreps; i++) {
		if (qof[i] < 0)
			continue;
		m = &s->reps[i].doc->meta;
		vals[start[qof[i]]++] = (double)((what ? m->ended.t :
		    m->detected.t) - m->started.t) / div;
	}
	/* start[q] is now the end of quarter q, the start of q + 1. */
	for (q = 0; q < ax.n; q++) {
		k = q == 0 ? 0 : start[q - 1];
		n = start[q] - k;
		if (n > 1)
			qsort(vals + k, n, sizeof(double), cmp_double);
		v[(size_t)q * 2] = pctl(vals + k, n, 50);
		v[(size_t)q * 2 + 1] = pctl(vals + k, n, 90);
	}
	free(vals);
	free(qof);
	free(start);
	memset(&c, 0, sizeof(c));
	c.id = what ? "ttr" : "ttd";
	c.title = what ? "Time to resolve per quarter (hours)" :
	    "Time to detect per quarter (minutes)";
	c.desc = what ? "Median and 90th percentile of ended minus started, "
	    "per quarter of the start." : "Median and 90th percentile of "
	    "detected minus started, per quarter of the start.";
	c.xname = "Quarter";
	c.unit = what ? "hours" : "minutes";
	c.nx = (size_t)ax.n;
	c.xlabels = (const char *const *)ax.labels;
	c.nseries = 2;
	c.snames = names;
	c.v = v;
	c.decimals = 1;
	c.color0 = 3;
	c.empty = what ? "No report has both a start and an end of impact "
	    "yet." : "No report has both a start of impact and a detection "
	    "time yet.";
	emit_chart(a, ctx, what ? "chart_ttr" : "chart_ttd", &c);
}

/* ---- recurring problems ---- */

struct	occ {
	const char	*svc;	/* facet keys */
	const char	*cat;
	size_t		 rep;
	int64_t		 t;
};

static int
cmp_occ(const void *x, const void *y)
{
	const struct occ *p = x, *q = y;
	int c;

	if ((c = strcmp(p->svc, q->svc)) != 0)
		return c;
	if ((c = strcmp(p->cat, q->cat)) != 0)
		return c;
	if (p->t != q->t)
		return p->t < q->t ? -1 : 1;
	return p->rep < q->rep ? -1 : p->rep > q->rep;
}

struct	cluster {
	size_t		 first, n;	/* range in the occ array */
};

static const struct occ	*g_occ;		/* for cmp_cluster (one thread) */

static int
cmp_cluster(const void *x, const void *y)
{
	const struct cluster *p = x, *q = y;

	if (p->n != q->n)
		return p->n > q->n ? -1 : 1;
	return cmp_occ(&g_occ[p->first], &g_occ[q->first]);
}

static void
clusters(const struct site *s, struct pm_arena *a, struct pm_tv *ctx)
{
	struct occ		*v = NULL;
	struct cluster		*cl = NULL;
	size_t			 n = 0, cap = 0, ncl = 0, capcl = 0, i, j, k;
	size_t			 ncats;
	const struct pm_doc	*d;
	const struct fval	*sv, *fc;
	const char		*cat;
	struct pm_tv		*l, *it, *items;
	char			 d1[16], d2[16];

	for (i = 0; i < s->nreps; i++) {
		d = s->reps[i].doc;
		if (!s->reps[i].has_start)
			continue;
		ncats = site_ncats(d);
		for (j = 0; j < d->meta.services.n; j++) {
			sv = site_fval(s, FACET_SERVICE,
			    d->meta.services.v[j].s);
			if (sv == NULL)
				continue;
			/* Factor categories and the field 'category'. */
			for (k = 0; k < ncats; k++) {
				if ((cat = site_cat(d, k)) == NULL ||
				    (fc = site_fval(s, FACET_FACTOR,
				    cat)) == NULL)
					continue;
				v = pm_xgrow(v, &cap, n + 1, sizeof(*v));
				v[n].svc = sv->key;
				v[n].cat = fc->key;
				v[n].rep = i;
				v[n++].t = s->reps[i].started;
			}
		}
	}
	if (n > 1)		/* v is NULL when there is none */
		qsort(v, n, sizeof(*v), cmp_occ);
	/* Drop a report listed twice under one service and category. */
	for (i = 0, k = 0; i < n; i++)
		if (k == 0 || v[i].rep != v[k - 1].rep ||
		    strcmp(v[i].svc, v[k - 1].svc) != 0 ||
		    strcmp(v[i].cat, v[k - 1].cat) != 0)
			v[k++] = v[i];
	n = k;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].svc, v[i].svc) == 0 &&
		    strcmp(v[j].cat, v[i].cat) == 0 &&
		    v[j].t - v[j - 1].t <= (int64_t)CLUSTER_DAYS * PM_DAY; j++)
			continue;
		if (j - i >= 2) {
			cl = pm_xgrow(cl, &capcl, ncl + 1, sizeof(*cl));
			cl[ncl].first = i;
			cl[ncl++].n = j - i;
		}
	}
	g_occ = v;
	if (ncl > 1)		/* cl is NULL when there is none */
		qsort(cl, ncl, sizeof(*cl), cmp_cluster);
	g_occ = NULL;

	l = pm_tv_list(a);
	for (i = 0; i < ncl; i++) {
		const struct occ *o = &v[cl[i].first];

		it = pm_tv_push_map(a, l);
		sv = site_fval(s, FACET_SERVICE, o->svc);
		fc = site_fval(s, FACET_FACTOR, o->cat);
		pm_tv_sets(a, it, "service", sv->name);
		pm_tv_sets(a, it, "service_href", sv->href);
		pm_tv_sets(a, it, "category", fc->name);
		pm_tv_sets(a, it, "category_href", fc->href);
		pm_tv_setf(a, it, "count", "%zu", cl[i].n);
		pm_date_format(d1, day_of(o[0].t));
		pm_date_format(d2, day_of(o[cl[i].n - 1].t));
		pm_tv_sets(a, it, "from", d1);
		pm_tv_sets(a, it, "to", d2);
		items = pm_tv_list(a);
		for (j = 0; j < cl[i].n; j++)
			pm_tv_push(a, items, s->reps[o[j].rep].row);
		pm_tv_set(a, it, "items", items);
	}
	pm_tv_set(a, ctx, "clusters", l);
	pm_tv_setb(a, ctx, "has_clusters", ncl > 0);
	pm_tv_setf(a, ctx, "nclusters", "%zu", ncl);
	pm_tv_setf(a, ctx, "cluster_days", "%d", CLUSTER_DAYS);
	free(cl);
	free(v);
}

/* ---- action items ---- */

struct	owner_count {
	const struct fval	*fv;
	size_t			 n;
};

static int
cmp_owner(const void *x, const void *y)
{
	const struct owner_count *p = x, *q = y;

	if (p->n != q->n)
		return p->n > q->n ? -1 : 1;
	return strcmp(p->fv->key, q->fv->key);
}

static void
chart_actions(const struct site *s, struct pm_arena *a, struct pm_tv *ctx,
    int mfirst, int mlast)
{
	static const char *const names[] = { "done", "open", "overdue" };
	static const unsigned char action_colors[] = { 3, 4, 1 };
	static const char *const onames[] = { "overdue items" };
	const struct facet	*of = &s->facets[FACET_OWNER];
	struct owner_count	*oc;
	struct pm_chart		 c;
	struct axis		 ax;
	const struct pm_doc	*d;
	const struct pm_action	*ac;
	const struct fval	*fv;
	double			*v, *ov;
	const char		**olabels;
	size_t			 i, j, k, no, tot[3] = { 0, 0, 0 };
	int			 m, slot;
	int64_t			 t;

	axis_make(&ax, a, mfirst, mlast, 0);
	v = pm_arena_alloc(a, ((size_t)ax.n * 3 + 1) * sizeof(double));
	oc = pm_xcalloc(of->n + 1, sizeof(*oc));
	for (i = 0; i < of->n; i++)
		oc[i].fv = &of->v[i];
	for (i = 0; i < s->nreps; i++) {
		d = s->reps[i].doc;
		t = d->meta.ended.ok ? d->meta.ended.t : d->meta.started.t;
		if (!d->meta.ended.ok && !d->meta.started.ok)
			continue;
		m = month_of(t) - mfirst;
		for (j = 0; j < d->nactions; j++) {
			ac = &d->actions[j];
			if (!site_action_open(ac->status))
				slot = 0;
			else if (ac->deadline_ok &&
			    ac->deadline < s->o->today)
				slot = 2;
			else
				slot = 1;
			tot[slot]++;
			if (m >= 0 && m < ax.n)
				v[(size_t)m * 3 + (size_t)slot] += 1;
			if (slot == 2 && (fv = s->reps[i].aowner[j]) != NULL)
				oc[fv - of->v].n++;
		}
	}
	memset(&c, 0, sizeof(c));
	c.id = "actions";
	c.title = "Action items by the month their report ended";
	c.xname = "Month";
	c.unit = "items";
	c.nx = (size_t)ax.n;
	c.xlabels = (const char *const *)ax.labels;
	c.nseries = 3;
	c.snames = names;
	c.v = v;
	c.stacked = 1;
	c.total = 1;
	/* Done light blue, open dark, overdue orange: apart in hue and
	 * in lightness, for every kind of colour vision. */
	c.colors = action_colors;
	c.empty = "No report has action items yet.";
	by_quarter(a, &c, mfirst);
	c.desc = c.barv != NULL ? "Stacked bars: items done, open, and open "
	    "past their deadline, per quarter (the table lists each "
	    "month)." : "Stacked bars: items done, open, and open past "
	    "their deadline, per month.";
	emit_chart(a, ctx, "chart_actions", &c);
	pm_tv_setf(a, ctx, "actions_done", "%zu", tot[0]);
	pm_tv_setf(a, ctx, "actions_open", "%zu", tot[1]);
	pm_tv_setf(a, ctx, "actions_overdue", "%zu", tot[2]);

	if (of->n > 1)
		qsort(oc, of->n, sizeof(*oc), cmp_owner);
	for (no = 0; no < of->n && no < OWNERS_MAX && oc[no].n > 0; no++)
		continue;
	ov = pm_arena_alloc(a, (no + 1) * sizeof(double));
	olabels = pm_arena_alloc(a, (no + 1) * sizeof(char *));
	for (k = 0; k < no; k++) {
		ov[k] = (double)oc[k].n;
		olabels[k] = oc[k].fv->name;
	}
	memset(&c, 0, sizeof(c));
	c.id = "overdue-owners";
	c.title = "Overdue action items by owner";
	c.desc = "One bar per owner: open items past their deadline "
	    "(at most 20 owners, most items first).";
	c.xname = "Owner";
	c.unit = "items";
	c.nx = no;
	c.xlabels = olabels;
	c.nseries = 1;
	c.snames = onames;
	c.v = ov;
	c.colors = action_colors + 2;	/* overdue */
	c.horizontal = 1;
	{
		char	 day[16];

		pm_date_format(day, s->o->today);
		c.empty = tot[2] == 0 ? pm_arena_printf(a, "No action item "
		    "is overdue on %s.", day) : pm_arena_printf(a, "None of "
		    "the %zu overdue items names an owner.", tot[2]);
	}
	emit_chart(a, ctx, "chart_overdue", &c);
	free(oc);
}

static void
chart_health(const struct site *s, struct pm_arena *a, struct pm_tv *ctx,
    int qfirst, int qlast)
{
	static const char *const names[] = { "distributed in time",
	    "follow-up set" };
	struct pm_chart		 c;
	struct axis		 ax;
	const struct pm_meta	*m;
	const struct rep	*r;
	double			*v;
	size_t			*n, *dist, *fol, i;
	int			 q;
	int64_t			 limit, when;
	const char		*title;

	limit = (int64_t)s->cfg->distribution_hours * 3600;
	axis_make(&ax, a, qfirst, qlast, 1);
	v = pm_arena_alloc(a, ((size_t)ax.n * 2 + 1) * sizeof(double));
	n = pm_xcalloc((size_t)ax.n + 1, sizeof(size_t));
	dist = pm_xcalloc((size_t)ax.n + 1, sizeof(size_t));
	fol = pm_xcalloc((size_t)ax.n + 1, sizeof(size_t));
	for (i = 0; i < s->nreps; i++) {
		r = &s->reps[i];
		m = &r->doc->meta;
		if (!r->has_start)
			continue;
		q = month_of(r->started) / 3 - qfirst;
		n[q]++;
		when = m->distributed.ok ? m->distributed.t :
		    r->doc->has_added ? r->doc->added : -1;
		if (m->ended.ok && when != -1 && when - m->ended.t <= limit)
			dist[q]++;
		if (m->follow_up.set && m->follow_up.ok)
			fol[q]++;
	}
	for (q = 0; q < ax.n; q++) {
		v[(size_t)q * 2] = n[q] ? 100.0 * (double)dist[q] /
		    (double)n[q] : -1;
		v[(size_t)q * 2 + 1] = n[q] ? 100.0 * (double)fol[q] /
		    (double)n[q] : -1;
	}
	free(n);
	free(dist);
	free(fol);
	title = pm_arena_printf(a, "Checklist health per quarter: share of "
	    "reports distributed within %u hours and with a follow-up "
	    "review (%%)", s->cfg->distribution_hours);
	memset(&c, 0, sizeof(c));
	c.id = "health";
	c.title = title;
	c.desc = "Grouped bars, percent of the quarter's reports.";
	c.xname = "Quarter";
	c.unit = "%";
	c.nx = (size_t)ax.n;
	c.xlabels = (const char *const *)ax.labels;
	c.nseries = 2;
	c.snames = names;
	c.v = v;
	c.decimals = 1;
	c.color0 = 3;
	c.empty = "No report of these quarters was distributed in time or "
	    "has a follow-up review set.";
	emit_chart(a, ctx, "chart_health", &c);
}

int
page_trends(const struct site *s, struct pm_arena *a)
{
	struct pm_tv	*ctx;
	size_t		 i;
	int		 mfirst = 0, mlast = -1, m, first = 1;
	const struct pm_meta *md;

	for (i = 0; i < s->nreps; i++) {
		md = &s->reps[i].doc->meta;
		if (!md->started.ok)
			continue;
		m = month_of(md->started.t);
		if (first || m < mfirst)
			mfirst = m;
		if (first || m > mlast)
			mlast = m;
		if (md->ended.ok && month_of(md->ended.t) > mlast)
			mlast = month_of(md->ended.t);
		first = 0;
	}
	ctx = site_page(s, a, "", "Trends", "trends");
	{
		char	 d[16];

		pm_date_format(d, s->o->today);
		pm_tv_sets(a, ctx, "today", d);
	}
	chart_months(s, a, ctx, mfirst, mlast);
	chart_times(s, a, ctx, mfirst / 3, mlast >= 0 ? mlast / 3 : -1, 0);
	chart_times(s, a, ctx, mfirst / 3, mlast >= 0 ? mlast / 3 : -1, 1);
	clusters(s, a, ctx);
	chart_actions(s, a, ctx, mfirst, mlast);
	chart_health(s, a, ctx, mfirst / 3, mlast >= 0 ? mlast / 3 : -1);
	return site_emit(s, s->t_trends, ctx, "trends.html");
}
