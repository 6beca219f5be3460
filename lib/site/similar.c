/*
 * Similar incidents from text (see similar.h for the method).
 *
 * Cost: one pass over the text of every report to build the vectors,
 * then for each report a walk of the posting lists of its terms, which
 * adds into one accumulator per earlier report (an inverted index, no
 * matrix).  Terms in more than max(200, N / 20) reports say little and
 * make the lists long: they are dropped, as stop words are.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/hash.h"
#include "base/arena.h"
#include "base/time.h"
#include "doc/doc.h"
#include "site/site_int.h"
#include "site/similar.h"

#define	TOK_MAX		40	/* longer "words" are not words */
#define	DOC_TOKENS	20000	/* tokens read per report */
#define	QSCALE		32767	/* unit weights as integers */
#define	WTAB		2048	/* slots for the word lists (> 2 * both) */
#define	TERMS_KEPT	60	/* heaviest terms kept per report */
#define	NAME_BOOST	3	/* names (Redis, OOMKilled, `code`) weigh more */

struct	term {
	const char	*key;		/* stems, "word" or "word word" */
	const char	*disp;		/* as first written */
	uint32_t	 df;
	uint32_t	 stamp;		/* report being read + 1, and */
	uint32_t	 slot;		/* the term's place in its vector */
	int32_t		 p1, p2;	/* a phrase's words, or -1 */
};

struct	ent {				/* one weight of a vector */
	uint32_t	 t;
	int32_t		 q;		/* tf while building, then weight */
};

struct	pm_sim {
	struct pm_arena	 a;		/* term strings */
	struct term	*terms;
	size_t		 nterms, capterms;
	uint32_t	*tab;		/* hash of keys: term index + 1 */
	size_t		 captab;
	/* Stop words (1) and generic words (2), hashed once. */
	const char	*wtab[WTAB];
	int		 wkind[WTAB];
	/* Vectors in one array: report i is ents[off[i] .. off[i + 1]),
	 * sorted by term. */
	struct ent	*ents;
	size_t		*off;
	/* The terms of each report's title, sorted: report i has
	 * tt[toff[i] .. toff[i + 1]). */
	uint32_t	*tt;
	size_t		*toff;
	/* Per report, sorted facet value indexes (services, categories). */
	size_t		**svc, **cat;
	size_t		*nsvc, *ncat;
};

/* ---- words ---- */

static const char *const stops[] = {
	"aber", "able", "about", "above", "across", "after", "again",
	"against", "al", "algo", "algunas", "algunos", "all", "already",
	"als", "also", "although", "am", "among", "an", "and", "another",
	"ante", "antes", "any", "ao", "aos", "après", "após", "aquel", "are",
	"aren", "around", "as", "at", "au", "auch", "auf", "aus", "aussi",
	"aux", "avant", "avec", "be", "because", "been", "before", "bei",
	"being", "below", "between", "bis", "both", "but", "by", "cada",
	"can", "ce", "ces", "cette", "com", "comme", "como", "con", "contra",
	"could", "couldn", "cual", "cuando", "da", "dans", "das", "dass",
	"de", "del", "dem", "den", "der", "des", "desde", "después", "did",
	"didn", "die", "do", "does", "doesn", "doing", "don", "donde", "dos",
	"down", "du", "durante", "durch", "during", "each", "eg", "eight",
	"ein", "eine", "einem", "einen", "einer", "either", "el", "ella",
	"ellas", "elle", "elles", "ellos", "em", "en", "entre", "era",
	"eran", "es", "esa", "esas", "ese", "eso", "esos", "est", "esta",
	"estaba", "estaban", "estado", "estas", "este", "esto", "estos",
	"et", "etc", "every", "example", "few", "first", "five", "foi",
	"for", "four", "from", "fue", "fueron", "further", "für", "get",
	"gets", "getting", "got", "ha", "había", "habían", "had", "han",
	"has", "hasn", "hasta", "hat", "have", "haven", "having", "hay",
	"he", "her", "here", "hers", "herself", "him", "himself", "his",
	"how", "however", "ie", "if", "il", "ils", "im", "in", "into", "is",
	"isn", "ist", "it", "its", "itself", "just", "kein", "keine", "la",
	"las", "last", "le", "les", "leur", "leurs", "like", "ll", "lo",
	"los", "made", "mais", "make", "makes", "making", "many", "mas",
	"may", "me", "mientras", "might", "mit", "more", "most", "much",
	"must", "muy", "my", "myself", "más", "na", "nach", "nas", "ne",
	"need", "needed", "needs", "neither", "new", "next", "nicht", "nine",
	"no", "noch", "nor", "nos", "not", "nous", "now", "nur", "não",
	"oder", "of", "off", "old", "on", "once", "one", "only", "ont", "or",
	"os", "other", "otra", "otras", "otro", "otros", "ou", "our", "ours",
	"ourselves", "out", "over", "own", "où", "par", "para", "pas",
	"pela", "pelo", "per", "pero", "plus", "por", "porque", "pour", "qu",
	"que", "qui", "quien", "qué", "re", "sa", "same", "saw", "se", "sea",
	"second", "see", "seen", "sem", "ser", "ses", "seu", "seven",
	"shall", "she", "should", "shouldn", "si", "sich", "sido", "sie",
	"sin", "since", "sind", "six", "so", "sobre", "solo", "some", "son",
	"sont", "still", "su", "sua", "such", "sur", "sus", "são", "sí",
	"sólo", "take", "taken", "también", "também", "tanto", "te", "ten",
	"than", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "therefore", "these", "they", "third", "this",
	"those", "though", "three", "through", "thus", "tiene", "tienen",
	"to", "todo", "todos", "too", "took", "tous", "tout", "tras", "two",
	"um", "uma", "un", "una", "unas", "und", "under", "une", "uno",
	"unos", "until", "up", "upon", "us", "use", "used", "uses", "using",
	"ve", "very", "via", "von", "vor", "vous", "war", "was", "wasn",
	"way", "ways", "we", "well", "were", "weren", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "why", "wie",
	"will", "with", "within", "without", "won", "would", "wouldn",
	"wurde", "wurden", "ya", "yet", "you", "your", "yours", "yourself",
	"yourselves", "zu", "zum", "zur", "était", "été", "über",
};

/* Words every incident report uses: alone they say nothing about
 * which incident it was ("outage", "error", "kubernetes"), so they
 * count only in a phrase with a word that does. */
static const char *const generic[] = {
	"about", "action", "actions", "affect", "affected", "affecting",
	"alert", "alerted", "alerting", "alerts", "am", "app", "application",
	"applications", "approximately", "apps", "apr", "april", "around",
	"aug", "august", "background", "call", "cause", "caused", "causes",
	"causing", "cest", "cet", "change", "changed", "changes", "cluster",
	"clusters", "com", "customer", "customers", "data", "day", "days",
	"deadline", "dec", "december", "detect", "detected", "detection",
	"done", "due", "edt", "end", "ended", "engineer", "engineers", "error",
	"errors", "est", "fail", "failed", "failing", "fails", "failure",
	"failures", "feb", "february", "fix", "fixed", "fixes", "fixing",
	"friday", "github", "gmt", "hour", "hours", "html", "http", "https",
	"impact", "impacted", "impacting", "incident", "incidents", "io",
	"issue", "issues", "item", "items", "jan", "january", "jira", "jpg",
	"jul", "july", "jun", "june", "k8s", "kubernetes", "learned",
	"lesson", "lessons", "lot", "mar", "march", "may", "md", "minute",
	"minutes", "mitigate", "mitigated", "mitigation", "monday", "month",
	"months", "net", "nov", "november", "oct", "october", "oncall",
	"open", "org", "outage", "outages", "owner", "page", "paged",
	"pages", "paging", "pdf", "pdt", "people", "percent", "pm", "png",
	"postmortem", "prevention", "problem", "problems", "prod",
	"production", "pst", "report", "reports", "request", "requests",
	"resolution", "resolve", "resolved", "resolving", "root", "saturday",
	"second", "seconds", "sep", "sept", "september", "server", "servers",
	"service", "services", "site", "slack", "someone", "start",
	"started", "starting", "status", "summary", "sunday", "svg",
	"system", "systems", "team", "teams", "thing", "things", "thursday",
	"ticket", "tickets", "time", "timeline", "times", "traffic",
	"tuesday", "user", "users", "utc", "website", "wednesday", "week",
	"weeks", "went", "www", "year", "years",
};

static void
words_init(struct pm_sim *m)
{
	size_t	 i, j, n;
	const char *const *l;

	for (j = 1; j <= 2; j++) {
		l = j == 1 ? stops : generic;
		n = j == 1 ? sizeof(stops) / sizeof(stops[0]) :
		    sizeof(generic) / sizeof(generic[0]);
		for (i = 0; i < n; i++) {
			size_t h = pm_fnv64_str(l[i]) & (WTAB - 1);

			while (m->wtab[h] != NULL && strcmp(m->wtab[h], l[i]))
				h = (h + 1) & (WTAB - 1);
			if (m->wtab[h] == NULL) {
				m->wtab[h] = l[i];
				m->wkind[h] = (int)j;
			}
		}
	}
}

/* 1 for a stop word, 2 for a generic word, else 0. */
static int
word_kind(const struct pm_sim *m, const char *w)
{
	size_t	 h = pm_fnv64_str(w) & (WTAB - 1);

	for (; m->wtab[h] != NULL; h = (h + 1) & (WTAB - 1))
		if (strcmp(m->wtab[h], w) == 0)
			return m->wkind[h];
	return 0;
}

static int
ends(const char *w, size_t n, const char *suf)
{
	size_t	 k = strlen(suf);

	return n > k && memcmp(w + n - k, suf, k) == 0;
}

static int
vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
 * A light suffix stripper, so that "evicted", "evicting", "eviction"
 * and "evicts" meet, "expired", "expiry" and "expire" too: plurals,
 * then one of -ation (to -ate), -ion, -ing, -ed, -ure, then a final
 * -e or -y, then a doubled consonant.  Words of four letters or less
 * are left alone.  w is lower case; returns the new length.
 */
static size_t
stem(char *w, size_t n)
{
	size_t	 m = n;

	if (n <= 4)
		return n;
	if (ends(w, n, "sses"))
		n -= 2;
	else if (ends(w, n, "ies"))
		n -= 2, w[n - 1] = 'y';
	else if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
	    w[n - 2] != 'i')
		n--;
	if (ends(w, n, "ation") && n - 5 >= 3)
		n -= 2, w[n - 1] = 'e';
	else if (ends(w, n, "ion") && n - 3 >= 4)
		n -= 3;
	else if (ends(w, n, "ing") && n - 3 >= 4)
		n -= 3;
	else if (ends(w, n, "ed") && n - 2 >= 3)
		n -= 2;
	else if (ends(w, n, "ure") && n - 3 >= 4)
		n -= 3;
	if (n >= 5 && (w[n - 1] == 'e' || w[n - 1] == 'y'))
		n--;
	if (n < m && n >= 4 && w[n - 1] == w[n - 2] && !vowel(w[n - 1]) &&
	    w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z')
		n--;
	w[n] = '\0';
	return n;
}

/* ---- the dictionary ---- */

static void
tab_put(struct pm_sim *m, uint32_t id)
{
	size_t	 i;

	for (i = pm_fnv64_str(m->terms[id].key) & (m->captab - 1);
	    m->tab[i] != 0; i = (i + 1) & (m->captab - 1))
		continue;
	m->tab[i] = id + 1;
}

/* The id of key, added (with disp, its form as written) when new.
 * Ids follow first use, so they do not depend on the hash. */
static uint32_t
intern(struct pm_sim *m, const char *key, const char *disp, size_t displen,
    int32_t p1, int32_t p2)
{
	struct term	*t;
	size_t		 i, k;

	if (m->nterms * 2 >= m->captab) {
		free(m->tab);
		m->captab = m->captab ? m->captab * 2 : 4096;
		m->tab = pm_xcalloc(m->captab, sizeof(*m->tab));
		for (k = 0; k < m->nterms; k++)
			tab_put(m, (uint32_t)k);
	}
	for (i = pm_fnv64_str(key) & (m->captab - 1); m->tab[i] != 0;
	    i = (i + 1) & (m->captab - 1))
		if (strcmp(m->terms[m->tab[i] - 1].key, key) == 0)
			return m->tab[i] - 1;
	m->terms = pm_xgrow(m->terms, &m->capterms, m->nterms + 1,
	    sizeof(*m->terms));
	t = &m->terms[m->nterms];
	t->key = pm_arena_strdup(&m->a, key);
	t->disp = pm_arena_strndup(&m->a, disp, displen);
	t->df = 0;
	t->stamp = 0;
	t->p1 = p1;
	t->p2 = p2;
	m->tab[i] = (uint32_t)m->nterms + 1;
	return (uint32_t)m->nterms++;
}

/* ---- reading a report ---- */

struct	tok {
	struct pm_sim	*m;
	struct ent	*v;		/* (term, tf in quarters) */
	size_t		 n, cap;
	size_t		 ntok;
	/* The last word kept, for phrases. */
	int		 have_prev;
	int		 prev_generic;
	int32_t		 prev_id;	/* -1 for a generic word */
	char		 prev_key[TOK_MAX + 1];
	const char	*prev_raw;
	size_t		 prev_rawlen;
	int		 hard;		/* punctuation since the last word */
	int		 names;		/* look for names (not in titles) */
	int		 sent;		/* at the start of a sentence */
	int		 code;		/* inside `code` */
	size_t		 ntitle;	/* v[0 .. ntitle) came from the title */
	uint32_t	 doc;		/* the report being read */
};

/* Count term id of weight w in the report being read: one entry a
 * term, found again through the term's stamp (no sort, no search). */
static void
add(struct tok *k, uint32_t id, int w)
{
	struct term	*t = &k->m->terms[id];

	if (t->stamp == k->doc + 1) {
		k->v[t->slot].q += w;
		return;
	}
	t->stamp = k->doc + 1;
	t->slot = (uint32_t)k->n;
	t->df++;
	k->v = pm_xgrow(k->v, &k->cap, k->n + 1, sizeof(*k->v));
	k->v[k->n].t = id;
	k->v[k->n++].q = w;
}

static int
wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static int
upper_inside(const char *s, size_t n)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return 1;
	return 0;
}

static int
all_upper(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* One word [s, s + n) of weight w (in quarters). */
static void
word(struct tok *k, const char *s, size_t n, int w)
{
	char		 low[TOK_MAX + 1], key[2 * TOK_MAX + 2];
	char		 disp[2 * TOK_MAX + 2];
	size_t		 i, nd = 0, nx = 0, ncont = 0, len;
	int		 gen, kind;
	int32_t		 id = -1, pid;

	if (n > TOK_MAX || n < 2) {
		if (n > TOK_MAX)
			k->hard = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') :
		    (char)c;
		if (c >= '0' && c <= '9')
			nd++;
		if ((c >= '0' && c <= '9') || (low[i] >= 'a' && low[i] <= 'f'))
			nx++;
		if (c >= 0x80 && c < 0xc0)
			ncont++;
	}
	low[n] = '\0';
	/* One letter or character is no word ("el", "の"), but for
	 * acronyms ("DB", "IP"). */
	if (nd == 0 && (n - ncont < 2 || (n == 2 && !(s[0] >= 'A' &&
	    s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'))))
		return;
	/* Numbers say nothing, but for HTTP statuses (502, 429); mixed
	 * words are names (S3, r6g, http2) unless they look like ids. */
	if (nd == n) {
		if (n != 3 || (s[0] != '4' && s[0] != '5'))
			return;
	} else if (nd > 0 && (n > 8 || (nx == n && n >= 6)))
		return;
	if ((kind = word_kind(k->m, low)) == 1)
		return;
	/* Names of things (Redis, PgBouncer, OOMKilled, S3, 502, `code`)
	 * say more about an incident than the words around them. */
	if (k->names && (k->code || nd > 0 || (s[0] >= 'A' && s[0] <= 'Z' &&
	    !k->sent) || upper_inside(s, n)))
		w *= NAME_BOOST;
	gen = kind == 2;
	len = nd == n ? n : stem(low, n);
	if (!gen)
		add(k, id = (int32_t)intern(k->m, low, s, n, -1, -1), w);
	if (k->have_prev && !k->hard && !(gen && k->prev_generic)) {
		/* "prev word", without printf: this runs per word. */
		i = strlen(k->prev_key);
		memcpy(key, k->prev_key, i);
		key[i] = ' ';
		memcpy(key + i + 1, low, len + 1);
		memcpy(disp, k->prev_raw, k->prev_rawlen);
		disp[k->prev_rawlen] = ' ';
		memcpy(disp + k->prev_rawlen + 1, s, n);
		pid = (int32_t)intern(k->m, key, disp, k->prev_rawlen + 1 + n,
		    k->prev_id, id);
		add(k, (uint32_t)pid, w);
	}
	k->have_prev = 1;
	k->prev_generic = gen;
	k->prev_id = id;
	memcpy(k->prev_key, low, len + 1);
	k->prev_raw = s;
	k->prev_rawlen = n;
	k->hard = 0;
}

/* Punctuation that ends a phrase.  '.' does only before a space. */
static int
breaks(const char *p, const char *e)
{
	switch (*p) {
	case ',': case ';': case ':': case '!': case '?': case '(':
	case ')': case '[': case ']': case '{': case '}': case '|':
	case '"': case '<': case '>': case '=': case '+': case '#':
		return 1;
	case '.':
		return p + 1 == e || !wordc((unsigned char)p[1]);
	case '\n':		/* a blank line */
		return p + 1 < e && p[1] == '\n';
	default:
		return 0;
	}
}

/* The length of the UTF-8 punctuation at p ("¿", "«", "—", "…", "、",
 * "。", "「", a no-break space), or 0: such bytes are not word bytes. */
static size_t
upunct(const char *p, const char *e)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == 0xc2 && p + 1 < e && u[1] >= 0xa0 && u[1] <= 0xbf)
		return 2;
	if (p + 2 < e && ((u[0] == 0xe2 && (u[1] == 0x80 || u[1] == 0x81)) ||
	    (u[0] == 0xe3 && u[1] == 0x80) ||
	    (u[0] == 0xef && u[1] == 0xbc && u[2] <= 0x8f)))
		return 3;
	return 0;
}

static void
text(struct tok *k, const char *s, size_t len, int w)
{
	const char	*p = s, *e = s + len, *b;
	size_t		 n;

	k->have_prev = 0;
	k->sent = 1;
	k->code = 0;
	while (p < e && k->ntok < DOC_TOKENS) {
		if ((n = upunct(p, e)) > 0) {
			k->hard = k->sent = 1;
			p += n;
			continue;
		}
		if (!wordc((unsigned char)*p)) {
			if (breaks(p, e))
				k->hard = k->sent = 1;
			else if (*p == '\n' || *p == '-' || *p == '*')
				k->sent |= p == s || p[-1] == '\n' ||
				    *p == '\n';
			if (*p == '`')
				k->code = !k->code;
			p++;
			continue;
		}
		for (b = p; p < e && wordc((unsigned char)*p) &&
		    upunct(p, e) == 0; p++)
			continue;
		/* The key of a ticket ("SRCH-123") names a tracker, and
		 * "@ana" a person: neither is the problem. */
		if ((p + 1 < e && *p == '-' && p[1] >= '0' && p[1] <= '9' &&
		    all_upper(b, (size_t)(p - b))) || (b > s && b[-1] == '@'))
			continue;
		k->ntok++;
		word(k, b, (size_t)(p - b), w);
		k->sent = 0;
	}
}

/* The text of lines first..last (1-based) of d. */
static void
lines(struct tok *k, const struct pm_doc *d, unsigned int first,
    unsigned int last, int w)
{
	if (d->line_off == NULL || first == 0 || first > d->nlines)
		return;
	if (last > d->nlines)
		last = d->nlines;
	if (last < first)
		return;
	text(k, d->text + d->line_off[first - 1], d->line_off[last] -
	    d->line_off[first - 1], w);
}

/* Weight of a section's text, in quarters: the prose that says what
 * happened counts fully, lists of events and to-dos less. */
static int
sec_weight(enum pm_sec k)
{
	switch (k) {
	case PM_SEC_SUMMARY:
	case PM_SEC_ROOT_CAUSE:
	case PM_SEC_FACTORS:
	case PM_SEC_WHYS:
	case PM_SEC_OTHER:
		return 4;
	case PM_SEC_IMPACT:
	case PM_SEC_TIMELINE:
	case PM_SEC_ACTIONS:
	case PM_SEC_LESSONS:
	case PM_SEC_PREVENTION:
		return 2;
	default:
		return 1;
	}
}

static int
cmp_ent(const void *x, const void *y)
{
	const struct ent *p = x, *q = y;

	return p->t < q->t ? -1 : p->t > q->t;
}

static void
read_doc(struct tok *k, const struct site *s, size_t i)
{
	const struct pm_doc	*d = s->reps[i].doc;
	const struct pm_meta	*m = &d->meta;
	size_t			 j;
	const char		*c;

	k->ntok = 0;
	k->names = 0;
	if (m->title.s != NULL)
		text(k, m->title.s, strlen(m->title.s), 12);
	k->ntitle = k->n;
	k->names = 1;
	for (j = 0; j < m->services.n; j++)
		if (m->services.v[j].s != NULL)
			text(k, m->services.v[j].s,
			    strlen(m->services.v[j].s), 8);
	for (j = 0; j < m->tags.n; j++)
		if (m->tags.v[j].s != NULL)
			text(k, m->tags.v[j].s, strlen(m->tags.v[j].s), 4);
	for (j = 0; j < site_ncats(d); j++)
		if ((c = site_cat(d, j)) != NULL)
			text(k, c, strlen(c), 4);
	if (d->nsecs == 0) {
		lines(k, d, d->body_line ? d->body_line : 1, d->nlines, 4);
		return;
	}
	for (j = 0; j < d->nsecs; j++)
		lines(k, d, d->secs[j].pos.line + 1, d->secs[j].line_last,
		    sec_weight(d->secs[j].kind));
}

/* ---- vectors ---- */

struct	wi {
	double	 w;
	uint32_t t;
	size_t	 j;
};

static int
cmp_wi(const void *x, const void *y)
{
	const struct wi *p = x, *q = y;

	if (p->w != q->w)
		return p->w > q->w ? -1 : 1;
	return p->t < q->t ? -1 : p->t > q->t;
}

/* Keep the TERMS_KEPT heaviest weights of a report (ties to the older
 * term), *norm their sum of squares: a long report and a short one
 * then weigh alike, and what a report is about is in its heaviest
 * terms, not in the long tail of its details. */
static void
topk(double *w, const struct ent *e, size_t n, double *norm)
{
	struct wi	*v;
	size_t		 i, m;

	if (n <= TERMS_KEPT)
		return;
	v = pm_xcalloc(n, sizeof(*v));
	for (i = 0, m = 0; i < n; i++)
		if (w[i] > 0) {		/* only these can be kept */
			v[m].w = w[i];
			v[m].t = e[i].t;
			v[m++].j = i;
		}
	if (m > TERMS_KEPT) {
		qsort(v, m, sizeof(*v), cmp_wi);
		*norm = 0;
		for (i = 0; i < m; i++)
			if (i >= TERMS_KEPT)
				w[v[i].j] = 0;
			else
				*norm += v[i].w * v[i].w;
	}
	free(v);
}

static int
cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* Keep the title's terms of report i, sorted and unique. */
static void
title_terms(struct pm_sim *m, const struct tok *k, size_t i, size_t *cap)
{
	size_t	 j, o, at = m->toff[i];

	m->tt = pm_xgrow(m->tt, cap, at + k->ntitle + 1, sizeof(*m->tt));
	for (j = 0; j < k->ntitle; j++)
		m->tt[at + j] = k->v[j].t;
	if (k->ntitle > 1)
		qsort(m->tt + at, k->ntitle, sizeof(*m->tt), cmp_u32);
	for (j = 0, o = 0; j < k->ntitle; j++)
		if (o == 0 || m->tt[at + o - 1] != m->tt[at + j])
			m->tt[at + o++] = m->tt[at + j];
	m->toff[i + 1] = at + o;
}

static void
build_vectors(struct site *s, struct pm_sim *m)
{
	struct tok	 k;
	struct ent	*all = NULL, *v;
	size_t		 nall = 0, capall = 0, i, j, n, first, *roff, cap,
			 captt = 0;
	double		 norm, *w, idf, nd = (double)s->nreps;
	uint32_t	 t;

	memset(&k, 0, sizeof(k));
	k.m = m;
	roff = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	m->toff = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	for (i = 0; i < s->nreps; i++) {
		k.n = 0;
		k.doc = (uint32_t)i;
		read_doc(&k, s, i);
		title_terms(m, &k, i, &captt);
		all = pm_xgrow(all, &capall, nall + k.n + 1, sizeof(*all));
		if (k.n > 0)	/* k.v is NULL before the first term */
			memcpy(all + nall, k.v, k.n * sizeof(*all));
		nall += k.n;
		roff[i + 1] = nall;
	}
	free(k.v);

	/* Weights: log(1 + tf) * log((N + 1) / df), unit length, then
	 * integers; terms of one report are dropped after the norm (no
	 * other report shares them), terms of too many before it. */
	cap = s->nreps / 20 > 200 ? s->nreps / 20 : 200;
	m->off = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	m->ents = pm_xcalloc(nall + 1, sizeof(*m->ents));
	w = pm_xcalloc(nall + 1, sizeof(double));
	for (i = 0, n = 0; i < s->nreps; i++) {
		norm = 0;
		for (j = roff[i]; j < roff[i + 1]; j++) {
			t = all[j].t;
			w[j] = 0;
			if (m->terms[t].df > cap || m->terms[t].df < 2)
				continue;
			idf = log((nd + 1) / (double)m->terms[t].df);
			w[j] = log1p((double)all[j].q / 4.0) * idf;
			norm += w[j] * w[j];
		}
		topk(w + roff[i], all + roff[i], roff[i + 1] - roff[i], &norm);
		norm = sqrt(norm);
		for (j = roff[i]; j < roff[i + 1]; j++) {
			int32_t q;

			if (norm <= 0 || m->terms[all[j].t].df < 2 ||
			    w[j] <= 0)
				continue;
			q = (int32_t)lrint(w[j] / norm * QSCALE);
			if (q <= 0)
				continue;
			v = &m->ents[n++];
			v->t = all[j].t;
			v->q = q;
		}
		first = m->off[i];
		if (n - first > 1)	/* in term order, for merges */
			qsort(m->ents + first, n - first, sizeof(*m->ents),
			    cmp_ent);
		m->off[i + 1] = n;
	}
	free(w);
	free(all);
	free(roff);
}

/* ---- pairs ---- */

struct	pair {
	uint32_t	 a, b;		/* a > b */
	int		 score;
};

static int
shares(const size_t *x, size_t nx, const size_t *y, size_t ny)
{
	size_t	 i = 0, j = 0;

	while (i < nx && j < ny) {
		if (x[i] == y[j])
			return 1;
		if (x[i] < y[j])
			i++;
		else
			j++;
	}
	return 0;
}

/*
 * Whether two sorted sets of categories share one that is specific:
 * named by three reports at most, or by one report in five.  "Monitoring
 * Gap" in half of the reports says nothing about which problem it was.
 */
static int
shares_cat(const struct site *s, const size_t *x, size_t nx,
    const size_t *y, size_t ny)
{
	const struct facet	*f = &s->facets[FACET_FACTOR];
	size_t			 i = 0, j = 0, n;

	while (i < nx && j < ny) {
		if (x[i] == y[j]) {
			n = f->v[x[i]].n;
			if (n <= 3 || n * 5 <= s->nreps)
				return 1;
			i++;
			j++;
		} else if (x[i] < y[j])
			i++;
		else
			j++;
	}
	return 0;
}

static int
cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return a < b ? -1 : a > b;
}

/* Sorted unique facet value indexes of the services or categories of
 * report i. */
static size_t *
facet_set(struct site *s, size_t i, enum facet_kind fk, size_t *np)
{
	const struct pm_doc	*d = s->reps[i].doc;
	const struct fval	*fv;
	size_t			*v, n = 0, j, o, cnt;
	const char		*name;

	cnt = fk == FACET_SERVICE ? d->meta.services.n : site_ncats(d);
	v = pm_arena_alloc(&s->arena, (cnt + 1) * sizeof(size_t));
	for (j = 0; j < cnt; j++) {
		name = fk == FACET_SERVICE ? d->meta.services.v[j].s :
		    site_cat(d, j);
		if (name != NULL && (fv = site_fval(s, fk, name)) != NULL)
			v[n++] = (size_t)(fv - s->facets[fk].v);
	}
	if (n > 1)
		qsort(v, n, sizeof(size_t), cmp_size);
	for (j = 0, o = 0; j < n; j++)
		if (o == 0 || v[o - 1] != v[j])
			v[o++] = v[j];
	*np = o;
	return v;
}

/* The weight of a title term: its IDF in thousandths. */
static int64_t
tweight(const struct pm_sim *m, uint32_t t, size_t n)
{
	return (int64_t)lrint(1000 * log((double)(n + 1) /
	    (double)m->terms[t].df));
}

/*
 * Whether the titles of a and b say the same: the cosine of their
 * IDF-weighted terms is SIM_TITLE or more ("Suspected employee
 * compromise" three times).
 */
static int
same_title(const struct site *s, const struct pm_sim *m, size_t a,
    size_t b)
{
	const uint32_t	*x = m->tt + m->toff[a], *xe = m->tt + m->toff[a + 1];
	const uint32_t	*y = m->tt + m->toff[b], *ye = m->tt + m->toff[b + 1];
	int64_t		 dot = 0, na = 0, nb = 0, w;
	const uint32_t	*p;

	for (p = x; p < xe; p++)
		w = tweight(m, *p, s->nreps), na += w * w;
	for (p = y; p < ye; p++)
		w = tweight(m, *p, s->nreps), nb += w * w;
	while (x < xe && y < ye) {
		if (*x == *y) {
			w = tweight(m, *x, s->nreps);
			dot += w * w;
			x++;
			y++;
		} else if (*x < *y)
			x++;
		else
			y++;
	}
	if (na == 0 || nb == 0)
		return 0;
	/* dot / sqrt(na * nb) >= SIM_TITLE / 1000, in doubles only for
	 * the root of an exact product. */
	return (double)dot * 1000 >= (double)SIM_TITLE *
	    sqrt((double)na * (double)nb);
}

/* PM_SIMILAR_DEBUG: a pair's score and shared terms, for tuning. */
static void
debug_pair(const struct site *s, size_t a, size_t b, int64_t sc)
{
	const char	*tv[SIM_TERMS];
	size_t		 n, i;
	int		 permille = (int)(sc * 1000 / ((int64_t)QSCALE * QSCALE));

	if (permille < SIM_LOW / 2)
		return;
	fprintf(stderr, "similar: %d %s %s", permille,
	    s->reps[a].doc->meta.id, s->reps[b].doc->meta.id);
	n = site_similar_terms(s, a, b, tv, SIM_TERMS);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s%s", i ? ", " : " (", tv[i]);
	fprintf(stderr, "%s\n", n ? ")" : "");
}

static struct pair *
find_pairs(struct site *s, struct pm_sim *m, size_t *np)
{
	struct pair	*pv = NULL;
	size_t		 npv = 0, cap = 0, i, j, p, *poff, *pfill, ntouch;
	uint32_t	*pdoc, *touch, t;
	int32_t		*pq;
	int64_t		*acc, low, high, sc, q;
	const struct ent *e;
	int		 debug = getenv("PM_SIMILAR_DEBUG") != NULL;

	low = (int64_t)SIM_LOW * QSCALE * QSCALE / 1000;
	high = (int64_t)SIM_HIGH * QSCALE * QSCALE / 1000;
	/* Posting lists, reports in ascending order. */
	poff = pm_xcalloc(m->nterms + 2, sizeof(size_t));
	for (j = 0; j < m->off[s->nreps]; j++)
		poff[m->ents[j].t + 2]++;
	for (t = 0; t < m->nterms; t++)
		poff[t + 2] += poff[t + 1];
	pfill = poff + 1;
	pdoc = pm_xcalloc(m->off[s->nreps] + 1, sizeof(uint32_t));
	pq = pm_xcalloc(m->off[s->nreps] + 1, sizeof(int32_t));
	for (i = 0; i < s->nreps; i++)
		for (j = m->off[i]; j < m->off[i + 1]; j++) {
			p = pfill[m->ents[j].t]++;
			pdoc[p] = (uint32_t)i;
			pq[p] = m->ents[j].q;
		}
	/* poff[t] .. poff[t + 1] now hold term t. */
	acc = pm_xcalloc(s->nreps + 1, sizeof(int64_t));
	touch = pm_xcalloc(s->nreps + 1, sizeof(uint32_t));
	for (i = 0; i < s->nreps; i++) {
		ntouch = 0;
		for (e = m->ents + m->off[i]; e < m->ents + m->off[i + 1];
		    e++) {
			q = e->q;
			for (p = poff[e->t]; p < poff[e->t + 1] &&
			    pdoc[p] < i; p++) {
				if (acc[pdoc[p]] == 0)
					touch[ntouch++] = pdoc[p];
				acc[pdoc[p]] += q * pq[p];
			}
		}
		for (j = 0; j < ntouch; j++) {
			sc = acc[touch[j]];
			acc[touch[j]] = 0;
			if (debug)
				debug_pair(s, i, touch[j], sc);
			if (sc < low)
				continue;
			if (sc < high && !(shares(m->svc[i], m->nsvc[i],
			    m->svc[touch[j]], m->nsvc[touch[j]]) &&
			    shares_cat(s, m->cat[i], m->ncat[i],
			    m->cat[touch[j]], m->ncat[touch[j]])) &&
			    !same_title(s, m, i, touch[j]))
				continue;
			pv = pm_xgrow(pv, &cap, npv + 1, sizeof(*pv));
			pv[npv].a = (uint32_t)i;
			pv[npv].b = touch[j];
			pv[npv++].score = (int)(sc * 1000 /
			    ((int64_t)QSCALE * QSCALE));
		}
	}
	free(acc);
	free(touch);
	free(poff);
	free(pdoc);
	free(pq);
	*np = npv;
	return pv;
}

static int
cmp_link(const void *x, const void *y)
{
	const struct sim_link *p = x, *q = y;

	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->rep < q->rep ? -1 : p->rep > q->rep;
}

static void
link_reports(struct site *s, const struct pair *pv, size_t np)
{
	size_t		*cnt, i;
	struct rep	*r;

	cnt = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	for (i = 0; i < np; i++) {
		cnt[pv[i].a]++;
		cnt[pv[i].b]++;
	}
	for (i = 0; i < s->nreps; i++)
		s->reps[i].simv = pm_arena_alloc(&s->arena, (cnt[i] + 1) *
		    sizeof(struct sim_link));
	for (i = 0; i < np; i++) {
		r = &s->reps[pv[i].a];
		r->simv[r->nsim].rep = pv[i].b;
		r->simv[r->nsim++].score = pv[i].score;
		r = &s->reps[pv[i].b];
		r->simv[r->nsim].rep = pv[i].a;
		r->simv[r->nsim++].score = pv[i].score;
	}
	for (i = 0; i < s->nreps; i++) {
		r = &s->reps[i];
		if (r->nsim > 1)
			qsort(r->simv, r->nsim, sizeof(*r->simv), cmp_link);
	}
	free(cnt);
}

/* ---- shared terms ---- */

struct	cand {
	uint32_t	 t;
	int64_t		 w;
};

static int
cmp_cand(const void *x, const void *y)
{
	const struct cand *p = x, *q = y;

	if (p->w != q->w)
		return p->w > q->w ? -1 : 1;
	return p->t < q->t ? -1 : p->t > q->t;
}

/* Whether terms x and y overlap: one is a phrase made with the other. */
static int
overlap(const struct pm_sim *m, uint32_t x, uint32_t y)
{
	const struct term *p = &m->terms[x], *q = &m->terms[y];

	return p->p1 == (int32_t)y || p->p2 == (int32_t)y ||
	    q->p1 == (int32_t)x || q->p2 == (int32_t)x;
}

/*
 * The display forms of the best candidates (sorted by weight): a term
 * that overlaps one taken before is skipped, but a phrase with half the
 * weight of its word or more takes the word's place ("Black Friday"
 * for "Black", not "Redis cluster" for "Redis").
 */
static size_t
pick(const struct pm_sim *m, const struct cand *c, size_t nc,
    const char **out, size_t max)
{
	const struct cand *ch[64];
	size_t		 n = 0, i, j, k, o;

	if (max > 64)
		max = 64;
	for (i = 0; i < nc && n < max; i++) {
		for (j = 0; j < n && !overlap(m, ch[j]->t, c[i].t); j++)
			continue;
		if (j == n)
			ch[n++] = &c[i];
		else if (strchr(m->terms[c[i].t].key, ' ') != NULL &&
		    strchr(m->terms[ch[j]->t].key, ' ') == NULL &&
		    c[i].w * 2 >= ch[j]->w) {
			/* The phrase's other word goes too. */
			ch[j] = &c[i];
			for (k = j + 1, o = j + 1; k < n; k++)
				if (!overlap(m, ch[k]->t, c[i].t))
					ch[o++] = ch[k];
			n = o;
		}
	}
	for (i = 0; i < n; i++)
		out[i] = m->terms[ch[i]->t].disp;
	return n;
}

size_t
site_similar_terms(const struct site *s, size_t a, size_t b,
    const char **out, size_t max)
{
	const struct pm_sim	*m = s->sim;
	const struct ent	*x, *xe, *y, *ye;
	struct cand		*c;
	size_t			 nc = 0, n;

	if (m == NULL || a >= s->nreps || b >= s->nreps)
		return 0;
	x = m->ents + m->off[a];
	xe = m->ents + m->off[a + 1];
	y = m->ents + m->off[b];
	ye = m->ents + m->off[b + 1];
	c = pm_xcalloc((size_t)(xe - x) + 1, sizeof(*c));
	while (x < xe && y < ye) {
		if (x->t == y->t) {
			c[nc].t = x->t;
			c[nc++].w = (int64_t)x->q * y->q;
			x++;
			y++;
		} else if (x->t < y->t)
			x++;
		else
			y++;
	}
	if (nc > 1)
		qsort(c, nc, sizeof(*c), cmp_cand);
	n = pick(m, c, nc, out, max);
	free(c);
	return n;
}

/* ---- clusters ---- */

static size_t
uf_find(size_t *up, size_t i)
{
	while (up[i] != i) {
		up[i] = up[up[i]];
		i = up[i];
	}
	return i;
}

static const struct site	*g_s;	/* for the sorts below (one thread) */

int
site_similar_when(const struct site *s, size_t i, int64_t *t)
{
	const struct rep *r = &s->reps[i];

	if (r->has_start) {
		*t = r->started;
		return 1;
	}
	if (r->doc->has_added) {
		*t = r->doc->added;
		return 2;
	}
	*t = 0;
	return 0;
}

static int
cmp_member(const void *x, const void *y)
{
	int64_t	 p, q;

	site_similar_when(g_s, *(const size_t *)x, &p);
	site_similar_when(g_s, *(const size_t *)y, &q);
	if (p != q)
		return p < q ? -1 : 1;
	return *(const size_t *)x < *(const size_t *)y ? -1 :
	    *(const size_t *)x > *(const size_t *)y;
}

static int
cmp_cluster(const void *x, const void *y)
{
	const struct sim_cluster *p = x, *q = y;

	if (p->n != q->n)
		return p->n > q->n ? -1 : 1;
	if (p->last != q->last)
		return p->last > q->last ? -1 : 1;
	if (p->first != q->first)
		return p->first > q->first ? -1 : 1;
	return p->reps[0] < q->reps[0] ? -1 : p->reps[0] > q->reps[0];
}

struct	fcount {
	size_t	 v, n;
};

static int
cmp_fcount(const void *x, const void *y)
{
	const struct fcount *p = x, *q = y;

	if (p->n != q->n)
		return p->n > q->n ? -1 : 1;
	return p->v < q->v ? -1 : p->v > q->v;
}

static int
cmp_fval(const void *x, const void *y)
{
	const struct fcount *p = x, *q = y;

	return p->v < q->v ? -1 : p->v > q->v;
}

/* Facet values named by two members or more, most named first. */
static const struct fval **
shared_facet(struct site *s, const struct sim_cluster *c,
    enum facet_kind fk, size_t **sets, size_t *nsets, size_t *np)
{
	struct fcount		*fc;
	const struct fval	**out;
	size_t			 n = 0, i, j, k;

	for (i = 0, k = 0; i < c->n; i++)
		k += nsets[c->reps[i]];
	fc = pm_xcalloc(k + 1, sizeof(*fc));
	for (i = 0; i < c->n; i++)
		for (j = 0; j < nsets[c->reps[i]]; j++) {
			fc[n].v = sets[c->reps[i]][j];
			fc[n++].n = 1;
		}
	if (n > 1)
		qsort(fc, n, sizeof(*fc), cmp_fval);
	for (i = 0, k = 0; i < n; i++)
		if (k > 0 && fc[k - 1].v == fc[i].v)
			fc[k - 1].n++;
		else
			fc[k++] = fc[i];
	if (k > 1)
		qsort(fc, k, sizeof(*fc), cmp_fcount);
	out = pm_arena_alloc(&s->arena, (k + 1) * sizeof(*out));
	for (i = 0, n = 0; i < k && fc[i].n >= 2; i++)
		out[n++] = &s->facets[fk].v[fc[i].v];
	free(fc);
	*np = n;
	return out;
}

/* The terms most shared by the members: weight summed over the
 * members that have it, for terms two members or more have. */
static void
cluster_terms(struct site *s, struct sim_cluster *c)
{
	const struct pm_sim	*m = s->sim;
	struct cand		*cv;
	struct ent		*all;
	size_t			 n = 0, i, j, k, run;

	for (i = 0; i < c->n; i++)
		n += m->off[c->reps[i] + 1] - m->off[c->reps[i]];
	all = pm_xcalloc(n + 1, sizeof(*all));
	for (i = 0, n = 0; i < c->n; i++)
		for (j = m->off[c->reps[i]]; j < m->off[c->reps[i] + 1]; j++)
			all[n++] = m->ents[j];
	if (n > 1)
		qsort(all, n, sizeof(*all), cmp_ent);
	cv = pm_xcalloc(n + 1, sizeof(*cv));
	for (i = 0, k = 0; i < n; i = j) {
		int64_t sum = 0;

		for (j = i, run = 0; j < n && all[j].t == all[i].t; j++, run++)
			sum += all[j].q;
		if (run < 2)
			continue;
		cv[k].t = all[i].t;
		cv[k++].w = sum;
	}
	if (k > 1)
		qsort(cv, k, sizeof(*cv), cmp_cand);
	/* The services and categories are listed already. */
	c->terms = pm_arena_alloc(&s->arena, 2 * SIM_TERMS * sizeof(char *));
	n = pick(m, cv, k, c->terms, 2 * SIM_TERMS);
	for (i = 0, k = 0; i < n && k < SIM_TERMS; i++) {
		for (j = 0; j < c->nsvcs + c->ncats; j++)
			if (strcasecmp(c->terms[i], j < c->nsvcs ?
			    c->svcs[j]->name : c->cats[j - c->nsvcs]->name) == 0)
				break;
		if (j == c->nsvcs + c->ncats)
			c->terms[k++] = c->terms[i];
	}
	c->nterms = k;
	free(cv);
	free(all);
}

/* Whether reports a and b started (or, without a start, were first
 * committed) within SIM_DAYS of each other. */
static int
near(const struct site *s, size_t a, size_t b)
{
	int64_t	 ta, tb;

	return site_similar_when(s, a, &ta) && site_similar_when(s, b, &tb) &&
	    llabs(ta - tb) <= (long long)SIM_DAYS * PM_DAY;
}

/* Whether b is among the SIM_NEAR most similar reports of a that
 * started within SIM_DAYS of it. */
static int
knn(const struct site *s, size_t a, size_t b)
{
	const struct rep	*r = &s->reps[a];
	size_t			 i, k = 0;

	for (i = 0; i < r->nsim && k < SIM_NEAR; i++) {
		if (!near(s, a, r->simv[i].rep))
			continue;
		if (r->simv[i].rep == b)
			return 1;
		k++;
	}
	return 0;
}

/*
 * Single link over the pairs that are each other's near neighbours
 * (mutual k nearest, within the time limit): a report similar to many
 * (a hub) then joins the sets of its closest few only, and unrelated
 * sets are not chained together through it.
 */
static void
make_clusters(struct site *s)
{
	struct pm_sim	*m = s->sim;
	size_t		*up, *cnt, *root, i, j, k, a, b;
	struct sim_cluster *c;

	up = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	for (i = 0; i < s->nreps; i++)
		up[i] = i;
	for (i = 0; i < s->nreps; i++)
		for (j = 0; j < s->reps[i].nsim; j++) {
			k = s->reps[i].simv[j].rep;
			if (k < i || !near(s, i, k) || !knn(s, i, k) ||
			    !knn(s, k, i))
				continue;
			a = uf_find(up, i);
			b = uf_find(up, k);
			if (a != b)	/* the smaller index is the root */
				up[a > b ? a : b] = a > b ? b : a;
		}
	cnt = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	root = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	for (i = 0; i < s->nreps; i++)
		cnt[root[i] = uf_find(up, i)]++;
	for (i = 0, k = 0; i < s->nreps; i++)
		if (cnt[i] >= 2)
			k++;
	s->clusters = pm_arena_alloc(&s->arena, (k + 1) * sizeof(*c));
	/* up[] now maps a root to its cluster. */
	for (i = 0; i < s->nreps; i++)
		if (cnt[i] >= 2) {
			c = &s->clusters[s->nclusters];
			c->reps = pm_arena_alloc(&s->arena, cnt[i] *
			    sizeof(size_t));
			up[i] = s->nclusters++;
		}
	for (i = 0; i < s->nreps; i++)
		if (cnt[root[i]] >= 2) {
			c = &s->clusters[up[root[i]]];
			c->reps[c->n++] = i;
		}
	g_s = s;
	for (j = 0; j < s->nclusters; j++) {
		c = &s->clusters[j];
		qsort(c->reps, c->n, sizeof(size_t), cmp_member);
		site_similar_when(s, c->reps[0], &c->first);
		site_similar_when(s, c->reps[c->n - 1], &c->last);
		c->svcs = shared_facet(s, c, FACET_SERVICE, m->svc, m->nsvc,
		    &c->nsvcs);
		c->cats = shared_facet(s, c, FACET_FACTOR, m->cat, m->ncat,
		    &c->ncats);
		cluster_terms(s, c);
	}
	if (s->nclusters > 1)
		qsort(s->clusters, s->nclusters, sizeof(*s->clusters),
		    cmp_cluster);
	g_s = NULL;
	free(up);
	free(cnt);
	free(root);
}

void
site_similar(struct site *s)
{
	struct pm_sim	*m;
	struct pair	*pv;
	size_t		 np, i;

	m = pm_xcalloc(1, sizeof(*m));
	s->sim = m;
	words_init(m);
	m->svc = pm_xcalloc(s->nreps + 1, sizeof(size_t *));
	m->cat = pm_xcalloc(s->nreps + 1, sizeof(size_t *));
	m->nsvc = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	m->ncat = pm_xcalloc(s->nreps + 1, sizeof(size_t));
	for (i = 0; i < s->nreps; i++) {
		m->svc[i] = facet_set(s, i, FACET_SERVICE, &m->nsvc[i]);
		m->cat[i] = facet_set(s, i, FACET_FACTOR, &m->ncat[i]);
	}
	build_vectors(s, m);
	pv = find_pairs(s, m, &np);
	link_reports(s, pv, np);
	make_clusters(s);
	free(pv);
}

void
site_similar_free(struct site *s)
{
	struct pm_sim	*m = s->sim;

	if (m == NULL)
		return;
	pm_arena_release(&m->a);
	free(m->terms);
	free(m->tab);
	free(m->ents);
	free(m->off);
	free(m->tt);
	free(m->toff);
	free(m->svc);
	free(m->cat);
	free(m->nsvc);
	free(m->ncat);
	free(m);
	s->sim = NULL;
}
