#!/bin/sh
# postmortem adopt FILES on the shapes real reports take (issue 11),
# tests/adopt/fixtures/shapes/: dates around titles, "# Title:" with the
# title in the next heading, no title heading (the file name), setext
# headings, a file without an extension, an id token in the file name,
# severity words in a line, a section and a heading, an owner heading,
# placeholders that are never values, an .html.md.erb file with a front
# matter of its own (merged, not replaced), and two templates (one by
# name, one by its placeholders) that are skipped by adopt, lint and
# build.  Golden files (REGEN=1 rewrites them): shapes.diff, shapes.err.
. "$(dirname "$0")/../lib.sh"
FIX=$TOP/tests/adopt/fixtures/shapes
GOLD=$TOP/tests/adopt/golden

golden() {
	if [ -n "${REGEN:-}" ]; then
		cp "$2" "$GOLD/$1"
	fi
	if test_cmp "$GOLD/$1" "$2"; then ok "shapes golden $1"
	else not_ok "shapes golden $1"; fi
}

d=$(tmpdir)
r=$d/repo
git init -q "$r"
cp -R "$FIX/." "$r/"
(cd "$r" && git add -A && commit_at 2024-12-05T10:00:00Z "reports") \
    >/dev/null

# Every file named on the command line is a report, wherever it is
# and whatever it looks like; the templates among them are skipped.
(cd "$r" && find . -type f ! -path './.git/*' | sed 's|^\./||' |
    LC_ALL=C sort) >"$d/files"
# adopt_files ARGS...: adopt ARGS... every file of the fixture.
adopt_files() {
	(
		cd "$r" || exit 2
		set -- "$@" --
		while read -r f; do set -- "$@" "$f"; done <"$d/files"
		$PM adopt "$@"
	)
}
adopt_files >"$d/diff" 2>"$d/err"
echo "exit $?" >>"$d/err"
golden shapes.diff "$d/diff"
golden shapes.err "$d/err"

n=$(grep -c '^diff --git' "$d/diff")
check "shapes: every named report is adopted (10 of 12 files)" \
    test "$n" -eq 10
check "shapes: the template named so is skipped, with a note" \
    grep -q 'forms/postmortem-template.md: skipped: a report template' \
    "$d/err"
check "shapes: the template of placeholders is skipped, with a note" \
    grep -q 'forms/blank-form.md: skipped: a report template' "$d/err"
check "shapes: a missing field is named with why" \
    grep -q 'could not infer severity (no Severity: line' "$d/err"
check "shapes: a placeholder is never a value" \
    sh -c "! grep '^+' '$d/diff' | grep -q -e 'XXX' \
    -e 'Link to the recording' -e 'Xh Xm'"

# The diff applies; --write gives the same files.
cp -R "$r" "$d/ga"
check "shapes: the diff applies with git apply" \
    sh -c "cd '$d/ga' && git apply --whitespace=nowarn '$d/diff'"

# --write: the .erb file keeps its own front matter, fields added.
adopt_files --write >/dev/null 2>&1
check "shapes: --write gives what the diff says" \
    diff -r -x .git "$r" "$d/ga"
erb=$r/incidents/2023-06-01-ingress.html.md.erb
check "shapes: .erb keeps its title and weight, first" \
    sh -c "sed -n 2,3p '$erb' | tr '\n' ' ' | grep -q \
    '^title: Incident on 2023-06-01 - Ingress rules lost weight: 3 \$'"
check "shapes: .erb has one front matter" \
    test "$(grep -c '^---$' "$erb")" -eq 2
sed '1,/^---$/d' "$FIX/incidents/2023-06-01-ingress.html.md.erb" >"$d/body"
check "shapes: .erb body unchanged" \
    sh -c "sed '1,/^---\$/d' '$erb' | cmp -s - '$d/body'"
check "shapes: the templates are not rewritten" \
    sh -c "cmp -s '$r/forms/blank-form.md' '$FIX/forms/blank-form.md' &&
    cmp -s '$r/forms/postmortem-template.md' \
    '$FIX/forms/postmortem-template.md'"
adopt_files >"$d/diff2" 2>/dev/null
check "shapes: a second run has nothing to do" test ! -s "$d/diff2"

# lint and build skip the templates and say so.
printf 'include: ["**/*.md", "**/*.md.erb", "2022-10-31-Phone-Incident"]\n' \
    >"$r/.postmortem.yaml"
(cd "$r" && $PM lint --today 2025-01-01 >"$d/lint" 2>"$d/lint.err")
check "shapes: lint notes the skipped templates" \
    sh -c "grep -q 'note: forms/blank-form.md: skipped' '$d/lint.err' &&
    grep -q 'note: forms/postmortem-template.md: skipped' '$d/lint.err'"
check "shapes: lint reports nothing in a template" \
    sh -c "! grep -q '^forms/' '$d/lint'"
(cd "$r" && git add -A && commit_at 2024-12-06T10:00:00Z adopt) >/dev/null
(cd "$r" && $PM build --out "$d/site" --today 2025-01-01 >/dev/null \
    2>"$d/build.err")
check "shapes: build succeeds" test $? -eq 0
check "shapes: build notes the skipped templates" \
    grep -q 'note: forms/blank-form.md: skipped' "$d/build.err"
check "shapes: no page for a template" \
    sh -c "! grep -rqi -e 'Incident title' -e 'blank-form' '$d/site'"
check "shapes: the .erb report has its page" \
    test -f "$d/site/r/2023-06-01-ingress.html"

done_testing
