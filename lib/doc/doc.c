/*
 * The document: lifecycle, the order of the parse (split, front
 * matter, body, inference, required fields), the small accessors, and
 * the model as JSON for `show --format json` (our `-T tree`).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/time.h"
#include "base/utf8.h"
#include "doc/doc_int.h"
#include "doc/infer.h"
#include "source/config.h"

struct pm_finding *
pm_doc__finding(struct pm_doc *doc, enum pm_rule_id rule, unsigned int line,
    unsigned int col, const char *fmt, ...)
{
	struct pm_buf	 b = PM_BUF_INIT;
	struct pm_pos	 pos;
	struct pm_finding *f;
	va_list		 ap;

	va_start(ap, fmt);
	pm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	pos.line = line;
	pos.col = col;
	f = pm_findings_add(&doc->findings, rule, doc->path, pos, "%s",
	    pm_buf_cstr(&b));
	pm_buf_release(&b);
	return f;
}

/* The file name without directories and ".md". */
static const char *
default_id(struct pm_doc *doc)
{
	const char	*base, *p;
	size_t		 len;

	base = (p = strrchr(doc->path, '/')) != NULL ? p + 1 : doc->path;
	len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".md") == 0)
		len -= 3;
	else if (len > 9 && strcmp(base + len - 9, ".markdown") == 0)
		len -= 9;
	return pm_arena_strndup(&doc->arena, base, len);
}

/*
 * Without front matter: does the file look like a post-mortem written
 * without us, a level-1 title and a Timeline section?  A quick look at
 * the ATX headings outside fenced code, so that READMEs cost nothing.
 */
static int
looks_legacy(const struct pm_doc *doc, const struct pm_config *cfg)
{
	const char	*s;
	size_t		 len, i, lvl;
	unsigned int	 n;
	int		 h1 = 0, tl = 0;
	char		 fence = 0;

	for (n = 1; n <= doc->nlines && !(h1 && tl); n++) {
		s = pm_doc_line(doc, n, &len);
		if (n == 1 && doc->bom) {
			s += 3;
			len -= 3;
		}
		for (i = 0; i < len && i < 3 && s[i] == ' '; i++)
			continue;
		if (len - i >= 3 && (s[i] == '`' || s[i] == '~') &&
		    s[i + 1] == s[i] && s[i + 2] == s[i]) {
			if (fence == 0)
				fence = s[i];
			else if (fence == s[i])
				fence = 0;
			continue;
		}
		if (fence != 0 || i >= len || s[i] != '#')
			continue;
		for (lvl = 0; i < len && s[i] == '#'; i++)
			lvl++;
		if (i < len && s[i] != ' ' && s[i] != '\t')
			continue;
		if (lvl == 1)
			h1 = 1;
		if (lvl <= 2 && pm_sec__match(s + i, len - i, cfg) ==
		    PM_SEC_TIMELINE)
			tl = 1;
	}
	return h1 && tl;
}

/*
 * The arrays the builders grew are final: move them into the arena
 * (pm_arena_settle), without the slack of their capacity or a malloc
 * each.  First those that fit in the free end of the current block,
 * smallest first, then the others together in one block of their
 * exact size.
 */
#define	ARRAYS(X)							\
	X(doc->meta.services.v, doc->meta.services.n)			\
	X(doc->meta.tags.v, doc->meta.tags.n)				\
	X(doc->meta.authors.v, doc->meta.authors.n)			\
	X(doc->meta.related.v, doc->meta.related.n)			\
	X(doc->meta.extra, doc->meta.nextra)				\
	X(doc->links, doc->nlinks)					\
	X(doc->urls, doc->nurls)					\
	X(doc->whys, doc->nwhys)					\
	X(doc->secs, doc->nsecs)					\
	X(doc->factors, doc->nfactors)					\
	X(doc->prose, doc->nprose)					\
	X(doc->actions, doc->nactions)					\
	X(doc->timeline.rows, doc->timeline.n)

static void
settle(struct pm_doc *doc)
{
	struct pm_arena	*a = &doc->arena;
	size_t		 g, need = 0;

#define	SETTLE(p, n)	((p) = pm_arena_settle(a, (p), (n), sizeof(*(p))))
#define	GROWN(p, n)	pm_arena_grown(a, (p), (n), sizeof(*(p)))
#define	IN_TAIL(p, n)	if ((g = GROWN(p, n)) > 0 && g <= pm_arena_avail(a)) \
			    SETTLE(p, n);
#define	NEED(p, n)	need += GROWN(p, n);
#define	MOVE(p, n)	SETTLE(p, n);
	ARRAYS(IN_TAIL)
	ARRAYS(NEED)
	pm_arena_reserve(a, need);
	ARRAYS(MOVE)
#undef	SETTLE
#undef	GROWN
#undef	IN_TAIL
#undef	NEED
#undef	MOVE
}

/*
 * Bytes for the first block of a document of len bytes: the model
 * strings and the line table take about 1.2 times the text (the grown
 * arrays, 0.4 more, get an exact block of their own at the end: see
 * settle).  On gen-corpus reports, first blocks from 1.0 to 1.75
 * times the text held 12.2 to 13.1 KB a document in all; 1.0 was the
 * least, the tail of a block being the waste.
 */
static size_t
arena_hint(size_t len)
{
	size_t	 h;

	h = len + 256;
	return h > 256 * 1024 ? 256 * 1024 : h;
}

/*
 * Offset of the first byte of t that does not start valid UTF-8
 * (overlong, surrogate, past U+10FFFF, cut short), or (size_t)-1.
 */
static size_t
bad_utf8(const char *t, size_t len)
{
	const unsigned char	*u = (const unsigned char *)t;
	size_t			 i = 0, k;

	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = pm_utf8_len(u + i, len - i)) == 0)
			return i;
		i += k;
	}
	return (size_t)-1;
}

/* The parse proper; doc->text (textsz + 1 bytes) is set. */
static void
parse(struct pm_doc *doc, const struct pm_config *cfg, unsigned int flags)
{
	const char	*nul, *p, *bol;
	size_t		 i, len = doc->textsz, bad;
	unsigned int	 line;
	int		 h1 = 0;

	doc->meta.severity = -1;
	doc->meta.status = PM_STATUS_FINAL;
	doc->meta.id = default_id(doc);
	doc->kind = PM_DOC_OTHER;

	if (pm_doc__split(doc) == -1) {
		/*
		 * NUL bytes: a binary file, not a report, and no line
		 * table.  The finding is on line 1 (every position is
		 * within the lines the model has) and names where the
		 * first NUL is.
		 */
		nul = memchr(doc->text, '\0', len);
		for (p = doc->text, line = 1, bol = doc->text; p < nul &&
		    (p = memchr(p, '\n', (size_t)(nul - p))) != NULL; p++) {
			line++;
			bol = p + 1;
		}
		pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, 1, 0,
		    "the file holds a NUL byte at line %u, column %zu "
		    "(offset %zu): not a text file; it is not read", line,
		    (size_t)(nul - bol) + 1, (size_t)(nul - doc->text));
		doc->line_off = NULL;
		doc->nlines = 0;
		return;
	}
	if ((bad = bad_utf8(doc->text, len)) != (size_t)-1) {
		line = pm_doc__line_of(doc, bad);
		pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, line,
		    (unsigned int)(bad - doc->line_off[line - 1]) + 1,
		    "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
		    (unsigned char)doc->text[bad]);
	}
	if (cfg != NULL && cfg->limits.max_report_bytes > 0 &&
	    len > cfg->limits.max_report_bytes)
		pm_doc__finding(doc, PM_RULE_INPUT_LIMITS, 1, 0,
		    "the file is %zu bytes, over the limit of %zu "
		    "(limits.max_report_bytes); only the part before line "
		    "%u is read", len, cfg->limits.max_report_bytes,
		    pm_doc__line_of(doc, cfg->limits.max_report_bytes));

	if (doc->meta.has_fm) {
		doc->kind = PM_DOC_FRONTMATTER;
		pm_doc__frontmatter(doc, cfg);
		pm_doc__body(doc, cfg, flags);
		pm_doc__required(doc);
		return;
	}
	if (looks_legacy(doc, cfg))
		doc->kind = PM_DOC_LEGACY;
	else if (!(flags & PM_PARSE_FORCE))
		return;
	pm_doc__body(doc, cfg, flags);
	for (i = 0; i < doc->nsecs; i++)
		if (doc->secs[i].level == 1)
			h1 = 1;
	/* A file the user selected (named, or by include) needs no title
	 * heading (its file name gives the title), and its timeline may
	 * be a labelled list ("Key events") rather than a section. */
	doc->kind = (h1 && doc->timeline.present) ||
	    ((flags & PM_PARSE_FORCE) && (doc->timeline.present ||
	    doc->timeline.n > 0)) ? PM_DOC_LEGACY : PM_DOC_OTHER;
	if (doc->kind == PM_DOC_LEGACY)
		pm_infer_meta(doc, cfg);
	pm_doc__required(doc);
}

/* A new document owning text (malloc'd, len + 1 bytes, NUL-ended). */
static struct pm_doc *
doc_new(const char *path, char *text, size_t len)
{
	struct pm_doc	*doc;

	doc = pm_xcalloc(1, sizeof(*doc));
	pm_arena_size_hint(&doc->arena, arena_hint(len));
	doc->path = pm_arena_strdup(&doc->arena, path != NULL ? path : "-");
	doc->text = text;
	doc->textsz = len;
	return doc;
}

/* Line offsets are 32-bit: the model covers the first 4 GB. */
#define	MAX_TEXT	((size_t)UINT32_MAX - 1)

int
pm_doc_parse(struct pm_doc **out, const char *path, const char *text,
    size_t len, const struct pm_config *cfg, unsigned int flags)
{
	char	*copy;

	if (len > MAX_TEXT)
		len = MAX_TEXT;
	copy = pm_xmalloc(len + 1);
	if (len > 0)
		memcpy(copy, text, len);
	copy[len] = '\0';
	*out = doc_new(path, copy, len);
	parse(*out, cfg, flags);
	settle(*out);
	return 0;
}

int
pm_doc_parse_take(struct pm_doc **out, const char *path, char *text,
    size_t len, const struct pm_config *cfg, unsigned int flags)
{
	if (len > MAX_TEXT)
		len = MAX_TEXT;
	/* Room for the NUL; a shrink when the reader over-allocated. */
	text = pm_xrealloc(text, len + 1);
	text[len] = '\0';
	*out = doc_new(path, text, len);
	parse(*out, cfg, flags);
	settle(*out);
	return 0;
}

void
pm_doc_free(struct pm_doc *doc)
{
	if (doc == NULL)
		return;
	pm_doc__free_tree(doc);
	pm_findings_release(&doc->findings);
	free(doc->text);
	pm_arena_release(&doc->arena);
	free(doc);
}

const struct pm_section *
pm_doc_section(const struct pm_doc *doc, enum pm_sec kind)
{
	size_t	 i;

	for (i = 0; i < doc->nsecs; i++)
		if (doc->secs[i].kind == kind)
			return &doc->secs[i];
	return NULL;
}

/* JSON */

static const char *const sec_keys[PM_SEC__MAX + 1] = {
	"summary", "impact", "root_cause", "timeline", "factors", "whys",
	"actions", "went_well", "lessons", "prevention", "other"
};

static const char *
sec_key(enum pm_sec s)
{
	return s <= PM_SEC__MAX ? sec_keys[s] : "other";
}

static void
jpos(struct pm_json *j, struct pm_pos p)
{
	pm_json_kint(j, "line", p.line);
	pm_json_kint(j, "col", p.col);
}

static void
jkpos(struct pm_json *j, const char *key, struct pm_pos p)
{
	pm_json_key(j, key);
	pm_json_arr_begin(j);
	pm_json_int(j, p.line);
	pm_json_int(j, p.col);
	pm_json_arr_end(j);
}

static void
jstr(struct pm_json *j, const char *key, const struct pm_str *s)
{
	pm_json_key(j, key);
	if (s->s == NULL) {
		pm_json_null(j);
		return;
	}
	pm_json_obj_begin(j);
	pm_json_kstr(j, "value", s->s);
	jpos(j, s->pos);
	pm_json_obj_end(j);
}

static void
jtime(struct pm_json *j, const char *key, int64_t t)
{
	char	 buf[32];

	pm_json_kstr(j, key, pm_time_format(buf, t));
}

/* Zones run from UTC-12 to UTC+14: a day's span in any of them. */
#define	DAY_EAST	(14 * 3600)
#define	DAY_WEST	(12 * 3600)

int64_t
pm_ts_earliest(const struct pm_tsval *v)
{
	return v->day ? v->t - DAY_EAST : v->t;
}

int64_t
pm_ts_latest(const struct pm_tsval *v)
{
	return v->day ? v->t + PM_DAY - 1 + DAY_WEST : v->t;
}

int
pm_ts_after(const struct pm_tsval *a, const struct pm_tsval *b)
{
	if (a->day && b->day)
		return a->t / PM_DAY > b->t / PM_DAY;
	return pm_ts_earliest(a) > pm_ts_latest(b);
}

char *
pm_ts_format(char *buf, const struct pm_tsval *v)
{
	if (v->day)
		return pm_date_format(buf, v->t / PM_DAY -
		    (v->t % PM_DAY < 0));
	return pm_time_format(buf, v->t);
}

static void
jts(struct pm_json *j, const char *key, const struct pm_tsval *v)
{
	char	 buf[32];

	pm_json_key(j, key);
	if (!v->set) {
		pm_json_null(j);
		return;
	}
	pm_json_obj_begin(j);
	pm_json_kstr(j, "raw", v->raw);
	pm_json_kbool(j, "ok", v->ok);
	if (v->ok && v->day) {
		/* The day as written: no time of day to put in "utc". */
		pm_json_kstr(j, "day", pm_ts_format(buf, v));
		pm_json_kbool(j, "date_only", 1);
	} else if (v->ok) {
		jtime(j, "utc", v->t);
		pm_json_kbool(j, "has_zone", v->has_zone);
	}
	if (v->note != NULL)
		pm_json_kstr(j, "note", v->note);
	jpos(j, v->pos);
	pm_json_obj_end(j);
}

static void
jdate(struct pm_json *j, const char *key, const struct pm_dateval *v)
{
	char	 buf[16];

	pm_json_key(j, key);
	if (!v->set) {
		pm_json_null(j);
		return;
	}
	pm_json_obj_begin(j);
	pm_json_kstr(j, "raw", v->raw);
	pm_json_kbool(j, "ok", v->ok);
	if (v->ok)
		pm_json_kstr(j, "date", pm_date_format(buf, v->days));
	jpos(j, v->pos);
	pm_json_obj_end(j);
}

static void
jlist(struct pm_json *j, const char *key, const struct pm_list *l)
{
	size_t	 i;

	pm_json_key(j, key);
	if (!l->set) {
		pm_json_null(j);
		return;
	}
	pm_json_obj_begin(j);
	pm_json_kbool(j, "ok", l->ok);
	jpos(j, l->pos);
	pm_json_key(j, "items");
	pm_json_arr_begin(j);
	for (i = 0; i < l->n; i++) {
		pm_json_obj_begin(j);
		pm_json_kstr(j, "value", l->v[i].s);
		jpos(j, l->v[i].pos);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
	pm_json_obj_end(j);
}

static void
jkvs(struct pm_json *j, const char *key, const struct pm_kv *kv, size_t n)
{
	size_t	 i;

	pm_json_key(j, key);
	pm_json_arr_begin(j);
	for (i = 0; i < n; i++) {
		pm_json_obj_begin(j);
		pm_json_kstr(j, "key", kv[i].key);
		pm_json_kstr(j, "value", kv[i].value);
		if (kv[i].is_num) {
			pm_json_key(j, "number");
			pm_json_num(j, kv[i].num);
		}
		jpos(j, kv[i].pos);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
}

static void
jmeta(struct pm_json *j, const struct pm_meta *m)
{
	static const char *const st[] = { "final", "draft", "review" };

	pm_json_key(j, "meta");
	pm_json_obj_begin(j);
	pm_json_kbool(j, "has_fm", m->has_fm);
	pm_json_kbool(j, "fm_ok", m->fm_ok);
	pm_json_kbool(j, "inferred", m->inferred);
	pm_json_kint(j, "fm_first", m->fm_first);
	pm_json_kint(j, "fm_last", m->fm_last);
	pm_json_key(j, "id");
	pm_json_obj_begin(j);
	pm_json_kstr(j, "value", m->id);
	pm_json_kbool(j, "set", m->id_set);
	if (m->id_set)
		jpos(j, m->id_pos);
	pm_json_obj_end(j);
	jstr(j, "title", &m->title);
	jstr(j, "severity_raw", &m->severity_raw);
	pm_json_key(j, "severity");
	if (m->severity >= 0)
		pm_json_int(j, m->severity);
	else
		pm_json_null(j);
	jstr(j, "status_raw", &m->status_raw);
	pm_json_kstr(j, "status", st[m->status <= PM_STATUS_REVIEW ?
	    m->status : 0]);
	jstr(j, "locale", &m->locale);
	jts(j, "started", &m->started);
	jts(j, "detected", &m->detected);
	jts(j, "mitigated", &m->mitigated);
	jts(j, "ended", &m->ended);
	jts(j, "distributed", &m->distributed);
	jdate(j, "reviewed", &m->reviewed);
	jdate(j, "follow_up", &m->follow_up);
	jlist(j, "services", &m->services);
	jlist(j, "tags", &m->tags);
	jlist(j, "authors", &m->authors);
	jlist(j, "related", &m->related);
	jkvs(j, "impact", m->impact, m->nimpact);
	jkvs(j, "extra", m->extra, m->nextra);
	pm_json_obj_end(j);
}

static void
jtimeline(struct pm_json *j, const struct pm_timeline *tl)
{
	const struct pm_trow	*r;
	size_t			 i;

	pm_json_key(j, "timeline");
	pm_json_obj_begin(j);
	pm_json_kbool(j, "present", tl->present);
	pm_json_kbool(j, "is_table", tl->is_table);
	pm_json_kstr(j, "zone", tl->zone);
	if (tl->zone != NULL)
		jkpos(j, "zone_pos", tl->zone_pos);
	pm_json_kbool(j, "utc_declared", tl->utc_declared);
	pm_json_key(j, "rows");
	pm_json_arr_begin(j);
	for (i = 0; i < tl->n; i++) {
		r = &tl->rows[i];
		pm_json_obj_begin(j);
		jpos(j, r->pos);
		pm_json_kstr(j, "time_raw", r->time_raw);
		jkpos(j, "time_pos", r->time_pos);
		pm_json_kbool(j, "ok", r->ok);
		if (r->ok) {
			jtime(j, "utc", r->t);
			pm_json_kbool(j, "has_date", r->has_date);
			pm_json_kbool(j, "date_only", r->date_only);
			pm_json_kbool(j, "approx", r->approx);
			pm_json_kstr(j, "zone", r->zone);
		} else {
			pm_json_kstr(j, "error", r->error);
			if (r->no_day)
				pm_json_kbool(j, "no_day", 1);
		}
		pm_json_kstr(j, "event", r->event);
		pm_json_kstr(j, "source", r->source);
		pm_json_kstr(j, "actor", r->actor);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
	pm_json_obj_end(j);
}

static void
jactions(struct pm_json *j, const struct pm_doc *doc)
{
	static const char *const st[] = { "none", "open", "in-progress",
	    "done", "wontfix", "unknown" };
	const struct pm_action	*a;
	char			 buf[16];
	size_t			 i;

	pm_json_key(j, "actions");
	pm_json_arr_begin(j);
	for (i = 0; i < doc->nactions; i++) {
		a = &doc->actions[i];
		pm_json_obj_begin(j);
		jpos(j, a->pos);
		pm_json_kbool(j, "is_table", a->is_table);
		pm_json_kstr(j, "id", a->id);
		pm_json_kstr(j, "text", a->text);
		jkpos(j, "text_pos", a->text_pos);
		pm_json_kstr(j, "owner", a->owner);
		if (a->owner != NULL)
			jkpos(j, "owner_pos", a->owner_pos);
		pm_json_kstr(j, "deadline_raw", a->deadline_raw);
		if (a->deadline_raw != NULL) {
			jkpos(j, "deadline_pos", a->deadline_pos);
			pm_json_kstr(j, "deadline", a->deadline_ok ?
			    pm_date_format(buf, a->deadline) : NULL);
		}
		pm_json_kstr(j, "prio_raw", a->prio_raw);
		if (a->prio_raw != NULL)
			jkpos(j, "prio_pos", a->prio_pos);
		pm_json_key(j, "prio");
		if (a->prio >= 0)
			pm_json_int(j, a->prio);
		else
			pm_json_null(j);
		pm_json_kstr(j, "status_raw", a->status_raw);
		pm_json_kstr(j, "status", st[a->status <= PM_ASTATUS_UNKNOWN ?
		    a->status : 0]);
		pm_json_kstr(j, "ticket", a->ticket);
		if (a->ticket != NULL)
			jkpos(j, "ticket_pos", a->ticket_pos);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
}

static void
jbody(struct pm_json *j, const struct pm_doc *doc)
{
	static const char *const fk[] = { "plain", "immediate",
	    "contributing", "systemic" };
	size_t	 i;

	pm_json_key(j, "sections");
	pm_json_arr_begin(j);
	for (i = 0; i < doc->nsecs; i++) {
		pm_json_obj_begin(j);
		pm_json_kstr(j, "kind", sec_key(doc->secs[i].kind));
		pm_json_kstr(j, "heading", doc->secs[i].heading);
		pm_json_kint(j, "level", doc->secs[i].level);
		jpos(j, doc->secs[i].pos);
		pm_json_kint(j, "line_last", doc->secs[i].line_last);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
	jtimeline(j, &doc->timeline);
	pm_json_key(j, "factors");
	pm_json_arr_begin(j);
	for (i = 0; i < doc->nfactors; i++) {
		pm_json_obj_begin(j);
		pm_json_kstr(j, "kind", fk[doc->factors[i].kind <=
		    PM_FACTOR_SYSTEMIC ? doc->factors[i].kind : 0]);
		pm_json_kstr(j, "category", doc->factors[i].category);
		pm_json_kstr(j, "text", doc->factors[i].text);
		jpos(j, doc->factors[i].pos);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
	pm_json_key(j, "whys");
	pm_json_arr_begin(j);
	for (i = 0; i < doc->nwhys; i++) {
		pm_json_obj_begin(j);
		pm_json_kstr(j, "text", doc->whys[i].text);
		jpos(j, doc->whys[i].pos);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
	jactions(j, doc);
	pm_json_key(j, "links");
	pm_json_arr_begin(j);
	for (i = 0; i < doc->nlinks; i++) {
		pm_json_obj_begin(j);
		pm_json_kstr(j, "id", doc->links[i].id);
		jpos(j, doc->links[i].pos);
		pm_json_obj_end(j);
	}
	pm_json_arr_end(j);
	pm_json_key(j, "prose");
	pm_json_arr_begin(j);
	for (i = 0; i < doc->nprose; i++) {
		pm_json_arr_begin(j);
		pm_json_str(j, sec_key(doc->prose[i].sec));
		pm_json_int(j, doc->prose[i].line_first);
		pm_json_int(j, doc->prose[i].line_last);
		pm_json_arr_end(j);
	}
	pm_json_arr_end(j);
	pm_json_kint(j, "root_cause_words", doc->root_cause_words);
	pm_json_kint(j, "root_cause_lines", doc->root_cause_lines);
}

void
pm_doc_to_json(const struct pm_doc *doc, struct pm_buf *out)
{
	static const char *const kinds[] = { "frontmatter", "legacy",
	    "other" };
	struct pm_json	 j;
	size_t		 i;

	pm_json_init(&j, out, 1);
	pm_json_obj_begin(&j);
	pm_json_kstr(&j, "path", doc->path);
	pm_json_kstr(&j, "kind", kinds[doc->kind <= PM_DOC_OTHER ?
	    doc->kind : 2]);
	pm_json_kbool(&j, "bom", doc->bom);
	pm_json_kbool(&j, "crlf", doc->crlf);
	pm_json_kint(&j, "lines", doc->nlines);
	pm_json_kint(&j, "body_line", doc->body_line);
	jmeta(&j, &doc->meta);
	if (doc->has_added) {
		pm_json_key(&j, "added");
		pm_json_obj_begin(&j);
		jtime(&j, "time", doc->added);
		pm_json_kstr(&j, "by", doc->added_by);
		pm_json_obj_end(&j);
	}
	if (doc->kind != PM_DOC_OTHER || doc->nsecs > 0)
		jbody(&j, doc);
	pm_json_key(&j, "findings");
	pm_json_arr_begin(&j);
	for (i = 0; i < doc->findings.n; i++) {
		const struct pm_finding *f = &doc->findings.v[i];

		pm_json_obj_begin(&j);
		pm_json_kstr(&j, "rule", pm_rule_name(f->rule));
		pm_json_kstr(&j, "level", pm_level_name(f->level));
		jpos(&j, f->pos);
		pm_json_kstr(&j, "message", f->msg);
		pm_json_obj_end(&j);
	}
	pm_json_arr_end(&j);
	pm_json_obj_end(&j);
	pm_buf_putc(out, '\n');
}
