/*
 * Findings and the rule catalogue (see finding.h, rules.def).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/hash.h"

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

static int
cmp_from(const void *a, const void *b)
{
	return cmp_finding(a, b);
}

void
pm_findings_sort_from(struct pm_findings *fs, size_t from)
{
	if (fs->n > from + 1)
		qsort(fs->v + from, fs->n - from, sizeof(*fs->v), cmp_from);
}

void
pm_finding_release(struct pm_finding *f)
{
	free(f->path);
	free(f->msg);
	free(f->detail);
	free(f->suggest);
	f->path = f->msg = f->detail = f->suggest = NULL;
}

/*
 * Rules about a report as a whole: where they point (the heading to
 * insert before, the 'ended' line) is only a hint, and moves when
 * unrelated lines change, so the message is what identifies them.
 */
int
pm_rule_by_message(enum pm_rule_id r)
{
	switch (r) {
	case PM_RULE_FRONTMATTER_REQUIRED:
	case PM_RULE_STRUCTURE_SECTIONS:
	case PM_RULE_TIMELINE_PRESENT:
	case PM_RULE_TIMELINE_DETECTION:
	case PM_RULE_FACTORS_MULTIPLE:
	case PM_RULE_ANALYSIS_DEPTH:
	case PM_RULE_DISTRIBUTION_48H:
	case PM_RULE_DISTRIBUTION_STALE:
	case PM_RULE_FOLLOWUP_SCHEDULED:
		return 1;
	default:
		return 0;
	}
}


/* Append s[0..n) with runs of blanks as one space, none at the ends. */
static void
put_squeezed(struct pm_buf *b, const char *s, size_t n)
{
	size_t	 i;
	int	 gap = 0, any = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		    s[i] == '\n' || s[i] == '\f' || s[i] == '\v') {
			gap = 1;
			continue;
		}
		if (gap && any)
			pm_buf_putc(b, ' ');
		gap = 0;
		any = 1;
		pm_buf_putc(b, s[i]);
	}
}

/* The problem part of a message (before "; "), digits folded to '#'
 * so counts, days and times that drift do not change the key. */
static void
put_folded(struct pm_buf *b, const char *msg)
{
	const char	*end = strstr(msg, "; ");
	const char	*p;

	if (end == NULL)
		end = msg + strlen(msg);
	for (p = msg; p < end; p++) {
		if (*p >= '0' && *p <= '9') {
			while (p + 1 < end && p[1] >= '0' && p[1] <= '9')
				p++;
			pm_buf_putc(b, '#');
		} else
			pm_buf_putc(b, *p);
	}
}

/* The key text of f (see finding.h) into b: 'l' for a line, 'm' for
 * a message. */
static int
key_text(struct pm_buf *b, const struct pm_finding *f, pm_line_fn line,
    void *arg, size_t *spanoff)
{
	const char	*s = NULL;
	size_t		 len = 0, c0, c1;

	*spanoff = 0;
	if (!pm_rule_by_message(f->rule) && f->pos.line > 0 && line != NULL)
		s = line(arg, f->pos.line, &len);
	if (s == NULL) {
		put_folded(b, f->msg);
		*spanoff = b->len;
		return 'm';
	}
	put_squeezed(b, s, len);
	*spanoff = b->len;
	c0 = f->pos.col > 0 ? f->pos.col - 1 : 0;
	c1 = f->end_col > 0 ? f->end_col - 1 : 0;
	if (c1 > c0 && c1 <= len)
		put_squeezed(b, s + c0, c1 - c0);
	return 'l';
}

const char *
pm_finding_key_text(char *buf, size_t sz, const struct pm_finding *f,
    pm_line_fn line, void *arg)
{
	struct pm_buf	 b = PM_BUF_INIT;
	size_t		 off, n;

	key_text(&b, f, line, arg, &off);
	pm_buf_truncate(&b, off);
	n = b.len < sz ? b.len : sz - 1;
	/* Cut before a continuation byte, not in a character. */
	while (n > 0 && n < b.len && ((unsigned char)b.ptr[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, b.ptr ? b.ptr : "", n);
	buf[n] = '\0';
	pm_buf_release(&b);
	return buf;
}

struct	fkey {
	uint64_t	 h;	/* path and key */
	size_t		 i;
};

static int
cmp_fkey(const void *a, const void *b)
{
	const struct fkey	*x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

void
pm_findings_fingerprint(struct pm_findings *fs, size_t from,
    pm_line_fn line, void *arg)
{
	struct pm_buf	 b = PM_BUF_INIT;
	struct fkey	*k;
	struct pm_finding *f;
	const char	*rule, *detail, *kp;
	char		 rank[24];
	size_t		 i, n, off, r;
	uint64_t	 h;
	int		 kind, len;

	if (fs->n <= from)
		return;
	n = fs->n - from;
	k = pm_xcalloc(n, sizeof(*k));
	for (i = 0; i < n; i++) {
		f = &fs->v[from + i];
		rule = pm_rule_name(f->rule);
		detail = f->detail != NULL ? f->detail : "";
		pm_buf_truncate(&b, 0);
		kind = key_text(&b, f, line, arg, &off);
		h = pm_fnv64(PM_FNV_INIT, rule, strlen(rule) + 1);
		h = pm_fnv64(h, detail, strlen(detail) + 1);
		h = pm_fnv64(h, &"lm"[kind == 'm'], 1);
		kp = b.ptr != NULL ? b.ptr : "";
		h = pm_fnv64(h, kp, off);
		h = pm_fnv64(h, "", 1);
		h = pm_fnv64(h, kp + off, b.len - off);
		f->fp = h;
		k[i].h = pm_fnv64(h, f->path, strlen(f->path) + 1);
		k[i].i = from + i;
	}
	/* The nth of identical keys in a file, in file order. */
	qsort(k, n, sizeof(*k), cmp_fkey);
	for (i = r = 0; i < n; i++) {
		r = i > 0 && k[i].h == k[i - 1].h ? r + 1 : 0;
		f = &fs->v[k[i].i];
		len = snprintf(rank, sizeof(rank), "#%zu", r);
		f->fp = pm_fnv64(f->fp, rank, (size_t)len);
		if (f->fp == 0)
			f->fp = 1;
	}
	free(k);
	pm_buf_release(&b);
}
