/*
 * Contributing factors and the Five Whys (SPEC section 1).  Factors
 * are the items of the lists in the section, each with the kind of
 * the subsection it is under (### Immediate Cause, ### Contributing
 * Factors, ### Systemic Issues) and an optional bold category
 * ("**Monitoring Gap**: ...").  Whys are the items of the lists in the
 * Five Whys section.  Nested sub-items belong to their item.
 */
#include <string.h>

#include "doc/md_int.h"

/* The text of a paragraph after its first inline node. */
static const char *
text_after(struct pm_walk *w, cmark_node *first, size_t *lenp)
{
	cmark_node	*n;
	const char	*s;
	size_t		 len;

	pm_buf_truncate(&w->tmp, 0);
	for (n = cmark_node_next(first); n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT ||
		    cmark_node_get_type(n) == CMARK_NODE_CODE) {
			if ((s = cmark_node_get_literal(n)) != NULL)
				pm_buf_puts(&w->tmp, s);
		} else if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK ||
		    cmark_node_get_type(n) == CMARK_NODE_LINEBREAK)
			pm_buf_putc(&w->tmp, ' ');
		else
			pm_md__text(n, &w->tmp);
	}
	s = pm_buf_cstr(&w->tmp);
	len = w->tmp.len;
	pm_doc__trim(&s, &len);
	*lenp = len;
	return s;
}

void
pm_md__factors_list(struct pm_walk *w, cmark_node *list)
{
	static const enum pm_fkind kinds[] = { PM_FACTOR_PLAIN,
	    PM_FACTOR_IMMEDIATE, PM_FACTOR_CONTRIBUTING, PM_FACTOR_SYSTEMIC };
	struct pm_doc		*doc = w->doc;
	struct pm_factor	*f;
	cmark_node		*item, *para, *lead;
	const char		*cat, *rest;
	size_t			 clen, rlen;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		doc->factors = pm_arena_grow(&doc->arena, doc->factors,
		    &w->cap_factors, doc->nfactors + 1, sizeof(*doc->factors));
		f = &doc->factors[doc->nfactors++];
		memset(f, 0, sizeof(*f));
		f->kind = kinds[w->fkind >= 0 && w->fkind <= 3 ? w->fkind : 0];
		f->pos = pm_md__pos(w, item);
		para = cmark_node_first_child(item);
		if (para == NULL ||
		    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
			f->text = pm_md__atext(w, item, NULL);
			continue;
		}
		lead = cmark_node_first_child(para);
		if (lead != NULL &&
		    cmark_node_get_type(lead) == CMARK_NODE_STRONG) {
			/* "**Category**: text" or "**Category:** text" */
			cat = pm_md__atext(w, lead, &clen);
			rest = text_after(w, lead, &rlen);
			if (clen > 0 && cat[clen - 1] == ':') {
				clen--;
			} else if (rlen > 0 && (*rest == ':' || *rest == '-')) {
				rest++;
				rlen--;
			} else if (rlen >= 3 &&
			    memcmp(rest, "\xe2\x80\x94", 3) == 0) {
				rest += 3;
				rlen -= 3;
			} else
				clen = 0;
			if (clen > 0) {
				pm_doc__trim(&rest, &rlen);
				f->category = pm_arena_strndup(&doc->arena,
				    cat, clen);
				f->text = pm_arena_strndup(&doc->arena, rest,
				    rlen);
				continue;
			}
		}
		f->text = pm_md__atext(w, para, NULL);
	}
}

void
pm_md__whys_list(struct pm_walk *w, cmark_node *list)
{
	struct pm_doc	*doc = w->doc;
	struct pm_why	*y;
	cmark_node	*item, *para;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		doc->whys = pm_arena_grow(&doc->arena, doc->whys,
		    &w->cap_whys, doc->nwhys + 1, sizeof(*doc->whys));
		y = &doc->whys[doc->nwhys++];
		y->pos = pm_md__pos(w, item);
		para = cmark_node_first_child(item);
		y->text = pm_md__atext(w, para != NULL &&
		    cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH ?
		    para : item, NULL);
	}
}
