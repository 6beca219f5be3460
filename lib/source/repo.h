/*
 * Sources: where report bytes come from.  The working tree, the index
 * (--staged), a commit's tree (--rev), named files and standard input.
 * The only module (with history.c) that knows libgit2.
 */
#ifndef PM_REPO_H
#define PM_REPO_H

#include <stddef.h>
#include <stdint.h>

enum	pm_srckind {
	PM_SRC_WORKTREE,	/* files on disk under the repository root */
	PM_SRC_INDEX,		/* blobs as staged */
	PM_SRC_REV,		/* a commit's tree, from the object database */
};

struct	pm_source;		/* opaque */

/* One file to read. */
struct	pm_entry {
	char		*path;	/* '/'-separated, relative to the root; or as
				   named on the command line outside a repo;
				   "-" for standard input */
	unsigned char	 oid[20]; /* blob id (INDEX, REV) */
	int		 has_oid;
	unsigned int	 mode;	/* git file mode (0120000: symlink) */
	int		 named;	/* named on the command line */
};

struct	pm_entries {
	struct pm_entry	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Find the repository from dir (NULL: the current directory) upward,
 * as git does.  Outside a repository *out is still set, with no
 * repository (pm_source_has_repo() returns 0): named files still work.
 * Returns 0, or -1 on a real failure (unreadable repository).
 */
int	 pm_source_open(struct pm_source **out, const char *dir);
void	 pm_source_free(struct pm_source *);
int	 pm_source_has_repo(const struct pm_source *);
/* Absolute path of the working tree root (or of dir outside a repo). */
const char	*pm_source_root(const struct pm_source *);
/* The common git directory (shared by linked worktrees), or NULL
 * outside a repository. */
const char	*pm_source_commondir(const struct pm_source *);
/* The cache (source/cache.h) the loader opened for this run, or NULL:
 * the history walk reads commit parents from it. */
struct pm_cache;
void	 pm_source_set_cache(struct pm_source *, struct pm_cache *);
struct pm_cache	*pm_source_cache(const struct pm_source *);
/* The libgit2 repository (git_repository *), or NULL.  For the
 * thread that opened the source only. */
void	*pm_source_git(const struct pm_source *);
/*
 * A git_repository * for the calling thread's exclusive use, taken
 * from a pool of handles opened on the same repository (a handle must
 * not be used by two threads at once).  Give it back with
 * pm_source_git_release.  Returns NULL outside a repository or when
 * the repository cannot be reopened (pm_error_set says why).
 */
void	*pm_source_git_acquire(struct pm_source *);
void	 pm_source_git_release(struct pm_source *, void *);

/*
 * List the Markdown files ("*.md", and files selected by the include
 * globs whatever their name) of kind (rev for PM_SRC_REV: any
 * revision git understands), skipping the exclude globs, sorted by
 * path.  When paths are given (npaths > 0), list only those: files or
 * directories, relative to the current directory, resolved against
 * the root; "-" is standard input.  Returns 0 or -1.
 */
struct pm_config;
int	 pm_source_list(struct pm_source *, enum pm_srckind, const char *rev,
	    char *const *paths, size_t npaths, const struct pm_config *,
	    struct pm_entries *out);
void	 pm_entries_release(struct pm_entries *);

/*
 * Every file of kind (rev for PM_SRC_REV), whatever its name and with
 * no include or exclude glob, sorted by path: the tree that local links
 * of reports resolve against.  The working tree skips .git, nested
 * repositories and what git ignores, and never follows a symbolic link
 * (a link is listed with mode 0120000).  Returns 0 or -1.
 */
int	 pm_source_list_all(struct pm_source *, enum pm_srckind,
	    const char *rev, struct pm_entries *out);
/* The entry at path in a sorted list, or NULL. */
const struct pm_entry	*pm_entries_find(const struct pm_entries *,
			    const char *path);
/* 1 if a sorted list has a file under path + "/" (path is a folder). */
int	 pm_entries_isdir(const struct pm_entries *, const char *path);

/*
 * Read one entry's bytes; the caller frees *buf.  Safe to call from
 * several threads at once (each thread uses its own repository
 * handle).  Returns 0 or -1 (pm_error_set names the path).
 */
int	 pm_source_read(struct pm_source *, enum pm_srckind,
	    const struct pm_entry *, char **buf, size_t *len);
/*
 * As pm_source_read, reading at most max bytes: returns 1 without
 * reading when the file is larger (*buf NULL, *len its size, or max + 1
 * when the size was found only by reading).  A symbolic link (mode
 * 0120000) is never followed: its bytes are the link's target text.
 */
int	 pm_source_read_max(struct pm_source *, enum pm_srckind,
	    const struct pm_entry *, size_t max, char **buf, size_t *len);

#endif /* PM_REPO_H */
