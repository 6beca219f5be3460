#!/bin/sh
# The labelled corpus of tests/lint/prose/LOCALE.tsv: sentences in the
# shapes real post-mortems have, each labelled by what a careful
# reviewer would say.  One line a sentence, tab-separated:
#
#   LABEL <tab> SPAN <tab> TEXT
#
#   blame     TEXT is prose that blames a person; SPAN (words of TEXT)
#             must be inside a language/blameless finding
#   ok        prose that is not blame (a system or time as the subject,
#             a technical term, a team's lesson, code, a log line...)
#   vague     TEXT is an action item that names no change; SPAN must be
#             inside an actions/vague finding
#   specific  an action item that says what will change
#
# Prose lines become paragraphs of one report per locale (a TEXT that
# starts with '#' is a heading, with '>' a quote); action lines become
# the bullets of its Action Items section.  The report is linted and
# each family's findings compared with the labels: precision and recall
# per locale and family are printed, and each must be at least 95%.
# Lines starting with '#' are comments.
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
MIN=${PROSE_MIN:-95}

for tsv in "$TOP"/tests/lint/prose/*.tsv; do
	loc=$(basename "$tsv" .tsv)
	d="$T/$loc"
	mkdir -p "$d"
	# The report, and where each labelled line went: NR LINE LABEL SPANCOL SPANEND
	LC_ALL=C awk -F '\t' -v loc="$loc" -v rep="$d/report.md" \
	    -v map="$d/map" '
	function put(s) { print s >rep; ln++ }
	BEGIN {
		put("---"); put("title: \"Labelled sentences (" loc ")\"")
		put("id: corpus-" loc); put("severity: P3"); put("status: final")
		put("locale: " loc); put("started: 2026-10-01T10:00:00Z")
		put("ended: 2026-10-01T11:00:00Z"); put("authors: [\"@erin\"]")
		put("---"); put(""); put("## Summary"); put("")
	}
	/^#/ || NF == 0 { next }
	NF != 3 { printf "%s:%d: want LABEL, SPAN, TEXT\n", FILENAME, NR >"/dev/stderr"; bad = 1; next }
	$1 == "blame" || $1 == "ok" { prose[++np] = $0; pn[np] = NR; next }
	$1 == "vague" || $1 == "specific" { act[++na] = $0; an[na] = NR; next }
	{ printf "%s:%d: unknown label %s\n", FILENAME, NR, $1 >"/dev/stderr"; bad = 1 }
	function place(rec, nr, prefix,    f, n, at, col) {
		n = split(rec, f, "\t")
		col = 0
		if (f[2] != "-") {
			at = index(tolower(f[3]), tolower(f[2]))
			if (at == 0) {
				printf "%s:%d: span not in the sentence\n", FILENAME, nr >"/dev/stderr"
				bad = 1
			}
			col = at + length(prefix)
		}
		put(prefix f[3])
		printf "%d %d %s %d %d\n", nr, ln, f[1], col, col + length(f[2]) >map
		put("")
	}
	END {
		for (i = 1; i <= np; i++)
			place(prose[i], pn[i], "")
		put("## Action Items"); put("")
		for (i = 1; i <= na; i++) {
			n = split(act[i], f, "\t")
			at = f[2] == "-" ? 0 : index(tolower(f[3]), tolower(f[2]))
			if (f[2] != "-" && at == 0) {
				printf "%s:%d: span not in the action\n", FILENAME, an[i] >"/dev/stderr"
				bad = 1
			}
			put("- " f[3])
			printf "%d %d %s %d %d\n", an[i], ln, f[1], at ? at + 2 : 0, at ? at + 2 + length(f[2]) : 0 >map
		}
		exit bad
	}' "$tsv" || { not_ok "prose corpus $loc: well-formed"; continue; }
	(cd "$d" && $PM lint --today 2026-11-01 --format json report.md) \
	    >"$d/lint.json" 2>"$d/lint.err"
	# One line a finding: LINE COL END FAMILY DETAIL
	LC_ALL=C awk 'BEGIN { det = "-" }
	/"line":/ { gsub(/[^0-9]/, "", $2); line = $2 }
	/"column":/ { gsub(/[^0-9]/, "", $2); col = $2; end = 0 }
	/"end_column":/ { gsub(/[^0-9]/, "", $2); end = $2 }
	/"rule":/ { rule = $2; gsub(/[",]/, "", rule) }
	/"detail":/ { det = $2; gsub(/[",]/, "", det) }
	/"draft":/ {
		if (rule == "language/blameless" || rule == "actions/vague")
			print line, col, (end ? end : col + 1), rule, det
		det = "-"
	}' "$d/lint.json" >"$d/found"
	LC_ALL=C awk -v loc="$loc" -v min="$MIN" -v tsv="$tsv" '
	FNR == NR { n = ++nf; fl[n] = $1; fc[n] = $2; fe[n] = $3; ff[n] = $4; fd[n] = $5; next }
	{
		nr = $1; line = $2; label = $3; s = $4; e = $5
		fam = (label == "blame" || label == "ok") ? "language/blameless" : "actions/vague"
		pos = (label == "blame" || label == "vague")
		hit = 0; stray = 0; what = ""
		for (i = 1; i <= nf; i++) {
			if (fl[i] != line || ff[i] != fam)
				continue
			if (pos && fc[i] < e && fe[i] > s)
				hit = 1
			else {
				stray = 1
				what = what " " fd[i] "@" fc[i]
			}
		}
		k = fam
		if (pos && hit) tp[k]++
		if (pos && !hit) { fn[k]++; printf "#   missed: %s:%d%s\n", tsv, nr, what }
		if (stray) { fp[k]++; printf "#   false: %s:%d:%s\n", tsv, nr, what }
		seen[k] = 1
	}
	END {
		for (k in seen) {
			p = tp[k] + fp[k] ? 100 * tp[k] / (tp[k] + fp[k]) : 100
			r = tp[k] + fn[k] ? 100 * tp[k] / (tp[k] + fn[k]) : 100
			printf "%s %s %d %d %d %.1f %.1f\n", loc, k, tp[k], fp[k], fn[k], p, r >"/dev/stderr"
		}
	}' "$d/found" "$d/map" >"$d/detail" 2>"$d/score"
	while read -r l fam tp fp fn p r; do
		name="prose corpus $l $fam: precision $p%, recall $r% ($tp found, $fp false, $fn missed)"
		if awk "BEGIN { exit !($p >= $MIN && $r >= $MIN) }"; then
			ok "$name"
		else
			not_ok "$name"
			cat "$d/detail"
		fi
	done <"$d/score"
	check "prose corpus $loc: both families scored" test "$(wc -l <"$d/score")" -eq 2
done
done_testing
