/*
 * The configuration: .postmortem.yaml at the repository root (or
 * --config FILE), with every default of SPEC sections 2 and 3.
 * Read once by cmd/, then passed read-only (const) to every stage.
 */
#ifndef PM_CONFIG_H
#define PM_CONFIG_H

#include <stddef.h>

#include "base/finding.h"
#include "doc/sections.h"

enum	pm_date_order {
	PM_DATE_YMD,	/* 2024-10-24 only (default) */
	PM_DATE_DMY,	/* 24-10-2024 and 24.10.2024 read day first */
	PM_DATE_MDY,	/* 10/24/2024 read month first */
};

struct	pm_alias {
	char		*name;	/* heading text as written, e.g. "Cronología" */
	enum pm_sec	 sec;
	char		*locale; /* NULL: any locale */
};

/* A severity word of the reports and the level it means. */
struct	pm_sevword {
	char		*word;	/* "Major", matched case-insensitively */
	int		 level;	/* 0..4 */
	int		 pri;	/* written P<level>, else SEV<level> */
};

struct	pm_rule_override {
	char		*name;	/* "timeline/utc", or a pattern id "en/human-error" */
	enum pm_level	 level;	/* PM_LEVEL_OFF switches it off */
};

struct	pm_limits {
	size_t		 max_report_bytes;	/* default 10 MiB */
	size_t		 max_line_bytes;	/* default 1 MiB */
	unsigned int	 max_nesting;		/* markdown nesting, default 64 */
	unsigned int	 max_table_columns;	/* default 64 */
	size_t		 max_table_rows;	/* default 10000 */
	unsigned int	 yaml_max_depth;	/* default 64 */
	unsigned int	 yaml_max_aliases;	/* default 100 */
	size_t		 yaml_max_nodes;	/* default 100000 */
	unsigned int	 pcre2_match_limit;	/* default 1000000 */
	unsigned int	 pcre2_depth_limit;	/* default 10000 */
};

struct	pm_config {
	char			*path;		/* file read, or NULL (defaults) */
	char			**include;	/* globs; reports without front
						   matter matched here are linted */
	size_t			 ninclude;
	char			**exclude;
	size_t			 nexclude;
	char			*locale;	/* default "en" */
	enum pm_date_order	 date_order;
	char			*timezone;	/* zone of times that name none
						   (legacy reports); default UTC */
	char			**zones;	/* `zones:` pairs: abbreviation,
						   then offset or region */
	size_t			 nzones;
	struct pm_alias		*aliases;
	size_t			 naliases;
	struct pm_sevword	*severities;	/* severities: {Major: SEV2};
						   none: the default words */
	size_t			 nseverities;
	struct pm_rule_override	*overrides;
	size_t			 noverrides;
	char			**rule_files;	/* extra rule packs, repo-relative */
	size_t			 nrule_files;
	char			*template;	/* for `new`, repo-relative, or NULL */
	char			*new_path;	/* default "postmortems/{year}/{id}.md" */
	char			*baseline;	/* lint's baseline file, repo-relative,
						   or NULL */

	/* Thresholds of SPEC section 2. */
	unsigned int	 distribution_hours;	/* 48 */
	unsigned int	 stale_days;		/* 7 */
	unsigned int	 followup_min_days;	/* 21 */
	unsigned int	 followup_max_days;	/* 35 */
	unsigned int	 min_factors;		/* 2 */
	unsigned int	 min_timeline_rows;	/* 3 */
	unsigned int	 min_whys;		/* 5 */
	unsigned int	 min_root_cause_words;	/* 12 */
	unsigned int	 timeline_window_hours;	/* 24 */

	struct pm_limits	 limits;

	/* Site. */
	char			*site_title;	/* "Post-mortems" */
	char			*base_url;	/* NULL: relative only */
	char			*theme;		/* repo-relative theme dir or NULL */
};

/* Fill cfg with the defaults (no file).  Release with pm_config_release. */
void	 pm_config_init(struct pm_config *);
/*
 * Read a configuration from text (the file's bytes), on top of the
 * defaults.  Returns 0, or -1 with pm_error_set("FILE:LINE: ...") for
 * a syntax error, an unknown key or a bad value.
 */
int	 pm_config_parse(struct pm_config *, const char *path,
	    const char *text, size_t len);
/* Read the file at path; 0 if it does not exist (defaults kept). */
int	 pm_config_load_file(struct pm_config *, const char *path);
void	 pm_config_release(struct pm_config *);

/* Level of a rule after overrides (PM_LEVEL_OFF if switched off). */
enum pm_level	 pm_config_level(const struct pm_config *, enum pm_rule_id);
/* Level of a pattern rule "en/human-error" after overrides, from dflt. */
enum pm_level	 pm_config_pattern_level(const struct pm_config *,
		    const char *pattern_id, enum pm_level dflt);
/* 1 if path is selected by the include globs (0 if there are none). */
int	 pm_config_included(const struct pm_config *, const char *path);
/* 1 if path is matched by an exclude glob. */
int	 pm_config_excluded(const struct pm_config *, const char *path);

#endif /* PM_CONFIG_H */
