/*
 * The check table and the lint driver.  Every rule of base/rules.def
 * has one row here mapping it to its handler (mandoc's mdoc_valids[]);
 * rule ids, levels and descriptions are never spelled again.  The
 * driver copies the parser's findings with configured levels, runs
 * each check that is not switched off, then applies suppression once.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/time.h"
#include "corpus.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"

#define	CK(e, fn)	[PM_RULE_##e] = { PM_RULE_##e, fn }

/*
 * Indexed by enum pm_rule_id, so a rule added to rules.def without a
 * row here has a zeroed row (rule 0, no handler); the driver checks
 * that the row's rule matches its index.
 */
static const struct pm_check checks[PM_RULE__MAX] = {
	CK(FRONTMATTER_SYNTAX,	NULL),		/* the parser */
	CK(FRONTMATTER_REQUIRED, NULL),	/* the parser */
	CK(FRONTMATTER_TIMES,	check_frontmatter_times),
	CK(STRUCTURE_SECTIONS,	check_structure_sections),
	CK(TIMELINE_PRESENT,	check_timeline_present),
	CK(TIMELINE_TIME,	NULL),		/* the parser */
	CK(TIMELINE_ORDER,	check_timeline_order),
	CK(TIMELINE_UTC,	check_timeline_utc),
	CK(TIMELINE_WINDOW,	check_timeline_window),
	CK(TIMELINE_DETECTION,	check_timeline_detection),
	CK(FACTORS_MULTIPLE,	check_factors_multiple),
	CK(ACTIONS_OWNER,	check_actions_owner),
	CK(ACTIONS_DEADLINE,	check_actions_deadline),
	CK(ACTIONS_PRIORITY,	check_actions_priority),
	CK(ACTIONS_TRACKED,	check_actions_tracked),
	CK(ACTIONS_VAGUE,	check_actions_vague),
	CK(ACTIONS_OVERDUE,	check_actions_overdue),
	CK(DISTRIBUTION_48H,	check_distribution_48h),
	CK(DISTRIBUTION_STALE,	check_distribution_stale),
	CK(FOLLOWUP_SCHEDULED,	check_followup_scheduled),
	CK(LANGUAGE_BLAMELESS,	check_language_blameless),
	CK(ANALYSIS_DEPTH,	check_analysis_depth),
	CK(LINKS_RELATED,	check_links_related),
	CK(LINKS_LOCAL,		check_links_local),
	CK(IDS_UNIQUE,		check_ids_unique),
	CK(INPUT_LIMITS,	NULL),		/* the parser and loader */
};

struct pm_pos
pm_pos_line(unsigned int line)
{
	struct pm_pos	 p;

	p.line = line;
	p.col = line ? 1 : 0;
	return p;
}

int64_t
pm_day_of(int64_t t)
{
	return t >= 0 ? t / PM_DAY : -((-t + PM_DAY - 1) / PM_DAY);
}

const char *
pm_lint_fmt_time(char *buf, size_t sz, int64_t t)
{
	char	 tmp[32];

	pm_time_format(tmp, t);
	snprintf(buf, sz, "%s", tmp);
	return buf;
}

static struct pm_finding *
emit_v(struct pm_lint *lt, enum pm_rule_id rule, enum pm_level lvl,
    struct pm_pos pos, const char *fmt, va_list ap)
{
	struct pm_finding	*f;
	struct pm_buf		 b = PM_BUF_INIT;

	pm_buf_vprintf(&b, fmt, ap);
	f = pm_findings_add(lt->out, rule, lt->doc->path, pos, "%s",
	    pm_buf_cstr(&b));
	pm_buf_release(&b);
	f->level = lvl;
	f->draft = lt->doc->meta.status == PM_STATUS_DRAFT;
	return f;
}

struct pm_finding *
pm_lint_emit(struct pm_lint *lt, const struct pm_check *ck,
    struct pm_pos pos, const char *fmt, ...)
{
	struct pm_finding	*f;
	va_list			 ap;

	va_start(ap, fmt);
	f = emit_v(lt, ck->rule, pm_config_level(lt->cfg, ck->rule), pos,
	    fmt, ap);
	va_end(ap);
	return f;
}

struct pm_finding *
pm_lint_emit_rule(struct pm_lint *lt, enum pm_rule_id rule,
    enum pm_level lvl, struct pm_pos pos, const char *fmt, ...)
{
	struct pm_finding	*f;
	va_list			 ap;

	va_start(ap, fmt);
	f = emit_v(lt, rule, lvl, pos, fmt, ap);
	va_end(ap);
	return f;
}

/*
 * Copy the parser's findings, with the configured level: an override
 * wins, otherwise the level the parser chose is kept.
 */
static void
copy_parser_findings(struct pm_lint *lt)
{
	const struct pm_findings	*src = &lt->doc->findings;
	const struct pm_finding		*s;
	struct pm_finding		*f;
	enum pm_level			 lvl;
	size_t				 i;

	for (i = 0; i < src->n; i++) {
		s = &src->v[i];
		lvl = pm_config_level(lt->cfg, s->rule);
		if (lvl == PM_LEVEL_OFF)
			continue;
		if (lvl == pm_rule_default_level(s->rule))
			lvl = s->level;
		f = pm_findings_add(lt->out, s->rule, s->path ? s->path :
		    lt->doc->path, s->pos, "%s", s->msg);
		f->level = lvl;
		f->draft = s->draft ||
		    lt->doc->meta.status == PM_STATUS_DRAFT;
		if (s->detail != NULL)
			f->detail = pm_xstrdup(s->detail);
		if (s->suggest != NULL)
			f->suggest = pm_xstrdup(s->suggest);
	}
}

static const char *
doc_line(void *arg, unsigned int n, size_t *len)
{
	return pm_doc_line(arg, n, len);
}

static int
same_place(const struct pm_finding *a, const struct pm_finding *b)
{
	return a->pos.line == b->pos.line && a->pos.col == b->pos.col &&
	    strcmp(a->path, b->path) == 0;
}

/* The action item whose row or list item starts at pos, or NULL
 * (actions are in file order). */
static const struct pm_action *
action_at(const struct pm_doc *doc, struct pm_pos pos)
{
	size_t	 lo = 0, hi = doc->nactions, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (doc->actions[mid].pos.line < pos.line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < doc->nactions && doc->actions[lo].pos.line == pos.line;
	    lo++)
		if (doc->actions[lo].pos.col == pos.col)
			return &doc->actions[lo];
	return NULL;
}

/* Which missing part of a the finding reports: 0 owner, 1 deadline,
 * 2 priority, or -1 (another problem, like a deadline that is not a
 * date). */
static int
missing_part(const struct pm_action *a, const struct pm_finding *f)
{
	if (f->rule == PM_RULE_ACTIONS_OWNER && a->owner == NULL)
		return 0;
	if (f->rule == PM_RULE_ACTIONS_DEADLINE && a->deadline_raw == NULL)
		return 1;
	if (f->rule == PM_RULE_ACTIONS_PRIORITY && a->prio_raw == NULL)
		return 2;
	return -1;
}

/*
 * "action item 3 has no owner, deadline or priority; ..." for the
 * parts in have[] into b.
 */
static void
action_message(struct pm_buf *b, const struct pm_action *a, const int *have)
{
	static const char *const name[3] = { "owner", "deadline", "priority" };
	static const char *const col[3] = {
		"Owner (an @handle or a team)", "Deadline (YYYY-MM-DD)",
		"Priority (High, Medium, Low or P0..P4)"
	};
	static const char *const inl[3] = {
		"an owner ('@alice' or 'owner: team')",
		"a deadline ('due 2025-03-01')",
		"a priority (High, Medium, Low or P0..P4)"
	};
	int	 i, n, k, pass;

	for (i = n = 0; i < 3; i++)
		n += have[i];
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			pm_buf_printf(b, "action item %s has no ",
			    a->id != NULL ? a->id : "?");
		else
			pm_buf_puts(b, a->is_table ? "; fill in the " :
			    "; add ");
		for (i = k = 0; i < 3; i++) {
			if (!have[i])
				continue;
			if (k > 0)
				pm_buf_puts(b, k == n - 1 ? (pass == 0 ? " or " :
				    " and ") : ", ");
			pm_buf_puts(b, pass == 0 ? name[i] :
			    a->is_table ? col[i] : inl[i]);
			k++;
		}
	}
	if (a->is_table)
		pm_buf_puts(b, " columns");
}

/*
 * One finding per problem: the findings at one place that report one
 * defect become one.  An action item without owner, deadline and
 * priority gets one finding naming all three (under the first rule);
 * a report distributed too late gets distribution/48h with the
 * stale-insights warning folded in.  fs->v[from..] is sorted, so the
 * findings at one place are next to each other.
 */
static void
merge_same_place(struct pm_lint *lt, size_t from)
{
	struct pm_findings	*fs = lt->out;
	struct pm_finding	*f, *g, *keep;
	const struct pm_action	*a;
	struct pm_buf		 b = PM_BUF_INIT;
	size_t			 i, j, e, k, idx[3];
	int			 have[3], p, n;

	for (i = from; i < fs->n; i = e) {
		for (e = i + 1; e < fs->n && same_place(&fs->v[i], &fs->v[e]);
		    e++)
			continue;
		if (e - i < 2)
			continue;
		/* Action items. */
		if ((a = action_at(lt->doc, fs->v[i].pos)) != NULL) {
			memset(have, 0, sizeof(have));
			for (j = i, n = 0; j < e; j++)
				if ((p = missing_part(a, &fs->v[j])) >= 0 &&
				    !have[p]) {
					have[p] = 1;
					idx[p] = j;
					n++;
				}
			if (n >= 2) {
				keep = NULL;
				for (p = 0; p < 3; p++) {
					if (!have[p])
						continue;
					g = &fs->v[idx[p]];
					if (keep == NULL) {
						keep = g;
						continue;
					}
					if (g->level > keep->level)
						keep->level = g->level;
					pm_finding_release(g);
				}
				action_message(&b, a, have);
				free(keep->msg);
				keep->msg = pm_buf_detach(&b, NULL);
			}
		}
		/* Late distribution: the 48-hour error says it all. */
		for (j = i, f = g = NULL; j < e; j++) {
			if (fs->v[j].rule == PM_RULE_DISTRIBUTION_48H)
				f = &fs->v[j];
			else if (fs->v[j].rule == PM_RULE_DISTRIBUTION_STALE)
				g = &fs->v[j];
		}
		if (f != NULL && g != NULL && f->msg != NULL &&
		    g->msg != NULL) {
			pm_buf_printf(&b, "%s (past %u days, insights go stale)",
			    f->msg, lt->cfg->stale_days);
			free(f->msg);
			f->msg = pm_buf_detach(&b, NULL);
			if (g->level > f->level)
				f->level = g->level;
			pm_finding_release(g);
		}
	}
	/* Drop the released ones. */
	for (i = k = from; i < fs->n; i++)
		if (fs->v[i].msg != NULL)
			fs->v[k++] = fs->v[i];
	fs->n = k;
	pm_buf_release(&b);
}

static void
lint_one(struct pm_lint *lt)
{
	const struct pm_check	*ck;
	size_t			 i, from;

	from = lt->out->n;
	copy_parser_findings(lt);
	/*
	 * A file that is not a post-mortem (named, or selected by the
	 * include globs) gets the parser's one frontmatter/required
	 * finding, not a finding per missing section.
	 */
	if (lt->doc->kind == PM_DOC_OTHER)
		goto done;
	for (i = 0; i < PM_RULE__MAX; i++) {
		ck = &checks[i];
		if (ck->fn == NULL || ck->rule != (enum pm_rule_id)i)
			continue;
		if (pm_config_level(lt->cfg, ck->rule) == PM_LEVEL_OFF)
			continue;
		ck->fn(ck, lt->doc, lt);
	}
done:
	pm_suppress_apply(lt->doc, lt->out, from);
	/* After suppression, so that disabling one rule of a merged
	 * finding still takes its part out. */
	pm_findings_sort_from(lt->out, from);
	merge_same_place(lt, from);
	pm_findings_fingerprint(lt->out, from, doc_line, (void *)lt->doc);
}

/*
 * A document from its lint record (replay.c): the kept findings as
 * they were, then the rules that read more than the blob, on the stub's
 * facts, merged and fingerprinted among themselves (a finding merges
 * only with findings of related rules, and ranks only among its rule's,
 * so doing them apart changes nothing).  No suppression: a report with
 * a suppression comment has no record.
 */
static void
lint_replay(struct pm_lint *lt, const struct pm_docsrc *ds, uint64_t key)
{
	const struct pm_check	*ck;
	size_t			 i, from, hits = 0;

	(void)pm_lint_replay(ds->replay, ds->replaylen, key, lt->doc->path,
	    ds->force, lt->out, &hits);
	lt->stats->limit_hits += hits;
	from = lt->out->n;
	if (lt->doc->kind != PM_DOC_OTHER)
		for (i = 0; i < PM_RULE__MAX; i++) {
			ck = &checks[i];
			if (ck->fn == NULL || ck->rule != (enum pm_rule_id)i ||
			    !pm_lint_live_rule(ck->rule))
				continue;
			if (pm_config_level(lt->cfg, ck->rule) == PM_LEVEL_OFF)
				continue;
			ck->fn(ck, lt->doc, lt);
		}
	pm_findings_sort_from(lt->out, from);
	merge_same_place(lt, from);
	pm_findings_fingerprint(lt->out, from, doc_line, (void *)lt->doc);
}

void
pm_lint_doc(const struct pm_doc *doc, const struct pm_corpus *corpus,
    const struct pm_config *cfg, const struct pm_rulepacks *packs,
    const struct pm_lint_opts *opts, struct pm_findings *out,
    struct pm_lint_stats *stats)
{
	struct pm_lint		 lt;
	struct pm_lint_stats	 dummy;

	memset(&dummy, 0, sizeof(dummy));
	memset(&lt, 0, sizeof(lt));
	lt.cfg = cfg;
	lt.opts = opts;
	lt.corpus = corpus;
	lt.packs = packs;
	lt.m = packs ? pm_matcher_new(packs) : NULL;
	lt.doc = doc;
	lt.out = out;
	lt.stats = stats ? stats : &dummy;
	lint_one(&lt);
	pm_matcher_free(lt.m);
}

struct	worker {
	pthread_t			 tid;
	const struct pm_corpus		*corpus;
	const struct pm_config		*cfg;
	const struct pm_rulepacks	*packs;
	const struct pm_lint_opts	*opts;
	atomic_size_t			*next;
	struct pm_findings		 out;
	struct pm_lint_stats		 stats;
};

static void *
worker_run(void *arg)
{
	struct worker	*w = arg;
	struct pm_lint	 lt;
	struct pm_docsrc *ds;
	size_t		 i, from, hits;

	memset(&lt, 0, sizeof(lt));
	lt.cfg = w->cfg;
	lt.opts = w->opts;
	lt.corpus = w->corpus;
	lt.packs = w->packs;
	/* Match data is per thread (STYLE B5): compiled code is shared. */
	lt.m = w->packs ? pm_matcher_new(w->packs) : NULL;
	lt.out = &w->out;
	lt.stats = &w->stats;
	while ((i = atomic_fetch_add(w->next, 1)) < w->corpus->ndocs) {
		if (w->corpus->target != NULL && !w->corpus->target[i])
			continue;
		lt.doc = w->corpus->docs[i];
		ds = w->corpus->dsrc != NULL ? &w->corpus->dsrc[i] : NULL;
		if (ds != NULL && ds->replay != NULL) {
			lint_replay(&lt, ds, w->corpus->lint_key);
			continue;
		}
		from = lt.out->n;
		hits = lt.stats->limit_hits;
		lint_one(&lt);
		/* Each document's slot is its own: no lock. */
		if (ds != NULL && ds->has_oid)
			(void)pm_lint_record(lt.doc, w->corpus->lint_key,
			    ds->force, lt.out, from, lt.stats->limit_hits - hits,
			    &ds->fresh, &ds->freshlen);
	}
	pm_matcher_free(lt.m);
	return NULL;
}

void
pm_lint_corpus(const struct pm_corpus *corpus, const struct pm_config *cfg,
    const struct pm_rulepacks *packs, const struct pm_lint_opts *opts,
    struct pm_findings *out, struct pm_lint_stats *stats)
{
	struct worker	*w;
	atomic_size_t	 next;
	long		 ncpu;
	size_t		 i, from, ntargets, nthreads;
	const struct pm_finding *s;
	struct pm_finding *f;

	/* The loader's own findings (unreadable file, too large...). */
	from = out->n;
	for (i = 0; i < corpus->findings.n; i++) {
		s = &corpus->findings.v[i];
		if (pm_config_level(cfg, s->rule) == PM_LEVEL_OFF)
			continue;
		f = pm_findings_add(out, s->rule, s->path, s->pos, "%s",
		    s->msg);
		f->level = s->level;
	}
	pm_findings_sort_from(out, from);
	pm_findings_fingerprint(out, from, NULL, NULL);

	for (i = ntargets = 0; i < corpus->ndocs; i++)
		if (corpus->target == NULL || corpus->target[i])
			ntargets++;
	if (opts->threads > 0)
		nthreads = (size_t)opts->threads;
	else {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		nthreads = ncpu < 1 ? 1 : ncpu > 8 ? 8 : (size_t)ncpu;
	}
	/* Threads cost more than a few documents' checks. */
	if (ntargets < 64)
		nthreads = 1;

	atomic_init(&next, 0);
	w = pm_xcalloc(nthreads, sizeof(*w));
	for (i = 0; i < nthreads; i++) {
		w[i].corpus = corpus;
		w[i].cfg = cfg;
		w[i].packs = packs;
		w[i].opts = opts;
		w[i].next = &next;
	}
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&w[i].tid, NULL, worker_run, &w[i]) != 0)
			break;
	nthreads = i == nthreads ? nthreads : i;
	worker_run(&w[0]);
	for (i = 1; i < nthreads; i++)
		pthread_join(w[i].tid, NULL);
	for (i = 0; i < nthreads; i++) {
		pm_findings_move(out, &w[i].out);
		pm_findings_release(&w[i].out);
		if (stats != NULL) {
			stats->history_skipped += w[i].stats.history_skipped;
			stats->limit_hits += w[i].stats.limit_hits;
		}
	}
	free(w);
}

int
pm_lint_failed(const struct pm_findings *fs, int strict)
{
	return pm_findings_count(fs, PM_LEVEL_ERROR, strict) > 0;
}
