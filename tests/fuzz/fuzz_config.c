/*
 * libFuzzer target: the configuration reader (lib/source/config.c),
 * pm_config_parse() on arbitrary .postmortem.yaml text.  A config that
 * parses is then queried the way the stages do (levels, globs).
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/finding.h"
#include "source/config.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_config	 cfg;
	int			 r;

	pm_config_init(&cfg);
	if (pm_config_parse(&cfg, ".postmortem.yaml", (const char *)data,
	    size) == 0) {
		for (r = 0; r < PM_RULE__MAX; r++)
			(void)pm_config_level(&cfg, (enum pm_rule_id)r);
		(void)pm_config_pattern_level(&cfg, "en/human-error",
		    PM_LEVEL_ERROR);
		(void)pm_config_included(&cfg, "reports/2025/x.md");
		(void)pm_config_excluded(&cfg, "drafts/a b/é.md");
	} else
		assert(pm_error_get()[0] != '\0');
	pm_config_release(&cfg);
	pm_error_clear();
	return 0;
}
