#!/bin/sh
# Every bad/good example of every shipped rule pack holds (rules --test);
# the team pack of rules/README.md works as written (definitions of the
# shipped packs, \K, prefilter, examples, --explain, the finding's span);
# a repository pack whose examples fail, or whose pattern does not
# compile or calls an unknown or recursive definition, is reported with
# its file, line and rule while the other rules still run.
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
cd "$T" || exit 2
pm rules --test >all.out 2>&1
rc=$?
check "rules --test: every shipped example passes (exit 0)" test "$rc" -eq 0
check "rules --test: examples were run" \
    grep -q '^[0-9]* patterns, [1-9][0-9]* examples: [0-9]* passed, 0 failed$' all.out

# No shipped pattern is a generated one: each is short enough to review.
long=$(awk '/^    pattern: / && length($0) > 600 { print FILENAME ":" FNR }' \
    "$TOP"/rules/*.yaml)
check "shipped patterns are at most a few hundred characters ($long)" \
    test -z "$long"
check "the person test is written once per locale" \
    test "$(grep -c '^  person: ' "$TOP"/rules/blameless.*.yaml | grep -c ':1$')" -eq 5

git init -q repo && cd repo || exit 2
mkdir lint
printf 'rule_packs: [lint/team.en.yaml]\n' >.postmortem.yaml
# The worked example, exactly as rules/README.md shows it.
sed -n '/^<!-- team-pack-example -->$/,/^<!-- \/team-pack-example -->$/p' \
    "$TOP/rules/README.md" | sed '1,2d;$d' | sed '$d' >lint/team.en.yaml
check "the README's team pack was found" grep -q 'pushed-to-production' lint/team.en.yaml
sed -n '/^<!-- team-pack-example -->$/,/^<!-- \/team-pack-example -->$/p' \
    "$TOP/README.md" | sed '1,2d;$d' | sed '$d' >readme.yaml
check "README.md shows the same team pack as rules/README.md" \
    cmp -s readme.yaml lint/team.en.yaml
pm rules --test >team.out 2>&1
rc=$?
check "team pack: rules --test passes (exit 0)" test "$rc" -eq 0
check "team pack: its examples ran" \
    grep -q 'examples: [0-9]* passed, 0 failed$' team.out
pm rules --explain en/pushed-to-production >explain.out 2>&1
check "rules --explain names the rule and its file" \
    grep -q '^en/pushed-to-production (.*lint/team.en.yaml:[0-9]*, language/blameless)$' explain.out
check "rules --explain shows the shipped definition it calls" \
    grep -q '^  (?&person) = .*rules/blameless.en.yaml:[0-9]*\]$' explain.out
check "rules --explain shows the compiled DEFINE group" \
    grep -q '^compiled: .*(?(DEFINE)(?<' explain.out
check "rules --explain: \\K moves the match to the verb" \
    grep -q "match  \"Carol pushed straight to production on Friday.\" -> 'pushed straight to production' at column 7" explain.out
check "rules --explain: a good example does not match" \
    grep -q '^  ok     "The release bot pushed straight to production after the merge."$' explain.out
pm rules --explain no-such-rule >/dev/null 2>&1
check "rules --explain of an unknown id exits 2" test $? -eq 2

mkdir -p postmortems
cat >postmortems/r.md <<'EOR'
---
title: "Deploy of a config change"
id: r
severity: P3
status: final
started: 2026-10-01T10:00:00Z
ended: 2026-10-01T11:00:00Z
authors: ["@erin"]
---

## Summary

After the review, Carol pushed straight to production.
EOR
git add -A && git commit -qm report
pm lint --today 2026-11-01 --format json postmortems/r.md >lint.json 2>lint.err
check "lint: the team rule finds the phrase" \
    grep -q '"detail": "en/pushed-to-production"' lint.json
check "lint: the finding starts at the verb (\\K) and ends after the match" \
    sh -c "tr -d ' \n' <lint.json | grep -q '\"line\":13,\"column\":25,\"end_column\":54,\"severity\":\"[a-z]*\",\"rule\":\"language/blameless\",\"detail\":\"en/pushed-to-production\"'"

cat >lint/team.en.yaml <<'EOR'
family: language/blameless
locale: en
rules:
  - id: too-narrow
    pattern: '\bblame\b'
    message: "say what the system allowed, not who is to blame"
    bad: ["He was blamed for it"]
    good: ["Nobody is to blame here"]
EOR
pm rules --test >ours.out 2>&1
rc=$?
check "rules --test: a failing example exits 1" test "$rc" -eq 1
check "rules --test: names the bad example and its line" \
    grep -q 'lint/team.en.yaml:7: en/too-narrow: bad example does not match' ours.out
check "rules --test: names the good example and its line" \
    grep -q 'lint/team.en.yaml:8: en/too-narrow: good example matches' ours.out

cat >lint/team.en.yaml <<'EOR'
family: language/blameless
locale: en
define:
  loop: 'a(?&loop2)'
  loop2: 'b(?&loop)'
rules:
  - id: broken
    pattern: '(unclosed'
    message: "x"
  - id: unknown
    pattern: '(?&nobody)\s+forgot'
    message: "x"
  - id: recursive
    pattern: '(?&loop)'
    message: "x"
  - id: fine
    pattern: '\bsomething\s+odd\b'
    message: "odd"
EOR
cat >postmortems/r.md <<'EOR'
---
title: "Something odd"
id: r
severity: P3
status: final
started: 2026-10-01T10:00:00Z
ended: 2026-10-01T11:00:00Z
authors: ["@erin"]
---

## Summary

Something odd happened; Dan forgot to drain the node.
EOR
git add -A && git commit -qm broken
pm lint --today 2026-11-01 postmortems/r.md >broken.out 2>broken.err
rc=$?
check "a broken repository rule: exit 2" test "$rc" -eq 2
check "a pattern that does not compile: file, line, rule and PCRE2 message" \
    grep -q "lint/team.en.yaml:8: pattern of 'en/broken' does not compile: missing closing parenthesis at offset 9" broken.err
check "an unknown definition: file, line and rule" \
    grep -q "lint/team.en.yaml:11: pattern of 'en/unknown' calls (?&nobody), which no pack of locale 'en' defines" broken.err
check "a definition that calls itself: file, line and the cycle" \
    grep -q "lint/team.en.yaml:4: definition 'loop': a definition may not call itself (loop -> loop2 -> loop)" broken.err
check "a rule calling a recursive definition is named too" \
    grep -q "lint/team.en.yaml:14: pattern of 'en/recursive'" broken.err
check "the repository's good rule still runs" grep -q 'en/fine' broken.out
check "the shipped packs still run" grep -q 'en/person-omission' broken.out
done_testing
