/*
 * Inference of the metadata of a report written without front matter
 * (SPEC section 5): used by the parser for PM_DOC_LEGACY documents, so
 * lint, build and adopt share one code path.  Never invents a value:
 * a field that cannot be inferred stays unset.
 */
#ifndef PM_INFER_H
#define PM_INFER_H

#include <stddef.h>
#include <stdint.h>

#include "source/config.h"

struct pm_doc;
struct pm_config;

/*
 * Fill doc->meta (sets meta.inferred) from the level-1 title (a leading
 * date dropped), metadata lines ("Severity: SEV2", "Start: Wednesday,
 * 2018-08-22", "- Service: auth", "Category: Kubernetes", "Authors:"),
 * small metadata sections (Authors, Date, Status, Stats) and the
 * timeline (started = first row, detected = the row that reports
 * detection, mitigated = the row that reports recovery, ended = the
 * last row).  Other metadata lines become meta.extra.  Called after the
 * sections and the timeline were built.
 */
void	 pm_infer_meta(struct pm_doc *, const struct pm_config *);

/*
 * The day "HH:MM" timeline rows of a report without front matter fall
 * on: a date leading the title ("# 30-09-2024 - Title"), a metadata
 * line ("Date: 2015-10-21", "Start: Wednesday, 2018-08-22") or a Date
 * section, before the Timeline heading.  For the timeline builder,
 * which has no 'started' to take the day from.  Needs only the split
 * (line map).  Returns 0 and sets *day (days since the epoch), or -1.
 */
int	 pm_infer_base_day(const struct pm_doc *, const struct pm_config *,
	    int64_t *day);
/* The same when the day order of the file's dates is already known
 * (pm_ttime_file_order). */
int	 pm_infer_base_day_order(const struct pm_doc *,
	    const struct pm_config *, enum pm_date_order, int conflict,
	    int64_t *day);

/* 1 if the text of a line looks like "Key: value" metadata we know. */
int	 pm_infer_is_metaline(const char *s, size_t len);

#endif /* PM_INFER_H */
