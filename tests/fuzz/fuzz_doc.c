/*
 * libFuzzer target: the whole report model.  pm_doc_parse() on
 * arbitrary bytes (with PM_PARSE_KEEP_TREE and PM_PARSE_FORCE, so a
 * file without front matter is modelled too), then everything a later
 * stage reads: the JSON dump (`show --format json`), the HTML body
 * (the site), every line through pm_doc_line(), and the model's
 * positions, which must point inside the file.  The configuration's
 * limits are lowered so the screens for deep nesting, wide and long
 * tables are reached by small inputs.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "doc/doc.h"
#include "source/config.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct pm_config	 cfg;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pm_config_init(&cfg);
	cfg.limits.max_line_bytes = 2048;
	cfg.limits.max_nesting = 16;
	cfg.limits.max_table_columns = 16;
	cfg.limits.max_table_rows = 64;
	cfg.limits.yaml_max_depth = 16;
	cfg.limits.yaml_max_aliases = 16;
	cfg.limits.yaml_max_nodes = 4096;
	return 0;
}

/* Lines of the raw bytes (LF, CRLF or lone CR end a line), so a
 * finding may name a line even where the parser kept no line table (a
 * file with a NUL byte). */
static unsigned int	 rawlines;

static unsigned int
count_lines(const uint8_t *t, size_t n)
{
	unsigned int	 k = 1;
	size_t		 i;

	for (i = 0; i < n; i++)
		if (t[i] == '\n' || (t[i] == '\r' &&
		    (i + 1 == n || t[i + 1] != '\n')))
			k++;
	return k;
}

static void
pos_ok(const struct pm_doc *d, struct pm_pos p)
{
	/* Line 0 is "the whole file"; else a line of it. */
	(void)d;
	assert(p.line <= rawlines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_doc	*d;
	struct pm_buf	 out = PM_BUF_INIT;
	const char	*l;
	size_t		 i, len;
	unsigned int	 n;

	rawlines = count_lines(data, size);
	pm_doc_parse(&d, "fuzz.md", (const char *)data, size, &cfg,
	    PM_PARSE_KEEP_TREE | PM_PARSE_FORCE);
	assert(d != NULL);
	assert(d->textsz == size && memcmp(d->text, data, size) == 0);
	for (n = 1; n <= d->nlines; n++) {
		l = pm_doc_line(d, n, &len);
		assert(l != NULL);
		assert(l >= d->text && l + len <= d->text + d->textsz);
	}
	for (i = 0; i < d->findings.n; i++) {
		pos_ok(d, d->findings.v[i].pos);
		assert(d->findings.v[i].msg != NULL);
	}
	for (i = 0; i < d->nsecs; i++)
		pos_ok(d, d->secs[i].pos);
	for (i = 0; i < d->timeline.n; i++)
		pos_ok(d, d->timeline.rows[i].pos);
	for (i = 0; i < d->nactions; i++)
		pos_ok(d, d->actions[i].pos);
	for (i = 0; i < d->nprose; i++)
		assert(d->prose[i].line_first <= d->prose[i].line_last &&
		    d->prose[i].line_last <= rawlines);
	assert(d->meta.id != NULL);
	pm_doc_to_json(d, &out);
	assert(out.len > 0);
	pm_buf_truncate(&out, 0);
	(void)pm_doc_render_html(d, &out);
	pm_buf_release(&out);
	pm_doc_free(d);
	return 0;
}
