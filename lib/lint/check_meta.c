/*
 * Checks on the front matter: the order and zones of the timestamps, distribution within 48 hours (and 7 days), and the
 * follow-up review date.
 */
#include <stdio.h>
#include <string.h>

#include "base/finding.h"
#include "base/time.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"

/*
 * Where a missing field is reported: the closing fence of the front
 * matter (where it would be added), else the first line of the file.
 * (Missing required fields are the parser's: frontmatter/required.)
 */
static struct pm_pos
missing_pos(const struct pm_doc *doc)
{
	if (doc->meta.has_fm && doc->meta.fm_last > 0)
		return pm_pos_line(doc->meta.fm_last);
	return pm_pos_line(1);
}

void
check_frontmatter_times(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	static const char *const names[] = {
		"started", "detected", "mitigated", "ended"
	};
	const struct pm_tsval	*ts[4], *prev = NULL, *d;
	const char		*prevname = NULL;
	char			 b1[32], b2[32];
	size_t			 i;

	ts[0] = &doc->meta.started;
	ts[1] = &doc->meta.detected;
	ts[2] = &doc->meta.mitigated;
	ts[3] = &doc->meta.ended;
	for (i = 0; i < 4; i++) {
		if (!ts[i]->set || !ts[i]->ok)
			continue;
		/* A day is before only when it is in no zone the same
		 * day or later (pm_ts_after). */
		if (prev != NULL && pm_ts_after(prev, ts[i]))
			pm_lint_emit(lt, ck, ts[i]->pos, "'%s' (%s) is before "
			    "'%s' (%s); expected started <= detected <= "
			    "mitigated <= ended", names[i],
			    pm_ts_format(b1, ts[i]), prevname,
			    pm_ts_format(b2, prev));
		prev = ts[i];
		prevname = names[i];
	}
	/* Inferred values were converted by the parser: nothing to fix. */
	if (doc->meta.inferred)
		return;
	for (i = 0; i < 4; i++)
		if (ts[i]->set && ts[i]->ok && !ts[i]->has_zone &&
		    !ts[i]->day)
			pm_lint_emit(lt, ck, ts[i]->pos, "'%s' has no time "
			    "zone; add 'Z' for UTC or an offset like "
			    "'+02:00'", names[i]);
	d = &doc->meta.distributed;
	if (d->set && d->ok && !d->has_zone)
		pm_lint_emit(lt, ck, d->pos, "'distributed' has no time zone; "
		    "add 'Z' for UTC or an offset like '+02:00'");
}

/*
 * When the report was distributed: the field, else the first commit,
 * else (in a repository, not committed yet) today.  Returns 0 and sets
 * *when, *pos (where to report) and *how, or -1 when unknown.
 */
static int
distributed_at(const struct pm_doc *doc, struct pm_lint *lt, int64_t *when,
    struct pm_pos *pos, const char **how)
{
	const struct pm_meta	*m = &doc->meta;

	if (m->distributed.set) {
		if (!m->distributed.ok)
			return -1;
		*when = m->distributed.t;
		*pos = m->distributed.pos;
		*how = "distributed";
		return 0;
	}
	*pos = m->ended.pos;
	if (doc->has_added) {
		*when = doc->added;
		*how = "first committed";
		return 0;
	}
	if (lt->opts->has_history) {
		*when = (int64_t)lt->opts->today * PM_DAY;
		*how = "not committed yet, so distributed today";
		return 0;
	}
	return -1;
}

static void
check_late(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt, int64_t limit, const char *unit, unsigned int n)
{
	const struct pm_meta	*m = &doc->meta;
	struct pm_pos		 pos;
	const char		*how;
	int64_t			 when, late;
	char			 b1[32], b2[32];

	if (!m->ended.set || !m->ended.ok)
		return;
	if (distributed_at(doc, lt, &when, &pos, &how) == -1) {
		if (!m->distributed.set &&
		    ck->rule == PM_RULE_DISTRIBUTION_48H)
			lt->stats->history_skipped++;
		return;
	}
	/* From the end of a day that 'ended' names (in any zone). */
	late = when - pm_ts_latest(&m->ended);
	if (late <= limit)
		return;
	pm_lint_emit(lt, ck, pos, "the report was %s %s, %.1f days after "
	    "'ended' (%s%s); share post-mortems within %u %s", how,
	    pm_lint_fmt_time(b1, sizeof(b1), when), (double)late / PM_DAY,
	    pm_ts_format(b2, &m->ended), m->ended.day ? ", from the end "
	    "of that day" : "", n, unit);
}

void
check_distribution_48h(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	unsigned int	 h = lt->cfg->distribution_hours;

	check_late(ck, doc, lt, (int64_t)h * 3600, "hours", h);
}

void
check_distribution_stale(const struct pm_check *ck,
    const struct pm_doc *doc, struct pm_lint *lt)
{
	unsigned int	 d = lt->cfg->stale_days;

	check_late(ck, doc, lt, (int64_t)d * PM_DAY, "days: insights go "
	    "stale", d);
}

void
check_followup_scheduled(const struct pm_check *ck,
    const struct pm_doc *doc, struct pm_lint *lt)
{
	const struct pm_meta	*m = &doc->meta;
	unsigned int		 lo = lt->cfg->followup_min_days;
	unsigned int		 hi = lt->cfg->followup_max_days;
	int64_t			 gap;

	if (m->has_fm && !m->fm_ok)
		return;
	if (!m->follow_up.set) {
		pm_lint_emit(lt, ck, missing_pos(doc), "'follow_up' is not "
		    "set; schedule a review of the action items %u-%u days "
		    "after 'ended' (follow_up: YYYY-MM-DD)", lo, hi);
		return;
	}
	if (!m->follow_up.ok) {
		pm_lint_emit(lt, ck, m->follow_up.pos, "'follow_up' is not a "
		    "YYYY-MM-DD date");
		return;
	}
	if (!m->ended.set || !m->ended.ok)
		return;
	gap = (int64_t)m->follow_up.days - pm_day_of(m->ended.t);
	if (gap < (int64_t)lo || gap > (int64_t)hi)
		pm_lint_emit(lt, ck, m->follow_up.pos, "'follow_up' is %lld "
		    "days after 'ended'; schedule it %u-%u days after",
		    (long long)gap, lo, hi);
}
