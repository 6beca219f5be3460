/*
 * Similar incidents, from what the reports say (lib/site/ only).
 *
 * Every report becomes a sparse vector of TF-IDF weights over its
 * words and two-word phrases (title, services, tags, categories,
 * summary, root cause, factors and the other prose sections; the
 * timeline and action items count less); stop words (English and four
 * other languages) are dropped, generic words of the trade ("outage",
 * "error", "kubernetes") count only inside a phrase, names (Redis,
 * OOMKilled, `code`) count three times, and a report keeps its 60
 * heaviest terms.  Two reports are similar
 * when the cosine of their vectors reaches SIM_HIGH, or SIM_LOW when
 * they also name the same service and a contributing-factor category
 * few reports name, or when their titles are alike.
 * Similar reports that started within SIM_DAYS of each other (a report
 * without a start: when it was first committed) and are among each
 * other's SIM_NEAR most similar are linked; the connected sets (single
 * link) are the recurring clusters.
 *
 * Deterministic: terms are numbered in the order the reports (in site
 * order) first use them, weights are rounded to integers before any
 * sum, and every ordering has a total tie-break.
 */
#ifndef PM_SIMILAR_H
#define PM_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#define	SIM_HIGH	350	/* cosine, in thousandths */
#define	SIM_LOW		200	/* with the same service and category,
				   or titles alike */
#define	SIM_TITLE	800	/* titles alike: cosine of their terms */
#define	SIM_DAYS	400	/* between two linked incidents */
#define	SIM_MAX		8	/* similar reports listed per report */
#define	SIM_NEAR	3	/* clusters link mutual nearest neighbours */
#define	SIM_TERMS	6	/* shared terms shown */

struct	site;
struct	fval;

struct	sim_link {			/* a similar report of a report */
	size_t		 rep;		/* index into site.reps */
	int		 score;		/* cosine, thousandths */
};

struct	sim_cluster {
	size_t		*reps;		/* members, oldest first */
	size_t		 n;
	int64_t		 first, last;	/* when the oldest and newest were */
	const struct fval **svcs;	/* services of two members or more */
	size_t		 nsvcs;
	const struct fval **cats;	/* categories, the same */
	size_t		 ncats;
	const char	**terms;	/* terms most shared, display form */
	size_t		 nterms;
};

struct	pm_sim;				/* the vectors, opaque */

/*
 * Compute the vectors, every report's similar reports (rep->simv) and
 * the clusters (s->clusters, largest and most recent first).  Called
 * once from the model build, before the pages; everything it makes
 * is read-only afterwards and freed by site_similar_free().
 */
void	 site_similar(struct site *);
void	 site_similar_free(struct site *);
/*
 * The terms reports a and b share, most weight first, at most max,
 * as written in the report that used them first (borrowed).  A phrase
 * replaces the words it is made of.  Thread-safe.  Returns the count.
 */
size_t	 site_similar_terms(const struct site *, size_t a, size_t b,
	    const char **out, size_t max);
/*
 * When report i happened, for the clusters: its start (returns 1), else
 * the first commit of its file (2), else nothing (0, *t is 0).
 */
int	 site_similar_when(const struct site *, size_t i, int64_t *t);

#endif /* PM_SIMILAR_H */
