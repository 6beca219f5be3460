#!/bin/sh
# The limits of struct pm_limits (.postmortem.yaml `limits:`) are
# enforced where they belong -- report size and line length by the
# loader, markdown nesting and tables by the document screen, YAML
# depth, aliases and nodes by the front matter parser, PCRE2 match
# and depth limits by the rule packs -- and moving a limit in the
# configuration moves the behaviour: each input is linted once with
# the default and once with the limit set just below (finding) or
# above (no finding) what the input needs.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/hlib.sh"
HPREFIX=limits

# lcase NAME CONFIG-LINE WANT: a case with .postmortem.yaml holding
# CONFIG-LINE (empty: defaults).  WANT is "finding" or "none": whether
# reports/x.md gets input/limits (or RULE, when set).
lcase() {
	hcase "$1" || return 1
	[ -n "$2" ] && printf '%s\n' "$2" >"$R/.postmortem.yaml"
	LWANT=$3
	return 0
}
# lrun FILE RULE LINE: check and run.
lrun() {
	if [ "$LWANT" = finding ]; then
		expect "$1" "$2" "$3"
		# input/limits is an error; a pattern stopped by PCRE2 is
		# a warning (the text was not checked, not found guilty).
		case $2 in language/*) expect_status 0 1 ;;
		*) expect_status 1 ;; esac
	else
		expect_none "$1"
		expect_status 0
	fi
	hrun
}

# Every report here is good.md with something added to its Summary;
# the rest of it must stay silent apart from the one known warning.
# So expect_none means "no finding at all on x.md" except that
# warning: x.md is given its ticket back.
fixed() { sed 's/| Medium | |$/| Medium | SRCH-102 |/'; }

mk() {	# mk CMD...: reports/x.md with CMD's output in its Summary
	report_with "$R/reports/x.tmp" "$@"
	fixed <"$R/reports/x.tmp" >"$R/reports/x.md"
	rm -f "$R/reports/x.tmp"
}

# ---- max_report_bytes (the loader) ----
prose2mb() { rep 'Retries delayed every other category of the queue.
' 40000; }
if lcase size-default '' none; then mk prose2mb; lrun reports/x.md "$LIMIT" 0-1; fi
if lcase size-lowered 'limits: {max_report_bytes: 1M}' finding; then
	mk prose2mb; lrun reports/x.md "$LIMIT" 0-1
fi
prose12mb() { rep 'Retries delayed every other category of the queue.
' 240000; }
if lcase size-over-default '' finding && big; then
	mk prose12mb; lrun reports/x.md "$LIMIT" 0-1
fi
if lcase size-raised 'limits: {max_report_bytes: 64M}' none && big; then
	mk prose12mb; lrun reports/x.md "$LIMIT" 0-1
fi

# ---- max_line_bytes ----
line200k() { rep 'abcdefghi ' 20000; printf '\n'; }
if lcase line-default '' none; then mk line200k; lrun reports/x.md "$LIMIT" "$HLINE"; fi
if lcase line-lowered 'limits: {max_line_bytes: 100K}' finding; then
	mk line200k; lrun reports/x.md "$LIMIT" "$HLINE"
fi

# ---- max_nesting (markdown) ----
quotes20() { rep '> ' 20; printf 'deep\n'; }
if lcase nesting-default '' none; then mk quotes20; lrun reports/x.md "$LIMIT" "$HLINE"; fi
if lcase nesting-lowered 'limits: {max_nesting: 10}' finding; then
	mk quotes20; lrun reports/x.md "$LIMIT" "$HLINE"
fi
quotes100() { rep '> ' 100; printf 'deep\n'; }
if lcase nesting-raised 'limits: {max_nesting: 200}' none; then
	mk quotes100; lrun reports/x.md "$LIMIT" "$HLINE"
fi

# ---- max_table_columns ----
cols40() {
	printf '|'; rep ' c |' 40; printf '\n|'; rep '---|' 40
	printf '\n|'; rep ' x |' 40; printf '\n'
}
if lcase columns-default '' none; then mk cols40; lrun reports/x.md "$LIMIT" "$HLINE"; fi
if lcase columns-lowered 'limits: {max_table_columns: 20}' finding; then
	mk cols40; lrun reports/x.md "$LIMIT" "$HLINE-$((HLINE + 2))"
fi

# ---- max_table_rows ----
rows50() {
	printf '| A | B |\n|---|---|\n'
	LC_ALL=C awk 'BEGIN { for (i = 0; i < 50; i++) print "| " i " | x |" }'
}
if lcase rows-default '' none; then mk rows50; lrun reports/x.md "$LIMIT" '*'; fi
if lcase rows-lowered 'limits: {max_table_rows: 20}' finding; then
	mk rows50; lrun reports/x.md "$LIMIT" "$HLINE-$((HLINE + 52))"
fi

# ---- YAML: depth, aliases, nodes (the front matter parser) ----
# fmx EXTRA...: good.md's front matter plus EXTRA lines, ticket fixed.
fmx() {
	{
		sed -n '2,/^---$/p' "$H/good.md" | sed '$d' |
		    sed 's/^id: hostile-good$/id: x/'
		for l; do printf '%s\n' "$l"; done
	} >"$R/fm.tmp"
	fm_with "$R/reports/x.tmp" cat "$R/fm.tmp"
	fixed <"$R/reports/x.tmp" >"$R/reports/x.md"
	rm -f "$R/reports/x.tmp" "$R/fm.tmp"
}
deep10='extra: {a: {b: {c: {d: {e: {f: {g: {h: {i: 1}}}}}}}}}'
if lcase ydepth-default '' none; then fmx "$deep10"; lrun reports/x.md "$FMERR" 16; fi
if lcase ydepth-lowered 'limits: {yaml_max_depth: 5}' finding; then
	fmx "$deep10"; lrun reports/x.md "$FMERR" 16
fi
al5='anchor: &a word
uses: [*a, *a, *a, *a, *a]'
if lcase yalias-default '' none; then fmx "$al5"; lrun reports/x.md "$FMERR" 17; fi
if lcase yalias-lowered 'limits: {yaml_max_aliases: 3}' finding; then
	fmx "$al5"; lrun reports/x.md "$FMERR" 17
fi
nodes="extra: [$(rep 'n, ' 500)n]"
if lcase ynodes-default '' none; then fmx "$nodes"; lrun reports/x.md "$FMERR" 16; fi
if lcase ynodes-lowered 'limits: {yaml_max_nodes: 100}' finding; then
	fmx "$nodes"; lrun reports/x.md "$FMERR" 16
fi

# ---- PCRE2 (the rule packs): a catastrophic pattern ----
evil() {
	mkdir -p "$R/rules"
	cat >"$R/rules/evil.yaml" <<'EOF'
family: language/blameless
locale: en
rules:
  - id: evil
    pattern: '^(a+)+$'
    message: exponential backtracking on a run of a's
EOF
}
aline() { printf '\n'; rep a "$1"; printf 'b\n'; }
a40() { aline 40; }
a14() { aline 14; }
# Long line, default limits: stopped, with a message that says so.
if lcase pcre2-catastrophic 'rule_packs: [rules/evil.yaml]' finding; then
	evil; mk a40
	expect_text 'limit'
	lrun reports/x.md language/blameless $((HLINE + 1))
fi
# Short line: the default limit lets it finish (no match: it ends in
# b); a lowered match limit stops it.
if lcase pcre2-short-default 'rule_packs: [rules/evil.yaml]' none; then
	evil; mk a14; lrun reports/x.md language/blameless '*'
fi
if lcase pcre2-match-lowered 'rule_packs: [rules/evil.yaml]
limits: {pcre2_match_limit: 100}' finding; then
	evil; mk a14
	expect_text 'limit'
	lrun reports/x.md language/blameless $((HLINE + 1))
fi
if lcase pcre2-depth-lowered 'rule_packs: [rules/evil.yaml]
limits: {pcre2_depth_limit: 2}' finding; then
	evil; mk a14
	expect_text 'limit'
	lrun reports/x.md language/blameless $((HLINE + 1))
fi

# ---- a bad limits: mapping is a usage error naming the key ----
if hcase bad-limit; then
	printf 'limits: {max_report_bytez: 1M}\n' >"$R/.postmortem.yaml"
	expect_status 2
	expect_text 'max_report_bytez'
	GOOD=
	hrun
fi

done_testing
