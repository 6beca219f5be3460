/*
 * Calendar arithmetic, RFC 3339 timestamps and zone names (see time.h).
 * Civil-from-days after Howard Hinnant's public-domain algorithms.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/time.h"

int64_t
pm_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t		 era;
	unsigned	 yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void
pm_civil_from_days(int64_t z, int64_t *yp, unsigned *mp, unsigned *dp)
{
	int64_t		 era, y;
	unsigned	 doe, yoe, doy, mp_, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (int64_t)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp_ = (5 * doy + 2) / 153;
	d = doy - (153 * mp_ + 2) / 5 + 1;
	m = mp_ < 10 ? mp_ + 3 : mp_ - 9;
	*yp = y + (m <= 2);
	*mp = m;
	*dp = d;
}

int
pm_date_valid(int64_t y, unsigned m, unsigned d)
{
	static const unsigned char mdays[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned	 max;
	int		 leap;

	if (m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	max = mdays[m - 1] + (m == 2 && leap);
	return d <= max;
}

/* Read exactly n digits; returns the value or -1. */
static int
digits(const char **sp, int n)
{
	const char	*s = *sp;
	int		 v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*sp = s + n;
	return v;
}

/* "YYYY-MM-DD" at *sp: 0 and *days, or -1. */
static int
read_date(const char **sp, int64_t *days)
{
	int	 y, m, d;

	if ((y = digits(sp, 4)) < 0 || **sp != '-')
		return -1;
	(*sp)++;
	if ((m = digits(sp, 2)) < 0 || **sp != '-')
		return -1;
	(*sp)++;
	if ((d = digits(sp, 2)) < 0)
		return -1;
	if (!pm_date_valid(y, (unsigned)m, (unsigned)d))
		return -1;
	*days = pm_days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

int
pm_date_parse(int32_t *out, const char *s)
{
	int64_t	 days;

	while (*s == ' ' || *s == '\t')
		s++;
	if (read_date(&s, &days) == -1)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		return -1;
	*out = (int32_t)days;
	return 0;
}

int
pm_time_parse(int64_t *out, int *has_zone, const char *s)
{
	int64_t	 days;
	int	 hh, mm, ss = 0, off = 0, zone = 0, oh, om, sign;

	while (*s == ' ' || *s == '\t')
		s++;
	if (read_date(&s, &days) == -1)
		return -1;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return -1;
	s++;
	if ((hh = digits(&s, 2)) < 0 || *s != ':')
		return -1;
	s++;
	if ((mm = digits(&s, 2)) < 0)
		return -1;
	if (*s == ':') {
		s++;
		if ((ss = digits(&s, 2)) < 0)
			return -1;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return -1;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	/* YAML allows one space before the zone. */
	if (*s == ' ' && (s[1] == 'Z' || s[1] == '+' || s[1] == '-'))
		s++;
	if (*s == 'Z' || *s == 'z') {
		zone = 1;
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		s++;
		if ((oh = digits(&s, 2)) < 0)
			return -1;
		om = 0;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && (om = digits(&s, 2)) < 0)
			return -1;
		if (oh > 23 || om > 59)
			return -1;
		off = sign * (oh * 3600 + om * 60);
		zone = 1;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		return -1;
	/* 24:00 is not accepted; leap second 60 is clamped to 59. */
	if (hh > 23 || mm > 59 || ss > 60)
		return -1;
	if (ss == 60)
		ss = 59;
	*out = days * PM_DAY + hh * 3600 + mm * 60 + ss - off;
	if (has_zone != NULL)
		*has_zone = zone;
	return 0;
}

static const struct {
	const char	*name;
	int		 minutes;
} zones[] = {
	{ "UTC", 0 }, { "Z", 0 }, { "GMT", 0 }, { "UT", 0 },
	{ "WET", 0 }, { "WEST", 60 }, { "BST", 60 },
	{ "CET", 60 }, { "CEST", 120 }, { "MET", 60 }, { "MEST", 120 },
	{ "EET", 120 }, { "EEST", 180 }, { "MSK", 180 },
	{ "IST", 330 }, { "SGT", 480 }, { "HKT", 480 }, { "AWST", 480 },
	{ "JST", 540 }, { "KST", 540 }, { "AEST", 600 }, { "AEDT", 660 },
	{ "NZST", 720 }, { "NZDT", 780 },
	{ "HST", -600 }, { "AKST", -540 }, { "AKDT", -480 },
	{ "PST", -480 }, { "PDT", -420 }, { "MST", -420 }, { "MDT", -360 },
	{ "CST", -360 }, { "CDT", -300 }, { "EST", -300 }, { "EDT", -240 },
	{ "BRT", -180 }, { "ART", -180 },
};

/* "+02:00", "-0500", "+2", "+5:30" at s (len bytes); minutes or -1. */
static int
read_offset(const char *s, size_t len, int *minutes)
{
	int	 sign, h = 0, m = 0;
	size_t	 i = 1, nd = 0;

	if (len < 2 || (s[0] != '+' && s[0] != '-'))
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	while (i < len && isdigit((unsigned char)s[i]) && nd < 2) {
		h = h * 10 + (s[i++] - '0');
		nd++;
	}
	if (nd == 0)
		return -1;
	if (i < len && s[i] == ':')
		i++;
	if (i < len) {
		if (len - i != 2 || !isdigit((unsigned char)s[i]) ||
		    !isdigit((unsigned char)s[i + 1]))
			return -1;
		m = (s[i] - '0') * 10 + (s[i + 1] - '0');
	}
	if (h > 14 || m > 59)
		return -1;
	*minutes = sign * (h * 60 + m);
	return 0;
}

int
pm_zone_offset(int *out, const char *name, size_t len)
{
	size_t	 i, n;
	int	 min;

	while (len > 0 && isspace((unsigned char)*name))
		name++, len--;
	while (len > 0 && isspace((unsigned char)name[len - 1]))
		len--;
	if (len == 0)
		return -1;
	if (name[0] == '+' || name[0] == '-') {
		if (read_offset(name, len, &min) == -1)
			return -1;
		*out = min * 60;
		return 0;
	}
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		n = strlen(zones[i].name);
		if (len == n && strncasecmp(name, zones[i].name, n) == 0) {
			*out = zones[i].minutes * 60;
			return 0;
		}
		/* "UTC+2", "GMT-03:30" */
		if (len > n && strncasecmp(name, zones[i].name, n) == 0 &&
		    zones[i].minutes == 0 &&
		    (name[n] == '+' || name[n] == '-')) {
			if (read_offset(name + n, len - n, &min) == -1)
				return -1;
			*out = min * 60;
			return 0;
		}
	}
	return -1;
}

char *
pm_time_format(char *buf, int64_t t)
{
	int64_t		 days, secs, y;
	unsigned	 m, d;

	days = t >= 0 ? t / PM_DAY : -((-t + PM_DAY - 1) / PM_DAY);
	secs = t - days * PM_DAY;
	pm_civil_from_days(days, &y, &m, &d);
	snprintf(buf, 32, "%04lld-%02u-%02uT%02d:%02d:%02dZ", (long long)y,
	    m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	return buf;
}

char *
pm_date_format(char *buf, int64_t days)
{
	int64_t		 y;
	unsigned	 m, d;

	pm_civil_from_days(days, &y, &m, &d);
	snprintf(buf, 16, "%04lld-%02u-%02u", (long long)y, m, d);
	return buf;
}
