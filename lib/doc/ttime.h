/*
 * Timeline times as people write them (SPEC sections 1 and 5):
 * "09:12", "09:12:30", "2024-10-24 08:07", RFC 3339, "2024/10/24",
 * day-first "24-10-2024 08:07" / "24.10.2024" (date_order), ranges
 * "09:00 - 11:00" (read from the start), approximate "~19:30" /
 * "10:45~", date-only "2021-12-10", a trailing zone ("14:00 CET").
 * Placeholders ("HH:mm", "??:??", "20xx") and impossible dates are
 * reported as errors.  Used by the timeline builder and infer.c.
 */
#ifndef PM_TTIME_H
#define PM_TTIME_H

#include <stddef.h>
#include <stdint.h>

#include "source/config.h"

struct	pm_ttime_ctx {
	int		 has_base;	/* base_day is set */
	int64_t		 base_day;	/* days since epoch for HH:MM rows:
					   the last date seen, else the
					   date of 'started' */
	int		 zone_offset;	/* seconds east of UTC for times that
					   name no zone (declared zone) */
	enum pm_date_order order;
};

struct	pm_ttime {
	int		 ok;		/* read */
	const char	*error;		/* static message when !ok */
	int		 has_date;	/* names its own day */
	int64_t		 day;		/* that day (days since epoch) */
	int		 date_only;
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

#endif /* PM_TTIME_H */
