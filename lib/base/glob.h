/*
 * Glob matching of repository-relative paths, as .gitignore and
 * pre-commit users expect: "*" and "?" never cross "/", "**" matches
 * any number of directories ("postmortems/**" and "**" + "/x.md"),
 * "[a-z]" classes, "\" escapes.
 */
#ifndef PM_GLOB_H
#define PM_GLOB_H

/* 1 if path matches pattern, else 0. */
int	 pm_glob_match(const char *pattern, const char *path);

#endif /* PM_GLOB_H */
