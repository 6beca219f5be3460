"""Shared data for building and checking the rule packs (not committed)."""
import importlib.util, importlib.machinery, itertools, os

# The corpus generator's sentences (blame, prose, actions) become examples.
# GEN_CORPUS names it; by default the one beside the checkout (../shared).
_HERE = os.path.dirname(os.path.abspath(__file__))
GEN_CORPUS = os.environ.get("GEN_CORPUS", os.path.join(_HERE, "..", "..", "..", "shared", "bench", "gen-corpus"))
_loader = importlib.machinery.SourceFileLoader("gencorpus", GEN_CORPUS)
_spec = importlib.util.spec_from_loader("gencorpus", _loader)
gc = importlib.util.module_from_spec(_spec)
_loader.exec_module(gc)

LOCALES = ["en", "es", "ja", "zh", "ko"]


def prose(locale, svc="checkout"):
    return [p.format(svc=svc) for p in gc.PROSE[locale]]


def blame(locale):
    out = []
    for b in gc.BLAME[locale]:
        for name in ("Carol", "Mallory"):
            s = b.format(Name=name)
            if s not in out:
                out.append(s)
    return out


def vague(locale):
    return list(gc.VAGUE[locale])


def actions(svc="checkout", metric="p99 latency", cat="monitoring gap", n=80):
    return [a.format(svc=svc, metric=metric, cat=cat, n=n) for a in gc.ACTIONS]


def all_actions():
    out = set()
    for a in gc.ACTIONS:
        for svc in gc.SERVICES:
            for metric in gc.METRICS:
                for cat in gc.CATEGORIES:
                    for n in (40, 60, 80, 120):
                        out.add(a.format(svc=svc, metric=metric, cat=cat.lower(), n=n))
    return sorted(out)


def all_prose(locale):
    return sorted({p.format(svc=s) for p in gc.PROSE[locale] for s in gc.SERVICES})
