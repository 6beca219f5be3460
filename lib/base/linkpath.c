/*
 * Local link targets (see linkpath.h).
 */
#include <string.h>

#include "base/buf.h"
#include "base/linkpath.h"

/*
 * The length of a scheme and its ':' at the start of url, or 0.  Any
 * ':' before the first '/', '?' or '#' counts, whatever the bytes
 * before it ("java\tscript:", "C:"): such a link is never a file of
 * ours, and the HTML screen (pm_html_url_ok) decides about it.
 */
static size_t
scheme_len(const char *u, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (u[i] == ':')
			return i + 1;
		if (u[i] == '/' || u[i] == '\\' || u[i] == '?' || u[i] == '#')
			return 0;
	}
	return 0;
}

int
pm_linkpath_local(const char *u, size_t n)
{
	size_t	 i = 0;

	/* Browsers skip leading blanks and control bytes. */
	while (i < n && (unsigned char)u[i] <= 0x20)
		i++;
	u += i;
	n -= i;
	if (n == 0 || u[0] == '#' || scheme_len(u, n) > 0)
		return 0;
	/* "//host/x", "\\host\x": another host (browsers read '\' as
	 * '/' in such URLs). */
	if (n >= 2 && (u[0] == '/' || u[0] == '\\') &&
	    (u[1] == '/' || u[1] == '\\'))
		return 0;
	return 1;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
is_gitdir(const char *s, size_t n)
{
	return n == 4 && s[0] == '.' && (s[1] | 0x20) == 'g' &&
	    (s[2] | 0x20) == 'i' && (s[3] | 0x20) == 't';
}

/*
 * Push component [s, s + n) onto out ('/'-joined), applying "." and
 * "..".  Returns PM_LP_OK or the reason to refuse.
 */
static enum pm_lp
push(struct pm_buf *out, const char *s, size_t n)
{
	size_t	 k;

	if (n == 0 || (n == 1 && s[0] == '.'))
		return PM_LP_OK;
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		if (out->len == 0)
			return PM_LP_LEAVES;
		for (k = out->len; k > 0 && out->ptr[k - 1] != '/'; k--)
			continue;
		pm_buf_truncate(out, k > 0 ? k - 1 : 0);
		return PM_LP_OK;
	}
	if (is_gitdir(s, n))
		return PM_LP_GITDIR;
	if (out->len > 0)
		pm_buf_putc(out, '/');
	pm_buf_put(out, s, n);
	return PM_LP_OK;
}

/* Push every component of the '/'-separated [s, s + n). */
static enum pm_lp
push_all(struct pm_buf *out, const char *s, size_t n)
{
	const char	*e, *end = s + n;
	enum pm_lp	 r;

	while (s < end) {
		if ((e = memchr(s, '/', (size_t)(end - s))) == NULL)
			e = end;
		if ((r = push(out, s, (size_t)(e - s))) != PM_LP_OK)
			return r;
		s = e + 1;
	}
	return PM_LP_OK;
}

enum pm_lp
pm_linkpath(const char *docpath, const char *u, size_t n,
    struct pm_buf *path, struct pm_buf *frag)
{
	struct pm_buf	 dec = PM_BUF_INIT, out = PM_BUF_INIT;
	const char	*hash, *q, *slash;
	size_t		 i, plen;
	enum pm_lp	 r = PM_LP_OK;
	int		 hi, lo;
	unsigned char	 c;

	if (path != NULL)
		pm_buf_truncate(path, 0);
	if (frag != NULL)
		pm_buf_truncate(frag, 0);
	while (n > 0 && (unsigned char)u[0] <= 0x20) {
		u++;
		n--;
	}
	if (!pm_linkpath_local(u, n))
		return PM_LP_NONE;
	hash = memchr(u, '#', n);
	plen = hash ? (size_t)(hash - u) : n;
	if (hash != NULL && frag != NULL)
		pm_buf_put(frag, hash + 1, n - plen - 1);
	if ((q = memchr(u, '?', plen)) != NULL)
		plen = (size_t)(q - u);

	/* Decode once; '\' becomes '/'; NUL and control bytes refuse. */
	for (i = 0; i < plen; i++) {
		c = (unsigned char)u[i];
		if (c == '%' && i + 2 < plen &&
		    (hi = hexval((unsigned char)u[i + 1])) >= 0 &&
		    (lo = hexval((unsigned char)u[i + 2])) >= 0) {
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		if (c < 0x20 || c == 0x7f) {
			r = PM_LP_BAD;
			goto out;
		}
		pm_buf_putc(&dec, c == '\\' ? '/' : c);
	}

	/* The document's folder, unless the link starts at the root. */
	if (dec.len == 0 || dec.ptr[0] != '/') {
		slash = strrchr(docpath, '/');
		if (slash != NULL &&
		    (r = push_all(&out, docpath, (size_t)(slash - docpath))) !=
		    PM_LP_OK)
			goto out;
	}
	r = push_all(&out, pm_buf_cstr(&dec), dec.len);
out:
	if (r == PM_LP_OK && path != NULL)
		pm_buf_put(path, pm_buf_cstr(&out), out.len);
	if (path != NULL)
		pm_buf_grow(path, 0);
	pm_buf_release(&dec);
	pm_buf_release(&out);
	return r;
}

int
pm_linkpath_active(const char *path)
{
	static const char *const ext[] = { "htm", "html", "xhtml", "xht",
	    "shtml", "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs",
	    "swf", "mht", "mhtml", "hta" };
	const char	*dot, *slash;
	size_t		 i, n, k;

	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (dot == NULL || (slash != NULL && dot < slash))
		return 0;
	dot++;
	n = strlen(dot);
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		if (strlen(ext[i]) != n)
			continue;
		for (k = 0; k < n && (dot[k] | 0x20) == ext[i][k]; k++)
			continue;
		if (k == n)
			return 1;
	}
	return 0;
}

const char *
pm_linkpath_why(enum pm_lp r)
{
	switch (r) {
	case PM_LP_LEAVES:
		return "it leaves the repository";
	case PM_LP_GITDIR:
		return "it points into .git/";
	case PM_LP_BAD:
		return "it holds a NUL or control byte";
	default:
		return "it is not a file of the repository";
	}
}
