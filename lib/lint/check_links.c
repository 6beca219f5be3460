/*
 * links/local: every relative link and image of a report names a file
 * of the tree being linted (the commit, the index or the working tree)
 * and stays inside the repository.  The site publishes exactly the
 * targets this rule accepts (lib/site/attach.c), both through
 * pm_linkpath().
 */
#include <string.h>

#include "base/buf.h"
#include "base/linkpath.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"
#include "source/repo.h"

#define	MODE_LINK	0120000u
#define	SHOW_MAX	200	/* bytes of a URL a message shows */

/* A link to "x.html" is a report's page when x.html.md.erb or x.md is
 * a file (Middleman sites link reports by their output name). */
static int
html_alias(const struct pm_entries *tree, const char *path)
{
	struct pm_buf	 b = PM_BUF_INIT;
	size_t		 n = strlen(path);
	int		 found = 0;

	if (n > 5 && strcmp(path + n - 5, ".html") == 0) {
		pm_buf_printf(&b, "%s.md.erb", path);
		found = pm_entries_find(tree, b.ptr) != NULL;
		if (!found) {
			pm_buf_truncate(&b, 0);
			pm_buf_printf(&b, "%.*s.md", (int)(n - 5), path);
			found = pm_entries_find(tree, b.ptr) != NULL;
		}
	}
	pm_buf_release(&b);
	return found;
}

/* s for a message in b: a hostile URL may be long, so its start, cut
 * between characters. */
static const char *
shorten(struct pm_buf *b, const char *s)
{
	size_t	 n = strlen(s);

	pm_buf_truncate(b, 0);
	if (n <= SHOW_MAX) {
		pm_buf_put(b, s, n);
		return pm_buf_cstr(b);
	}
	for (n = SHOW_MAX; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
		continue;
	pm_buf_put(b, s, n);
	pm_buf_puts(b, "...");
	return b->ptr;
}

void
check_links_local(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_entries	*tree = lt->opts->tree;
	const struct pm_entry	*e;
	const struct pm_urlref	*u;
	const char		*what, *where;
	struct pm_buf		 path = PM_BUF_INIT, msg = PM_BUF_INIT,
				 show = PM_BUF_INIT, spath = PM_BUF_INIT;
	const char		*shown;
	struct pm_finding	*f;
	enum pm_lp		 r;
	size_t			 i;

	if (tree == NULL || strcmp(doc->path, "-") == 0)
		return;
	where = lt->opts->tree_name ? lt->opts->tree_name : "the repository";
	for (i = 0; i < doc->nurls; i++) {
		u = &doc->urls[i];
		what = u->image ? "image" : "link";
		shown = shorten(&show, u->url);
		pm_buf_truncate(&msg, 0);
		r = pm_linkpath(doc->path, u->url, strlen(u->url), &path, NULL);
		if (r == PM_LP_NONE)
			continue;
		if (r != PM_LP_OK)
			pm_buf_printf(&msg, "%s '%s' is not published: %s; link "
			    "a file of the repository", what, shown,
			    pm_linkpath_why(r));
		else if ((e = pm_entries_find(tree, path.ptr)) != NULL) {
			if (e->mode == MODE_LINK)
				pm_buf_printf(&msg, "%s '%s' is a symbolic "
				    "link, which the archive never follows; "
				    "commit the file itself", what, shown);
			else if (pm_config_excluded(lt->cfg, path.ptr))
				pm_buf_printf(&msg, "%s '%s' names '%s', which "
				    "the configuration excludes; the archive "
				    "does not publish it", what, shown,
				    path.ptr);
			else if (pm_linkpath_active(path.ptr))
				pm_buf_printf(&msg, "%s '%s' is a file that "
				    "runs scripts in a browser (HTML, SVG, XML, "
				    "JavaScript), which the archive does not "
				    "publish; link a PNG or PDF", what, shown);
		} else if (!pm_entries_isdir(tree, path.ptr) &&
		    !html_alias(tree, path.ptr)) {
			pm_buf_printf(&msg, "%s '%s'", what, shown);
			if (strcmp(path.ptr, u->url) != 0)
				pm_buf_printf(&msg, " (%s)",
				    shorten(&spath, path.ptr));
			pm_buf_printf(&msg, " is not in %s; add the file or "
			    "fix the link", where);
		}
		if (msg.len == 0)
			continue;
		f = pm_lint_emit(lt, ck, u->pos, "%s", msg.ptr);
		/* The span is the URL as written, for the fingerprint. */
		f->end_col = u->pos.col + (unsigned int)strlen(u->url);
	}
	pm_buf_release(&path);
	pm_buf_release(&msg);
	pm_buf_release(&show);
	pm_buf_release(&spath);
}
