/*
 * Growable byte buffers, always NUL-terminated (git's strbuf, lowdown's
 * hbuf).  Used everywhere output is assembled.
 */
#ifndef PM_BUF_H
#define PM_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct	pm_buf {
	char	*ptr;	/* NUL-terminated once anything was added */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

#define	PM_BUF_INIT	{ NULL, 0, 0 }

void	 pm_buf_init(struct pm_buf *);
void	 pm_buf_grow(struct pm_buf *, size_t extra);
void	 pm_buf_put(struct pm_buf *, const void *, size_t);
void	 pm_buf_puts(struct pm_buf *, const char *);
void	 pm_buf_putc(struct pm_buf *, int);
void	 pm_buf_printf(struct pm_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 pm_buf_vprintf(struct pm_buf *, const char *, va_list);
void	 pm_buf_truncate(struct pm_buf *, size_t len);
/* The contents as a C string; never NULL ("" when empty). */
const char	*pm_buf_cstr(const struct pm_buf *);
/* Free the contents; the buffer is empty and reusable after. */
void	 pm_buf_release(struct pm_buf *);
/* Hand the storage to the caller, who frees it; the buffer is empty. */
char	*pm_buf_detach(struct pm_buf *, size_t *lenp);

#endif /* PM_BUF_H */
