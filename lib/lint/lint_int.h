/*
 * Inside the linter: the check table entry, the per-document lint
 * state passed to every check, and the check functions (check_*.c).
 * Not for use outside lib/lint/.
 */
#ifndef PM_LINT_INT_H
#define PM_LINT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/finding.h"

struct pm_config;
struct pm_corpus;
struct pm_doc;
struct pm_lint_opts;
struct pm_lint_stats;
struct pm_rulepacks;
struct pm_check;
struct pm_lint;

typedef void	(*pm_check_fn)(const struct pm_check *, const struct pm_doc *,
		    struct pm_lint *);

/*
 * One row of the check table (checks.c): the rule (whose id, default
 * level and description come from base/rules.def) and its handler.
 * A NULL handler: the parser or the loader finds it.
 */
struct	pm_check {
	enum pm_rule_id	 rule;
	pm_check_fn	 fn;
};

/* Per-thread pattern matching state (rulepack.c). */
struct	pm_matcher;

/* The state of one document's lint. */
struct	pm_lint {
	const struct pm_config		*cfg;
	const struct pm_lint_opts	*opts;
	const struct pm_corpus		*corpus;	/* or NULL */
	const struct pm_rulepacks	*packs;		/* or NULL */
	struct pm_matcher		*m;		/* or NULL */
	const struct pm_doc		*doc;
	struct pm_findings		*out;
	struct pm_lint_stats		*stats;		/* never NULL */
};

/*
 * Emit a finding of ck's rule at pos with the configured level (the
 * caller only runs checks that are not off).  Returns it, so the caller
 * may set detail or suggest.
 */
struct pm_finding	*pm_lint_emit(struct pm_lint *, const struct pm_check *,
			    struct pm_pos, const char *fmt, ...)
			    __attribute__((format(printf, 4, 5)));
/* Same, for a rule given by id (pattern rules). */
struct pm_finding	*pm_lint_emit_rule(struct pm_lint *, enum pm_rule_id,
			    enum pm_level, struct pm_pos, const char *fmt, ...)
			    __attribute__((format(printf, 5, 6)));

/* A position from a line (col 1), or the whole file (0, 0). */
struct pm_pos	 pm_pos_line(unsigned int line);

/* The UTC day of an instant (floor). */
int64_t		 pm_day_of(int64_t t);
/* "2025-02-09 10:05Z"-style short rendering of an instant into buf. */
const char	*pm_lint_fmt_time(char *buf, size_t sz, int64_t t);

/* check_meta.c */
void	 check_frontmatter_times(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_distribution_48h(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_distribution_stale(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_followup_scheduled(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);

/* check_timeline.c */
void	 check_timeline_present(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_timeline_order(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_timeline_utc(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_timeline_window(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_timeline_detection(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);

/* check_actions.c */
void	 check_actions_owner(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_actions_deadline(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_actions_priority(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_actions_tracked(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_actions_overdue(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);

/* check_body.c */
void	 check_structure_sections(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_factors_multiple(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_analysis_depth(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_links_related(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_ids_unique(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);

/* check_links.c */
void	 check_links_local(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);

/* rulepack.c: the pattern checks and per-thread match state. */
void	 check_language_blameless(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
void	 check_actions_vague(const struct pm_check *,
	    const struct pm_doc *, struct pm_lint *);
struct pm_matcher	*pm_matcher_new(const struct pm_rulepacks *);
void	 pm_matcher_free(struct pm_matcher *);

/* replay.c: the lint record of a blob (lint.h). */
/* 1 for the rules that read more than the blob, its path and the
 * configuration (history, today, the corpus, the tree): never kept. */
int	 pm_lint_live_rule(enum pm_rule_id);
/* The record of doc, linted with fs->v[from..n) (sorted, merged,
 * fingerprinted) into *out (malloc'd); -1 if it cannot have one (a
 * suppression comment...). */
int	 pm_lint_record(const struct pm_doc *, uint64_t key, int force,
	    const struct pm_findings *fs, size_t from, size_t limit_hits,
	    unsigned char **out, size_t *outlen);
/* Append a record's kept findings to fs; -1 if it cannot be used. */
int	 pm_lint_replay(const unsigned char *data, size_t len, uint64_t key,
	    const char *path, int force, struct pm_findings *fs,
	    size_t *limit_hits);

#endif /* PM_LINT_INT_H */
