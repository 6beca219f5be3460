/*
 * Pattern rule packs (rules/NAME.yaml, postmortem-rules(5)): loading,
 * compiling each pattern once, and running them over a document's
 * prose (language/blameless) and action texts (actions/vague).
 *
 * The compiled code and the match context (with the match and depth
 * limits of the configuration) are shared read-only by every thread;
 * match data and scratch buffers are per thread (struct pm_matcher).
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define	PCRE2_CODE_UNIT_WIDTH	8
#include <pcre2.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/hash.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/yamlx.h"
#include "base/utf8.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"

#define	DEPTH_DEFAULT	10000	/* limits.pcre2_depth_limit (config.c) */
#define	MAX_MATCHES	50	/* per pattern and text: enough to act on */
#define	MAX_QUOTE	60	/* bytes of a match quoted in the message */

/* One word of a literal prefilter, folded to lower case. */
struct	pm_kw {
	const char		*s;
	size_t			 len;
	size_t			 rule;		/* index in the pack */
};

struct	pm_example {
	const char	*text;
	struct pm_pos	 pos;
};

/* A definition of a pack: (?&name) in a pattern calls it. */
struct	pm_def {
	const char		*name;		/* "person" */
	const char		*src;		/* its PCRE2 fragment */
	size_t			 len;
	struct pm_pos		 pos;
};

struct	pm_prule {
	const char		*id;		/* "human-error" */
	const char		*full;		/* "en/human-error" */
	const char		*message;
	const char		*suggest;	/* or NULL */
	int			 has_level;
	enum pm_level		 level;		/* severity, when has_level */
	struct pm_pos		 pos;		/* the pattern's line */
	const char		*source;	/* "FILE:LINE" */
	const char		*pat;		/* the pattern as written */
	size_t			 pat_len;
	const char		*full_pat;	/* with its DEFINE group */
	size_t			 full_len;
	pcre2_code		*re;
	pcre2_code		*pre;		/* prefilter, or NULL */
	const char		*pre_src;	/* its text (arena) */
	size_t			 pre_len;
	int			 pre_lit;	/* a list of literal words: the
						   pack's keyword scan runs it */
	struct pm_example	*bad, *good;
	size_t			 nbad, ngood;
	int			 shadowed;	/* a later pack redefines it */
	atomic_int		 jitted;	/* compiled and JIT compiled
						   (jit_once); -1: unusable */
	struct pm_pack		*pack;		/* its pack (for jit_once) */
};

struct	pm_pack {
	const char		*path;
	enum pm_rule_id		 family;
	const char		*locale;
	int			 shipped;	/* of the data directory */
	struct pm_prule		*rules;
	size_t			 nrules;
	struct pm_def		*defs;
	size_t			 ndefs;
	struct pm_kw		*kw;		/* keywords of the literal
						   prefilters, by first byte */
	size_t			 nkw;
	size_t			 kwfirst[257];	/* kw[kwfirst[b]..kwfirst[b+1]]
						   start with folded byte b */
	unsigned char		 pairs[8192];	/* bit set: a keyword starts
						   with these two folded bytes */
};

struct	pm_rulepacks {
	struct pm_arena		 arena;
	struct pm_pack		*packs;
	size_t			 npacks, cap;
	pcre2_match_context	*mctx;
	const struct pm_config	*cfg;
	struct pm_buf		 problems;	/* repository pack errors */
	uint64_t		 digest;	/* paths and bytes read, for
						   the lint cache's key */
};

struct	pm_matcher {
	pcre2_match_data	*md;
	pcre2_match_context	*lim;		/* rp->mctx with an offset limit */
	unsigned char		*hit;		/* hit[j]: rule j's keyword is
						   in the text (scan_keywords) */
	size_t			*hpos, *hrule;	/* each keyword starting a word:
						   offset and rule, in order */
	size_t			 nh, caph;
	const struct pm_doc	*doc;		/* pack_ok is for this one */
	unsigned char		*pack_ok;	/* pack i runs on doc */
	struct pm_buf		 text;		/* joined, masked prose */
	size_t			*starts;	/* offset of each line in text */
	unsigned int		*lines;		/* its file line */
	size_t			 nlines, cap;
};

static int	locale_ok(const char *, const char *);
static int	literal_prefilter(const char *, size_t);

/* ---- loading ---- */

static int
fail_at(const char *path, struct pm_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail_at(const char *path, struct pm_pos pos, const char *fmt, ...)
{
	struct pm_buf	 b = PM_BUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	pm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	pm_error_set("%s:%u: %s", path, pos.line, pm_buf_cstr(&b));
	pm_buf_release(&b);
	return -1;
}

static const char *
scalar(const struct pm_ynode *n)
{
	return n != NULL && n->type == PM_Y_SCALAR ? n->value : NULL;
}

static int
read_file(const char *path, char **buf, size_t *len)
{
	struct pm_buf	 b = PM_BUF_INIT;
	FILE		*f;
	char		 chunk[8192];
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL) {
		pm_error_set("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		pm_buf_put(&b, chunk, n);
	if (ferror(f)) {
		pm_error_set("%s: %s", path, strerror(errno));
		fclose(f);
		pm_buf_release(&b);
		return -1;
	}
	fclose(f);
	pm_buf_putc(&b, '\0');
	*buf = pm_buf_detach(&b, len);
	(*len)--;
	return 0;
}

static int
load_examples(struct pm_rulepacks *rp, const char *path,
    const struct pm_ynode *n, struct pm_example **out, size_t *nout,
    const char *key)
{
	size_t	 i;

	*out = NULL;
	*nout = 0;
	if (n == NULL)
		return 0;
	if (n->type == PM_Y_SCALAR) {
		*out = pm_arena_alloc(&rp->arena, sizeof(**out));
		(*out)->text = n->value;
		(*out)->pos = n->pos;
		*nout = 1;
		return 0;
	}
	if (n->type != PM_Y_SEQ)
		return fail_at(path, n->pos, "'%s' must be a list of "
		    "sentences", key);
	*out = pm_arena_alloc(&rp->arena, (n->nkids + 1) * sizeof(**out));
	for (i = 0; i < n->nkids; i++) {
		if (n->kids[i]->type != PM_Y_SCALAR)
			return fail_at(path, n->kids[i]->pos, "each '%s' "
			    "example must be a string", key);
		(*out)[i].text = n->kids[i]->value;
		(*out)[i].pos = n->kids[i]->pos;
	}
	*nout = n->nkids;
	return 0;
}

static int
parse_level(enum pm_level *out, const char *s)
{
	if (strcasecmp(s, "error") == 0)
		*out = PM_LEVEL_ERROR;
	else if (strcasecmp(s, "warning") == 0)
		*out = PM_LEVEL_WARNING;
	else if (strcasecmp(s, "info") == 0)
		*out = PM_LEVEL_INFO;
	else if (strcasecmp(s, "off") == 0)
		*out = PM_LEVEL_OFF;
	else
		return -1;
	return 0;
}

static int
valid_id(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return 0;
	return 1;
}

/*
 * JIT when available: the match limit still applies to JIT code, the
 * depth limit does not (pcre2api(3): it "is ignored when matching is
 * done using JIT compiled code"; there the JIT stack bounds the
 * depth).  A configuration that lowers limits.pcre2_depth_limit gets
 * the interpreter, which honours it.
 */
static void
jit(const struct pm_rulepacks *rp, pcre2_code *re)
{
	unsigned int	 depth = rp->cfg->limits.pcre2_depth_limit;

	if (depth != 0 && depth < DEPTH_DEFAULT)
		return;
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
}

static int	compile_with_defs(struct pm_rulepacks *, const struct pm_pack *,
		    const char *, struct pm_pos, const char *, size_t,
		    pcre2_code **, const char **, size_t *);

/* pcre2_jit_compile() must not run while another thread matches. */
static pthread_mutex_t	 jit_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * JIT-compile a rule's patterns the first time it is matched, not at
 * load: most rules never run (their prefilter words are absent, or no
 * report has their locale), and compiling the large ones took longer
 * than linting a thousand reports.  A shipped pack's patterns are not
 * even compiled at load (the suite checks they do; a pre-commit hook
 * on one report needs few of them): that happens here too.  Threads
 * wait on the lock until the code is ready, so none matches a pattern
 * being compiled; afterwards the flag is read without it.  Returns 0,
 * or -1 when the pattern does not compile (said once, on stderr): the
 * rule does not run.
 */
static int
jit_once(const struct pm_rulepacks *crp, const struct pm_prule *cr)
{
	struct pm_prule		*r = (struct pm_prule *)cr;
	struct pm_rulepacks	*rp = (struct pm_rulepacks *)crp;
	const char		*what;
	int			 v;

	if ((v = atomic_load_explicit(&r->jitted, memory_order_acquire)) != 0)
		return v > 0 ? 0 : -1;
	pthread_mutex_lock(&jit_lock);
	if ((v = atomic_load_explicit(&r->jitted, memory_order_relaxed)) == 0) {
		v = 1;
		if (r->re == NULL) {
			what = pm_arena_printf(&rp->arena, "pattern of '%s'",
			    r->full);
			if (compile_with_defs(rp, r->pack, what, r->pos, r->pat,
			    r->pat_len, &r->re, &r->full_pat,
			    &r->full_len) == -1) {
				fprintf(stderr, "postmortem: %s\n",
				    pm_error_get());
				pm_error_clear();
				v = -1;
			}
		}
		if (v > 0) {
			jit(rp, r->re);
			if (r->pre != NULL)
				jit(rp, r->pre);
		}
		atomic_store_explicit(&r->jitted, v, memory_order_release);
	}
	pthread_mutex_unlock(&jit_lock);
	return v > 0 ? 0 : -1;
}

static int
load_rule(struct pm_rulepacks *rp, struct pm_pack *pk,
    const struct pm_ynode *n, struct pm_prule *r)
{
	static const char *const keys[] = {
		"id", "pattern", "prefilter", "message", "suggest",
		"severity", "bad", "good", "description", "note", NULL
	};
	const struct pm_ynode	*pat, *pre, *v;
	const char		*s, *pw, *const *k;
	PCRE2_UCHAR		 emsg[256];
	PCRE2_SIZE		 eoff;
	int			 ecode;
	size_t			 i;

	if (n->type != PM_Y_MAP)
		return fail_at(pk->path, n->pos, "each rule must be a "
		    "mapping with id, pattern and message");
	for (i = 0; i + 1 < n->nkids; i += 2) {
		s = scalar(n->kids[i]);
		for (k = keys; s != NULL && *k != NULL; k++)
			if (strcmp(s, *k) == 0)
				break;
		if (s == NULL || *k == NULL)
			return fail_at(pk->path, n->kids[i]->pos, "unknown "
			    "key '%s' in a rule", s ? s : "?");
	}
	if ((s = scalar(pm_ymap_get(n, "id"))) == NULL || !valid_id(s))
		return fail_at(pk->path, n->pos, "a rule needs an 'id' made "
		    "of letters, digits, '-', '_' or '.'");
	r->id = s;
	r->full = pm_arena_printf(&rp->arena, "%s/%s", pk->locale, s);
	pat = pm_ymap_get(n, "pattern");
	if (scalar(pat) == NULL || *pat->value == '\0')
		return fail_at(pk->path, n->pos, "rule '%s' has no 'pattern'",
		    r->full);
	r->pos = pat->pos;
	r->source = pm_arena_printf(&rp->arena, "%s:%u", pk->path,
	    pat->pos.line);
	if ((s = scalar(pm_ymap_get(n, "message"))) == NULL)
		return fail_at(pk->path, n->pos, "rule '%s' has no "
		    "'message'", r->full);
	r->message = s;
	if ((v = pm_ymap_get(n, "suggest")) != NULL && !pm_yis_null(v)) {
		if ((s = scalar(v)) == NULL)
			return fail_at(pk->path, v->pos, "'suggest' must be "
			    "a string");
		r->suggest = s;
	}
	if ((v = pm_ymap_get(n, "severity")) != NULL) {
		if (scalar(v) == NULL || parse_level(&r->level, v->value))
			return fail_at(pk->path, v->pos, "'severity' must be "
			    "error, warning, info or off");
		r->has_level = 1;
	}
	if (load_examples(rp, pk->path, pm_ymap_get(n, "bad"), &r->bad,
	    &r->nbad, "bad") == -1 ||
	    load_examples(rp, pk->path, pm_ymap_get(n, "good"), &r->good,
	    &r->ngood, "good") == -1)
		return -1;
	/* Compiled by compile_rules(), once every definition is known. */
	r->pat = pat->value;
	r->pat_len = pat->len;
	if ((pre = pm_ymap_get(n, "prefilter")) == NULL || pm_yis_null(pre))
		return 0;
	if (scalar(pre) == NULL || *pre->value == '\0')
		return fail_at(pk->path, pre->pos, "'prefilter' of '%s' must "
		    "be a non-empty pattern", r->full);
	/*
	 * The linter finds a word list's words where they start a word
	 * (next_keyword); so does this copy, which rules --test runs.
	 */
	pw = pm_arena_printf(&rp->arena, "%s%s%s", literal_prefilter(
	    pre->value, pre->len) ? "(?:(?<![a-z0-9_])|(?=[^a-z0-9_]))(?:" :
	    "", pre->value, literal_prefilter(pre->value, pre->len) ? ")" :
	    "");
	r->pre = pcre2_compile((PCRE2_SPTR)pw, strlen(pw),
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ecode, &eoff, NULL);
	if (r->pre == NULL) {
		pcre2_get_error_message(ecode, emsg, sizeof(emsg));
		return fail_at(pk->path, pre->pos, "prefilter of '%s' does "
		    "not compile: %s at offset %zu", r->full, (char *)emsg,
		    (size_t)eoff);
	}
	r->pre_src = pre->value;
	r->pre_len = pre->len;
	return 0;
}

/* ASCII upper case to lower case; every other byte as it is. */
static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * 1 if the UTF-8 character at s (n bytes left) has no case, so that
 * comparing bytes is what PCRE2's CASELESS does: kana, CJK ideographs
 * and Hangul syllables (U+3000-U+9FFF, U+AC00-U+D7A3).  *len gets its
 * length.
 */
static int
caseless_char(const unsigned char *s, size_t n, size_t *len)
{
	unsigned int	 cp;

	if (n < 3 || s[0] < 0xe3 || s[0] > 0xed ||
	    (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
		return 0;
	cp = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
	*len = 3;
	return (cp >= 0x3000 && cp <= 0x9fff) ||
	    (cp >= 0xac00 && cp <= 0xd7a3);
}

/*
 * 1 if the prefilter is a plain alternation of literal words ("caused|
 * broke|took"): ASCII letters, digits, '-', '_' and apostrophes, or
 * caseless CJK and Hangul characters, between '|'.  Such a prefilter
 * means the same as a byte search for its words, ASCII folded.
 */
static int
literal_prefilter(const char *s, size_t n)
{
	size_t	 i, len, word = 0;
	unsigned char c;

	/* Words of two bytes at least: the scan starts from byte pairs. */
	for (i = 0; i < n; i += len) {
		c = (unsigned char)s[i];
		len = 1;
		if (c == '|') {
			if (word < 2)
				return 0;
			word = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '\'') && !caseless_char((const unsigned char *)s + i,
		    n - i, &len))
			return 0;
		word += len;
	}
	return word >= 2;
}

static int
cmp_kw(const void *a, const void *b)
{
	const struct pm_kw	*x = a, *y = b;

	return (int)fold((unsigned char)x->s[0]) -
	    (int)fold((unsigned char)y->s[0]);
}

/*
 * Gather the words of the pack's literal prefilters into one table
 * for scan_keywords(), folded, ordered by first byte.
 */
static void
build_keywords(struct pm_rulepacks *rp, struct pm_pack *pk)
{
	struct pm_prule	*r;
	const char	*w, *e;
	char		*t;
	size_t		 i, k, n = 0, cap = 0;
	unsigned int	 pair;

	for (i = 0; i < pk->nrules; i++) {
		r = &pk->rules[i];
		if (r->pre == NULL ||
		    !(r->pre_lit = literal_prefilter(r->pre_src, r->pre_len)))
			continue;
		for (w = r->pre_src; w < r->pre_src + r->pre_len; w = e + 1) {
			if ((e = memchr(w, '|', r->pre_src + r->pre_len -
			    w)) == NULL)
				e = r->pre_src + r->pre_len;
			pk->kw = pm_xgrow(pk->kw, &cap, n + 1,
			    sizeof(*pk->kw));
			t = pm_arena_alloc(&rp->arena, e - w + 1);
			for (k = 0; k < (size_t)(e - w); k++)
				t[k] = (char)fold((unsigned char)w[k]);
			t[k] = '\0';
			pk->kw[n].s = t;
			pk->kw[n].len = e - w;
			pk->kw[n].rule = i;
			n++;
		}
	}
	pk->nkw = n;
	if (n > 1)
		qsort(pk->kw, n, sizeof(*pk->kw), cmp_kw);
	memset(pk->kwfirst, 0, sizeof(pk->kwfirst));
	for (i = 0; i < n; i++) {
		pk->kwfirst[(unsigned char)pk->kw[i].s[0] + 1]++;
		pair = (unsigned char)pk->kw[i].s[0] << 8 |
		    (unsigned char)pk->kw[i].s[1];
		pk->pairs[pair >> 3] |= 1u << (pair & 7);
	}
	for (i = 1; i < 257; i++)
		pk->kwfirst[i] += pk->kwfirst[i - 1];
}

/* 1 if s is a PCRE2 group name: a letter or '_', then letters, digits, '_'. */
static int
valid_defname(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || s[i] == '_' || (i > 0 && s[i] >= '0' &&
		    s[i] <= '9')))
			return 0;
	return i > 0 && i <= 32;
}

/*
 * define: a mapping from a name to a PCRE2 fragment, or to a list of
 * fragments that means any one of them (a word list reads better one
 * word a line).
 */
static int
load_defs(struct pm_rulepacks *rp, struct pm_pack *pk,
    const struct pm_ynode *n)
{
	const struct pm_ynode	*k, *v;
	struct pm_buf		 b = PM_BUF_INIT;
	size_t			 i, j;

	if (n == NULL || pm_yis_null(n))
		return 0;
	if (n->type != PM_Y_MAP)
		return fail_at(pk->path, n->pos, "'define' must map names to "
		    "PCRE2 fragments");
	pk->defs = pm_arena_alloc(&rp->arena, (n->nkids / 2 + 1) *
	    sizeof(*pk->defs));
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		v = n->kids[i + 1];
		if (scalar(k) == NULL || !valid_defname(k->value))
			return fail_at(pk->path, k->pos, "definition name '%s' "
			    "must be letters, digits and '_' (a PCRE2 group "
			    "name)", scalar(k) ? k->value : "?");
		for (j = 0; j < pk->ndefs; j++)
			if (strcmp(pk->defs[j].name, k->value) == 0)
				return fail_at(pk->path, k->pos, "'%s' is "
				    "defined twice", k->value);
		pm_buf_truncate(&b, 0);
		if (v->type == PM_Y_SEQ && v->nkids > 0) {
			for (j = 0; j < v->nkids; j++) {
				if (scalar(v->kids[j]) == NULL ||
				    v->kids[j]->len == 0) {
					pm_buf_release(&b);
					return fail_at(pk->path, v->kids[j]->pos,
					    "each alternative of '%s' must be "
					    "a non-empty string", k->value);
				}
				if (j > 0)
					pm_buf_putc(&b, '|');
				pm_buf_put(&b, v->kids[j]->value,
				    v->kids[j]->len);
			}
		} else if (scalar(v) != NULL && v->len > 0)
			pm_buf_put(&b, v->value, v->len);
		else {
			pm_buf_release(&b);
			return fail_at(pk->path, v->pos, "definition '%s' must "
			    "be a PCRE2 fragment or a list of them", k->value);
		}
		pk->defs[pk->ndefs].name = k->value;
		pk->defs[pk->ndefs].src = pm_arena_strndup(&rp->arena, b.ptr,
		    b.len);
		pk->defs[pk->ndefs].len = b.len;
		pk->defs[pk->ndefs].pos = k->pos;
		pk->ndefs++;
	}
	pm_buf_release(&b);
	return 0;
}

static void
free_pack(struct pm_pack *pk)
{
	size_t	 j;

	for (j = 0; j < pk->nrules; j++) {
		pcre2_code_free(pk->rules[j].re);
		pcre2_code_free(pk->rules[j].pre);
	}
	free(pk->kw);
}

/*
 * A repository pack's error is noted and the rule (or the pack) left
 * out, so that the shipped packs and the good rules still run; a
 * shipped pack's error stops the load.
 */
static int
problem(struct pm_rulepacks *rp, const struct pm_pack *pk)
{
	if (pk->shipped)
		return -1;
	pm_buf_printf(&rp->problems, "%s (left out; the other rules "
	    "run)\n", pm_error_get());
	pm_error_clear();
	return 0;
}

static int
load_pack(struct pm_rulepacks *rp, const char *path, int shipped)
{
	static const char *const keys[] = {
		"family", "locale", "rules", "define", "description", NULL
	};
	struct pm_ylimits	 lim = PM_YLIMITS_DEFAULT;
	struct pm_yerror	 yerr;
	struct pm_ynode		*root;
	const struct pm_ynode	*rules;
	struct pm_pack		 p, *pk = &p;
	const char		*s, *const *k;
	char			*text;
	size_t			 len, i;
	struct pm_pos		 top = { 1, 1 };
	enum pm_rule_id		 fam;

	memset(pk, 0, sizeof(*pk));
	pk->path = pm_arena_strdup(&rp->arena, path);
	pk->shipped = shipped;
	rp->digest = pm_fnv64(rp->digest ? rp->digest : PM_FNV_INIT, path,
	    strlen(path) + 1);
	if (read_file(path, &text, &len) == -1) {
		rp->digest = pm_fnv64(rp->digest, "-", 1);
		return problem(rp, pk);
	}
	rp->digest = pm_fnv64(rp->digest, &len, sizeof(len));
	rp->digest = pm_fnv64(rp->digest, text, len);
	if (pm_yaml_parse(&root, &rp->arena, text, len, &lim, &yerr) == -1) {
		free(text);
		fail_at(path, yerr.pos, "%s", yerr.msg);
		return problem(rp, pk);
	}
	free(text);
	if (root == NULL || root->type != PM_Y_MAP) {
		fail_at(path, root ? root->pos : top, "a rule pack is a "
		    "mapping with family, locale and rules");
		return problem(rp, pk);
	}
	for (i = 0; i + 1 < root->nkids; i += 2) {
		s = scalar(root->kids[i]);
		for (k = keys; s != NULL && *k != NULL; k++)
			if (strcmp(s, *k) == 0)
				break;
		if (s == NULL || *k == NULL) {
			fail_at(path, root->kids[i]->pos, "unknown key '%s' "
			    "in a rule pack", s ? s : "?");
			return problem(rp, pk);
		}
	}
	s = scalar(pm_ymap_get(root, "family"));
	if (s == NULL || pm_rule_lookup(&fam, s) == -1 ||
	    (fam != PM_RULE_LANGUAGE_BLAMELESS &&
	    fam != PM_RULE_ACTIONS_VAGUE)) {
		fail_at(path, root->pos, "'family' must be "
		    "language/blameless or actions/vague");
		return problem(rp, pk);
	}
	pk->family = fam;
	if ((s = scalar(pm_ymap_get(root, "locale"))) == NULL ||
	    !valid_id(s)) {
		fail_at(path, root->pos, "'locale' must be a locale name "
		    "like en or es");
		return problem(rp, pk);
	}
	pk->locale = s;
	if (load_defs(rp, pk, pm_ymap_get(root, "define")) == -1)
		return problem(rp, pk);
	rules = pm_ymap_get(root, "rules");
	if (rules == NULL || rules->type != PM_Y_SEQ) {
		fail_at(path, rules ? rules->pos : root->pos,
		    "'rules' must be a list");
		return problem(rp, pk);
	}
	pk->rules = pm_arena_alloc(&rp->arena,
	    (rules->nkids + 1) * sizeof(*pk->rules));
	for (i = 0; i < rules->nkids; i++) {
		if (load_rule(rp, pk, rules->kids[i],
		    &pk->rules[pk->nrules]) == 0) {
			pk->nrules++;
			continue;
		}
		pcre2_code_free(pk->rules[pk->nrules].pre);
		memset(&pk->rules[pk->nrules], 0, sizeof(*pk->rules));
		if (problem(rp, pk) == -1) {
			free_pack(pk);
			return -1;
		}
	}
	rp->packs = pm_xgrow(rp->packs, &rp->cap, rp->npacks + 1,
	    sizeof(*rp->packs));
	rp->packs[rp->npacks++] = p;
	return 0;
}

/* ---- definitions ---- */

#define	MAX_DEFS	64	/* definitions one pattern may use, in all */

/*
 * The definition a pack's pattern means by name: the pack's own, else
 * the first of a pack of its locale ("en" also serves "en-GB"), in
 * load order (the shipped packs first).
 */
static const struct pm_def *
find_def(const struct pm_rulepacks *rp, const struct pm_pack *pk,
    const char *name, size_t len)
{
	const struct pm_pack	*q;
	size_t			 i, j;

	for (i = 0; i <= rp->npacks; i++) {
		q = i == 0 ? pk : &rp->packs[i - 1];
		if (i > 0 && (q == pk || !locale_ok(q->locale, pk->locale)))
			continue;
		for (j = 0; j < q->ndefs; j++)
			if (strlen(q->defs[j].name) == len &&
			    memcmp(q->defs[j].name, name, len) == 0)
				return &q->defs[j];
	}
	return NULL;
}

/* The pack that holds definition d (for its file name). */
static const struct pm_pack *
def_pack(const struct pm_rulepacks *rp, const struct pm_pack *pk,
    const struct pm_def *d)
{
	size_t	 i;

	for (i = 0; i < rp->npacks; i++)
		if (d >= rp->packs[i].defs &&
		    d < rp->packs[i].defs + rp->packs[i].ndefs)
			return &rp->packs[i];
	return pk;
}

/* 1 if the pattern s names a group of its own called name. */
static int
own_group(const char *s, size_t n, const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i + 3 + len < n; i++)
		if (s[i] == '(' && s[i + 1] == '?' &&
		    (s[i + 2] == '<' || s[i + 2] == '\'' || (s[i + 2] == 'P' &&
		    s[i + 3] == '<')) && memcmp(s + i + (s[i + 2] == 'P' ? 4 :
		    3), name, len) == 0)
			return 1;
	return 0;
}

struct	expand {
	const struct pm_rulepacks *rp;
	const struct pm_pack	*pk;
	const char		*what;	/* "pattern of 'en/x'" */
	struct pm_pos		 pos;
	const struct pm_def	*used[MAX_DEFS];	/* in call order */
	size_t			 nused;
	const struct pm_def	*stack[MAX_DEFS];
	size_t			 depth;
};

/*
 * Add the definitions that the fragment s calls as (?&name), and the
 * ones they call, to x->used.  -1 (with the error set) on a name that
 * is not defined or a definition that calls itself.
 */
static int
collect(struct expand *x, const char *s, size_t n, const char *top,
    size_t topn)
{
	struct pm_buf		 b = PM_BUF_INIT;
	const struct pm_def	*d;
	const char		*name;
	size_t			 i, j, len;

	for (i = 0; i + 3 < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] != '(' || s[i + 1] != '?' || s[i + 2] != '&')
			continue;
		name = s + i + 3;
		for (len = 0; i + 3 + len < n && name[len] != ')'; len++)
			continue;
		if (own_group(top, topn, name, len))
			continue;
		if ((d = find_def(x->rp, x->pk, name, len)) == NULL)
			return fail_at(x->pk->path, x->pos, "%s calls "
			    "(?&%.*s), which no pack of locale '%s' defines",
			    x->what, (int)len, name, x->pk->locale);
		for (j = 0; j < x->depth; j++)
			if (x->stack[j] == d)
				break;
		if (j < x->depth) {
			for (; j < x->depth; j++)
				pm_buf_printf(&b, "%s -> ", x->stack[j]->name);
			pm_buf_puts(&b, d->name);
			fail_at(x->pk->path, x->pos, "%s: a definition may "
			    "not call itself (%s)", x->what, pm_buf_cstr(&b));
			pm_buf_release(&b);
			return -1;
		}
		for (j = 0; j < x->nused; j++)
			if (x->used[j] == d)
				break;
		if (j < x->nused)
			continue;
		if (x->depth == MAX_DEFS || x->nused == MAX_DEFS)
			return fail_at(x->pk->path, x->pos, "%s uses more "
			    "than %d definitions", x->what, MAX_DEFS);
		x->stack[x->depth++] = d;
		if (collect(x, d->src, d->len, top, topn) == -1)
			return -1;
		x->depth--;
		x->used[x->nused++] = d;
	}
	return 0;
}

/*
 * Compile pattern s (n bytes) of pack pk with a DEFINE group for the
 * definitions it uses, appended so that its own offsets and group
 * numbers stay as written ("\E" first ends a \Q it may leave open).
 * *full gets the compiled text (arena).  -1 with the error set.
 */
static int
compile_with_defs(struct pm_rulepacks *rp, const struct pm_pack *pk,
    const char *what, struct pm_pos pos, const char *s, size_t n,
    pcre2_code **re, const char **full, size_t *fulln)
{
	struct expand		 x;
	struct pm_buf		 b = PM_BUF_INIT;
	const struct pm_def	*d;
	const struct pm_pack	*dp;
	PCRE2_UCHAR		 emsg[256];
	PCRE2_SIZE		 eoff;
	size_t			 i, at;
	int			 ecode;

	memset(&x, 0, sizeof(x));
	x.rp = rp;
	x.pk = pk;
	x.what = what;
	x.pos = pos;
	if (collect(&x, s, n, s, n) == -1)
		return -1;
	pm_buf_put(&b, s, n);
	if (x.nused > 0) {
		pm_buf_puts(&b, "\\E(?(DEFINE)");
		for (i = 0; i < x.nused; i++) {
			pm_buf_printf(&b, "(?<%s>", x.used[i]->name);
			pm_buf_put(&b, x.used[i]->src, x.used[i]->len);
			pm_buf_putc(&b, ')');
		}
		pm_buf_putc(&b, ')');
	}
	/* USE_OFFSET_LIMIT: run_patterns() may bound where a match starts. */
	*re = pcre2_compile((PCRE2_SPTR)b.ptr, b.len, PCRE2_UTF | PCRE2_UCP |
	    PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT, &ecode, &eoff, NULL);
	if (*re == NULL) {
		pcre2_get_error_message(ecode, emsg, sizeof(emsg));
		/* An offset past the pattern is in one of its definitions. */
		at = n + strlen("\\E(?(DEFINE)");
		for (i = 0; eoff > n && eoff < b.len - 1 && i < x.nused; i++) {
			d = x.used[i];
			at += strlen(d->name) + 4;
			if (eoff <= at + d->len) {
				dp = def_pack(rp, pk, d);
				fail_at(pk->path, pos, "%s does not compile: %s "
				    "in definition '%s' (%s:%u) at offset %zu",
				    what, (char *)emsg, d->name, dp->path,
				    d->pos.line, eoff > at ? (size_t)eoff -
				    at : 0);
				pm_buf_release(&b);
				return -1;
			}
			at += d->len + 1;
		}
		fail_at(pk->path, pos, "%s does not compile: %s at offset %zu",
		    what, (char *)emsg, (size_t)eoff > n ? n : (size_t)eoff);
		pm_buf_release(&b);
		return -1;
	}
	*full = pm_arena_strndup(&rp->arena, b.ptr, b.len);
	*fulln = b.len;
	pm_buf_release(&b);
	return 0;
}

/*
 * Compile every definition on its own (so a broken one is named even
 * when no rule calls it), then every pattern with the definitions it
 * calls; build each pack's keyword table.
 */
static int
compile_rules(struct pm_rulepacks *rp)
{
	struct pm_pack	*pk;
	struct pm_prule	*r;
	pcre2_code	*re;
	const char	*full, *what;
	size_t		 i, j, n, fulln;

	for (i = 0; i < rp->npacks; i++) {
		pk = &rp->packs[i];
		for (j = 0; j < pk->nrules; j++)
			pk->rules[j].pack = pk;
		/* Shipped packs compile when first matched (jit_once). */
		if (pk->shipped) {
			build_keywords(rp, pk);
			continue;
		}
		for (j = 0; j < pk->ndefs; j++) {
			what = pm_arena_printf(&rp->arena, "definition '%s'",
			    pk->defs[j].name);
			full = pm_arena_printf(&rp->arena, "(?&%s)",
			    pk->defs[j].name);
			if (compile_with_defs(rp, pk, what, pk->defs[j].pos,
			    full, strlen(full), &re, &full, &fulln) == 0) {
				pcre2_code_free(re);
				continue;
			}
			if (problem(rp, pk) == -1)
				return -1;
		}
		for (j = n = 0; j < pk->nrules; j++) {
			r = &pk->rules[j];
			what = pm_arena_printf(&rp->arena, "pattern of '%s'",
			    r->full);
			if (compile_with_defs(rp, pk, what, r->pos, r->pat,
			    r->pat_len, &r->re, &r->full_pat,
			    &r->full_len) == 0) {
				if (n != j)
					pk->rules[n] = *r;
				n++;
				continue;
			}
			pcre2_code_free(r->pre);
			r->pre = NULL;
			if (problem(rp, pk) == -1) {
				pk->nrules = n;
				return -1;
			}
		}
		pk->nrules = n;
		build_keywords(rp, pk);
	}
	return 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
load_dir(struct pm_rulepacks *rp, const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL;
	size_t		 n = 0, cap = 0, i, len;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 ||
		    (strcmp(e->d_name + len - 5, ".yaml") != 0 &&
		    strcmp(e->d_name + len - 4, ".yml") != 0))
			continue;
		names = pm_xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = pm_xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmpstr);
	for (i = 0; i < n; i++) {
		if (rc == 0 && load_pack(rp, names[i], 1) == -1)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

/* A later pack's pattern with the same full id replaces the earlier. */
static void
mark_shadowed(struct pm_rulepacks *rp)
{
	size_t	 a, b, i, j;

	for (a = 0; a < rp->npacks; a++)
		for (i = 0; i < rp->packs[a].nrules; i++)
			for (b = a; b < rp->npacks; b++)
				for (j = b == a ? i + 1 : 0;
				    j < rp->packs[b].nrules; j++)
					if (rp->packs[a].family ==
					    rp->packs[b].family &&
					    strcmp(rp->packs[a].rules[i].full,
					    rp->packs[b].rules[j].full) == 0)
						rp->packs[a].rules[i].shadowed
						    = 1;
}

int
pm_rulepacks_load(struct pm_rulepacks **out, const char *datadir,
    const struct pm_config *cfg, const char *root)
{
	struct pm_rulepacks	*rp;
	char			*p;
	size_t			 i;
	int			 rc;

	rp = pm_xcalloc(1, sizeof(*rp));
	rp->cfg = cfg;
	rp->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(rp->mctx, cfg->limits.pcre2_match_limit ?
	    cfg->limits.pcre2_match_limit : 1000000);
	pcre2_set_depth_limit(rp->mctx, cfg->limits.pcre2_depth_limit ?
	    cfg->limits.pcre2_depth_limit : DEPTH_DEFAULT);
	if (datadir != NULL && load_dir(rp, datadir) == -1)
		goto fail;
	for (i = 0; i < cfg->nrule_files; i++) {
		if (cfg->rule_files[i][0] == '/' || root == NULL)
			p = pm_xstrdup(cfg->rule_files[i]);
		else
			p = pm_xasprintf("%s/%s", root, cfg->rule_files[i]);
		rc = load_pack(rp, p, 0);
		free(p);
		if (rc == -1)
			goto fail;
	}
	if (compile_rules(rp) == -1)
		goto fail;
	mark_shadowed(rp);
	*out = rp;
	return 0;
fail:
	pm_rulepacks_free(rp);
	*out = NULL;
	return -1;
}

void
pm_rulepacks_free(struct pm_rulepacks *rp)
{
	size_t	 i;

	if (rp == NULL)
		return;
	for (i = 0; i < rp->npacks; i++)
		free_pack(&rp->packs[i]);
	pcre2_match_context_free(rp->mctx);
	pm_buf_release(&rp->problems);
	free(rp->packs);
	pm_arena_release(&rp->arena);
	free(rp);
}

const char *
pm_rulepacks_problems(const struct pm_rulepacks *rp)
{
	return rp != NULL && rp->problems.len > 0 ?
	    pm_buf_cstr(&rp->problems) : NULL;
}

uint64_t
pm_rulepacks_digest(const struct pm_rulepacks *rp)
{
	return rp != NULL ? rp->digest : 0;
}

size_t
pm_rulepacks_count(const struct pm_rulepacks *rp)
{
	size_t	 i, n = 0;

	for (i = 0; rp != NULL && i < rp->npacks; i++)
		n += rp->packs[i].nrules;
	return n;
}

void
pm_rulepacks_info(const struct pm_rulepacks *rp, size_t k,
    struct pm_prule_info *info)
{
	const struct pm_pack	*pk;
	const struct pm_prule	*r;
	size_t			 i;

	memset(info, 0, sizeof(*info));
	for (i = 0; i < rp->npacks; i++) {
		if (k >= rp->packs[i].nrules) {
			k -= rp->packs[i].nrules;
			continue;
		}
		pk = &rp->packs[i];
		r = &pk->rules[k];
		info->full_id = r->full;
		info->locale = pk->locale;
		info->family = pk->family;
		info->level = r->has_level ? r->level :
		    pm_rule_default_level(pk->family);
		info->source = r->source;
		info->message = r->message;
		info->suggest = r->suggest;
		return;
	}
}

/* ---- matching ---- */

struct pm_matcher *
pm_matcher_new(const struct pm_rulepacks *rp)
{
	struct pm_matcher	*m;

	size_t			 i, max = 1;

	m = pm_xcalloc(1, sizeof(*m));
	m->md = pcre2_match_data_create(16, NULL);
	m->lim = pcre2_match_context_copy(rp->mctx);
	for (i = 0; i < rp->npacks; i++)
		if (rp->packs[i].nrules > max)
			max = rp->packs[i].nrules;
	m->hit = pm_xcalloc(max, 1);
	m->pack_ok = pm_xcalloc(rp->npacks + 1, 1);
	return m;
}

void
pm_matcher_free(struct pm_matcher *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->lim);
	free(m->hpos);
	free(m->hrule);
	free(m->hit);
	free(m->pack_ok);
	pm_buf_release(&m->text);
	free(m->starts);
	free(m->lines);
	free(m);
}

static void
blank(char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		s[from] = ' ';
}

static int
is_scheme_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
}

static int
prefix_ci(const char *s, size_t n, const char *p)
{
	size_t	 len = strlen(p);

	return n >= len && strncasecmp(s, p, len) == 0;
}

/*
 * The end of the inline link or reference link "[text](dest)" or
 * "[text][ref]" starting at s[i] == '[' (one past its last byte), or i
 * when there is none.  The text may hold brackets in pairs, not a line
 * of its own.
 */
static size_t
link_end(const char *s, size_t n, size_t i)
{
	size_t	 j, depth = 0;
	char	 open, close;

	for (j = i; j < n; j++) {
		if (s[j] == '\\' && j + 1 < n) {
			j++;
			continue;
		}
		if (s[j] == '[')
			depth++;
		else if (s[j] == ']' && --depth == 0)
			break;
	}
	if (j + 1 >= n || (s[j + 1] != '(' && s[j + 1] != '['))
		return i;
	open = s[j + 1];
	close = open == '(' ? ')' : ']';
	depth = 0;
	for (j++; j < n; j++) {
		if (s[j] == open)
			depth++;
		else if (s[j] == close && --depth == 0)
			return j + 1;
	}
	return i;
}

/*
 * Blank out, in place and keeping every offset, what is not prose:
 * HTML comments, code spans, [[id]] links, links (text and destination),
 * autolinks and bare URLs.  Invalid UTF-8 bytes become '?'.
 */
static void
mask_prose(char *s, size_t n)
{
	size_t	 i, j, k, run, len;
	char	*p;

	for (i = 0; i < n; i += len ? len : 1) {
		len = pm_utf8_len((unsigned char *)s + i, n - i);
		if (len == 0) {
			s[i] = '?';
			len = 1;
		}
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '<' && n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			p = NULL;
			for (j = i + 4; j + 3 <= n; j++)
				if (memcmp(s + j, "-->", 3) == 0) {
					p = s + j;
					break;
				}
			k = p ? (size_t)(p - s) + 3 : n;
			blank(s, i, k);
			i = k - 1;
		} else if (s[i] == '`') {
			for (run = 0; i + run < n && s[i + run] == '`'; run++)
				continue;
			/* The closing run of the same length. */
			for (j = i + run; j < n; j++) {
				if (s[j] != '`')
					continue;
				for (k = 0; j + k < n && s[j + k] == '`'; k++)
					continue;
				if (k == run)
					break;
				j += k - 1;
			}
			if (j < n) {
				blank(s, i, j + run);
				i = j + run - 1;
			} else
				i += run - 1;
		} else if (s[i] == '[' && i + 1 < n && s[i + 1] == '[') {
			for (j = i + 2; j + 1 < n; j++)
				if (s[j] == ']' && s[j + 1] == ']')
					break;
			if (j + 1 < n) {
				blank(s, i, j + 2);
				i = j + 1;
			}
		} else if (s[i] == '[' && (k = link_end(s, n, i)) > i) {
			/* A link, text and destination: its words are a
			 * title or a name, not the report's own prose. */
			blank(s, i > 0 && s[i - 1] == '!' ? i - 1 : i, k);
			i = k - 1;
		} else if (s[i] == ']' && i + 1 < n && s[i + 1] == '(') {
			/* Link destination: up to the balancing ')'. */
			int depth = 0;
			for (j = i + 1; j < n; j++) {
				if (s[j] == '(')
					depth++;
				else if (s[j] == ')' && --depth == 0)
					break;
			}
			if (j < n) {
				blank(s, i + 1, j + 1);
				i = j;
			}
		} else if (s[i] == '<' && i + 1 < n &&
		    ((s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
		    (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))) {
			/* Autolink <scheme:...> or <user@host>. */
			for (j = i + 1; j < n && s[j] != '>' && s[j] != '<' &&
			    s[j] != ' '; j++)
				continue;
			if (j < n && s[j] == '>' &&
			    memchr(s + i, ':', j - i) != NULL) {
				for (k = i + 1; k < j && is_scheme_char(s[k]);
				    k++)
					continue;
				if (k < j && s[k] == ':') {
					blank(s, i, j + 1);
					i = j;
				}
			} else if (j < n && s[j] == '>' &&
			    memchr(s + i, '@', j - i) != NULL) {
				blank(s, i, j + 1);
				i = j;
			}
		} else if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
		    s[i - 1] == '|') && (prefix_ci(s + i, n - i, "http://") ||
		    prefix_ci(s + i, n - i, "https://") ||
		    prefix_ci(s + i, n - i, "www."))) {
			for (j = i; j < n && s[j] != ' ' && s[j] != '\t' &&
			    s[j] != '|'; j++)
				continue;
			blank(s, i, j);
			i = j - 1;
		}
	}
}

static void
add_line(struct pm_matcher *m, const struct pm_doc *doc, unsigned int ln)
{
	const char	*s;
	size_t		 len;

	if ((s = pm_doc_line(doc, ln, &len)) == NULL)
		return;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	/* Grow both arrays only when full: a realloc per line copied the
	 * whole array each time under ASan and valgrind (quadratic). */
	if (m->nlines + 1 > m->cap) {
		m->starts = pm_xgrow(m->starts, &m->cap, m->nlines + 1,
		    sizeof(*m->starts));
		m->lines = pm_xreallocarray(m->lines, m->cap,
		    sizeof(*m->lines));
	}
	if (m->text.len > 0)
		pm_buf_putc(&m->text, ' ');
	m->starts[m->nlines] = m->text.len;
	m->lines[m->nlines++] = ln;
	pm_buf_put(&m->text, s, len);
}

static struct pm_pos
map_offset(const struct pm_matcher *m, size_t off)
{
	struct pm_pos	 p;
	size_t		 lo = 0, hi = m->nlines, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (m->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	p.line = m->lines[lo];
	p.col = (unsigned int)(off - m->starts[lo]) + 1;
	return p;
}

/*
 * The exclusive end column of the match [from, to) that starts at pos,
 * or 0 when it is empty or ends on another line than it starts.
 */
static unsigned int
end_col(const struct pm_matcher *m, const struct pm_pos *base,
    struct pm_pos pos, size_t from, size_t to)
{
	struct pm_pos	 e;

	if (to <= from)
		return 0;
	if (base != NULL)
		return base->col + (unsigned int)to;
	e = map_offset(m, to - 1);
	return e.line == pos.line ? e.col + 1 : 0;
}

/*
 * The length of the quoted part of a match of len bytes at s: all of
 * it, or at most max bytes cut before a UTF-8 continuation byte, so a
 * character is never split.  Returns the length.
 */
static size_t
quote_len(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* 1 if the pack applies to this locale ("es" also serves "es-MX"). */
static int
locale_ok(const char *pack, const char *want)
{
	size_t	 n = strlen(pack);

	return strcasecmp(pack, want) == 0 || (strncasecmp(pack, want,
	    n) == 0 && (want[n] == '-' || want[n] == '_'));
}

/* The code point of the UTF-8 sequence at s (n bytes left); *len. */
static unsigned int
decode(const unsigned char *s, size_t n, size_t *len)
{
	if ((*len = pm_utf8_len(s, n)) <= 1) {
		*len = 1;
		return s[0];
	}
	if (*len == 2)
		return (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
	if (*len == 3)
		return (s[0] & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 |
		    (s[2] & 0x3fu);
	return (s[0] & 0x07u) << 18 | (s[1] & 0x3fu) << 12 |
	    (s[2] & 0x3fu) << 6 | (s[3] & 0x3fu);
}

/*
 * A word of at most 4 ASCII letters as a number, lower case, first
 * letter in the high byte: "de" is 'd' << 8 | 'e'.
 */
#define	W2(a, b)	((unsigned)(a) << 8 | (unsigned)(b))
#define	W3(a, b, c)	(W2(a, b) << 8 | (unsigned)(c))
#define	W4(a, b, c, d)	(W3(a, b, c) << 8 | (unsigned)(d))

/* 1: a Spanish stop word, 2: an English one, 0: neither. */
static int
stop_word(const unsigned char *w, size_t len)
{
	unsigned int	 k = 0;
	size_t		 i;

	for (i = 0; i < len; i++)
		k = k << 8 | (w[i] | 0x20u);
	switch (k) {
	case W2('e', 'l'): case W2('l', 'a'): case W2('d', 'e'):
	case W3('q', 'u', 'e'): case W3('l', 'o', 's'):
	case W3('l', 'a', 's'): case W3('p', 'o', 'r'):
	case W4('p', 'a', 'r', 'a'):
		return 1;
	case W3('t', 'h', 'e'): case W3('a', 'n', 'd'): case W2('o', 'f'):
	case W2('t', 'o'):
		return 2;
	default:
		return 0;
	}
}

#define	SNIFF_BYTES	8192	/* of the body read to guess a locale */

/*
 * The locales whose packs run on a document without a 'locale' field,
 * besides the configuration's default: the scripts of its body (kana:
 * ja; Hangul: ko; Han without kana: zh) and, for Latin text, es or en
 * when its stop words outnumber the other's ("el la de que los las
 * por para" against "the and of to").  Looks at the first SNIFF_BYTES
 * of the body.  Writes up to 4 locales to out; returns how many.
 */
static size_t
sniff_locales(const struct pm_doc *doc, const char **out)
{
	const unsigned char	*s;
	size_t			 i, n, len, w, nes = 0, nen = 0, nout = 0;
	unsigned int		 cp;
	int			 kana = 0, hangul = 0, han = 0;

	if (doc->text == NULL || doc->line_off == NULL || doc->nlines == 0)
		return 0;
	i = doc->body_line > 0 && doc->body_line <= doc->nlines ?
	    doc->line_off[doc->body_line - 1] : 0;
	s = (const unsigned char *)doc->text;
	n = doc->textsz - i > SNIFF_BYTES ? i + SNIFF_BYTES : doc->textsz;
	while (i < n) {
		if (s[i] >= 0x80) {
			cp = decode(s + i, n - i, &len);
			i += len;
			if (cp >= 0x3040 && cp <= 0x30ff)
				kana = 1;
			else if ((cp >= 0xac00 && cp <= 0xd7a3) ||
			    (cp >= 0x1100 && cp <= 0x11ff) ||
			    (cp >= 0x3130 && cp <= 0x318f))
				hangul = 1;
			else if ((cp >= 0x4e00 && cp <= 0x9fff) ||
			    (cp >= 0x3400 && cp <= 0x4dbf))
				han = 1;
			continue;
		}
		if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) {
			i++;
			continue;
		}
		for (w = i; i < n && (s[i] | 0x20) >= 'a' &&
		    (s[i] | 0x20) <= 'z'; i++)
			continue;
		if (i - w < 2 || i - w > 4 || (i < n && s[i] >= 0x80))
			continue;
		switch (stop_word(s + w, i - w)) {
		case 1:
			nes++;
			break;
		case 2:
			nen++;
			break;
		}
	}
	if (kana)
		out[nout++] = "ja";
	if (hangul)
		out[nout++] = "ko";
	if (han && !kana)
		out[nout++] = "zh";
	if (nes > nen)
		out[nout++] = "es";
	else if (nen > nes)
		out[nout++] = "en";
	return nout;
}

/*
 * Choose the packs that run on lt->doc, once per document: those of
 * its 'locale'; without one, those of the configuration's default
 * locale (en if none) and of the locales sniff_locales() finds.
 */
static void
select_packs(struct pm_lint *lt)
{
	const struct pm_rulepacks *rp = lt->packs;
	struct pm_matcher	*m = lt->m;
	const char		*locs[5];
	size_t			 i, k, n = 0;

	if (m->doc == lt->doc)
		return;
	m->doc = lt->doc;
	if (lt->doc->meta.locale.s != NULL && *lt->doc->meta.locale.s != '\0')
		locs[n++] = lt->doc->meta.locale.s;
	else {
		locs[n++] = lt->cfg->locale != NULL && *lt->cfg->locale !=
		    '\0' ? lt->cfg->locale : "en";
		n += sniff_locales(lt->doc, locs + n);
	}
	for (i = 0; i < rp->npacks; i++) {
		m->pack_ok[i] = 0;
		for (k = 0; k < n && !m->pack_ok[i]; k++)
			m->pack_ok[i] = locale_ok(rp->packs[i].locale,
			    locs[k]);
	}
}

/*
 * Set hit[j] for every rule j of the pack with a literal prefilter one
 * of whose words is in the text (ASCII case folded), clear it for the
 * others, and list in m->hpos/hrule each such word that starts a word
 * (no ASCII letter, digit or '_' before it: "cause" is not in
 * "because").  One pass: a byte pair that starts no word is skipped
 * with one bit test.
 */
static int	word_byte(unsigned char);

static void
scan_keywords(const struct pm_pack *pk, const char *text, size_t n,
    struct pm_matcher *m)
{
	const unsigned char	*s = (const unsigned char *)text;
	const struct pm_kw	*kw;
	unsigned char		*hit = m->hit;
	size_t			 i, j, k;
	unsigned int		 pair;

	for (j = 0; j < pk->nrules; j++)
		hit[j] = 0;
	m->nh = 0;
	for (i = 0; i + 1 < n; i++) {
		pair = (unsigned int)fold(s[i]) << 8 | fold(s[i + 1]);
		if ((pk->pairs[pair >> 3] & (1u << (pair & 7))) == 0)
			continue;
		for (k = pk->kwfirst[fold(s[i])]; k < pk->kwfirst[fold(s[i]) + 1];
		    k++) {
			kw = &pk->kw[k];
			if (kw->len > n - i)
				continue;
			for (j = 0; j < kw->len && fold(s[i + j]) ==
			    (unsigned char)kw->s[j]; j++)
				continue;
			if (j < kw->len)
				continue;
			hit[kw->rule] = 1;
			/* Where it starts a word, for match_near_keywords(). */
			if ((i > 0 && word_byte(s[i - 1]) && word_byte(s[i])) ||
			    (m->nh > 0 && m->hpos[m->nh - 1] == i &&
			    m->hrule[m->nh - 1] == kw->rule))
				continue;
			if (m->nh + 1 > m->caph) {
				m->hpos = pm_xgrow(m->hpos, &m->caph, m->nh + 1,
				    sizeof(*m->hpos));
				m->hrule = pm_xreallocarray(m->hrule, m->caph,
				    sizeof(*m->hrule));
			}
			m->hpos[m->nh] = i;
			m->hrule[m->nh++] = kw->rule;
		}
	}
}

/* 1 if c may end a word: an ASCII letter, digit or '_'. */
static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/*
 * Where the clause holding offset at begins: after the last ". ", "! ",
 * "? ", "; ", ": " or ", " before it, or a CJK full stop or comma (。、),
 * or 0; never before lo.
 */
static size_t
clause_start(const char *s, size_t at, size_t lo)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;

	for (i = at; i > 1 && i > lo; i--) {
		if ((u[i - 1] == ' ' || u[i - 1] == '\t') && (u[i - 2] == '.' ||
		    u[i - 2] == '!' || u[i - 2] == '?' || u[i - 2] == ';' ||
		    u[i - 2] == ':' || u[i - 2] == ','))
			return i;
		if (i >= 3 && u[i - 3] == 0xe3 && u[i - 2] == 0x80 &&
		    (u[i - 1] == 0x82 || u[i - 1] == 0x81))	/* 。、 */
			return i;
	}
	return i > lo ? 0 : lo;
}

/* Report the match in m->md of rule r; returns where to go on. */
static size_t
emit_match(struct pm_lint *lt, enum pm_rule_id family, enum pm_level lvl,
    const struct pm_prule *r, const struct pm_pos *base)
{
	struct pm_matcher	*m = lt->m;
	struct pm_finding	*f;
	struct pm_pos		 pos;
	PCRE2_SIZE		*ov;
	size_t			 mlen, next;

	ov = pcre2_get_ovector_pointer(m->md);
	/* \K in a lookahead can put the start after the end: report an
	 * empty span there. */
	if (ov[0] > ov[1])
		ov[1] = ov[0];
	if (base != NULL) {
		pos = *base;
		pos.col += (unsigned int)ov[0];
	} else
		pos = map_offset(m, ov[0]);
	mlen = quote_len(m->text.ptr + ov[0], ov[1] - ov[0], MAX_QUOTE);
	f = pm_lint_emit_rule(lt, family, lvl, pos, "'%.*s': %s", (int)mlen,
	    m->text.ptr + ov[0], r->message);
	f->end_col = end_col(m, base, pos, ov[0], ov[1]);
	f->detail = pm_xstrdup(r->full);
	if (r->suggest != NULL)
		f->suggest = pm_xstrdup(r->suggest);
	next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	/* Never stop inside a UTF-8 sequence. */
	while (next < m->text.len && (m->text.ptr[next] & 0xc0) == 0x80)
		next++;
	return next;
}

/* A match stopped by a limit: one warning, and no more of this rule. */
static void
gave_up(struct pm_lint *lt, enum pm_rule_id family, const struct pm_prule *r,
    const struct pm_pos *base, size_t start, int rc)
{
	struct pm_finding	*f;
	struct pm_pos		 pos;

	lt->stats->limit_hits++;
	pos = base ? *base : map_offset(lt->m, start);
	f = pm_lint_emit_rule(lt, family, PM_LEVEL_WARNING, pos, "pattern %s "
	    "gave up on this text (PCRE2 error %d: match or depth limit); "
	    "simplify the pattern (%s)", r->full, rc, r->source);
	f->detail = pm_xstrdup(r->full);
}

/*
 * Prose and a literal prefilter: every match holds one of its words at
 * the start of a word, so try start points only in the clause before
 * each such word, up to the word (an offset limit), not along the whole
 * paragraph.  A pattern such as "(?&person)\s+\Kforgot" then costs a
 * few words, not every position of the text.
 */
static void
match_near_keywords(struct pm_lint *lt, enum pm_rule_id family,
    enum pm_level lvl, const struct pm_pack *pk, size_t j)
{
	const struct pm_prule	*r = &pk->rules[j];
	struct pm_matcher	*m = lt->m;
	size_t			 n = m->text.len, hit, from = 0, resume = 0;
	size_t			 start, nmatch = 0, h;
	int			 rc;

	(void)n;
	for (h = 0; nmatch < MAX_MATCHES && h < m->nh; h++) {
		if (m->hrule[h] != j || (hit = m->hpos[h]) < from)
			continue;
		/* Never back before resume: a long line stays linear. */
		start = clause_start(m->text.ptr, hit, resume);
		pcre2_set_offset_limit(m->lim, hit);
		rc = pcre2_match(r->re, (PCRE2_SPTR)m->text.ptr, n, start,
		    PCRE2_NO_UTF_CHECK, m->md, m->lim);
		if (rc == PCRE2_ERROR_NOMATCH) {
			from = resume = hit + 1;
			continue;
		}
		if (rc < 0 && rc != PCRE2_ERROR_PARTIAL) {
			gave_up(lt, family, r, NULL, start, rc);
			break;
		}
		from = resume = emit_match(lt, family, lvl, r, NULL);
		nmatch++;
	}
}

/*
 * Run every pattern of the family for the document's locale over the
 * matcher's text.  base: when non-NULL, offsets map to base.line and
 * base.col + offset (a one-line action text); else through the line
 * map.
 */
static void
run_patterns(struct pm_lint *lt, enum pm_rule_id family,
    const struct pm_pos *base)
{
	const struct pm_rulepacks *rp = lt->packs;
	struct pm_matcher	*m = lt->m;
	const struct pm_pack	*pk;
	const struct pm_prule	*r;
	enum pm_level		 fam, lvl;
	PCRE2_SIZE		 start;
	size_t			 i, j, nmatch;
	int			 rc;

	fam = pm_config_level(lt->cfg, family);
	select_packs(lt);
	for (i = 0; i < rp->npacks; i++) {
		pk = &rp->packs[i];
		if (pk->family != family || !m->pack_ok[i])
			continue;
		if (pk->nkw > 0)
			scan_keywords(pk, m->text.ptr, m->text.len, m);
		for (j = 0; j < pk->nrules; j++) {
			r = &pk->rules[j];
			if (r->shadowed)
				continue;
			lvl = pm_config_pattern_level(lt->cfg, r->full,
			    r->has_level ? r->level : fam);
			if (lvl == PM_LEVEL_OFF)
				continue;
			/*
			 * The prefilter finds what every match contains:
			 * without it in the text, the pattern cannot match.
			 */
			if (r->pre_lit && !m->hit[j])
				continue;
			if (jit_once(rp, r) == -1)
				continue;
			if (r->pre_lit && base == NULL) {
				match_near_keywords(lt, family, lvl, pk, j);
				continue;
			}
			if (r->pre != NULL && !r->pre_lit && pcre2_match(r->pre,
			    (PCRE2_SPTR)m->text.ptr, m->text.len, 0,
			    PCRE2_NO_UTF_CHECK, m->md, rp->mctx) ==
			    PCRE2_ERROR_NOMATCH)
				continue;
			start = 0;
			for (nmatch = 0; nmatch < MAX_MATCHES; nmatch++) {
				rc = pcre2_match(r->re,
				    (PCRE2_SPTR)m->text.ptr, m->text.len,
				    start, PCRE2_NO_UTF_CHECK, m->md,
				    rp->mctx);
				if (rc == PCRE2_ERROR_NOMATCH)
					break;
				if (rc < 0 && rc != PCRE2_ERROR_PARTIAL) {
					gave_up(lt, family, r, base, start,
					    rc);
					break;
				}
				start = emit_match(lt, family, lvl, r, base);
				if (start >= m->text.len)
					break;
			}
		}
	}
}

/* 1 if the family has a pattern for this document's locale. */
static int
has_patterns(struct pm_lint *lt, enum pm_rule_id family)
{
	size_t		 i;

	if (lt->packs == NULL || lt->m == NULL)
		return 0;
	select_packs(lt);
	for (i = 0; i < lt->packs->npacks; i++)
		if (lt->packs->packs[i].family == family &&
		    lt->m->pack_ok[i])
			return 1;
	return 0;
}

static int
cmp_prose(const void *a, const void *b)
{
	const struct pm_prose	*x = a, *y = b;

	if (x->line_first != y->line_first)
		return x->line_first < y->line_first ? -1 : 1;
	return x->line_last < y->line_last ? 1 : x->line_last > y->line_last;
}

static void
run_range(struct pm_lint *lt, unsigned int first, unsigned int last)
{
	unsigned int	 ln;

	lt->m->text.len = 0;
	lt->m->nlines = 0;
	for (ln = first; ln <= last; ln++)
		add_line(lt->m, lt->doc, ln);
	if (lt->m->text.len == 0)
		return;
	pm_buf_putc(&lt->m->text, '\0');
	lt->m->text.len--;
	mask_prose(lt->m->text.ptr, lt->m->text.len);
	run_patterns(lt, PM_RULE_LANGUAGE_BLAMELESS, NULL);
}

/*
 * Without prose runs from the parser, paragraphs of the body: blocks of
 * non-blank lines outside fenced code.
 */
static void
run_body_paragraphs(struct pm_lint *lt)
{
	const struct pm_doc	*doc = lt->doc;
	const char		*s;
	size_t			 len, k;
	unsigned int		 ln, first = 0;
	int			 fence = 0;

	for (ln = doc->body_line ? doc->body_line : 1; ln <= doc->nlines;
	    ln++) {
		s = pm_doc_line(doc, ln, &len);
		for (k = 0; k < len && k < 3 && s[k] == ' '; k++)
			continue;
		if (len - k >= 3 && (memcmp(s + k, "```", 3) == 0 ||
		    memcmp(s + k, "~~~", 3) == 0)) {
			if (first)
				run_range(lt, first, ln - 1);
			first = 0;
			fence = !fence;
			continue;
		}
		if (fence)
			continue;
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r' ||
		    s[len - 1] == '\t'))
			len--;
		if (len == 0) {
			if (first)
				run_range(lt, first, ln - 1);
			first = 0;
		} else if (!first)
			first = ln;
	}
	if (first)
		run_range(lt, first, doc->nlines);
}

void
check_language_blameless(const struct pm_check *ck,
    const struct pm_doc *doc, struct pm_lint *lt)
{
	struct pm_prose	*runs;
	size_t		 i, n;
	unsigned int	 first, last;

	(void)ck;
	if (!has_patterns(lt, PM_RULE_LANGUAGE_BLAMELESS))
		return;
	if (doc->nprose == 0) {
		run_body_paragraphs(lt);
		return;
	}
	/*
	 * Runs may repeat a line (several table cells on one row) or nest
	 * (a list item and its paragraph): merge overlapping ranges so
	 * each line is matched once.
	 */
	n = doc->nprose;
	runs = pm_xreallocarray(NULL, n, sizeof(*runs));
	memcpy(runs, doc->prose, n * sizeof(*runs));
	qsort(runs, n, sizeof(*runs), cmp_prose);
	first = runs[0].line_first;
	last = runs[0].line_last;
	for (i = 1; i <= n; i++) {
		if (i < n && runs[i].line_first <= last) {
			if (runs[i].line_last > last)
				last = runs[i].line_last;
			continue;
		}
		run_range(lt, first, last);
		if (i < n) {
			first = runs[i].line_first;
			last = runs[i].line_last;
		}
	}
	free(runs);
}

void
check_actions_vague(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_action	*a;
	struct pm_matcher	*m = lt->m;
	size_t			 i;

	(void)ck;
	if (!has_patterns(lt, PM_RULE_ACTIONS_VAGUE))
		return;
	for (i = 0; i < doc->nactions; i++) {
		a = &doc->actions[i];
		if (a->text == NULL || *a->text == '\0')
			continue;
		m->text.len = 0;
		m->nlines = 0;
		pm_buf_puts(&m->text, a->text);
		mask_prose(m->text.ptr, m->text.len);
		run_patterns(lt, PM_RULE_ACTIONS_VAGUE, &a->text_pos);
	}
}

/* ---- rules --test ---- */

/*
 * Match s as the linter does: the prefilter first, then the pattern.
 * Returns 1 on a match, 0 without, -1 when a limit stopped it, and 2
 * when the pattern alone matches but the prefilter does not (the
 * prefilter would hide this match).
 */
static int
matches(const struct pm_prule *r, pcre2_match_data *md,
    pcre2_match_context *mctx, const char *s)
{
	int	 rc, pre = 1;

	if (r->pre != NULL) {
		rc = pcre2_match(r->pre, (PCRE2_SPTR)s, strlen(s), 0, 0, md,
		    mctx);
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
			return -1;
		pre = rc >= 0;
	}
	rc = pcre2_match(r->re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, mctx);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
		return -1;
	if (rc >= 0)
		return pre ? 1 : 2;
	return 0;
}

size_t
pm_rulepacks_test(const struct pm_rulepacks *rp, FILE *out, size_t *nrun)
{
	pcre2_match_data	*md;
	const struct pm_pack	*pk;
	const struct pm_prule	*r;
	size_t			 i, j, k, nfail = 0, n = 0;
	int			 rc;

	md = pcre2_match_data_create(16, NULL);
	for (i = 0; i < rp->npacks; i++) {
		pk = &rp->packs[i];
		for (j = 0; j < pk->nrules; j++) {
			r = &pk->rules[j];
			/* As the linter matches; a pattern that does
			 * not compile is a failure of its own. */
			if (jit_once(rp, r) == -1) {
				nfail++;
				fprintf(out, "%s:%u: %s: the pattern does not "
				    "compile\n", pk->path, r->pos.line, r->full);
				continue;
			}
			for (k = 0; k < r->nbad; k++, n++) {
				if ((rc = matches(r, md, rp->mctx,
				    r->bad[k].text)) == 1)
					continue;
				nfail++;
				fprintf(out, "%s:%u: %s: bad example %s: "
				    "\"%s\"\n", pk->path, r->bad[k].pos.line,
				    r->full, rc == 0 ? "does not match" :
				    rc == 2 ? "matches but not its prefilter" :
				    "hit the match limit", r->bad[k].text);
			}
			for (k = 0; k < r->ngood; k++, n++) {
				if ((rc = matches(r, md, rp->mctx,
				    r->good[k].text)) == 0 || rc == 2)
					continue;
				nfail++;
				fprintf(out, "%s:%u: %s: good example %s: "
				    "\"%s\"\n", pk->path, r->good[k].pos.line,
				    r->full, rc == 1 ? "matches" :
				    "hit the match limit", r->good[k].text);
			}
		}
	}
	pcre2_match_data_free(md);
	if (nrun != NULL)
		*nrun = n;
	return nfail;
}

/* ---- rules --explain ---- */

static void
explain_example(const struct pm_rulepacks *rp, const struct pm_prule *r,
    pcre2_match_data *md, const struct pm_example *e, int bad, FILE *out)
{
	PCRE2_SIZE	*ov;
	int		 rc;

	rc = matches(r, md, rp->mctx, e->text);
	ov = pcre2_get_ovector_pointer(md);
	fprintf(out, "  %-6s \"%s\"", rc == 1 ? (bad ? "match" : "MATCH") :
	    rc == 2 ? "PREFLT" : rc == 0 ? (bad ? "MISS" : "ok") : "LIMIT",
	    e->text);
	if (rc == 1 || rc == 2) {
		if (ov[1] < ov[0])
			ov[1] = ov[0];
		fprintf(out, " -> '%.*s' at column %zu", (int)(ov[1] - ov[0]),
		    e->text + ov[0], (size_t)ov[0] + 1);
	}
	fputc('\n', out);
}

int
pm_rulepacks_explain(const struct pm_rulepacks *rp, const char *id,
    FILE *out)
{
	const struct pm_pack	*pk;
	const struct pm_prule	*r;
	const struct pm_pack	*dp;
	pcre2_match_data	*md;
	struct expand		 x;
	size_t			 i, j, k, found = 0;

	md = pcre2_match_data_create(16, NULL);
	for (i = 0; i < rp->npacks; i++) {
		pk = &rp->packs[i];
		for (j = 0; j < pk->nrules; j++) {
			r = &pk->rules[j];
			if (strcmp(r->full, id) != 0 && strcmp(r->id, id) != 0)
				continue;
			if (found++ > 0)
				fputc('\n', out);
			if (jit_once(rp, r) == -1)
				continue;
			fprintf(out, "%s (%s, %s%s)\n", r->full, r->source,
			    pm_rule_name(pk->family), r->shadowed ?
			    ", replaced by a later pack" : "");
			fprintf(out, "message: %s\n", r->message);
			if (r->suggest != NULL)
				fprintf(out, "suggest: %s\n", r->suggest);
			if (r->pre_src != NULL)
				fprintf(out, "prefilter: %.*s%s\n",
				    (int)r->pre_len, r->pre_src, r->pre_lit ?
				    "" : " (a pattern: not a word list)");
			fprintf(out, "pattern: %.*s\n", (int)r->pat_len,
			    r->pat);
			memset(&x, 0, sizeof(x));
			x.rp = rp;
			x.pk = pk;
			x.what = "pattern";
			(void)collect(&x, r->pat, r->pat_len, r->pat,
			    r->pat_len);
			for (k = 0; k < x.nused; k++) {
				dp = def_pack(rp, pk, x.used[k]);
				fprintf(out, "  (?&%s) = %.*s  [%s:%u]\n",
				    x.used[k]->name, (int)x.used[k]->len,
				    x.used[k]->src, dp->path,
				    x.used[k]->pos.line);
			}
			if (x.nused > 0)
				fprintf(out, "compiled: %.*s\n",
				    (int)r->full_len, r->full_pat);
			fprintf(out, "bad examples (must match): %zu\n",
			    r->nbad);
			for (k = 0; k < r->nbad; k++)
				explain_example(rp, r, md, &r->bad[k], 1, out);
			fprintf(out, "good examples (must not match): %zu\n",
			    r->ngood);
			for (k = 0; k < r->ngood; k++)
				explain_example(rp, r, md, &r->good[k], 0,
				    out);
		}
	}
	pcre2_match_data_free(md);
	return found > 0 ? 0 : -1;
}
