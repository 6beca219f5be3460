/*
 * Charts for the trend pages: a bar chart (stacked or grouped) as
 * inline SVG (role="img", <title>, aria-labelledby), followed by the
 * same numbers in an accessible <table>.  Colours come from the
 * theme's CSS classes s0..s7 (no inline style: the Content Security
 * Policy forbids it).  Numbers are formatted without the C library's
 * locale.  Used by lib/site/page_trends.c.
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
};

/* Emit <figure> with the SVG and the table into h. */
void	 pm_svg_chart(struct pm_html *h, const struct pm_chart *);

/* v with a fixed number of decimals, '.' as the separator, into out. */
void	 pm_svg_num(struct pm_buf *out, double v, int decimals);

#endif /* PM_SITE_SVG_H */
