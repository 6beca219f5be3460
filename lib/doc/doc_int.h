/*
 * Internals of lib/doc/ shared between its modules (as mandoc's
 * libmdoc.h): the splitter, the front matter reader, the Markdown
 * screen and walker and the model builders.  Not for other stages:
 * they read struct pm_doc through doc.h.
 */
#ifndef PM_DOC_INT_H
#define PM_DOC_INT_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"

struct pm_config;

/*
 * split.c: sets doc->bom, crlf, line_off, nlines, the front matter
 * fences (meta.has_fm, fm_first, fm_last) and body_line.  Returns 0,
 * or -1 if the file holds a NUL byte (binary: no model).
 */
int	 pm_doc__split(struct pm_doc *);
/* Byte offset of the start of line n (1-based); textsz past the end. */
size_t	 pm_doc__line_start(const struct pm_doc *, unsigned int n);
/* Line number (1-based) holding byte offset off. */
unsigned int	 pm_doc__line_of(const struct pm_doc *, size_t off);

/* frontmatter.c: the typed fields from the YAML between the fences. */
void	 pm_doc__frontmatter(struct pm_doc *, const struct pm_config *);
/* frontmatter.c: required fields after the meta is final. */
void	 pm_doc__required(struct pm_doc *);

/*
 * markdown.c: screen the body (STYLE part C), parse it with cmark-gfm
 * and walk the tree once, filling the body part of the model.
 */
void	 pm_doc__body(struct pm_doc *, const struct pm_config *,
	    unsigned int flags);
/* markdown.c: free the kept cmark tree and parser, if any. */
void	 pm_doc__free_tree(struct pm_doc *);
/*
 * screen.c: how many bytes of the body (starting at line first) may
 * be given to cmark.  Adds input/limits findings for what is cut.
 * *work counts the bytes examined (for the linearity tests).
 */
size_t	 pm_doc__screen(struct pm_doc *, const struct pm_config *,
	    size_t off, size_t len, size_t *work);

/* sections.c: the section kind of a heading's text (PM_SEC_OTHER). */
enum pm_sec	 pm_sec__match(const char *text, size_t len,
		    const struct pm_config *);
/* sections.c: the subsection kind of a factor heading. */
int		 pm_sec__factor_kind(const char *text, size_t len);

/* Add a parser finding to the document. */
struct pm_finding	*pm_doc__finding(struct pm_doc *, enum pm_rule_id,
			    unsigned int line, unsigned int col,
			    const char *fmt, ...)
			    __attribute__((format(printf, 5, 6)));

/* Trim ASCII white space from both ends of [*s, *s + *len). */
void	 pm_doc__trim(const char **s, size_t *len);
/* Case-insensitive ASCII comparison of a counted string with a C one. */
int	 pm_doc__ieq(const char *s, size_t len, const char *lit);

/*
 * Cells of a GFM table line: the byte offset (from the start of the
 * line) of the first non-blank character of each cell, split on
 * unescaped '|'.  Returns the number of cells (at most max).
 */
size_t	 pm_doc__cells(const char *line, size_t len, size_t *off,
	    size_t *end, size_t max);

#endif /* PM_DOC_INT_H */
