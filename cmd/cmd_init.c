/*
 * postmortem init [--stdout] [--force-stdout]
 *
 * Writes a commented .postmortem.yaml tuned to the repository: include
 * globs for the directories holding reports without front matter (and
 * excludes for the other Markdown files there), date_order when
 * day-first or month-first dates were seen, timezone when the reports
 * that name a zone all name the same one, and the headings that are
 * not known sections as commented alias suggestions.  Never overwrites
 * a configuration (exit 2).  The text is checked with the
 * configuration reader before it is written.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/time.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "doc/sections.h"
#include "lint/lint.h"
#include "source/config.h"
#include "source/repo.h"

static const char usage[] = "usage: postmortem init [--stdout]";

/* A string with a count, for headings, directories and zones. */
struct	tally {
	char	*s;
	size_t	 n;
	int	 sec;		/* suggested section, or -1 */
};

struct	tallies {
	struct tally	*v;
	size_t		 n, cap;
};

static void
tally_add(struct tallies *t, const char *s, size_t len, int sec)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		if (strlen(t->v[i].s) == len &&
		    strncasecmp(t->v[i].s, s, len) == 0) {
			t->v[i].n++;
			return;
		}
	t->v = pm_xgrow(t->v, &t->cap, t->n + 1, sizeof(*t->v));
	t->v[t->n].s = pm_xstrndup(s, len);
	t->v[t->n].n = 1;
	t->v[t->n].sec = sec;
	t->n++;
}

static void
tally_free(struct tallies *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].s);
	free(t->v);
}

/* Most frequent first, then by name: a total order. */
static int
tally_cmp(const void *a, const void *b)
{
	const struct tally	*x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->s,
	    ((const struct tally *)b)->s);
}

/*
 * The section an unknown heading probably names, by its words, or -1.
 * Only a suggestion: it is written commented out.
 */
static int
guess_section(const char *h)
{
	static const struct {
		const char	*word;
		enum pm_sec	 sec;
	} words[] = {
		{ "timeline", PM_SEC_TIMELINE }, { "chronolog", PM_SEC_TIMELINE },
		{ "events", PM_SEC_TIMELINE },
		{ "root cause", PM_SEC_ROOT_CAUSE }, { "why it happened",
		    PM_SEC_ROOT_CAUSE },
		{ "contributing", PM_SEC_FACTORS }, { "factor", PM_SEC_FACTORS },
		{ "action", PM_SEC_ACTIONS }, { "corrective", PM_SEC_ACTIONS },
		{ "remediation", PM_SEC_ACTIONS }, { "follow-up", PM_SEC_ACTIONS },
		{ "follow up", PM_SEC_ACTIONS }, { "next steps", PM_SEC_ACTIONS },
		{ "todo", PM_SEC_ACTIONS },
		{ "lesson", PM_SEC_LESSONS }, { "learn", PM_SEC_LESSONS },
		{ "takeaway", PM_SEC_LESSONS },
		{ "went well", PM_SEC_WENT_WELL },
		{ "five why", PM_SEC_WHYS }, { "5 why", PM_SEC_WHYS },
		{ "impact", PM_SEC_IMPACT },
		{ "summary", PM_SEC_SUMMARY }, { "overview", PM_SEC_SUMMARY },
		{ "prevent", PM_SEC_PREVENTION },
	};
	size_t	 i, j, n;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i].word);
		for (j = 0; h[j] != '\0'; j++)
			if (strncasecmp(h + j, words[i].word, n) == 0)
				return (int)words[i].sec;
	}
	return -1;
}

/* Headings that hold metadata or are common and harmless. */
static int
boring_heading(const char *h)
{
	static const char *const names[] = {
		"date", "dates", "authors", "author", "owner", "owners",
		"status", "severity", "stats", "statistics", "metadata",
		"details", "incident details", "attendees", "participants",
		"references", "links", "appendix", "supporting information",
		"glossary", "notes", "table of contents", "contents",
	};
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(h, names[i]) == 0)
			return 1;
	return 0;
}

/* Day-first ("24-10-2024", "24.10.2024") or month-first
 * ("10/24/2024") evidence in a time or title text. */
static void
date_evidence(const char *s, size_t *dmy, size_t *mdy)
{
	size_t	 i = 0, a = 0, b = 0, na = 0, nb = 0, ny = 0;
	char	 sep;

	while (s[i] == '~' || s[i] == ' ' || s[i] == '*' || s[i] == '[')
		i++;
	while (s[i] >= '0' && s[i] <= '9' && na < 3)
		a = a * 10 + (size_t)(s[i++] - '0'), na++;
	if (na == 0 || na > 2 || (s[i] != '-' && s[i] != '.' && s[i] != '/'))
		return;
	sep = s[i++];
	while (s[i] >= '0' && s[i] <= '9' && nb < 3)
		b = b * 10 + (size_t)(s[i++] - '0'), nb++;
	if (nb == 0 || nb > 2 || s[i] != sep)
		return;
	i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++, ny++;
	if (ny != 4)
		return;
	if (sep == '/') {
		if (b > 12 && a <= 12)
			(*mdy)++;
		else if (a > 12 && b <= 12)
			(*dmy)++;
	} else if (!(a <= 12 && b > 12))
		(*dmy)++;
	else
		(*mdy)++;
}

/* The top-level directory of path ("" at the root). */
static void
dir_of(const char *path, const char **s, size_t *len)
{
	const char	*slash = strchr(path, '/');

	*s = path;
	*len = slash != NULL ? (size_t)(slash - path) : 0;
}

static int
is_report(const struct pm_doc *doc)
{
	return doc->kind == PM_DOC_LEGACY && !doc->meta.has_fm &&
	    (doc->timeline.n > 0 || doc->meta.started.set);
}

/* Build the configuration text.  Returns the number of reports seen. */
static size_t
build_config(struct pm_buf *out, const struct pm_corpus *c)
{
	struct tallies	 dirs, heads, zones, others;
	const struct pm_doc *doc;
	const struct pm_section *sec;
	const char	*s;
	size_t		 i, j, k, len, nfm = 0, nleg = 0, dmy = 0, mdy = 0;
	int		 off, g;

	memset(&dirs, 0, sizeof(dirs));
	memset(&heads, 0, sizeof(heads));
	memset(&zones, 0, sizeof(zones));
	memset(&others, 0, sizeof(others));
	for (i = 0; i < c->ndocs; i++) {
		doc = c->docs[i];
		if (doc->meta.has_fm)
			nfm++;
		else if (is_report(doc)) {
			nleg++;
			dir_of(doc->path, &s, &len);
			tally_add(&dirs, s, len, -1);
		} else
			continue;
		for (j = 0; j < doc->timeline.n; j++)
			if (doc->timeline.rows[j].time_raw != NULL)
				date_evidence(doc->timeline.rows[j].time_raw,
				    &dmy, &mdy);
		if (doc->timeline.zone != NULL)
			tally_add(&zones, doc->timeline.zone,
			    strlen(doc->timeline.zone), -1);
		if (doc->meta.has_fm)
			continue;
		for (j = 0; j < doc->nsecs; j++) {
			sec = &doc->secs[j];
			if (sec->heading == NULL)
				continue;
			if (sec->level == 1 && (j == 0 ||
			    doc->meta.title.pos.line == sec->pos.line)) {
				date_evidence(sec->heading, &dmy, &mdy);
				continue;	/* the title */
			}
			if (sec->kind != PM_SEC_OTHER || sec->level > 2 ||
			    boring_heading(sec->heading))
				continue;
			g = guess_section(sec->heading);
			tally_add(g >= 0 ? &heads : &others, sec->heading,
			    strlen(sec->heading), g);
		}
	}
	/* Markdown files that are not reports, in the included dirs. */
	for (i = 0; i < c->ndocs; i++) {
		doc = c->docs[i];
		if (doc->meta.has_fm || is_report(doc))
			continue;
		dir_of(doc->path, &s, &len);
		for (k = 0; k < dirs.n; k++)
			if (strlen(dirs.v[k].s) == len &&
			    strncmp(dirs.v[k].s, s, len) == 0)
				break;
		if (k < dirs.n)
			tally_add(&others, doc->path, strlen(doc->path), -2);
	}

	pm_buf_printf(out, "# .postmortem.yaml, written by 'postmortem init' "
	    "from the reports it found:\n# %zu with front matter, %zu "
	    "without.  Every key is described in postmortem(1).\n\n",
	    nfm, nleg);

	if (dirs.n > 0)
		qsort(dirs.v, dirs.n, sizeof(*dirs.v), name_cmp);
	if (dirs.n > 0) {
		pm_buf_puts(out, "# Reports without front matter are linted "
		    "where these globs select them\n# ('postmortem adopt' "
		    "adds front matter to them).\ninclude:\n");
		for (i = 0; i < dirs.n; i++)
			if (dirs.v[i].s[0] == '\0')
				pm_buf_printf(out, "  - \"*.md\"\t\t\t# %zu "
				    "report%s\n", dirs.v[i].n,
				    dirs.v[i].n == 1 ? "" : "s");
			else
				pm_buf_printf(out, "  - \"%s/**/*.md\"\t# %zu "
				    "report%s\n", dirs.v[i].s, dirs.v[i].n,
				    dirs.v[i].n == 1 ? "" : "s");
	} else
		pm_buf_puts(out, "# Reports without front matter are linted "
		    "where these globs select them.\n# include:\n#   - "
		    "\"postmortems/**/*.md\"\n");
	pm_buf_putc(out, '\n');

	/* Excludes: the other Markdown files where the globs look. */
	k = 0;
	for (i = 0; i < others.n; i++)
		if (others.v[i].sec == -2)
			k++;
	if (k > 0) {
		pm_buf_puts(out, "# Markdown files there that are not "
		    "reports.\nexclude:\n");
		for (i = 0; i < others.n; i++)
			if (others.v[i].sec == -2)
				pm_buf_printf(out, "  - \"%s\"\n",
				    others.v[i].s);
	} else
		pm_buf_puts(out, "# Files never read.\n# exclude:\n#   - "
		    "\"templates/**\"\n");
	pm_buf_putc(out, '\n');

	if (dmy > 0 && mdy == 0)
		pm_buf_printf(out, "# %zu date%s written day first "
		    "(24-10-2024) %s seen.\ndate_order: dmy\n\n", dmy,
		    dmy == 1 ? "" : "s", dmy == 1 ? "was" : "were");
	else if (mdy > 0 && dmy == 0)
		pm_buf_printf(out, "# %zu date%s written month first "
		    "(10/24/2024) %s seen.\ndate_order: mdy\n\n", mdy,
		    mdy == 1 ? "" : "s", mdy == 1 ? "was" : "were");
	else if (mdy > 0 && dmy > 0)
		pm_buf_printf(out, "# Dates were seen day first (%zu) and "
		    "month first (%zu): pick one.\n# date_order: dmy\n\n",
		    dmy, mdy);
	else
		pm_buf_puts(out, "# How dates like 05-06-2024 are read: ymd "
		    "(the default), dmy or mdy.\n# date_order: ymd\n\n");

	if (zones.n == 1 && pm_zone_offset(&off, zones.v[0].s,
	    strlen(zones.v[0].s)) == 0 && off == 0)
		pm_buf_printf(out, "# The reports that name a zone all say "
		    "%s, the default.\n# timezone: UTC\n\n", zones.v[0].s);
	else if (zones.n == 1 && pm_zone_offset(&off, zones.v[0].s,
	    strlen(zones.v[0].s)) == 0)
		pm_buf_printf(out, "# %s that name%s a zone say%s %s: times "
		    "that name none are read\n# in it (a fixed offset: "
		    "daylight saving time is not applied).\n"
		    "timezone: %s\n\n",
		    zones.v[0].n == 1 ? "The report" : "The reports",
		    zones.v[0].n == 1 ? "s" : "",
		    zones.v[0].n == 1 ? "s" : "", zones.v[0].s,
		    zones.v[0].s);
	else if (zones.n > 1) {
		pm_buf_puts(out, "# The reports name several zones:");
		for (i = 0; i < zones.n; i++)
			pm_buf_printf(out, "%s %s (%zu)", i ? "," : "",
			    zones.v[i].s, zones.v[i].n);
		pm_buf_puts(out, ".\n# Times that name none are read in "
		    "this one (default UTC).\n# timezone: UTC\n\n");
	} else
		pm_buf_puts(out, "# The zone of times that name none (default "
		    "UTC): an abbreviation or an offset.\n# timezone: UTC\n\n");

	if (heads.n > 0)
		qsort(heads.v, heads.n, sizeof(*heads.v), tally_cmp);
	pm_buf_puts(out, "# Headings that name a section in words of their "
	    "own.  Uncomment the right ones\n# (postmortem rules --aliases "
	    "lists the names already known).\n");
	if (heads.n > 0) {
		pm_buf_puts(out, "# aliases:\n");
		for (i = 0; i < heads.n && i < 20; i++)
			pm_buf_printf(out, "#   \"%s\": %s\t# in %zu "
			    "report%s\n", heads.v[i].s,
			    pm_sec_name((enum pm_sec)heads.v[i].sec),
			    heads.v[i].n, heads.v[i].n == 1 ? "" : "s");
	} else
		pm_buf_puts(out, "# aliases:\n#   \"Sequence of Events\": "
		    "Timeline\n");
	k = 0;
	for (i = 0; i < others.n; i++)
		if (others.v[i].sec == -1)
			k++;
	if (k > 0) {
		qsort(others.v, others.n, sizeof(*others.v), tally_cmp);
		pm_buf_puts(out, "# Other headings seen, not sections:");
		for (i = 0, j = 0; i < others.n && j < 15; i++)
			if (others.v[i].sec == -1)
				pm_buf_printf(out, "%s \"%s\" (%zu)",
				    j++ ? "," : "", others.v[i].s,
				    others.v[i].n);
		pm_buf_puts(out, ".\n");
	}
	pm_buf_putc(out, '\n');

	pm_buf_puts(out,
	    "# Default locale of the reports (en, es, ja, zh, ko...).\n"
	    "# locale: en\n\n"
	    "# Switch rules off or change their level.\n"
	    "# rules:\n#   timeline/utc: off\n#   actions/tracked: error\n\n"
	    "# Thresholds of the checklist.\n"
	    "# thresholds:\n#   distribution_hours: 48\n"
	    "#   min_timeline_rows: 3\n\n"
	    "# The archive built by 'postmortem build'.\n"
	    "# site:\n#   title: Post-mortems\n"
	    "#   base_url: https://postmortems.example.com/\n");

	tally_free(&dirs);
	tally_free(&heads);
	tally_free(&zones);
	tally_free(&others);
	return nfm + nleg;
}

/* Create path with text, never replacing a file: a temporary file
 * linked into place.  Returns 0, or -1 (errno EEXIST if it exists). */
static int
create_new(const char *path, const char *text, size_t len)
{
	char	*tmp;
	size_t	 off = 0;
	ssize_t	 w;
	int	 fd, rc = -1, saved;

	tmp = pm_xasprintf("%s.init-XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	while (off < len) {
		w = write(fd, text + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			goto done;
		off += (size_t)w;
	}
	if (fchmod(fd, 0644) == -1 || fsync(fd) == -1)
		goto done;
	if (link(tmp, path) == -1)
		goto done;
	rc = 0;
done:
	saved = errno;
	close(fd);
	(void)unlink(tmp);
	free(tmp);
	errno = saved;
	return rc;
}

/*
 * A repository whose reports already have findings: say how to turn
 * the linter on without failing every change until they are all
 * fixed (a baseline, or --since), and what the CI step looks like.
 * Lints the reports with the configuration just written.
 */
static void
suggest_start(struct pm_ctx *ctx, struct pm_source *src,
    const struct pm_corpus *c, const struct pm_buf *text)
{
	struct pm_config	 cfg;
	struct pm_rulepacks	*packs = NULL;
	struct pm_findings	 fs = PM_FINDINGS_INIT;
	struct pm_lint_opts	 lo;
	size_t			 i, nrep = 0, nerr;

	pm_config_init(&cfg);
	memset(&lo, 0, sizeof(lo));
	if (pm_config_parse(&cfg, ".postmortem.yaml", text->ptr,
	    text->len) == -1 || cmd_today(NULL, &lo.today) == -1 ||
	    pm_rulepacks_load(&packs, cmd_datadir(ctx, "rules"), &cfg,
	    pm_source_root(src)) == -1)
		goto done;
	lo.has_history = pm_source_has_repo(src);
	lo.threads = 1;
	for (i = 0; i < c->ndocs; i++) {
		if (c->docs[i]->kind != PM_DOC_FRONTMATTER &&
		    !is_report(c->docs[i]))
			continue;
		nrep++;
		pm_lint_doc(c->docs[i], c, &cfg, packs, &lo, &fs, NULL);
	}
	if ((nerr = pm_findings_count(&fs, PM_LEVEL_ERROR, 0)) == 0)
		goto done;
	fprintf(stderr, "postmortem init: the %zu report%s have %zu error "
	    "finding%s already; so that CI fails only on the findings a "
	    "change adds, either\n"
	    "  accept them once:   postmortem lint --write-baseline "
	    ".postmortem-baseline.json\n"
	    "                      and add 'baseline: "
	    ".postmortem-baseline.json' to .postmortem.yaml\n"
	    "  or lint the change: postmortem lint --since origin/main\n"
	    "A pull-request step: postmortem lint --format github --since "
	    "${{ github.event.pull_request.base.sha }}\n"
	    "  (GitLab CI: --since \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\"); "
	    "docs/ci.md has both jobs\n", nrep, nrep == 1 ? "" : "s", nerr,
	    nerr == 1 ? "" : "s");
done:
	pm_findings_release(&fs);
	pm_rulepacks_free(packs);
	pm_config_release(&cfg);
}

int
cmd_init(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "stdout",	no_argument,		NULL, 'o' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg, check;
	struct pm_corpus	*corpus = NULL;
	struct pm_load_opts	 lo;
	struct pm_buf		 text = PM_BUF_INIT;
	char			*path = NULL;
	int			 ch, to_stdout = 0, rc = PM_EXIT_FAILURE;
	size_t			 n;

	memset(&cfg, 0, sizeof(cfg));
	while ((ch = getopt_long(argc, argv, "ho", opts, NULL)) != -1)
		switch (ch) {
		case 'o':
			to_stdout = 1;
			break;
		case 'h':
			puts(usage);
			return PM_EXIT_OK;
		default:
			fprintf(stderr, "%s\n", usage);
			return PM_EXIT_FAILURE;
		}
	if (optind < argc)
		return cmd_usage(usage, "init takes no paths");

	if (cmd_setup(ctx, NULL, 0, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	path = pm_xasprintf("%s/.postmortem.yaml", pm_source_root(src));
	if (!to_stdout && access(path, F_OK) == 0) {
		fprintf(stderr, "postmortem init: '.postmortem.yaml' already "
		    "exists; edit it, or remove it and run init again\n");
		goto done;
	}
	/* Look at the repository as it is, not through a configuration
	 * (--stdout may run beside one): every Markdown file. */
	pm_config_release(&cfg);
	pm_config_init(&cfg);
	cfg.include = pm_xreallocarray(cfg.include, cfg.ninclude + 2,
	    sizeof(*cfg.include));
	cfg.include[cfg.ninclude++] = pm_xstrdup("**/*.md");
	cfg.include[cfg.ninclude++] = pm_xstrdup("*.md");

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_WORKTREE;
	lo.doc_flags = PM_PARSE_FORCE;
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}
	n = build_config(&text, corpus);

	/* What we write must read back. */
	pm_config_init(&check);
	if (pm_config_parse(&check, ".postmortem.yaml", text.ptr,
	    text.len) == -1) {
		fprintf(stderr, "postmortem init: internal error: the "
		    "configuration written does not read back: %s\n",
		    pm_error_get());
		pm_config_release(&check);
		goto done;
	}
	pm_config_release(&check);

	if (to_stdout) {
		fwrite(text.ptr, 1, text.len, stdout);
		rc = fflush(stdout) == 0 ? PM_EXIT_OK : PM_EXIT_FAILURE;
		goto done;
	}
	if (create_new(path, text.ptr, text.len) == -1) {
		if (errno == EEXIST)
			fprintf(stderr, "postmortem init: '.postmortem.yaml' "
			    "already exists; edit it, or remove it and run "
			    "init again\n");
		else
			fprintf(stderr, "postmortem init: cannot write '%s': "
			    "%s\n", path, strerror(errno));
		goto done;
	}
	fprintf(stderr, "postmortem init: wrote .postmortem.yaml (%zu "
	    "report%s found)\n", n, n == 1 ? "" : "s");
	suggest_start(ctx, src, corpus, &text);
	rc = PM_EXIT_OK;
done:
	pm_buf_release(&text);
	free(path);
	if (corpus != NULL)
		pm_corpus_free(corpus);
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
