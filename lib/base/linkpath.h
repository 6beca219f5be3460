/*
 * Local link targets: where a relative link or image of a report
 * points inside the repository.  Pure string work, no file system and
 * no Git: the caller looks the result up in the tree being read (lint
 * and the site's attachments).  This is the one place that turns a
 * link into a repository path, so every check that keeps a link inside
 * the repository lives here.  Used by lib/doc/, lib/lint/, lib/site/.
 */
#ifndef PM_LINKPATH_H
#define PM_LINKPATH_H

#include <stddef.h>

#include "base/buf.h"

enum	pm_lp {
	PM_LP_NONE,	/* not a file link: has a scheme ("http:", "c:"),
			   "//host", only "#fragment", or empty */
	PM_LP_OK,	/* a path inside the repository (may not exist) */
	PM_LP_LEAVES,	/* ".." climbs above the repository root */
	PM_LP_GITDIR,	/* a component is ".git" (any case) */
	PM_LP_BAD,	/* decodes to a NUL or control byte */
};

/* 1 if url (len bytes) is a file link, the cheap test of pm_linkpath:
 * no scheme, not "//host", not only a fragment, not empty. */
int	 pm_linkpath_local(const char *url, size_t len);

/*
 * Resolve url (len bytes), written in the document at docpath (a
 * '/'-separated repository path), as GitHub does: the query and the
 * fragment are cut off, the rest is percent-decoded once, '\' is a
 * separator, a leading '/' is the repository root, "." and empty
 * components are dropped and ".." removes one.  Decoding comes first
 * and every check runs on the decoded path, so "%2e%2e/" or "..%2F"
 * are ".." like any other.  path gets the normalised path ("" for the
 * root), frag the fragment as written, without '#' (either may be
 * NULL).  Both are cleared first.
 */
enum pm_lp	 pm_linkpath(const char *docpath, const char *url, size_t len,
		    struct pm_buf *path, struct pm_buf *frag);

/*
 * 1 if a file named path would run scripts when opened from the site
 * (HTML, SVG, XML, JavaScript, Flash: by extension, any case): the
 * archive does not publish such a file, since a report's author would
 * then run code in the archive's origin, past the safe renderer.
 */
int	 pm_linkpath_active(const char *path);

/* What a result other than PM_LP_OK means, for messages. */
const char	*pm_linkpath_why(enum pm_lp);

#endif /* PM_LINKPATH_H */
