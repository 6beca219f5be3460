/*
 * The corpus: every document of one run, loaded from a source in
 * parallel, with an id index, backlinks and history attached.  Used by
 * every subcommand that reads more than one report.
 */
#ifndef PM_CORPUS_H
#define PM_CORPUS_H

#include <stddef.h>

#include "base/finding.h"
#include "source/repo.h"

struct pm_cache;
struct pm_config;
struct pm_doc;

struct	pm_load_opts {
	enum pm_srckind	 kind;
	const char	*rev;		/* PM_SRC_REV */
	char *const	*paths;		/* named paths, or NULL */
	size_t		 npaths;
	int		 history;	/* attach first-added times */
	unsigned int	 doc_flags;	/* PM_PARSE_* */
	int		 threads;	/* 0: one per CPU */
	int		 whole;		/* with paths: load the whole source
					   too, for cross-file rules, but
					   mark only the named as targets */
	int		 ids_only_others; /* with whole: the documents that
					   are not targets are not parsed;
					   each is a stub with its path and
					   id (the front matter's 'id:' line,
					   else the file name), enough for
					   ids/unique and links/related */
	int		 cache;		/* use and update the cache under
					   .git/postmortem (source/cache.h):
					   stubs' ids without their blobs */
	uint64_t	 lint_key;	/* with cache, nonzero: a target with
					   a lint record of this key is not
					   read, it is a stub made from the
					   record (lint/replay.c), and the
					   cache stays open for lint's new
					   records (pm_corpus_cache_save) */
};

/* With lint_key: the cache record of a document's blob. */
struct	pm_docsrc {
	unsigned char	 oid[20];
	int		 has_oid;	/* a record can be written */
	int		 force;		/* parsed with PM_PARSE_FORCE */
	uint32_t	 size, flags;	/* the blob's record (cache.h) */
	char		*id;
	const unsigned char *replay;	/* its lint record: the document is
					   a stub (in the cache's memory) */
	size_t		 replaylen;
	unsigned char	*fresh;		/* lint's new record, or NULL */
	size_t		 freshlen;
};

struct	pm_corpus {
	struct pm_doc	**docs;		/* post-mortems, sorted by path */
	size_t		 ndocs;
	unsigned char	*target;	/* target[i]: lint docs[i] (named or
					   staged); all 1 without paths */
	struct pm_doc	**byid;		/* sorted by id, then path */
	size_t		 nlegacy;	/* files that look like post-mortems
					   without front matter, not selected
					   by include (for the adopt hint) */
	unsigned char	*named;		/* named[i]: docs[i] was named itself
					   (not found under a named folder) */
	char		**templates;	/* report templates skipped (SPEC 6:
					   not linted, built or adopted) */
	const char	**template_why;	/* why each is one (static) */
	size_t		 ntemplates;
	int		 has_history;
	int		 shallow;
	struct pm_findings findings;	/* load findings (unreadable file,
					   too large...) */
	struct pm_cache	*cache;		/* with lint_key, until saved */
	struct pm_docsrc *dsrc;		/* with lint_key: by document */
	uint64_t	 lint_key;
};

/*
 * Load every post-mortem of src: front matter files, and legacy files
 * that include globs select or that are named.  Parses in parallel.
 * Returns 0, or -1 on an operational failure (bad revision...).
 */
int	 pm_corpus_load(struct pm_corpus **out, struct pm_source *,
	    const struct pm_config *, const struct pm_load_opts *);
void	 pm_corpus_free(struct pm_corpus *);
/* With lint_key: add lint's new records to the cache, write it and
 * close it (the stubs' records are gone: call after reporting). */
void	 pm_corpus_cache_save(struct pm_corpus *);
/* Sort byid again (by id, then path), after ids changed (adopt). */
void	 pm_corpus_sort_byid(struct pm_corpus *);
/* The document with this id (first by path if duplicated), or NULL. */
struct pm_doc	*pm_corpus_find(const struct pm_corpus *, const char *id);

#endif /* PM_CORPUS_H */
