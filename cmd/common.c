/*
 * What every subcommand shares (see cmd.h): opening the source and the
 * configuration, printing failures and usage, --today, and finding the
 * data directory (rules/, themes/).
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/time.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "source/config.h"
#include "source/repo.h"

#define	CONFIG_NAME	".postmortem.yaml"

void
cmd_note_templates(const struct pm_corpus *c)
{
	struct pm_buf	 b = PM_BUF_INIT;

	cmd_templates_note(&b, c);
	fputs(pm_buf_cstr(&b), stderr);
	pm_buf_release(&b);
}

void
cmd_templates_note(struct pm_buf *b, const struct pm_corpus *c)
{
	size_t	 i;

	for (i = 0; i < c->ntemplates; i++)
		pm_buf_printf(b, "postmortem: note: %s: skipped: a report "
		    "template, not a report (%s); add it to 'exclude' in "
		    ".postmortem.yaml to say so\n", c->templates[i],
		    c->template_why[i]);
}

int
cmd_fail(void)
{
	fprintf(stderr, "postmortem: %s\n", pm_error_get());
	return PM_EXIT_FAILURE;
}

int
cmd_usage(const char *usage, const char *fmt, ...)
{
	va_list	 ap;

	if (fmt != NULL) {
		fputs("postmortem: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	if (usage != NULL)
		fprintf(stderr, "%s\n", usage);
	return PM_EXIT_FAILURE;
}

int
cmd_setup(struct pm_ctx *ctx, const char *config_path, int need_repo,
    struct pm_source **srcp, struct pm_config *cfg)
{
	struct pm_source	*src = NULL;
	struct stat		 st;
	char			*path;
	int			 rc;

	*srcp = NULL;
	pm_config_init(cfg);

	/* -C DIR: run as if started there, as git does. */
	if (ctx->dir != NULL && chdir(ctx->dir) == -1) {
		pm_error_set("cannot change to '%s': %s", ctx->dir,
		    strerror(errno));
		goto fail;
	}
	if (pm_source_open(&src, NULL) == -1)
		goto fail;
	if (need_repo && !pm_source_has_repo(src)) {
		pm_error_set("not a git repository (or any parent up to "
		    "the root)");
		goto fail;
	}

	if (config_path != NULL) {
		/* Named on the command line: it must exist. */
		if (stat(config_path, &st) == -1) {
			pm_error_set("cannot read '%s': %s", config_path,
			    strerror(errno));
			goto fail;
		}
		rc = pm_config_load_file(cfg, config_path);
	} else {
		path = pm_xasprintf("%s/%s", pm_source_root(src),
		    CONFIG_NAME);
		rc = pm_config_load_file(cfg, path);
		free(path);
	}
	if (rc == -1)
		goto fail;
	*srcp = src;
	return 0;
fail:
	cmd_fail();
	pm_source_free(src);
	pm_config_release(cfg);		/* left zeroed: releasing is a no-op */
	return -1;
}

int
cmd_today(const char *arg, int32_t *out)
{
	time_t	 now;

	if (arg == NULL) {
		/* The current date in UTC, never the local zone. */
		now = time(NULL);
		*out = (int32_t)(now / PM_DAY - (now % PM_DAY < 0));
		return 0;
	}
	if (pm_date_parse(out, arg) == -1) {
		pm_error_set("bad date '%s'; use YYYY-MM-DD", arg);
		return -1;
	}
	return 0;
}

/* 1 if dir/sub is a directory. */
static int
isdir(const char *dir, const char *sub)
{
	struct stat	 st;
	char		*p;
	int		 rc;

	p = pm_xasprintf("%s/%s", dir, sub);
	rc = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return rc;
}

/*
 * The directory holding rules/ and themes/ found from the binary: in a
 * checkout the binary is build/postmortem or build/san/postmortem, so
 * walk up from its directory to one that has both; installed, it is
 * BINDIR/postmortem with the data in BINDIR/../share/postmortem, which
 * also holds when the installation was moved (DESTDIR, a copied
 * prefix).  Returns it in static storage, or NULL.
 */
static const char *
near_binary(void)
{
	static char	 found[PATH_MAX];
	static int	 done;
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;
	int		 up;

	if (done)
		return found[0] != '\0' ? found : NULL;
	done = 1;
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	for (up = 0; up < 4; up++) {
		if ((slash = strrchr(exe, '/')) == NULL || slash == exe)
			return NULL;
		*slash = '\0';
		if (isdir(exe, "rules") && isdir(exe, "themes")) {
			snprintf(found, sizeof(found), "%s", exe);
			return found;
		}
		if (up == 1 && (size_t)snprintf(found, sizeof(found),
		    "%s/share/postmortem", exe) < sizeof(found) &&
		    isdir(found, "rules") && isdir(found, "themes"))
			return found;
		found[0] = '\0';
	}
	return NULL;
}

const char *
cmd_datadir(struct pm_ctx *ctx, const char *sub)
{
	static struct {
		char	 sub[32];
		char	 path[PATH_MAX];
	}		 cache[8];
	const char	*base;
	size_t		 i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++)
		if (cache[i].sub[0] != '\0' && strcmp(cache[i].sub, sub) == 0)
			return cache[i].path;
	if (ctx != NULL && ctx->datadir != NULL)
		base = ctx->datadir;
	else if ((base = near_binary()) == NULL)
		base = PM_DATADIR;
	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++)
		if (cache[i].sub[0] == '\0')
			break;
	if (i == sizeof(cache) / sizeof(cache[0]))
		i = 0;		/* full: reuse the first slot */
	snprintf(cache[i].sub, sizeof(cache[i].sub), "%s", sub);
	snprintf(cache[i].path, sizeof(cache[i].path), "%s/%s", base, sub);
	/* Linting without the shipped packs must not pass silently. */
	if (!isdir(base, sub))
		fprintf(stderr, "postmortem: note: no %s directory at '%s'; "
		    "reinstall, or run from the source tree\n", sub,
		    cache[i].path);
	return cache[i].path;
}

int
cmd_tree(struct pm_source *src, enum pm_srckind kind, const char *rev,
    const struct pm_corpus *c, const struct pm_config *cfg, int force,
    struct pm_entries *out, const char **name)
{
	size_t	 i;

	*name = kind == PM_SRC_REV ? "the commit" : kind == PM_SRC_INDEX ?
	    "the index" : "the working tree";
	if (!pm_source_has_repo(src))
		return 0;
	for (i = 0; !force && i < c->ndocs; i++)
		if ((c->target == NULL || c->target[i]) &&
		    c->docs[i]->nurls > 0)
			break;
	if (!force && (i == c->ndocs ||
	    pm_config_level(cfg, PM_RULE_LINKS_LOCAL) == PM_LEVEL_OFF))
		return 0;
	return pm_source_list_all(src, kind, rev, out);
}
