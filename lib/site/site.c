/*
 * The site build (see site.h): compute the model once (reports in index
 * order, slugs, findings per report, backlinks, facets, list rows),
 * load the theme, then render every page as a job on a pool of
 * threads, and swap the new site in.  Page code lives in page_*.c,
 * feed.c, sitemap.c and search.c.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/hash.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/time.h"
#include "base/timing.h"
#include "corpus.h"
#include "doc/doc.h"
#include "site/html.h"
#include "site/site.h"
#include "site/site_int.h"
#include "site/similar.h"
#include "site/snapshot.h"
#include "site/tmpl.h"
#include "site/write.h"
#include "source/config.h"

/* ---- a set of strings, for slug uniqueness (never iterated) ---- */

struct	strset {
	const char	**v;
	size_t		 cap;
};

static void
strset_init(struct strset *s, size_t n)
{
	s->cap = 16;
	while (s->cap < n * 2 + 16)
		s->cap *= 2;
	s->v = pm_xcalloc(s->cap, sizeof(*s->v));
}

/* Add str (kept by pointer); 1 if added, 0 if it was there. */
static int
strset_add(struct strset *s, const char *str)
{
	size_t	 i;

	for (i = pm_fnv64_str(str) & (s->cap - 1); s->v[i] != NULL;
	    i = (i + 1) & (s->cap - 1))
		if (strcmp(s->v[i], str) == 0)
			return 0;
	s->v[i] = str;
	return 1;
}

/*
 * A unique slug for name in set: the slug itself, else slug-2, -3...
 * Callers visit names in a fixed order, so the result is stable.
 */
static char *
unique_slug(struct site *s, struct strset *set, const char *name)
{
	struct pm_buf	 b = PM_BUF_INIT;
	char		*slug;
	int		 n;

	pm_html_slug(&b, name);
	slug = pm_arena_strdup(&s->arena, b.ptr);
	for (n = 2; !strset_add(set, slug); n++)
		slug = pm_arena_printf(&s->arena, "%s-%d", b.ptr, n);
	pm_buf_release(&b);
	return slug;
}

/* ---- helpers shared by the page modules ---- */

/* s if it is a BCP 47 language tag in its common form (ja, pt-BR,
 * zh-Hant-TW), else "". */
static const char *
lang_tag(const char *s)
{
	const char	*p;
	size_t		 n = 0;

	if (s == NULL)
		return "";
	for (p = s; ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'); p++)
		n++;
	if (n < 2 || n > 3)
		return "";
	while (*p == '-') {
		for (n = 0, p++; (*p >= '0' && *p <= '9') ||
		    ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'); p++)
			n++;
		if (n < 1 || n > 8)
			return "";
	}
	return *p == '\0' ? s : "";
}

const char *
site_sev_label(int sev)
{
	static const char *const l[] = { "P0", "P1", "P2", "P3", "P4" };

	return sev >= 0 && sev <= 4 ? l[sev] : "unknown";
}

void
site_duration(struct pm_buf *out, int64_t secs)
{
	int64_t	 m = secs / 60;

	pm_buf_truncate(out, 0);
	if (secs < 0)
		return;
	if (m < 60)
		pm_buf_printf(out, "%lld min", (long long)m);
	else if (m < 48 * 60)
		pm_buf_printf(out, "%lld h %lld min", (long long)(m / 60),
		    (long long)(m % 60));
	else
		pm_buf_printf(out, "%lld d %lld h", (long long)(m / 1440),
		    (long long)(m / 60 % 24));
}

int
site_action_open(int status)
{
	return status != PM_ASTATUS_DONE && status != PM_ASTATUS_WONTFIX;
}

/* The i-th value (0-based) of an extra field 'category', or NULL;
 * *n counts them all. */
static const char *
extra_cat(const struct pm_doc *d, size_t i, size_t *n)
{
	const struct pm_kv	*kv;
	const struct pm_ynode	*y;
	size_t			 j, k;

	*n = 0;
	for (j = 0; j < d->meta.nextra; j++) {
		kv = &d->meta.extra[j];
		if (kv->key == NULL || strcmp(kv->key, "category") != 0)
			continue;
		if (kv->value != NULL) {
			if ((*n)++ == i)
				return kv->value;
			continue;
		}
		if ((y = kv->node) == NULL || y->type != PM_Y_SEQ)
			continue;
		for (k = 0; k < y->nkids; k++)
			if ((*n)++ == i)
				return y->kids[k]->type == PM_Y_SCALAR ?
				    y->kids[k]->value : NULL;
	}
	return NULL;
}

size_t
site_ncats(const struct pm_doc *d)
{
	size_t	 n;

	(void)extra_cat(d, (size_t)-1, &n);
	return d->nfactors + n;
}

const char *
site_cat(const struct pm_doc *d, size_t i)
{
	size_t	 n;

	if (i < d->nfactors)
		return d->factors[i].category;
	return extra_cat(d, i - d->nfactors, &n);
}

struct	idkey {
	const char	*id;
	const char	*path;
	size_t		 i;
};

static int
cmp_idkey(const void *a, const void *b)
{
	const struct idkey *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : strcmp(x->path, y->path);
}

const struct rep *
site_find(const struct site *s, const char *id)
{
	size_t	 lo = 0, hi = s->nreps, mid;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(s->reps[s->byid[mid]].doc->meta.id, id);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nreps && strcmp(s->reps[s->byid[lo]].doc->meta.id,
	    id) == 0)
		return &s->reps[s->byid[lo]];
	return NULL;
}

/* The grouping key of a facet value into out: trimmed, lower-case
 * ASCII, no leading '@' for people.  Returns 0, or -1 when empty. */
static int
facet_key(struct pm_buf *out, enum facet_kind k, const char *name)
{
	const char	*e;
	size_t		 i;

	pm_buf_truncate(out, 0);
	while (*name == ' ' || *name == '\t')
		name++;
	if ((k == FACET_AUTHOR || k == FACET_OWNER) && *name == '@')
		name++;
	e = name + strlen(name);
	while (e > name && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e == name)
		return -1;
	pm_buf_put(out, name, (size_t)(e - name));
	for (i = 0; i < out->len; i++)
		if (out->ptr[i] >= 'A' && out->ptr[i] <= 'Z')
			out->ptr[i] = (char)(out->ptr[i] - 'A' + 'a');
	return 0;
}

const struct fval *
site_fval(const struct site *s, enum facet_kind k, const char *name)
{
	const struct facet	*f = &s->facets[k];
	const struct fval	*r = NULL;
	size_t			 lo = 0, hi = f->n, mid;
	struct pm_buf		 b = PM_BUF_INIT;
	const char		*key;

	if (name != NULL && facet_key(&b, k, name) == 0) {
		key = b.ptr;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (strcmp(f->v[mid].key, key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < f->n && strcmp(f->v[lo].key, key) == 0)
			r = &f->v[lo];
	}
	pm_buf_release(&b);
	return r;
}

struct pm_tv *
site_page(const struct site *s, struct pm_arena *a, const char *root,
    const char *title, const char *nav)
{
	struct pm_tv	*m;

	m = pm_tv_map(a);
	pm_tv_sets(a, m, "root", root);
	pm_tv_sets(a, m, "site_title", s->title);
	pm_tv_sets(a, m, "page_title", title);
	if (nav != NULL)
		pm_tv_setb(a, m, pm_arena_printf(a, "nav_%s", nav), 1);
	return m;
}

void
site_note(struct site *s, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 from = s->notes.len;

	va_start(ap, fmt);
	pm_buf_vprintf(&s->notes, fmt, ap);
	va_end(ap);
	fputs(pm_buf_cstr(&s->notes) + from, stderr);
}

int
site_put(const struct site *s, const char *rel, const struct pm_buf *b)
{
	return pm_sitew_put(s->w, rel, b->ptr ? b->ptr : "", b->len);
}

int
site_emit(const struct site *s, const struct pm_tmpl *t,
    const struct pm_tv *ctx, const char *rel)
{
	struct pm_buf	 b = PM_BUF_INIT;
	int		 rc;

	pm_buf_grow(&b, 16384);
	pm_tmpl_render(t, ctx, &b);
	rc = site_put(s, rel, &b);
	pm_buf_release(&b);
	return rc;
}

/* ---- the model ---- */

static int
cmp_rep(const void *a, const void *b)
{
	const struct rep *x = a, *y = b;
	int c;

	if (x->has_start != y->has_start)
		return x->has_start ? -1 : 1;
	if (x->has_start && x->started != y->started)
		return x->started > y->started ? -1 : 1;
	if ((c = strcmp(x->doc->meta.id, y->doc->meta.id)) != 0)
		return c;
	return strcmp(x->doc->path, y->doc->path);
}

static void
attach_findings(struct site *s)
{
	const struct pm_findings *fs = s->o->findings;
	struct rep		*r;
	size_t			 i, j, lo, hi, mid;

	for (i = 0; i < s->nreps; i++) {
		r = &s->reps[i];
		if (fs == NULL) {
			r->f = r->doc->findings.v;
			r->nf = r->doc->findings.n;
		} else {
			lo = 0;
			hi = fs->n;
			while (lo < hi) {
				mid = (lo + hi) / 2;
				if (strcmp(fs->v[mid].path, r->doc->path) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (j = lo; j < fs->n &&
			    strcmp(fs->v[j].path, r->doc->path) == 0; j++)
				continue;
			r->f = fs->v + lo;
			r->nf = j - lo;
		}
		for (j = 0; j < r->nf; j++)
			switch (r->f[j].level) {
			case PM_LEVEL_ERROR:
				r->nerr++;
				break;
			case PM_LEVEL_WARNING:
				r->nwarn++;
				break;
			case PM_LEVEL_INFO:
				r->ninfo++;
				break;
			default:
				break;
			}
	}
}

struct	pair {
	size_t	 a, b;
};

static int
cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

/* Backlinks: reports that name this one in [[id]] or related. */
static void
build_backlinks(struct site *s)
{
	struct pair		*v = NULL;
	size_t			 n = 0, cap = 0, i, j, k;
	const struct pm_doc	*d;
	const struct rep	*t;

	for (i = 0; i < s->nreps; i++) {
		d = s->reps[i].doc;
		for (j = 0; j < d->nlinks + d->meta.related.n; j++) {
			const char *id = j < d->nlinks ? d->links[j].id :
			    d->meta.related.v[j - d->nlinks].s;

			if (id == NULL || (t = site_find(s, id)) == NULL ||
			    t == &s->reps[i])
				continue;
			v = pm_xgrow(v, &cap, n + 1, sizeof(*v));
			v[n].a = (size_t)(t - s->reps);
			v[n++].b = i;
		}
	}
	/* v is NULL when no report names another: qsort(NULL, 0) is
	 * undefined behaviour, so sort only what there is. */
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_pair);
	for (i = 0; i < n; i = j) {
		struct rep *r = &s->reps[v[i].a];

		for (j = i; j < n && v[j].a == v[i].a; j++)
			continue;
		r->back = pm_arena_alloc(&s->arena, (j - i) * sizeof(size_t));
		for (k = i; k < j; k++)
			if (k == i || v[k].b != v[k - 1].b)
				r->back[r->nback++] = v[k].b;
	}
	free(v);
}

struct	fent {
	char		*key;
	const char	*name;
	size_t		 rep;
};

static int
cmp_fent(const void *x, const void *y)
{
	const struct fent *p = x, *q = y;
	int c = strcmp(p->key, q->key);

	if (c)
		return c;
	return p->rep < q->rep ? -1 : p->rep > q->rep;
}

static void
fent_add(struct site *s, struct fent **v, size_t *n, size_t *cap,
    enum facet_kind k, const char *name, size_t rep)
{
	struct pm_buf	 b = PM_BUF_INIT;

	if (name == NULL || facet_key(&b, k, name) == -1) {
		pm_buf_release(&b);
		return;
	}
	*v = pm_xgrow(*v, cap, *n + 1, sizeof(**v));
	(*v)[*n].key = pm_arena_strndup(&s->arena, b.ptr, b.len);
	pm_buf_release(&b);
	(*v)[*n].name = name;
	(*v)[(*n)++].rep = rep;
}

static void
build_facet(struct site *s, enum facet_kind k)
{
	static const char *const dirs[] = { "service", "tag", "factor",
	    "author", "owner" };
	static const char *const titles[] = { "Services", "Tags",
	    "Contributing factors", "Authors", "Action-item owners" };
	static const char *const ones[] = { "Service", "Tag",
	    "Contributing factor", "Author", "Owner" };
	struct facet		*f = &s->facets[k];
	struct fent		*v = NULL;
	struct strset		 set;
	const struct pm_doc	*d;
	size_t			 n = 0, cap = 0, i, j, m;
	struct fval		*fv;

	f->dir = dirs[k];
	f->title = titles[k];
	f->one = ones[k];
	for (i = 0; i < s->nreps; i++) {
		d = s->reps[i].doc;
		switch (k) {
		case FACET_SERVICE:
			for (j = 0; j < d->meta.services.n; j++)
				fent_add(s, &v, &n, &cap, k,
				    d->meta.services.v[j].s, i);
			break;
		case FACET_TAG:
			for (j = 0; j < d->meta.tags.n; j++)
				fent_add(s, &v, &n, &cap, k,
				    d->meta.tags.v[j].s, i);
			break;
		case FACET_AUTHOR:
			for (j = 0; j < d->meta.authors.n; j++)
				fent_add(s, &v, &n, &cap, k,
				    d->meta.authors.v[j].s, i);
			break;
		case FACET_FACTOR:
			for (j = 0; j < site_ncats(d); j++)
				fent_add(s, &v, &n, &cap, k,
				    site_cat(d, j), i);
			break;
		case FACET_OWNER:
			for (j = 0; j < d->nactions; j++)
				fent_add(s, &v, &n, &cap, k,
				    d->actions[j].owner, i);
			break;
		default:
			break;
		}
	}
	if (n > 1)		/* v is NULL when no report has a value */
		qsort(v, n, sizeof(*v), cmp_fent);
	for (i = 0, m = 0; i < n; i++)
		if (i == 0 || strcmp(v[i].key, v[i - 1].key) != 0)
			m++;
	f->v = pm_arena_alloc(&s->arena, (m + 1) * sizeof(*f->v));
	strset_init(&set, m);
	for (i = 0; i < n; i = j) {
		fv = &f->v[f->n++];
		fv->key = v[i].key;
		fv->name = pm_arena_strdup(&s->arena, v[i].name);
		fv->slug = unique_slug(s, &set, fv->key);
		fv->href = pm_arena_printf(&s->arena, "%s/%s.html", f->dir,
		    fv->slug);
		for (j = i; j < n && strcmp(v[j].key, v[i].key) == 0; j++)
			continue;
		fv->reps = pm_arena_alloc(&s->arena, (j - i) * sizeof(size_t));
		for (m = i; m < j; m++)
			if (m == i || v[m].rep != v[m - 1].rep)
				fv->reps[fv->n++] = v[m].rep;
	}
	free(set.v);
	free(v);
}

/* The row of a report in list pages, built once and shared. */
static void
build_row(struct site *s, struct rep *r)
{
	struct pm_arena		*a = &s->arena;
	const struct pm_meta	*m = &r->doc->meta;
	const struct fval	*fv;
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_tv		*row, *l, *it;
	char			 date[32];
	size_t			 j;

	row = r->row = pm_tv_map(a);
	/* Every key a row template reads is set, so that a missing one
	 * never resolves to a value of an outer context. */
	pm_tv_sets(a, row, "date", "");
	pm_tv_sets(a, row, "status", "");
	pm_tv_sets(a, row, "duration", "");
	pm_tv_sets(a, row, "href", r->href);
	pm_tv_sets(a, row, "id", m->id);
	pm_tv_sets(a, row, "title", m->title.s ? m->title.s : m->id);
	if (r->has_start) {
		pm_date_format(date, r->started / PM_DAY -
		    (r->started % PM_DAY < 0));
		pm_tv_sets(a, row, "date", date);
	}
	/* The report's language for lang= (WCAG 3.1.2): its locale
	 * field when that is a language tag, never a guess. */
	pm_tv_sets(a, row, "lang", lang_tag(m->locale.s));
	pm_tv_sets(a, row, "sev", site_sev_label(r->sev));
	pm_tv_setf(a, row, "sev_class", "sev-%s", r->sev >= 0 ?
	    site_sev_label(r->sev) : "none");
	if (m->status == PM_STATUS_DRAFT)
		pm_tv_sets(a, row, "status", "draft");
	else if (m->status == PM_STATUS_REVIEW)
		pm_tv_sets(a, row, "status", "in review");
	l = pm_tv_list(a);
	for (j = 0; j < m->services.n; j++) {
		if ((fv = site_fval(s, FACET_SERVICE,
		    m->services.v[j].s)) == NULL)
			continue;
		it = pm_tv_push_map(a, l);
		pm_tv_sets(a, it, "name", m->services.v[j].s);
		pm_tv_sets(a, it, "href", fv->href);
		pm_tv_setb(a, it, "sep", l->nitems > 1);
	}
	pm_tv_set(a, row, "services", l);
	if (m->started.ok && m->ended.ok && !m->started.day &&
	    !m->ended.day) {
		site_duration(&b, m->ended.t - m->started.t);
		pm_tv_sets(a, row, "duration", b.ptr);
	}
	if (r->nerr > 0) {
		pm_tv_setf(a, row, "lint", "%zu error%s", r->nerr,
		    r->nerr == 1 ? "" : "s");
		pm_tv_sets(a, row, "lint_class", "lint-error");
	} else if (r->nwarn > 0) {
		pm_tv_setf(a, row, "lint", "%zu warning%s", r->nwarn,
		    r->nwarn == 1 ? "" : "s");
		pm_tv_sets(a, row, "lint_class", "lint-warning");
	} else {
		pm_tv_sets(a, row, "lint", "clean");
		pm_tv_sets(a, row, "lint_class", "lint-ok");
	}
	/* Built once, read-only while pages render: the list sections
	 * showing it may reuse their output (tmpl.h). */
	pm_tv_memo(row);
	pm_buf_release(&b);
}

static int
cmp_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

static void
build_model(struct site *s)
{
	const struct pm_corpus	*c = s->corpus;
	const struct pm_doc	*d;
	struct strset		 set;
	struct idkey		*ik;
	struct rep		*r;
	size_t			 i, k;
	int64_t			 y;
	unsigned		 mo, dd;

	s->reps = pm_xcalloc(c->ndocs + 1, sizeof(*s->reps));
	for (i = 0; i < c->ndocs; i++) {
		d = c->docs[i];
		r = &s->reps[s->nreps++];
		r->doc = d;
		r->has_start = d->meta.started.ok;
		r->started = d->meta.started.t;
		r->sev = d->meta.severity;
	}
	if (s->nreps > 1)
		qsort(s->reps, s->nreps, sizeof(*s->reps), cmp_rep);

	/* Slugs: assigned in id order, so that "x" keeps "x.html" and
	 * a second report whose id slugs to "x" gets "x-2.html". */
	ik = pm_xcalloc(s->nreps + 1, sizeof(*ik));
	for (i = 0; i < s->nreps; i++) {
		ik[i].id = s->reps[i].doc->meta.id;
		ik[i].path = s->reps[i].doc->path;
		ik[i].i = i;
	}
	if (s->nreps > 1)
		qsort(ik, s->nreps, sizeof(*ik), cmp_idkey);
	s->byid = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	for (i = 0; i < s->nreps; i++)
		s->byid[i] = ik[i].i;
	free(ik);
	strset_init(&set, s->nreps);
	for (i = 0; i < s->nreps; i++) {
		r = &s->reps[s->byid[i]];
		r->slug = unique_slug(s, &set, r->doc->meta.id);
		r->href = pm_arena_printf(&s->arena, "r/%s.html", r->slug);
	}
	free(set.v);

	attach_findings(s);
	build_backlinks(s);
	for (k = 0; k < FACET__MAX; k++)
		build_facet(s, (enum facet_kind)k);
	site_similar(s);
	for (i = 0; i < s->nreps; i++) {
		r = &s->reps[i];
		build_row(s, r);
		/* Owner pages and the overdue chart match action items to
		 * owners by pointer, without a lookup per item and page. */
		r->aowner = pm_arena_alloc(&s->arena, (r->doc->nactions + 1) *
		    sizeof(*r->aowner));
		for (k = 0; k < r->doc->nactions; k++)
			if (r->doc->actions[k].owner != NULL)
				r->aowner[k] = site_fval(s, FACET_OWNER,
				    r->doc->actions[k].owner);
	}

	/* Years, newest first. */
	s->years = pm_xcalloc(s->nreps + 1, sizeof(int));
	for (i = 0; i < s->nreps; i++) {
		if (!s->reps[i].has_start)
			continue;
		pm_civil_from_days(s->reps[i].started / PM_DAY -
		    (s->reps[i].started % PM_DAY < 0), &y, &mo, &dd);
		if (s->nyears == 0 || s->years[s->nyears - 1] != (int)y)
			s->years[s->nyears++] = (int)y;
	}
	if (s->nyears > 1)
		qsort(s->years, s->nyears, sizeof(int), cmp_int_desc);
	for (i = 0, k = 0; i < s->nyears; i++)
		if (k == 0 || s->years[k - 1] != s->years[i])
			s->years[k++] = s->years[i];
	s->nyears = k;
}

/* PM_SITE_TIMING=1: phase times on stderr (for 'make bench'). */
static struct pm_phase	 timing = { "PM_SITE_TIMING", "site", { 0, 0 }, { 0, 0 } };

static void
phase(const char *what)
{
	pm_phase(&timing, what);
}

/* ---- jobs ---- */

enum	jobtype {
	JOB_INDEX,
	JOB_TRENDS,
	JOB_SEARCH,
	JOB_FEED,
	JOB_SITEMAP,
	JOB_ASSET,
	JOB_YEAR,
	JOB_SEV,
	JOB_FACETS,
	JOB_FVAL,
	JOB_DOC,
};

struct	job {
	enum jobtype	 type;
	size_t		 a, b;
};

struct	pool {
	struct site	*s;
	struct job	*jobs;
	size_t		 njobs, next;
	pthread_mutex_t	 mu;
	int		 failed;
	char		*error;		/* the first failure */
	int		 sitemap;
};

static int
copy_asset(const struct site *s, const char *name)
{
	struct pm_buf	 path = PM_BUF_INIT, data = PM_BUF_INIT;
	char		 chunk[65536];
	size_t		 n;
	FILE		*f;
	int		 rc = -1;

	if (pm_theme_file(s->theme, name, &path) == -1)
		goto out;
	if ((f = fopen(path.ptr, "rb")) == NULL) {
		pm_error_set("cannot open '%s'", path.ptr);
		goto out;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		pm_buf_put(&data, chunk, n);
	fclose(f);
	rc = site_put(s, name, &data);
out:
	pm_buf_release(&path);
	pm_buf_release(&data);
	return rc;
}

static const char *const assets[] = { "style.css", "search.js" };

static int
run_job(struct pool *p, const struct job *j, struct pm_arena *a)
{
	const struct site	*s = p->s;
	int			 w;

	switch (j->type) {
	case JOB_INDEX:
		return page_index(s, a);
	case JOB_TRENDS:
		return page_trends(s, a);
	case JOB_SEARCH:
		return site_search(s, a);
	case JOB_FEED:
		return site_feed(s);
	case JOB_SITEMAP:
		if (site_sitemap(s, &w) == -1)
			return -1;
		p->sitemap = w;
		return 0;
	case JOB_ASSET:
		return copy_asset(s, assets[j->a]);
	case JOB_YEAR:
		return page_year(s, j->a, a);
	case JOB_SEV:
		return page_severity(s, (int)j->a, a);
	case JOB_FACETS:
		return page_facets(s, (enum facet_kind)j->a, a);
	case JOB_FVAL:
		return page_fval(s, (enum facet_kind)j->a, j->b, a);
	case JOB_DOC:
		return page_doc(s, j->a, a);
	}
	return 0;
}

static void *
worker(void *arg)
{
	struct pool	*p = arg;
	struct pm_arena	 a = PM_ARENA_INIT;
	size_t		 i;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		if (p->failed || p->next == p->njobs) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->mu);
		if (run_job(p, &p->jobs[i], &a) == -1) {
			pthread_mutex_lock(&p->mu);
			if (!p->failed) {
				p->failed = 1;
				p->error = pm_xstrdup(pm_error_get());
			}
			pthread_mutex_unlock(&p->mu);
		}
		pm_arena_release(&a);
	}
	pm_arena_release(&a);
	page_doc_thread_done();
	pm_tmpl_thread_done();
	return NULL;
}

static void
add_job(struct pool *p, size_t *cap, enum jobtype t, size_t a, size_t b)
{
	p->jobs = pm_xgrow(p->jobs, cap, p->njobs + 1, sizeof(*p->jobs));
	p->jobs[p->njobs].type = t;
	p->jobs[p->njobs].a = a;
	p->jobs[p->njobs++].b = b;
}

static int
load_theme(struct site *s)
{
	if ((s->t_list = pm_theme_get(s->theme, "list")) == NULL ||
	    (s->t_report = pm_theme_get(s->theme, "report")) == NULL ||
	    (s->t_facets = pm_theme_get(s->theme, "facets")) == NULL ||
	    (s->t_trends = pm_theme_get(s->theme, "trends")) == NULL ||
	    (s->t_search = pm_theme_get(s->theme, "search")) == NULL)
		return -1;
	return 0;
}

int
pm_site_build(const struct pm_corpus *c, const struct pm_config *cfg,
    const struct pm_site_opts *o, struct pm_site_stats *stats)
{
	struct site	 s;
	struct pool	 p;
	struct pm_site_stats sst;
	struct pm_sitesnap *snap;
	pthread_t	*th = NULL;
	size_t		 cap = 0, i, k, nth;
	struct stat	 st;
	int		 rc = -1, sevseen[6] = { 0 }, committed;
	long		 ncpu;

	memset(&s, 0, sizeof(s));
	memset(&p, 0, sizeof(p));
	s.corpus = c;
	s.cfg = cfg;
	s.o = o;
	s.title = cfg->site_title ? cfg->site_title : "Post-mortems";
	if (o->theme_dir != NULL && (stat(o->theme_dir, &st) == -1 ||
	    !S_ISDIR(st.st_mode))) {
		pm_error_set("theme directory '%s' not found", o->theme_dir);
		goto out;
	}
	s.theme = pm_theme_new(o->theme_dir, o->default_theme);
	if (load_theme(&s) == -1)
		goto out;
	for (i = 0; i < sizeof(assets) / sizeof(assets[0]); i++) {
		struct pm_buf	 tmp = PM_BUF_INIT;
		int		 e = pm_theme_file(s.theme, assets[i], &tmp);

		pm_buf_release(&tmp);
		if (e == -1)
			goto out;
	}
	page_doc_init();
	phase(NULL);
	build_model(&s);
	phase("model");
	if (pm_sitew_open(&s.w, o->out) == -1)
		goto out;
	phase("open");
	if (site_attach(&s) == -1)
		goto out;
	phase("attachments");

	/* The big single pages first, so they overlap the many small. */
	p.s = &s;
	add_job(&p, &cap, JOB_INDEX, 0, 0);
	add_job(&p, &cap, JOB_TRENDS, 0, 0);
	add_job(&p, &cap, JOB_SEARCH, 0, 0);
	add_job(&p, &cap, JOB_FEED, 0, 0);
	add_job(&p, &cap, JOB_SITEMAP, 0, 0);
	for (i = 0; i < sizeof(assets) / sizeof(assets[0]); i++)
		add_job(&p, &cap, JOB_ASSET, i, 0);
	for (i = 0; i < s.nyears; i++)
		add_job(&p, &cap, JOB_YEAR, i, 0);
	for (i = 0; i < s.nreps; i++)
		sevseen[s.reps[i].sev >= 0 && s.reps[i].sev <= 4 ?
		    s.reps[i].sev : 5] = 1;
	for (i = 0; i < 5; i++)
		if (sevseen[i])
			add_job(&p, &cap, JOB_SEV, i, 0);
	for (k = 0; k < FACET__MAX; k++) {
		add_job(&p, &cap, JOB_FACETS, k, 0);
		for (i = 0; i < s.facets[k].n; i++)
			add_job(&p, &cap, JOB_FVAL, k, i);
	}
	for (i = 0; i < s.nreps; i++)
		add_job(&p, &cap, JOB_DOC, i, 0);

	pthread_mutex_init(&p.mu, NULL);
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	nth = o->threads > 0 ? (size_t)o->threads :
	    ncpu > 0 ? (size_t)ncpu : 1;
	if (nth > 16)
		nth = 16;
	th = pm_xcalloc(nth, sizeof(*th));
	for (i = 1; i < nth; i++)
		if (pthread_create(&th[i], NULL, worker, &p) != 0)
			break;
	k = i;
	worker(&p);
	for (i = 1; i < k; i++)
		pthread_join(th[i], NULL);
	pthread_mutex_destroy(&p.mu);
	phase("pages");
	if (p.failed) {
		pm_error_set("%s", p.error);
		goto out;
	}
	memset(&sst, 0, sizeof(sst));
	sst.reports = s.nreps;
	sst.sitemap = p.sitemap;
	sst.attachments = s.natt_written;
	snap = pm_sitesnap_record(o, s.w, &sst, pm_buf_cstr(&s.notes));
	phase("snapshot");
	committed = pm_sitew_commit(s.w) == 0;
	pm_sitesnap_finish(snap, committed);
	if (!committed)
		goto out;
	phase("commit");
	if (stats != NULL) {
		stats->reports = s.nreps;
		stats->files = pm_sitew_count(s.w, &stats->kept);
		stats->sitemap = p.sitemap;
		stats->attachments = s.natt_written;
	}
	rc = 0;
out:
	pm_buf_release(&s.notes);
	free(th);
	free(p.jobs);
	free(p.error);
	pm_sitew_free(s.w);
	pm_theme_free(s.theme);
	site_attach_free(&s);
	site_similar_free(&s);
	free(s.reps);
	free(s.byid);
	free(s.years);
	pm_arena_release(&s.arena);
	return rc;
}
