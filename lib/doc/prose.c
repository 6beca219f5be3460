/*
 * Prose runs, [[id]] links and the size of the root cause.  A prose
 * run is a paragraph, a heading or a table row outside code blocks,
 * HTML and quoted chat or log lines, with its line range and section:
 * the language rules match their patterns on those lines only.  Links are found in the raw
 * lines of the runs (so their columns are exact), outside code spans.
 */
#include <string.h>

#include "doc/md_int.h"

static void
add_run(struct pm_walk *w, unsigned int first, unsigned int last)
{
	struct pm_doc	*doc = w->doc;
	struct pm_prose	*p;

	if (doc->nprose > 0 && doc->prose[doc->nprose - 1].line_last >= first &&
	    doc->prose[doc->nprose - 1].sec == w->cur)
		return;		/* same lines (a setext heading's) */
	doc->prose = pm_arena_grow(&doc->arena, doc->prose, &w->cap_prose,
	    doc->nprose + 1, sizeof(*doc->prose));
	p = &doc->prose[doc->nprose++];
	p->sec = w->cur;
	p->line_first = first;
	p->line_last = last;
}

/* "[[id]]" in lines first..last, outside `code`. */
static void
scan_links(struct pm_walk *w, unsigned int first, unsigned int last)
{
	struct pm_doc	*doc = w->doc;
	struct pm_link	*l;
	const char	*s, *p, *q, *id;
	size_t		 len, i, ticks, idlen;
	unsigned int	 n;

	for (n = first; n <= last && n <= doc->nlines; n++) {
		s = pm_doc_line(doc, n, &len);
		p = s;
		while ((p = memchr(p, '[', (size_t)(s + len - p))) != NULL) {
			if (p + 1 >= s + len || p[1] != '[') {
				p++;
				continue;
			}
			for (ticks = 0, i = 0; s + i < p; i++)
				if (s[i] == '`')
					ticks++;
			if (ticks % 2 == 1) {
				p += 2;
				continue;
			}
			id = p + 2;
			for (q = id; q < s + len && *q != ']' && *q != '[' &&
			    *q != '|' && q - id < 256; q++)
				continue;
			idlen = (size_t)(q - id);
			while (q < s + len && *q == '|')
				for (q++; q < s + len && *q != ']' &&
				    *q != '['; q++)
					continue;
			if (q + 1 >= s + len || q[0] != ']' || q[1] != ']') {
				p += 2;
				continue;
			}
			pm_doc__trim(&id, &idlen);
			if (idlen > 0) {
				doc->links = pm_arena_grow(&doc->arena,
				    doc->links, &w->cap_links, doc->nlinks + 1,
				    sizeof(*doc->links));
				l = &doc->links[doc->nlinks++];
				l->id = pm_arena_strndup(&doc->arena, id, idlen);
				l->pos.line = n;
				l->pos.col = (unsigned int)(p - s) + 1;
			}
			p = q + 2;
		}
	}
}

/* Words of text: blank-separated tokens, and CJK as two per word. */
static unsigned int
count_words(const char *s, size_t len)
{
	unsigned int	 words = 0, cjk = 0;
	size_t		 i;
	int		 in = 0;
	unsigned char	 c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0xe3 && c <= 0xed && i + 2 < len) {
			/* U+3000..U+DFFF: kana, CJK ideographs, Hangul */
			cjk++;
			i += 2;
			if (in)
				words++;
			in = 0;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n') {
			if (in)
				words++;
			in = 0;
		} else
			in = 1;
	}
	if (in)
		words++;
	return words + (cjk + 1) / 2;
}

static void
root_cause(struct pm_walk *w, cmark_node *n, unsigned int lines)
{
	if (w->cur != PM_SEC_ROOT_CAUSE)
		return;
	pm_buf_truncate(&w->tmp, 0);
	pm_md__text(n, &w->tmp);
	w->doc->root_cause_words += count_words(pm_buf_cstr(&w->tmp),
	    w->tmp.len);
	w->doc->root_cause_lines += lines;
}

/* 1 if s (n bytes) starts with a log level word: ERROR, WARN, E0220... */
static int
log_level(const char *s, size_t n)
{
	static const char *const lv[] = {
		"ERROR", "WARN", "WARNING", "INFO", "DEBUG", "FATAL",
		"CRITICAL", "TRACE", "PANIC", NULL
	};
	const char *const	*l;
	size_t			 k;

	for (l = lv; *l != NULL; l++) {
		k = strlen(*l);
		if (n > k && strncmp(s, *l, k) == 0 && (s[k] == ' ' ||
		    s[k] == ':' || s[k] == ']'))
			return 1;
	}
	/* klog: E0220 10:59:57.797466 */
	return n > 5 && strchr("EWIF", s[0]) != NULL && s[1] >= '0' &&
	    s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' &&
	    s[3] <= '9' && s[4] >= '0' && s[4] <= '9' && s[5] == ' ';
}

/*
 * 1 if a block quote's first line is a record rather than prose: a chat
 * line ("@kwame: ...", "carol: ...", "<dave> ...", "[13:26] ..."), or a
 * log line (a time or date first, a level word, JSON, key=value).  The
 * words of such a quote are what a person or a program said then, not
 * the report's own: the language rules skip them.
 */
static int
quoted_record(const struct pm_walk *w, cmark_node *quote)
{
	const char	*s;
	size_t		 n, i;

	if ((s = pm_doc_line(w->doc, pm_md__line(w, quote), &n)) == NULL)
		return 0;
	while (n > 0 && (*s == '>' || *s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n == 0)
		return 0;
	if (*s == '[' || *s == '{' || *s == '<' || (*s >= '0' && *s <= '9') ||
	    log_level(s, n))
		return 1;
	/* "@nick:" or "nick:": one lower-case token, then a colon. */
	i = *s == '@' ? 1 : 0;
	if (i >= n || !((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
		return 0;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
	    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
	    s[i] == '.' || s[i] == '-'))
		i++;
	if (i < n && s[i] == '=')
		return 1;		/* level=error msg=... */
	return i < n && s[i] == ':' && (i + 1 == n || s[i + 1] == ' ');
}

void
pm_md__prose(struct pm_walk *w, cmark_node *block)
{
	cmark_node	*n, *row;
	cmark_node_type	 t;
	unsigned int	 a, b;

	t = cmark_node_get_type(block);
	if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
		a = pm_md__line(w, block);
		b = pm_md__end_line(w, block);
		add_run(w, a, b);
		scan_links(w, a, b);
		if (t == CMARK_NODE_PARAGRAPH)
			root_cause(w, block, b - a + 1);
		return;
	}
	if (t == CMARK_NODE_TABLE) {
		for (row = cmark_node_first_child(block); row != NULL;
		    row = cmark_node_next(row)) {
			a = pm_md__line(w, row);
			add_run(w, a, a);
			scan_links(w, a, a);
			root_cause(w, row, 1);
		}
		return;
	}
	if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK ||
	    t == CMARK_NODE_THEMATIC_BREAK)
		return;
	if (t == CMARK_NODE_BLOCK_QUOTE && quoted_record(w, block))
		return;
	for (n = cmark_node_first_child(block); n != NULL;
	    n = cmark_node_next(n))
		if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) ==
		    CMARK_NODE_TYPE_BLOCK)
			pm_md__prose(w, n);
}
