/*
 * postmortem rules [--format text|json] [--config FILE]
 * postmortem rules --aliases [--format text|json]
 * postmortem rules --test | --check-examples
 * postmortem rules --explain ID
 *
 * Lists every rule: the built-in checks of base/rules.def and each
 * pattern of the loaded rule packs, with id, level (after the
 * configuration), default level, source and description.  --aliases
 * lists the heading aliases; --test runs every bad/good example of
 * every pack (exit 1 on a failure, or on a repository pack's rule that
 * could not be loaded); --explain prints one rule with its definitions
 * and examples.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/finding.h"
#include "base/json.h"
#include "cmd.h"
#include "doc/sections.h"
#include "lint/lint.h"
#include "source/config.h"
#include "source/repo.h"

static const char usage[] =
    "usage: postmortem rules [--format text|json] [--config FILE]\n"
    "       postmortem rules --aliases [--format text|json]\n"
    "       postmortem rules --test\n"
    "       postmortem rules --explain ID";

struct	alias_out {
	struct pm_json	*j;		/* NULL: text */
};

static void
alias_one(const struct pm_sec_alias *a, void *arg)
{
	struct alias_out	*o = arg;

	if (o->j == NULL) {
		printf("%-40s %-22s %s\n", a->name, pm_sec_name(a->sec),
		    a->locale ? a->locale : "built-in");
		return;
	}
	pm_json_obj_begin(o->j);
	pm_json_kstr(o->j, "heading", a->name);
	pm_json_kstr(o->j, "section", pm_sec_name(a->sec));
	pm_json_kstr(o->j, "locale", a->locale);
	pm_json_kstr(o->j, "source", "built-in");
	pm_json_obj_end(o->j);
}

static int
list_aliases(const struct pm_config *cfg, int json)
{
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_json		 j;
	struct alias_out	 o;
	size_t			 i;

	o.j = json ? &j : NULL;
	if (json) {
		pm_json_init(&j, &b, 1);
		pm_json_arr_begin(&j);
	} else
		printf("%-40s %-22s %s\n", "HEADING", "SECTION", "SOURCE");
	pm_sec_aliases(alias_one, &o);
	for (i = 0; i < cfg->naliases; i++) {
		if (!json) {
			printf("%-40s %-22s %s\n", cfg->aliases[i].name,
			    pm_sec_name(cfg->aliases[i].sec),
			    cfg->path ? cfg->path : "configuration");
			continue;
		}
		pm_json_obj_begin(&j);
		pm_json_kstr(&j, "heading", cfg->aliases[i].name);
		pm_json_kstr(&j, "section", pm_sec_name(cfg->aliases[i].sec));
		pm_json_kstr(&j, "locale", cfg->aliases[i].locale);
		pm_json_kstr(&j, "source", cfg->path ? cfg->path :
		    "configuration");
		pm_json_obj_end(&j);
	}
	if (json) {
		pm_json_arr_end(&j);
		printf("%s\n", pm_buf_cstr(&b));
		pm_buf_release(&b);
	}
	return PM_EXIT_OK;
}

static void
rule_json(struct pm_json *j, const char *id, const char *family,
    enum pm_level lvl, enum pm_level dflt, const char *source,
    const char *desc, const char *suggest)
{
	pm_json_obj_begin(j);
	pm_json_kstr(j, "id", id);
	if (family != NULL)
		pm_json_kstr(j, "family", family);
	pm_json_kstr(j, "level", pm_level_name(lvl));
	pm_json_kstr(j, "default", pm_level_name(dflt));
	pm_json_kstr(j, "source", source);
	pm_json_kstr(j, "description", desc);
	if (suggest != NULL)
		pm_json_kstr(j, "suggest", suggest);
	pm_json_obj_end(j);
}

static int
list_rules(const struct pm_config *cfg, const struct pm_rulepacks *rp,
    int json)
{
	struct pm_buf		 b = PM_BUF_INIT;
	struct pm_json		 j;
	struct pm_prule_info	 pi;
	enum pm_rule_id		 r;
	enum pm_level		 lvl, fam;
	size_t			 i, n;

	if (json) {
		pm_json_init(&j, &b, 1);
		pm_json_arr_begin(&j);
	} else
		printf("%-32s %-8s %-16s %s\n", "RULE", "LEVEL", "SOURCE",
		    "DESCRIPTION");
	for (i = 0; i < PM_RULE__MAX; i++) {
		r = (enum pm_rule_id)i;
		lvl = pm_config_level(cfg, r);
		if (json)
			rule_json(&j, pm_rule_name(r), NULL, lvl,
			    pm_rule_default_level(r), "built-in",
			    pm_rule_description(r), NULL);
		else
			printf("%-32s %-8s %-16s %s\n", pm_rule_name(r),
			    pm_level_name(lvl), "built-in",
			    pm_rule_description(r));
	}
	n = pm_rulepacks_count(rp);
	for (i = 0; i < n; i++) {
		pm_rulepacks_info(rp, i, &pi);
		fam = pm_config_level(cfg, pi.family);
		lvl = fam == PM_LEVEL_OFF ? PM_LEVEL_OFF :
		    pm_config_pattern_level(cfg, pi.full_id, pi.level);
		if (json) {
			rule_json(&j, pi.full_id, pm_rule_name(pi.family), lvl,
			    pi.level, pi.source, pi.message, pi.suggest);
			continue;
		}
		printf("%-32s %-8s %s %s [%s]\n", pi.full_id,
		    pm_level_name(lvl), pi.source, pi.message,
		    pm_rule_name(pi.family));
	}
	if (json) {
		pm_json_arr_end(&j);
		printf("%s\n", pm_buf_cstr(&b));
		pm_buf_release(&b);
	}
	return PM_EXIT_OK;
}

int
cmd_rules(int argc, char *argv[], struct pm_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format",		required_argument,	NULL, 'f' },
		{ "config",		required_argument,	NULL, 'c' },
		{ "aliases",		no_argument,		NULL, 'a' },
		{ "test",		no_argument,		NULL, 't' },
		{ "check-examples",	no_argument,		NULL, 't' },
		{ "explain",		required_argument,	NULL, 'x' },
		{ "help",		no_argument,		NULL, 'h' },
		{ NULL,			0,			NULL, 0 }
	};
	struct pm_source	*src = NULL;
	struct pm_config	 cfg;
	struct pm_rulepacks	*rp = NULL;
	const char		*fmt = "text", *config = NULL;
	const char		*explain = NULL, *broken;
	size_t			 nfail, nrun, nbroken;
	int			 ch, aliases = 0, test = 0, json, rc;

	while ((ch = getopt_long(argc, argv, "ac:f:htx:", opts, NULL)) != -1)
		switch (ch) {
		case 'f':
			fmt = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'a':
			aliases = 1;
			break;
		case 't':
			test = 1;
			break;
		case 'x':
			explain = optarg;
			break;
		case 'h':
			puts(usage);
			return PM_EXIT_OK;
		default:
			fprintf(stderr, "%s\n", usage);
			return PM_EXIT_FAILURE;
		}
	if (optind < argc)
		return cmd_usage(usage, "unexpected argument '%s'",
		    argv[optind]);
	if (strcmp(fmt, "text") != 0 && strcmp(fmt, "json") != 0)
		return cmd_usage(usage, "unknown format '%s' (text or json)",
		    fmt);
	if (aliases + test + (explain != NULL) > 1)
		return cmd_usage(usage, "--aliases, --test and --explain "
		    "exclude each other");
	json = strcmp(fmt, "json") == 0;
	memset(&cfg, 0, sizeof(cfg));
	if (cmd_setup(ctx, config, 0, &src, &cfg) == -1)
		return PM_EXIT_FAILURE;
	if (aliases) {
		rc = list_aliases(&cfg, json);
		goto done;
	}
	if (pm_rulepacks_load(&rp, cmd_datadir(ctx, "rules"), &cfg,
	    pm_source_root(src)) == -1) {
		rc = cmd_fail();
		goto done;
	}
	nbroken = 0;
	if ((broken = pm_rulepacks_problems(rp)) != NULL) {
		fputs(broken, test ? stdout : stderr);
		for (; *broken != '\0'; broken++)
			nbroken += *broken == '\n';
	}
	if (explain != NULL) {
		if (pm_rulepacks_explain(rp, explain, stdout) == -1) {
			fprintf(stderr, "postmortem: no pattern rule '%s' (see "
			    "'postmortem rules')\n", explain);
			rc = PM_EXIT_FAILURE;
		} else
			rc = PM_EXIT_OK;
		goto done;
	}
	if (test) {
		nfail = pm_rulepacks_test(rp, stdout, &nrun);
		printf("%zu patterns, %zu examples: %zu passed, %zu failed",
		    pm_rulepacks_count(rp), nrun, nrun - nfail, nfail);
		if (nbroken > 0)
			printf("; %zu rule%s not loaded", nbroken,
			    nbroken == 1 ? "" : "s");
		putchar('\n');
		rc = nfail + nbroken > 0 ? PM_EXIT_FINDINGS : PM_EXIT_OK;
		goto done;
	}
	rc = list_rules(&cfg, rp, json);
done:
	pm_rulepacks_free(rp);
	pm_config_release(&cfg);
	if (src != NULL)
		pm_source_free(src);
	return rc;
}
