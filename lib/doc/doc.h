/*
 * Documents: one post-mortem file turned into a typed model.
 * Used by lint/, site/, adopt/ and cmd_show.c.  Knows nothing about
 * Git: the corpus hands it bytes and a display path.
 *
 * The model is plain structs, read-only for every stage after the
 * parser.  Every string in it lives in the document's arena and dies
 * with pm_doc_free().  Every value that came from the file carries its
 * position (1-based line and byte column in the original file, front
 * matter included, BOM and CR bytes counted as in the file).
 */
#ifndef PM_DOC_H
#define PM_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/finding.h"
#include "base/yamlx.h"
#include "doc/sections.h"

struct pm_config;

enum	pm_doc_kind {
	PM_DOC_FRONTMATTER,	/* first line is "---": a post-mortem */
	PM_DOC_LEGACY,		/* no front matter, but a title and a
				   Timeline section: written without us */
	PM_DOC_OTHER,		/* README, runbook... */
};

enum	pm_status {
	PM_STATUS_FINAL,	/* default */
	PM_STATUS_DRAFT,
	PM_STATUS_REVIEW,
};

/* A string value and where it was written.  s is NULL when absent. */
struct	pm_str {
	const char	*s;
	struct pm_pos	 pos;
};

/*
 * A timestamp value (started, detected, ...).  started, detected,
 * mitigated and ended may also be a day ("2022-10-22", an extension of
 * SPEC section 2): day is set, t is 00:00 UTC of that day, and the
 * time of day (and zone) is not known, so it is never shown or used
 * as an instant: rules compare days, or take the whole day in any zone.
 */
struct	pm_tsval {
	int		 set;		/* the field is present */
	int		 ok;		/* it parsed */
	int		 has_zone;	/* it carried a zone or offset */
	int		 day;		/* ok: a day, not an instant */
	int64_t		 t;		/* UTC seconds, when ok */
	const char	*raw;		/* as written */
	struct pm_pos	 pos;
	const char	*note;		/* inferred: where the value comes
					   from, when a reader should know
					   (adopt writes it as a comment) */
};

/* A date value (reviewed, follow_up). */
struct	pm_dateval {
	int		 set;
	int		 ok;
	int32_t		 days;		/* days since 1970-01-01 */
	const char	*raw;
	struct pm_pos	 pos;
};

struct	pm_list {
	int		 set;		/* the field is present */
	int		 ok;		/* a list (or a single scalar) */
	struct pm_str	*v;
	size_t		 n;
	struct pm_pos	 pos;
};

/* A key with a scalar value: impact numbers, unknown fields, inferred
 * metadata lines ("Time to detection: 5 minutes"). */
struct	pm_kv {
	const char		*key;
	const char		*value;	/* scalar text; NULL if not a scalar */
	const struct pm_ynode	*node;	/* a copy of the YAML value (cut at
					   depth 16), or NULL if inferred */
	int			 is_num;
	double			 num;
	struct pm_pos		 pos;
};

struct	pm_meta {
	int		 has_fm;	/* the file has a front matter block */
	int		 fm_ok;		/* which parsed as a mapping */
	int		 inferred;	/* no front matter: the values below
					   were inferred from the body */
	unsigned int	 fm_first, fm_last; /* lines of the two fences */

	const char	*id;		/* effective id, never NULL */
	int		 id_set;	/* id came from the field */
	struct pm_pos	 id_pos;
	struct pm_str	 title;
	struct pm_str	 severity_raw;
	int		 severity;	/* 0..4 (P0/SEV0 most severe), -1 */
	struct pm_str	 status_raw;
	enum pm_status	 status;
	struct pm_str	 locale;	/* NULL: configuration's default */
	struct pm_tsval	 started, detected, mitigated, ended, distributed;
	struct pm_dateval reviewed, follow_up;
	struct pm_list	 services, tags, authors, related;
	struct pm_kv	*impact;
	size_t		 nimpact;
	struct pm_kv	*extra;		/* unknown fields, in file order */
	size_t		 nextra;
	/* The YAML tree itself is not kept: only impact and extra values
	 * keep a copy of their node (pm_kv.node). */
};

struct	pm_section {
	enum pm_sec	 kind;		/* PM_SEC_OTHER for other headings */
	const char	*heading;	/* text as written */
	unsigned int	 level;		/* 1 or 2 (3 for subsections) */
	struct pm_pos	 pos;		/* the heading */
	unsigned int	 line_last;	/* last line of the section */
};

struct	pm_trow {
	struct pm_pos	 pos;		/* the row or list item */
	struct pm_pos	 time_pos;	/* the time text */
	const char	*time_raw;	/* "09:12", "2021-12-10 15:40", "~19:30" */
	const char	*event;
	const char	*source;	/* NULL in list timelines */
	const char	*actor;
	int		 ok;		/* the time was read, on a known day */
	const char	*error;		/* why not, when !ok */
	int		 no_day;	/* !ok: a time of day ("10:00") but no
					   day to put it on (no 'started', no
					   earlier date); t is the time of day
					   in UTC seconds, and no finding is
					   made (the missing 'started' is) */
	int		 has_date;	/* the row names its own date */
	int		 date_only;	/* "2021-12-10": in order anywhere that day */
	int		 approx;	/* "~19:30", "10:45~" */
	int		 labelled;	/* "First detected: 2020-08-14 10:43":
					   the event is a label before the time */
	int		 doubtful;	/* read, but goes back in time: not a
					   start or end to infer (1: a bare
					   time, 2: a date) */
	const char	*zone;		/* zone named in the row, or NULL */
	int64_t		 t;		/* UTC instant (range start; midnight
					   UTC of the day for date-only rows) */
};

struct	pm_timeline {
	int		 present;	/* the section exists */
	int		 is_table;
	struct pm_trow	*rows;
	size_t		 n;
	const char	*zone;		/* zone named by the column header or
					   the sentence under the heading */
	struct pm_pos	 zone_pos;
	int		 utc_declared;	/* heading, header or sentence says UTC */
	const char	*zone_error;	/* the declared zone is unknown or
					   ambiguous: why its rows are unread */
	const char	*doubt;		/* why the rows cannot give 'ended'
					   (a time that goes back), or NULL */
	struct pm_pos	 doubt_pos;
	const char	*why_started;	/* why the rows give no 'started' or */
	const char	*why_ended;	/* 'ended' (inferred reports), or NULL */
	int		 outside;	/* read from a labelled list outside a
					   Timeline section ("Key events") */
};

enum	pm_astatus {
	PM_ASTATUS_NONE,		/* no status given: counts as open */
	PM_ASTATUS_OPEN,
	PM_ASTATUS_IN_PROGRESS,
	PM_ASTATUS_DONE,
	PM_ASTATUS_WONTFIX,
	PM_ASTATUS_UNKNOWN,		/* some other word */
};

struct	pm_action {
	struct pm_pos	 pos;		/* the row or list item */
	int		 is_table;
	const char	*id;		/* "A1", or "3" for the 3rd list item */
	const char	*text;		/* the action itself */
	struct pm_pos	 text_pos;
	const char	*owner;		/* "@alice" or a team; NULL if none */
	struct pm_pos	 owner_pos;
	const char	*deadline_raw;	/* NULL if none */
	struct pm_pos	 deadline_pos;
	int		 deadline_ok;
	int32_t		 deadline;	/* days since the epoch, when ok */
	const char	*prio_raw;	/* NULL if none */
	struct pm_pos	 prio_pos;
	int		 prio;		/* 0..4; High=1 Medium=2 Low=3; -1 */
	const char	*status_raw;
	enum pm_astatus	 status;
	const char	*ticket;	/* URL, KEY-123 or #123; NULL if none */
	struct pm_pos	 ticket_pos;
};

enum	pm_fkind {
	PM_FACTOR_PLAIN,		/* one list under the section */
	PM_FACTOR_IMMEDIATE,
	PM_FACTOR_CONTRIBUTING,
	PM_FACTOR_SYSTEMIC,
};

struct	pm_factor {
	enum pm_fkind	 kind;
	const char	*category;	/* "Monitoring Gap", or NULL */
	const char	*text;
	struct pm_pos	 pos;
};

struct	pm_why {
	const char	*text;
	struct pm_pos	 pos;
};

struct	pm_link {			/* [[other-id]] in the body */
	const char	*id;
	struct pm_pos	 pos;
};

struct	pm_urlref {			/* a file link or image in the body */
	const char	*url;		/* as cmark-gfm read it (unescaped) */
	struct pm_pos	 pos;		/* where the URL is written */
	int		 image;
};

/* A run of prose (paragraph, heading, list item text, table cell)
 * outside code, for the language rules. */
struct	pm_prose {
	enum pm_sec	 sec;		/* section it is in */
	unsigned int	 line_first;	/* 1-based lines in the file */
	unsigned int	 line_last;
};

struct	pm_doc {
	struct pm_arena	 arena;		/* owns every model string */
	const char	*path;		/* display path (repository-relative) */
	enum pm_doc_kind kind;
	char		*text;		/* the file's bytes, owned, NUL-terminated */
	size_t		 textsz;
	uint32_t	*line_off;	/* byte offset of each line start,
					   and textsz after the last (arena) */
	unsigned int	 nlines;
	unsigned int	 body_line;	/* first line after the front matter */
	int		 crlf;		/* lines end in CRLF */
	int		 bom;		/* the file starts with a UTF-8 BOM */

	struct pm_meta	 meta;
	struct pm_section *secs;	/* level-1/2 headings in file order */
	size_t		 nsecs;
	struct pm_timeline timeline;
	struct pm_action *actions;
	size_t		 nactions;
	struct pm_factor *factors;
	size_t		 nfactors;
	struct pm_why	*whys;
	size_t		 nwhys;
	struct pm_link	*links;
	size_t		 nlinks;
	struct pm_urlref *urls;		/* links and images with no scheme
					   (pm_linkpath_local), file order */
	size_t		 nurls;
	struct pm_prose	*prose;
	size_t		 nprose;
	unsigned int	 root_cause_words; /* words of prose in Root Cause */
	unsigned int	 root_cause_lines; /* non-empty lines in Root Cause */

	/* Parser findings: frontmatter/syntax, frontmatter/required,
	 * timeline/time, input/limits.  Owned by the document. */
	struct pm_findings findings;

	/* Filled by the corpus from Git history (not by the parser). */
	int		 has_added;
	int64_t		 added;		/* first commit that added the file */
	const char	*added_by;	/* its author "Name <mail>", arena */

	void		*tree;		/* cmark_node *, PM_PARSE_KEEP_TREE */
	void		*parser;	/* cmark_parser *, same */
};

#define	PM_PARSE_KEEP_TREE	(1u << 0) /* keep the cmark tree for render */
#define	PM_PARSE_FORCE		(1u << 1) /* model a legacy/other file too */

/*
 * Parse text (len bytes, need not be NUL-terminated; copied) into a
 * new document.  Problems in the report become findings in
 * (*out)->findings, never a failure.  The model is built for
 * PM_DOC_FRONTMATTER and PM_DOC_LEGACY files, and for PM_DOC_OTHER
 * only with PM_PARSE_FORCE.  The caller frees with pm_doc_free().
 * Returns 0 (the only failure, out of memory, exits).
 */
int	 pm_doc_parse(struct pm_doc **out, const char *path,
	    const char *text, size_t len, const struct pm_config *,
	    unsigned int flags);
/*
 * The same, adopting text: a buffer from malloc (pm_xmalloc) holding
 * len bytes, which the document now owns and frees (the caller must
 * not touch it again).  Saves the copy; a reader's spare capacity is
 * given back.
 */
int	 pm_doc_parse_take(struct pm_doc **out, const char *path,
	    char *text, size_t len, const struct pm_config *,
	    unsigned int flags);
void	 pm_doc_free(struct pm_doc *);

/* First section of a kind, or NULL (borrowed). */
const struct pm_section	*pm_doc_section(const struct pm_doc *, enum pm_sec);
/* Line n (1-based) of the file without its line ending; NULL past end. */
const char	*pm_doc_line(const struct pm_doc *, unsigned int n,
		    size_t *lenp);
/* Render the body (after the front matter) as safe HTML into out;
 * needs PM_PARSE_KEEP_TREE.  Returns 0 or -1. */
struct pm_buf;
int	 pm_doc_render_html(const struct pm_doc *, struct pm_buf *out);
/*
 * The span of UTC instants a value that is ok may stand for: an
 * instant is itself; a day is that day in any zone, from its 00:00 at
 * UTC+14 to its 24:00 at UTC-12.  For rules that must not make a false
 * finding on a day.
 */
int64_t	 pm_ts_earliest(const struct pm_tsval *);
int64_t	 pm_ts_latest(const struct pm_tsval *);
/* 1 if a is surely later than b (both ok): two days compare as days,
 * a day and an instant by the day's span. */
int	 pm_ts_after(const struct pm_tsval *a, const struct pm_tsval *b);
/* "2022-10-22" for a day, "2022-10-22T10:05:00Z" for an instant, into
 * buf (at least 32 bytes). */
char	*pm_ts_format(char *buf, const struct pm_tsval *);
/* The model as JSON (`show --format json`), pretty-printed. */
void	 pm_doc_to_json(const struct pm_doc *, struct pm_buf *out);

#endif /* PM_DOC_H */
