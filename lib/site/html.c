/*
 * HTML escaping, URL screening, slugs and the tag stack (see html.h).
 */
#include <assert.h>
#include <stdarg.h>
#include <string.h>

#include "base/buf.h"
#include "site/html.h"

static void
esc(struct pm_buf *b, const char *s, size_t n, int attr)
{
	size_t	 i, start;
	const char *rep;

	start = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* Every byte replaced is below '?' or DEL: letters and
		 * UTF-8 take this one test. */
		if (c > '>' && c != 0x7f)
			continue;
		switch (c) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		case '\0':
			rep = "";	/* never valid in HTML */
			break;
		default:
			/* Control bytes other than tab/newline. */
			if (c < 0x20 && c != '\t' && c != '\n' &&
			    (attr || c != '\r')) {
				rep = attr ? " " : "";
				break;
			}
			if (c == 0x7f) {
				rep = "";
				break;
			}
			continue;
		}
		pm_buf_put(b, s + start, i - start);
		pm_buf_puts(b, rep);
		start = i + 1;
	}
	pm_buf_put(b, s + start, n - start);
}

void
pm_html_esc(struct pm_buf *b, const char *s, size_t n)
{
	esc(b, s, n, 0);
}

void
pm_html_esc_attr(struct pm_buf *b, const char *s, size_t n)
{
	esc(b, s, n, 1);
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
pm_html_url_ok(const char *s, size_t n)
{
	char	 scheme[16];
	size_t	 i, k;

	/*
	 * Browsers strip leading spaces and control bytes and ignore tab
	 * and newline inside the scheme ("java\tscript:"): read the
	 * scheme the same way, then allow a short list.
	 */
	k = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c == 0x7f)
			continue;
		if (c == ':')
			break;
		if (c == '/' || c == '?' || c == '#')
			return 1;	/* relative: no scheme */
		if (k + 1 >= sizeof(scheme))
			return 0;	/* not a scheme we allow */
		scheme[k++] = (char)lower(c);
	}
	if (i == n)
		return 1;		/* no colon at all: relative */
	scheme[k] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	    strcmp(scheme, "mailto") == 0;
}

void
pm_html_esc_href(struct pm_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	struct pm_buf	 t = PM_BUF_INIT;
	size_t		 i;

	if (!pm_html_url_ok(s, n)) {
		pm_buf_putc(b, '#');
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' ||
		    c == '<' || c == '>' || c == '\\' || c == '`') {
			pm_buf_putc(&t, '%');
			pm_buf_putc(&t, hex[c >> 4]);
			pm_buf_putc(&t, hex[c & 15]);
		} else
			pm_buf_putc(&t, c);
	}
	pm_html_esc_attr(b, pm_buf_cstr(&t), t.len);
	pm_buf_release(&t);
}

void
pm_html_slug(struct pm_buf *out, const char *s)
{
	int	 dash = 0;

	pm_buf_truncate(out, 0);
	for (; *s != '\0' && out->len < 80; s++) {
		int c = lower((unsigned char)*s);

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-' || c == '.') {
			/* No leading '.' or '-'; no ".." anywhere. */
			if ((c == '.' || c == '-') && out->len == 0)
				continue;
			if (c == '.' && out->len > 0 &&
			    out->ptr[out->len - 1] == '.')
				continue;
			if (dash && c != '-' && out->len > 0 &&
			    out->ptr[out->len - 1] != '-')
				pm_buf_putc(out, '-');
			dash = 0;
			pm_buf_putc(out, c);
		} else
			dash = 1;
	}
	/* No trailing '.' or '-' (Windows and tidy names). */
	while (out->len > 0 && (out->ptr[out->len - 1] == '.' ||
	    out->ptr[out->len - 1] == '-'))
		pm_buf_truncate(out, out->len - 1);
	if (out->len == 0)
		pm_buf_putc(out, 'x');
}

void
pm_html_init(struct pm_html *h, struct pm_buf *out)
{
	h->out = out;
	h->depth = 0;
}

static int
is_href(const char *name)
{
	return strcmp(name, "href") == 0 || strcmp(name, "src") == 0 ||
	    strcmp(name, "xlink:href") == 0;
}

static void
open_tag(struct pm_html *h, const char *tag, va_list ap, int self)
{
	const char	*k, *v;

	pm_buf_putc(h->out, '<');
	pm_buf_puts(h->out, tag);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v == NULL)
			continue;
		pm_buf_putc(h->out, ' ');
		pm_buf_puts(h->out, k);
		pm_buf_puts(h->out, "=\"");
		if (is_href(k))
			pm_html_esc_href(h->out, v, strlen(v));
		else
			pm_html_esc_attr(h->out, v, strlen(v));
		pm_buf_putc(h->out, '"');
	}
	pm_buf_puts(h->out, self ? "/>" : ">");
}

int
pm_html_open(struct pm_html *h, const char *tag, ...)
{
	va_list	 ap;
	int	 d = h->depth;

	assert(h->depth < PM_HTML_MAXDEPTH);
	va_start(ap, tag);
	open_tag(h, tag, ap, 0);
	va_end(ap);
	h->stack[h->depth++] = tag;
	return d;
}

void
pm_html_void(struct pm_html *h, const char *tag, ...)
{
	va_list	 ap;

	va_start(ap, tag);
	/* Self-closed: needed in SVG and XML (Atom), allowed in HTML. */
	open_tag(h, tag, ap, 1);
	va_end(ap);
}

void
pm_html_close(struct pm_html *h)
{
	assert(h->depth > 0);
	h->depth--;
	pm_buf_puts(h->out, "</");
	pm_buf_puts(h->out, h->stack[h->depth]);
	pm_buf_putc(h->out, '>');
}

void
pm_html_close_to(struct pm_html *h, int depth)
{
	while (h->depth > depth)
		pm_html_close(h);
}

void
pm_html_text(struct pm_html *h, const char *s)
{
	if (s != NULL)
		pm_html_esc(h->out, s, strlen(s));
}

void
pm_html_textf(struct pm_html *h, const char *fmt, ...)
{
	struct pm_buf	 t = PM_BUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	pm_buf_vprintf(&t, fmt, ap);
	va_end(ap);
	pm_html_esc(h->out, pm_buf_cstr(&t), t.len);
	pm_buf_release(&t);
}

void
pm_html_elem(struct pm_html *h, const char *tag, const char *text, ...)
{
	va_list	 ap;

	va_start(ap, text);
	open_tag(h, tag, ap, 0);
	va_end(ap);
	pm_html_text(h, text);
	pm_buf_puts(h->out, "</");
	pm_buf_puts(h->out, tag);
	pm_buf_putc(h->out, '>');
}

void
pm_html_nl(struct pm_html *h)
{
	pm_buf_putc(h->out, '\n');
}
