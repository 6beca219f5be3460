/*
 * Action items (SPEC section 1): a table whose columns are found by
 * header name (with the synonyms of other templates), or a list whose
 * items carry the facts inline ("@owner", "owner: team", "due
 * 2025-03-01", "P1", "(High)", a ticket, "(done)", a checked task).
 * Every value keeps the position where it is written.
 */
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>

#include "base/time.h"
#include "doc/md_int.h"

enum	acol {
	A_ID,
	A_ACTION,
	A_OWNER,
	A_DEADLINE,
	A_PRIO,
	A_STATUS,
	A_TICKET,
	A__MAX,
	A_NONE = A__MAX
};

static const struct {
	const char	*name;
	enum acol	 col;
} names[] = {
	{ "id", A_ID }, { "#", A_ID }, { "no", A_ID }, { "no.", A_ID },
	{ "nr", A_ID }, { "ref", A_ID }, { "番号", A_ID }, { "编号", A_ID },
	{ "번호", A_ID },
	{ "action", A_ACTION }, { "action item", A_ACTION },
	{ "actions", A_ACTION }, { "item", A_ACTION }, { "task", A_ACTION },
	{ "description", A_ACTION }, { "what", A_ACTION },
	{ "acción", A_ACTION }, { "accion", A_ACTION },
	{ "tarea", A_ACTION }, { "アクション", A_ACTION },
	{ "対応", A_ACTION }, { "内容", A_ACTION }, { "行动", A_ACTION },
	{ "措施", A_ACTION }, { "조치", A_ACTION }, { "작업", A_ACTION },
	{ "owner", A_OWNER }, { "owners", A_OWNER }, { "assignee", A_OWNER },
	{ "who", A_OWNER }, { "responsible", A_OWNER }, { "team", A_OWNER },
	{ "responsable", A_OWNER }, { "dueño", A_OWNER },
	{ "担当", A_OWNER }, { "担当者", A_OWNER }, { "负责人", A_OWNER },
	{ "담당자", A_OWNER }, { "담당", A_OWNER },
	{ "deadline", A_DEADLINE }, { "due", A_DEADLINE },
	{ "due date", A_DEADLINE }, { "eta", A_DEADLINE },
	{ "target date", A_DEADLINE }, { "date", A_DEADLINE },
	{ "by", A_DEADLINE }, { "fecha", A_DEADLINE },
	{ "fecha límite", A_DEADLINE }, { "plazo", A_DEADLINE },
	{ "期限", A_DEADLINE }, { "截止日期", A_DEADLINE },
	{ "기한", A_DEADLINE },
	{ "priority", A_PRIO }, { "prio", A_PRIO }, { "pri", A_PRIO },
	{ "prioridad", A_PRIO }, { "優先度", A_PRIO }, { "优先级", A_PRIO },
	{ "우선순위", A_PRIO },
	{ "status", A_STATUS }, { "state", A_STATUS }, { "estado", A_STATUS },
	{ "状態", A_STATUS }, { "ステータス", A_STATUS }, { "状态", A_STATUS },
	{ "상태", A_STATUS },
	{ "ticket", A_TICKET }, { "tickets", A_TICKET }, { "issue", A_TICKET },
	{ "link", A_TICKET }, { "jira", A_TICKET }, { "tracking", A_TICKET },
	{ "bug", A_TICKET }, { "チケット", A_TICKET }, { "工单", A_TICKET },
	{ "티켓", A_TICKET },
};

static enum acol
classify(const char *s, size_t len)
{
	size_t	 i;

	/* "Deadline (UTC)", "Owner:" */
	while (len > 0 && (s[len - 1] == ':' || s[len - 1] == ' '))
		len--;
	if (len > 0 && s[len - 1] == ')')
		for (i = len - 1; i > 0; i--)
			if (s[i - 1] == '(') {
				len = i - 1;
				while (len > 0 && s[len - 1] == ' ')
					len--;
				break;
			}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (pm_doc__ieq(s, len, names[i].name))
			return names[i].col;
	return A_NONE;
}

/* Priority: High/Medium/Low (1/2/3), Critical (0), P0..P4; or -1. */
static int
read_prio(const char *s, size_t len)
{
	pm_doc__trim(&s, &len);
	while (len > 0 && (*s == '(' || *s == '[')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ')' || s[len - 1] == ']'))
		len--;
	if (len == 2 && (s[0] == 'P' || s[0] == 'p') && s[1] >= '0' &&
	    s[1] <= '4')
		return s[1] - '0';
	if (pm_doc__ieq(s, len, "critical") || pm_doc__ieq(s, len, "urgent"))
		return 0;
	if (pm_doc__ieq(s, len, "high") || pm_doc__ieq(s, len, "alta") ||
	    pm_doc__ieq(s, len, "高"))
		return 1;
	if (pm_doc__ieq(s, len, "medium") || pm_doc__ieq(s, len, "med") ||
	    pm_doc__ieq(s, len, "media") || pm_doc__ieq(s, len, "中"))
		return 2;
	if (pm_doc__ieq(s, len, "low") || pm_doc__ieq(s, len, "baja") ||
	    pm_doc__ieq(s, len, "低"))
		return 3;
	return -1;
}

static int
contains(const char *s, size_t len, const char *word)
{
	size_t	 n = strlen(word), i;

	for (i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, word, n) == 0)
			return 1;
	return 0;
}

static enum pm_astatus
read_status(const char *s, size_t len)
{
	pm_doc__trim(&s, &len);
	if (len == 0)
		return PM_ASTATUS_NONE;
	if (contains(s, len, "won't") || contains(s, len, "wont") ||
	    contains(s, len, "cancel") || contains(s, len, "rejected") ||
	    contains(s, len, "descartad"))
		return PM_ASTATUS_WONTFIX;
	if (contains(s, len, "progress") || contains(s, len, "doing") ||
	    contains(s, len, "wip") || contains(s, len, "ongoing") ||
	    contains(s, len, "started") || contains(s, len, "en curso") ||
	    contains(s, len, "対応中") || contains(s, len, "进行中") ||
	    contains(s, len, "진행"))
		return PM_ASTATUS_IN_PROGRESS;
	if (contains(s, len, "done") || contains(s, len, "closed") ||
	    contains(s, len, "complete") || contains(s, len, "fixed") ||
	    contains(s, len, "resolved") || contains(s, len, "hecho") ||
	    contains(s, len, "cerrad") || contains(s, len, "完了") ||
	    contains(s, len, "已完成") || contains(s, len, "완료") ||
	    contains(s, len, "\xe2\x9c\x85"))
		return PM_ASTATUS_DONE;
	if (contains(s, len, "open") || contains(s, len, "todo") ||
	    contains(s, len, "to do") || contains(s, len, "new") ||
	    contains(s, len, "abiert") || contains(s, len, "pendiente") ||
	    contains(s, len, "未対応") || contains(s, len, "未着手") ||
	    contains(s, len, "待处理") || contains(s, len, "열림"))
		return PM_ASTATUS_OPEN;
	return PM_ASTATUS_UNKNOWN;
}

/* A cell that says nothing: "", "-", "—", "n/a", "TBD" (owner). */
static int
is_empty(const char *s, size_t len, int strict)
{
	if (len == 0 || pm_doc__ieq(s, len, "-") ||
	    pm_doc__ieq(s, len, "\xe2\x80\x94") ||
	    pm_doc__ieq(s, len, "\xe2\x80\x93"))
		return 1;
	if (strict)
		return 0;
	return pm_doc__ieq(s, len, "n/a") || pm_doc__ieq(s, len, "tbd") ||
	    pm_doc__ieq(s, len, "none") || pm_doc__ieq(s, len, "?") ||
	    pm_doc__ieq(s, len, "unassigned");
}

static struct pm_action *
new_action(struct pm_walk *w)
{
	struct pm_doc	*doc = w->doc;

	doc->actions = pm_arena_grow(&doc->arena, doc->actions,
	    &w->cap_actions, doc->nactions + 1, sizeof(*doc->actions));
	memset(&doc->actions[doc->nactions], 0, sizeof(*doc->actions));
	doc->actions[doc->nactions].prio = -1;
	return &doc->actions[doc->nactions++];
}

static void
set_deadline(struct pm_action *a, const char *raw, struct pm_pos pos)
{
	a->deadline_raw = raw;
	a->deadline_pos = pos;
	a->deadline_ok = pm_date_parse(&a->deadline, raw) == 0;
}

#define	MAXCOLS	64

void
pm_md__actions_table(struct pm_walk *w, cmark_node *table)
{
	struct pm_action	*a;
	cmark_node		*row, *cell;
	const char		*text[MAXCOLS], *t;
	size_t			 len[MAXCOLS], ncell, nraw, i, tl;
	unsigned int		 cols[MAXCOLS];
	int			 col[A__MAX], k, any;
	struct pm_pos		 rowpos, p[MAXCOLS];

	for (k = 0; k < A__MAX; k++)
		col[k] = -1;
	if ((row = cmark_node_first_child(table)) == NULL)
		return;
	for (i = 0, cell = cmark_node_first_child(row); cell != NULL &&
	    i < MAXCOLS; cell = cmark_node_next(cell), i++) {
		t = pm_md__stext(w, cell, &tl);
		k = classify(t, tl);
		if (k != A_NONE && col[k] == -1)
			col[k] = (int)i;
	}
	if (col[A_ACTION] == -1)
		col[A_ACTION] = col[A_ID] == 0 ? 1 : 0;

	for (row = cmark_node_next(row); row != NULL;
	    row = cmark_node_next(row)) {
		rowpos = pm_md__pos(w, row);
		nraw = pm_md__row_cols(w, row, cols, MAXCOLS);
		any = 0;
		for (ncell = 0, cell = cmark_node_first_child(row);
		    cell != NULL && ncell < MAXCOLS;
		    cell = cmark_node_next(cell), ncell++) {
			text[ncell] = pm_md__atext(w, cell, &len[ncell]);
			p[ncell] = rowpos;
			if (ncell < nraw)
				p[ncell].col = cols[ncell];
			if (len[ncell] > 0)
				any = 1;
		}
		if (!any)
			continue;
		for (i = ncell; i < MAXCOLS; i++) {
			text[i] = NULL;
			len[i] = 0;
			p[i] = rowpos;
		}
#define	CELL(k)	(col[k] >= 0 && text[col[k]] != NULL && \
		    !is_empty(text[col[k]], len[col[k]], k != A_OWNER))
		a = new_action(w);
		a->pos = rowpos;
		a->is_table = 1;
		a->id = CELL(A_ID) ? text[col[A_ID]] :
		    pm_arena_printf(&w->doc->arena, "%zu", w->doc->nactions);
		a->text = text[col[A_ACTION]] != NULL ? text[col[A_ACTION]] :
		    "";
		a->text_pos = p[col[A_ACTION]];
		if (CELL(A_OWNER)) {
			a->owner = text[col[A_OWNER]];
			a->owner_pos = p[col[A_OWNER]];
		}
		if (CELL(A_DEADLINE))
			set_deadline(a, text[col[A_DEADLINE]],
			    p[col[A_DEADLINE]]);
		if (CELL(A_PRIO)) {
			a->prio_raw = text[col[A_PRIO]];
			a->prio_pos = p[col[A_PRIO]];
			a->prio = read_prio(a->prio_raw, len[col[A_PRIO]]);
		}
		if (CELL(A_STATUS)) {
			a->status_raw = text[col[A_STATUS]];
			a->status = read_status(a->status_raw,
			    len[col[A_STATUS]]);
		}
		if (CELL(A_TICKET)) {
			a->ticket = text[col[A_TICKET]];
			a->ticket_pos = p[col[A_TICKET]];
		}
#undef	CELL
	}
}

static int
word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	    c == '/';
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A YYYY-MM-DD at s[i]: returns 10 or 0. */
static size_t
date_at(const char *s, size_t len, size_t i)
{
	if (i + 10 > len || (i > 0 && is_digit((unsigned char)s[i - 1])))
		return 0;
	if (is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
	    is_digit(s[i + 3]) && s[i + 4] == '-' && is_digit(s[i + 5]) &&
	    is_digit(s[i + 6]) && s[i + 7] == '-' && is_digit(s[i + 8]) &&
	    is_digit(s[i + 9]) && (i + 10 == len ||
	    !is_digit((unsigned char)s[i + 10])))
		return 10;
	return 0;
}

/* A ticket at s[i]: URL, KEY-123 or #123.  Returns its length or 0. */
static size_t
ticket_at(const char *s, size_t len, size_t i)
{
	size_t	 j;

	if (i > 0 && word_char((unsigned char)s[i - 1]))
		return 0;
	if ((len - i > 8 && strncmp(s + i, "https://", 8) == 0) ||
	    (len - i > 7 && strncmp(s + i, "http://", 7) == 0)) {
		for (j = i; j < len && s[j] != ' ' && s[j] != ')' &&
		    s[j] != ']' && s[j] != ',' && s[j] != '>'; j++)
			continue;
		return j - i;
	}
	if (s[i] == '#') {
		for (j = i + 1; j < len && is_digit((unsigned char)s[j]); j++)
			continue;
		return j > i + 1 && (j == len ||
		    !word_char((unsigned char)s[j])) ? j - i : 0;
	}
	if (s[i] >= 'A' && s[i] <= 'Z') {
		for (j = i; j < len && ((s[j] >= 'A' && s[j] <= 'Z') ||
		    is_digit((unsigned char)s[j])); j++)
			continue;
		if (j - i < 2 || j >= len || s[j] != '-' ||
		    j + 1 >= len || !is_digit((unsigned char)s[j + 1]))
			return 0;
		/* Not a priority or severity: "P1-", "SEV-2". */
		if ((j - i == 3 && strncmp(s + i, "SEV", 3) == 0))
			return 0;
		for (j++; j < len && is_digit((unsigned char)s[j]); j++)
			continue;
		return j == len || !word_char((unsigned char)s[j]) ||
		    s[j] == '.' ? j - i : 0;
	}
	return 0;
}

/* A list item's text, the lines it spans and where it starts. */
struct	item {
	const char	*s;		/* plain text of the whole item */
	size_t		 len;
	unsigned int	 first, last;	/* its lines in the file */
	struct pm_pos	 pos;		/* fallback: the item */
};

/* Where needle (nlen bytes) is first written in lines [first, last]. */
static int
find_n(const struct pm_walk *w, const struct item *it, const char *needle,
    size_t nlen, struct pm_pos *out)
{
	const char	*l, *p, *end;
	size_t		 llen;
	unsigned int	 n;

	if (nlen == 0)
		return 0;
	for (n = it->first; n <= it->last && n <= w->doc->nlines; n++) {
		if ((l = pm_doc_line(w->doc, n, &llen)) == NULL || llen < nlen)
			continue;
		end = l + llen - nlen + 1;
		for (p = l; p < end; p++) {
			if ((p = memchr(p, needle[0], (size_t)(end - p))) ==
			    NULL)
				break;
			if (memcmp(p, needle, nlen) == 0) {
				out->line = n;
				out->col = (unsigned int)(p - l) + 1;
				return 1;
			}
		}
	}
	return 0;
}

/*
 * Position in the file of the fact at it->s[off] (n bytes).  The plain
 * text lost the marks and line breaks, so the fact is looked for with
 * some of the text before it first (a date or a word in the action
 * itself must not stand for the "due" date or the priority), then
 * alone, then the item is the answer.
 */
static struct pm_pos
fact_pos(const struct pm_walk *w, const struct item *it, size_t off,
    size_t n)
{
	static const size_t	 ctx[] = { 24, 8, 0 };
	struct pm_pos		 p;
	size_t			 i, back;

	for (i = 0; i < sizeof(ctx) / sizeof(ctx[0]); i++) {
		back = off < ctx[i] ? off : ctx[i];
		if (i > 0 && back == (off < ctx[i - 1] ? off : ctx[i - 1]))
			continue;
		if (find_n(w, it, it->s + off - back, back + n, &p)) {
			p.col += (unsigned int)back;
			return p;
		}
	}
	return it->pos;
}

/* Copy the fact it->s[off] (n bytes) into the arena; *pos its place. */
static const char *
fact(struct pm_walk *w, const struct item *it, size_t off, size_t n,
    struct pm_pos *pos)
{
	*pos = fact_pos(w, it, off, n);
	return pm_arena_strndup(&w->doc->arena, it->s + off, n);
}

/*
 * The elements of a bracketed list of facts: "(@bob, due 2024-01-03,
 * Medium, OPS-123, done)", "[P2; in progress]".  Reads what the
 * character scan cannot: a bare priority word and a status word that
 * are one element of the list.  open and close index the brackets.
 */
static void
read_group(struct pm_walk *w, struct pm_action *a, const struct item *it,
    size_t open, size_t close)
{
	const char	*s = it->s, *e;
	size_t		 b, n, off, el, k;
	enum pm_astatus	 st;
	int		 pr;

	for (b = open + 1; b < close; b += n + 1) {
		for (n = 0; b + n < close && s[b + n] != ',' &&
		    s[b + n] != ';'; n++)
			continue;
		e = s + b;
		el = n;
		pm_doc__trim(&e, &el);
		off = (size_t)(e - s);
		/* "priority: low", "prio: P2" */
		for (k = 0; k < el && s[off + k] != ':'; k++)
			continue;
		if (k < el && (pm_doc__ieq(s + off, k, "priority") ||
		    pm_doc__ieq(s + off, k, "prio"))) {
			for (k++; k < el && s[off + k] == ' '; k++)
				continue;
			off += k;
			el -= k;
		}
		if (el == 0)
			continue;
		if (a->prio_raw == NULL && (pr = read_prio(s + off, el)) >= 0) {
			a->prio = pr;
			a->prio_raw = fact(w, it, off, el, &a->prio_pos);
		} else if (a->status_raw == NULL && el <= 16 &&
		    (st = read_status(s + off, el)) != PM_ASTATUS_UNKNOWN &&
		    st != PM_ASTATUS_NONE) {
			a->status = st;
			a->status_raw = pm_arena_strndup(&w->doc->arena,
			    s + off, el);
		}
	}
}

/*
 * The facts of a list item, read from its text (all of it, nested
 * sub-items included).  Positions are found in the item's lines.
 */
static void
read_facts(struct pm_walk *w, struct pm_action *a, const struct item *it)
{
	const char	*s = it->s, *v;
	size_t		 len = it->len, i, j, n, ps;
	int		 pr;

	for (i = 0; i < len; i++) {
		/* "(@bob, due 2024-01-03, Medium, OPS-123, done)" */
		if (s[i] == '(' || s[i] == '[') {
			for (j = i + 1; j < len && j - i < 256 &&
			    s[j] != (s[i] == '(' ? ')' : ']') &&
			    s[j] != '(' && s[j] != '['; j++)
				continue;
			if (j < len && s[j] == (s[i] == '(' ? ')' : ']'))
				read_group(w, a, it, i, j);
		}
		/* "@owner" */
		if (a->owner == NULL && s[i] == '@' && i + 1 < len &&
		    word_char((unsigned char)s[i + 1]) &&
		    (i == 0 || !word_char((unsigned char)s[i - 1]))) {
			for (j = i + 1; j < len &&
			    word_char((unsigned char)s[j]); j++)
				continue;
			while (j > i + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
				j--;
			a->owner = fact(w, it, i, j - i, &a->owner_pos);
		}
		/* "owner: team", "assignee: x" */
		if (a->owner == NULL && (i == 0 || s[i - 1] == ' ' ||
		    s[i - 1] == '(' || s[i - 1] == ';' || s[i - 1] == ',') &&
		    ((n = 6, strncasecmp(s + i, "owner:", 6) == 0) ||
		    (n = 9, strncasecmp(s + i, "assignee:", 9) == 0) ||
		    (n = 7, strncasecmp(s + i, "owners:", 7) == 0))) {
			for (j = i + n; j < len && s[j] == ' '; j++)
				continue;
			v = s + j;
			/* Up to the next fact: "due", a date, "(", "P1". */
			while (j < len && s[j] != ',' && s[j] != ';' &&
			    s[j] != ')' && strncmp(s + j, " due", 4) != 0 &&
			    strncmp(s + j, " (", 2) != 0 &&
			    !(s[j] == ' ' && date_at(s, len, j + 1)) &&
			    !(s[j] == ' ' && j + 2 < len && s[j + 1] == 'P' &&
			    s[j + 2] >= '0' && s[j + 2] <= '4' &&
			    (j + 3 == len || s[j + 3] == ' ')))
				j++;
			n = (size_t)(s + j - v);
			pm_doc__trim(&v, &n);
			if (n > 0)
				a->owner = fact(w, it, (size_t)(v - s), n,
				    &a->owner_pos);
		}
		/* "(platform team to ...)" */
		if (a->owner == NULL && s[i] == '(') {
			for (j = i + 1; j < len && j - i < 60 && s[j] != ')' &&
			    s[j] != ':' && s[j] != ',' && s[j] != ';' &&
			    strncmp(s + j, " team", 5) != 0; j++)
				continue;
			if (j < len && strncmp(s + j, " team", 5) == 0 &&
			    j > i + 1)
				a->owner = fact(w, it, i + 1, j + 5 - i - 1,
				    &a->owner_pos);
		}
		/* "due 2025-03-01", or a bare date */
		if (a->deadline_raw == NULL && date_at(s, len, i)) {
			struct pm_pos	 dp;

			v = fact(w, it, i, 10, &dp);
			set_deadline(a, v, dp);
		}
		/* "P1", "(High)", "priority: low" */
		if (a->prio_raw == NULL && (i == 0 ||
		    !word_char((unsigned char)s[i - 1]))) {
			ps = i;
			n = 0;
			if (s[i] == 'P' && i + 1 < len &&
			    s[i + 1] >= '0' && s[i + 1] <= '4' &&
			    (i + 2 == len || !word_char((unsigned char)s[i + 2]) ||
			    s[i + 2] == '.'))
				n = 2;
			else if (len - i > 9 &&
			    strncasecmp(s + i, "priority:", 9) == 0) {
				for (j = i + 9; j < len && s[j] == ' '; j++)
					continue;
				for (n = j; n < len && word_char(
				    (unsigned char)s[n]); n++)
					continue;
				ps = j;
				n -= j;
			}
			if (n > 0 && (pr = read_prio(s + ps, n)) >= 0) {
				a->prio = pr;
				a->prio_raw = fact(w, it, ps, n, &a->prio_pos);
			}
		}
		/* A ticket */
		if (a->ticket == NULL && (n = ticket_at(s, len, i)) > 0)
			a->ticket = fact(w, it, i, n, &a->ticket_pos);
	}
}

void
pm_md__actions_list(struct pm_walk *w, cmark_node *list)
{
	struct pm_action	*a;
	cmark_node		*item, *para, *lead;
	struct item		 it;
	const char		*t;
	size_t			 tlen;
	unsigned int		 first, last;
	int			 checked;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		a = new_action(w);
		a->pos = pm_md__pos(w, item);
		a->id = pm_arena_printf(&w->doc->arena, "%zu",
		    w->doc->nactions);
		first = a->pos.line;
		last = pm_md__end_line(w, item);
		para = cmark_node_first_child(item);
		if (para != NULL &&
		    cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
			a->text_pos = pm_md__pos(w, para);
			lead = cmark_node_first_child(para);
			if (lead != NULL &&
			    cmark_node_get_type(lead) == CMARK_NODE_STRONG) {
				/* "**Add an alert**: why" */
				t = pm_md__stext(w, lead, &tlen);
				while (tlen > 0 && t[tlen - 1] == ':')
					tlen--;
				a->text = pm_arena_strndup(&w->doc->arena, t,
				    tlen);
				a->text_pos = pm_md__find(w, first, first, "**",
				    a->text_pos);
			} else
				a->text = pm_md__atext(w, para, NULL);
		} else
			a->text = "";
		/* Scratch text: read_facts() copies what it keeps. */
		it.s = pm_md__stext(w, item, &it.len);
		it.first = first;
		it.last = last;
		it.pos = a->pos;
		read_facts(w, a, &it);
		/* "- [x] ...": a checked task is done. */
		if (a->status_raw == NULL &&
		    strcmp(cmark_node_get_type_string(item), "tasklist") == 0) {
			checked = cmark_gfm_extensions_get_tasklist_item_checked(
			    item);
			a->status = checked ? PM_ASTATUS_DONE : PM_ASTATUS_OPEN;
			a->status_raw = checked ? "[x]" : "[ ]";
		}
	}
}
