/*
 * Time zones (see tz.h).  Region names are read from the TZif files of
 * the system's tz database (RFC 8536), version 2 or later data when
 * present: the transitions, their offsets, and the rule of the footer
 * for the years after the last transition.  A loaded file is kept for
 * the life of the process (a handful per run), behind a lock.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/time.h"
#include "base/tz.h"

struct	pm_tzfile {
	char		*name;
	size_t		 n;		/* transitions */
	int64_t		*at;		/* UTC instants, ascending */
	int32_t		*off;		/* offset from at[i] on */
	int32_t		 off0;		/* before at[0] */
	int		 open_end;	/* footer has DST rules: the last
					   offset is not valid for ever */
	int		 ok;		/* read; else a remembered failure */
};

#define	MAXFILES	64

static pthread_mutex_t	 tz_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pm_tzfile	*tz_files[MAXFILES];
static size_t		 tz_nfiles;

/*
 * Abbreviations.  The generic US names (PT, ET...) follow DST, so they
 * are regions; the others are fixed.  Ambiguous ones are refused
 * unless `zones:` says which is meant.
 */
static const struct {
	const char	*name;
	const char	*region;	/* NULL: fixed */
	int		 minutes;
} abbrevs[] = {
	{ "UTC", NULL, 0 }, { "Z", NULL, 0 }, { "GMT", NULL, 0 },
	{ "UT", NULL, 0 },
	{ "WET", NULL, 0 }, { "WEST", NULL, 60 }, { "BST", NULL, 60 },
	{ "CET", NULL, 60 }, { "CEST", NULL, 120 }, { "MET", NULL, 60 },
	{ "MEST", NULL, 120 }, { "EET", NULL, 120 }, { "EEST", NULL, 180 },
	{ "MSK", NULL, 180 }, { "SGT", NULL, 480 }, { "HKT", NULL, 480 },
	{ "AWST", NULL, 480 }, { "JST", NULL, 540 }, { "KST", NULL, 540 },
	{ "AEST", NULL, 600 }, { "AEDT", NULL, 660 }, { "ACST", NULL, 570 },
	{ "ACDT", NULL, 630 }, { "NZST", NULL, 720 }, { "NZDT", NULL, 780 },
	{ "HST", NULL, -600 }, { "AKST", NULL, -540 }, { "AKDT", NULL, -480 },
	{ "PST", NULL, -480 }, { "PDT", NULL, -420 }, { "MST", NULL, -420 },
	{ "MDT", NULL, -360 }, { "CST", NULL, -360 }, { "CDT", NULL, -300 },
	{ "EST", NULL, -300 }, { "EDT", NULL, -240 }, { "BRT", NULL, -180 },
	{ "ART", NULL, -180 }, { "NST", NULL, -210 }, { "NDT", NULL, -150 },
	{ "PT", "America/Los_Angeles", 0 }, { "MT", "America/Denver", 0 },
	{ "CT", "America/Chicago", 0 }, { "ET", "America/New_York", 0 },
};

/* India, Israel or Ireland; Atlantic or Arabia; ... */
static const char *const ambiguous[] = {
	"IST", "AST", "ADT", "AMT", "CAT", "GST", "SST", "ECT", "BDT",
	"PKT"
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* Parse TZif data into f.  Returns 0 or -1. */
static int
tzif_parse(struct pm_tzfile *f, const unsigned char *b, size_t len)
{
	uint32_t	 isut, isstd, leap, timecnt, typecnt, charcnt;
	size_t		 pos = 0, tsz = 4, need, i, tp;
	const unsigned char *types, *idx, *times;
	int		 v2, j;

	for (;;) {
		if (len - pos < 44 || memcmp(b + pos, "TZif", 4) != 0)
			return -1;
		v2 = b[pos + 4] >= '2';
		isut = be32(b + pos + 20);
		isstd = be32(b + pos + 24);
		leap = be32(b + pos + 28);
		timecnt = be32(b + pos + 32);
		typecnt = be32(b + pos + 36);
		charcnt = be32(b + pos + 40);
		if (timecnt > 10000 || typecnt == 0 || typecnt > 256 ||
		    charcnt > 10000 || leap > 10000 || isut > 256 ||
		    isstd > 256)
			return -1;
		need = (size_t)timecnt * tsz + timecnt + typecnt * 6 +
		    charcnt + (size_t)leap * (tsz + 4) + isstd + isut;
		pos += 44;
		if (len - pos < need)
			return -1;
		if (tsz == 4 && v2) {
			pos += need;
			tsz = 8;
			continue;
		}
		break;
	}
	times = b + pos;
	idx = times + (size_t)timecnt * tsz;
	types = idx + timecnt;
	f->n = timecnt;
	f->at = pm_xcalloc(timecnt + 1, sizeof(*f->at));
	f->off = pm_xcalloc(timecnt + 1, sizeof(*f->off));
	for (i = 0; i < timecnt; i++) {
		if (idx[i] >= typecnt)
			return -1;
		f->at[i] = tsz == 8 ? be64(times + i * 8) :
		    (int64_t)(int32_t)be32(times + i * 4);
		f->off[i] = (int32_t)be32(types + idx[i] * 6);
		if (i > 0 && f->at[i] <= f->at[i - 1])
			return -1;
	}
	/* Before the first transition: the first standard-time type. */
	f->off0 = (int32_t)be32(types);
	for (j = 0; j < (int)typecnt; j++)
		if (types[j * 6 + 4] == 0) {
			f->off0 = (int32_t)be32(types + j * 6);
			break;
		}
	/* The footer: "\nPST8PDT,M3.2.0,M11.1.0\n".  A rule with DST
	 * means the offsets go on changing after the last transition. */
	tp = pos + need;
	f->open_end = 0;
	if (tsz == 8 && tp < len && b[tp] == '\n')
		for (i = tp + 1; i < len && b[i] != '\n'; i++)
			if (b[i] == ',')
				f->open_end = 1;
	return 0;
}

/* A region name safe to open under the database directory. */
static int
region_name_ok(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > 64 || s[0] == '/' || s[0] == '.')
		return 0;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '/' &&
		    s[i] != '_' && s[i] != '-' && s[i] != '+')
			return 0;
		if (s[i] == '/' && i + 1 < len && s[i + 1] == '.')
			return 0;
	}
	return 1;
}

static void
tzfile_load(struct pm_tzfile *f)
{
	const char	*dir = getenv("TZDIR");
	char		 path[512];
	unsigned char	*b;
	size_t		 len = 0, cap = 65536, n;
	FILE		*fp;

	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, f->name) >=
	    sizeof(path))
		return;
	if ((fp = fopen(path, "rb")) == NULL)
		return;
	b = pm_xmalloc(cap);
	while ((n = fread(b + len, 1, cap - len, fp)) > 0) {
		len += n;
		if (len == cap)
			break;	/* no zone file is this large */
	}
	fclose(fp);
	if (len < cap && tzif_parse(f, b, len) == 0)
		f->ok = 1;
	free(b);
}

/* The loaded file of a region (cached), or NULL. */
static const struct pm_tzfile *
region(const char *name, size_t len)
{
	struct pm_tzfile	*f = NULL;
	size_t			 i;

	if (!region_name_ok(name, len))
		return NULL;
	pthread_mutex_lock(&tz_lock);
	for (i = 0; i < tz_nfiles; i++)
		if (strlen(tz_files[i]->name) == len &&
		    memcmp(tz_files[i]->name, name, len) == 0) {
			f = tz_files[i];
			break;
		}
	if (f == NULL && tz_nfiles < MAXFILES) {
		f = pm_xcalloc(1, sizeof(*f));
		f->name = pm_xstrndup(name, len);
		tzfile_load(f);
		tz_files[tz_nfiles++] = f;
	}
	pthread_mutex_unlock(&tz_lock);
	return f != NULL && f->ok ? f : NULL;
}

static int
lookup(struct pm_tz *z, const char *name, size_t len, char *const *map,
    size_t nmap, int depth)
{
	const struct pm_tzfile	*f;
	size_t			 i;
	int			 off;

	while (len > 0 && isspace((unsigned char)*name))
		name++, len--;
	while (len > 0 && isspace((unsigned char)name[len - 1]))
		len--;
	memset(z, 0, sizeof(*z));
	if (len == 0)
		return PM_TZ_UNKNOWN;
	for (i = 0; i < nmap && depth == 0; i++)
		if (strlen(map[2 * i]) == len &&
		    strncasecmp(map[2 * i], name, len) == 0)
			return lookup(z, map[2 * i + 1],
			    strlen(map[2 * i + 1]), map, nmap, 1);
	for (i = 0; i < sizeof(ambiguous) / sizeof(ambiguous[0]); i++)
		if (strlen(ambiguous[i]) == len &&
		    strncmp(ambiguous[i], name, len) == 0)
			return PM_TZ_AMBIGUOUS;
	for (i = 0; i < sizeof(abbrevs) / sizeof(abbrevs[0]); i++) {
		if (strlen(abbrevs[i].name) != len ||
		    strncasecmp(abbrevs[i].name, name, len) != 0)
			continue;
		if (abbrevs[i].region == NULL) {
			z->kind = PM_TZ_FIXED;
			z->off = abbrevs[i].minutes * 60;
			return 0;
		}
		if ((f = region(abbrevs[i].region,
		    strlen(abbrevs[i].region))) == NULL)
			return PM_TZ_UNKNOWN;
		z->kind = PM_TZ_REGION;
		z->file = f;
		return 0;
	}
	/* Offsets: "+02:00", "UTC+1", "GMT-03:30". */
	if (pm_zone_offset(&off, name, len) == 0) {
		z->kind = PM_TZ_FIXED;
		z->off = off;
		return 0;
	}
	if (memchr(name, '/', len) != NULL && (f = region(name, len)) != NULL) {
		z->kind = PM_TZ_REGION;
		z->file = f;
		return 0;
	}
	return PM_TZ_UNKNOWN;
}

int
pm_tz_lookup(struct pm_tz *z, const char *name, size_t len,
    char *const *map, size_t nmap)
{
	return lookup(z, name, len, map, nmap, 0);
}

int
pm_tz_offset_at(const struct pm_tz *z, int64_t t, int *off)
{
	const struct pm_tzfile	*f = z->file;
	size_t			 lo, hi, mid;

	if (z->kind == PM_TZ_FIXED) {
		*off = z->off;
		return 0;
	}
	if (z->kind != PM_TZ_REGION || f == NULL)
		return -1;
	if (f->n == 0 || t < f->at[0]) {
		if (f->n == 0 && f->open_end)
			return -1;
		*off = f->off0;
		return 0;
	}
	/* After the last transition the footer's rules apply: without
	 * them (a "slim" file) the offset is not known. */
	if (t >= f->at[f->n - 1] && f->open_end)
		return -1;
	lo = 0;
	hi = f->n - 1;
	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		if (f->at[mid] <= t)
			lo = mid;
		else
			hi = mid - 1;
	}
	*off = f->off[lo];
	return 0;
}

int
pm_tz_to_utc(const struct pm_tz *z, int64_t local, int64_t *utc)
{
	int	 cand[2], o, n = 0, k, valid = 0;
	int64_t	 u = 0;

	if (z->kind == PM_TZ_FIXED) {
		*utc = local - z->off;
		return 0;
	}
	/* The offsets in force a day either side; a wall-clock time is
	 * right with an offset when that offset holds at its instant. */
	if (pm_tz_offset_at(z, local - PM_DAY, &cand[0]) == -1 ||
	    pm_tz_offset_at(z, local + PM_DAY, &cand[1]) == -1)
		return -1;
	n = cand[0] == cand[1] ? 1 : 2;
	for (k = 0; k < n; k++) {
		if (pm_tz_offset_at(z, local - cand[k], &o) == -1)
			return -1;
		if (o == cand[k]) {
			valid++;
			u = local - cand[k];
		}
	}
	if (valid != 1)
		return -1;
	*utc = u;
	return 0;
}
