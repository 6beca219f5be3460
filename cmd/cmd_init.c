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

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adopt/adopt.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/glob.h"
#include "base/time.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"
#include "doc/infer.h"
#include "doc/sections.h"
#include "doc/title.h"
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

/* What the scan found about one file. */
struct	found {
	int		 report;	/* a report without our front matter */
	struct pm_doc	*body;		/* its body, for another program's
					   front matter (owned) */
};

/* The model to read a found report from: its body or itself. */
static const struct pm_doc *
model(const struct pm_doc *doc, const struct found *f)
{
	return f->body != NULL ? f->body : doc;
}

/* Names of files that are never reports. */
static int
never_report(const char *path)
{
	static const char *const names[] = {
		"readme", "license", "licence", "changelog", "contributing",
		"code_of_conduct", "code-of-conduct", "security", "index",
		"authors", "notice", "copying", "history", "support", NULL
	};
	const char	*base, *p;
	size_t		 i, n;

	base = (p = strrchr(path, '/')) != NULL ? p + 1 : path;
	for (i = 0; names[i] != NULL; i++) {
		n = strlen(names[i]);
		if (strncasecmp(base, names[i], n) == 0 &&
		    (base[n] == '\0' || base[n] == '.'))
			return 1;
	}
	return 0;
}

/* 1 if the file's name could be a report's: Markdown, or no extension. */
static int
report_name(const char *path)
{
	const char	*base, *p;
	size_t		 n;

	base = (p = strrchr(path, '/')) != NULL ? p + 1 : path;
	n = strlen(base);
	if (strchr(base, '.') == NULL)
		return 1;
	return (n > 3 && strcasecmp(base + n - 3, ".md") == 0) ||
	    (n > 7 && strcasecmp(base + n - 7, ".md.erb") == 0) ||
	    (n > 9 && strcasecmp(base + n - 9, ".markdown") == 0);
}

/* 1 if the file name starts with a date ("2021-05-09-", "04-25-") or
 * a report id ("PM2020-003 - ..."). */
static int
dated_name(const char *path)
{
	const char	*base, *p;

	base = (p = strrchr(path, '/')) != NULL ? p + 1 : path;
	/* "PM2020-003 - ADSync migration.md": a report's id. */
	if (pm_id_token(base, strlen(base)) > 0)
		return 1;
	return strlen(base) >= 6 && isdigit((unsigned char)base[0]) &&
	    isdigit((unsigned char)base[1]) &&
	    (base[2] == '-' || base[2] == '_' || (isdigit((unsigned char)
	    base[2]) && isdigit((unsigned char)base[3]) &&
	    (base[4] == '-' || base[4] == '_')));
}

/*
 * Does a file without our front matter read as a report?  A title and
 * a Timeline with a time (what adopt looks for), else enough of: a
 * Timeline section, a time read (from the timeline or a metadata line),
 * two known report sections, a title that says incident, outage or
 * post-mortem; a dated file name counts for one.
 */
static int
reads_as_report(const struct pm_doc *doc)
{
	static const char *const words[] = {
		"incident", "outage", "post-mortem", "postmortem",
		"post mortem", "retrospective", "rca", "root cause", NULL
	};
	const struct pm_meta	*m = &doc->meta;
	size_t			 i, j, n, secs = 0, rows = 0;
	int			 score = 0;
	const char		*t;

	for (i = 0; i < doc->timeline.n; i++)
		rows += doc->timeline.rows[i].ok;
	if (doc->kind == PM_DOC_LEGACY && (rows > 0 || m->started.set))
		return 1;
	if (doc->timeline.present)
		score++;
	if (rows > 0 || m->started.set || m->detected.set ||
	    m->mitigated.set || m->ended.set)
		score++;
	for (i = 0; i < doc->nsecs; i++)
		switch (doc->secs[i].kind) {
		case PM_SEC_SUMMARY: case PM_SEC_IMPACT:
		case PM_SEC_ROOT_CAUSE: case PM_SEC_FACTORS:
		case PM_SEC_ACTIONS: case PM_SEC_LESSONS:
		case PM_SEC_WHYS: case PM_SEC_WENT_WELL:
		case PM_SEC_PREVENTION:
			secs++;
			break;
		default:
			break;
		}
	if (secs >= 2)
		score++;
	if ((t = m->title.s) != NULL)
		for (i = 0; t[i] != '\0'; i++)
			for (j = 0; words[j] != NULL; j++) {
				n = strlen(words[j]);
				if (strncasecmp(t + i, words[j], n) == 0) {
					score++;
					goto titled;
				}
			}
titled:
	/* A dated name in a tree of reports is most of the way. */
	if (dated_name(doc->path))
		score += 2;
	return score >= 3;
}

/* Length of the directory part of path (0 at the root). */
static size_t
dir_len(const char *path)
{
	const char	*slash = strrchr(path, '/');

	return slash != NULL ? (size_t)(slash - path) : 0;
}

/*
 * 1 if two reports (judged on their own) sit in path's folder, or in
 * the folder just above it, or in dated folders beside a dated one
 * ("2023-04/" beside "2023-03/"); not in other siblings ("guides/"
 * beside "incidents/" is not a report folder).
 */
static int
near_reports(const struct pm_corpus *c, const struct found *f,
    const char *path)
{
	const char	*q;
	size_t		 i, n = 0, d, pd, qd;

	d = dir_len(path);
	for (pd = d; pd > 0 && path[pd - 1] != '/'; pd--)
		continue;
	pd = pd > 0 ? pd - 1 : 0;	/* the parent's length */
	for (i = 0; i < c->ndocs; i++) {
		if (f[i].report != 1)
			continue;
		q = c->docs[i]->path;
		qd = dir_len(q);
		if ((qd == d && strncmp(q, path, d) == 0) ||
		    (d > 0 && qd == pd && strncmp(q, path, pd) == 0))
			n++;
		/* "2023-04/" beside "2023-03/": folders by date are one
		 * tree of reports. */
		else if (d > 0 && isdigit((unsigned char)path[pd == 0 ? 0 :
		    pd + 1]) && qd > pd && (pd == 0 || (strncmp(q, path,
		    pd) == 0 && q[pd] == '/')) && isdigit((unsigned char)
		    q[pd == 0 ? 0 : pd + 1]))
			n++;
	}
	return n >= 2;
}

/* Judge every file of the scan (infers what it needs). */
static void
judge(struct pm_corpus *c, const struct pm_config *cfg, struct found *f)
{
	struct pm_doc	*doc;
	size_t		 i;

	for (i = 0; i < c->ndocs; i++) {
		doc = c->docs[i];
		if (!report_name(doc->path) || never_report(doc->path) ||
		    doc->text == NULL)
			continue;
		if (doc->meta.has_fm) {
			if (!pm_adopt_foreign(doc))
				continue;
			f[i].body = pm_adopt_parse_body(doc, cfg);
		} else if (!doc->meta.inferred)
			pm_infer_meta(doc, cfg);
		f[i].report = reads_as_report(model(doc, &f[i]));
	}
	/*
	 * A dated file beside reports (in their folder, or one below a
	 * folder holding two): a report with too little structure to
	 * tell on its own ("2024-02-28-queue is down.md", no heading).
	 */
	for (i = 0; i < c->ndocs; i++) {
		doc = c->docs[i];
		if (f[i].report || !dated_name(doc->path) ||
		    !report_name(doc->path) || never_report(doc->path) ||
		    (doc->meta.has_fm && !pm_adopt_foreign(doc)))
			continue;
		if (near_reports(c, f, doc->path))
			f[i].report = 2;
	}
}

/*
 * The deepest directory holding every report ("" for the root), into
 * out (at most outsz - 1 bytes).
 */
static void
common_dir(const struct pm_corpus *c, const struct found *f, char *out,
    size_t outsz)
{
	const char	*p, *slash;
	size_t		 i, j, n = 0, k;
	int		 first = 1;

	*out = '\0';
	for (i = 0; i < c->ndocs; i++) {
		if (!f[i].report)
			continue;
		p = c->docs[i]->path;
		slash = strrchr(p, '/');
		k = slash != NULL ? (size_t)(slash - p) : 0;
		if (first) {
			n = k < outsz - 1 ? k : outsz - 1;
			memcpy(out, p, n);
			out[n] = '\0';
			first = 0;
			continue;
		}
		/* Shorten to the directories both are under. */
		for (j = 0; j < n && j < k && out[j] == p[j]; j++)
			continue;
		if (j == n && (j == k || p[j] == '/'))
			continue;		/* under out already */
		if (j == k && out[j] == '/') {
			n = k;			/* p's directory is above */
			out[n] = '\0';
			continue;
		}
		while (j > 0 && !(out[j] == '/' && p[j] == '/'))
			j--;
		n = j;
		out[n] = '\0';
	}
}

/* The extension kind of a report's name: 0 .md, 1 .md.erb, 2
 * .markdown, 3 none. */
static int
ext_kind(const char *path)
{
	size_t	 n = strlen(path);
	const char *base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	if (n > 7 && strcasecmp(path + n - 7, ".md.erb") == 0)
		return 1;
	if (n > 9 && strcasecmp(path + n - 9, ".markdown") == 0)
		return 2;
	if (strchr(base, '.') == NULL)
		return 3;
	return 0;
}

/*
 * The include globs: one for the folder holding every report (a
 * subfolder of a large repository), or one per top-level folder when
 * they sit in a few, or every Markdown file when in many; one glob per
 * kind of name the reports have (.md, .md.erb, .markdown), and files
 * without an extension by their path.
 */
static void
write_includes(struct pm_buf *out, const struct pm_corpus *c,
    const struct found *f, struct tallies *globs)
{
	static const char *const pat[] = { "*.md", "*.md.erb", "*.markdown" };
	struct tallies	 dirs;
	char		 dir[1024];
	const char	*s;
	size_t		 i, k, len, kinds[4] = { 0, 0, 0, 0 };

	memset(&dirs, 0, sizeof(dirs));
	for (i = 0; i < c->ndocs; i++)
		if (f[i].report) {
			kinds[ext_kind(c->docs[i]->path)]++;
			dir_of(c->docs[i]->path, &s, &len);
			tally_add(&dirs, s, len, -1);
		}
	common_dir(c, f, dir, sizeof(dir));
	if (dirs.n > 0)
		qsort(dirs.v, dirs.n, sizeof(*dirs.v), name_cmp);
	for (k = 0; k < 3; k++) {
		if (kinds[k] == 0)
			continue;
		if (*dir != '\0') {
			tally_add(globs, "", 0, -1);
			free(globs->v[globs->n - 1].s);
			globs->v[globs->n - 1].s = pm_xasprintf("%s/**/%s",
			    dir, pat[k]);
			globs->v[globs->n - 1].n = kinds[k];
			continue;
		}
		for (i = 0; i < dirs.n && dirs.n <= 4; i++) {
			tally_add(globs, "", 0, -1);
			free(globs->v[globs->n - 1].s);
			globs->v[globs->n - 1].s = dirs.v[i].s[0] == '\0' ?
			    pm_xstrdup(pat[k]) : pm_xasprintf("%s/**/%s",
			    dirs.v[i].s, pat[k]);
			globs->v[globs->n - 1].n = dirs.v[i].n;
		}
		if (dirs.n > 4) {
			tally_add(globs, "", 0, -1);
			free(globs->v[globs->n - 1].s);
			globs->v[globs->n - 1].s = pm_xasprintf("**/%s",
			    pat[k]);
			globs->v[globs->n - 1].n = kinds[k];
		}
	}
	for (i = 0; i < c->ndocs; i++)
		if (f[i].report && ext_kind(c->docs[i]->path) == 3)
			tally_add(globs, c->docs[i]->path,
			    strlen(c->docs[i]->path), -3);
	tally_free(&dirs);

	if (globs->n == 0) {
		pm_buf_puts(out, "# Reports without front matter are linted "
		    "where these globs select them.\n# include:\n#   - "
		    "\"postmortems/**/*.md\"\n\n");
		return;
	}
	pm_buf_puts(out, "# Reports without front matter are linted "
	    "where these globs select them\n# ('postmortem adopt' "
	    "adds front matter to them).\ninclude:\n");
	for (i = 0; i < globs->n; i++)
		if (globs->v[i].sec == -3)
			pm_buf_printf(out, "  - \"%s\"\t# no extension\n",
			    globs->v[i].s);
		else
			pm_buf_printf(out, "  - \"%s\"\t# %zu report%s\n",
			    globs->v[i].s, globs->v[i].n,
			    globs->v[i].n == 1 ? "" : "s");
	pm_buf_putc(out, '\n');
}

/* 1 if one of the globs selects path. */
static int
globbed(const struct tallies *globs, const char *path)
{
	size_t	 i;

	for (i = 0; i < globs->n; i++)
		if (pm_glob_match(globs->v[i].s, path))
			return 1;
	return 0;
}

/* The excludes: what the globs select that is not a report. */
static void
write_excludes(struct pm_buf *out, const struct pm_corpus *c,
    const struct found *f, const struct tallies *globs)
{
	size_t	 i, n = 0;

	for (i = 0; i < c->ntemplates; i++)
		if (globbed(globs, c->templates[i])) {
			if (n++ == 0)
				pm_buf_puts(out, "# Files there that are not "
				    "reports.\nexclude:\n");
			pm_buf_printf(out, "  - \"%s\"\t# a template\n",
			    c->templates[i]);
		}
	for (i = 0; i < c->ndocs; i++)
		if (!f[i].report && !(c->docs[i]->meta.has_fm &&
		    !pm_adopt_foreign(c->docs[i])) &&
		    globbed(globs, c->docs[i]->path)) {
			if (n++ == 0)
				pm_buf_puts(out, "# Files there that are not "
				    "reports.\nexclude:\n");
			pm_buf_printf(out, "  - \"%s\"\n",
			    c->docs[i]->path);
		}
	if (n == 0)
		pm_buf_puts(out, "# Files never read.\n# exclude:\n#   - "
		    "\"templates/**\"\n");
	pm_buf_putc(out, '\n');
}

/*
 * The severities table: the words the reports use (read through the
 * default table), with the level each was read as.
 */
static void
write_severities(struct pm_buf *out, const struct pm_corpus *c,
    const struct found *f)
{
	struct tallies		 words;
	const struct pm_doc	*doc;
	const char		*s;
	size_t			 i, len, k;

	memset(&words, 0, sizeof(words));
	for (i = 0; i < c->ndocs; i++) {
		if (!f[i].report)
			continue;
		doc = model(c->docs[i], &f[i]);
		if (doc->meta.severity_raw.s == NULL ||
		    (s = pm_doc_line(doc, doc->meta.severity_raw.pos.line,
		    &len)) == NULL || doc->meta.severity_raw.pos.col < 1 ||
		    doc->meta.severity_raw.pos.col > len)
			continue;
		s += doc->meta.severity_raw.pos.col - 1;
		len -= doc->meta.severity_raw.pos.col - 1;
		while (len > 0 && (*s == '*' || *s == '_' || *s == ' ')) {
			s++;
			len--;
		}
		for (k = 0; k < len && isalpha((unsigned char)s[k]); k++)
			continue;
		/* "SEV2", "Sev 2", "P1" are levels, not words. */
		if (k < 2 || (k < len && isdigit((unsigned char)s[k])) ||
		    (k == 3 && strncasecmp(s, "sev", 3) == 0) ||
		    (k == 8 && (strncasecmp(s, "severity", 8) == 0 ||
		    strncasecmp(s, "priority", 8) == 0)) ||
		    (k == 5 && strncasecmp(s, "level", 5) == 0))
			continue;
		tally_add(&words, s, k, doc->meta.severity);
	}
	if (words.n == 0) {
		pm_buf_puts(out, "# Severity words and the level each means "
		    "(this is the default table).\n# severities:\n"
		    "#   Critical: SEV1\n#   Major: SEV2\n#   High: SEV2\n"
		    "#   Medium: SEV3\n#   Low: SEV4\n\n");
		return;
	}
	qsort(words.v, words.n, sizeof(*words.v), tally_cmp);
	pm_buf_puts(out, "# The severity words the reports use, and the "
	    "level each is read as\n# (edit to your scale; words not "
	    "listed are not read).\nseverities:\n");
	for (i = 0; i < words.n; i++)
		pm_buf_printf(out, "  \"%s\": SEV%d\t# in %zu report%s\n",
		    words.v[i].s, words.v[i].sec, words.v[i].n,
		    words.v[i].n == 1 ? "" : "s");
	pm_buf_putc(out, '\n');
	tally_free(&words);
}

/* Build the configuration text.  Returns the number of reports seen. */
static size_t
build_config(struct pm_buf *out, const struct pm_corpus *c,
    const struct found *f)
{
	struct tallies	 heads, zones, others, globs, needs;
	const struct pm_doc *doc;
	const struct pm_section *sec;
	size_t		 i, j, k, nfm = 0, nleg = 0, dmy = 0, mdy = 0;
	int		 off, g;

	memset(&heads, 0, sizeof(heads));
	memset(&zones, 0, sizeof(zones));
	memset(&others, 0, sizeof(others));
	memset(&globs, 0, sizeof(globs));
	memset(&needs, 0, sizeof(needs));
	for (i = 0; i < c->ndocs; i++) {
		doc = c->docs[i];
		if (doc->meta.has_fm && !f[i].report) {
			if (!pm_adopt_foreign(doc))
				nfm++;
			continue;
		}
		if (!f[i].report)
			continue;
		nleg++;
		doc = model(doc, &f[i]);
		for (j = 0; j < doc->timeline.n; j++)
			if (doc->timeline.rows[j].time_raw != NULL)
				date_evidence(doc->timeline.rows[j].time_raw,
				    &dmy, &mdy);
		if (doc->timeline.zone != NULL &&
		    doc->timeline.zone_error != NULL)
			tally_add(&needs, doc->timeline.zone,
			    strlen(doc->timeline.zone), -1);
		else if (doc->timeline.zone != NULL)
			tally_add(&zones, doc->timeline.zone,
			    strlen(doc->timeline.zone), -1);
		for (j = 0; j < doc->timeline.n; j++)
			if (doc->timeline.rows[j].zone != NULL &&
			    !doc->timeline.rows[j].ok &&
			    doc->timeline.rows[j].error != NULL &&
			    strstr(doc->timeline.rows[j].error, "zone") !=
			    NULL)
				tally_add(&needs, doc->timeline.rows[j].zone,
				    strlen(doc->timeline.rows[j].zone), -1);
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

	pm_buf_printf(out, "# .postmortem.yaml, written by 'postmortem init' "
	    "from the reports it found:\n# %zu with front matter, %zu "
	    "without.  Every key is described in postmortem(1).\n\n",
	    nfm, nleg);
	write_includes(out, c, f, &globs);
	write_excludes(out, c, f, &globs);
	write_severities(out, c, f);

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

	/* A zone for the reports that name none only when most name it:
	 * one report's zone is not every report's. */
	if (zones.n == 1 && zones.v[0].n * 2 <= nleg) {
		pm_buf_printf(out, "# %zu of %zu reports name%s a zone, %s; "
		    "the others are read in\n# this one (default UTC).\n"
		    "# timezone: UTC\n\n", zones.v[0].n, nleg,
		    zones.v[0].n == 1 ? "s" : "", zones.v[0].s);
	} else if (zones.n == 1 && pm_zone_offset(&off, zones.v[0].s,
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

	/* The zones the reader could not resolve: what to write under
	 * zones: for their times to be read. */
	if (needs.n > 0) {
		qsort(needs.v, needs.n, sizeof(*needs.v), tally_cmp);
		pm_buf_puts(out, "# Zones the reports name that are ambiguous "
		    "or unknown: their times are not\n# read until you say "
		    "what each means (an offset or a region).\n# zones:\n");
		for (i = 0; i < needs.n; i++)
			pm_buf_printf(out, "#   \"%s\": OFFSET-OR-REGION\t# "
			    "in %zu report%s\n", needs.v[i].s, needs.v[i].n,
			    needs.v[i].n == 1 ? "" : "s");
		pm_buf_putc(out, '\n');
	}

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

	tally_free(&globs);
	tally_free(&needs);
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
    const struct pm_corpus *c, const struct found *f,
    const struct pm_buf *text)
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
		if (c->docs[i]->kind != PM_DOC_FRONTMATTER && !f[i].report)
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
	struct found		*found = NULL;
	char			*path = NULL;
	int			 ch, to_stdout = 0, rc = PM_EXIT_FAILURE;
	size_t			 n, i;

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
	/* Markdown, site generators' .md.erb, and dated names without an
	 * extension ("2022-10-31-phone-incident"). */
	cfg.include = pm_xreallocarray(cfg.include, cfg.ninclude + 6,
	    sizeof(*cfg.include));
	cfg.include[cfg.ninclude++] = pm_xstrdup("**/*.md");
	cfg.include[cfg.ninclude++] = pm_xstrdup("**/*.md.erb");
	cfg.include[cfg.ninclude++] = pm_xstrdup("**/*.markdown");
	cfg.include[cfg.ninclude++] = pm_xstrdup(
	    "**/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*");

	memset(&lo, 0, sizeof(lo));
	lo.kind = PM_SRC_WORKTREE;
	lo.doc_flags = PM_PARSE_FORCE;
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}
	found = pm_xcalloc(corpus->ndocs + 1, sizeof(*found));
	judge(corpus, &cfg, found);
	n = build_config(&text, corpus, found);

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
	suggest_start(ctx, src, corpus, found, &text);
	rc = PM_EXIT_OK;
done:
	pm_buf_release(&text);
	free(path);
	if (found != NULL)
		for (i = 0; i < corpus->ndocs; i++)
			pm_doc_free(found[i].body);
	free(found);
	if (corpus != NULL)
		pm_corpus_free(corpus);
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
