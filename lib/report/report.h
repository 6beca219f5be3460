/*
 * Reporters: print sorted findings in one of the formats of SPEC
 * section 3 (text, json, sarif, github, gitlab, junit).  Each is a
 * vtable (lowdown's lowdown_<fmt>_new/_rndr/_free triple): begin once,
 * finding once per finding in sorted order, end once.  Used by
 * cmd_lint.c.  Reporters never decide exit codes or filter findings.
 */
#ifndef PM_REPORT_H
#define PM_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/finding.h"

/* Where SARIF's informationUri and each rule's helpUri point: the
 * rule's section of docs/rules.md (anchor: the id with '/' as '-'). */
#define	PM_INFO_URI	"https://github.com/postmortem-tool/postmortem"
#define	PM_RULES_URI	PM_INFO_URI "/blob/main/docs/rules.md"

/* What to do about a rule's findings (rulehelp.c). */
struct	pm_rule_help {
	const char	*fix;	/* what to do, sentences */
	const char	*bad;	/* Markdown that is reported, or NULL */
	const char	*good;	/* the same fixed, or NULL */
};

/* Never NULL (an empty fix for an unknown rule). */
const struct pm_rule_help	*pm_rule_help(enum pm_rule_id);
/* Append "actions-owner", PM_RULES_URI "#actions-owner", the
 * description as a sentence, the help as text or Markdown. */
void	 pm_rule_anchor(struct pm_buf *, enum pm_rule_id);
void	 pm_rule_help_uri(struct pm_buf *, enum pm_rule_id);
void	 pm_rule_sentence(struct pm_buf *, enum pm_rule_id);
void	 pm_rule_help_text(struct pm_buf *, enum pm_rule_id);
void	 pm_rule_help_markdown(struct pm_buf *, enum pm_rule_id);
/* docs/rules.md: every rule, its help and examples. */
void	 pm_rules_markdown(struct pm_buf *);

struct	pm_report {
	FILE		*out;
	int		 color;		/* ANSI colours (text only) */
	int		 strict;	/* drafts' errors fail too */
	const char	*version;	/* the tool's version */
	const char *const *files;	/* every linted path, sorted (junit) */
	size_t		 nfiles;
	void		*priv;		/* the reporter's own state */
	/* Line n of the report at path, without its ending, or NULL
	 * (may be NULL): sarif counts columns in characters with it. */
	const char	*(*line)(void *arg, const char *path, unsigned int n,
			    size_t *len);
	void		*line_arg;
	FILE		*err;		/* notes (NULL: stderr) */
	size_t		 max_results;	/* sarif: 0 is PM_SARIF_MAX_RESULTS */
};

/* GitHub code scanning's limit of results in one SARIF run. */
#define	PM_SARIF_MAX_RESULTS	25000

struct	pm_reporter {
	const char	*name;
	void		(*begin)(struct pm_report *);
	void		(*finding)(struct pm_report *,
			    const struct pm_finding *);
	void		(*end)(struct pm_report *);
};

extern const struct pm_reporter	pm_report_text;
extern const struct pm_reporter	pm_report_json;
extern const struct pm_reporter	pm_report_sarif;
extern const struct pm_reporter	pm_report_github;
extern const struct pm_reporter	pm_report_gitlab;
extern const struct pm_reporter	pm_report_junit;

/* The reporter called name, or NULL. */
const struct pm_reporter	*pm_reporter_find(const char *name);
/* "text, json, sarif, github, gitlab, junit", for usage messages. */
const char	*pm_reporter_names(void);

/* begin, every finding of fs (already sorted) in order, end. */
void	 pm_report_run(const struct pm_reporter *, struct pm_report *,
	    const struct pm_findings *fs);

/*
 * The fingerprint of a finding as SARIF's partialFingerprints and
 * GitLab's fingerprint carry it: 32 hex digits, a hash of the path then
 * the finding's own fingerprint (f->fp, see base/finding.h: no line
 * numbers), into buf (at least 33 bytes).  Unique in a run, stable
 * when lines move.
 */
char	*pm_report_fingerprint(char *buf, const struct pm_finding *);

/* Position as printed: line and column at least 1. */
unsigned int	 pm_report_line(const struct pm_finding *);
unsigned int	 pm_report_col(const struct pm_finding *);

/* Append s escaped for XML (attr: an attribute value, where tabs and
 * newlines become references); invalid UTF-8 and characters XML 1.0
 * forbids become U+FFFD. */
void	 pm_xml_escape(struct pm_buf *, const char *s, int attr);

#endif /* PM_REPORT_H */
