#!/bin/sh
# The other CI formats against what their readers document:
#  - GitLab Code Quality: a JSON array of issues, each with description,
#    check_name, fingerprint (unique in the report, stable when lines
#    move), severity (info, minor, major, critical or blocker),
#    location.path (relative) and location.lines.begin (from 1);
#  - JUnit XML against tests/lint/data/junit.xsd (the schema GitLab and
#    Jenkins read, written down), with counts that add up.
# On a corpus where every rule fires, on the samples and on a clean run.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/lint/data/every-rule.sh"
TODAY="--today 2026-11-01"
work=$(tmpdir)

if ! command -v jq >/dev/null 2>&1; then
	ok "gitlab and junit # skip: jq is not installed (make test-deps)"
	done_testing
	exit
fi

make_every_rule "$work/every"
rm -rf "$work/samples" && cp -R "$TOP/sample-postmortems" "$work/samples"
mkdir -p "$work/clean"
cp "$TOP/tests/lint/data/good.md" "$work/clean/"

# gitlab_ok FILE: the Code Quality fields, one line per problem.
gitlab_problems() {
	jq -r '
	    if type != "array" then "not an array" else
	    (.[] | select(
		(.description | type) != "string" or (.description | length) == 0 or
		(.check_name | type) != "string" or (.check_name | length) == 0 or
		(.fingerprint | type) != "string" or (.fingerprint | length) == 0 or
		(.severity | IN("info", "minor", "major", "critical", "blocker") | not) or
		(.location.path | type) != "string" or
		(.location.path | startswith("/")) or
		(.location.lines.begin | type) != "number" or
		.location.lines.begin < 1 or
		(.location.lines.begin | floor) != .location.lines.begin) |
	    "bad issue: \(.)"),
	    (group_by(.fingerprint)[] | select(length > 1) |
	    "fingerprint used twice: \(.[0].fingerprint)")
	    end' "$1"
}

for c in every samples clean; do
	(cd "$work/$c" && $PM lint $TODAY --format gitlab .) \
	    >"$work/$c.gitlab" 2>/dev/null
	(cd "$work/$c" && $PM lint $TODAY --format json .) \
	    >"$work/$c.json" 2>/dev/null
	gitlab_problems "$work/$c.gitlab" >"$work/$c.gl-problems" 2>&1
	check "gitlab ($c): every issue has GitLab's fields" \
	    test_cmp /dev/null "$work/$c.gl-problems"
	check "gitlab ($c): one issue per finding" \
	    [ "$(jq length "$work/$c.gitlab")" -eq \
	    "$(jq '.findings | length' "$work/$c.json")" ]
done
check "gitlab: the clean report is an empty array" \
    [ "$(jq -c . "$work/clean.gitlab")" = "[]" ]
check "gitlab: errors are major, warnings minor, info info" \
    [ "$(jq -r '[.[].severity] | unique | join(" ")' "$work/every.gitlab")" \
    = "info major minor" ]

# Stable: the same again, and after a paragraph moves every line.
(cd "$work/every" && $PM lint $TODAY --format gitlab .) >"$work/again.gitlab" \
    2>/dev/null
check "gitlab: byte-identical across runs" \
    cmp "$work/every.gitlab" "$work/again.gitlab"
awk '{ print } /^## Summary/ { print ""; print "Added later."; }' \
    "$work/every/faults.md" >"$work/t" && mv "$work/t" "$work/every/faults.md"
(cd "$work/every" && $PM lint $TODAY --format gitlab .) >"$work/moved.gitlab" \
    2>/dev/null
jq -r '.[].fingerprint' "$work/every.gitlab" | sort >"$work/fp1"
jq -r '.[].fingerprint' "$work/moved.gitlab" | sort >"$work/fp2"
check "gitlab: fingerprints do not change when lines move" \
    test_cmp "$work/fp1" "$work/fp2"
check "  ... while the lines did" \
    sh -c '! cmp -s "$1" "$2"' - "$work/every.gitlab" "$work/moved.gitlab"

# JUnit.
if ! command -v xmllint >/dev/null 2>&1; then
	ok "junit # skip: xmllint is not installed (make test-deps)"
	done_testing
	exit
fi
XSD=$TOP/tests/lint/data/junit.xsd
valid() {
	xmllint --noout --schema "$XSD" "$1" 2>"$1.err" || {
		cat "$1.err" >&2
		return 1
	}
}
for c in every samples clean; do
	(cd "$work/$c" && $PM lint $TODAY --format junit .) \
	    >"$work/$c.xml" 2>/dev/null
	check "junit ($c): valid against the JUnit schema" \
	    valid "$work/$c.xml"
	# Counts add up: tests = testcases, failures = failed testcases.
	tests=$(xmllint --xpath 'string(/testsuites/testsuite/@tests)' \
	    "$work/$c.xml")
	cases=$(xmllint --xpath 'count(//testcase)' "$work/$c.xml")
	failures=$(xmllint --xpath 'string(/testsuites/testsuite/@failures)' \
	    "$work/$c.xml")
	failed=$(xmllint --xpath 'count(//testcase[failure])' "$work/$c.xml")
	top=$(xmllint --xpath 'string(/testsuites/@failures)' "$work/$c.xml")
	check "junit ($c): tests and failures count the test cases" \
	    [ "$tests.$failures.$top" = "$cases.$failed.$failed" ]
done
check "junit: one test case per report" \
    [ "$(xmllint --xpath 'count(//testcase)' "$work/every.xml")" -eq 4 ]
errors=$(jq '[.findings[] | select(.severity == "error") | .path] | unique |
    length' "$work/every.json")
check "junit: a failure for each report with errors" \
    [ "$(xmllint --xpath 'count(//testcase[failure])' "$work/every.xml")" \
    -eq "$errors" ]
check "junit: the failure lists all of its report's errors" \
    [ "$(xmllint --xpath 'string(//testcase[@name="faults.md"]/failure)' \
    "$work/every.xml" | grep -c ': error: ')" -eq "$(jq '[.findings[] |
    select(.path == "faults.md" and .severity == "error")] | length' \
    "$work/every.json")" ]
# The schema can fail: two failures in one test case are refused.
sed 's|</failure>|</failure><failure message="x">y</failure>|' \
    "$work/every.xml" >"$work/two.xml"
check "junit: the schema refuses a test case with two failures" \
    sh -c '! xmllint --noout --schema "$1" "$2" 2>/dev/null' - "$XSD" \
    "$work/two.xml"

done_testing
