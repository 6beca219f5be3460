/*
 * Glob matching of repository-relative paths, as .gitignore and
 * pre-commit users expect: a single star and "?" never cross "/"; a
 * double star matches any number of directories (for example
 * "postmortems/", double star, "/x.md"); "[a-z]" classes and
 * backslash escapes.
 */
#ifndef PM_GLOB_H
#define PM_GLOB_H

/* 1 if path matches pattern, else 0. */
int	 pm_glob_match(const char *pattern, const char *path);

#endif /* PM_GLOB_H */
