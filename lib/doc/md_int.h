/*
 * The walk over the cmark-gfm tree, shared by markdown.c (the walker)
 * and the model builders (timeline.c, actions.c, factors.c, prose.c).
 * The only header of the project that includes <cmark-gfm.h>.
 */
#ifndef PM_MD_INT_H
#define PM_MD_INT_H

#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "base/buf.h"
#include "base/tz.h"
#include "doc/doc_int.h"
#include "source/config.h"

/* Node types of the table extension, set when it registers. */
extern cmark_node_type	 CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
			 CMARK_NODE_TABLE_CELL;

struct	pm_walk {
	struct pm_doc		*doc;
	const struct pm_config	*cfg;
	unsigned int		 lineoff;	/* body's first line - 1 */
	unsigned int		 level;		/* level of section headings */
	enum pm_sec		 cur;		/* section being walked */
	int			 fkind;		/* factor subsection kind */
	int			 seen_block;	/* a list/table in the section */
	size_t			 cap_secs, cap_prose, cap_links, cap_rows,
				 cap_actions, cap_factors, cap_whys,
				 cap_urls;

	/* Timeline state. */
	int			 zone_off;	/* declared zone offset, s */
	struct pm_tz		 zone;		/* declared zone (kind NONE:
						   zone_off) */
	const char		*zone_error;	/* declared zone unknown */
	int			 zone_declared;	/* by the timeline's text */
	struct pm_tz		 row_zone;	/* the zone the last row named */
	int			 has_started_day;
	int64_t			 started_day;	/* local day of 'started' */
	int			 has_last_day;
	int64_t			 last_day;	/* last date a row named */
	int			 has_prev;
	int64_t			 prev_t;	/* previous readable row */
	int			 prev_dated;	/* ... named its own date */
	int64_t			 year;		/* "Date (2021)" column, or 0 */
	enum pm_date_order	 file_order;	/* what the file's dates say */
	int			 file_conflict;
	int			 pend_date;	/* a date heading waits for its
						   paragraph */
	int64_t			 pend_day;
	struct pm_pos		 pend_pos;
	const char		*pend_raw;
	size_t			 pend_row;	/* row + 1 whose event is the
						   next paragraph, or 0 */
	int			 in_timeline;	/* blocks feed the timeline */
	cmark_node		*tl_code;	/* its first code block */
	struct pm_pos		 tl_code_pos;
	int			 base_state;	/* pm_infer_base_day: 0 not yet
						   asked, 1 read, -1 none */
	int64_t			 base_day;
	unsigned int		 tl_level;	/* level of its heading */

	struct pm_buf		 tmp;		/* scratch text */
};

/* Position of a node in the file. */
struct pm_pos	 pm_md__pos(const struct pm_walk *, cmark_node *);
unsigned int	 pm_md__line(const struct pm_walk *, cmark_node *);
unsigned int	 pm_md__end_line(const struct pm_walk *, cmark_node *);
/* Append the plain text of a node's inlines (no marks) to buf. */
void		 pm_md__text(cmark_node *, struct pm_buf *);
/*
 * The plain text of a node, trimmed, in scratch space: valid until the
 * next pm_md__stext() or pm_md__atext() (not NUL-terminated at *lenp).
 */
const char	*pm_md__stext(struct pm_walk *, cmark_node *, size_t *lenp);
/* The plain text of a node, trimmed, in the document's arena. */
const char	*pm_md__atext(struct pm_walk *, cmark_node *, size_t *lenp);
/*
 * Column (1-based) where needle starts on line n at or after byte
 * column col, or col if it is not there.
 */
unsigned int	 pm_md__find_col(const struct pm_walk *, unsigned int n,
		    unsigned int col, const char *needle, size_t len);
/*
 * Position of a value in the lines [first, last]: where needle is
 * first written, else fallback.
 */
struct pm_pos	 pm_md__find(const struct pm_walk *, unsigned int first,
		    unsigned int last, const char *needle, struct pm_pos);
/*
 * Table cells of a row node: offsets of each cell's text on the row's
 * line.  Returns the cell count; cols[i] is 1-based, 0 if absent.
 */
size_t		 pm_md__row_cols(const struct pm_walk *, cmark_node *row,
		    unsigned int *cols, size_t max);

/* timeline.c */
/* Before the walk: the file's day order (its dates, its name). */
void	 pm_md__timeline_init(struct pm_walk *);
void	 pm_md__timeline_heading(struct pm_walk *, const char *, size_t,
	    struct pm_pos);
/* A heading inside the Timeline section: "### 2021-06-03 9:14". */
void	 pm_md__timeline_subheading(struct pm_walk *, cmark_node *);
void	 pm_md__timeline_para(struct pm_walk *, cmark_node *);
/*
 * A paragraph that is a label ("Timeline: (in PDT)", "**Timeline**")
 * outside a Timeline section: the blocks after it, up to the next
 * section heading, are the timeline.  Returns 1 when it is one.
 */
int	 pm_md__timeline_label(struct pm_walk *, cmark_node *);
void	 pm_md__timeline_table(struct pm_walk *, cmark_node *);
void	 pm_md__timeline_list(struct pm_walk *, cmark_node *);
/*
 * After the walk, when no Timeline section gave a row: the labelled
 * list anywhere in the report ("- **Key events**", "**Context**")
 * whose items begin with (or end with) a time.
 */
void	 pm_md__timeline_search(struct pm_walk *, cmark_node *root);
/*
 * After the walk, when the Timeline section gave no row but holds a
 * code block: its lines ("    - 2pm ..." indented by mistake).
 */
void	 pm_md__timeline_code(struct pm_walk *);
/* actions.c */
void	 pm_md__actions_table(struct pm_walk *, cmark_node *);
void	 pm_md__actions_list(struct pm_walk *, cmark_node *);
/* factors.c: factors and whys */
void	 pm_md__factors_list(struct pm_walk *, cmark_node *);
void	 pm_md__whys_list(struct pm_walk *, cmark_node *);
/* prose.c: prose runs, [[id]] links, words of the root cause */
void	 pm_md__prose(struct pm_walk *, cmark_node *block);
/* urls.c: the file links and images of the whole tree */
void	 pm_md__urls(struct pm_walk *, cmark_node *root);

#endif /* PM_MD_INT_H */
