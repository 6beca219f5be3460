#!/bin/sh
# Attachments and links between reports (issue 12, item 1): images and
# PDFs a report links are copied once under files/ and the pages point
# at the copies; links to other reports' files point at their pages
# with the fragment kept; headings carry GitHub's ids; hostile links
# publish nothing from outside the commit; links/local reports at line
# and column for --rev, --staged and the working tree, and obeys
# suppression and the configuration.  REGEN=1 rewrites the goldens.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
. "$TOP/tests/site/attach-fixture.sh"
G=$TOP/tests/site/golden/attach
d=$(tmpdir)
r=$d/repo
if ! command -v python3 >/dev/null 2>&1; then
	ok "attachments # skip: python3 not found"
	done_testing; exit
fi
check "attach: make the repository" attach_repo "$r"

# golden NAME FILE
golden() {
	if [ -n "${REGEN:-}" ]; then
		mkdir -p "$G" && cp "$2" "$G/$1"
	fi
	check "attach: golden $1" test_cmp "$G/$1" "$2"
}
# body PAGE: the rendered body of a report page.
body() {
	sed -n '/^<div class="body">$/,/^<\/div>$/p' "$1"
}

check "attach: build" build_site "$r" "$d/site"
(cd "$d/site" && find files -type f | LC_ALL=C sort) >"$d/files.list"
golden files.list "$d/files.list"
for p in db-7 inc-12 evil-1 mm-1; do
	body "$d/site/r/$p.html" >"$d/body-$p.html"
	golden "body-$p.html" "$d/body-$p.html"
done
check "attach: the image copy has the committed bytes" cmp \
    "$r/assets/latency-graph.png" \
    "$d/site/$(grep -o 'files/[0-9a-f]*-latency-graph.png' "$d/body-db-7.html" | head -n 1)"
check "attach: the PDF copy has the committed bytes" cmp \
    "$r/assets/report v2.pdf" "$d/site/$(grep -o 'files/[0-9a-f]*-report-v2.pdf' \
    "$d/body-db-7.html" | head -n 1)"
check "attach: one copy for the same bytes under the same name" \
    test "$(grep -c latency-graph "$d/files.list")" -eq 1
check "attach: every local link and image of the site resolves" \
    python3 "$TOP/tests/site/checklinks.py" "$d/site"

# Nothing from outside the commit, nor what it must not publish.
nothing() {
	! grep -rqF -e "$1" "$d/site"
}
check "attach: no /etc/passwd content in the site" \
    nothing "$(head -n 1 /etc/passwd)"
check "attach: no .git/config content in the site" \
    nothing "repositoryformatversion"
check "attach: no .git/HEAD content in the site" nothing "refs/heads/main"
check "attach: excluded file not published" nothing "do not publish"
check "attach: no HTML or SVG attachment published" nothing "alert(1)"
check "attach: the site holds no symbolic link" \
    test -z "$(find "$d/site" -type l)"
# No file of the site has the bytes of a file it must not publish.
(cd "$d/site" && find . -type f -exec cksum {} + | awk '{print $1 " " $2}') |
    LC_ALL=C sort -u >"$d/site.sums"
bad=0
for f in /etc/passwd "$r/.git/config" "$r/.git/HEAD" "$r/private/secret.txt" \
    "$r/site-notes/notes.html" "$r/assets/diagram.svg"; do
	s=$(cksum <"$f" | awk '{print $1 " " $2}')
	grep -qx "$s" "$d/site.sums" && { echo "published: $f" >&2; bad=1; }
done
check "attach: no site file has the bytes of a forbidden file" test "$bad" = 0

# links/local: the commit, the index and the working tree.
lint() {
	(cd "$r" && $PM lint --today 2026-11-01 "$@" 2>&1) |
	    grep '\[links/local\]$' || true
}
lint --rev HEAD >"$d/lint-rev"
golden lint-rev "$d/lint-rev"
lint | sed 's/the working tree/the commit/' >"$d/lint-wt0"
check "attach: lint of the working tree agrees with the commit" \
    test_cmp "$d/lint-rev" "$d/lint-wt0"
# A new image on disk, not staged; the report naming it staged.
(
	cd "$r" && attach_png assets/wip.png 2 2 0 0 0 &&
	printf '\n![work in progress](../../assets/wip.png)\n' \
	    >>postmortems/2024/db-outage.md &&
	git add postmortems/2024/db-outage.md
) >/dev/null
lint --staged >"$d/lint-staged"
golden lint-staged "$d/lint-staged"
lint >"$d/lint-worktree"
golden lint-worktree "$d/lint-worktree"
lint --rev HEAD >"$d/lint-rev2"
check "attach: --rev HEAD does not see the staged change" \
    test_cmp "$d/lint-rev" "$d/lint-rev2"
check "attach: a suppressed link is not reported" \
    sh -c "! grep -q later.png '$d/lint-rev'"
printf 'rules: {links/local: off}\n' >"$d/off.yaml"
check "attach: links/local off in the configuration" \
    test -z "$(lint --rev HEAD --config "$d/off.yaml")"
(cd "$r" && git reset -q --hard)
rm -f "$r/assets/wip.png"

# Deterministic, incremental, atomic.
check "attach: a second build" build_site "$r" "$d/site2"
check "attach: same input, same site" diff -r "$d/site" "$d/site2"
cp=$(grep -o 'files/[0-9a-f]*-latency-graph.png' "$d/body-db-7.html" | head -n 1)
ino=$(ls -i "$d/site/$cp" | awk '{print $1}')
check "attach: rebuild in place" build_site "$r" "$d/site"
check "attach: an unchanged copy is kept (same inode)" \
    test "$(ls -i "$d/site/$cp" | awk '{print $1}')" = "$ino"
(cd "$r" && attach_png assets/latency-graph.png 40 20 10 200 10 &&
    cp assets/latency-graph.png assets/old/ && git add -A && commit_at 2024-07-02T00:00:00Z "new graph") >/dev/null
check "attach: rebuild after the image changed" build_site "$r" "$d/site"
check "attach: the old copy is gone" test ! -e "$d/site/$cp"
check "attach: the page points at the new copy" cmp \
    "$r/assets/latency-graph.png" \
    "$d/site/$(grep -o 'files/[0-9a-f]*-latency-graph.png' "$d/site/r/db-7.html" | head -n 1)"
check "attach: links still resolve after the rebuild" \
    python3 "$TOP/tests/site/checklinks.py" "$d/site"
check "attach: the marker lists the copies" \
    grep -q '^files/.*-latency-graph.png$' "$d/site/.postmortem-site"

# --since: a link broken by this change is new, one broken before is not.
(cd "$r" && git rm -q "assets/report v2.pdf" &&
    commit_at 2024-07-01T12:00:00Z "drop the PDF") >/dev/null
lint --rev HEAD --since HEAD~1 >"$d/lint-since"
check "attach: --since shows the link this commit broke" \
    grep -q "report v2.pdf.*is not in the commit" "$d/lint-since"
check "attach: --since hides the links broken before" \
    test "$(wc -l <"$d/lint-since")" -eq 1
(cd "$r" && git revert -q --no-edit HEAD) >/dev/null

# A repository without commits: nothing is read from the disk.
u=$d/unborn
mkdir -p "$u/assets" && git init -q "$u"
cp "$r/assets/report v2.pdf" "$u/assets/r.pdf"
printf -- '---\nid: U-1\ntitle: Unborn\nseverity: P3\nstarted: 2024-01-01T00:00:00Z\n---\n# Summary\n\n[pdf](assets/r.pdf)\n' \
    >"$u/u.md"
check "attach: build without commits" build_site "$u" "$d/usite"
check "attach: without commits nothing is copied" test ! -e "$d/usite/files"
check "attach: without commits the link loses its target" \
    grep -q '<a class="link-missing" title="not in the archive">pdf</a>' \
    "$d/usite/r/u-1.html"
done_testing
