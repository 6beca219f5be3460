/*
 * postmortem show ID|PATH [--format json|text]: the parsed model of one
 * report (mandoc's and lowdown's "-T tree").  A path (anything with a
 * '/', ending in ".md", or naming a file) is loaded as a named file; an
 * id is looked up in the whole corpus.  Exit 2 if there is no such
 * report.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/finding.h"
#include "base/time.h"
#include "cmd.h"
#include "corpus.h"
#include "doc/doc.h"

static const char usage[] =
    "usage: postmortem show [--format json|text] [--config file] "
    "[--rev rev] id|path";

static int
is_path(const char *arg)
{
	struct stat	 st;
	size_t		 len = strlen(arg);

	return strchr(arg, '/') != NULL ||
	    (len > 3 && strcmp(arg + len - 3, ".md") == 0) ||
	    stat(arg, &st) == 0;
}

static void
text_ts(const char *name, const struct pm_tsval *v)
{
	char	 buf[32];

	if (!v->set)
		return;
	printf("%-12s %s", name, v->raw);
	if (v->ok && v->day)
		printf("  (%s, day only)", pm_ts_format(buf, v));
	else if (v->ok)
		printf("  (%s)", pm_time_format(buf, v->t));
	else
		fputs("  (unreadable)", stdout);
	putchar('\n');
}

static void
text_list(const char *name, const struct pm_list *l)
{
	size_t	 i;

	if (!l->set)
		return;
	printf("%-12s", name);
	for (i = 0; i < l->n; i++)
		printf("%s%s", i ? ", " : " ", l->v[i].s);
	putchar('\n');
}

/* A readable summary of the model. */
static void
print_text(const struct pm_doc *doc)
{
	static const char *const st[] = { "", "open", "in-progress", "done",
	    "wontfix", "?" };
	const struct pm_meta	*m = &doc->meta;
	const struct pm_trow	*r;
	const struct pm_action	*a;
	char			 buf[32];
	size_t			 i;

	printf("%s\n", doc->path);
	printf("%-12s %s\n", "id", m->id);
	if (m->title.s != NULL)
		printf("%-12s %s\n", "title", m->title.s);
	if (m->severity_raw.s != NULL)
		printf("%-12s %s\n", "severity", m->severity_raw.s);
	printf("%-12s %s\n", "status", m->status == PM_STATUS_DRAFT ?
	    "draft" : m->status == PM_STATUS_REVIEW ? "review" : "final");
	text_ts("started", &m->started);
	text_ts("detected", &m->detected);
	text_ts("mitigated", &m->mitigated);
	text_ts("ended", &m->ended);
	text_ts("distributed", &m->distributed);
	text_list("services", &m->services);
	text_list("tags", &m->tags);
	text_list("authors", &m->authors);
	text_list("related", &m->related);
	if (doc->has_added)
		printf("%-12s %s\n", "added", pm_time_format(buf, doc->added));

	printf("\nsections:\n");
	for (i = 0; i < doc->nsecs; i++)
		printf("  %4u  %.*s%s%s%s\n", doc->secs[i].pos.line,
		    (int)doc->secs[i].level, "######", " ",
		    doc->secs[i].heading, doc->secs[i].kind == PM_SEC_OTHER ?
		    "" : "");
	printf("\ntimeline: %zu row%s%s%s\n", doc->timeline.n,
	    doc->timeline.n == 1 ? "" : "s",
	    doc->timeline.zone ? ", zone " : "",
	    doc->timeline.zone ? doc->timeline.zone : "");
	for (i = 0; i < doc->timeline.n; i++) {
		r = &doc->timeline.rows[i];
		printf("  %4u  %-20s %s\n", r->pos.line, r->ok ?
		    pm_time_format(buf, r->t) : "??", r->event ? r->event : "");
	}
	printf("\ncontributing factors: %zu\n", doc->nfactors);
	for (i = 0; i < doc->nfactors; i++)
		printf("  %4u  %s%s%s\n", doc->factors[i].pos.line,
		    doc->factors[i].category ? doc->factors[i].category : "",
		    doc->factors[i].category ? ": " : "",
		    doc->factors[i].text);
	if (doc->nwhys > 0)
		printf("\nwhys: %zu\n", doc->nwhys);
	printf("\naction items: %zu\n", doc->nactions);
	for (i = 0; i < doc->nactions; i++) {
		a = &doc->actions[i];
		printf("  %4u  %s  %s  [%s; %s; %s%s%s]\n", a->pos.line, a->id,
		    a->text, a->owner ? a->owner : "no owner",
		    a->deadline_raw ? a->deadline_raw : "no deadline",
		    a->prio_raw ? a->prio_raw : "no priority",
		    a->status != PM_ASTATUS_NONE ? "; " : "",
		    st[a->status <= PM_ASTATUS_UNKNOWN ? a->status : 5]);
	}
	if (doc->nlinks > 0) {
		printf("\nlinks:");
		for (i = 0; i < doc->nlinks; i++)
			printf(" %s", doc->links[i].id);
		putchar('\n');
	}
	if (doc->findings.n > 0) {
		printf("\nparser findings:\n");
		for (i = 0; i < doc->findings.n; i++)
			printf("  %u:%u: %s [%s]\n",
			    doc->findings.v[i].pos.line,
			    doc->findings.v[i].pos.col,
			    doc->findings.v[i].msg,
			    pm_rule_name(doc->findings.v[i].rule));
	}
}

int
cmd_show(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format",	required_argument,	NULL, 'f' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "rev",	required_argument,	NULL, 'r' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_corpus	*corpus = NULL;
	struct pm_load_opts	 lo;
	struct pm_doc		*doc = NULL;
	struct pm_buf		 out = PM_BUF_INIT;
	const char		*fmt = "json", *config = NULL, *rev = NULL;
	char			*paths[1];
	int			 ch, json, rc = PM_EXIT_FAILURE, bypath;
	size_t			 i;

	memset(&cfg, 0, sizeof(cfg));
	while ((ch = getopt_long(argc, argv, "c:f:hr:", opts, NULL)) != -1)
		switch (ch) {
		case 'f':
			fmt = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'r':
			rev = optarg;
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
	if (argc != 1)
		return cmd_usage(usage, "show wants one id or path");
	if (strcmp(fmt, "json") != 0 && strcmp(fmt, "text") != 0)
		return cmd_usage(usage, "unknown format '%s' (json or text)",
		    fmt);
	json = strcmp(fmt, "json") == 0;

	if (cmd_setup(ctx, config, rev != NULL, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	memset(&lo, 0, sizeof(lo));
	lo.kind = rev != NULL ? PM_SRC_REV : PM_SRC_WORKTREE;
	lo.rev = rev;
	lo.history = pm_source_has_repo(src);
	lo.threads = 0;
	bypath = is_path(argv[0]);
	if (bypath) {
		paths[0] = argv[0];
		lo.paths = paths;
		lo.npaths = 1;
	}
	if (pm_corpus_load(&corpus, src, &cfg, &lo) == -1) {
		rc = cmd_fail();
		goto done;
	}
	if (bypath) {
		for (i = 0; i < corpus->ndocs; i++)
			if (corpus->target == NULL || corpus->target[i]) {
				doc = corpus->docs[i];
				break;
			}
	} else
		doc = pm_corpus_find(corpus, argv[0]);
	if (doc == NULL) {
		/* A load finding says why (unreadable, not a report). */
		for (i = 0; i < corpus->findings.n; i++)
			fprintf(stderr, "postmortem: %s: %s\n",
			    corpus->findings.v[i].path,
			    corpus->findings.v[i].msg);
		fprintf(stderr, "postmortem: no report '%s'%s\n", argv[0],
		    bypath ? "" : "; give an id or a path");
		rc = PM_EXIT_FAILURE;
		goto done;
	}
	if (json) {
		pm_doc_to_json(doc, &out);
		fwrite(out.ptr, 1, out.len, stdout);
	} else
		print_text(doc);
	rc = ferror(stdout) ? PM_EXIT_FAILURE : PM_EXIT_OK;
done:
	pm_buf_release(&out);
	pm_corpus_free(corpus);
	pm_source_free(src);
	pm_config_release(&cfg);
	return rc;
}
