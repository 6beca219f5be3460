/*
 * The trend page for leadership: incidents per month by severity, time
 * to detect and to resolve per quarter (median and p90, nearest-rank),
 * recurring problems (the clusters of similar.c, each later incident
 * with whether the earlier ones' action items were done), action items
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
#include "site/similar.h"
#include "site/svg.h"
#include "site/tmpl.h"
#include "source/config.h"

#define	CLUSTERS_SHOWN	100
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
	size_t		 i, k, n, *start, ndays = 0;
	int		 q, *qof;
	const struct pm_meta *m;
	const struct pm_tsval *end;
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
		/* A day at either end is no duration: left out, counted. */
		end = what ? &m->ended : &m->detected;
		if (end->ok && (m->started.day || end->day)) {
			ndays++;
			continue;
		}
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
	if (ndays > 0)
		c.note = pm_arena_printf(a, "%zu report%s left out: %s "
		    "days only, not times of day.", ndays, ndays == 1 ?
		    " is" : "s are", ndays == 1 ? "it gives" : "they give");
	emit_chart(a, ctx, what ? "chart_ttr" : "chart_ttd", &c);
}

/* ---- recurring problems ---- */

/* The date written in an action item's status ("done 2025-02-03",
 * "closed (2025-02-03)"), as days, or -1. */
static int32_t
done_day(const struct pm_action *ac)
{
	const char	*p;
	char		 b[11];
	int32_t		 d;

	if (ac->status_raw == NULL)
		return -1;
	for (p = ac->status_raw; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || strlen(p) < 10)
			continue;
		memcpy(b, p, 10);
		b[10] = '\0';
		if (pm_date_parse(&d, b) == 0)
			return d;
	}
	return -1;
}

/* "; n what" into b when n > 0 ("n what" when first). */
static void
part(struct pm_buf *b, size_t n, const char *what)
{
	if (n == 0)
		return;
	if (b->len > 0 && b->ptr[b->len - 1] != ' ')
		pm_buf_puts(b, "; ");
	pm_buf_printf(b, "%zu %s", n, what);
}

/* Whether the action items of the members before member k of c were
 * done before member k started, into item it (fix_label, fix_class,
 * fix, pending).  "Done before" needs a done date in the status; an
 * item open today was not done then; nothing else is claimed. */
static void
fix_status(const struct site *s, struct pm_arena *a, struct pm_tv *it,
    const struct sim_cluster *c, size_t k)
{
	const struct rep	*later = &s->reps[c->reps[k]], *r;
	const struct pm_action	*ac;
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_tv		*pend, *p;
	size_t			 j, x, total = 0, before = 0, after = 0,
				 undated = 0, open = 0, overdue = 0,
				 nostatus = 0, wontfix = 0, undated_due = 0;
	int64_t			 day = day_of(later->started);
	int32_t			 dd;
	int			 late, dated = later->has_start;

	pend = pm_tv_list(a);
	for (j = 0; j < k; j++) {
		r = &s->reps[c->reps[j]];
		for (x = 0; x < r->doc->nactions; x++) {
			ac = &r->doc->actions[x];
			total++;
			late = 0;
			switch (ac->status) {
			case PM_ASTATUS_DONE:
				/* Without a start, no date compares. */
				if ((dd = done_day(ac)) < 0 || !dated) {
					undated++;
					if (dated && ac->deadline_ok &&
					    ac->deadline < day)
						undated_due++;
				}
				else if (dd < day)
					before++;
				else
					after++, late = 1;
				break;
			case PM_ASTATUS_WONTFIX:
				wontfix++;
				break;
			case PM_ASTATUS_OPEN:
			case PM_ASTATUS_IN_PROGRESS:
				open++;
				late = 1;
				if (dated && ac->deadline_ok &&
				    ac->deadline < day)
					overdue++;
				break;
			default:
				nostatus++;
				break;
			}
			if (!late || pend->nitems >= 5)
				continue;
			p = pm_tv_push_map(a, pend);
			pm_tv_sets(a, p, "action", ac->text ? ac->text : "");
			pm_tv_sets(a, p, "action_id", ac->id ? ac->id : "");
			pm_tv_sets(a, p, "from", r->doc->meta.id);
			pm_tv_sets(a, p, "from_href", r->href);
			pm_tv_sets(a, p, "state", ac->status ==
			    PM_ASTATUS_DONE ? "done after it started" :
			    dated && ac->deadline_ok && ac->deadline < day ?
			    "open, past its deadline" : "open");
		}
	}
	pm_tv_set(a, it, "pending", pend);
	if (total == 0) {
		pm_tv_sets(a, it, "fix_label", "No action items");
		pm_tv_sets(a, it, "fix_class", "fix-none");
		pm_tv_sets(a, it, "fix", "the earlier reports list none");
		return;
	}
	if (before == total - wontfix) {
		pm_tv_sets(a, it, "fix_label", "Yes");
		pm_tv_sets(a, it, "fix_class", "fix-yes");
	} else if (open + after > 0) {
		pm_tv_sets(a, it, "fix_label", before > 0 ? "Partly" : "No");
		pm_tv_sets(a, it, "fix_class", "fix-no");
	} else {
		pm_tv_sets(a, it, "fix_label", "Unknown");
		pm_tv_sets(a, it, "fix_class", "fix-unknown");
	}
	pm_buf_printf(&b, "of %zu earlier action item%s: ", total,
	    total == 1 ? "" : "s");
	part(&b, before, "done before it started");
	part(&b, after, "done after it started");
	part(&b, undated, "done, date not recorded");
	if (undated_due > 0)
		pm_buf_printf(&b, " (%zu due before it started)", undated_due);
	part(&b, open, "still open");
	if (overdue > 0)
		pm_buf_printf(&b, " (%zu past the deadline then)", overdue);
	part(&b, wontfix, "won't fix");
	part(&b, nostatus, "without a status");
	pm_tv_sets(a, it, "fix", pm_buf_cstr(&b));
	pm_buf_release(&b);
}

/* The date of a member: its start, or "committed DATE". */
static void
when(const struct site *s, struct pm_arena *a, struct pm_tv *it, size_t i)
{
	char	 d[16];
	int64_t	 t;
	int	 k;

	k = site_similar_when(s, i, &t);
	pm_date_format(d, day_of(t));
	pm_tv_sets(a, it, "when", k == 1 ? d : k == 2 ?
	    pm_arena_printf(a, "committed %s", d) : "");
}

static struct pm_tv *
fval_list(struct pm_arena *a, const struct fval *const *v, size_t n)
{
	struct pm_tv	*l, *it;
	size_t		 i;

	l = pm_tv_list(a);
	for (i = 0; i < n; i++) {
		it = pm_tv_push_map(a, l);
		pm_tv_sets(a, it, "name", v[i]->name);
		pm_tv_sets(a, it, "href", v[i]->href);
		pm_tv_setb(a, it, "sep", i > 0);
	}
	return l;
}

/* The clusters of similar.c, at most CLUSTERS_SHOWN of them. */
static void
clusters(const struct site *s, struct pm_arena *a, struct pm_tv *ctx)
{
	const struct sim_cluster *c;
	struct pm_tv		*l, *it, *items, *m, *terms;
	size_t			 i, j, shown;
	char			 d1[16], d2[16];

	shown = s->nclusters < CLUSTERS_SHOWN ? s->nclusters :
	    CLUSTERS_SHOWN;
	l = pm_tv_list(a);
	for (i = 0; i < shown; i++) {
		c = &s->clusters[i];
		it = pm_tv_push_map(a, l);
		pm_tv_setf(a, it, "anchor", "recurring-%zu", i + 1);
		pm_tv_setf(a, it, "count", "%zu", c->n);
		pm_date_format(d1, day_of(c->first));
		pm_date_format(d2, day_of(c->last));
		pm_tv_sets(a, it, "from", d1);
		pm_tv_sets(a, it, "to", d2);
		pm_tv_set(a, it, "services", fval_list(a, c->svcs, c->nsvcs));
		pm_tv_setb(a, it, "has_services", c->nsvcs > 0);
		pm_tv_set(a, it, "categories", fval_list(a, c->cats,
		    c->ncats));
		pm_tv_setb(a, it, "has_categories", c->ncats > 0);
		terms = pm_tv_list(a);
		for (j = 0; j < c->nterms; j++) {
			m = pm_tv_push_map(a, terms);
			pm_tv_sets(a, m, "text", c->terms[j]);
			pm_tv_setb(a, m, "sep", j > 0);
		}
		pm_tv_set(a, it, "terms", terms);
		pm_tv_setb(a, it, "has_terms", c->nterms > 0);
		items = pm_tv_list(a);
		for (j = 0; j < c->n; j++) {
			m = pm_tv_push_map(a, items);
			pm_tv_set(a, m, "report", s->reps[c->reps[j]].row);
			when(s, a, m, c->reps[j]);
			if (j == 0) {
				pm_tv_sets(a, m, "fix_label", "");
				pm_tv_sets(a, m, "fix_class", "fix-first");
				pm_tv_sets(a, m, "fix", "");
				pm_tv_set(a, m, "pending", pm_tv_list(a));
			} else
				fix_status(s, a, m, c, j);
		}
		pm_tv_set(a, it, "items", items);
	}
	pm_tv_set(a, ctx, "clusters", l);
	pm_tv_setb(a, ctx, "has_clusters", shown > 0);
	pm_tv_setf(a, ctx, "nclusters", "%zu", s->nclusters);
	pm_tv_setb(a, ctx, "clusters_cut", shown < s->nclusters);
	pm_tv_setf(a, ctx, "clusters_shown", "%zu", shown);
	pm_tv_setf(a, ctx, "cluster_days", "%d", SIM_DAYS);
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
		if (m->ended.ok && when != -1 &&
		    when - pm_ts_latest(&m->ended) <= limit)
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
