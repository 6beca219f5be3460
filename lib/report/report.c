/*
 * The reporter registry and what several reporters share: positions,
 * fingerprints, XML escaping.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/finding.h"
#include "report/report.h"

static const struct pm_reporter *const reporters[] = {
	&pm_report_text, &pm_report_json, &pm_report_sarif,
	&pm_report_github, &pm_report_gitlab, &pm_report_junit, NULL
};

const struct pm_reporter *
pm_reporter_find(const char *name)
{
	size_t	 i;

	for (i = 0; reporters[i] != NULL; i++)
		if (strcmp(reporters[i]->name, name) == 0)
			return reporters[i];
	return NULL;
}

const char *
pm_reporter_names(void)
{
	return "text, json, sarif, github, gitlab, junit";
}

void
pm_report_run(const struct pm_reporter *r, struct pm_report *rep,
    const struct pm_findings *fs)
{
	size_t	 i;

	r->begin(rep);
	for (i = 0; i < fs->n; i++)
		r->finding(rep, &fs->v[i]);
	r->end(rep);
}

unsigned int
pm_report_line(const struct pm_finding *f)
{
	return f->pos.line ? f->pos.line : 1;
}

unsigned int
pm_report_col(const struct pm_finding *f)
{
	return f->pos.col ? f->pos.col : 1;
}

char *
pm_report_fingerprint(char *buf, const struct pm_finding *f)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;
	const char	*p;

	for (p = f->path; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 0x100000001b3ULL;
	}
	snprintf(buf, 33, "%016llx%016llx", (unsigned long long)h,
	    (unsigned long long)f->fp);
	return buf;
}

void
pm_xml_escape(struct pm_buf *b, const char *s, int attr)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 cp;
	size_t			 len, i;

	while (*p != '\0') {
		switch (*p) {
		case '&':
			pm_buf_puts(b, "&amp;");
			p++;
			continue;
		case '<':
			pm_buf_puts(b, "&lt;");
			p++;
			continue;
		case '>':
			pm_buf_puts(b, "&gt;");
			p++;
			continue;
		case '"':
			pm_buf_puts(b, "&quot;");
			p++;
			continue;
		case '\'':
			pm_buf_puts(b, "&apos;");
			p++;
			continue;
		case '\t':
			pm_buf_puts(b, attr ? "&#9;" : "\t");
			p++;
			continue;
		case '\n':
			pm_buf_puts(b, attr ? "&#10;" : "\n");
			p++;
			continue;
		case '\r':
			pm_buf_puts(b, "&#13;");
			p++;
			continue;
		default:
			break;
		}
		if (*p < 0x20) {
			pm_buf_puts(b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		if (*p < 0x80) {
			pm_buf_putc(b, *p++);
			continue;
		}
		/* Copy a valid UTF-8 sequence, else U+FFFD. */
		if (*p >= 0xc2 && *p <= 0xdf)
			len = 2, cp = *p & 0x1f;
		else if (*p >= 0xe0 && *p <= 0xef)
			len = 3, cp = *p & 0x0f;
		else if (*p >= 0xf0 && *p <= 0xf4)
			len = 4, cp = *p & 0x07;
		else
			len = 0, cp = 0;
		for (i = 1; i < len; i++) {
			if ((p[i] & 0xc0) != 0x80)
				break;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (len == 0 || i < len ||
		    (len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) ||
		    cp == 0xfffe || cp == 0xffff)) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
			pm_buf_puts(b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		pm_buf_put(b, p, len);
		p += len;
	}
}
