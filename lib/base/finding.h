/*
 * Findings: problems in a report (STYLE B4.4).  The parser, the checks
 * and the loader append them to a list; reporters read the sorted list.
 * Used by every stage from doc/ on.
 */
#ifndef PM_FINDING_H
#define PM_FINDING_H

#include <stddef.h>
#include <stdint.h>

enum	pm_level {
	PM_LEVEL_OFF = 0,	/* rule switched off */
	PM_LEVEL_INFO,
	PM_LEVEL_WARNING,
	PM_LEVEL_ERROR,
};

enum	pm_rule_id {
#define	PM_RULE(e, id, lvl, desc)	PM_RULE_##e,
#include "base/rules.def"
#undef	PM_RULE
	PM_RULE__MAX
};

struct	pm_pos {
	unsigned int	 line;	/* 1-based, in the original file; 0 = whole file */
	unsigned int	 col;	/* 1-based, in bytes; 0 = whole line */
};

struct	pm_finding {
	enum pm_rule_id	 rule;
	enum pm_level	 level;
	char		*path;	/* display path, relative to the repository root */
	struct pm_pos	 pos;
	unsigned int	 end_col; /* of the matched span, 1-based, exclusive;
				    0 = unknown (same line as pos) */
	char		*msg;	/* says what is wrong and what to do */
	char		*detail; /* pattern rule "en/human-error", or NULL */
	char		*suggest; /* suggested rewording, or NULL */
	int		 draft;	/* the report is a draft: never fails the run */
	uint64_t	 fp;	/* pm_findings_fingerprint(); 0 until set */
};

/* A list of findings; owns every string in it. */
struct	pm_findings {
	struct pm_finding	*v;
	size_t			 n;
	size_t			 cap;
};

#define	PM_FINDINGS_INIT	{ NULL, 0, 0 }

/* The rule's id string ("timeline/order") and default level. */
const char	*pm_rule_name(enum pm_rule_id);
enum pm_level	 pm_rule_default_level(enum pm_rule_id);
const char	*pm_rule_description(enum pm_rule_id);
/* Look a rule up by id; returns 0 and sets *out, or -1 if unknown. */
int		 pm_rule_lookup(enum pm_rule_id *out, const char *name);
const char	*pm_level_name(enum pm_level);

/*
 * Append a finding with the rule's default level; returns it so the
 * caller may set detail, suggest or level.  Copies path and message.
 */
struct pm_finding	*pm_findings_add(struct pm_findings *, enum pm_rule_id,
			    const char *path, struct pm_pos,
			    const char *fmt, ...)
			    __attribute__((format(printf, 5, 6)));
/* Move every finding of src to the end of dst; src is left empty. */
void	 pm_findings_move(struct pm_findings *dst, struct pm_findings *src);
/* Sort by path, line, column, rule, message: a total order. */
void	 pm_findings_sort(struct pm_findings *);
void	 pm_findings_release(struct pm_findings *);
/* Sort v[from..n) only (one document's findings). */
void	 pm_findings_sort_from(struct pm_findings *, size_t from);
/* Free one finding's strings (before dropping it from a list). */
void	 pm_finding_release(struct pm_finding *);

/*
 * Fingerprints (baselines, --since, SARIF and GitLab): set fp of each
 * finding of v[from..n), sorted, from what it flags rather than where:
 * the rule, the pattern id, the text of its line with blanks squeezed
 * and the matched span (pos.col..end_col), or, for the rules about a
 * whole report (structure/sections, timeline/present...) and findings
 * without a line, the problem part of the message (before "; ") with
 * digits folded; then the finding's rank among the same in its file.
 * line(arg, n, &len) gives line n without its ending, or NULL (line
 * may be NULL: messages only).  Moving lines never changes one.
 */
typedef const char	*(*pm_line_fn)(void *arg, unsigned int n, size_t *len);
void	 pm_findings_fingerprint(struct pm_findings *, size_t from,
	    pm_line_fn line, void *arg);
/* What a fingerprint was made of (the key text above) into buf, at
 * most sz - 1 bytes cut at a UTF-8 boundary: baselines show it. */
const char	*pm_finding_key_text(char *buf, size_t sz,
		    const struct pm_finding *, pm_line_fn line, void *arg);
/* 1 if the rule's findings are keyed by message, not by line. */
int	 pm_rule_by_message(enum pm_rule_id);

/* Counts by level; drafts are counted apart when draft_apart is set. */
size_t	 pm_findings_count(const struct pm_findings *, enum pm_level,
	    int include_drafts);

#endif /* PM_FINDING_H */
