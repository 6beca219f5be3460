/*
 * postmortem adopt [PATHS...] [--write] [--config FILE] [--today DATE]
 *
 * Finds the reports written without this tool (a title and a Timeline
 * section, or selected by the include globs) that have no front
 * matter, infers front matter for each and prints it as a unified diff,
 * or with --write adds it to the files atomically.  Files with front
 * matter are left alone, so a second run changes nothing.
 *
 * Exit 0 when nothing is left to do by hand (or there was nothing to
 * adopt), 1 when some report lacks a required field that could not be
 * inferred (named on standard error; `lint` reports it too), 2 on a
 * usage or I/O failure.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adopt/adopt.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "doc/infer.h"
#include "source/config.h"
#include "source/repo.h"

static const char usage[] =
    "usage: postmortem adopt [PATHS...] [--write] [--config FILE] "
    "[--today DATE]";

/* Ids given out in this run (to make them unique). */
struct	idset {
	char	**v;
	size_t	 n, cap;
};

static int
byid_cmp(const void *key, const void *elem)
{
	const struct pm_doc	*d = *(struct pm_doc *const *)elem;

	return strcmp(key, d->meta.id);
}

/*
 * 1 if id is taken for self: by an id given out with a suffix in this
 * run, or by another document of the corpus (for its own id: one with
 * front matter, or the first by path).  suffixed: id is a candidate
 * with "-N" appended, taken by any holder.
 */
static int
id_taken(const struct pm_corpus *c, const struct idset *given,
    const char *id, const struct pm_doc *self, int suffixed)
{
	struct pm_doc *const	*hit, *const *p, *const *end;
	size_t			 i;

	for (i = 0; i < given->n; i++)
		if (strcmp(given->v[i], id) == 0)
			return 1;
	if (c->byid == NULL || c->ndocs == 0)
		return 0;
	hit = bsearch(id, c->byid, c->ndocs, sizeof(*c->byid), byid_cmp);
	if (hit == NULL)
		return 0;
	/* The first of the run of equal ids. */
	for (p = hit; p > c->byid && strcmp(p[-1]->meta.id, id) == 0; p--)
		continue;
	end = c->byid + c->ndocs;
	for (; p < end && strcmp((*p)->meta.id, id) == 0; p++) {
		if (*p == self)
			continue;
		if (suffixed || (*p)->meta.has_fm ||
		    strcmp((*p)->path, self->path) < 0)
			return 1;
	}
	return 0;
}

/*
 * The id to write for doc: its own, or with "-2", "-3"... appended
 * (remembered, so that no later report takes it).  The caller frees.
 */
static char *
unique_id(const struct pm_corpus *c, struct idset *given,
    const struct pm_doc *doc)
{
	char	*id;
	int	 n;

	if (!id_taken(c, given, doc->meta.id, doc, 0))
		return pm_xstrdup(doc->meta.id);
	for (n = 2;; n++) {
		id = pm_xasprintf("%s-%d", doc->meta.id, n);
		if (!id_taken(c, given, id, doc, 1))
			break;
		free(id);
	}
	given->v = pm_xgrow(given->v, &given->cap, given->n + 1,
	    sizeof(*given->v));
	given->v[given->n++] = pm_xstrdup(id);
	return id;
}

/*
 * Add globs for every Markdown file to the include globs, so that the
 * corpus keeps every file that looks like a post-mortem wherever it is;
 * the user's globs stay first (user_n of them).
 */
static void
include_all(struct pm_config *cfg)
{
	cfg->include = pm_xreallocarray(cfg->include, cfg->ninclude + 2,
	    sizeof(*cfg->include));
	cfg->include[cfg->ninclude++] = pm_xstrdup("**/*.md");
	cfg->include[cfg->ninclude++] = pm_xstrdup("*.md");
}

/* 1 if the user's include globs (the first n) select path. */
static int
user_included(const struct pm_config *cfg, size_t n, const char *path)
{
	struct pm_config	 c = *cfg;

	c.ninclude = n;
	return n > 0 && pm_config_included(&c, path);
}

enum	plan {
	DO_NOTHING,
	DO_ADOPT,	/* add a front matter */
	DO_MERGE,	/* add our fields to another program's front matter */
};

/*
 * Decide for docs[i]: a report without front matter is adopted when it
 * looks like one, is included, or was named (a file named on the
 * command line is a report); one with another program's front matter
 * gets our fields added when included or named.  Infers the metadata
 * (and the id) of what will be adopted.
 */
static enum plan
plan(struct pm_corpus *corpus, size_t i, const struct pm_config *cfg,
    size_t user_n, int paths, struct pm_doc **body)
{
	struct pm_doc	*doc = corpus->docs[i];
	int		 named, asked;

	*body = NULL;
	if (corpus->target != NULL && !corpus->target[i])
		return DO_NOTHING;
	if (doc->text == NULL)
		return DO_NOTHING;
	named = paths && corpus->named != NULL && corpus->named[i];
	asked = named || user_included(cfg, user_n, doc->path);
	if (doc->meta.has_fm) {
		if (!asked || !pm_adopt_foreign(doc))
			return DO_NOTHING;
		*body = pm_adopt_parse_body(doc, cfg);
		doc->meta.id = pm_arena_strdup(&doc->arena,
		    (*body)->meta.id);
		return DO_MERGE;
	}
	if (doc->kind != PM_DOC_LEGACY && !asked) {
		if (paths && doc->kind == PM_DOC_OTHER)
			fprintf(stderr, "postmortem adopt: %s: does not look "
			    "like a post-mortem (a title and a Timeline "
			    "section); name the file, or add it to 'include' "
			    "in .postmortem.yaml, to adopt it\n", doc->path);
		return DO_NOTHING;
	}
	if (!doc->meta.inferred)
		pm_infer_meta(doc, cfg);
	/* A README with a "Timeline" heading is not a report: without a
	 * single row or time, name or include it to adopt it. */
	if (doc->timeline.n == 0 && !doc->meta.started.set && !asked) {
		fprintf(stderr, "postmortem adopt: %s: skipped: its Timeline "
		    "section has no rows; name the file, or add it to "
		    "'include' in .postmortem.yaml, to adopt it\n",
		    doc->path);
		return DO_NOTHING;
	}
	return DO_ADOPT;
}

/*
 * "started (no timeline row or Start: line with a time of day), ..."
 * for the bits of missing: what was looked for, so the user knows
 * what to write.
 */
static void
missing_why(struct pm_buf *out, const struct pm_doc *doc,
    unsigned int missing)
{
	const struct pm_trow *bad = NULL;
	struct pm_buf	 why = PM_BUF_INIT;
	int		 first = 1, noday = 0;
	size_t		 i, rows = 0;

	for (i = 0; i < doc->timeline.n; i++) {
		rows += doc->timeline.rows[i].ok &&
		    !doc->timeline.rows[i].date_only;
		noday |= doc->timeline.rows[i].no_day;
		if (bad == NULL && !doc->timeline.rows[i].ok &&
		    doc->timeline.rows[i].error != NULL)
			bad = &doc->timeline.rows[i];
	}
	/* Why the timeline gave no time: what the reader said. */
	if (doc->timeline.why_started != NULL)
		pm_buf_puts(&why, doc->timeline.why_started);
	else if (!doc->timeline.present && doc->timeline.n == 0)
		pm_buf_puts(&why, "no Timeline section and no Start: or "
		    "Date: line with a day");
	else if (doc->timeline.n == 0)
		pm_buf_puts(&why, "no timeline row with a time");
	else if (rows == 0 && bad != NULL)
		pm_buf_printf(&why, "no timeline time could be read; line "
		    "%u: %s", bad->pos.line, bad->error);
	else if (rows == 0 && noday)
		pm_buf_puts(&why, "the timeline's times name no day, and "
		    "no date line, title or file name gives one");
	else if (rows == 0)
		pm_buf_puts(&why, "no timeline row with a day and a time "
		    "of day");
#define	SEP	(first ? (first = 0, "") : "; ")
	if (missing & PM_ADOPT_TITLE)
		pm_buf_printf(out, "%stitle (no level-1 heading, and the file "
		    "name gives none)", SEP);
	if (missing & PM_ADOPT_SEVERITY)
		pm_buf_printf(out, "%sseverity (no Severity: line with SEV0-4, "
		    "P0-4 or a word of the severities table)", SEP);
	if (missing & PM_ADOPT_STARTED)
		pm_buf_printf(out, "%sstarted (%s)", SEP, rows == 0 ||
		    doc->timeline.why_started != NULL ? pm_buf_cstr(&why) :
		    "no Start: line, and the timeline's first time is not "
		    "certain");
	if ((missing & PM_ADOPT_ENDED) && doc->timeline.why_ended != NULL)
		pm_buf_printf(out, "%sended (%s)", SEP,
		    doc->timeline.why_ended);
	else if (missing & PM_ADOPT_ENDED)
		pm_buf_printf(out, "%sended (%s)", SEP, rows == 1 ?
		    "a single timeline row, and no End: or Resolved: line" :
		    rows > 1 ? "no End: or Resolved: line, and the "
		    "timeline's last time is not certain" :
		    (missing & PM_ADOPT_STARTED) ? "same reason" :
		    pm_buf_cstr(&why));
	if (missing & PM_ADOPT_AUTHORS)
		pm_buf_printf(out, "%sauthors (no Authors: or Owner: line, "
		    "and no commit added the file)", SEP);
#undef SEP
	pm_buf_puts(out, "; add by hand");
	pm_buf_release(&why);
}

int
cmd_adopt(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "write",	no_argument,		NULL, 'w' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "today",	required_argument,	NULL, 't' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_corpus	*corpus = NULL;
	struct pm_load_opts	 lo;
	struct pm_buf		 fm = PM_BUF_INIT, out = PM_BUF_INIT;
	struct pm_buf		 msg = PM_BUF_INIT;
	struct idset		 given;
	struct pm_doc		*doc, **bodies = NULL;
	enum plan		*what = NULL;
	const char		*config = NULL, *today = NULL, *eol;
	char			*id, *full;
	int32_t			 day;
	int			 ch, write = 0, rc = PM_EXIT_FAILURE;
	size_t			 i, user_n, nadopt = 0, nmissing = 0;
	size_t			 nfailed = 0, at;
	unsigned int		 missing;

	memset(&cfg, 0, sizeof(cfg));
	memset(&given, 0, sizeof(given));
	while ((ch = getopt_long(argc, argv, "c:hwt:", opts, NULL)) != -1)
		switch (ch) {
		case 'w':
			write = 1;
			break;
		case 'c':
			config = optarg;
			break;
		case 't':
			today = optarg;
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
	/* --today is accepted as lint takes it; adopt reads no clock. */
	if (today != NULL && cmd_today(today, &day) == -1)
		return cmd_usage(usage, "--today wants YYYY-MM-DD, not '%s'",
		    today);

	if (cmd_setup(ctx, config, 0, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	user_n = cfg.ninclude;
	include_all(&cfg);

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_WORKTREE;
	lo.paths = argv;
	lo.npaths = (size_t)argc;
	lo.history = pm_source_has_repo(src);
	lo.whole = argc > 0 && pm_source_has_repo(src);
	lo.doc_flags = PM_PARSE_FORCE;
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}

	cmd_note_templates(corpus);
	/*
	 * What to do with each: infer first (a file adopted because it
	 * was named, or a merge, changes its id), then sort the id index
	 * again, then write.
	 */
	what = pm_xcalloc(corpus->ndocs + 1, sizeof(*what));
	bodies = pm_xcalloc(corpus->ndocs + 1, sizeof(*bodies));
	for (i = 0; i < corpus->ndocs; i++)
		what[i] = plan(corpus, i, &cfg, user_n, argc > 0, &bodies[i]);
	pm_corpus_sort_byid(corpus);

	for (i = 0; i < corpus->ndocs; i++) {
		doc = corpus->docs[i];
		if (what[i] == DO_NOTHING)
			continue;
		eol = pm_adopt_eol(doc->text, doc->textsz);
		id = unique_id(corpus, &given, doc);
		pm_buf_truncate(&fm, 0);
		pm_buf_truncate(&out, 0);
		if (what[i] == DO_MERGE) {
			missing = pm_adopt_merge_fields(&fm, doc, bodies[i], id,
			    eol);
			at = pm_adopt_merge_at(doc);
			if (write) {
				pm_buf_put(&out, doc->text, at);
				pm_buf_put(&out, fm.ptr, fm.len);
				pm_buf_put(&out, doc->text + at,
				    doc->textsz - at);
			} else
				pm_adopt_diff_at(&out, doc->path, doc->text,
				    doc->textsz, at, fm.ptr, fm.len);
		} else {
			missing = pm_adopt_frontmatter(&fm, doc, id, eol);
			if (write)
				pm_adopt_text(&out, doc->text, doc->textsz,
				    fm.ptr, fm.len);
			else
				pm_adopt_diff(&out, doc->path, doc->text,
				    doc->textsz, fm.ptr, fm.len);
		}
		free(id);
		if (write) {
			full = pm_source_has_repo(src) ? pm_xasprintf("%s/%s",
			    pm_source_root(src), doc->path) :
			    pm_xstrdup(doc->path);
			if (pm_adopt_write(full, doc->text, doc->textsz,
			    out.ptr, out.len) == -1) {
				fprintf(stderr, "postmortem adopt: %s\n",
				    pm_error_get());
				nfailed++;
				free(full);
				continue;
			}
			free(full);
		} else
			fwrite(out.ptr, 1, out.len, stdout);
		nadopt++;
		if (missing != 0) {
			nmissing++;
			pm_buf_truncate(&msg, 0);
			missing_why(&msg, what[i] == DO_MERGE ? bodies[i] : doc,
			    missing);
			fprintf(stderr, "postmortem adopt: %s: could not infer "
			    "%s\n", doc->path, pm_buf_cstr(&msg));
		}
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		pm_error_set("writing the diff failed");
		rc = cmd_fail();
		goto done;
	}
	if (nadopt > 0 || nfailed > 0)
		fprintf(stderr, "postmortem adopt: %zu report%s %s%s\n", nadopt,
		    nadopt == 1 ? "" : "s",
		    write ? "adopted" : "to adopt",
		    write ? "" : "; run 'postmortem adopt --write' to apply");
	if (nfailed > 0)
		rc = PM_EXIT_FAILURE;
	else
		rc = nmissing > 0 ? PM_EXIT_FINDINGS : PM_EXIT_OK;
done:
	if (bodies != NULL)
		for (i = 0; i < corpus->ndocs; i++)
			pm_doc_free(bodies[i]);
	free(bodies);
	free(what);
	for (i = 0; i < given.n; i++)
		free(given.v[i]);
	free(given.v);
	pm_buf_release(&fm);
	pm_buf_release(&out);
	pm_buf_release(&msg);
	if (corpus != NULL)
		pm_corpus_free(corpus);
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
