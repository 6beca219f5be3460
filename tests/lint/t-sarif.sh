#!/bin/sh
# SARIF that GitHub code scanning takes: every rule descriptor complete
# (descriptions, help with examples, helpUri into docs/rules.md, level),
# results with ruleIndex, fingerprints and regions with end columns in
# UTF-16 units; Microsoft's SARIF Multitool ('validate --rule-kind
# "Gh;Sarif"', installed into build/sarif by 'make test-deps') reports
# nothing on the SARIF of the samples, of a corpus where every rule
# fires and of every SARIF golden; GitHub's 25,000-result limit is kept
# and said.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/lint/data/every-rule.sh"
: "${BUILD:=build}"
case "$BUILD" in /*) ;; *) BUILD="$TOP/$BUILD" ;; esac
TODAY="--today 2026-11-01"
work=$(tmpdir)

if ! command -v jq >/dev/null 2>&1; then
	ok "sarif # skip: jq is not installed (make test-deps)"
	done_testing
	exit
fi

# docs/rules.md is generated from the rule table.
if [ -x "$BUILD/tools/gen-rules-md" ]; then
	"$BUILD/tools/gen-rules-md" >"$work/rules.md"
	check "docs/rules.md is what 'make docs/rules.md' writes" \
	    test_cmp "$TOP/docs/rules.md" "$work/rules.md"
else
	ok "docs/rules.md is current # skip: no $BUILD/tools/gen-rules-md"
fi

make_every_rule "$work/every"
(cd "$work/every" && $PM lint $TODAY --format sarif .) >"$work/every.sarif" \
    2>/dev/null
(cd "$work/every" && $PM lint $TODAY --format json .) >"$work/every.json" \
    2>/dev/null
$PM rules --format json 2>/dev/null |
    jq -r '.[] | select(.source == "built-in") | .id' | sort >"$work/all-rules"
jq -r '.findings[].rule' "$work/every.json" | sort -u >"$work/fired"
check "the corpus fires every built-in rule" \
    test_cmp "$work/all-rules" "$work/fired"
check "one SARIF result per finding" \
    [ "$(jq '.runs[0].results | length' "$work/every.sarif")" -eq \
    "$(jq '.findings | length' "$work/every.json")" ]

# Every rule descriptor is complete.
jq -r --arg uri "https://github.com/postmortem-tool/postmortem/blob/main/docs/rules.md#" '
    .runs[0].tool.driver.rules[] |
    select((.shortDescription.text | length) == 0 or
        (.fullDescription.text | length) <= (.shortDescription.text | length) or
        (.help.text | length) == 0 or (.help.markdown | length) == 0 or
        (.helpUri | startswith($uri) | not) or
        (.defaultConfiguration.level | IN("error", "warning", "note") | not)) |
    .id' "$work/every.sarif" >"$work/incomplete"
check "every rule descriptor has descriptions, help, helpUri and a level" \
    test_cmp /dev/null "$work/incomplete"
jq -r '.runs[0].tool.driver.rules[] | .helpUri | sub(".*#"; "")' \
    "$work/every.sarif" | while read -r a; do
	grep -q "<a id=\"$a\"></a>" "$TOP/docs/rules.md" || echo "$a"
done >"$work/anchors"
check "every helpUri's anchor is in docs/rules.md" \
    test_cmp /dev/null "$work/anchors"
check "help shows an example that is reported and the same fixed" \
    [ "$(jq '[.runs[0].tool.driver.rules[] | select(.help.markdown |
    contains("Reported:") and contains("Fixed:"))] | length' \
    "$work/every.sarif")" -ge 24 ]

# Every result points at its rule, has a fingerprint and a region.
jq -r '.runs[0] as $r | $r.results[] |
    select($r.tool.driver.rules[.ruleIndex].id != .ruleId or
        (.partialFingerprints["postmortemFinding/v2"] | length) != 32 or
        .locations[0].physicalLocation.region.startColumn < 1 or
        .locations[0].physicalLocation.region.endColumn <
        .locations[0].physicalLocation.region.startColumn or
        .locations[0].physicalLocation.region.endLine !=
        .locations[0].physicalLocation.region.startLine) |
    .ruleId' "$work/every.sarif" >"$work/bad-results"
check "results: ruleIndex, a fingerprint, start and end columns" \
    test_cmp /dev/null "$work/bad-results"
check "fingerprints are unique in the run" \
    [ "$(jq -r '.runs[0].results[].partialFingerprints[]' \
    "$work/every.sarif" | sort | uniq -d | wc -l)" -eq 0 ]
check "a pattern finding's region is the matched words" \
    [ "$(jq -r '.runs[0].results[] | select(.ruleId ==
    "language/blameless") | .locations[0].physicalLocation.region |
    "\(.startColumn)-\(.endColumn)"' "$work/every.sarif")" = "28-39" ]

# Columns in UTF-16 code units: an emoji (4 bytes, 2 units) and an
# accented letter (2 bytes, 1 unit) before the words.
mkdir "$work/utf"
sed 's/^- The outage was caused by human error\.$/- Caf\xc3\xa9 \xf0\x9f\x98\x80: it was human error./' \
    "$work/every/faults.md" >"$work/utf/utf.md"
(cd "$work/utf" && $PM lint $TODAY --format sarif utf.md) \
    >"$work/utf.sarif" 2>/dev/null
(cd "$work/utf" && $PM lint $TODAY utf.md) >"$work/utf.txt" 2>/dev/null
check "text columns are bytes" \
    grep -q "utf.md:[0-9]*:22: error: 'human error'" "$work/utf.txt"
check "SARIF columns are UTF-16 units" \
    [ "$(jq -r '.runs[0].results[] | select(.ruleId ==
    "language/blameless") | .locations[0].physicalLocation.region |
    "\(.startColumn)-\(.endColumn)"' "$work/utf.sarif")" = "19-30" ]
check "a whole-line finding ends at the line's end" \
    [ "$(jq -r '.runs[0].results[] | select(.ruleId ==
    "analysis/depth") | .locations[0].physicalLocation.region |
    "\(.startColumn)-\(.endColumn)"' "$work/utf.sarif")" = "1-14" ]

# GitHub's limit: at most 25,000 results a run, errors first.
{
	sed -n '1,/^## Action Items/p' "$work/every/stale.md" |
	    sed 's/^id: faults/id: many-actions/'
	echo
	awk 'BEGIN { for (i = 1; i <= 12600; i++)
	    printf "- Check runbook step %d\n", i }'
	printf '\n## Lessons Learned\n\n- Keep lists short.\n'
} >"$work/many.md"
mkdir "$work/big" && mv "$work/many.md" "$work/big/"
(cd "$work/big" && $PM lint $TODAY --format sarif many.md) \
    >"$work/many.sarif" 2>"$work/many.err"
(cd "$work/big" && $PM lint $TODAY --format json many.md) \
    >"$work/many.json" 2>/dev/null
found=$(jq '.findings | length' "$work/many.json")
errors=$(jq '[.findings[] | select(.severity == "error")] | length' \
    "$work/many.json")
check "the big report has more than 25,000 findings" [ "$found" -gt 25000 ]
check "SARIF keeps 25,000 results" \
    [ "$(jq '.runs[0].results | length' "$work/many.sarif")" -eq 25000 ]
check "  ... every error among them" \
    [ "$(jq '[.runs[0].results[] | select(.level == "error")] | length' \
    "$work/many.sarif")" -eq "$errors" ]
check "  ... and the run's properties say what was cut" \
    [ "$(jq -r '.runs[0].properties | "\(.resultsTruncated) \(.resultsFound) \(.resultsOmitted)"' \
    "$work/many.sarif")" = "true $found $((found - 25000))" ]
check "  ... by rule" \
    [ "$(jq '[.runs[0].properties.resultsOmittedByRule[]] | add' \
    "$work/many.sarif")" -eq $((found - 25000)) ]
check "  ... and so does standard error" \
    grep -q "sarif: $found results, but GitHub code scanning takes at most 25000 a run: $((found - 25000)) left out" \
    "$work/many.err"

# Microsoft's SARIF Multitool, with GitHub's rules.
mt=${SARIF_MULTITOOL:-$TOP/build/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}
if [ ! -f "$mt" ]; then
	ok "SARIF Multitool finds nothing # skip: not installed ('make test-deps' installs @microsoft/sarif-multitool with npm)"
	done_testing
	exit
fi
[ -x "$mt" ] || chmod u+x "$mt" 2>/dev/null
mkdir -p "$work/v"
cp "$work/every.sarif" "$work/v/every.sarif"
cp "$work/utf.sarif" "$work/v/utf.sarif"
rm -rf "$work/samples" && cp -R "$TOP/sample-postmortems" "$work/samples"
(cd "$work/samples" && $PM lint $TODAY --format sarif .) \
    >"$work/v/samples.sarif" 2>/dev/null
for g in "$TOP"/tests/regress/*/*.out_sarif; do
	[ -f "$g" ] || continue
	n=$(echo "$g" | sed 's|.*/regress/||; s|/|-|; s|\.out_sarif$||')
	sed '$d' "$g" >"$work/v/regress-$n.sarif"	# the "exit N" line
done
nfiles=$(ls "$work/v" | wc -l)
# The .NET runtime needs no ICU for this.
(cd "$work/v" && DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$mt" validate \
    --rule-kind "Gh;Sarif" --output "$work/validation.sarif" *.sarif) \
    >"$work/mt.log" 2>&1
st=$?
if [ $st -ne 0 ] || [ ! -s "$work/validation.sarif" ]; then
	not_ok "the SARIF Multitool ran (exit $st)"
	sed 's/^/#   /' "$work/mt.log" | head -20
else
	ok "the SARIF Multitool ran on $nfiles files"
	n=$(jq '[.runs[].results[]?] | length' "$work/validation.sarif")
	if [ "$n" -eq 0 ]; then
		ok "SARIF Multitool (Gh;Sarif) finds nothing in $nfiles files"
	else
		not_ok "SARIF Multitool (Gh;Sarif) finds $n problems"
		jq -r '.runs[].results[]? | "#   \(.ruleId): \(.message.text // .message.id) \(.locations[0].physicalLocation.artifactLocation.uri // "")"' \
		    "$work/validation.sarif" | head -20
	fi
fi

done_testing
