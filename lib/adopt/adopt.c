/*
 * Adopting reports written without this tool (see adopt.h): front
 * matter from the inferred metadata, the unified diff that adds it,
 * and the atomic rewrite.  The body is never touched: the adopted file
 * is the BOM (if any), the front matter, then the original bytes.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adopt/adopt.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/time.h"
#include "base/utf8.h"
#include "doc/doc.h"
#include "doc/infer.h"

#define	BOM	"\xef\xbb\xbf"
#define	CONTEXT	3		/* lines of context in the diff */

/*
 * 1 if s can be written as a plain YAML scalar, in block and flow
 * context alike, and reads back as the same string: starts with a
 * letter or "_", holds only letters, digits, blanks and "_./+()-" (or
 * UTF-8 text), does not end in a blank, and is not a YAML 1.1 boolean
 * or null.  Timestamps are written by the caller, not through here.
 */
static int
plain_ok(const char *s)
{
	static const char *const reserved[] = {
		"y", "n", "yes", "no", "true", "false", "on", "off", "null",
	};
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, n = strlen(s), k;

	if (n == 0 || !((p[0] >= 'A' && p[0] <= 'Z') ||
	    (p[0] >= 'a' && p[0] <= 'z') || p[0] == '_' || p[0] >= 0x80))
		return 0;
	if (p[n - 1] == ' ')
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] >= 0x80) {
			if ((k = pm_utf8_len(p + i, n - i)) == 0)
				return 0;
			i += k - 1;
			continue;
		}
		if (!((p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') ||
		    strchr(" _./+()-", p[i]) != NULL))
			return 0;
	}
	for (k = 0; k < sizeof(reserved) / sizeof(reserved[0]); k++)
		if (strcasecmp(s, reserved[k]) == 0)
			return 0;
	return 1;
}

/* Append s as a YAML scalar: plain when safe, else double-quoted. */
static void
put_scalar(struct pm_buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), i, k;

	if (plain_ok(s)) {
		pm_buf_puts(out, s);
		return;
	}
	pm_buf_putc(out, '"');
	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '"':
			pm_buf_puts(out, "\\\"");
			break;
		case '\\':
			pm_buf_puts(out, "\\\\");
			break;
		case '\n':
			pm_buf_puts(out, "\\n");
			break;
		case '\t':
			pm_buf_puts(out, "\\t");
			break;
		case '\r':
			pm_buf_puts(out, "\\r");
			break;
		default:
			if (p[i] < 0x20 || p[i] == 0x7f)
				pm_buf_printf(out, "\\x%02x", p[i]);
			else if (p[i] < 0x80)
				pm_buf_putc(out, p[i]);
			else if ((k = pm_utf8_len(p + i, n - i)) == 0)
				pm_buf_puts(out, "\\uFFFD");
			else {
				pm_buf_put(out, p + i, k);
				i += k - 1;
			}
			break;
		}
	}
	pm_buf_putc(out, '"');
}

static void
put_key(struct pm_buf *out, const char *key, const char *value,
    const char *eol)
{
	pm_buf_printf(out, "%s: ", key);
	put_scalar(out, value);
	pm_buf_puts(out, eol);
}

static void
put_time(struct pm_buf *out, const char *key, const struct pm_tsval *tv,
    const char *eol)
{
	char	 buf[32];

	if (!tv->set || !tv->ok)
		return;
	/* A day is written as the day (SPEC extension), never midnight. */
	pm_buf_printf(out, "%s: %s", key, pm_ts_format(buf, tv));
	if (tv->note != NULL)
		pm_buf_printf(out, "  # %s", tv->note);
	pm_buf_puts(out, eol);
}

static void
put_list(struct pm_buf *out, const char *key, const struct pm_list *l,
    const char *eol)
{
	size_t	 i;

	if (!l->set || !l->ok || l->n == 0)
		return;
	pm_buf_printf(out, "%s: [", key);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			pm_buf_puts(out, ", ");
		put_scalar(out, l->v[i].s);
	}
	pm_buf_printf(out, "]%s", eol);
}

/* The name part of "Name <mail>", or NULL; malloc'd. */
static char *
commit_name(const char *who)
{
	const char	*lt;
	size_t		 n;

	if (who == NULL)
		return NULL;
	lt = strchr(who, '<');
	n = lt != NULL ? (size_t)(lt - who) : strlen(who);
	while (n > 0 && who[n - 1] == ' ')
		n--;
	while (n > 0 && *who == ' ') {
		who++;
		n--;
	}
	return n > 0 ? pm_xstrndup(who, n) : NULL;
}

unsigned int
pm_adopt_frontmatter(struct pm_buf *out, const struct pm_doc *doc,
    const char *id, const char *eol)
{
	static const char *const statuses[] = { "final", "draft", "review" };
	const struct pm_meta	*m = &doc->meta;
	unsigned int		 missing = 0;
	char			 buf[32], *name;
	size_t			 i;

	pm_buf_printf(out, "---%s", eol);
	if (m->title.s != NULL)
		put_key(out, "title", m->title.s, eol);
	else
		missing |= PM_ADOPT_TITLE;
	put_key(out, "id", id != NULL ? id : m->id, eol);
	if (m->severity_raw.s != NULL && m->severity >= 0)
		put_key(out, "severity", m->severity_raw.s, eol);
	else
		missing |= PM_ADOPT_SEVERITY;
	pm_buf_printf(out, "status: %s%s", statuses[m->status], eol);
	put_time(out, "started", &m->started, eol);
	if (!m->started.set)
		missing |= PM_ADOPT_STARTED;
	put_time(out, "detected", &m->detected, eol);
	put_time(out, "mitigated", &m->mitigated, eol);
	put_time(out, "ended", &m->ended, eol);
	if (!m->ended.set)
		missing |= PM_ADOPT_ENDED;
	put_list(out, "services", &m->services, eol);
	put_list(out, "tags", &m->tags, eol);
	if (m->authors.set && m->authors.n > 0)
		put_list(out, "authors", &m->authors, eol);
	else if ((name = commit_name(doc->added_by)) != NULL) {
		pm_buf_puts(out, "authors: [");
		put_scalar(out, name);
		pm_buf_printf(out, "]%s", eol);
		free(name);
	} else
		missing |= PM_ADOPT_AUTHORS;
	if (m->distributed.set && m->distributed.ok)
		put_time(out, "distributed", &m->distributed, eol);
	else if (doc->has_added)
		pm_buf_printf(out, "distributed: %s%s",
		    pm_time_format(buf, doc->added), eol);
	for (i = 0; i < m->nextra; i++)
		if (m->extra[i].value != NULL && m->extra[i].node == NULL)
			put_key(out, m->extra[i].key, m->extra[i].value, eol);
	pm_buf_printf(out, "---%s", eol);
	return missing;
}

/* Our fields: a front matter with one of them is ours, not foreign. */
static const char *const own_keys[] = {
	"id", "severity", "status", "started", "detected", "mitigated",
	"ended", "authors", "distributed", "services",
};

/* The top-level key of a front matter line, or NULL ("key: ..."). */
static int
line_key(const char *s, size_t len, const char **k, size_t *klen)
{
	size_t	 i;

	if (len == 0 || !(isalpha((unsigned char)*s) || *s == '_'))
		return 0;
	for (i = 0; i < len && (isalnum((unsigned char)s[i]) || s[i] == '_' ||
	    s[i] == '-'); i++)
		continue;
	if (i >= len || s[i] != ':')
		return 0;
	*k = s;
	*klen = i;
	return 1;
}

/* 1 if the front matter of doc has the top-level key. */
static int
fm_has(const struct pm_doc *doc, const char *key, size_t keylen)
{
	const char	*s, *k;
	size_t		 len, klen;
	unsigned int	 n;

	for (n = doc->meta.fm_first + 1; n < doc->meta.fm_last; n++) {
		if ((s = pm_doc_line(doc, n, &len)) == NULL)
			break;
		if (line_key(s, len, &k, &klen) && klen == keylen &&
		    strncmp(k, key, klen) == 0)
			return 1;
	}
	return 0;
}

int
pm_adopt_foreign(const struct pm_doc *doc)
{
	size_t	 i;

	if (!doc->meta.has_fm || !doc->meta.fm_ok || doc->meta.fm_last == 0)
		return 0;
	for (i = 0; i < sizeof(own_keys) / sizeof(own_keys[0]); i++)
		if (fm_has(doc, own_keys[i], strlen(own_keys[i])))
			return 0;
	return 1;
}

struct pm_doc *
pm_adopt_parse_body(const struct pm_doc *doc, const struct pm_config *cfg)
{
	struct pm_doc	*b;
	size_t		 off;

	off = doc->body_line >= 1 && doc->body_line <= doc->nlines ?
	    doc->line_off[doc->body_line - 1] : doc->textsz;
	pm_doc_parse(&b, doc->path, doc->text + off, doc->textsz - off, cfg,
	    PM_PARSE_FORCE);
	if (!b->meta.inferred)
		pm_infer_meta(b, cfg);
	b->has_added = doc->has_added;
	b->added = doc->added;
	b->added_by = doc->added_by;
	return b;
}

size_t
pm_adopt_merge_at(const struct pm_doc *doc)
{
	return doc->line_off[doc->meta.fm_last - 1];
}

unsigned int
pm_adopt_merge_fields(struct pm_buf *out, const struct pm_doc *doc,
    const struct pm_doc *body, const char *id, const char *eol)
{
	struct pm_buf	 all = PM_BUF_INIT;
	const char	*p, *e, *end, *k;
	size_t		 klen;
	unsigned int	 missing;

	missing = pm_adopt_frontmatter(&all, body, id, eol);
	if (fm_has(doc, "title", 5))
		missing &= ~PM_ADOPT_TITLE;
	end = all.ptr + all.len;
	for (p = all.ptr; p < end; p = e) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		else
			e++;
		if (e - p >= 3 && memcmp(p, "---", 3) == 0)
			continue;
		if (line_key(p, (size_t)(e - p), &k, &klen) &&
		    fm_has(doc, k, klen))
			continue;	/* theirs stays as it is */
		pm_buf_put(out, p, (size_t)(e - p));
	}
	pm_buf_release(&all);
	return missing;
}

void
pm_adopt_missing_names(struct pm_buf *out, unsigned int missing)
{
	static const char *const names[] = {
		"title", "severity", "started", "ended", "authors"
	};
	size_t	 i;
	int	 first = 1;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (missing & (1u << i)) {
			pm_buf_printf(out, "%s%s", first ? "" : ", ",
			    names[i]);
			first = 0;
		}
}

const char *
pm_adopt_eol(const char *text, size_t len)
{
	const char	*nl;

	nl = memchr(text, '\n', len);
	return nl != NULL && nl > text && nl[-1] == '\r' ? "\r\n" : "\n";
}

static size_t
bom_len(const char *text, size_t len)
{
	return len >= 3 && memcmp(text, BOM, 3) == 0 ? 3 : 0;
}

void
pm_adopt_text(struct pm_buf *out, const char *text, size_t len,
    const char *fm, size_t fmlen)
{
	size_t	 b = bom_len(text, len);

	pm_buf_put(out, text, b);
	pm_buf_put(out, fm, fmlen);
	pm_buf_put(out, text + b, len - b);
}

/* Lines of [s, s + len) with their endings: offsets of n + 1 starts. */
static size_t
split_lines(const char *s, size_t len, size_t **offs)
{
	size_t	 n = 0, cap = 0, i;

	*offs = NULL;
	*offs = pm_xgrow(*offs, &cap, 1, sizeof(**offs));
	(*offs)[0] = 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\n' || i + 1 == len) {
			*offs = pm_xgrow(*offs, &cap, n + 2, sizeof(**offs));
			(*offs)[++n] = i + 1;
		}
	return n;
}

/* One diff line: prefix, the bytes, and git's marker when the line has
 * no newline (the last line of a file). */
static void
diff_line(struct pm_buf *out, int prefix, const char *s, size_t len)
{
	pm_buf_putc(out, prefix);
	pm_buf_put(out, s, len);
	if (len == 0 || s[len - 1] != '\n')
		pm_buf_puts(out, "\n\\ No newline at end of file\n");
}

/* "a/PATH" for a diff header, quoted as git does when needed. */
static void
diff_path(struct pm_buf *out, const char *pfx, const char *path)
{
	const unsigned char	*p;
	int			 quote = 0;

	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if (*p < 0x20 || *p == '"' || *p == '\\' || *p >= 0x7f)
			quote = 1;
	if (!quote) {
		pm_buf_printf(out, "%s%s", pfx, path);
		return;
	}
	pm_buf_putc(out, '"');
	pm_buf_puts(out, pfx);
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			pm_buf_printf(out, "\\%c", *p);
		else if (*p == '\t')
			pm_buf_puts(out, "\\t");
		else if (*p == '\n')
			pm_buf_puts(out, "\\n");
		else if (*p < 0x20 || *p >= 0x7f)
			pm_buf_printf(out, "\\%03o", *p);
		else
			pm_buf_putc(out, *p);
	}
	pm_buf_putc(out, '"');
}

/* The "diff --git", "---" and "+++" lines of one file. */
static void
diff_header(struct pm_buf *out, const char *path)
{
	pm_buf_puts(out, "diff --git ");
	diff_path(out, "a/", path);
	pm_buf_putc(out, ' ');
	diff_path(out, "b/", path);
	pm_buf_puts(out, "\n--- ");
	diff_path(out, "a/", path);
	pm_buf_puts(out, "\n+++ ");
	diff_path(out, "b/", path);
	pm_buf_putc(out, '\n');
}

void
pm_adopt_diff(struct pm_buf *out, const char *path, const char *text,
    size_t len, const char *fm, size_t fmlen)
{
	size_t	*lo, *fo, nold, nfm, ctx, i, b;

	b = bom_len(text, len);
	nold = split_lines(text, len, &lo);
	nfm = split_lines(fm, fmlen, &fo);

	diff_header(out, path);
	if (b == 0) {
		/* Lines added before line 1, then context. */
		ctx = nold < CONTEXT ? nold : CONTEXT;
		pm_buf_printf(out, "@@ -1,%zu +1,%zu @@\n", ctx, nfm + ctx);
		for (i = 0; i < nfm; i++)
			diff_line(out, '+', fm + fo[i], fo[i + 1] - fo[i]);
		for (i = 0; i < ctx; i++)
			diff_line(out, ' ', text + lo[i], lo[i + 1] - lo[i]);
	} else {
		/* The BOM moves to the front matter: line 1 changes. */
		ctx = nold - 1 < CONTEXT ? nold - 1 : CONTEXT;
		pm_buf_printf(out, "@@ -1,%zu +1,%zu @@\n", 1 + ctx,
		    nfm + 1 + ctx);
		diff_line(out, '-', text, lo[1]);
		pm_buf_putc(out, '+');
		pm_buf_put(out, BOM, 3);
		pm_buf_put(out, fm, fo[1]);
		for (i = 1; i < nfm; i++)
			diff_line(out, '+', fm + fo[i], fo[i + 1] - fo[i]);
		diff_line(out, '+', text + b, lo[1] - b);
		for (i = 1; i <= ctx; i++)
			diff_line(out, ' ', text + lo[i], lo[i + 1] - lo[i]);
	}
	free(lo);
	free(fo);
}

void
pm_adopt_diff_at(struct pm_buf *out, const char *path, const char *text,
    size_t len, size_t at, const char *ins, size_t inslen)
{
	size_t	*lo, *fo, nold, nins, line, before, after, i;

	nold = split_lines(text, len, &lo);
	nins = split_lines(ins, inslen, &fo);
	/* The line that starts at byte at (0-based index). */
	for (line = 0; line < nold && lo[line] < at; line++)
		continue;
	before = line < CONTEXT ? line : CONTEXT;
	after = nold - line < CONTEXT ? nold - line : CONTEXT;

	diff_header(out, path);
	pm_buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", line - before + 1,
	    before + after, line - before + 1, before + nins + after);
	for (i = line - before; i < line; i++)
		diff_line(out, ' ', text + lo[i], lo[i + 1] - lo[i]);
	for (i = 0; i < nins; i++)
		diff_line(out, '+', ins + fo[i], fo[i + 1] - fo[i]);
	for (i = line; i < line + after; i++)
		diff_line(out, ' ', text + lo[i], lo[i + 1] - lo[i]);
	free(lo);
	free(fo);
}

/* 1 if the file at fd holds exactly old (oldlen bytes). */
static int
same_content(int fd, const char *old, size_t oldlen)
{
	char	 buf[65536];
	size_t	 off = 0;
	ssize_t	 r;

	for (;;) {
		r = read(fd, buf, sizeof(buf));
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (off + (size_t)r > oldlen ||
		    memcmp(buf, old + off, (size_t)r) != 0)
			return 0;
		off += (size_t)r;
	}
	return r == 0 && off == oldlen;
}

int
pm_adopt_write(const char *path, const char *old, size_t oldlen,
    const char *data, size_t len)
{
	struct stat	 st;
	char		*tmp = NULL, *dir = NULL, *slash;
	const char	*base;
	size_t		 off = 0;
	ssize_t		 w;
	int		 fd = -1, dfd, rc = -1;

	if (lstat(path, &st) == -1) {
		pm_error_set("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		pm_error_set("'%s' is not a regular file (a symbolic link?); "
		    "not rewritten", path);
		return -1;
	}
	if (old != NULL) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
			pm_error_set("cannot read '%s': %s", path,
			    strerror(errno));
			return -1;
		}
		if (!same_content(fd, old, oldlen)) {
			close(fd);
			pm_error_set("'%s' changed while it was being "
			    "adopted; run again", path);
			return -1;
		}
		close(fd);
		fd = -1;
	}
	dir = pm_xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		base = path + (slash - dir) + 1;
		if (*dir == '\0')
			strcpy(dir, "/");
	} else {
		strcpy(dir, ".");
		base = path;
	}
	tmp = pm_xasprintf("%s/.%s.adopt-XXXXXX", dir, base);
	if ((fd = mkstemp(tmp)) == -1) {
		pm_error_set("cannot create a temporary file in '%s': %s",
		    dir, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto done;
	}
	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			pm_error_set("cannot write '%s': %s", tmp,
			    strerror(errno));
			goto done;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, st.st_mode & 07777) == -1 || fsync(fd) == -1) {
		pm_error_set("cannot write '%s': %s", tmp, strerror(errno));
		goto done;
	}
	if (close(fd) == -1) {
		fd = -1;
		pm_error_set("cannot write '%s': %s", tmp, strerror(errno));
		goto done;
	}
	fd = -1;
	if (rename(tmp, path) == -1) {
		pm_error_set("cannot replace '%s': %s", path,
		    strerror(errno));
		goto done;
	}
	free(tmp);
	tmp = NULL;
	/* Make the rename durable; failure here loses nothing. */
	if ((dfd = open(dir, O_RDONLY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	rc = 0;
done:
	if (fd != -1)
		close(fd);
	if (tmp != NULL) {
		(void)unlink(tmp);
		free(tmp);
	}
	free(dir);
	return rc;
}
