/*
 * Charts for the trend pages: a bar chart (stacked, grouped, or one
 * horizontal bar per row) as inline SVG (role="img" named by its
 * <title>, described by its <desc>, its table as aria-details),
 * followed by the same numbers in an accessible <table>.  Both sit in
 * focusable, labelled regions, since either may scroll.  The SVG is
 * drawn at one user unit per CSS pixel and its text at the body size,
 * so labels never shrink: bars get narrower (down to a minimum) and
 * labels are thinned out instead.  A chart with nothing to draw says
 * so in words.  Colours come from the theme's CSS classes s0..s7 (no
 * inline style: the Content Security Policy forbids it).  Numbers are
 * formatted without the C library's locale.  Used by
 * lib/site/page_trends.c.
 */
#ifndef PM_SITE_SVG_H
#define PM_SITE_SVG_H

#include <stddef.h>

struct pm_html;
struct pm_buf;

struct	pm_chart {
	const char		*id;	  /* element id prefix, [a-z0-9-] */
	const char		*title;	  /* also the table caption */
	const char		*desc;	  /* one sentence, or NULL */
	const char		*xname;	  /* header of the first column */
	const char		*unit;	  /* "incidents", "hours", "%" */
	size_t			 nx;	  /* categories (bars) along x */
	const char *const	*xlabels; /* nx labels */
	size_t			 nseries; /* at most 8 */
	const char *const	*snames;  /* nseries names */
	const double		*v;	  /* v[x * nseries + s]; < 0: none */
	int			 stacked; /* else grouped */
	int			 decimals; /* in the table and tooltips */
	int			 total;	  /* add a Total column (stacked) */
	int			 color0;  /* class of series 0: s<color0> */
	const unsigned char	*colors;  /* or each series' class, 0..7 */
	int			 horizontal; /* one row per x, labels left */
	const char		*empty;	  /* said when no value is > 0 */
	const char		*note;	  /* a sentence under the chart (or
					     the empty text), or NULL */
	/*
	 * Bars drawn from other numbers than the table's, or 0/NULL:
	 * months in the table, quarters in the chart.
	 */
	size_t			 nbars;
	const char *const	*barlabels;
	const double		*barv;	  /* barv[b * nseries + s] */
};

/* Emit <figure> with the SVG and the table into h. */
void	 pm_svg_chart(struct pm_html *h, const struct pm_chart *);

/* v with a fixed number of decimals, '.' as the separator, into out. */
void	 pm_svg_num(struct pm_buf *out, double v, int decimals);

#endif /* PM_SITE_SVG_H */
