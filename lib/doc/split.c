/*
 * The first look at a file's bytes (lowdown's is_metadata_block_mmd,
 * grown up): UTF-8 BOM, line endings (LF, CRLF and lone CR, as cmark
 * counts them), the line table every position is computed from, and
 * the front matter fences.  Also the small text helpers the model
 * builders share.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "doc/doc_int.h"

/*
 * 1 if line n (1-based) is a fence: "---" (or "..." to close, when
 * close is set) followed by nothing but blanks.
 */
static int
is_fence(const struct pm_doc *doc, unsigned int n, int close)
{
	const char	*s;
	size_t		 len;

	s = pm_doc_line(doc, n, &len);
	if (s == NULL)
		return 0;
	if (n == 1 && doc->bom) {
		s += 3;
		len -= 3;
	}
	if (len < 3)
		return 0;
	if (memcmp(s, "---", 3) != 0 &&
	    !(close && memcmp(s, "...", 3) == 0))
		return 0;
	for (s += 3, len -= 3; len > 0; s++, len--)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

/* Occurrences of byte c in [p, end). */
static size_t
count_byte(const char *p, const char *end, int c)
{
	size_t	 n = 0;

	while (p < end && (p = memchr(p, c, (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

int
pm_doc__split(struct pm_doc *doc)
{
	const char	*t = doc->text, *p, *end = doc->text + doc->textsz;
	size_t		 n = 0, max;
	unsigned int	 i;

	if (memchr(t, '\0', doc->textsz) != NULL)
		return -1;
	doc->bom = doc->textsz >= 3 && memcmp(t, "\xef\xbb\xbf", 3) == 0;

	/*
	 * The line table: a start offset per line, and a sentinel, in the
	 * arena (4 bytes a line: pm_doc_parse keeps texts under 4 GB).
	 * A line ends at LF, CRLF or a lone CR: at most one line per LF
	 * and CR, plus the last one.
	 */
	max = count_byte(t, end, '\n') + 2;
	if (memchr(t, '\r', doc->textsz) != NULL)
		max += count_byte(t, end, '\r');
	doc->line_off = pm_arena_alloc(&doc->arena, max *
	    sizeof(*doc->line_off));
	p = t;
	while (p < end) {
		doc->line_off[n++] = (uint32_t)(p - t);
		/* Both terminators: memchr for LF is the fast path. */
		while (p < end && *p != '\n' && *p != '\r') {
			const char *q = memchr(p, '\n', (size_t)(end - p));
			const char *r = memchr(p, '\r',
			    (size_t)((q ? q : end) - p));
			p = r ? r : (q ? q : end);
		}
		if (p < end && *p == '\r') {
			if (p + 1 < end && p[1] == '\n') {
				doc->crlf = 1;
				p++;
			}
		}
		if (p < end)
			p++;
	}
	doc->line_off[n] = (uint32_t)doc->textsz;
	doc->nlines = (unsigned int)n;

	/* Front matter: "---" on line 1, closed by "---" or "...". */
	doc->body_line = 1;
	if (doc->nlines > 0 && is_fence(doc, 1, 0)) {
		doc->meta.has_fm = 1;
		doc->meta.fm_first = 1;
		for (i = 2; i <= doc->nlines; i++)
			if (is_fence(doc, i, 1))
				break;
		if (i <= doc->nlines) {
			doc->meta.fm_last = i;
			doc->body_line = i + 1;
		} else {
			doc->meta.fm_last = 0;
			doc->body_line = 2;
			pm_doc__finding(doc, PM_RULE_FRONTMATTER_SYNTAX, 1, 1,
			    "the front matter is not closed; add a line "
			    "'---' after the last field");
		}
	}
	return 0;
}

size_t
pm_doc__line_start(const struct pm_doc *doc, unsigned int n)
{
	if (n == 0)
		return 0;
	if (n > doc->nlines)
		return doc->textsz;
	return doc->line_off[n - 1];
}

unsigned int
pm_doc__line_of(const struct pm_doc *doc, size_t off)
{
	size_t	 lo = 0, hi = doc->nlines, mid;

	/* The last line whose start is <= off. */
	if (doc->nlines == 0)
		return 1;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (doc->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned int)lo + 1;
}

const char *
pm_doc_line(const struct pm_doc *doc, unsigned int n, size_t *lenp)
{
	size_t	 a, b;

	if (n == 0 || n > doc->nlines || doc->line_off == NULL) {
		if (lenp != NULL)
			*lenp = 0;
		return NULL;
	}
	a = doc->line_off[n - 1];
	b = doc->line_off[n];
	if (b > a && doc->text[b - 1] == '\n')
		b--;
	if (b > a && doc->text[b - 1] == '\r')
		b--;
	if (lenp != NULL)
		*lenp = b - a;
	return doc->text + a;
}

void
pm_doc__trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t' || **s == '\n' ||
	    **s == '\r')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' ||
	    (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\n' ||
	    (*s)[*len - 1] == '\r'))
		(*len)--;
}

int
pm_doc__ieq(const char *s, size_t len, const char *lit)
{
	size_t	 i;
	int	 a, b;

	for (i = 0; i < len; i++) {
		if (lit[i] == '\0')
			return 0;
		a = (unsigned char)s[i];
		b = (unsigned char)lit[i];
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return 0;
	}
	return lit[len] == '\0';
}

size_t
pm_doc__cells(const char *line, size_t len, size_t *off, size_t *end,
    size_t max)
{
	size_t	 i = 0, n = 0, a, b;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i < len && line[i] == '|')
		i++;
	while (i < len && n < max) {
		a = i;
		/* Up to the next unescaped pipe (GFM: even in code). */
		while (i < len && line[i] != '|') {
			if (line[i] == '\\' && i + 1 < len)
				i++;
			i++;
		}
		b = i;
		/* A trailing pipe ends the row; it opens no cell. */
		if (i >= len && a == b && n > 0)
			break;
		while (a < b && (line[a] == ' ' || line[a] == '\t'))
			a++;
		while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t'))
			b--;
		off[n] = a;
		end[n] = b;
		n++;
		if (i < len)
			i++;	/* the pipe */
		if (i >= len)
			break;
		/* Only blanks after the last pipe: done. */
		{
			size_t j = i;

			while (j < len && (line[j] == ' ' || line[j] == '\t'))
				j++;
			if (j == len)
				break;
		}
	}
	return n;
}
