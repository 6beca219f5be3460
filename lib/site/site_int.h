/*
 * Shared inside lib/site/ only: the site model computed once from the
 * corpus (reports in index order, facets, slugs, findings per report)
 * and the helpers every page module uses.  Everything in it is
 * read-only while pages render on several threads.
 */
#ifndef PM_SITE_INT_H
#define PM_SITE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/finding.h"

struct pm_config;
struct pm_corpus;
struct pm_doc;
struct pm_site_opts;
struct pm_sitew;
struct pm_theme;
struct pm_tmpl;
struct pm_tv;
struct pm_sim;
struct sim_cluster;
struct sim_link;

enum	facet_kind {
	FACET_SERVICE,
	FACET_TAG,
	FACET_FACTOR,
	FACET_AUTHOR,
	FACET_OWNER,
	FACET__MAX
};

struct	rep {				/* one report */
	const struct pm_doc	*doc;
	char			*slug;	/* r/<slug>.html */
	char			*href;	/* "r/<slug>.html", from the root */
	int			 has_start;
	int64_t			 started;
	int			 sev;	/* 0..4, -1 unknown */
	const struct pm_finding	*f;	/* its findings, sorted */
	size_t			 nf;
	size_t			 nerr, nwarn, ninfo;
	size_t			*back;	/* reports that reference this one */
	size_t			 nback;
	struct pm_tv		*row;	/* row value for list pages */
	const struct fval	**aowner; /* owner value of each action
					   item (doc->actions), or NULL */
	struct sim_link		*simv;	/* similar reports, best first */
	size_t			 nsim;
};

struct	fval {				/* one service, tag, ... */
	char		*name;		/* as first written */
	char		*key;		/* lower-cased, for grouping */
	char		*slug;
	char		*href;		/* "service/<slug>.html" */
	size_t		*reps;		/* indexes into site.reps, in order */
	size_t		 n;
};

struct	facet {
	const char	*dir;		/* "service" */
	const char	*title;		/* "Services" */
	const char	*one;		/* "Service" */
	struct fval	*v;		/* sorted by key */
	size_t		 n;
};

struct	att {				/* a file a report links (attach.c) */
	const char	*path;		/* its path in the tree */
	char		*href;		/* "files/<blob id>-<name>", or NULL:
					   not published */
};

struct	pathrep {			/* a report by its file's path */
	const char	*path;
	size_t		 rep;
};

struct	site {
	const struct pm_corpus		*corpus;
	const struct pm_config		*cfg;
	const struct pm_site_opts	*o;
	const char			*title;
	struct rep			*reps;	/* newest first */
	size_t				 nreps;
	size_t				*byid;	/* rep indexes sorted by id */
	struct facet			 facets[FACET__MAX];
	int				*years;	/* descending */
	size_t				 nyears;
	struct pm_arena			 arena;	/* model strings, rows */
	struct pm_theme			*theme;
	const struct pm_tmpl		*t_list, *t_report, *t_facets,
					*t_trends, *t_search;
	struct pm_sitew			*w;
	struct att			*att;	/* sorted by path */
	size_t				 natt, natt_written;
	struct pathrep			*bypath; /* sorted by path */
	struct pm_sim			*sim;	/* similar.c */
	struct sim_cluster		*clusters;
	size_t				 nclusters;
	struct pm_buf			 notes;	/* printed, for the snapshot */
};

/* site.c */
/* The report with this id, or NULL. */
const struct rep	*site_find(const struct site *, const char *id);
/* The value of a facet by key (lower-cased name), or NULL. */
const struct fval	*site_fval(const struct site *, enum facet_kind,
			    const char *name);
/* A context map with what every page needs: root, site title, page
 * title, the navigation. */
struct pm_tv	*site_page(const struct site *, struct pm_arena *,
		    const char *root, const char *title, const char *nav);
/* Render tmpl with ctx and write it at relpath.  0 or -1. */
int	 site_emit(const struct site *, const struct pm_tmpl *,
	    const struct pm_tv *ctx, const char *relpath);
/* Write bytes at relpath.  0 or -1. */
int	 site_put(const struct site *, const char *relpath,
	    const struct pm_buf *);
/* Print a note on stderr and keep it for the snapshot (snapshot.h):
 * before the pages render, on one thread. */
void	 site_note(struct site *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* "P1" / "SEV1" / "?" */
const char	*site_sev_label(int sev);
/* "1 h 5 min" into out (cleared), from seconds. */
void	 site_duration(struct pm_buf *out, int64_t secs);
/* An action item counts as open (none, open, in-progress, unknown). */
int	 site_action_open(int status);
/*
 * The contributing-factor categories of a report, i 0-based below
 * site_ncats(): the category of each factor (NULL for a factor without
 * one), then each value of the front matter field 'category' (a string
 * or a list of strings; NULL for another value).  'postmortem adopt'
 * turns a legacy "Category:" line into that field, not into a factor,
 * so both count for the factor pages and recurring problems.
 */
size_t		 site_ncats(const struct pm_doc *);
const char	*site_cat(const struct pm_doc *, size_t i);

/* attach.c */
/*
 * Index the reports by path, resolve every file link of every report
 * (the document's urls, through pm_linkpath) and copy each target
 * once, before the pages render.  0, or -1 on a write failure.
 */
int	 site_attach(struct site *);
void	 site_attach_free(struct site *);
/*
 * Rewrite the rendered body of r for a page at root: a link to a
 * report's file points at its page (fragment kept), a link or image
 * naming a copied file points at the copy, any other file link loses
 * its target (marked "link-missing"; an image becomes its alt text),
 * and headings get GitHub's ids.  Appends to out.
 */
void	 site_body_links(const struct site *, const struct rep *r,
	    const char *html, size_t len, const char *root,
	    struct pm_buf *out);

/* page_doc.c */
int	 page_doc(const struct site *, size_t i, struct pm_arena *);
/* Register cmark-gfm's extensions; once, before the threads start. */
void	 page_doc_init(void);
/* Free what the calling thread kept for rendering bodies. */
void	 page_doc_thread_done(void);
/* Rewrite [[id]] in rendered HTML text (outside code, pre and links)
 * into links to the report pages; unknown ids are marked. */
void	 page_doc_xrefs(const struct site *, const char *html, size_t len,
	    const char *root, struct pm_buf *out);

/* page_index.c */
int	 page_index(const struct site *, struct pm_arena *);
int	 page_year(const struct site *, size_t yi, struct pm_arena *);
int	 page_severity(const struct site *, int sev, struct pm_arena *);
int	 page_facets(const struct site *, enum facet_kind, struct pm_arena *);
int	 page_fval(const struct site *, enum facet_kind, size_t vi,
	    struct pm_arena *);

/* page_trends.c */
int	 page_trends(const struct site *, struct pm_arena *);

/* feed.c, sitemap.c, search.c */
int	 site_feed(const struct site *);
int	 site_sitemap(const struct site *, int *written);
int	 site_search(const struct site *, struct pm_arena *);

#endif /* PM_SITE_INT_H */
