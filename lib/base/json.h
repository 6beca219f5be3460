/*
 * A small JSON writer with correct string escaping, used by
 * `show --format json`, the json/sarif/gitlab reporters and the site's
 * search index.  Output is deterministic: keys in the order written.
 */
#ifndef PM_JSON_H
#define PM_JSON_H

#include <stddef.h>

#include "base/buf.h"

#define	PM_JSON_MAXDEPTH	64

struct	pm_json {
	struct pm_buf	*out;
	int		 pretty;	/* indent with two spaces */
	int		 depth;
	int		 count[PM_JSON_MAXDEPTH]; /* values written per level */
	int		 after_key;
};

void	 pm_json_init(struct pm_json *, struct pm_buf *out, int pretty);
void	 pm_json_obj_begin(struct pm_json *);
void	 pm_json_obj_end(struct pm_json *);
void	 pm_json_arr_begin(struct pm_json *);
void	 pm_json_arr_end(struct pm_json *);
void	 pm_json_key(struct pm_json *, const char *);
void	 pm_json_str(struct pm_json *, const char *);	/* NULL: null */
void	 pm_json_strn(struct pm_json *, const char *, size_t);
void	 pm_json_int(struct pm_json *, long long);
void	 pm_json_num(struct pm_json *, double);	/* %.17g, C locale */
void	 pm_json_bool(struct pm_json *, int);
void	 pm_json_null(struct pm_json *);
/* Shorthands for "key": value. */
void	 pm_json_kstr(struct pm_json *, const char *, const char *);
void	 pm_json_kint(struct pm_json *, const char *, long long);
void	 pm_json_kbool(struct pm_json *, const char *, int);

/* Append s escaped as JSON string contents (no quotes); invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
void	 pm_json_escape(struct pm_buf *, const char *, size_t);

#endif /* PM_JSON_H */
