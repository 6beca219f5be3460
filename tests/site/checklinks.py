#!/usr/bin/env python3
"""Every local link and asset of a built site resolves.

usage: checklinks.py SITE
Reads every .html file, collects href/src of a, link, script, img (and
xlink:href), skips external URLs (http:, https:, mailto:) and checks that
each relative target exists inside SITE (and that #fragments exist in the
target page).  Prints problems; exit 1 if any."""
import os
import sys
import urllib.parse
from html.parser import HTMLParser


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" and v:
                self.ids.add(v)
            if k in ("href", "src", "xlink:href") and v is not None:
                self.links.append((tag, v))

    handle_startendtag = handle_starttag


def main():
    root = os.path.realpath(sys.argv[1])
    pages = {}
    for dp, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(".html"):
                p = os.path.join(dp, f)
                c = Collect()
                with open(p, encoding="utf-8") as fh:
                    c.feed(fh.read())
                pages[p] = c
    bad = 0
    nlinks = 0
    for p, c in sorted(pages.items()):
        for tag, url in c.links:
            u = urllib.parse.urlsplit(url)
            if u.scheme in ("http", "https", "mailto"):
                continue
            nlinks += 1
            if u.scheme or u.netloc:
                print(f"{os.path.relpath(p, root)}: non-relative link {url}")
                bad += 1
                continue
            target = p if u.path == "" else os.path.realpath(
                os.path.join(os.path.dirname(p),
                             urllib.parse.unquote(u.path)))
            if not (target + os.sep).startswith(root + os.sep) and \
                    target != root:
                print(f"{os.path.relpath(p, root)}: link leaves the site: {url}")
                bad += 1
            elif not os.path.isfile(target):
                print(f"{os.path.relpath(p, root)}: broken link {url}")
                bad += 1
            elif u.fragment and target in pages and \
                    u.fragment not in pages[target].ids and \
                    urllib.parse.unquote(u.fragment) not in pages[target].ids:
                print(f"{os.path.relpath(p, root)}: missing anchor {url}")
                bad += 1
    print(f"# {len(pages)} pages, {nlinks} local links, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
