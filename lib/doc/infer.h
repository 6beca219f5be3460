/*
 * Inference of the metadata of a report written without front matter
 * (SPEC section 5): used by the parser for PM_DOC_LEGACY documents, so
 * lint, build and adopt share one code path.  Never invents a value:
 * a field that cannot be inferred stays unset.
 */
#ifndef PM_INFER_H
#define PM_INFER_H

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

/* 1 if the text of a line looks like "Key: value" metadata we know. */
int	 pm_infer_is_metaline(const char *s, size_t len);

#endif /* PM_INFER_H */
