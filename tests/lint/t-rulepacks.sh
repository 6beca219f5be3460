#!/bin/sh
# Every bad/good example of every shipped rule pack holds (rules --test);
# a repository pack whose examples fail, or whose pattern does not
# compile, is reported with its file and line.
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
cd "$T" || exit 2
pm rules --test >all.out 2>&1
rc=$?
check "rules --test: every shipped example passes (exit 0)" test "$rc" -eq 0
check "rules --test: examples were run" \
    grep -q '^[0-9]* patterns, [1-9][0-9]* examples: [0-9]* passed, 0 failed$' all.out

git init -q repo && cd repo || exit 2
mkdir lint
printf 'rule_packs: [lint/ours.yaml]\n' >.postmortem.yaml
cat >lint/ours.yaml <<'EOR'
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
    grep -q 'lint/ours.yaml:7: en/too-narrow: bad example does not match' ours.out
check "rules --test: names the good example and its line" \
    grep -q 'lint/ours.yaml:8: en/too-narrow: good example matches' ours.out

cat >lint/ours.yaml <<'EOR'
family: language/blameless
locale: en
rules:
  - id: broken
    pattern: '(unclosed'
    message: "x"
EOR
pm lint --today 2026-11-01 >broken.out 2>&1
rc=$?
check "a pattern that does not compile: exit 2" test "$rc" -eq 2
check "a pattern that does not compile: file, line and PCRE2 message" \
    grep -q "lint/ours.yaml:5: pattern of 'en/broken' does not compile: missing closing parenthesis at offset 9" broken.out
done_testing
