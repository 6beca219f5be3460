/*
 * Per-thread error messages (see err.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include <git2.h>

#include "base/err.h"

static _Thread_local char	 msg[1024];

void
pm_error_set(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
}

int
pm_error_git(const char *what)
{
	const git_error	*e;

	/* libgit2 1.5 may return NULL here (git2/errors.h). */
	e = git_error_last();
	pm_error_set("%s: %s", what,
	    e != NULL && e->message != NULL ? e->message : "unknown error");
	return -1;
}

const char *
pm_error_get(void)
{
	return msg[0] != '\0' ? msg : "unknown error";
}

void
pm_error_clear(void)
{
	msg[0] = '\0';
}
