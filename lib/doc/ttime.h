/*
 * Timeline times as people write them (SPEC sections 1, 5 and 6):
 * "09:12", "09:12:30", "2024-10-24 08:07", RFC 3339, "2024/10/24",
 * day-first "24-10-2024 08:07" / "24.10.2024" and US "02/13/2025"
 * (date_order, else decided per file), 12-hour clocks ("3:26pm",
 * "03:26 PM", "2pm"), written dates ("Nov. 13, 2017", "January 23rd,
 * 2019", "6th Nov 2023", "Jan 14, 10:18 AM": the year from the context),
 * the time first and the date after ("11:10 6th Nov 2023"), ranges
 * "09:00 - 11:00" (read from the start), approximate "~19:30" /
 * "10:45~" / "3pm ish", date-only "2021-12-10", a trailing zone
 * ("14:00 CET", "12:21 PT", "17:00 UTC+1").  Placeholders ("HH:mm",
 * "??:??", "20xx"), impossible dates, ambiguous day order and zones
 * that are unknown or ambiguous are errors: never a guess.  Used by
 * the timeline builder and infer.c.
 */
#ifndef PM_TTIME_H
#define PM_TTIME_H

#include <stddef.h>
#include <stdint.h>

#include "base/tz.h"
#include "source/config.h"

struct	pm_ttime_ctx {
	int		 has_base;	/* base_day is set */
	int64_t		 base_day;	/* days since epoch for HH:MM rows:
					   the last date seen, else the
					   date of 'started' */
	int		 zone_offset;	/* seconds east of UTC for times that
					   name no zone (declared zone) */
	const struct pm_tz *zone;	/* the declared zone, when not NULL
					   (then zone_offset is not used) */
	const char	*zone_error;	/* the declared zone is unknown: times
					   that name none are refused */
	enum pm_date_order order;	/* date_order of the configuration */
	enum pm_date_order file_order;	/* what the file's own dates say
					   (PM_DATE_YMD: nothing) */
	int		 file_conflict;	/* the file writes both orders */
	const struct pm_config *cfg;	/* zones: (may be NULL) */
	int64_t		 year;		/* the year of dates written without
					   one ("Date (2021)"), or 0 */
};

struct	pm_ttime {
	int		 ok;		/* read */
	const char	*error;		/* static message when !ok */
	int		 has_date;	/* names its own day */
	int64_t		 day;		/* that day (days since epoch) */
	int		 date_only;
	int		 no_year;	/* "Jan 14": the year from the base */
	int		 approx;
	int		 has_zone;	/* names a zone itself */
	char		 zone[16];	/* as written ("CET", "+02:00") */
	int64_t		 t;		/* UTC seconds */
};

/*
 * Read the time text s (len bytes, already trimmed: a table cell or the
 * time part of a list item).  Returns 0 with out->ok set, or -1 with
 * out->error set; never fails otherwise.
 */
int	 pm_ttime_parse(struct pm_ttime *out, const char *s, size_t len,
	    const struct pm_ttime_ctx *);

/*
 * For list timelines ("- 2024-10-24 08:07 - event", "- 09:12: event",
 * "- **10:45** event"): if s starts with something that reads as, or
 * is meant as, a time (including placeholders like "HH:mm" or "??"),
 * return the length of that time text and set *rest to the offset where
 * the event text starts (separator skipped).  Returns 0 when the item
 * does not start with a time.
 */
size_t	 pm_ttime_prefix(const char *s, size_t len, size_t *rest);

/*
 * A zone declared in a column header or a sentence: "Date and Time in
 * CET", "All times in UTC.", "Timeline (all times PST)".  Returns 0 and
 * sets name (NUL-terminated, at most namesz) and *offset, or -1 if the
 * text declares no zone.
 */
int	 pm_ttime_zone_phrase(const char *s, size_t len, char *name,
	    size_t namesz, int *offset);

/*
 * The same with every kind of zone: sets *tz (and *offset to its
 * offset now, for fixed zones).  Returns 0 for a zone, -1 for no
 * zone, PM_TZ_UNKNOWN - 1 (-2) when the text declares a zone that is
 * not known ("All times in UC/Pacific") or ambiguous ("IST" without
 * `zones:`), with the name in name and the reason in *why.
 */
int	 pm_ttime_zone_decl(const char *s, size_t len, char *name,
	    size_t namesz, struct pm_tz *tz, const struct pm_config *,
	    const char **why);

/*
 * The day order the numeric dates of a whole text imply: each date
 * whose first or second number is above 12 votes, and so does a date
 * that is the hint day (the file name's) in one order only, within a
 * week of it in one order and months away in the other, or that only
 * one order puts between a year before the hint and two weeks after it
 * (a report is not named before its incident).  Returns
 * PM_DATE_DMY or PM_DATE_MDY, PM_DATE_YMD when nothing decides; sets
 * *conflict when both orders occur.
 */
enum pm_date_order	 pm_ttime_file_order(const char *s, size_t len,
			    int has_hint, int64_t hint_day, int *conflict);

/*
 * A date in a file name or title: "2024-03-03-hub-outage.md",
 * "2021-05/2021-05-09-x.md", "2024_03_03".  Returns 0 and sets *day.
 */
int	 pm_ttime_name_day(const char *path, int64_t *day);

#endif /* PM_TTIME_H */
