/*
 * A cache keyed by content (the way git's index, ESLint's --cache and
 * ruff keep one): for each blob id, what the cross-file rules need
 * from the blob without reading it (its size, whether it opens with a
 * front matter fence, the front matter's 'id:' value), and for lint
 * the blob's findings and the facts the cross-file rules read
 * (lint/replay.c), an opaque record here.  One file,
 * <git common dir>/postmortem/cache, never in the work tree.
 *
 * It is never needed for a correct answer: a file that is missing,
 * truncated, corrupt, from another version of the binary or another
 * configuration (the key), is ignored and rewritten.  Writes are
 * atomic (a temporary file renamed over the old one), so a reader
 * never sees a half-written cache even while another process writes.
 */
#ifndef PM_CACHE_H
#define PM_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/hash.h"

#define	PM_CACHE_FENCED	0x1u	/* opens with '---' (after a BOM) */
#define	PM_CACHE_COMMIT	0x2u	/* a commit: id is its first parent's
				   hex id, "" for a root */
#define	PM_CACHE_HISTORY 0x4u	/* the history walk's result up to a
				   commit (source/history.c) */
#define	PM_CACHE_WTLINT	0x8u	/* lint's record of a working tree file
				   (corpus.c): size is its bytes, the
				   oid a key made from its blob's */
#define	PM_CACHE_ADDED	0x10u	/* when a path was first committed, as
				   of a commit (source/history.c): the
				   oid a key made from both, id "WHEN
				   \tAUTHOR", "" when never */

struct	pm_cache_rec {
	unsigned char	 oid[20];
	uint32_t	 size;		/* bytes of the blob */
	uint32_t	 flags;		/* PM_CACHE_* */
	const char	*id;		/* front matter 'id:' value, or "" */
	const unsigned char *data;	/* the linter's record of the blob
					   (lint/replay.c), or NULL */
	uint32_t	 datalen;
	uint32_t	 seq;		/* order of addition: the last wins */
	int		 used;		/* looked up or added this run; -1:
					   dropped, not kept */
};

enum	pm_cache_state {
	PM_CACHE_MISSING,	/* no file (or none readable) */
	PM_CACHE_OK,
	PM_CACHE_STALE,		/* another binary or configuration */
	PM_CACHE_CORRUPT,	/* truncated, bad checksum, bad record */
};

struct	pm_cache;

/*
 * Open the cache of the repository whose common git directory is
 * gitdir; key names the binary version and configuration.  Never fails
 * (an unusable file gives an empty cache); *out is NULL only when
 * gitdir is NULL.
 */
void	 pm_cache_open(struct pm_cache **out, const char *gitdir,
	    const char *key);
enum pm_cache_state pm_cache_state(const struct pm_cache *);
/*
 * The record of a blob id, or NULL.  Safe from several threads at
 * once (read only); mark it used with pm_cache_use() afterwards.
 */
const struct pm_cache_rec *pm_cache_get(const struct pm_cache *,
	    const unsigned char oid[20]);
void	 pm_cache_use(struct pm_cache *, const struct pm_cache_rec *);
/*
 * Add (or replace) a record; one thread at a time (the loader adds
 * after its workers are done, the history walk meanwhile: additions
 * are never read by pm_cache_get, so the two do not race).
 */
void	 pm_cache_put(struct pm_cache *, const unsigned char oid[20],
	    uint32_t size, uint32_t flags, const char *id);
/* The same with the linter's record of the blob (copied; at most
 * PM_CACHE_MAX_DATA bytes, else the record is kept without it). */
#define	PM_CACHE_MAX_DATA	(1u << 20)
void	 pm_cache_put_data(struct pm_cache *, const unsigned char oid[20],
	    uint32_t size, uint32_t flags, const char *id,
	    const unsigned char *data, size_t datalen);
/* Keep none of the records with these flags (an older snapshot). */
void	 pm_cache_drop(struct pm_cache *, uint32_t flags);
/*
 * Write the cache when it changed: the records used this run, and
 * older ones while they are not too many.  Failure (a read-only .git)
 * is silent: returns -1, nothing else happens.
 */
int	 pm_cache_save(struct pm_cache *);
/* Counts for PM_CACHE_STATS: lookups that hit and records added. */
void	 pm_cache_counts(const struct pm_cache *, size_t *hits,
	    size_t *added);
void	 pm_cache_free(struct pm_cache *);

#endif /* PM_CACHE_H */
