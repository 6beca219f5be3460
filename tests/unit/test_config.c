/*
 * Unit tests of lib/source/config.c: defaults, every key, and the
 * "FILE:LINE: ..." errors for unknown keys and bad values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/finding.h"
#include "source/config.h"
#include "harness.h"

/* Parse text on top of the defaults; returns pm_config_parse's value. */
static int
parse(struct pm_config *cfg, const char *text)
{
	pm_config_release(cfg);
	pm_config_init(cfg);
	return pm_config_parse(cfg, "cfg.yaml", text, strlen(text));
}

/* 1 if parsing text fails with an error message starting with want. */
static int
fails_with(const char *text, const char *want)
{
	struct pm_config	 cfg;
	int			 ok;

	pm_config_init(&cfg);
	ok = pm_config_parse(&cfg, "cfg.yaml", text, strlen(text)) == -1 &&
	    strncmp(pm_error_get(), want, strlen(want)) == 0;
	if (!ok)
		printf("#   error was \"%s\"\n", pm_error_get());
	pm_config_release(&cfg);
	return ok;
}

static void
test_config__defaults(void)
{
	struct pm_config	 cfg;

	pm_config_init(&cfg);
	STR_EQ(cfg.locale, "en", "config__default_locale");
	STR_EQ(cfg.timezone, "UTC", "config__default_timezone");
	INT_EQ(cfg.date_order, PM_DATE_YMD, "config__default_date_order");
	INT_EQ(cfg.distribution_hours, 48, "config__default_48h");
	INT_EQ(cfg.stale_days, 7, "config__default_stale");
	INT_EQ(cfg.followup_min_days, 21, "config__default_followup_min");
	INT_EQ(cfg.followup_max_days, 35, "config__default_followup_max");
	INT_EQ(cfg.min_factors, 2, "config__default_factors");
	INT_EQ(cfg.min_timeline_rows, 3, "config__default_rows");
	INT_EQ(cfg.min_whys, 5, "config__default_whys");
	INT_EQ(cfg.min_root_cause_words, 12, "config__default_words");
	INT_EQ(cfg.timeline_window_hours, 24, "config__default_window");
	INT_EQ(cfg.limits.max_report_bytes, 10 * 1024 * 1024,
	    "config__default_max_report");
	INT_EQ(cfg.limits.yaml_max_depth, 64, "config__default_yaml_depth");
	STR_EQ(cfg.new_path, "postmortems/{year}/{id}.md",
	    "config__default_new_path");
	STR_EQ(cfg.site_title, "Post-mortems", "config__default_title");
	OK(cfg.base_url == NULL, "config__default_no_base_url");
	INT_EQ(pm_config_level(&cfg, PM_RULE_TIMELINE_UTC), PM_LEVEL_WARNING,
	    "config__default_level");
	INT_EQ(pm_config_included(&cfg, "a.md"), 0,
	    "config__no_include_globs");
	INT_EQ(pm_config_excluded(&cfg, "a.md"), 0,
	    "config__no_exclude_globs");
	pm_config_release(&cfg);
}

static void
test_config__keys(void)
{
	struct pm_config	 cfg;

	pm_config_init(&cfg);
	INT_EQ(parse(&cfg, ""), 0, "config__empty_file");
	STR_EQ(cfg.locale, "en", "config__empty_keeps_defaults");

	INT_EQ(parse(&cfg,
	    "include: ['incidents/**']\n"
	    "exclude:\n  - templates/**\n  - '**/README.md'\n"
	    "locale: es\n"
	    "date_order: dmy\n"
	    "timezone: CET\n"
	    "template: templates/pm.md\n"
	    "new_path: 'incidents/{year}/{id}.md'\n"
	    "site: {title: Incidents, base_url: 'https://x.example/pm/', "
	    "theme: theme}\n"), 0, "config__all_scalars");
	INT_EQ(cfg.ninclude, 1, "config__include");
	INT_EQ(cfg.nexclude, 2, "config__exclude");
	INT_EQ(pm_config_included(&cfg, "incidents/2024/a.md"), 1,
	    "config__included_glob");
	INT_EQ(pm_config_excluded(&cfg, "templates/pm.md"), 1,
	    "config__excluded_glob");
	INT_EQ(pm_config_excluded(&cfg, "docs/README.md"), 1,
	    "config__excluded_double_star");
	INT_EQ(pm_config_excluded(&cfg, "docs/x.md"), 0,
	    "config__not_excluded");
	STR_EQ(cfg.locale, "es", "config__locale");
	INT_EQ(cfg.date_order, PM_DATE_DMY, "config__date_order");
	STR_EQ(cfg.timezone, "CET", "config__timezone");
	STR_EQ(cfg.template, "templates/pm.md", "config__template");
	STR_EQ(cfg.new_path, "incidents/{year}/{id}.md", "config__new_path");
	STR_EQ(cfg.site_title, "Incidents", "config__site_title");
	STR_EQ(cfg.base_url, "https://x.example/pm/", "config__base_url");
	STR_EQ(cfg.theme, "theme", "config__theme");

	INT_EQ(parse(&cfg,
	    "rules:\n"
	    "  timeline/utc: off\n"
	    "  actions/tracked: error\n"
	    "  en/human-error: warning\n"
	    "rule_packs: [rules/ours.yaml]\n"), 0, "config__rules");
	INT_EQ(pm_config_level(&cfg, PM_RULE_TIMELINE_UTC), PM_LEVEL_OFF,
	    "config__rule_off");
	INT_EQ(pm_config_level(&cfg, PM_RULE_ACTIONS_TRACKED),
	    PM_LEVEL_ERROR, "config__rule_raised");
	INT_EQ(pm_config_level(&cfg, PM_RULE_TIMELINE_ORDER),
	    PM_LEVEL_ERROR, "config__rule_untouched");
	INT_EQ(pm_config_pattern_level(&cfg, "en/human-error",
	    PM_LEVEL_ERROR), PM_LEVEL_WARNING, "config__pattern_level");
	INT_EQ(pm_config_pattern_level(&cfg, "en/careless", PM_LEVEL_ERROR),
	    PM_LEVEL_ERROR, "config__pattern_default");
	INT_EQ(cfg.nrule_files, 1, "config__rule_packs");
	STR_EQ(cfg.nrule_files ? cfg.rule_files[0] : NULL, "rules/ours.yaml",
	    "config__rule_pack_path");

	INT_EQ(parse(&cfg,
	    "thresholds:\n"
	    "  distribution_hours: 72\n"
	    "  stale_days: 14\n"
	    "  followup_min_days: 14\n"
	    "  followup_max_days: 42\n"
	    "  min_factors: 3\n"
	    "  min_timeline_rows: 5\n"
	    "  min_whys: 3\n"
	    "  min_root_cause_words: 20\n"
	    "  timeline_window_hours: 48\n"
	    "limits:\n"
	    "  max_report_bytes: 2M\n"
	    "  max_line_bytes: 64KiB\n"
	    "  max_nesting: 32\n"
	    "  max_table_columns: 16\n"
	    "  max_table_rows: 500\n"
	    "  yaml_max_depth: 16\n"
	    "  yaml_max_aliases: 5\n"
	    "  yaml_max_nodes: 1000\n"
	    "  pcre2_match_limit: 5000\n"
	    "  pcre2_depth_limit: 100\n"), 0, "config__numbers");
	INT_EQ(cfg.distribution_hours, 72, "config__distribution_hours");
	INT_EQ(cfg.stale_days, 14, "config__stale_days");
	INT_EQ(cfg.followup_min_days, 14, "config__followup_min");
	INT_EQ(cfg.followup_max_days, 42, "config__followup_max");
	INT_EQ(cfg.min_factors, 3, "config__min_factors");
	INT_EQ(cfg.min_timeline_rows, 5, "config__min_rows");
	INT_EQ(cfg.min_whys, 3, "config__min_whys");
	INT_EQ(cfg.min_root_cause_words, 20, "config__min_words");
	INT_EQ(cfg.timeline_window_hours, 48, "config__window");
	INT_EQ(cfg.limits.max_report_bytes, 2 * 1024 * 1024,
	    "config__limit_suffix_m");
	INT_EQ(cfg.limits.max_line_bytes, 64 * 1024,
	    "config__limit_suffix_kib");
	INT_EQ(cfg.limits.max_nesting, 32, "config__max_nesting");
	INT_EQ(cfg.limits.max_table_columns, 16, "config__max_columns");
	INT_EQ(cfg.limits.max_table_rows, 500, "config__max_rows");
	INT_EQ(cfg.limits.yaml_max_depth, 16, "config__yaml_depth");
	INT_EQ(cfg.limits.yaml_max_aliases, 5, "config__yaml_aliases");
	INT_EQ(cfg.limits.yaml_max_nodes, 1000, "config__yaml_nodes");
	INT_EQ(cfg.limits.pcre2_match_limit, 5000, "config__pcre2_match");
	INT_EQ(cfg.limits.pcre2_depth_limit, 100, "config__pcre2_depth");
	pm_config_release(&cfg);
}

static void
test_config__aliases(void)
{
	struct pm_config	 cfg;

	pm_config_init(&cfg);
	INT_EQ(parse(&cfg,
	    "aliases:\n"
	    "  Incident Log: Timeline\n"
	    "  es:\n"
	    "    Cronología: Timeline\n"
	    "    Causa raíz: root cause\n"), 0, "config__aliases_parse");
	INT_EQ(cfg.naliases, 3, "config__aliases_count");
	if (cfg.naliases == 3) {
		STR_EQ(cfg.aliases[0].name, "Incident Log",
		    "config__alias_name");
		INT_EQ(cfg.aliases[0].sec, PM_SEC_TIMELINE,
		    "config__alias_section");
		OK(cfg.aliases[0].locale == NULL, "config__alias_any_locale");
		STR_EQ(cfg.aliases[1].name, "Cronología",
		    "config__alias_locale_name");
		STR_EQ(cfg.aliases[1].locale, "es", "config__alias_locale");
		INT_EQ(cfg.aliases[2].sec, PM_SEC_ROOT_CAUSE,
		    "config__alias_case_insensitive");
	}
	pm_config_release(&cfg);
}

static void
test_config__errors(void)
{
	OK(fails_with("locale: en\nrulez: {}\n",
	    "cfg.yaml:2: unknown key 'rulez'"), "config__unknown_key_line");
	OK(fails_with("site:\n  title: x\n  colour: red\n",
	    "cfg.yaml:3: unknown key 'colour' in 'site'"),
	    "config__unknown_site_key");
	OK(fails_with("thresholds:\n  stale_dayz: 3\n",
	    "cfg.yaml:2: unknown key 'stale_dayz' in 'thresholds'"),
	    "config__unknown_threshold");
	OK(fails_with("thresholds:\n  stale_days: soon\n",
	    "cfg.yaml:2: 'stale_days' must be a non-negative integer"),
	    "config__bad_number");
	OK(fails_with("thresholds:\n  stale_days: -3\n",
	    "cfg.yaml:2: 'stale_days' must be"), "config__negative");
	OK(fails_with("limits:\n  max_report_bytes: 10Q\n",
	    "cfg.yaml:2: 'max_report_bytes' must be"), "config__bad_suffix");
	OK(fails_with("thresholds:\n  min_whys: 99999999999\n",
	    "cfg.yaml:2: 'min_whys' is too large"), "config__too_large");
	OK(fails_with("date_order: ydm\n", "cfg.yaml:1: bad date_order"),
	    "config__bad_date_order");
	OK(fails_with("timezone: Mars/Olympus\n",
	    "cfg.yaml:1: unknown timezone"), "config__bad_timezone");
	OK(fails_with("locale: English\n", "cfg.yaml:1: bad locale"),
	    "config__bad_locale");
	OK(fails_with("rules:\n  timeline/ordr: off\n",
	    "cfg.yaml:2: unknown rule 'timeline/ordr'"),
	    "config__unknown_rule");
	OK(fails_with("rules:\n  timeline/order: loud\n",
	    "cfg.yaml:2: bad level 'loud'"), "config__bad_level");
	OK(fails_with("rules: [a, b]\n", "cfg.yaml:1: 'rules' must be"),
	    "config__rules_not_map");
	OK(fails_with("include: {a: b}\n",
	    "cfg.yaml:1: 'include' must be a list"), "config__include_map");
	OK(fails_with("aliases:\n  Cronologia: Chronology\n",
	    "cfg.yaml:2: unknown section 'Chronology'"),
	    "config__alias_bad_section");
	OK(fails_with("- a\n- b\n", "cfg.yaml:1: the configuration must be"),
	    "config__not_a_mapping");
	OK(fails_with("locale: en\nlocale: es\n",
	    "cfg.yaml:2: duplicate key 'locale'"), "config__duplicate");
	OK(fails_with("locale: [en\n", "cfg.yaml:"), "config__syntax_error");
	OK(fails_with("thresholds: {followup_min_days: 40}\n",
	    "cfg.yaml:1: followup_min_days (40) is after"),
	    "config__followup_order");
}

static void
test_config__file(void)
{
	struct pm_config	 cfg;
	char			 path[] = "/tmp/pm-test-config.XXXXXX";
	FILE			*f;
	int			 fd;

	pm_config_init(&cfg);
	INT_EQ(pm_config_load_file(&cfg, "/nonexistent/.postmortem.yaml"), 0,
	    "config__missing_file_is_defaults");
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		OK(0, "config__tmpfile");
		return;
	}
	fputs("locale: ja\nbogus: 1\n", f);
	fclose(f);
	INT_EQ(pm_config_load_file(&cfg, path), -1, "config__file_error");
	OK(strncmp(pm_error_get(), path, strlen(path)) == 0 &&
	    strstr(pm_error_get(), ":2: unknown key 'bogus'") != NULL,
	    "config__file_error_names_file_and_line");
	remove(path);
	pm_config_release(&cfg);
}

int
main(void)
{
	test_config__defaults();
	test_config__keys();
	test_config__aliases();
	test_config__errors();
	test_config__file();
	return harness_done();
}
