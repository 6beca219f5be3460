/*
 * The theme template engine (see tmpl.h).  A template is parsed once
 * into a tree of ops (text, variable, raw variable, section, inverted
 * section, partial) and evaluated against a value tree per page, the
 * way lowdown's template.c parses OP_FOR/OP_IFDEF/OP_STR/OP_EXPR.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "site/html.h"
#include "site/tmpl.h"

#define	MAXDEPTH	64	/* nested sections and partials */

struct	pm_tvkv {
	const char	*key;
	size_t		 klen;
	struct pm_tv	*val;
};

enum	optype {
	OP_TEXT,
	OP_VAR,		/* {{x}}: escaped */
	OP_RAW,		/* {{{x}}}, {{&x}} */
	OP_SECTION,	/* {{#x}} */
	OP_INVERT,	/* {{^x}} */
	OP_PARTIAL,	/* {{>x}} */
};

struct	seg {			/* one part of a dotted name */
	const char	*s;		/* in op.s, not NUL-terminated */
	size_t		 len;
	uint32_t	 hash;
};

struct	op {
	enum optype		 type;
	char			*s;	/* text, or the name */
	size_t			 len;
	struct seg		*segs;	/* names: split at '.' ("."
					   alone: none) */
	size_t			 nsegs;
	struct op		*kids;	/* SECTION, INVERT */
	size_t			 nkids, capkids;
	const struct pm_tmpl	*partial; /* PARTIAL: owned by the theme */
	unsigned int		 line;
};

struct	pm_tmpl {
	char		*name;
	struct op	 root;
};

struct	entry {
	char		*name;
	struct pm_tmpl	*t;
	int		 loading;	/* being parsed: a partial cycle */
};

struct	pm_theme {
	char		*dir;
	char		*fallback;
	struct entry	*v;
	size_t		 n, cap;
};

/* ---- values ---- */

/*
 * The hash of a key (FNV-1a), kept with every map entry and every name
 * in a template, so that a lookup compares two integers before bytes.
 */
static uint32_t
keyhash(const char *s, size_t n)
{
	uint32_t	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct pm_tv *
tv_new(struct pm_arena *a, enum pm_tvtype type)
{
	struct pm_tv	*v;

	v = pm_arena_alloc(a, sizeof(*v));
	v->type = type;
	v->s = "";
	return v;
}

struct pm_tv *
pm_tv_map(struct pm_arena *a)
{
	return tv_new(a, PM_TV_MAP);
}

struct pm_tv *
pm_tv_list(struct pm_arena *a)
{
	return tv_new(a, PM_TV_LIST);
}

struct pm_tv *
pm_tv_strn(struct pm_arena *a, const char *s, size_t n)
{
	struct pm_tv	*v;

	v = tv_new(a, PM_TV_STR);
	if (s != NULL) {
		v->s = pm_arena_strndup(a, s, n);
		v->len = n;
	}
	return v;
}

struct pm_tv *
pm_tv_strref(struct pm_arena *a, const char *s, size_t n)
{
	struct pm_tv	*v;

	v = tv_new(a, PM_TV_STR);
	v->s = s;
	v->len = n;
	return v;
}

struct pm_tv *
pm_tv_str(struct pm_arena *a, const char *s)
{
	return pm_tv_strn(a, s, s == NULL ? 0 : strlen(s));
}

struct pm_tv *
pm_tv_bool(struct pm_arena *a, int b)
{
	struct pm_tv	*v;

	v = tv_new(a, PM_TV_BOOL);
	v->b = b != 0;
	return v;
}

void
pm_tv_set(struct pm_arena *a, struct pm_tv *map, const char *key,
    struct pm_tv *val)
{
	struct pm_tvkv	*kv;
	uint32_t	*kh;
	size_t		 cap;

	/* Two arrays in the arena, doubled when full: the hashes, which
	 * a lookup scans, and the entries. */
	if (map->nkv == map->capkv) {
		cap = map->capkv ? map->capkv * 2 : 8;
		kv = pm_arena_alloc(a, cap * sizeof(*kv));
		kh = pm_arena_alloc(a, cap * sizeof(*kh));
		if (map->nkv > 0) {
			memcpy(kv, map->kv, map->nkv * sizeof(*kv));
			memcpy(kh, map->kh, map->nkv * sizeof(*kh));
		}
		map->kv = kv;
		map->kh = kh;
		map->capkv = cap;
	}
	kv = &map->kv[map->nkv];
	kv->key = key;	/* keys are string literals or arena strings */
	kv->klen = strlen(key);
	kv->val = val;
	map->kh[map->nkv] = keyhash(key, kv->klen);
	map->keys |= (uint64_t)1 << (map->kh[map->nkv] & 63);
	map->nkv++;
}

void
pm_tv_sets(struct pm_arena *a, struct pm_tv *map, const char *key,
    const char *s)
{
	pm_tv_set(a, map, key, pm_tv_str(a, s));
}

void
pm_tv_setf(struct pm_arena *a, struct pm_tv *map, const char *key,
    const char *fmt, ...)
{
	struct pm_buf	 b = PM_BUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	pm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	pm_tv_set(a, map, key, pm_tv_strn(a, pm_buf_cstr(&b), b.len));
	pm_buf_release(&b);
}

void
pm_tv_memo(struct pm_tv *v)
{
	v->memo = 1;
}

void
pm_tv_setb(struct pm_arena *a, struct pm_tv *map, const char *key, int b)
{
	pm_tv_set(a, map, key, pm_tv_bool(a, b));
}

void
pm_tv_push(struct pm_arena *a, struct pm_tv *list, struct pm_tv *v)
{
	if (list->nitems == list->capitems)
		list->items = pm_arena_grow(a, list->items, &list->capitems,
		    list->nitems + 1, sizeof(*list->items));
	list->items[list->nitems++] = v;
}

struct pm_tv *
pm_tv_push_map(struct pm_arena *a, struct pm_tv *list)
{
	struct pm_tv	*m;

	m = pm_tv_map(a);
	pm_tv_push(a, list, m);
	return m;
}

/* ---- parsing ---- */

/* First occurrence of the n-byte needle in s[0..len), or NULL. */
static const char *
find(const char *s, size_t len, const char *needle, size_t n)
{
	const char	*p, *end = s + len;

	for (p = s; p + n <= end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (p == NULL || p + n > end)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
	}
	return NULL;
}

static void
op_free(struct op *o)
{
	size_t	 i;

	for (i = 0; i < o->nkids; i++)
		op_free(&o->kids[i]);
	free(o->kids);
	free(o->segs);
	free(o->s);
}

/* Split a name op's s at '.' into segs ("." itself: no segments). */
static void
split_name(struct op *o)
{
	const char	*p, *e, *dot;
	size_t		 n;

	if (o->len == 1 && o->s[0] == '.')
		return;
	for (n = 1, p = o->s; (p = memchr(p, '.', (size_t)(o->s + o->len -
	    p))) != NULL; p++)
		n++;
	o->segs = pm_xcalloc(n, sizeof(*o->segs));
	e = o->s + o->len;
	for (p = o->s; o->nsegs < n; p = dot + 1) {
		dot = memchr(p, '.', (size_t)(e - p));
		if (dot == NULL)
			dot = e;
		o->segs[o->nsegs].s = p;
		o->segs[o->nsegs].len = (size_t)(dot - p);
		o->segs[o->nsegs++].hash = keyhash(p, (size_t)(dot - p));
	}
}

static struct op *
op_add(struct op *parent, enum optype type, const char *s, size_t len,
    unsigned int line)
{
	struct op	*o;

	parent->kids = pm_xgrow(parent->kids, &parent->capkids,
	    parent->nkids + 1, sizeof(*parent->kids));
	o = &parent->kids[parent->nkids++];
	memset(o, 0, sizeof(*o));
	o->type = type;
	/* Copy len bytes exactly: a theme file may hold a NUL byte. */
	o->s = pm_xmalloc(len + 1);
	memcpy(o->s, s, len);
	o->s[len] = '\0';
	o->len = len;
	o->line = line;
	if (type != OP_TEXT && type != OP_PARTIAL)
		split_name(o);
	return o;
}

static unsigned int
line_of(const char *text, const char *p)
{
	unsigned int	 n = 1;

	for (; text < p; text++)
		if (*text == '\n')
			n++;
	return n;
}

static int
valid_name(const char *s, size_t n, int partial)
{
	size_t	 i;

	if (n == 0)
		return 0;
	if (!partial && n == 1 && s[0] == '.')
		return 1;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		    (!partial && c == '.')))
			return 0;
	}
	return 1;
}

static int
is_blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

struct pm_tmpl *
pm_tmpl_parse(const char *name, const char *text, size_t len,
    struct pm_theme *theme)
{
	struct pm_tmpl	*t;
	struct op	*stack[MAXDEPTH], *cur, *o;
	const char	*p, *end, *txt, *open, *close, *ns, *ne, *ls, *nl;
	int		 depth, standalone;
	char		 sigil;
	unsigned int	 line;

	t = pm_xcalloc(1, sizeof(*t));
	t->name = pm_xstrdup(name);
	depth = 0;
	cur = &t->root;
	p = txt = text;
	end = text + len;

	while ((open = find(p, (size_t)(end - p), "{{", 2)) != NULL) {
		line = line_of(text, open);
		ns = open + 2;
		sigil = ns < end ? *ns : '\0';
		if (sigil == '{') {
			close = find(ns, (size_t)(end - ns), "}}}", 3);
			ns++;
		} else
			close = find(ns, (size_t)(end - ns), "}}", 2);
		if (close == NULL) {
			pm_error_set("%s:%u: unterminated tag", name, line);
			goto fail;
		}
		if (sigil == '#' || sigil == '^' || sigil == '/' ||
		    sigil == '>' || sigil == '&' || sigil == '!')
			ns++;
		ne = close;
		close += sigil == '{' ? 3 : 2;
		while (ns < ne && (*ns == ' ' || *ns == '\t'))
			ns++;
		while (ne > ns && (ne[-1] == ' ' || ne[-1] == '\t'))
			ne--;

		/* A block tag alone on its line takes the line with it. */
		standalone = 0;
		if (sigil == '#' || sigil == '^' || sigil == '/' ||
		    sigil == '>' || sigil == '!') {
			for (ls = open; ls > text && ls[-1] != '\n'; ls--)
				continue;
			nl = memchr(close, '\n', (size_t)(end - close));
			if (nl == NULL)
				nl = end;
			if (ls >= txt && is_blank(ls, open) &&
			    is_blank(close, nl)) {
				standalone = 1;
				if (ls > txt)
					op_add(cur, OP_TEXT, txt,
					    (size_t)(ls - txt), line);
				p = txt = nl < end ? nl + 1 : end;
			}
		}
		if (!standalone) {
			if (open > txt)
				op_add(cur, OP_TEXT, txt, (size_t)(open - txt),
				    line);
			p = txt = close;
		}
		if (sigil == '!')
			continue;
		if (!valid_name(ns, (size_t)(ne - ns), sigil == '>')) {
			pm_error_set("%s:%u: bad name '%.*s' in tag", name,
			    line, (int)(ne - ns), ns);
			goto fail;
		}
		switch (sigil) {
		case '#':
		case '^':
			if (depth == MAXDEPTH) {
				pm_error_set("%s:%u: sections nested too "
				    "deeply", name, line);
				goto fail;
			}
			o = op_add(cur, sigil == '#' ? OP_SECTION : OP_INVERT,
			    ns, (size_t)(ne - ns), line);
			stack[depth++] = cur;
			cur = o;
			break;
		case '/':
			if (depth == 0 || cur->len != (size_t)(ne - ns) ||
			    memcmp(cur->s, ns, cur->len) != 0) {
				pm_error_set("%s:%u: '{{/%.*s}}' closes %s%s%s",
				    name, line, (int)(ne - ns), ns,
				    depth ? "'" : "nothing",
				    depth ? cur->s : "", depth ? "'" : "");
				goto fail;
			}
			cur = stack[--depth];
			break;
		case '>':
			if (theme == NULL) {
				pm_error_set("%s:%u: partial '%.*s' outside "
				    "a theme", name, line, (int)(ne - ns), ns);
				goto fail;
			}
			o = op_add(cur, OP_PARTIAL, ns, (size_t)(ne - ns),
			    line);
			if ((o->partial = pm_theme_get(theme, o->s)) == NULL)
				goto fail;
			break;
		case '&':
		case '{':
			op_add(cur, OP_RAW, ns, (size_t)(ne - ns), line);
			break;
		default:
			op_add(cur, OP_VAR, ns, (size_t)(ne - ns), line);
			break;
		}
	}
	if (depth > 0) {
		pm_error_set("%s:%u: section '%s' is not closed", name,
		    cur->line, cur->s);
		goto fail;
	}
	if (end > txt)
		op_add(cur, OP_TEXT, txt, (size_t)(end - txt), 0);
	return t;
fail:
	pm_tmpl_free(t);
	return NULL;
}

void
pm_tmpl_free(struct pm_tmpl *t)
{
	if (t == NULL)
		return;
	/* Kept outputs are keyed by op address: none may outlive it. */
	pm_tmpl_thread_done();
	op_free(&t->root);
	free(t->name);
	free(t);
}

/* ---- evaluation ---- */

/*
 * The output of a section for one list item marked with pm_tv_memo
 * (a report row: the same on a hundred list pages and in the related
 * lists of many report pages) is kept per thread and reused when the
 * names it read outside the item have the same values again.
 */
/* A name read outside the item. */
struct	dep {
	const struct op	*o;
	int		 type;		/* pm_tvtype; -1: absent */
	int		 b;		/* BOOL */
	char		*s;		/* STR, a copy */
	size_t		 len;
};

struct	memo {
	const struct op		*op;	/* the section */
	const struct pm_tv	*item;
	struct dep		*deps;
	size_t			 ndeps;
	char			*out;
	size_t			 len;
	struct memo		*next;	/* same hash slot */
};

struct	memotab {
	struct memo	**v;
	size_t		 cap, n;
};

static _Thread_local struct memotab	 memos;

struct	ctx {
	const struct pm_tv	*v[MAXDEPTH * 2];
	int			 n;
	int			 rec;	/* index of the item whose deps
					   are recorded, or -1 */
	int			 bad;	/* it read an outer list or
					   map: not kept */
	struct dep		*deps;
	size_t			 ndeps, capdeps;
};

static void	 dep_add(struct ctx *, const struct op *,
		    const struct pm_tv *);
static void	 eval(const struct op *, struct ctx *, struct pm_buf *);
static const struct pm_tv *lookup(struct ctx *, const struct op *);

static const struct pm_tv *
map_get(const struct pm_tv *m, const struct seg *k)
{
	const struct pm_tvkv	*kv;
	size_t			 i;

	if (m == NULL || m->type != PM_TV_MAP)
		return NULL;
	/* Most lookups of an outer name (root, in a row) miss the inner
	 * maps: the key bits say so without walking them. */
	if (!(m->keys & (uint64_t)1 << (k->hash & 63)))
		return NULL;
	/* The most recent first: a later set hides an earlier one. */
	for (i = m->nkv; i-- > 0; ) {
		if (m->kh[i] != k->hash)
			continue;
		kv = &m->kv[i];
		if (kv->klen == k->len && memcmp(kv->key, k->s, k->len) == 0)
			return kv->val;
	}
	return NULL;
}

/* The value of a name op, innermost context first, or NULL. */
static const struct pm_tv *
lookup(struct ctx *c, const struct op *o)
{
	const struct pm_tv	*v;
	size_t			 k;
	int			 i;

	if (o->nsegs == 0)		/* "." */
		return c->n > 0 ? c->v[c->n - 1] : NULL;
	v = NULL;
	for (i = c->n - 1; i >= 0 && v == NULL; i--)
		v = map_get(c->v[i], &o->segs[0]);
	for (k = 1; v != NULL && k < o->nsegs; k++)
		v = map_get(v, &o->segs[k]);
	/* i + 1 is where the name was found (-1: nowhere). */
	if (c->rec >= 0 && i + 1 < c->rec)
		dep_add(c, o, v);
	return v;
}

static int
truthy(const struct pm_tv *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case PM_TV_STR:
		return v->len > 0;
	case PM_TV_LIST:
		return v->nitems > 0;
	case PM_TV_BOOL:
		return v->b;
	case PM_TV_MAP:
		return 1;
	}
	return 0;
}

/* Record that name o read v outside the item being recorded. */
static void
dep_add(struct ctx *c, const struct op *o, const struct pm_tv *v)
{
	struct dep	*d;

	if (v != NULL && v->type != PM_TV_STR && v->type != PM_TV_BOOL) {
		c->bad = 1;
		return;
	}
	c->deps = pm_xgrow(c->deps, &c->capdeps, c->ndeps + 1,
	    sizeof(*c->deps));
	d = &c->deps[c->ndeps++];
	d->o = o;
	d->type = v == NULL ? -1 : (int)v->type;
	d->b = v != NULL && v->type == PM_TV_BOOL ? v->b : 0;
	d->s = NULL;
	d->len = 0;
	if (v != NULL && v->type == PM_TV_STR) {
		d->s = pm_xmalloc(v->len + 1);
		memcpy(d->s, v->s, v->len);
		d->s[v->len] = '\0';
		d->len = v->len;
	}
}

static void
deps_free(struct dep *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].s);
}

static size_t
memo_slot(const struct op *op, const struct pm_tv *item, size_t cap)
{
	uint64_t	 h;

	h = ((uint64_t)(uintptr_t)op * 0x9e3779b97f4a7c15ULL) ^
	    ((uint64_t)(uintptr_t)item * 0xc2b2ae3d27d4eb4fULL);
	return (size_t)(h >> 17) & (cap - 1);
}

static struct memo *
memo_find(const struct op *op, const struct pm_tv *item)
{
	struct memo	*m;

	if (memos.cap == 0)
		return NULL;
	for (m = memos.v[memo_slot(op, item, memos.cap)]; m != NULL;
	    m = m->next)
		if (m->op == op && m->item == item)
			return m;
	return NULL;
}

/* Keep the output of op for item with the deps recorded in c. */
static void
memo_store(struct ctx *c, const struct op *op, const struct pm_tv *item,
    const char *out, size_t len)
{
	struct memo	*m, *next, **nv;
	size_t		 i, ncap, k;

	if ((m = memo_find(op, item)) != NULL) {
		deps_free(m->deps, m->ndeps);
		free(m->deps);
		free(m->out);
	} else {
		if (memos.n + 1 > memos.cap / 2) {
			ncap = memos.cap ? memos.cap * 2 : 1024;
			nv = pm_xcalloc(ncap, sizeof(*nv));
			for (i = 0; i < memos.cap; i++)
				for (m = memos.v[i]; m != NULL; m = next) {
					next = m->next;
					k = memo_slot(m->op, m->item, ncap);
					m->next = nv[k];
					nv[k] = m;
				}
			free(memos.v);
			memos.v = nv;
			memos.cap = ncap;
		}
		m = pm_xcalloc(1, sizeof(*m));
		m->op = op;
		m->item = item;
		k = memo_slot(op, item, memos.cap);
		m->next = memos.v[k];
		memos.v[k] = m;
		memos.n++;
	}
	m->deps = c->ndeps ? pm_xreallocarray(NULL, c->ndeps,
	    sizeof(*m->deps)) : NULL;
	if (c->ndeps)
		memcpy(m->deps, c->deps, c->ndeps * sizeof(*m->deps));
	m->ndeps = c->ndeps;
	c->ndeps = 0;		/* the strings now belong to m */
	m->out = pm_xmalloc(len + 1);
	if (len > 0)
		memcpy(m->out, out, len);
	m->len = len;
}

/* Whether every name m read outside its item has the same value in c. */
static int
deps_hold(struct ctx *c, const struct memo *m)
{
	const struct pm_tv	*v;
	const struct dep	*d;
	size_t			 i;

	for (i = 0; i < m->ndeps; i++) {
		d = &m->deps[i];
		v = lookup(c, d->o);
		if (v == NULL ? d->type != -1 : (int)v->type != d->type)
			return 0;
		if (v == NULL)
			continue;
		if (v->type == PM_TV_BOOL && v->b != d->b)
			return 0;
		if (v->type == PM_TV_STR && (v->len != d->len ||
		    memcmp(v->s, d->s, d->len) != 0))
			return 0;
	}
	return 1;
}

/* One item of a list section: from the memo, or rendered (and kept). */
static void
eval_item(const struct op *o, const struct pm_tv *item, struct ctx *c,
    struct pm_buf *out)
{
	const struct memo	*m;
	size_t			 i, start;

	if (!item->memo || c->rec >= 0) {
		c->v[c->n++] = item;
		for (i = 0; i < o->nkids; i++)
			eval(&o->kids[i], c, out);
		c->n--;
		return;
	}
	if ((m = memo_find(o, item)) != NULL && deps_hold(c, m)) {
		pm_buf_put(out, m->out, m->len);
		return;
	}
	start = out->len;
	c->rec = c->n;
	c->bad = 0;
	c->v[c->n++] = item;
	for (i = 0; i < o->nkids; i++)
		eval(&o->kids[i], c, out);
	c->n--;
	c->rec = -1;
	if (!c->bad)
		memo_store(c, o, item, out->ptr + start, out->len - start);
	deps_free(c->deps, c->ndeps);
	c->ndeps = 0;
}

void
pm_tmpl_thread_done(void)
{
	struct memo	*m, *next;
	size_t		 i;

	for (i = 0; i < memos.cap; i++)
		for (m = memos.v[i]; m != NULL; m = next) {
			next = m->next;
			deps_free(m->deps, m->ndeps);
			free(m->deps);
			free(m->out);
			free(m);
		}
	free(memos.v);
	memset(&memos, 0, sizeof(memos));
}

static void
eval(const struct op *o, struct ctx *c, struct pm_buf *out)
{
	const struct pm_tv	*v;
	size_t			 i, j;

	switch (o->type) {
	case OP_TEXT:
		pm_buf_put(out, o->s, o->len);
		return;
	case OP_VAR:
	case OP_RAW:
		v = lookup(c, o);
		if (v == NULL)
			return;
		if (v->type == PM_TV_STR) {
			if (o->type == OP_RAW)
				pm_buf_put(out, v->s, v->len);
			else
				pm_html_esc(out, v->s, v->len);
		} else if (v->type == PM_TV_BOOL && v->b)
			pm_buf_puts(out, "true");
		return;
	case OP_PARTIAL:
		if (c->n >= (int)(sizeof(c->v) / sizeof(c->v[0])))
			return;
		for (i = 0; i < o->partial->root.nkids; i++)
			eval(&o->partial->root.kids[i], c, out);
		return;
	case OP_INVERT:
		if (truthy(lookup(c, o)))
			return;
		for (i = 0; i < o->nkids; i++)
			eval(&o->kids[i], c, out);
		return;
	case OP_SECTION:
		v = lookup(c, o);
		if (!truthy(v))
			return;
		if (c->n >= (int)(sizeof(c->v) / sizeof(c->v[0])) - 1)
			return;		/* cannot happen: depth is capped */
		if (v->type == PM_TV_LIST) {
			for (j = 0; j < v->nitems; j++)
				eval_item(o, v->items[j], c, out);
			return;
		}
		c->v[c->n++] = v;
		for (i = 0; i < o->nkids; i++)
			eval(&o->kids[i], c, out);
		c->n--;
		return;
	}
}

void
pm_tmpl_render(const struct pm_tmpl *t, const struct pm_tv *root,
    struct pm_buf *out)
{
	struct ctx	 c;
	size_t		 i;

	memset(&c, 0, sizeof(c));
	c.rec = -1;
	c.v[c.n++] = root;
	for (i = 0; i < t->root.nkids; i++)
		eval(&t->root.kids[i], &c, out);
	free(c.deps);
}

/* ---- themes ---- */

struct pm_theme *
pm_theme_new(const char *dir, const char *fallback)
{
	struct pm_theme	*th;

	th = pm_xcalloc(1, sizeof(*th));
	th->dir = dir ? pm_xstrdup(dir) : NULL;
	th->fallback = fallback ? pm_xstrdup(fallback) : NULL;
	return th;
}

void
pm_theme_free(struct pm_theme *th)
{
	size_t	 i;

	if (th == NULL)
		return;
	for (i = 0; i < th->n; i++) {
		pm_tmpl_free(th->v[i].t);
		free(th->v[i].name);
	}
	free(th->v);
	free(th->dir);
	free(th->fallback);
	free(th);
}

static int
exists(const char *path)
{
	FILE	*f;

	if ((f = fopen(path, "r")) == NULL)
		return 0;
	fclose(f);
	return 1;
}

int
pm_theme_file(struct pm_theme *th, const char *name, struct pm_buf *out)
{
	pm_buf_truncate(out, 0);
	if (th->dir != NULL) {
		pm_buf_printf(out, "%s/%s", th->dir, name);
		if (exists(out->ptr))
			return 0;
		pm_buf_truncate(out, 0);
	}
	if (th->fallback != NULL) {
		pm_buf_printf(out, "%s/%s", th->fallback, name);
		if (exists(out->ptr))
			return 0;
	}
	pm_error_set("theme file '%s' not found%s%s", name,
	    th->dir ? " in " : "", th->dir ? th->dir : "");
	return -1;
}

static int
slurp(const char *path, char **out, size_t *lenp)
{
	struct pm_buf	 b = PM_BUF_INIT;
	char		 chunk[8192];
	size_t		 n;
	FILE		*f;

	if ((f = fopen(path, "rb")) == NULL) {
		pm_error_set("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		pm_buf_put(&b, chunk, n);
	if (ferror(f)) {
		pm_error_set("cannot read '%s': %s", path, strerror(errno));
		fclose(f);
		pm_buf_release(&b);
		return -1;
	}
	fclose(f);
	pm_buf_grow(&b, 0);
	*out = pm_buf_detach(&b, lenp);
	return 0;
}

const struct pm_tmpl *
pm_theme_get(struct pm_theme *th, const char *name)
{
	struct pm_buf	 path = PM_BUF_INIT, file = PM_BUF_INIT;
	struct pm_tmpl	*t;
	char		*text;
	size_t		 i, len, slot;

	for (i = 0; i < th->n; i++)
		if (strcmp(th->v[i].name, name) == 0) {
			if (th->v[i].loading) {
				pm_error_set("template '%s' includes itself",
				    name);
				return NULL;
			}
			return th->v[i].t;
		}
	if (!valid_name(name, strlen(name), 1)) {
		pm_error_set("bad template name '%s'", name);
		return NULL;
	}
	pm_buf_printf(&file, "%s.html", name);
	if (pm_theme_file(th, file.ptr, &path) == -1) {
		pm_buf_release(&file);
		pm_buf_release(&path);
		return NULL;
	}
	pm_buf_release(&file);
	if (slurp(path.ptr, &text, &len) == -1) {
		pm_buf_release(&path);
		return NULL;
	}
	th->v = pm_xgrow(th->v, &th->cap, th->n + 1, sizeof(*th->v));
	slot = th->n++;
	th->v[slot].name = pm_xstrdup(name);
	th->v[slot].t = NULL;
	th->v[slot].loading = 1;
	t = pm_tmpl_parse(path.ptr, text, len, th);
	free(text);
	pm_buf_release(&path);
	/* th->v may have moved while partials were loaded. */
	th->v[slot].loading = 0;
	th->v[slot].t = t;
	if (t == NULL) {
		/* Forget the entry so the error repeats, not NULL silently. */
		free(th->v[slot].name);
		th->v[slot] = th->v[--th->n];
		return NULL;
	}
	return t;
}
