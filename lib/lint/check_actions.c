/*
 * Checks on the action items: owner, deadline, priority, ticket, and
 * open items past their deadline.  (Vague wording is a pattern rule:
 * rulepack.c.)
 */
#include <stdio.h>

#include "base/finding.h"
#include "base/time.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"

#define	FOREACH_ACTION(a, doc)						\
	for ((a) = (doc)->actions; (a) < (doc)->actions + (doc)->nactions; \
	    (a)++)

static const char *
aid(const struct pm_action *a)
{
	return a->id != NULL ? a->id : "?";
}

void
check_actions_owner(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_action	*a;

	FOREACH_ACTION(a, doc)
		if (a->owner == NULL)
			pm_lint_emit(lt, ck, a->pos, "action item %s has no "
			    "owner; add an @handle or a team%s", aid(a),
			    a->is_table ? " in the Owner column" :
			    " ('@alice' or 'owner: team')");
}

void
check_actions_deadline(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_action	*a;
	const struct pm_tsval	*end = &doc->meta.ended;
	char			 b[16];

	FOREACH_ACTION(a, doc) {
		if (a->deadline_raw == NULL) {
			pm_lint_emit(lt, ck, a->pos, "action item %s has no "
			    "deadline; add one as YYYY-MM-DD%s", aid(a),
			    a->is_table ? " in the Deadline column" :
			    " ('due 2025-03-01')");
			continue;
		}
		if (!a->deadline_ok) {
			pm_lint_emit(lt, ck, a->deadline_pos, "deadline '%s' "
			    "of action item %s is not a real YYYY-MM-DD "
			    "date", a->deadline_raw, aid(a));
			continue;
		}
		if (end->set && end->ok &&
		    (int64_t)a->deadline < pm_day_of(end->t))
			pm_lint_emit(lt, ck, a->deadline_pos, "deadline %s of "
			    "action item %s is before the incident ended "
			    "(%s); set a date after 'ended'", a->deadline_raw,
			    aid(a), pm_date_format(b, pm_day_of(end->t)));
	}
}

void
check_actions_priority(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_action	*a;

	FOREACH_ACTION(a, doc) {
		if (a->prio_raw == NULL)
			pm_lint_emit(lt, ck, a->pos, "action item %s has no "
			    "priority; add High, Medium, Low or P0..P4%s",
			    aid(a), a->is_table ? " in the Priority column" :
			    "");
		else if (a->prio < 0)
			pm_lint_emit(lt, ck, a->prio_pos, "priority '%s' of "
			    "action item %s is not High, Medium, Low or "
			    "P0..P4", a->prio_raw, aid(a));
	}
}

void
check_actions_tracked(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_action	*a;

	FOREACH_ACTION(a, doc)
		if (a->ticket == NULL && a->status != PM_ASTATUS_WONTFIX)
			pm_lint_emit(lt, ck, a->pos, "action item %s has no "
			    "ticket; track it in the ticketing system and add "
			    "the reference (URL, KEY-123 or #123)", aid(a));
}

void
check_actions_overdue(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_action	*a;
	char			 b[16];

	FOREACH_ACTION(a, doc) {
		if (a->status == PM_ASTATUS_DONE ||
		    a->status == PM_ASTATUS_WONTFIX || !a->deadline_ok)
			continue;
		if (a->deadline >= lt->opts->today)
			continue;
		pm_lint_emit(lt, ck, a->deadline_pos.line ? a->deadline_pos :
		    a->pos, "action item %s is open and its deadline %s has "
		    "passed (today is %s); finish it, move the deadline or "
		    "mark it done", aid(a), a->deadline_raw,
		    pm_date_format(b, lt->opts->today));
	}
}
