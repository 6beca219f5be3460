/*
 * libFuzzer target: the rule-pack loader (lib/lint/rulepack.c).  The
 * input is written as the only pack of a rules directory and loaded
 * with pm_rulepacks_load() as `lint` would; a pack that loads is then
 * listed (pm_rulepacks_info) and its bad/good examples run
 * (pm_rulepacks_test, as `rules --test`), which compiles and matches
 * every pattern under the configured PCRE2 limits.  The limits are
 * lowered here so a catastrophic pattern costs milliseconds, not the
 * fuzzer's timeout.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "lint/lint.h"
#include "source/config.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 dir[] = "/tmp/pm-fuzz-rules.XXXXXX";
static char	 path[64];
static FILE	*devnull;

static void
cleanup(void)
{
	unlink(path);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/pack.yaml", dir);
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_config	 cfg;
	struct pm_rulepacks	*rp = NULL;
	struct pm_prule_info	 info;
	FILE			*f;
	size_t			 i, n, nrun;

	if ((f = fopen(path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	pm_config_init(&cfg);
	cfg.limits.pcre2_match_limit = 20000;
	cfg.limits.pcre2_depth_limit = 1000;
	if (pm_rulepacks_load(&rp, dir, &cfg, NULL) == 0) {
		n = pm_rulepacks_count(rp);
		for (i = 0; i < n; i++) {
			pm_rulepacks_info(rp, i, &info);
			assert(info.full_id != NULL && info.message != NULL);
			assert(info.source != NULL);
		}
		(void)pm_rulepacks_test(rp, devnull, &nrun);
		pm_rulepacks_free(rp);
	} else {
		/* Errors name the file and line. */
		assert(strstr(pm_error_get(), "pack.yaml") != NULL);
	}
	pm_config_release(&cfg);
	pm_error_clear();
	return 0;
}
