/*
 * Theme templates: a small logic-less, mustache-like language, parsed
 * once into an op tree and evaluated per page (lowdown's template.c).
 *
 *   {{name}}          value, HTML-escaped; "a.b" looks into maps
 *   {{{name}}}        value as is (HTML made by the site code)
 *   {{&name}}         the same
 *   {{#name}}...{{/name}}  a list: once per item; a map: once, inside
 *                     it; a true/non-empty value: once
 *   {{^name}}...{{/name}}  once when name is absent, false, "" or []
 *   {{>partial}}      the template partial.html of the same theme
 *   {{! comment }}
 *   {{.}}             the current item (a list of strings)
 *
 * A tag alone on its line (sections, inverted, closing, partials,
 * comments) takes its line with it.  Names are looked up from the
 * innermost context outward.  Values are built per page in an arena
 * (struct pm_tv) and die with it.  Used by lib/site/ and its tests.
 */
#ifndef PM_SITE_TMPL_H
#define PM_SITE_TMPL_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"

/* ---- values ---- */

enum	pm_tvtype {
	PM_TV_STR,
	PM_TV_LIST,
	PM_TV_MAP,
	PM_TV_BOOL,
};

struct	pm_tvkv;

struct	pm_tv {
	enum pm_tvtype	 type;
	const char	*s;		/* STR: NUL-terminated */
	size_t		 len;		/* STR */
	int		 b;		/* BOOL */
	struct pm_tv	**items;	/* LIST */
	size_t		 nitems, capitems;
	struct pm_tvkv	*kv;		/* MAP: entries, as set */
	uint32_t	*kh;		/* MAP: the hash of each key */
	size_t		 nkv, capkv;	/* MAP */
	uint64_t	 keys;		/* MAP: bit hash % 64 of each */
	int		 memo;		/* pm_tv_memo */
};

struct	pm_tv	*pm_tv_map(struct pm_arena *);
struct	pm_tv	*pm_tv_list(struct pm_arena *);
/* A string value; s is copied into the arena (NULL gives ""). */
struct	pm_tv	*pm_tv_str(struct pm_arena *, const char *s);
struct	pm_tv	*pm_tv_strn(struct pm_arena *, const char *s, size_t);
/* A string value that refers to s (NUL-terminated, len bytes) without
 * a copy: s must outlive every render of the value. */
struct	pm_tv	*pm_tv_strref(struct pm_arena *, const char *s,
		    size_t len);
struct	pm_tv	*pm_tv_bool(struct pm_arena *, int);
/* Set key in a map (a later set hides an earlier one). */
void	 pm_tv_set(struct pm_arena *, struct pm_tv *map, const char *key,
	    struct pm_tv *val);
void	 pm_tv_sets(struct pm_arena *, struct pm_tv *map, const char *key,
	    const char *s);
void	 pm_tv_setf(struct pm_arena *, struct pm_tv *map, const char *key,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	 pm_tv_setb(struct pm_arena *, struct pm_tv *map, const char *key,
	    int);
/*
 * Promise that v, and every value reachable from it, stays as it is
 * at this address until pm_tmpl_thread_done() in every thread that
 * renders it: the output of a list section for v as an item may then
 * be kept and reused, as long as the names it read outside v have the
 * same values.  Templates must not be freed in between either
 * (pm_tmpl_free() drops the calling thread's kept outputs).
 */
void	 pm_tv_memo(struct pm_tv *);
/* Append to a list. */
void	 pm_tv_push(struct pm_arena *, struct pm_tv *list, struct pm_tv *);
/* A new map appended to list; returned for filling. */
struct	pm_tv	*pm_tv_push_map(struct pm_arena *, struct pm_tv *list);

/* ---- templates ---- */

struct	pm_tmpl;
struct	pm_theme;

/*
 * A theme: templates looked up by name ("report" -> report.html) in
 * dir first, then in fallback (either may be NULL), so an override
 * directory replaces the default file by file.
 */
struct pm_theme	*pm_theme_new(const char *dir, const char *fallback);
void		 pm_theme_free(struct pm_theme *);
/*
 * The parsed template "name" (partials resolved), parsing it on first
 * use.  Returns NULL with pm_error_set("FILE:LINE: ...") on a missing
 * file or a syntax error.  Not thread-safe: load every template before
 * rendering from threads; rendering a loaded template is thread-safe.
 */
const struct pm_tmpl	*pm_theme_get(struct pm_theme *, const char *name);
/*
 * The path of a static theme file (style.css) in dir or fallback, into
 * out; 0, or -1 with pm_error_set when neither has it.
 */
int	 pm_theme_file(struct pm_theme *, const char *name, struct pm_buf *out);

/*
 * Parse template text; name is used in messages and to resolve
 * partials through theme (NULL: partials are an error).  Returns NULL
 * with pm_error_set on a syntax error.  Free with pm_tmpl_free.
 */
struct pm_tmpl	*pm_tmpl_parse(const char *name, const char *text, size_t len,
		    struct pm_theme *theme);
void		 pm_tmpl_free(struct pm_tmpl *);
/* Free what this thread kept of pm_tv_memo items' output. */
void		 pm_tmpl_thread_done(void);
/* Evaluate with ctx (a map) as the outermost context, appending to out. */
void		 pm_tmpl_render(const struct pm_tmpl *, const struct pm_tv *ctx,
		    struct pm_buf *out);

#endif /* PM_SITE_TMPL_H */
