/*
 * Section names: the canonical headings of SPEC section 1, the aliases
 * of other templates and locales built in here, and the matching of a
 * heading's text against them and the configured aliases.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "doc/doc_int.h"
#include "doc/sections.h"
#include "source/config.h"

static const struct {
	const char	*name;
	int		 required;
} secs[PM_SEC__MAX] = {
	{ "Summary", 1 },
	{ "Impact", 1 },
	{ "Root Cause", 1 },
	{ "Timeline", 1 },
	{ "Contributing Factors", 1 },
	{ "Five Whys", 0 },
	{ "Action Items", 1 },
	{ "What Went Well", 0 },
	{ "Lessons Learned", 1 },
	{ "Prevention", 0 },
};

/*
 * Built-in aliases: common names in other templates (Google SRE,
 * PagerDuty, Atlassian, Etsy...) and the headings of each locale.
 * Locale aliases match in any report: they cannot be mistaken for
 * anything else.
 */
static const struct pm_sec_alias aliases[] = {
	{ "Issue Summary", PM_SEC_SUMMARY, NULL },
	{ "Overview", PM_SEC_SUMMARY, NULL },
	{ "Executive Summary", PM_SEC_SUMMARY, NULL },
	{ "Incident Summary", PM_SEC_SUMMARY, NULL },
	{ "Description", PM_SEC_SUMMARY, NULL },
	{ "Customer Impact", PM_SEC_IMPACT, NULL },
	{ "Business Impact", PM_SEC_IMPACT, NULL },
	{ "User Impact", PM_SEC_IMPACT, NULL },
	{ "Root Causes", PM_SEC_ROOT_CAUSE, NULL },
	{ "Root Cause Analysis", PM_SEC_ROOT_CAUSE, NULL },
	{ "Cause", PM_SEC_ROOT_CAUSE, NULL },
	{ "Causes", PM_SEC_ROOT_CAUSE, NULL },
	{ "Sequence of Events", PM_SEC_TIMELINE, NULL },
	{ "Incident Timeline", PM_SEC_TIMELINE, NULL },
	{ "Detailed Timeline", PM_SEC_TIMELINE, NULL },
	{ "Chronology", PM_SEC_TIMELINE, NULL },
	{ "Contributing Causes", PM_SEC_FACTORS, NULL },
	{ "Contributing Factor", PM_SEC_FACTORS, NULL },
	{ "Factors", PM_SEC_FACTORS, NULL },
	{ "5 Whys", PM_SEC_WHYS, NULL },
	{ "Five Why", PM_SEC_WHYS, NULL },
	{ "Whys", PM_SEC_WHYS, NULL },
	{ "Corrective and Preventative Measures", PM_SEC_ACTIONS, NULL },
	{ "Corrective and Preventive Measures", PM_SEC_ACTIONS, NULL },
	{ "Corrective Actions", PM_SEC_ACTIONS, NULL },
	{ "Remediation", PM_SEC_ACTIONS, NULL },
	{ "Remediations", PM_SEC_ACTIONS, NULL },
	{ "Follow-up Actions", PM_SEC_ACTIONS, NULL },
	{ "Follow-up Items", PM_SEC_ACTIONS, NULL },
	{ "Action Item", PM_SEC_ACTIONS, NULL },
	{ "Actions", PM_SEC_ACTIONS, NULL },
	{ "Next Steps", PM_SEC_ACTIONS, NULL },
	{ "Went Well", PM_SEC_WENT_WELL, NULL },
	{ "Things that went well", PM_SEC_WENT_WELL, NULL },
	{ "What went right", PM_SEC_WENT_WELL, NULL },
	{ "Lessons", PM_SEC_LESSONS, NULL },
	{ "Learnings", PM_SEC_LESSONS, NULL },
	{ "Takeaways", PM_SEC_LESSONS, NULL },
	{ "Lessons Learnt", PM_SEC_LESSONS, NULL },
	{ "Key Learnings", PM_SEC_LESSONS, NULL },
	{ "Preventive Measures", PM_SEC_PREVENTION, NULL },
	{ "Preventative Measures", PM_SEC_PREVENTION, NULL },

	{ "Resumen", PM_SEC_SUMMARY, "es" },
	{ "Impacto", PM_SEC_IMPACT, "es" },
	{ "Causa raíz", PM_SEC_ROOT_CAUSE, "es" },
	{ "Causa raiz", PM_SEC_ROOT_CAUSE, "es" },
	{ "Cronología", PM_SEC_TIMELINE, "es" },
	{ "Cronologia", PM_SEC_TIMELINE, "es" },
	{ "Línea de tiempo", PM_SEC_TIMELINE, "es" },
	{ "Linea de tiempo", PM_SEC_TIMELINE, "es" },
	{ "Factores contribuyentes", PM_SEC_FACTORS, "es" },
	{ "Cinco porqués", PM_SEC_WHYS, "es" },
	{ "Cinco porques", PM_SEC_WHYS, "es" },
	{ "Acciones", PM_SEC_ACTIONS, "es" },
	{ "Elementos de acción", PM_SEC_ACTIONS, "es" },
	{ "Qué salió bien", PM_SEC_WENT_WELL, "es" },
	{ "Lo que salió bien", PM_SEC_WENT_WELL, "es" },
	{ "Lecciones aprendidas", PM_SEC_LESSONS, "es" },
	{ "Prevención", PM_SEC_PREVENTION, "es" },

	{ "概要", PM_SEC_SUMMARY, "ja" },
	{ "影響", PM_SEC_IMPACT, "ja" },
	{ "根本原因", PM_SEC_ROOT_CAUSE, "ja" },
	{ "タイムライン", PM_SEC_TIMELINE, "ja" },
	{ "寄与要因", PM_SEC_FACTORS, "ja" },
	{ "5つのなぜ", PM_SEC_WHYS, "ja" },
	{ "なぜなぜ分析", PM_SEC_WHYS, "ja" },
	{ "アクションアイテム", PM_SEC_ACTIONS, "ja" },
	{ "うまくいったこと", PM_SEC_WENT_WELL, "ja" },
	{ "教訓", PM_SEC_LESSONS, "ja" },
	{ "再発防止", PM_SEC_PREVENTION, "ja" },
	{ "再発防止策", PM_SEC_PREVENTION, "ja" },

	{ "摘要", PM_SEC_SUMMARY, "zh" },
	{ "影响", PM_SEC_IMPACT, "zh" },
	{ "根本原因", PM_SEC_ROOT_CAUSE, "zh" },
	{ "时间线", PM_SEC_TIMELINE, "zh" },
	{ "促成因素", PM_SEC_FACTORS, "zh" },
	{ "行动项", PM_SEC_ACTIONS, "zh" },
	{ "经验教训", PM_SEC_LESSONS, "zh" },

	{ "요약", PM_SEC_SUMMARY, "ko" },
	{ "영향", PM_SEC_IMPACT, "ko" },
	{ "근본 원인", PM_SEC_ROOT_CAUSE, "ko" },
	{ "타임라인", PM_SEC_TIMELINE, "ko" },
	{ "기여 요인", PM_SEC_FACTORS, "ko" },
	{ "조치 항목", PM_SEC_ACTIONS, "ko" },
	{ "교훈", PM_SEC_LESSONS, "ko" },
};

/* Subsections of Contributing Factors (enum pm_fkind values). */
static const struct {
	const char	*name;
	int		 kind;
} fkinds[] = {
	{ "Immediate Cause", 1 }, { "Immediate Causes", 1 },
	{ "Trigger", 1 }, { "Causa inmediata", 1 }, { "直接原因", 1 },
	{ "직접 원인", 1 },
	{ "Contributing Factors", 2 }, { "Contributing Factor", 2 },
	{ "Contributing Causes", 2 }, { "Factores contribuyentes", 2 },
	{ "寄与要因", 2 }, { "促成因素", 2 }, { "기여 요인", 2 },
	{ "Systemic Issues", 3 }, { "Systemic Issue", 3 },
	{ "Systemic Causes", 3 }, { "Underlying Issues", 3 },
	{ "Problemas sistémicos", 3 }, { "Causas sistémicas", 3 },
	{ "構造的な問題", 3 }, { "システム的な問題", 3 },
	{ "组织性问题", 3 }, { "系统性问题", 3 }, { "시스템 문제", 3 },
	{ "구조적 문제", 3 },
};

const char *
pm_sec_name(enum pm_sec s)
{
	return s < PM_SEC__MAX ? secs[s].name : "Other";
}

int
pm_sec_required(enum pm_sec s)
{
	return s < PM_SEC__MAX ? secs[s].required : 0;
}

int
pm_sec_lookup(const char *name)
{
	int	 i;

	for (i = 0; i < PM_SEC__MAX; i++)
		if (pm_doc__ieq(name, strlen(name), secs[i].name))
			return i;
	return -1;
}

void
pm_sec_aliases(pm_sec_alias_fn fn, void *arg)
{
	size_t	 i;

	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		fn(&aliases[i], arg);
}

/* Remove a trailing "X" (1..3 bytes) from [s, s + *len). */
static int
chop(const char *s, size_t *len, const char *x)
{
	size_t	 n = strlen(x);

	if (*len >= n && memcmp(s + *len - n, x, n) == 0) {
		*len -= n;
		return 1;
	}
	return 0;
}

/*
 * Reduce heading text to the name to look up: trimmed, without
 * surrounding emphasis, a leading "1." number, trailing colons and a
 * trailing parenthetical ("Timeline (all times UTC)", full-width too).
 */
static void
normalise(const char **sp, size_t *lenp)
{
	const char	*s = *sp;
	size_t		 len = *lenp, i, j, again;

	pm_doc__trim(&s, &len);
	do {
		again = 0;
		while (len > 0 && (*s == '*' || *s == '_')) {
			s++;
			len--;
			again = 1;
		}
		while (len > 0 && (s[len - 1] == '*' || s[len - 1] == '_')) {
			len--;
			again = 1;
		}
		pm_doc__trim(&s, &len);
		if (chop(s, &len, ":") || chop(s, &len, "\xef\xbc\x9a"))
			again = 1;
		pm_doc__trim(&s, &len);
		if (len > 0 && s[len - 1] == ')') {
			for (i = len - 1; i > 0 && s[i - 1] != '('; i--)
				continue;
			if (i > 1) {
				len = i - 1;
				again = 1;
			}
		} else if (len >= 3 && chop(s, &len, "\xef\xbc\x89")) {
			/* Full-width parentheses, U+FF08 and U+FF09. */
			for (i = len; i >= 3; i--)
				if (memcmp(s + i - 3, "\xef\xbc\x88", 3) == 0)
					break;
			if (i >= 3)
				len = i - 3;
			again = 1;
		}
		pm_doc__trim(&s, &len);
	} while (again && len > 0);

	/* "1. Summary", "2) Impact", "3 - Root Cause". */
	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		continue;
	if (i > 0) {
		j = i;
		while (j < len && (s[j] == '.' || s[j] == ')' ||
		    s[j] == '-' || s[j] == ' '))
			j++;
		if (j > i && j < len) {
			s += j;
			len -= j;
		}
	}
	*sp = s;
	*lenp = len;
}

enum pm_sec
pm_sec__match(const char *text, size_t len, const struct pm_config *cfg)
{
	size_t	 i;
	int	 k;

	normalise(&text, &len);
	if (len == 0)
		return PM_SEC_OTHER;
	for (k = 0; k < PM_SEC__MAX; k++)
		if (pm_doc__ieq(text, len, secs[k].name))
			return (enum pm_sec)k;
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (pm_doc__ieq(text, len, aliases[i].name))
			return aliases[i].sec;
	if (cfg != NULL)
		for (i = 0; i < cfg->naliases; i++)
			if (cfg->aliases[i].name != NULL &&
			    pm_doc__ieq(text, len, cfg->aliases[i].name))
				return cfg->aliases[i].sec;
	/* "Timeline (all times PST) 02/13/2025 - 02/19/2025", "Timeline
	 * summary", "Timeline of events": the word leads the heading. */
	if (len > 9 && pm_doc__ieq(text, 8, "timeline") &&
	    !isalnum((unsigned char)text[8]))
		return PM_SEC_TIMELINE;
	return PM_SEC_OTHER;
}

int
pm_sec__factor_kind(const char *text, size_t len)
{
	size_t	 i;

	normalise(&text, &len);
	for (i = 0; i < sizeof(fkinds) / sizeof(fkinds[0]); i++)
		if (pm_doc__ieq(text, len, fkinds[i].name))
			return fkinds[i].kind;
	return 0;
}
