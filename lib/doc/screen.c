/*
 * The screen in front of cmark-gfm (STYLE part C).  Debian's cmark-gfm
 * 0.29.0.gfm.6 has none of the 2023 fixes for super-linear parsing, so
 * before a body reaches it we look at every line once and stop at the
 * first line that exceeds a limit: the line length, the nesting depth
 * of block quotes and lists, table columns and rows, and the patterns
 * that make the library quadratic within one paragraph (many '<'
 * openers as in "<http://s" repeated, many '[' as in "![[]()", many
 * delimiter-row lines as in "|-\nt>|-" repeated).  Each cut is an
 * input/limits finding that names the line and the reason; the model
 * is built from the part before it.  Measured on this version: below
 * these caps every pattern parses in a few milliseconds.
 */
#include <stddef.h>
#include <string.h>

#include "doc/doc_int.h"
#include "source/config.h"

/* Per-paragraph caps on the quadratic patterns. */
#define	MAX_LT_PER_BLOCK	1000	/* "<x" openers */
#define	MAX_BRACKET_PER_BLOCK	2000	/* "[" openers */
#define	MAX_DELIM_PER_BLOCK	128	/* "|-|" lines before a table */

struct	limits {
	size_t		 line_bytes;
	unsigned int	 nesting;
	unsigned int	 columns;
	size_t		 rows;
};

static int
is_blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * Nesting depth of the containers opening a line: each '>' and each
 * list marker counts one, and indentation before a list marker counts
 * one per two columns (a list nested by indentation).  Sets *rest to
 * the offset after the markers.
 */
static unsigned int
depth_of(const char *s, size_t n, size_t *rest)
{
	unsigned int	 d = 0;
	size_t		 i = 0, ind, j;

	for (;;) {
		ind = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t')) {
			ind += s[i] == '\t' ? 4 : 1;
			i++;
		}
		if (i < n && s[i] == '>') {
			d++;
			i++;
			continue;
		}
		j = i;
		if (i < n && (s[i] == '-' || s[i] == '*' || s[i] == '+'))
			j = i + 1;
		else {
			while (j < n && j - i < 9 && s[j] >= '0' && s[j] <= '9')
				j++;
			if (j > i && j < n && (s[j] == '.' || s[j] == ')'))
				j++;
			else
				j = i;
		}
		if (j > i && (j == n || s[j] == ' ' || s[j] == '\t')) {
			d += 1 + (unsigned int)(ind / 2);
			i = j;
			continue;
		}
		break;
	}
	*rest = i;
	return d;
}

/*
 * A GFM delimiter row: only '|', '-', ':' and blanks, with a '-'.
 * Returns its number of cells, or 0.
 */
static size_t
delim_cells(const char *s, size_t n)
{
	size_t	 i, pipes = 0, dash = 0, inner = 0;
	int	 lead = -1, trail = 0;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '|':
			pipes++;
			if (lead == -1)
				lead = 1;
			trail = 1;
			break;
		case '-':
			dash++;
			if (lead == -1)
				lead = 0;
			trail = 0;
			break;
		case ':':
			if (lead == -1)
				lead = 0;
			trail = 0;
			break;
		case ' ':
		case '\t':
			break;
		default:
			return 0;
		}
	}
	if (dash == 0 || pipes == 0)
		return 0;
	inner = pipes - (lead == 1) - (trail && pipes > (lead == 1));
	return inner + 1;
}

size_t
pm_doc__screen(struct pm_doc *doc, const struct pm_config *cfg,
    size_t off, size_t len, size_t *work)
{
	struct limits	 lim = { 1024 * 1024, 64, 64, 10000 };
	const char	*s, *q;
	size_t		 n, rest, cells, lt = 0, br = 0, dl = 0, rows = 0;
	size_t		 stop = off + len, fence_len = 0, i;
	unsigned int	 line, d;
	int		 in_table = 0, prev_blank = 1;
	char		 fence = 0;

	if (cfg != NULL) {
		if (cfg->limits.max_line_bytes > 0)
			lim.line_bytes = cfg->limits.max_line_bytes;
		if (cfg->limits.max_nesting > 0)
			lim.nesting = cfg->limits.max_nesting;
		if (cfg->limits.max_table_columns > 0)
			lim.columns = cfg->limits.max_table_columns;
		if (cfg->limits.max_table_rows > 0)
			lim.rows = cfg->limits.max_table_rows;
	}
	line = pm_doc__line_of(doc, off);
	for (; line <= doc->nlines; line++) {
		if (pm_doc__line_start(doc, line) >= stop)
			break;
		s = pm_doc_line(doc, line, &n);
		if (work != NULL)
			*work += n + 1;
		if (n > lim.line_bytes) {
			pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, line, 0,
			    "line %u is %zu bytes, over the limit of %zu "
			    "(limits.max_line_bytes); the report is read up "
			    "to line %u", line, n, lim.line_bytes, line - 1);
			goto cut;
		}
		if (is_blank(s, n)) {
			lt = br = dl = rows = 0;
			in_table = 0;
			prev_blank = 1;
			continue;
		}
		d = depth_of(s, n, &rest);
		if (d > lim.nesting) {
			pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, line, 0,
			    "block quotes and lists nest %u deep on line %u, "
			    "over the limit of %u (limits.max_nesting); the "
			    "report is read up to line %u", d, line,
			    lim.nesting, line - 1);
			goto cut;
		}

		/* Fenced code: nothing inside it is parsed as Markdown. */
		q = s + rest;
		while (q < s + n && (*q == ' ' || *q == '\t'))
			q++;
		if (fence != 0) {
			for (i = 0; q + i < s + n && q[i] == fence; i++)
				continue;
			if (i >= fence_len && is_blank(q + i,
			    (size_t)(s + n - q - i)))
				fence = 0;
			continue;
		}
		if (s + n - q >= 3 && (*q == '`' || *q == '~') &&
		    q[1] == *q && q[2] == *q) {
			fence = *q;
			for (fence_len = 0; q + fence_len < s + n &&
			    q[fence_len] == fence; fence_len++)
				continue;
			continue;
		}

		if ((cells = delim_cells(s + rest, n - rest)) > 0) {
			if (cells > lim.columns) {
				pm_doc__finding(doc, PM_RULE_INPUT_LIMITS,
				    line, 0, "the table on line %u has %zu "
				    "columns, over the limit of %u "
				    "(limits.max_table_columns); the report is "
				    "read up to line %u", line, cells,
				    lim.columns, line > 1 ? line - 2 : 0);
				if (line > 1 && !prev_blank)
					line--;	/* the header row too */
				goto cut;
			}
			if (!in_table && !prev_blank) {
				in_table = 1;
				rows = 0;
			}
			if (++dl > MAX_DELIM_PER_BLOCK) {
				pm_doc__finding(doc, PM_RULE_INPUT_LIMITS,
				    line, 0, "more than %d table delimiter "
				    "rows in one paragraph; the report is read "
				    "up to line %u", MAX_DELIM_PER_BLOCK,
				    line - 1);
				goto cut;
			}
		} else if (in_table && ++rows > lim.rows) {
			pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, line, 0,
			    "the table has more than %zu rows "
			    "(limits.max_table_rows); the report is read up "
			    "to line %u", lim.rows, line - 1);
			goto cut;
		}
		prev_blank = 0;

		for (i = 0; i < n; i++) {
			if (s[i] == '<' && i + 1 < n &&
			    ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))
				lt++;
			else if (s[i] == '[')
				br++;
		}
		if (lt > MAX_LT_PER_BLOCK || br > MAX_BRACKET_PER_BLOCK) {
			pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, line, 0,
			    "more than %d '%s' in one paragraph (input that "
			    "makes the Markdown parser slow); the report is "
			    "read up to line %u", lt > MAX_LT_PER_BLOCK ?
			    MAX_LT_PER_BLOCK : MAX_BRACKET_PER_BLOCK,
			    lt > MAX_LT_PER_BLOCK ? "<" : "[", line - 1);
			goto cut;
		}
	}
	return len;
cut:
	return pm_doc__line_start(doc, line) - off;
}
