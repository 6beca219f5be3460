/*
 * The last build of each output directory, kept so that a build whose
 * inputs did not change puts the same files in place without loading,
 * linting or rendering anything.  Under the repository's
 * <git common dir>/postmortem/site/<hash of the absolute --out>/: an
 * index (the key, what the build printed, and the size, mtime and inode
 * of every file) and f/, a hard link to every file of that site (the
 * site's own inodes, no copy).  A file is reused only while it is still
 * exactly what was recorded: one edited in place (new mtime or size),
 * replaced or gone makes the build take the long way.  Never needed for
 * a correct answer: anything unusable is ignored.  Used by
 * cmd/cmd_build.c (the key, the reuse) and lib/site/site.c (recording).
 */
#ifndef PM_SITE_SNAPSHOT_H
#define PM_SITE_SNAPSHOT_H

struct pm_buf;
struct pm_site_opts;
struct pm_site_stats;
struct pm_sitew;

/*
 * The key: every input of a build, one "name value" line each.  _str
 * adds a value (NULL: "-"), _file the FNV-1a of a file's bytes (or
 * "missing"), _stat a file's size, mtime and inode (the binary, the
 * time zone database), _dir the names and bytes of every file under a
 * directory, symbolic links followed as the theme loader follows them.
 * _dir returns -1 when the directory is too large to hash (more than a
 * few thousand files or 64 MB): then the caller does not use the cache.
 */
void	 pm_sitesnap_key_str(struct pm_buf *, const char *name,
	    const char *value);
void	 pm_sitesnap_key_file(struct pm_buf *, const char *name,
	    const char *path);
void	 pm_sitesnap_key_stat(struct pm_buf *, const char *name,
	    const char *path);
int	 pm_sitesnap_key_dir(struct pm_buf *, const char *name,
	    const char *dir);

/*
 * If the snapshot of opts->out was built with opts->cache_key, build
 * the site from it (through write.h: atomic, refused over a directory
 * we did not make), print its notes and fill stats (stats->after is
 * allocated).  Returns 1 when done, 0 when the snapshot is missing,
 * stale or unusable (nothing changed: build the long way), -1 with
 * pm_error_set when the site cannot be written (the old one is left).
 */
int	 pm_sitesnap_reuse(const struct pm_site_opts *, struct pm_site_stats *);

/*
 * Record the files of w (complete, not yet committed) as the snapshot
 * of opts->out, with the notes the build printed and stats; returns
 * NULL when nothing could be recorded.  pm_sitesnap_finish() installs
 * it once the site is committed (committed 1) or drops it.
 */
struct pm_sitesnap;
struct pm_sitesnap	*pm_sitesnap_record(const struct pm_site_opts *,
			    struct pm_sitew *, const struct pm_site_stats *,
			    const char *notes);
void	 pm_sitesnap_finish(struct pm_sitesnap *, int committed);

#endif /* PM_SITE_SNAPSHOT_H */
