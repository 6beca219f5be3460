/*
 * Front matter: the YAML between the fences (yamlx tree) read into the
 * typed fields of struct pm_meta, every value with its position in the
 * file.  Type and syntax problems become frontmatter/syntax and
 * frontmatter/required findings; the checks of frontmatter/times and
 * the others read the typed values.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/time.h"
#include "base/yamlx.h"
#include "doc/doc_int.h"
#include "source/config.h"

enum	ftype {
	F_STR,
	F_SEVERITY,
	F_STATUS,
	F_TS,
	F_TSDAY,	/* a timestamp, or a day (SPEC extension) */
	F_DATE,
	F_LIST,
	F_MAP,
	F_ID,
};

struct	field {
	const char	*name;
	enum ftype	 type;
	int		 required;
	size_t		 off;	/* offset of the value in struct pm_meta */
};

#define	M(f)	offsetof(struct pm_meta, f)

static const struct field fields[] = {
	{ "title",	 F_STR,	     1, M(title) },
	{ "id",		 F_ID,	     0, 0 },
	{ "severity",	 F_SEVERITY, 1, M(severity_raw) },
	{ "status",	 F_STATUS,   0, M(status_raw) },
	{ "started",	 F_TSDAY,    1, M(started) },
	{ "detected",	 F_TSDAY,    0, M(detected) },
	{ "mitigated",	 F_TSDAY,    0, M(mitigated) },
	{ "ended",	 F_TSDAY,    1, M(ended) },
	{ "services",	 F_LIST,     0, M(services) },
	{ "tags",	 F_LIST,     0, M(tags) },
	{ "authors",	 F_LIST,     1, M(authors) },
	{ "reviewed",	 F_DATE,     0, M(reviewed) },
	{ "distributed", F_TS,	     0, M(distributed) },
	{ "follow_up",	 F_DATE,     0, M(follow_up) },
	{ "related",	 F_LIST,     0, M(related) },
	{ "impact",	 F_MAP,	     0, 0 },
	{ "locale",	 F_STR,	     0, M(locale) },
};

#define	NFIELDS	(sizeof(fields) / sizeof(fields[0]))

/* Position of a YAML node in the file. */
static struct pm_pos
fpos(const struct pm_doc *doc, const struct pm_ynode *n)
{
	struct pm_pos	 p;

	p.line = n->pos.line + doc->meta.fm_first;
	p.col = n->pos.col;
	return p;
}

/*
 * Severity "P0".."P4", "SEV0".."SEV4" (any case, "SEV-1" and "Sev 1"
 * too).  Returns 0..4, or -1.
 */
static int
read_severity(const char *s, size_t len)
{
	size_t	 i = 0;

	pm_doc__trim(&s, &len);
	if (len >= 3 && pm_doc__ieq(s, 3, "sev"))
		i = 3;
	else if (len >= 1 && (s[0] == 'P' || s[0] == 'p'))
		i = 1;
	else
		return -1;
	if (i < len && (s[i] == '-' || s[i] == ' '))
		i++;
	if (i + 1 != len || s[i] < '0' || s[i] > '4')
		return -1;
	return s[i] - '0';
}

/* A number: "174000", "96000.5", "1_000", "1,000".  Returns 0 or -1. */
static int
read_num(const char *s, size_t len, double *out)
{
	char	 buf[64], *end;
	size_t	 i, n = 0;

	pm_doc__trim(&s, &len);
	if (len == 0 || len >= sizeof(buf))
		return -1;
	for (i = 0; i < len; i++)
		if (s[i] != '_' && !(s[i] == ',' && i > 0 && i + 1 < len))
			buf[n++] = s[i];
	buf[n] = '\0';
	if (n == 0 || !((buf[0] >= '0' && buf[0] <= '9') || buf[0] == '-' ||
	    buf[0] == '+' || buf[0] == '.'))
		return -1;
	errno = 0;
	*out = strtod(buf, &end);
	if (*end != '\0' || errno != 0)
		return -1;
	return 0;
}

static int
is_scalar(const struct pm_ynode *n)
{
	return n != NULL && n->type == PM_Y_SCALAR;
}

/*
 * The YAML tree lives in a scratch arena that dies at the end of
 * pm_doc__frontmatter(): what the model keeps is copied into the
 * document's arena.  keep() copies a scalar's text.
 */
static const char *
keep(struct pm_doc *doc, const struct pm_ynode *n)
{
	char	*p;

	p = pm_arena_alloc(&doc->arena, n->len + 1);
	memcpy(p, n->value, n->len);
	p[n->len] = '\0';
	return p;
}

/*
 * A copy of a value (impact, unknown fields) for the consumers that
 * show non-scalar values (the site flattens them).  Deep values are cut
 * at a depth and a node budget: an alias is a pointer in the tree, and
 * copying it must not multiply it.
 */
static const struct pm_ynode *
keep_node(struct pm_doc *doc, const struct pm_ynode *n, int depth,
    size_t *budget)
{
	struct pm_ynode	*c;
	size_t		 i;

	c = pm_arena_alloc(&doc->arena, sizeof(*c));
	c->type = n->type;
	c->quoted = n->quoted;
	c->pos = n->pos;
	c->tag = n->tag != NULL ? pm_arena_strdup(&doc->arena, n->tag) : NULL;
	if (n->type == PM_Y_SCALAR || *budget == 0 || depth >= 16) {
		if (n->type == PM_Y_SCALAR) {
			c->value = keep(doc, n);
			c->len = n->len;
		} else {
			c->type = PM_Y_SCALAR;
			c->value = "\xe2\x80\xa6";	/* an ellipsis: cut */
			c->len = 3;
		}
		if (*budget > 0)
			(*budget)--;
		return c;
	}
	(*budget)--;
	c->value = "";
	c->kids = pm_arena_alloc(&doc->arena, n->nkids * sizeof(*c->kids));
	for (i = 0; i < n->nkids; i++)
		c->kids[i] = (struct pm_ynode *)keep_node(doc, n->kids[i],
		    depth + 1, budget);
	c->nkids = n->nkids;
	return c;
}

static void
read_list(struct pm_doc *doc, const struct field *f,
    const struct pm_ynode *v, struct pm_list *l)
{
	size_t	 i;

	l->set = 1;
	l->pos = fpos(doc, v);
	if (pm_yis_null(v)) {
		l->ok = 1;
		return;
	}
	if (v->type == PM_Y_SCALAR) {
		/* A scalar counts as a one-item list. */
		l->ok = 1;
		l->v = pm_arena_alloc(&doc->arena, sizeof(*l->v));
		l->v[0].s = keep(doc, v);
		l->v[0].pos = l->pos;
		l->n = 1;
		return;
	}
	if (v->type != PM_Y_SEQ) {
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
		    l->pos.line, l->pos.col, "'%s' must be a list of strings, "
		    "like [a, b]", f->name);
		return;
	}
	l->ok = 1;
	l->v = pm_arena_alloc(&doc->arena, (v->nkids + 1) * sizeof(*l->v));
	for (i = 0; i < v->nkids; i++) {
		if (!is_scalar(v->kids[i])) {
			struct pm_pos p = fpos(doc, v->kids[i]);

			pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
			    p.line, p.col, "item %zu of '%s' is not a string; "
			    "write one name per item", i + 1, f->name);
			l->ok = 0;
			continue;
		}
		l->v[l->n].s = keep(doc, v->kids[i]);
		l->v[l->n].pos = fpos(doc, v->kids[i]);
		l->n++;
	}
}

static void
read_impact(struct pm_doc *doc, const struct pm_ynode *v, size_t *budget)
{
	struct pm_meta	*m = &doc->meta;
	struct pm_kv	*kv;
	size_t		 i;

	if (pm_yis_null(v))
		return;
	if (v->type != PM_Y_MAP) {
		struct pm_pos p = fpos(doc, v);

		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, p.line,
		    p.col, "'impact' must be a mapping of numbers, like "
		    "'customers: 1200'");
		return;
	}
	m->impact = pm_arena_alloc(&doc->arena,
	    (v->nkids / 2 + 1) * sizeof(*m->impact));
	for (i = 0; i + 1 < v->nkids; i += 2) {
		kv = &m->impact[m->nimpact++];
		kv->key = keep(doc, v->kids[i]);
		kv->node = keep_node(doc, v->kids[i + 1], 0, budget);
		kv->pos = fpos(doc, v->kids[i + 1]);
		if (is_scalar(v->kids[i + 1])) {
			kv->value = kv->node->value;
			kv->is_num = read_num(kv->value, v->kids[i + 1]->len,
			    &kv->num) == 0;
		}
	}
}

static void
read_field(struct pm_doc *doc, const struct field *f,
    const struct pm_ynode *k, const struct pm_ynode *v, size_t *budget)
{
	struct pm_meta	*m = &doc->meta;
	struct pm_pos	 p = fpos(doc, v);
	struct pm_str	*str;
	struct pm_tsval	*ts;
	struct pm_dateval *dv;
	int64_t		 t;
	int32_t		 days;
	int		 hz;

	(void)k;
	if (f->type == F_LIST) {
		read_list(doc, f, v, (struct pm_list *)((char *)m + f->off));
		return;
	}
	if (f->type == F_MAP) {
		read_impact(doc, v, budget);
		return;
	}
	if (pm_yis_null(v)) {
		/* "started:" with nothing: present but unreadable. */
		if (f->type == F_TS || f->type == F_TSDAY) {
			ts = (struct pm_tsval *)((char *)m + f->off);
			ts->set = 1;
			ts->raw = "";
			ts->pos = p;
		} else if (f->type == F_DATE) {
			dv = (struct pm_dateval *)((char *)m + f->off);
			dv->set = 1;
			dv->raw = "";
			dv->pos = p;
		} else
			return;	/* pm_doc__required() says it */
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, p.line,
		    p.col, "'%s' is empty; give it a value", f->name);
		return;
	}
	if (!is_scalar(v)) {
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, p.line,
		    p.col, "'%s' must be a single value, not a %s", f->name,
		    v->type == PM_Y_SEQ ? "list" : "mapping");
		return;
	}
	switch (f->type) {
	case F_ID:
		m->id = keep(doc, v);
		m->id_set = 1;
		m->id_pos = p;
		break;
	case F_STR:
	case F_SEVERITY:
	case F_STATUS:
		str = (struct pm_str *)((char *)m + f->off);
		str->s = keep(doc, v);
		str->pos = p;
		if (f->type == F_SEVERITY) {
			m->severity = read_severity(v->value, v->len);
			if (m->severity < 0)
				pm_doc__finding(doc,
				    PM_RULE_FRONTMATTER_REQUIRED, p.line, p.col,
				    "severity '%s' is not one of P0..P4 or "
				    "SEV0..SEV4", v->value);
		} else if (f->type == F_STATUS) {
			if (pm_doc__ieq(v->value, v->len, "draft"))
				m->status = PM_STATUS_DRAFT;
			else if (pm_doc__ieq(v->value, v->len, "review"))
				m->status = PM_STATUS_REVIEW;
			else if (pm_doc__ieq(v->value, v->len, "final"))
				m->status = PM_STATUS_FINAL;
			else
				pm_doc__finding(doc,
				    PM_RULE_FRONTMATTER_REQUIRED, p.line, p.col,
				    "status '%s' is not draft, review or final",
				    v->value);
		} else if (v->len == 0 && f->required)
			pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
			    p.line, p.col, "'%s' is empty; give it a value",
			    f->name);
		break;
	case F_TS:
	case F_TSDAY:
		ts = (struct pm_tsval *)((char *)m + f->off);
		ts->set = 1;
		ts->raw = keep(doc, v);
		ts->pos = p;
		if (pm_time_parse(&t, &hz, v->value) == 0) {
			ts->ok = 1;
			ts->t = t;
			ts->has_zone = hz;
		} else if (f->type == F_TSDAY &&
		    pm_date_parse(&days, v->value) == 0) {
			/* "started: 2022-10-22": that day, time unknown;
			 * no zone to carry. */
			ts->ok = 1;
			ts->day = 1;
			ts->t = (int64_t)days * PM_DAY;
		} else if (f->type == F_TSDAY)
			pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
			    p.line, p.col, "cannot parse timestamp '%s' in "
			    "'%s'; write RFC 3339, like 2025-02-09T10:05:00Z, "
			    "or the day alone, like 2025-02-09", v->value,
			    f->name);
		else
			pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
			    p.line, p.col, "cannot parse timestamp '%s' in "
			    "'%s'; write RFC 3339, like 2025-02-09T10:05:00Z",
			    v->value, f->name);
		break;
	case F_DATE:
		dv = (struct pm_dateval *)((char *)m + f->off);
		dv->set = 1;
		dv->raw = keep(doc, v);
		dv->pos = p;
		if (pm_date_parse(&dv->days, v->value) == 0)
			dv->ok = 1;
		else if (pm_time_parse(&t, &hz, v->value) == 0) {
			/* A timestamp where a date is wanted: its day. */
			dv->ok = 1;
			dv->days = (int32_t)((t - (t % PM_DAY + PM_DAY) %
			    PM_DAY) / PM_DAY);
		} else
			pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
			    p.line, p.col, "cannot parse date '%s' in '%s'; "
			    "write YYYY-MM-DD", v->value, f->name);
		break;
	default:
		break;
	}
}

void
pm_doc__frontmatter(struct pm_doc *doc, const struct pm_config *cfg)
{
	struct pm_meta		*m = &doc->meta;
	struct pm_ylimits	 lim = PM_YLIMITS_DEFAULT;
	struct pm_yerror	 err;
	struct pm_arena		 yarena = PM_ARENA_INIT;
	struct pm_ynode		*root = NULL;
	const struct pm_ynode	*k, *v;
	size_t			 a, b, i, j, cap = 0, budget = 1000;
	unsigned char		 seen[NFIELDS];

	if (!m->has_fm || m->fm_last == 0)
		return;
	if (cfg != NULL) {
		lim.max_depth = cfg->limits.yaml_max_depth;
		lim.max_aliases = cfg->limits.yaml_max_aliases;
		lim.max_weight = cfg->limits.yaml_max_nodes;
	}
	a = pm_doc__line_start(doc, m->fm_first + 1);
	b = pm_doc__line_start(doc, m->fm_last);
	memset(&err, 0, sizeof(err));
	if (pm_yaml_parse(&root, &yarena, doc->text + a, b - a, &lim,
	    &err) == -1) {
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_SYNTAX,
		    err.pos.line + m->fm_first, err.pos.col,
		    "the front matter is not valid YAML: %s", err.msg);
		goto out;
	}
	if (root != NULL && root->type != PM_Y_MAP) {
		struct pm_pos p = fpos(doc, root);

		pm_doc__finding(doc, PM_RULE_FRONTMATTER_SYNTAX, p.line,
		    p.col, "the front matter is a %s, not a mapping; write "
		    "one 'key: value' per line",
		    root->type == PM_Y_SEQ ? "list" : "single value");
		goto out;
	}
	m->fm_ok = 1;
	if (root == NULL)
		goto out;
	memset(seen, 0, sizeof(seen));
	for (i = 0; i + 1 < root->nkids; i += 2) {
		k = root->kids[i];
		v = root->kids[i + 1];
		if (k->type != PM_Y_SCALAR) {
			struct pm_pos p = fpos(doc, k);

			pm_doc__finding(doc, PM_RULE_FRONTMATTER_SYNTAX,
			    p.line, p.col, "a front matter key must be a "
			    "plain name");
			continue;
		}
		for (j = 0; j < NFIELDS; j++)
			if (strcmp(k->value, fields[j].name) == 0)
				break;
		if (j < NFIELDS) {
			if (seen[j]) {
				struct pm_pos p = fpos(doc, k);

				pm_doc__finding(doc,
				    PM_RULE_FRONTMATTER_SYNTAX, p.line, p.col,
				    "'%s' is given twice; keep one",
				    k->value);
				continue;
			}
			seen[j] = 1;
			read_field(doc, &fields[j], k, v, &budget);
			continue;
		}
		/* Unknown fields are kept, never an error. */
		m->extra = pm_arena_grow(&doc->arena, m->extra, &cap,
		    m->nextra + 1, sizeof(*m->extra));
		m->extra[m->nextra].key = keep(doc, k);
		m->extra[m->nextra].node = keep_node(doc, v, 0, &budget);
		m->extra[m->nextra].pos = fpos(doc, v);
		if (v->type == PM_Y_SCALAR) {
			m->extra[m->nextra].value =
			    m->extra[m->nextra].node->value;
			m->extra[m->nextra].is_num = read_num(v->value, v->len,
			    &m->extra[m->nextra].num) == 0;
		}
		m->nextra++;
	}
out:
	/* The model holds copies: the tree goes (STYLE B5, scale). */
	pm_arena_release(&yarena);
}

/*
 * Required fields (SPEC section 1), once the meta is final (read or
 * inferred): one finding per missing field, at the opening fence, or
 * at line 1 for a report without front matter.
 */
void
pm_doc__required(struct pm_doc *doc)
{
	struct pm_meta	*m = &doc->meta;
	unsigned int	 line = m->has_fm ? m->fm_first : 1;
	const char	*how;

	if (m->has_fm && !m->fm_ok)
		return;		/* frontmatter/syntax said it */
	if (!m->has_fm && !m->inferred) {
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, 1, 0,
		    "the file has no front matter; start it with '---', "
		    "the fields title, severity, started, ended, authors, "
		    "and '---'");
		return;
	}
	how = m->has_fm ? "add it to the front matter" :
	    "it could not be inferred; add front matter "
	    "('postmortem adopt')";
	if (m->title.s == NULL)
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, line, 0,
		    "required field 'title' is missing; %s", how);
	if (m->severity_raw.s == NULL)
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, line, 0,
		    "required field 'severity' is missing (P0..P4 or "
		    "SEV0..SEV4); %s", how);
	if (!m->started.set)
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, line, 0,
		    "required field 'started' is missing (start of impact, "
		    "RFC 3339); %s", how);
	if (!m->ended.set)
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, line, 0,
		    "required field 'ended' is missing (when the incident "
		    "was resolved, RFC 3339); %s", how);
	if (!m->authors.set)
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED, line, 0,
		    "required field 'authors' is missing (a list of "
		    "@handles); %s", how);
	else if (m->authors.ok && m->authors.n == 0)
		pm_doc__finding(doc, PM_RULE_FRONTMATTER_REQUIRED,
		    m->authors.pos.line, m->authors.pos.col,
		    "'authors' is empty; list at least one @handle");
}
