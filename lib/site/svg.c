/*
 * Bar charts as inline SVG with a data table beside (see svg.h).
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "site/html.h"
#include "site/svg.h"

/*
 * Geometry in CSS pixels (the SVG is never scaled, see svg.h).  CHW is
 * the width of one label character at the body size, estimated on the
 * wide side (DejaVu Sans digits are 10.2 px at 16 px).
 */
#define	CHW		10.0
#define	PLOT_H		220.0	/* plot area height */
#define	PLOT_W		640.0	/* plot area width aimed at */
#define	SLOT_MIN	16.0	/* narrowest bar slot */
#define	SLOT_MAX	48.0
#define	MIN_W		360.0
#define	LEG_ROW		26.0	/* one legend row */
#define	ROW_H		30.0	/* one row of a horizontal chart */
#define	HBAR_W		360.0	/* longest horizontal bar */
#define	HLABEL_MAX	24	/* characters of a row label shown */

/* Without libm: round half away from zero, floor and ceiling. */
static long long
round_ll(double v)
{
	return (long long)(v < 0 ? v - 0.5 : v + 0.5);
}

static double
ceil_d(double v)
{
	long long	 i = (long long)v;

	return (double)i < v ? (double)(i + 1) : (double)i;
}

void
pm_svg_num(struct pm_buf *out, double v, int decimals)
{
	long long	 scale = 1, n, ip, fp;
	int		 i, neg;

	for (i = 0; i < decimals; i++)
		scale *= 10;
	n = round_ll(v * (double)scale);
	neg = n < 0;
	if (neg)
		n = -n;
	ip = n / scale;
	fp = n % scale;
	if (decimals > 0)
		pm_buf_printf(out, "%s%lld.%0*lld", neg ? "-" : "", ip,
		    decimals, fp);
	else
		pm_buf_printf(out, "%s%lld", neg ? "-" : "", ip);
}

/* A short-lived formatted number (for attributes). */
static const char *
num(struct pm_buf *b, double v, int decimals)
{
	pm_buf_truncate(b, 0);
	pm_svg_num(b, v, decimals);
	return b->ptr;
}

/* A "nice" axis step giving about four ticks up to max. */
static double
nice_step(double max)
{
	double	 raw, mag, f;

	if (max <= 0)
		return 1;
	raw = max / 4;
	mag = 1;
	while (raw / mag >= 10)
		mag *= 10;
	while (raw / mag < 1)
		mag /= 10;
	f = raw / mag;
	if (f <= 1)
		f = 1;
	else if (f <= 2)
		f = 2;
	else if (f <= 5)
		f = 5;
	else
		f = 10;
	return f * mag;
}

/* Characters (not bytes) of UTF-8 text. */
static size_t
ulen(const char *p)
{
	size_t	 n = 0;

	for (; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			n++;
	return n;
}

/* At most max characters of p into out, the last one "…" if cut. */
static void
cut_label(struct pm_buf *out, const char *p, size_t max)
{
	const char	*q;
	size_t		 n = 0;

	pm_buf_truncate(out, 0);
	if (ulen(p) <= max) {
		pm_buf_puts(out, p);
		return;
	}
	for (q = p; *q != '\0'; q++) {
		if (((unsigned char)*q & 0xc0) != 0x80 && ++n == max)
			break;
	}
	pm_buf_put(out, p, (size_t)(q - p));
	pm_buf_puts(out, "\xe2\x80\xa6");
}

/* The bars drawn: the table's numbers, or the chart's own (barv). */
struct	bars {
	size_t			 n;
	const char *const	*labels;
	const double		*v;
};

static void
bars_of(const struct pm_chart *c, struct bars *b)
{
	if (c->barv != NULL) {
		b->n = c->nbars;
		b->labels = c->barlabels;
		b->v = c->barv;
	} else {
		b->n = c->nx;
		b->labels = c->xlabels;
		b->v = c->v;
	}
}

static int
has_data(const struct pm_chart *c)
{
	struct bars	 b;
	size_t		 i;

	bars_of(c, &b);
	for (i = 0; i < b.n * c->nseries; i++)
		if (b.v[i] > 0)
			return 1;
	return 0;
}

static void
series_class(struct pm_buf *cls, const struct pm_chart *c, size_t s)
{
	pm_buf_truncate(cls, 0);
	pm_buf_printf(cls, "s%zu", c->colors != NULL ? c->colors[s] % 8u :
	    (s + (size_t)c->color0) % 8);
}

/* Width of one legend entry: swatch, gap, label, space after. */
static double
legend_w(const char *name)
{
	return 16 + 6 + CHW * (double)ulen(name) + 20;
}

/* Rows the legend needs between x0 and xmax. */
static int
legend_rows(const struct pm_chart *c, double x0, double xmax)
{
	double	 x = x0, iw;
	size_t	 s;
	int	 rows = 1;

	if (c->nseries < 2)
		return 0;
	for (s = 0; s < c->nseries; s++) {
		iw = legend_w(c->snames[s]);
		if (x > x0 && x + iw - 20 > xmax) {
			rows++;
			x = x0;
		}
		x += iw;
	}
	return rows;
}

static void
legend(struct pm_html *h, const struct pm_chart *c, double x0, double xmax)
{
	struct pm_buf	 a = PM_BUF_INIT, b = PM_BUF_INIT, cls = PM_BUF_INIT;
	double		 x = x0, y = 8, iw;
	size_t		 s;

	if (c->nseries < 2)
		return;
	pm_html_open(h, "g", "class", "legend", NULL);
	for (s = 0; s < c->nseries; s++) {
		iw = legend_w(c->snames[s]);
		if (x > x0 && x + iw - 20 > xmax) {
			x = x0;
			y += LEG_ROW;
		}
		series_class(&cls, c, s);
		pm_html_void(h, "rect", "x", num(&a, x, 0), "y",
		    num(&b, y, 0), "width", "16", "height", "16", "class",
		    cls.ptr, NULL);
		pm_html_elem(h, "text", c->snames[s], "x", num(&a, x + 22, 0),
		    "y", num(&b, y + 14, 0), NULL);
		x += iw;
	}
	pm_html_close(h);
	pm_html_nl(h);
	pm_buf_release(&a);
	pm_buf_release(&b);
	pm_buf_release(&cls);
}

/* The <svg> element with its title and description; returns its depth. */
static int
svg_open(struct pm_html *h, const struct pm_chart *c, double w, double hgt)
{
	struct pm_buf	 a = PM_BUF_INIT, b = PM_BUF_INIT, tid = PM_BUF_INIT,
			 did = PM_BUF_INIT, xid = PM_BUF_INIT,
			 ws = PM_BUF_INIT, hs = PM_BUF_INIT;
	int		 depth;

	pm_buf_printf(&tid, "%s-t", c->id);
	pm_buf_printf(&did, "%s-d", c->id);
	pm_buf_printf(&xid, "%s-tab", c->id);
	pm_svg_num(&ws, w, 0);
	pm_svg_num(&hs, hgt, 0);
	pm_buf_printf(&b, "0 0 %s %s", ws.ptr, hs.ptr);
	depth = pm_html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg",
	    "class", "chart-svg", "role", "img", "aria-labelledby", tid.ptr,
	    "aria-describedby", did.ptr, "aria-details", xid.ptr,
	    "width", ws.ptr, "height", hs.ptr, "viewBox", b.ptr, NULL);
	pm_html_elem(h, "title", c->title, "id", tid.ptr, NULL);
	pm_html_elem(h, "desc", c->desc ? c->desc :
	    "The numbers are in the table that follows the chart.",
	    "id", did.ptr, NULL);
	pm_html_nl(h);
	pm_buf_release(&a);
	pm_buf_release(&b);
	pm_buf_release(&tid);
	pm_buf_release(&did);
	pm_buf_release(&xid);
	pm_buf_release(&ws);
	pm_buf_release(&hs);
	return depth;
}

/* "label, series: value unit" for a bar's tooltip. */
static void
bar_title(struct pm_buf *lab, const struct pm_chart *c, const char *x,
    size_t s, double val)
{
	pm_buf_truncate(lab, 0);
	if (c->nseries > 1)
		pm_buf_printf(lab, "%s, %s: ", x, c->snames[s]);
	else
		pm_buf_printf(lab, "%s: ", x);
	pm_svg_num(lab, val, c->decimals);
	if (c->unit != NULL)
		pm_buf_printf(lab, " %s", c->unit);
}

/* One bar per row, the label on its left and the value at its end. */
static void
svg_horizontal(struct pm_html *h, const struct pm_chart *c)
{
	struct pm_buf	 a = PM_BUF_INIT, b = PM_BUF_INIT, d = PM_BUF_INIT,
			 e = PM_BUF_INIT, lab = PM_BUF_INIT, t = PM_BUF_INIT,
			 cls = PM_BUF_INIT;
	struct bars	 br;
	double		 max = 0, labw, w, y, bw, val;
	size_t		 i, n, ml = 1;
	int		 depth;

	bars_of(c, &br);
	for (i = 0; i < br.n; i++) {
		if (br.v[i * c->nseries] > max)
			max = br.v[i * c->nseries];
		if ((n = ulen(br.labels[i])) > ml)
			ml = n;
	}
	if (ml > HLABEL_MAX)
		ml = HLABEL_MAX;
	labw = CHW * (double)ml + 12;
	pm_buf_truncate(&t, 0);
	pm_svg_num(&t, max, c->decimals);
	w = labw + HBAR_W + 12 + CHW * (double)(t.len + 1);
	depth = svg_open(h, c, w, 16 + ROW_H * (double)br.n);
	series_class(&cls, c, 0);
	pm_html_open(h, "g", "class", "bars", NULL);
	for (i = 0; i < br.n; i++) {
		val = br.v[i * c->nseries];
		y = 8 + ROW_H * (double)i;
		cut_label(&lab, br.labels[i], HLABEL_MAX);
		pm_html_elem(h, "text", lab.ptr, "x", num(&a, labw - 8, 0),
		    "y", num(&b, y + 20, 0), "class", "ylab", NULL);
		bw = max > 0 && val > 0 ? HBAR_W * val / max : 0;
		if (bw > 0) {
			pm_html_open(h, "rect", "x", num(&a, labw, 0), "y",
			    num(&b, y + 4, 0), "width", num(&d, bw, 1),
			    "height", "22", "class", cls.ptr, NULL);
			bar_title(&t, c, br.labels[i], 0, val);
			pm_html_elem(h, "title", t.ptr, NULL);
			pm_html_close(h);
		}
		pm_buf_truncate(&t, 0);
		pm_svg_num(&t, val < 0 ? 0 : val, c->decimals);
		pm_html_elem(h, "text", t.ptr, "x", num(&a, labw + bw + 6, 1),
		    "y", num(&e, y + 20, 0), "class", "val", NULL);
		pm_html_nl(h);
	}
	pm_html_close_to(h, depth);
	pm_html_nl(h);
	pm_buf_release(&a);
	pm_buf_release(&b);
	pm_buf_release(&d);
	pm_buf_release(&e);
	pm_buf_release(&lab);
	pm_buf_release(&t);
	pm_buf_release(&cls);
}

static void
svg_vertical(struct pm_html *h, const struct pm_chart *c)
{
	struct pm_buf	 a = PM_BUF_INIT, b = PM_BUF_INIT, d = PM_BUF_INIT,
			 e = PM_BUF_INIT, t = PM_BUF_INIT, lab = PM_BUF_INIT,
			 cls = PM_BUF_INIT;
	struct bars	 br;
	double		 max, step, top, slot, bw, x, y, base, hgt, w, val,
			 left, right, labw, ytop;
	size_t		 i, s, every, ml = 1, n;
	int		 depth, tick, rows;

	bars_of(c, &br);
	max = 0;
	for (i = 0; i < br.n; i++) {
		double sum = 0;

		for (s = 0; s < c->nseries; s++) {
			val = br.v[i * c->nseries + s];
			if (val < 0)
				continue;
			if (c->stacked)
				sum += val;
			else if (val > sum)
				sum = val;
		}
		if (sum > max)
			max = sum;
		if ((n = ulen(br.labels[i])) > ml)
			ml = n;
	}
	step = nice_step(max);
	if (c->decimals == 0 && step < 1)
		step = 1;	/* counts: whole numbers on the axis */
	top = ceil_d(max / step) * step;
	if (top <= 0)
		top = step;
	pm_svg_num(&t, top, step < 1 ? 1 : 0);
	left = CHW * (double)t.len + 14;
	if (left < 40)
		left = 40;
	/* Labels at full size: thin them out rather than shrink them. */
	labw = CHW * (double)ml + 12;
	right = labw / 2 > 16 ? labw / 2 : 16;
	slot = PLOT_W / (double)(br.n > 0 ? br.n : 1);
	if (slot < SLOT_MIN)
		slot = SLOT_MIN;
	if (slot > SLOT_MAX)
		slot = SLOT_MAX;
	/* Few bars: wide enough to label every one. */
	if (slot < labw && labw * (double)br.n <= PLOT_W)
		slot = labw;
	w = left + right + slot * (double)br.n;
	if (w < MIN_W)
		w = MIN_W;
	bw = c->stacked ? slot * 0.7 :
	    slot * 0.8 / (double)(c->nseries ? c->nseries : 1);
	every = (size_t)ceil_d(labw / slot);
	if (every < 1)
		every = 1;
	rows = legend_rows(c, left, w - 4);
	ytop = rows > 0 ? 16 + LEG_ROW * (double)rows : 16;

	depth = svg_open(h, c, w, ytop + PLOT_H + 36);
	/* Grid lines and y labels. */
	pm_html_open(h, "g", "class", "axis", NULL);
	for (tick = 0; tick * step <= top + step / 1000; tick++) {
		y = ytop + PLOT_H - PLOT_H * (tick * step) / top;
		pm_buf_truncate(&b, 0);
		pm_svg_num(&b, y, 1);
		pm_html_void(h, "line", "x1", num(&d, left, 0), "x2",
		    num(&e, w - right, 0), "y1", b.ptr, "y2", b.ptr,
		    "class", tick ? "grid" : "base", NULL);
		pm_buf_truncate(&t, 0);
		pm_svg_num(&t, tick * step, step < 1 ? 1 : 0);
		pm_html_elem(h, "text", t.ptr, "x", num(&d, left - 6, 0),
		    "y", num(&e, y + 5, 1), "class", "ylab", NULL);
		pm_html_nl(h);
	}
	pm_html_close(h);
	pm_html_nl(h);
	legend(h, c, left, w - 4);

	/* The bars. */
	pm_html_open(h, "g", "class", "bars", NULL);
	for (i = 0; i < br.n; i++) {
		base = ytop + PLOT_H;
		for (s = 0; s < c->nseries; s++) {
			val = br.v[i * c->nseries + s];
			if (val <= 0)
				continue;
			hgt = PLOT_H * val / top;
			if (c->stacked) {
				x = left + slot * (double)i + (slot - bw) / 2;
				y = base - hgt;
				base = y;
			} else {
				x = left + slot * (double)i + slot * 0.1 +
				    bw * (double)s;
				y = ytop + PLOT_H - hgt;
			}
			series_class(&cls, c, s);
			pm_html_open(h, "rect", "x", num(&a, x, 1),
			    "y", num(&b, y, 1), "width", num(&d, bw, 1),
			    "height", num(&e, hgt, 1), "class", cls.ptr,
			    NULL);
			bar_title(&lab, c, br.labels[i], s, val);
			pm_html_elem(h, "title", lab.ptr, NULL);
			pm_html_close(h);
		}
		if (i % every == 0) {
			x = left + slot * (double)i + slot / 2;
			pm_html_elem(h, "text", br.labels[i], "x",
			    num(&a, x, 1), "y",
			    num(&b, ytop + PLOT_H + 24, 0),
			    "class", "xlab", NULL);
		}
		pm_html_nl(h);
	}
	pm_html_close_to(h, depth);
	pm_html_nl(h);
	pm_buf_release(&a);
	pm_buf_release(&b);
	pm_buf_release(&d);
	pm_buf_release(&e);
	pm_buf_release(&t);
	pm_buf_release(&lab);
	pm_buf_release(&cls);
}

static void
table_part(struct pm_html *h, const struct pm_chart *c)
{
	struct pm_buf	 t = PM_BUF_INIT, xid = PM_BUF_INIT, cid = PM_BUF_INIT;
	size_t		 i, s;
	double		 sum, val;
	int		 d0;

	pm_buf_printf(&xid, "%s-tab", c->id);
	pm_buf_printf(&cid, "%s-c", c->id);
	/* Focusable: it scrolls when it is taller than its box. */
	d0 = pm_html_open(h, "div", "class", "chart-data", "tabindex", "0",
	    "role", "region", "aria-labelledby", cid.ptr, NULL);
	pm_html_open(h, "table", "class", "data", "id", xid.ptr, NULL);
	pm_html_elem(h, "caption", c->title, "id", cid.ptr, NULL);
	pm_html_open(h, "thead", NULL);
	pm_html_open(h, "tr", NULL);
	pm_html_elem(h, "th", c->xname, "scope", "col", NULL);
	for (s = 0; s < c->nseries; s++)
		pm_html_elem(h, "th", c->snames[s], "scope", "col", NULL);
	if (c->total)
		pm_html_elem(h, "th", "Total", "scope", "col", NULL);
	pm_html_close(h);
	pm_html_close(h);
	pm_html_nl(h);
	pm_html_open(h, "tbody", NULL);
	for (i = 0; i < c->nx; i++) {
		pm_html_open(h, "tr", NULL);
		pm_html_elem(h, "th", c->xlabels[i], "scope", "row", NULL);
		sum = 0;
		for (s = 0; s < c->nseries; s++) {
			val = c->v[i * c->nseries + s];
			pm_buf_truncate(&t, 0);
			if (val < 0)
				pm_buf_puts(&t, "–");
			else {
				pm_svg_num(&t, val, c->decimals);
				sum += val;
			}
			pm_html_elem(h, "td", t.ptr, NULL);
		}
		if (c->total) {
			pm_buf_truncate(&t, 0);
			pm_svg_num(&t, sum, c->decimals);
			pm_html_elem(h, "td", t.ptr, NULL);
		}
		pm_html_close(h);
		pm_html_nl(h);
	}
	pm_html_close_to(h, d0);
	pm_html_nl(h);
	pm_buf_release(&t);
	pm_buf_release(&xid);
	pm_buf_release(&cid);
}

void
pm_svg_chart(struct pm_html *h, const struct pm_chart *c)
{
	struct pm_buf	 tid = PM_BUF_INIT;
	int		 d;

	if (!has_data(c)) {
		/* Words, not empty axes. */
		d = pm_html_open(h, "figure", "class", "chart-none",
		    "id", c->id, NULL);
		pm_html_elem(h, "figcaption", c->title, NULL);
		pm_html_elem(h, "p", c->empty != NULL ? c->empty :
		    "Nothing to show yet.", NULL);
		if (c->note != NULL)
			pm_html_elem(h, "p", c->note, "class", "chart-note",
			    NULL);
		pm_html_close_to(h, d);
		pm_html_nl(h);
		return;
	}
	pm_buf_printf(&tid, "%s-t", c->id);
	d = pm_html_open(h, "figure", "class", "chart", "id", c->id, NULL);
	pm_html_nl(h);
	/* Focusable: a chart wider than the screen scrolls sideways. */
	pm_html_open(h, "div", "class", "chart-box", "tabindex", "0",
	    "role", "region", "aria-labelledby", tid.ptr, NULL);
	if (c->horizontal)
		svg_horizontal(h, c);
	else
		svg_vertical(h, c);
	pm_html_close(h);
	table_part(h, c);
	if (c->note != NULL)
		pm_html_elem(h, "p", c->note, "class", "chart-note", NULL);
	pm_html_close_to(h, d);
	pm_html_nl(h);
	pm_buf_release(&tid);
}
