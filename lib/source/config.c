/*
 * The configuration (see config.h): .postmortem.yaml read into struct
 * pm_config on top of the defaults.  Every key is checked: an unknown
 * key or a bad value is an error naming the file and line, so a typo
 * never silently does nothing.
 *
 *	include: [glob, ...]		exclude: [glob, ...]
 *	locale: en			date_order: ymd | dmy | mdy
 *	timezone: CET
 *	aliases: {Heading: Section}	or {es: {Cronología: Timeline}}
 *	severities: {Major: SEV2, Critical: SEV1}
 *	rules: {rule-or-pattern-id: off | info | warning | error}
 *	rule_packs: [file, ...]
 *	thresholds: {distribution_hours: 48, ...}
 *	limits: {max_report_bytes: 10M, ...}
 *	template: FILE			new_path: "postmortems/{year}/{id}.md"
 *	baseline: FILE			(lint --baseline FILE)
 *	site: {title: ..., base_url: ..., theme: DIR}
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/glob.h"
#include "base/time.h"
#include "base/tz.h"
#include "base/yamlx.h"
#include "doc/sections.h"
#include "source/config.h"

#define	CONFIG_MAX_BYTES	(1024 * 1024)

/* The parse state: the file name for messages. */
struct	cfgctx {
	struct pm_config	*cfg;
	const char		*path;
};

/* Record "FILE:LINE: message".  Returns -1. */
static int
fail(const struct cfgctx *c, const struct pm_ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(const struct cfgctx *c, const struct pm_ynode *n, const char *fmt, ...)
{
	struct pm_buf	 b = PM_BUF_INIT;
	va_list		 ap;

	pm_buf_printf(&b, "%s:%u: ", c->path, n != NULL ? n->pos.line : 1);
	va_start(ap, fmt);
	pm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	pm_error_set("%s", pm_buf_cstr(&b));
	pm_buf_release(&b);
	return -1;
}

void
pm_config_init(struct pm_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->locale = pm_xstrdup("en");
	cfg->date_order = PM_DATE_YMD;
	cfg->timezone = pm_xstrdup("UTC");
	cfg->new_path = pm_xstrdup("postmortems/{year}/{id}.md");
	cfg->distribution_hours = 48;
	cfg->stale_days = 7;
	cfg->followup_min_days = 21;
	cfg->followup_max_days = 35;
	cfg->min_factors = 2;
	cfg->min_timeline_rows = 3;
	cfg->min_whys = 5;
	cfg->min_root_cause_words = 12;
	cfg->timeline_window_hours = 24;
	cfg->limits.max_report_bytes = 10 * 1024 * 1024;
	cfg->limits.max_line_bytes = 1024 * 1024;
	cfg->limits.max_nesting = 64;
	cfg->limits.max_table_columns = 64;
	cfg->limits.max_table_rows = 10000;
	cfg->limits.yaml_max_depth = 64;
	cfg->limits.yaml_max_aliases = 100;
	cfg->limits.yaml_max_nodes = 100000;
	cfg->limits.pcre2_match_limit = 1000000;
	cfg->limits.pcre2_depth_limit = 10000;
	cfg->site_title = pm_xstrdup("Post-mortems");
}

static void
free_strv(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
pm_config_release(struct pm_config *cfg)
{
	size_t	 i;

	free(cfg->path);
	free_strv(cfg->include, cfg->ninclude);
	free_strv(cfg->exclude, cfg->nexclude);
	free(cfg->locale);
	free(cfg->timezone);
	free_strv(cfg->zones, 2 * cfg->nzones);
	for (i = 0; i < cfg->naliases; i++) {
		free(cfg->aliases[i].name);
		free(cfg->aliases[i].locale);
	}
	free(cfg->aliases);
	for (i = 0; i < cfg->nseverities; i++)
		free(cfg->severities[i].word);
	free(cfg->severities);
	for (i = 0; i < cfg->noverrides; i++)
		free(cfg->overrides[i].name);
	free(cfg->overrides);
	free_strv(cfg->rule_files, cfg->nrule_files);
	free(cfg->template);
	free(cfg->new_path);
	free(cfg->baseline);
	free(cfg->site_title);
	free(cfg->base_url);
	free(cfg->theme);
	memset(cfg, 0, sizeof(*cfg));
}

/* A scalar value as a string, or -1 with an error. */
static int
get_str(const struct cfgctx *c, const char *key, const struct pm_ynode *n,
    char **out)
{
	if (n->type != PM_Y_SCALAR || (pm_yis_null(n) && !n->quoted))
		return fail(c, n, "'%s' must be a string", key);
	if (strlen(n->value) != n->len)
		return fail(c, n, "'%s' contains a NUL byte", key);
	free(*out);
	*out = pm_xstrdup(n->value);
	return 0;
}

/* A list of strings (or one string), appended to *v. */
static int
get_strv(const struct cfgctx *c, const char *key, const struct pm_ynode *n,
    char ***v, size_t *nv)
{
	const struct pm_ynode	*const *kids;
	size_t			 i, nk, cap;

	if (n->type == PM_Y_SCALAR && !pm_yis_null(n)) {
		kids = (const struct pm_ynode *const *)&n;
		nk = 1;
	} else if (n->type == PM_Y_SEQ) {
		kids = (const struct pm_ynode *const *)n->kids;
		nk = n->nkids;
	} else if (pm_yis_null(n))
		return 0;
	else
		return fail(c, n, "'%s' must be a list of strings", key);
	cap = *nv;
	for (i = 0; i < nk; i++) {
		if (kids[i]->type != PM_Y_SCALAR || pm_yis_null(kids[i]))
			return fail(c, kids[i], "'%s' must be a list of "
			    "strings", key);
		*v = pm_xgrow(*v, &cap, *nv + 1, sizeof(**v));
		(*v)[(*nv)++] = pm_xstrdup(kids[i]->value);
	}
	return 0;
}

/*
 * A non-negative integer, with an optional binary suffix when bytes is
 * set ("10M", "512KiB").  Returns 0 and sets *out, or -1.
 */
static int
get_num(const struct cfgctx *c, const char *key, const struct pm_ynode *n,
    int bytes, uint64_t max, uint64_t *out)
{
	const char	*s, *e;
	uint64_t	 v = 0, mul = 1;

	if (n->type != PM_Y_SCALAR)
		goto bad;
	s = n->value;
	if (!isdigit((unsigned char)*s))
		goto bad;
	for (e = s; isdigit((unsigned char)*e); e++) {
		if (v > (UINT64_MAX - 9) / 10)
			goto bad;
		v = v * 10 + (uint64_t)(*e - '0');
	}
	if (*e != '\0' && bytes) {
		if (strcasecmp(e, "k") == 0 || strcasecmp(e, "kib") == 0 ||
		    strcasecmp(e, "kb") == 0)
			mul = 1024;
		else if (strcasecmp(e, "m") == 0 ||
		    strcasecmp(e, "mib") == 0 || strcasecmp(e, "mb") == 0)
			mul = 1024 * 1024;
		else if (strcasecmp(e, "g") == 0 ||
		    strcasecmp(e, "gib") == 0 || strcasecmp(e, "gb") == 0)
			mul = 1024 * 1024 * 1024;
		else
			goto bad;
	} else if (*e != '\0')
		goto bad;
	if (v > max / mul)
		return fail(c, n, "'%s' is too large: '%s'", key, n->value);
	*out = v * mul;
	return 0;
bad:
	return fail(c, n, "'%s' must be a non-negative integer%s, not '%s'",
	    key, bytes ? " (bytes; K, M or G suffix allowed)" : "",
	    n->type == PM_Y_SCALAR ? n->value : "a list or mapping");
}

static int
get_level(const struct cfgctx *c, const struct pm_ynode *n,
    enum pm_level *out)
{
	static const struct {
		const char	*name;
		enum pm_level	 level;
	} names[] = {
		{ "off", PM_LEVEL_OFF },
		{ "false", PM_LEVEL_OFF },
		{ "no", PM_LEVEL_OFF },
		{ "info", PM_LEVEL_INFO },
		{ "warning", PM_LEVEL_WARNING },
		{ "warn", PM_LEVEL_WARNING },
		{ "error", PM_LEVEL_ERROR },
	};
	size_t	 i;

	if (n->type == PM_Y_SCALAR)
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strcasecmp(n->value, names[i].name) == 0) {
				*out = names[i].level;
				return 0;
			}
	return fail(c, n, "bad level '%s'; use off, info, warning or error",
	    n->type == PM_Y_SCALAR ? n->value : "(not a scalar)");
}

/*
 * 1 if name starts with the family of a built-in rule ("timeline/"),
 * so that it must name a built-in rule exactly.
 */
static int
builtin_family(const char *name)
{
	const char	*slash, *r;
	size_t		 i, n;

	if ((slash = strchr(name, '/')) == NULL)
		return 0;
	n = (size_t)(slash - name) + 1;
	for (i = 0; i < PM_RULE__MAX; i++) {
		r = pm_rule_name((enum pm_rule_id)i);
		if (strncmp(r, name, n) == 0)
			return 1;
	}
	return 0;
}

static int
parse_rules(const struct cfgctx *c, const struct pm_ynode *map)
{
	struct pm_config	*cfg = c->cfg;
	const struct pm_ynode	*k, *v;
	enum pm_rule_id		 id;
	enum pm_level		 lvl = PM_LEVEL_OFF;
	size_t			 i, cap;

	if (pm_yis_null(map))
		return 0;
	if (map->type != PM_Y_MAP)
		return fail(c, map, "'rules' must be a mapping of rule ids "
		    "to off, info, warning or error");
	cap = cfg->noverrides;
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		if (k->type != PM_Y_SCALAR)
			return fail(c, k, "a rule id must be a string");
		if (pm_rule_lookup(&id, k->value) == -1 &&
		    (builtin_family(k->value) ||
		    strchr(k->value, '/') == NULL))
			return fail(c, k, "unknown rule '%s'; see "
			    "'postmortem rules'", k->value);
		if (get_level(c, v, &lvl) == -1)
			return -1;
		cfg->overrides = pm_xgrow(cfg->overrides, &cap,
		    cfg->noverrides + 1, sizeof(*cfg->overrides));
		cfg->overrides[cfg->noverrides].name = pm_xstrdup(k->value);
		cfg->overrides[cfg->noverrides].level = lvl;
		cfg->noverrides++;
	}
	return 0;
}

static int
add_alias(const struct cfgctx *c, const struct pm_ynode *k,
    const struct pm_ynode *v, const char *locale, size_t *cap)
{
	struct pm_config	*cfg = c->cfg;
	struct pm_alias		*a;
	struct pm_buf		 names = PM_BUF_INIT;
	int			 sec, i;

	if (k->type != PM_Y_SCALAR || k->len == 0)
		return fail(c, k, "an alias must be a heading text");
	if (v->type != PM_Y_SCALAR ||
	    (sec = pm_sec_lookup(v->value)) < 0) {
		for (i = 0; i < PM_SEC__MAX; i++)
			pm_buf_printf(&names, "%s%s", i ? ", " : "",
			    pm_sec_name((enum pm_sec)i));
		fail(c, v, "unknown section '%s' for alias '%s'; use one "
		    "of %s", v->type == PM_Y_SCALAR ? v->value : "",
		    k->value, pm_buf_cstr(&names));
		pm_buf_release(&names);
		return -1;
	}
	cfg->aliases = pm_xgrow(cfg->aliases, cap, cfg->naliases + 1,
	    sizeof(*cfg->aliases));
	a = &cfg->aliases[cfg->naliases++];
	a->name = pm_xstrdup(k->value);
	a->sec = (enum pm_sec)sec;
	a->locale = locale != NULL ? pm_xstrdup(locale) : NULL;
	return 0;
}

/* 1 if s looks like a locale tag: "en", "pt-BR", "zh_Hant". */
static int
locale_ok(const char *s)
{
	size_t	 n;

	for (n = 0; islower((unsigned char)s[n]); n++)
		continue;
	if (n < 2 || n > 3)
		return 0;
	if (s[n] == '\0')
		return 1;
	if (s[n] != '-' && s[n] != '_')
		return 0;
	for (n++; isalnum((unsigned char)s[n]); n++)
		continue;
	return s[n] == '\0' && s[n - 1] != '-' && s[n - 1] != '_';
}

static int
parse_aliases(const struct cfgctx *c, const struct pm_ynode *map)
{
	const struct pm_ynode	*k, *v, *kk, *vv;
	size_t			 i, j, cap;

	if (pm_yis_null(map))
		return 0;
	if (map->type != PM_Y_MAP)
		return fail(c, map, "'aliases' must be a mapping of "
		    "headings to section names");
	cap = c->cfg->naliases;
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		if (v->type != PM_Y_MAP) {
			if (add_alias(c, k, v, NULL, &cap) == -1)
				return -1;
			continue;
		}
		/* A per-locale mapping: es: {Cronología: Timeline}. */
		if (k->type != PM_Y_SCALAR || !locale_ok(k->value))
			return fail(c, k, "bad locale '%s' in 'aliases'",
			    k->type == PM_Y_SCALAR ? k->value : "");
		for (j = 0; j + 1 < v->nkids; j += 2) {
			kk = v->kids[j];
			vv = v->kids[j + 1];
			if (add_alias(c, kk, vv, k->value, &cap) == -1)
				return -1;
		}
	}
	return 0;
}

/*
 * zones: {IST: "+05:30", PT: America/Los_Angeles}: what the
 * abbreviations of this repository's reports mean; 'timezone' may
 * name one of them.
 */
static int
parse_zones(const struct cfgctx *c, const struct pm_ynode *map)
{
	struct pm_config	*cfg = c->cfg;
	const struct pm_ynode	*k, *v;
	struct pm_tz		 tz;
	size_t			 i;

	if (pm_yis_null(map))
		return 0;
	if (map->type != PM_Y_MAP)
		return fail(c, map, "'zones' must be a mapping of zone "
		    "names to offsets or regions");
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		if (k->type != PM_Y_SCALAR || v->type != PM_Y_SCALAR ||
		    *k->value == '\0')
			return fail(c, k, "'zones' maps a name to an offset "
			    "(+05:30) or a region (Asia/Kolkata)");
		if (pm_tz_lookup(&tz, v->value, strlen(v->value), NULL,
		    0) != 0)
			return fail(c, v, "unknown zone '%s' for '%s'; use "
			    "an offset (+05:30) or a region (Asia/Kolkata)",
			    v->value, k->value);
		cfg->zones = pm_xreallocarray(cfg->zones,
		    2 * (cfg->nzones + 1), sizeof(*cfg->zones));
		cfg->zones[2 * cfg->nzones] = pm_xstrdup(k->value);
		cfg->zones[2 * cfg->nzones + 1] = pm_xstrdup(v->value);
		cfg->nzones++;
	}
	return 0;
}

/*
 * severities: {Word: SEV2 | P1 | 2}.  A level is SEV0..SEV4, P0..P4
 * or a digit 0..4 (SEV).
 */
static int
parse_severities(const struct cfgctx *c, const struct pm_ynode *map)
{
	struct pm_config	*cfg = c->cfg;
	const struct pm_ynode	*k, *v;
	const char		*s;
	size_t			 i, cap = cfg->nseverities;
	int			 pri, lvl;

	if (pm_yis_null(map))
		return 0;
	if (map->type != PM_Y_MAP)
		return fail(c, map, "'severities' must be a mapping of words "
		    "to levels (Major: SEV2)");
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		if (k->type != PM_Y_SCALAR || k->len == 0)
			return fail(c, k, "a severity word must be a string");
		s = v->type == PM_Y_SCALAR ? v->value : "";
		pri = 0;
		if (strncasecmp(s, "sev", 3) == 0)
			s += 3;
		else if (*s == 'P' || *s == 'p') {
			s++;
			pri = 1;
		}
		if (*s == '-' || *s == ' ')
			s++;
		if (s[0] < '0' || s[0] > '4' || s[1] != '\0')
			return fail(c, v, "bad level '%s' for severity '%s'; "
			    "use SEV0..SEV4 or P0..P4",
			    v->type == PM_Y_SCALAR ? v->value : "", k->value);
		lvl = s[0] - '0';
		cfg->severities = pm_xgrow(cfg->severities, &cap,
		    cfg->nseverities + 1, sizeof(*cfg->severities));
		cfg->severities[cfg->nseverities].word = pm_xstrdup(k->value);
		cfg->severities[cfg->nseverities].level = lvl;
		cfg->severities[cfg->nseverities].pri = pri;
		cfg->nseverities++;
	}
	return 0;
}

/* A table of the numeric keys of one mapping. */
struct	numkey {
	const char	*name;
	size_t		 off;		/* in struct pm_config */
	int		 size;		/* sizeof the field */
	int		 bytes;		/* a byte count (suffixes allowed) */
};

#define	TH(f)	{ #f, offsetof(struct pm_config, f), \
		    sizeof(((struct pm_config *)0)->f), 0 }
#define	LI(f, b) { #f, offsetof(struct pm_config, limits.f), \
		    sizeof(((struct pm_config *)0)->limits.f), b }

static const struct numkey thresholds[] = {
	TH(distribution_hours), TH(stale_days), TH(followup_min_days),
	TH(followup_max_days), TH(min_factors), TH(min_timeline_rows),
	TH(min_whys), TH(min_root_cause_words), TH(timeline_window_hours),
	{ NULL, 0, 0, 0 }
};

static const struct numkey limits[] = {
	LI(max_report_bytes, 1), LI(max_line_bytes, 1), LI(max_nesting, 0),
	LI(max_table_columns, 0), LI(max_table_rows, 0),
	LI(yaml_max_depth, 0), LI(yaml_max_aliases, 0),
	LI(yaml_max_nodes, 0), LI(pcre2_match_limit, 0),
	LI(pcre2_depth_limit, 0),
	{ NULL, 0, 0, 0 }
};

static int
parse_nums(const struct cfgctx *c, const char *what,
    const struct pm_ynode *map, const struct numkey *tab)
{
	const struct numkey	*t;
	const struct pm_ynode	*k;
	char			*field;
	uint64_t		 v = 0, max;
	unsigned int		 u;
	size_t			 i, z;

	if (pm_yis_null(map))
		return 0;
	if (map->type != PM_Y_MAP)
		return fail(c, map, "'%s' must be a mapping", what);
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		for (t = tab; t->name != NULL; t++)
			if (k->type == PM_Y_SCALAR &&
			    strcmp(t->name, k->value) == 0)
				break;
		if (t->name == NULL)
			return fail(c, k, "unknown key '%s' in '%s'",
			    k->type == PM_Y_SCALAR ? k->value : "", what);
		max = t->size == sizeof(unsigned int) ? UINT_MAX : SIZE_MAX;
		if (get_num(c, t->name, map->kids[i + 1], t->bytes, max,
		    &v) == -1)
			return -1;
		field = (char *)c->cfg + t->off;
		if (t->size == sizeof(unsigned int)) {
			u = (unsigned int)v;
			memcpy(field, &u, sizeof(u));
		} else {
			z = (size_t)v;
			memcpy(field, &z, sizeof(z));
		}
	}
	return 0;
}

static int
parse_site(const struct cfgctx *c, const struct pm_ynode *map)
{
	const struct pm_ynode	*k, *v;
	size_t			 i;

	if (pm_yis_null(map))
		return 0;
	if (map->type != PM_Y_MAP)
		return fail(c, map, "'site' must be a mapping with title, "
		    "base_url and theme");
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		v = map->kids[i + 1];
		if (k->type == PM_Y_SCALAR && strcmp(k->value, "title") == 0) {
			if (get_str(c, "site.title", v,
			    &c->cfg->site_title) == -1)
				return -1;
		} else if (k->type == PM_Y_SCALAR &&
		    strcmp(k->value, "base_url") == 0) {
			if (get_str(c, "site.base_url", v,
			    &c->cfg->base_url) == -1)
				return -1;
		} else if (k->type == PM_Y_SCALAR &&
		    strcmp(k->value, "theme") == 0) {
			if (get_str(c, "site.theme", v, &c->cfg->theme) == -1)
				return -1;
		} else
			return fail(c, k, "unknown key '%s' in 'site'",
			    k->type == PM_Y_SCALAR ? k->value : "");
	}
	return 0;
}

/* One top-level key.  Returns 0 or -1. */
static int
parse_key(const struct cfgctx *c, const struct pm_ynode *k,
    const struct pm_ynode *v)
{
	struct pm_config	*cfg = c->cfg;
	const char		*key = k->value;

	if (strcmp(key, "include") == 0)
		return get_strv(c, key, v, &cfg->include, &cfg->ninclude);
	if (strcmp(key, "exclude") == 0)
		return get_strv(c, key, v, &cfg->exclude, &cfg->nexclude);
	if (strcmp(key, "rule_packs") == 0)
		return get_strv(c, key, v, &cfg->rule_files,
		    &cfg->nrule_files);
	if (strcmp(key, "locale") == 0) {
		if (get_str(c, key, v, &cfg->locale) == -1)
			return -1;
		if (!locale_ok(cfg->locale))
			return fail(c, v, "bad locale '%s'; use a tag such "
			    "as en, es, ja or pt-BR", cfg->locale);
		return 0;
	}
	if (strcmp(key, "date_order") == 0) {
		if (v->type == PM_Y_SCALAR && strcmp(v->value, "ymd") == 0)
			cfg->date_order = PM_DATE_YMD;
		else if (v->type == PM_Y_SCALAR &&
		    strcmp(v->value, "dmy") == 0)
			cfg->date_order = PM_DATE_DMY;
		else if (v->type == PM_Y_SCALAR &&
		    strcmp(v->value, "mdy") == 0)
			cfg->date_order = PM_DATE_MDY;
		else
			return fail(c, v, "bad date_order '%s'; use ymd, "
			    "dmy or mdy",
			    v->type == PM_Y_SCALAR ? v->value : "");
		return 0;
	}
	if (strcmp(key, "timezone") == 0) {
		/* Checked once the whole file is read (zones:). */
		return get_str(c, key, v, &cfg->timezone);
	}
	if (strcmp(key, "zones") == 0)
		return parse_zones(c, v);
	if (strcmp(key, "aliases") == 0)
		return parse_aliases(c, v);
	if (strcmp(key, "severities") == 0)
		return parse_severities(c, v);
	if (strcmp(key, "rules") == 0)
		return parse_rules(c, v);
	if (strcmp(key, "thresholds") == 0)
		return parse_nums(c, key, v, thresholds);
	if (strcmp(key, "limits") == 0)
		return parse_nums(c, key, v, limits);
	if (strcmp(key, "template") == 0)
		return get_str(c, key, v, &cfg->template);
	if (strcmp(key, "new_path") == 0)
		return get_str(c, key, v, &cfg->new_path);
	if (strcmp(key, "baseline") == 0)
		return get_str(c, key, v, &cfg->baseline);
	if (strcmp(key, "site") == 0)
		return parse_site(c, v);
	return fail(c, k, "unknown key '%s'", key);
}

int
pm_config_parse(struct pm_config *cfg, const char *path, const char *text,
    size_t len)
{
	struct pm_ylimits	 lim = PM_YLIMITS_DEFAULT;
	struct pm_yerror	 yerr;
	struct pm_arena		 arena = PM_ARENA_INIT;
	struct pm_ynode		*root;
	struct cfgctx		 c;
	struct pm_tz		 tz;
	size_t			 i, j;
	int			 rc = -1;

	c.cfg = cfg;
	c.path = path != NULL ? path : ".postmortem.yaml";
	free(cfg->path);
	cfg->path = path != NULL ? pm_xstrdup(path) : NULL;
	memset(&yerr, 0, sizeof(yerr));
	if (pm_yaml_parse(&root, &arena, text, len, &lim, &yerr) == -1) {
		pm_error_set("%s:%u: %s", c.path, yerr.pos.line, yerr.msg);
		goto done;
	}
	if (root == NULL || pm_yis_null(root)) {
		rc = 0;		/* an empty file: the defaults */
		goto done;
	}
	if (root->type != PM_Y_MAP) {
		fail(&c, root, "the configuration must be a mapping of keys "
		    "to values");
		goto done;
	}
	for (i = 0; i + 1 < root->nkids; i += 2) {
		if (root->kids[i]->type != PM_Y_SCALAR) {
			fail(&c, root->kids[i], "a key must be a string");
			goto done;
		}
		for (j = 0; j < i; j += 2)
			if (strcmp(root->kids[j]->value,
			    root->kids[i]->value) == 0) {
				fail(&c, root->kids[i], "duplicate key '%s'",
				    root->kids[i]->value);
				goto done;
			}
		if (parse_key(&c, root->kids[i], root->kids[i + 1]) == -1)
			goto done;
	}
	if (cfg->timezone != NULL && pm_tz_lookup(&tz, cfg->timezone,
	    strlen(cfg->timezone), cfg->zones, cfg->nzones) != 0) {
		fail(&c, pm_ymap_get(root, "timezone"), "unknown timezone "
		    "'%s'; use UTC, a zone abbreviation, an offset (+02:00), "
		    "a region (Europe/Zurich) or a name from 'zones'",
		    cfg->timezone);
		goto done;
	}
	if (cfg->followup_min_days > cfg->followup_max_days) {
		fail(&c, pm_ymap_get(root, "thresholds"), "followup_min_days "
		    "(%u) is after followup_max_days (%u)",
		    cfg->followup_min_days, cfg->followup_max_days);
		goto done;
	}
	rc = 0;
done:
	pm_arena_release(&arena);
	return rc;
}

int
pm_config_load_file(struct pm_config *cfg, const char *path)
{
	struct pm_buf	 b = PM_BUF_INIT;
	ssize_t		 r;
	int		 fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			return 0;
		pm_error_set("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		pm_buf_grow(&b, 8192);
		r = read(fd, b.ptr + b.len, 8192);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		b.len += (size_t)r;
		b.ptr[b.len] = '\0';
		if (b.len > CONFIG_MAX_BYTES) {
			close(fd);
			pm_buf_release(&b);
			pm_error_set("'%s' is larger than 1 MiB", path);
			return -1;
		}
	}
	if (r == -1) {
		pm_error_set("cannot read '%s': %s", path, strerror(errno));
		close(fd);
		pm_buf_release(&b);
		return -1;
	}
	close(fd);
	rc = pm_config_parse(cfg, path, b.ptr != NULL ? b.ptr : "", b.len);
	pm_buf_release(&b);
	return rc;
}

enum pm_level
pm_config_level(const struct pm_config *cfg, enum pm_rule_id rule)
{
	return pm_config_pattern_level(cfg, pm_rule_name(rule),
	    pm_rule_default_level(rule));
}

enum pm_level
pm_config_pattern_level(const struct pm_config *cfg, const char *id,
    enum pm_level dflt)
{
	size_t	 i;

	/* The last switch wins, as in any YAML-merged configuration. */
	for (i = cfg->noverrides; i-- > 0; )
		if (strcmp(cfg->overrides[i].name, id) == 0)
			return cfg->overrides[i].level;
	return dflt;
}

int
pm_config_included(const struct pm_config *cfg, const char *path)
{
	size_t	 i;

	for (i = 0; i < cfg->ninclude; i++)
		if (pm_glob_match(cfg->include[i], path))
			return 1;
	return 0;
}

int
pm_config_excluded(const struct pm_config *cfg, const char *path)
{
	size_t	 i;

	for (i = 0; i < cfg->nexclude; i++)
		if (pm_glob_match(cfg->exclude[i], path))
			return 1;
	return 0;
}
