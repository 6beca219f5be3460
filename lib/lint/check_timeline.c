/*
 * Checks on the timeline: enough rows, chronological order, UTC, rows
 * inside the incident window, and the detection row.  Rows whose time
 * could not be read are skipped here (the parser reports them as
 * timeline/time).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/finding.h"
#include "base/time.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"

static struct pm_pos
timeline_pos(const struct pm_doc *doc)
{
	const struct pm_section	*s;

	s = pm_doc_section(doc, PM_SEC_TIMELINE);
	return s != NULL ? s->pos : pm_pos_line(doc->body_line);
}

static struct pm_pos
row_pos(const struct pm_trow *r)
{
	return r->time_pos.line ? r->time_pos : r->pos;
}

void
check_timeline_present(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	unsigned int	 min = lt->cfg->min_timeline_rows;

	/* A missing section is structure/sections. */
	if (!doc->timeline.present)
		return;
	if (doc->timeline.n < min)
		pm_lint_emit(lt, ck, timeline_pos(doc), "the timeline has %zu "
		    "row%s; record at least %u (start of impact, detection, "
		    "mitigation, resolution)", doc->timeline.n,
		    doc->timeline.n == 1 ? "" : "s", min);
}

void
check_timeline_order(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_timeline *tl = &doc->timeline;
	const struct pm_trow	*r, *prev = NULL;
	int64_t			 lo = 0;
	size_t			 i;

	for (i = 0; i < tl->n; i++) {
		r = &tl->rows[i];
		/* "First detected ...", "Repaired ...", "Incident declared
		 * ...": milestones listed by kind, not in time order. */
		if (!r->ok || r->labelled)
			continue;
		/*
		 * A date-only row is in order anywhere within its day: it
		 * only needs its day to end after the previous row.
		 */
		if (prev != NULL && (r->date_only ? r->t + PM_DAY <= lo :
		    r->t < lo))
			pm_lint_emit(lt, ck, row_pos(r), "row '%s' is earlier "
			    "than the row before it ('%s', line %u); put the "
			    "rows in chronological order", r->time_raw,
			    prev->time_raw, prev->pos.line);
		/* Compare with the row before (not the latest so far), so a
		 * swap is one finding; a date-only row keeps the bound. */
		if (prev == NULL || !r->date_only || r->t > lo)
			lo = r->t;
		prev = r;
	}
}

/* 1 if the zone name means UTC (offset zero: UTC, Z, GMT, +00:00). */
static int
is_utc(const char *z)
{
	int	 off;

	if (z == NULL || *z == '\0')
		return 1;
	if (pm_zone_offset(&off, z, strlen(z)) == 0)
		return off == 0;
	return 0;
}

void
check_timeline_utc(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_timeline *tl = &doc->timeline;
	const struct pm_trow	*r;
	size_t			 i, nzoned = 0;

	if (!tl->present || tl->n == 0)
		return;
	if (tl->zone != NULL && !is_utc(tl->zone))
		pm_lint_emit(lt, ck, tl->zone_pos.line ? tl->zone_pos :
		    timeline_pos(doc), "the timeline's times are in %s; "
		    "write them in UTC", tl->zone);
	for (i = 0; i < tl->n; i++) {
		r = &tl->rows[i];
		if (r->zone == NULL)
			continue;
		nzoned++;
		if (!is_utc(r->zone))
			pm_lint_emit(lt, ck, row_pos(r), "row '%s' names the "
			    "zone %s; write timeline times in UTC",
			    r->time_raw, r->zone);
	}
	if (!tl->utc_declared && tl->zone == NULL && nzoned < tl->n)
		pm_lint_emit(lt, ck, timeline_pos(doc), "the timeline does not "
		    "say its times are UTC; write 'Timeline (all times UTC)' "
		    "or add 'Z' to the times");
}

void
check_timeline_window(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_meta	*m = &doc->meta;
	const struct pm_trow	*r;
	int64_t			 lo, hi, w, end;
	char			 b1[32], b2[32];
	size_t			 i;

	if (!m->started.set || !m->started.ok || !m->ended.set ||
	    !m->ended.ok)
		return;
	w = (int64_t)lt->cfg->timeline_window_hours * 3600;
	/* A day that 'started' or 'ended' names is the whole day. */
	lo = pm_ts_earliest(&m->started) - w;
	hi = pm_ts_latest(&m->ended) + w;
	for (i = 0; i < doc->timeline.n; i++) {
		r = &doc->timeline.rows[i];
		if (!r->ok)
			continue;
		end = r->date_only ? r->t + PM_DAY - 1 : r->t;
		if (end >= lo && r->t <= hi)
			continue;
		pm_lint_emit(lt, ck, row_pos(r), "row '%s' (%s) is outside "
		    "the incident window; rows should fall between %u h "
		    "before 'started' and %u h after 'ended' (%s)",
		    r->time_raw, pm_lint_fmt_time(b1, sizeof(b1), r->t),
		    lt->cfg->timeline_window_hours,
		    lt->cfg->timeline_window_hours, end < lo ?
		    pm_ts_format(b2, &m->started) :
		    pm_ts_format(b2, &m->ended));
	}
}

/* 1 if the event text mentions an alert, a page or detection. */
static int
mentions_detection(const char *s)
{
	static const char *const words[] = {
		"alert", "alarm", "page", "paged", "pager", "detect",
		"notice", "noticed", "report", "monitor", "on-call",
		"oncall",
		/* es, ja, zh, ko */
		"alerta", "detect", "\xe3\x82\xa2\xe3\x83\xa9\xe3\x83\xbc"
		"\xe3\x83\x88", "\xe5\x91\x8a\xe8\xad\xa6",
		"\xec\x95\x8c\xeb\xa6\xbc", "\xe6\xa4\x9c\xe7\x9f\xa5",
		NULL
	};
	const char	*const *w;
	const char	*p;
	size_t		 n;

	if (s == NULL)
		return 0;
	for (w = words; *w != NULL; w++) {
		n = strlen(*w);
		for (p = s; *p != '\0'; p++)
			if (strncasecmp(p, *w, n) == 0)
				return 1;
	}
	return 0;
}

void
check_timeline_detection(const struct pm_check *ck,
    const struct pm_doc *doc, struct pm_lint *lt)
{
	const struct pm_tsval	*d = &doc->meta.detected;
	const struct pm_trow	*r;
	int64_t			 diff;
	char			 b[32];
	size_t			 i, nok = 0;

	if (!d->set || !d->ok || !doc->timeline.present)
		return;
	for (i = 0; i < doc->timeline.n; i++) {
		r = &doc->timeline.rows[i];
		if (mentions_detection(r->event))
			return;
		if (!r->ok || (r->date_only && !d->day))
			continue;
		nok++;
		/* A day: any row that may fall on it. */
		if (d->day && (r->date_only ? r->t / PM_DAY == d->t / PM_DAY :
		    r->t >= pm_ts_earliest(d) && r->t <= pm_ts_latest(d)))
			return;
		diff = r->t - d->t;
		if (!d->day && diff >= -300 && diff <= 300)
			return;
	}
	if (nok == 0)
		return;
	pm_lint_emit(lt, ck, d->pos, "no timeline row %s %s%s and none "
	    "mentions an alert; add the row that records how the problem "
	    "was noticed", d->day ? "on the detection day" :
	    "at the detection time", pm_ts_format(b, d), d->day ? "" :
	    " (within 5 minutes)");
}
