/*
 * Unit tests of lib/site: the template engine, HTML escaping, slugs,
 * URL screening, number formatting and the atomic site writer.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "harness.h"
#include "site/html.h"
#include "site/svg.h"
#include "site/tmpl.h"
#include "site/write.h"

static char *
render(const char *tmpl, const struct pm_tv *ctx)
{
	struct pm_buf	 out = PM_BUF_INIT;
	struct pm_tmpl	*t;

	if ((t = pm_tmpl_parse("t", tmpl, strlen(tmpl), NULL)) == NULL)
		return pm_xstrdup(pm_error_get());
	pm_tmpl_render(t, ctx, &out);
	pm_tmpl_free(t);
	pm_buf_grow(&out, 0);
	return pm_buf_detach(&out, NULL);
}

#define	RENDER_EQ(tmpl, ctx, want, name) do {				\
	char *r_ = render(tmpl, ctx);					\
	STR_EQ(r_, want, name);						\
	free(r_);							\
} while (0)

static void
test_tmpl__variables(void)
{
	struct pm_arena	 a = PM_ARENA_INIT;
	struct pm_tv	*m, *sub;

	m = pm_tv_map(&a);
	pm_tv_sets(&a, m, "name", "<b>\"x\" & 'y'</b>");
	sub = pm_tv_map(&a);
	pm_tv_sets(&a, sub, "inner", "deep");
	pm_tv_set(&a, m, "sub", sub);
	RENDER_EQ("a {{name}} b", m,
	    "a &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; b",
	    "tmpl: variables are escaped");
	RENDER_EQ("{{{name}}}|{{& name }}", m,
	    "<b>\"x\" & 'y'</b>|<b>\"x\" & 'y'</b>",
	    "tmpl: triple braces and & are raw");
	RENDER_EQ("[{{missing}}]", m, "[]", "tmpl: missing is empty");
	RENDER_EQ("{{sub.inner}}", m, "deep", "tmpl: dotted names");
	RENDER_EQ("{{! a comment }}x", m, "x", "tmpl: comments");
	pm_arena_release(&a);
}

static void
test_tmpl__sections(void)
{
	struct pm_arena	 a = PM_ARENA_INIT;
	struct pm_tv	*m, *l, *it;

	m = pm_tv_map(&a);
	l = pm_tv_list(&a);
	it = pm_tv_push_map(&a, l);
	pm_tv_sets(&a, it, "n", "1");
	it = pm_tv_push_map(&a, l);
	pm_tv_sets(&a, it, "n", "2");
	pm_tv_set(&a, m, "items", l);
	pm_tv_set(&a, m, "empty", pm_tv_list(&a));
	pm_tv_setb(&a, m, "yes", 1);
	pm_tv_setb(&a, m, "no", 0);
	pm_tv_sets(&a, m, "outer", "o");
	RENDER_EQ("{{#items}}<{{n}}{{outer}}>{{/items}}", m,
	    "<1o><2o>", "tmpl: list sections, outer lookup");
	RENDER_EQ("{{#items}}<i>{{n}}</i>{{/items}}", m, "<i>1</i><i>2</i>",
	    "tmpl: template text is not escaped");
	RENDER_EQ("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", m,
	    "none", "tmpl: inverted on empty list");
	RENDER_EQ("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}", m,
	    "Yn", "tmpl: booleans");
	RENDER_EQ("{{^missing}}m{{/missing}}", m, "m",
	    "tmpl: inverted on missing");
	RENDER_EQ("<ul>\n  {{#items}}\n  <li>{{n}}</li>\n  {{/items}}\n</ul>\n",
	    m, "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n",
	    "tmpl: standalone tags take their line");
	pm_arena_release(&a);
}

/* A row marked pm_tv_memo renders the same as an unmarked one, page
 * after page, whatever outer names change between pages. */
static void
test_tmpl__memo(void)
{
	static const char text[] = "{{#rows}}[{{root}}{{id}}{{#flag}}F"
	    "{{/flag}}{{#subs}}({{root}}{{x}}){{/subs}}]{{/rows}}";
	static const char *const roots[] = { "", "../", "../", "", "" };
	static const char *const want[] = { "[a(1)][a(1)]",
	    "[../a(../1)][../a(../1)]", "[../a(../1)][../a(../1)]",
	    "[aF(1)][aF(1)]", "[a(1)][a(1)]" };
	struct pm_arena	 a = PM_ARENA_INIT, pa = PM_ARENA_INIT;
	struct pm_tmpl	*t;
	struct pm_tv	*row, *l, *m;
	struct pm_buf	 out = PM_BUF_INIT;
	size_t		 i;

	row = pm_tv_map(&a);
	pm_tv_sets(&a, row, "id", "a");
	l = pm_tv_list(&a);
	pm_tv_sets(&a, pm_tv_push_map(&a, l), "x", "1");
	pm_tv_set(&a, row, "subs", l);
	pm_tv_memo(row);
	l = pm_tv_list(&a);
	pm_tv_push(&a, l, row);
	pm_tv_push(&a, l, row);
	t = pm_tmpl_parse("memo", text, sizeof(text) - 1, NULL);
	OK(t != NULL, "tmpl: memo template parses");
	for (i = 0; t != NULL && i < sizeof(want) / sizeof(want[0]); i++) {
		/* A new page: its values die with it, as in the site. */
		m = pm_tv_map(&pa);
		pm_tv_sets(&pa, m, "root", roots[i]);
		pm_tv_set(&pa, m, "rows", l);
		if (i == 3)
			pm_tv_setb(&pa, m, "flag", 1);
		pm_buf_truncate(&out, 0);
		pm_tmpl_render(t, m, &out);
		STR_EQ(pm_buf_cstr(&out), want[i],
		    "tmpl: memo rows follow the outer names");
		pm_arena_release(&pa);
	}
	pm_tmpl_free(t);
	pm_tmpl_thread_done();
	pm_buf_release(&out);
	pm_arena_release(&a);
}

static void
test_tmpl__errors(void)
{
	struct pm_arena	 a = PM_ARENA_INIT;
	struct pm_tv	*m = pm_tv_map(&a);

	RENDER_EQ("x\n{{#a}}b", m, "t:2: section 'a' is not closed",
	    "tmpl: unclosed section");
	RENDER_EQ("{{#a}}b{{/c}}", m, "t:1: '{{/c}}' closes 'a'",
	    "tmpl: mismatched close");
	RENDER_EQ("{{a", m, "t:1: unterminated tag", "tmpl: unterminated");
	RENDER_EQ("{{a b}}", m, "t:1: bad name 'a b' in tag",
	    "tmpl: bad name");
	RENDER_EQ("{{>x}}", m, "t:1: partial 'x' outside a theme",
	    "tmpl: partial without theme");
	pm_arena_release(&a);
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static void
test_tmpl__theme(void)
{
	struct pm_arena	 a = PM_ARENA_INIT;
	struct pm_buf	 out = PM_BUF_INIT;
	struct pm_theme	*th;
	const struct pm_tmpl *t;
	char		 d1[] = "/tmp/pm-tmpl-XXXXXX", d2[64], p[128];
	struct pm_tv	*m;

	if (mkdtemp(d1) == NULL)
		return;
	snprintf(d2, sizeof(d2), "%s/over", d1);
	mkdir(d2, 0755);
	snprintf(p, sizeof(p), "%s/page.html", d1);
	write_file(p, "{{>head}}body:{{x}}\n");
	snprintf(p, sizeof(p), "%s/head.html", d1);
	write_file(p, "default-head\n");
	snprintf(p, sizeof(p), "%s/head.html", d2);
	write_file(p, "over-head\n");
	snprintf(p, sizeof(p), "%s/loop.html", d1);
	write_file(p, "{{>loop}}\n");

	m = pm_tv_map(&a);
	pm_tv_sets(&a, m, "x", "1");
	th = pm_theme_new(d2, d1);
	t = pm_theme_get(th, "page");
	OK(t != NULL, "theme: page loads with partial");
	if (t != NULL)
		pm_tmpl_render(t, m, &out);
	STR_EQ(pm_buf_cstr(&out), "over-head\nbody:1\n",
	    "theme: override dir wins file by file");
	OK(pm_theme_get(th, "loop") == NULL, "theme: recursive partial");
	OK(pm_theme_get(th, "nope") == NULL, "theme: missing template");
	OK(pm_theme_get(th, "../x") == NULL, "theme: bad name");
	pm_theme_free(th);
	snprintf(p, sizeof(p), "rm -rf '%s'", d1);
	if (system(p) != 0)
		printf("# cleanup failed\n");
	pm_buf_release(&out);
	pm_arena_release(&a);
}

static void
test_html__escapers(void)
{
	struct pm_buf	 b = PM_BUF_INIT;

#define	HREF_EQ(in, want, name) do {					\
	pm_buf_truncate(&b, 0);						\
	pm_html_esc_href(&b, in, strlen(in));				\
	STR_EQ(pm_buf_cstr(&b), want, name);				\
} while (0)
	HREF_EQ("javascript:alert(1)", "#", "href: javascript dropped");
	HREF_EQ(" JaVa\tScRiPt:alert(1)", "#", "href: obfuscated javascript");
	HREF_EQ("data:text/html,x", "#", "href: data dropped");
	HREF_EQ("vbscript:x", "#", "href: vbscript dropped");
	HREF_EQ("https://x.test/a b?\"q\"", "https://x.test/a%20b?%22q%22",
	    "href: http kept and encoded");
	HREF_EQ("../r/a.html#x", "../r/a.html#x", "href: relative kept");
	HREF_EQ("a/b:c", "a/b:c", "href: colon after slash is relative");
	HREF_EQ("mailto:a@b.test", "mailto:a@b.test", "href: mailto kept");
	pm_buf_truncate(&b, 0);
	pm_html_esc_attr(&b, "a\"b\x01<", 5);
	STR_EQ(pm_buf_cstr(&b), "a&quot;b &lt;", "attr: escaped");

#define	SLUG_EQ(in, want, name) do {					\
	pm_html_slug(&b, in);						\
	STR_EQ(pm_buf_cstr(&b), want, name);				\
} while (0)
	SLUG_EQ("../../etc/passwd", "etc-passwd", "slug: traversal");
	SLUG_EQ("2024-05-21-DB Failover", "2024-05-21-db-failover",
	    "slug: lower, spaces");
	SLUG_EQ(".hidden", "hidden", "slug: no leading dot");
	SLUG_EQ("a..b", "a.b", "slug: no double dot");
	SLUG_EQ("<script>", "script", "slug: tags");
	SLUG_EQ("日本", "x", "slug: nothing left");
	SLUG_EQ("a/", "a", "slug: trailing");

	pm_buf_truncate(&b, 0);
	pm_svg_num(&b, 2.25, 1);
	pm_buf_puts(&b, " ");
	pm_svg_num(&b, -0.04, 1);
	pm_buf_puts(&b, " ");
	pm_svg_num(&b, 1234567.0, 0);
	STR_EQ(pm_buf_cstr(&b), "2.3 0.0 1234567", "svg: numbers");
	pm_buf_release(&b);
}

static int
file_eq(const char *path, const char *want)
{
	char	 buf[256];
	size_t	 n;
	FILE	*f;

	if ((f = fopen(path, "r")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strcmp(buf, want) == 0;
}

static void
test_write__atomic(void)
{
	struct pm_sitew	*w;
	struct stat	 st1, st2;
	char		 d[] = "/tmp/pm-sitew-XXXXXX", out[64], p[128];

	if (mkdtemp(d) == NULL)
		return;
	snprintf(out, sizeof(out), "%s/site", d);

	OK(pm_sitew_open(&w, out) == 0, "write: open missing dir");
	OK(pm_sitew_put(w, "index.html", "A", 1) == 0, "write: put");
	OK(pm_sitew_put(w, "r/x.html", "X", 1) == 0, "write: put subdir");
	OK(pm_sitew_put(w, "../evil", "E", 1) == -1, "write: refuse ..");
	OK(pm_sitew_put(w, "/abs", "E", 1) == -1, "write: refuse absolute");
	OK(pm_sitew_put(w, "r/.x", "E", 1) == -1, "write: refuse hidden");
	OK(pm_sitew_put(w, "index.html", "B", 1) == -1, "write: twice");
	OK(pm_sitew_commit(w) == 0, "write: commit");
	pm_sitew_free(w);
	snprintf(p, sizeof(p), "%s/site/r/x.html", d);
	OK(file_eq(p, "X"), "write: file in place");
	stat(p, &st1);
	snprintf(p, sizeof(p), "%s/site/.postmortem-site", d);
	OK(file_eq(p, "postmortem-site 1\nindex.html\nr/x.html\n"),
	    "write: marker lists files");

	/* Rebuild: unchanged file kept (same inode), changed rewritten. */
	OK(pm_sitew_open(&w, out) == 0, "write: reopen own site");
	pm_sitew_put(w, "index.html", "C", 1);
	pm_sitew_put(w, "r/x.html", "X", 1);
	OK(pm_sitew_commit(w) == 0, "write: second commit");
	pm_sitew_free(w);
	snprintf(p, sizeof(p), "%s/site/r/x.html", d);
	stat(p, &st2);
	OK(st1.st_ino == st2.st_ino && st1.st_mtime == st2.st_mtime,
	    "write: unchanged file keeps inode and mtime");
	snprintf(p, sizeof(p), "%s/site/index.html", d);
	OK(file_eq(p, "C"), "write: changed file rewritten");

	/* A failed build leaves the old site. */
	OK(pm_sitew_open(&w, out) == 0, "write: open for abort");
	pm_sitew_put(w, "index.html", "D", 1);
	pm_sitew_free(w);
	OK(file_eq(p, "C"), "write: abort keeps old site");

	/* A foreign file makes the directory untouchable. */
	snprintf(p, sizeof(p), "%s/site/notes.txt", d);
	write_file(p, "mine");
	OK(pm_sitew_open(&w, out) == -1, "write: refuse foreign file");
	snprintf(p, sizeof(p), "%s/foreign", d);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/foreign/a", d);
	write_file(p, "a");
	snprintf(p, sizeof(p), "%s/foreign", d);
	OK(pm_sitew_open(&w, p) == -1, "write: refuse foreign dir");
	snprintf(p, sizeof(p), "%s/emptydir", d);
	mkdir(p, 0755);
	OK(pm_sitew_open(&w, p) == 0, "write: empty dir is fine");
	pm_sitew_put(w, "a.html", "a", 1);
	OK(pm_sitew_commit(w) == 0, "write: commit into empty dir");
	pm_sitew_free(w);
	snprintf(p, sizeof(p), "rm -rf '%s'", d);
	if (system(p) != 0)
		printf("# cleanup failed\n");
}

int
main(void)
{
	test_tmpl__variables();
	test_tmpl__sections();
	test_tmpl__memo();
	test_tmpl__errors();
	test_tmpl__theme();
	test_html__escapers();
	test_write__atomic();
	return harness_done();
}
