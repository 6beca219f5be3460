/*
 * Unit tests of lib/source/history.c: first-added times through
 * renames (exact and with edits), nested directories, deletions, an
 * empty repository.  The repositories are made with git(1) in a
 * temporary directory, with fixed dates.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "base/err.h"
#include "base/time.h"
#include "source/history.h"
#include "source/repo.h"
#include "harness.h"

static char	 dir[] = "/tmp/pm-test-history.XXXXXX";

/* Run a shell command in the test repository; returns its status. */
static int
sh(const char *cmd)
{
	char	 buf[4096];

	snprintf(buf, sizeof(buf),
	    "cd '%s' && GIT_CONFIG_NOSYSTEM=1 HOME='%s' "
	    "GIT_AUTHOR_NAME=Alice GIT_AUTHOR_EMAIL=alice@example.com "
	    "GIT_COMMITTER_NAME=Alice GIT_COMMITTER_EMAIL=alice@example.com "
	    "sh -c '%s' >/dev/null 2>&1", dir, dir, cmd);
	return system(buf);
}

/* Commit everything staged at a fixed date (UTC). */
static int
commit_at(const char *date, const char *msg)
{
	char	 buf[512];

	snprintf(buf, sizeof(buf), "GIT_AUTHOR_DATE=%s "
	    "GIT_COMMITTER_DATE=%s git commit -q -m \"%s\"", date, date, msg);
	return sh(buf);
}

static int64_t
at(const char *ts)
{
	int64_t	 t;
	int	 z;

	return pm_time_parse(&t, &z, ts) == 0 ? t : -1;
}

static struct pm_history *
load(struct pm_source **src)
{
	struct pm_history	*h = NULL;

	if (pm_source_open(src, dir) == -1 ||
	    pm_history_load(&h, *src, NULL) == -1) {
		printf("#   %s\n", pm_error_get());
		pm_history_free(h);
		return NULL;
	}
	return h;
}

static int64_t
added(const struct pm_history *h, const char *path, const char **who)
{
	int64_t		 when;
	const char	*w;

	if (h == NULL || pm_history_first_added(h, path, &when, &w) != 0)
		return -1;
	if (who != NULL)
		*who = w;
	return when;
}

static void
test_history__empty(void)
{
	struct pm_source	*src = NULL;
	struct pm_history	*h;

	sh("git init -q .");
	h = load(&src);
	OK(h != NULL, "history__empty_repository_loads");
	INT_EQ(added(h, "a.md", NULL), -1, "history__empty_has_nothing");
	INT_EQ(pm_history_shallow(h), 0, "history__not_shallow");
	pm_history_free(h);
	pm_source_free(src);
}

static void
test_history__renames(void)
{
	struct pm_source	*src = NULL;
	struct pm_history	*h;
	const char		*who = NULL;

	sh("printf \"# A\\n\" > a.md && mkdir -p postmortems/2025 && "
	    "seq 1 200 > postmortems/2025/long.md && git add -A");
	commit_at("2025-01-01T10:00:00Z", "add a");
	sh("printf \"# B\\n\" > b.md && git add b.md && "
	    "echo more >> postmortems/2025/long.md && git add -A");
	commit_at("2025-02-01T10:00:00Z", "add b, edit long");
	/* An exact rename, a rename with an edit, and a delete. */
	sh("git mv a.md renamed.md && "
	    "git mv postmortems/2025/long.md postmortems/2025/moved.md && "
	    "echo edit >> postmortems/2025/moved.md && git add -A && "
	    "git rm -q b.md");
	commit_at("2025-03-01T10:00:00Z", "renames");
	/* Re-added later: a new file as far as history goes. */
	sh("printf \"# B again\\n\" > b.md && git add b.md");
	commit_at("2025-04-01T10:00:00Z", "b again");
	sh("printf \"# C\\n\" > c.md && git add c.md");
	commit_at("2025-05-01T10:00:00Z", "add c");

	h = load(&src);
	OK(h != NULL, "history__loads");
	INT_EQ(added(h, "renamed.md", &who), at("2025-01-01T10:00:00Z"),
	    "history__exact_rename_keeps_first_time");
	STR_EQ(who, "Alice <alice@example.com>", "history__author");
	INT_EQ(added(h, "a.md", NULL), -1, "history__old_name_gone");
	INT_EQ(added(h, "postmortems/2025/moved.md", NULL),
	    at("2025-01-01T10:00:00Z"),
	    "history__rename_with_edit_keeps_first_time");
	INT_EQ(added(h, "b.md", NULL), at("2025-04-01T10:00:00Z"),
	    "history__readded_file_is_new");
	INT_EQ(added(h, "c.md", NULL), at("2025-05-01T10:00:00Z"),
	    "history__last_commit");
	pm_history_free(h);
	pm_source_free(src);

	/* The history of an older revision. */
	if (pm_source_open(&src, dir) == 0 &&
	    pm_history_load(&h, src, "HEAD~3") == 0) {
		INT_EQ(added(h, "a.md", NULL), at("2025-01-01T10:00:00Z"),
		    "history__rev_old_name");
		INT_EQ(added(h, "c.md", NULL), -1, "history__rev_not_yet");
		pm_history_free(h);
	} else
		OK(0, "history__rev_loads");
	pm_source_free(src);
}

static void
test_history__shallow(void)
{
	struct pm_source	*src = NULL;
	struct pm_history	*h;
	char			 cmd[512];

	snprintf(cmd, sizeof(cmd), "git clone -q --depth 1 file://%s "
	    "shallow", dir);
	if (sh(cmd) != 0) {
		OK(0, "history__shallow_clone");
		return;
	}
	snprintf(cmd, sizeof(cmd), "%s/shallow", dir);
	if (pm_source_open(&src, cmd) == -1 ||
	    pm_history_load(&h, src, NULL) == -1) {
		printf("#   %s\n", pm_error_get());
		OK(0, "history__shallow_loads");
		pm_source_free(src);
		return;
	}
	OK(1, "history__shallow_loads");
	INT_EQ(pm_history_shallow(h), 1, "history__shallow_reported");
	/* Only the last commit is there: everything dates from it. */
	INT_EQ(added(h, "renamed.md", NULL), at("2025-05-01T10:00:00Z"),
	    "history__shallow_time_of_boundary");
	pm_history_free(h);
	pm_source_free(src);
}

int
main(void)
{
	char	 cmd[64 + sizeof(dir)];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	git_libgit2_init();
	test_history__empty();
	test_history__renames();
	test_history__shallow();
	git_libgit2_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return harness_done();
}
