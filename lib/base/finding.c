/*
 * Findings and the rule catalogue (see finding.h, rules.def).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"

static const struct {
	const char	*name;
	enum pm_level	 level;
	const char	*desc;
} catalogue[PM_RULE__MAX] = {
#define	PM_RULE(e, id, lvl, d)	{ id, PM_LEVEL_##lvl, d },
#include "base/rules.def"
#undef	PM_RULE
};

const char *
pm_rule_name(enum pm_rule_id r)
{
	return r < PM_RULE__MAX ? catalogue[r].name : "unknown";
}

enum pm_level
pm_rule_default_level(enum pm_rule_id r)
{
	return r < PM_RULE__MAX ? catalogue[r].level : PM_LEVEL_ERROR;
}

const char *
pm_rule_description(enum pm_rule_id r)
{
	return r < PM_RULE__MAX ? catalogue[r].desc : "";
}

int
pm_rule_lookup(enum pm_rule_id *out, const char *name)
{
	size_t	 i;

	for (i = 0; i < PM_RULE__MAX; i++)
		if (strcmp(catalogue[i].name, name) == 0) {
			*out = (enum pm_rule_id)i;
			return 0;
		}
	return -1;
}

const char *
pm_level_name(enum pm_level l)
{
	switch (l) {
	case PM_LEVEL_ERROR:
		return "error";
	case PM_LEVEL_WARNING:
		return "warning";
	case PM_LEVEL_INFO:
		return "info";
	default:
		return "off";
	}
}

struct pm_finding *
pm_findings_add(struct pm_findings *fs, enum pm_rule_id rule,
    const char *path, struct pm_pos pos, const char *fmt, ...)
{
	struct pm_finding	*f;
	struct pm_buf		 b = PM_BUF_INIT;
	va_list			 ap;

	fs->v = pm_xgrow(fs->v, &fs->cap, fs->n + 1, sizeof(*fs->v));
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->level = pm_rule_default_level(rule);
	f->path = pm_xstrdup(path ? path : "-");
	f->pos = pos;
	va_start(ap, fmt);
	pm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	f->msg = pm_buf_detach(&b, NULL);
	return f;
}

void
pm_findings_move(struct pm_findings *dst, struct pm_findings *src)
{
	if (src->n == 0)
		return;
	dst->v = pm_xgrow(dst->v, &dst->cap, dst->n + src->n,
	    sizeof(*dst->v));
	memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
	dst->n += src->n;
	src->n = 0;
}

static int
cmp_finding(const void *a, const void *b)
{
	const struct pm_finding	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	if ((c = strcmp(pm_rule_name(x->rule), pm_rule_name(y->rule))) != 0)
		return c;
	if ((c = strcmp(x->detail ? x->detail : "",
	    y->detail ? y->detail : "")) != 0)
		return c;
	return strcmp(x->msg, y->msg);
}

void
pm_findings_sort(struct pm_findings *fs)
{
	if (fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_finding);
}

void
pm_findings_release(struct pm_findings *fs)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].path);
		free(fs->v[i].msg);
		free(fs->v[i].detail);
		free(fs->v[i].suggest);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}

size_t
pm_findings_count(const struct pm_findings *fs, enum pm_level l,
    int include_drafts)
{
	size_t	 i, n;

	for (i = n = 0; i < fs->n; i++)
		if (fs->v[i].level == l && (include_drafts || !fs->v[i].draft))
			n++;
	return n;
}
