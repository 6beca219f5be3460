#!/bin/sh
# A hostile report: script tags in the title and services, javascript:
# links, raw <img onerror>, an id that climbs out of the site.  Nothing
# comes out unescaped and nothing is written outside --out.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)
report_repo "$d/repo"
add_report "$d/repo" "reports/evil.md" '---
title: "<script>alert(\"title\")</script> & friends"
id: ../../etc/passwd
severity: P1
started: 2025-02-09T10:00:00Z
detected: 2025-02-09T10:05:00Z
ended: 2025-02-09T11:00:00Z
services: ["<script>alert(1)</script>", "api\"><img src=x onerror=alert(2)>"]
tags: ["javascript:alert(3)"]
authors: ["@mallory<b>"]
related: ["../x"]
x-evil: "<iframe src=javascript:alert(4)>"
nested: {a: "<svg onload=alert(5)>", b: [1, "<b>"]}
---

## Summary

Click [here](javascript:alert(6)) or [there](JaVaScRiPt:alert(7)) or
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==).
Raw: <img src=x onerror=alert(9)> <script>alert(10)</script>
<a href="javascript:alert(11)">raw link</a>
See [[../../etc/passwd]] and [[<script>]].

## Timeline

| Time | Event | Source | Actor |
|---|---|---|---|
| 10:00 | <script>alert(12)</script> | x | y |
' 2025-02-10T00:00:00Z
add_report "$d/repo" "reports/.hidden.md" '---
title: Hidden name
id: .hidden
severity: P3
started: 2025-03-01T10:00:00Z
ended: 2025-03-01T11:00:00Z
authors: ["@a"]
---

## Summary

x
' 2025-03-02T00:00:00Z
mkdir "$d/box"
check "safety: build" build_site "$d/repo" "$d/box/site"
check "safety: only the site was written in its parent" \
    test "$(ls -A "$d/box")" = "site"
check "safety: nothing written beside the repository" \
    test "$(ls -A "$d")" = "$(printf 'box\nrepo')"
check "safety: no /etc/passwd page" test ! -e "$d/etc/passwd.html"
check "safety: file names are safe slugs" sh -c \
    "cd '$d/box/site' && ! find . -type f | grep -v '^\./\.postmortem-site$' | grep -q '[^a-z0-9._/-]\|/\.'"
check "safety: no script tag from the report" sh -c \
    "! grep -rl '<script>alert' '$d/box/site'"
check "safety: no event handler attribute" sh -c \
    "! grep -rlE '<[a-z]+ [^>]*on(error|load)=' '$d/box/site'"
check "safety: no javascript:/data: link or src" sh -c \
    "! grep -rliE '(href|src)=\"(javascript|data|vbscript):' '$d/box/site'"
check "safety: no raw iframe" sh -c "! grep -rl '<iframe' '$d/box/site'"
check "safety: title shown escaped" grep -q \
    '&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; friends' \
    "$d/box/site/index.html"
check "safety: unknown field shown escaped" grep -q \
    '&lt;iframe src=javascript:alert(4)&gt;' "$d/box/site/r/etc-passwd.html"
check "safety: Content-Security-Policy on every page" sh -c \
    "for f in \$(find '$d/box/site' -name '*.html'); do grep -q \"Content-Security-Policy\" \"\$f\" || exit 1; done"
check "safety: every local link stays inside" \
    python3 "$TOP/tests/site/checklinks.py" "$d/box/site"
done_testing
