/*
 * The timeline (SPEC sections 1, 5 and 6): one reader for every block
 * that holds entries beginning with a time.  In the Timeline section:
 * GFM table rows (columns found by header name; a Date and a Time
 * column are read together), list items ("- **16:58 UTC** - ...",
 * "* [13:26] ...", nested lists under a date or a label), headings
 * ("### 2021-06-03 9:14" with paragraphs under it), paragraphs that
 * start with a time, and each line of a paragraph that does.  Outside
 * it, when the section gave nothing, the labelled list of the report
 * whose items begin (or, "First detected 2020-08-14 10:43", end) with
 * a time (pm_md__timeline_search).
 *
 * Each time is read by pm_ttime_parse() with a context: the day of
 * "HH:MM" rows is the last date seen (a row, a date line, a date
 * heading), else the day of 'started', else the day the title, a
 * metadata line or the file name gives; the zone is the one the
 * nearest statement declares (column header, sentence, heading), else
 * the configuration's.  A row whose time cannot be read keeps ok = 0
 * and becomes a timeline/time finding at the time's position.  A bare
 * time that goes back more than an hour (not across midnight) is kept
 * but marked doubtful: it may be the next day or a 12-hour clock.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/time.h"
#include "base/tz.h"
#include "doc/infer.h"
#include "doc/md_int.h"
#include "doc/ttime.h"
#include "source/config.h"

enum	tcol {
	T_NONE,
	T_TIME,
	T_DATE,
	T_EVENT,
	T_SOURCE,
	T_ACTOR,
};

#define	T_MAX	T_ACTOR

static size_t	 score_list(struct pm_walk *, cmark_node *, size_t *);

/* Lower-cased ASCII copy of at most sz - 1 bytes. */
static void
lower(char *dst, size_t sz, const char *s, size_t len)
{
	size_t	 i;

	if (len >= sz)
		len = sz - 1;
	for (i = 0; i < len; i++)
		dst[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
	dst[len] = '\0';
}

static int
has(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strstr(s, *words) != NULL)
			return 1;
	return 0;
}

static enum tcol
classify(const char *s, size_t len)
{
	static const char *const time_w[] = { "time", "when", "hora", "時",
	    "时间", "시간", "시각", NULL };
	static const char *const date_w[] = { "date", "fecha", "日付",
	    NULL };
	static const char *const event_w[] = { "event", "descr", "what",
	    "detail", "happen", "note", "evento", "suceso", "イベント",
	    "出来事", "内容", "事件", "이벤트", "내용", NULL };
	static const char *const source_w[] = { "source", "evidence",
	    "fuente", "origen", "ソース", "情報源", "来源", "출처", NULL };
	static const char *const actor_w[] = { "actor", "who", "owner",
	    "person", "responsable", "quién", "担当", "执行", "负责",
	    "담당", NULL };
	char	 buf[128];

	lower(buf, sizeof(buf), s, len);
	if (has(buf, time_w))
		return T_TIME;
	if (has(buf, date_w))
		return T_DATE;
	if (has(buf, event_w))
		return T_EVENT;
	if (has(buf, source_w))
		return T_SOURCE;
	if (has(buf, actor_w) || strcmp(buf, "by") == 0)
		return T_ACTOR;
	return T_NONE;
}

static int	 date_line(struct pm_walk *, const char *, size_t, int64_t *);

/*
 * A zone declared by text: note it as the timeline's and use it.
 * Returns 1 when the text declares a zone (known or not).
 */
static int
declare_zone(struct pm_walk *w, const char *s, size_t len,
    struct pm_pos pos)
{
	struct pm_timeline	*tl = &w->doc->timeline;
	struct pm_tz		 tz;
	const char		*why;
	char			 name[48];
	size_t			 i, n, rest;
	int64_t			 day;
	int			 rc;

	rc = pm_ttime_zone_decl(s, len, name, sizeof(name), &tz, w->cfg,
	    &why);
	if (rc == -1)
		return 0;
	tl->zone = pm_arena_strdup(&w->doc->arena, name);
	tl->zone_pos = pm_md__find(w, pos.line, pos.line, name, pos);
	if (rc != 0) {
		w->zone_declared = 1;
		w->zone_error = why;
		tl->zone_error = why;
		memset(&w->zone, 0, sizeof(w->zone));
		return 1;
	}
	w->zone = tz;
	w->zone_declared = 1;
	w->zone_error = NULL;
	tl->zone_error = NULL;
	w->zone_off = tz.kind == PM_TZ_FIXED ? tz.off : 0;
	if (tz.kind == PM_TZ_FIXED && tz.off == 0 &&
	    (strncasecmp(name, "UTC", 3) == 0 ||
	    strncasecmp(name, "GMT", 3) == 0 || strcasecmp(name, "Z") == 0 ||
	    strcmp(name, "+00:00") == 0))
		tl->utc_declared = 1;
	/* "All times are in UTC on 2024-01-10.": the day of the rows. */
	if (!w->has_last_day && len < 200)
		for (i = 0; i < len; i++) {
			if (!isdigit((unsigned char)s[i]) || (i > 0 &&
			    isalnum((unsigned char)s[i - 1])))
				continue;
			if ((n = pm_ttime_prefix(s + i, len - i, &rest)) == 0) {
				/* "on 2024-01-10." */
				for (n = i; n < len && !isspace((unsigned char)
				    s[n]); n++)
					continue;
				while (n > i && strchr(".,;)", s[n - 1]) != NULL)
					n--;
				n -= i;
			}
			if (n > 0 && date_line(w, s + i, n, &day)) {
				w->has_last_day = 1;
				w->last_day = day;
				break;
			}
		}
	return 1;
}

void
pm_md__timeline_init(struct pm_walk *w)
{
	const struct pm_doc	*doc = w->doc;
	int64_t			 hint = 0;
	int			 has_hint;

	has_hint = doc->path != NULL && pm_ttime_name_day(doc->path,
	    &hint) == 0;
	w->file_order = pm_ttime_file_order(doc->text, doc->textsz, has_hint,
	    hint, &w->file_conflict);
}

/* The zone and day of a timeline that starts here. */
static void
timeline_begin(struct pm_walk *w)
{
	const struct pm_meta	*m = &w->doc->meta;

	memset(&w->zone, 0, sizeof(w->zone));
	memset(&w->row_zone, 0, sizeof(w->row_zone));
	w->zone_declared = 0;
	w->zone_off = 0;
	w->zone_error = NULL;
	if (w->cfg != NULL && w->cfg->timezone != NULL &&
	    pm_tz_lookup(&w->zone, w->cfg->timezone,
	    strlen(w->cfg->timezone), w->cfg->zones, w->cfg->nzones) == 0 &&
	    w->zone.kind == PM_TZ_FIXED)
		w->zone_off = w->zone.off;
	w->has_started_day = 0;
	if (m->started.ok && m->started.day) {
		/* "started: 2022-10-22": that day, in any zone. */
		w->has_started_day = 2;
		w->started_day = m->started.t / PM_DAY;
	} else if (m->started.ok)
		w->has_started_day = 1;
	else {
		/* Once per document: it reads every line. */
		if (w->base_state == 0)
			w->base_state = pm_infer_base_day_order(w->doc,
			    w->cfg, w->file_order, w->file_conflict,
			    &w->base_day) == 0 ? 1 : -1;
		if (w->base_state == 1) {
			w->has_started_day = 2;	/* a day, not an instant */
			w->started_day = w->base_day;
		}
	}
	w->pend_date = 0;
	w->pend_row = 0;
	w->year = 0;
	w->in_timeline = 1;
	w->tl_code = NULL;
}

void
pm_md__timeline_heading(struct pm_walk *w, const char *text, size_t len,
    struct pm_pos pos)
{
	timeline_begin(w);
	(void)declare_zone(w, text, len, pos);
}

/* The day of 'started' in the zone of the rows. */
static int
started_day(const struct pm_walk *w, const struct pm_tz *zone, int zone_off,
    int64_t *day)
{
	int64_t	 t;
	int	 off = zone_off;

	if (w->has_started_day == 2) {
		*day = w->started_day;
		return 1;
	}
	if (w->has_started_day != 1)
		return 0;
	t = w->doc->meta.started.t;
	if (zone != NULL && zone->kind != PM_TZ_NONE &&
	    pm_tz_offset_at(zone, t, &off) == -1)
		off = zone_off;
	t += off;
	*day = t >= 0 ? t / PM_DAY : -((-t + PM_DAY - 1) / PM_DAY);
	return 1;
}

static void
make_ctx(const struct pm_walk *w, struct pm_ttime_ctx *ctx,
    const struct pm_tz *zone, int zone_off, const char *zone_error)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->order = w->cfg != NULL ? w->cfg->date_order : PM_DATE_YMD;
	ctx->file_order = w->file_order;
	ctx->file_conflict = w->file_conflict;
	ctx->cfg = w->cfg;
	ctx->zone_offset = zone_off;
	if (zone != NULL && zone->kind != PM_TZ_NONE)
		ctx->zone = zone;
	ctx->zone_error = zone_error;
}

/*
 * Add a row.  zone/zone_off/zone_error: the zone of the block (a
 * column header may declare its own).  Returns the row.
 */
static struct pm_trow *
add_row_z(struct pm_walk *w, struct pm_pos rowpos, struct pm_pos tpos,
    const char *time, size_t tlen, const char *event, const char *source,
    const char *actor, const struct pm_tz *zone, int zone_off,
    const char *zone_error)
{
	struct pm_doc		*doc = w->doc;
	struct pm_timeline	*tl = &doc->timeline;
	struct pm_ttime_ctx	 ctx;
	struct pm_ttime		 tt;
	struct pm_trow		*r;
	int64_t			 sday = 0, back;
	int			 has_sday, rc, doubt = 0;

	/* "[13:26]", "(10:00)": the time without its bracket. */
	while (tlen > 0 && (*time == '[' || *time == '(')) {
		time++;
		tlen--;
		tpos.col++;
	}

	/* No zone declared: a zone a row named holds for the rows after
	 * it ("### 16:59 PST" then "### 17:07"). */
	if (!w->zone_declared && w->row_zone.kind != PM_TZ_NONE &&
	    zone == &w->zone) {
		zone = &w->row_zone;
		zone_off = 0;
	}
	make_ctx(w, &ctx, zone, zone_off, zone_error);
	has_sday = started_day(w, zone, zone_off, &sday);
	/* "Date (2021)": dates without a year are in it. */
	ctx.year = w->year;
	if (w->has_last_day) {
		ctx.has_base = 1;
		ctx.base_day = w->last_day;
	} else if (has_sday) {
		ctx.has_base = 1;
		ctx.base_day = sday;
	}
	memset(&tt, 0, sizeof(tt));
	if (tlen == 0) {
		rc = -1;
		tt.error = "no time";
	} else
		rc = pm_ttime_parse(&tt, time, tlen, &ctx);
	/*
	 * A dated row before the incident ("2024-07-29 09:10 record
	 * changed") followed by "09:05": the bare time belongs to the
	 * day of 'started', not to the earlier date.
	 */
	if (rc == 0 && tt.ok && !tt.has_date && w->has_last_day &&
	    has_sday && sday > w->last_day && w->has_prev &&
	    tt.t < w->prev_t) {
		ctx.base_day = sday;
		rc = pm_ttime_parse(&tt, time, tlen, &ctx);
	}
	/*
	 * A bare time before the previous row: after midnight when the
	 * clock went from the evening to the early morning; otherwise
	 * doubtful (the next day, or a 12-hour clock without pm?).
	 */
	if (rc == 0 && tt.ok && !tt.has_date && w->has_prev &&
	    tt.t < w->prev_t && ctx.has_base) {
		back = w->prev_t - tt.t;
		if (back >= 12 * 3600 && back < PM_DAY &&
		    (tt.t + PM_DAY) - w->prev_t <= 8 * 3600) {
			ctx.base_day++;
			rc = pm_ttime_parse(&tt, time, tlen, &ctx);
			if (rc == 0 && tt.ok) {
				w->has_last_day = 1;
				w->last_day = ctx.base_day;
			}
		} else if (back > 3600)
			doubt = 1;
	} else if (rc == 0 && tt.ok && tt.has_date && !tt.date_only &&
	    w->has_prev && tt.t + PM_DAY < w->prev_t)
		doubt = 2;
	/* Rows after a doubtful bare time hang on it. */
	if (rc == 0 && tt.ok && !tt.has_date && w->has_prev &&
	    tl->doubt != NULL && tl->n > 0 && tl->rows[tl->n - 1].doubtful)
		doubt = 1;

	tl->rows = pm_arena_grow(&doc->arena, tl->rows, &w->cap_rows,
	    tl->n + 1, sizeof(*tl->rows));
	r = &tl->rows[tl->n++];
	r->pos = rowpos;
	r->time_pos = tpos;
	r->time_raw = pm_arena_strndup(&doc->arena, time, tlen);
	r->event = event;
	r->source = source;
	r->actor = actor;
	if (rc == 0 && tt.ok && !tt.has_date && !ctx.has_base) {
		/*
		 * "10:00" with no day known: not an instant.  Checks
		 * skip the row; the report's missing or unreadable
		 * 'started' is the finding (frontmatter/required).
		 */
		r->no_day = 1;
		r->error = "no day: 'started' is missing or unreadable and "
		    "no earlier row names a date";
		r->approx = tt.approx;
		r->t = tt.t;
		if (tt.has_zone)
			r->zone = pm_arena_strdup(&doc->arena, tt.zone);
	} else if (rc == 0 && tt.ok) {
		r->ok = 1;
		r->has_date = tt.has_date;
		r->date_only = tt.date_only;
		r->approx = tt.approx;
		r->t = tt.t;
		if (tt.has_zone) {
			r->zone = pm_arena_strdup(&doc->arena, tt.zone);
			if (!w->zone_declared)
				(void)pm_tz_lookup(&w->row_zone, tt.zone,
				    strlen(tt.zone), w->cfg != NULL ?
				    w->cfg->zones : NULL, w->cfg != NULL ?
				    w->cfg->nzones : 0);
		}
		if (tt.has_date) {
			w->has_last_day = 1;
			w->last_day = tt.day;
		}
		if (doubt) {
			r->doubtful = doubt;
			if (tl->doubt == NULL) {
				tl->doubt = doubt == 1 ? "a time goes back "
				    "more than an hour without a date (the "
				    "next day, or a 12-hour clock?)" :
				    "a date goes back more than a day";
				tl->doubt_pos = tpos;
			}
		}
		if (!tt.date_only) {
			w->has_prev = 1;
			w->prev_t = tt.t;
			w->prev_dated = tt.has_date;
		}
	} else {
		r->error = tt.error != NULL ? tt.error : "unreadable";
		if (tlen == 0)
			pm_doc__finding(doc, PM_RULE_TIMELINE_TIME,
			    tpos.line, tpos.col, "timeline row has no time; "
			    "write HH:MM or YYYY-MM-DD HH:MM");
		else
			pm_doc__finding(doc, PM_RULE_TIMELINE_TIME,
			    tpos.line, tpos.col, "cannot read time '%s' (%s); "
			    "write HH:MM or YYYY-MM-DD HH:MM", r->time_raw,
			    r->error);
	}
	return r;
}

static struct pm_trow *
add_row(struct pm_walk *w, struct pm_pos rowpos, struct pm_pos tpos,
    const char *time, size_t tlen, const char *event)
{
	return add_row_z(w, rowpos, tpos, time, tlen, event, NULL, NULL,
	    &w->zone, w->zone_off, w->zone_error);
}

/*
 * The day a text names when it is only a date ("_4/21/23_", "8 Jan",
 * "January 29, 2024", "2018-01-15"): 1 and *day, else 0.
 */
static int
date_line(struct pm_walk *w, const char *s, size_t len, int64_t *day)
{
	struct pm_ttime_ctx	 ctx;
	struct pm_ttime		 tt;

	make_ctx(w, &ctx, &w->zone, w->zone_off, NULL);
	if (w->has_last_day) {
		ctx.has_base = 1;
		ctx.base_day = w->last_day;
	} else if (started_day(w, &w->zone, w->zone_off, &ctx.base_day))
		ctx.has_base = 1;
	if (pm_ttime_parse(&tt, s, len, &ctx) == 0 && tt.ok && tt.date_only) {
		*day = tt.day;
		return 1;
	}
	return 0;
}

/*
 * The plain text of a paragraph with its line breaks kept as '\n'
 * (pm_md__text joins lines with spaces).
 */
static void
para_lines(cmark_node *node, struct pm_buf *b)
{
	cmark_node	*cur;
	cmark_node_type	 t;
	const char	*s;

	cur = cmark_node_first_child(node);
	while (cur != NULL) {
		t = cmark_node_get_type(cur);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			if ((s = cmark_node_get_literal(cur)) != NULL)
				pm_buf_puts(b, s);
		} else if (t == CMARK_NODE_SOFTBREAK ||
		    t == CMARK_NODE_LINEBREAK)
			pm_buf_putc(b, '\n');
		if (cmark_node_first_child(cur) != NULL) {
			cur = cmark_node_first_child(cur);
			continue;
		}
		while (cur != NULL && cur != node &&
		    cmark_node_next(cur) == NULL)
			cur = cmark_node_parent(cur);
		if (cur == NULL || cur == node)
			break;
		cur = cmark_node_next(cur);
	}
}

/* Trimmed copy of [s, s + len) in the document's arena. */
static const char *
adup(struct pm_walk *w, const char *s, size_t len)
{
	pm_doc__trim(&s, &len);
	return pm_arena_strndup(&w->doc->arena, s, len);
}

/* Append text to a row's event ("the heading's paragraph"). */
static void
event_append(struct pm_walk *w, struct pm_trow *r, const char *s,
    size_t len)
{
	pm_doc__trim(&s, &len);
	if (len == 0)
		return;
	if (r->event == NULL || *r->event == '\0')
		r->event = pm_arena_strndup(&w->doc->arena, s, len);
	else
		r->event = pm_arena_printf(&w->doc->arena, "%s %.*s",
		    r->event, (int)len, s);
}

/*
 * A paragraph in the Timeline section: a zone sentence, a date line,
 * the text of the entry heading above, or entries: each line that
 * starts with a time is one, the lines after it its event.
 */
void
pm_md__timeline_para(struct pm_walk *w, cmark_node *n)
{
	struct pm_doc	*doc = w->doc;
	struct pm_pos	 ppos = pm_md__pos(w, n), lpos, tpos;
	struct pm_trow	*r = NULL;
	const char	*s, *line, *nl, *ev = NULL;
	char		*copy;
	size_t		 len, llen, tlen, rest, k = 0, elen;
	int64_t		 day;
	int		 any = 0;

	pm_buf_truncate(&w->tmp, 0);
	para_lines(n, &w->tmp);
	len = w->tmp.len;
	copy = pm_arena_strndup(&doc->arena, pm_buf_cstr(&w->tmp), len);
	s = copy;

	/* The text of an entry heading ("### 14:00" then a paragraph). */
	if (w->pend_row > 0) {
		size_t	 i = w->pend_row - 1;

		w->pend_row = 0;
		if (pm_ttime_prefix(s, len, &rest) == 0) {
			for (k = 0; k < len; k++)
				if (copy[k] == '\n')
					copy[k] = ' ';
			event_append(w, &doc->timeline.rows[i], s, len);
			return;
		}
	}
	/* The lines after an entry's line are its event: one copy of the
	 * whole run when the next entry (or the end) comes. */
#define	FLUSH()	do {							\
		if (r != NULL && ev != NULL && line > ev) {		\
			size_t	 j_;					\
			for (j_ = (size_t)(ev - s); j_ < (size_t)(line - s); \
			    j_++)					\
				if (copy[j_] == '\n')			\
					copy[j_] = ' ';			\
			r->event = adup(w, ev, (size_t)(line - ev));	\
		}							\
		r = NULL;						\
		ev = NULL;						\
	} while (0)
	for (line = s; line < s + len; line = nl + 1, k++) {
		nl = memchr(line, '\n', (size_t)(s + len - line));
		if (nl == NULL)
			nl = s + len;
		llen = (size_t)(nl - line);
		lpos = ppos;
		lpos.line = ppos.line + (unsigned int)k;
		if (k > 0)
			lpos.col = 1;
		if ((tlen = pm_ttime_prefix(line, llen, &rest)) > 0) {
			FLUSH();
			elen = llen > rest ? llen - rest : 0;
			/* "2015-10-21 (all times UTC)" */
			if (elen > 0 && elen < 200 && date_line(w, line, tlen,
			    &day) && declare_zone(w, line + rest, elen, lpos))
				elen = 0;
			tpos = lpos;
			tpos.col = pm_md__find_col(w, lpos.line, lpos.col,
			    line, tlen);
			if (elen == 0 && date_line(w, line, tlen, &day)) {
				/* "_4/21/23_", "January 29, 2024": the day
				 * of what follows; with text after it, a
				 * dated entry. */
				w->has_last_day = 1;
				w->last_day = day;
				if (nl < s + len) {
					r = add_row(w, lpos, tpos, line, tlen,
					    "");
					ev = nl + 1;
					any = 1;
				}
				continue;
			}
			r = add_row(w, lpos, tpos, line, tlen, "");
			ev = line + rest;
			any = 1;
		} else if (r == NULL && k == 0)
			break;
	}
	line = s + len;
	FLUSH();
#undef FLUSH
	if (w->pend_date && !any) {
		/* "### 2018-01-15" then what happened that day. */
		for (k = 0; k < len; k++)
			if (copy[k] == '\n')
				copy[k] = ' ';
		(void)add_row(w, w->pend_pos, w->pend_pos, w->pend_raw,
		    strlen(w->pend_raw), adup(w, s, len));
		any = 1;
	}
	w->pend_date = 0;
	if (!any && len < 400)
		(void)declare_zone(w, s, len, ppos);
}

int
pm_md__timeline_label(struct pm_walk *w, cmark_node *n)
{
	const char	*s;
	size_t		 len;
	struct pm_pos	 pos;

	if (w->doc->timeline.n > 0)
		return 0;
	s = pm_md__stext(w, n, &len);
	if (len == 0 || len > 80 || memchr(s, '\n', len) != NULL ||
	    pm_sec__match(s, len, w->cfg) != PM_SEC_TIMELINE)
		return 0;
	pos = pm_md__pos(w, n);
	s = pm_md__atext(w, n, &len);
	w->doc->timeline.present = 1;
	timeline_begin(w);
	(void)declare_zone(w, s, len, pos);
	w->tl_level = w->level;
	return 1;
}

void
pm_md__timeline_subheading(struct pm_walk *w, cmark_node *n)
{
	struct pm_pos	 pos = pm_md__pos(w, n), tpos;
	const char	*text;
	size_t		 len, tlen, rest;
	int64_t		 day;
	struct pm_trow	*r;

	text = pm_md__atext(w, n, &len);
	w->pend_date = 0;
	w->pend_row = 0;
	if ((tlen = pm_ttime_prefix(text, len, &rest)) == 0) {
		(void)declare_zone(w, text, len, pos);
		return;
	}
	if (rest > len)
		rest = len;
	tpos = pos;
	tpos.col = pm_md__find_col(w, pos.line, pos.col, text, tlen);
	if (date_line(w, text, tlen, &day)) {
		/* A day: its entries follow, as a paragraph or a list. */
		w->has_last_day = 1;
		w->last_day = day;
		if (rest >= len) {
			w->pend_date = 1;
			w->pend_pos = tpos;
			w->pend_raw = pm_arena_strndup(&w->doc->arena, text,
			    tlen);
		}
		return;
	}
	r = add_row(w, pos, tpos, text, tlen, adup(w, text + rest,
	    len - rest));
	if (r->event == NULL || *r->event == '\0')
		w->pend_row = (size_t)(r - w->doc->timeline.rows) + 1;
}

#define	MAXCOLS	64

void
pm_md__timeline_table(struct pm_walk *w, cmark_node *table)
{
	cmark_node	*row, *cell;
	const char	*text[MAXCOLS];
	size_t		 len[MAXCOLS], ncell, i, nraw;
	unsigned int	 cols[MAXCOLS];
	int		 col[T_MAX + 1], k, any, zone_set = 0;
	struct pm_pos	 rowpos, tpos;
	struct pm_tz	 zone = w->zone;
	int		 zone_off = w->zone_off;
	const char	*zone_error = w->zone_error, *t, *p;
	size_t		 tl;
	long		 y;
	struct pm_tz	 save_zone = w->zone;
	int		 save_off = w->zone_off;
	const char	*save_err = w->zone_error;

	w->pend_date = 0;
	w->pend_row = 0;
	for (k = 0; k <= T_MAX; k++)
		col[k] = -1;
	row = cmark_node_first_child(table);
	if (row == NULL)
		return;
	/* The header row: which column holds what. */
	for (i = 0, cell = cmark_node_first_child(row); cell != NULL &&
	    i < MAXCOLS; cell = cmark_node_next(cell), i++) {
		t = pm_md__stext(w, cell, &tl);
		k = classify(t, tl);
		if (k != T_NONE && col[k] == -1)
			col[k] = (int)i;
		if ((k == T_TIME || k == T_DATE) && col[k] == (int)i &&
		    !zone_set && declare_zone(w, t, tl, pm_md__pos(w, cell))) {
			zone = w->zone;
			zone_off = w->zone_off;
			zone_error = w->zone_error;
			zone_set = 1;
		}
		/* "Date (2021)": the year of dates written without one. */
		if (k == T_DATE && col[k] == (int)i)
			for (p = t; p + 4 <= t + tl; p++)
				if (isdigit((unsigned char)p[0]) &&
				    (p == t || !isdigit((unsigned char)p[-1])) &&
				    (y = strtol(p, NULL, 10)) >= 1970 &&
				    y < 2200 && (p + 4 == t + tl ||
				    !isdigit((unsigned char)p[4])))
					w->year = y;
	}
	/* The header's zone holds for this table only. */
	w->zone = save_zone;
	w->zone_off = save_off;
	w->zone_error = save_err;
	if (col[T_TIME] == -1 && col[T_DATE] != -1) {
		col[T_TIME] = col[T_DATE];
		col[T_DATE] = -1;
	}
	if (col[T_TIME] == -1)
		col[T_TIME] = 0;
	if (col[T_EVENT] == -1) {
		for (k = 0; k < MAXCOLS; k++)
			if (k != col[T_TIME] && k != col[T_DATE] &&
			    k != col[T_SOURCE] && k != col[T_ACTOR] &&
			    (col[T_DATE] == -1 || k > col[T_DATE]) &&
			    k > col[T_TIME])
				break;
		col[T_EVENT] = k < MAXCOLS ? k : (col[T_TIME] == 0 ? 1 : 0);
	}

	for (row = cmark_node_next(row); row != NULL;
	    row = cmark_node_next(row)) {
		const char	*time;
		size_t		 tlen;

		rowpos = pm_md__pos(w, row);
		nraw = pm_md__row_cols(w, row, cols, MAXCOLS);
		any = 0;
		for (ncell = 0, cell = cmark_node_first_child(row);
		    cell != NULL && ncell < MAXCOLS;
		    cell = cmark_node_next(cell), ncell++) {
			text[ncell] = pm_md__atext(w, cell, &len[ncell]);
			if (len[ncell] > 0)
				any = 1;
		}
		if (!any)
			continue;	/* an empty template row */
		for (i = ncell; i < MAXCOLS; i++) {
			text[i] = NULL;
			len[i] = 0;
		}
		i = (size_t)col[T_TIME];
		tpos = rowpos;
		time = text[i] != NULL ? text[i] : "";
		tlen = len[i];
		if (col[T_DATE] >= 0 && len[col[T_DATE]] > 0) {
			/* "Oct 31" and "21:33": one time. */
			i = (size_t)col[T_DATE];
			time = pm_arena_printf(&w->doc->arena, "%s %s",
			    text[i], text[col[T_TIME]] ? text[col[T_TIME]] :
			    "");
			tlen = strlen(time);
			while (tlen > 0 && time[tlen - 1] == ' ')
				tlen--;
		}
		if (i < nraw)
			tpos.col = cols[i];
		if (text[i] != NULL && len[i] > 0)
			tpos.col = pm_md__find_col(w, tpos.line, tpos.col,
			    text[i], len[i]);
		add_row_z(w, rowpos, tpos, time, tlen,
		    text[col[T_EVENT]] != NULL ? text[col[T_EVENT]] : "",
		    col[T_SOURCE] >= 0 && len[col[T_SOURCE]] > 0 ?
		    text[col[T_SOURCE]] : NULL,
		    col[T_ACTOR] >= 0 && len[col[T_ACTOR]] > 0 ?
		    text[col[T_ACTOR]] : NULL, &zone, zone_off, zone_error);
	}
	w->year = 0;
	w->doc->timeline.is_table = 1;
}

/*
 * "First detected 2020-08-14 10:43", "Resolved: 2024-09-20 11:40": a
 * short label and then a whole date and time.  Returns the offset of
 * the time, or 0.
 */
static size_t
time_at_end(struct pm_walk *w, const char *s, size_t len)
{
	struct pm_ttime_ctx	 ctx;
	struct pm_ttime		 tt;
	size_t			 i, words = 0;

	/* The time is the whole tail: at most a few dozen bytes. */
	if (len > 120 || len < 10)
		return 0;
	make_ctx(w, &ctx, &w->zone, w->zone_off, w->zone_error);
	for (i = 0; i < len && words <= 5; i++) {
		if (len - i > 48) {
			if (s[i] == ' ' && i > 0 && s[i - 1] != ' ')
				words++;
			continue;
		}
		if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ':') &&
		    s[i] != ' ' && isdigit((unsigned char)s[i])) {
			if (pm_ttime_parse(&tt, s + i, len - i, &ctx) == 0 &&
			    tt.ok && tt.has_date && !tt.date_only)
				return i;
		}
		if (s[i] == ' ' && i > 0 && s[i - 1] != ' ')
			words++;
	}
	return 0;
}

static void
list_items(struct pm_walk *w, cmark_node *list, int depth, int label_only)
{
	cmark_node	*item, *para, *sub;
	const char	*text, *ev;
	size_t		 len, tlen, rest, elen, at;
	struct pm_pos	 ipos, tpos, ppos;
	int64_t		 day;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		para = cmark_node_first_child(item);
		if (para == NULL ||
		    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
			continue;
		for (sub = cmark_node_next(para); sub != NULL &&
		    cmark_node_get_type(sub) != CMARK_NODE_LIST;
		    sub = cmark_node_next(sub))
			continue;
		/* Scratch text: add_row() copies the time and the event. */
		text = pm_md__stext(w, para, &len);
		ipos = pm_md__pos(w, item);
		ppos = pm_md__pos(w, para);
		if ((tlen = pm_ttime_prefix(text, len, &rest)) == 0) {
			/* "**Context**:" over a nested list; "Key events:
			 * First detected 2020-08-14 10:43". */
			if (!label_only && (at = time_at_end(w, text, len)) > 0) {
				tpos = ppos;
				tpos.col = pm_md__find_col(w, ppos.line,
				    ppos.col, text + at, len - at);
				ev = adup(w, text, at);
				elen = strlen(ev);
				while (elen > 0 && (ev[elen - 1] == ':' ||
				    ev[elen - 1] == ' '))
					elen--;
				add_row(w, ipos, tpos, text + at, len - at,
				    pm_arena_strndup(&w->doc->arena, ev,
				    elen))->labelled = 1;
			} else if (sub != NULL && depth < 3) {
				if (len < 200)
					(void)declare_zone(w, text, len, ppos);
				list_items(w, sub, depth + 1, 0);
			}
			continue;
		}
		if (rest > len)
			rest = len;
		ev = text + rest;
		elen = len - rest;
		pm_doc__trim(&ev, &elen);

		/* "- 2024-10-24" over a nested list of that day's times. */
		if (elen == 0 && sub != NULL && depth < 3 &&
		    date_line(w, text, tlen, &day)) {
			w->has_last_day = 1;
			w->last_day = day;
			list_items(w, sub, depth + 1, 0);
			continue;
		}
		tpos = ppos;
		tpos.col = pm_md__find_col(w, ppos.line, ppos.col, text, tlen);
		add_row(w, ipos, tpos, text, tlen,
		    pm_arena_strndup(&w->doc->arena, ev, elen));
	}
}

void
pm_md__timeline_list(struct pm_walk *w, cmark_node *list)
{
	const char	*s;
	size_t		 len, items, i = w->pend_row;

	w->pend_date = 0;
	w->pend_row = 0;
	/* "### 17:14" over bullets that say what happened: its event. */
	if (i > 0 && score_list(w, list, &items) == 0) {
		s = pm_md__stext(w, list, &len);
		event_append(w, &w->doc->timeline.rows[i - 1], s, len);
		return;
	}
	list_items(w, list, 0, 0);
}

/* Items of a list that begin with a time, or end with a date and time. */
static size_t
score_list(struct pm_walk *w, cmark_node *list, size_t *nitems)
{
	cmark_node	*item, *para;
	const char	*text;
	size_t		 len, rest, n = 0;

	*nitems = 0;
	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		(*nitems)++;
		para = cmark_node_first_child(item);
		if (para == NULL ||
		    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
			continue;
		text = pm_md__stext(w, para, &len);
		if (pm_ttime_prefix(text, len, &rest) > 0 ||
		    time_at_end(w, text, len) > 0)
			n++;
	}
	return n;
}

/* The label of a list: the paragraph of its parent item or the
 * paragraph just before it ("**Context**:", "**Timeline:**"). */
static cmark_node *
list_label(cmark_node *list)
{
	cmark_node	*p = cmark_node_previous(list);

	if (p != NULL && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH)
		return p;
	p = cmark_node_parent(list);
	if (p != NULL && cmark_node_get_type(p) == CMARK_NODE_ITEM &&
	    (p = cmark_node_first_child(p)) != NULL &&
	    cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH)
		return p;
	return NULL;
}

/* Sections whose lists are never the timeline (dated action items). */
static int
not_timeline_sec(enum pm_sec k)
{
	return k == PM_SEC_ACTIONS || k == PM_SEC_FACTORS ||
	    k == PM_SEC_WHYS || k == PM_SEC_WENT_WELL ||
	    k == PM_SEC_LESSONS || k == PM_SEC_PREVENTION;
}

/* The best list under top (a top-level block): most items with a time. */
static void
search_block(struct pm_walk *w, cmark_node *top, cmark_node **best,
    size_t *best_n)
{
	cmark_node	*cur = top;
	cmark_node_type	 t;
	size_t		 n, items;

	while (cur != NULL) {
		t = cmark_node_get_type(cur);
		if (t == CMARK_NODE_LIST) {
			n = score_list(w, cur, &items);
			if (n >= 2 && 2 * n >= items && n > *best_n) {
				*best = cur;
				*best_n = n;
			}
		}
		if (cmark_node_first_child(cur) != NULL &&
		    (t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM ||
		    t == CMARK_NODE_BLOCK_QUOTE)) {
			cur = cmark_node_first_child(cur);
			continue;
		}
		while (cur != NULL && cur != top && cmark_node_next(cur) == NULL)
			cur = cmark_node_parent(cur);
		if (cur == NULL || cur == top)
			break;
		cur = cmark_node_next(cur);
	}
}

void
pm_md__timeline_search(struct pm_walk *w, cmark_node *root)
{
	cmark_node	*n, *best = NULL, *label;
	size_t		 best_n = 0, len;
	const char	*s;
	enum pm_sec	 cur = PM_SEC_OTHER;

	/* Every list of the tree, nested ones too, outside the sections
	 * that hold action items, factors and the like. */
	for (n = cmark_node_first_child(root); n != NULL;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			if ((unsigned int)cmark_node_get_heading_level(n) <=
			    w->level) {
				s = pm_md__stext(w, n, &len);
				cur = pm_sec__match(s, len, w->cfg);
			}
			continue;
		}
		if (!not_timeline_sec(cur))
			search_block(w, n, &best, &best_n);
	}
	if (best == NULL)
		return;
	timeline_begin(w);
	if ((label = list_label(best)) != NULL) {
		s = pm_md__stext(w, label, &len);
		if (len < 200)
			(void)declare_zone(w, s, len, pm_md__pos(w, label));
	}
	w->doc->timeline.outside = 1;
	list_items(w, best, 1, 0);
	w->in_timeline = 0;
}

void
pm_md__timeline_code(struct pm_walk *w)
{
	struct pm_doc	*doc = w->doc;
	const char	*lit, *line, *nl, *end, *t;
	size_t		 len, tlen, rest, k, n = 0, elen;
	struct pm_pos	 pos = pm_md__pos(w, w->tl_code), lpos;
	int		 flen = 0, foff = 0, fenced;
	char		 fch = 0;

	fenced = cmark_node_get_fenced(w->tl_code, &flen, &foff, &fch);

	if ((lit = cmark_node_get_literal(w->tl_code)) == NULL)
		return;
	len = strlen(lit);
	end = lit + len;
	/* Entries on two lines at least, or it is an excerpt. */
	for (line = lit; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		t = line;
		tlen = (size_t)(nl - line);
		pm_doc__trim(&t, &tlen);
		if (tlen > 1 && (*t == '-' || *t == '*') && t[1] == ' ') {
			t += 2;
			tlen -= 2;
		}
		if (pm_ttime_prefix(t, tlen, &rest) > 0)
			n++;
	}
	if (n < 2)
		return;
	for (line = lit, k = 0; line < end; line = nl + 1, k++) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		t = line;
		tlen = (size_t)(nl - line);
		pm_doc__trim(&t, &tlen);
		if (tlen > 1 && (*t == '-' || *t == '*') && t[1] == ' ') {
			t += 2;
			tlen -= 2;
		}
		if ((n = pm_ttime_prefix(t, tlen, &rest)) == 0)
			continue;
		lpos = pos;
		lpos.line = pos.line + (unsigned int)k + (fenced ? 1 : 0);
		lpos.col = pm_md__find_col(w, lpos.line, 1, t, n);
		elen = tlen > rest ? tlen - rest : 0;
		(void)add_row(w, lpos, lpos, t, n, adup(w, t + rest, elen));
	}
	(void)doc;
}
