/*
 * Timeline times as people write them (see ttime.h).
 *
 * One scanner reads a time expression from the start of a string:
 *
 *	[~ | approx.] [weekday[,]] (date [T|sep clock] | clock)
 *	    [~ | ?] [range] [zone] [~ | (approx.)]
 *
 * pm_ttime_parse() wants the whole string to be one expression;
 * pm_ttime_prefix() takes the longest expression at the start of a list
 * item and the separator after it.  Digits of a date or clock may be
 * template letters or "?" ("HH:mm", "20xx", "??:30"): the scanner reads
 * them as fields so that they are reported as placeholders instead of
 * as unreadable text.  Zones are abbreviations, offsets and tz
 * database regions (base/tz.c), resolved at the instant they apply to.
 * Whatever is not certain (the day order of "05/06/2024" in a file that
 * does not decide it, "IST", a year for "Jan 14" with no date before)
 * is an error, never a guess.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/time.h"
#include "base/tz.h"
#include "doc/ttime.h"

static const char ERR_EMPTY[] =
    "empty time; write HH:MM or YYYY-MM-DD HH:MM";
static const char ERR_UNREADABLE[] =
    "cannot read the time; write HH:MM, YYYY-MM-DD HH:MM or RFC 3339";
static const char ERR_PLACEHOLDER[] =
    "template placeholder instead of a time; write the real time";
static const char ERR_UNKNOWN[] =
    "unknown time ('?\?'); write the best estimate and mark it with '~'";
static const char ERR_YEAR5[] =
    "the year has five digits; check the date";
static const char ERR_DATE[] =
    "impossible date; check the day and the month";
static const char ERR_CLOCK[] =
    "impossible time of day; hours are 0-23, minutes and seconds 0-59";
static const char ERR_AMBIGUOUS[] =
    "ambiguous date (day or month first?); write YYYY-MM-DD or set "
    "date_order in .postmortem.yaml";
static const char ERR_ZONE[] =
    "unknown time zone; write UTC or an offset like +02:00";
static const char ERR_ZONE_AMBIGUOUS[] =
    "ambiguous zone abbreviation; say which is meant under 'zones:' in "
    ".postmortem.yaml";
static const char ERR_CONFLICT[] =
    "ambiguous date: this file writes dates both day-first and "
    "month-first; write YYYY-MM-DD or set date_order in .postmortem.yaml";
static const char ERR_NO_YEAR[] =
    "the date names no year and no date before it gives one; write "
    "YYYY-MM-DD";
static const char ERR_DST[] =
    "the time falls in a daylight saving change of its zone (or past "
    "what the zone database knows); write an offset like -07:00";

/* A run of digits or placeholder characters. */
struct	field {
	size_t		 off;
	size_t		 len;
	int		 numeric;	/* digits only */
	int		 unknown;	/* holds '?' */
	long		 val;		/* when numeric and len <= 9 */
};

struct	scan {
	const char	*s;
	size_t		 len;
	size_t		 i;
	enum pm_date_order order;
	const struct pm_ttime_ctx *ctx;	/* NULL: no file order, no zones: */
	const char	*error;		/* first error seen */
};

struct	expr {
	int		 has_date;
	int		 no_year;	/* "Jan 14" */
	int64_t		 y;
	unsigned	 m, d;
	int		 has_clock;
	int		 secs;		/* seconds into the day */
	int		 tform;		/* "T" between date and clock */
	int		 has_seconds;
	int		 approx;
	int		 has_zone;
	struct pm_tz	 zone;
	size_t		 zone_at, zone_len;
};

static int
isfieldc(int c)
{
	return isdigit(c) || c == '?' || strchr("xXhHmMyYdDsS", c) != NULL;
}

static int
peek(const struct scan *sc, size_t k)
{
	return sc->i + k < sc->len ? (unsigned char)sc->s[sc->i + k] : '\0';
}

static int
at(const struct scan *sc, const char *lit)
{
	size_t	 n = strlen(lit);

	return sc->len - sc->i >= n && memcmp(sc->s + sc->i, lit, n) == 0;
}

/* Case-insensitive literal at the position, not followed by a letter. */
static int
atword(const struct scan *sc, const char *lit)
{
	size_t	 n = strlen(lit);

	if (sc->len - sc->i < n || strncasecmp(sc->s + sc->i, lit, n) != 0)
		return 0;
	return sc->i + n >= sc->len ||
	    !isalpha((unsigned char)sc->s[sc->i + n]);
}

/*
 * Skip blanks: spaces, tabs, U+00A0 and U+202F (no-break spaces that
 * editors and macOS put in "10:00 AM").  Returns the count skipped.
 */
static size_t
skip_ws(struct scan *sc)
{
	size_t	 start = sc->i;

	for (;;) {
		if (peek(sc, 0) == ' ' || peek(sc, 0) == '\t')
			sc->i++;
		else if (at(sc, "\xc2\xa0"))
			sc->i += 2;
		else if (at(sc, "\xe2\x80\xaf"))
			sc->i += 3;
		else
			break;
	}
	return sc->i - start;
}

static void
seterr(struct scan *sc, const char *e)
{
	if (sc->error == NULL)
		sc->error = e;
}

/* Read a field at the position (at most 8 characters long). */
static int
read_field(struct scan *sc, struct field *f)
{
	size_t	 j;

	memset(f, 0, sizeof(*f));
	f->off = sc->i;
	f->numeric = 1;
	for (j = sc->i; j < sc->len && isfieldc((unsigned char)sc->s[j]); j++) {
		if (!isdigit((unsigned char)sc->s[j]))
			f->numeric = 0;
		if (sc->s[j] == '?')
			f->unknown = 1;
	}
	f->len = j - sc->i;
	if (f->len == 0 || f->len > 8)
		return -1;
	/* A field must start like a date or clock part, not a word. */
	if (!f->numeric && !f->unknown &&
	    !isdigit((unsigned char)sc->s[sc->i]) &&
	    strchr("xXhHmMyYdDsS", sc->s[sc->i]) != NULL) {
		/* Letters only: accept template spellings, not words. */
		for (j = sc->i; j < sc->i + f->len; j++)
			if (tolower((unsigned char)sc->s[j]) !=
			    tolower((unsigned char)sc->s[sc->i]))
				break;
		if (j != sc->i + f->len && f->len > 1 &&
		    strchr("xX", sc->s[sc->i]) == NULL)
			return -1;
	}
	if (f->numeric) {
		f->val = 0;
		for (j = 0; j < f->len; j++)
			f->val = f->val * 10 + (sc->s[sc->i + j] - '0');
	}
	sc->i += f->len;
	return 0;
}

/* Record the error a placeholder field means. */
static void
field_err(struct scan *sc, const struct field *f)
{
	seterr(sc, f->unknown ? ERR_UNKNOWN : ERR_PLACEHOLDER);
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

/*
 * A word at the position that is one of names (or its first three
 * letters, or "sept", "tues", "thurs").  Returns the 1-based index and
 * advances, or 0.
 */
static int
read_name(struct scan *sc, const char *const *names, size_t n)
{
	size_t	 j, wl, k;

	if (!isalpha(peek(sc, 0)))
		return 0;
	for (j = sc->i; j < sc->len && isalpha((unsigned char)sc->s[j]); j++)
		continue;
	wl = j - sc->i;
	if (wl < 3)
		return 0;
	for (k = 0; k < n; k++) {
		if (tolower(peek(sc, 0)) != names[k][0] || wl > strlen(names[k]))
			continue;
		if (strncasecmp(sc->s + sc->i, names[k], wl) != 0)
			continue;
		if (wl == 3 || wl == strlen(names[k]) ||
		    (wl == 4 && (k == 8 || k == 1) ) ||
		    (wl == 5 && k == 3 && names == weekdays)) {
			sc->i = j;
			if (peek(sc, 0) == '.')
				sc->i++;
			return (int)k + 1;
		}
	}
	return 0;
}

/* Length of a U+2010 or U+2011 hyphen at the position, or 0. */
static size_t
hyphen_at(const struct scan *sc)
{
	if (at(sc, "\xe2\x80\x90") || at(sc, "\xe2\x80\x91"))
		return 3;
	return 0;
}

/*
 * Which of a and b (both at most 12, different) is the day: the
 * configuration's date_order, else dots (never month-first), else what
 * the file's other dates say.  Returns 1 day first, 0 month first, -1
 * with the error recorded.
 */
static int
day_first(struct scan *sc, int sep)
{
	const struct pm_ttime_ctx *ctx = sc->ctx;

	if (sc->order == PM_DATE_DMY)
		return 1;
	if (sc->order == PM_DATE_MDY)
		return 0;
	if (sep == '.')
		return 1;
	if (ctx != NULL && ctx->file_conflict) {
		seterr(sc, ERR_CONFLICT);
		return -1;
	}
	if (ctx != NULL && ctx->file_order == PM_DATE_DMY)
		return 1;
	if (ctx != NULL && ctx->file_order == PM_DATE_MDY)
		return 0;
	seterr(sc, ERR_AMBIGUOUS);
	return -1;
}

/*
 * Numeric date: three fields with one separator ('-', '/' or '.'), the
 * year first (four digits) or last (four digits, or two after slashes:
 * "4/21/23").  Returns 1 when read (values or an error recorded), 0
 * when the text is not such a date (position restored).
 */
static int
read_numdate(struct scan *sc, struct expr *e)
{
	struct field	 f[3];
	size_t		 start = sc->i, sl;
	int		 sep, k, dayfirst, bad = 0, yy = 0;
	long		 a, b;

	if (read_field(sc, &f[0]) == -1)
		goto no;
	/* "2025\u201105\u201120": typographic hyphens are dashes. */
	if ((sl = hyphen_at(sc)) > 0)
		sep = '-';
	else
		sep = peek(sc, 0), sl = 1;
	if (sep != '-' && sep != '/' && sep != '.')
		goto no;
	sc->i += sl;
	if (read_field(sc, &f[1]) == -1)
		goto no;
	if (sep == '-' && sl > 1 && hyphen_at(sc) == sl)
		sc->i += sl;
	else if (peek(sc, 0) == sep && sl == 1)
		sc->i++;
	else
		goto no;
	if (read_field(sc, &f[2]) == -1)
		goto no;
	/* "1/2/23" with slashes only; "1.2.3" or "10-20-30" are not. */
	if (sep == '/' && f[0].len <= 2 && f[1].len <= 2 && f[2].len == 2 &&
	    f[0].numeric && f[1].numeric && f[2].numeric &&
	    !isalnum(peek(sc, 0)) && peek(sc, 0) != '/')
		yy = 1;
	/* "11/03/202": a year of three digits is a typo, not a year. */
	if (f[0].len <= 2 && f[1].len <= 2 && f[2].len == 3 &&
	    f[2].numeric && f[0].numeric && f[1].numeric) {
		e->has_date = 1;
		seterr(sc, ERR_DATE);
		return 1;
	}
	if (f[0].len < 4 && f[2].len < 4 && !yy)
		goto no;
	if (f[0].len < 4 && f[2].len >= 4 && sep == '.' &&
	    peek(sc, 0) == '.')
		goto no;
	if (f[1].len > 2 || (f[0].len < 4 && f[0].len > 2) ||
	    (f[0].len >= 4 && f[2].len > 2))
		goto no;
	for (k = 0; k < 3; k++)
		if (!f[k].numeric) {
			field_err(sc, &f[k]);
			bad = 1;
		}
	if ((f[0].len >= 5 && f[0].numeric) || (f[2].len >= 5 &&
	    f[2].numeric)) {
		seterr(sc, ERR_YEAR5);
		bad = 1;
	}
	e->has_date = 1;
	if (bad)
		return 1;
	if (f[0].len == 4) {
		e->y = f[0].val;
		e->m = (unsigned)f[1].val;
		e->d = (unsigned)f[2].val;
	} else {
		a = f[0].val;
		b = f[1].val;
		e->y = yy ? 2000 + f[2].val : f[2].val;
		/*
		 * A number above 12 is the day, whatever the habit; two
		 * numbers up to 12 need the configuration or the file.  An
		 * impossible reading is never chosen over a possible one.
		 */
		if (a > 12 && b <= 12)
			dayfirst = 1;
		else if (b > 12 && a <= 12)
			dayfirst = 0;
		else if (a == b)
			dayfirst = 1;
		else if (a > 12 && b > 12) {
			seterr(sc, ERR_DATE);
			return 1;
		} else if ((dayfirst = day_first(sc, sep)) == -1)
			return 1;
		if (sc->order == PM_DATE_DMY && !dayfirst) {
			seterr(sc, ERR_DATE);
			return 1;
		}
		if (sc->order == PM_DATE_MDY && dayfirst && a != b) {
			seterr(sc, ERR_DATE);
			return 1;
		}
		e->d = (unsigned)(dayfirst ? a : b);
		e->m = (unsigned)(dayfirst ? b : a);
	}
	if (!pm_date_valid(e->y, e->m, e->d))
		seterr(sc, ERR_DATE);
	return 1;
no:
	sc->i = start;
	return 0;
}

/* A day of the month: one or two digits ("1st": not the field "1s"). */
static int
read_day_num(struct scan *sc, struct field *f)
{
	memset(f, 0, sizeof(*f));
	f->off = sc->i;
	f->numeric = 1;
	while (f->len < 3 && isdigit(peek(sc, 0))) {
		f->val = f->val * 10 + (peek(sc, 0) - '0');
		f->len++;
		sc->i++;
	}
	if (f->len == 0 || f->len > 2) {
		sc->i = f->off;
		return -1;
	}
	return 0;
}

/* Skip an ordinal suffix after a day number ("1st", "22nd"). */
static void
skip_ordinal(struct scan *sc)
{
	if (atword(sc, "st") || atword(sc, "nd") || atword(sc, "rd") ||
	    atword(sc, "th"))
		sc->i += 2;
}

/*
 * "Oct 24, 2024", "October 24 2024", "Nov. 13, 2017", "January 23rd,
 * 2019", "24 Oct 2024", "6th Nov 2023"; without a year ("Jan 14",
 * "Oct 31st", "6 Nov") when the month is capitalised, the year then
 * coming from the context.  "24. Oktober" is not read.  Returns 1 when
 * read, 0 otherwise (position restored).
 */
static int
read_namedate(struct scan *sc, struct expr *e)
{
	struct field	 fd, fy;
	size_t		 start = sc->i, mstart, save;
	int		 mon, cap;

	mstart = sc->i;
	if ((mon = read_name(sc, months, 12)) > 0) {
		cap = isupper((unsigned char)sc->s[mstart]);
		if (skip_ws(sc) == 0 || read_day_num(sc, &fd) == -1)
			goto no;
		skip_ordinal(sc);
	} else {
		if (read_day_num(sc, &fd) == -1)
			goto no;
		skip_ordinal(sc);
		if (peek(sc, 0) == '.')
			sc->i++;
		if (skip_ws(sc) == 0)
			goto no;
		mstart = sc->i;
		if ((mon = read_name(sc, months, 12)) == 0)
			goto no;
		cap = isupper((unsigned char)sc->s[mstart]);
	}
	/* The year: ", 2024", " 2024"; else none. */
	save = sc->i;
	if (peek(sc, 0) == ',')
		sc->i++;
	if (skip_ws(sc) == 0 || read_field(sc, &fy) == -1 || fy.len < 4 ||
	    (sc->i < sc->len && isalpha(peek(sc, 0)) &&
	    !atword(sc, "at"))) {
		/* "Oct 31", "Jan 14, 10:18 AM": no year written. */
		sc->i = save;
		if (!cap || (sc->i < sc->len && isalnum(peek(sc, 0))))
			goto no;
		e->has_date = 1;
		e->no_year = 1;
		e->m = (unsigned)mon;
		e->d = (unsigned)fd.val;
		if (fd.val < 1 || fd.val > 31 || !pm_date_valid(2000,
		    e->m, e->d))
			seterr(sc, ERR_DATE);
		return 1;
	}
	e->has_date = 1;
	if (!fy.numeric) {
		field_err(sc, &fy);
		return 1;
	}
	if (fy.len > 4) {
		seterr(sc, ERR_YEAR5);
		return 1;
	}
	e->y = fy.val;
	e->m = (unsigned)mon;
	e->d = (unsigned)fd.val;
	if (!pm_date_valid(e->y, e->m, e->d))
		seterr(sc, ERR_DATE);
	return 1;
no:
	sc->i = start;
	return 0;
}

static int
read_date(struct scan *sc, struct expr *e)
{
	return read_numdate(sc, e) || read_namedate(sc, e);
}

/* am/pm at the position ("PM", "pm", "p.m.", " a.m"): 0 am, 1 pm, -1. */
static int
read_ampm(struct scan *sc)
{
	size_t	 save = sc->i;
	int	 pm;

	skip_ws(sc);
	if (atword(sc, "am") || atword(sc, "a.m.") || atword(sc, "a.m"))
		pm = 0;
	else if (atword(sc, "pm") || atword(sc, "p.m.") || atword(sc, "p.m"))
		pm = 1;
	else {
		sc->i = save;
		return -1;
	}
	sc->i += 2;
	if (peek(sc, 0) == '.')
		sc->i++;
	if (peek(sc, 0) == 'm' || peek(sc, 0) == 'M')
		sc->i++;
	if (peek(sc, 0) == '.')
		sc->i++;
	return pm;
}

/*
 * Clock: H:MM, HH:MM:SS, optional fraction, optional am/pm; "2pm" (an
 * hour with am/pm); "1250" only where compact is set (after a date).
 * "13:06 PM" is 13:06 (a 24-hour time with a stray PM), "13:06 AM" an
 * error.  Returns 1 when read (value or error recorded), 0 otherwise
 * (restored).
 */
static int
read_clock_x(struct scan *sc, struct expr *e, int compact)
{
	struct field	 fh, fm, fs;
	size_t		 start = sc->i, save;
	int		 bad = 0, has_s = 0, h, pm = -1;

	if (read_field(sc, &fh) == -1)
		goto no;
	if (fh.numeric && fh.len <= 2 && peek(sc, 0) == '.' &&
	    isdigit(peek(sc, 1)) && isdigit(peek(sc, 2)) &&
	    !isdigit(peek(sc, 3)) && !(peek(sc, 3) == '.' &&
	    isdigit(peek(sc, 4)))) {
		/* "2022-03-10 11.50", "3.30pm": the British dot, after a
		 * date or before am/pm only ("version 1.50" is no time). */
		save = sc->i;
		sc->i += 3;
		h = (int)fh.val;
		pm = read_ampm(sc);
		if ((!compact && pm == -1) || isalnum(peek(sc, 0))) {
			sc->i = save;
			goto no;
		}
		if (pm >= 0 && (h < 1 || (h > 12 && (pm == 0 || h > 23)))) {
			seterr(sc, ERR_CLOCK);
			return 1;
		}
		if (pm >= 0 && h <= 12)
			h = h % 12 + (pm ? 12 : 0);
		bad = (sc->s[save + 1] - '0') * 10 + (sc->s[save + 2] - '0');
		if (h > 23 || bad > 59 || peek(sc, 0) == '%') {
			/* "99.95% of requests": not a clock at all */
			sc->i = save;
			goto no;
		}
		e->has_clock = 1;
		e->secs = h * 3600 + bad * 60;
		return 1;
	}
	if (fh.numeric && fh.len <= 2 && peek(sc, 0) != ':') {
		/* "2pm", "11 am" */
		if ((pm = read_ampm(sc)) == -1 || fh.val < 1 || fh.val > 12 ||
		    isalnum(peek(sc, 0)))
			goto no;
		e->has_clock = 1;
		e->secs = (int)(fh.val % 12 + (pm ? 12 : 0)) * 3600;
		return 1;
	}
	if (compact && fh.numeric && fh.len == 4 && !isalnum(peek(sc, 0)) &&
	    peek(sc, 0) != ':') {
		/* "2018-08-10 1250 UTC" */
		if (fh.val / 100 > 23 || fh.val % 100 > 59)
			goto no;
		e->has_clock = 1;
		e->secs = (int)(fh.val / 100) * 3600 + (int)(fh.val % 100) * 60;
		return 1;
	}
	if (fh.len > 2 || peek(sc, 0) != ':')
		goto no;
	sc->i++;
	if (read_field(sc, &fm) == -1 || fm.len != 2)
		goto no;
	/* "10:00h": a German habit, the h is not part of the minutes. */
	if (!fm.numeric && isdigit((unsigned char)sc->s[fm.off]) &&
	    (sc->s[fm.off + 1] == 'h' || sc->s[fm.off + 1] == 'H'))
		goto no;
	save = sc->i;
	if (peek(sc, 0) == ':' && isfieldc(peek(sc, 1))) {
		sc->i++;
		if (read_field(sc, &fs) == 0 && fs.len == 2)
			has_s = 1;
		else
			sc->i = save;
	}
	if (!fh.numeric) {
		field_err(sc, &fh);
		bad = 1;
	}
	if (!fm.numeric) {
		field_err(sc, &fm);
		bad = 1;
	}
	if (has_s && !fs.numeric) {
		field_err(sc, &fs);
		bad = 1;
	}
	if (has_s && (peek(sc, 0) == '.' || peek(sc, 0) == ',') &&
	    isdigit(peek(sc, 1))) {
		sc->i++;
		while (isdigit(peek(sc, 0)))
			sc->i++;
	}
	e->has_clock = 1;
	e->has_seconds = has_s;
	if (bad)
		return 1;
	pm = read_ampm(sc);
	h = (int)fh.val;
	if (pm >= 0) {
		if (h < 1 || (h > 12 && (pm == 0 || h > 23))) {
			seterr(sc, ERR_CLOCK);
			return 1;
		}
		if (h <= 12)
			h = h % 12 + (pm ? 12 : 0);
	}
	if (h > 24 || fm.val > 59 || (has_s && fs.val > 60) ||
	    (h == 24 && (fm.val != 0 || (has_s && fs.val != 0)))) {
		seterr(sc, ERR_CLOCK);
		return 1;
	}
	e->secs = h * 3600 + (int)fm.val * 60 +
	    (has_s ? (int)(fs.val == 60 ? 59 : fs.val) : 0);
	return 1;
no:
	sc->i = start;
	return 0;
}

static int
read_clock(struct scan *sc, struct expr *e)
{
	return read_clock_x(sc, e, 0);
}

/* Approximate markers before the time: "~", "～", "≈", "ca.", "approx." */
static int
read_approx_prefix(struct scan *sc)
{
	int	 c = tolower(peek(sc, 0));

	/* Most text starts with none of these: stay cheap. */
	if (c != '~' && c != 0xef && c != 0xe2 && c != 'c' && c != 'a')
		return 0;
	if (at(sc, "~")) {
		sc->i += 1;
	} else if (at(sc, "\xef\xbd\x9e") || at(sc, "\xe2\x89\x88")) {
		sc->i += 3;
	} else if (atword(sc, "ca.") || atword(sc, "approx.") ||
	    atword(sc, "approx") || atword(sc, "about") ||
	    atword(sc, "around") || atword(sc, "circa") || atword(sc, "ca")) {
		while (isalpha(peek(sc, 0)))
			sc->i++;
		if (peek(sc, 0) == '.')
			sc->i++;
		if (skip_ws(sc) == 0 && !isdigit(peek(sc, 0)))
			return 0;
	} else
		return 0;
	skip_ws(sc);
	return 1;
}

/* Approximate markers after the time; returns 1 if one was read. */
static int
read_approx_suffix(struct scan *sc)
{
	size_t	 save = sc->i;
	int	 paren = 0;

	if (at(sc, "~") && !isdigit(peek(sc, 1))) {
		sc->i++;
		return 1;
	}
	if (at(sc, "\xef\xbd\x9e") || at(sc, "\xe9\xa0\x83")) {
		/* "～" not followed by a time (a range), "頃" */
		sc->i += 3;
		return 1;
	}
	if (at(sc, "?") && !isfieldc(peek(sc, 1))) {
		sc->i++;
		return 1;
	}
	skip_ws(sc);
	if (at(sc, "(")) {
		paren = 1;
		sc->i++;
		skip_ws(sc);
	}
	if (atword(sc, "approx.") || atword(sc, "approx") ||
	    atword(sc, "approximately") || atword(sc, "est.") ||
	    atword(sc, "estimated") || atword(sc, "ca.") || atword(sc, "ish")) {
		while (isalpha(peek(sc, 0)))
			sc->i++;
		if (peek(sc, 0) == '.')
			sc->i++;
		skip_ws(sc);
		if (paren) {
			if (!at(sc, ")"))
				goto no;
			sc->i++;
		}
		return 1;
	}
no:
	sc->i = save;
	return 0;
}

/* The zones: table of the configuration, if any. */
static int
zlookup(const struct scan *sc, struct pm_tz *z, const char *name,
    size_t len)
{
	const struct pm_config	*cfg = sc->ctx != NULL ? sc->ctx->cfg : NULL;

	return pm_tz_lookup(z, name, len, cfg != NULL ? cfg->zones : NULL,
	    cfg != NULL ? cfg->nzones : 0);
}

/*
 * A zone after the time: "Z", "+02:00", "-0500", "UTC", "CET",
 * "UTC+2", "(PST)", "PT", "US/Pacific".  Only upper-case names, so
 * that event text ("10:00 API down") is not taken for a zone.  Returns
 * 1 and sets the zone when read (an ambiguous abbreviation is read
 * with its error), -1 for an upper-case word that is not a zone and
 * stands alone (parse mode reports it), 0 otherwise (restored).
 */
static int
read_zone(struct scan *sc, struct expr *e, int attached_only)
{
	size_t	 start = sc->i, zs, j;
	int	 paren = 0, rc;

	if (!attached_only)
		skip_ws(sc);
	if (at(sc, "(") && !attached_only) {
		paren = 1;
		sc->i++;
	}
	zs = sc->i;
	if (peek(sc, 0) == '+' || peek(sc, 0) == '-' ||
	    (peek(sc, 0) == '\xe2' && at(sc, "\xe2\x88\x92"))) {
		j = sc->i + 1;
		while (j < sc->len && (isdigit((unsigned char)sc->s[j]) ||
		    sc->s[j] == ':') && j - sc->i < 6)
			j++;
		if (j - sc->i < 3)
			goto no;
		sc->i = j;
	} else if (isupper(peek(sc, 0))) {
		j = sc->i;
		while (j < sc->len && isupper((unsigned char)sc->s[j]))
			j++;
		if (j < sc->len && sc->s[j] == '/' && !attached_only) {
			/* "US/Pacific", "Europe/Zurich" */
			j = sc->i;
			while (j < sc->len && (isalnum((unsigned char)
			    sc->s[j]) || sc->s[j] == '/' || sc->s[j] == '_'))
				j++;
			if (zlookup(sc, &e->zone, sc->s + sc->i, j - sc->i)
			    != 0)
				goto no;
			sc->i = j;
			goto found;
		}
		if (j - sc->i > 5 || (j < sc->len &&
		    isalpha((unsigned char)sc->s[j])))
			goto no;
		if (j < sc->len && (sc->s[j] == '+' || sc->s[j] == '-') &&
		    j + 1 < sc->len && isdigit((unsigned char)sc->s[j + 1])) {
			j++;
			while (j < sc->len && (isdigit((unsigned char)
			    sc->s[j]) || sc->s[j] == ':') && j - sc->i < 10)
				j++;
		}
		sc->i = j;
	} else
		goto no;
	/* "CET/CEST": not one zone. */
	if (peek(sc, 0) == '/')
		goto no;
	rc = zlookup(sc, &e->zone, sc->s + zs, sc->i - zs);
	if (rc == PM_TZ_AMBIGUOUS)
		seterr(sc, ERR_ZONE_AMBIGUOUS);
	else if (rc != 0) {
		if (isupper((unsigned char)sc->s[zs]) && !paren) {
			sc->i = start;
			return -1;
		}
		goto no;
	}
found:
	if (paren) {
		skip_ws(sc);
		if (!at(sc, ")"))
			goto no;
		sc->i++;
	}
	e->has_zone = 1;
	e->zone_at = zs;
	e->zone_len = sc->i - zs - (size_t)paren;
	while (e->zone_len > 0 && (sc->s[zs + e->zone_len - 1] == ')' ||
	    sc->s[zs + e->zone_len - 1] == ' '))
		e->zone_len--;
	return 1;
no:
	sc->i = start;
	memset(&e->zone, 0, sizeof(e->zone));
	return 0;
}

/*
 * The end of a range: "- 11:00", "– 2020-10-07 01:00", "to 11:00",
 * "~11:00".  The end is checked but not kept.  Returns 1 when read.
 */
static int
read_range(struct scan *sc, const struct expr *e)
{
	struct expr	 r;
	size_t		 start = sc->i;
	const char	*err = sc->error;

	skip_ws(sc);
	if (at(sc, "-") || at(sc, "~"))
		sc->i++;
	else if (at(sc, "\xe2\x80\x93") || at(sc, "\xe2\x80\x94") ||
	    at(sc, "\xef\xbd\x9e"))
		sc->i += 3;
	else if (atword(sc, "to") || atword(sc, "until"))
		while (isalpha(peek(sc, 0)))
			sc->i++;
	else
		goto no;
	skip_ws(sc);
	memset(&r, 0, sizeof(r));
	if (read_date(sc, &r)) {
		if (!r.has_date || !(skip_ws(sc) || at(sc, "T") ||
		    at(sc, ",")))
			goto no;
		if (at(sc, "T") || at(sc, ","))
			sc->i++;
		skip_ws(sc);
		if (!read_clock(sc, &r))
			goto no;
	} else if (!read_clock(sc, &r) || !e->has_clock)
		goto no;
	return 1;
no:
	sc->i = start;
	sc->error = err;
	return 0;
}

/* Whole-cell words that mean "not filled in". */
static int
read_placeholder_word(struct scan *sc)
{
	static const char *const words[] = {
		"??", "?", "TBD", "TBC", "TODO", "N/A", "XX", "unknown",
		"HH", "hh"
	};
	size_t	 k, n;

	if (strchr("?TtNnXxUuHh", peek(sc, 0)) == NULL || peek(sc, 0) == '\0')
		return 0;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		n = strlen(words[k]);
		if (sc->len - sc->i >= n &&
		    strncasecmp(sc->s + sc->i, words[k], n) == 0 &&
		    (sc->i + n == sc->len ||
		    !isalnum((unsigned char)sc->s[sc->i + n])) &&
		    (words[k][0] != '?' || sc->i + n == sc->len ||
		    sc->s[sc->i + n] != '?')) {
			sc->i += n;
			seterr(sc, k == 0 || k == 1 || k == 7 ?
			    ERR_UNKNOWN : ERR_PLACEHOLDER);
			return 1;
		}
	}
	return 0;
}

/* Skip a weekday name and a comma: "Saturday ", "Wed, ". */
static void
skip_weekday(struct scan *sc)
{
	size_t	 save = sc->i;

	if (read_name(sc, weekdays, 7) == 0)
		return;
	if (peek(sc, 0) == ',')
		sc->i++;
	if (skip_ws(sc) == 0 || !isalnum(peek(sc, 0)))
		sc->i = save;
}

/*
 * The clock after a date: "T09:12", " 09:12", ", 10:00 AM", " at
 * 4:32PM", ": 7:56am", " ca. 18:30", " 1250".  Returns 1 if read.
 */
static int
clock_after_date(struct scan *sc, struct expr *e)
{
	size_t	 save = sc->i;

	if (peek(sc, 0) == 'T' && isfieldc(peek(sc, 1))) {
		sc->i++;
		if (read_clock(sc, e)) {
			e->tform = 1;
			return 1;
		}
		sc->i = save;
		return 0;
	}
	if (peek(sc, 0) == ',' || (peek(sc, 0) == ':' && (peek(sc, 1) == ' ' ||
	    peek(sc, 1) == '\t')))
		sc->i++;
	if (skip_ws(sc) == 0 && sc->i == save)
		goto no;
	if (atword(sc, "at")) {
		sc->i += 2;
		skip_ws(sc);
	}
	if (read_approx_prefix(sc))
		e->approx = 1;
	if (read_clock_x(sc, e, 1))
		return 1;
no:
	sc->i = save;
	return 0;
}

/*
 * The date after a clock: "11:10 6th Nov 2023", "12:45 PM PST Saturday
 * Oct 30th", "~19:00 UTC Monday Aug 27", "10:00, 2024-03-03".  Returns
 * 1 if read.
 */
static int
date_after_clock(struct scan *sc, struct expr *e)
{
	size_t	 save = sc->i;
	struct expr	 d;
	const char	*err = sc->error;

	if (peek(sc, 0) == ',')
		sc->i++;
	if (skip_ws(sc) == 0)
		goto no;
	if (atword(sc, "on")) {
		sc->i += 2;
		skip_ws(sc);
	}
	skip_weekday(sc);
	memset(&d, 0, sizeof(d));
	if (!read_date(sc, &d))
		goto no;
	if (sc->i < sc->len && isalnum(peek(sc, 0)))
		goto no;
	e->has_date = 1;
	e->no_year = d.no_year;
	e->y = d.y;
	e->m = d.m;
	e->d = d.d;
	return 1;
no:
	sc->i = save;
	sc->error = err;
	return 0;
}

/*
 * Read one expression from the position.  Returns 1 when something
 * that is (or is meant as) a time was read, with e filled and
 * sc->error set for a bad one; 0 when the text does not start with a
 * time.
 */
static int
read_expr(struct scan *sc, struct expr *e, int prefix)
{
	int	 z, clock_first = 0, by = 0;
	size_t	 start = sc->i;

	memset(e, 0, sizeof(*e));
	/* "At 14:02, the alert fired", "By 14:45, errors stopped" (no
	 * later than: approximate): prose timelines. */
	if ((atword(sc, "at") || (by = atword(sc, "by"))) &&
	    (peek(sc, 2) == ' ' || peek(sc, 2) == '\t') && isdigit(peek(sc, 3)))
		sc->i += 3;
	else
		by = 0;
	if (read_approx_prefix(sc))
		e->approx = 1;
	/* "Wednesday, 2018-08-22": the weekday adds nothing. */
	skip_weekday(sc);
	if (read_date(sc, e))
		(void)clock_after_date(sc, e);
	else if (read_clock(sc, e))
		clock_first = 1;
	else if (sc->i != start && !e->approx) {
		sc->i = start;
		return 0;
	} else {
		if (e->approx || read_placeholder_word(sc))
			return sc->error != NULL || e->approx ?
			    (seterr(sc, ERR_UNREADABLE), 1) : 0;
		return 0;
	}
	/* RFC 3339 offsets are attached to a "T" time with seconds. */
	if ((e->tform || e->has_seconds) && (peek(sc, 0) == '+' ||
	    peek(sc, 0) == '-' || peek(sc, 0) == 'Z')) {
		if (peek(sc, 0) == 'Z') {
			e->has_zone = 1;
			e->zone.kind = PM_TZ_FIXED;
			e->zone_at = sc->i;
			e->zone_len = 1;
			sc->i++;
		} else
			read_zone(sc, e, 1);
	}
	if (by)
		e->approx = 1;
	if (read_approx_suffix(sc))
		e->approx = 1;
	if (e->has_clock || e->has_date)
		(void)read_range(sc, e);
	if (!e->has_zone) {
		z = read_zone(sc, e, 0);
		if (z == -1 && !prefix && !clock_first) {
			skip_ws(sc);
			while (isupper(peek(sc, 0)))
				sc->i++;
			seterr(sc, ERR_ZONE);
		}
	}
	if (read_approx_suffix(sc))
		e->approx = 1;
	if (clock_first && date_after_clock(sc, e)) {
		if (read_approx_suffix(sc))
			e->approx = 1;
	}
	if (!e->has_zone && !prefix) {
		z = read_zone(sc, e, 0);
		if (z == -1) {
			skip_ws(sc);
			while (isupper(peek(sc, 0)))
				sc->i++;
			seterr(sc, ERR_ZONE);
		}
	}
	return 1;
}

/* Skip Markdown emphasis or code marks at the position. */
static size_t
skip_marks(struct scan *sc)
{
	size_t	 start = sc->i;

	while (peek(sc, 0) == '*' || peek(sc, 0) == '_' || peek(sc, 0) == '`')
		sc->i++;
	return sc->i - start;
}

/*
 * The year of a date written without one: the year that puts it
 * nearest the base day (a timeline of Dec 31 and Jan 1 crosses the
 * year).  Returns 0, or -1 with no base.
 */
static int
fill_year(struct expr *e, const struct pm_ttime_ctx *ctx)
{
	int64_t		 by, y, best = 0, d, bd = -1;
	unsigned	 bm, bdd;

	if (ctx != NULL && ctx->year != 0) {
		e->y = ctx->year;
		return 0;
	}
	if (ctx == NULL || !ctx->has_base)
		return -1;
	pm_civil_from_days(ctx->base_day, &by, &bm, &bdd);
	for (y = by - 1; y <= by + 1; y++) {
		if (!pm_date_valid(y, e->m, e->d))
			continue;
		d = pm_days_from_civil(y, e->m, e->d) - ctx->base_day;
		if (d < 0)
			d = -d;
		if (bd == -1 || d < bd) {
			bd = d;
			best = y;
		}
	}
	if (bd == -1 || bd > 200)
		return -1;
	e->y = best;
	return 0;
}

int
pm_ttime_parse(struct pm_ttime *out, const char *s, size_t len,
    const struct pm_ttime_ctx *ctx)
{
	struct scan	 sc;
	struct expr	 e;
	int64_t		 day = 0, base = 0, local;

	memset(out, 0, sizeof(*out));
	memset(&sc, 0, sizeof(sc));
	/* Trim blanks and Markdown marks at both ends ("**10:45**"). */
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '*' || s[len - 1] == '_' || s[len - 1] == '`' ||
	    s[len - 1] == ']'))
		len--;
	sc.s = s;
	sc.len = len;
	sc.order = ctx != NULL ? ctx->order : PM_DATE_YMD;
	sc.ctx = ctx;
	skip_ws(&sc);
	if (at(&sc, "["))
		sc.i++;
	skip_marks(&sc);
	skip_ws(&sc);
	if (sc.i == sc.len) {
		out->error = ERR_EMPTY;
		return -1;
	}
	if (!read_expr(&sc, &e, 0)) {
		out->error = ERR_UNREADABLE;
		return -1;
	}
	skip_ws(&sc);
	if (sc.error == NULL && sc.i != sc.len)
		sc.error = ERR_UNREADABLE;
	out->approx = e.approx;
	out->has_date = e.has_date;
	out->date_only = e.has_date && !e.has_clock;
	out->no_year = e.no_year;
	if (e.has_zone) {
		out->has_zone = 1;
		if (e.zone_len >= sizeof(out->zone))
			e.zone_len = sizeof(out->zone) - 1;
		memcpy(out->zone, s + e.zone_at, e.zone_len);
		out->zone[e.zone_len] = '\0';
	}
	if (sc.error == NULL && e.no_year && fill_year(&e, ctx) == -1)
		sc.error = ERR_NO_YEAR;
	if (sc.error == NULL && e.no_year && !pm_date_valid(e.y, e.m, e.d))
		sc.error = ERR_DATE;
	if (sc.error == NULL && !e.has_zone && !(e.has_date &&
	    !e.has_clock) && ctx != NULL && ctx->zone_error != NULL)
		sc.error = ctx->zone_error;
	if (sc.error != NULL) {
		out->error = sc.error;
		return -1;
	}
	if (e.has_date) {
		day = pm_days_from_civil(e.y, e.m, e.d);
		out->day = day;
		base = day;
	} else if (ctx != NULL && ctx->has_base) {
		out->day = ctx->base_day;
		base = ctx->base_day;
	}
	if (out->date_only)
		out->t = day * PM_DAY;
	else {
		local = base * PM_DAY + e.secs;
		if (e.has_zone) {
			if (pm_tz_to_utc(&e.zone, local, &out->t) == -1) {
				out->error = ERR_DST;
				return -1;
			}
		} else if (ctx != NULL && ctx->zone != NULL &&
		    ctx->zone->kind != PM_TZ_NONE) {
			if (pm_tz_to_utc(ctx->zone, local, &out->t) == -1) {
				out->error = ERR_DST;
				return -1;
			}
		} else
			out->t = local - (ctx != NULL ? ctx->zone_offset : 0);
	}
	out->ok = 1;
	return 0;
}

/* A separator between a time and its event: "-", ":", ":::::", "|",
 * "->", "=>", "–", "—", "→", ")" ... (a run of one). */
static int
read_sep(struct scan *sc)
{
	int	 c = peek(sc, 0);

	if (c == '-' || c == ':' || c == '|' || c == ',' || c == '>' ||
	    c == '=' || c == ';') {
		while (peek(sc, 0) == c)
			sc->i++;
		if (at(sc, ">"))
			sc->i++;
		return 1;
	}
	if (at(sc, "\xe2\x80\x93") || at(sc, "\xe2\x80\x94") ||
	    at(sc, "\xe2\x86\x92")) {
		sc->i += 3;
		return 1;
	}
	return 0;
}

size_t
pm_ttime_prefix(const char *s, size_t len, size_t *rest)
{
	struct scan	 sc;
	struct expr	 e;
	size_t		 end, save;
	int		 bracket = 0;

	memset(&sc, 0, sizeof(sc));
	sc.s = s;
	sc.len = len;
	sc.order = PM_DATE_YMD;
	skip_ws(&sc);
	if (at(&sc, "[") || at(&sc, "(")) {
		bracket = sc.s[sc.i];
		sc.i++;
	}
	skip_marks(&sc);
	if (!read_expr(&sc, &e, 1))
		return 0;
	end = sc.i;
	/* The time must end at a separator, not inside a word. */
	if (sc.i < sc.len && isalnum(peek(&sc, 0)))
		return 0;
	skip_marks(&sc);
	if (bracket != 0) {
		if (!at(&sc, bracket == '[' ? "]" : ")"))
			return 0;
		sc.i++;
	}
	skip_marks(&sc);
	save = sc.i;
	skip_ws(&sc);
	(void)read_sep(&sc);
	skip_marks(&sc);
	skip_ws(&sc);
	/* "09:15:04 UTC an edit was made": a blank is separator enough
	 * after a time, not inside "10.5"-like text. */
	if (sc.i == save && sc.i < sc.len)
		return 0;
	if (rest != NULL)
		*rest = sc.i;
	return end;
}

/*
 * Words after which a zone names the timeline's zone: "times in CET",
 * "Time (UTC)", "timezone: PST", "all times are UTC", "todas las
 * horas en UTC".
 */
static int
zone_context(const char *w, size_t n)
{
	static const char *const keys[] = {
		"time", "times", "timeline", "timezone", "zone", "tz",
		"timestamps",
		"timestamp", "hours", "clock", "hora", "horas", "horario",
		"zona", "heure", "heures", "zeit", "zeiten", "uhrzeit"
	};
	size_t	 k;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if (n == strlen(keys[k]) && strncasecmp(w, keys[k], n) == 0)
			return 1;
	return 0;
}

/*
 * The same in scripts written without spaces: the length of the key
 * word at s ("時刻はすべてUTC", "所有时间均为 UTC", "모든 시간은 UTC"),
 * or 0.
 */
static size_t
zone_context_cjk(const char *s, size_t len)
{
	static const char *const keys[] = {
		"時刻", "時間", "時間帯", "タイムゾーン", "时间", "时区",
		"時區", "시간", "시각", "시간대"
	};
	size_t	 k, n;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		n = strlen(keys[k]);
		if (n <= len && memcmp(s, keys[k], n) == 0)
			return n;
	}
	return 0;
}

/* Length of an opening parenthesis at s[i]: "(" or "（" (U+FF08). */
static size_t
paren_open(const char *s, size_t len, size_t i)
{
	if (i < len && s[i] == '(')
		return 1;
	if (i + 3 <= len && memcmp(s + i, "\xef\xbc\x88", 3) == 0)
		return 3;
	return 0;
}

/* 1 if the word [ws, we) is alone in parentheses: "(UTC)", "（JST）". */
static int
in_parens(const char *s, size_t len, size_t ws, size_t we)
{
	size_t	 i;

	for (i = ws; i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'); i--)
		continue;
	if (!(i >= 1 && s[i - 1] == '(') &&
	    !(i >= 3 && paren_open(s, len, i - 3) == 3))
		return 0;
	for (i = we; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		continue;
	return (i < len && s[i] == ')') ||
	    (i + 3 <= len && memcmp(s + i, "\xef\xbc\x89", 3) == 0);
}

/* The word w (wl bytes) is lit, ignoring case. */
static int
wieq(const char *w, size_t wl, const char *lit)
{
	return strlen(lit) == wl && strncasecmp(w, lit, wl) == 0;
}

/* Copy the zone word into name (truncated to namesz). */
static void
zone_name(char *name, size_t namesz, const char *w, size_t wl)
{
	size_t	 c;

	if (namesz == 0)
		return;
	c = wl < namesz - 1 ? wl : namesz - 1;
	memcpy(name, w, c);
	name[c] = '\0';
}

/*
 * 1 if the word w (wl bytes) is a zone: an upper-case abbreviation, an
 * offset ("UTC+1", "GMT+2", "+02:00") or a region ("US/Pacific");
 * PM_TZ_AMBIGUOUS for an ambiguous abbreviation, 0 otherwise.
 */
static int
zone_word(const char *w, size_t wl, struct pm_tz *z,
    const struct pm_config *cfg)
{
	size_t	 k;
	int	 rc;

	if (memchr(w, '/', wl) != NULL) {
		/* "Europe/Berlin"; not "CET/CEST" (see decl_pair). */
		if (!isupper((unsigned char)w[0]) || !islower((unsigned char)
		    w[wl - 1]))
			return 0;
	} else if (w[0] != '+' && w[0] != '-') {
		for (k = 0; k < wl && isalpha((unsigned char)w[k]); k++)
			if (!isupper((unsigned char)w[k]))
				return 0;	/* "Times", "Berlin" */
		if (k == 0)
			return 0;
	}
	rc = pm_tz_lookup(z, w, wl, cfg != NULL ? cfg->zones : NULL,
	    cfg != NULL ? cfg->nzones : 0);
	if (rc == PM_TZ_AMBIGUOUS)
		return PM_TZ_AMBIGUOUS;
	return rc == 0;
}

/* Standard/daylight pairs written for a region: "CET/CEST". */
static const struct {
	const char	*pair;
	const char	*region;
} pairs[] = {
	{ "CET/CEST", "Europe/Paris" }, { "GMT/BST", "Europe/London" },
	{ "PST/PDT", "America/Los_Angeles" }, { "EST/EDT", "America/New_York" },
	{ "CST/CDT", "America/Chicago" }, { "MST/MDT", "America/Denver" },
	{ "EET/EEST", "Europe/Helsinki" }, { "AEST/AEDT", "Australia/Sydney" },
};

static int
decl_pair(const char *w, size_t wl, struct pm_tz *z)
{
	size_t	 k;

	for (k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++)
		if (strlen(pairs[k].pair) == wl &&
		    strncasecmp(pairs[k].pair, w, wl) == 0)
			return pm_tz_lookup(z, pairs[k].region,
			    strlen(pairs[k].region), NULL, 0) == 0;
	return 0;
}

/*
 * Zones written as words, "Pacific Time", "Eastern time": the region
 * (with its daylight saving time).  A capitalised word before "time"
 * that is not one of them ("Atlantis Time"; not "This time"), and
 * "local time" or "server time", are meant as a zone too, but not
 * known.
 * Returns 1 and sets *z, -1 for a word meant as a zone but unknown, 0
 * for none; *wl2 is the length of the phrase from w.
 */
static int
spoken_zone(const char *s, size_t len, size_t ws, size_t wl,
    struct pm_tz *z, size_t *wl2, const struct pm_config *cfg)
{
	static const struct {
		const char	*word;
		const char	*region;
	} names[] = {
		{ "Pacific", "America/Los_Angeles" },
		{ "Eastern", "America/New_York" },
		{ "Central", "America/Chicago" },
		{ "Mountain", "America/Denver" },
		{ "UK", "Europe/London" },
		{ "London", "Europe/London" },
	};
	static const char *const words[] = {
		"Real", "This", "That", "The", "Each", "Every", "Any", "Same",
		"Next", "Last", "First", "Some", "Response", "Down", "Total",
		"Recovery", "Detection", "Resolution", "Lead", "Wait",
	};
	size_t	 k, t = ws + wl;
	int	 local = wieq(s + ws, wl, "local") || wieq(s + ws, wl, "server");

	if (wl < 2 || (!isupper((unsigned char)s[ws]) && !local))
		return 0;
	while (t < len && s[t] == ' ')
		t++;
	if (t == ws + wl || len - t < 4 || strncasecmp(s + t, "time", 4) != 0 ||
	    (t + 4 < len && isalpha((unsigned char)s[t + 4]) &&
	    strncasecmp(s + t, "timezone", 8) != 0))
		return 0;
	*wl2 = t + 4 - ws;
	/* zones: in the configuration says what "local time" means. */
	if (cfg != NULL && pm_tz_lookup(z, s + ws, *wl2, cfg->zones,
	    cfg->nzones) == 0)
		return 1;
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (wieq(s + ws, wl, names[k].word))
			return pm_tz_lookup(z, names[k].region,
			    strlen(names[k].region), NULL, 0) == 0 ? 1 : -1;
	/* "Response time", "Total time": words, not a zone; "local time"
	 * is one, but whose? */
	if (!local)
		for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
			if (wieq(s + ws, wl, words[k]))
				return 0;
	return -1;
}

/* A word after "times in" that is meant as a zone but is not one:
 * "UC/Pacific", "{{ timezone }}", "XYZ". */
static int
zoneish(const char *w, size_t wl)
{
	size_t	 k, up = 0;

	if (wl == 0)
		return 0;
	if (memchr(w, '/', wl) != NULL || w[0] == '{')
		return 1;
	for (k = 0; k < wl; k++)
		if (isupper((unsigned char)w[k]))
			up++;
	return up == wl && wl >= 2 && wl <= 5;
}

static const char ERR_DECL_UNKNOWN[] =
    "the timeline's time zone is not known; write UTC, an offset "
    "(+02:00) or a region (Europe/Zurich), or map it under 'zones:' in "
    ".postmortem.yaml";

int
pm_ttime_zone_decl(const char *s, size_t len, char *name, size_t namesz,
    struct pm_tz *tz, const struct pm_config *cfg, const char **why)
{
	size_t	 i = 0, ws, wl, nwords = 0, since = 99, cand = 0, cand_len = 0,
		 k, bad = 0, bad_len = 0, wl2;
	int	 prev_zone = 0, zr, have_bad = 0, after_in = 0, sz;
	struct pm_tz	 z, cand_z;

	*why = NULL;
	memset(tz, 0, sizeof(*tz));
	memset(&cand_z, 0, sizeof(cand_z));
	/*
	 * Walk the words: a zone counts within four words after a key word
	 * ("times in CET", "Time (UTC)", "時刻はすべてUTC"), right before
	 * one ("UTC times"), alone in parentheses ("Cronología (UTC)",
	 * "タイムライン（JST）"), or as the whole text ("UTC").  Letters
	 * of two-byte UTF-8 sequences (Latin, Greek, Cyrillic) belong to
	 * words ("están"); longer ones (CJK) separate words, as these
	 * scripts do not use spaces.
	 */
	while (i < len) {
		while (i < len && !isalnum((unsigned char)s[i]) &&
		    s[i] != '+' && s[i] != '-' && s[i] != '{' &&
		    !((unsigned char)s[i] >= 0xc2 &&
		    (unsigned char)s[i] <= 0xdf)) {
			if ((unsigned char)s[i] >= 0xe0 &&
			    (k = zone_context_cjk(s + i, len - i)) > 0) {
				nwords++;
				since = 0;
				prev_zone = 0;
				i += k;
				continue;
			}
			i++;
		}
		if (i >= len)
			break;
		ws = i;
		if (s[i] == '{') {
			while (i < len && s[i] != '}')
				i++;
		}
		while (i < len && (isalnum((unsigned char)s[i]) ||
		    ((unsigned char)s[i] >= 0x80 &&
		    (unsigned char)s[i] < 0xe0) || s[i] == '_' ||
		    ((s[i] == '+' || s[i] == '-' || s[i] == ':') &&
		    i + 1 < len && isdigit((unsigned char)s[i + 1])) ||
		    (s[i] == '/' && i + 1 < len &&
		    isalpha((unsigned char)s[i + 1]))))
			i++;
		if (i == ws) {
			i++;
			continue;
		}
		wl = i - ws;
		nwords++;
		since++;
		if (zone_context(s + ws, wl)) {
			if (prev_zone) {
				*tz = cand_z;
				zone_name(name, namesz, s + cand, cand_len);
				return 0;
			}
			since = 0;
			after_in = 0;
			continue;
		}
		prev_zone = 0;
		if (since <= 4 && (wieq(s + ws, wl, "in") ||
		    wieq(s + ws, wl, "are") ||
		    wieq(s + ws, wl, "all") ||
		    wieq(s + ws, wl, "is"))) {
			after_in = 1;
			continue;
		}
		if (since <= 4 && (sz = spoken_zone(s, len, ws, wl, &z,
		    &wl2, cfg)) != 0) {
			if (sz == 1) {
				*tz = z;
				zone_name(name, namesz, s + ws, wl2);
				return 0;
			}
			if (!have_bad) {
				have_bad = 1;
				bad = ws;
				bad_len = wl2;
			}
			continue;
		}
		if (decl_pair(s + ws, wl, &z) ||
		    (zr = zone_word(s + ws, wl, &z, cfg)) == 1) {
			if (since <= 4 || (wl >= 2 && in_parens(s, len, ws, i))) {
				*tz = z;
				zone_name(name, namesz, s + ws, wl);
				return 0;
			}
			prev_zone = 1;
			cand = ws;
			cand_len = wl;
			cand_z = z;
			continue;
		}
		if (zr == PM_TZ_AMBIGUOUS && (since <= 4 ||
		    in_parens(s, len, ws, i) || nwords == 1)) {
			zone_name(name, namesz, s + ws, wl);
			*why = ERR_ZONE_AMBIGUOUS;
			return -2;
		}
		/* "All times in UC/Pacific": meant as a zone. */
		if (since <= 4 && after_in && !have_bad && zoneish(s + ws, wl)) {
			have_bad = 1;
			bad = ws;
			bad_len = wl;
		}
		after_in = 0;
	}
	if (nwords == 1 && prev_zone) {
		*tz = cand_z;
		zone_name(name, namesz, s + cand, cand_len);
		return 0;
	}
	if (have_bad) {
		zone_name(name, namesz, s + bad, bad_len);
		*why = ERR_DECL_UNKNOWN;
		return -2;
	}
	return -1;
}

int
pm_ttime_zone_phrase(const char *s, size_t len, char *name, size_t namesz,
    int *offset)
{
	struct pm_tz	 tz;
	const char	*why;

	if (pm_ttime_zone_decl(s, len, name, namesz, &tz, NULL, &why) != 0 ||
	    tz.kind != PM_TZ_FIXED)
		return -1;
	*offset = tz.off;
	return 0;
}

enum pm_date_order
pm_ttime_file_order(const char *s, size_t len, int has_hint, int64_t hint_day,
    int *conflict)
{
	size_t		 i, j, n[3], k;
	long		 v[3];
	int		 dmy = 0, mdy = 0, sep;
	int64_t		 y;

	*conflict = 0;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]) || (i > 0 &&
		    (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.' ||
		    s[i - 1] == '/' || s[i - 1] == '-')))
			continue;
		/* d[d] sep d[d] sep dddd|dd, the same separator twice. */
		j = i;
		sep = 0;
		for (k = 0; k < 3; k++) {
			v[k] = 0;
			n[k] = 0;
			while (j < len && isdigit((unsigned char)s[j]) &&
			    n[k] < 5) {
				v[k] = v[k] * 10 + (s[j] - '0');
				n[k]++;
				j++;
			}
			if (n[k] == 0)
				break;
			if (k < 2) {
				if (j >= len || (s[j] != '/' && s[j] != '-' &&
				    s[j] != '.') || (sep != 0 && s[j] != sep))
					break;
				sep = s[j++];
			}
		}
		if (k < 3 || n[0] > 2 || n[1] > 2 || (n[2] != 4 &&
		    !(n[2] == 2 && sep == '/')) || sep == '.' ||
		    (j < len && (isalnum((unsigned char)s[j]) ||
		    s[j] == sep)))
			continue;
		y = n[2] == 2 ? 2000 + v[2] : v[2];
		if (v[0] > 12 && v[1] <= 12 && v[1] >= 1)
			dmy++;
		else if (v[1] > 12 && v[0] <= 12 && v[0] >= 1)
			mdy++;
		else if (has_hint && v[0] != v[1] && v[0] >= 1 && v[1] >= 1) {
			/* The file's own date, in one order; else one order
			 * only puts the date where a report named on that day
			 * can be (up to a year before, a month after). */
			int64_t	 dm = pm_date_valid(y, (unsigned)v[0],
			    (unsigned)v[1]) ? pm_days_from_civil(y,
			    (unsigned)v[0], (unsigned)v[1]) - hint_day : 99999;
			int64_t	 dd = pm_date_valid(y, (unsigned)v[1],
			    (unsigned)v[0]) ? pm_days_from_civil(y,
			    (unsigned)v[1], (unsigned)v[0]) - hint_day : 99999;
			int	 okm = dm >= -366 && dm <= 14;
			int	 okd = dd >= -366 && dd <= 14;
			int64_t	 am = dm < 0 ? -dm : dm, ad = dd < 0 ? -dd : dd;

			/* Exact, or within a week of the name while the
			 * other reading is months away, or the only one a
			 * report of that name can be about. */
			if (dm == 0 || (am <= 7 && ad > 60) || (okm && !okd))
				mdy++;
			else if (dd == 0 || (ad <= 7 && am > 60) ||
			    (okd && !okm))
				dmy++;
		}
		i = j;
	}
	if (dmy > 0 && mdy > 0) {
		*conflict = 1;
		return PM_DATE_YMD;
	}
	return dmy > 0 ? PM_DATE_DMY : mdy > 0 ? PM_DATE_MDY : PM_DATE_YMD;
}

int
pm_ttime_name_day(const char *path, int64_t *day)
{
	const char	*base, *p;
	long		 y, m, d;
	char		*end;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	/* The first YYYY-MM-DD (or _ or nothing between) in the name. */
	for (p = base; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > base &&
		    isdigit((unsigned char)p[-1])))
			continue;
		y = strtol(p, &end, 10);
		if (end - p == 8) {
			d = y % 100;
			m = y / 100 % 100;
			y /= 10000;
		} else {
			if (end - p != 4 || (*end != '-' && *end != '_'))
				continue;
			m = strtol(end + 1, &end, 10);
			if (*end != p[4])
				continue;
			d = strtol(end + 1, &end, 10);
			if (isdigit((unsigned char)*end))
				continue;
		}
		if (isdigit((unsigned char)*end) || y < 1970 || y > 2200 ||
		    !pm_date_valid(y, (unsigned)m, (unsigned)d))
			continue;
		*day = pm_days_from_civil(y, (unsigned)m, (unsigned)d);
		return 0;
	}
	return -1;
}
