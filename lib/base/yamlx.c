/*
 * libyaml events into a small tree with positions (see yamlx.h).
 *
 * libyaml 0.2.5 has no depth limit and leaves alias expansion to the
 * caller, so this event loop enforces both: a depth cap, an alias cap,
 * and a cap on the expanded weight (a node counts 1 plus its children;
 * an alias counts the full weight of its target, so nested aliases that
 * would multiply are caught long before anything is copied).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/yamlx.h"

struct	anchor {
	const char		*name;
	struct pm_ynode		*node;
	size_t			 weight;
};

struct	frame {
	struct pm_ynode		*node;
	size_t			 cap;
	size_t			 weight;
	char			*anchor;	/* set when closed */
};

struct	yctx {
	struct pm_arena		*arena;
	const struct pm_ylimits	*lim;
	struct pm_yerror	*err;
	struct frame		*stack;
	size_t			 depth;
	size_t			 stackcap;
	struct anchor		*anchors;
	size_t			 nanchors;
	size_t			 anchorcap;
	size_t			 aliases;
	size_t			 weight;	/* total expanded weight */
	struct pm_ynode		*root;
	size_t			 rootweight;
};

static void
set_err(struct pm_yerror *err, const yaml_mark_t *m, const char *fmt,
    const char *arg)
{
	snprintf(err->msg, sizeof(err->msg), fmt, arg);
	err->pos.line = (unsigned int)m->line + 1;
	err->pos.col = (unsigned int)m->column + 1;
}

static struct pm_ynode *
new_node(struct yctx *c, enum pm_ytype type, const yaml_mark_t *m,
    const yaml_char_t *tag)
{
	struct pm_ynode	*n;

	n = pm_arena_alloc(c->arena, sizeof(*n));
	n->type = type;
	n->value = "";
	n->pos.line = (unsigned int)m->line + 1;
	n->pos.col = (unsigned int)m->column + 1;
	if (tag != NULL)
		n->tag = pm_arena_strdup(c->arena, (const char *)tag);
	return n;
}

static int
add_anchor(struct yctx *c, const yaml_char_t *name, struct pm_ynode *n,
    size_t weight)
{
	if (name == NULL)
		return 0;
	c->anchors = pm_xgrow(c->anchors, &c->anchorcap, c->nanchors + 1,
	    sizeof(*c->anchors));
	c->anchors[c->nanchors].name =
	    pm_arena_strdup(c->arena, (const char *)name);
	c->anchors[c->nanchors].node = n;
	c->anchors[c->nanchors].weight = weight;
	c->nanchors++;
	return 0;
}

/* Attach a finished node of the given weight to the open collection. */
static int
attach(struct yctx *c, struct pm_ynode *n, size_t weight,
    const yaml_mark_t *m)
{
	struct frame	*f;

	c->weight += weight;
	if (c->weight > c->lim->max_weight) {
		set_err(c->err, m, "%s", "document too large after alias "
		    "expansion (limit yaml_max_nodes)");
		return -1;
	}
	if (c->depth == 0) {
		if (c->root == NULL) {
			c->root = n;
			c->rootweight = weight;
		}
		return 0;
	}
	f = &c->stack[c->depth - 1];
	f->node->kids = pm_arena_grow(c->arena, f->node->kids, &f->cap,
	    f->node->nkids + 1, sizeof(*f->node->kids));
	f->node->kids[f->node->nkids++] = n;
	f->weight += weight;
	return 0;
}

static int
handle(struct yctx *c, yaml_event_t *ev)
{
	struct pm_ynode	*n;
	struct frame	*f;
	size_t		 i;
	const char	*name;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(c, PM_Y_SCALAR, &ev->start_mark,
		    ev->data.scalar.tag);
		n->value = pm_arena_strndup(c->arena,
		    (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		add_anchor(c, ev->data.scalar.anchor, n, 1);
		return attach(c, n, 1, &ev->start_mark);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (c->depth >= c->lim->max_depth) {
			set_err(c->err, &ev->start_mark, "%s", "nesting too "
			    "deep (limit yaml_max_depth)");
			return -1;
		}
		n = new_node(c, ev->type == YAML_SEQUENCE_START_EVENT ?
		    PM_Y_SEQ : PM_Y_MAP, &ev->start_mark,
		    ev->type == YAML_SEQUENCE_START_EVENT ?
		    ev->data.sequence_start.tag :
		    ev->data.mapping_start.tag);
		c->stack = pm_xgrow(c->stack, &c->stackcap, c->depth + 1,
		    sizeof(*c->stack));
		f = &c->stack[c->depth++];
		memset(f, 0, sizeof(*f));
		f->node = n;
		f->weight = 1;
		name = (const char *)(ev->type == YAML_SEQUENCE_START_EVENT ?
		    ev->data.sequence_start.anchor :
		    ev->data.mapping_start.anchor);
		if (name != NULL)
			f->anchor = pm_arena_strdup(c->arena, name);
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		f = &c->stack[--c->depth];
		n = f->node;
		if (f->anchor != NULL)
			add_anchor(c, (const yaml_char_t *)f->anchor, n,
			    f->weight);
		/* The children were counted as they were attached. */
		c->weight -= f->weight - 1;
		return attach(c, n, f->weight, &ev->end_mark);
	case YAML_ALIAS_EVENT:
		if (++c->aliases > c->lim->max_aliases) {
			set_err(c->err, &ev->start_mark, "%s", "too many "
			    "aliases (limit yaml_max_aliases)");
			return -1;
		}
		/* The latest anchor of that name wins, as in YAML. */
		for (i = c->nanchors; i > 0; i--)
			if (strcmp(c->anchors[i - 1].name,
			    (const char *)ev->data.alias.anchor) == 0)
				break;
		if (i == 0) {
			set_err(c->err, &ev->start_mark,
			    "unknown alias '*%s'",
			    (const char *)ev->data.alias.anchor);
			return -1;
		}
		return attach(c, c->anchors[i - 1].node,
		    c->anchors[i - 1].weight, &ev->start_mark);
	default:
		return 0;
	}
}

int
pm_yaml_parse(struct pm_ynode **out, struct pm_arena *arena,
    const char *text, size_t len, const struct pm_ylimits *lim,
    struct pm_yerror *err)
{
	static const struct pm_ylimits	 dflt = PM_YLIMITS_DEFAULT;
	yaml_parser_t			 p;
	yaml_event_t			 ev;
	struct yctx			 c;
	int				 rc = -1, done = 0, docs = 0;

	memset(&c, 0, sizeof(c));
	memset(err, 0, sizeof(*err));
	c.arena = arena;
	c.lim = lim != NULL ? lim : &dflt;
	c.err = err;
	*out = NULL;
	if (!yaml_parser_initialize(&p)) {
		snprintf(err->msg, sizeof(err->msg), "cannot start parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			snprintf(err->msg, sizeof(err->msg), "%s%s%s",
			    p.problem ? p.problem : "syntax error",
			    p.context ? " " : "",
			    p.context ? p.context : "");
			err->pos.line = (unsigned int)p.problem_mark.line + 1;
			err->pos.col = (unsigned int)p.problem_mark.column + 1;
			goto out;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
			/* Only the first document is read. */
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type == YAML_STREAM_END_EVENT)
			done = 1;
		if (handle(&c, &ev) == -1) {
			yaml_event_delete(&ev);
			goto out;
		}
		yaml_event_delete(&ev);
	}
	*out = c.root;
	rc = 0;
out:
	yaml_parser_delete(&p);
	free(c.stack);
	free(c.anchors);
	return rc;
}

const struct pm_ynode *
pm_ymap_get(const struct pm_ynode *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->type != PM_Y_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (map->kids[i]->type == PM_Y_SCALAR &&
		    strcmp(map->kids[i]->value, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

int
pm_yis_null(const struct pm_ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->type != PM_Y_SCALAR || n->quoted)
		return 0;
	return n->len == 0 || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "null") == 0 || strcmp(n->value, "Null") == 0 ||
	    strcmp(n->value, "NULL") == 0;
}
