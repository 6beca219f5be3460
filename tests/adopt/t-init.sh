#!/bin/sh
# postmortem init: a .postmortem.yaml tuned to the repository (golden
# output per fixture style, tests/adopt/golden/STYLE.init; REGEN=1
# rewrites them), never overwriting one, and read back by lint.
. "$(dirname "$0")/../lib.sh"
FIX=$TOP/tests/adopt/fixtures
GOLD=$TOP/tests/adopt/golden

for style in stats sre dmy messy nested; do
	d=$(tmpdir)
	git init -q "$d/repo"
	cp -R "$FIX/$style/." "$d/repo/"
	rm -f "$d/repo/.gitattributes"
	(cd "$d/repo" && git add -A && commit_at 2025-01-01T00:00:00Z init)
	(cd "$d/repo" && $PM init >"$d/out" 2>"$d/err")
	check "init $style: exits 0" test $? -eq 0
	check "init $style: writes nothing on standard output" \
	    test ! -s "$d/out"
	if [ -n "${REGEN:-}" ]; then
		cp "$d/repo/.postmortem.yaml" "$GOLD/$style.init"
	fi
	if test_cmp "$GOLD/$style.init" "$d/repo/.postmortem.yaml"; then
		ok "init $style: golden"
	else
		not_ok "init $style: golden"
	fi
	(cd "$d/repo" && $PM init --stdout >"$d/stdout" 2>/dev/null)
	check "init $style: --stdout prints the same text" \
	    cmp -s "$d/stdout" "$d/repo/.postmortem.yaml"
	cp "$d/repo/.postmortem.yaml" "$d/before"
	(cd "$d/repo" && $PM init >/dev/null 2>"$d/err2")
	rc=$?
	check "init $style: refuses to overwrite (exit 2)" test "$rc" -eq 2
	check "init $style: says why" grep -q 'already exists' "$d/err2"
	check "init $style: the file is unchanged" \
	    cmp -s "$d/before" "$d/repo/.postmortem.yaml"
	(cd "$d/repo" && $PM lint --today 2026-11-01 >/dev/null 2>"$d/lint.err")
	check "init $style: lint reads the configuration" test $? -le 1
	check "init $style: lint now sees every report" \
	    sh -c "! grep -q 'look like post-mortems' '$d/lint.err'"
done

# A large repository with its reports in a subfolder (issue 11): the
# globs name that folder, .md.erb and files without an extension
# included; guides, runbooks and a dated guide elsewhere left out; the
# template and the index excluded; the severity word found.
d=$(tmpdir)
git init -q "$d/repo"
cp -R "$FIX/nested/." "$d/repo/"
(cd "$d/repo" && git add -A && commit_at 2025-01-01T00:00:00Z init)
(cd "$d/repo" && $PM init >/dev/null 2>&1)
y=$d/repo/.postmortem.yaml
check "init nested: one glob for the reports' folder" \
    grep -q '^  - "handbook/incidents/\*\*/\*.md"' "$y"
check "init nested: .md.erb reports included" \
    grep -q '^  - "handbook/incidents/\*\*/\*.md.erb"' "$y"
check "init nested: a report without an extension by its path" \
    grep -q '^  - "handbook/incidents/2023-03-12-laptop-stolen"' "$y"
check "init nested: the template is excluded" \
    grep -q '^  - "handbook/incidents/template.md"	# a template' "$y"
check "init nested: the index is excluded" \
    grep -q '^  - "handbook/incidents/index.md"' "$y"
check "init nested: nothing outside the folder is included" \
    sh -c "! grep -q -e '^  - \"docs' -e '^  - \"runbooks' -e 'guides' \
    -e '^  - \"\*\*' '$y'"
check "init nested: the severity word found is in the table" \
    grep -q '^  "Major": SEV2' "$y"
(cd "$d/repo" && $PM adopt >"$d/adopt" 2>"$d/adopt.err")
check "init nested: adopt then finds the 4 reports and no other file" \
    test "$(grep -c '^diff --git' "$d/adopt")" -eq 4
check "init nested: the template is skipped by adopt, silently (excluded)" \
    sh -c "! grep -q template '$d/adopt' '$d/adopt.err'"
# Reports named by an id ("INC-2021-003 - ...") are reports even when
# every time of one of them is unreadable (a five-digit year): the id
# in the name counts as a date does.
d=$(tmpdir)
git init -q "$d/ids"
for n in 1 2; do
	cat >"$d/ids/INC-2021-00$n - Cache node $n lost.md" <<EOF
# Cache node $n lost

## Summary

Cache node $n stopped answering and requests fell through to the database.

## Timeline

| Time | Event |
| --- | --- |
| 2021-03-0$n 10:00 | node $n stops answering |
| 2021-03-0$n 10:20 | node $n replaced |

## Root Cause

The node ran out of disk for its append log.
EOF
done
cat >"$d/ids/INC-2021-003 - Build agents offline.md" <<'EOF'
# Build agents offline

## Summary

Every build agent went offline after an image update.

## Timeline

| Time | Event |
| --- | --- |
| 20211-04-02 09:00 | the new image rolls out |

## Lessons Learned

Roll images out to one agent first.
EOF
(cd "$d/ids" && git add -A && commit_at 2021-04-05T10:00:00Z "reports" &&
    $PM init --stdout) >"$d/ids.yaml" 2>&1
check "init ids: the report with unreadable times is not excluded" \
    sh -c "! grep -q 'Build agents offline' '$d/ids.yaml'"
check "init ids: the reports are included" grep -q '^  - "\*.md"' "$d/ids.yaml"
done_testing
