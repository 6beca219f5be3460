/*
 * The section kinds of SPEC section 1 and their names.  Shared by the
 * parser (heading matching), the configuration (aliases) and the
 * checks (required sections).
 */
#ifndef PM_SECTIONS_H
#define PM_SECTIONS_H

enum	pm_sec {
	PM_SEC_SUMMARY,
	PM_SEC_IMPACT,
	PM_SEC_ROOT_CAUSE,
	PM_SEC_TIMELINE,
	PM_SEC_FACTORS,
	PM_SEC_WHYS,
	PM_SEC_ACTIONS,
	PM_SEC_WENT_WELL,
	PM_SEC_LESSONS,
	PM_SEC_PREVENTION,
	PM_SEC__MAX,
	PM_SEC_OTHER = PM_SEC__MAX	/* any other heading */
};

/* Canonical heading ("Root Cause"), and whether SPEC requires it. */
const char	*pm_sec_name(enum pm_sec);
int		 pm_sec_required(enum pm_sec);
/* Look a canonical name up case-insensitively; -1 if none. */
int		 pm_sec_lookup(const char *name);

/* A built-in heading alias ("Sequence of Events" -> Timeline). */
struct	pm_sec_alias {
	const char	*name;		/* as a heading would say it */
	enum pm_sec	 sec;
	const char	*locale;	/* "ja", or NULL: any template */
};

typedef void	(*pm_sec_alias_fn)(const struct pm_sec_alias *, void *arg);

/*
 * Call fn on every built-in alias, in a fixed order (for
 * `postmortem rules --aliases`).  Headings match case-insensitively,
 * without a trailing parenthetical or colon; locale aliases match in
 * a report of any locale.
 */
void		 pm_sec_aliases(pm_sec_alias_fn fn, void *arg);

#endif /* PM_SECTIONS_H */
