/*
 * Unit tests for lib/doc/ttime.c: every time form of SPEC sections 1
 * and 5, every error, list-item prefixes and zone phrases.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/time.h"
#include "base/tz.h"
#include "doc/ttime.h"
#include "harness.h"

static struct pm_ttime_ctx	ctx;

static const char	*pf(const char *);

static void
ctx_reset(void)
{
	memset(&ctx, 0, sizeof(ctx));
	ctx.has_base = 1;
	ctx.base_day = pm_days_from_civil(2024, 10, 24);
	ctx.zone_offset = 0;
	ctx.order = PM_DATE_YMD;
}

/* Parse s; return the UTC time as RFC 3339, or "error: <message>". */
static const char *
rd(const char *s)
{
	static char		 buf[256];
	struct pm_ttime		 t;

	if (pm_ttime_parse(&t, s, strlen(s), &ctx) == -1) {
		snprintf(buf, sizeof(buf), "error: %s", t.error);
		return buf;
	}
	return pm_time_format(buf, t.t);
}

/* 1 if s is an error whose message holds word. */
static int
err_has(const char *s, const char *word)
{
	struct pm_ttime	 t;
	int		 rc;

	rc = pm_ttime_parse(&t, s, strlen(s), &ctx);
	if (rc != -1 || t.ok || t.error == NULL) {
		printf("#   '%s' was read (%s)\n", s, rd(s));
		return 0;
	}
	if (strstr(t.error, word) == NULL) {
		printf("#   '%s': %s\n", s, t.error);
		return 0;
	}
	return 1;
}

static struct pm_ttime
get(const char *s)
{
	struct pm_ttime	 t;

	(void)pm_ttime_parse(&t, s, strlen(s), &ctx);
	return t;
}

static void
test_ttime__forms(void)
{
	ctx_reset();
	STR_EQ(rd("09:12"), "2024-10-24T09:12:00Z", "ttime__hhmm_on_base_day");
	STR_EQ(rd("9:05"), "2024-10-24T09:05:00Z", "ttime__h_mm");
	STR_EQ(rd("09:12:30"), "2024-10-24T09:12:30Z", "ttime__hhmmss");
	STR_EQ(rd("2024-10-25 08:07"), "2024-10-25T08:07:00Z",
	    "ttime__date_hhmm");
	STR_EQ(rd("2024-10-25 08:07:09"), "2024-10-25T08:07:09Z",
	    "ttime__date_hhmmss");
	STR_EQ(rd("2021-12-10   15:40"), "2021-12-10T15:40:00Z",
	    "ttime__extra_spaces");
	STR_EQ(rd("2025-02-09T10:05:23Z"), "2025-02-09T10:05:23Z",
	    "ttime__rfc3339_z");
	STR_EQ(rd("2025-02-09T10:05:23+02:00"), "2025-02-09T08:05:23Z",
	    "ttime__rfc3339_offset");
	STR_EQ(rd("2025-02-09T10:05:23.123-05:00"), "2025-02-09T15:05:23Z",
	    "ttime__rfc3339_fraction_negative_offset");
	STR_EQ(rd("2025-02-09T10:05Z"), "2025-02-09T10:05:00Z",
	    "ttime__rfc3339_minutes");
	STR_EQ(rd("2024/10/24 08:07"), "2024-10-24T08:07:00Z",
	    "ttime__slash_ymd");
	STR_EQ(rd("24-10-2024 08:07"), "2024-10-24T08:07:00Z",
	    "ttime__dmy_dashes_default");
	STR_EQ(rd("24.10.2024 08:07"), "2024-10-24T08:07:00Z",
	    "ttime__dmy_dots_default");
	STR_EQ(rd("**10:45**"), "2024-10-24T10:45:00Z", "ttime__bold");
	STR_EQ(rd("`10:45`"), "2024-10-24T10:45:00Z", "ttime__code");
	STR_EQ(rd("[10:45]"), "2024-10-24T10:45:00Z", "ttime__brackets");
	STR_EQ(rd("3:40 PM"), "2024-10-24T15:40:00Z", "ttime__pm");
	STR_EQ(rd("12:10am"), "2024-10-24T00:10:00Z", "ttime__am_midnight");
	STR_EQ(rd("Oct 24, 2024 10:00"), "2024-10-24T10:00:00Z",
	    "ttime__month_name_first");
	STR_EQ(rd("24 October 2024"), "2024-10-24T00:00:00Z",
	    "ttime__month_name_day_first");
	STR_EQ(rd("24:00"), "2024-10-25T00:00:00Z", "ttime__2400");
	STR_EQ(rd("23:59:60"), "2024-10-24T23:59:59Z", "ttime__leap_second");
	STR_EQ(rd("2024-02-29 12:00"), "2024-02-29T12:00:00Z",
	    "ttime__leap_day");
}

static void
test_ttime__order(void)
{
	ctx_reset();
	ctx.order = PM_DATE_DMY;
	STR_EQ(rd("05-06-2024 10:00"), "2024-06-05T10:00:00Z",
	    "ttime__dmy_order");
	STR_EQ(rd("05/06/2024"), "2024-06-05T00:00:00Z",
	    "ttime__dmy_slashes");
	ctx.order = PM_DATE_MDY;
	STR_EQ(rd("05/06/2024 10:00"), "2024-05-06T10:00:00Z",
	    "ttime__mdy_order");
	STR_EQ(rd("10/24/2024 08:07"), "2024-10-24T08:07:00Z",
	    "ttime__mdy_slashes");
	ctx.order = PM_DATE_YMD;
	STR_EQ(rd("10/24/2024"), "2024-10-24T00:00:00Z",
	    "ttime__slashes_unambiguous_month_first");
	STR_EQ(rd("24/10/2024"), "2024-10-24T00:00:00Z",
	    "ttime__slashes_unambiguous_day_first");
	OK(err_has("05/06/2024", "ambiguous"), "ttime__slashes_ambiguous");
	/* Nothing in the file decides: never a guess (issue 11). */
	OK(err_has("05-06-2024", "ambiguous"), "ttime__dashes_ambiguous");
	STR_EQ(rd("05.06.2024"), "2024-06-05T00:00:00Z",
	    "ttime__dots_day_first");
}

static void
test_ttime__flags(void)
{
	struct pm_ttime	 t;

	ctx_reset();
	t = get("2021-12-10");
	OK(t.ok && t.date_only && t.has_date, "ttime__date_only_flags");
	STR_EQ(rd("2021-12-10"), "2021-12-10T00:00:00Z",
	    "ttime__date_only_midnight_utc");
	t = get("~19:30");
	OK(t.ok && t.approx, "ttime__approx_prefix");
	t = get("10:45~");
	OK(t.ok && t.approx, "ttime__approx_suffix");
	STR_EQ(rd("10:45~"), "2024-10-24T10:45:00Z", "ttime__approx_value");
	t = get("\xef\xbd\x9e" "19:30");
	OK(t.ok && t.approx, "ttime__approx_fullwidth");
	t = get("10:00\xe9\xa0\x83");
	OK(t.ok && t.approx, "ttime__approx_japanese");
	t = get("10:45 (approx.)");
	OK(t.ok && t.approx, "ttime__approx_word");
	t = get("ca. 10:45");
	OK(t.ok && t.approx, "ttime__approx_ca");
	t = get("09:12");
	OK(t.ok && !t.approx && !t.has_date && !t.has_zone &&
	    t.day == ctx.base_day, "ttime__plain_flags");
	t = get("2024-10-25 08:07");
	OK(t.ok && t.has_date && !t.date_only &&
	    t.day == pm_days_from_civil(2024, 10, 25), "ttime__date_flags");
}

static void
test_ttime__ranges(void)
{
	ctx_reset();
	STR_EQ(rd("2020-10-06 09:00 - 11:00"), "2020-10-06T09:00:00Z",
	    "ttime__range_from_start");
	STR_EQ(rd("09:00-11:00"), "2024-10-24T09:00:00Z",
	    "ttime__range_attached");
	STR_EQ(rd("09:00 \xe2\x80\x93 11:00"), "2024-10-24T09:00:00Z",
	    "ttime__range_en_dash");
	STR_EQ(rd("09:00 to 11:00"), "2024-10-24T09:00:00Z",
	    "ttime__range_to");
	STR_EQ(rd("09:00~11:00"), "2024-10-24T09:00:00Z",
	    "ttime__range_tilde");
	STR_EQ(rd("2020-10-06 23:00 - 2020-10-07 01:00"),
	    "2020-10-06T23:00:00Z", "ttime__range_across_days");
	STR_EQ(rd("09:00 - 11:00 CET"), "2024-10-24T08:00:00Z",
	    "ttime__range_with_zone");
	OK(err_has("09:00 - 25:00", "impossible"), "ttime__range_bad_end");
}

static void
test_ttime__zones(void)
{
	struct pm_ttime	 t;

	ctx_reset();
	STR_EQ(rd("14:00 CET"), "2024-10-24T13:00:00Z", "ttime__zone_cet");
	STR_EQ(rd("09:00 UTC"), "2024-10-24T09:00:00Z", "ttime__zone_utc");
	STR_EQ(rd("10:00+02:00"), "2024-10-24T08:00:00Z",
	    "ttime__zone_offset_attached");
	STR_EQ(rd("10:00 +0200"), "2024-10-24T08:00:00Z",
	    "ttime__zone_offset_spaced");
	STR_EQ(rd("10:00 (PST)"), "2024-10-24T18:00:00Z",
	    "ttime__zone_parenthesised");
	STR_EQ(rd("10:00 UTC+2"), "2024-10-24T08:00:00Z",
	    "ttime__zone_utc_plus");
	STR_EQ(rd("2024-10-24 10:00 EDT"), "2024-10-24T14:00:00Z",
	    "ttime__zone_after_date");
	t = get("14:00 CET");
	STR_EQ(t.zone, "CET", "ttime__zone_name_kept");
	OK(t.has_zone, "ttime__zone_flag");
	/* A declared zone applies to times that name none. */
	ctx.zone_offset = 3600;
	STR_EQ(rd("14:00"), "2024-10-24T13:00:00Z", "ttime__declared_zone");
	STR_EQ(rd("14:00 UTC"), "2024-10-24T14:00:00Z",
	    "ttime__own_zone_beats_declared");
	STR_EQ(rd("2021-12-10"), "2021-12-10T00:00:00Z",
	    "ttime__date_only_ignores_zone");
	ctx.zone_offset = 0;
	OK(err_has("10:00 XYZ", "zone"), "ttime__unknown_zone");
}

static void
test_ttime__weekday(void)
{
	ctx_reset();
	STR_EQ(rd("Wednesday, 2018-08-22"), "2018-08-22T00:00:00Z",
	    "ttime__weekday_prefix");
	STR_EQ(rd("Wed 2018-08-22 10:00"), "2018-08-22T10:00:00Z",
	    "ttime__weekday_short");
	STR_EQ(rd("Wednesday, August 22, 2018"), "2018-08-22T00:00:00Z",
	    "ttime__weekday_month_name");
}

static void
test_ttime__errors(void)
{
	ctx_reset();
	OK(err_has("HH:mm", "placeholder"), "ttime__err_hhmm");
	OK(err_has("hh:mm:ss", "placeholder"), "ttime__err_hhmmss");
	OK(err_has("XX:XX", "placeholder"), "ttime__err_xxxx");
	OK(err_has("??:??", "unknown"), "ttime__err_qq_clock");
	OK(err_has("??", "unknown"), "ttime__err_qq");
	OK(err_has("10:??", "unknown"), "ttime__err_qq_minute");
	OK(err_has("??:30", "unknown"), "ttime__err_qq_hour");
	OK(err_has("2021-12-?? 10:00", "unknown"), "ttime__err_qq_day");
	OK(err_has("20xx-10-24 10:00", "placeholder"), "ttime__err_20xx");
	OK(err_has("YYYY-MM-DD HH:MM", "placeholder"),
	    "ttime__err_template_date");
	OK(err_has("TBD", "placeholder"), "ttime__err_tbd");
	OK(err_has("20224-10-24 10:00", "five digits"), "ttime__err_year5");
	OK(err_has("24-10-20224", "five digits"), "ttime__err_year5_dmy");
	OK(err_has("2023-02-30 10:00", "impossible date"),
	    "ttime__err_feb30");
	OK(err_has("2023-02-29", "impossible date"), "ttime__err_not_leap");
	OK(err_has("2023-13-01 10:00", "impossible date"),
	    "ttime__err_month13");
	OK(err_has("25:00", "impossible time"), "ttime__err_hour25");
	OK(err_has("10:60", "impossible time"), "ttime__err_minute60");
	OK(err_has("24:30", "impossible time"), "ttime__err_2430");
	/* "13:06 PM": a 24-hour time with a stray PM, the same instant. */
	STR_EQ(rd("13:00 pm"), "2024-10-24T13:00:00Z", "ttime__13pm");
	OK(err_has("13:00 am", "impossible time"), "ttime__err_13am");
	/* The British dot: after a date, or with am/pm; never "1.50". */
	STR_EQ(rd("2024-10-24 11.50"), "2024-10-24T11:50:00Z", "ttime__dot_date");
	STR_EQ(rd("3.30pm"), "2024-10-24T15:30:00Z", "ttime__dot_pm");
	STR_EQ(rd("13.30 pm"), "2024-10-24T13:30:00Z", "ttime__dot_13pm");
	STR_EQ(pf("2024-10-24 99.95% of requests failed"),
	    "2024-10-24|99.95% of requests failed", "ttime__prefix_dot_percent");
	OK(err_has("1.50", "cannot read"), "ttime__err_dot_alone");
	STR_EQ(pf("2024-10-24 11.50 Incident declared"),
	    "2024-10-24 11.50|Incident declared", "ttime__prefix_dot");
	STR_EQ(pf("1.50 of the provider"), "-", "ttime__prefix_dot_version");
	/* Prose timelines: "At 14:02, ...", "By 14:45, ..." (approximate). */
	STR_EQ(pf("At 14:02, the alert fired"), "At 14:02|the alert fired",
	    "ttime__prefix_at");
	STR_EQ(pf("By 14:45, errors stopped"), "By 14:45|errors stopped",
	    "ttime__prefix_by");
	STR_EQ(rd("At 14:02"), "2024-10-24T14:02:00Z", "ttime__at");
	STR_EQ(pf("At 10% capacity the pool failed"), "-", "ttime__prefix_at_pct");
	STR_EQ(pf("At least two nodes"), "-", "ttime__prefix_at_least");
	STR_EQ(pf("by 3 engineers"), "-", "ttime__prefix_by_count");
	OK(err_has("", "empty"), "ttime__err_empty");
	OK(err_has("morning", "cannot read"), "ttime__err_words");
	OK(err_has("10:00 and more", "cannot read"), "ttime__err_trailing");
	OK(err_has("~", "cannot read"), "ttime__err_tilde_alone");
}

/* Prefix: returns "TIME|REST" or "-" when no time starts the item. */
static const char *
pf(const char *s)
{
	static char	 buf[256];
	size_t		 n, rest = 0;

	n = pm_ttime_prefix(s, strlen(s), &rest);
	if (n == 0)
		return "-";
	snprintf(buf, sizeof(buf), "%.*s|%s", (int)n, s, s + rest);
	return buf;
}

static void
test_ttime__prefix(void)
{
	STR_EQ(pf("2024-10-24 08:07 - event"), "2024-10-24 08:07|event",
	    "ttime__prefix_date_dash");
	STR_EQ(pf("24-10-2024 08:07 - event"), "24-10-2024 08:07|event",
	    "ttime__prefix_dmy");
	STR_EQ(pf("09:12: event"), "09:12|event", "ttime__prefix_colon");
	STR_EQ(pf("09:12 event"), "09:12|event", "ttime__prefix_space");
	STR_EQ(pf("**10:45** event"), "**10:45|event", "ttime__prefix_bold");
	STR_EQ(pf("**10:45**: event"), "**10:45|event",
	    "ttime__prefix_bold_colon");
	STR_EQ(pf("[10:45] event"), "[10:45|event", "ttime__prefix_bracket");
	STR_EQ(pf("~19:30 - event"), "~19:30|event", "ttime__prefix_approx");
	STR_EQ(pf("10:45~ event"), "10:45~|event",
	    "ttime__prefix_approx_suffix");
	STR_EQ(pf("HH:mm - event"), "HH:mm|event",
	    "ttime__prefix_placeholder");
	STR_EQ(pf("??:?? - event"), "??:??|event", "ttime__prefix_qq");
	STR_EQ(pf("?? - event"), "??|event", "ttime__prefix_qq_alone");
	STR_EQ(pf("2020-10-06 09:00 - 11:00 - event"),
	    "2020-10-06 09:00 - 11:00|event", "ttime__prefix_range");
	STR_EQ(pf("14:00 CET: event"), "14:00 CET|event",
	    "ttime__prefix_zone");
	STR_EQ(pf("10:00 API down"), "10:00|API down",
	    "ttime__prefix_not_zone");
	STR_EQ(pf("20224-10-24 10:00 - event"), "20224-10-24 10:00|event",
	    "ttime__prefix_year5");
	STR_EQ(pf("2021-12-10 - event"), "2021-12-10|event",
	    "ttime__prefix_date_only");
	STR_EQ(pf("14:51 News reports a sonnet"), "14:51|News reports a sonnet",
	    "ttime__prefix_sre_book");
	STR_EQ(pf("3 engineers joined"), "-", "ttime__prefix_number");
	STR_EQ(pf("10.5% error rate"), "-", "ttime__prefix_percent");
	STR_EQ(pf("Deployed 1.2.3"), "-", "ttime__prefix_words");
	STR_EQ(pf("10:00am"), "10:00am|", "ttime__prefix_alone");
	STR_EQ(pf("Hotfix deployed"), "-", "ttime__prefix_word_h");
	STR_EQ(pf("Mitigation started"), "-", "ttime__prefix_word_m");
	STR_EQ(pf("1:1 meeting"), "-", "ttime__prefix_ratio");
}

/* Zone phrase: returns "NAME OFFSET" or "-". */
static const char *
zp(const char *s)
{
	static char	 buf[64];
	char		 name[16];
	int		 off = 0;

	if (pm_ttime_zone_phrase(s, strlen(s), name, sizeof(name), &off) ==
	    -1)
		return "-";
	snprintf(buf, sizeof(buf), "%s %d", name, off);
	return buf;
}

static void
test_ttime__zone_phrase(void)
{
	STR_EQ(zp("Date and Time in CET"), "CET 3600", "ttime__phrase_header");
	STR_EQ(zp("All times in UTC."), "UTC 0", "ttime__phrase_sentence");
	STR_EQ(zp("Timeline (all times PST)"), "PST -28800",
	    "ttime__phrase_heading");
	STR_EQ(zp("Time (UTC)"), "UTC 0", "ttime__phrase_column");
	STR_EQ(zp("All times are UTC+2"), "UTC+2 7200",
	    "ttime__phrase_utc_plus");
	STR_EQ(zp("Timezone: JST"), "JST 32400", "ttime__phrase_timezone");
	STR_EQ(zp("UTC"), "UTC 0", "ttime__phrase_alone");
	STR_EQ(zp("All UTC times"), "UTC 0", "ttime__phrase_before_key");
	STR_EQ(zp("2015-10-21 (all times UTC)"), "UTC 0",
	    "ttime__phrase_after_date");
	STR_EQ(zp("Times are in Europe/Berlin"), "-", "ttime__phrase_iana");
	STR_EQ(zp("All times CET/CEST"), "-", "ttime__phrase_dst_pair");
	STR_EQ(zp("Time"), "-", "ttime__phrase_none");
	STR_EQ(zp("We paged the SRE team"), "-", "ttime__phrase_prose");
	STR_EQ(zp("Event"), "-", "ttime__phrase_event");
	STR_EQ(zp("Cronolog\xc3\xad" "a (UTC)"), "UTC 0",
	    "ttime__phrase_parens_es");
	STR_EQ(zp("Timeline (UTC)"), "UTC 0", "ttime__phrase_parens");
	STR_EQ(zp("Todas las horas en UTC."), "UTC 0",
	    "ttime__phrase_es");
	STR_EQ(zp("Todas las horas est\xc3\xa1n en UTC"), "UTC 0",
	    "ttime__phrase_es_estan");
	STR_EQ(zp("\xe6\x99\x82\xe5\x88\xbb\xe3\x81\xaf\xe3\x81\x99"
	    "\xe3\x81\xb9\xe3\x81\xa6UTC"), "UTC 0", "ttime__phrase_ja");
	STR_EQ(zp("\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\xa0\xe3\x83\xa9"
	    "\xe3\x82\xa4\xe3\x83\xb3\xef\xbc\x88JST\xef\xbc\x89"),
	    "JST 32400", "ttime__phrase_ja_fullwidth_parens");
	STR_EQ(zp("\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\xa0\xe3\x83\xa9"
	    "\xe3\x82\xa4\xe3\x83\xb3 (UTC)"), "UTC 0",
	    "ttime__phrase_ja_parens");
	STR_EQ(zp("\xe6\x89\x80\xe6\x9c\x89\xe6\x97\xb6\xe9\x97\xb4"
	    "\xe5\x9d\x87\xe4\xb8\xba UTC"), "UTC 0", "ttime__phrase_zh");
	STR_EQ(zp("\xeb\xaa\xa8\xeb\x93\xa0 \xec\x8b\x9c\xea\xb0\x84"
	    "\xec\x9d\x80 UTC"), "UTC 0", "ttime__phrase_ko");
	STR_EQ(zp("We moved to the new (EU) region"), "-",
	    "ttime__phrase_parens_not_zone");
	STR_EQ(zp("Option (A) was chosen"), "-",
	    "ttime__phrase_parens_one_letter");
	STR_EQ(zp("Se reinici\xc3\xb3 el servicio a las 10:00"), "-",
	    "ttime__phrase_es_prose");
}

/*
 * Every form of issue 11, in one table: the text, the context (base
 * day or none, declared zone or none, what the file's dates say) and
 * the UTC instant, a day ("D 2024-03-03"), or the refusal ("! word").
 * Region rows need the system's tz database; they are skipped (and
 * said so) without it.
 */
struct	tcase {
	const char	*in;
	const char	*base;		/* "YYYY-MM-DD", or NULL */
	const char	*zone;		/* declared zone, or NULL */
	enum pm_date_order file;	/* what the file's dates say */
	const char	*want;
};

static const struct tcase cases[] = {
	/* 12-hour clocks */
	{ "3:26pm", "2018-08-22", NULL, 0, "2018-08-22T15:26:00Z" },
	{ "03:26 PM", "2018-08-22", NULL, 0, "2018-08-22T15:26:00Z" },
	{ "10:08am", "2018-08-22", NULL, 0, "2018-08-22T10:08:00Z" },
	{ "12:05 a.m.", "2018-08-22", NULL, 0, "2018-08-22T00:05:00Z" },
	{ "2pm", "2016-06-06", "PT", 0, "2016-06-06T21:00:00Z" },
	{ "13:55 PM", "2021-10-30", NULL, 0, "2021-10-30T13:55:00Z" },
	{ "13:55 AM", "2021-10-30", NULL, 0, "! impossible time" },
	{ "0:30 pm", "2021-10-30", NULL, 0, "! impossible time" },
	/* written dates */
	{ "Nov. 13, 2017", NULL, NULL, 0, "D 2017-11-13" },
	{ "January 23rd, 2019", NULL, NULL, 0, "D 2019-01-23" },
	{ "Mar 3, 2024 at 4:32PM UTC", NULL, NULL, 0,
	    "2024-03-03T16:32:00Z" },
	{ "June 14th, 2022, 10:00 AM", NULL, "PST", 0,
	    "2022-06-14T18:00:00Z" },
	{ "February 15, 2024: 7:56am UTC", NULL, NULL, 0,
	    "2024-02-15T07:56:00Z" },
	{ "6th Nov 2023", NULL, NULL, 0, "D 2023-11-06" },
	{ "Sep 27 2017 13:06", NULL, "PST", 0, "2017-09-27T21:06:00Z" },
	{ "Wednesday, 2018-08-22", NULL, NULL, 0, "D 2018-08-22" },
	/* no year: the year that puts it nearest the base day */
	{ "Jan 14, 10:18 AM", "2026-01-17", NULL, 0, "2026-01-14T10:18:00Z" },
	{ "Jan 2 09:00", "2025-12-30", NULL, 0, "2026-01-02T09:00:00Z" },
	{ "Jan 14, 10:18 AM", NULL, NULL, 0, "! no year" },
	{ "Dec 31 13:29", "2023-07-01", NULL, 0, "2022-12-31T13:29:00Z" },
	{ "Feb 29 10:00", "2023-03-01", NULL, 0, "! no year" },
	/* the time first, the date after */
	{ "11:10 6th Nov 2023", NULL, NULL, 0, "2023-11-06T11:10:00Z" },
	{ "12:45 PM PST Saturday Oct 30th", "2021-10-31", NULL, 0,
	    "2021-10-30T20:45:00Z" },
	{ "02:54 AM PST Monday Nov 1st", "2021-10-31", NULL, 0,
	    "2021-11-01T10:54:00Z" },
	{ "Nov 1st 2021", NULL, NULL, 0, "D 2021-11-01" },
	{ "~19:00 UTC Monday Aug 27", "2018-08-27", NULL, 0,
	    "2018-08-27T19:00:00Z" },
	/* US and day-first numeric dates, by the file */
	{ "02/13/2025 11:00 pm", NULL, NULL, 0, "2025-02-13T23:00:00Z" },
	{ "02-13-2025 11:00 pm", NULL, NULL, 0, "2025-02-13T23:00:00Z" },
	{ "27-05-2025 13:44", NULL, NULL, 0, "2025-05-27T13:44:00Z" },
	{ "07-05-2023 2:14 pm", NULL, NULL, 0, "! ambiguous" },
	{ "07-05-2023 2:14 pm", NULL, NULL, PM_DATE_MDY,
	    "2023-07-05T14:14:00Z" },
	{ "07/05/2023", NULL, NULL, PM_DATE_DMY, "D 2023-05-07" },
	{ "4/21/23", NULL, NULL, 0, "D 2023-04-21" },
	{ "7/5/23", NULL, NULL, PM_DATE_MDY, "D 2023-07-05" },
	{ "11/03/202", NULL, NULL, 0, "! impossible date" },
	{ "2018-08-22, 03:26pm", NULL, NULL, 0, "2018-08-22T15:26:00Z" },
	{ "2025\xe2\x80\x91" "05\xe2\x80\x91" "20 08:41", NULL, NULL, 0,
	    "2025-05-20T08:41:00Z" },
	{ "2018-08-10 1250 UTC", NULL, NULL, 0, "2018-08-10T12:50:00Z" },
	{ "2018-07-08 ca. 18:30", NULL, "CEST", 0, "2018-07-08T16:30:00Z" },
	{ "2018-01-22 15:00ish UTC", NULL, NULL, 0, "2018-01-22T15:00:00Z" },
	/* zones: abbreviations, offsets, ambiguous ones */
	{ "2:54 PM PST", "2023-01-10", NULL, 0, "2023-01-10T22:54:00Z" },
	{ "10:00 CEST", "2023-06-10", NULL, 0, "2023-06-10T08:00:00Z" },
	{ "10:00 BST", "2023-06-10", NULL, 0, "2023-06-10T09:00:00Z" },
	{ "10:00 CDT", "2023-06-10", NULL, 0, "2023-06-10T15:00:00Z" },
	{ "10:00 EST", "2023-01-10", NULL, 0, "2023-01-10T15:00:00Z" },
	{ "10:00", "2019-03-24", "UTC+1", 0, "2019-03-24T09:00:00Z" },
	{ "10:00", "2019-04-03", "GMT+2", 0, "2019-04-03T08:00:00Z" },
	{ "10:00", "2019-04-03", "+02:00", 0, "2019-04-03T08:00:00Z" },
	{ "10:00 IST", "2023-06-10", NULL, 0, "! ambiguous zone" },
	/* regions, with DST at the instant */
	{ "10:00", "2020-07-09", "US/Pacific", 0, "2020-07-09T17:00:00Z" },
	{ "10:00", "2020-01-09", "US/Pacific", 0, "2020-01-09T18:00:00Z" },
	{ "10:00", "2019-03-24", "Europe/Zurich", 0, "2019-03-24T09:00:00Z" },
	{ "10:00", "2019-04-03", "Europe/Zurich", 0, "2019-04-03T08:00:00Z" },
	{ "12:21 PT", "2016-07-19", NULL, 0, "2016-07-19T19:21:00Z" },
	{ "02:30", "2019-03-31", "Europe/Zurich", 0, "! daylight saving" },
	{ "02:30", "2019-10-27", "Europe/Zurich", 0, "! daylight saving" },
	{ NULL, NULL, NULL, 0, NULL }
};

static int
tz_available(void)
{
	struct pm_tz	 z;

	return pm_tz_lookup(&z, "Europe/Zurich", 13, NULL, 0) == 0;
}

static void
test_ttime__issue11(void)
{
	const struct tcase	*c;
	struct pm_ttime_ctx	 cx;
	struct pm_ttime		 t;
	struct pm_tz		 z;
	char			 got[128], name[160], d[16];
	int32_t			 day;
	int			 region, have_tz = tz_available();

	for (c = cases; c->in != NULL; c++) {
		snprintf(name, sizeof(name), "ttime__form '%s'%s%s", c->in,
		    c->zone ? " in " : "", c->zone ? c->zone : "");
		memset(&cx, 0, sizeof(cx));
		if (c->base != NULL && pm_date_parse(&day, c->base) == 0) {
			cx.has_base = 1;
			cx.base_day = day;
		}
		cx.file_order = c->file;
		region = c->zone != NULL && strchr(c->zone, '/') != NULL;
		if (!region && strstr(c->want, "daylight") == NULL &&
		    strcmp(c->in, "12:21 PT") != 0 &&
		    strcmp(c->in, "2pm") != 0)
			region = 0;
		else
			region = 1;
		if (region && !have_tz) {
			printf("ok - %s # skip: no tz database\n", name);
			continue;
		}
		if (c->zone != NULL) {
			if (pm_tz_lookup(&z, c->zone, strlen(c->zone), NULL,
			    0) != 0) {
				OK(0, name);
				continue;
			}
			cx.zone = &z;
		}
		if (pm_ttime_parse(&t, c->in, strlen(c->in), &cx) == -1)
			snprintf(got, sizeof(got), "! %s", t.error);
		else if (t.date_only)
			snprintf(got, sizeof(got), "D %s",
			    pm_date_format(d, t.day));
		else
			pm_time_format(got, t.t);
		if (c->want[0] == '!' && got[0] == '!' &&
		    strstr(got, c->want + 2) != NULL)
			OK(1, name);
		else
			STR_EQ(got, c->want, name);
	}
}

/* "Date (2021)" over "Dec 31": the column's year, never the nearest. */
static void
test_ttime__column_year(void)
{
	ctx_reset();
	ctx.base_day = pm_days_from_civil(2023, 7, 1);
	ctx.year = 2023;
	STR_EQ(rd("Dec 31 13:29"), "2023-12-31T13:29:00Z",
	    "ttime__column_year");
	ctx.year = 0;
}

/* zones: in the configuration settles IST; a region through it. */
static void
test_ttime__zones_map(void)
{
	char		 a[] = "IST", b[] = "+05:30", c[] = "HQ",
			 e[] = "Europe/Zurich";
	char		*map[] = { a, b, c, e };
	struct pm_tz	 z;
	int		 off;

	INT_EQ(pm_tz_lookup(&z, "IST", 3, NULL, 0), PM_TZ_AMBIGUOUS,
	    "tz__ist_ambiguous");
	OK(pm_tz_lookup(&z, "IST", 3, map, 2) == 0 && z.kind == PM_TZ_FIXED &&
	    z.off == 19800, "tz__ist_from_zones");
	INT_EQ(pm_tz_lookup(&z, "XYZ", 3, map, 2), PM_TZ_UNKNOWN,
	    "tz__unknown");
	INT_EQ(pm_tz_lookup(&z, "../../etc/passwd", 16, NULL, 0),
	    PM_TZ_UNKNOWN, "tz__no_path_escape");
	if (!tz_available()) {
		printf("ok - tz__region_from_zones # skip: no tz database\n");
		return;
	}
	OK(pm_tz_lookup(&z, "HQ", 2, map, 2) == 0 &&
	    z.kind == PM_TZ_REGION && pm_tz_offset_at(&z,
	    pm_days_from_civil(2024, 7, 1) * PM_DAY, &off) == 0 &&
	    off == 7200, "tz__region_from_zones");
}

/*
 * Broken zone files under TZDIR: truncated, a header that promises more
 * than the file holds, transitions out of order, not TZif at all.  Each
 * is an unknown zone, never a crash or a wrong offset.
 */
static void
test_tz__corrupt(void)
{
	static const unsigned char hdr[44] = { 'T', 'Z', 'i', 'f', '2' };
	unsigned char	 b[200];
	char		 dir[] = "/tmp/pm-tz.XXXXXX", path[256], name[32];
	const char	*old = getenv("TZDIR");
	char		*saved = old != NULL ? strdup(old) : NULL;
	struct pm_tz	 z;
	FILE		*fp;
	int		 k;

	if (mkdtemp(dir) == NULL) {
		printf("ok - tz__corrupt # skip: no temporary folder\n");
		free(saved);
		return;
	}
	snprintf(path, sizeof(path), "%s/Bad", dir);
	(void)mkdir(path, 0700);
	for (k = 0; k < 4; k++) {
		memset(b, 0, sizeof(b));
		memcpy(b, hdr, sizeof(hdr));
		if (k == 1)
			b[35] = 200;	/* 200 transitions in 200 bytes */
		if (k == 2) {	/* two transitions, out of order */
			b[4] = '\0';	/* version 1: its data is read */
			b[35] = 2;
			b[39] = 1;
			b[44 + 3] = 9;
			b[44 + 7] = 1;
		}
		if (k == 3)
			memcpy(b, "NOTZ", 4);
		snprintf(path, sizeof(path), "%s/Bad/Z%d", dir, k);
		if ((fp = fopen(path, "wb")) == NULL)
			continue;
		fwrite(b, 1, k == 0 ? 20 : sizeof(b), fp);
		fclose(fp);
	}
	/* A good version 1 file: no transitions, one type, UTC+1. */
	memset(b, 0, sizeof(b));
	memcpy(b, "TZif", 4);
	b[39] = 1;		/* typecnt */
	b[43] = 4;		/* charcnt */
	b[44 + 2] = 0x0e;	/* 3600 = 0x0e10 */
	b[44 + 3] = 0x10;
	memcpy(b + 50, "XET", 4);
	snprintf(path, sizeof(path), "%s/Bad/Good", dir);
	if ((fp = fopen(path, "wb")) != NULL) {
		fwrite(b, 1, 54, fp);
		fclose(fp);
	}
	setenv("TZDIR", dir, 1);
	OK(pm_tz_lookup(&z, "Bad/Good", 8, NULL, 0) == 0 &&
	    pm_tz_offset_at(&z, 0, &k) == 0 && k == 3600,
	    "tz__minimal_file_read");
	remove(path);
	for (k = 0; k < 4; k++) {
		snprintf(name, sizeof(name), "Bad/Z%d", k);
		snprintf(path, sizeof(path), "tz__corrupt_file_%d_unknown", k);
		INT_EQ(pm_tz_lookup(&z, name, strlen(name), NULL, 0),
		    PM_TZ_UNKNOWN, path);
		snprintf(path, sizeof(path), "%s/Bad/Z%d", dir, k);
		remove(path);
	}
	snprintf(path, sizeof(path), "%s/Bad", dir);
	rmdir(path);
	rmdir(dir);
	if (saved != NULL)
		setenv("TZDIR", saved, 1);
	else
		unsetenv("TZDIR");
	free(saved);
}

/* The file decides the order of its numeric dates. */
static void
test_ttime__file_order(void)
{
	int	 c;
	const char *us = "07/30/2023 2:42 am\n07/05/2023 10:00\n";
	const char *eu = "30-07-2023 2:42\n05-07-2023 10:00\n";
	const char *both = "30-07-2023 and 07/30/2023\n";
	const char *none = "07/05/2023 10:00\n";
	const char *ver = "version 1.12.3 and 10.05.2023 dots\n";

	INT_EQ(pm_ttime_file_order(us, strlen(us), 0, 0, &c), PM_DATE_MDY,
	    "ttime__file_order_us");
	INT_EQ(pm_ttime_file_order(eu, strlen(eu), 0, 0, &c), PM_DATE_DMY,
	    "ttime__file_order_dayfirst");
	INT_EQ(pm_ttime_file_order(both, strlen(both), 0, 0, &c), PM_DATE_YMD,
	    "ttime__file_order_both");
	INT_EQ(c, 1, "ttime__file_order_conflict");
	INT_EQ(pm_ttime_file_order(none, strlen(none), 0, 0, &c), PM_DATE_YMD,
	    "ttime__file_order_undecided");
	INT_EQ(pm_ttime_file_order(none, strlen(none), 1,
	    pm_days_from_civil(2023, 7, 5), &c), PM_DATE_MDY,
	    "ttime__file_order_from_file_name");
	INT_EQ(pm_ttime_file_order(ver, strlen(ver), 0, 0, &c), PM_DATE_YMD,
	    "ttime__file_order_ignores_dots");
	/* "06/10/2025" in a report named 2025-06-24: not October. */
	INT_EQ(pm_ttime_file_order("06/10/2025", 10, 1,
	    pm_days_from_civil(2025, 6, 24), &c), PM_DATE_MDY,
	    "ttime__file_order_not_after_the_name");
	/* "07-01-2023" in a report named 2023-07-02: the day before, not
	 * January. */
	INT_EQ(pm_ttime_file_order("07-01-2023", 10, 1,
	    pm_days_from_civil(2023, 7, 2), &c), PM_DATE_MDY,
	    "ttime__file_order_near_the_name");
	/* "07/06/2025": July 6 and June 7 are both possible. */
	INT_EQ(pm_ttime_file_order("07/06/2025", 10, 1,
	    pm_days_from_civil(2025, 6, 24), &c), PM_DATE_YMD,
	    "ttime__file_order_both_possible");
}

static void
test_ttime__name_day(void)
{
	int64_t	 d = 0;

	OK(pm_ttime_name_day("2024-03-03-hub-outage.md", &d) == 0 &&
	    d == pm_days_from_civil(2024, 3, 3), "ttime__name_day");
	OK(pm_ttime_name_day("2021-05/2021-05-09-x.md", &d) == 0 &&
	    d == pm_days_from_civil(2021, 5, 9), "ttime__name_day_folder");
	OK(pm_ttime_name_day("20240303_outage.md", &d) == 0 &&
	    d == pm_days_from_civil(2024, 3, 3), "ttime__name_day_compact");
	OK(pm_ttime_name_day("PM2022-002.md", &d) == -1,
	    "ttime__name_day_not_an_id");
	OK(pm_ttime_name_day("04-25-User_Account.md", &d) == -1,
	    "ttime__name_day_no_year");
}

static void
test_ttime__zone_decl(void)
{
	struct pm_tz	 z;
	const char	*why;
	char		 name[48];
	const char	*s;

	s = "All times in UC/Pacific";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -2, "ttime__decl_unknown_region");
	s = "All times in {{ most convenient timezone}}";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -2, "ttime__decl_template");
	s = "Timeline (times in IST)";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -2, "ttime__decl_ambiguous");
	s = "All times approximate";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -1, "ttime__decl_none");
	s = "All times in Central European Time (CET)";
	OK(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z, NULL,
	    &why) == 0 && z.kind == PM_TZ_FIXED && z.off == 3600,
	    "ttime__decl_words_then_abbrev");
	s = "Timeline: (in PT)";
	if (!tz_available())
		printf("ok - ttime__decl_pt # skip: no tz database\n");
	else
		OK(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
		    NULL, &why) == 0 && z.kind == PM_TZ_REGION,
		    "ttime__decl_pt");
	s = "(All times US/Pacific, 24-hour clock.)";
	if (!tz_available())
		printf("ok - ttime__decl_region # skip: no tz database\n");
	else
		OK(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
		    NULL, &why) == 0 && z.kind == PM_TZ_REGION &&
		    strcmp(name, "US/Pacific") == 0, "ttime__decl_region");
	/* Zones as words: "Pacific Time" is a region; "local time" and an
	 * unknown "Atlantis Time" are meant as zones but unknown, never
	 * UTC; "Response time" is no zone at all. */
	s = "All times are in Pacific Time.";
	if (!tz_available())
		printf("ok - ttime__decl_pacific_time # skip: no tz database\n");
	else
		OK(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
		    NULL, &why) == 0 && z.kind == PM_TZ_REGION &&
		    strcmp(name, "Pacific Time") == 0, "ttime__decl_pacific_time");
	s = "All times are local time";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -2, "ttime__decl_local_time");
	s = "Times are Atlantis Time.";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -2, "ttime__decl_unknown_words");
	s = "Times are approximate. This time the alert was late.";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -1, "ttime__decl_this_time");
	s = "Times: Response time was high";
	INT_EQ(pm_ttime_zone_decl(s, strlen(s), name, sizeof(name), &z,
	    NULL, &why), -1, "ttime__decl_response_time");
}

int
main(void)
{
	test_ttime__forms();
	test_ttime__order();
	test_ttime__flags();
	test_ttime__ranges();
	test_ttime__zones();
	test_ttime__weekday();
	test_ttime__errors();
	test_ttime__prefix();
	test_ttime__zone_phrase();
	test_ttime__issue11();
	test_ttime__column_year();
	test_ttime__zones_map();
	test_ttime__file_order();
	test_ttime__name_day();
	test_ttime__zone_decl();
	test_tz__corrupt();
	return harness_done();
}
