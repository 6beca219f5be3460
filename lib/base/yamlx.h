/*
 * YAML as a small tree with positions, built from libyaml events.
 * The only code that knows libyaml.  Used for front matter, the
 * configuration and rule packs.
 *
 * Defends against the weaknesses of libyaml 0.2.5 (STYLE part C): the
 * nesting depth is capped in our event loop, and an alias is a pointer
 * to its anchor's node (never a copy) whose expanded weight is counted,
 * so "billion laughs" is refused instead of multiplied.
 */
#ifndef PM_YAMLX_H
#define PM_YAMLX_H

#include <stddef.h>

#include "base/arena.h"
#include "base/finding.h"

enum	pm_ytype {
	PM_Y_SCALAR,
	PM_Y_SEQ,
	PM_Y_MAP,
};

struct	pm_ynode {
	enum pm_ytype		 type;
	const char		*value;	/* scalar text, NUL-terminated; "" else */
	size_t			 len;	/* scalar length (may hold NULs) */
	int			 quoted; /* scalar was quoted or a block */
	const char		*tag;	/* explicit tag or NULL */
	struct pm_pos		 pos;	/* 1-based, relative to the YAML text */
	struct pm_ynode		**kids;	/* MAP: key, value, key, value... */
	size_t			 nkids;
};

struct	pm_ylimits {
	unsigned int	 max_depth;	/* nesting levels (default 64) */
	unsigned int	 max_aliases;	/* alias events (default 100) */
	size_t		 max_weight;	/* nodes after alias expansion (100000) */
};

#define	PM_YLIMITS_DEFAULT	{ 64, 100, 100000 }

struct	pm_yerror {
	char		 msg[256];
	struct pm_pos	 pos;	/* 1-based, relative to the YAML text */
};

/*
 * Parse the first document of text into a tree allocated in arena.
 * Returns 0 and sets *out (NULL for an empty document), or -1 and fills
 * *err with a message and position (syntax error or a limit reached).
 */
int	 pm_yaml_parse(struct pm_ynode **out, struct pm_arena *,
	    const char *text, size_t len, const struct pm_ylimits *,
	    struct pm_yerror *err);

/* The value of key in a mapping, or NULL. */
const struct pm_ynode	*pm_ymap_get(const struct pm_ynode *, const char *key);
/* 1 if the node is a plain scalar "null", "~" or empty. */
int	 pm_yis_null(const struct pm_ynode *);

#endif /* PM_YAMLX_H */
