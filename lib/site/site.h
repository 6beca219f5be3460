/*
 * The archive: a static HTML site built from a corpus (SPEC section 4).
 * Pages (index, per-year and per-severity lists, one page per report,
 * a page per service, tag, contributing-factor category, author and
 * action-item owner), trend pages with SVG charts, an Atom feed, a
 * sitemap and a search index, rendered through a theme's templates and
 * written atomically (write.h).  Called by cmd/cmd_build.c.
 */
#ifndef PM_SITE_H
#define PM_SITE_H

#include <stddef.h>
#include <stdint.h>

struct pm_config;
struct pm_corpus;
struct pm_entries;
struct pm_findings;
struct pm_source;

struct	pm_site_opts {
	const char	*out;		/* output directory (replaced) */
	const char	*base_url;	/* absolute URL of the site, or NULL */
	const char	*theme_dir;	/* override theme, or NULL */
	const char	*default_theme;	/* themes/default */
	int32_t		 today;		/* days since the epoch (--today) */
	/* Lint findings sorted by path (pm_findings_sort), or NULL: then
	 * each document's parser findings are shown. Borrowed. */
	const struct pm_findings *findings;
	int		 threads;	/* 0: one per CPU */
	/*
	 * Attachments: the files that relative links and images of the
	 * reports name are read from src (a commit or the index: blobs,
	 * never the file system; nothing is copied for PM_SRC_WORKTREE)
	 * and copied under files/.  tree is every file of the source
	 * (pm_source_list_all); NULL: no attachments.  Borrowed.
	 */
	struct pm_source	*src;
	int			 src_kind;	/* enum pm_srckind */
	const struct pm_entries	*tree;
	/*
	 * The snapshot of the last build (snapshot.h): cache_dir holds it
	 * (<git common dir>/postmortem), cache_key names every input of
	 * this build; NULL: none is read or written.  cache_after: what
	 * the caller prints after this build, kept with the snapshot.
	 */
	const char		*cache_dir, *cache_key, *cache_after;
};

struct	pm_site_stats {
	size_t		 reports;	/* report pages */
	size_t		 files;		/* files in the site */
	size_t		 kept;		/* unchanged, kept from the old site */
	size_t		 attachments;	/* files copied under files/ */
	int		 sitemap;	/* sitemap.xml written (has base URL) */
	char		*after;		/* pm_sitesnap_reuse: cache_after of
					   the snapshot (the caller frees) */
};

/*
 * Build the site of every document of corpus into opts->out.  The
 * documents need no cmark tree (parse without PM_PARSE_KEEP_TREE):
 * each body is parsed again for rendering on the page's thread and
 * freed at once.  Returns 0, or -1 with pm_error_set (the old site is
 * left as it was).  stats may be NULL.
 */
int	 pm_site_build(const struct pm_corpus *, const struct pm_config *,
	    const struct pm_site_opts *, struct pm_site_stats *stats);

#endif /* PM_SITE_H */
