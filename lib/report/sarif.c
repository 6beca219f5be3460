/*
 * The sarif reporter: SARIF 2.1.0 as GitHub code scanning reads it.
 * Every built-in rule is listed in tool.driver.rules (ruleIndex is the
 * rule's place in base/rules.def); a pattern rule reports under its
 * family with the pattern id in properties.detail.  partialFingerprints
 * carry pm_report_fingerprint() (the baseline's fingerprint), which
 * ignores line numbers so alerts survive edits elsewhere in the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "base/json.h"
#include "report/report.h"

struct	sstate {
	struct pm_buf	 buf;
	struct pm_json	 j;
};

static const char *
sarif_level(enum pm_level l)
{
	switch (l) {
	case PM_LEVEL_ERROR:
		return "error";
	case PM_LEVEL_WARNING:
		return "warning";
	case PM_LEVEL_INFO:
		return "note";
	default:
		return "none";
	}
}

/* A relative path as a URI reference: percent-encode all but the
 * unreserved characters and '/'. */
static void
put_uri(struct pm_json *j, const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct pm_buf		 b = PM_BUF_INIT;
	const unsigned char	*p;

	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			pm_buf_putc(&b, *p);
		else {
			pm_buf_putc(&b, '%');
			pm_buf_putc(&b, hex[*p >> 4]);
			pm_buf_putc(&b, hex[*p & 15]);
		}
	pm_json_str(j, pm_buf_cstr(&b));
	pm_buf_release(&b);
}

static void
sarif_begin(struct pm_report *r)
{
	struct sstate	*s;
	struct pm_buf	 help = PM_BUF_INIT;
	const char	*id, *p;
	int		 i;

	s = pm_xcalloc(1, sizeof(*s));
	r->priv = s;
	pm_json_init(&s->j, &s->buf, 1);
	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "$schema",
	    "https://json.schemastore.org/sarif-2.1.0.json");
	pm_json_kstr(&s->j, "version", "2.1.0");
	pm_json_key(&s->j, "runs");
	pm_json_arr_begin(&s->j);
	pm_json_obj_begin(&s->j);
	pm_json_key(&s->j, "tool");
	pm_json_obj_begin(&s->j);
	pm_json_key(&s->j, "driver");
	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "name", "postmortem");
	pm_json_kstr(&s->j, "version", r->version);
	pm_json_kstr(&s->j, "informationUri", PM_INFO_URI);
	pm_json_key(&s->j, "rules");
	pm_json_arr_begin(&s->j);
	for (i = 0; i < PM_RULE__MAX; i++) {
		id = pm_rule_name((enum pm_rule_id)i);
		pm_json_obj_begin(&s->j);
		pm_json_kstr(&s->j, "id", id);
		pm_json_key(&s->j, "shortDescription");
		pm_json_obj_begin(&s->j);
		pm_json_kstr(&s->j, "text",
		    pm_rule_description((enum pm_rule_id)i));
		pm_json_obj_end(&s->j);
		pm_json_key(&s->j, "defaultConfiguration");
		pm_json_obj_begin(&s->j);
		pm_json_kstr(&s->j, "level", sarif_level(
		    pm_rule_default_level((enum pm_rule_id)i)));
		pm_json_obj_end(&s->j);
		pm_buf_truncate(&help, 0);
		pm_buf_puts(&help, PM_INFO_URI "#rule-");
		for (p = id; *p != '\0'; p++)
			pm_buf_putc(&help, *p == '/' ? '-' : *p);
		pm_json_kstr(&s->j, "helpUri", pm_buf_cstr(&help));
		pm_json_obj_end(&s->j);
	}
	pm_buf_release(&help);
	pm_json_arr_end(&s->j);
	pm_json_obj_end(&s->j);		/* driver */
	pm_json_obj_end(&s->j);		/* tool */
	pm_json_key(&s->j, "results");
	pm_json_arr_begin(&s->j);
}

static void
sarif_finding(struct pm_report *r, const struct pm_finding *f)
{
	struct sstate	*s = r->priv;
	struct pm_buf	 msg = PM_BUF_INIT;
	char		 fp[40];

	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "ruleId", pm_rule_name(f->rule));
	pm_json_kint(&s->j, "ruleIndex", (long long)f->rule);
	pm_json_kstr(&s->j, "level", sarif_level(f->level));
	pm_json_key(&s->j, "message");
	pm_json_obj_begin(&s->j);
	pm_buf_puts(&msg, f->msg);
	if (f->suggest != NULL)
		pm_buf_printf(&msg, "\nSuggestion: %s", f->suggest);
	pm_json_kstr(&s->j, "text", pm_buf_cstr(&msg));
	pm_buf_release(&msg);
	pm_json_obj_end(&s->j);
	pm_json_key(&s->j, "locations");
	pm_json_arr_begin(&s->j);
	pm_json_obj_begin(&s->j);
	pm_json_key(&s->j, "physicalLocation");
	pm_json_obj_begin(&s->j);
	pm_json_key(&s->j, "artifactLocation");
	pm_json_obj_begin(&s->j);
	pm_json_key(&s->j, "uri");
	put_uri(&s->j, f->path);
	pm_json_obj_end(&s->j);
	pm_json_key(&s->j, "region");
	pm_json_obj_begin(&s->j);
	pm_json_kint(&s->j, "startLine", pm_report_line(f));
	pm_json_kint(&s->j, "startColumn", pm_report_col(f));
	pm_json_obj_end(&s->j);
	pm_json_obj_end(&s->j);		/* physicalLocation */
	pm_json_obj_end(&s->j);
	pm_json_arr_end(&s->j);		/* locations */
	pm_json_key(&s->j, "partialFingerprints");
	pm_json_obj_begin(&s->j);
	pm_json_kstr(&s->j, "postmortemFinding/v2",
	    pm_report_fingerprint(fp, f));
	pm_json_obj_end(&s->j);
	if (f->detail != NULL || f->draft) {
		pm_json_key(&s->j, "properties");
		pm_json_obj_begin(&s->j);
		if (f->detail != NULL)
			pm_json_kstr(&s->j, "detail", f->detail);
		if (f->draft)
			pm_json_kbool(&s->j, "draft", 1);
		pm_json_obj_end(&s->j);
	}
	pm_json_obj_end(&s->j);
	if (s->buf.len > 65536) {
		fwrite(s->buf.ptr, 1, s->buf.len, r->out);
		pm_buf_truncate(&s->buf, 0);
	}
}

static void
sarif_end(struct pm_report *r)
{
	struct sstate	*s = r->priv;

	pm_json_arr_end(&s->j);		/* results */
	pm_json_obj_end(&s->j);		/* run */
	pm_json_arr_end(&s->j);		/* runs */
	pm_json_obj_end(&s->j);
	pm_buf_putc(&s->buf, '\n');
	fwrite(s->buf.ptr, 1, s->buf.len, r->out);
	fflush(r->out);
	pm_buf_release(&s->buf);
	free(s);
	r->priv = NULL;
}

const struct pm_reporter pm_report_sarif = {
	"sarif", sarif_begin, sarif_finding, sarif_end
};
