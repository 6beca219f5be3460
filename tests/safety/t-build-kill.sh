#!/bin/sh
# Nothing lost: a build killed halfway (kill -9) leaves the previous
# site in place.  A corpus of about a thousand reports is built once;
# then a commit changes it, and the next build is killed after several
# delays, and at each rename(2) it makes (strace fault injection, so
# the moments between two renames are hit for certain).  After every
# kill the --out directory must hold exactly the previous site or
# exactly the new one, never a mix and never nothing.  Then a normal
# build must still succeed.  PM_KILL_COPIES sets the corpus size
# (copies of the 28 sample reports).
. "$(dirname "$0")/../lib.sh"

case "$PM" in
valgrind*)
	ok "build-kill # SKIP under valgrind (a big build, timing based)"
	done_testing
	exit
	;;
esac

W=$(tmpdir)
R=$W/repo
O=$W/site
N=${PM_KILL_COPIES:-20}

listing() {
	[ -d "$1" ] || { echo "(missing)"; return; }
	# Sizes of regular files only: a directory's size depends on the
	# history of its entries, not on what it holds.
	(cd "$1" && find . \( -type f -printf '%p|f|%s\n' \) -o \
	    -printf '%p|%y\n' | LC_ALL=C sort &&
	    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

mkdir -p "$R/reports"
i=0
while [ "$i" -lt "$N" ]; do
	i=$((i + 1))
	for f in "$TOP"/sample-postmortems/reports/*/*.md; do
		sed '/^id: /d' "$f" >"$R/reports/c$i-$(basename "$f")"
	done
done
git init -q "$R"
(cd "$R" && git add -A && commit_at 2025-03-05T09:00:00Z corpus) >/dev/null
nrep=$(find "$R/reports" -name '*.md' | wc -l)

build() { (cd "$R" && exec $PM build --today 2026-11-01 --out "$@"); }

start=$(date +%s)
if build "$O" >/dev/null 2>"$W/err"; then
	ok "build-kill: first build of $nrep reports ($(($(date +%s) - start))s)"
else
	not_ok "build-kill: first build of $nrep reports"
	sed 's/^/#   /' "$W/err" | head -5 >&2
	done_testing
	exit
fi
listing "$O" >"$W/v1"

# The change: one report edited, one added, one removed.
f1=$(ls "$R"/reports/*.md | head -1)
f2=$(ls "$R"/reports/*.md | tail -1)
printf '\nAn added paragraph.\n' >>"$f1"
sed 's/^title: .*/title: "Added later"/' "$f2" >"$R/reports/zz-added.md"
(cd "$R" && git rm -q "$(basename "$(dirname "$f2")")/$(basename "$f2")" &&
    git add -A && commit_at 2025-03-06T09:00:00Z change) >/dev/null
build "$W/ref" >/dev/null 2>&1
listing "$W/ref" >"$W/v2"
if cmp -s "$W/v1" "$W/v2"; then
	not_ok "build-kill: the change changes the site"
fi

# after_kill WHAT: the site is exactly the previous one or the new one.
after_kill() {
	listing "$O" >"$W/now"
	if cmp -s "$W/now" "$W/prev"; then
		ok "build-kill: $1: previous site intact"
	elif cmp -s "$W/now" "$W/v2"; then
		ok "build-kill: $1: new site complete"
	else
		not_ok "build-kill: $1: site is neither the old nor the new one"
		diff "$W/prev" "$W/now" | grep '^[<>] ' | grep -v '|f|' |
		    head -8 | sed 's/^/#   /' >&2
		if [ -n "${PM_KILL_KEEP:-}" ]; then
			mkdir -p "$PM_KILL_KEEP"
			cp -r "$O" "$PM_KILL_KEEP/$(date +%s%N)"
		fi
	fi
}

for d in 0.05 0.1 0.2 0.3 0.4 0.5 0.6 0.8 1.2 2; do
	cp "$W/v1" "$W/prev"
	# Start from the old site each time.
	listing "$O" >"$W/cur"
	if ! cmp -s "$W/v1" "$W/cur"; then
		rm -rf "$O"
		(cd "$R" && git checkout -q HEAD~1 2>/dev/null)
		build "$O" >/dev/null 2>&1
		(cd "$R" && git checkout -q main 2>/dev/null)
	fi
	# $! must be the build itself: a subshell that execs it.
	(cd "$R" && exec $PM build --today 2026-11-01 --out "$O") \
	    >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" 2>/dev/null
		what="killed after ${d}s"
	else
		what="finished before ${d}s"
	fi
	wait "$pid" 2>/dev/null
	after_kill "$what"
done

# At each rename: strace delivers SIGKILL on entry to the n-th one.
if strace -o /dev/null true 2>/dev/null; then
	for n in 1 2 3 4; do
		rm -rf "$O"
		(cd "$R" && git checkout -q HEAD~1 2>/dev/null)
		build "$O" >/dev/null 2>&1
		(cd "$R" && git checkout -q main 2>/dev/null)
		listing "$O" >"$W/prev"
		# (The shell's "Killed" goes to /dev/null with the rest.)
		{ (cd "$R" && exec strace -f -qq -o /dev/null \
		    -e trace=rename,renameat,renameat2 \
		    -e inject=rename,renameat,renameat2:signal=KILL:when=$n \
		    $PM build --today 2026-11-01 --out "$O") >/dev/null 2>&1
		} 2>/dev/null
		after_kill "SIGKILL at rename #$n"
	done
else
	ok "build-kill: rename injection # SKIP no strace"
fi

# Whatever was left beside --out, the next build works and is complete.
build "$O" >/dev/null 2>"$W/err"
rc=$?
listing "$O" >"$W/now"
if [ "$rc" -eq 0 ] && cmp -s "$W/now" "$W/v2"; then
	ok "build-kill: a normal build after the kills is complete"
else
	not_ok "build-kill: a normal build after the kills is complete ($rc)"
	sed 's/^/#   /' "$W/err" | head -5 >&2
fi
left=$(find "$W" -maxdepth 1 -name '.site.*' | wc -l)
ok "build-kill: $left temporary directories left beside --out by kills"

done_testing
