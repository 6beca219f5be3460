/*
 * postmortem new TITLE: write a new report from the repository's
 * template (configuration 'template') or the built-in one (SPEC
 * section 1: every required section, empty timeline and action tables
 * with their headers, status draft, placeholders for the times that
 * lint reports until they are filled), at 'new_path' (default
 * postmortems/{year}/{id}.md) under the repository root, or the
 * current directory outside a repository.  Never overwrites; prints
 * the path written.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/time.h"
#include "cmd.h"

static const char usage[] =
    "usage: postmortem new [--today YYYY-MM-DD] [--config file] title";

/* {{title}}, {{id}}, {{date}}, {{year}}: the template's placeholders. */
static const char builtin[] =
    "---\n"
    "title: {{title_yaml}}\n"
    "id: {{id}}\n"
    "severity: P?            # P0 (most severe) .. P4, or SEV0 .. SEV4\n"
    "status: draft\n"
    "started: \"{{date}}THH:MM:00Z\"    # start of impact, UTC\n"
    "detected: \"{{date}}THH:MM:00Z\"   # first alert or report\n"
    "mitigated: \"{{date}}THH:MM:00Z\"  # impact stopped for users\n"
    "ended: \"{{date}}THH:MM:00Z\"      # incident declared resolved\n"
    "services: []\n"
    "tags: []\n"
    "authors: []             # [\"@you\"]\n"
    "related: []\n"
    "---\n"
    "\n"
    "## Summary\n"
    "\n"
    "<!-- What happened, in two or three sentences: the impact, the cause"
    " and how it\nended. -->\n"
    "\n"
    "## Impact\n"
    "\n"
    "<!-- Who was affected, how and for how long: failed requests, "
    "customers,\nrevenue. -->\n"
    "\n"
    "## Root Cause\n"
    "\n"
    "<!-- The mechanism: what failed, why, and why it was not caught. "
    "Describe\nsystems and decisions, not people. -->\n"
    "\n"
    "## Timeline (all times UTC)\n"
    "\n"
    "| Time | Event | Source | Actor |\n"
    "|------|-------|--------|-------|\n"
    "\n"
    "## Contributing Factors\n"
    "\n"
    "### Immediate Cause\n"
    "\n"
    "### Contributing Factors\n"
    "\n"
    "### Systemic Issues\n"
    "\n"
    "## Action Items\n"
    "\n"
    "| ID | Action | Owner | Deadline | Priority | Status | Ticket |\n"
    "|----|--------|-------|----------|----------|--------|--------|\n"
    "\n"
    "## What Went Well\n"
    "\n"
    "## Lessons Learned\n"
    "\n"
    "## Prevention\n";

/* "DB failover: 2 h of errors" -> "db-failover-2-h-of-errors". */
static char *
slugify(const char *title)
{
	struct pm_buf	 b = PM_BUF_INIT;
	const char	*p;
	int		 dash = 0;

	for (p = title; *p != '\0' && b.len < 60; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if (dash && b.len > 0)
				pm_buf_putc(&b, '-');
			pm_buf_putc(&b, *p);
			dash = 0;
		} else if (*p >= 'A' && *p <= 'Z') {
			if (dash && b.len > 0)
				pm_buf_putc(&b, '-');
			pm_buf_putc(&b, *p - 'A' + 'a');
			dash = 0;
		} else
			dash = 1;
	}
	if (b.len == 0)
		pm_buf_puts(&b, "incident");
	return pm_buf_detach(&b, NULL);
}

/* A YAML double-quoted scalar. */
static void
yaml_quote(struct pm_buf *b, const char *s)
{
	pm_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			pm_buf_putc(b, '\\');
		if ((unsigned char)*s < 0x20)
			pm_buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			pm_buf_putc(b, *s);
	}
	pm_buf_putc(b, '"');
}

struct	vars {
	const char	*title;
	const char	*id;
	const char	*date;
	const char	*year;
};

/* Expand {{name}} (templates) and {name} (new_path) into out. */
static void
expand(struct pm_buf *out, const char *s, const struct vars *v, int dbl)
{
	const char	*open = dbl ? "{{" : "{", *close = dbl ? "}}" : "}";
	size_t		 ol = strlen(open), cl = strlen(close), n;
	const char	*e;

	while (*s != '\0') {
		if (strncmp(s, open, ol) != 0 ||
		    (e = strstr(s + ol, close)) == NULL) {
			pm_buf_putc(out, *s++);
			continue;
		}
		n = (size_t)(e - s - ol);
#define	IS(name)	(n == strlen(name) && strncmp(s + ol, name, n) == 0)
		if (IS("title"))
			pm_buf_puts(out, v->title);
		else if (IS("title_yaml"))
			yaml_quote(out, v->title);
		else if (IS("id"))
			pm_buf_puts(out, v->id);
		else if (IS("date"))
			pm_buf_puts(out, v->date);
		else if (IS("year"))
			pm_buf_puts(out, v->year);
		else {
			pm_buf_put(out, s, (size_t)(e + cl - s));
		}
#undef	IS
		s = e + cl;
	}
}

/* mkdir -p of the directories above path. */
static int
make_dirs(const char *path)
{
	char	*d, *p;

	d = pm_xstrdup(path);
	for (p = d + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0777) == -1 && errno != EEXIST) {
			pm_error_set("cannot create '%s': %s", d,
			    strerror(errno));
			free(d);
			return -1;
		}
		*p = '/';
	}
	free(d);
	return 0;
}

static int
read_file(const char *path, struct pm_buf *out)
{
	FILE	*f;
	char	 buf[8192];
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		pm_error_set("cannot read template '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		pm_buf_put(out, buf, n);
	fclose(f);
	return 0;
}

int
cmd_new(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "today",	required_argument,	NULL, 't' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_buf		 tmpl = PM_BUF_INIT, text = PM_BUF_INIT;
	struct pm_buf		 rel = PM_BUF_INIT;
	struct vars		 v;
	const char		*today = NULL, *config = NULL, *np;
	char			 date[16], year[8], *slug = NULL;
	char			*id = NULL, *path = NULL, *tpath = NULL;
	int32_t			 day;
	int			 ch, fd = -1, rc = PM_EXIT_FAILURE;
	ssize_t			 w;
	size_t			 off;

	memset(&cfg, 0, sizeof(cfg));
	while ((ch = getopt_long(argc, argv, "c:ht:", opts, NULL)) != -1)
		switch (ch) {
		case 't':
			today = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'h':
			puts(usage);
			return PM_EXIT_OK;
		default:
			fprintf(stderr, "%s\n", usage);
			return PM_EXIT_FAILURE;
		}
	argc -= optind;
	argv += optind;
	if (argc != 1 || argv[0][0] == '\0')
		return cmd_usage(usage, "new wants one title (quote it)");
	if (cmd_today(today, &day) == -1)
		return cmd_usage(usage, "--today wants YYYY-MM-DD, not '%s'",
		    today);
	if (cmd_setup(ctx, config, 0, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;

	pm_date_format(date, day);
	snprintf(year, sizeof(year), "%.4s", date);
	slug = slugify(argv[0]);
	id = pm_xasprintf("%s-%s", date, slug);
	v.title = argv[0];
	v.id = id;
	v.date = date;
	v.year = year;

	if (cfg.template != NULL) {
		tpath = cfg.template[0] == '/' ? pm_xstrdup(cfg.template) :
		    pm_xasprintf("%s/%s", pm_source_root(src), cfg.template);
		if (read_file(tpath, &tmpl) == -1) {
			rc = cmd_fail();
			goto done;
		}
		expand(&text, pm_buf_cstr(&tmpl), &v, 1);
	} else
		expand(&text, builtin, &v, 1);

	np = cfg.new_path != NULL ? cfg.new_path :
	    "postmortems/{year}/{id}.md";
	expand(&rel, np, &v, 0);
	path = rel.ptr[0] == '/' ? pm_xstrdup(rel.ptr) :
	    pm_xasprintf("%s/%s", pm_source_root(src), rel.ptr);
	if (make_dirs(path) == -1) {
		rc = cmd_fail();
		goto done;
	}
	/* O_EXCL: never overwrite a report, even in a race. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
		if (errno == EEXIST)
			pm_error_set("'%s' already exists; choose another "
			    "title or edit that report", rel.ptr);
		else
			pm_error_set("cannot create '%s': %s", rel.ptr,
			    strerror(errno));
		rc = cmd_fail();
		goto done;
	}
	for (off = 0; off < text.len; off += (size_t)w)
		if ((w = write(fd, text.ptr + off, text.len - off)) <= 0) {
			pm_error_set("cannot write '%s': %s", rel.ptr,
			    strerror(errno));
			close(fd);
			fd = -1;
			unlink(path);
			rc = cmd_fail();
			goto done;
		}
	if (close(fd) == -1) {
		fd = -1;
		pm_error_set("cannot write '%s': %s", rel.ptr,
		    strerror(errno));
		unlink(path);
		rc = cmd_fail();
		goto done;
	}
	fd = -1;
	printf("%s\n", rel.ptr);
	rc = PM_EXIT_OK;
done:
	free(tpath);
	free(path);
	free(id);
	free(slug);
	pm_buf_release(&tmpl);
	pm_buf_release(&text);
	pm_buf_release(&rel);
	pm_source_free(src);
	pm_config_release(&cfg);
	return rc;
}
