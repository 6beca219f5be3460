/*
 * Bar charts as inline SVG with a data table beside (see svg.h).
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "site/html.h"
#include "site/svg.h"

#define	PLOT_H	220.0	/* plot area height */
#define	TOP	30.0	/* legend row */
#define	LEFT	56.0
#define	BOTTOM	44.0
#define	RIGHT	12.0

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

static void
svg_part(struct pm_html *h, const struct pm_chart *c)
{
	struct pm_buf	 a = PM_BUF_INIT, b = PM_BUF_INIT, d = PM_BUF_INIT,
			 e = PM_BUF_INIT, t = PM_BUF_INIT, tid = PM_BUF_INIT,
			 did = PM_BUF_INIT, lab = PM_BUF_INIT,
			 cls = PM_BUF_INIT;
	double		 max, step, top, slot, bw, x, y, base, hgt, w, val;
	size_t		 i, s, every;
	int		 depth, tick;

	max = 0;
	for (i = 0; i < c->nx; i++) {
		double sum = 0;

		for (s = 0; s < c->nseries; s++) {
			val = c->v[i * c->nseries + s];
			if (val < 0)
				continue;
			if (c->stacked)
				sum += val;
			else if (val > sum)
				sum = val;
		}
		if (sum > max)
			max = sum;
	}
	step = nice_step(max);
	if (c->decimals == 0 && step < 1)
		step = 1;	/* counts: whole numbers on the axis */
	top = ceil_d(max / step) * step;
	if (top <= 0)
		top = step;
	slot = c->nx > 0 && c->nx <= 24 ? 36 : 18;
	w = LEFT + RIGHT + slot * (double)(c->nx > 0 ? c->nx : 1);
	if (w < 480)
		w = 480;
	slot = (w - LEFT - RIGHT) / (double)(c->nx > 0 ? c->nx : 1);
	bw = c->stacked ? slot * 0.7 :
	    slot * 0.8 / (double)(c->nseries ? c->nseries : 1);
	/* Label every n-th bar so labels (~7 chars) do not overlap. */
	every = (size_t)ceil_d(48.0 / slot);
	if (every < 1)
		every = 1;

	pm_buf_printf(&tid, "%s-t", c->id);
	pm_buf_printf(&did, "%s-d", c->id);
	pm_buf_printf(&a, "%s %s", tid.ptr, did.ptr);
	pm_buf_puts(&b, "0 0 ");
	pm_svg_num(&b, w, 0);
	pm_buf_puts(&b, " ");
	pm_svg_num(&b, TOP + PLOT_H + BOTTOM, 0);
	depth = pm_html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg",
	    "class", "chart-svg", "role", "img", "aria-labelledby", a.ptr,
	    "viewBox", b.ptr, NULL);
	pm_html_elem(h, "title", c->title, "id", tid.ptr, NULL);
	pm_html_elem(h, "desc", c->desc ? c->desc :
	    "The numbers are in the table that follows the chart.",
	    "id", did.ptr, NULL);
	pm_html_nl(h);

	/* Grid lines and y labels. */
	pm_html_open(h, "g", "class", "axis", NULL);
	for (tick = 0; tick * step <= top + step / 1000; tick++) {
		y = TOP + PLOT_H - PLOT_H * (tick * step) / top;
		pm_buf_truncate(&b, 0);
		pm_svg_num(&b, y, 1);
		pm_html_void(h, "line", "x1", num(&d, LEFT, 0), "x2",
		    num(&e, w - RIGHT, 0), "y1", b.ptr, "y2", b.ptr,
		    "class", tick ? "grid" : "base", NULL);
		pm_buf_truncate(&t, 0);
		pm_svg_num(&t, tick * step, step < 1 ? 1 : 0);
		pm_html_elem(h, "text", t.ptr, "x", num(&d, LEFT - 6, 0),
		    "y", num(&e, y + 4, 1), "class", "ylab", NULL);
		pm_html_nl(h);
	}
	pm_html_close(h);
	pm_html_nl(h);

	/* Legend along the top. */
	if (c->nseries > 1) {
		pm_html_open(h, "g", "class", "legend", NULL);
		x = LEFT;
		for (s = 0; s < c->nseries; s++) {
			pm_buf_truncate(&cls, 0);
			pm_buf_printf(&cls, "s%zu", (s + (size_t)c->color0) % 8);
			pm_html_void(h, "rect", "x", num(&d, x, 0), "y", "8",
			    "width", "12", "height", "12", "class", cls.ptr,
			    NULL);
			pm_html_elem(h, "text", c->snames[s], "x",
			    num(&e, x + 16, 0), "y", "18", NULL);
			x += 28 + 7.5 * (double)strlen(c->snames[s]);
		}
		pm_html_close(h);
		pm_html_nl(h);
	}

	/* The bars. */
	pm_html_open(h, "g", "class", "bars", NULL);
	for (i = 0; i < c->nx; i++) {
		base = TOP + PLOT_H;
		for (s = 0; s < c->nseries; s++) {
			val = c->v[i * c->nseries + s];
			if (val <= 0)
				continue;
			hgt = PLOT_H * val / top;
			if (c->stacked) {
				x = LEFT + slot * (double)i + (slot - bw) / 2;
				y = base - hgt;
				base = y;
			} else {
				x = LEFT + slot * (double)i + slot * 0.1 +
				    bw * (double)s;
				y = TOP + PLOT_H - hgt;
			}
			pm_buf_truncate(&cls, 0);
			pm_buf_printf(&cls, "s%zu", (s + (size_t)c->color0) % 8);
			pm_html_open(h, "rect", "x", num(&a, x, 1),
			    "y", num(&b, y, 1), "width", num(&d, bw, 1),
			    "height", num(&e, hgt, 1), "class", cls.ptr,
			    NULL);
			pm_buf_truncate(&lab, 0);
			pm_buf_printf(&lab, "%s, %s: ", c->xlabels[i],
			    c->snames[s]);
			pm_svg_num(&lab, val, c->decimals);
			if (c->unit != NULL)
				pm_buf_printf(&lab, " %s", c->unit);
			pm_html_elem(h, "title", lab.ptr, NULL);
			pm_html_close(h);
		}
		if (i % every == 0) {
			x = LEFT + slot * (double)i + slot / 2;
			pm_html_elem(h, "text", c->xlabels[i], "x",
			    num(&a, x, 1), "y",
			    num(&b, TOP + PLOT_H + 16, 0),
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
	pm_buf_release(&tid);
	pm_buf_release(&did);
	pm_buf_release(&lab);
	pm_buf_release(&cls);
}

static void
table_part(struct pm_html *h, const struct pm_chart *c)
{
	struct pm_buf	 t = PM_BUF_INIT;
	size_t		 i, s;
	double		 sum, val;
	int		 d0;

	d0 = pm_html_open(h, "table", "class", "data", NULL);
	pm_html_elem(h, "caption", c->title, NULL);
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
}

void
pm_svg_chart(struct pm_html *h, const struct pm_chart *c)
{
	int	 d;

	d = pm_html_open(h, "figure", "class", "chart", "id", c->id, NULL);
	pm_html_nl(h);
	pm_html_open(h, "div", "class", "chart-box", NULL);
	svg_part(h, c);
	pm_html_close(h);
	pm_html_open(h, "div", "class", "chart-data", NULL);
	table_part(h, c);
	pm_html_close_to(h, d);
	pm_html_nl(h);
}
