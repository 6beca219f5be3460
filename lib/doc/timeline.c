/*
 * The timeline (SPEC section 1): a GFM table whose columns are found
 * by header name, or a list whose items start with a time.  Each
 * row's time is read by pm_ttime_parse() with a context: the base day
 * for "HH:MM" rows is the last date an earlier row named, else the day
 * of 'started' (in the declared zone), else the day a legacy report's
 * metadata names; the zone is the one the time column's header, the
 * sentence under the heading or the heading declares, else the
 * configuration's, else UTC.  A row whose time cannot be read keeps
 * ok = 0 and becomes a timeline/time finding at the time's position.
 */
#include <stdlib.h>
#include <string.h>

#include "base/time.h"
#include "doc/infer.h"
#include "doc/md_int.h"
#include "doc/ttime.h"
#include "source/config.h"

enum	tcol {
	T_NONE,
	T_TIME,
	T_EVENT,
	T_SOURCE,
	T_ACTOR,
};

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
	static const char *const time_w[] = { "time", "date", "when",
	    "hora", "fecha", "時", "时间", "시간", "시각", "日付", NULL };
	static const char *const event_w[] = { "event", "descr", "what",
	    "detail", "happen", "evento", "suceso", "イベント", "出来事",
	    "内容", "事件", "이벤트", "내용", NULL };
	static const char *const source_w[] = { "source", "evidence",
	    "fuente", "origen", "ソース", "情報源", "来源", "출처", NULL };
	static const char *const actor_w[] = { "actor", "who", "owner",
	    "person", "responsable", "quién", "担当", "执行", "负责",
	    "담당", NULL };
	char	 buf[128];

	lower(buf, sizeof(buf), s, len);
	if (has(buf, time_w))
		return T_TIME;
	if (has(buf, event_w))
		return T_EVENT;
	if (has(buf, source_w))
		return T_SOURCE;
	if (has(buf, actor_w) || strcmp(buf, "by") == 0)
		return T_ACTOR;
	return T_NONE;
}

/* A zone declared by text: note it as the timeline's and use it. */
static int
declare_zone(struct pm_walk *w, const char *s, size_t len,
    struct pm_pos pos, int *off)
{
	struct pm_timeline	*tl = &w->doc->timeline;
	char			 name[32];

	if (pm_ttime_zone_phrase(s, len, name, sizeof(name), off) != 0)
		return 0;
	tl->zone = pm_arena_strdup(&w->doc->arena, name);
	tl->zone_pos = pm_md__find(w, pos.line, pos.line, name, pos);
	if (*off == 0 && (strncasecmp(name, "UTC", 3) == 0 ||
	    strncasecmp(name, "GMT", 3) == 0 || strcasecmp(name, "Z") == 0 ||
	    strcmp(name, "+00:00") == 0))
		tl->utc_declared = 1;
	return 1;
}

void
pm_md__timeline_heading(struct pm_walk *w, const char *text, size_t len,
    struct pm_pos pos)
{
	const struct pm_meta	*m = &w->doc->meta;
	int64_t			 day;
	int			 off;

	w->zone_off = 0;
	if (w->cfg != NULL && w->cfg->timezone != NULL &&
	    pm_zone_offset(&off, w->cfg->timezone,
	    strlen(w->cfg->timezone)) == 0)
		w->zone_off = off;
	if (declare_zone(w, text, len, pos, &off))
		w->zone_off = off;
	w->has_started_day = 0;
	if (m->started.ok)
		w->has_started_day = 1;
	else if (!m->has_fm &&
	    pm_infer_base_day(w->doc, w->cfg, &day) == 0) {
		w->has_started_day = 2;	/* a day, not an instant */
		w->started_day = day;
	}
}

void
pm_md__timeline_para(struct pm_walk *w, cmark_node *n)
{
	const char	*s;
	size_t		 len;
	int		 off;

	pm_buf_truncate(&w->tmp, 0);
	pm_md__text(n, &w->tmp);
	s = pm_buf_cstr(&w->tmp);
	len = w->tmp.len;
	if (len < 400 && declare_zone(w, s, len, pm_md__pos(w, n), &off))
		w->zone_off = off;
}

/* The day of 'started' in the zone of the rows. */
static int
started_day(const struct pm_walk *w, int zone_off, int64_t *day)
{
	int64_t	 t;

	if (w->has_started_day == 2) {
		*day = w->started_day;
		return 1;
	}
	if (w->has_started_day != 1)
		return 0;
	t = w->doc->meta.started.t + zone_off;
	*day = t >= 0 ? t / PM_DAY : -((-t + PM_DAY - 1) / PM_DAY);
	return 1;
}

static void
add_row(struct pm_walk *w, struct pm_pos rowpos, struct pm_pos tpos,
    const char *time, size_t tlen, const char *event, const char *source,
    const char *actor, int zone_off)
{
	struct pm_doc		*doc = w->doc;
	struct pm_timeline	*tl = &doc->timeline;
	struct pm_ttime_ctx	 ctx;
	struct pm_ttime		 tt;
	struct pm_trow		*r;
	int64_t			 sday = 0;
	int			 has_sday, rc;

	memset(&ctx, 0, sizeof(ctx));
	ctx.order = w->cfg != NULL ? w->cfg->date_order : PM_DATE_YMD;
	ctx.zone_offset = zone_off;
	has_sday = started_day(w, zone_off, &sday);
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
		if (tt.has_zone)
			r->zone = pm_arena_strdup(&doc->arena, tt.zone);
		if (tt.has_date) {
			w->has_last_day = 1;
			w->last_day = tt.day;
		}
		w->has_prev = 1;
		w->prev_t = tt.t;
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
}

#define	MAXCOLS	64

void
pm_md__timeline_table(struct pm_walk *w, cmark_node *table)
{
	cmark_node	*row, *cell;
	const char	*text[MAXCOLS];
	size_t		 len[MAXCOLS], ncell, i, nraw;
	unsigned int	 cols[MAXCOLS];
	int		 col[T_ACTOR + 1], k, zone_off = w->zone_off, off;
	int		 any;
	struct pm_pos	 rowpos, tpos;
	const char	*t;
	size_t		 tl;

	for (k = 0; k <= T_ACTOR; k++)
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
		if (k == T_TIME && col[k] == (int)i &&
		    declare_zone(w, t, tl, pm_md__pos(w, cell), &off))
			zone_off = off;
	}
	if (col[T_TIME] == -1)
		col[T_TIME] = 0;
	if (col[T_EVENT] == -1)
		col[T_EVENT] = col[T_TIME] == 0 ? 1 : 0;

	for (row = cmark_node_next(row); row != NULL;
	    row = cmark_node_next(row)) {
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
		if (i < nraw)
			tpos.col = cols[i];
		if (text[i] != NULL && len[i] > 0)
			tpos.col = pm_md__find_col(w, tpos.line, tpos.col,
			    text[i], len[i]);
		add_row(w, rowpos, tpos, text[i] ? text[i] : "", len[i],
		    text[col[T_EVENT]],
		    col[T_SOURCE] >= 0 && len[col[T_SOURCE]] > 0 ?
		    text[col[T_SOURCE]] : NULL,
		    col[T_ACTOR] >= 0 && len[col[T_ACTOR]] > 0 ?
		    text[col[T_ACTOR]] : NULL, zone_off);
	}
	w->doc->timeline.is_table = 1;
}

static void
list_items(struct pm_walk *w, cmark_node *list, int depth)
{
	cmark_node	*item, *para, *sub;
	const char	*text, *ev;
	size_t		 len, tlen, rest, elen;
	struct pm_pos	 ipos, tpos, ppos;
	struct pm_ttime	 tt;
	struct pm_ttime_ctx ctx;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		para = cmark_node_first_child(item);
		if (para == NULL ||
		    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
			continue;
		/* Scratch text: add_row() copies the time and the event. */
		text = pm_md__stext(w, para, &len);
		if ((tlen = pm_ttime_prefix(text, len, &rest)) == 0)
			continue;
		if (rest > len)
			rest = len;
		ev = text + rest;
		elen = len - rest;
		pm_doc__trim(&ev, &elen);
		ipos = pm_md__pos(w, item);
		ppos = pm_md__pos(w, para);

		/* "- 2024-10-24" over a nested list of that day's times. */
		for (sub = cmark_node_next(para); sub != NULL &&
		    cmark_node_get_type(sub) != CMARK_NODE_LIST;
		    sub = cmark_node_next(sub))
			continue;
		if (elen == 0 && sub != NULL && depth < 2) {
			memset(&ctx, 0, sizeof(ctx));
			ctx.order = w->cfg != NULL ? w->cfg->date_order :
			    PM_DATE_YMD;
			if (pm_ttime_parse(&tt, text, tlen, &ctx) == 0 &&
			    tt.ok && tt.has_date) {
				w->has_last_day = 1;
				w->last_day = tt.day;
				list_items(w, sub, depth + 1);
				continue;
			}
		}
		tpos = ppos;
		tpos.col = pm_md__find_col(w, ppos.line, ppos.col, text, tlen);
		add_row(w, ipos, tpos, text, tlen,
		    pm_arena_strndup(&w->doc->arena, ev, elen), NULL, NULL,
		    w->zone_off);
	}
}

void
pm_md__timeline_list(struct pm_walk *w, cmark_node *list)
{
	list_items(w, list, 0);
}
