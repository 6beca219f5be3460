#!/bin/sh
# Nothing lost: `adopt --write` rewrites reports in place, so it is the
# one command that writes into the repository.  It must write only the
# files it adopts, never through a symbolic link (to a file outside the
# repository or inside it), never into a file it cannot replace whole,
# and keep every byte of the body.  Everything else in the tree and in
# .git stays as it was (checksums before and after).
. "$(dirname "$0")/../lib.sh"

W=$(tmpdir)
R=$W/repo
mkdir -p "$R/reports" "$W/outside"

legacy() {	# legacy FILE TITLE: a report written without this tool
	cat >"$1" <<EOF
# $2

Severity: SEV2

## Summary

The cache cluster evicted keys under load.

## Timeline (all times UTC)

- 2024-10-24 08:07 - alert fired for the cache hit ratio
- 2024-10-24 08:30 - traffic shifted to the standby cluster
- 2024-10-24 09:12 - service restored

## Action Items

- **Add an alert**: @bob due 2024-11-10 (High) OPS-12
EOF
}

legacy "$R/reports/plain.md" "Plain legacy report"
legacy "$W/outside/target.md" "Outside target"
legacy "$R/reports/inside-target.md" "Inside target"
ln -s "$W/outside/target.md" "$R/reports/link-out.md"
ln -s inside-target.md "$R/reports/link-in.md"
legacy "$R/reports/readonly.md" "Read-only report"
chmod 444 "$R/reports/readonly.md"
# CRLF and a BOM, kept byte for byte in the body.
legacy "$W/x.md" "CRLF report"
{ printf '\357\273\277'; sed 's/$/\r/' "$W/x.md"; } >"$R/reports/crlf-bom.md"
printf 'not a report\n' >"$R/reports/README.md"
git init -q "$R"
(cd "$R" && git add -A && commit_at 2025-03-05T09:00:00Z legacy) >/dev/null

sum() { find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; }
# The body: from the title on (a BOM, which moves before the fence,
# set aside).
body() { LC_ALL=C sed '1s/^\xef\xbb\xbf//' "$1" | sed -n '/^# /,$p'; }

sum "$W/outside" >"$W/outside.before"
(cd "$R" && find . -path ./.git -prune -o -print | LC_ALL=C sort) \
    >"$W/tree.before"
(cd "$R" && sum .git) | grep -v ' \./\.git/index$' >"$W/git.before"
body "$R/reports/plain.md" >"$W/plain.body"
body "$R/reports/crlf-bom.md" >"$W/crlf.body"
cp "$R/reports/readonly.md" "$W/readonly.before"

(cd "$R" && $PM adopt --write --today 2025-03-10) >"$W/out" 2>"$W/err"
rc=$?
if [ "$rc" -le 2 ]; then
	ok "adopt-write: ran (status $rc)"
else
	not_ok "adopt-write: ran (status $rc)"
	sed 's/^/#   /' "$W/err" | head -5 >&2
fi

sum "$W/outside" >"$W/outside.after"
if test_cmp "$W/outside.before" "$W/outside.after"; then
	ok "adopt-write: the file a symlink points to outside is untouched"
else
	not_ok "adopt-write: the file a symlink points to outside is untouched"
fi
for l in link-out.md link-in.md; do
	if [ -L "$R/reports/$l" ]; then
		ok "adopt-write: $l is still a symlink"
	else
		not_ok "adopt-write: $l is still a symlink"
	fi
done
if head -1 "$R/reports/plain.md" | grep -q '^---$' &&
    body "$R/reports/plain.md" | cmp -s - "$W/plain.body"; then
	ok "adopt-write: plain report adopted, body byte for byte"
else
	not_ok "adopt-write: plain report adopted, body byte for byte"
fi
if [ -s "$W/crlf.body" ] &&
    body "$R/reports/crlf-bom.md" | cmp -s - "$W/crlf.body" &&
    head -c 3 "$R/reports/crlf-bom.md" | od -An -tx1 | grep -q 'ef bb bf'; then
	ok "adopt-write: CRLF body and BOM kept byte for byte"
else
	not_ok "adopt-write: CRLF body and BOM kept byte for byte"
fi
# A read-only file is either left as it was or replaced whole: never
# truncated or half written.
if cmp -s "$R/reports/readonly.md" "$W/readonly.before" ||
    { head -1 "$R/reports/readonly.md" | grep -q '^---$' &&
    body "$R/reports/readonly.md" | cmp -s - "$W/readonly.before"; }; then
	ok "adopt-write: read-only report intact or adopted whole"
else
	not_ok "adopt-write: read-only report intact or adopted whole"
fi
(cd "$R" && find . -path ./.git -prune -o -print | LC_ALL=C sort) \
    >"$W/tree.after"
if test_cmp "$W/tree.before" "$W/tree.after"; then
	ok "adopt-write: no file added or removed (no temp file left)"
else
	not_ok "adopt-write: no file added or removed (no temp file left)"
fi
(cd "$R" && sum .git) | grep -v ' \./\.git/index$' >"$W/git.after"
if test_cmp "$W/git.before" "$W/git.after"; then
	ok "adopt-write: .git untouched"
else
	not_ok "adopt-write: .git untouched"
fi
# A second run changes nothing at all.
sum "$R/reports" >"$W/second.before"
(cd "$R" && $PM adopt --write --today 2025-03-10) >/dev/null 2>&1
sum "$R/reports" >"$W/second.after"
if test_cmp "$W/second.before" "$W/second.after"; then
	ok "adopt-write: a second run changes nothing"
else
	not_ok "adopt-write: a second run changes nothing"
fi

done_testing
