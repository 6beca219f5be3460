/*
 * Metadata of a report written without front matter (see infer.h).
 *
 * Where the values come from, in order of trust:
 *
 *  1. metadata lines: "Key: value" as plain lines, list items
 *     ("- Category: X") or bold keys ("**Date**: ..."), and two-column
 *     table rows, in the preamble (between the title and the first
 *     section) or in a metadata section (Stats, Metadata, Details...);
 *  2. sections named after a key (the Google SRE book's "# Date",
 *     "# Authors", "# Status"): their content is the value;
 *  3. the timeline rows, for started/detected/mitigated/ended when no
 *     metadata line gives a time of day.
 *
 * Nothing is invented: a value that cannot be read stays unset.  A
 * "Category:" line becomes a tag and the extra field "category" (the
 * same model before and after `adopt`, which writes it into the front
 * matter; the site counts it with the factor categories).
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/time.h"
#include "base/tz.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "doc/infer.h"
#include "doc/title.h"
#include "doc/ttime.h"
#include "source/config.h"

enum	mkey {
	MK_NONE,	/* not metadata */
	MK_IGNORE,	/* prose under a key ("Summary: ...") */
	MK_EXTRA,	/* unknown key: an extra field */
	MK_KNOWN_EXTRA,	/* "Time to detection": an extra field we know */
	MK_SEVERITY,
	MK_PRIORITY,
	MK_SERVICES,
	MK_TAGS,
	MK_CATEGORY,
	MK_AUTHORS,
	MK_STATUS,
	MK_DATE,
	MK_START,
	MK_END,
	MK_DETECTED,
	MK_MITIGATED,
};

static const struct {
	const char	*name;
	enum mkey	 k;
} keys[] = {
	{ "severity", MK_SEVERITY }, { "sev", MK_SEVERITY },
	{ "severity level", MK_SEVERITY }, { "incident severity", MK_SEVERITY },
	{ "impact level", MK_SEVERITY },
	{ "priority", MK_PRIORITY }, { "incident priority", MK_PRIORITY },
	{ "service", MK_SERVICES }, { "services", MK_SERVICES },
	{ "service(s)", MK_SERVICES }, { "affected service", MK_SERVICES },
	{ "affected services", MK_SERVICES },
	{ "affected service(s)", MK_SERVICES },
	{ "component", MK_SERVICES }, { "components", MK_SERVICES },
	{ "component(s)", MK_SERVICES }, { "affected components", MK_SERVICES },
	{ "system", MK_SERVICES }, { "systems", MK_SERVICES },
	{ "system(s)", MK_SERVICES }, { "affected systems", MK_SERVICES },
	{ "affected system(s)", MK_SERVICES },
	{ "tags", MK_TAGS }, { "tag", MK_TAGS }, { "labels", MK_TAGS },
	{ "keywords", MK_TAGS },
	{ "category", MK_CATEGORY }, { "categories", MK_CATEGORY },
	{ "incident category", MK_CATEGORY },
	{ "author", MK_AUTHORS }, { "authors", MK_AUTHORS },
	{ "author(s)", MK_AUTHORS }, { "owner", MK_AUTHORS },
	{ "owners", MK_AUTHORS }, { "owner(s)", MK_AUTHORS },
	{ "written by", MK_AUTHORS }, { "prepared by", MK_AUTHORS },
	{ "postmortem owner", MK_AUTHORS }, { "postmortem author", MK_AUTHORS },
	{ "postmortem authors", MK_AUTHORS }, { "report owner", MK_AUTHORS },
	{ "document owner", MK_AUTHORS },
	{ "status", MK_STATUS }, { "document status", MK_STATUS },
	{ "report status", MK_STATUS }, { "postmortem status", MK_STATUS },
	{ "date", MK_DATE }, { "incident date", MK_DATE },
	{ "date of incident", MK_DATE },
	{ "start", MK_START }, { "started", MK_START },
	{ "fault occurs", MK_START }, { "fault occurred", MK_START },
	{ "incident started", MK_START }, { "issue started", MK_START },
	{ "start time", MK_START }, { "started at", MK_START },
	{ "incident start", MK_START }, { "impact start", MK_START },
	{ "start of impact", MK_START }, { "began", MK_START },
	{ "end", MK_END }, { "ended", MK_END }, { "end time", MK_END },
	{ "ended at", MK_END }, { "incident end", MK_END },
	{ "impact end", MK_END }, { "end of impact", MK_END },
	{ "resolved", MK_END }, { "resolved at", MK_END },
	{ "resolution time", MK_END },
	{ "detected", MK_DETECTED }, { "detected at", MK_DETECTED },
	{ "first detected", MK_DETECTED }, { "fault detected", MK_DETECTED },
	{ "detection time", MK_DETECTED }, { "time detected", MK_DETECTED },
	{ "mitigated", MK_MITIGATED }, { "mitigated at", MK_MITIGATED },
	{ "mitigation time", MK_MITIGATED }, { "recovered", MK_MITIGATED },
	{ "recovered at", MK_MITIGATED },
	{ "repaired", MK_MITIGATED }, { "repaired at", MK_MITIGATED },
	{ "time to detection", MK_KNOWN_EXTRA },
	{ "time to detect", MK_KNOWN_EXTRA },
	{ "time to recovery", MK_KNOWN_EXTRA },
	{ "time to recover", MK_KNOWN_EXTRA },
	{ "time to resolve", MK_KNOWN_EXTRA },
	{ "time to repair", MK_KNOWN_EXTRA },
	{ "incident declared", MK_KNOWN_EXTRA },
	{ "incident lead", MK_KNOWN_EXTRA },
	{ "time to resolution", MK_KNOWN_EXTRA },
	{ "time to mitigate", MK_KNOWN_EXTRA },
	{ "time to mitigation", MK_KNOWN_EXTRA },
	{ "ttd", MK_KNOWN_EXTRA }, { "ttr", MK_KNOWN_EXTRA },
	{ "mttr", MK_KNOWN_EXTRA }, { "mttd", MK_KNOWN_EXTRA },
	{ "duration", MK_KNOWN_EXTRA }, { "incident id", MK_KNOWN_EXTRA },
	{ "incident", MK_KNOWN_EXTRA }, { "ticket", MK_KNOWN_EXTRA },
	{ "incident commander", MK_KNOWN_EXTRA },
	/* Prose written as "Key: text" (the SRE book's one-page form). */
	{ "summary", MK_IGNORE }, { "impact", MK_IGNORE },
	{ "root cause", MK_IGNORE }, { "root causes", MK_IGNORE },
	{ "trigger", MK_IGNORE }, { "resolution", MK_IGNORE },
	{ "detection", MK_IGNORE }, { "description", MK_IGNORE },
	{ "background", MK_IGNORE }, { "note", MK_IGNORE },
	{ "notes", MK_IGNORE }, { "timeline", MK_IGNORE },
	{ "action items", MK_IGNORE }, { "lessons learned", MK_IGNORE },
	{ "what happened", MK_IGNORE }, { "see", MK_IGNORE },
	{ "example", MK_IGNORE }, { "identified", MK_IGNORE },
	{ "context", MK_IGNORE }, { "review actions", MK_IGNORE },
	{ "key events", MK_IGNORE }, { "e.g", MK_IGNORE }, { "i.e", MK_IGNORE },
};

/* Headings of sections that hold metadata lines. */
static const char *const metasecs[] = {
	"stats", "statistics", "metadata", "meta", "details",
	"incident details", "incident information", "incident info",
	"info", "information", "facts", "key facts", "incident metadata",
	"report details", "document details", "properties",
};

/* One "Key: value" line. */
struct	mline {
	const char	*key;
	size_t		 keylen;
	const char	*val;
	size_t		 vallen;
	unsigned int	 line;
	unsigned int	 col;		/* 1-based byte column of the value */
	int		 listitem;
	int		 bold;
};

struct	infer {
	struct pm_doc		*doc;
	const struct pm_config	*cfg;
	struct pm_ttime_ctx	 tctx;
	struct pm_tz		 tz;		/* tctx.zone points here */
	int			 have_date;	/* "Date:" read */
	int64_t			 date_day;
	/* "Start: Wednesday, 2018-08-22", "Date:", "End:" with a day and
	 * no time: used when the timeline gives nothing better. */
	struct pm_tsval		 day_started, day_ended;
	int			 day_started_key; /* MK_START over MK_DATE */
	size_t			 tagcap, svccap, authcap, extracap;
	const char		*svc_src;	/* key line that set services */
	const char		*auth_src;	/* ... and authors */
	int			 start_row;	/* started is the timeline's
						   first row */
};

static int
ieq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && strncasecmp(s, lit, len) == 0;
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && isspace((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

/* A heading as a label: blanks, a trailing colon and bold marks off
 * ("**Severity:**" -> "Severity"). */
static void
bare_label(const char **s, size_t *len)
{
	trim(s, len);
	while (*len > 0 && ((*s)[*len - 1] == ':' || (*s)[*len - 1] == '*'))
		(*len)--;
	while (*len > 0 && **s == '*') {
		(*s)++;
		(*len)--;
	}
}

/* Look a key up (case-insensitive, blanks squeezed). */
static enum mkey
key_kind(const char *k, size_t len)
{
	char	 buf[48];
	size_t	 i, n = 0;
	int	 sp = 0;

	for (i = 0; i < len && n < sizeof(buf) - 1; i++) {
		if (isspace((unsigned char)k[i])) {
			sp = 1;
			continue;
		}
		if (sp && n > 0)
			buf[n++] = ' ';
		sp = 0;
		if (n < sizeof(buf) - 1)
			buf[n++] = (char)tolower((unsigned char)k[i]);
	}
	buf[n] = '\0';
	if (i < len)
		return MK_EXTRA;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(buf, keys[i].name) == 0)
			return keys[i].k;
	return MK_EXTRA;
}

/*
 * Read a line as "Key: value", "- Key: value", "**Key**: value",
 * "**Key:** value" or "| Key | value |".  An empty value is allowed
 * (a list may follow).  Returns 1 and fills m, or 0.
 */
static int
read_mline(const char *s, size_t len, struct mline *m)
{
	const char	*p = s, *e = s + len, *k, *ke, *c;
	size_t		 words = 0, i;

	memset(m, 0, sizeof(*m));
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && *p == '|') {
		/* A two-column table row. */
		const char	*c1, *c1e, *c2, *c2e;

		c1 = p + 1;
		if ((c1e = memchr(c1, '|', (size_t)(e - c1))) == NULL)
			return 0;
		c2 = c1e + 1;
		if ((c2e = memchr(c2, '|', (size_t)(e - c2))) == NULL)
			c2e = e;
		for (c = c2e + (c2e < e); c < e; c++)
			if (*c != ' ' && *c != '\t' && *c != '|')
				return 0;	/* more than two columns */
		k = c1;
		ke = c1e;
		while (k < ke && isspace((unsigned char)*k))
			k++;
		while (ke > k && isspace((unsigned char)ke[-1]))
			ke--;
		while (k < ke && (*k == '*' || *k == '_'))
			k++, m->bold = 1;
		while (ke > k && (ke[-1] == '*' || ke[-1] == '_' ||
		    ke[-1] == ':'))
			ke--;
		if (k == ke || !isalpha((unsigned char)*k))
			return 0;
		for (c = k; c < ke; c++)
			if (*c == '-' && c == k)
				return 0;
		m->key = k;
		m->keylen = (size_t)(ke - k);
		m->val = c2;
		m->vallen = (size_t)(c2e - c2);
		trim(&m->val, &m->vallen);
		m->col = (unsigned int)(m->val - s) + 1;
		return m->keylen <= 40;
	}
	if (p + 1 < e && (*p == '-' || *p == '*' || *p == '+') &&
	    (p[1] == ' ' || p[1] == '\t')) {
		p += 2;
		m->listitem = 1;
	} else if (p < e && isdigit((unsigned char)*p)) {
		for (c = p; c < e && isdigit((unsigned char)*c); c++)
			continue;
		if (c + 1 < e && (*c == '.' || *c == ')') && c[1] == ' ') {
			p = c + 2;
			m->listitem = 1;
		}
	}
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p + 1 < e && ((p[0] == '*' && p[1] == '*') ||
	    (p[0] == '_' && p[1] == '_'))) {
		/* "**Key**: value" or "**Key:** value" */
		k = p + 2;
		for (c = k; c + 1 < e && !(c[0] == p[0] && c[1] == p[0]); c++)
			continue;
		if (c + 1 >= e)
			return 0;
		ke = c;
		c += 2;
		if (ke > k && ke[-1] == ':')
			ke--;
		else if (c < e && *c == ':')
			c++;
		else
			return 0;
		m->bold = 1;
	} else {
		k = p;
		for (c = k; c < e && *c != ':'; c++)
			if (!isalnum((unsigned char)*c) && *c != ' ' &&
			    *c != '(' && *c != ')' && *c != '/' && *c != '-' &&
			    *c != '&' && *c != '\'' && *c != '.' && *c != '_')
				return 0;
		if (c >= e)
			return 0;
		ke = c++;
		/* "http://", "10:45": the colon must end the key. */
		if (c < e && *c != ' ' && *c != '\t')
			return 0;
	}
	while (ke > k && isspace((unsigned char)ke[-1]))
		ke--;
	if (ke == k || !isalpha((unsigned char)*k) || ke - k > 40)
		return 0;
	for (i = 0; k + i < ke; i++)
		if (k[i] == ' ' && (i == 0 || k[i - 1] != ' '))
			words++;
	if (words >= 5)
		return 0;
	m->key = k;
	m->keylen = (size_t)(ke - k);
	m->val = c;
	m->vallen = (size_t)(e - c);
	trim(&m->val, &m->vallen);
	/* A hard line break ("  " or "\" at the end) is not the value. */
	while (m->vallen > 0 && m->val[m->vallen - 1] == '\\')
		m->vallen--;
	trim(&m->val, &m->vallen);
	m->col = (unsigned int)(m->val - s) + 1;
	return 1;
}

int
pm_infer_is_metaline(const char *s, size_t len)
{
	struct mline	 m;
	enum mkey	 k;

	if (!read_mline(s, len, &m))
		return 0;
	k = key_kind(m.key, m.keylen);
	return k != MK_EXTRA && k != MK_IGNORE && k != MK_NONE;
}

/*
 * Copy a value without Markdown decoration: emphasis and code marks
 * around it, links "[text](url)" reduced to their text, HTML entities
 * decoded.  Returns an arena string.
 */
static char *
clean(struct pm_doc *doc, const char *s, size_t len)
{
	char	*out, *o;
	size_t	 i, j;

	trim(&s, &len);
	while (len >= 2 && ((s[0] == '*' && s[len - 1] == '*') ||
	    (s[0] == '_' && s[len - 1] == '_') ||
	    (s[0] == '`' && s[len - 1] == '`'))) {
		s++;
		len -= 2;
		trim(&s, &len);
	}
	o = out = pm_arena_alloc(&doc->arena, len + 1);
	for (i = 0; i < len; i++) {
		if (s[i] == '[') {
			/* [text](url) -> text */
			for (j = i + 1; j < len && s[j] != ']'; j++)
				continue;
			if (j + 1 < len && s[j + 1] == '(') {
				size_t	 k;

				for (k = j + 2; k < len && s[k] != ')'; k++)
					continue;
				if (k < len) {
					memcpy(o, s + i + 1, j - i - 1);
					o += j - i - 1;
					i = k;
					continue;
				}
			}
		}
		if (s[i] == '`')
			continue;
		if (s[i] == '&') {
			static const struct {
				const char	*ent;
				char		 c;
			} ents[] = {
				{ "&amp;", '&' }, { "&lt;", '<' },
				{ "&gt;", '>' }, { "&quot;", '"' },
				{ "&#39;", '\'' }, { "&apos;", '\'' },
				{ "&nbsp;", ' ' },
			};
			size_t	 e;

			for (e = 0; e < sizeof(ents) / sizeof(ents[0]); e++) {
				size_t	 n = strlen(ents[e].ent);

				if (len - i >= n &&
				    strncmp(s + i, ents[e].ent, n) == 0) {
					*o++ = ents[e].c;
					i += n - 1;
					break;
				}
			}
			if (e < sizeof(ents) / sizeof(ents[0]))
				continue;
		}
		*o++ = s[i];
	}
	*o = '\0';
	/* Emphasis left inside ("**Kubernetes**"): drop the marks. */
	for (o = out, i = 0; out[i] != '\0'; i++)
		if (!(out[i] == '*' && (out[i + 1] == '*' ||
		    (i > 0 && out[i - 1] == '*'))))
			*o++ = out[i];
	*o = '\0';
	len = strlen(out);
	while (len > 0 && isspace((unsigned char)out[len - 1]))
		out[--len] = '\0';
	return out;
}

/* Append a string to a list in the document's arena (no duplicates). */
static void
list_add(struct pm_doc *doc, struct pm_list *l, size_t *cap,
    const char *s, struct pm_pos pos)
{
	size_t	 i;

	if (s == NULL || *s == '\0')
		return;
	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->v[i].s, s) == 0)
			return;
	l->v = pm_arena_grow(&doc->arena, l->v, cap, l->n + 1,
	    sizeof(*l->v));
	l->v[l->n].s = s;
	l->v[l->n].pos = pos;
	l->n++;
	if (!l->set) {
		l->set = 1;
		l->ok = 1;
		l->pos = pos;
	}
}

/*
 * Split a value on ",", ";", " and ", " & " into a list.  Parts keep
 * their text; a trailing full stop is dropped.
 */
static void
list_split(struct infer *in, struct pm_list *l, size_t *cap,
    const char *s, size_t len, unsigned int line, unsigned int col)
{
	struct pm_pos	 pos;
	size_t		 i = 0, start = 0, cut, n;
	char		*v, *whole;

	/* Decode first: "cdn &amp; edge" must not split at the ';'. */
	whole = clean(in->doc, s, len);
	len = strlen(whole);
	while (i <= len) {
		cut = 0;
		if (i == len || whole[i] == ',' || whole[i] == ';')
			cut = 1;
		else if (i + 5 <= len &&
		    strncasecmp(whole + i, " and ", 5) == 0)
			cut = 5;
		else if (i + 3 <= len && strncmp(whole + i, " & ", 3) == 0)
			cut = 3;
		if (cut) {
			n = i - start;
			while (n > 0 && whole[start + n - 1] == '.')
				n--;
			v = clean(in->doc, whole + start, n);
			pos.line = line;
			pos.col = col + (unsigned int)(start < len ? start : 0);
			list_add(in->doc, l, cap, v, pos);
			i += cut;
			start = i;
			continue;
		}
		i++;
	}
}

/*
 * Severity as written: "SEV2", "SEV-2", "Sev 2", "P1", "Priority 1",
 * "2" under a Severity/Priority key; anything after the number must
 * not be a letter or digit ("SEV2 (major)").  Returns 0..4 and sets
 * *ispri (P-style), or -1 (words such as "High" are not guessed).
 */
static int
read_sev(const char *s, size_t len, int pri_key, int *ispri)
{
	size_t	 i = 0;

	trim(&s, &len);
	while (len > 0 && (*s == '*' || *s == '`')) {
		s++;
		len--;
	}
	*ispri = pri_key;
	if (len >= 8 && strncasecmp(s, "severity", 8) == 0) {
		i = 8;
		*ispri = 0;
	} else if (len >= 8 && strncasecmp(s, "priority", 8) == 0) {
		i = 8;
		*ispri = 1;
	} else if (len >= 3 && strncasecmp(s, "sev", 3) == 0) {
		i = 3;
		*ispri = 0;
	} else if (len >= 1 && (s[0] == 'P' || s[0] == 'p') &&
	    len >= 2 && isdigit((unsigned char)s[1])) {
		i = 1;
		*ispri = 1;
	}
	if (i < len && (s[i] == '-' || s[i] == ' '))
		i++;
	if (i >= len || s[i] < '0' || s[i] > '4')
		return -1;
	if (i + 1 < len && isalnum((unsigned char)s[i + 1]))
		return -1;
	return s[i] - '0';
}

/*
 * A severity word ("Major (High impact)", "**Critical** - ...") by the
 * configuration's severities table, else the default one.  Only the
 * first word counts.  Returns the level and sets *ispri, or -1.
 */
static int
read_sev_word(const struct pm_config *cfg, const char *s, size_t len,
    int *ispri)
{
	static const struct pm_sevword dflt[] = {
		{ (char *)"critical", 1, 0 }, { (char *)"major", 2, 0 },
		{ (char *)"high", 2, 0 }, { (char *)"medium", 3, 0 },
		{ (char *)"moderate", 3, 0 }, { (char *)"minor", 3, 0 },
		{ (char *)"low", 4, 0 },
	};
	const struct pm_sevword	*t = dflt;
	size_t			 n = sizeof(dflt) / sizeof(dflt[0]), i, w, k;

	if (cfg != NULL && cfg->nseverities > 0) {
		t = cfg->severities;
		n = cfg->nseverities;
	}
	trim(&s, &len);
	while (len > 0 && (*s == '*' || *s == '_' || *s == '`')) {
		s++;
		len--;
	}
	for (i = 0; i < n; i++) {
		w = strlen(t[i].word);
		if (len < w || strncasecmp(s, t[i].word, w) != 0)
			continue;
		/* The whole first word (or the table's phrase). */
		k = w;
		if (k < len && (isalnum((unsigned char)s[k]) || s[k] == '-'))
			continue;
		*ispri = t[i].pri;
		return t[i].level;
	}
	return -1;
}

/* Status words: Draft/In progress -> draft, Review -> review,
 * Final/Complete/Closed/Published -> final.  Returns 0 or -1. */
static int
read_status(const char *s, size_t len, enum pm_status *out)
{
	static const struct {
		const char	*w;
		enum pm_status	 st;
	} words[] = {
		{ "draft", PM_STATUS_DRAFT }, { "wip", PM_STATUS_DRAFT },
		{ "in progress", PM_STATUS_DRAFT },
		{ "in-progress", PM_STATUS_DRAFT },
		{ "work in progress", PM_STATUS_DRAFT },
		{ "ongoing", PM_STATUS_DRAFT }, { "open", PM_STATUS_DRAFT },
		{ "review", PM_STATUS_REVIEW }, { "in review", PM_STATUS_REVIEW },
		{ "under review", PM_STATUS_REVIEW },
		{ "ready for review", PM_STATUS_REVIEW },
		{ "reviewed", PM_STATUS_FINAL },
		{ "final", PM_STATUS_FINAL }, { "complete", PM_STATUS_FINAL },
		{ "completed", PM_STATUS_FINAL }, { "closed", PM_STATUS_FINAL },
		{ "published", PM_STATUS_FINAL }, { "done", PM_STATUS_FINAL },
		{ "finished", PM_STATUS_FINAL }, { "approved", PM_STATUS_FINAL },
		{ "finalized", PM_STATUS_FINAL }, { "finalised", PM_STATUS_FINAL },
	};
	size_t	 i, n;

	trim(&s, &len);
	while (len > 0 && (*s == '*' || *s == '_' || *s == '`')) {
		s++;
		len--;
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i].w);
		if (len >= n && strncasecmp(s, words[i].w, n) == 0 &&
		    (len == n || !isalnum((unsigned char)s[n]))) {
			*out = words[i].st;
			return 0;
		}
	}
	return -1;
}

/* "Time to detection" -> "time_to_detection" (arena). */
static char *
snake(struct pm_doc *doc, const char *k, size_t len)
{
	char	*out;
	size_t	 i, n = 0;
	int	 us = 0;

	out = pm_arena_alloc(&doc->arena, len + 1);
	for (i = 0; i < len; i++) {
		if (isalnum((unsigned char)k[i])) {
			if (us && n > 0)
				out[n++] = '_';
			us = 0;
			out[n++] = (char)tolower((unsigned char)k[i]);
		} else
			us = 1;
	}
	out[n] = '\0';
	return out;
}

static void
extra_add(struct infer *in, const char *key, const char *value,
    struct pm_pos pos)
{
	struct pm_meta	*m = &in->doc->meta;
	struct pm_kv	*kv;
	char		*end;
	size_t		 i;

	static const char *const fields[] = {
		"title", "id", "severity", "status", "started", "detected",
		"mitigated", "ended", "services", "tags", "authors",
		"reviewed", "distributed", "follow_up", "related", "impact",
		"locale",
	};

	if (*key == '\0' || value == NULL || *value == '\0')
		return;
	/* A front matter field is never an extra: written as one, it
	 * would be read with that field's type. */
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(key, fields[i]) == 0)
			return;
	for (i = 0; i < m->nextra; i++)
		if (strcmp(m->extra[i].key, key) == 0)
			return;
	m->extra = pm_arena_grow(&in->doc->arena, m->extra, &in->extracap,
	    m->nextra + 1, sizeof(*m->extra));
	kv = &m->extra[m->nextra++];
	memset(kv, 0, sizeof(*kv));
	kv->key = key;
	kv->value = value;
	kv->pos = pos;
	if (isdigit((unsigned char)*value) || *value == '-') {
		kv->num = strtod(value, &end);
		kv->is_num = *end == '\0';
	}
}

/*
 * Read a time value into a tsval.  A day without a time of day goes
 * into *day instead (a day value, never midnight), when day is not
 * NULL.  Returns 0, or -1 if unreadable (or a day with day NULL).
 */
static int
set_time(struct infer *in, struct pm_tsval *tv, struct pm_tsval *day,
    const char *val, size_t len, unsigned int line, unsigned int col)
{
	struct pm_ttime	 t;
	struct pm_ttime_ctx ctx = in->tctx;

	if (in->have_date) {
		ctx.has_base = 1;
		ctx.base_day = in->date_day;
	}
	if (pm_ttime_parse(&t, val, len, &ctx) == -1)
		return -1;
	if (!t.has_date && !ctx.has_base)
		return -1;
	if (t.date_only && day == NULL)
		return -1;
	if (t.date_only)
		tv = day;
	tv->set = 1;
	tv->ok = 1;
	/* An instant was resolved to UTC with the declared zone; the
	 * zone does not move a day the report writes as a day. */
	tv->has_zone = !t.date_only;
	tv->day = t.date_only;
	tv->t = t.date_only ? t.day * PM_DAY : t.t;
	tv->raw = pm_arena_strndup(&in->doc->arena, val, len);
	tv->pos.line = line;
	tv->pos.col = col;
	return 0;
}

/* The day a date value names ("Date: 2015-10-21"); 0 or -1. */
static int
read_day(const struct pm_ttime_ctx *tctx, const char *val, size_t len,
    int64_t *day)
{
	struct pm_ttime	 t;

	if (pm_ttime_parse(&t, val, len, tctx) == -1 || !t.has_date)
		return -1;
	*day = t.day;
	return 0;
}

/*
 * Apply one metadata line.  in_meta: the line is in a metadata section
 * or block (unknown keys become extra fields).  Returns the key kind.
 */
static enum mkey
apply(struct infer *in, const struct mline *ml, int extra_ok)
{
	struct pm_doc	*doc = in->doc;
	struct pm_meta	*m = &doc->meta;
	struct pm_pos	 pos;
	enum mkey	 k;
	enum pm_status	 st;
	struct pm_tsval	 day, *dv;
	int		 sev, ispri;
	char		*v;

	k = key_kind(ml->key, ml->keylen);
	if (k == MK_EXTRA && pm_sec__match(ml->key, ml->keylen, in->cfg) !=
	    PM_SEC_OTHER)
		k = MK_IGNORE;
	pos.line = ml->line;
	pos.col = ml->col;
	if (ml->vallen == 0 || ml->vallen > 300)
		return k;
	/* "<Link to the recording>", "HH:mm": a template's, not a value. */
	if (pm_placeholder(ml->val, ml->vallen))
		return k;
	switch (k) {
	case MK_SEVERITY:
	case MK_PRIORITY:
		if (m->severity_raw.s != NULL)
			break;
		sev = read_sev(ml->val, ml->vallen, k == MK_PRIORITY, &ispri);
		if (sev < 0 && k == MK_SEVERITY)
			sev = read_sev_word(in->cfg, ml->val, ml->vallen,
			    &ispri);
		if (sev < 0)
			break;
		m->severity = sev;
		m->severity_raw.s = pm_arena_printf(&doc->arena, "%s%d",
		    ispri ? "P" : "SEV", sev);
		m->severity_raw.pos = pos;
		break;
	case MK_SERVICES:
		/* The first key that names services gives all of them
		 * (several items under one "Services:" or heading). */
		if (m->services.set && in->svc_src != ml->key)
			break;
		in->svc_src = ml->key;
		list_split(in, &m->services, &in->svccap, ml->val,
		    ml->vallen, ml->line, ml->col);
		break;
	case MK_TAGS:
		list_split(in, &m->tags, &in->tagcap, ml->val, ml->vallen,
		    ml->line, ml->col);
		break;
	case MK_CATEGORY:
		v = clean(doc, ml->val, ml->vallen);
		list_add(doc, &m->tags, &in->tagcap, v, pos);
		extra_add(in, "category", v, pos);
		break;
	case MK_AUTHORS:
		if (m->authors.set && in->auth_src != ml->key)
			break;
		in->auth_src = ml->key;
		list_split(in, &m->authors, &in->authcap, ml->val,
		    ml->vallen, ml->line, ml->col);
		break;
	case MK_STATUS:
		if (m->status_raw.s != NULL ||
		    read_status(ml->val, ml->vallen, &st) == -1)
			break;
		m->status = st;
		m->status_raw.s = clean(doc, ml->val, ml->vallen);
		m->status_raw.pos = pos;
		break;
	case MK_DATE:
	case MK_START:
		/* A day is the base of clock-only values; with a time of
		 * day it is also the start, and alone the start's day
		 * when the timeline has no time (a Start: line's before
		 * a Date: line's). */
		if (!in->have_date && read_day(&in->tctx, ml->val,
		    ml->vallen, &in->date_day) == 0)
			in->have_date = 1;
		memset(&day, 0, sizeof(day));
		dv = !in->day_started.set || (k == MK_START &&
		    in->day_started_key == MK_DATE) ? &day : NULL;
		if (!m->started.set && set_time(in, &m->started, dv,
		    ml->val, ml->vallen, ml->line, ml->col) == 0 &&
		    day.set) {
			in->day_started = day;
			in->day_started_key = k;
		}
		break;
	case MK_END:
		if (!m->ended.set)
			(void)set_time(in, &m->ended, in->day_ended.set ?
			    NULL : &in->day_ended, ml->val, ml->vallen,
			    ml->line, ml->col);
		break;
	case MK_DETECTED:
		if (!m->detected.set)
			(void)set_time(in, &m->detected, NULL, ml->val,
			    ml->vallen, ml->line, ml->col);
		break;
	case MK_MITIGATED:
		if (!m->mitigated.set)
			(void)set_time(in, &m->mitigated, NULL, ml->val,
			    ml->vallen, ml->line, ml->col);
		break;
	case MK_KNOWN_EXTRA:
		extra_add(in, snake(doc, ml->key, ml->keylen),
		    clean(doc, ml->val, ml->vallen), pos);
		break;
	case MK_EXTRA:
		if (extra_ok && ml->vallen <= 120)
			extra_add(in, snake(doc, ml->key, ml->keylen),
			    clean(doc, ml->val, ml->vallen), pos);
		break;
	default:
		break;
	}
	return k;
}

static const char *
line_at(const struct pm_doc *doc, unsigned int n, size_t *len)
{
	const char	*s;

	s = pm_doc_line(doc, n, len);
	if (s != NULL && *len > 0 && s[*len - 1] == '\r')
		(*len)--;
	return s;
}

/*
 * The first line after a heading on line n: the one after its setext
 * underline ("Severity" over "--------"), if it has one.
 */
static unsigned int
after_heading(const struct pm_doc *doc, unsigned int n)
{
	const char	*s;
	size_t		 len, i;

	if ((s = line_at(doc, n + 1, &len)) == NULL || len == 0 ||
	    (*s != '=' && *s != '-'))
		return n + 1;
	for (i = 0; i < len && s[i] == *s; i++)
		continue;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	return i == len ? n + 2 : n + 1;
}

static int
fence_line(const char *s, size_t len)
{
	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	return len >= 3 && (strncmp(s, "```", 3) == 0 ||
	    strncmp(s, "~~~", 3) == 0);
}

static int
blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A list item line: "- x", "* x", "+ x", "1. x".  Sets the text. */
static int
list_item(const char *s, size_t len, const char **text, size_t *tlen)
{
	size_t	 i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i + 1 < len && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
	    s[i + 1] == ' ')
		i += 2;
	else {
		size_t	 j = i;

		while (j < len && isdigit((unsigned char)s[j]))
			j++;
		if (j == i || j + 1 >= len || (s[j] != '.' && s[j] != ')') ||
		    s[j + 1] != ' ')
			return 0;
		i = j + 2;
	}
	*text = s + i;
	*tlen = len - i;
	trim(text, tlen);
	return 1;
}

/* 1 if line n is a table header (the next line is |---|---|). */
static int
table_header(const struct pm_doc *doc, unsigned int n)
{
	const char	*s;
	size_t		 len, i;
	int		 dash = 0;

	if ((s = line_at(doc, n + 1, &len)) == NULL || len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ')
			return 0;
	}
	return dash;
}

/* Leading blanks of a line. */
static size_t
indent_of(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		continue;
	return i;
}

/* "- **Key events**", "Key events:", "**Key dates**": a label whose
 * list items are "Fault occurs 2020-02-12 11:45" lines. */
static int
keyev_label(const char *s, size_t len)
{
	const char	*t;
	size_t		 tlen;

	if (!list_item(s, len, &t, &tlen)) {
		t = s;
		tlen = len;
		trim(&t, &tlen);
	}
	while (tlen > 0 && (*t == '*' || *t == '_')) {
		t++;
		tlen--;
	}
	while (tlen > 0 && (t[tlen - 1] == '*' || t[tlen - 1] == '_' ||
	    t[tlen - 1] == ':'))
		tlen--;
	return ieq(t, tlen, "key events") || ieq(t, tlen, "key dates") ||
	    ieq(t, tlen, "key times") || ieq(t, tlen, "key timestamps") ||
	    ieq(t, tlen, "key moments");
}

/*
 * An item under a Key events label without a colon: "Fault occurs
 * 2020-02-12 11:45", the key before the first number.  Returns 1 and
 * fills m when the key names a time we know.
 */
static int
keyev_item(const char *s, size_t len, struct mline *m)
{
	const char	*t;
	size_t		 tlen, i;
	enum mkey	 k;

	if (!list_item(s, len, &t, &tlen))
		return 0;
	for (i = 1; i < tlen; i++)
		if (isdigit((unsigned char)t[i]) && t[i - 1] == ' ')
			break;
	if (i >= tlen)
		return 0;
	memset(m, 0, sizeof(*m));
	m->key = t;
	m->keylen = i;
	trim(&m->key, &m->keylen);
	k = key_kind(m->key, m->keylen);
	if (k != MK_START && k != MK_END && k != MK_DETECTED &&
	    k != MK_MITIGATED && k != MK_KNOWN_EXTRA)
		return 0;
	m->val = t + i;
	m->vallen = tlen - i;
	trim(&m->val, &m->vallen);
	m->col = (unsigned int)(m->val - s) + 1;
	m->listitem = 1;
	return 1;
}

/*
 * Scan lines [first, last] for metadata.  all_extra: every unknown key
 * is an extra field (a metadata section); else only in a block (lines
 * without a blank between) that also holds a key we know.  A known key
 * with an empty value takes the list items that follow ("Authors:"
 * then "- alice").  Returns the number of known keys read.
 */
static int
scan_lines(struct infer *in, unsigned int first, unsigned int last,
    int all_extra)
{
	const struct pm_doc	*doc = in->doc;
	struct mline		 ml, pend[32];
	const char		*s, *t;
	size_t			 len, tlen, npend = 0, i, kev = 0;
	unsigned int		 n;
	int			 infence = 0, known = 0, blockknown = 0;
	int			 inkev = 0;
	enum mkey		 k;

	for (n = first; n <= last; n++) {
		if ((s = line_at(doc, n, &len)) == NULL)
			break;
		if (fence_line(s, len)) {
			infence = !infence;
			continue;
		}
		if (infence)
			continue;
		if (blank(s, len) || (len > 0 && *s == '#')) {
			/* End of a block: its unknown keys count only if
			 * it had a known one. */
			if (blockknown || all_extra)
				for (i = 0; i < npend; i++)
					(void)apply(in, &pend[i], 1);
			npend = 0;
			blockknown = 0;
			inkev = 0;
			continue;
		}
		if (keyev_label(s, len)) {
			inkev = 1;
			kev = indent_of(s, len);
			continue;
		}
		if (inkev && indent_of(s, len) <= kev)
			inkev = 0;
		if (inkev && (!read_mline(s, len, &ml) || key_kind(ml.key,
		    ml.keylen) == MK_EXTRA) && keyev_item(s, len, &ml)) {
			ml.line = n;
			known++;
			blockknown = 1;
			(void)apply(in, &ml, 1);
			continue;
		}
		if (!read_mline(s, len, &ml) || table_header(doc, n))
			continue;
		ml.line = n;
		k = key_kind(ml.key, ml.keylen);
		if (k == MK_EXTRA) {
			if (npend < sizeof(pend) / sizeof(pend[0]))
				pend[npend++] = ml;
			continue;
		}
		if (k == MK_IGNORE || k == MK_NONE)
			continue;
		known++;
		blockknown = 1;
		if (ml.vallen > 0) {
			(void)apply(in, &ml, all_extra);
			continue;
		}
		/* "Authors:" followed by list items. */
		while (n + 1 <= last && (t = line_at(doc, n + 1, &tlen)) !=
		    NULL && (blank(t, tlen) || list_item(t, tlen, &t, &tlen))) {
			n++;
			if (blank(t, tlen))
				continue;
			ml.val = t;
			ml.vallen = tlen;
			ml.line = n;
			ml.col = (unsigned int)(t - line_at(doc, n, &len)) + 1;
			(void)apply(in, &ml, all_extra);
		}
	}
	if (blockknown || all_extra)
		for (i = 0; i < npend; i++)
			(void)apply(in, &pend[i], 1);
	return known;
}

/* The metadata key a heading names ("# Date", "## Authors"), if any. */
static enum mkey
heading_key(const struct pm_section *sec)
{
	const char	*h = sec->heading;
	size_t		 len;
	enum mkey	 k;

	if (h == NULL)
		return MK_NONE;
	len = strlen(h);
	bare_label(&h, &len);
	k = key_kind(h, len);
	return k == MK_EXTRA || k == MK_IGNORE ? MK_NONE : k;
}

static int
is_metasec(const struct pm_section *sec)
{
	const char	*h = sec->heading;
	size_t		 len, i;

	if (h == NULL || sec->kind != PM_SEC_OTHER)
		return 0;
	len = strlen(h);
	trim(&h, &len);
	while (len > 0 && h[len - 1] == ':')
		len--;
	for (i = 0; i < sizeof(metasecs) / sizeof(metasecs[0]); i++)
		if (ieq(h, len, metasecs[i]))
			return 1;
	return 0;
}

/*
 * A section named after a key: the key lines in it, else its content
 * (list items, or the first paragraph line) is the value.
 */
static void
scan_keysec(struct infer *in, const struct pm_section *sec, enum mkey k)
{
	const struct pm_doc	*doc = in->doc;
	struct mline		 ml;
	const char		*s, *t;
	size_t			 len, tlen;
	unsigned int		 n;
	int			 infence = 0;

	if (scan_lines(in, after_heading(doc, sec->pos.line),
	    sec->line_last, 0) > 0)
		return;
	memset(&ml, 0, sizeof(ml));
	ml.key = pm_arena_strdup(&in->doc->arena, sec->heading);
	ml.keylen = strlen(ml.key);
	while (ml.keylen > 0 && (ml.key[ml.keylen - 1] == ':' ||
	    ml.key[ml.keylen - 1] == ' '))
		ml.keylen--;
	for (n = after_heading(doc, sec->pos.line); n <= sec->line_last;
	    n++) {
		if ((s = line_at(doc, n, &len)) == NULL)
			break;
		if (fence_line(s, len)) {
			infence = !infence;
			continue;
		}
		if (infence || blank(s, len) || *s == '#')
			continue;
		if (list_item(s, len, &t, &tlen)) {
			ml.val = t;
			ml.vallen = tlen;
		} else {
			ml.val = s;
			ml.vallen = len;
			trim(&ml.val, &ml.vallen);
		}
		ml.line = n;
		ml.col = (unsigned int)(ml.val - s) + 1;
		(void)apply(in, &ml, 0);
		/* Lists (authors, services, tags) take every item; a
		 * scalar takes the first line. */
		if (k != MK_AUTHORS && k != MK_SERVICES && k != MK_TAGS)
			break;
	}
}

/*
 * Words of an event that report detection or recovery.  Whole words,
 * case-insensitive.
 */
static int
has_word(const char *s, const char *const *words, size_t nwords)
{
	size_t	 i, w, n;

	if (s == NULL)
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i > 0 && isalnum((unsigned char)s[i - 1]))
			continue;
		if (!isalpha((unsigned char)s[i]))
			continue;
		for (w = 0; w < nwords; w++) {
			if (tolower((unsigned char)s[i]) != words[w][0])
				continue;
			n = strlen(words[w]);
			if (strncasecmp(s + i, words[w], n) == 0 &&
			    !isalnum((unsigned char)s[i + n]))
				return 1;
		}
	}
	return 0;
}

static const char *const detect_words[] = {
	"alert", "alerts", "alerted", "alerting", "alarm", "alarms",
	"alarmed", "paged", "pages", "reported", "noticed", "notices", "detected",
	"detects", "detection",
};

static const char *const recover_words[] = {
	"mitigated", "restored", "recovered", "resolved", "mitigation in place",
	"mitigation applied", "mitigation deployed", "mitigation complete",
	"mitigation completed", "back to normal",
};

/* Labels of a first time that is a start at the latest: "First
 * detected", "Incident declared". */
static const char *const milestone_words[] = {
	"detected", "detection", "declared", "alerted", "noticed",
	"identified", "reported", "paged",
};

/* Labels of times that come after the start: "Repaired", "Resolved". */
static const char *const late_words[] = {
	"repaired", "resolved", "mitigated", "fixed", "restored",
	"recovered",
};

/* Usable rows: read, with a time of day. */
static int
row_usable(const struct pm_trow *r)
{
	return r->ok && !r->date_only;
}

static void
row_time(struct infer *in, struct pm_tsval *tv, const struct pm_trow *r)
{
	tv->set = 1;
	tv->ok = 1;
	tv->has_zone = 1;
	tv->t = r->t;
	tv->raw = r->time_raw != NULL ? r->time_raw :
	    pm_arena_strdup(&in->doc->arena, "");
	tv->pos = r->time_pos.line != 0 ? r->time_pos : r->pos;
}

static void
row_day(struct infer *in, struct pm_tsval *tv, const struct pm_trow *r)
{
	row_time(in, tv, r);
	tv->has_zone = 0;
	tv->day = 1;	/* r->t is 00:00 UTC of the day written */
}

static size_t range_link(const char *, size_t, int);

/*
 * The span a Timeline heading gives, "## Timeline (all times PST)
 * 10/14/2022 - 11/03/2022": its first day and its last.  Returns 0 and
 * sets the two days (00:00 UTC of each), pos to the heading, or -1.
 */
static int
heading_span(struct infer *in, int64_t *d1, int64_t *d2,
    struct pm_pos *pos, const char **raw)
{
	const struct pm_doc	*doc = in->doc;
	const struct pm_section	*sec = NULL;
	struct pm_ttime_ctx	 ctx = in->tctx;
	struct pm_ttime		 a, b;
	const char		*h;
	size_t			 i, n1, n2, l, rest, len;
	int64_t			 hint = 0;
	int			 has_hint, conflict;

	for (i = 0; i < doc->nsecs && sec == NULL; i++)
		if (doc->secs[i].kind == PM_SEC_TIMELINE)
			sec = &doc->secs[i];
	if (sec == NULL || (h = sec->heading) == NULL)
		return -1;
	has_hint = doc->path != NULL && pm_ttime_name_day(doc->path,
	    &hint) == 0;
	ctx.file_order = pm_ttime_file_order(doc->text, doc->textsz,
	    has_hint, hint, &conflict);
	ctx.file_conflict = conflict;
	len = strlen(h);
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)h[i]) || (i > 0 &&
		    isalnum((unsigned char)h[i - 1])))
			continue;
		if ((n1 = pm_ttime_prefix(h + i, len - i, &rest)) == 0 ||
		    pm_ttime_parse(&a, h + i, n1, &ctx) == -1 ||
		    !a.date_only)
			continue;
		if ((l = range_link(h + i + n1, len - i - n1, 0)) == 0)
			return -1;
		n2 = len - i - n1 - l;
		if ((n2 = pm_ttime_prefix(h + i + n1 + l, n2, &rest)) == 0) {
			/* "11/03/2022. All times approximations": up to
			 * the end of the sentence. */
			const char *e2 = h + i + n1 + l;

			for (n2 = 0; e2[n2] != '\0' && !(strchr(".;)",
			    e2[n2]) != NULL && (e2[n2 + 1] == ' ' ||
			    e2[n2 + 1] == '\0')); n2++)
				continue;
		}
		while (n2 > 0 && strchr(". ", h[i + n1 + l + n2 - 1]) != NULL)
			n2--;
		if (pm_ttime_parse(&b, h + i + n1 + l, n2, &ctx) == -1 ||
		    !b.date_only || b.day <= a.day || b.day - a.day > 3660)
			return -1;
		*d1 = a.day * PM_DAY;
		*d2 = b.day * PM_DAY;
		*pos = sec->pos;
		*raw = pm_arena_strndup(&in->doc->arena, h + i + n1 + l, n2);
		return 0;
	}
	return -1;
}

/*
 * A timeline whose rows give days and no time of day ("10/22/2022 - A
 * researcher reported..."): started is the earliest day and ended the
 * latest (with two rows or more), as days; the zone of the timeline
 * does not move a day written as a day.  Nothing when a day goes back
 * (which one is wrong?), and no start (end) when a row before (after)
 * the chosen one cannot be read: it may be earlier (later).  A day
 * from a Start: or End: line is kept over the rows'.  Returns 1 when
 * the timeline has days.
 */
static int
from_days(struct infer *in)
{
	struct pm_meta		*m = &in->doc->meta;
	struct pm_timeline	*tl = &in->doc->timeline;
	const struct pm_trow	*lo = NULL, *hi = NULL, *prev = NULL;
	size_t			 i, ilo = 0, ihi = 0, nbad = 0, bad_first = 0,
				 bad_last = 0;
	int64_t			 d1, d2;
	struct pm_pos		 hpos;
	const char		*hraw;
	int			 back = 0;

	for (i = 0; i < tl->n; i++) {
		const struct pm_trow *r = &tl->rows[i];

		if (!r->ok) {
			if (r->error != NULL && !r->no_day) {
				if (nbad++ == 0)
					bad_first = i;
				bad_last = i;
			}
			continue;
		}
		if (!r->date_only)
			continue;
		if (prev != NULL && r->t < prev->t)
			back = 1;
		prev = r;
		if (lo == NULL || r->t < lo->t) {
			lo = r;
			ilo = i;
		}
		if (hi == NULL || r->t >= hi->t) {
			hi = r;
			ihi = i;
		}
	}
	if (lo == NULL)
		return 0;
	if (back) {
		if (!m->started.set)
			tl->why_started = "a day in the timeline is before "
			    "the day above it: which one is wrong is not known";
		if (!m->ended.set)
			tl->why_ended = "a day in the timeline is before the "
			    "day above it";
		return 1;
	}
	if (!m->started.set && in->day_started.set &&
	    in->day_started_key == MK_START)
		;	/* the Start: line's day, below */
	else if (!m->started.set && nbad > 0 && bad_first < ilo)
		tl->why_started = "a timeline row before the first day "
		    "cannot be read";
	else if (!m->started.set)
		row_day(in, &m->started, lo);
	if (m->ended.set || in->day_ended.set)
		return 1;
	if (nbad > 0 && bad_last > ihi && heading_span(in, &d1, &d2,
	    &hpos, &hraw) == 0 && d2 >= hi->t && d1 <= lo->t) {
		/* The row is unreadable ("11/03/202"), but the heading
		 * says where the timeline ends. */
		row_day(in, &m->ended, hi);
		m->ended.t = d2;
		m->ended.raw = hraw;
		m->ended.pos = hpos;
		m->ended.note = "the last day of the Timeline heading's "
		    "span; its last row cannot be read";
	} else if (nbad > 0 && bad_last > ihi)
		tl->why_ended = "a timeline row after the last day cannot "
		    "be read";
	else if (hi == lo)
		tl->why_ended = "the timeline gives a single day";
	else {
		row_day(in, &m->ended, hi);
		/* A Start: line after the last day: one of them is wrong. */
		if (m->started.ok && pm_ts_after(&m->started, &m->ended)) {
			memset(&m->ended, 0, sizeof(m->ended));
			tl->why_ended = "the timeline's last day is before "
			    "the start";
		}
	}
	return 1;
}

/*
 * started/detected/mitigated/ended from the timeline, for the fields no
 * metadata line set.  started is the earliest row and ended the latest
 * (the first and last rows, unless rows are out of order); detected is
 * the first row at or after the start that reports detection, and
 * mitigated the first row after that which reports recovery.  Rows
 * that go back in time (doubtful) are not used: after a bare time that
 * goes back (the next day? a 12-hour clock?) the end is not known;
 * after a date that goes back more than a day (a typo in one of them),
 * the start is kept only on the day the report is named after, and the
 * end only with it.  A field left out says why (timeline.why_*).
 */
static void
from_timeline(struct infer *in)
{
	struct pm_doc		*doc = in->doc;
	struct pm_meta		*m = &doc->meta;
	struct pm_timeline	*tl = &doc->timeline;
	const struct pm_trow	*first = NULL, *last = NULL, *det = NULL,
				*mit = NULL;
	int64_t			 lo, hi, anchor = 0, d;
	size_t			 i;
	int			 bare_doubt = 0, date_doubt = 0, no_start = 0,
				 no_end = 0, has_anchor, milestone = 0;

	/* Rows that name no day were read without a base (no front
	 * matter): put them on the day a metadata line names. */
	if (in->have_date)
		for (i = 0; i < tl->n; i++)
			if (tl->rows[i].no_day) {
				tl->rows[i].t += in->date_day * PM_DAY;
				tl->rows[i].no_day = 0;
				tl->rows[i].ok = 1;
				tl->rows[i].error = NULL;
			}
	for (i = 0; i < tl->n; i++) {
		const struct pm_trow *r = &tl->rows[i];

		if (!row_usable(r))
			continue;
		if (r->doubtful == 1)
			bare_doubt = 1;
		if (r->doubtful == 2)
			date_doubt = 1;
		if (r->doubtful)
			continue;
		if (first == NULL || r->t < first->t)
			first = r;
		if (last == NULL || r->t >= last->t)
			last = r;
	}
	if (first == NULL) {
		if (bare_doubt || date_doubt) {
			/* Times that go back, and no other time. */
			if (!m->started.set)
				tl->why_started = tl->doubt;
			if (!m->ended.set)
				tl->why_ended = tl->doubt;
		} else if (!from_days(in) && tl->zone_error != NULL &&
		    tl->n > 0)
			tl->why_started = tl->zone_error;
		return;
	}
	if (date_doubt) {
		has_anchor = pm_infer_base_day(doc, in->cfg, &anchor) == 0;
		d = first->t / PM_DAY - anchor;
		if (!has_anchor || d < -1 || d > 1) {
			no_start = 1;
			no_end = 1;
		}
	}
	if (bare_doubt)
		no_end = 1;
	/*
	 * "First detected: 2024-09-20 11:24" heads a list of labelled
	 * times: the report gives no earlier time, and SPEC's start is
	 * the first row, so it is the start (the note says so, since the
	 * fault may have begun before).  A list that opens with
	 * "Resolved" has lost its beginning: no start.
	 */
	if (first->labelled && has_word(first->event, late_words,
	    sizeof(late_words) / sizeof(late_words[0]))) {
		no_start = 1;
		milestone = 1;
		if (!m->started.set)
			tl->why_started = "the timeline's first time is when "
			    "the incident was repaired or resolved, not when "
			    "it began";
	} else if (first->labelled && has_word(first->event,
	    milestone_words, sizeof(milestone_words) /
	    sizeof(milestone_words[0])))
		milestone = 2;
	lo = m->started.set ? m->started.t : first->t;
	hi = m->ended.set ? m->ended.t : last->t;
	for (i = 0; i < tl->n && det == NULL; i++) {
		const struct pm_trow *r = &tl->rows[i];

		if (row_usable(r) && !r->doubtful && r->t >= lo && r->t <= hi &&
		    has_word(r->event, detect_words, sizeof(detect_words) /
		    sizeof(detect_words[0])))
			det = r;
	}
	if (m->detected.set)
		lo = m->detected.t;
	else if (det != NULL)
		lo = det->t;
	for (i = 0; i < tl->n && mit == NULL; i++) {
		const struct pm_trow *r = &tl->rows[i];

		if (row_usable(r) && !r->doubtful && r->t >= lo && r->t <= hi &&
		    has_word(r->event, recover_words, sizeof(recover_words) /
		    sizeof(recover_words[0])))
			mit = r;
	}
	if (!m->started.set && !no_start) {
		row_time(in, &m->started, first);
		in->start_row = 1;
		if (milestone == 2)
			m->started.note = "when first detected; impact may "
			    "have begun earlier";
	}
	else if (!m->started.set && tl->why_started == NULL)
		tl->why_started = tl->doubt;
	if (!m->ended.set && last != first && !no_end)
		row_time(in, &m->ended, last);
	else if (!m->ended.set && last != first)
		tl->why_ended = tl->doubt;
	else if (!m->ended.set)
		tl->why_ended = "the timeline has a single time";
	/* "First detected" is the detection even when not the start. */
	if ((!no_start || milestone) && !m->detected.set && det != NULL)
		row_time(in, &m->detected, det);
	if (!no_end && !m->mitigated.set && mit != NULL)
		row_time(in, &m->mitigated, mit);
}

/*
 * One end of a range, s[0..len) exactly, or its longest prefix that
 * ends before sentence punctuation ("18:10 UTC." , "3:02 PM UTC the
 * performance").  zone, when not NULL, is added to a time that names
 * none ("15:30" of "from 15:30 to 18:10 UTC").  Returns the length
 * read, 0 for none.
 */
static unsigned int preamble_first(const struct pm_doc *,
		    const struct pm_section *);
static unsigned int preamble_last(const struct pm_doc *, unsigned int);

static size_t
range_end(const struct pm_ttime_ctx *ctx, const char *s, size_t len,
    int whole, const char *zone, struct pm_ttime *t)
{
	char	 buf[96];
	size_t	 n, k, rest;

	if (whole)
		n = len;
	else if ((n = pm_ttime_prefix(s, len, &rest)) == 0) {
		for (k = 0; k < len && strchr(".;)", s[k]) == NULL; k++)
			continue;
		n = k;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(buf) - 24)
		return 0;
	if (pm_ttime_parse(t, s, n, ctx) == -1 || t->date_only)
		return 0;
	if (!t->has_zone && zone != NULL && *zone != '\0') {
		(void)snprintf(buf, sizeof(buf), "%.*s %s", (int)n, s, zone);
		if (pm_ttime_parse(t, buf, strlen(buf), ctx) == -1)
			return 0;
	}
	return n;
}

/* "from ... to", "between ... and": the word after the start. */
static size_t
range_link(const char *s, size_t len, int between)
{
	static const char *const to[] = {
		" to ", " until ", " till ", " through ", " - ", " -- ",
		" \xe2\x80\x93 ", " \xe2\x80\x94 ",
	};
	size_t	 k, n;

	if (between)
		return len >= 5 && strncasecmp(s, " and ", 5) == 0 ? 5 : 0;
	for (k = 0; k < sizeof(to) / sizeof(to[0]); k++) {
		n = strlen(to[k]);
		if (len >= n && strncasecmp(s, to[k], n) == 0)
			return n;
	}
	return 0;
}

/*
 * A range in one line of prose: "went down from 15:30 to 18:10 UTC",
 * "From November 11, 4:02 PM UTC to November 14, 3:02 PM UTC".  Both
 * ends must read as instants in a named zone (their own, the other
 * end's, or the declared one), the end after the start and within 31
 * days of it.  Returns 0 and sets *t1, *t2.
 */
static int
line_range(const struct pm_ttime_ctx *base, int declared, const char *s,
    size_t len, int64_t *t1, int64_t *t2, size_t *off, size_t *span)
{
	struct pm_ttime_ctx	 ctx;
	struct pm_ttime		 a, b;
	size_t			 i, j, w, n, l;
	int			 between;

	for (i = 0; i + 5 < len; i++) {
		if (i > 0 && isalnum((unsigned char)s[i - 1]))
			continue;
		if (strncasecmp(s + i, "from ", 5) == 0)
			w = 5, between = 0;
		else if (i + 8 < len && strncasecmp(s + i, "between ", 8) == 0)
			w = 8, between = 1;
		else
			continue;
		/* The start runs to the first link word that is followed
		 * by a time. */
		for (j = i + w; j < len && j < i + w + 48; j++) {
			if ((l = range_link(s + j, len - j, between)) == 0)
				continue;
			ctx = *base;
			if ((n = range_end(&ctx, s + j + l, len - j - l, 0,
			    NULL, &b)) == 0)
				continue;
			if (range_end(&ctx, s + i + w, j - i - w, 1,
			    b.has_zone ? b.zone : NULL, &a) == 0)
				break;
			/* Prose names its zone (the default UTC of the
			 * configuration is for timeline rows). */
			if (!a.has_zone && !b.has_zone && !declared)
				break;
			if (!a.has_date && !base->has_base)
				break;
			/* The end's day is the start's when it names none. */
			ctx.has_base = 1;
			ctx.base_day = a.t / PM_DAY;
			if (range_end(&ctx, s + j + l, len - j - l, 0,
			    a.has_zone && !b.has_zone ? a.zone : NULL, &b) == 0)
				break;
			if (b.t <= a.t || b.t - a.t > 31 * PM_DAY)
				break;
			*t1 = a.t;
			*t2 = b.t;
			*off = i;
			*span = j + l + n - i;
			return 0;
		}
	}
	return -1;
}

/* What a sentence about the incident's window says: "the API was down
 * from 15:30 to 18:10 UTC", not "the job moved from 02:00 to 04:00". */
static const char *const impact_words[] = {
	"down", "outage", "degraded", "unavailable", "impact", "impacted",
	"affected", "failing", "failed", "errors", "delayed", "delays",
	"disrupted", "disruption", "broken", "incident", "interrupted",
	"offline", "slow",
};

/* Keys of a metadata line whose value is the incident's window. */
static const char *const window_words[] = {
	"window", "period", "timeframe", "duration", "downtime", "when",
};

/* started and ended from a range (raw: its text, len bytes). */
static void
set_range(struct pm_doc *doc, int64_t t1, int64_t t2, struct pm_pos pos,
    const char *raw, size_t len)
{
	struct pm_meta	*m = &doc->meta;

	m->started.set = m->started.ok = 1;
	m->started.has_zone = 1;
	m->started.t = t1;
	m->started.raw = pm_arena_strndup(&doc->arena, raw, len);
	m->started.pos = pos;
	m->started.note = pm_arena_printf(&doc->arena, "and ended: the "
	    "summary's \"%.*s\"", (int)len, raw);
	m->ended = m->started;
	m->ended.t = t2;
	m->ended.note = NULL;
}

/*
 * started and ended from a range in the lead (the preamble, Summary
 * and Impact sections), for a report whose timeline gave no time: the
 * one sentence most reports open with, "Flags were down from 15:30 to
 * 18:10 UTC" (a sentence that says what was hit: impact_words).
 */
static void
from_lead(struct infer *in, const struct pm_section *title)
{
	struct pm_doc		*doc = in->doc;
	struct pm_meta		*m = &doc->meta;
	struct pm_ttime_ctx	 ctx = in->tctx;
	const struct pm_section	*sec;
	const char		*s;
	size_t			 len, i;
	unsigned int		 n, first, last;
	struct mline		 ml;
	struct pm_pos		 pos;
	const char		*v;
	int64_t			 t1, t2, day;
	size_t			 off, span;
	int			 infence, declared;

	if (m->started.set || m->ended.set)
		return;
	if (pm_infer_base_day(doc, in->cfg, &day) == 0) {
		ctx.has_base = 1;
		ctx.base_day = day;
	}
	declared = doc->timeline.zone != NULL;
	first = preamble_first(doc, title);
	last = preamble_last(doc, first);
	for (i = 0; i <= doc->nsecs; i++) {
		if (i > 0) {
			sec = &doc->secs[i - 1];
			if (sec->kind != PM_SEC_SUMMARY &&
			    sec->kind != PM_SEC_IMPACT)
				continue;
			first = after_heading(doc, sec->pos.line);
			last = sec->line_last;
		}
		infence = 0;
		for (n = first; n <= last; n++) {
			if ((s = line_at(doc, n, &len)) == NULL)
				break;
			if (fence_line(s, len))
				infence = !infence;
			if (infence || len == 0 || *s == '#' || *s == '|')
				continue;
			/* "**Impact window:** 2024-01-10 08:00 - 09:30 UTC":
			 * the key says what the range is. */
			if (read_mline(s, len, &ml) && ml.vallen < 200 &&
			    has_word(pm_arena_strndup(&doc->arena, ml.key,
			    ml.keylen), window_words, sizeof(window_words) /
			    sizeof(window_words[0]))) {
				v = pm_arena_printf(&doc->arena, "from %.*s",
				    (int)ml.vallen, ml.val);
				if (line_range(&ctx, declared, v, strlen(v), &t1,
				    &t2, &off, &span) == 0) {
					pos.line = n;
					pos.col = ml.col;
					set_range(doc, t1, t2, pos, v + off + 5,
					    span - 5);
					return;
				}
			}
			if (line_range(&ctx, declared, s, len, &t1, &t2, &off,
			    &span) == -1)
				continue;
			if (!has_word(pm_arena_strndup(&doc->arena, s, len),
			    impact_words, sizeof(impact_words) /
			    sizeof(impact_words[0])))
				continue;
			pos.line = n;
			pos.col = (unsigned int)off + 1;
			set_range(doc, t1, t2, pos, s + off, span);
			return;
		}
	}
}

/*
 * Inferred times out of order ("Repaired 2023-02-01", then "Resolved
 * 2022-02-01": a typo in one of them): which one is wrong is not
 * known, so neither is kept.
 */
static void
drop_disorder(struct infer *in)
{
	struct pm_meta		*m = &in->doc->meta;
	struct pm_timeline	*tl = &in->doc->timeline;
	struct pm_tsval		*f[4];
	int			 bad[4] = { 0, 0, 0, 0 };
	size_t			 i, j;

	/* "First detected: 14:22" before a timeline that opens at 14:53:
	 * the incident had begun by the detection. */
	if (in->start_row && m->detected.set && m->detected.ok &&
	    !m->detected.day && !m->started.day &&
	    m->detected.t < m->started.t) {
		m->started = m->detected;
		m->started.note = "when first detected; impact may have "
		    "begun earlier";
	}
	f[0] = &m->started;
	f[1] = &m->detected;
	f[2] = &m->mitigated;
	f[3] = &m->ended;
	for (i = 0; i < 4; i++)
		for (j = i + 1; j < 4; j++)
			if (f[i]->set && f[i]->ok && f[j]->set && f[j]->ok &&
			    pm_ts_after(f[i], f[j]))
				bad[i] = bad[j] = 1;
	for (i = 0; i < 4; i++)
		if (bad[i])
			memset(f[i], 0, sizeof(*f[i]));
	if (bad[0])
		tl->why_started = "the report's times are out of order "
		    "(a typo in a date?)";
	if (bad[3])
		tl->why_ended = "the report's times are out of order "
		    "(a typo in a date?)";
}

/* The title: the first level-1 heading that is not a section or a
 * metadata key. */
static const struct pm_section *
title_sec(const struct pm_doc *doc)
{
	size_t	 i;

	for (i = 0; i < doc->nsecs; i++)
		if (doc->secs[i].level == 1 &&
		    doc->secs[i].kind == PM_SEC_OTHER &&
		    heading_key(&doc->secs[i]) == MK_NONE &&
		    !is_metasec(&doc->secs[i]))
			return &doc->secs[i];
	return NULL;
}

/* 1 if the heading is "Title" or "Title:" alone. */
static int
title_label(const char *h)
{
	size_t	 len = strlen(h);

	bare_label(&h, &len);
	return ieq(h, len, "title") || ieq(h, len, "incident title") ||
	    ieq(h, len, "name");
}

/*
 * The title: the level-1 heading without the dates around it (or the
 * heading after "# Title:"), else the file name.  A placeholder
 * ("# ISSUE NAME") is no title.
 */
static void
infer_title(struct infer *in, const struct pm_section *title)
{
	struct pm_doc	*doc = in->doc;
	struct pm_meta	*m = &doc->meta;
	const char	*h;
	char		*t;
	size_t		 skip, i;

	if (title != NULL && title->heading != NULL &&
	    title_label(title->heading)) {
		/* "# Title:" then the title in the next heading. */
		i = (size_t)(title - doc->secs) + 1;
		title = i < doc->nsecs && doc->secs[i].kind == PM_SEC_OTHER ?
		    &doc->secs[i] : NULL;
	}
	if (title != NULL && (h = title->heading) != NULL &&
	    (t = pm_title_clean(&doc->arena, h, &skip)) != NULL) {
		t = clean(doc, t, strlen(t));
		/* "# INC-12: Redis failover" in INC-12.md: the id is not
		 * part of the title. */
		i = strlen(m->id);
		if (strncmp(t, m->id, i) == 0 && (t[i] == ':' ||
		    t[i] == ' ') && strchr(m->id, '-') != NULL &&
		    isupper((unsigned char)*m->id)) {
			while (t[i] == ':' || t[i] == ' ' || t[i] == '-')
				i++;
			if (t[i] != '\0') {
				t += i;
				skip += i;
			}
		}
		if (*t != '\0') {
			m->title.s = t;
			m->title.pos = title->pos;
			m->title.pos.col += (unsigned int)skip;
			return;
		}
	}
	/* No title heading: the file name says more than "Overview". */
	if ((t = pm_title_from_path(&doc->arena, doc->path)) != NULL) {
		m->title.s = t;
		m->title.pos.line = doc->body_line > 0 ? doc->body_line : 1;
		m->title.pos.col = 1;
	}
}

/*
 * "**Severity:** Major (High impact)" as a paragraph of its own in any
 * section ("## Impact"): a bold key is written as metadata, not prose.
 */
static void
scan_bold_severity(struct infer *in)
{
	const struct pm_doc	*doc = in->doc;
	struct mline		 ml;
	const char		*s;
	size_t			 len;
	unsigned int		 n;
	int			 infence = 0;

	for (n = doc->body_line > 0 ? doc->body_line : 1; n <= doc->nlines;
	    n++) {
		if ((s = line_at(doc, n, &len)) == NULL)
			break;
		if (fence_line(s, len)) {
			infence = !infence;
			continue;
		}
		if (infence || !read_mline(s, len, &ml) || !ml.bold ||
		    ml.listitem || key_kind(ml.key, ml.keylen) != MK_SEVERITY)
			continue;
		ml.line = n;
		(void)apply(in, &ml, 0);
		if (in->doc->meta.severity_raw.s != NULL)
			return;
	}
}

/*
 * A heading that is a metadata line itself: "## Severity: High",
 * "## Owner: @handle".
 */
static void
scan_heading(struct infer *in, const struct pm_section *sec)
{
	struct mline	 ml;
	enum mkey	 k;
	size_t		 len;

	if (sec->heading == NULL)
		return;
	len = strlen(sec->heading);
	if (!read_mline(sec->heading, len, &ml) || ml.vallen == 0)
		return;
	k = key_kind(ml.key, ml.keylen);
	if (k == MK_EXTRA || k == MK_IGNORE || k == MK_NONE)
		return;
	ml.line = sec->pos.line;
	ml.col = sec->pos.col + ml.col - 1;
	(void)apply(in, &ml, 0);
}

static void
infer_init(struct infer *in, struct pm_doc *doc,
    const struct pm_config *cfg)
{
	const char	*z;
	char *const	*map = cfg != NULL ? cfg->zones : NULL;
	size_t		 nmap = cfg != NULL ? cfg->nzones : 0;

	memset(in, 0, sizeof(*in));
	in->doc = doc;
	in->cfg = cfg;
	in->tctx.order = cfg != NULL ? cfg->date_order : PM_DATE_YMD;
	in->tctx.cfg = cfg;
	/* Times of metadata lines are in the timeline's zone (a region
	 * too, with DST), else the configuration's; an unknown declared
	 * zone makes them unreadable rather than UTC. */
	z = doc->timeline.zone;
	if (doc->timeline.zone_error != NULL)
		in->tctx.zone_error = doc->timeline.zone_error;
	else if (z != NULL && pm_tz_lookup(&in->tz, z, strlen(z), map,
	    nmap) == 0)
		in->tctx.zone = &in->tz;
	else if (cfg != NULL && cfg->timezone != NULL &&
	    pm_tz_lookup(&in->tz, cfg->timezone, strlen(cfg->timezone), map,
	    nmap) == 0)
		in->tctx.zone = &in->tz;
}

/* First line of the body after the title (or the body's first line). */
static unsigned int
preamble_first(const struct pm_doc *doc, const struct pm_section *title)
{
	unsigned int	 first = doc->body_line > 0 ? doc->body_line : 1;

	if (title != NULL && title->pos.line >= first)
		first = after_heading(doc, title->pos.line);
	return first;
}

/* Last line of the preamble: before the first section after it. */
static unsigned int
preamble_last(const struct pm_doc *doc, unsigned int first)
{
	size_t	 i;

	for (i = 0; i < doc->nsecs; i++)
		if (doc->secs[i].pos.line >= first)
			return doc->secs[i].pos.line - 1;
	return doc->nlines;
}

void
pm_infer_meta(struct pm_doc *doc, const struct pm_config *cfg)
{
	struct infer		 in;
	struct pm_meta		*m = &doc->meta;
	const struct pm_section	*title, *lead, *sec;
	unsigned int		 first;
	size_t			 i;
	enum mkey		 k;

	infer_init(&in, doc, cfg);
	m->inferred = 1;
	m->severity = -1;

	if (!m->id_set)
		m->id = pm_id_from_path(&doc->arena, doc->path);
	title = title_sec(doc);
	infer_title(&in, title);
	/* "# Title:" over "## Queue outage": the preamble is under the
	 * second. */
	lead = title;
	if (title != NULL && title->heading != NULL &&
	    title_label(title->heading) &&
	    (i = (size_t)(title - doc->secs) + 1) < doc->nsecs &&
	    doc->secs[i].kind == PM_SEC_OTHER)
		lead = &doc->secs[i];

	/* Metadata lines: the preamble, then metadata sections, then
	 * sections named after a key. */
	first = preamble_first(doc, lead);
	(void)scan_lines(&in, first, preamble_last(doc, first), 0);
	for (i = 0; i < doc->nsecs; i++) {
		sec = &doc->secs[i];
		if (is_metasec(sec))
			(void)scan_lines(&in, after_heading(doc, sec->pos.line),
			    sec->line_last, 1);
	}
	for (i = 0; i < doc->nsecs; i++) {
		sec = &doc->secs[i];
		if (sec == title || sec == lead || sec->kind != PM_SEC_OTHER)
			continue;
		if ((k = heading_key(sec)) != MK_NONE)
			scan_keysec(&in, sec, k);
		else
			scan_heading(&in, sec);
	}
	if (m->severity_raw.s == NULL)
		scan_bold_severity(&in);
	from_timeline(&in);
	from_lead(&in, lead);
	/* A day from a Start:, Date: or End: line when nothing better. */
	if (!m->started.set && in.day_started.set)
		m->started = in.day_started;
	if (!m->ended.set && in.day_ended.set)
		m->ended = in.day_ended;
	drop_disorder(&in);
}

/* A date anywhere in a title: "# Incident on 2024-09-20 - ...",
 * "# January 23rd, 2019 Prow Outage", "# ... attack on November 24th,
 * 2025".  Returns 0 and sets *day, or -1. */
static int
title_day(const struct pm_ttime_ctx *tctx, const char *t, size_t tlen,
    int64_t *day)
{
	size_t	 i, rest, pn;

	for (i = 0; i < tlen; i++) {
		if (i > 0 && isalnum((unsigned char)t[i - 1]))
			continue;
		if (!isdigit((unsigned char)t[i]) &&
		    !isupper((unsigned char)t[i]))
			continue;
		pn = pm_ttime_prefix(t + i, tlen - i, &rest);
		if (pn > 0 && read_day(tctx, t + i, pn, day) == 0)
			return 0;
		/* "# Payment errors (2024-06-10)": up to the bracket. */
		if (i > 0 && (t[i - 1] == '(' || t[i - 1] == '[')) {
			for (pn = i; pn < tlen && t[pn] != ')' && t[pn] != ']';
			    pn++)
				continue;
			if (pn < tlen && pn - i <= 32 &&
			    read_day(tctx, t + i, pn - i, day) == 0)
				return 0;
		}
	}
	return -1;
}

int
pm_infer_base_day(const struct pm_doc *doc, const struct pm_config *cfg,
    int64_t *day)
{
	int64_t	 hint = 0;
	int	 has_hint, conflict;
	enum pm_date_order order;

	has_hint = doc->path != NULL && pm_ttime_name_day(doc->path,
	    &hint) == 0;
	order = pm_ttime_file_order(doc->text, doc->textsz, has_hint, hint,
	    &conflict);
	return pm_infer_base_day_order(doc, cfg, order, conflict, day);
}

int
pm_infer_base_day_order(const struct pm_doc *doc, const struct pm_config *cfg,
    enum pm_date_order file_order, int conflict, int64_t *day)
{
	struct pm_ttime_ctx	 tctx;
	struct mline		 ml;
	const char		*s, *t;
	size_t			 len, tlen;
	unsigned int		 n, first;
	enum mkey		 k, hk = MK_NONE;
	int			 infence = 0, titled = 0, after = 0, has_late = 0;
	int64_t			 hint = 0, late = 0;
	int			 has_hint;

	memset(&tctx, 0, sizeof(tctx));
	tctx.order = cfg != NULL ? cfg->date_order : PM_DATE_YMD;
	tctx.cfg = cfg;
	has_hint = doc->path != NULL && pm_ttime_name_day(doc->path,
	    &hint) == 0;
	tctx.file_order = file_order;
	tctx.file_conflict = conflict;
	first = doc->body_line > 0 ? doc->body_line : 1;
	for (n = first; n <= doc->nlines; n++) {
		if ((s = line_at(doc, n, &len)) == NULL)
			break;
		if (fence_line(s, len)) {
			infence = !infence;
			continue;
		}
		if (infence || blank(s, len))
			continue;
		if (*s == '#') {
			/* "# 30-09-2024 - Title"; "# Date" then the day. */
			t = s;
			tlen = len;
			while (tlen > 0 && *t == '#') {
				t++;
				tlen--;
			}
			trim(&t, &tlen);
			if (pm_sec__match(t, tlen, cfg) == PM_SEC_TIMELINE)
				after = 1;
			if (after) {
				hk = MK_NONE;
				continue;
			}
			if (n == first || hk == MK_NONE) {
				size_t	 rest, pn;

				pn = pm_ttime_prefix(t, tlen, &rest);
				if (pn > 0 && read_day(&tctx, t, pn, day) == 0)
					return 0;
			}
			/* The title (the first level-1 heading). */
			if (!titled && len > 1 && s[1] != '#') {
				titled = 1;
				if (title_day(&tctx, t, tlen, day) == 0)
					return 0;
			}
			hk = key_kind(t, tlen);
			if (hk != MK_DATE && hk != MK_START)
				hk = MK_NONE;
			continue;
		}
		if (hk != MK_NONE && !after) {
			if (list_item(s, len, &t, &tlen) == 0) {
				t = s;
				tlen = len;
			}
			if (read_day(&tctx, t, tlen, day) == 0)
				return 0;
		}
		if (!read_mline(s, len, &ml))
			continue;
		k = key_kind(ml.key, ml.keylen);
		if ((k != MK_DATE && k != MK_START) || (after && has_late))
			continue;
		if (read_day(&tctx, ml.val, ml.vallen, after ? &late : day) == 0) {
			if (!after)
				return 0;
			has_late = 1;
		}
	}
	/* "Date:" after the timeline, then the day the file is named after
	 * ("2024-03-03-hub-outage.md"). */
	if (has_late) {
		*day = late;
		return 0;
	}
	if (has_hint) {
		*day = hint;
		return 0;
	}
	return -1;
}
