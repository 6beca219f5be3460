/*
 * libFuzzer target: the theme template engine (lib/site/tmpl.c).  The
 * input is a template, parsed inside a small theme of fixed partials
 * (one that includes itself, one with an error, one nested) and
 * rendered against a value tree with every kind of value: strings
 * that need escaping, lists of maps and of strings, booleans, empty
 * lists, nested maps for dotted names.
 *
 * Lists hold one item each: a section on a list looks its name up
 * outward too (mustache), so k nested sections over a list of n items
 * render n^k times -- inherent to the language, and the theme is the
 * repository's own, so that is not a finding here.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "site/tmpl.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	themedir[] = "/tmp/pm-fuzz-theme.XXXXXX";

static void
put(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", themedir, name);
	if ((f = fopen(path, "w")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
}

static void
cleanup(void)
{
	static const char *const names[] = { "head.html", "item.html",
	    "self.html", "loop-a.html", "loop-b.html", "bad.html",
	    "deep.html", "style.css" };
	char	 path[256];
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", themedir, names[i]);
		unlink(path);
	}
	rmdir(themedir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (mkdtemp(themedir) == NULL)
		abort();
	atexit(cleanup);
	put("head.html", "<h1>{{title}}</h1>\n{{#flag}}on{{/flag}}\n");
	put("item.html", "{{#items}}\n<li>{{name}} {{>head}}</li>\n"
	    "{{/items}}\n");
	put("self.html", "x{{>self}}y");
	put("loop-a.html", "{{>loop-b}}");
	put("loop-b.html", "{{>loop-a}}");
	put("bad.html", "{{#open}} never closed");
	put("deep.html", "{{#m}}{{#m}}{{#m}}{{#m}}{{>item}}{{m.s}}"
	    "{{/m}}{{/m}}{{/m}}{{/m}}");
	put("style.css", "body{}");
	return 0;
}

static struct pm_tv *
context(struct pm_arena *a)
{
	struct pm_tv	*root, *items, *it, *m, *strs;
	int		 i;

	root = pm_tv_map(a);
	pm_tv_sets(a, root, "title", "<b>\"T&C's\"</b>");
	pm_tv_setb(a, root, "flag", 1);
	pm_tv_setb(a, root, "off", 0);
	pm_tv_sets(a, root, "empty", "");
	pm_tv_set(a, root, "none", pm_tv_list(a));
	items = pm_tv_list(a);
	for (i = 0; i < 1; i++) {
		it = pm_tv_push_map(a, items);
		pm_tv_setf(a, it, "name", "item <%d>", i);
		pm_tv_setb(a, it, "flag", i % 2);
		pm_tv_set(a, it, "items", items);	/* a cycle by name */
	}
	pm_tv_set(a, root, "items", items);
	strs = pm_tv_list(a);
	pm_tv_push(a, strs, pm_tv_strn(a, "a&b\0d", 5));
	pm_tv_set(a, root, "strs", strs);
	m = pm_tv_map(a);
	pm_tv_sets(a, m, "s", "inner");
	pm_tv_set(a, m, "m", m);		/* m.m.m... */
	pm_tv_set(a, root, "m", m);
	return root;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_arena		 a = PM_ARENA_INIT;
	struct pm_buf		 out = PM_BUF_INIT, path = PM_BUF_INIT;
	struct pm_theme		*th;
	struct pm_tmpl		*t;
	const struct pm_tmpl	*p;

	/* Steer around the known NUL bug (regress/nul-in-text) while it
	 * is open, to find the next one: PM_FUZZ_SKIP_NUL=1. */
	if (getenv("PM_FUZZ_SKIP_NUL") != NULL && memchr(data, 0, size))
		return 0;
	th = pm_theme_new(themedir, NULL);
	t = pm_tmpl_parse("fuzz.html", (const char *)data, size, th);
	if (t != NULL) {
		pm_tmpl_render(t, context(&a), &out);
		/* Output is bounded: no runaway recursion through values. */
		assert(out.len < 64 * 1024 * 1024);
		pm_tmpl_free(t);
	} else
		assert(pm_error_get()[0] != '\0');
	/* The fixed partials behave too, whatever happened before. */
	assert(pm_theme_get(th, "self") == NULL);
	assert(pm_theme_get(th, "loop-a") == NULL);
	if ((p = pm_theme_get(th, "deep")) != NULL)
		pm_tmpl_render(p, context(&a), &out);
	(void)pm_theme_file(th, "style.css", &path);
	pm_theme_free(th);
	pm_buf_release(&out);
	pm_buf_release(&path);
	pm_arena_release(&a);
	pm_error_clear();
	return 0;
}
