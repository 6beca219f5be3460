/*
 * Calendar arithmetic in UTC, RFC 3339 timestamps and ISO dates.
 * Instants are seconds since 1970-01-01T00:00:00Z (int64_t); dates are
 * days since 1970-01-01 (int32_t).  No function here reads the clock
 * or the TZ environment variable: output must not depend on them.
 */
#ifndef PM_TIME_H
#define PM_TIME_H

#include <stddef.h>
#include <stdint.h>

#define	PM_DAY	86400

/* Days since the epoch of a proleptic Gregorian date (any year). */
int64_t	 pm_days_from_civil(int64_t y, unsigned m, unsigned d);
void	 pm_civil_from_days(int64_t days, int64_t *y, unsigned *m,
	    unsigned *d);
/* 1 if y-m-d is a real calendar date (leap days checked). */
int	 pm_date_valid(int64_t y, unsigned m, unsigned d);

/*
 * RFC 3339 and the forms YAML and people write: "2025-02-09T10:05:23Z",
 * "2025-02-09 10:05:23+02:00", fractional seconds (dropped), "T" or one
 * space between date and time, minutes-only times ("2025-02-09T10:05Z").
 * Returns 0 and sets *out (UTC) and *has_zone (0 when no zone was given:
 * then the value is read as UTC), or -1 when s is not such a timestamp
 * or names an impossible date or time.
 */
int	 pm_time_parse(int64_t *out, int *has_zone, const char *s);
/* Strict "YYYY-MM-DD"; returns 0 and sets *out, or -1. */
int	 pm_date_parse(int32_t *out, const char *s);

/*
 * Offset in seconds east of UTC of a zone name or offset: "UTC", "Z",
 * "GMT", "CET", "CEST", "PST", "EST", "JST", "KST", "IST", "+02:00",
 * "-0500", "UTC+2", "GMT-03:30".  Returns 0 or -1 if unknown.
 */
int	 pm_zone_offset(int *out, const char *name, size_t len);

/* "2025-02-09T10:05:23Z" into buf (at least 32 bytes). */
char	*pm_time_format(char *buf, int64_t t);
/* "2025-02-09" into buf (at least 16 bytes). */
char	*pm_date_format(char *buf, int64_t days);

#endif /* PM_TIME_H */
