/*
 * JSON writer (see json.h).
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/utf8.h"

void
pm_json_init(struct pm_json *j, struct pm_buf *out, int pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

static void
newline(struct pm_json *j)
{
	int	 i;

	if (!j->pretty)
		return;
	pm_buf_putc(j->out, '\n');
	for (i = 0; i < j->depth; i++)
		pm_buf_puts(j->out, "  ");
}

/* Separator and indentation before a value or a key. */
static void
before(struct pm_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (j->count[j->depth - 1]++ > 0)
			pm_buf_putc(j->out, ',');
		newline(j);
	}
}

static void
open(struct pm_json *j, int c)
{
	before(j);
	pm_buf_putc(j->out, c);
	assert(j->depth < PM_JSON_MAXDEPTH);
	j->count[j->depth++] = 0;
}

static void
close(struct pm_json *j, int c)
{
	int	 had;

	assert(j->depth > 0);
	had = j->count[--j->depth];
	if (had)
		newline(j);
	pm_buf_putc(j->out, c);
	if (j->depth == 0 && j->pretty)
		pm_buf_putc(j->out, '\n');
}

void
pm_json_obj_begin(struct pm_json *j)
{
	open(j, '{');
}

void
pm_json_obj_end(struct pm_json *j)
{
	close(j, '}');
}

void
pm_json_arr_begin(struct pm_json *j)
{
	open(j, '[');
}

void
pm_json_arr_end(struct pm_json *j)
{
	close(j, ']');
}

void
pm_json_escape(struct pm_buf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, run, l;

	while (i < n) {
		/* Copy runs of plain bytes at once. */
		run = i;
		while (run < n && p[run] >= 0x20 && p[run] < 0x80 &&
		    p[run] != '"' && p[run] != '\\')
			run++;
		if (run > i) {
			pm_buf_put(b, s + i, run - i);
			i = run;
			continue;
		}
		switch (p[i]) {
		case '"':
			pm_buf_puts(b, "\\\"");
			break;
		case '\\':
			pm_buf_puts(b, "\\\\");
			break;
		case '\n':
			pm_buf_puts(b, "\\n");
			break;
		case '\r':
			pm_buf_puts(b, "\\r");
			break;
		case '\t':
			pm_buf_puts(b, "\\t");
			break;
		default:
			if (p[i] < 0x20) {
				pm_buf_printf(b, "\\u%04x", p[i]);
				break;
			}
			if ((l = pm_utf8_len(p + i, n - i)) == 0) {
				pm_buf_puts(b, "\\ufffd");
				break;
			}
			pm_buf_put(b, s + i, l);
			i += l;
			continue;
		}
		i++;
	}
}

void
pm_json_key(struct pm_json *j, const char *k)
{
	before(j);
	pm_buf_putc(j->out, '"');
	pm_json_escape(j->out, k, strlen(k));
	pm_buf_puts(j->out, j->pretty ? "\": " : "\":");
	j->after_key = 1;
}

void
pm_json_strn(struct pm_json *j, const char *s, size_t n)
{
	before(j);
	pm_buf_putc(j->out, '"');
	pm_json_escape(j->out, s, n);
	pm_buf_putc(j->out, '"');
}

void
pm_json_str(struct pm_json *j, const char *s)
{
	if (s == NULL)
		pm_json_null(j);
	else
		pm_json_strn(j, s, strlen(s));
}

void
pm_json_int(struct pm_json *j, long long v)
{
	before(j);
	pm_buf_printf(j->out, "%lld", v);
}

void
pm_json_num(struct pm_json *j, double v)
{
	char	 tmp[64], *p;
	int	 prec;

	if (!isfinite(v)) {
		pm_json_null(j);
		return;
	}
	before(j);
	/* The shortest form that reads back as the same double. */
	for (prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	/* Never a locale decimal comma. */
	for (p = tmp; *p != '\0'; p++)
		if (*p == ',')
			*p = '.';
	pm_buf_puts(j->out, tmp);
}

void
pm_json_bool(struct pm_json *j, int v)
{
	before(j);
	pm_buf_puts(j->out, v ? "true" : "false");
}

void
pm_json_null(struct pm_json *j)
{
	before(j);
	pm_buf_puts(j->out, "null");
}

void
pm_json_kstr(struct pm_json *j, const char *k, const char *v)
{
	pm_json_key(j, k);
	pm_json_str(j, v);
}

void
pm_json_kint(struct pm_json *j, const char *k, long long v)
{
	pm_json_key(j, k);
	pm_json_int(j, v);
}

void
pm_json_kbool(struct pm_json *j, const char *k, int v)
{
	pm_json_key(j, k);
	pm_json_bool(j, v);
}
