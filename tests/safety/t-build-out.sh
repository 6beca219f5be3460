#!/bin/sh
# Nothing lost: `build` never deletes or overwrites what it did not
# create, and never writes outside --out, whatever the ids, the file
# names or the --out directory hold.  Each case snapshots the whole
# work directory (every path, type, size and checksum) and compares.
. "$(dirname "$0")/../lib.sh"

W=$(tmpdir)
# Everything the tool could touch is under $A (watched); our own
# scratch files stay in $W, outside it.  Deep enough that an id like
# ../../x, resolved from a page, lands in a directory we watch.
A=$W/a
B=$A/b/c/d
mkdir -p "$B"
R=$B/repo

# listing DIR [EXCLUDE]: every path under DIR with its type, size and a
# checksum of regular files; paths under EXCLUDE (relative) left out,
# and the cache that lint and build keep under .git/postmortem/ (the
# repository's own .git, never the work tree: tests/repo/t-cache.sh).
listing() {
	(cd "$1" && find . -path '*/.git/postmortem' -prune -o \
	    ${2:+-path "./$2" -prune -o} -printf '%p|%y|%s|%l\n' |
	    grep -v '/\.git|d|' | LC_ALL=C sort &&
	    find . -path '*/.git/postmortem' -prune -o \
	    ${2:+-path "./$2" -prune -o} -type f -print0 |
	    LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# report FILE ID TITLE: a small valid report.
report() {
	mkdir -p "$(dirname "$1")"
	{
		printf -- "---\nid: '%s'\ntitle: \"%s\"\n" "$2" "$3"
		sed -e '1d' -e '/^id: /d' -e '/^title: /d' \
		    "$TOP/tests/hostile/good.md"
	} >"$1"
}

build() {
	(cd "$R" && $PM build --today 2025-03-10 "$@") >"$W/out" 2>"$W/err"
}

mkdir -p "$R/reports"
report "$R/reports/one.md" one "Report One"
git init -q "$R"
(cd "$R" && git add -A && commit_at 2025-03-05T09:00:00Z one) >/dev/null

# ---- an --out that holds something else is refused, untouched ----

for what in file dir dotfile; do
	O=$B/site-$what
	mkdir -p "$O"
	case $what in
	file)	printf 'mine\n' >"$O/notes.txt" ;;
	dir)	mkdir -p "$O/photos" && printf 'x' >"$O/photos/a.jpg" ;;
	dotfile) printf 'mine\n' >"$O/.env" ;;
	esac
	listing "$A" >"$W/before"
	build --out "$O"
	rc=$?
	listing "$A" >"$W/after"
	if [ "$rc" -eq 2 ] && grep -q 'refus' "$W/err"; then
		ok "build-out: --out with a foreign $what is refused"
	else
		not_ok "build-out: --out with a foreign $what is refused (status $rc)"
		sed 's/^/#   /' "$W/err" | head -5 >&2
	fi
	if test_cmp "$W/before" "$W/after"; then
		ok "build-out: foreign $what and everything around untouched"
	else
		not_ok "build-out: foreign $what and everything around untouched"
	fi
done

# --out naming the repository itself, its parent, '.', '..', a file.
printf 'keep\n' >"$B/plain-file"
for o in "$R" "$B" . .. "$B/plain-file" "$R/reports/one.md"; do
	listing "$A" >"$W/before"
	build --out "$o"
	rc=$?
	listing "$A" >"$W/after"
	if [ "$rc" -eq 2 ] && test_cmp "$W/before" "$W/after"; then
		ok "build-out: --out '$o' refused, nothing changed"
	else
		not_ok "build-out: --out '$o' refused, nothing changed (status $rc)"
		sed 's/^/#   /' "$W/err" | head -5 >&2
	fi
done

# ---- a site of ours: rebuilt; a foreign file added to it stays ----

O=$B/site
build --out "$O"
rc=$?
if [ "$rc" -eq 0 ] && [ -f "$O/index.html" ]; then
	ok "build-out: builds into a new --out"
else
	not_ok "build-out: builds into a new --out (status $rc)"
	sed 's/^/#   /' "$W/err" | head -5 >&2
fi
build --out "$O"
check "build-out: rebuilds its own site" [ $? -eq 0 ]
printf 'pm.example.com\n' >"$O/CNAME"
listing "$O" >"$W/before"
build --out "$O"
rc=$?
if [ -f "$O/CNAME" ] && [ "$(cat "$O/CNAME")" = pm.example.com ]; then
	ok "build-out: a file added to the site survives a rebuild (status $rc)"
else
	not_ok "build-out: a file added to the site survives a rebuild (status $rc)"
fi
rm -f "$O/CNAME"

# A page of the old site replaced by a symlink: never written through.
build --out "$O" >/dev/null
printf 'victim\n' >"$B/victim"
page=$(cd "$O" && find . -name '*.html' -path './r/*' | head -1)
if [ -n "$page" ]; then
	rm -f "$O/$page"
	ln -s "$B/victim" "$O/$page"
	build --out "$O"
	if [ "$(cat "$B/victim")" = victim ]; then
		ok "build-out: no write through a symlink in the old site"
	else
		not_ok "build-out: no write through a symlink in the old site"
	fi
	rm -f "$O/$page"
	rm -rf "$O"
	build --out "$O"
else
	not_ok "build-out: the site has report pages under r/"
fi

# The marker lists a path outside the site: the next build must not
# delete it (the manifest is data on disk, not to be trusted).
build --out "$O"
if [ -f "$O/.postmortem-site" ]; then
	printf 'precious\n' >"$B/precious"
	printf '../precious\n../../c/precious\n' >>"$O/.postmortem-site"
	build --out "$O"
	if [ -f "$B/precious" ]; then
		ok "build-out: a marker naming ../precious deletes nothing outside"
	else
		not_ok "build-out: a marker naming ../precious deletes nothing outside"
	fi
	rm -rf "$O"
else
	not_ok "build-out: the site has its marker"
fi

# ---- hostile ids and file names: nothing written outside --out ----

H=$B/hostile
mkdir -p "$H/reports"
i=0
long=$(LC_ALL=C awk 'BEGIN { for (i = 0; i < 300; i++) printf "L" }')
longer=$(LC_ALL=C awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }')
while IFS='|' read -r id title; do
	i=$((i + 1))
	report "$H/reports/r$i.md" "$id" "$title"
done <<EOF
../../x|Dotdot Two
../../../../../../../../../../tmp/pm-hostile-escape|Dotdot Deep
/etc/pm-hostile-x|Absolute Etc
..|Just Dotdot
.|Just Dot
a/b|With Slash
a\\\\b|With Backslash
%2e%2e%2fx|Percent Encoded
index|Index Clash
feed|Feed Clash
.postmortem-site|Marker Clash
$long|Long Id
$longer|Longer Id
Foo|Case Upper
foo|Case Lower
障害|Non Ascii
 spaced id |Spaced Id
EOF
# File names that are odd too (Git allows all of these).
report "$H/reports/..md" dotdot-name "Dotdot Name"
report "$H/reports/with space/é.md" space-name "Space Name"
report "$H/reports/-rf.md" dash-name "Dash Name"
git init -q "$H"
(cd "$H" && git add -A && commit_at 2025-03-05T09:00:00Z hostile) >/dev/null
rm -f /etc/pm-hostile-x /tmp/pm-hostile-escape.html /tmp/pm-hostile-escape
listing "$A" "b/c/d/hostile-site" >"$W/before"
(cd "$H" && $PM build --today 2025-03-10 --out "$B/hostile-site") \
    >"$W/out" 2>"$W/err"
rc=$?
listing "$A" "b/c/d/hostile-site" >"$W/after"
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then
	ok "build-out: hostile ids build (status $rc)"
else
	not_ok "build-out: hostile ids build (status $rc)"
	sed 's/^/#   /' "$W/err" | head -5 >&2
fi
if test_cmp "$W/before" "$W/after"; then
	ok "build-out: hostile ids write nothing outside --out"
else
	not_ok "build-out: hostile ids write nothing outside --out"
fi
if ls /etc/pm-hostile-x* /tmp/pm-hostile-escape* >/dev/null 2>&1; then
	not_ok "build-out: nothing written under /etc or /tmp by id"
	rm -f /etc/pm-hostile-x* /tmp/pm-hostile-escape*
else
	ok "build-out: nothing written under /etc or /tmp by id"
fi
# Every report has its own page: none overwrote another.
for t in "Case Upper" "Case Lower" "Dotdot Two" "Absolute Etc" \
    "Index Clash" "Marker Clash" "Long Id" "Non Ascii" "Space Name"; do
	n=$(grep -rlF "$t" "$B/hostile-site/r" 2>/dev/null | wc -l)
	if [ "$n" -ge 1 ]; then
		ok "build-out: '$t' has a page"
	else
		not_ok "build-out: '$t' has a page"
	fi
done
npages=$(find "$B/hostile-site/r" -name '*.html' 2>/dev/null | wc -l)
nrep=$(find "$H/reports" -name '*.md' | wc -l)
if [ "$npages" -ge "$nrep" ]; then
	ok "build-out: one page per report ($npages for $nrep)"
else
	not_ok "build-out: one page per report ($npages for $nrep)"
fi

done_testing
