#!/usr/bin/env python3
"""Compare what postmortem found or inferred with a generated corpus's manifest
(bench/gen-corpus.py).  Used by tests/*/t-accuracy.sh.

  accuracy.py lint CORPUS LINT.json [--shift SHIFT.json] [--allow RULE]
      every planted violation (CORPUS/violations.json) is found at its line (moved down by
      SHIFT[path] lines; anywhere when its line is null), and no other error is reported on
      a file, except RULE;
  accuracy.py adopted CORPUS
      after 'adopt --write': title, severity, started and ended of every report equal the
      manifest's, and a value that is there is never wrong.

Reports in a legacy shape the reader does not handle yet ("gap" in the manifest) are left
out of the pass/fail verdict and counted apart: lines starting with '#' say how many of
them now pass, so the gaps can be closed one by one.  The last line is the verdict; the
exit status is 1 when a report outside the gaps fails.
"""
import json
import re
import sys
from collections import Counter, defaultdict


def load(corpus):
    man = json.load(open(corpus + "/manifest.json", encoding="utf-8"))
    planted = json.load(open(corpus + "/violations.json", encoding="utf-8"))
    return man, planted


def gap_shapes(rep):
    s = rep.get("shape") or {}
    return sorted("%s=%s" % (k, v) for k, v in s.items() if k != "zone_abbr")


def verdict(man, problems, what):
    """problems: path -> [text].  Print and return the exit status."""
    gaps = set(man.get("gaps", []))
    bad, gap_bad, gap_total = [], Counter(), Counter()
    for rep in man["reports"]:
        shapes = [s for s in gap_shapes(rep) if s in gaps] if rep.get("gap") else []
        p = rep["path"]
        if shapes:
            for s in shapes:
                gap_total[s] += 1
                gap_bad[s] += bool(problems.get(p))
        elif problems.get(p):
            bad.append(p)
    for p in bad[:30]:
        for x in problems[p][:3]:
            print("%s: %s" % (p, x))
    for s in sorted(gap_total):
        print("# expected gap %s: %d of %d reports still wrong" % (s, gap_bad[s], gap_total[s]))
    n = len(man["reports"]) - sum(1 for r in man["reports"] if r.get("gap"))
    print("%s: %d reports checked, %d wrong (%d in expected gaps of the reader)"
          % (what, n, len(bad), sum(1 for r in man["reports"] if r.get("gap"))))
    return 1 if bad or n == 0 else 0


def lint(corpus, found_file, shift_file=None, allow=""):
    man, planted = load(corpus)
    found = json.load(open(found_file, encoding="utf-8"))["findings"]
    shift = json.load(open(shift_file)) if shift_file else {}
    by = defaultdict(list)
    for f in found:
        by[(f["path"], f["rule"])].append(f)
    problems = defaultdict(list)
    for v in planted:
        fs = by.get((v["path"], v["rule"]), [])
        want = None if v["line"] is None else v["line"] + shift.get(v["path"], 0)
        if not any(want is None or f["line"] == want for f in fs):
            problems[v["path"]].append("missed %s at line %s" % (v["rule"], want))
    keys = {(v["path"], v["rule"]) for v in planted}
    # A timeline planted out of order or with a bad time may leave the
    # start or end unread (right or absent): then frontmatter/required.
    unsure = {v["path"] for v in planted if v["rule"].startswith("timeline/")}
    for f in found:
        if f["severity"] == "error" and f["rule"] != allow and \
                (f["path"], f["rule"]) not in keys and \
                not (f["rule"] == "frontmatter/required" and f["path"] in unsure):
            problems[f["path"]].append("unexpected %s at line %d: %s"
                                       % (f["rule"], f["line"], f["message"][:120]))
    print("# planted %d violations" % len(planted))
    return verdict(man, problems, "lint accuracy")


def front(path):
    t = open(path, encoding="utf-8").read().lstrip("\ufeff")
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", t, re.S)
    if not m:
        return None
    out = {}
    for line in m.group(1).splitlines():
        mm = re.match(r"^([a-z_]+):\s*(.*?)\s*$", line)
        if mm:
            v = mm.group(2)
            if len(v) >= 2 and v[0] == v[-1] == '"':
                v = json.loads(v)  # the double-quoted YAML adopt writes is JSON-compatible
            out[mm.group(1)] = v
    return out


def adopted(corpus):
    man, _ = load(corpus)
    problems = defaultdict(list)
    for rep in man["reports"]:
        fm = front(corpus + "/" + rep["path"])
        if fm is None:
            problems[rep["path"]].append("not adopted")
            continue
        # A timeline planted out of order or with a bad time may leave
        # the start and end unread; never wrong.
        unsure = any(r.startswith("timeline/") for r in rep["rules"])
        for k in ("title", "severity", "started", "ended"):
            got = fm.get(k)
            if got is None and unsure and k in ("started", "ended"):
                continue
            if got is None:
                problems[rep["path"]].append("%s not inferred" % k)
            elif got != rep[k] and got != rep.get(k + "_day"):
                # (a timeline of days gives the day: "started: 2022-10-22")
                problems[rep["path"]].append("WRONG %s: %r, the report says %r"
                                             % (k, got, rep[k]))
    # A wrong value is worse than none: count them apart, gaps included.
    wrong = sum(1 for p in problems.values() for x in p if x.startswith("WRONG"))
    print("# wrong values (gaps included): %d" % wrong)
    return verdict(man, problems, "adopt accuracy")


def main():
    a = sys.argv[1:]
    if len(a) >= 3 and a[0] == "lint":
        kw = {}
        rest = a[3:]
        while rest:
            if rest[0] == "--shift":
                kw["shift_file"] = rest[1]
            elif rest[0] == "--allow":
                kw["allow"] = rest[1]
            rest = rest[2:]
        sys.exit(lint(a[1], a[2], **kw))
    if len(a) == 2 and a[0] == "adopted":
        sys.exit(adopted(a[1]))
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
