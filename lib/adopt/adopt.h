/*
 * Adopting reports written without this tool (SPEC section 5): the
 * front matter text for a document's inferred metadata, the adopted
 * file (front matter, then the original bytes unchanged), a unified
 * diff of that change, and the atomic rewrite of the file.
 *
 * Used by cmd_adopt.c.  Knows nothing about Git: the corpus has filled
 * doc->added and doc->added_by from the history before these run.
 */
#ifndef PM_ADOPT_H
#define PM_ADOPT_H

#include <stddef.h>

struct pm_buf;
struct pm_doc;

/* Required fields that could not be inferred (bits). */
#define	PM_ADOPT_TITLE		(1u << 0)
#define	PM_ADOPT_SEVERITY	(1u << 1)
#define	PM_ADOPT_STARTED	(1u << 2)
#define	PM_ADOPT_ENDED		(1u << 3)
#define	PM_ADOPT_AUTHORS	(1u << 4)

/*
 * Append to out the front matter for doc: "---", the fields in the
 * order of SPEC section 1 (title, id, severity, status, started,
 * detected, mitigated, ended, services, tags, authors, distributed),
 * then the extra fields in file order, and "---", every line ending in
 * eol ("\n" or "\r\n").  id is the id to write (the caller makes it
 * unique), NULL for doc->meta.id.  Authors fall back to the name of
 * the author of the commit that added the file, distributed to that
 * commit's time.  Values that are not plain YAML scalars are written
 * double-quoted with escapes.  Returns the PM_ADOPT_* bits of the
 * required fields left out.
 */
unsigned int	 pm_adopt_frontmatter(struct pm_buf *out,
		    const struct pm_doc *doc, const char *id, const char *eol);

/*
 * For a file whose front matter belongs to another program (a site
 * generator's "title:" and "weight:", none of our fields): 1 if the
 * front matter of doc holds none of id, severity, status, started,
 * detected, mitigated, ended, authors, distributed, services.
 */
int	 pm_adopt_foreign(const struct pm_doc *doc);

/*
 * The lines to add to the foreign front matter of doc: the fields of
 * the body's inferred metadata (body, the file without its front
 * matter) that the front matter does not already have, in the order of
 * pm_adopt_frontmatter, without fences.  Returns the missing bits as
 * pm_adopt_frontmatter does (a title the front matter has is not
 * missing).
 */
unsigned int	 pm_adopt_merge_fields(struct pm_buf *out,
		    const struct pm_doc *doc, const struct pm_doc *body,
		    const char *id, const char *eol);

/*
 * The body of doc (after its front matter) parsed on its own as a
 * report without front matter, its metadata inferred, and doc's
 * history copied: what a foreign front matter's file says.  The caller
 * frees it with pm_doc_free, before doc.
 */
struct pm_config;
struct pm_doc	*pm_adopt_parse_body(const struct pm_doc *doc,
		    const struct pm_config *cfg);

/* The byte offset where lines are added to doc's front matter: the
 * start of its closing fence. */
size_t	 pm_adopt_merge_at(const struct pm_doc *doc);

/* Append "severity, authors" for the bits of missing. */
void	 pm_adopt_missing_names(struct pm_buf *out, unsigned int missing);

/* The line ending of the first line of text: "\r\n" or "\n". */
const char	*pm_adopt_eol(const char *text, size_t len);

/*
 * Append the adopted file to out: the BOM of text (if any), fm, then
 * text after its BOM, byte for byte.
 */
void	 pm_adopt_text(struct pm_buf *out, const char *text, size_t len,
	    const char *fm, size_t fmlen);

/*
 * Append to out a unified diff ("diff --git", "--- a/PATH",
 * "+++ b/PATH", one hunk with up to three lines of context) that turns
 * text into the adopted file; it applies with `git apply` and
 * `patch -p1`.
 */
void	 pm_adopt_diff(struct pm_buf *out, const char *path,
	    const char *text, size_t len, const char *fm, size_t fmlen);

/*
 * The same for lines ins (inslen bytes) added at byte offset at of
 * text, a line start after the first line (a merge into a front
 * matter): the new file is text[0, at) ins text[at, len).
 */
void	 pm_adopt_diff_at(struct pm_buf *out, const char *path,
	    const char *text, size_t len, size_t at, const char *ins,
	    size_t inslen);

/*
 * Replace the file at path by data, atomically: a temporary file in
 * the same directory with the file's mode, fsync, rename, fsync of the
 * directory.  When old is not NULL, the file must still hold exactly
 * old (oldlen bytes), else nothing is written (it changed since it was
 * read).  Symbolic links are refused.  Returns 0, or -1 with
 * pm_error_set.
 */
int	 pm_adopt_write(const char *path, const char *old, size_t oldlen,
	    const char *data, size_t len);

#endif /* PM_ADOPT_H */
