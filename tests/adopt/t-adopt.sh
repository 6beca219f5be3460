#!/bin/sh
# postmortem adopt on repositories of reports written without this tool,
# one per style of tests/adopt/fixtures/ (stats list, Google SRE book,
# day-first list timeline, and a messy one: mistakes, entities, a file
# without .md, CRLF, BOM, colliding ids, a README, a report that already
# has front matter).  Each repository is made here: every report is
# committed at a chosen date under old/, then one commit renames every
# file into place (history must follow the rename).
#
# Golden files (REGEN=1 rewrites them), in tests/adopt/golden/:
#   STYLE.diff         `adopt` (dry run) on standard output
#   STYLE.err          its standard error and exit status
#   STYLE.lint-before  `lint` before adopting (text, exit status)
#   STYLE.lint-after   `lint` after `adopt --write`
. "$(dirname "$0")/../lib.sh"
FIX=$TOP/tests/adopt/fixtures
GOLD=$TOP/tests/adopt/golden

# When each report was first committed ("distributed"): a day or two
# after the incident, one of them late.
date_for() {
	case $1 in
	*ingress-certificate-expiry*)	echo 2021-12-11T09:00:00Z ;;
	*node-pool-upgrade*)		echo 2022-03-03T16:30:00Z ;;
	*shakespeare*)			echo 2015-10-22T10:00:00Z ;;
	*db-failover*)			echo 2018-08-23T15:00:00Z ;;
	*payment-gateway*)		echo 2024-10-25T12:00:00Z ;;
	*mistakes*)			echo 2023-05-20T08:00:00Z ;;
	*entities*)			echo 2024-02-07T09:00:00Z ;;
	2019/*)				echo 2019-04-03T08:00:00Z ;;
	2020/*)				echo 2020-10-07T08:00:00Z ;;
	*crlf*)				echo 2022-07-20T10:00:00Z ;;
	*bom*)				echo 2021-03-04T10:00:00Z ;;
	*2017-11-outage*)		echo 2017-11-21T10:00:00Z ;;
	*)				echo 2024-06-02T10:00:00Z ;;
	esac
}

# make_repo STYLE DIR
make_repo() {
	git init -q "$2" || return 1
	(
		cd "$2" || exit 1
		cfg=
		[ "$1" = messy ] && cfg='include: ["incidents/**"]'
		if [ -n "$cfg" ]; then
			printf '%s\n' "$cfg" >.postmortem.yaml
			git add .postmortem.yaml
			commit_at 2015-01-01T00:00:00Z "configuration"
		fi
		(cd "$FIX/$1" && find . -type f ! -name .gitattributes |
		    sed 's|^\./||' | LC_ALL=C sort) >"$2.list"
		while read -r f; do
			mkdir -p "old/$(dirname "$f")"
			cp "$FIX/$1/$f" "old/$f"
			git add "old/$f"
			commit_at "$(date_for "$f")" "add $f"
		done <"$2.list"
		while read -r f; do
			mkdir -p "$(dirname "$f")"
			git mv "old/$f" "$f"
		done <"$2.list"
		commit_at 2025-01-15T12:00:00Z "move every report out of old/"
	) >/dev/null
}

# golden NAME FILE: compare FILE with tests/adopt/golden/NAME.
golden() {
	if [ -n "${REGEN:-}" ]; then
		cp "$2" "$GOLD/$1"
	fi
	if test_cmp "$GOLD/$1" "$2"; then ok "adopt golden $1"
	else not_ok "adopt golden $1"; fi
}

# body_same ORIGINAL ADOPTED: the adopted file minus its front matter
# (and with the BOM put back in front) is the original, byte for byte.
BODY=$(tmpdir)/body
body_same() {
	bom=$(printf '\357\273\277')
	end=$(sed -n "/^\($bom\)\{0,1\}---$(printf '\r')\{0,1\}\$/=" "$2" |
	    sed -n 2p)
	[ -n "$end" ] || return 1
	{
		if [ "$(head -c 3 "$2")" = "$bom" ]; then printf '%s' "$bom"; fi
		tail -n +"$((end + 1))" "$2"
	} >"$BODY"
	cmp -s "$1" "$BODY"
}

for style in stats sre dmy messy; do
	d=$(tmpdir)
	r=$d/repo
	if ! make_repo "$style" "$r"; then
		not_ok "adopt $style: make the repository"
		continue
	fi
	lint() {
		(cd "$r" && $PM lint --today 2026-11-01 2>&1; echo "exit $?")
	}

	# lint before adopting: as configured (legacy files are counted),
	# then with every Markdown file included (inferred metadata)
	lint >"$d/lint-before"
	{
		[ -f "$r/.postmortem.yaml" ] && cat "$r/.postmortem.yaml"
		printf 'include: ["**/*.md", "*.md", "incidents/**"]\n'
	} | grep -v '^include: \["incidents' >"$d/all.yaml"
	echo "# with $(cat "$d/all.yaml")" >>"$d/lint-before"
	(cd "$r" && $PM lint --today 2026-11-01 --config "$d/all.yaml" 2>&1;
	    echo "exit $?") >>"$d/lint-before"
	golden "$style.lint-before" "$d/lint-before"

	# dry run: the diff, the messages
	(cd "$r" && $PM adopt >"$d/diff" 2>"$d/err"; echo "exit $?" >>"$d/err")
	golden "$style.diff" "$d/diff"
	golden "$style.err" "$d/err"
	check "adopt $style: dry run changes nothing" \
	    test -z "$(cd "$r" && git status --porcelain)"

	# the diff applies with git apply and patch -p1
	cp -R "$r" "$d/ga"
	check "adopt $style: diff applies with git apply" \
	    sh -c "cd '$d/ga' && git apply --whitespace=nowarn '$d/diff'"
	cp -R "$r" "$d/pa"
	check "adopt $style: diff applies with patch -p1" \
	    sh -c "cd '$d/pa' && patch -s -p1 --binary <'$d/diff' >/dev/null"

	# --write keeps file modes; its result is the patched tree
	first=$(head -1 "$r.list")
	chmod 640 "$r/$first"
	(cd "$r" && $PM adopt --write >"$d/w.out" 2>"$d/w.err")
	check "adopt $style: --write prints no diff" test ! -s "$d/w.out"
	check "adopt $style: --write keeps the file mode" \
	    test "$(stat -c %a "$r/$first")" = 640
	ok_all=1
	while read -r f; do
		if ! cmp -s "$r/$f" "$d/pa/$f"; then
			echo "# $f differs from the patched file" >&2
			ok_all=0
		fi
	done <"$r.list"
	check "adopt $style: --write gives what the diff says" \
	    test "$ok_all" = 1
	check "adopt $style: no temporary files left" \
	    test -z "$(find "$r" -name '.*.adopt-*')"

	# bodies byte for byte; untouched files unchanged
	ok_all=1
	while read -r f; do
		if cmp -s "$FIX/$style/$f" "$r/$f"; then
			continue	# not adopted (README, front matter)
		fi
		if ! body_same "$FIX/$style/$f" "$r/$f"; then
			echo "# $f: body changed" >&2
			ok_all=0
		fi
	done <"$r.list"
	check "adopt $style: bodies kept byte for byte" test "$ok_all" = 1

	# idempotent
	(cd "$r" && git add -A && commit_at 2025-02-01T00:00:00Z adopt)
	(cd "$r" && $PM adopt >"$d/diff2" 2>"$d/err2")
	rc=$?
	[ -s "$d/diff2" ] && sed "s/^/#   /" "$d/err2" >&2
	check "adopt $style: second run has nothing to do" \
	    test ! -s "$d/diff2" -a "$rc" -eq 0
	(cd "$r" && $PM adopt --write >/dev/null 2>&1)
	check "adopt $style: second --write changes nothing" \
	    test -z "$(cd "$r" && git status --porcelain)"

	lint >"$d/lint-after"
	golden "$style.lint-after" "$d/lint-after"

	# the archive shows every adopted report, on its page and the
	# index (titles checked without their HTML escaping)
	(cd "$r" && $PM build --out "$d/site" --today 2026-11-01 \
	    >/dev/null 2>"$d/build.err")
	check "adopt $style: build of the adopted repository succeeds" \
	    test $? -eq 0
	nfm=0 npages=0 ok_all=1
	while read -r f; do
		head -c 6 "$r/$f" | grep -q -- '---' || continue
		nfm=$((nfm + 1))
		t=$(sed -n 's/^title: "\{0,1\}\([^"&\\]*\).*/\1/p' "$r/$f" |
		    head -1 | tr -d "\r")
		if ! grep -qF "$t" "$d/site/index.html"; then
			echo "# '$t' is not on the index" >&2
			ok_all=0
		fi
	done <"$r.list"
	npages=$(ls "$d/site/r" 2>/dev/null | grep -c '\.html$')
	check "adopt $style: one page per report ($nfm)" \
	    test "$npages" -eq "$nfm"
	check "adopt $style: every title is on the index" test "$ok_all" = 1
	check "adopt $style: the trends page exists" \
	    test -s "$d/site/trends.html"
done

# CRLF and BOM files, checked on their own.
d=$(tmpdir)
make_repo messy "$d/repo"
(cd "$d/repo" && $PM adopt --write crlf-report.md bom-report.md \
    >/dev/null 2>&1)
check "adopt crlf: every line still ends in CRLF" \
    test "$(grep -c "$(printf '\r')\$" "$d/repo/crlf-report.md")" -eq \
    "$(wc -l <"$d/repo/crlf-report.md")"
check "adopt bom: the BOM stays first, before the fence" \
    test "$(head -c 6 "$d/repo/bom-report.md" | od -An -tx1 | tr -d ' ')" \
    = efbbbf2d2d2d
check "adopt paths: only the named files are adopted" \
    test "$(cd "$d/repo" && git status --porcelain | wc -l)" -eq 2

# Outside a repository, on a named file: no history, no authors.
d=$(tmpdir)
cp "$FIX/dmy/30-09-2024-payment-gateway-timeouts.md" "$d/r.md"
(cd "$d" && $PM adopt r.md >"$d/out" 2>"$d/err")
rc=$?
check "adopt outside a repository works on named files" \
    sh -c "test $rc -eq 0 && grep -q '^+title: Payment gateway' '$d/out'"
check "adopt outside a repository writes no distributed" \
    sh -c "! grep -q distributed '$d/out'"

# A symbolic link is never replaced by a file.
d=$(tmpdir)
make_repo stats "$d/repo"
(cd "$d/repo" && mv 2022-03-02-node-pool-upgrade.md real.txt &&
    ln -s real.txt 2022-03-02-node-pool-upgrade.md)
(cd "$d/repo" && $PM adopt --write >/dev/null 2>"$d/err")
check "adopt refuses to replace a symbolic link" \
    sh -c "test -L '$d/repo/2022-03-02-node-pool-upgrade.md' &&
    head -1 '$d/repo/real.txt' | grep -q '^# Node'"

done_testing
