/*
 * Titles, ids and placeholders of reports written without this tool
 * (SPEC section 5, issue 11): the title of a level-1 heading with the
 * dates and "Retrospective:" words around it removed, the title and id
 * a file name gives, the values a template leaves ("<Link>", "HH:mm",
 * "PMyyyy-nnn", "XXX") and whether a file is a template at all.
 *
 * Used by infer.c, corpus.c (templates are skipped), cmd_adopt.c and
 * cmd_init.c.  Pure string functions: no configuration, no Git.
 */
#ifndef PM_TITLE_H
#define PM_TITLE_H

#include <stddef.h>

struct pm_arena;
struct pm_doc;

/*
 * The title in a heading: "Retrospective: ", "Post-mortem: " dropped,
 * a leading date ("2018-03-26, ", "January 23rd, 2019 ", "Incident on
 * 2024-09-20 - ") and a trailing one (" - September 29, 2025",
 * " 2017-04-11", " (October 2025)", " May 30") removed, and quotes
 * around what is left.  When nothing would be left, the heading as it
 * is.  Sets *skip to the bytes dropped at the front (for positions).
 * Returns an arena string, or NULL for a placeholder ("ISSUE NAME",
 * "${title}", "Incident title").
 */
char	*pm_title_clean(struct pm_arena *, const char *heading,
	    size_t *skip);

/*
 * The title a file name gives: the directories, the extension
 * (".md", ".html.md.erb"...), a leading date ("2021-05-09-", "04-25-")
 * and id token removed, "-" (or "_" when there is no "-") read as
 * blanks, the first letter in capitals: "2021-05-09-negative-coin-
 * values.md" -> "Negative coin values".  NULL if nothing is left.
 */
char	*pm_title_from_path(struct pm_arena *, const char *path);

/*
 * The id a file name gives: its leading token when it looks like an
 * id ("PM2022-002 Database.md" -> "PM2022-002", "INC-123_x.md" ->
 * "INC-123"), else the name without its extension with every run of
 * blanks and other characters than letters, digits, ".", "_" and "-"
 * turned into one "-": always a single token.
 */
char	*pm_id_from_path(struct pm_arena *, const char *path);
/* Length of an id token at the start of s ("PM2022-002", "INC-123"),
 * or 0. */
size_t	 pm_id_token(const char *s, size_t len);

/* The name without directories and Markdown extensions (arena). */
char	*pm_path_stem(struct pm_arena *, const char *path);

/*
 * 1 if the text (a value, a heading, a time) is a placeholder left by
 * a template: "<Link to the recording>", "${date}", "{{ name }}",
 * "[impact level]", "PMyyyy-nnn", "YYYY-MM-DD", "HH:mm", "20xx",
 * "XXX", "TBD", "ISSUE NAME", "Lorem ipsum...".
 */
int	 pm_placeholder(const char *s, size_t len);

/*
 * 1 if the document is a report template rather than a report: its
 * file name says "template", or its title and values are placeholders
 * and no time of its timeline is real.  Sets *why to a static reason.
 */
int	 pm_doc_is_template(const struct pm_doc *, const char **why);

#endif /* PM_TITLE_H */
