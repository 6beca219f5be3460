/*
 * HTML emission for the site: one escaper per context (text,
 * attribute, href), URL screening, slugs, and a stack of open tags
 * closed in order (mandoc's print_otag()/print_tagq()).  Every byte of
 * HTML that page code produces goes through here or through a theme
 * template; no page code writes '<' by hand.  Used by lib/site/ only.
 */
#ifndef PM_SITE_HTML_H
#define PM_SITE_HTML_H

#include <stddef.h>

#include "base/buf.h"

/* Text content: escapes & < > (and " ' so it is also attribute-safe). */
void	 pm_html_esc(struct pm_buf *, const char *, size_t);
/* A double-quoted attribute value: escapes & < > " ' and drops
 * control bytes. */
void	 pm_html_esc_attr(struct pm_buf *, const char *, size_t);
/*
 * An href/src value: the URL is screened with pm_html_url_ok() (an
 * unsafe URL becomes "#"), spaces and bytes outside printable ASCII
 * are percent-encoded, then the result is attribute-escaped.
 */
void	 pm_html_esc_href(struct pm_buf *, const char *, size_t);
/*
 * 1 if a URL may be linked: relative (no scheme), http:, https:,
 * mailto: or a fragment.  javascript:, data:, vbscript: and every other
 * scheme give 0; control bytes and whitespace inside the scheme are
 * ignored the way browsers ignore them.
 */
int	 pm_html_url_ok(const char *, size_t);

/*
 * A safe file-name slug of s into out (cleared first): lower-case
 * ASCII letters, digits, '-', '_' and '.'; every other run of bytes
 * becomes one '-'; no leading '.' or '-'; at most 80 bytes; "x" when
 * nothing is left.  Never contains '/' or "..".
 */
void	 pm_html_slug(struct pm_buf *out, const char *s);

#define	PM_HTML_MAXDEPTH	64

/* A writer with a stack of open tags. */
struct	pm_html {
	struct pm_buf	*out;
	const char	*stack[PM_HTML_MAXDEPTH];
	int		 depth;
};

void	 pm_html_init(struct pm_html *, struct pm_buf *out);
/*
 * Open a tag with attributes given as name/value pairs ending in NULL:
 * pm_html_open(h, "a", "href", url, "class", "x", NULL).  An attribute
 * named "href", "src" or "xlink:href" is href-escaped, every other
 * attribute-escaped; a NULL value skips the attribute.  Returns the
 * depth before the tag (for pm_html_close_to).
 */
int	 pm_html_open(struct pm_html *, const char *tag, ...);
/* A void element (<br>, <meta>, <rect .../>): nothing pushed. */
void	 pm_html_void(struct pm_html *, const char *tag, ...);
/* Close the innermost tag. */
void	 pm_html_close(struct pm_html *);
/* Close tags until depth is reached. */
void	 pm_html_close_to(struct pm_html *, int depth);
/* Escaped text. */
void	 pm_html_text(struct pm_html *, const char *);
void	 pm_html_textf(struct pm_html *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* <tag ...>text</tag> in one call; attributes as for pm_html_open. */
void	 pm_html_elem(struct pm_html *, const char *tag, const char *text,
	    ...);
/* A newline, to keep the output diff-friendly. */
void	 pm_html_nl(struct pm_html *);

#endif /* PM_SITE_HTML_H */
