/*
 * Atomic, incremental output of a site.  Files are written into a
 * temporary directory beside --out (same parent, so rename(2) works),
 * then swapped in: the old site is renamed aside, the new one renamed
 * in, and the files the old manifest lists are removed.  A failed
 * build removes the temporary directory and leaves the old site as it
 * was.
 *
 * Every site holds a marker file, ".postmortem-site", listing the
 * files it holds.  An --out directory that holds anything not in its
 * marker's list (or holds files and has no marker) is refused: we never
 * overwrite or delete what we did not create.
 *
 * A file whose bytes equal the old site's file at the same path is
 * hard-linked from it (or copied with its mtime when the file system
 * refuses links), so a rebuild changes the mtime only of the files
 * whose content changed.  Used by lib/site/ only.
 */
#ifndef PM_SITE_WRITE_H
#define PM_SITE_WRITE_H

#include <stddef.h>

#define	PM_SITE_MARKER	".postmortem-site"

struct	pm_sitew;

/*
 * Check outdir (missing, empty, or a site we made) and create the
 * temporary directory.  Returns 0, or -1 with pm_error_set.
 */
int	 pm_sitew_open(struct pm_sitew **out, const char *outdir);
/*
 * Write one file at relpath ('/'-separated, [A-Za-z0-9._-] components,
 * none empty or starting with '.') into the new site.  Thread-safe.
 * Returns 0, or -1 with pm_error_set (bad path, duplicate, I/O).
 */
int	 pm_sitew_put(struct pm_sitew *, const char *relpath,
	    const void *data, size_t len);
/*
 * Put the file srcrel of the directory dirfd (a snapshot, snapshot.h)
 * at relpath by a hard link, if it is still what was recorded: a
 * regular file of this size, mtime and inode.  Thread-safe.  Returns 1
 * when linked, 0 when it is not usable (nothing was put: the caller
 * builds the site the long way), -1 with pm_error_set (bad path,
 * duplicate).  Counts as kept when the old site holds the same inode.
 */
struct	pm_sitew_rec {
	long long	 size, mtime_sec, mtime_nsec;
	unsigned long long ino;
};
int	 pm_sitew_link(struct pm_sitew *, const char *relpath, int dirfd,
	    const struct pm_sitew_rec *);
/* The directory being written, and the files put so far (any order). */
const char	*pm_sitew_tmpdir(const struct pm_sitew *);
char *const	*pm_sitew_files(const struct pm_sitew *, size_t *n);
/* Number of files written, and how many were kept from the old site. */
size_t	 pm_sitew_count(const struct pm_sitew *, size_t *kept);
/* Write the marker and swap the new site in.  Returns 0 or -1. */
int	 pm_sitew_commit(struct pm_sitew *);
/* Remove a directory tree postmortem made (symbolic links not followed). */
void	 pm_sitew_rmtree(const char *path);
/* Remove the temporary directory (after a failure) and free. */
void	 pm_sitew_free(struct pm_sitew *);

#endif /* PM_SITE_WRITE_H */
