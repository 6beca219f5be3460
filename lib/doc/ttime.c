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
 * as unreadable text.  Only fixed zones are read (abbreviations and
 * offsets): an IANA name ("Europe/Berlin") needs DST rules we do not
 * carry, so a phrase naming one declares no zone.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/time.h"
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
	const char	*error;		/* first error seen */
};

struct	expr {
	int		 has_date;
	int64_t		 y;
	unsigned	 m, d;
	int		 has_clock;
	int		 secs;		/* seconds into the day */
	int		 tform;		/* "T" between date and clock */
	int		 has_seconds;
	int		 approx;
	int		 has_zone;
	int		 zone_off;
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

	for (j = sc->i; j < sc->len && isalpha((unsigned char)sc->s[j]); j++)
		continue;
	wl = j - sc->i;
	if (wl < 3)
		return 0;
	for (k = 0; k < n; k++) {
		if (wl > strlen(names[k]))
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

/*
 * Numeric date: three fields with one separator ('-', '/' or '.').
 * Returns 1 when read (values or an error recorded), 0 when the text
 * is not such a date (position restored).
 */
static int
read_numdate(struct scan *sc, struct expr *e)
{
	struct field	 f[3];
	size_t		 start = sc->i;
	int		 sep, k, dayfirst, bad = 0;
	long		 a, b;

	if (read_field(sc, &f[0]) == -1)
		goto no;
	sep = peek(sc, 0);
	if (sep != '-' && sep != '/' && sep != '.')
		goto no;
	sc->i++;
	if (read_field(sc, &f[1]) == -1 || peek(sc, 0) != sep)
		goto no;
	sc->i++;
	if (read_field(sc, &f[2]) == -1)
		goto no;
	/* "1.2.3" or "10-20-30" are not dates: some part must be a year. */
	if (f[0].len < 4 && f[2].len < 4)
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
		e->y = f[2].val;
		/*
		 * Dashes and dots are the European day-first forms; slashes
		 * are month-first in the US.  date_order decides; an
		 * impossible reading is never chosen over a possible one.
		 */
		if (sc->order == PM_DATE_DMY)
			dayfirst = 1;
		else if (sc->order == PM_DATE_MDY)
			dayfirst = 0;
		else if (sep != '/')
			dayfirst = 1;
		else if (a > 12 && b <= 12)
			dayfirst = 1;
		else if (b > 12 && a <= 12)
			dayfirst = 0;
		else if (a == b)
			dayfirst = 1;
		else {
			seterr(sc, ERR_AMBIGUOUS);
			return 1;
		}
		if (dayfirst && a <= 12 && b > 12 && sc->order != PM_DATE_DMY)
			dayfirst = 0;
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

/* Skip an ordinal suffix after a day number ("1st", "22nd"). */
static void
skip_ordinal(struct scan *sc)
{
	if (atword(sc, "st") || atword(sc, "nd") || atword(sc, "rd") ||
	    atword(sc, "th"))
		sc->i += 2;
}

/*
 * "Oct 24, 2024", "October 24 2024", "24 Oct 2024", "24. Oktober" is
 * not read.  Returns 1 when read, 0 otherwise (position restored).
 */
static int
read_namedate(struct scan *sc, struct expr *e)
{
	struct field	 fd, fy;
	size_t		 start = sc->i;
	int		 mon;

	if ((mon = read_name(sc, months, 12)) > 0) {
		if (skip_ws(sc) == 0 || read_field(sc, &fd) == -1 ||
		    !fd.numeric || fd.len > 2)
			goto no;
		skip_ordinal(sc);
		if (peek(sc, 0) == ',')
			sc->i++;
		if (skip_ws(sc) == 0)
			goto no;
	} else {
		if (read_field(sc, &fd) == -1 || !fd.numeric || fd.len > 2)
			goto no;
		skip_ordinal(sc);
		if (peek(sc, 0) == '.')
			sc->i++;
		if (skip_ws(sc) == 0 || (mon = read_name(sc, months, 12)) == 0)
			goto no;
		if (peek(sc, 0) == ',')
			sc->i++;
		if (skip_ws(sc) == 0)
			goto no;
	}
	if (read_field(sc, &fy) == -1 || fy.len < 4)
		goto no;
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

/*
 * Clock: H:MM, HH:MM:SS, optional fraction, optional am/pm.  Returns 1
 * when read (value or error recorded), 0 otherwise (restored).
 */
static int
read_clock(struct scan *sc, struct expr *e)
{
	struct field	 fh, fm, fs;
	size_t		 start = sc->i, save;
	int		 bad = 0, has_s = 0, h, pm = -1;

	if (read_field(sc, &fh) == -1 || fh.len > 2 || peek(sc, 0) != ':')
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
	/* am/pm, with or without a space: "3:40 PM", "3:40pm", "p.m." */
	save = sc->i;
	skip_ws(sc);
	if (atword(sc, "am") || atword(sc, "a.m.") || atword(sc, "a.m")) {
		pm = 0;
	} else if (atword(sc, "pm") || atword(sc, "p.m.") ||
	    atword(sc, "p.m"))
		pm = 1;
	if (pm >= 0) {
		sc->i += 2;
		if (peek(sc, 0) == '.')
			sc->i++;
		if (peek(sc, 0) == 'm' || peek(sc, 0) == 'M')
			sc->i++;
		if (peek(sc, 0) == '.')
			sc->i++;
	} else
		sc->i = save;
	h = (int)fh.val;
	if (pm >= 0) {
		if (h < 1 || h > 12) {
			seterr(sc, ERR_CLOCK);
			return 1;
		}
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

/* Approximate markers before the time: "~", "～", "≈", "ca.", "approx." */
static int
read_approx_prefix(struct scan *sc)
{
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

/*
 * A zone after the time: "Z", "+02:00", "-0500", "UTC", "CET",
 * "UTC+2", "(PST)".  Only upper-case names, so that event text
 * ("10:00 API down") is not taken for a zone.  Returns 1 and sets the
 * zone when read, -1 for an upper-case word that is not a zone and
 * stands alone (parse mode reports it), 0 otherwise (restored).
 */
static int
read_zone(struct scan *sc, struct expr *e, int attached_only)
{
	size_t	 start = sc->i, zs, j;
	int	 paren = 0, off;

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
	/* "CET/CEST", "Europe/Berlin": not a fixed zone. */
	if (peek(sc, 0) == '/')
		goto no;
	if (pm_zone_offset(&off, sc->s + zs, sc->i - zs) == -1) {
		if (isupper((unsigned char)sc->s[zs]) && !paren) {
			sc->i = start;
			return -1;
		}
		goto no;
	}
	if (paren) {
		skip_ws(sc);
		if (!at(sc, ")"))
			goto no;
		sc->i++;
	}
	e->has_zone = 1;
	e->zone_off = off;
	e->zone_at = zs;
	e->zone_len = sc->i - zs - (size_t)paren;
	while (e->zone_len > 0 && (sc->s[zs + e->zone_len - 1] == ')' ||
	    sc->s[zs + e->zone_len - 1] == ' '))
		e->zone_len--;
	return 1;
no:
	sc->i = start;
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

/*
 * Read one expression from the position.  Returns 1 when something
 * that is (or is meant as) a time was read, with e filled and
 * sc->error set for a bad one; 0 when the text does not start with a
 * time.
 */
static int
read_expr(struct scan *sc, struct expr *e, int prefix)
{
	size_t	 save;
	int	 z;

	memset(e, 0, sizeof(*e));
	if (read_approx_prefix(sc))
		e->approx = 1;
	save = sc->i;
	/* "Wednesday, 2018-08-22": the weekday adds nothing. */
	if (read_name(sc, weekdays, 7) > 0) {
		if (peek(sc, 0) == ',')
			sc->i++;
		if (skip_ws(sc) == 0 || !isalnum(peek(sc, 0)))
			sc->i = save;
		else {
			size_t	 s2 = sc->i;
			struct expr t;

			memset(&t, 0, sizeof(t));
			if (!read_date(sc, &t))
				sc->i = save;
			else
				sc->i = s2;
		}
	}
	if (read_date(sc, e)) {
		save = sc->i;
		if (peek(sc, 0) == 'T' && isfieldc(peek(sc, 1))) {
			sc->i++;
			if (read_clock(sc, e))
				e->tform = 1;
			else
				sc->i = save;
		} else {
			if (peek(sc, 0) == ',')
				sc->i++;
			if (skip_ws(sc) > 0 || sc->i > save) {
				if (atword(sc, "at"))
					sc->i += 2, skip_ws(sc);
				if (!read_clock(sc, e))
					sc->i = save;
			}
		}
	} else if (!read_clock(sc, e)) {
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
			e->zone_at = sc->i;
			e->zone_len = 1;
			sc->i++;
		} else
			read_zone(sc, e, 1);
	}
	if (read_approx_suffix(sc))
		e->approx = 1;
	if (e->has_clock || e->has_date)
		(void)read_range(sc, e);
	if (!e->has_zone) {
		z = read_zone(sc, e, 0);
		if (z == -1 && !prefix) {
			skip_ws(sc);
			while (isupper(peek(sc, 0)))
				sc->i++;
			seterr(sc, ERR_ZONE);
		}
	}
	if (read_approx_suffix(sc))
		e->approx = 1;
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

int
pm_ttime_parse(struct pm_ttime *out, const char *s, size_t len,
    const struct pm_ttime_ctx *ctx)
{
	struct scan	 sc;
	struct expr	 e;
	int64_t		 day = 0, base = 0;
	int		 off;

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
	if (e.has_zone) {
		out->has_zone = 1;
		if (e.zone_len >= sizeof(out->zone))
			e.zone_len = sizeof(out->zone) - 1;
		memcpy(out->zone, s + e.zone_at, e.zone_len);
		out->zone[e.zone_len] = '\0';
	}
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
		off = e.has_zone ? e.zone_off : (ctx != NULL ?
		    ctx->zone_offset : 0);
		out->t = base * PM_DAY + e.secs - off;
	}
	out->ok = 1;
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
	if (at(&sc, "-") || at(&sc, ":") || at(&sc, "|") || at(&sc, ",") ||
	    at(&sc, ">") || at(&sc, "="))
		sc.i++;
	else if (at(&sc, "\xe2\x80\x93") || at(&sc, "\xe2\x80\x94") ||
	    at(&sc, "\xe2\x86\x92"))
		sc.i += 3;
	if (at(&sc, ">"))
		sc.i++;
	skip_marks(&sc);
	skip_ws(&sc);
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
		"time", "times", "timezone", "zone", "tz", "timestamps",
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

/* 1 if the word w (wl bytes) is an upper-case zone or an offset. */
static int
zone_word(const char *w, size_t wl, int *off)
{
	size_t	 k;

	if (memchr(w, '/', wl) != NULL)
		return 0;	/* "Europe/Berlin", "CET/CEST" */
	if (w[0] != '+' && w[0] != '-') {
		for (k = 0; k < wl && isalpha((unsigned char)w[k]); k++)
			if (!isupper((unsigned char)w[k]))
				return 0;	/* "Times", "Berlin" */
		if (k == 0)
			return 0;
	}
	return pm_zone_offset(off, w, wl) == 0;
}

int
pm_ttime_zone_phrase(const char *s, size_t len, char *name, size_t namesz,
    int *offset)
{
	size_t	 i = 0, ws, wl, nwords = 0, since = 99, cand = 0, cand_len = 0,
		 k;
	int	 off, cand_off = 0, prev_zone = 0;

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
		    s[i] != '+' && s[i] != '-' &&
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
		while (i < len && (isalnum((unsigned char)s[i]) ||
		    ((unsigned char)s[i] >= 0x80 &&
		    (unsigned char)s[i] < 0xe0) ||
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
				*offset = cand_off;
				zone_name(name, namesz, s + cand, cand_len);
				return 0;
			}
			since = 0;
			continue;
		}
		prev_zone = 0;
		if (!zone_word(s + ws, wl, &off))
			continue;
		if (since <= 4 || (wl >= 2 && in_parens(s, len, ws, i))) {
			*offset = off;
			zone_name(name, namesz, s + ws, wl);
			return 0;
		}
		prev_zone = 1;
		cand = ws;
		cand_len = wl;
		cand_off = off;
	}
	if (nwords == 1 && prev_zone) {
		*offset = cand_off;
		zone_name(name, namesz, s + cand, cand_len);
		return 0;
	}
	return -1;
}
