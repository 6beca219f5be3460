#!/bin/sh
# Every image on every page of a site with attachments loads in a real
# browser (Debian's chromium, headless, file:// URLs): after the load
# event each <img> is complete with naturalWidth > 0.  A copy of the
# site gets a small script (allowed by the pages' CSP as 'self') that
# writes the count into the DOM, which --dump-dom prints.  Skipped
# when chromium is not installed ('make test-deps').
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
. "$TOP/tests/site/attach-fixture.sh"
if ! command -v chromium >/dev/null 2>&1; then
	ok "attach browser test # skip: chromium not installed (make test-deps)"
	done_testing; exit
fi
if ! command -v python3 >/dev/null 2>&1; then
	ok "attach browser test # skip: python3 not found"
	done_testing; exit
fi
d=$(tmpdir)
check "attach browser: make the repository" attach_repo "$d/repo"
check "attach browser: build" build_site "$d/repo" "$d/site"
cp -R "$d/site" "$d/b"
cat >"$d/b/imgcheck.js" <<'EOF'
window.addEventListener("load", function () {
	var bad = [], n = 0, p = document.createElement("p");
	document.querySelectorAll("img").forEach(function (i) {
		n++;
		if (!(i.complete && i.naturalWidth > 0))
			bad.push(i.getAttribute("src"));
	});
	p.id = "imgcheck";
	p.textContent = "images " + n + " broken " + bad.length + " " +
	    bad.join(" ");
	document.body.appendChild(p);
});
EOF
# Each page loads the script from the site's root.
(cd "$d/b" && find . -name '*.html' | sed 's|^\./||') >"$d/pages"
while read -r pg; do
	root=$(echo "$pg" | sed 's|[^/]*/|../|g; s|[^/]*$||')
	sed -i "s|</body>|<script src=\"${root}imgcheck.js\"></script></body>|" \
	    "$d/b/$pg"
done <"$d/pages"
chrome() {
	timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$(mktemp -d "$d/prof.XXXXXX")" "$@"
}
total=0
bad=0
while read -r pg; do
	out=$(chrome --virtual-time-budget=3000 --dump-dom "file://$d/b/$pg" \
	    2>/dev/null | grep -o '<p id="imgcheck">[^<]*' | sed 's/.*">//')
	case "$out" in
	"images "*" broken 0 ") n=${out#images }; total=$((total + ${n%% *})) ;;
	*) echo "# $pg: ${out:-no result}" >&2; bad=$((bad + 1)) ;;
	esac
done <"$d/pages"
check "attach browser: every image of every page loads" test "$bad" = 0
echo "# $(wc -l <"$d/pages") pages, $total images loaded"
check "attach browser: the pages have images" test "$total" -ge 4
done_testing
