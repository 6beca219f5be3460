#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets into tests/fuzz/corpus/.

Run from the top of the tree: python3 tests/fuzz/make-seeds.py [CORPUS_DIR]
(CORPUS_DIR: reports from bench/gen-corpus.py; default build/bench/seeds,
skipped when absent).
Seeds are small on purpose (libFuzzer mutates them; big inputs belong in
tests/hostile/).  Re-running rewrites the generated seeds only.
"""
import glob
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(TOP, "tests", "fuzz", "corpus")
C10K = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build", "bench", "seeds")


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def reports():
    out = []
    for p in sorted(glob.glob(os.path.join(TOP, "sample-postmortems", "**", "*.md"),
                              recursive=True)):
        out.append((os.path.basename(p), open(p, "rb").read()))
    for p in sorted(glob.glob(os.path.join(C10K, "*", "*.md")))[:6]:
        out.append(("c10k-" + os.path.basename(p), open(p, "rb").read()))
    return out


def frontmatter(b):
    if not b.startswith(b"---\n"):
        return None
    end = b.find(b"\n---\n", 3)
    return b[4:end + 1] if end > 0 else None


TRICKY_YAML = {
    "anchors": "base: &b {a: 1, b: [x, y]}\nother: *b\nlist: [*b, *b]\n",
    "merge": "a: &a {x: 1}\nb:\n  <<: *a\n  y: 2\n",
    "laughs": "a: &a [lol, lol]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n"
              "d: &d [*c, *c, *c]\ne: [*d, *d, *d]\n",
    "deep-flow": "[" * 40 + "]" * 40 + "\n",
    "deep-map": "a: {" * 30 + "}" * 30 + "\n",
    "deep-block": "".join("  " * i + "k%d:\n" % i for i in range(30)),
    "block-scalars": "lit: |\n  line 1\n  line 2\nfold: >-\n  a\n  b\nkeep: |+\n  x\n\n",
    "tags": "t: !!str 12\nb: !!binary aGVsbG8=\nc: !custom {a: 1}\nn: !!null ''\n",
    "complex-key": "? [a, b]\n: value\n? {x: 1}\n: other\n",
    "multi-doc": "a: 1\n---\nb: 2\n...\n",
    "quoted": "s: \"esc \\u00e9 \\x41 \\n \\t\"\nq: 'it''s'\n",
    "unicode": "title: \"\u00e9t\u00e9 \u65e5\u672c \U0001f525\"\nk\u00e9y: v\n",
    "bom": "\ufefftitle: bom\n",
    "nul": "title: \"a\\0b\"\n",
    "empty": "",
    "null-doc": "~\n",
    "scalar-doc": "just a string\n",
    "list-doc": "- a\n- b\n",
    "bad-indent": "a:\n  b: 1\n c: 2\n",
    "unclosed": "a: [1, 2\n",
    "tab": "a:\n\tb: 1\n",
    "dup-keys": "a: 1\na: 2\n",
    "unknown-alias": "a: *nope\n",
    "self-alias": "a: &a [*a]\n",
    "directive": "%YAML 1.1\n%TAG ! tag:x,2000:\n--- !foo\na: 1\n",
    "crlf": "title: x\r\nid: y\r\n",
    "times": "started: 2025-02-09T10:05:23Z\nended: 2025-02-09T10:05:23+05:30\n"
             "reviewed: 2025-13-45\n",
    "numbers": "impact: {failed_requests: 1e400, customers: -0, revenue_usd: .nan, x: 0x1F}\n",
    "long-key": "? " + "k" * 200 + "\n: v\n",
    "anchor-in-seq": "- &x a\n- *x\n- &y [*x]\n- *y\n",
}

TRICKY_MD = {
    "table": "| Time | Event | Source | Actor |\n|---|---|---|---|\n| 10:00 | a | b | c |\n"
             "| 10:05 | d | e | f |\n",
    "cve-table": "|-\nt>|-\n" * 20,
    "cve-quote": ">" * 50 + " a\n",
    "cve-autolink": "<http://s" * 50 + "\n",
    "cve-comment": "<!--" * 50 + "\n",
    "cve-image": "![[]()" * 50 + "\n",
    "cve-emph": ">" * 30 + "a*" * 30 + "\n",
    "cve-list": " -" * 30 + "\n" + " -\n" * 30,
    "cve-under": "_" * 40 + "." + "_" * 40 + "\n",
    "cve-footnote": "[^1]:" * 40 + "\n",
    "wide-table": "|" + "a|" * 100 + "\n|" + "-|" * 100 + "\n|" + "x|" * 100 + "\n",
    "nested-list": "".join("  " * i + "- item\n" for i in range(40)),
    "crlf": "---\r\ntitle: x\r\n---\r\n\r\n## Summary\r\n\r\ntext\r\n",
    "cr-only": "---\rtitle: x\r---\r\r## Summary\r",
    "mixed-eol": "---\ntitle: x\r\n---\r## Summary\n\rtext\r\n",
    "bom": "\ufeff---\ntitle: x\n---\n\n# T\n",
    "unterminated": "---\ntitle: x\nno closing fence\n## Summary\n",
    "dash-in-body": "---\ntitle: x\n---\n\ntext\n\n---\n\nmore\n---\n",
    "legacy": "# 2021-12-10 Database outage\n\nSeverity: SEV2\nCategory: Kubernetes\n\n"
              "## Timeline (all times CET)\n\n- 2021-12-10 08:07 - alert fired\n"
              "- 2021-12-10 09:12 - mitigated\n\n## Action Items\n\n"
              "- **Add an alert**: @bob due 2022-01-10 (High) JIRA-12\n",
    "suppress": "---\ntitle: x\n---\n<!-- postmortem-disable timeline/utc -->\n"
                "<!-- postmortem-disable-next-line -->\nhuman error\n"
                "<!-- postmortem-enable -->\n",
    "links": "---\ntitle: x\nrelated: [a, b]\n---\n[[a]] [[ ]] [[" + "x" * 100 + "]] [[a\n",
    "html": "---\ntitle: x\n---\n<script>alert(1)</script>\n<a href=\"javascript:x\">y</a>\n"
            "[l](javascript:alert(1)) ![i](data:x)\n",
    "nul": "---\ntitle: x\n---\n\0body\0\n",
    "bad-utf8": b"---\ntitle: \xff\xfe\n---\n\n## Summary \xc3\x28 \xed\xa0\x80\n".decode("latin-1"),
    "timeline-odd": "---\ntitle: x\nstarted: 2025-02-09T10:00:00Z\n---\n## Timeline\n\n"
                    "| Time | Event |\n|--|--|\n| ??:?? | a |\n| 25:99 | b |\n"
                    "| ~10:45 | c |\n| 2025-02-30 10:00 | d |\n| 10:45~ | e |\n"
                    "| 09.02.2025 10:00 CET | f |\n",
}

TMPL = {
    "page": "<!doctype html>\n<title>{{title}}</title>\n{{>head}}\n<ul>\n"
            "{{#items}}\n  <li class=\"{{#flag}}on{{/flag}}\">{{name}}</li>\n"
            "{{/items}}\n</ul>\n{{^none}}<p>nothing</p>{{/none}}\n{{{title}}} {{&title}}\n",
    "dotted": "{{m.s}} {{m.m.m.s}} {{#m}}{{s}}{{#m}}{{m.s}}{{/m}}{{/m}}\n",
    "strings": "{{#strs}}[{{.}}]{{/strs}}{{^strs}}none{{/strs}}\n",
    "comments": "a {{! a comment }} b\n  {{! standalone }}\nc\n",
    "partials": "{{>item}}{{>deep}}{{>head}}\n",
    "self": "{{>self}}\n",
    "loop": "{{>loop-a}}\n",
    "bad-partial": "{{>bad}}\n",
    "missing-partial": "{{>nope}}\n",
    "traversal": "{{>../etc/passwd}}{{>/etc/passwd}}\n",
    "unterminated": "text {{title\n",
    "unclosed": "{{#items}}x\n",
    "mismatch": "{{#a}}{{/b}}\n",
    "close-nothing": "{{/a}}\n",
    "triple": "{{{title}}}{{{ title }}}{{{}}}\n",
    "deep": "{{#m}}" * 70 + "x" + "{{/m}}" * 70 + "\n",
    "standalone": "  {{#flag}}  \r\nyes\n  {{/flag}}\n{{^off}}\nno\n{{/off}}\n",
    "bools": "{{flag}} {{off}} {{empty}} {{#empty}}e{{/empty}}{{^empty}}ne{{/empty}}\n",
}

RULEPACKS = {
    "blameless": """family: language/blameless
locale: en
description: blaming phrasing
rules:
  - id: human-error
    pattern: '\\bhuman error\\b'
    message: name the condition that made the mistake possible
    suggest: the process allowed an unreviewed change
    severity: error
    bad: ["It was human error."]
    good: ["The runbook missed a step."]
  - id: should-have
    pattern: '\\bshould have (known|checked)\\b'
    message: hindsight; describe what the person knew then
""",
    "vague": """family: actions/vague
locale: es
rules:
  - id: mejorar
    pattern: '^mejorar (la )?monitorizaci[oó]n$'
    message: be specific
    good: [Alertar cuando el lag supere 5 minutos]
    bad: [mejorar monitorización]
""",
    "catastrophic": """family: language/blameless
locale: en
rules:
  - id: evil
    pattern: '(a+)+$'
    message: backtracking
    bad: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"]
  - id: deep
    pattern: '((((((((((a))))))))))*b'
    message: depth
    good: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac"]
""",
    "bad-regex": "family: language/blameless\nlocale: en\nrules:\n  - {id: x, pattern: '(', message: m}\n",
    "bad-family": "family: timeline/order\nlocale: en\nrules: []\n",
    "bad-key": "family: actions/vague\nlocale: en\nrulez: []\n",
    "empty-pattern": "family: actions/vague\nlocale: en\nrules: [{id: a, pattern: '', message: m}]\n",
    "alias": "family: actions/vague\nlocale: en\nrules:\n  - &r {id: a, pattern: a, message: m}\n  - *r\n",
    "utf8": "family: language/blameless\nlocale: ja\nrules:\n  - {id: j, pattern: '\u4eba\u70ba\u7684\u30df\u30b9', message: '\u26a0', bad: ['\u4eba\u70ba\u7684\u30df\u30b9']}\n",
    "lookbehind": "family: language/blameless\nlocale: en\nrules:\n  - {id: lb, pattern: '(?<=\\bby )@\\w+', message: names a person, bad: ['broken by @alice']}\n",
}

CONFIGS = {
    "full": """include: ["reports/**/*.md"]
exclude: ["reports/drafts/**"]
locale: en
date_order: dmy
timezone: CET
aliases: {Cronologia: Timeline, es: {Resumen: Summary}}
rules: {timeline/utc: off, en/human-error: warning, actions: info}
rule_packs: [rules/extra.yaml]
thresholds: {distribution_hours: 72, min_factors: 1}
limits: {max_report_bytes: 10M, max_line_bytes: 64K, yaml_max_depth: 8,
  yaml_max_aliases: 0, pcre2_match_limit: 1000, max_table_rows: 5}
template: templates/pm.md
new_path: "postmortems/{year}/{id}.md"
site: {title: Post-mortems, base_url: "https://x.example/pm/", theme: theme}
""",
    "bad-key": "limitz: {}\n",
    "bad-value": "limits: {max_report_bytes: -1}\n",
    "huge": "limits: {max_report_bytes: 99999999999999999999999}\n",
    "suffixes": "limits: {max_report_bytes: 1G, max_line_bytes: 1k, yaml_max_nodes: 0x10}\n",
    "not-map": "- a\n- b\n",
    "empty": "",
    "followup": "thresholds: {followup_min_days: 40, followup_max_days: 10}\n",
}


def main():
    reps = reports()
    for name, b in reps:
        fm = frontmatter(b)
        if fm is not None:
            put("fuzz_yaml", "fm-" + name[:-3], b"\0" + fm)
            put("fuzz_frontmatter", name[:-3], fm)
        put("fuzz_doc", name[:-3], b)
    for i, (k, v) in enumerate(sorted(TRICKY_YAML.items())):
        put("fuzz_yaml", "y-" + k, bytes([i % 3]) + v.encode())
        put("fuzz_frontmatter", "y-" + k, v)
    for k, v in sorted(TRICKY_MD.items()):
        b = v.encode("latin-1") if k == "bad-utf8" else v.encode()
        put("fuzz_doc", "md-" + k, b)
    for k, v in sorted(RULEPACKS.items()):
        put("fuzz_rulepack", "r-" + k, v)
    for k, v in sorted(CONFIGS.items()):
        put("fuzz_config", "c-" + k, v)
    # The rule-pack and template seeds come from rules/ and themes/.
    for p in sorted(glob.glob(os.path.join(TOP, "rules", "*.yaml"))):
        put("fuzz_rulepack", os.path.basename(p), open(p, "rb").read())
    for k, v in sorted(TMPL.items()):
        put("fuzz_tmpl", "t-" + k, v)
    for p in sorted(glob.glob(os.path.join(TOP, "themes", "default", "*.html"))):
        put("fuzz_tmpl", os.path.basename(p), open(p, "rb").read())


main()
