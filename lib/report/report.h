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

/* Where SARIF's informationUri and each rule's helpUri point. */
#define	PM_INFO_URI	"https://github.com/postmortem-tool/postmortem"

struct	pm_report {
	FILE		*out;
	int		 color;		/* ANSI colours (text only) */
	int		 strict;	/* drafts' errors fail too */
	const char	*version;	/* the tool's version */
	const char *const *files;	/* every linted path, sorted (junit) */
	size_t		 nfiles;
	void		*priv;		/* the reporter's own state */
};

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
 * A stable fingerprint of a finding that survives edits elsewhere in
 * the file: two 64-bit FNV-1a hashes (different offset bases) of the
 * path, rule id, detail, message and occurrence (the nth finding with
 * the same four in the file, from 0), as 32 hex digits into buf (at
 * least 33 bytes).  Line numbers are left out on purpose.
 */
char	*pm_report_fingerprint(char *buf, const struct pm_finding *,
	    unsigned int occurrence);

/* Count of earlier identical (path, rule, detail, message) findings,
 * for pm_report_fingerprint; state kept in *tbl (free with free()). */
struct	pm_occur {
	uint64_t	*keys;
	unsigned int	*counts;
	size_t		 n, cap;
};
unsigned int	 pm_report_occurrence(struct pm_occur *,
		    const struct pm_finding *);
void		 pm_report_occur_release(struct pm_occur *);

/* Position as printed: line and column at least 1. */
unsigned int	 pm_report_line(const struct pm_finding *);
unsigned int	 pm_report_col(const struct pm_finding *);

/* Append s escaped for XML (attr: an attribute value, where tabs and
 * newlines become references); invalid UTF-8 and characters XML 1.0
 * forbids become U+FFFD. */
void	 pm_xml_escape(struct pm_buf *, const char *s, int attr);

#endif /* PM_REPORT_H */
