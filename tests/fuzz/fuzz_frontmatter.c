/*
 * libFuzzer target: the front matter as the document parser reads it,
 * pm_doc_parse() on "---\n" + input + "\n---\n" + a small body, with
 * the default configuration: the fence split, libyaml through the
 * YAML reader, and the typed fields (timestamps, dates, lists, impact
 * numbers, unknown fields).  Then the JSON dump, which prints every
 * field including unknown ones and the tree behind them.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	 body[] = "\n---\n\n## Summary\n\ntext\n";
	struct pm_doc		*d;
	struct pm_buf		 in = PM_BUF_INIT, out = PM_BUF_INIT;
	size_t			 i, lines;

	pm_buf_puts(&in, "---\n");
	pm_buf_put(&in, data, size);
	pm_buf_puts(&in, body);
	pm_doc_parse(&d, "fm.md", in.ptr, in.len, &cfg, 0);
	assert(d != NULL && d->meta.id != NULL);
	/* A finding names a line of the file (counted on the bytes: a
	 * NUL byte leaves the parser no line table). */
	for (i = 0, lines = 1; i < in.len; i++)
		if (in.ptr[i] == '\n' || (in.ptr[i] == '\r' &&
		    (i + 1 == in.len || in.ptr[i + 1] != '\n')))
			lines++;
	for (i = 0; i < d->findings.n; i++)
		assert(d->findings.v[i].pos.line <= lines);
	if (d->meta.title.s != NULL)
		assert(d->meta.title.pos.line >= 1);
	pm_doc_to_json(d, &out);
	pm_buf_release(&out);
	pm_buf_release(&in);
	pm_doc_free(d);
	return 0;
}
