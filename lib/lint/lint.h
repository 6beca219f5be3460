/*
 * The linter: the checklist rules of SPEC section 2 run over the model
 * of each document (lib/doc/doc.h), the pattern rule packs of rules/
 * (blameless phrasing, vague actions), and suppression comments.
 * Reads the model only, never the cmark tree or the YAML.  Called by
 * cmd_lint.c (lint), cmd_rules.c (rules) and the site (findings shown
 * on each page).
 */
#ifndef PM_LINT_H
#define PM_LINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/finding.h"

struct pm_config;
struct pm_corpus;
struct pm_doc;
struct pm_entries;
struct pm_rulepacks;		/* opaque: loaded pattern rule packs */

struct	pm_lint_opts {
	int32_t		 today;		/* days since the epoch (--today) */
	int		 has_history;	/* a repository is there: a report
					   without 'added' is uncommitted */
	int		 threads;	/* 0: one per CPU (at most 8) */
	/* Every file of the source (pm_source_list_all), for links/local;
	 * NULL skips the rule.  tree_name says which: "the commit". */
	const struct pm_entries	*tree;
	const char	*tree_name;
};

struct	pm_lint_stats {
	size_t		 history_skipped; /* distribution/48h skipped: no
					   'distributed' and no history */
	size_t		 limit_hits;	/* pattern matches stopped by the
					   PCRE2 match or depth limit */
};

/*
 * Lint every target document of the corpus, appending findings
 * (parser findings with configured levels, check findings, pattern
 * findings; suppression applied) to *out, unsorted.  packs may be
 * NULL (no pattern rules).  Thread-safe per call; runs the documents
 * on opts->threads threads.  stats may be NULL.
 */
void	 pm_lint_corpus(const struct pm_corpus *, const struct pm_config *,
	    const struct pm_rulepacks *, const struct pm_lint_opts *,
	    struct pm_findings *out, struct pm_lint_stats *stats);

/*
 * Lint one document; corpus (for links/related and ids/unique) may be
 * NULL, then those two rules are skipped.  Appends to *out.
 */
void	 pm_lint_doc(const struct pm_doc *, const struct pm_corpus *,
	    const struct pm_config *, const struct pm_rulepacks *,
	    const struct pm_lint_opts *, struct pm_findings *out,
	    struct pm_lint_stats *stats);

/*
 * The lint cache (replay.c): a record per blob of its findings and of
 * the facts the rules that read more than the blob need, so that a
 * warm lint neither reads nor parses an unchanged report.
 * pm_lint_cache_key: this binary and these rule packs (0: no cache).
 * pm_lint_stub: a document made from a record for this path and parse
 * (force: PM_PARSE_FORCE), enough for the rules that run again and for
 * the reporters' line text; -1 if the record cannot be used.
 */
uint64_t pm_lint_cache_key(const struct pm_rulepacks *);
int	 pm_lint_stub(struct pm_doc **out, const struct pm_config *,
	    const char *path, int force, uint64_t key,
	    const unsigned char *data, size_t len);

/* 1 if any finding fails the run: an error, not on a draft unless
 * strict. */
int	 pm_lint_failed(const struct pm_findings *, int strict);

/*
 * Rule packs (rulepack.c).  Load every ".yaml" file of datadir (NULL or a
 * missing directory: none), sorted by name, then each of
 * cfg->rule_files resolved against root (NULL: the current directory).
 * Patterns are compiled once here, each with the definitions it calls
 * ((?&name): its pack's 'define', else another pack's of its locale).
 * Returns 0, or -1 with pm_error_set("FILE:LINE: ...") for an
 * unreadable file, a format error, an unknown or recursive definition
 * or a pattern that does not compile (with PCRE2's message and offset)
 * in a pack of datadir.  The same errors in a repository's pack leave
 * that rule (or pack) out and are listed by pm_rulepacks_problems().
 * Free with pm_rulepacks_free().
 */
int	 pm_rulepacks_load(struct pm_rulepacks **out, const char *datadir,
	    const struct pm_config *, const char *root);
void	 pm_rulepacks_free(struct pm_rulepacks *);
/* "FILE:LINE: message\n" per error in a repository's packs, or NULL. */
const char	*pm_rulepacks_problems(const struct pm_rulepacks *);
/* A hash of every pack file's path and bytes, in load order (0: NULL). */
uint64_t pm_rulepacks_digest(const struct pm_rulepacks *);

/* One pattern rule, as listed by `postmortem rules`. */
struct	pm_prule_info {
	const char	*full_id;	/* "en/human-error" */
	const char	*locale;
	enum pm_rule_id	 family;	/* the SPEC rule it reports under */
	enum pm_level	 level;		/* default: severity or family's */
	const char	*source;	/* "rules/en-blameless.yaml:12" form */
	const char	*message;
	const char	*suggest;	/* or NULL */
};

size_t	 pm_rulepacks_count(const struct pm_rulepacks *);
void	 pm_rulepacks_info(const struct pm_rulepacks *, size_t i,
	    struct pm_prule_info *);

/*
 * Run every bad/good example of every pattern: a bad example must
 * match, a good one must not.  Prints one line per failure to out
 * ("FILE:LINE: en/human-error: bad example does not match: ...").
 * Returns the number of failures; *nrun gets the examples run.
 */
size_t	 pm_rulepacks_test(const struct pm_rulepacks *, FILE *out,
	    size_t *nrun);
/*
 * Print the rule id ("en/person-caused", or "person-caused" in every
 * locale): its pattern, the definitions it calls, the text compiled,
 * and each example with what it matches.  -1 if no rule has that id.
 */
int	 pm_rulepacks_explain(const struct pm_rulepacks *, const char *id,
	    FILE *out);

/*
 * Suppression (suppress.c): drop from fs->v[from..] the findings that
 * the document's comments switch off:
 *   <!-- postmortem-disable [RULE ...] -->   until
 *   <!-- postmortem-enable [RULE ...] -->, and
 *   <!-- postmortem-disable-next-line [RULE ...] -->.
 * RULE is a rule id ("timeline/utc"), a family ("timeline"), a pattern
 * id ("en/human-error" or "human-error"); none means every rule.  A
 * finding on the whole file (line 0) is dropped when its rule is still
 * disabled at the end of the file.  Comments inside fenced code blocks
 * are ignored.
 */
void	 pm_suppress_apply(const struct pm_doc *, struct pm_findings *fs,
	    size_t from);

/* The same over raw text, for unit tests and callers without a doc. */
void	 pm_suppress_apply_text(const char *text, size_t len,
	    struct pm_findings *fs, size_t from);

/*
 * Baselines (baseline.c): findings a repository already has, so that
 * lint reports only the new ones.  An entry is (path, report id, rule,
 * fingerprint): a finding matches an entry of its own file, or of a
 * file no longer in the tree that had the same report id (a rename);
 * each entry hides one finding.
 */
struct pm_baseline;

struct pm_baseline	*pm_baseline_new(void);
void	 pm_baseline_free(struct pm_baseline *);
/* Add an entry per finding of fs (fingerprinted); cp gives report ids
 * and line text (the corpus the findings came from). */
void	 pm_baseline_add(struct pm_baseline *, const struct pm_findings *,
	    const struct pm_corpus *cp);
/* Read a baseline file.  Returns 0, or -1 with pm_error_set("FILE:LINE:
 * ...") (*out is set either way: free it). */
int	 pm_baseline_read(struct pm_baseline **out, const char *file);
/* Write fs as a baseline file (sorted, atomically).  Returns 0 or -1. */
int	 pm_baseline_write(const char *file, const struct pm_findings *,
	    const struct pm_corpus *);
/*
 * Drop from fs the findings the baseline has; returns how many.  Then
 * the stale entries (matching nothing, of a report that was linted or
 * is gone) are listed by pm_baseline_nstale/pm_baseline_stale.
 */
size_t	 pm_baseline_filter(struct pm_baseline *, struct pm_findings *fs,
	    const struct pm_corpus *cp);
/* A report of old that is in cur under another path with the same
 * bytes (moved, not edited; its id may have come from the file name):
 * its entries take the new path and id.  For --since. */
void	 pm_baseline_follow_renames(struct pm_baseline *,
	    const struct pm_corpus *old, const struct pm_corpus *cur);
size_t	 pm_baseline_count(const struct pm_baseline *);
size_t	 pm_baseline_nstale(const struct pm_baseline *);
void	 pm_baseline_stale(const struct pm_baseline *, size_t i,
	    const char **path, const char **rule, const char **text);

#endif /* PM_LINT_H */
