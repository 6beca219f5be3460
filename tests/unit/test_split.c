/*
 * Unit tests of the splitter and the line/column mapping: BOM, CRLF,
 * lone CR, unterminated fence, '---' inside the body, positions of
 * front matter values, NUL bytes.
 */
#include <stdio.h>
#include <string.h>

#include "doc/doc.h"
#include "harness.h"
#include "source/config.h"

static struct pm_doc *
parse(const char *s, struct pm_config *cfg)
{
	struct pm_doc	*doc;

	pm_doc_parse(&doc, "dir/2025-02-09-x.md", s, strlen(s), cfg, 0);
	return doc;
}

static const char fm[] =
    "---\n"
    "title: DB failover\n"
    "severity: SEV1\n"
    "started: 2025-02-09T10:05:00+02:00\n"
    "ended: 2025-02-09T11:00:00Z\n"
    "authors: \"@alice\"\n"
    "custom: 42\n"
    "---\n"
    "\n"
    "## Summary\n"
    "\n"
    "text\n"
    "\n"
    "---\n"
    "\n"
    "## Timeline\n";

static void
test_split__frontmatter(struct pm_config *cfg)
{
	struct pm_doc	*d = parse(fm, cfg);

	INT_EQ(d->kind, PM_DOC_FRONTMATTER, "split: front matter kind");
	INT_EQ(d->meta.fm_first, 1, "split: opening fence");
	INT_EQ(d->meta.fm_last, 8, "split: closing fence (not the body's ---)");
	INT_EQ(d->body_line, 9, "split: body line");
	STR_EQ(d->meta.id, "2025-02-09-x", "split: id from the file name");
	INT_EQ(d->meta.title.pos.line, 2, "split: title line");
	INT_EQ(d->meta.title.pos.col, 8, "split: title col");
	INT_EQ(d->meta.severity, 1, "split: SEV1 is 1");
	INT_EQ(d->meta.started.t, 1739088300, "split: started in UTC");
	INT_EQ(d->meta.started.has_zone, 1, "split: started has a zone");
	INT_EQ(d->meta.authors.n, 1, "split: scalar authors is a list");
	INT_EQ(d->meta.nextra, 1, "split: unknown field kept");
	INT_EQ(d->meta.extra[0].is_num, 1, "split: extra is a number");
	INT_EQ(d->nsecs, 2, "split: sections after a thematic break");
	INT_EQ(d->secs[1].pos.line, 16, "split: timeline heading line");
	INT_EQ(d->findings.n, 0, "split: no findings");
	pm_doc_free(d);
}

static void
test_split__crlf_bom(struct pm_config *cfg)
{
	struct pm_doc	*d;
	size_t		 len;
	const char	*s;

	d = parse("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n## Summary\r\n"
	    "| Time | Event |\r\n|--|--|\r\n| 10:00 | a |\r\n", cfg);
	INT_EQ(d->bom, 1, "crlf: BOM seen");
	INT_EQ(d->crlf, 1, "crlf: CRLF seen");
	INT_EQ(d->meta.has_fm, 1, "crlf: BOM then fence is front matter");
	INT_EQ(d->meta.title.pos.line, 2, "crlf: title line");
	s = pm_doc_line(d, 2, &len);
	INT_EQ(len, 8, "crlf: line without CR");
	OK(s != NULL && strncmp(s, "title: x", 8) == 0, "crlf: line text");
	INT_EQ(d->secs[0].pos.line, 4, "crlf: heading line");
	pm_doc_free(d);

	d = parse("\xef\xbb\xbf# Title\r\n\r\n## Timeline\r\n\r\n"
	    "- 2024-10-24 08:07 - deploy\r\n", cfg);
	INT_EQ(d->kind, PM_DOC_LEGACY, "bom: legacy file");
	INT_EQ(d->secs[0].pos.col, 4, "bom: counts on line 1");
	INT_EQ(d->timeline.n, 1, "bom: list timeline row");
	if (d->timeline.n == 1) {
		INT_EQ(d->timeline.rows[0].time_pos.line, 5, "bom: row line");
		INT_EQ(d->timeline.rows[0].time_pos.col, 3, "bom: time col");
		STR_EQ(d->timeline.rows[0].event, "deploy", "bom: event");
	}
	pm_doc_free(d);

	d = parse("a\rb\r\nc\n", cfg);
	INT_EQ(d->nlines, 3, "cr: lone CR ends a line, as in cmark");
	pm_doc_free(d);
}

static void
test_split__unterminated(struct pm_config *cfg)
{
	struct pm_doc	*d = parse("---\ntitle: x\n\n## Summary\n", cfg);

	INT_EQ(d->meta.fm_last, 0, "unterminated: no closing fence");
	OK(d->findings.n >= 1 &&
	    d->findings.v[0].rule == PM_RULE_FRONTMATTER_SYNTAX &&
	    d->findings.v[0].pos.line == 1, "unterminated: syntax at line 1");
	pm_doc_free(d);
}

static void
test_split__yaml_error(struct pm_config *cfg)
{
	struct pm_doc	*d = parse("---\ntitle: x\nbad: [a\n---\n", cfg);

	OK(d->findings.n >= 1 &&
	    d->findings.v[0].rule == PM_RULE_FRONTMATTER_SYNTAX &&
	    d->findings.v[0].pos.line >= 3, "yaml: error line in the file");
	pm_doc_free(d);
	d = parse("---\n- a\n- b\n---\n", cfg);
	OK(d->findings.n == 1 && d->findings.v[0].pos.line == 2,
	    "yaml: a list is not a mapping");
	pm_doc_free(d);
}

static void
test_split__binary(struct pm_config *cfg)
{
	struct pm_doc	*d;

	pm_doc_parse(&d, "x.md", "---\ntitle: a\0b\n---\n", 18, cfg, 0);
	OK(d->findings.n == 1 && d->findings.v[0].rule == PM_RULE_INPUT_LIMITS,
	    "binary: NUL byte is a finding");
	OK(d->findings.n == 1 && strstr(d->findings.v[0].msg,
	    "line 2, column 9") != NULL, "binary: names the NUL's line");
	INT_EQ(d->nsecs, 0, "binary: no model");
	pm_doc_free(d);
	d = parse("---\ntitle: \xff\xfe\n---\n## Summary \xc3\n", cfg);
	INT_EQ(d->nsecs, 1, "utf8: invalid bytes parse");
	pm_doc_free(d);
}

int
main(void)
{
	struct pm_config	 cfg;

	pm_config_init(&cfg);
	test_split__frontmatter(&cfg);
	test_split__crlf_bom(&cfg);
	test_split__unterminated(&cfg);
	test_split__yaml_error(&cfg);
	test_split__binary(&cfg);
	pm_config_release(&cfg);
	return harness_done();
}
