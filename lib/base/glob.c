/*
 * Glob matching of repository-relative paths (see glob.h).
 * Recursive on "**" only.  Each "**" tries every position of the rest
 * of the path, so without care k of them cost n^k (a pattern of 60
 * stars hung the configuration reader): a call that fails records its
 * (pattern, path) offsets in a bitmap, and a later call at the same
 * offsets fails at once.  Every state is then worked out once: the
 * match is O(pattern x path^2) at worst.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/glob.h"

struct	gmemo {
	const char	*p0, *s0;	/* the whole pattern and path */
	size_t		 slen;
	unsigned char	*failed;	/* bit (p - p0) * (slen + 1) + (s - s0) */
};

/* Match a bracket class at *pp against c; advances *pp past "]". */
static int
match_class(const char **pp, char c)
{
	const char	*p = *pp + 1;
	int		 neg = 0, hit = 0;
	char		 lo, hi;

	if (*p == '!' || *p == '^')
		neg = 1, p++;
	if (*p == ']')
		hit |= c == ']', p++;
	while (*p != '\0' && *p != ']') {
		lo = *p++;
		if (lo == '\\' && *p != '\0')
			lo = *p++;
		hi = lo;
		if (*p == '-' && p[1] != ']' && p[1] != '\0') {
			hi = p[1];
			p += 2;
		}
		if (c >= lo && c <= hi)
			hit = 1;
	}
	if (*p == ']')
		p++;
	*pp = p;
	return hit != neg;
}

static int	 match(struct gmemo *, const char *, const char *);

/* match() with the memo: a state that failed once fails at once. */
static int
match_memo(struct gmemo *g, const char *p, const char *s)
{
	size_t	 k;

	if (g->failed == NULL)
		return match(g, p, s);
	k = (size_t)(p - g->p0) * (g->slen + 1) + (size_t)(s - g->s0);
	if (g->failed[k / CHAR_BIT] & (1u << (k % CHAR_BIT)))
		return 0;
	if (match(g, p, s))
		return 1;
	g->failed[k / CHAR_BIT] |= (unsigned char)(1u << (k % CHAR_BIT));
	return 0;
}

static int
match(struct gmemo *g, const char *p, const char *s)
{
	const char	*star_p = NULL, *star_s = NULL;

	for (;;) {
		if (p[0] == '*' && p[1] == '*') {
			/* "**" + "/" matches zero or more directories. */
			p += 2;
			if (*p == '/') {
				p++;
				for (;;) {
					if (match_memo(g, p, s))
						return 1;
					s = strchr(s, '/');
					if (s == NULL)
						return 0;
					s++;
				}
			}
			/* Trailing or inner "**": anything, "/" included. */
			for (;; s++) {
				if (match_memo(g, p, s))
					return 1;
				if (*s == '\0')
					return 0;
			}
		}
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*p == '\0') {
			if (*s == '\0')
				return 1;
		} else if (*s != '\0' && *s != '/' && *p == '?') {
			p++, s++;
			continue;
		} else if (*s != '\0' && *p == '[' && *s != '/') {
			const char	*q = p;

			if (match_class(&q, *s)) {
				p = q, s++;
				continue;
			}
		} else if (*s != '\0') {
			const char	*q = p;

			if (*q == '\\' && q[1] != '\0')
				q++;
			if (*q == *s) {
				p = q + 1, s++;
				continue;
			}
		}
		/* Backtrack: let the last "*" eat one more byte (not "/"). */
		if (star_p == NULL || *star_s == '\0' || *star_s == '/')
			return 0;
		p = star_p;
		s = ++star_s;
	}
}

int
pm_glob_match(const char *pattern, const char *path)
{
	struct gmemo	 g;
	size_t		 plen, bits;
	int		 rc;

	g.p0 = pattern;
	g.s0 = path;
	g.slen = strlen(path);
	g.failed = NULL;
	/* Only "**" recurses; other patterns need no memo. */
	if (strstr(pattern, "**") != NULL) {
		plen = strlen(pattern);
		if (plen + 1 <= (SIZE_MAX - CHAR_BIT) / (g.slen + 1)) {
			bits = (plen + 1) * (g.slen + 1);
			g.failed = pm_xcalloc(bits / CHAR_BIT + 1, 1);
		}
	}
	rc = match(&g, pattern, path);
	free(g.failed);
	return rc;
}
