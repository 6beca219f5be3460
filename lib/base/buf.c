/*
 * Growable byte buffers (see buf.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"

void
pm_buf_init(struct pm_buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
}

void
pm_buf_grow(struct pm_buf *b, size_t extra)
{
	size_t	 old = b->cap;

	b->ptr = pm_xgrow(b->ptr, &b->cap, b->len + extra + 1, 1);
	/*
	 * The spare capacity is defined (zero): PCRE2's JIT code reads
	 * whole words past the end of a subject held here, and valgrind
	 * reports every branch on those bytes when they were never
	 * written.
	 */
	if (b->cap > old)
		memset(b->ptr + old, 0, b->cap - old);
}

void
pm_buf_put(struct pm_buf *b, const void *p, size_t n)
{
	pm_buf_grow(b, n);
	if (n > 0)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
pm_buf_puts(struct pm_buf *b, const char *s)
{
	pm_buf_put(b, s, strlen(s));
}

void
pm_buf_putc(struct pm_buf *b, int c)
{
	pm_buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void
pm_buf_vprintf(struct pm_buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n <= 0)
		return;
	pm_buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
pm_buf_printf(struct pm_buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pm_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
pm_buf_truncate(struct pm_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

const char *
pm_buf_cstr(const struct pm_buf *b)
{
	return b->ptr ? b->ptr : "";
}

void
pm_buf_release(struct pm_buf *b)
{
	free(b->ptr);
	pm_buf_init(b);
}

char *
pm_buf_detach(struct pm_buf *b, size_t *lenp)
{
	char	*p;

	if (b->ptr == NULL)
		pm_buf_grow(b, 0), b->ptr[0] = '\0';
	p = b->ptr;
	if (lenp)
		*lenp = b->len;
	pm_buf_init(b);
	return p;
}
