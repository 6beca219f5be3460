/*
 * Unit tests of lib/doc/title.c: titles with dates around them, the
 * title and id a file name gives, placeholders.  Headings are of our
 * own writing, in the shapes real reports use.
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "doc/doc.h"
#include "doc/title.h"
#include "harness.h"

static struct pm_arena	 arena = PM_ARENA_INIT;

static void
title(const char *h, const char *want)
{
	size_t	 skip;
	char	 name[256];

	snprintf(name, sizeof(name), "title of '%s'", h);
	STR_EQ(pm_title_clean(&arena, h, &skip), want, name);
}

static void
from_path(const char *p, const char *want)
{
	char	 name[256];

	snprintf(name, sizeof(name), "title of file '%s'", p);
	STR_EQ(pm_title_from_path(&arena, p), want, name);
}

static void
id(const char *p, const char *want)
{
	char	 name[256];

	snprintf(name, sizeof(name), "id of file '%s'", p);
	STR_EQ(pm_id_from_path(&arena, p), want, name);
}

static void
ph(const char *s, int want)
{
	char	 name[256];

	snprintf(name, sizeof(name), "placeholder '%s'", s);
	INT_EQ(pm_placeholder(s, strlen(s)), want, name);
}

static void
tmpl(const char *path, int want)
{
	struct pm_doc	*d;
	const char	*why = NULL;
	char		 name[256];
	static const char text[] = "# Disk full\n\n## Timeline\n\n"
	    "- 2024-01-09 10:00 UTC: the disk fills\n";

	pm_doc_parse(&d, path, text, sizeof(text) - 1, NULL, PM_PARSE_FORCE);
	snprintf(name, sizeof(name), "template by name '%s'", path);
	INT_EQ(pm_doc_is_template(d, &why), want, name);
	pm_doc_free(d);
}

int
main(void)
{
	/* Leading dates. */
	title("2019-04-02, \"disk quota exceeded\"", "disk quota exceeded");
	title("2020-11-05, Cache 502", "Cache 502");
	title("March 4th, 2021 Queue Outage", "Queue Outage");
	title("Feb 9 2022 Sand Storm", "Sand Storm");
	title("Incident on 2023-06-01 - Ingress rules lost",
	    "Ingress rules lost");
	title("Incident on 2023-06-01", "Incident on 2023-06-01");
	title("Incident report June 3 2024 - builder outage",
	    "builder outage");
	title("30-09-2024 - Payment timeouts", "Payment timeouts");
	/* Trailing dates. */
	title("Retrospective: Broker restart loop 2019-05-12",
	    "Broker restart loop");
	title("Retrospective: Pool drained - 2019-01-19", "Pool drained");
	title("Retrospective: Quota spike - November 2020", "Quota spike");
	title("Retrospective: Tokens in logs - April 2, 2020",
	    "Tokens in logs");
	title("Retrospective: 2022-02-08 Scheduler stall 2022-02-08 22:01 - "
	    "2022-02-09 01:40 UTC", "Scheduler stall");
	title("Search API Outage - October 9, 2024", "Search API Outage");
	title("Billing Delays (December 2024)", "Billing Delays");
	title("Post-Mortem: Widget loader broke pages",
	    "Widget loader broke pages");
	title("Post-mortem of a worm on December 1st, 2024",
	    "Post-mortem of a worm");
	title("Config push failed June 2", "Config push failed");
	title("Long queue on two pools Tuesday July 5, 2016 1-2pm",
	    "Long queue on two pools");
	title("Relay link 8-15-2016", "Relay link");
	title("Landing page down 6-27-21", "Landing page down");
	title("Tier 1 to 2 leak 2018-07-10 - 2018-07-29", "Tier 1 to 2 leak");
	/* Left alone. */
	title("March Madness traffic", "March Madness traffic");
	title("Upgrade to Windows 2019", "Upgrade to Windows 2019");
	title("Gateway 404", "Gateway 404");
	title("Migration from 2 to 3", "Migration from 2 to 3");
	title("v2.2.0 cache miss", "v2.2.0 cache miss");
	title("May Day sale", "May Day sale");
	/* Placeholders. */
	title("ISSUE NAME", NULL);
	title("${title} ${date range}", NULL);
	title("Incident title - DD/MM/YYYY", NULL);
	title("{{ incident date: yyyy-mm-dd }}, {{ incident name }}", NULL);

	from_path("2021-05-09-negative-coin-values.md", "Negative coin values");
	from_path("y/2023-04/04-25-User_Account_Compromise.md",
	    "User Account Compromise");
	from_path("2024-03-07-mempool-not-updated-at-re_org.md",
	    "Mempool not updated at re_org");
	from_path("incidents/2024-02-28-queue is down.md", "Queue is down");
	from_path("INC-42 - Redis failover.md", "Redis failover");
	from_path("2020-02-12.html.md.erb", NULL);
	from_path("notes/2022-10-31-Phone-Incident", "Phone Incident");

	id("PM2022-002 Database outage.md", "PM2022-002");
	id("reports/INC-123_cache.md", "INC-123");
	id("SEC-2024-001.md", "SEC-2024-001");
	id("2024-02-28-decide is down.md", "2024-02-28-decide-is-down");
	id("2020-02-12.html.md.erb", "2020-02-12");
	id("CATbleed.md", "CATbleed");
	id("AGG_SIG_UNSAFE.md", "AGG_SIG_UNSAFE");
	id("2022-10-31-Phone-Incident", "2022-10-31-Phone-Incident");

	ph("<Link to the recording>", 1);
	ph("<https://example.org/x>", 0);
	ph("PMyyyy-nnn", 1);
	ph("20xx-MM-DD HH:mm", 1);
	ph("HH:mm", 1);
	ph("XXX", 1);
	ph("Xh Xm", 1);
	ph("[impact level]", 1);
	ph("${timestamp}", 1);
	ph("Major", 0);
	ph("2024-09-20 11:24", 0);
	ph("0h 16m", 0);
	ph("Lorem ipsum dolor", 1);
	ph("[link](https://x)", 0);
	ph("[search]", 0);
	ph("[search, api]", 0);
	ph("[\"@rosa\"]", 0);

	tmpl("template.md", 1);
	tmpl("docs/incident-report-template.md", 1);
	tmpl("Template-incident-report.md", 1);
	tmpl("templates/postmortem.md", 1);
	tmpl("notes/2024-01-09-template-engine-outage.md", 0);
	tmpl("2024-01-09-outage.md", 0);

	pm_arena_release(&arena);
	return harness_done();
}
