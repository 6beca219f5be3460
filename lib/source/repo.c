/*
 * Sources (see repo.h): finding the repository, listing the Markdown
 * files of the working tree, the index or a commit's tree, and reading
 * their bytes.  Reads may come from several loader threads at once, so
 * every libgit2 call made while reading goes through a pool of
 * repository handles, one per thread at a time.
 */
#include <sys/stat.h>

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <git2.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "source/config.h"
#include "source/repo.h"

#define	MODE_LINK	0120000u
#define	MODE_GITLINK	0160000u
#define	MODE_FILE	0100644u
#define	MODE_EXEC	0100755u

struct	pm_source {
	char		*root;		/* real path of the working tree root,
					   of the git dir (bare), or of dir */
	char		*cwd;		/* real path of the current directory */
	char		*gitdir;	/* to reopen pooled handles, or NULL */
	int		 has_repo;
	int		 bare;
	git_repository	*repo;		/* the opening thread's handle */
	pthread_mutex_t	 lock;		/* guards the pool and stdin */
	git_repository	**pool;		/* idle handles */
	size_t		 npool;
	size_t		 cappool;
	git_repository	**opened;	/* every pooled handle, to free */
	size_t		 nopened;
	size_t		 capopened;
	struct pm_cache	*cache;		/* borrowed, for the history walk */
	char		*stdin_buf;	/* standard input, read once */
	size_t		 stdin_len;
	int		 stdin_done;
};

/* The walk's state while listing a working tree. */
struct	walk {
	struct pm_source	*src;
	git_index		*index;	/* tracked files are never ignored */
	struct pm_entries	*out;
	const struct pm_config	*cfg;
	int			 filter; /* apply *.md / include / exclude */
};

/* 1 if path ends in ".md" (any case). */
static int
is_markdown(const char *path)
{
	size_t	 n;

	n = strlen(path);
	return n >= 3 && strcasecmp(path + n - 3, ".md") == 0;
}

/*
 * Whether a listed file is a candidate: Markdown or selected by the
 * include globs, and not excluded.  Returns 1 or 0.
 */
static int
candidate(const struct pm_config *cfg, const char *path)
{
	if (cfg != NULL && pm_config_excluded(cfg, path))
		return 0;
	if (is_markdown(path))
		return 1;
	return cfg != NULL && pm_config_included(cfg, path);
}

static void
entries_add(struct pm_entries *es, const char *path, const git_oid *oid,
    unsigned int mode, int named)
{
	struct pm_entry	*e;

	es->v = pm_xgrow(es->v, &es->cap, es->n + 1, sizeof(*es->v));
	e = &es->v[es->n++];
	memset(e, 0, sizeof(*e));
	e->path = pm_xstrdup(path);
	if (oid != NULL) {
		memcpy(e->oid, oid->id, sizeof(e->oid));
		e->has_oid = 1;
	}
	e->mode = mode;
	e->named = named;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct pm_entry	*x = a, *y = b;

	return strcmp(x->path, y->path);
}

/* Sort by path and merge duplicates (a path named twice). */
static void
entries_sort(struct pm_entries *es)
{
	size_t	 i, j;

	if (es->n == 0)
		return;
	qsort(es->v, es->n, sizeof(*es->v), cmp_entry);
	for (i = 0, j = 1; j < es->n; j++) {
		if (strcmp(es->v[i].path, es->v[j].path) == 0) {
			es->v[i].named |= es->v[j].named;
			free(es->v[j].path);
			continue;
		}
		es->v[++i] = es->v[j];
	}
	es->n = i + 1;
}

void
pm_entries_release(struct pm_entries *es)
{
	size_t	 i;

	for (i = 0; i < es->n; i++)
		free(es->v[i].path);
	free(es->v);
	es->v = NULL;
	es->n = es->cap = 0;
}

/* Strip one trailing '/' run, keeping "/" itself. */
static char *
strip_slash(char *p)
{
	size_t	 n;

	n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	return p;
}

int
pm_source_open(struct pm_source **out, const char *dir)
{
	struct pm_source	*src;
	const char		*wd;
	char			*real;
	int			 rc;

	src = pm_xcalloc(1, sizeof(*src));
	pthread_mutex_init(&src->lock, NULL);
	*out = src;
	if ((real = realpath(".", NULL)) == NULL) {
		pm_error_set("cannot read the current directory: %s",
		    strerror(errno));
		return -1;
	}
	src->cwd = real;

	/*
	 * Objects are not re-hashed when read, as git does not: libgit2's
	 * default (SHA-1 with collision detection on every object read)
	 * costs more than the whole history walk.  A process-wide switch.
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);

	rc = git_repository_open_ext(&src->repo, dir != NULL ? dir : ".",
	    0, NULL);
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		if ((real = realpath(dir != NULL ? dir : ".", NULL)) == NULL) {
			pm_error_set("cannot open '%s': %s",
			    dir != NULL ? dir : ".", strerror(errno));
			return -1;
		}
		src->root = real;
		return 0;
	}
	if (rc < 0)
		return pm_error_git("cannot open the repository");

	src->has_repo = 1;
	src->bare = git_repository_is_bare(src->repo);
	src->gitdir = pm_xstrdup(git_repository_path(src->repo));
	wd = git_repository_workdir(src->repo);
	if (wd == NULL)
		wd = git_repository_path(src->repo);
	if ((real = realpath(wd, NULL)) == NULL) {
		pm_error_set("cannot resolve '%s': %s", wd, strerror(errno));
		return -1;
	}
	src->root = strip_slash(real);
	return 0;
}

void
pm_source_free(struct pm_source *src)
{
	size_t	 i;

	if (src == NULL)
		return;
	for (i = 0; i < src->nopened; i++)
		git_repository_free(src->opened[i]);
	free(src->opened);
	free(src->pool);
	git_repository_free(src->repo);
	pthread_mutex_destroy(&src->lock);
	free(src->stdin_buf);
	free(src->gitdir);
	free(src->root);
	free(src->cwd);
	free(src);
}

int
pm_source_has_repo(const struct pm_source *src)
{
	return src->has_repo;
}

const char *
pm_source_root(const struct pm_source *src)
{
	return src->root;
}

void
pm_source_set_cache(struct pm_source *src, struct pm_cache *c)
{
	src->cache = c;
}

struct pm_cache *
pm_source_cache(const struct pm_source *src)
{
	return src->cache;
}

const char *
pm_source_commondir(const struct pm_source *src)
{
	return src->has_repo ? git_repository_commondir(src->repo) : NULL;
}

void *
pm_source_git(const struct pm_source *src)
{
	return src->repo;
}

void *
pm_source_git_acquire(struct pm_source *src)
{
	git_repository	*r;

	if (!src->has_repo)
		return NULL;
	pthread_mutex_lock(&src->lock);
	if (src->npool > 0) {
		r = src->pool[--src->npool];
		pthread_mutex_unlock(&src->lock);
		return r;
	}
	pthread_mutex_unlock(&src->lock);

	/* Opened outside the lock: opening reads the config. */
	if (git_repository_open_ext(&r, src->gitdir,
	    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		pm_error_git("cannot reopen the repository");
		return NULL;
	}
	pthread_mutex_lock(&src->lock);
	src->opened = pm_xgrow(src->opened, &src->capopened,
	    src->nopened + 1, sizeof(*src->opened));
	src->opened[src->nopened++] = r;
	src->pool = pm_xgrow(src->pool, &src->cappool, src->nopened,
	    sizeof(*src->pool));
	pthread_mutex_unlock(&src->lock);
	return r;
}

void
pm_source_git_release(struct pm_source *src, void *repo)
{
	if (repo == NULL)
		return;
	pthread_mutex_lock(&src->lock);
	assert(src->npool < src->cappool);
	src->pool[src->npool++] = repo;
	pthread_mutex_unlock(&src->lock);
}

/*
 * Lexically normalise a '/'-separated absolute path in place: drop
 * empty and "." components, apply "..".
 */
static void
normalise(char *p)
{
	char	*r, *w, *seg;
	size_t	 len;

	assert(p[0] == '/');
	r = w = p + 1;
	while (*r != '\0') {
		seg = r;
		while (*r != '\0' && *r != '/')
			r++;
		len = (size_t)(r - seg);
		if (*r == '/')
			r++;
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			/* Back over the last written component. */
			while (w > p + 1 && w[-1] != '/')
				w--;
			if (w > p + 1)
				w--;
			continue;
		}
		/* The separator goes before the component: w < seg. */
		if (w > p + 1)
			*w++ = '/';
		memmove(w, seg, len);
		w += len;
	}
	*w = '\0';
}

/*
 * Resolve a path named on the command line (relative to the current
 * directory, or absolute) to a path relative to the root: "" is the
 * root itself.  Returns an allocated string, or NULL with pm_error_set
 * when the path is outside the root.
 */
static char *
resolve(const struct pm_source *src, const char *arg)
{
	char	*abs, *rel;
	size_t	 n;

	if (arg[0] == '/')
		abs = pm_xstrdup(arg);
	else
		abs = pm_xasprintf("%s/%s", src->cwd, arg);
	normalise(abs);
	n = strlen(src->root);
	if (strcmp(abs, src->root) == 0)
		rel = pm_xstrdup("");
	else if (strcmp(src->root, "/") == 0)
		rel = pm_xstrdup(abs + 1);
	else if (strncmp(abs, src->root, n) == 0 && abs[n] == '/')
		rel = pm_xstrdup(abs + n + 1);
	else {
		pm_error_set("'%s' is outside the repository at '%s'",
		    arg, src->root);
		rel = NULL;
	}
	free(abs);
	return rel;
}

/* 1 if the repository ignores path (a directory when dir is set). */
static int
ignored(struct walk *w, const char *path, int dir)
{
	char	*p;
	int	 ign = 0;

	if (!w->src->has_repo)
		return 0;
	p = dir ? pm_xasprintf("%s/", path) : (char *)path;
	if (git_ignore_path_is_ignored(&ign, w->src->repo, p) < 0) {
		git_error_clear();
		ign = 0;
	}
	if (dir)
		free(p);
	return ign;
}

/* 1 if the index tracks something at or under path. */
static int
tracked(struct walk *w, const char *path, int dir)
{
	char	*pfx;
	size_t	 pos;
	int	 rc;

	if (w->index == NULL)
		return 0;
	if (!dir)
		return git_index_get_bypath(w->index, path, 0) != NULL;
	pfx = pm_xasprintf("%s/", path);
	rc = git_index_find_prefix(&pos, w->index, pfx) == 0;
	free(pfx);
	git_error_clear();
	return rc;
}

/*
 * Walk the directory rel (relative to base; "" for base itself),
 * adding the candidate files.  Skips .git, nested repositories, and
 * what git ignores.  Returns 0 or -1.
 */
static int
walk_dir(struct walk *w, const char *base, const char *rel)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*dpath, *fpath, *sub;
	int		 isdir, rc = 0;

	dpath = rel[0] == '\0' ? pm_xstrdup(base) :
	    pm_xasprintf("%s/%s", base, rel);
	if ((d = opendir(dpath)) == NULL) {
		pm_error_set("cannot read directory '%s': %s", dpath,
		    strerror(errno));
		free(dpath);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, ".git") == 0)
			continue;
		sub = rel[0] == '\0' ? pm_xstrdup(de->d_name) :
		    pm_xasprintf("%s/%s", rel, de->d_name);
		fpath = pm_xasprintf("%s/%s", dpath, de->d_name);
		if (lstat(fpath, &st) == -1) {
			free(fpath);
			free(sub);
			continue;	/* vanished while listing */
		}
		isdir = S_ISDIR(st.st_mode);
		if (isdir) {
			char	*gd;

			/* A nested repository (submodule) is not ours. */
			gd = pm_xasprintf("%s/.git", fpath);
			if (access(gd, F_OK) == 0 && w->src->has_repo) {
				free(gd);
				goto next;
			}
			free(gd);
			if (ignored(w, sub, 1) && !tracked(w, sub, 1))
				goto next;
			if (walk_dir(w, base, sub) == -1) {
				rc = -1;
				free(fpath);
				free(sub);
				break;
			}
		} else if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
			if (w->filter && !candidate(w->cfg, sub))
				goto next;
			if (!tracked(w, sub, 0) && ignored(w, sub, 0))
				goto next;
			entries_add(w->out, sub, NULL, S_ISLNK(st.st_mode) ?
			    MODE_LINK : (st.st_mode & 0111) ? MODE_EXEC :
			    MODE_FILE, 0);
		}
next:
		free(fpath);
		free(sub);
	}
	closedir(d);
	free(dpath);
	return rc;
}

/* Prefix every path added since index from on with pfx + "/". */
static void
prefix_paths(struct pm_entries *es, size_t from, const char *pfx)
{
	char	*p;

	for (; from < es->n; from++) {
		p = pm_xasprintf("%s/%s", pfx, es->v[from].path);
		free(es->v[from].path);
		es->v[from].path = p;
	}
}

/*
 * List the working tree (or, outside a repository, the files under
 * the current directory or as named).  Returns 0 or -1.
 */
static int
list_worktree(struct pm_source *src, char *const *paths, size_t npaths,
    const struct pm_config *cfg, struct pm_entries *out)
{
	struct walk	 w;
	struct stat	 st;
	char		*rel, *full, *arg;
	size_t		 i, from, n;
	int		 rc = 0;

	if (src->bare) {
		pm_error_set("a bare repository has no working tree; "
		    "use --rev or --staged");
		return -1;
	}
	memset(&w, 0, sizeof(w));
	w.src = src;
	w.out = out;
	w.cfg = cfg;
	if (src->has_repo && git_repository_index(&w.index, src->repo) < 0)
		return pm_error_git("cannot read the index");

	if (npaths == 0) {
		w.filter = 1;
		rc = walk_dir(&w, src->has_repo ? src->root : src->cwd, "");
		goto done;
	}
	for (i = 0; i < npaths && rc == 0; i++) {
		if (strcmp(paths[i], "-") == 0) {
			entries_add(out, "-", NULL, MODE_FILE, 1);
			continue;
		}
		if (src->has_repo) {
			if ((rel = resolve(src, paths[i])) == NULL) {
				rc = -1;
				break;
			}
			full = rel[0] == '\0' ? pm_xstrdup(src->root) :
			    pm_xasprintf("%s/%s", src->root, rel);
		} else {
			/* Outside a repository: paths as named. */
			arg = pm_xstrdup(paths[i]);
			strip_slash(arg);
			while (strncmp(arg, "./", 2) == 0 && arg[2] != '\0')
				memmove(arg, arg + 2, strlen(arg + 2) + 1);
			rel = arg;
			full = pm_xstrdup(arg);
		}
		if (lstat(full, &st) == -1) {
			pm_error_set("cannot read '%s': %s", paths[i],
			    strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			w.filter = 1;
			from = out->n;
			rc = walk_dir(&w, full, "");
			/* Make the walked paths relative to the root. */
			n = strlen(rel);
			if (rc == 0 && n > 0 && strcmp(rel, ".") != 0)
				prefix_paths(out, from, rel);
		} else if (cfg == NULL || !pm_config_excluded(cfg, rel))
			entries_add(out, rel, NULL, S_ISLNK(st.st_mode) ?
			    MODE_LINK : MODE_FILE, 1);
		free(full);
		free(rel);
	}
done:
	git_index_free(w.index);
	return rc;
}

/*
 * Select from all (every file of the index or tree, sorted) the
 * candidates, or the named paths and the candidates under named
 * directories.  Returns 0 or -1 when a path matches nothing.
 */
static int
select_named(struct pm_source *src, const struct pm_entries *all,
    char *const *paths, size_t npaths, const struct pm_config *cfg,
    struct pm_entries *out, const char *what)
{
	struct pm_entry	 key, *e;
	char		*rel, *dir;
	size_t		 i, j, n, lo, hi, mid;
	int		 found;

	if (npaths == 0) {
		for (j = 0; j < all->n; j++)
			if (candidate(cfg, all->v[j].path))
				entries_add(out, all->v[j].path, NULL,
				    all->v[j].mode, 0);
		goto oids;
	}
	for (i = 0; i < npaths; i++) {
		if (strcmp(paths[i], "-") == 0) {
			entries_add(out, "-", NULL, MODE_FILE, 1);
			continue;
		}
		if ((rel = resolve(src, paths[i])) == NULL)
			return -1;
		key.path = rel;
		e = all->n > 0 ? bsearch(&key, all->v, all->n,
		    sizeof(*all->v), cmp_entry) : NULL;
		found = 0;
		if (e != NULL) {
			if (cfg == NULL || !pm_config_excluded(cfg, rel))
				entries_add(out, rel, NULL, e->mode, 1);
			found = 1;
		} else {
			/*
			 * A directory: the paths under "rel/" form one run
			 * of the sorted list; find its start.
			 */
			dir = rel[0] == '\0' ? pm_xstrdup("") :
			    pm_xasprintf("%s/", rel);
			n = strlen(dir);
			lo = 0;
			hi = all->n;
			while (lo < hi) {
				mid = lo + (hi - lo) / 2;
				if (strcmp(all->v[mid].path, dir) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (j = lo; j < all->n; j++) {
				if (strncmp(all->v[j].path, dir, n) != 0)
					break;
				found = 1;
				if (candidate(cfg, all->v[j].path))
					entries_add(out, all->v[j].path,
					    NULL, all->v[j].mode, 0);
			}
			free(dir);
		}
		if (!found) {
			pm_error_set("'%s' did not match any file in %s",
			    paths[i], what);
			free(rel);
			return -1;
		}
		free(rel);
	}
oids:
	/* Copy the blob ids of what was selected. */
	for (i = 0; i < out->n; i++) {
		if (strcmp(out->v[i].path, "-") == 0)
			continue;
		key.path = out->v[i].path;
		e = bsearch(&key, all->v, all->n, sizeof(*all->v), cmp_entry);
		if (e != NULL) {
			memcpy(out->v[i].oid, e->oid, sizeof(e->oid));
			out->v[i].has_oid = e->has_oid;
		}
	}
	return 0;
}

/* Every file of the index at stage 0 (or its first stage). */
static int
list_index_all(struct pm_source *src, struct pm_entries *all)
{
	git_index		*idx;
	const git_index_entry	*ie;
	size_t			 i, n;

	if (git_repository_index(&idx, src->repo) < 0)
		return pm_error_git("cannot read the index");
	n = git_index_entrycount(idx);
	for (i = 0; i < n; i++) {
		ie = git_index_get_byindex(idx, i);
		if (ie->mode == MODE_GITLINK)
			continue;
		/* A conflict has stages 1-3: keep the first listed. */
		if (all->n > 0 && strcmp(all->v[all->n - 1].path,
		    ie->path) == 0)
			continue;
		entries_add(all, ie->path, &ie->id, ie->mode, 0);
	}
	git_index_free(idx);
	return 0;
}

static int
tree_cb(const char *root, const git_tree_entry *te, void *arg)
{
	struct pm_entries	*all = arg;
	char			*path;

	switch (git_tree_entry_type(te)) {
	case GIT_OBJECT_BLOB:
		path = pm_xasprintf("%s%s", root, git_tree_entry_name(te));
		entries_add(all, path, git_tree_entry_id(te),
		    (unsigned int)git_tree_entry_filemode(te), 0);
		free(path);
		return 0;
	case GIT_OBJECT_TREE:
		return 0;	/* descend */
	default:
		return 1;	/* a submodule: skip */
	}
}

/* Every file of the tree of rev, from the object database. */
static int
list_rev_all(struct pm_source *src, const char *rev, struct pm_entries *all)
{
	git_object	*obj = NULL;
	git_tree	*tree = NULL;
	int		 rc = -1;

	if (git_revparse_single(&obj, src->repo, rev) < 0) {
		pm_error_set("unknown revision '%s'", rev);
		git_error_clear();
		return -1;
	}
	if (git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
		pm_error_set("revision '%s' is not a commit or a tree", rev);
		git_error_clear();
		goto done;
	}
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, tree_cb, all) < 0) {
		pm_error_git("cannot read the tree");
		goto done;
	}
	rc = 0;
done:
	git_tree_free(tree);
	git_object_free(obj);
	return rc;
}

int
pm_source_list(struct pm_source *src, enum pm_srckind kind, const char *rev,
    char *const *paths, size_t npaths, const struct pm_config *cfg,
    struct pm_entries *out)
{
	struct pm_entries	 all = { NULL, 0, 0 };
	int			 rc;

	if (kind != PM_SRC_WORKTREE && !src->has_repo) {
		pm_error_set("not a git repository (or any parent up to "
		    "the root); %s needs one", kind == PM_SRC_INDEX ?
		    "--staged" : "--rev");
		return -1;
	}
	switch (kind) {
	case PM_SRC_WORKTREE:
		rc = list_worktree(src, paths, npaths, cfg, out);
		break;
	case PM_SRC_INDEX:
		rc = list_index_all(src, &all);
		if (rc == 0) {
			entries_sort(&all);
			rc = select_named(src, &all, paths, npaths, cfg, out,
			    "the index");
		}
		break;
	case PM_SRC_REV:
		rc = list_rev_all(src, rev != NULL ? rev : "HEAD", &all);
		if (rc == 0) {
			entries_sort(&all);
			rc = select_named(src, &all, paths, npaths, cfg, out,
			    "the revision");
		}
		break;
	default:
		abort();
	}
	pm_entries_release(&all);
	if (rc == -1)
		return -1;
	entries_sort(out);
	return 0;
}

int
pm_source_list_all(struct pm_source *src, enum pm_srckind kind,
    const char *rev, struct pm_entries *out)
{
	struct walk	 w;
	int		 rc;

	if (!src->has_repo) {
		pm_error_set("not a git repository");
		return -1;
	}
	switch (kind) {
	case PM_SRC_WORKTREE:
		if (src->bare) {
			pm_error_set("a bare repository has no working tree");
			return -1;
		}
		memset(&w, 0, sizeof(w));
		w.src = src;
		w.out = out;
		if (git_repository_index(&w.index, src->repo) < 0)
			return pm_error_git("cannot read the index");
		rc = walk_dir(&w, src->root, "");
		git_index_free(w.index);
		break;
	case PM_SRC_INDEX:
		rc = list_index_all(src, out);
		break;
	case PM_SRC_REV:
		rc = list_rev_all(src, rev != NULL ? rev : "HEAD", out);
		break;
	default:
		abort();
	}
	if (rc == 0)
		entries_sort(out);
	return rc;
}

const struct pm_entry *
pm_entries_find(const struct pm_entries *es, const char *path)
{
	struct pm_entry	 key;

	if (es == NULL || es->n == 0)
		return NULL;
	key.path = (char *)path;
	return bsearch(&key, es->v, es->n, sizeof(*es->v), cmp_entry);
}

int
pm_entries_isdir(const struct pm_entries *es, const char *path)
{
	char	*dir;
	size_t	 lo = 0, hi, mid, n;
	int	 rc;

	if (es == NULL || es->n == 0)
		return 0;
	if (*path == '\0')
		return 1;
	/* The first path sorting at or after "path/" starts with it. */
	dir = pm_xasprintf("%s/", path);
	n = strlen(dir);
	hi = es->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(es->v[mid].path, dir) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	rc = lo < es->n && strncmp(es->v[lo].path, dir, n) == 0;
	free(dir);
	return rc;
}

/* Read all of fd, at most max + 1 bytes.  Returns 0 or -1. */
static int
read_fd(int fd, size_t max, char **buf, size_t *len)
{
	struct pm_buf	 b = PM_BUF_INIT;
	ssize_t		 r;
	size_t		 want;

	for (;;) {
		want = 65536;
		if (max != SIZE_MAX && want > max + 1 - b.len)
			want = max + 1 - b.len;
		if (want == 0)
			break;
		pm_buf_grow(&b, want);
		r = read(fd, b.ptr + b.len, want);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			pm_buf_release(&b);
			return -1;
		}
		if (r == 0)
			break;
		b.len += (size_t)r;
		b.ptr[b.len] = '\0';
	}
	*buf = pm_buf_detach(&b, len);
	if (*buf == NULL)
		*buf = pm_xstrdup("");
	return 0;
}

static int
read_stdin(struct pm_source *src, size_t max, char **buf, size_t *len)
{
	int	 rc = 0;

	pthread_mutex_lock(&src->lock);
	if (!src->stdin_done) {
		src->stdin_done = 1;
		if (read_fd(STDIN_FILENO, SIZE_MAX, &src->stdin_buf,
		    &src->stdin_len) == -1) {
			pm_error_set("cannot read standard input: %s",
			    strerror(errno));
			rc = -1;
		}
	}
	pthread_mutex_unlock(&src->lock);
	if (rc == -1 || src->stdin_buf == NULL) {
		pm_error_set("cannot read standard input");
		return -1;
	}
	if (src->stdin_len > max) {
		*buf = NULL;
		*len = src->stdin_len;
		return 1;
	}
	*buf = pm_xmalloc(src->stdin_len + 1);
	memcpy(*buf, src->stdin_buf, src->stdin_len);
	(*buf)[src->stdin_len] = '\0';
	*len = src->stdin_len;
	return 0;
}

static int
read_file(struct pm_source *src, const struct pm_entry *e, size_t max,
    char **buf, size_t *len)
{
	struct stat	 st;
	char		*full, target[PATH_MAX];
	ssize_t		 n;
	int		 fd, rc;

	if (src->has_repo)
		full = pm_xasprintf("%s/%s", src->root, e->path);
	else
		full = pm_xstrdup(e->path);
	if (e->mode == MODE_LINK) {
		/* The link's own text, as git stores it. */
		if ((n = readlink(full, target, sizeof(target))) == -1) {
			pm_error_set("cannot read '%s': %s", e->path,
			    strerror(errno));
			free(full);
			return -1;
		}
		free(full);
		*buf = pm_xstrndup(target, (size_t)n);
		*len = (size_t)n;
		return 0;
	}
	if ((fd = open(full, O_RDONLY | O_CLOEXEC)) == -1) {
		pm_error_set("cannot read '%s': %s", e->path,
		    strerror(errno));
		free(full);
		return -1;
	}
	free(full);
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode)) {
		pm_error_set("cannot read '%s': %s", e->path,
		    S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		*buf = NULL;
		*len = (size_t)st.st_size;
		return 1;
	}
	rc = read_fd(fd, max, buf, len);
	if (rc == -1)
		pm_error_set("cannot read '%s': %s", e->path,
		    strerror(errno));
	close(fd);
	if (rc == 0 && *len > max) {
		free(*buf);
		*buf = NULL;
		return 1;
	}
	return rc;
}

static int
read_blob(struct pm_source *src, const struct pm_entry *e, size_t max,
    char **buf, size_t *len)
{
	git_repository	*repo;
	git_odb		*odb = NULL;
	git_odb_object	*obj = NULL;
	git_object_t	 type;
	git_oid		 oid;
	size_t		 size;
	int		 rc = -1;

	if (!e->has_oid) {
		pm_error_set("cannot read '%s': no object id", e->path);
		return -1;
	}
	if ((repo = pm_source_git_acquire(src)) == NULL)
		return -1;
	git_oid_fromraw(&oid, e->oid);
	if (git_repository_odb(&odb, repo) < 0) {
		pm_error_git("cannot open the object database");
		goto done;
	}
	/* The header first: an oversized blob is never inflated. */
	if (git_odb_read_header(&size, &type, odb, &oid) < 0) {
		pm_error_git(e->path);
		goto done;
	}
	if (size > max) {
		*buf = NULL;
		*len = size;
		rc = 1;
		goto done;
	}
	if (git_odb_read(&obj, odb, &oid) < 0) {
		pm_error_git(e->path);
		goto done;
	}
	*len = git_odb_object_size(obj);
	*buf = pm_xmalloc(*len + 1);
	memcpy(*buf, git_odb_object_data(obj), *len);
	(*buf)[*len] = '\0';
	rc = 0;
done:
	git_odb_object_free(obj);
	git_odb_free(odb);
	pm_source_git_release(src, repo);
	return rc;
}

int
pm_source_read_max(struct pm_source *src, enum pm_srckind kind,
    const struct pm_entry *e, size_t max, char **buf, size_t *len)
{
	*buf = NULL;
	*len = 0;
	if (strcmp(e->path, "-") == 0 && e->named)
		return read_stdin(src, max, buf, len);
	if (kind == PM_SRC_WORKTREE)
		return read_file(src, e, max, buf, len);
	return read_blob(src, e, max, buf, len);
}

int
pm_source_read(struct pm_source *src, enum pm_srckind kind,
    const struct pm_entry *e, char **buf, size_t *len)
{
	int	 rc;

	rc = pm_source_read_max(src, kind, e, SIZE_MAX - 1, buf, len);
	if (rc == 1) {
		pm_error_set("'%s' is too large", e->path);
		return -1;
	}
	return rc;
}
