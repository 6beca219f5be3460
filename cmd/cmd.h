/*
 * Command definitions: the subcommand table and what every command
 * shares.  cmd/ only parses arguments, calls lib/ and maps results to
 * exit codes.
 */
#ifndef PM_CMD_H
#define PM_CMD_H

#include "base/err.h"
#include "source/config.h"
#include "source/repo.h"

#define	PM_CMD_REPO		(1 << 0)  /* needs a repository */
#define	PM_CMD_REPO_GENTLY	(1 << 1)  /* uses one if found */

struct	pm_ctx {
	const char	*dir;		/* -C DIR, or NULL */
	const char	*datadir;	/* where rules/ and themes/ are */
};

struct	pm_cmd {
	const char	*name;
	int		(*fn)(int, char *[], struct pm_ctx *);
	unsigned int	 flags;
	const char	*summary;	/* one line, for "postmortem help" */
};

int	 cmd_adopt(int, char *[], struct pm_ctx *);
int	 cmd_build(int, char *[], struct pm_ctx *);
int	 cmd_init(int, char *[], struct pm_ctx *);
int	 cmd_lint(int, char *[], struct pm_ctx *);
int	 cmd_new(int, char *[], struct pm_ctx *);
int	 cmd_rules(int, char *[], struct pm_ctx *);
int	 cmd_show(int, char *[], struct pm_ctx *);

/*
 * Open the source (-C, or the current directory upward) and read the
 * configuration (config_path, else .postmortem.yaml at the root).
 * With need_repo, failing to find a repository is an error.  On
 * failure prints the message and returns -1; the caller exits 2.
 */
int	 cmd_setup(struct pm_ctx *, const char *config_path, int need_repo,
	    struct pm_source **src, struct pm_config *cfg);
/* Print "postmortem: MSG" for the last error; returns PM_EXIT_FAILURE. */
int	 cmd_fail(void);
/* Print "postmortem: <fmt>" and the usage line; returns PM_EXIT_FAILURE. */
int	 cmd_usage(const char *usage, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Parse --today YYYY-MM-DD (NULL: the system date, UTC) into days. */
int	 cmd_today(const char *arg, int32_t *out);
/* "note: skipped template X (why)" on standard error, for each. */
struct pm_corpus;
void	 cmd_note_templates(const struct pm_corpus *);
/* The same notes appended to a buffer (build keeps them for a reuse). */
struct pm_buf;
void	 cmd_templates_note(struct pm_buf *, const struct pm_corpus *);
/* Path of a data directory ("rules", "themes"): next to the binary in
 * the source tree, else PM_DATADIR.  Static storage. */
const char	*cmd_datadir(struct pm_ctx *, const char *sub);
/*
 * The tree local links resolve against (links/local, attachments):
 * every file of kind, listed only when some target document has a
 * file link and the rule is not off (force: always).  Sets *name to
 * "the commit", "the index" or "the working tree".  0, or -1 with
 * pm_error_set.
 */
struct pm_corpus;
int	 cmd_tree(struct pm_source *, enum pm_srckind, const char *rev,
	    const struct pm_corpus *, const struct pm_config *, int force,
	    struct pm_entries *out, const char **name);

#endif /* PM_CMD_H */
