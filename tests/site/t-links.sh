#!/bin/sh
# Every local link and asset of the sample site resolves inside it.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
d=$(tmpdir)
if ! samples_repo "$d/repo"; then
	skip "site links" "no sample-postmortems/make-repo.sh"
	done_testing; exit
fi
check "links: build" build_site "$d/repo" "$d/site"
check "links: every local link resolves" \
    python3 "$TOP/tests/site/checklinks.py" "$d/site"
check "links: feed and search index" test -s "$d/site/atom.xml" -a \
    -s "$d/site/search.json" -a -s "$d/site/search-data.js"
check "links: no sitemap without a base URL" test ! -e "$d/site/sitemap.xml"
check "links: base URL gives a sitemap" build_site "$d/repo" "$d/site2" \
    --base-url https://pm.example/archive/
check "links: sitemap has absolute URLs" \
    grep -q '<loc>https://pm.example/archive/index.html</loc>' \
    "$d/site2/sitemap.xml"
check "links: pages link relatively even with a base URL" \
    python3 "$TOP/tests/site/checklinks.py" "$d/site2"
check "links: feed is well-formed XML" python3 -c \
    'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \
    "$d/site2/atom.xml"
check "links: sitemap is well-formed XML" python3 -c \
    'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \
    "$d/site2/sitemap.xml"
check "links: search index is JSON" python3 -c \
    'import json, sys; assert json.load(open(sys.argv[1]))' \
    "$d/site/search.json"
done_testing
