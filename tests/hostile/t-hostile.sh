#!/bin/sh
# Hostile input (tests/hostile/README): each case is a repository made
# here with one hostile file (or several) beside tests/hostile/good.md,
# linted with `postmortem lint --format json` under a time and memory
# bound.  The runner checks, per case:
#   - the exit status is one the case allows (0/1; 2 only for a usage
#     error), never a signal, a timeout or a sanitizer report;
#   - each expected finding (path, rule, line) is in the JSON output;
#   - the good report was still processed: its one known finding
#     (actions/tracked on line 59) is there.
# Big inputs are generated here, never committed.  HOSTILE_TIMEOUT and
# HOSTILE_MEM_KB change the bounds; ONLY_CASE=NAME runs one case;
# VALGRIND=1 skips the big cases (valgrind would take minutes on them).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/hlib.sh"

# ---- YAML front matter ----

# Billion laughs: each level nine aliases of the one before; the
# expanded weight passes 100000 nodes on the line of 'f'.
laughs() {
	printf 'title: laughs\n'
	printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
	for p in a:b b:c c:d d:e e:f f:g g:h h:i; do
		x=${p%:*}; y=${p#*:}
		printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' \
		    "$y" "$y" "$x" "$x" "$x" "$x" "$x" "$x" "$x" "$x" "$x"
	done
}
if hcase yaml-laughs; then
	fm_with "$R/reports/laughs.md" laughs
	expect reports/laughs.md "$FMERR" 8
	expect_status 1
	hrun
fi

aliases150() {
	printf 'title: aliases\na: &a x\nb: ['
	rep '*a,' 150
	printf '*a]\n'
}
if hcase yaml-alias-count; then
	fm_with "$R/reports/aliases.md" aliases150
	expect reports/aliases.md "$FMERR" 4
	expect_status 1
	hrun
fi

deepseq() { printf 'title: '; rep '[' 100000; rep ']' 100000; printf '\n'; }
if hcase yaml-deep-seq; then
	fm_with "$R/reports/deep.md" deepseq
	expect reports/deep.md "$FMERR" 2
	expect_status 1
	hrun
fi

deepseq_open() { printf 'title: '; rep '[' 100000; printf '\n'; }
if hcase yaml-deep-seq-unclosed; then
	fm_with "$R/reports/deep.md" deepseq_open
	expect reports/deep.md "$FMERR" 2
	expect_status 1
	hrun
fi

deepmap() { printf 'a: '; rep '{a: ' 100000; rep '}' 100000; printf '\n'; }
if hcase yaml-deep-map; then
	fm_with "$R/reports/deep.md" deepmap
	expect reports/deep.md "$FMERR" 2
	expect_status 1
	hrun
fi

# Block nesting by indentation: the 65th mapping opens near line 66.
deepblock() {
	LC_ALL=C awk 'BEGIN { for (i = 0; i < 1000; i++) {
		s = ""; for (j = 0; j < i; j++) s = s " "; print s "k:" } }'
}
if hcase yaml-deep-block; then
	fm_with "$R/reports/deep.md" deepblock
	expect reports/deep.md "$FMERR" 60-70
	expect_status 1
	hrun
fi

# The front matter never closes, over 100000 lines.
unclosed() { printf -- '---\ntitle: x\n'; rep 'k: v
' 100000; }
if hcase fm-unterminated; then
	unclosed >"$R/reports/open.md"
	expect reports/open.md 'frontmatter/syntax|frontmatter/required|input/limits' '*'
	expect_status 1
	hrun
fi

if hcase fm-fence-only; then
	printf -- '---\n' >"$R/reports/fence.md"
	expect reports/fence.md 'frontmatter/syntax|frontmatter/required' 0-1
	expect_status 1
	hrun
fi

if hcase empty-named; then
	: >"$R/reports/empty.md"
	expect reports/empty.md 'frontmatter/required|input/limits' 0-1
	expect_status 1
	hrun reports/empty.md reports/good.md
fi

# Values at and past the edges of every type the front matter has
# (UBSan catches a signed overflow in time or number handling), and a
# timeline and action items made of the same.
extreme_fm() {
	cat <<'EOF'
title: extremes
severity: P99999999999999999999
status: "draft\u0000final"
started: 292277026596-12-04T15:30:07Z
detected: -292277022657-01-27T08:29:52Z
mitigated: 2025-02-30T25:61:61+99:99
ended: 9999-12-31T23:59:60-23:59
distributed: 0000-01-01T00:00:00+23:59
reviewed: 2147483647-12-31
follow_up: -2147483648-01-01
services: 1e999
tags: [.nan, -.inf, 0x7fffffffffffffff]
authors: [[[["@a"]]]]
related: {a: b}
impact: {failed_requests: 1e999, customers: -9223372036854775809, revenue_usd: .nan, x: 99999999999999999999999999999}
EOF
}
extreme_body() {
	printf '## Timeline\n\n| Time | Event | Source | Actor |\n|---|---|---|---|\n'
	printf '| 292277026596-12-04 15:30 | a | b | c |\n'
	printf '| -0001-01-01 00:00 | a | b | c |\n'
	printf '| 99:99:99 | a | b | c |\n'
	printf '| 2025-02-29 24:00 | a | b | c |\n'
	printf '| 2024-02-29T23:59:60+14:00 | a | b | c |\n'
	printf '| ~~~~~~ | a | b | c |\n\n'
	printf '## Action Items\n\n| ID | Action | Owner | Deadline | Priority |\n'
	printf '|---|---|---|---|---|\n'
	printf '| A1 | x | @a | 99999999999-01-01 | P99999999999 |\n'
	printf '| A2 | x | @a | -2147483649-12-31 | P-1 |\n'
}
if hcase fm-extreme-values; then
	fm_with "$R/reports/extreme.md" extreme_fm
	report_with "$R/reports/extreme-body.md" extreme_body
	expect_status 1
	hrun
fi

# ---- size ----

# 50 MB: refused by max_report_bytes (10 MiB), never parsed.
prose50mb() {
	rep 'The indexer retried every document of the category again and again.
' 735000
}
if hcase big-50mb && big; then
	report_with "$R/reports/big.md" prose50mb
	expect reports/big.md "$LIMIT" 0-1
	expect_status 1
	hrun
fi

# The same read from the object database and from the index.
if hcase big-50mb-rev && big; then
	report_with "$R/reports/big.md" prose50mb
	expect reports/big.md "$LIMIT" 0-1
	expect_status 1
	hrun --rev HEAD
fi
if hcase big-50mb-staged && big; then
	report_with "$R/reports/big.md" prose50mb
	expect reports/big.md "$LIMIT" 0-1
	expect_status 1
	hrun --staged
fi
# And from standard input ('-'), as an editor integration would.
if hcase big-50mb-stdin && big; then
	report_with "$W/big-stdin.md" prose50mb
	STDIN=$W/big-stdin.md
	expect - "$LIMIT" 0-1
	expect_status 1
	GOOD=
	hrun -
	rm -f "$W/big-stdin.md"
fi
if hcase binary-stdin; then
	bytes 3 65536 >"$W/bin-stdin"
	STDIN=$W/bin-stdin
	expect_status 0 1
	GOOD=
	hrun -
	rm -f "$W/bin-stdin"
fi

line10mb() { rep 'aaaaaaaaa ' 1000000; }
if hcase line-10mb && big; then
	report_with "$R/reports/longline.md" line10mb
	expect reports/longline.md "$LIMIT" "$HLINE"
	expect_status 1
	hrun
fi

# ---- nesting ----

nested_lists() { rep '- ' 100000; printf 'x\n'; }
if hcase nested-lists-100k; then
	report_with "$R/reports/lists.md" nested_lists
	expect reports/lists.md "$LIMIT" "$HLINE"
	expect_status 1
	hrun
fi

nested_quotes() { rep '> ' 100000; printf 'x\n'; }
if hcase nested-quotes-100k; then
	report_with "$R/reports/quotes.md" nested_quotes
	expect reports/quotes.md "$LIMIT" "$HLINE"
	expect_status 1
	hrun
fi

# Nested lists one per line, each indented two more (1000 deep: the
# indentation alone is quadratic in the depth).
nested_list_lines() {
	LC_ALL=C awk 'BEGIN { s = ""; for (i = 0; i < 1000; i++) {
		print s "- item"; s = s "  " } }'
}
if hcase nested-list-lines; then
	report_with "$R/reports/lists.md" nested_list_lines
	expect reports/lists.md "$LIMIT" "$HLINE-$((HLINE + 999))"
	expect_status 1
	hrun
fi

# ---- encodings and bytes ----

bad_utf8() {
	printf 'valid text, then \377\376 and \300\257 and \355\240\200 and \364\220\200\200 end\n'
}
if hcase invalid-utf8; then
	report_with "$R/reports/utf8.md" bad_utf8
	expect reports/utf8.md "$LIMIT" "$HLINE"
	hrun
fi

if hcase invalid-utf8-fm; then
	fm_with "$R/reports/utf8.md" printf 'title: "bad \377\376 bytes"\n'
	expect reports/utf8.md "$FMERR" 2
	expect_status 1
	hrun
fi

if hcase nul-body; then
	report_with "$R/reports/nul.md" printf 'text with a \000 NUL byte\n'
	expect reports/nul.md "$LIMIT" "$HLINE"
	expect_status 1
	hrun
fi

if hcase nul-fm; then
	fm_with "$R/reports/nul.md" printf 'title: "a\000b"\n'
	expect reports/nul.md "$FMERR" 2
	expect_status 1
	hrun
fi

# A binary file named .md in the tree, without a fence: not a
# post-mortem, skipped in silence.
if hcase binary-in-tree; then
	bytes 1 65536 | sed '1s/^---/xxx/' >"$R/reports/image.md"
	expect_none reports/image.md
	expect_status 0
	hrun
fi

# The same named on the command line: reported, not crashed on.
if hcase binary-named; then
	bytes 1 65536 | sed '1s/^---/xxx/' >"$R/reports/image.md"
	# On the line of its first NUL byte, wherever that falls.
	expect reports/image.md 'frontmatter/required|input/limits' '*'
	expect_status 1
	hrun reports/image.md reports/good.md
fi

# A report saved as UTF-16 (a Windows editor): NUL bytes everywhere.
if hcase utf16-named; then
	python3 -c 'import sys; sys.stdout.buffer.write(open(sys.argv[1], encoding="utf-8").read().encode("utf-16"))' \
	    "$H/good.md" >"$R/reports/utf16.md"
	expect reports/utf16.md "$LIMIT" 0-1
	expect_status 1
	hrun reports/utf16.md reports/good.md
fi

# A fence, then binary: a post-mortem candidate full of garbage.
if hcase binary-fenced; then
	{ printf -- '---\n'; bytes 2 65536; } >"$R/reports/garbage.md"
	expect reports/garbage.md "$FMERR" '*'
	expect_status 1
	hrun
fi

# ---- line endings: the sentinel must stay on line 59 ----

eol_case() {
	name=$1; conv=$2
	if hcase "$name"; then
		sed 's/^id: hostile-good$/id: eol/' "$H/good.md" |
		    LC_ALL=C awk "$conv" >"$R/reports/eol.md"
		expect reports/eol.md actions/tracked "$GOOD_LINE"
		expect_status 0
		hrun
	fi
}
eol_case eol-crlf '{ printf "%s\r\n", $0 }'
eol_case eol-cr '{ printf "%s\r", $0 }'
eol_case eol-mixed '{ e = NR % 3 == 0 ? "\r\n" : NR % 3 == 1 ? "\n" : "\r"
	printf "%s%s", $0, (NR < 3 ? "\n" : e) }'
eol_case eol-crlf-bom 'NR == 1 { printf "\357\273\277" } { printf "%s\r\n", $0 }'

# ---- tables ----

timeline_100k() {
	printf '## Timeline\n\n| Time | Event | Source | Actor |\n'
	printf '|------|-------|--------|-------|\n'
	LC_ALL=C awk 'BEGIN { for (i = 0; i < 100000; i++) {
		h = int(i / 3600); d = 4 + int(h / 24)
		printf "| 2025-03-%02d %02d:%02d:%02d | event %d | log | system |\n",
		    d, h % 24, int(i / 60) % 60, i % 60, i } }'
}
if hcase table-100k-rows && big; then
	report_with "$R/reports/rows.md" timeline_100k
	expect reports/rows.md "$LIMIT" "$HLINE-$((HLINE + 10010))"
	expect_status 1
	hrun
fi

wide_table() {
	printf '|'; rep ' c |' 100000; printf '\n|'; rep '---|' 100000
	printf '\n|'; rep ' x |' 100000; printf '\n'
}
if hcase table-100k-columns; then
	report_with "$R/reports/wide.md" wide_table
	expect reports/wide.md "$LIMIT" "$HLINE-$((HLINE + 2))"
	expect_status 1
	hrun
fi

# ---- cmark-gfm 0.29.0.gfm.6 (STYLE part C): no finding required, but
# no hang; the nesting ones are screened as input/limits. ----

cve_case() {
	name=$1; rule=$2; shift 2
	if hcase "cve-$name"; then
		report_with "$R/reports/cve.md" "$@"
		[ -n "$rule" ] && expect reports/cve.md "$rule" "$HLINE"
		hrun
	fi
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
cve_dash_line() { rep ' -' 100000; printf '\n'; }
cve_under() { rep '_' 100000; printf '.'; rep '_' 100000; printf '\n'; }
cve_footnote() { rep '[^1]:' 100000; printf '\n'; }
cve_footnote_lines() { rep '[^1]: x
' 50000; rep '[^1] ' 10000; printf '\n'; }
cve_brackets() { rep '[' 50000; printf 'a'; rep ']' 50000; printf '\n'; }
cve_links() { rep '[a](<b' 30000; printf '\n'; }
cve_emph() { rep '*a **a ' 50000; printf 'b'; rep ' a** a*' 50000; printf '\n'; }
cve_backticks() {
	LC_ALL=C awk 'BEGIN { for (i = 1; i < 3000; i++) {
		printf "e"; for (j = 0; j < i; j++) printf "`" } print "" }'
}
cve_refs() {
	LC_ALL=C awk 'BEGIN { for (i = 1; i <= 50000; i++) print "[" i "]: u"
		for (i = 0; i < 1200; i++) printf "[0] "; print "" }'
}
cve_case table '' cve_table
cve_case quotes "$LIMIT" cve_quotes
cve_case autolink '' cve_autolink
cve_case comment '' cve_comment
cve_case image '' cve_image
cve_case quote-emph "$LIMIT" cve_quote_emph
cve_case dash-lines '' cve_dash
cve_case dash-one-line "$LIMIT" cve_dash_line
cve_case underscores '' cve_under
cve_case footnotes '' cve_footnote
cve_case footnote-defs '' cve_footnote_lines
cve_case brackets '' cve_brackets
cve_case unclosed-links '' cve_links
cve_case emphasis '' cve_emph
cve_case backticks '' cve_backticks
cve_case references '' cve_refs

# ---- configuration globs made of many stars (each "**" tries every
# position of the rest of the path: n^k without a memo) ----

if hcase glob-stars; then
	stars=$(rep '*' 200)
	dstars=$(rep '**/a/' 30)
	printf 'include: ["?%s[x]", "%sc"]\nexclude: ["%s.txt", "%sz"]\n' \
	    "$stars" "$dstars" "$stars" "$dstars" >"$R/.postmortem.yaml"
	d=$R/reports
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		d=$d/a
	done
	mkdir -p "$d"
	sed 's/^id: hostile-good$/id: deep/' "$H/good.md" >"$d/b.md"
	hrun
fi

# ---- a rule pack with a catastrophic pattern: PCRE2's match limit
# stops it, with a finding that says so on the line ----

if hcase pcre2-catastrophic; then
	mkdir -p "$R/rules"
	cat >"$R/rules/evil.yaml" <<'EOF'
family: language/blameless
locale: en
rules:
  - id: evil
    pattern: '(a+)+$'
    message: exponential backtracking on a run of a's
EOF
	printf 'rule_packs: [rules/evil.yaml]\n' >"$R/.postmortem.yaml"
	aaaa() { printf '\n'; rep a 10000; printf 'b\n'; }
	report_with "$R/reports/aaaa.md" aaaa
	expect reports/aaaa.md language/blameless $((HLINE + 1))
	expect_text 'limit'
	hrun
fi

# ---- the repository: links, odd names, submodules, shallow ----

if hcase symlink-outside; then
	ln -s /etc/passwd "$R/reports/passwd.md"
	ln -s ../../../../../../../../etc/hostname "$R/reports/host.md"
	expect_status 0 1
	hrun
	# Whatever it reports, it must not have read /etc/passwd.
	if hcase symlink-outside; then
		ln -s /etc/passwd "$R/reports/passwd.md"
		commit_all
		(cd "$R" && timeout "$TIMEOUT" $PM lint --format json \
		    --today 2025-03-10) >"$W/o" 2>&1
		if grep -q 'root:' "$W/o"; then
			not_ok "hostile/$CASE: /etc/passwd not read"
		else
			ok "hostile/$CASE: /etc/passwd not read"
		fi
	fi
fi

if hcase symlink-loop; then
	ln -s b.md "$R/reports/a.md"
	ln -s a.md "$R/reports/b.md"
	ln -s .. "$R/reports/up"
	ln -s . "$R/reports/self"
	hrun
fi

if hcase symlink-to-report; then
	ln -s good.md "$R/reports/alias.md"
	hrun
fi

if hcase odd-names; then
	mkdir -p "$R/reports/with space" "$R/reports/日本語"
	sed 's/^id: hostile-good$/id: s1/' "$H/good.md" \
	    >"$R/reports/with space/rapport été.md"
	sed 's/^id: hostile-good$/id: s2/' "$H/good.md" \
	    >"$R/reports/日本語/障害.md"
	sed 's/^id: hostile-good$/id: s3/' "$H/good.md" \
	    >"$R/reports/new
line.md"
	sed 's/^id: hostile-good$/id: s4/' "$H/good.md" \
	    >"$R/reports/-rf.md"
	expect "reports/with space/rapport été.md" actions/tracked "$GOOD_LINE"
	expect "reports/日本語/障害.md" actions/tracked "$GOOD_LINE"
	expect "reports/-rf.md" actions/tracked "$GOOD_LINE"
	expect_status 0
	hrun
fi

if hcase named-paths; then
	mkdir -p "$R/reports/with space"
	sed 's/^id: hostile-good$/id: s1/' "$H/good.md" \
	    >"$R/reports/with space/été.md"
	expect "reports/with space/été.md" actions/tracked "$GOOD_LINE"
	expect_status 0
	# absolute, with '..', with spaces and non-ASCII
	hrun "$R/reports/good.md" "reports/../reports/with space/été.md"
fi

if hcase named-outside-repo; then
	sed 's/^id: hostile-good$/id: outside/' "$H/good.md" \
	    >"$W/outside.md"
	# A usage error that says why (SPEC: lint works outside a
	# repository on the files named, not on files outside one).
	expect_status 2
	expect_text 'outside the repository'
	GOOD=
	hrun ../outside.md
fi

if hcase named-missing; then
	# A named file that does not exist is an I/O error: status 2.
	expect_status 2
	GOOD=
	hrun reports/nope.md
fi

if hcase submodule; then
	S=$W/sub-origin
	rm -rf "$S"; mkdir -p "$S/reports"
	sed 's/^id: hostile-good$/id: in-sub/' "$H/good.md" >"$S/reports/x.md"
	(cd "$S" && git init -q && git add -A &&
	    commit_at '2025-03-05T09:00:00Z' sub) >/dev/null 2>&1
	(cd "$R" && git submodule -q add "$S" vendor/sub) >/dev/null 2>&1
	hrun
	# An uninitialised submodule (gitlink without checkout) too.
	if hcase submodule; then
		(cd "$R" && git submodule -q add "$S" vendor/sub &&
		    commit_all && git submodule -q deinit -f vendor/sub) \
		    >/dev/null 2>&1
		CASE=submodule-deinit
		hrun
	fi
fi

# Tree entries git never writes ("../../escape.md", "a/b.md", ".."):
# read from the object database, reported under the names they have.
if hcase tree-odd-entries; then
	rm -rf "$R"
	odd_tree "$R"
	NOCOMMIT=1
	GOOD=good.md
	expect ../../escape.md actions/tracked "$GOOD_LINE"
	expect a/b.md actions/tracked "$GOOD_LINE"
	hrun --rev HEAD
fi

if hcase shallow; then
	commit_all
	for i in 1 2 3; do
		sed "s/^id: hostile-good\$/id: later-$i/" "$H/good.md" \
		    >"$R/reports/later-$i.md"
		(cd "$R" && git add -A &&
		    commit_at "2025-03-0${i}T12:00:00Z" "more $i") >/dev/null
	done
	rm -rf "$W/shallow-clone"
	git clone -q --depth 1 "file://$R" "$W/shallow-clone" 2>/dev/null
	RUNDIR=$W/shallow-clone
	hrun
	rm -rf "$W/shallow-clone"
fi

done_testing
