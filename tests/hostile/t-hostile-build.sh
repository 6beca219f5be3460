#!/bin/sh
# Hostile input through `build`: the site renders every body with
# cmark-gfm, so each hostile report of t-hostile.sh that would reach
# the renderer (deep nesting, the cmark-gfm CVE inputs, huge tables
# and lines, bad bytes, odd ids) is built into a site beside the good
# report, under the same time and memory bound.  The build must end
# with status 0 (findings never fail a build), no sanitizer report,
# the good report's page written, and no page holding a raw <script>.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/hlib.sh"
HPREFIX=hostile-build

# brun: build $R into $W/site-$CASE and check.
brun() {
	[ -d "$R/.git" ] && [ -z "$NOCOMMIT" ] && commit_all
	o=$W/site-$CASE
	(cd "$R" && eval "$MEMLIM" &&
	    exec timeout -k 5 "$TIMEOUT" $PM build --today 2025-03-10 \
	    --out "$o") </dev/null >"$W/out" 2>"$W/err"
	rc=$?
	n="$HPREFIX/$CASE"
	case $rc in
	0)	ok "$n: exit status 0" ;;
	124|137) not_ok "$n: timed out after ${TIMEOUT}s" ;;
	86)	not_ok "$n: sanitizer report" ;;
	*)	not_ok "$n: exit status $rc"
		sed 's/^/#   /' "$W/err" | head -8 >&2 ;;
	esac
	if grep -qE 'Sanitizer|runtime error:|==[0-9]+==' "$W/err"; then
		not_ok "$n: sanitizer clean"
		grep -E 'ERROR|runtime error|SUMMARY|#[0-9]+ ' "$W/err" |
		    head -12 | sed 's/^/#   /' >&2
	fi
	if [ "$rc" -eq 0 ]; then
		if grep -rlq 'Search index lag after a mapping change' \
		    "$o/r" 2>/dev/null; then
			ok "$n: good report has its page"
		else
			not_ok "$n: good report has its page"
		fi
		if grep -rlq '<script>alert' "$o" 2>/dev/null; then
			not_ok "$n: no raw <script> from the input"
		else
			ok "$n: no raw <script> from the input"
		fi
	fi
	rm -rf "$R" "$o"
}

# bcase NAME CMD...: a case whose hostile report's Summary is CMD's
# output.
bcase() {
	name=$1; shift
	if hcase "$name"; then
		report_with "$R/reports/hostile.md" "$@"
		brun
	fi
}

nested_lists() { rep '- ' 100000; printf 'x\n'; }
nested_quotes() { rep '> ' 100000; printf 'x\n'; }
list_lines() {
	LC_ALL=C awk 'BEGIN { s = ""; for (i = 0; i < 1000; i++) {
		print s "- item"; s = s "  " } }'
}
line10mb() { rep 'aaaaaaaaa ' 1000000; }
wide_table() {
	printf '|'; rep ' c |' 100000; printf '\n|'; rep '---|' 100000
	printf '\n|'; rep ' x |' 100000; printf '\n'
}
long_table() {
	printf '| a | b |\n|---|---|\n'; rep '| x | y |
' 100000
}
cve_table() { rep '|-
t>|-
' 100000; }
cve_quotes() { rep '>' 100000; printf '\n'; }
cve_autolink() { rep '<http://s' 100000; printf '\n'; }
cve_comment() { rep '<!--' 100000; printf '\n'; }
cve_image() { rep '![[]()' 100000; printf '\n'; }
cve_quote_emph() { rep '>' 50000; rep 'a*' 50000; printf '\n'; }
cve_dash() { rep ' -
' 100000; }
cve_under() { rep '_' 100000; printf '.'; rep '_' 100000; printf '\n'; }
cve_footnote() { rep '[^1]:' 100000; printf '\n'; }
cve_brackets() { rep '[' 50000; printf 'a'; rep ']' 50000; printf '\n'; }
cve_emph() { rep '*a **a ' 50000; printf 'b'; rep ' a** a*' 50000; printf '\n'; }
xss() {
	printf '<script>alert(1)</script>\n\n'
	printf '[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n'
	printf '[[<script>alert(2)</script>]]\n'
}
bad_bytes() { printf 'bad \377\376 \300\257 \355\240\200 end\n'; }

bcase nested-lists-100k nested_lists
bcase nested-quotes-100k nested_quotes
bcase nested-list-lines list_lines
if [ -z "${VALGRIND:-}" ]; then
	bcase line-10mb line10mb
	bcase table-100k-columns wide_table
	bcase table-100k-rows long_table
else
	skip "hostile-build/line-10mb, table-100k-columns, table-100k-rows" \
	    "big inputs are not run under valgrind"
fi
bcase cve-table cve_table
bcase cve-quotes cve_quotes
bcase cve-autolink cve_autolink
bcase cve-comment cve_comment
bcase cve-image cve_image
bcase cve-quote-emph cve_quote_emph
bcase cve-dash-lines cve_dash
bcase cve-underscores cve_under
bcase cve-footnotes cve_footnote
bcase cve-brackets cve_brackets
bcase cve-emphasis cve_emph
bcase xss xss
bcase invalid-utf8 bad_bytes

# Hostile front matter: every field a page shows.
hostile_fm() {
	cat <<'EOF'
title: "<script>alert(1)</script> \u0000 \uFFFF"
id: "../../<script>"
severity: "P1\" onmouseover=\"alert(1)"
started: 2025-03-04T10:00:00Z
ended: 2025-03-04T11:00:00Z
services: ["<b>svc</b>", "../../etc", "", "a/b"]
tags: ["javascript:alert(1)", "\u202Eevil"]
authors: ["@<script>", "@x\"y"]
related: ["../../x", "hostile-good"]
impact: {failed_requests: 1e308, customers: -1, "<k>": "<v>"}
extra: {nested: [1, [2, [3, {a: b}]]]}
EOF
}
if hcase front-matter; then
	fm_with "$R/reports/fm.md" hostile_fm
	brun
fi

# Tree entries git never writes: nothing lands outside --out.
if hcase tree-odd-entries; then
	rm -rf "$R"
	odd_tree "$R"
	NOCOMMIT=1
	brun
	if ls "$W"/escape* "$W/site-$CASE"/../escape* >/dev/null 2>&1; then
		not_ok "$HPREFIX/$CASE: nothing written beside --out"
	else
		ok "$HPREFIX/$CASE: nothing written beside --out"
	fi
fi

# Times at the edges# Times at the edges: the trend pages subtract and bucket them.
extreme_fm() {
	cat <<'EOF'
title: extremes
severity: P1
started: 292277026596-12-04T15:30:07Z
detected: -292277022657-01-27T08:29:52Z
mitigated: 0001-01-01T00:00:00Z
ended: 9999-12-31T23:59:59-23:59
distributed: 0000-01-01T00:00:00+23:59
follow_up: 9999-12-31
services: [a]
impact: {failed_requests: 1e308, customers: -9223372036854775808, revenue_usd: 1.7976931348623157e308}
EOF
}
if hcase extreme-times; then
	fm_with "$R/reports/extreme.md" extreme_fm
	sed -e 's/^started: .*/started: 1970-01-01T00:00:00Z/' \
	    -e 's/^ended: .*/ended: 9999-12-31T23:59:59Z/' \
	    -e 's/^id: hostile-good$/id: wide/' \
	    "$H/good.md" >"$R/reports/wide.md"
	brun
fi

done_testing
