/*
 * libFuzzer target: the YAML reader (lib/base/yamlx.c) on arbitrary
 * bytes, as front matter, configuration and rule packs reach it.
 *
 * The first byte picks a set of limits (the defaults, tight ones, or
 * loose ones) so the depth, alias and weight caps are all exercised;
 * the rest is the YAML text.  The tree is then walked to check its
 * invariants: positions are 1-based, a mapping has key/value pairs,
 * and the walk stays within the expanded-weight cap (aliases are
 * shared nodes, so a walk that follows them visits the expansion).
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/yamlx.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static size_t
walk(const struct pm_ynode *n, unsigned int depth, size_t budget)
{
	size_t	 i, seen = 1;

	assert(n != NULL);
	assert(n->pos.line >= 1 && n->pos.col >= 1);
	assert(n->value != NULL);
	if (n->type == PM_Y_SCALAR) {
		assert(n->nkids == 0);
		assert(n->value[n->len] == '\0');
		(void)pm_yis_null(n);
		return 1;
	}
	if (n->type == PM_Y_MAP) {
		assert(n->nkids % 2 == 0);
		(void)pm_ymap_get(n, "title");
	}
	for (i = 0; i < n->nkids; i++) {
		assert(seen <= budget);
		seen += walk(n->kids[i], depth + 1, budget - seen);
	}
	return seen;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct pm_ylimits	 sets[] = {
		PM_YLIMITS_DEFAULT,
		{ 4, 2, 50 },
		{ 1000, 100000, 1000000 },
	};
	const struct pm_ylimits	*lim;
	struct pm_arena		 arena = PM_ARENA_INIT;
	struct pm_ynode		*root;
	struct pm_yerror	 err;
	size_t			 n;

	if (size == 0)
		return 0;
	lim = &sets[data[0] % 3];
	if (pm_yaml_parse(&root, &arena, (const char *)data + 1, size - 1,
	    lim, &err) == 0) {
		if (root != NULL) {
			n = walk(root, 0, lim->max_weight + 1);
			assert(n <= lim->max_weight);
		}
	} else {
		assert(err.msg[0] != '\0');
		assert(memchr(err.msg, '\0', sizeof(err.msg)) != NULL);
	}
	pm_arena_release(&arena);
	return 0;
}
