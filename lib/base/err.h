/*
 * Operational errors (STYLE B4.3): a function that fails records one
 * message with pm_error_set() and returns -1; the command prints it
 * once.  The message is per thread, so loader threads do not clobber
 * each other.  Problems inside a report are findings, not errors.
 */
#ifndef PM_ERR_H
#define PM_ERR_H

#define	PM_EXIT_OK		0	/* no error findings */
#define	PM_EXIT_FINDINGS	1	/* error findings */
#define	PM_EXIT_FAILURE		2	/* usage or I/O failure */

#define	PM_ENOTFOUND	(-3)		/* no such id, path or revision */

void		 pm_error_set(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
/* Record "WHAT: <libgit2's last message>". Returns -1. */
int		 pm_error_git(const char *what);
/* The last message of this thread, or "unknown error". */
const char	*pm_error_get(void);
void		 pm_error_clear(void);

#endif /* PM_ERR_H */
