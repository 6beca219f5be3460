/*
 * The body: cmark-gfm behind one module (STYLE B2).  The body after the
 * front matter, cut where the screen says, is parsed once with a
 * parser of its own, and its tree walked once: headings divide the
 * sections, and each block goes to the builder of the section it is
 * in (timeline.c, actions.c, factors.c) and to the prose collector
 * (prose.c).  Node lines are relative to the body: the walk adds the
 * body's first line - 1.  Columns need nothing: cmark counts bytes
 * from the start of the line, and on line 1 it counts a BOM as we do.
 *
 * Threads: the extensions are registered once (pthread_once).  The
 * model parse attaches only block extensions (table, tasklist), which
 * touch no global state while parsing.  cmark-gfm 0.29 keeps the
 * "special characters" of inline extensions (autolink, strikethrough)
 * in a global table that every parser sets when its inline pass
 * starts and clears when it ends, so two such parsers in two threads
 * would change each other's results: the parse for rendering
 * (PM_PARSE_KEEP_TREE), which needs them, runs its final pass under a
 * lock.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "doc/md_int.h"
#include "source/config.h"

/*
 * A bump allocator for the model parse: cmark-gfm makes many small
 * allocations and frees them all at the end, and malloc/free were a
 * quarter of the parse time.  cmark_mem has no context pointer, so the
 * arena of the parse running on this thread is thread-local.  free()
 * does nothing; the blocks go in one call when the walk is done.  Not
 * used for a kept tree (PM_PARSE_KEEP_TREE), which outlives the parse.
 */
struct	cm_blk {
	struct cm_blk	*next;
	size_t		 used;
	size_t		 size;
	max_align_t	 data[];
};

struct	cm_arena {
	struct cm_blk	*head;
	char		*last;		/* the last allocation, for realloc */
};

#define	CM_BLK		(64 * 1024)
#define	CM_HDR		sizeof(max_align_t)

#define	CM_KEEP		64		/* blocks kept per thread */

static _Thread_local struct cm_arena	*cm_cur;
/* Free blocks kept for the next document of this thread: giving them
 * back to malloc made the kernel fault the pages in again each time. */
static _Thread_local struct cm_blk	*cm_spare;
static _Thread_local unsigned int	 cm_nspare;
static pthread_key_t			 cm_key;

static void *
cm_alloc(size_t sz, int zero)
{
	struct cm_arena	*a = cm_cur;
	struct cm_blk	*b;
	size_t		 need, bsz;
	char		*p;

	need = (sz + CM_HDR + CM_HDR - 1) & ~(CM_HDR - 1);
	if (need < sz)
		abort();
	b = a->head;
	if (b == NULL || b->size - b->used < need) {
		bsz = need > CM_BLK / 2 ? need : CM_BLK;
		if (bsz == CM_BLK && cm_spare != NULL) {
			b = cm_spare;
			cm_spare = b->next;
			cm_nspare--;
		} else
			b = pm_xmalloc(sizeof(*b) + bsz);
		b->size = bsz;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	*(size_t *)p = sz;
	p += CM_HDR;
	if (zero)
		memset(p, 0, sz);
	a->last = p;
	return p;
}

static void *
cm_calloc(size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		abort();
	return cm_alloc(n * sz, 1);
}

static void *
cm_realloc(void *old, size_t sz)
{
	struct cm_blk	*b = cm_cur->head;
	size_t		 osz, need;
	char		*p;

	if (old == NULL)
		return cm_alloc(sz, 0);
	osz = *(size_t *)((char *)old - CM_HDR);
	if (sz <= osz)
		return old;
	/* The last allocation of the block grows in place. */
	need = (sz + CM_HDR - 1) & ~(CM_HDR - 1);
	if (old == cm_cur->last && b != NULL &&
	    (char *)old + need <= (char *)b->data + b->size) {
		b->used = (size_t)((char *)old + need - (char *)b->data);
		*(size_t *)((char *)old - CM_HDR) = sz;
		return old;
	}
	p = cm_alloc(sz, 0);
	memcpy(p, old, osz);
	return p;
}

static void
cm_free(void *p)
{
	(void)p;
}

static void
cm_release(struct cm_arena *a)
{
	struct cm_blk	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (b->size == CM_BLK && cm_nspare < CM_KEEP) {
			if (cm_spare == NULL)
				pthread_setspecific(cm_key, b);
			b->next = cm_spare;
			cm_spare = b;
			cm_nspare++;
		} else
			free(b);
	}
	a->head = NULL;
}

/* At thread exit: the spare blocks (the key's value is a marker). */
static void
cm_spare_free(void *unused)
{
	struct cm_blk	*b, *next;

	(void)unused;
	for (b = cm_spare; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	cm_spare = NULL;
	cm_nspare = 0;
}

static cmark_mem	 cm_mem = { cm_calloc, cm_realloc, cm_free };

static pthread_once_t	 ext_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t	 inline_lock = PTHREAD_MUTEX_INITIALIZER;

static void
ext_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
	pthread_key_create(&cm_key, cm_spare_free);
}

static void
attach(cmark_parser *p, const char *name)
{
	cmark_syntax_extension	*e;

	if ((e = cmark_find_syntax_extension(name)) != NULL)
		cmark_parser_attach_syntax_extension(p, e);
}

struct pm_pos
pm_md__pos(const struct pm_walk *w, cmark_node *n)
{
	struct pm_pos	 p;
	int		 l = cmark_node_get_start_line(n);
	int		 c = cmark_node_get_start_column(n);

	p.line = l > 0 ? (unsigned int)l + w->lineoff : w->lineoff + 1;
	p.col = c > 0 ? (unsigned int)c : 1;
	return p;
}

unsigned int
pm_md__line(const struct pm_walk *w, cmark_node *n)
{
	return pm_md__pos(w, n).line;
}

unsigned int
pm_md__end_line(const struct pm_walk *w, cmark_node *n)
{
	int	 l = cmark_node_get_end_line(n);
	int	 s = cmark_node_get_start_line(n);

	if (l < s)
		l = s;
	return l > 0 ? (unsigned int)l + w->lineoff : w->lineoff + 1;
}

static int
is_block(cmark_node_type t)
{
	return (t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

void
pm_md__text(cmark_node *node, struct pm_buf *b)
{
	cmark_node	*cur;
	cmark_node_type	 t;
	const char	*s;

	cur = cmark_node_first_child(node);
	while (cur != NULL) {
		t = cmark_node_get_type(cur);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			if ((s = cmark_node_get_literal(cur)) != NULL)
				pm_buf_puts(b, s);
		} else if (t == CMARK_NODE_SOFTBREAK ||
		    t == CMARK_NODE_LINEBREAK)
			pm_buf_putc(b, ' ');
		else if (is_block(t) || t == CMARK_NODE_TABLE_CELL) {
			if (b->len > 0 && b->ptr[b->len - 1] != ' ')
				pm_buf_putc(b, ' ');
		}
		if (t != CMARK_NODE_CODE_BLOCK && t != CMARK_NODE_HTML_BLOCK &&
		    cmark_node_first_child(cur) != NULL) {
			cur = cmark_node_first_child(cur);
			continue;
		}
		while (cur != NULL && cur != node &&
		    cmark_node_next(cur) == NULL)
			cur = cmark_node_parent(cur);
		if (cur == NULL || cur == node)
			break;
		cur = cmark_node_next(cur);
	}
}

const char *
pm_md__stext(struct pm_walk *w, cmark_node *n, size_t *lenp)
{
	const char	*s;
	size_t		 len;

	pm_buf_truncate(&w->tmp, 0);
	pm_md__text(n, &w->tmp);
	s = pm_buf_cstr(&w->tmp);
	len = w->tmp.len;
	pm_doc__trim(&s, &len);
	*lenp = len;
	return s;
}

const char *
pm_md__atext(struct pm_walk *w, cmark_node *n, size_t *lenp)
{
	const char	*s;
	size_t		 len;

	pm_buf_truncate(&w->tmp, 0);
	pm_md__text(n, &w->tmp);
	s = pm_buf_cstr(&w->tmp);
	len = w->tmp.len;
	pm_doc__trim(&s, &len);
	if (lenp != NULL)
		*lenp = len;
	return pm_arena_strndup(&w->doc->arena, s, len);
}

static const char *
search(const char *h, size_t hlen, const char *n, size_t nlen)
{
	const char	*p, *end;

	if (nlen == 0 || nlen > hlen)
		return NULL;
	end = h + hlen - nlen + 1;
	for (p = h; p < end; p++) {
		p = memchr(p, n[0], (size_t)(end - p));
		if (p == NULL)
			return NULL;
		if (memcmp(p, n, nlen) == 0)
			return p;
	}
	return NULL;
}

unsigned int
pm_md__find_col(const struct pm_walk *w, unsigned int n, unsigned int col,
    const char *needle, size_t len)
{
	const char	*s, *f;
	size_t		 slen;

	if ((s = pm_doc_line(w->doc, n, &slen)) == NULL || col == 0 ||
	    col - 1 > slen)
		return col;
	if ((f = search(s + col - 1, slen - (col - 1), needle, len)) == NULL)
		return col;
	return (unsigned int)(f - s) + 1;
}

struct pm_pos
pm_md__find(const struct pm_walk *w, unsigned int first, unsigned int last,
    const char *needle, struct pm_pos fallback)
{
	struct pm_pos	 p;
	const char	*s, *f;
	size_t		 slen, nlen = strlen(needle);
	unsigned int	 n;

	for (n = first; n <= last && n <= w->doc->nlines; n++) {
		if ((s = pm_doc_line(w->doc, n, &slen)) == NULL)
			break;
		if ((f = search(s, slen, needle, nlen)) != NULL) {
			p.line = n;
			p.col = (unsigned int)(f - s) + 1;
			return p;
		}
	}
	return fallback;
}

size_t
pm_md__row_cols(const struct pm_walk *w, cmark_node *row,
    unsigned int *cols, size_t max)
{
	struct pm_pos	 p = pm_md__pos(w, row);
	const char	*s;
	size_t		 slen, start, n, i, off[256], end[256];

	if (max > 256)
		max = 256;
	if ((s = pm_doc_line(w->doc, p.line, &slen)) == NULL)
		return 0;
	start = p.col - 1 <= slen ? p.col - 1 : slen;
	n = pm_doc__cells(s + start, slen - start, off, end, max);
	for (i = 0; i < n; i++)
		cols[i] = (unsigned int)(start + off[i]) + 1;
	return n;
}

/*
 * The level of the section headings: 2, or 1 when more top-level
 * level-1 headings than level-2 ones name a known section (the Google
 * SRE template: "# Summary" under "# Title").
 */
static unsigned int
section_level(struct pm_walk *w, cmark_node *root)
{
	cmark_node	*n;
	unsigned int	 known[3] = { 0, 0, 0 };
	int		 l;
	size_t		 len;
	const char	*s;

	for (n = cmark_node_first_child(root); n != NULL;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		l = cmark_node_get_heading_level(n);
		if (l < 1 || l > 2)
			continue;
		pm_buf_truncate(&w->tmp, 0);
		pm_md__text(n, &w->tmp);
		s = pm_buf_cstr(&w->tmp);
		len = w->tmp.len;
		if (pm_sec__match(s, len, w->cfg) != PM_SEC_OTHER)
			known[l]++;
	}
	return known[1] > known[2] ? 1 : 2;
}

static void
heading(struct pm_walk *w, cmark_node *n)
{
	struct pm_doc		*doc = w->doc;
	struct pm_section	*sec;
	struct pm_pos		 pos = pm_md__pos(w, n);
	unsigned int		 level;
	const char		*text;
	size_t			 len;
	enum pm_sec		 kind;

	level = (unsigned int)cmark_node_get_heading_level(n);
	/* Entries of the timeline: "### 2021-06-03 9:14", "### 5:00 PM". */
	if (w->in_timeline && level > w->tl_level) {
		pm_md__timeline_subheading(w, n);
		return;
	}
	if (w->in_timeline && level <= w->tl_level)
		w->in_timeline = 0;
	text = pm_md__atext(w, n, &len);
	if (level > w->level) {
		/* A subsection: only Contributing Factors reads them; a
		 * "### Timeline" under another section is the timeline. */
		if (w->cur == PM_SEC_FACTORS)
			w->fkind = pm_sec__factor_kind(text, len);
		if (doc->timeline.n == 0 && pm_sec__match(text, len, w->cfg) ==
		    PM_SEC_TIMELINE) {
			doc->timeline.present = 1;
			pm_md__timeline_heading(w, text, len, pos);
			w->tl_level = level;
		}
		return;
	}
	kind = level == w->level ? pm_sec__match(text, len, w->cfg) :
	    PM_SEC_OTHER;
	if (doc->nsecs > 0 && pos.line > 0)
		doc->secs[doc->nsecs - 1].line_last = pos.line - 1;
	doc->secs = pm_arena_grow(&doc->arena, doc->secs, &w->cap_secs,
	    doc->nsecs + 1, sizeof(*doc->secs));
	sec = &doc->secs[doc->nsecs++];
	sec->kind = kind;
	sec->heading = text;
	sec->level = level;
	sec->pos = pos;
	sec->line_last = doc->nlines;
	w->cur = kind;
	w->fkind = 0;
	w->seen_block = 0;
	if (kind == PM_SEC_TIMELINE) {
		doc->timeline.present = 1;
		pm_md__timeline_heading(w, text, len, pos);
		w->tl_level = level;
	}
}

static void
block(struct pm_walk *w, cmark_node *n)
{
	cmark_node_type	 t = cmark_node_get_type(n);

	/* "Timeline: (in PST)" says so itself, even after Lessons Learned. */
	if (!w->in_timeline && t == CMARK_NODE_PARAGRAPH &&
	    pm_md__timeline_label(w, n))
		return;
	if (w->in_timeline) {
		if (t == CMARK_NODE_PARAGRAPH)
			pm_md__timeline_para(w, n);
		else if (t == CMARK_NODE_TABLE) {
			pm_md__timeline_table(w, n);
			w->seen_block = 1;
		} else if (t == CMARK_NODE_LIST) {
			pm_md__timeline_list(w, n);
			w->seen_block = 1;
		} else if (t == CMARK_NODE_CODE_BLOCK && w->tl_code == NULL) {
			/* Read only if nothing else gives a row: most code
			 * in a timeline is a log excerpt. */
			w->tl_code = n;
		}
		return;
	}
	switch (w->cur) {
	case PM_SEC_ACTIONS:
		if (t == CMARK_NODE_TABLE)
			pm_md__actions_table(w, n);
		else if (t == CMARK_NODE_LIST)
			pm_md__actions_list(w, n);
		break;
	case PM_SEC_FACTORS:
		if (t == CMARK_NODE_LIST)
			pm_md__factors_list(w, n);
		break;
	case PM_SEC_WHYS:
		if (t == CMARK_NODE_LIST)
			pm_md__whys_list(w, n);
		break;
	default:
		break;
	}
}

void
pm_doc__body(struct pm_doc *doc, const struct pm_config *cfg,
    unsigned int flags)
{
	struct pm_walk	 w;
	struct cm_arena	 cma;
	cmark_parser	*parser;
	cmark_node	*root, *n;
	size_t		 off, len, lim;
	int		 render = (flags & PM_PARSE_KEEP_TREE) != 0;

	pthread_once(&ext_once, ext_init);
	off = pm_doc__line_start(doc, doc->body_line);
	len = doc->textsz - off;
	if (cfg != NULL && cfg->limits.max_report_bytes > 0 &&
	    doc->textsz > cfg->limits.max_report_bytes) {
		/* pm_doc_parse() said so: read up to that line. */
		lim = pm_doc__line_start(doc, pm_doc__line_of(doc,
		    cfg->limits.max_report_bytes));
		len = lim > off ? lim - off : 0;
	}
	len = pm_doc__screen(doc, cfg, off, len, NULL);

	memset(&cma, 0, sizeof(cma));
	if (render)
		parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	else {
		cm_cur = &cma;
		parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &cm_mem);
	}
	attach(parser, "table");
	attach(parser, "tasklist");
	if (render) {
		attach(parser, "autolink");
		attach(parser, "strikethrough");
		attach(parser, "tagfilter");
	}
	cmark_parser_feed(parser, doc->text + off, len);
	if (render)
		pthread_mutex_lock(&inline_lock);
	root = cmark_parser_finish(parser);
	if (render)
		pthread_mutex_unlock(&inline_lock);

	memset(&w, 0, sizeof(w));
	w.doc = doc;
	w.cfg = cfg;
	w.lineoff = doc->body_line - 1;
	w.cur = PM_SEC_OTHER;
	pm_buf_init(&w.tmp);
	w.level = section_level(&w, root);
	pm_md__timeline_init(&w);
	for (n = cmark_node_first_child(root); n != NULL;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			heading(&w, n);
		else
			block(&w, n);
		pm_md__prose(&w, n);
	}
	if (doc->timeline.n == 0 && w.tl_code != NULL)
		pm_md__timeline_code(&w);
	if (doc->timeline.n == 0)
		pm_md__timeline_search(&w, root);
	pm_md__urls(&w, root);
	pm_buf_release(&w.tmp);

	if (render) {
		doc->tree = root;
		doc->parser = parser;
	} else {
		cmark_node_free(root);
		cmark_parser_free(parser);
		cm_release(&cma);
		cm_cur = NULL;
	}
}

int
pm_doc_render_html(const struct pm_doc *doc, struct pm_buf *out)
{
	char	*html;

	if (doc->tree == NULL || doc->parser == NULL)
		return -1;
	html = cmark_render_html_with_mem(doc->tree, CMARK_OPT_DEFAULT,
	    cmark_parser_get_syntax_extensions(doc->parser),
	    cmark_get_default_mem_allocator());
	if (html == NULL)
		return -1;
	pm_buf_puts(out, html);
	cmark_get_default_mem_allocator()->free(html);
	return 0;
}

void
pm_doc__free_tree(struct pm_doc *doc)
{
	if (doc->tree != NULL)
		cmark_node_free(doc->tree);
	if (doc->parser != NULL)
		cmark_parser_free(doc->parser);
	doc->tree = doc->parser = NULL;
}
