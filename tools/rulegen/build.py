import json, os, sys
from rules_blameless import BLAMELESS
from rules_vague import VAGUE

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "rules")

LANG = {"en": "English", "es": "Spanish", "ja": "Japanese", "zh": "Chinese", "ko": "Korean"}

BLAMELESS_HEAD = """\
# Blameless phrasing, {lang}.
#
# Rules for language/blameless (SPEC section 2): a post-mortem describes what the system let
# happen, not who is at fault. Each pattern runs over the prose of a report (paragraphs, list
# items, headings, table cells; code and URLs blanked), one paragraph at a time with line breaks
# turned into spaces; a match is a finding at its start. A system as the cause is fine ("the retry
# storm caused the outage"); a person or role as the cause is not.
#
# Patterns are PCRE2, compiled with UTF, UCP and CASELESS: write no (?i). (?-i:...) turns case
# back on where it matters (a capitalized word). Every pattern is single-quoted ('' is a quote).
# bad: examples must match, good: examples must not (the test suite checks both).
{extra}
family: language/blameless
locale: {loc}
rules:
"""

EN_EXTRA = """#
# Several rules must tell a person from a system. The patterns spell the test out (the format
# has no macros, so edit every copy together), in two forms:
#   after a keyword ("caused by X", "blamed on X", "fault lies with X"): an @handle, a role
#     (the on-call engineer, a developer, an SRE, someone, he, she), or a capitalized word that
#     does not follow a determiner or preposition, is not a sentence word, common noun or
#     system name ((?!(?:The|This|...|Kubernetes)\\b)), and does not end like a plural or
#     abstract noun (-ies, -tion, -ers, -ing, consonant+s, ...): "Retries caused" and "Caching
#     caused" are not about a person, "Carol caused" is;
#   before a keyword ("X caused", "X's fault", "X forgot to"): the same test as a lookbehind
#     with one branch per name length, @handle length and role word, since PCRE2 10.42 allows
#     only fixed-length lookbehind branches. The rule checks its keyword first, with a
#     lookahead, so the long lookbehind runs only where the keyword is; this keeps the pack
#     fast. The match, and so the finding, starts at the keyword.
# Keep to one such lookbehind per pattern: PCRE2 rejects a pattern whose lookbehinds are too
# complex ("lookbehind is too complicated") or whose compiled size passes 64 KB.
"""

CJK_EXTRA = """#
# Latin-script names and @handles are recognized as people where a rule names a person
# ({person_note}); names in {script} cannot be told apart from other words, so those rules
# key on honorifics, roles and the blaming phrase itself.
"""

VAGUE_HEAD = """\
# Vague action items, {lang}.
#
# Rules for actions/vague (SPEC section 2): an action item must say what will change, so that
# someone can do it and someone else can tell it is done. Each pattern runs over the text of ONE
# action item (the Action cell of the table, or the text of a bullet item) and is anchored to the
# whole text, so a specific action that merely contains the words ("Improve monitoring of queue
# depth by adding a p99 alert at 80%") does not match.
#
# Every pattern has the same frame around its phrase:
#   start  ^ optional list marker, task box "[ ]", "TODO:" / "Action:" label, bold markers
#   end    optional bold markers and full stop, then only owner/deadline/priority/ticket/status
#          facts such as "(@bob, due 2026-03-01, High, OPS-123, done)", then $
# Patterns are PCRE2, compiled with UTF, UCP and CASELESS: write no (?i). Every pattern is
# single-quoted ('' is a quote). bad: examples must match, good: examples must not.
#
family: actions/vague
locale: {loc}
rules:
"""


def sq(s):
    return "'" + s.replace("'", "''") + "'"


def dq(s):
    return json.dumps(s, ensure_ascii=False)


def reword(msg, loc, family):
    """The linter prints "'<matched text>': <message>", so a message does not quote its phrase."""
    import re
    if loc == "en":
        return re.sub(r"^'[^']+' ", "this ", msg)
    if loc == "es":
        return re.sub(r"^'[^']+' ", "esto ", msg)
    if loc == "ja":
        return re.sub(r"^「[^」]+」(は|では)", r"これ\1", msg)
    if loc == "zh":
        return re.sub(r"^“[^”]+”", "这", msg)
    if loc == "ko":
        return re.sub(r"^'[^']+'(?:은|는)", "이 표현은" if family == "blameless" else "이 항목은", msg)
    return msg


def emit(rules, loc=None, family=None):
    out = []
    for r in rules:
        r = dict(r, message=reword(r["message"], loc, family))
        out.append("")
        out.append(f"  - id: {r['id']}")
        out.append(f"    pattern: {sq(r['pattern'])}")
        if r.get("prefilter"):
            out.append(f"    prefilter: {sq(r['prefilter'])}")
        out.append(f"    message: {dq(r['message'])}")
        out.append(f"    suggest: {dq(r['suggest'])}")
        if r.get("severity"):
            out.append(f"    severity: {r['severity']}")
        out.append("    bad:")
        for b in r["bad"]:
            out.append(f"      - {dq(b)}")
        out.append("    good:")
        for g in r["good"]:
            out.append(f"      - {dq(g)}")
    return "\n".join(out) + "\n"


os.makedirs(OUT, exist_ok=True)
for loc, rules in BLAMELESS.items():
    if loc == "en":
        extra = EN_EXTRA
    elif loc == "es":
        extra = ("#\n# Like the English pack, persona-causo and persona-omision recognize a person as an @handle,\n"
                 "# a role (el ingeniero de guardia, alguien) or a capitalized word that is no Spanish\n"
                 "# determiner, common noun or system name.\n")
    else:
        extra = CJK_EXTRA.format(person_note={"ja": "person-mistake, person-action", "zh": "blame-verb, person-caused",
                                              "ko": "person-action"}[loc],
                                 script={"ja": "kanji and kana", "zh": "Chinese characters", "ko": "Hangul"}[loc])
    text = BLAMELESS_HEAD.format(lang=LANG[loc], loc=loc, extra=extra.rstrip("\n")) + emit(rules, loc, "blameless").lstrip("\n")
    with open(os.path.join(OUT, f"blameless.{loc}.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
for loc, rules in VAGUE.items():
    text = VAGUE_HEAD.format(lang=LANG[loc], loc=loc) + emit(rules, loc, "vague").lstrip("\n")
    with open(os.path.join(OUT, f"vague-actions.{loc}.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
print("written to", OUT)
