/*
 * Glob matching of repository-relative paths (see glob.h).
 * Recursive on "**" only; the depth is bounded by the number of "**"
 * in the pattern, and each level scans the path once.
 */
#include <string.h>

#include "base/glob.h"

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

static int
match(const char *p, const char *s)
{
	const char	*star_p = NULL, *star_s = NULL;

	for (;;) {
		if (p[0] == '*' && p[1] == '*') {
			/* "**" + "/" matches zero or more directories. */
			p += 2;
			if (*p == '/') {
				p++;
				for (;;) {
					if (match(p, s))
						return 1;
					s = strchr(s, '/');
					if (s == NULL)
						return 0;
					s++;
				}
			}
			/* Trailing or inner "**": anything, "/" included. */
			for (;; s++) {
				if (match(p, s))
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
	return match(pattern, path);
}
