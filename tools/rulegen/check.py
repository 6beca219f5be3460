"""Check the rule packs: structure, bad/good examples with real PCRE2 (and Python regex as a
second opinion), the generator's sentences, and overlaps between rules."""
import glob, os, subprocess, sys, yaml, regex
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# pcretest.c, built by the README's command (PCRETEST overrides the path).
PCRETEST = os.environ.get("PCRETEST", os.path.join(HERE, "..", "..", "build", "rulegen", "pcretest"))
import common

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "rules")
errors = []


class Pcre:
    def __init__(self):
        self.p = subprocess.Popen([PCRETEST], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, encoding="utf-8")
        self.cur = None

    def compile(self, pat):
        self.p.stdin.write("P\t" + pat + "\n"); self.p.stdin.flush()
        r = self.p.stdout.readline().strip()
        self.cur = pat
        return r

    def match(self, text):
        self.p.stdin.write("T\t" + text.replace("\n", " ") + "\n"); self.p.stdin.flush()
        r = self.p.stdout.readline().split()
        if r[0] == "-1":
            raise RuntimeError("match error %r" % r)
        return r[0] == "1"


pc = Pcre()
packs = {}
for path in sorted(glob.glob(os.path.join(DIR, "*.yaml"))):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    fam, loc = doc["family"], doc["locale"]
    exp_fam = {"blameless": "language/blameless", "vague-actions": "actions/vague"}[name.split(".")[0]]
    if fam != exp_fam or name.split(".")[1] != loc:
        errors.append(f"{name}: family/locale mismatch")
    ids = [r["id"] for r in doc["rules"]]
    if len(set(ids)) != len(ids):
        errors.append(f"{name}: duplicate ids")
    for r in doc["rules"]:
        for k in ("id", "pattern", "message", "suggest", "bad", "good"):
            if k not in r:
                errors.append(f"{name}:{r.get('id')}: missing {k}")
        if set(r) - {"id", "pattern", "message", "suggest", "bad", "good", "severity"}:
            errors.append(f"{name}:{r['id']}: unknown keys {set(r)}")
        if r.get("severity", "error") not in ("error", "warning", "info"):
            errors.append(f"{name}:{r['id']}: bad severity")
        if "(?i)" in r["pattern"]:
            errors.append(f"{name}:{r['id']}: has (?i)")
        c = pc.compile(r["pattern"])
        if c != "OK":
            errors.append(f"{name}:{r['id']}: PCRE2 compile: {c}")
            continue
        try:
            r["_py"] = regex.compile(r["pattern"], regex.IGNORECASE | regex.UNICODE | regex.V0)
        except Exception as e:
            errors.append(f"{name}:{r['id']}: python regex compile: {e}")
        for b in r["bad"]:
            if not pc.match(b):
                errors.append(f"{name}:{r['id']}: bad not matched: {b!r}")
            if "_py" in r and not r["_py"].search(b):
                print(f"  (py differs) {name}:{r['id']}: bad not matched by python: {b!r}")
        for g in r["good"]:
            if pc.match(g):
                errors.append(f"{name}:{r['id']}: good matched: {g!r}")
            if "_py" in r and r["_py"].search(g):
                print(f"  (py differs) {name}:{r['id']}: good matched by python: {g!r}")
    packs[(fam, loc)] = doc


def matching(rules, text):
    out = []
    for r in rules:
        if pc.compile(r["pattern"]) != "OK":
            continue
        if pc.match(text):
            out.append(r["id"])
    return out


all_actions = common.all_actions()
for loc in common.LOCALES:
    bl = packs[("language/blameless", loc)]["rules"]
    va = packs[("actions/vague", loc)]["rules"]
    bads_b = {b for r in bl for b in r["bad"]}
    goods_b = {g for r in bl for g in r["good"]}
    bads_v = {b for r in va for b in r["bad"]}
    goods_v = {g for r in va for g in r["good"]}
    # every generator blame sentence is a bad example, and matches exactly one rule
    for s in common.blame(loc):
        if s not in bads_b:
            errors.append(f"blameless.{loc}: BLAME sentence not in any bad list: {s!r}")
    for s in common.vague(loc):
        if s not in bads_v:
            errors.append(f"vague.{loc}: VAGUE entry not in any bad list: {s!r}")
    for s in common.prose(loc):
        if s not in goods_b:
            errors.append(f"blameless.{loc}: PROSE sentence not in any good list: {s!r}")
    for s in common.actions():
        if s not in goods_v:
            errors.append(f"vague.{loc}: ACTIONS entry not in any good list: {s!r}")
    # every bad example matches exactly one rule of its pack (no duplicate findings)
    for rules, bads, what in ((bl, bads_b, "blameless"), (va, bads_v, "vague")):
        for b in sorted(bads):
            m = matching(rules, b)
            if len(m) != 1:
                (errors if len(m) == 0 else errors).append(f"{what}.{loc}: {b!r} matches {m}")
    # a good example of one rule matches no rule of the pack
    for rules, goods, what in ((bl, goods_b, "blameless"), (va, goods_v, "vague")):
        for g in sorted(goods):
            m = matching(rules, g)
            if m:
                errors.append(f"{what}.{loc}: good example {g!r} matches {m}")
    # generator text never matches
    for s in common.all_prose(loc):
        m = matching(bl, s)
        if m:
            errors.append(f"blameless.{loc}: PROSE {s!r} matched {m}")
    for s in common.vague(loc):        # a vague item is also prose: blameless must not fire on it
        m = matching(bl, s)
        if m:
            errors.append(f"blameless.{loc}: VAGUE item {s!r} matched {m}")
    for r in va:
        if pc.compile(r["pattern"]) != "OK":
            continue
        for s in all_actions:
            if pc.match(s):
                errors.append(f"vague.{loc}:{r['id']}: ACTION {s!r} matched")
                break
    for r in bl:
        if pc.compile(r["pattern"]) != "OK":
            continue
        for s in all_actions:
            if pc.match(s):
                errors.append(f"blameless.{loc}:{r['id']}: ACTION {s!r} matched")
                break

for e in errors:
    print("ERROR", e)
print(f"{len(errors)} errors; rules:", {f"{f.split('/')[1]}.{l}": len(d['rules']) for (f, l), d in packs.items()})
sys.exit(1 if errors else 0)
