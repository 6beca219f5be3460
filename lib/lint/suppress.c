/*
 * Suppression comments, applied once to a document's findings after
 * every check ran, so no check has to know about them:
 *
 *   <!-- postmortem-disable [RULE ...] -->         from this line on
 *   <!-- postmortem-enable [RULE ...] -->          from this line on
 *   <!-- postmortem-disable-next-line [RULE ...] -->
 *
 * RULE: a rule id ("timeline/utc"), a family ("timeline"), a pattern
 * id ("en/human-error") or its short form ("human-error"); several may
 * be given, separated by spaces or commas; none means every rule.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/finding.h"
#include "doc/doc.h"
#include "lint/lint.h"

enum	dkind {
	D_DISABLE,
	D_ENABLE,
	D_NEXT,
};

struct	directive {
	enum dkind	 kind;
	unsigned int	 line;		/* 1-based */
	char		*tokens;	/* NUL-separated, ends with "" */
	size_t		 ntokens;
};

struct	dlist {
	struct directive *v;
	size_t		 n, cap;
};

static int
is_sep(char c)
{
	return c == ' ' || c == '\t' || c == ',';
}

/*
 * Parse the directive in the comment body s (between "<!--" and
 * "-->"), if it is one.  Returns 1 and appends it, else 0.
 */
static int
parse_comment(struct dlist *dl, unsigned int line, const char *s, size_t n)
{
	static const struct {
		const char	*word;
		enum dkind	 kind;
	} words[] = {
		{ "postmortem-disable-next-line", D_NEXT },
		{ "postmortem-disable", D_DISABLE },
		{ "postmortem-enable", D_ENABLE },
	};
	struct directive	*d;
	size_t			 i, w, k, len;

	while (n > 0 && is_sep(*s))
		s++, n--;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		len = strlen(words[w].word);
		if (n >= len && memcmp(s, words[w].word, len) == 0 &&
		    (n == len || is_sep(s[len])))
			break;
	}
	if (w == sizeof(words) / sizeof(words[0]))
		return 0;
	s += len;
	n -= len;
	dl->v = pm_xgrow(dl->v, &dl->cap, dl->n + 1, sizeof(*dl->v));
	d = &dl->v[dl->n++];
	d->kind = words[w].kind;
	d->line = line;
	d->tokens = pm_xmalloc(n + 2);
	d->ntokens = 0;
	for (i = k = 0; i < n; ) {
		while (i < n && is_sep(s[i]))
			i++;
		if (i == n)
			break;
		while (i < n && !is_sep(s[i]))
			d->tokens[k++] = s[i++];
		d->tokens[k++] = '\0';
		d->ntokens++;
	}
	d->tokens[k] = '\0';
	return 1;
}

static void
scan(struct dlist *dl, const char *text, size_t len)
{
	const char	*p, *end = text + len, *eol, *c, *close;
	unsigned int	 line = 1;
	size_t		 k;
	int		 fence = 0;

	for (p = text; p < end; p = eol + 1, line++) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		for (k = 0; k < 3 && p + k < eol && p[k] == ' '; k++)
			continue;
		if (eol - (p + k) >= 3 && (memcmp(p + k, "```", 3) == 0 ||
		    memcmp(p + k, "~~~", 3) == 0)) {
			fence = !fence;
			continue;
		}
		if (fence)
			continue;
		for (c = p; c + 4 <= eol; c++) {
			if (memcmp(c, "<!--", 4) != 0)
				continue;
			for (close = c + 4; close + 3 <= eol; close++)
				if (memcmp(close, "-->", 3) == 0)
					break;
			if (close + 3 > eol)
				break;
			parse_comment(dl, line, c + 4, (size_t)(close - c - 4));
			c = close + 2;
		}
		if (eol == end)
			break;
	}
}

static int
token_matches(const char *tok, const struct pm_finding *f)
{
	const char	*name = pm_rule_name(f->rule), *slash;
	size_t		 n;

	if (strcmp(tok, name) == 0)
		return 1;
	if ((slash = strchr(name, '/')) != NULL) {
		n = (size_t)(slash - name);
		if (strlen(tok) == n && memcmp(tok, name, n) == 0)
			return 1;
	}
	if (f->detail != NULL) {
		if (strcmp(tok, f->detail) == 0)
			return 1;
		if ((slash = strchr(f->detail, '/')) != NULL &&
		    strcmp(tok, slash + 1) == 0)
			return 1;
	}
	return 0;
}

static int
directive_matches(const struct directive *d, const struct pm_finding *f)
{
	const char	*t;
	size_t		 i;

	if (d->ntokens == 0)
		return 1;
	for (i = 0, t = d->tokens; i < d->ntokens; i++, t += strlen(t) + 1)
		if (token_matches(t, f))
			return 1;
	return 0;
}

static int
suppressed(const struct dlist *dl, const struct pm_finding *f)
{
	unsigned int	 line = f->pos.line;
	size_t		 i;
	int		 off = 0;

	for (i = 0; i < dl->n; i++) {
		const struct directive *d = &dl->v[i];

		if (d->kind == D_NEXT) {
			if (line != 0 && d->line + 1 == line &&
			    directive_matches(d, f))
				return 1;
			continue;
		}
		/* Whole-file findings see the state at the end. */
		if (line != 0 && d->line > line)
			break;
		if (directive_matches(d, f))
			off = d->kind == D_DISABLE;
	}
	return off;
}

/* 1 if the text has "postmortem-" anywhere: the cheap common case. */
static int
mentions(const char *text, size_t len)
{
	const char	*p = text, *end = text + len;

	while ((p = memchr(p, 'p', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= 11 && memcmp(p, "postmortem-", 11) == 0)
			return 1;
		p++;
	}
	return 0;
}

void
pm_suppress_apply_text(const char *text, size_t len,
    struct pm_findings *fs, size_t from)
{
	struct dlist	 dl = { NULL, 0, 0 };
	struct pm_finding *f;
	size_t		 i, j;

	if (from >= fs->n || text == NULL || !mentions(text, len))
		return;
	scan(&dl, text, len);
	if (dl.n > 0) {
		for (i = j = from; i < fs->n; i++) {
			f = &fs->v[i];
			if (suppressed(&dl, f)) {
				free(f->path);
				free(f->msg);
				free(f->detail);
				free(f->suggest);
				continue;
			}
			fs->v[j++] = *f;
		}
		fs->n = j;
	}
	for (i = 0; i < dl.n; i++)
		free(dl.v[i].tokens);
	free(dl.v);
}

void
pm_suppress_apply(const struct pm_doc *doc, struct pm_findings *fs,
    size_t from)
{
	pm_suppress_apply_text(doc->text, doc->textsz, fs, from);
}
