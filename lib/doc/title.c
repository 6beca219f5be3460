/*
 * Titles, ids and placeholders (see title.h).
 *
 * A heading is cut into blank-separated tokens, each classed as a
 * word, a month or weekday name, a day number, a year, a numeric date,
 * a time of day, a zone or a connector ("-", "on", "to").  A date at
 * either end is a run of such tokens that holds a real date (a numeric
 * date, or a month next to a day or a year): "Outage May 30" loses
 * "May 30", "March Madness outage" keeps "March", "Upgrade to Windows
 * 2019" keeps its year.  Only whole runs are cut, never a word.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "doc/doc.h"
#include "doc/title.h"

enum	tclass {
	T_WORD,
	T_CONN,		/* "-", "on", "to", "at": between date parts */
	T_MONTH,
	T_WDAY,
	T_DAYNUM,	/* 1..31, "23rd" */
	T_YEAR,		/* 1970..2099 */
	T_NUMDATE,	/* "2018-08-10", "7-14-2016", "4/21/23", "2019-03" */
	T_NUMPAIR,	/* "7-14", "2.0": not a date on its own */
	T_TIME,		/* "13:06", "2pm", "2-3pm", "10:08am" */
	T_ZONE,
};

struct	tok {
	size_t		 b, e;		/* the token in the heading */
	size_t		 cb, ce;	/* without punctuation around it */
	enum tclass	 c;
	int		 paren;		/* opened with "(" */
};

#define	MAXTOK	64

static int
ieqn(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && strncasecmp(s, lit, len) == 0;
}

static int
in_list(const char *s, size_t len, const char *const *l)
{
	for (; *l != NULL; l++)
		if (ieqn(s, len, *l))
			return 1;
	return 0;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec", NULL
};

static const char *const wdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun", NULL
};

static const char *const zones[] = {
	"utc", "gmt", "z", "pt", "pst", "pdt", "et", "est", "edt", "ct",
	"cst", "cdt", "mt", "mst", "mdt", "cet", "cest", "bst", "ist",
	"eet", "eest", "wet", "west", "jst", "kst", "aest", "aedt", NULL
};

static const char *const conns[] = {
	"on", "to", "at", "and", "from", "until", "till", "through", "thru",
	"of", "between", "&", "~", "@", NULL
};

/* Digits in [s, s + n): their count, value in *v. */
static size_t
digits(const char *s, size_t n, unsigned long *v)
{
	size_t	 i;

	*v = 0;
	for (i = 0; i < n && isdigit((unsigned char)s[i]) && i < 9; i++)
		*v = *v * 10 + (unsigned long)(s[i] - '0');
	return i;
}

/* "13:06", "13:06:30", "2pm", "10:08am", ranges "2-3pm", "23:01-02:40". */
static int
is_time(const char *s, size_t n)
{
	unsigned long	 v;
	size_t		 i = 0, k;
	int		 clock = 0;

	for (;;) {
		if ((k = digits(s + i, n - i, &v)) == 0 || k > 2)
			return 0;
		i += k;
		while (i < n && s[i] == ':') {
			if (digits(s + i + 1, n - i - 1, &v) != 2 || v > 59)
				return 0;
			i += 3;
			clock = 1;
		}
		if (i + 2 <= n && strchr("aApP", s[i]) != NULL &&
		    (s[i + 1] == 'm' || s[i + 1] == 'M')) {
			i += 2;
			clock = 1;
		}
		if (i == n)
			return clock;
		if (s[i] != '-')
			return 0;
		i++;
	}
}

static enum tclass
classify(const char *s, size_t n, int *yearish)
{
	unsigned long	 v, fv;
	size_t		 i, k, fk, groups;
	char		 sep;

	*yearish = 0;
	if (n == 0)
		return T_CONN;
	if (in_list(s, n, conns))
		return T_CONN;
	if (in_list(s, n, months) || (n > 1 && s[n - 1] == '.' &&
	    in_list(s, n - 1, months)))
		return T_MONTH;
	if (in_list(s, n, wdays))
		return T_WDAY;
	if (in_list(s, n, zones))
		return T_ZONE;
	if ((n >= 4 && strncasecmp(s, "utc", 3) == 0 && (s[3] == '+' ||
	    s[3] == '-')) || (n >= 4 && strncasecmp(s, "gmt", 3) == 0 &&
	    (s[3] == '+' || s[3] == '-')))
		return T_ZONE;
	if (!isdigit((unsigned char)*s))
		return T_WORD;
	if (is_time(s, n))
		return T_TIME;
	k = digits(s, n, &v);
	if (k == n) {
		if (n == 4 && v >= 1970 && v <= 2099) {
			*yearish = 1;
			return T_YEAR;
		}
		return n <= 2 && v >= 1 && v <= 31 ? T_DAYNUM : T_WORD;
	}
	if (k <= 2 && v >= 1 && v <= 31 && n - k == 2 &&
	    (strncasecmp(s + k, "st", 2) == 0 ||
	    strncasecmp(s + k, "nd", 2) == 0 ||
	    strncasecmp(s + k, "rd", 2) == 0 ||
	    strncasecmp(s + k, "th", 2) == 0))
		return T_DAYNUM;
	/* Numeric dates: groups of digits joined by one separator. */
	sep = s[k];
	if (sep != '-' && sep != '/' && sep != '.')
		return T_WORD;
	groups = 1;
	fk = k;
	fv = v;
	for (i = k; i < n && s[i] == sep; ) {
		if ((k = digits(s + i + 1, n - i - 1, &v)) == 0)
			return T_WORD;
		i += 1 + k;
		groups++;
	}
	if (i < n) {
		/* "2021-10-08T23:01Z": a date and a time joined by T. */
		if (groups == 3 && (s[i] == 'T' || s[i] == 't') &&
		    is_time(s + i + 1, n - i - 1 - (s[n - 1] == 'Z')))
			return T_NUMDATE;
		return T_WORD;
	}
	if (groups == 3)
		return T_NUMDATE;
	if (groups == 2 && ((fk == 4 && fv >= 1970 && fv <= 2099) ||
	    (k == 4 && v >= 1970 && v <= 2099)))
		return T_NUMDATE;	/* "2019-03", "03/2019" */
	return groups == 2 ? T_NUMPAIR : T_WORD;
}

static int
is_dash(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; ) {
		if (s[i] == '-' || s[i] == '~' || s[i] == ':' || s[i] == '|' ||
		    s[i] == ',')
			i++;
		else if (n - i >= 3 && (unsigned char)s[i] == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x93 ||
		    (unsigned char)s[i + 2] == 0x94))
			i += 3;		/* en and em dashes */
		else
			return 0;
	}
	return 1;
}

/* Cut s into tokens; returns how many (at most MAXTOK). */
static size_t
tokenize(const char *s, size_t len, struct tok *t)
{
	size_t	 n = 0, i = 0, b;
	int	 yearish;

	while (i < len && n < MAXTOK) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i >= len)
			break;
		b = i;
		while (i < len && !isspace((unsigned char)s[i]))
			i++;
		t[n].b = b;
		t[n].e = i;
		t[n].cb = b;
		t[n].ce = i;
		t[n].paren = 0;
		while (t[n].cb < t[n].ce && strchr("([\"'*_",
		    s[t[n].cb]) != NULL) {
			if (s[t[n].cb] == '(')
				t[n].paren = 1;
			t[n].cb++;
		}
		while (t[n].ce > t[n].cb && strchr(")]\"'*_,;:.!?",
		    s[t[n].ce - 1]) != NULL)
			t[n].ce--;
		/* "Sept." keeps its full stop for the month test. */
		if (t[n].ce < i && s[t[n].ce] == '.' &&
		    in_list(s + t[n].cb, t[n].ce - t[n].cb + 1, months))
			t[n].ce++;
		if (is_dash(s + b, i - b))
			t[n].c = T_CONN;
		else
			t[n].c = classify(s + t[n].cb, t[n].ce - t[n].cb,
			    &yearish);
		n++;
	}
	if (i < len)
		return 0;	/* too long to judge: leave it alone */
	return n;
}

static int
dateish(enum tclass c)
{
	return c != T_WORD;
}

/*
 * 1 if tokens [a, b) hold a real date: a numeric date, a month next
 * to a day number or a year, or a year in brackets or after a dash.
 */
static int
strong(const struct tok *t, size_t a, size_t b, const char *s)
{
	size_t	 i, j;

	for (i = a; i < b; i++) {
		if (t[i].c == T_NUMDATE)
			return 1;
		if (t[i].c == T_MONTH) {
			for (j = i + 1; j < b && t[j].c == T_CONN &&
			    is_dash(s + t[j].b, t[j].e - t[j].b); j++)
				continue;
			if (j < b && (t[j].c == T_DAYNUM || t[j].c == T_YEAR))
				return 1;
			if (i > a && t[i - 1].c == T_DAYNUM)
				return 1;
			/* "6th of June" */
			if (i > a + 1 && t[i - 1].c == T_CONN &&
			    t[i - 2].c == T_DAYNUM)
				return 1;
		}
		if (t[i].c == T_YEAR && (t[i].paren || (i > 0 &&
		    t[i - 1].c == T_CONN && is_dash(s + t[i - 1].b,
		    t[i - 1].e - t[i - 1].b))))
			return 1;
	}
	return 0;
}

/* Words that open a title and name the document, not the incident. */
static size_t
prefix_words(const char *s, size_t len)
{
	static const char *const pfx[] = {
		"retrospective:", "post-mortem:", "postmortem:",
		"post mortem:", "post-incident review:", "incident review:",
		"incident report:", "incident postmortem:",
		"incident post-mortem:", "pir:", "rca:", "title:",
		"incident date:", "date:", "date of incident:", NULL
	};
	size_t	 i, n, off = 0;

	for (;;) {
		for (i = 0; pfx[i] != NULL; i++) {
			n = strlen(pfx[i]);
			if (len - off >= n &&
			    strncasecmp(s + off, pfx[i], n) == 0)
				break;
		}
		if (pfx[i] == NULL)
			return off;
		off += n;
		while (off < len && isspace((unsigned char)s[off]))
			off++;
	}
}

/* "Incident on", "Outage of", "Incident report": before a date. */
static size_t
lead_words(const struct tok *t, size_t n, const char *s)
{
	static const char *const words[] = {
		"incident", "outage", "report", "retrospective",
		"postmortem", "post-mortem", "review", "incidents", NULL
	};
	size_t	 i = 0;

	while (i < n && i < 2 && t[i].c == T_WORD &&
	    in_list(s + t[i].cb, t[i].ce - t[i].cb, words))
		i++;
	if (i == 0)
		return 0;
	if (i < n && t[i].c == T_CONN && !is_dash(s + t[i].b,
	    t[i].e - t[i].b))
		i++;
	return i;
}

char *
pm_title_clean(struct pm_arena *a, const char *h, size_t *skip)
{
	struct tok	 t[MAXTOK];
	const char	*s;
	size_t		 len, n, i, j, lw, b, e, off;

	*skip = 0;
	len = strlen(h);
	while (len > 0 && isspace((unsigned char)h[len - 1]))
		len--;
	off = prefix_words(h, len);
	s = h + off;
	len -= off;
	if (len == 0 || pm_placeholder(s, len))
		return NULL;
	n = tokenize(s, len, t);
	b = 0;
	e = len;
	if (n > 0) {
		/* A leading date, maybe after "Incident on". */
		lw = lead_words(t, n, s);
		for (i = lw; i < n && dateish(t[i].c); i++)
			continue;
		for (j = i; j > lw && t[j - 1].c == T_CONN; j--)
			continue;
		/* "and", "to" after the date belong to what follows. */
		while (i > j && !is_dash(s + t[i - 1].b, t[i - 1].e -
		    t[i - 1].b))
			i--;
		if (j > lw && t[lw].c != T_CONN && strong(t, lw, j, s))
			b = i < n ? t[i].b : len;
		/* A trailing date. */
		for (i = n; i > 0 && dateish(t[i - 1].c); i--)
			continue;
		for (j = i; j < n && t[j].c == T_CONN; j++)
			continue;
		if (b < len && i > 0 && j < n && t[i].b >= b &&
		    strong(t, j, n, s))
			e = t[i].b;
	}
	/* Separators left at the cut. */
	for (;;) {
		while (e > b && isspace((unsigned char)s[e - 1]))
			e--;
		if (e > b && strchr("-,:;(|~", s[e - 1]) != NULL)
			e--;
		else if (e >= b + 3 && (unsigned char)s[e - 3] == 0xe2 &&
		    (unsigned char)s[e - 2] == 0x80 &&
		    ((unsigned char)s[e - 1] == 0x93 ||
		    (unsigned char)s[e - 1] == 0x94))
			e -= 3;
		else
			break;
	}
	if (e <= b) {
		/* Nothing but a date: the heading as written. */
		*skip = off;
		return pm_arena_strndup(a, s, len);
	}
	/* Quotes around all of it. */
	if (e - b >= 2 && s[b] == '"' && s[e - 1] == '"' &&
	    memchr(s + b + 1, '"', e - b - 2) == NULL) {
		b++;
		e--;
	} else if (e - b >= 6 && memcmp(s + b, "\xe2\x80\x9c", 3) == 0 &&
	    memcmp(s + e - 3, "\xe2\x80\x9d", 3) == 0) {
		b += 3;
		e -= 3;
	}
	*skip = off + b;
	return pm_arena_strndup(a, s + b, e - b);
}

char *
pm_path_stem(struct pm_arena *a, const char *path)
{
	static const char *const exts[] = {
		".html.md.erb", ".html.markdown.erb", ".html.md", ".md.erb",
		".markdown", ".mdown", ".mkd", ".mdx", ".md", ".txt", NULL
	};
	const char	*base, *p;
	size_t		 len, n, i;

	base = (p = strrchr(path, '/')) != NULL ? p + 1 : path;
	len = strlen(base);
	for (i = 0; exts[i] != NULL; i++) {
		n = strlen(exts[i]);
		if (len > n && strcasecmp(base + len - n, exts[i]) == 0) {
			len -= n;
			break;
		}
	}
	return pm_arena_strndup(a, base, len);
}

size_t
pm_id_token(const char *s, size_t len)
{
	size_t	 i = 0, nd = 0, j;

	while (i < len && i < 8 && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	if (i == 0)
		return 0;
	while (i < len && isdigit((unsigned char)s[i]))
		i++, nd++;
	if (i < len && (s[i] == '-' || s[i] == '_') && i + 1 < len &&
	    isdigit((unsigned char)s[i + 1]))
		i++;
	while (i < len && isdigit((unsigned char)s[i]))
		i++, nd++;
	if (nd == 0)
		return 0;
	/* "SEC-2024-001": one more group of digits. */
	if (i + 1 < len && (s[i] == '-' || s[i] == '_' || s[i] == '.') &&
	    isdigit((unsigned char)s[i + 1])) {
		for (j = i + 1; j < len && isdigit((unsigned char)s[j]); j++)
			continue;
		if (j == len || !isalnum((unsigned char)s[j]))
			i = j;
	}
	if (i < len && isalnum((unsigned char)s[i]))
		return 0;
	return i;
}

char *
pm_id_from_path(struct pm_arena *a, const char *path)
{
	char	*stem, *out, *o;
	size_t	 len, n, i;
	int	 dash = 0;

	stem = pm_path_stem(a, path);
	len = strlen(stem);
	if ((n = pm_id_token(stem, len)) > 0)
		return pm_arena_strndup(a, stem, n);
	o = out = pm_arena_alloc(a, len + 1);
	for (i = 0; i < len; i++) {
		unsigned char	 c = (unsigned char)stem[i];

		if (isalnum(c) || c == '.' || c == '_' || c == '-' ||
		    c >= 0x80) {
			if (dash && o > out)
				*o++ = '-';
			dash = 0;
			*o++ = (char)c;
		} else
			dash = 1;
	}
	*o = '\0';
	while (o > out && o[-1] == '-')
		*--o = '\0';
	if (*out == '\0')
		return pm_arena_strdup(a, "report");
	return out;
}

/* Length of a leading date in a file name ("2021-05-09-"), or 0. */
static size_t
name_date(const char *s, size_t len)
{
	unsigned long	 v;
	size_t		 i, k;

	k = digits(s, len, &v);
	if (k == 8 && (len == 8 || !isdigit((unsigned char)s[8])))
		i = 8;				/* 20210509 */
	else if (k == 4 || k == 2) {
		i = k;
		while (i < len && (s[i] == '-' || s[i] == '_' ||
		    s[i] == '.') && (k = digits(s + i + 1, len - i - 1,
		    &v)) >= 1 && k <= 4)
			i += 1 + k;
		if (i == (size_t)(k == 4 ? 4 : 2) && i < len &&
		    isdigit((unsigned char)s[i - 1]) && k != 4)
			return 0;
		if (i <= 4)
			return 0;	/* "2021" alone, "v2" */
	} else
		return 0;
	while (i < len && (s[i] == '-' || s[i] == '_' || s[i] == ' ' ||
	    s[i] == '.'))
		i++;
	return i;
}

char *
pm_title_from_path(struct pm_arena *a, const char *path)
{
	char	*stem, *out, *o;
	size_t	 len, i, n;
	int	 hyphens, sp = 0;
	char	 sep;

	stem = pm_path_stem(a, path);
	len = strlen(stem);
	i = name_date(stem, len);
	if ((n = pm_id_token(stem + i, len - i)) > 0) {
		i += n;
		while (i < len && (stem[i] == '-' || stem[i] == '_' ||
		    stem[i] == ' ' || stem[i] == '.'))
			i++;
	}
	hyphens = strchr(stem + i, '-') != NULL;
	sep = hyphens ? '-' : '_';
	o = out = pm_arena_alloc(a, len - i + 1);
	for (; i < len; i++) {
		if (stem[i] == sep || stem[i] == ' ') {
			sp = 1;
			continue;
		}
		if (sp && o > out)
			*o++ = ' ';
		sp = 0;
		*o++ = stem[i];
	}
	*o = '\0';
	if (*out == '\0' || pm_placeholder(out, strlen(out)))
		return NULL;
	for (i = 0; out[i] != '\0'; i++)
		if (isalpha((unsigned char)out[i]))
			break;
	if (out[i] == '\0')
		return NULL;	/* digits only */
	if (islower((unsigned char)out[0]))
		out[0] = (char)toupper((unsigned char)out[0]);
	return out;
}

/* A template's date and time letters: "yyyy", "HH:mm", "20xx". */
static int
date_letters(const char *s, size_t len)
{
	static const char *const pats[] = {
		"yyyy", "hh:mm", "mm-dd", "dd-mm", "mm/dd", "dd/mm",
		"20xx", "19xx", "xx:xx", "??:??", "-nnn", "mm:ss", NULL
	};
	size_t	 i, j, n;

	for (i = 0; pats[i] != NULL; i++) {
		n = strlen(pats[i]);
		for (j = 0; j + n <= len; j++)
			if (strncasecmp(s + j, pats[i], n) == 0)
				return 1;
	}
	return 0;
}

static int	placeholder(const char *, size_t, int);

int
pm_placeholder(const char *s, size_t len)
{
	return placeholder(s, len, 1);
}

/* words: also the words a template puts where a value goes ("Title",
 * "ISSUE NAME"); without, only what cannot be a real text. */
static int
placeholder(const char *s, size_t len, int words)
{
	static const char *const whole[] = {
		"xxx", "xx", "tbd", "tba", "todo", "fixme", "?", "??", "???",
		"...", "\xe2\x80\xa6", "issue name", "incident name",
		"incident title", "title", "name", "date", "date range",
		"your name", "author name", "owner name", "short title",
		"title of the incident", "title of incident", "incident",
		"description", "short description", "summary", "<>",
		"insert title", "insert date", "[title]", "timestamp",
		"event", NULL
	};
	size_t	 i, k;
	int	 allx;

	while (len > 0 && (isspace((unsigned char)*s) || *s == '*' ||
	    *s == '_' || *s == '`')) {
		s++;
		len--;
	}
	while (len > 0 && (isspace((unsigned char)s[len - 1]) ||
	    s[len - 1] == '*' || s[len - 1] == '_' || s[len - 1] == '`'))
		len--;
	if (len == 0)
		return 0;
	if (words && in_list(s, len, whole))
		return 1;
	if (len >= 11 && strncasecmp(s, "lorem ipsum", 11) == 0)
		return 1;
	for (i = 0; i + 1 < len; i++)
		if ((s[i] == '$' && s[i + 1] == '{') ||
		    (s[i] == '{' && s[i + 1] == '{'))
			return 1;
	/* "<Link to the recording>", but not "<https://...>". */
	if (s[0] == '<' && s[len - 1] == '>' && len > 2) {
		for (i = 1; i + 1 < len; i++)
			if (s[i] == ':' || s[i] == '/' || s[i] == '@' ||
			    s[i] == '<' || s[i] == '=')
				break;
		if (i + 1 == len)
			return 1;
	}
	/* "[impact level]": words in brackets, not a link "[x](y)", a
	 * checkbox "[ ]" or a YAML list "[search, api]". */
	if (s[0] == '[' && s[len - 1] == ']' && len > 3 &&
	    memchr(s, '(', len) == NULL && memchr(s, ',', len) == NULL &&
	    memchr(s, '"', len) == NULL && memchr(s + 1, ' ', len - 2) != NULL) {
		for (i = 1; i + 1 < len && s[i] != ']'; i++)
			continue;
		if (i + 1 == len)
			return 1;
	}
	if (date_letters(s, len))
		return 1;
	/* "Xh Xm", "XX:XX": only X's and unit letters. */
	allx = 0;
	for (i = 0; i < len; ) {
		if (s[i] == ' ' || s[i] == ':' || s[i] == '-') {
			i++;
			continue;
		}
		for (k = 0; i < len && (s[i] == 'X' || s[i] == 'x'); i++)
			k++;
		if (k == 0)
			return 0;
		allx = 1;
		while (i < len && strchr("hmsdHMSD", s[i]) != NULL &&
		    k < 3)
			i++;
		if (i < len && s[i] != ' ' && s[i] != ':' && s[i] != '-')
			return 0;
	}
	return allx;
}

/* Placeholder values on the lines of doc (outside code). */
static size_t
count_placeholders(const struct pm_doc *doc)
{
	const char	*s, *v;
	size_t		 len, n = 0, vl, i;
	unsigned int	 line;
	int		 fence = 0, heading, kv;

	for (line = 1; line <= doc->nlines && line < 2000; line++) {
		if ((s = pm_doc_line(doc, line, &len)) == NULL)
			break;
		while (len > 0 && (*s == ' ' || *s == '\t' || *s == '>')) {
			s++;
			len--;
		}
		if (len >= 3 && (strncmp(s, "```", 3) == 0 ||
		    strncmp(s, "~~~", 3) == 0)) {
			fence = !fence;
			continue;
		}
		if (fence || len == 0)
			continue;
		heading = *s == '#';
		/* Markers: headings, list items, table bars. */
		while (len > 0 && (*s == '#' || *s == '-' || *s == '*' ||
		    *s == '+' || *s == '|' || *s == ' ')) {
			s++;
			len--;
		}
		v = s;
		vl = len;
		kv = 0;
		for (i = 0; i + 1 < len; i++)
			if (s[i] == '$' && s[i + 1] == '{')
				break;
			else if (s[i] == '{' && s[i + 1] == '{')
				break;
		if (i + 1 < len) {
			n++;
			continue;
		}
		/* "Key: value" */
		for (i = 0; i < len && i < 40 && s[i] != ':'; i++)
			continue;
		if (!heading && i < len && i < 40 && i + 1 < len &&
		    s[i + 1] == ' ') {
			v = s + i + 1;
			vl = len - i - 1;
			kv = 1;
		}
		while (vl > 0 && (v[vl - 1] == '|' || v[vl - 1] == ' ' ||
		    v[vl - 1] == '\r'))
			vl--;
		/* "Title" as a heading is a section; as a value, a
		 * template's. */
		if (placeholder(v, vl, kv))
			n++;
	}
	return n;
}

/*
 * 1 if the name says template: its first or last word, or a folder of
 * that name ("template.md", "incident-template.md", "templates/x.md"),
 * not a word inside ("2024-01-09-template-engine-outage.md").
 */
static int
template_name(const char *path, const char *base)
{
	const char	*p, *e, *w;
	size_t		 n;

	for (p = path; p < base; p = e + 1) {
		e = strchr(p, '/');
		n = (size_t)(e - p);
		if (ieqn(p, n, "template") || ieqn(p, n, "templates"))
			return 1;
	}
	/* The stem: up to the first dot. */
	for (e = base; *e != '\0' && *e != '.'; e++)
		continue;
	for (w = base; w < e && isalnum((unsigned char)*w); w++)
		continue;
	if (ieqn(base, (size_t)(w - base), "template") ||
	    ieqn(base, (size_t)(w - base), "templates"))
		return 1;
	for (w = e; w > base && isalnum((unsigned char)w[-1]); w--)
		continue;
	return ieqn(w, (size_t)(e - w), "template") ||
	    ieqn(w, (size_t)(e - w), "templates");
}

int
pm_doc_is_template(const struct pm_doc *doc, const char **why)
{
	const char	*base, *p;
	size_t		 i;

	base = (p = strrchr(doc->path, '/')) != NULL ? p + 1 : doc->path;
	if (template_name(doc->path, base)) {
		*why = "its file name says it is a template";
		return 1;
	}
	/* A broken front matter is a report's error to report. */
	if (doc->meta.has_fm && !doc->meta.fm_ok)
		return 0;
	/* A report has a time that is real: a template has none. */
	for (i = 0; i < doc->timeline.n; i++)
		if (doc->timeline.rows[i].ok)
			return 0;
	if (doc->meta.started.set && doc->meta.started.ok)
		return 0;
	if (count_placeholders(doc) >= 3) {
		*why = "its values are placeholders (\"<...>\", \"HH:mm\", "
		    "\"XXX\"...)";
		return 1;
	}
	return 0;
}
