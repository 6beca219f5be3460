/*
 * Baselines (see lint.h): the findings a repository already had, so
 * that lint reports only what a change adds.  A set is read from a
 * baseline file or made from the lint of another revision (--since);
 * a run's findings are then matched against it by fingerprint, never
 * by line number.
 *
 * The file is JSON, one entry a line, sorted, so that a review sees
 * which findings were accepted and a rewrite after a change touches
 * only the entries that changed:
 *
 *	{
 *	  "version": 1,
 *	  "findings": [
 *	    {"path": "...", "report": "ID", "rule": "actions/owner",
 *	     "fingerprint": "16 hex digits", "text": "what was flagged"},
 *	    ...
 *	  ]
 *	}
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/json.h"
#include "base/yamlx.h"
#include "corpus.h"
#include "doc/doc.h"
#include "lint/lint.h"

#define	TEXT_MAX	120	/* bytes of flagged text kept per entry */

struct	bentry {
	char		*path;
	char		*report;	/* the report's id */
	char		*rule;
	char		*text;
	uint64_t	 fp;
	int		 matched;
};

struct	pm_baseline {
	struct bentry	*v;
	size_t		 n, cap;
	size_t		 nstale;
	size_t		*stale;		/* indices into v, after filter */
};

/* Documents by path, for line text, report ids and targets. */
struct	dref {
	const struct pm_doc	*d;
	int			 target;
};

struct	docidx {
	struct dref	*v;
	size_t		 n;
};

static int
cmp_docpath(const void *a, const void *b)
{
	const struct dref	*x = a, *y = b;

	return strcmp(x->d->path, y->d->path);
}

static void
docidx_init(struct docidx *ix, const struct pm_corpus *cp)
{
	size_t	 i;

	ix->n = cp != NULL ? cp->ndocs : 0;
	ix->v = pm_xcalloc(ix->n > 0 ? ix->n : 1, sizeof(*ix->v));
	for (i = 0; i < ix->n; i++) {
		ix->v[i].d = cp->docs[i];
		ix->v[i].target = cp->target == NULL || cp->target[i];
	}
	qsort(ix->v, ix->n, sizeof(*ix->v), cmp_docpath);
}

static const struct dref *
docidx_ref(const struct docidx *ix, const char *path)
{
	size_t	 lo = 0, hi = ix->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(ix->v[mid].d->path, path)) == 0)
			return &ix->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct pm_doc *
docidx_find(const struct docidx *ix, const char *path)
{
	const struct dref	*r = docidx_ref(ix, path);

	return r != NULL ? r->d : NULL;
}

static const char *
doc_line(void *arg, unsigned int n, size_t *len)
{
	return pm_doc_line(arg, n, len);
}

struct pm_baseline *
pm_baseline_new(void)
{
	return pm_xcalloc(1, sizeof(struct pm_baseline));
}

void
pm_baseline_free(struct pm_baseline *bl)
{
	size_t	 i;

	if (bl == NULL)
		return;
	for (i = 0; i < bl->n; i++) {
		free(bl->v[i].path);
		free(bl->v[i].report);
		free(bl->v[i].rule);
		free(bl->v[i].text);
	}
	free(bl->v);
	free(bl->stale);
	free(bl);
}

static struct bentry *
add_entry(struct pm_baseline *bl, const char *path, const char *report,
    const char *rule, const char *text, uint64_t fp)
{
	struct bentry	*e;

	bl->v = pm_xgrow(bl->v, &bl->cap, bl->n + 1, sizeof(*bl->v));
	e = &bl->v[bl->n++];
	memset(e, 0, sizeof(*e));
	e->path = pm_xstrdup(path);
	e->report = pm_xstrdup(report);
	e->rule = pm_xstrdup(rule);
	e->text = pm_xstrdup(text != NULL ? text : "");
	e->fp = fp;
	return e;
}

/* The entry of finding f: its report's id (the path when it has no
 * document) and the text its fingerprint was made of. */
static void
entry_of(struct pm_baseline *bl, const struct docidx *ix,
    const struct pm_finding *f)
{
	const struct pm_doc	*d = docidx_find(ix, f->path);
	char			 text[TEXT_MAX + 1];

	pm_finding_key_text(text, sizeof(text), f, d != NULL ? doc_line :
	    NULL, (void *)d);
	add_entry(bl, f->path, d != NULL ? d->meta.id : f->path,
	    pm_rule_name(f->rule), text, f->fp);
}

void
pm_baseline_add(struct pm_baseline *bl, const struct pm_findings *fs,
    const struct pm_corpus *cp)
{
	struct docidx	 ix;
	size_t		 i;

	docidx_init(&ix, cp);
	for (i = 0; i < fs->n; i++)
		entry_of(bl, &ix, &fs->v[i]);
	free(ix.v);
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct bentry	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	if ((c = strcmp(x->text, y->text)) != 0)
		return c;
	if (x->fp != y->fp)
		return x->fp < y->fp ? -1 : 1;
	return strcmp(x->report, y->report);
}

int
pm_baseline_write(const char *file, const struct pm_findings *fs,
    const struct pm_corpus *cp)
{
	struct pm_baseline	*bl;
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_buf		 tmp = PM_BUF_INIT;
	struct bentry		*e;
	FILE			*out;
	size_t			 i;
	int			 rc = -1;

	bl = pm_baseline_new();
	pm_baseline_add(bl, fs, cp);
	qsort(bl->v, bl->n, sizeof(*bl->v), cmp_entry);
	pm_buf_puts(&b, "{\n  \"version\": 1,\n  \"findings\": [");
	for (i = 0; i < bl->n; i++) {
		e = &bl->v[i];
		pm_buf_puts(&b, i == 0 ? "\n" : ",\n");
#define	FIELD(k, v, last) do {						\
		pm_buf_puts(&b, "\"" k "\": \"");			\
		pm_json_escape(&b, (v), strlen(v));			\
		pm_buf_puts(&b, (last) ? "\"" : "\", ");		\
	} while (0)
		pm_buf_puts(&b, "    {");
		FIELD("path", e->path, 0);
		FIELD("report", e->report, 0);
		FIELD("rule", e->rule, 0);
		pm_buf_truncate(&tmp, 0);
		pm_buf_printf(&tmp, "%016" PRIx64, e->fp);
		FIELD("fingerprint", pm_buf_cstr(&tmp), 0);
		FIELD("text", e->text, 1);
#undef	FIELD
		pm_buf_puts(&b, "}");
	}
	pm_buf_puts(&b, bl->n > 0 ? "\n  ]\n}\n" : "]\n}\n");

	/* Beside the target, then renamed over it: never half a file. */
	pm_buf_truncate(&tmp, 0);
	pm_buf_printf(&tmp, "%s.tmp", file);
	if ((out = fopen(pm_buf_cstr(&tmp), "w")) == NULL) {
		pm_error_set("cannot write '%s': %s", pm_buf_cstr(&tmp),
		    strerror(errno));
		goto done;
	}
	if (fwrite(b.ptr, 1, b.len, out) != b.len || fclose(out) != 0) {
		pm_error_set("cannot write '%s': %s", pm_buf_cstr(&tmp),
		    strerror(errno));
		remove(pm_buf_cstr(&tmp));
		goto done;
	}
	if (rename(pm_buf_cstr(&tmp), file) == -1) {
		pm_error_set("cannot rename '%s' to '%s': %s",
		    pm_buf_cstr(&tmp), file, strerror(errno));
		remove(pm_buf_cstr(&tmp));
		goto done;
	}
	rc = 0;
done:
	pm_buf_release(&b);
	pm_buf_release(&tmp);
	pm_baseline_free(bl);
	return rc;
}

static int
parse_hex(const char *s, uint64_t *out)
{
	uint64_t	 v = 0;
	size_t		 i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i >= 16)
			return -1;
		if (s[i] >= '0' && s[i] <= '9')
			v = v << 4 | (uint64_t)(s[i] - '0');
		else if (s[i] >= 'a' && s[i] <= 'f')
			v = v << 4 | (uint64_t)(s[i] - 'a' + 10);
		else
			return -1;
	}
	if (i != 16)
		return -1;
	*out = v;
	return 0;
}

static const char *
get_str(const struct pm_ynode *m, const char *key)
{
	const struct pm_ynode	*v = pm_ymap_get(m, key);

	return v != NULL && v->type == PM_Y_SCALAR ? v->value : NULL;
}

int
pm_baseline_read(struct pm_baseline **out, const char *file)
{
	struct pm_arena		 arena = PM_ARENA_INIT;
	struct pm_ylimits	 lim = PM_YLIMITS_DEFAULT;
	struct pm_yerror	 yerr;
	struct pm_baseline	*bl;
	const struct pm_ynode	*root = NULL, *list, *e;
	struct pm_ynode		*tree;
	const char		*path, *report, *rule, *fp, *text;
	struct pm_buf		 b = PM_BUF_INIT;
	char			 chunk[65536];
	uint64_t		 v;
	size_t			 i, n;
	FILE			*in;
	int			 rc = -1;

	*out = bl = pm_baseline_new();
	if ((in = fopen(file, "r")) == NULL) {
		pm_error_set("cannot read the baseline '%s': %s", file,
		    strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		pm_buf_put(&b, chunk, n);
	if (ferror(in)) {
		pm_error_set("cannot read the baseline '%s': %s", file,
		    strerror(errno));
		fclose(in);
		goto done;
	}
	fclose(in);
	/* JSON is YAML flow style; a baseline has a few nodes per
	 * finding, and may list many findings. */
	lim.max_weight = (size_t)1 << 26;
	if (pm_yaml_parse(&tree, &arena, b.ptr != NULL ? b.ptr : "", b.len,
	    &lim, &yerr) == -1) {
		pm_error_set("%s:%u: %s", file, yerr.pos.line, yerr.msg);
		goto done;
	}
	root = tree;
	if (root == NULL || root->type != PM_Y_MAP ||
	    (list = pm_ymap_get(root, "findings")) == NULL ||
	    list->type != PM_Y_SEQ) {
		pm_error_set("%s:%u: not a postmortem baseline (an object "
		    "with a \"findings\" list); write one with "
		    "'postmortem lint --write-baseline %s'", file,
		    root != NULL ? root->pos.line : 1, file);
		goto done;
	}
	for (i = 0; i < list->nkids; i++) {
		e = list->kids[i];
		if (e->type != PM_Y_MAP ||
		    (path = get_str(e, "path")) == NULL ||
		    (rule = get_str(e, "rule")) == NULL ||
		    (fp = get_str(e, "fingerprint")) == NULL ||
		    parse_hex(fp, &v) == -1) {
			pm_error_set("%s:%u: a baseline entry needs \"path\", "
			    "\"rule\" and a \"fingerprint\" of 16 hex digits",
			    file, e->pos.line);
			goto done;
		}
		if ((report = get_str(e, "report")) == NULL)
			report = path;
		text = get_str(e, "text");
		add_entry(bl, path, report, rule, text, v);
	}
	rc = 0;
done:
	pm_buf_release(&b);
	pm_arena_release(&arena);
	return rc;
}

/* Entries sorted by one key, for lookups. */
struct	bindex {
	struct bentry	**v;
	size_t		 n;
	int		 by_report;
};

static int
key_cmp(const struct bentry *e, int by_report, const char *who,
    const char *rule, uint64_t fp)
{
	int	 c;

	if ((c = strcmp(by_report ? e->report : e->path, who)) != 0)
		return c;
	if ((c = strcmp(e->rule, rule)) != 0)
		return c;
	if (e->fp != fp)
		return e->fp < fp ? -1 : 1;
	return 0;
}

static int
cmp_idx(const struct bentry *x, const struct bentry *y, int by_report)
{
	int	 c;

	c = key_cmp(x, by_report, by_report ? y->report : y->path, y->rule,
	    y->fp);
	if (c != 0)
		return c;
	return x < y ? -1 : x > y;
}

static int
cmp_bypath(const void *a, const void *b)
{
	return cmp_idx(*(struct bentry *const *)a, *(struct bentry *const *)b,
	    0);
}

static int
cmp_byreport(const void *a, const void *b)
{
	return cmp_idx(*(struct bentry *const *)a, *(struct bentry *const *)b,
	    1);
}

static void
bindex_init(struct bindex *ix, struct pm_baseline *bl, int by_report)
{
	size_t	 i;

	ix->n = bl->n;
	ix->by_report = by_report;
	ix->v = pm_xcalloc(bl->n > 0 ? bl->n : 1, sizeof(*ix->v));
	for (i = 0; i < bl->n; i++)
		ix->v[i] = &bl->v[i];
	qsort(ix->v, ix->n, sizeof(*ix->v), by_report ? cmp_byreport :
	    cmp_bypath);
}

/* The first unmatched entry with this key, or NULL. */
static struct bentry *
bindex_take(const struct bindex *ix, const char *who, const char *rule,
    uint64_t fp)
{
	size_t	 lo = 0, hi = ix->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (key_cmp(ix->v[mid], ix->by_report, who, rule, fp) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ix->n && key_cmp(ix->v[lo], ix->by_report, who, rule,
	    fp) == 0; lo++)
		if (!ix->v[lo]->matched)
			return ix->v[lo];
	return NULL;
}

size_t
pm_baseline_filter(struct pm_baseline *bl, struct pm_findings *fs,
    const struct pm_corpus *cp)
{
	struct bindex		 bypath, byrep;
	struct docidx		 dx;
	const struct pm_doc	*d;
	const struct dref	*r;
	struct bentry		*e;
	unsigned char		*hide;
	const char		*rule;
	size_t			 i, k, nhidden = 0;

	docidx_init(&dx, cp);
	bindex_init(&bypath, bl, 0);
	bindex_init(&byrep, bl, 1);
	hide = pm_xcalloc(fs->n > 0 ? fs->n : 1, 1);
	for (i = 0; i < bl->n; i++)
		bl->v[i].matched = 0;
	/* Same file first. */
	for (i = 0; i < fs->n; i++) {
		rule = pm_rule_name(fs->v[i].rule);
		if ((e = bindex_take(&bypath, fs->v[i].path, rule,
		    fs->v[i].fp)) != NULL) {
			e->matched = 1;
			hide[i] = 1;
		}
	}
	/*
	 * Then a report that moved: same id, and the entry's file is
	 * gone from the tree (a copy with the same id is not the same
	 * report).
	 */
	for (i = 0; i < fs->n; i++) {
		if (hide[i] || (d = docidx_find(&dx, fs->v[i].path)) == NULL)
			continue;
		rule = pm_rule_name(fs->v[i].rule);
		if ((e = bindex_take(&byrep, d->meta.id, rule,
		    fs->v[i].fp)) == NULL)
			continue;
		if (docidx_find(&dx, e->path) != NULL)
			continue;
		e->matched = 1;
		hide[i] = 1;
	}
	for (i = k = 0; i < fs->n; i++) {
		if (hide[i]) {
			pm_finding_release(&fs->v[i]);
			nhidden++;
			continue;
		}
		fs->v[k++] = fs->v[i];
	}
	fs->n = k;

	/*
	 * Stale: entries of a report that was linted, or that is gone,
	 * which matched nothing.  Entries of reports left out of this
	 * run (lint of named files) say nothing.
	 */
	free(bl->stale);
	bl->stale = pm_xcalloc(bl->n > 0 ? bl->n : 1, sizeof(*bl->stale));
	bl->nstale = 0;
	for (i = 0; i < bl->n; i++) {
		if (bl->v[i].matched)
			continue;
		if ((r = docidx_ref(&dx, bl->v[i].path)) != NULL &&
		    !r->target)
			continue;
		bl->stale[bl->nstale++] = i;
	}
	free(hide);
	free(bypath.v);
	free(byrep.v);
	free(dx.v);
	return nhidden;
}

void
pm_baseline_follow_renames(struct pm_baseline *bl, const struct pm_corpus *old,
    const struct pm_corpus *cur)
{
	struct docidx		 dold, dcur;
	const struct pm_doc	*o, *n;
	unsigned char		*used;
	size_t			 i, j, k;

	docidx_init(&dold, old);
	docidx_init(&dcur, cur);
	used = pm_xcalloc(dcur.n > 0 ? dcur.n : 1, 1);
	for (i = 0; i < dold.n; i++) {
		o = dold.v[i].d;
		if (o->text == NULL || docidx_find(&dcur, o->path) != NULL)
			continue;
		for (j = 0; j < dcur.n; j++) {
			n = dcur.v[j].d;
			if (used[j] || n->text == NULL ||
			    n->textsz != o->textsz ||
			    docidx_find(&dold, n->path) != NULL ||
			    memcmp(n->text, o->text, n->textsz) != 0)
				continue;
			used[j] = 1;
			for (k = 0; k < bl->n; k++) {
				if (strcmp(bl->v[k].path, o->path) != 0)
					continue;
				free(bl->v[k].path);
				free(bl->v[k].report);
				bl->v[k].path = pm_xstrdup(n->path);
				bl->v[k].report = pm_xstrdup(n->meta.id);
			}
			break;
		}
	}
	free(used);
	free(dold.v);
	free(dcur.v);
}

size_t
pm_baseline_nstale(const struct pm_baseline *bl)
{
	return bl->nstale;
}

void
pm_baseline_stale(const struct pm_baseline *bl, size_t i, const char **path,
    const char **rule, const char **text)
{
	const struct bentry	*e = &bl->v[bl->stale[i]];

	*path = e->path;
	*rule = e->rule;
	*text = e->text;
}

size_t
pm_baseline_count(const struct pm_baseline *bl)
{
	return bl->n;
}
