# attach_repo DIR: a repository whose reports link images, PDFs, each
# other (spaces, percent-encoding, fragments, .html.md.erb) and hostile
# targets (outside the repository, .git/, a committed symbolic link to
# /etc/passwd, encoded and backslash variants).  Sourced by t-attach*.sh
# after tests/lib.sh.  Every file is made here; two commits with fixed
# dates.

# png FILE W H R G B: a real W x H PNG of one colour.
attach_png() {
	python3 - "$@" <<'EOF'
import struct, sys, zlib
f, w, h, r, g, b = sys.argv[1], *map(int, sys.argv[2:])
raw = b"".join(b"\0" + bytes((r, g, b)) * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(f, "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
EOF
}

# pdf FILE: a one-page PDF.
attach_pdf() {
	printf '%s\n' '%PDF-1.4' \
	    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj' \
	    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj' \
	    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj' \
	    'trailer << /Root 1 0 R >>' '%%EOF' >"$1"
}

attach_repo() {
	r=$1
	mkdir -p "$r" && git init -q "$r" || return 1
	(
	cd "$r" || exit 1
	mkdir -p assets/old assets/graphs private postmortems/2024 site-notes
	cat >.postmortem.yaml <<'EOF'
include: ["postmortems/**/*.html.md.erb"]
exclude: ["private/**"]
EOF
	attach_png assets/latency-graph.png 40 20 200 30 30
	cp assets/latency-graph.png assets/old/latency-graph.png
	attach_png "assets/graphs/Error Rate (5xx).png" 16 16 30 30 200
	attach_pdf "assets/report v2.pdf"
	printf 'secret: do not publish\n' >private/secret.txt
	printf '<script>alert(1)</script>\n' >site-notes/notes.html
	printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n' \
	    >assets/diagram.svg
	ln -s /etc/passwd assets/passwd.png
	ln -s /etc assets/etc
	cat >"postmortems/2024/INC-12 - Redis failover.md" <<'EOF'
---
id: INC-12
title: Redis failover stalls checkout
severity: P2
started: 2024-03-02T10:00:00Z
ended: 2024-03-02T11:00:00Z
authors: ["@ana"]
---
# Summary

The Redis primary failed over and checkout stalled.

![latency during the failover](../../assets/latency-graph.png "p99 latency")

## Timeline

| Time (UTC) | Event |
|---|---|
| 10:00 | failover starts |
| 10:20 | checkout alerts |
| 11:00 | resolved |

## What went wrong?

Nothing to see in [the other report](db-outage.md#what-went-wrong).

## What went wrong?

Twice, on purpose: GitHub names this one what-went-wrong-1.

## Café & Crème — “quotes” 🚀

GitHub drops the punctuation and the emoji, keeps the letters.

## ВЫВОДЫ

Capitals of other scripts are lowered too.
EOF
	cat >postmortems/2024/db-outage.md <<'EOF'
---
id: DB-7
title: Database outage
severity: P1
started: 2024-04-10T08:00:00Z
ended: 2024-04-10T09:30:00Z
authors: ["@bo"]
---
# Summary

See [INC-12](INC-12%20-%20Redis%20failover.md) and its
[timeline](<INC-12 - Redis failover.md#timeline>), the
[second heading](./INC-12%20-%20Redis%20failover.md#what-went-wrong-1)
and the [Middleman report](legacy.html#cause), the
[café heading](INC-12%20-%20Redis%20failover.md#café--crème--quotes-) and
[the lessons](INC-12%20-%20Redis%20failover.md#%D0%B2%D1%8B%D0%B2%D0%BE%D0%B4%D1%8B).

![latency](../../assets/latency-graph.png) again, and the
![old copy](/assets/old/latency-graph.png) with the same bytes.
![errors](../../assets/graphs/Error%20Rate%20(5xx).png)

The [full report (PDF)](<../../assets/report v2.pdf#page=1>) and
[a folder](../../assets/) and [the top](#summary).

## What went wrong

![missing graph](../../assets/nope.png)
<!-- postmortem-disable-next-line links/local -->
[known missing](../../assets/later.png)
EOF
	cat >postmortems/2024/legacy.html.md.erb <<'EOF'
---
id: MM-1
title: Middleman report
severity: P3
started: 2024-05-01T08:00:00Z
ended: 2024-05-01T08:30:00Z
authors: ["@cy"]
---
# Summary

Back to [the database outage](db-outage.md).

## Cause

Somewhere.
EOF
	cat >postmortems/2024/hostile.md <<'EOF'
---
id: EVIL-1
title: Hostile links
severity: P4
started: 2024-06-01T08:00:00Z
ended: 2024-06-01T08:30:00Z
authors: ["@eve"]
---
# Summary

![up](../../../../etc/passwd) [abs](/etc/passwd)
[git](../../.git/config) [GIT](../../.GIT/HEAD) [root-git](/.git/config)
[enc](%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd)
[enc2](..%2F..%2F..%2F..%2Fetc%2Fpasswd) [encgit](../../%2Egit/config)
[bs](..\\..\\..\\..\\etc\\passwd) [bsenc](..%5C..%5C.git%5Cconfig)
![link](../../assets/passwd.png) ![via link dir](../../assets/etc/passwd)
[nul](../../assets/a%00b.png) [private](../../private/secret.txt)
[html](../../site-notes/notes.html) ![svg](../../assets/diagram.svg)
[file](file:///etc/passwd) [js](javascript:alert(1))

<img src="../../../../etc/passwd">
EOF
	# A long URL: the message shows its start only.
	printf '\n[long](%s.png)\n' "$(printf 'd%.0s/' $(seq 1 150))" \
	    >>postmortems/2024/hostile.md
	git add -A
	commit_at 2024-07-01T00:00:00Z "reports"
	) >/dev/null
}
