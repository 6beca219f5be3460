/*
 * Unit tests for lib/doc/infer.c through the parser: metadata lines in
 * every spelling (plain, list item, bold key, table row, a section
 * named after the key), what is never taken for metadata, times from
 * the timeline (detection and recovery words, rows out of order, a
 * Date line as the day of HH:MM rows), and values never invented.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/time.h"
#include "doc/doc.h"
#include "doc/infer.h"
#include "harness.h"
#include "source/config.h"

static struct pm_config	cfg;

static struct pm_doc *
parse(const char *s)
{
	struct pm_doc	*doc;

	pm_doc_parse(&doc, "r.md", s, strlen(s), &cfg, PM_PARSE_FORCE);
	return doc;
}

static const char *
ts(const struct pm_tsval *tv)
{
	static char	 buf[4][32];
	static int	 k;

	if (!tv->set)
		return "unset";
	k = (k + 1) % 4;
	return pm_time_format(buf[k], tv->t);
}

/* The extra field key, or NULL. */
static const char *
extra(const struct pm_doc *d, const char *key)
{
	size_t	 i;

	for (i = 0; i < d->meta.nextra; i++)
		if (strcmp(d->meta.extra[i].key, key) == 0)
			return d->meta.extra[i].value;
	return NULL;
}

static const char *
item(const struct pm_list *l, size_t i)
{
	return i < l->n ? l->v[i].s : NULL;
}

#define	TL	"## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n" \
		"|---|---|\n"

static void
test_infer__stats_list(void)
{
	struct pm_doc	*d = parse(
	    "# 30-09-2024 - Payment timeouts &amp; retries\n\n"
	    TL
	    "| 2024-10-24 08:00 | Batch starts |\n"
	    "| 2024-10-24 08:12 | Latency alert fires |\n"
	    "| 2024-10-24 08:40 | Mitigation identified |\n"
	    "| 2024-10-24 09:41 | Payments recovered |\n"
	    "| 2024-10-24 10:30 | Incident closed |\n\n"
	    "## Stats\n\n"
	    "- Category: Kubernetes\n"
	    "- **Severity**: SEV-2\n"
	    "- Service(s): api, db and cache\n"
	    "- Time to detection: 5 minutes\n"
	    "- Reviewed: yesterday\n");

	OK(d->kind == PM_DOC_LEGACY && d->meta.inferred,
	    "infer__legacy_inferred");
	STR_EQ(d->meta.title.s, "Payment timeouts & retries",
	    "infer__title_date_dropped_entity_decoded");
	STR_EQ(d->meta.severity_raw.s, "SEV2", "infer__severity_normalised");
	INT_EQ(d->meta.severity, 2, "infer__severity_value");
	INT_EQ(d->meta.services.n, 3, "infer__services_split");
	STR_EQ(item(&d->meta.services, 2), "cache", "infer__services_and");
	STR_EQ(item(&d->meta.tags, 0), "Kubernetes", "infer__category_tag");
	STR_EQ(extra(d, "category"), "Kubernetes", "infer__category_extra");
	STR_EQ(extra(d, "time_to_detection"), "5 minutes",
	    "infer__extra_snake_case");
	STR_EQ(extra(d, "reviewed"), NULL, "infer__no_extra_named_as_field");
	STR_EQ(ts(&d->meta.started), "2024-10-24T08:00:00Z",
	    "infer__started_first_row");
	STR_EQ(ts(&d->meta.detected), "2024-10-24T08:12:00Z",
	    "infer__detected_alert_row");
	STR_EQ(ts(&d->meta.mitigated), "2024-10-24T09:41:00Z",
	    "infer__mitigated_recovered_not_identified");
	STR_EQ(ts(&d->meta.ended), "2024-10-24T10:30:00Z",
	    "infer__ended_last_row");
	OK(!d->meta.authors.set, "infer__authors_never_invented");
	pm_doc_free(d);
}

static void
test_infer__preamble(void)
{
	struct pm_doc	*d = parse(
	    "# Title\n\n"
	    "**Date:** 2018-08-22  \n"
	    "Start: Wednesday, 2018-08-22 09:14 UTC\n"
	    "End: 2018-08-22 11:02\n"
	    "Authors: Kim Lee, Ahmed Saleh and Rosa Diaz\n"
	    "Status: Complete, action items in progress\n"
	    "Priority: 1\n"
	    "Summary: the pooler kept stale connections.\n"
	    "Shift lead: Dana\n\n"
	    "Note: written in a hurry.\n\n"
	    TL
	    "| 09:14 | Failover starts |\n"
	    "| 09:17 | Alert fires |\n"
	    "| 11:02 | Resolved |\n");

	STR_EQ(ts(&d->meta.started), "2018-08-22T09:14:00Z",
	    "infer__start_line_weekday");
	STR_EQ(ts(&d->meta.ended), "2018-08-22T11:02:00Z", "infer__end_line");
	STR_EQ(ts(&d->meta.detected), "2018-08-22T09:17:00Z",
	    "infer__detected_on_date_day");
	INT_EQ(d->meta.authors.n, 3, "infer__authors_split_and");
	STR_EQ(item(&d->meta.authors, 1), "Ahmed Saleh",
	    "infer__authors_names");
	INT_EQ(d->meta.status, PM_STATUS_FINAL, "infer__status_complete");
	STR_EQ(d->meta.severity_raw.s, "P1", "infer__priority_digit");
	STR_EQ(extra(d, "summary"), NULL, "infer__prose_key_ignored");
	STR_EQ(extra(d, "shift_lead"), "Dana",
	    "infer__unknown_key_in_meta_block");
	STR_EQ(extra(d, "note"), NULL, "infer__lone_unknown_key_ignored");
	pm_doc_free(d);
}

static void
test_infer__sre_sections(void)
{
	struct pm_doc	*d = parse(
	    "# Sonnet++ Postmortem (incident #465)\n\n"
	    "# Date\n\n2015-10-21\n\n"
	    "# Authors\n\n- jennifer\n- martym\n\n"
	    "# Status\n\nIn review\n\n"
	    "# Summary\n\nDown for 66 minutes.\n\n"
	    "# Timeline\n\n2015-10-21 (all times UTC)\n\n"
	    "- 14:51 News reports a new sonnet\n"
	    "- 14:55 docbrown receives pager storm\n"
	    "- 15:36 OUTAGE MITIGATED\n"
	    "- 16:30 INCIDENT ENDS\n");

	STR_EQ(d->meta.title.s, "Sonnet++ Postmortem (incident #465)",
	    "infer__sre_title");
	INT_EQ(d->meta.authors.n, 2, "infer__authors_section_list");
	INT_EQ(d->meta.status, PM_STATUS_REVIEW, "infer__status_section");
	STR_EQ(ts(&d->meta.started), "2015-10-21T14:51:00Z",
	    "infer__sre_started");
	STR_EQ(ts(&d->meta.detected), "unset",
	    "infer__no_detection_word_no_detected");
	STR_EQ(ts(&d->meta.mitigated), "2015-10-21T15:36:00Z",
	    "infer__sre_mitigated");
	STR_EQ(ts(&d->meta.ended), "2015-10-21T16:30:00Z", "infer__sre_ended");
	OK(d->meta.severity_raw.s == NULL, "infer__severity_never_invented");
	pm_doc_free(d);
}

static void
test_infer__never_invent(void)
{
	struct pm_doc	*d = parse(
	    "# Title\n\n"
	    "| Field | Value |\n|---|---|\n"
	    "| Severity | High |\n"
	    "| Start | 2021-12-10 |\n"
	    "| **Owner** | platform team |\n\n"
	    TL
	    "| 2021-12-10 | Something on that day |\n"
	    "| HH:mm | Template left in |\n");

	/* A word by the default severities table (issue 11). */
	STR_EQ(d->meta.severity_raw.s, "SEV2", "infer__severity_word_default_table");
	/* A day, never midnight as an instant (the SPEC extension). */
	OK(d->meta.started.set && d->meta.started.day &&
	    d->meta.started.t == 1639094400, "infer__date_only_start_is_a_day");
	OK(!d->meta.ended.set, "infer__date_only_rows_no_ended");
	STR_EQ(item(&d->meta.authors, 0), "platform team",
	    "infer__table_row_owner");
	pm_doc_free(d);
}

static void
test_infer__zones_and_order(void)
{
	struct pm_doc	*d = parse(
	    "# Title\n\n"
	    "## Timeline\n\n"
	    "| Date and Time in CET | Event |\n|---|---|\n"
	    "| 2021-12-10 15:40 | Certificate expires |\n"
	    "| 2021-12-10 15:52 | Engineer paged |\n"
	    "| 2021-12-10 16:52 | Traffic restored |\n"
	    "| 2021-12-10 16:31 | Earlier row written late |\n");

	STR_EQ(ts(&d->meta.started), "2021-12-10T14:40:00Z",
	    "infer__zone_header_applied");
	STR_EQ(ts(&d->meta.ended), "2021-12-10T15:52:00Z",
	    "infer__ended_latest_not_last_row");
	STR_EQ(ts(&d->meta.detected), "2021-12-10T14:52:00Z",
	    "infer__detected_paged");
	pm_doc_free(d);
}

static void
test_infer__metaline(void)
{
	OK(pm_infer_is_metaline("Severity: SEV2", 14), "infer__metaline_plain");
	OK(pm_infer_is_metaline("- **Date**: 2024-01-01", 22),
	    "infer__metaline_bold_item");
	OK(!pm_infer_is_metaline("Summary: it broke", 17),
	    "infer__metaline_prose");
	OK(!pm_infer_is_metaline("see http://x", 12), "infer__metaline_url");
	OK(!pm_infer_is_metaline("At 10:45 the alert fired", 24),
	    "infer__metaline_clock");
}

int
main(void)
{
	pm_config_init(&cfg);
	test_infer__stats_list();
	test_infer__preamble();
	test_infer__sre_sections();
	test_infer__never_invent();
	test_infer__zones_and_order();
	test_infer__metaline();
	pm_config_release(&cfg);
	return harness_done();
}
