/*
 * pm_linkpath(): how a relative link of a report becomes a repository
 * path, and every way a link may try to leave the repository.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/linkpath.h"
#include "harness.h"

struct	lcase {
	const char	*doc, *url;
	enum pm_lp	 want;
	const char	*path;		/* when PM_LP_OK */
	const char	*frag;
};

static const struct lcase cases[] = {
	/* Plain links, as GitHub resolves them. */
	{ "pm/2024/a.md", "img/x.png", PM_LP_OK, "pm/2024/img/x.png", "" },
	{ "pm/2024/a.md", "../../assets/x.png", PM_LP_OK, "assets/x.png", "" },
	{ "pm/2024/a.md", "./b.md#timeline", PM_LP_OK, "pm/2024/b.md",
	    "timeline" },
	{ "pm/a.md", "INC-12%20-%20Redis.md#what-went-wrong-1", PM_LP_OK,
	    "pm/INC-12 - Redis.md", "what-went-wrong-1" },
	{ "pm/a.md", "b.md?plain=1#L3", PM_LP_OK, "pm/b.md", "L3" },
	{ "pm/a.md", "/assets/x.png", PM_LP_OK, "assets/x.png", "" },
	{ "a.md", "x//y/./z.png", PM_LP_OK, "x/y/z.png", "" },
	{ "a.md", "x/../y.png", PM_LP_OK, "y.png", "" },
	{ "a.md", "%zz%4", PM_LP_OK, "%zz%4", "" },
	{ "a.md", "100%25.png", PM_LP_OK, "100%.png", "" },
	{ "a.md", "%252e%252e/x", PM_LP_OK, "%2e%2e/x", "" },
	{ "pm/a.md", ".", PM_LP_OK, "pm", "" },
	{ "pm/a.md", "..", PM_LP_OK, "", "" },
	/* Not file links. */
	{ "a.md", "https://example.com/x.png", PM_LP_NONE, NULL, NULL },
	{ "a.md", "//evil.example/x.png", PM_LP_NONE, NULL, NULL },
	{ "a.md", "\\\\evil.example\\x.png", PM_LP_NONE, NULL, NULL },
	{ "a.md", "/\\evil.example/x", PM_LP_NONE, NULL, NULL },
	{ "a.md", "file:///etc/passwd", PM_LP_NONE, NULL, NULL },
	{ "a.md", "C:\\Windows\\win.ini", PM_LP_NONE, NULL, NULL },
	{ "a.md", "java\tscript:alert(1)", PM_LP_NONE, NULL, NULL },
	{ "a.md", "#summary", PM_LP_NONE, NULL, NULL },
	{ "a.md", "", PM_LP_NONE, NULL, NULL },
	/* Leaving the repository, however it is spelled. */
	{ "a.md", "../x", PM_LP_LEAVES, NULL, NULL },
	{ "pm/2024/a.md", "../../../../etc/passwd", PM_LP_LEAVES, NULL, NULL },
	{ "pm/2024/a.md", "%2e%2e/%2E%2E/%2e%2e/etc/passwd", PM_LP_LEAVES,
	    NULL, NULL },
	{ "pm/2024/a.md", "..%2F..%2F..%2Fetc%2Fpasswd", PM_LP_LEAVES, NULL,
	    NULL },
	{ "pm/2024/a.md", "..\\..\\..\\etc\\passwd", PM_LP_LEAVES, NULL, NULL },
	{ "pm/2024/a.md", "..%5c..%5c..%5cetc", PM_LP_LEAVES, NULL, NULL },
	{ "a.md", "/../etc/passwd", PM_LP_LEAVES, NULL, NULL },
	{ "a.md", "x/../../y", PM_LP_LEAVES, NULL, NULL },
	{ "a.md", " ../x", PM_LP_LEAVES, NULL, NULL },
	/* .git, in any case and spelling. */
	{ "pm/a.md", "../.git/config", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", "/.git/config", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", ".GIT/HEAD", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", "%2egit/config", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", ".gi%74/config", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", "sub/.git/objects/x", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", "x\\.git\\config", PM_LP_GITDIR, NULL, NULL },
	{ "a.md", "x/y/../../.git", PM_LP_GITDIR, NULL, NULL },
	/* NUL and control bytes. */
	{ "a.md", "x%00.png", PM_LP_BAD, NULL, NULL },
	{ "a.md", "x%0a.png", PM_LP_BAD, NULL, NULL },
	{ "a.md", "x%7F", PM_LP_BAD, NULL, NULL },
};

int
main(void)
{
	struct pm_buf	 path = PM_BUF_INIT, frag = PM_BUF_INIT, name = PM_BUF_INIT;
	size_t		 i;
	enum pm_lp	 r;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct lcase *c = &cases[i];

		pm_buf_truncate(&name, 0);
		pm_buf_printf(&name, "linkpath: '%s' in %s", c->url, c->doc);
		r = pm_linkpath(c->doc, c->url, strlen(c->url), &path, &frag);
		INT_EQ(r, c->want, name.ptr);
		if (c->want == PM_LP_OK && r == PM_LP_OK) {
			STR_EQ(pm_buf_cstr(&path), c->path, name.ptr);
			STR_EQ(pm_buf_cstr(&frag), c->frag, name.ptr);
		}
		if (r != PM_LP_OK)
			OK(path.len == 0, "linkpath: no path when refused");
		INT_EQ(pm_linkpath_local(c->url, strlen(c->url)),
		    c->want != PM_LP_NONE, "linkpath: local agrees");
	}
	OK(pm_linkpath_active("a/b/notes.HTML"), "active: HTML");
	OK(pm_linkpath_active("x.svg"), "active: svg");
	OK(pm_linkpath_active("x.Js"), "active: js");
	OK(!pm_linkpath_active("x.png"), "active: png is not");
	OK(!pm_linkpath_active("x.html.md.erb"), "active: erb is not");
	OK(!pm_linkpath_active("dir.svg/x"), "active: folder name only");
	OK(!pm_linkpath_active("README"), "active: no extension");
	pm_buf_release(&path);
	pm_buf_release(&frag);
	pm_buf_release(&name);
	return harness_done();
}
