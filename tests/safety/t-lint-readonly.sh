#!/bin/sh
# Nothing lost: `lint` never writes in the work tree, and with
# --no-cache nothing at all (its only write is its cache, under
# .git/postmortem/).  Runs lint (every source, every format, named
# paths, a configuration, findings and none) on the sample repository
# with staged and unstaged changes, and compares a listing of the whole
# tree and .git (path, size, mtime, mode, type and a checksum of every
# file) before and after: with --no-cache all of it, without it all but
# .git/postmortem/.  Then the same runs under strace: no open for
# writing, no create, rename, unlink, mkdir, link, truncate or chmod
# anywhere (with the cache: anywhere but .git/postmortem/).
. "$(dirname "$0")/../lib.sh"

W=$(tmpdir)
R=$W/repo
bash "$TOP/sample-postmortems/make-repo.sh" "$R" >/dev/null 2>&1 ||
    { not_ok "lint-readonly: make-repo.sh"; done_testing; exit; }
# A staged change, an unstaged change and an untracked report, so that
# --staged, --worktree and the default all have something to read.
cd "$R" || exit 2
f=$(git ls-files 'postmortems/2025/*.md' | head -1)
printf '\nStaged line.\n' >>"$f"
git add "$f"
printf '\nUnstaged line.\n' >>"$f"
sed 's/^id: .*/id: untracked-copy/' "$f" >postmortems/untracked.md
printf -- '---\ntitle: broken\nnot: [valid\n---\n\n## Summary\n' \
    >postmortems/broken.md
mkdir -p rules
printf 'family: language/blameless\nlocale: en\nrules:\n  - {id: x, pattern: "human error", message: m}\n' \
    >rules/extra.yaml
cat >"$W/alt.yaml" <<'EOF'
rule_packs: [rules/extra.yaml]
rules: {timeline/utc: off}
EOF
# Let every mtime settle in the past, so a rewrite with the same
# content still shows.
find "$R" -exec touch -h -d '2025-01-01T00:00:00Z' {} + 2>/dev/null

# listing [PRUNE]: every path under the repository, .git included,
# but PRUNE (a path like ./.git/postmortem) when given.
listing() {
	(cd "$R" && find . ${1:+-path "$1" -prune -o} \
	    -printf '%p|%s|%T@|%m|%y|%l\n' | LC_ALL=C sort &&
	    find . ${1:+-path "$1" -prune -o} -type f -print0 |
	    LC_ALL=C sort -z | xargs -0 sha256sum)
}

# args LINE MODE: the command line of a run; MODE nocache adds
# --no-cache to lint.
args() {
	a=
	for x in $1; do [ "$x" = ALT ] && x=$W/alt.yaml; a="$a $x"; done
	case "$2 $1" in "nocache lint"*) a="$a --no-cache" ;; esac
	echo "$a"
}

runs() {
	cat <<'EOF'
lint
lint --worktree
lint --staged
lint --rev HEAD
lint --rev HEAD~3
lint --format json
lint --format sarif
lint --format github
lint --format gitlab
lint --format junit
lint --strict
lint --config ALT
lint postmortems/untracked.md postmortems/broken.md
lint --staged --format sarif
rules
EOF
}

for mode in nocache cache; do
	prune=
	[ $mode = cache ] && prune=./.git/postmortem
	# With the cache, a first run makes .git/postmortem (and so
	# changes the mtime of .git); the listings start after it.
	[ $mode = cache ] && $PM lint >/dev/null 2>&1
	listing $prune >"$W/before"
	while read -r line; do
		a=$(args "$line" $mode)
		# shellcheck disable=SC2086
		$PM $a >"$W/out" 2>"$W/err" </dev/null
		rc=$?
		if [ "$rc" -le 2 ]; then
			ok "lint-readonly ($mode): '$line' ran (status $rc)"
		else
			not_ok "lint-readonly ($mode): '$line' ran (status $rc)"
			head -5 "$W/err" | sed 's/^/#   /' >&2
		fi
	done <<EOF
$(runs)
EOF
	listing $prune >"$W/after"
	if test_cmp "$W/before" "$W/after"; then
		ok "lint-readonly ($mode): tree and .git unchanged${prune:+ (but $prune)}"
	else
		not_ok "lint-readonly ($mode): tree and .git unchanged${prune:+ (but $prune)}"
	fi
done
check "lint-readonly: the cache is under .git/postmortem" \
    test -f "$R/.git/postmortem/cache"

# The same under strace, which sees writes that leave no trace (a temp
# file created and removed, a rename onto an identical file).
case "$PM" in valgrind*) ST=no ;; *) ST=yes ;; esac
if [ "$ST" = yes ] && strace -o /dev/null true 2>/dev/null; then
	for mode in nocache cache; do
	while read -r line; do
		a=$(args "$line" $mode)
		# shellcheck disable=SC2086
		strace -f -qq -o "$W/trace" -e trace=open,openat,openat2,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,rmdir,link,linkat,symlink,symlinkat,truncate,ftruncate,chmod,fchmod,fchmodat,chown,fchownat,utimensat \
		    $PM $a >/dev/null 2>&1 </dev/null
		# Writes: any open with a write flag (except the terminal
		# and /dev/null), and every call that changes the tree; with
		# the cache, those of .git/postmortem/ are allowed.
		grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|creat\(|rename|unlink|mkdir|rmdir|link\(|linkat|symlink|truncate|chmod|chown|utimensat' \
		    "$W/trace" | grep -vE '"/dev/(null|tty|pts/[0-9]+)"' |
		    if [ $mode = cache ]; then
			grep -v "\"$R/\.git/postmortem[/\"]" ||:
		    else cat; fi >"$W/writes"
		# The trace saw the run (it opened files at least).
		if ! grep -q 'openat(' "$W/trace"; then
			not_ok "lint-readonly ($mode): '$line' traced"
			continue
		fi
		if [ -s "$W/writes" ]; then
			not_ok "lint-readonly ($mode): '$line' makes no write call"
			head -5 "$W/writes" | sed 's/^/#   /' >&2
		else
			ok "lint-readonly ($mode): '$line' makes no write call"
		fi
	done <<EOF
$(runs)
EOF
	done
else
	skip "lint-readonly: strace" "no strace here (or valgrind)"
fi

done_testing
