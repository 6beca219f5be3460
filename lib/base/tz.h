/*
 * Time zones as reports name them: abbreviations ("PST", "CEST"),
 * offsets ("+02:00", "UTC+1", "GMT-3"), region names read from the
 * system's tz database ("US/Pacific", "Europe/Zurich": DST at the
 * instant), and a repository's own table (`zones:` in the
 * configuration), which is consulted first and settles ambiguous
 * abbreviations such as IST.  Used by lib/doc/ttime.c and by the
 * configuration.  Reads no environment variable except TZDIR (where
 * the database is) and never calls tzset(): no global state changes.
 */
#ifndef PM_TZ_H
#define PM_TZ_H

#include <stddef.h>
#include <stdint.h>

enum	pm_tz_kind {
	PM_TZ_NONE,
	PM_TZ_FIXED,		/* a fixed offset */
	PM_TZ_REGION		/* a tz database zone: offset varies */
};

struct pm_tzfile;

struct	pm_tz {
	enum pm_tz_kind		 kind;
	int			 off;	/* FIXED: seconds east of UTC */
	const struct pm_tzfile	*file;	/* REGION: loaded once, shared */
};

/* Results of pm_tz_lookup() other than 0. */
#define	PM_TZ_UNKNOWN	(-1)
#define	PM_TZ_AMBIGUOUS	(-2)	/* "IST": India, Israel or Ireland? */

/*
 * The zone that name (len bytes) names.  map holds nmap pairs
 * (name, value) from the configuration's `zones:`; a value is itself
 * an offset, an abbreviation or a region.  Returns 0, PM_TZ_UNKNOWN or
 * PM_TZ_AMBIGUOUS.  Thread-safe.
 */
int	 pm_tz_lookup(struct pm_tz *, const char *name, size_t len,
	    char *const *map, size_t nmap);

/* Offset (seconds east) at the UTC instant t; 0, or -1 if unknown. */
int	 pm_tz_offset_at(const struct pm_tz *, int64_t t, int *off);

/*
 * The UTC instant of a wall-clock time (seconds since the epoch as
 * if the wall clock were UTC).  Returns 0, or -1 when the zone cannot
 * say: a time in the hour skipped or repeated by a DST change, or past
 * what the database describes.
 */
int	 pm_tz_to_utc(const struct pm_tz *, int64_t local, int64_t *utc);

#endif /* PM_TZ_H */
