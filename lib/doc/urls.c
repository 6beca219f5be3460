/*
 * File links and images: every link and image node of the tree whose
 * URL has no scheme (pm_linkpath_local), with the place the URL is
 * written, for links/local and the site's attachments.  cmark-gfm's
 * inline positions are only right on a block's first line, so the URL
 * is looked for in the raw lines of its block, after the previous one
 * found there; a reference link's URL is looked for in the whole body
 * (its definition), else the block's start is given.
 */
#include <string.h>

#include "base/linkpath.h"
#include "doc/md_int.h"

static int
punct(int c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	    (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* Whether [p, end) starts with needle as Markdown writes it: a
 * backslash before punctuation stands for the punctuation. */
static int
match(const char *p, const char *end, const char *needle, size_t nlen)
{
	size_t	 i;

	for (i = 0; i < nlen; i++, p++) {
		if (p < end - 1 && *p == '\\' && punct((unsigned char)p[1]) &&
		    p[1] == needle[i])
			p++;
		if (p >= end || *p != needle[i])
			return 0;
	}
	return 1;
}

/* Find needle on lines [first, last] from (*line, *col); 1 if found,
 * with *line and *col set to where it starts. */
static int
find(const struct pm_doc *doc, unsigned int first, unsigned int last,
    unsigned int *line, unsigned int *col, const char *needle, size_t nlen)
{
	const char	*s, *p, *end;
	size_t		 len;
	unsigned int	 n, c;

	if (nlen == 0)
		return 0;
	for (n = *line < first ? first : *line; n <= last &&
	    n <= doc->nlines; n++) {
		s = pm_doc_line(doc, n, &len);
		c = n == *line ? *col : 1;
		if (s == NULL || c > len + 1)
			continue;
		end = s + len;
		for (p = s + c - 1; p < end; p++) {
			if (*p != needle[0] && *p != '\\')
				continue;
			if (match(p, end, needle, nlen)) {
				*line = n;
				*col = (unsigned int)(p - s) + 1;
				return 1;
			}
		}
	}
	return 0;
}

void
pm_md__urls(struct pm_walk *w, cmark_node *root)
{
	struct pm_doc		*doc = w->doc;
	struct pm_urlref	*u;
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n, *blk, *last = NULL;
	cmark_node_type		 t;
	const char		*url;
	unsigned int		 a = 0, b = 0, line = 0, col = 0, l, c;
	size_t			 len;

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
			continue;
		if ((url = cmark_node_get_url(n)) == NULL ||
		    !pm_linkpath_local(url, (len = strlen(url))))
			continue;
		for (blk = cmark_node_parent(n); blk != NULL &&
		    (cmark_node_get_type(blk) & CMARK_NODE_TYPE_MASK) !=
		    CMARK_NODE_TYPE_BLOCK; blk = cmark_node_parent(blk))
			continue;
		if (blk == NULL)
			blk = n;
		if (blk != last) {
			last = blk;
			a = pm_md__line(w, blk);
			b = pm_md__end_line(w, blk);
			line = a;
			col = 1;
		}
		l = line;
		c = col;
		if (find(doc, a, b, &l, &c, url, len)) {
			line = l;
			col = c + (unsigned int)len;
		} else {
			l = doc->body_line;
			c = 1;
			if (!find(doc, doc->body_line, doc->nlines, &l, &c,
			    url, len)) {
				l = a;
				c = pm_md__pos(w, blk).col;
			}
		}
		doc->urls = pm_arena_grow(&doc->arena, doc->urls,
		    &w->cap_urls, doc->nurls + 1, sizeof(*doc->urls));
		u = &doc->urls[doc->nurls++];
		u->url = pm_arena_strndup(&doc->arena, url, len);
		u->pos.line = l;
		u->pos.col = c;
		u->image = t == CMARK_NODE_IMAGE;
	}
	cmark_iter_free(it);
}
