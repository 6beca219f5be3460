/*
 * 64-bit FNV-1a: the one byte hash of the project (cache checksums and
 * keys, finding fingerprints, string hash tables).  Not for security.
 */
#ifndef PM_HASH_H
#define PM_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define	PM_FNV_INIT	0xcbf29ce484222325ull

/* FNV-1a of n bytes, continuing h (start with PM_FNV_INIT). */
static inline uint64_t
pm_fnv64(uint64_t h, const void *p, size_t n)
{
	const unsigned char	*b = p;
	size_t			 i;

	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* FNV-1a of a NUL-terminated string. */
static inline uint64_t
pm_fnv64_str(const char *s)
{
	return pm_fnv64(PM_FNV_INIT, s, strlen(s));
}

#endif /* PM_HASH_H */
