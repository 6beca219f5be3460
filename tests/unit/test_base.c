/*
 * Unit tests of lib/base: time, glob, JSON escaping, YAML limits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/glob.h"
#include "base/json.h"
#include "base/time.h"
#include "base/yamlx.h"
#include "harness.h"

static void
test_time(void)
{
	int64_t	 t;
	int32_t	 d;
	int	 z, off;
	char	 buf[32];

	OK(pm_time_parse(&t, &z, "2025-02-09T10:05:23Z") == 0 && z,
	    "time__rfc3339_z");
	STR_EQ(pm_time_format(buf, t), "2025-02-09T10:05:23Z",
	    "time__format_roundtrip");
	OK(pm_time_parse(&t, &z, "2025-02-09T12:05:23+02:00") == 0,
	    "time__offset");
	STR_EQ(pm_time_format(buf, t), "2025-02-09T10:05:23Z",
	    "time__offset_to_utc");
	OK(pm_time_parse(&t, &z, "2025-02-09 10:05") == 0 && !z,
	    "time__space_minutes_no_zone");
	OK(pm_time_parse(&t, &z, "2025-02-09T10:05:23.123456Z") == 0,
	    "time__fraction");
	OK(pm_time_parse(&t, &z, "2024-02-29T00:00:00Z") == 0,
	    "time__leap_day");
	OK(pm_time_parse(&t, &z, "2023-02-29T00:00:00Z") == -1,
	    "time__not_leap_day");
	OK(pm_time_parse(&t, &z, "2025-02-09T24:00:00Z") == -1,
	    "time__hour_24");
	OK(pm_time_parse(&t, &z, "2025-13-09T10:00:00Z") == -1,
	    "time__month_13");
	OK(pm_time_parse(&t, &z, "2025-02-09") == -1, "time__date_only");
	OK(pm_date_parse(&d, "2000-02-29") == 0, "date__leap_2000");
	OK(pm_date_parse(&d, "1900-02-29") == -1, "date__no_leap_1900");
	OK(pm_date_parse(&d, "1970-01-01") == 0 && d == 0, "date__epoch");
	OK(pm_date_parse(&d, "2025-1-01") == -1, "date__short_month");
	OK(pm_zone_offset(&off, "CET", 3) == 0 && off == 3600, "zone__cet");
	OK(pm_zone_offset(&off, "+05:30", 6) == 0 && off == 19800,
	    "zone__plus_0530");
	OK(pm_zone_offset(&off, "-0500", 5) == 0 && off == -18000,
	    "zone__minus_0500");
	OK(pm_zone_offset(&off, "UTC+2", 5) == 0 && off == 7200,
	    "zone__utc_plus_2");
	OK(pm_zone_offset(&off, "Mars", 4) == -1, "zone__unknown");
	STR_EQ(pm_date_format(buf, -1), "1969-12-31", "date__before_epoch");
}

static void
test_glob(void)
{
	OK(pm_glob_match("postmortems/**/*.md", "postmortems/2024/a.md"),
	    "glob__double_star");
	OK(pm_glob_match("postmortems/**/*.md", "postmortems/a.md"),
	    "glob__double_star_zero_dirs");
	OK(!pm_glob_match("postmortems/*.md", "postmortems/2024/a.md"),
	    "glob__star_not_slash");
	OK(pm_glob_match("**/README.md", "a/b/README.md"), "glob__leading");
	OK(pm_glob_match("docs/**", "docs/x/y"), "glob__trailing");
	OK(pm_glob_match("[0-9]*-?.md", "2024-x.md"), "glob__class");
	OK(!pm_glob_match("*.md", "a.markdown"), "glob__ext");
}

static void
test_json(void)
{
	struct pm_buf	 b = PM_BUF_INIT;
	struct pm_json	 j;

	pm_json_escape(&b, "a\"b\\\n\x01\xff\xc3\xa9", 9);
	STR_EQ(pm_buf_cstr(&b), "a\\\"b\\\\\\n\\u0001\\ufffd\xc3\xa9",
	    "json__escape");
	pm_buf_release(&b);
	pm_json_init(&j, &b, 0);
	pm_json_obj_begin(&j);
	pm_json_kstr(&j, "a", "x");
	pm_json_key(&j, "b");
	pm_json_arr_begin(&j);
	pm_json_int(&j, 1);
	pm_json_num(&j, 0.5);
	pm_json_arr_end(&j);
	pm_json_obj_end(&j);
	STR_EQ(pm_buf_cstr(&b), "{\"a\":\"x\",\"b\":[1,0.5]}",
	    "json__compact");
	pm_buf_release(&b);
}

static void
test_yaml(void)
{
	struct pm_arena		 a = PM_ARENA_INIT;
	struct pm_ynode		*root;
	struct pm_yerror	 err;
	struct pm_buf		 b = PM_BUF_INIT;
	const struct pm_ynode	*v;
	int			 i;

	OK(pm_yaml_parse(&root, &a, "title: x\nlist: [a, b]\n", 22, NULL,
	    &err) == 0 && root != NULL && root->type == PM_Y_MAP,
	    "yaml__map");
	v = pm_ymap_get(root, "list");
	OK(v != NULL && v->type == PM_Y_SEQ && v->nkids == 2 &&
	    v->pos.line == 2 && v->pos.col == 7, "yaml__positions");
	OK(pm_yaml_parse(&root, &a, "a: [\n", 5, NULL, &err) == -1 &&
	    err.pos.line >= 1, "yaml__syntax_error");

	/* Billion laughs: refused by weight, nothing copied. */
	pm_buf_puts(&b, "a: &a [x,x,x,x,x,x,x,x,x,x]\n");
	for (i = 1; i < 9; i++)
		pm_buf_printf(&b, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,"
		    "*%c,*%c]\n", 'a' + i, 'a' + i, 'a' + i - 1, 'a' + i - 1,
		    'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
		    'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1);
	OK(pm_yaml_parse(&root, &a, b.ptr, b.len, NULL, &err) == -1 &&
	    strstr(err.msg, "limit") != NULL, "yaml__billion_laughs");
	pm_buf_release(&b);

	for (i = 0; i < 100000; i++)
		pm_buf_putc(&b, '[');
	OK(pm_yaml_parse(&root, &a, b.ptr, b.len, NULL, &err) == -1 &&
	    strstr(err.msg, "deep") != NULL, "yaml__deep_nesting");
	pm_buf_release(&b);
	pm_arena_release(&a);
}

int
main(void)
{
	test_time();
	test_glob();
	test_json();
	test_yaml();
	return harness_done();
}
