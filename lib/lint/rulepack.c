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

struct	pm_prule {
	const char		*id;		/* "human-error" */
	const char		*full;		/* "en/human-error" */
	const char		*message;
	const char		*suggest;	/* or NULL */
	int			 has_level;
	enum pm_level		 level;		/* severity, when has_level */
	struct pm_pos		 pos;		/* the pattern's line */
	const char		*source;	/* "FILE:LINE" */
	pcre2_code		*re;
	pcre2_code		*pre;		/* prefilter, or NULL */
	const char		*pre_src;	/* its text (arena) */
	size_t			 pre_len;
	int			 pre_lit;	/* a list of literal words: the
						   pack's keyword scan runs it */
	struct pm_example	*bad, *good;
	size_t			 nbad, ngood;
	int			 shadowed;	/* a later pack redefines it */
	atomic_int		 jitted;	/* JIT compiled (jit_once) */
};

struct	pm_pack {
	const char		*path;
	enum pm_rule_id		 family;
	const char		*locale;
	struct pm_prule		*rules;
	size_t			 nrules;
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
};

struct	pm_matcher {
	pcre2_match_data	*md;
	unsigned char		*hit;		/* hit[j]: rule j's keyword is
						   in the text (scan_keywords) */
	const struct pm_doc	*doc;		/* pack_ok is for this one */
	unsigned char		*pack_ok;	/* pack i runs on doc */
	struct pm_buf		 text;		/* joined, masked prose */
	size_t			*starts;	/* offset of each line in text */
	unsigned int		*lines;		/* its file line */
	size_t			 nlines, cap;
};

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

/* pcre2_jit_compile() must not run while another thread matches. */
static pthread_mutex_t	 jit_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * JIT-compile a rule's patterns the first time it is matched, not at
 * load: most rules never run (their prefilter words are absent, or no
 * report has their locale), and compiling the large ones took longer
 * than linting a thousand reports.  Threads wait on the lock until the
 * code is ready, so none matches a pattern being compiled; afterwards
 * the flag is read without it.
 */
static void
jit_once(const struct pm_rulepacks *rp, const struct pm_prule *cr)
{
	struct pm_prule	*r = (struct pm_prule *)cr;	/* the flag only */

	if (atomic_load_explicit(&r->jitted, memory_order_acquire))
		return;
	pthread_mutex_lock(&jit_lock);
	if (!atomic_load_explicit(&r->jitted, memory_order_relaxed)) {
		jit(rp, r->re);
		if (r->pre != NULL)
			jit(rp, r->pre);
		atomic_store_explicit(&r->jitted, 1, memory_order_release);
	}
	pthread_mutex_unlock(&jit_lock);
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
	const char		*s, *const *k;
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
	r->re = pcre2_compile((PCRE2_SPTR)pat->value, pat->len,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ecode, &eoff, NULL);
	if (r->re == NULL) {
		pcre2_get_error_message(ecode, emsg, sizeof(emsg));
		return fail_at(pk->path, pat->pos, "pattern of '%s' does not "
		    "compile: %s at offset %zu", r->full, (char *)emsg,
		    (size_t)eoff);
	}
	if ((pre = pm_ymap_get(n, "prefilter")) == NULL || pm_yis_null(pre))
		return 0;
	if (scalar(pre) == NULL || *pre->value == '\0')
		return fail_at(pk->path, pre->pos, "'prefilter' of '%s' must "
		    "be a non-empty pattern", r->full);
	r->pre = pcre2_compile((PCRE2_SPTR)pre->value, pre->len,
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

static int
load_pack(struct pm_rulepacks *rp, const char *path)
{
	static const char *const keys[] = {
		"family", "locale", "rules", "description", NULL
	};
	struct pm_ylimits	 lim = PM_YLIMITS_DEFAULT;
	struct pm_yerror	 yerr;
	struct pm_ynode		*root;
	const struct pm_ynode	*rules;
	struct pm_pack		*pk;
	const char		*s, *const *k;
	char			*text;
	size_t			 len, i;
	struct pm_pos		 top = { 1, 1 };
	enum pm_rule_id		 fam;

	if (read_file(path, &text, &len) == -1)
		return -1;
	if (pm_yaml_parse(&root, &rp->arena, text, len, &lim, &yerr) == -1) {
		free(text);
		return fail_at(path, yerr.pos, "%s", yerr.msg);
	}
	free(text);
	if (root == NULL || root->type != PM_Y_MAP)
		return fail_at(path, root ? root->pos : top, "a rule pack is "
		    "a mapping with family, locale and rules");
	for (i = 0; i + 1 < root->nkids; i += 2) {
		s = scalar(root->kids[i]);
		for (k = keys; s != NULL && *k != NULL; k++)
			if (strcmp(s, *k) == 0)
				break;
		if (s == NULL || *k == NULL)
			return fail_at(path, root->kids[i]->pos, "unknown key "
			    "'%s' in a rule pack", s ? s : "?");
	}
	s = scalar(pm_ymap_get(root, "family"));
	if (s == NULL || pm_rule_lookup(&fam, s) == -1 ||
	    (fam != PM_RULE_LANGUAGE_BLAMELESS &&
	    fam != PM_RULE_ACTIONS_VAGUE))
		return fail_at(path, root->pos, "'family' must be "
		    "language/blameless or actions/vague");
	rp->packs = pm_xgrow(rp->packs, &rp->cap, rp->npacks + 1,
	    sizeof(*rp->packs));
	pk = &rp->packs[rp->npacks];
	memset(pk, 0, sizeof(*pk));
	pk->path = pm_arena_strdup(&rp->arena, path);
	pk->family = fam;
	if ((s = scalar(pm_ymap_get(root, "locale"))) == NULL ||
	    !valid_id(s))
		return fail_at(path, root->pos, "'locale' must be a locale "
		    "name like en or es");
	pk->locale = s;
	rules = pm_ymap_get(root, "rules");
	if (rules == NULL || rules->type != PM_Y_SEQ)
		return fail_at(path, rules ? rules->pos : root->pos,
		    "'rules' must be a list");
	pk->rules = pm_arena_alloc(&rp->arena,
	    (rules->nkids + 1) * sizeof(*pk->rules));
	rp->npacks++;
	for (i = 0; i < rules->nkids; i++) {
		pk->nrules = i + 1;
		if (load_rule(rp, pk, rules->kids[i], &pk->rules[i]) == -1)
			return -1;
	}
	build_keywords(rp, pk);
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
		if (rc == 0 && load_pack(rp, names[i]) == -1)
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
		rc = load_pack(rp, p);
		free(p);
		if (rc == -1)
			goto fail;
	}
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
	size_t	 i, j;

	if (rp == NULL)
		return;
	for (i = 0; i < rp->npacks; i++)
		for (j = 0; j < rp->packs[i].nrules; j++) {
			pcre2_code_free(rp->packs[i].rules[j].re);
			pcre2_code_free(rp->packs[i].rules[j].pre);
		}
	for (i = 0; i < rp->npacks; i++)
		free(rp->packs[i].kw);
	pcre2_match_context_free(rp->mctx);
	free(rp->packs);
	pm_arena_release(&rp->arena);
	free(rp);
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
 * Blank out, in place and keeping every offset, what is not prose:
 * HTML comments, code spans, [[id]] links, link destinations, autolinks
 * and bare URLs.  Invalid UTF-8 bytes become '?'.
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
 * others.  One pass: a byte pair that starts no word is skipped with
 * one bit test.
 */
static void
scan_keywords(const struct pm_pack *pk, const char *text, size_t n,
    unsigned char *hit)
{
	const unsigned char	*s = (const unsigned char *)text;
	const struct pm_kw	*kw;
	size_t			 i, j, k, left = 0;
	unsigned int		 pair;

	for (j = 0; j < pk->nrules; j++) {
		hit[j] = 0;
		left += pk->rules[j].pre_lit;
	}
	for (i = 0; i + 1 < n; i++) {
		pair = (unsigned int)fold(s[i]) << 8 | fold(s[i + 1]);
		if ((pk->pairs[pair >> 3] & (1u << (pair & 7))) == 0)
			continue;
		for (k = pk->kwfirst[fold(s[i])]; k < pk->kwfirst[fold(s[i]) + 1];
		    k++) {
			kw = &pk->kw[k];
			if (hit[kw->rule] || kw->len > n - i)
				continue;
			for (j = 0; j < kw->len && fold(s[i + j]) ==
			    (unsigned char)kw->s[j]; j++)
				continue;
			if (j < kw->len)
				continue;
			hit[kw->rule] = 1;
			if (--left == 0)
				return;
		}
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
	struct pm_finding	*f;
	enum pm_level		 fam, lvl;
	PCRE2_SIZE		*ov, start;
	struct pm_pos		 pos;
	size_t			 i, j, nmatch, mlen;
	int			 rc;

	fam = pm_config_level(lt->cfg, family);
	select_packs(lt);
	for (i = 0; i < rp->npacks; i++) {
		pk = &rp->packs[i];
		if (pk->family != family || !m->pack_ok[i])
			continue;
		if (pk->nkw > 0)
			scan_keywords(pk, m->text.ptr, m->text.len, m->hit);
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
			jit_once(rp, r);
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
					lt->stats->limit_hits++;
					pos = base ? *base : map_offset(m,
					    start);
					f = pm_lint_emit_rule(lt, family,
					    PM_LEVEL_WARNING, pos, "pattern "
					    "%s gave up on this text (PCRE2 "
					    "error %d: match or depth limit); "
					    "simplify the pattern (%s)",
					    r->full, rc, r->source);
					f->detail = pm_xstrdup(r->full);
					break;
				}
				ov = pcre2_get_ovector_pointer(m->md);
				/* \K in a lookahead can put the start after
				 * the end: report an empty span there. */
				if (ov[0] > ov[1])
					ov[1] = ov[0];
				if (base != NULL) {
					pos = *base;
					pos.col += (unsigned int)ov[0];
				} else
					pos = map_offset(m, ov[0]);
				mlen = quote_len(m->text.ptr + ov[0],
				    ov[1] - ov[0], MAX_QUOTE);
				f = pm_lint_emit_rule(lt, family, lvl, pos,
				    "'%.*s': %s", (int)mlen,
				    m->text.ptr + ov[0], r->message);
				f->end_col = end_col(m, base, pos, ov[0], ov[1]);
				f->detail = pm_xstrdup(r->full);
				if (r->suggest != NULL)
					f->suggest = pm_xstrdup(r->suggest);
				start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
				/* Never stop inside a UTF-8 sequence. */
				while (start < m->text.len &&
				    (m->text.ptr[start] & 0xc0) == 0x80)
					start++;
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
			jit_once(rp, r);	/* as the linter matches */
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
