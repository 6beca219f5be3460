/*
 * postmortem build [--rev REV] [--out DIR] [--base-url URL]
 *     [--theme DIR] [--today DATE] [--config FILE] [-j N] [-q]
 *
 * Loads every report of a commit (HEAD by default; the working tree in
 * a repository without commits) without their cmark trees (lib/site
 * renders each body on its own), lints them so each page shows its
 * findings, and builds the static archive into
 * --out (default "site" in the current directory) with lib/site.
 * Exit 0, or 2 on a usage or I/O failure; findings never fail a build.
 */
#include <sys/stat.h>

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/timing.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "site/site.h"
#include "site/snapshot.h"
#include "source/config.h"
#include "source/repo.h"

static const char usage[] =
    "usage: postmortem build [--rev REV] [--out DIR] [--base-url URL]\n"
    "                        [--theme DIR] [--today DATE] [--config FILE]\n"
    "                        [-j N] [--no-cache] [-q]";

/* PM_SITE_TIMING=1: phase times on stderr (for 'make bench'). */
static struct pm_phase	 timing = { "PM_SITE_TIMING", "build", { 0, 0 }, { 0, 0 } };

static void
phase(const char *what)
{
	pm_phase(&timing, what);
}

/*
 * The key of the site snapshot (lib/site/snapshot.h): everything the
 * site is made from.  The commit fixes the reports, the files they
 * link and their history (with the shallow and grafts files, which
 * change what the history walk sees); the rest comes from the file
 * system and the command line.  0, or -1 when the snapshot must not be
 * used (an input that cannot be hashed, a debugging switch that
 * prints from the parts a reuse skips).
 */
static int
build_key(struct pm_buf *k, struct pm_ctx *ctx, struct pm_source *src,
    const struct pm_config *cfg, const char *revhex,
    const struct pm_site_opts *so)
{
	struct pm_buf	 p = PM_BUF_INIT;
	struct stat	 st;
	const char	*gd = pm_source_commondir(src), *tz;
	size_t		 i, n;
	int		 rc = 0;

	if (gd == NULL || stat("/proc/self/exe", &st) == -1 ||
	    getenv("PM_SIMILAR_DEBUG") != NULL)
		return -1;
	n = strlen(gd);
	while (n > 1 && gd[n - 1] == '/')
		n--;
	pm_buf_puts(k, "postmortem build 1\n");
	pm_sitesnap_key_str(k, "version", PM_VERSION);
	/* A rebuilt binary of the same version is another program. */
	pm_sitesnap_key_stat(k, "binary", "/proc/self/exe");
	pm_sitesnap_key_str(k, "root", pm_source_root(src));
	pm_sitesnap_key_str(k, "commit", revhex);
	pm_buf_printf(&p, "%.*s/shallow", (int)n, gd);
	pm_sitesnap_key_file(k, "shallow", p.ptr);
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "%.*s/info/grafts", (int)n, gd);
	pm_sitesnap_key_file(k, "grafts", p.ptr);
	pm_sitesnap_key_str(k, "config-path", cfg->path);
	pm_sitesnap_key_file(k, "config", cfg->path);
	if (pm_sitesnap_key_dir(k, "rules", cmd_datadir(ctx, "rules")) == -1)
		rc = -1;
	for (i = 0; i < cfg->nrule_files; i++) {
		pm_buf_truncate(&p, 0);
		if (cfg->rule_files[i][0] == '/')
			pm_buf_puts(&p, cfg->rule_files[i]);
		else
			pm_buf_printf(&p, "%s/%s", pm_source_root(src),
			    cfg->rule_files[i]);
		pm_sitesnap_key_str(k, "rule-file", p.ptr);
		pm_sitesnap_key_file(k, "rule-bytes", p.ptr);
	}
	pm_sitesnap_key_str(k, "theme-path", so->theme_dir);
	if (pm_sitesnap_key_dir(k, "theme", so->theme_dir) == -1 ||
	    pm_sitesnap_key_dir(k, "default-theme", so->default_theme) == -1)
		rc = -1;
	pm_sitesnap_key_str(k, "base-url", so->base_url);
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "%ld", (long)so->today);
	pm_sitesnap_key_str(k, "today", p.ptr);
	/* Time zone names in reports are read from the system's database:
	 * an update of it replaces tzdata.zi and changes the directory. */
	tz = getenv("TZDIR");
	pm_sitesnap_key_str(k, "tzdir", tz);
	if (tz == NULL || *tz == '\0')
		tz = "/usr/share/zoneinfo";
	pm_sitesnap_key_stat(k, "zoneinfo", tz);
	pm_buf_truncate(&p, 0);
	pm_buf_printf(&p, "%s/tzdata.zi", tz);
	pm_sitesnap_key_stat(k, "tzdata", p.ptr);
	pm_buf_release(&p);
	return rc;
}

/* What a successful build prints; after: the notes about the corpus. */
static void
summary(const char *out, const struct pm_site_stats *st, const char *after)
{
	fprintf(stderr, "built %zu report%s into '%s' (%zu files, "
	    "%zu unchanged)\n", st->reports, st->reports == 1 ? "" : "s",
	    out, st->files, st->kept);
	if (!st->sitemap)
		fprintf(stderr, "postmortem: note: no sitemap.xml: "
		    "it needs absolute URLs; pass --base-url or set "
		    "base_url in .postmortem.yaml\n");
	fputs(after, stderr);
}

int
cmd_build(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "rev",	required_argument,	NULL, 'r' },
		{ "out",	required_argument,	NULL, 'o' },
		{ "base-url",	required_argument,	NULL, 'b' },
		{ "theme",	required_argument,	NULL, 'T' },
		{ "today",	required_argument,	NULL, 't' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "threads",	required_argument,	NULL, 'j' },
		{ "no-cache",	no_argument,		NULL, 'C' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_corpus	*corpus = NULL;
	struct pm_rulepacks	*packs = NULL;
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_load_opts	 lo;
	struct pm_lint_opts	 lopts;
	struct pm_site_opts	 so;
	struct pm_site_stats	 st;
	struct pm_entries	 tree = { NULL, 0, 0 };
	struct pm_buf		 key = PM_BUF_INIT, after = PM_BUF_INIT;
	char			*theme = NULL, *deftheme = NULL, *cdir = NULL;
	const char		*rev = NULL, *out = "site", *base = NULL;
	const char		*themearg = NULL, *today = NULL;
	const char		*config = NULL;
	git_repository		*repo;
	git_object		*obj, *peeled;
	const char		*gd;
	char			 revhex[GIT_OID_HEXSZ + 1];
	size_t			 n;
	int			 ch, threads = 0, quiet = 0, nocache = 0;
	int			 rc = PM_EXIT_FAILURE, r;

	memset(&cfg, 0, sizeof(cfg));
	memset(&so, 0, sizeof(so));
	memset(&st, 0, sizeof(st));
	while ((ch = getopt_long(argc, argv, "b:c:hj:o:qr:T:t:", opts,
	    NULL)) != -1)
		switch (ch) {
		case 'r':
			rev = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'b':
			base = optarg;
			break;
		case 'T':
			themearg = optarg;
			break;
		case 't':
			today = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'j':
			threads = atoi(optarg);
			break;
		case 'C':
			nocache = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			puts(usage);
			return PM_EXIT_OK;
		default:
			fprintf(stderr, "%s\n", usage);
			return PM_EXIT_FAILURE;
		}
	if (optind < argc)
		return cmd_usage(usage, "unexpected argument '%s'",
		    argv[optind]);
	if (*out == '\0')
		return cmd_usage(usage, "--out wants a directory");
	memset(&lopts, 0, sizeof(lopts));
	if (cmd_today(today, &lopts.today) == -1)
		return cmd_usage(usage, "--today wants YYYY-MM-DD, not '%s'",
		    today);
	lopts.threads = threads;

	phase(NULL);
	if (cmd_setup(ctx, config, 1, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	if (pm_rulepacks_load(&packs, cmd_datadir(ctx, "rules"), &cfg,
	    pm_source_root(src)) == -1) {
		rc = cmd_fail();
		goto done;
	}
	if (pm_rulepacks_problems(packs) != NULL)
		fputs(pm_rulepacks_problems(packs), stderr);
	phase("setup");

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_REV;
	lo.rev = rev != NULL ? rev : "HEAD";
	/* A repository without commits: build what is on disk. */
	repo = pm_source_git(src);
	if (rev == NULL && repo != NULL &&
	    git_repository_head_unborn(repo) == 1) {
		lo.kind = PM_SRC_WORKTREE;
		lo.rev = NULL;
		if (!quiet)
			fprintf(stderr, "postmortem: note: no commits yet; "
			    "building the working tree (the files reports "
			    "link are published once committed)\n");
	}
	lo.history = 1;
	lo.doc_flags = 0;
	lo.threads = threads;
	/* One commit for the reports and the files they link, even if
	 * the branch moves while the build runs. */
	if (lo.kind == PM_SRC_REV && repo != NULL &&
	    git_revparse_single(&obj, repo, lo.rev) == 0) {
		if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) == 0) {
			git_oid_tostr(revhex, sizeof(revhex),
			    git_object_id(peeled));
			git_object_free(peeled);
		} else
			git_oid_tostr(revhex, sizeof(revhex),
			    git_object_id(obj));
		git_object_free(obj);
		git_error_clear();
		lo.rev = revhex;
	}
	lo.cache = !nocache;

	/* --theme is relative to the current directory; the
	 * configuration's theme to the repository root. */
	if (themearg != NULL)
		theme = pm_xstrdup(themearg);
	else if (cfg.theme != NULL)
		theme = cfg.theme[0] == '/' ? pm_xstrdup(cfg.theme) :
		    pm_xasprintf("%s/%s", pm_source_root(src), cfg.theme);
	deftheme = pm_xasprintf("%s/default", cmd_datadir(ctx, "themes"));
	so.out = out;
	so.base_url = base != NULL ? base : cfg.base_url;
	so.theme_dir = theme;
	so.default_theme = deftheme;
	so.today = lopts.today;
	so.threads = threads;
	so.src = src;
	so.src_kind = lo.kind;

	/*
	 * Nothing changed since the last build into out: its snapshot is
	 * the site (lib/site/snapshot.h).  Only for a commit: the working
	 * tree has no id to key it by.
	 */
	if (!nocache && lo.kind == PM_SRC_REV && lo.rev == revhex &&
	    build_key(&key, ctx, src, &cfg, lo.rev, &so) == 0) {
		gd = pm_source_commondir(src);
		for (n = strlen(gd); n > 1 && gd[n - 1] == '/'; n--)
			continue;
		cdir = pm_xasprintf("%.*s/postmortem", (int)n, gd);
		so.cache_dir = cdir;
		so.cache_key = pm_buf_cstr(&key);
		if ((r = pm_sitesnap_reuse(&so, &st)) == -1) {
			rc = cmd_fail();
			goto done;
		}
		if (r == 1) {
			phase("reuse");
			if (!quiet)
				summary(out, &st, st.after);
			rc = PM_EXIT_OK;
			goto done;
		}
	}

	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}
	phase("load");
	lopts.has_history = 1;
	if (cmd_tree(src, lo.kind, lo.rev, corpus, &cfg, 1, &tree,
	    &lopts.tree_name) == -1) {
		rc = cmd_fail();
		goto done;
	}
	lopts.tree = tree.n > 0 ? &tree : NULL;
	pm_lint_corpus(corpus, &cfg, packs, &lopts, &fs, NULL);
	pm_findings_sort(&fs);
	phase("lint");

	so.findings = &fs;
	so.tree = lopts.tree;
	cmd_templates_note(&after, corpus);
	if (corpus->nlegacy > 0)
		pm_buf_printf(&after, "%zu file%s look%s like post-mortems "
		    "without front matter; run 'postmortem adopt' to "
		    "convert them\n", corpus->nlegacy,
		    corpus->nlegacy == 1 ? "" : "s",
		    corpus->nlegacy == 1 ? "s" : "");
	so.cache_after = pm_buf_cstr(&after);
	if (pm_site_build(corpus, &cfg, &so, &st) == -1) {
		rc = cmd_fail();
		goto done;
	}
	phase("site");
	if (!quiet)
		summary(out, &st, pm_buf_cstr(&after));
	rc = PM_EXIT_OK;
done:
	pm_entries_release(&tree);
	pm_buf_release(&key);
	pm_buf_release(&after);
	free(st.after);
	free(cdir);
	free(theme);
	free(deftheme);
	pm_findings_release(&fs);
	if (corpus != NULL)
		pm_corpus_free(corpus);
	pm_rulepacks_free(packs);
	phase("free");
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
