/*
 * Checks on the body and across reports: required sections, the
 * number of contributing factors, the depth of the analysis, links to
 * other reports and unique ids.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/finding.h"
#include "corpus.h"
#include "doc/doc.h"
#include "lint/lint.h"
#include "lint/lint_int.h"
#include "source/config.h"

/*
 * A missing section is reported where it would be inserted: at the
 * heading of the first present section that follows it in the order
 * of SPEC section 1, else at the last line of the file.
 */
static struct pm_pos
insert_pos(const struct pm_doc *doc, enum pm_sec want, int *at_end)
{
	size_t	 i;

	*at_end = 0;
	for (i = 0; i < doc->nsecs; i++)
		if (doc->secs[i].kind != PM_SEC_OTHER &&
		    doc->secs[i].kind > want)
			return doc->secs[i].pos;
	*at_end = 1;
	return pm_pos_line(doc->nlines > 0 ? doc->nlines : 1);
}

void
check_structure_sections(const struct pm_check *ck,
    const struct pm_doc *doc, struct pm_lint *lt)
{
	const struct pm_section	*first[PM_SEC__MAX];
	const struct pm_section	*s;
	struct {
		enum pm_sec	 sec;
		struct pm_pos	 pos;
		int		 at_end, done;
	}			 miss[PM_SEC__MAX];
	struct pm_buf		 names = PM_BUF_INIT, heads = PM_BUF_INIT;
	struct pm_pos		 pos;
	const char		*sep;
	size_t			 i, j, n, m, nmiss;
	int			 k, at_end;

	memset(first, 0, sizeof(first));
	for (i = 0; i < doc->nsecs; i++) {
		s = &doc->secs[i];
		if (s->kind >= PM_SEC__MAX)
			continue;
		if (first[s->kind] != NULL) {
			pm_lint_emit(lt, ck, s->pos, "section '%s' appears "
			    "twice (first at line %u); merge them",
			    pm_sec_name(s->kind), first[s->kind]->pos.line);
			continue;
		}
		first[s->kind] = s;
	}
	/* The sections missing at one place make one finding. */
	for (k = 0, nmiss = 0; k < PM_SEC__MAX; k++) {
		if (first[k] != NULL || !pm_sec_required((enum pm_sec)k))
			continue;
		/* "Timeline: (in PST)" over its list, or "### Timeline"
		 * under another section: the reader found the section. */
		if (k == PM_SEC_TIMELINE && doc->timeline.present)
			continue;
		miss[nmiss].sec = (enum pm_sec)k;
		miss[nmiss].pos = insert_pos(doc, (enum pm_sec)k,
		    &miss[nmiss].at_end);
		miss[nmiss++].done = 0;
	}
	for (i = 0; i < nmiss; i++) {
		if (miss[i].done)
			continue;
		pos = miss[i].pos;
		at_end = miss[i].at_end;
		for (j = i, n = 0; j < nmiss; j++)
			n += !miss[j].done && miss[j].pos.line == pos.line;
		if (n == 1) {
			miss[i].done = 1;
			pm_lint_emit(lt, ck, pos, "required section '%s' is "
			    "missing; add '## %s' %s", pm_sec_name(miss[i].sec),
			    pm_sec_name(miss[i].sec), at_end ?
			    "at the end of the report" : "before this heading");
			continue;
		}
		pm_buf_truncate(&names, 0);
		pm_buf_truncate(&heads, 0);
		for (j = i, m = 0; j < nmiss; j++) {
			if (miss[j].done || miss[j].pos.line != pos.line)
				continue;
			miss[j].done = 1;
			sep = m == 0 ? "" : m == n - 1 ? " and " : ", ";
			pm_buf_printf(&names, "%s'%s'", sep,
			    pm_sec_name(miss[j].sec));
			pm_buf_printf(&heads, "%s'## %s'", sep,
			    pm_sec_name(miss[j].sec));
			m++;
		}
		pm_lint_emit(lt, ck, pos, "required sections %s are missing; "
		    "add %s %s", pm_buf_cstr(&names), pm_buf_cstr(&heads),
		    at_end ? "at the end of the report" :
		    "before this heading");
	}
	pm_buf_release(&names);
	pm_buf_release(&heads);
}

void
check_factors_multiple(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_section	*s;
	unsigned int		 min = lt->cfg->min_factors;

	if ((s = pm_doc_section(doc, PM_SEC_FACTORS)) == NULL)
		return;
	if (doc->nfactors >= min)
		return;
	if (doc->nfactors == 1)
		pm_lint_emit(lt, ck, doc->factors[0].pos, "only one "
		    "contributing factor; incidents rarely have a single "
		    "cause: list at least %u (immediate cause, contributing "
		    "factors, systemic issues)", min);
	else
		pm_lint_emit(lt, ck, s->pos, "%zu contributing factors; list "
		    "at least %u as list items under this heading",
		    doc->nfactors, min);
}

void
check_analysis_depth(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_section	*s;
	unsigned int		 minw = lt->cfg->min_root_cause_words;

	if ((s = pm_doc_section(doc, PM_SEC_ROOT_CAUSE)) != NULL &&
	    doc->root_cause_words < minw)
		pm_lint_emit(lt, ck, s->pos, "the root cause is %u word%s; "
		    "explain the mechanism (what failed, why, and why it was "
		    "not caught) in at least %u words",
		    doc->root_cause_words,
		    doc->root_cause_words == 1 ? "" : "s", minw);
	if ((s = pm_doc_section(doc, PM_SEC_WHYS)) != NULL &&
	    doc->nwhys < lt->cfg->min_whys)
		pm_lint_emit(lt, ck, s->pos, "Five Whys has %zu why%s; keep "
		    "asking until %u", doc->nwhys, doc->nwhys == 1 ? "" :
		    "s", lt->cfg->min_whys);
}

void
check_links_related(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_list	*rel = &doc->meta.related;
	size_t			 i;

	if (lt->corpus == NULL)
		return;
	for (i = 0; i < rel->n; i++)
		if (rel->v[i].s != NULL &&
		    pm_corpus_find(lt->corpus, rel->v[i].s) == NULL)
			pm_lint_emit(lt, ck, rel->v[i].pos, "related id '%s' "
			    "names no post-mortem in this repository; fix the "
			    "id or remove it", rel->v[i].s);
	for (i = 0; i < doc->nlinks; i++)
		if (pm_corpus_find(lt->corpus, doc->links[i].id) == NULL)
			pm_lint_emit(lt, ck, doc->links[i].pos, "link [[%s]] "
			    "names no post-mortem in this repository; fix the "
			    "id or remove the link", doc->links[i].id);
}

void
check_ids_unique(const struct pm_check *ck, const struct pm_doc *doc,
    struct pm_lint *lt)
{
	const struct pm_corpus	*c = lt->corpus;
	struct pm_buf		 others = PM_BUF_INIT;
	size_t			 lo, hi, mid, n = 0;

	if (c == NULL || c->byid == NULL || doc->meta.id == NULL)
		return;
	/* Lower bound of the id in byid (sorted by id, then path). */
	lo = 0;
	hi = c->ndocs;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(c->byid[mid]->meta.id, doc->meta.id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->ndocs && strcmp(c->byid[lo]->meta.id,
	    doc->meta.id) == 0; lo++) {
		if (c->byid[lo] == doc)
			continue;
		if (n++ < 3)
			pm_buf_printf(&others, "%s%s", n > 1 ? ", " : "",
			    c->byid[lo]->path);
	}
	if (n > 0)
		pm_lint_emit(lt, ck, doc->meta.id_set ? doc->meta.id_pos :
		    pm_pos_line(1), "id '%s' is also used by %s%s; give each "
		    "post-mortem its own id", doc->meta.id,
		    pm_buf_cstr(&others), n > 3 ? " and others" : "");
	pm_buf_release(&others);
}
