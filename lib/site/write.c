/*
 * Atomic, incremental site output (see write.h).
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "site/write.h"

struct	pm_sitew {
	char		*out;		/* --out, no trailing '/' */
	char		*tmp;		/* the new site being written */
	int		 has_old;	/* out exists and is a site of ours */
	int		 old_empty;	/* out exists and is empty */
	char		**oldfiles;	/* the old manifest, sorted */
	size_t		 noldfiles;
	char		**files;	/* written, for the new manifest */
	size_t		 nfiles, capfiles;
	size_t		 kept;
	char		**dirs;		/* made by mkparents */
	size_t		 ndirs, capdirs;
	pthread_mutex_t	 mu;
	int		 committed;
};

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
slurp_fd(int fd, struct pm_buf *b)
{
	char	 chunk[65536];
	ssize_t	 n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		pm_buf_put(b, chunk, (size_t)n);
	}
	return 0;
}

/* Remove a tree we created, without following symlinks. */
void
pm_sitew_rmtree(const char *path)
{
	struct pm_buf	 sub = PM_BUF_INIT;
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;

	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			pm_buf_truncate(&sub, 0);
			pm_buf_printf(&sub, "%s/%s", path, de->d_name);
			if (lstat(sub.ptr, &st) == 0 && S_ISDIR(st.st_mode))
				pm_sitew_rmtree(sub.ptr);
			else
				unlink(sub.ptr);
		}
		closedir(d);
	}
	rmdir(path);
	pm_buf_release(&sub);
}

/*
 * Walk dir (rel: its path inside the site) and check that every entry
 * is a directory or a regular file listed in the manifest.  Returns 0,
 * or -1 with the offending path in *bad.
 */
static int
check_tree(struct pm_sitew *w, const char *dir, const char *rel,
    struct pm_buf *bad, int *nentries)
{
	struct pm_buf	 sub = PM_BUF_INIT, srel = PM_BUF_INIT;
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	int		 rc = 0;
	char		*key;

	if ((d = opendir(dir)) == NULL) {
		pm_buf_puts(bad, rel[0] ? rel : ".");
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		(*nentries)++;
		pm_buf_truncate(&sub, 0);
		pm_buf_truncate(&srel, 0);
		pm_buf_printf(&sub, "%s/%s", dir, de->d_name);
		pm_buf_printf(&srel, "%s%s%s", rel, rel[0] ? "/" : "",
		    de->d_name);
		if (lstat(sub.ptr, &st) == -1) {
			pm_buf_puts(bad, srel.ptr);
			rc = -1;
		} else if (S_ISDIR(st.st_mode))
			rc = check_tree(w, sub.ptr, srel.ptr, bad, nentries);
		else if (strcmp(srel.ptr, PM_SITE_MARKER) == 0)
			continue;
		else {
			key = srel.ptr;
			if (!S_ISREG(st.st_mode) || w->oldfiles == NULL ||
			    bsearch(&key, w->oldfiles, w->noldfiles,
			    sizeof(char *), cmpstr) == NULL) {
				pm_buf_puts(bad, srel.ptr);
				rc = -1;
			}
		}
	}
	closedir(d);
	pm_buf_release(&sub);
	pm_buf_release(&srel);
	return rc;
}

static int	 valid_relpath(const char *);

/*
 * Read the marker's file list; 0, or -1 when there is no marker.  The
 * list is data on disk, not to be trusted: a line that is not a safe
 * site path ("../x", "/etc/x", ".hidden") is dropped, so the old site's
 * removal can never reach outside it, and a file on disk that only
 * such a line names is foreign (check_tree refuses the directory).
 */
static int
read_marker(struct pm_sitew *w)
{
	struct pm_buf	 path = PM_BUF_INIT, text = PM_BUF_INIT;
	char		*p, *nl, *line;
	size_t		 cap = 0;
	int		 fd, rc = -1;

	pm_buf_printf(&path, "%s/%s", w->out, PM_SITE_MARKER);
	if ((fd = open(path.ptr, O_RDONLY | O_NOFOLLOW)) == -1)
		goto out;
	if (slurp_fd(fd, &text) == -1) {
		close(fd);
		goto out;
	}
	close(fd);
	pm_buf_grow(&text, 0);
	p = text.ptr;
	if (p == NULL || strncmp(p, "postmortem-site", 15) != 0)
		goto out;
	/* First line is the header; then one path a line. */
	p = strchr(p, '\n');
	while (p != NULL && *++p != '\0') {
		nl = strchr(p, '\n');
		line = nl ? pm_xstrndup(p, (size_t)(nl - p)) : pm_xstrdup(p);
		p = nl;
		if (!valid_relpath(line)) {
			free(line);
			continue;
		}
		w->oldfiles = pm_xgrow(w->oldfiles, &cap, w->noldfiles + 1,
		    sizeof(char *));
		w->oldfiles[w->noldfiles++] = line;
	}
	if (w->oldfiles == NULL)
		w->oldfiles = pm_xcalloc(1, sizeof(char *));
	if (w->noldfiles > 1)
		qsort(w->oldfiles, w->noldfiles, sizeof(char *), cmpstr);
	rc = 0;
out:
	pm_buf_release(&path);
	pm_buf_release(&text);
	return rc;
}

/*
 * A build killed before its swap leaves its hidden ".OUT.new-XXXXXX"
 * (or ".OUT.old-XXXXXX") beside out.  Such a directory may not hold a
 * marker yet, so it cannot be proven ours and is never deleted: name
 * it, once per build, so the user can.  base is out's last component.
 */
static void
note_leftovers(const char *out, const char *base)
{
	struct pm_buf	 dir = PM_BUF_INIT, nw = PM_BUF_INIT, old = PM_BUF_INIT;
	struct dirent	*de;
	DIR		*d;

	pm_buf_put(&dir, out, (size_t)(base - out));
	if (dir.len == 0)
		pm_buf_puts(&dir, ".");
	pm_buf_printf(&nw, ".%s.new-", base);
	pm_buf_printf(&old, ".%s.old-", base);
	if ((d = opendir(dir.ptr)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (strncmp(de->d_name, nw.ptr, nw.len) == 0 ||
			    strncmp(de->d_name, old.ptr, old.len) == 0)
				fprintf(stderr, "postmortem: note: '%s%s' was "
				    "left by an interrupted build; remove it "
				    "when no build is running\n",
				    base == out ? "" : dir.ptr, de->d_name);
		closedir(d);
	}
	pm_buf_release(&dir);
	pm_buf_release(&nw);
	pm_buf_release(&old);
}

int
pm_sitew_open(struct pm_sitew **out, const char *outdir)
{
	struct pm_sitew	*w;
	struct pm_buf	 bad = PM_BUF_INIT, tmpl = PM_BUF_INIT;
	struct stat	 st;
	const char	*base;
	size_t		 len;
	int		 n;

	*out = NULL;
	w = pm_xcalloc(1, sizeof(*w));
	pthread_mutex_init(&w->mu, NULL);
	len = strlen(outdir);
	while (len > 1 && outdir[len - 1] == '/')
		len--;
	w->out = pm_xstrndup(outdir, len);
	base = strrchr(w->out, '/');
	base = base ? base + 1 : w->out;
	if (*base == '\0' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0) {
		pm_error_set("cannot build into '%s': name a directory to "
		    "create or replace, such as 'site'", outdir);
		goto fail;
	}

	if (lstat(w->out, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			pm_error_set("'%s' exists and is not a directory",
			    w->out);
			goto fail;
		}
		n = 0;
		if (read_marker(w) == 0) {
			if (check_tree(w, w->out, "", &bad, &n) == -1) {
				pm_error_set("'%s' holds '%s', which postmortem "
				    "did not create; refusing to replace it",
				    w->out, pm_buf_cstr(&bad));
				goto fail;
			}
			w->has_old = 1;
		} else {
			(void)check_tree(w, w->out, "", &bad, &n);
			if (n > 0) {
				pm_error_set("'%s' is not empty and is not a "
				    "site postmortem built (no %s); refusing "
				    "to replace it", w->out, PM_SITE_MARKER);
				goto fail;
			}
			w->old_empty = 1;
		}
	} else if (errno != ENOENT) {
		pm_error_set("cannot read '%s': %s", w->out, strerror(errno));
		goto fail;
	}

	note_leftovers(w->out, base);
	/* The temporary directory: a hidden sibling of out. */
	pm_buf_put(&tmpl, w->out, (size_t)(base - w->out));
	pm_buf_printf(&tmpl, ".%s.new-XXXXXX", base);
	if (mkdtemp(tmpl.ptr) == NULL) {
		pm_error_set("cannot create a directory beside '%s': %s",
		    w->out, strerror(errno));
		goto fail;
	}
	chmod(tmpl.ptr, 0755);
	w->tmp = pm_buf_detach(&tmpl, NULL);
	pm_buf_release(&bad);
	*out = w;
	return 0;
fail:
	pm_buf_release(&bad);
	pm_buf_release(&tmpl);
	pm_sitew_free(w);
	return -1;
}

/*
 * Exchange two directories atomically (renameat2 RENAME_EXCHANGE,
 * Linux 3.15); -1 with errno where the system or file system cannot.
 */
static int
exchange(const char *a, const char *b)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b,
	    1u << 1 /* RENAME_EXCHANGE */);
#else
	(void)a;
	(void)b;
	errno = ENOSYS;
	return -1;
#endif
}

static int
valid_relpath(const char *p)
{
	const char	*c;
	int		 start = 1;

	if (*p == '\0')
		return 0;
	for (c = p; *c != '\0'; c++) {
		if (*c == '/') {
			if (start)
				return 0;	/* empty component */
			start = 1;
			continue;
		}
		if (start && *c == '.')
			return 0;		/* ".", "..", hidden */
		start = 0;
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || *c == '.' || *c == '-' ||
		    *c == '_'))
			return 0;
	}
	return !start;
}

/*
 * Create the directories of rel inside the new site.  Each directory is
 * made once: the ones made are remembered (a site has a dozen).
 */
static int
mkparents(struct pm_sitew *w, const char *rel)
{
	struct pm_buf	 p = PM_BUF_INIT;
	const char	*s, *last;
	size_t		 i, n;
	int		 rc = -1;

	if ((last = strrchr(rel, '/')) == NULL)
		return 0;
	n = (size_t)(last - rel);
	pthread_mutex_lock(&w->mu);
	for (i = 0; i < w->ndirs; i++)
		if (strncmp(w->dirs[i], rel, n) == 0 &&
		    w->dirs[i][n] == '\0') {
			rc = 0;
			goto out;
		}
	for (s = strchr(rel, '/'); s != NULL; s = strchr(s + 1, '/')) {
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "%s/%.*s", w->tmp, (int)(s - rel), rel);
		if (mkdir(p.ptr, 0755) == -1 && errno != EEXIST) {
			pm_error_set("cannot create '%s': %s", p.ptr,
			    strerror(errno));
			goto out;
		}
	}
	w->dirs = pm_xgrow(w->dirs, &w->capdirs, w->ndirs + 1,
	    sizeof(*w->dirs));
	w->dirs[w->ndirs++] = pm_xstrndup(rel, n);
	rc = 0;
out:
	pthread_mutex_unlock(&w->mu);
	pm_buf_release(&p);
	return rc;
}

/*
 * Whether the open file fd holds exactly len bytes equal to data: read
 * and compared a chunk at a time, stopping at the first difference.
 */
static int
same_bytes(int fd, const char *data, size_t len)
{
	char	 chunk[65536];
	size_t	 off = 0;
	ssize_t	 n;

	while (off < len) {
		n = read(fd, chunk, len - off < sizeof(chunk) ? len - off :
		    sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(chunk, data + off, (size_t)n) != 0)
			return 0;
		off += (size_t)n;
	}
	/* Nothing after the end (the file grew since fstat). */
	while ((n = read(fd, chunk, 1)) < 0 && errno == EINTR)
		continue;
	return n == 0;
}

/*
 * If the old site has relpath with exactly these bytes, put the old
 * file in the new tree (hard link, else a copy with the old mtime).
 * The size is compared first (lstat, no open), the bytes only when it
 * is equal.  Returns 1 if done, 0 if the caller must write.
 */
static int
keep_old(struct pm_sitew *w, const char *rel, const char *dst,
    const void *data, size_t len)
{
	struct pm_buf	 src = PM_BUF_INIT;
	struct timespec	 ts[2];
	struct stat	 st;
	int		 fd, ok = 0;
	char		*key = (char *)rel;

	if (!w->has_old || (strcmp(rel, PM_SITE_MARKER) != 0 &&
	    bsearch(&key, w->oldfiles, w->noldfiles, sizeof(char *),
	    cmpstr) == NULL))
		return 0;
	pm_buf_printf(&src, "%s/%s", w->out, rel);
	if (lstat(src.ptr, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size != len)
		goto out;
	if ((fd = open(src.ptr, O_RDONLY | O_NOFOLLOW)) == -1)
		goto out;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size != len || !same_bytes(fd, data, len)) {
		close(fd);
		goto out;
	}
	close(fd);
	if (link(src.ptr, dst) == 0) {
		ok = 1;
		goto out;
	}
	if ((fd = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0644)) == -1)
		goto out;
	if (write(fd, data, len) == (ssize_t)len) {
		ts[0] = st.st_atim;
		ts[1] = st.st_mtim;
		ok = futimens(fd, ts) == 0;
	}
	close(fd);
	if (!ok)
		unlink(dst);
out:
	pm_buf_release(&src);
	return ok;
}

/* Record rel in the new manifest. */
static void
added(struct pm_sitew *w, const char *rel, int kept)
{
	pthread_mutex_lock(&w->mu);
	w->files = pm_xgrow(w->files, &w->capfiles, w->nfiles + 1,
	    sizeof(char *));
	w->files[w->nfiles++] = pm_xstrdup(rel);
	w->kept += kept;
	pthread_mutex_unlock(&w->mu);
}

/*
 * The path in the new tree where rel goes, into dst, its folders made.
 * Returns 0, or -1 with the error set (an unsafe rel).
 */
static int
dest_path(struct pm_sitew *w, const char *rel, struct pm_buf *dst)
{
	if (!valid_relpath(rel)) {
		pm_error_set("refusing to write '%s': not a safe site path",
		    rel);
		return -1;
	}
	if (mkparents(w, rel) == -1)
		return -1;
	pm_buf_printf(dst, "%s/%s", w->tmp, rel);
	return 0;
}

int
pm_sitew_put(struct pm_sitew *w, const char *rel, const void *data,
    size_t len)
{
	struct pm_buf	 dst = PM_BUF_INIT;
	const char	*p = data;
	ssize_t		 n;
	size_t		 off;
	int		 fd, rc = -1, kept;

	if (dest_path(w, rel, &dst) == -1)
		return -1;
	kept = keep_old(w, rel, dst.ptr, data, len);
	if (!kept) {
		fd = open(dst.ptr, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW,
		    0644);
		if (fd == -1) {
			pm_error_set("cannot create '%s': %s", dst.ptr,
			    errno == EEXIST ? "written twice" :
			    strerror(errno));
			goto out;
		}
		for (off = 0; off < len; off += (size_t)n) {
			n = write(fd, p + off, len - off);
			if (n < 0 && errno == EINTR) {
				n = 0;
				continue;
			}
			if (n <= 0) {
				pm_error_set("cannot write '%s': %s",
				    dst.ptr, strerror(errno));
				close(fd);
				goto out;
			}
		}
		if (close(fd) == -1) {
			pm_error_set("cannot write '%s': %s", dst.ptr,
			    strerror(errno));
			goto out;
		}
	}
	added(w, rel, kept);
	rc = 0;
out:
	pm_buf_release(&dst);
	return rc;
}

int
pm_sitew_link(struct pm_sitew *w, const char *rel, int dirfd,
    const struct pm_sitew_rec *r)
{
	struct pm_buf	 dst = PM_BUF_INIT, old = PM_BUF_INIT;
	struct stat	 st, ost;
	char		*key = (char *)rel;
	int		 rc = -1, kept = 0;

	if (dest_path(w, rel, &dst) == -1)
		return -1;
	/*
	 * Link first, then check what was linked: no window between the
	 * check and the use.  linkat(2) without AT_SYMLINK_FOLLOW links a
	 * symbolic link itself, which the check then refuses.
	 */
	if (linkat(dirfd, rel, AT_FDCWD, dst.ptr, 0) == -1) {
		if (errno == EEXIST) {
			pm_error_set("cannot create '%s': written twice",
			    dst.ptr);
			goto out;
		}
		rc = 0;
		goto out;
	}
	if (lstat(dst.ptr, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (long long)st.st_size != r->size ||
	    (long long)st.st_mtim.tv_sec != r->mtime_sec ||
	    (long long)st.st_mtim.tv_nsec != r->mtime_nsec ||
	    (unsigned long long)st.st_ino != r->ino) {
		unlink(dst.ptr);
		rc = 0;
		goto out;
	}
	if (w->has_old && bsearch(&key, w->oldfiles, w->noldfiles,
	    sizeof(char *), cmpstr) != NULL) {
		pm_buf_printf(&old, "%s/%s", w->out, rel);
		kept = lstat(old.ptr, &ost) == 0 && ost.st_ino == st.st_ino &&
		    ost.st_dev == st.st_dev;
	}
	added(w, rel, kept);
	rc = 1;
out:
	pm_buf_release(&dst);
	pm_buf_release(&old);
	return rc;
}

const char *
pm_sitew_tmpdir(const struct pm_sitew *w)
{
	return w->tmp;
}

char *const *
pm_sitew_files(const struct pm_sitew *w, size_t *n)
{
	*n = w->nfiles;
	return w->files;
}

size_t
pm_sitew_count(const struct pm_sitew *w, size_t *kept)
{
	if (kept != NULL)
		*kept = w->kept;
	return w->nfiles;
}

/*
 * Remove the old site renamed aside: the files its manifest lists and
 * the marker, then the directories left empty.  Anything else stays.
 */
static void
remove_old(struct pm_sitew *w, const char *aside)
{
	struct pm_buf	 p = PM_BUF_INIT;
	size_t		 i;
	char		*s;

	for (i = 0; i < w->noldfiles; i++) {
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "%s/%s", aside, w->oldfiles[i]);
		unlink(p.ptr);
	}
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "%s/%s", aside, PM_SITE_MARKER);
	unlink(p.ptr);
	/* Parent directories, deepest first (reverse sorted order). */
	for (i = w->noldfiles; i-- > 0; ) {
		pm_buf_truncate(&p, 0);
		pm_buf_printf(&p, "%s/%s", aside, w->oldfiles[i]);
		while ((s = strrchr(p.ptr, '/')) != NULL &&
		    (size_t)(s - p.ptr) > strlen(aside)) {
			*s = '\0';
			p.len = (size_t)(s - p.ptr);
			if (rmdir(p.ptr) == -1)
				break;
		}
	}
	if (rmdir(aside) == -1)
		fprintf(stderr, "postmortem: left '%s' in place: it holds "
		    "files added during the build\n", aside);
	pm_buf_release(&p);
}

int
pm_sitew_commit(struct pm_sitew *w)
{
	struct pm_buf	 m = PM_BUF_INIT, aside = PM_BUF_INIT;
	const char	*base;
	size_t		 i;
	int		 rc = -1;

	if (w->nfiles > 1)	/* files is NULL when nothing was put */
		qsort(w->files, w->nfiles, sizeof(char *), cmpstr);
	pm_buf_puts(&m, "postmortem-site 1\n");
	for (i = 0; i < w->nfiles; i++)
		pm_buf_printf(&m, "%s\n", w->files[i]);
	/* Through put() would list the marker in itself: write directly. */
	{
		struct pm_buf	 mp = PM_BUF_INIT;
		FILE		*f;

		pm_buf_printf(&mp, "%s/%s", w->tmp, PM_SITE_MARKER);
		if (keep_old(w, PM_SITE_MARKER, mp.ptr, m.ptr, m.len)) {
			pm_buf_release(&mp);
			goto swap;
		}
		f = fopen(mp.ptr, "wx");
		if (f == NULL || fwrite(m.ptr, 1, m.len, f) != m.len ||
		    fclose(f) != 0) {
			pm_error_set("cannot write '%s': %s", mp.ptr,
			    strerror(errno));
			pm_buf_release(&mp);
			goto out;
		}
		pm_buf_release(&mp);
	}
swap:
	/*
	 * One atomic exchange where the kernel has it: with two renames a
	 * kill between them left no site at out at all (the old one sat
	 * in the aside directory).  After the exchange w->tmp holds the
	 * old site.
	 */
	if (w->has_old && exchange(w->tmp, w->out) == 0) {
		remove_old(w, w->tmp);
	} else if (w->has_old) {
		base = strrchr(w->out, '/');
		base = base ? base + 1 : w->out;
		pm_buf_put(&aside, w->out, (size_t)(base - w->out));
		pm_buf_printf(&aside, ".%s.old-XXXXXX", base);
		if (mkdtemp(aside.ptr) == NULL ||
		    rename(w->out, aside.ptr) == -1) {
			pm_error_set("cannot move the old site aside: %s",
			    strerror(errno));
			if (aside.ptr != NULL)
				rmdir(aside.ptr);
			goto out;
		}
		if (rename(w->tmp, w->out) == -1) {
			pm_error_set("cannot rename '%s' to '%s': %s",
			    w->tmp, w->out, strerror(errno));
			rename(aside.ptr, w->out);
			goto out;
		}
		remove_old(w, aside.ptr);
	} else if (rename(w->tmp, w->out) == -1) {
		/* An empty out directory is replaced by rename(2) itself. */
		pm_error_set("cannot rename '%s' to '%s': %s", w->tmp, w->out,
		    strerror(errno));
		goto out;
	}
	w->committed = 1;
	rc = 0;
out:
	pm_buf_release(&m);
	pm_buf_release(&aside);
	return rc;
}

void
pm_sitew_free(struct pm_sitew *w)
{
	size_t	 i;

	if (w == NULL)
		return;
	if (w->tmp != NULL && !w->committed)
		pm_sitew_rmtree(w->tmp);
	for (i = 0; i < w->noldfiles; i++)
		free(w->oldfiles[i]);
	free(w->oldfiles);
	for (i = 0; i < w->nfiles; i++)
		free(w->files[i]);
	free(w->files);
	for (i = 0; i < w->ndirs; i++)
		free(w->dirs[i]);
	free(w->dirs);
	pthread_mutex_destroy(&w->mu);
	free(w->tmp);
	free(w->out);
	free(w);
}
