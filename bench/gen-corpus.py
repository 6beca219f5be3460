#!/usr/bin/env python3
"""Generate a corpus of incident post-mortems for postmortem's tests and benchmarks.

usage: gen-corpus.py --count N --out DIR [--seed S] [--style frontmatter|legacy|mixed]
                     [--locales en,es,ja,zh,ko] [--violations SHARE] [--git]
                     [--renames SHARE] [--recurring GROUPS] [--since YYYY-MM-DD]

Writes DIR/postmortems/YYYY/DATE-SLUG.md and, beside them (untracked, excluded from Git):
  DIR/violations.json  the planted violations: [{"path", "rule", "line"}], line null when
                       the finding may be anywhere in the file;
  DIR/manifest.json    every report's facts (id, title, started, ended, severity, locale,
                       style, the legacy shapes used and whether they are expected gaps of the
                       reader), the recurring groups, and the options.

--style frontmatter (default) writes reports with YAML front matter as SPEC section 1 says;
--style legacy writes reports without it, in the shapes real teams use (timelines as tables,
lists, one heading per entry, paragraphs; 12-hour clocks, written and US dates, zone
abbreviations and zone sentences; setext headings; metadata as bold lines or headings;
checklists for action items); --style mixed draws one of the two per report.
--violations plants one rule violation in that share of the reports (a few get two).
--git makes DIR a Git repository (git fast-import): one commit per report, dated a few hours
after the incident ended (a planted distribution/48h: days later), some later edits, and
with --renames that share of the reports first added under an older path and moved later.
--recurring plants GROUPS problems that come back 2-4 times, weeks or months apart, in varied
wording; manifest.json lists each group's ids. Other reports then get distinct
(service, cause) pairs while the count allows.
Deterministic: the same options and seed give the same bytes and commit ids.
Python 3 standard library only.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys

UTC = dt.timezone.utc

# ---------------------------------------------------------------------------------------------
# Text banks.  A scenario is a service, a dependency and a cause; each locale renders it.

SERVICES = [
    ("checkout", "payments-db"), ("search", "index-cluster"), ("auth", "session-store"),
    ("notifications", "push-gateway"), ("billing", "invoice-queue"), ("api-gateway", "envoy"),
    ("cdn", "origin-shield"), ("inventory", "stock-cache"), ("ledger", "kafka"),
    ("reports", "warehouse"), ("mobile-api", "rate-limiter"), ("storage", "object-store"),
    ("orders", "orders-db"), ("identity", "ldap-proxy"), ("shipping", "carrier-api"),
    ("messaging", "smtp-relay"), ("analytics", "event-pipeline"), ("profile", "user-db"),
    ("pricing", "rules-engine"), ("uploads", "image-resizer"),
]

# Each cause: a key, and per locale three wordings of the same mechanism (used for recurring
# incidents), a factor category, and the fix.
CAUSES = {
    "pool": {
        "cat": "Capacity",
        "en": ["the connection pool of {svc} was exhausted by long-running queries to {dep}",
               "every connection to {dep} was held by slow queries, so {svc} could not get one",
               "{svc} ran out of database connections while {dep} served slow reports"],
        "fix": "Cap the connection pool of {svc} per caller and alert at 80% use",
    },
    "cert": {
        "cat": "Certificates",
        "en": ["the TLS certificate in front of {svc} expired because its renewal job had failed",
               "an expired certificate on {dep} made clients of {svc} refuse the handshake",
               "certificate renewal for {dep} had failed silently for weeks before expiry"],
        "fix": "Alert 14 days before any certificate of {dep} expires",
    },
    "dns": {
        "cat": "DNS",
        "en": ["a DNS record for {dep} was removed during a zone clean-up",
               "{svc} could not resolve {dep} after its record was deleted from the zone",
               "the zone migration dropped the record that {svc} uses to reach {dep}"],
        "fix": "Diff every DNS zone change against live traffic before applying it to {dep}",
    },
    "deploy": {
        "cat": "Change Management",
        "en": ["a configuration change to {svc} reached every region at once",
               "the new release of {svc} was rolled out to all regions without a canary",
               "a config push for {svc} skipped the staged rollout and hit all regions"],
        "fix": "Roll out configuration of {svc} one region at a time with an automatic halt",
    },
    "disk": {
        "cat": "Capacity",
        "en": ["the disks of {dep} filled up with write-ahead logs",
               "{dep} stopped accepting writes when its volumes ran out of space",
               "log growth on {dep} used the last free space on its data volume"],
        "fix": "Alert when a volume of {dep} passes 75% and page at 90%",
    },
    "retry": {
        "cat": "Resilience",
        "en": ["clients of {svc} retried without backoff and overloaded {dep}",
               "a retry storm from {svc} kept {dep} saturated after a short blip",
               "retries without jitter multiplied the load on {dep} tenfold"],
        "fix": "Add exponential backoff with jitter to every client of {dep}",
    },
    "quota": {
        "cat": "Dependencies",
        "en": ["{svc} hit the request quota of {dep} during the sales peak",
               "the provider behind {dep} throttled {svc} at its daily quota",
               "traffic from {svc} passed the rate limit agreed for {dep}"],
        "fix": "Track quota use of {dep} on a dashboard with an alert at 70%",
    },
    "memory": {
        "cat": "Resource Limits",
        "en": ["a memory leak in {svc} made its pods restart in a loop",
               "{svc} was killed for exceeding its memory limit every few minutes",
               "pods of {svc} grew without bound until the kernel killed them"],
        "fix": "Set memory limits for {svc} from load tests and alert on restarts",
    },
    "schema": {
        "cat": "Change Management",
        "en": ["a schema migration on {dep} locked a hot table for minutes",
               "the migration of {dep} took an exclusive lock during business hours",
               "an index build on {dep} blocked writes from {svc}"],
        "fix": "Run migrations of {dep} with lock timeouts and online index builds",
    },
    "clock": {
        "cat": "Infrastructure",
        "en": ["clock drift on hosts of {dep} made tokens from {svc} look expired",
               "hosts running {dep} lost time sync and rejected valid tokens",
               "the time service stopped and {dep} drifted far enough to reject {svc}"],
        "fix": "Alert when clock offset on hosts of {dep} passes 500 ms",
    },
    "cache": {
        "cat": "Resilience",
        "en": ["a cache flush sent every read of {svc} to {dep} at once",
               "{dep} was flooded when the cache in front of it was emptied",
               "the cold cache after a restart pushed all reads of {svc} to {dep}"],
        "fix": "Warm the cache of {svc} before it takes traffic after a flush",
    },
    "secret": {
        "cat": "Credential Management",
        "en": ["a rotated secret was not picked up by {svc}, so calls to {dep} failed",
               "{svc} kept using a revoked credential for {dep} after rotation",
               "the credential rotation for {dep} did not reach the pods of {svc}"],
        "fix": "Reload secrets of {svc} on rotation and test the path monthly",
    },
    "queue": {
        "cat": "Capacity",
        "en": ["the consumers of {dep} fell behind and the queue grew for hours",
               "a backlog built up in {dep} because its consumers were scaled down",
               "{dep} was consumed too slowly after a consumer crash went unnoticed"],
        "fix": "Alert on consumer lag of {dep} and autoscale its consumers",
    },
    "firewall": {
        "cat": "Network",
        "en": ["a firewall rule change blocked traffic from {svc} to {dep}",
               "a network policy update cut {svc} off from {dep}",
               "the new security group for {dep} left out the addresses of {svc}"],
        "fix": "Test network policy changes for {dep} against recorded flows first",
    },
    "flag": {
        "cat": "Change Management",
        "en": ["a feature flag enabled an unfinished code path in {svc}",
               "turning on a flag in {svc} exposed a path that was not load tested",
               "a flag flip sent all traffic of {svc} through an untested branch"],
        "fix": "Require a staged percentage rollout for every flag of {svc}",
    },
    "failover": {
        "cat": "Infrastructure",
        "en": ["a failover of {dep} left {svc} pointing at the old primary",
               "{svc} kept writing to the demoted primary of {dep} after failover",
               "the failover of {dep} did not update the endpoint used by {svc}"],
        "fix": "Point {svc} at the failover endpoint of {dep} and drill it quarterly",
    },
}
CAUSE_KEYS = sorted(CAUSES)

# Other locales: one wording per cause is enough for the corpus; recurring groups use the
# English wordings.  {svc}/{dep} stay Latin (service names are identifiers).
LOCAL_CAUSE = {
    "es": "el servicio {svc} dejó de responder porque {dep} estaba saturado",
    "ja": "{dep} が飽和したため {svc} が応答しなくなった",
    "zh": "由于 {dep} 饱和，{svc} 停止响应",
    "ko": "{dep} 가 포화되어 {svc} 가 응답하지 않았다",
}

PEOPLE = ["alice", "bmartin", "chen", "dana", "eko", "farah", "gus", "hana", "ivan", "jmoreno",
          "kofi", "lena", "mira", "nils", "omar", "priya", "quinn", "rosa", "sato", "tkim",
          "uma", "vik", "wei", "yuki", "zoe"]
NAMES = {"alice": "Alice Brandt", "bmartin": "Bruno Martin", "chen": "Chen Wei",
         "dana": "Dana Cohen", "eko": "Eko Santoso", "farah": "Farah Haddad",
         "gus": "Gus Lindqvist", "hana": "Hana Kobayashi", "ivan": "Ivan Petrov",
         "jmoreno": "Julia Moreno", "kofi": "Kofi Mensah", "lena": "Lena Vogel",
         "mira": "Mira Shah", "nils": "Nils Eriksen", "omar": "Omar Farouk",
         "priya": "Priya Raman", "quinn": "Quinn Doyle", "rosa": "Rosa Diaz", "sato": "Ken Sato",
         "tkim": "Tae Kim", "uma": "Uma Iyer", "vik": "Vikram Rao", "wei": "Wei Zhang",
         "yuki": "Yuki Tanaka", "zoe": "Zoe Adams"}
TEAMS = ["team-platform", "team-sre", "team-data", "team-payments", "team-security",
         "team-mobile", "team-network"]

L = {
    "en": dict(
        summary="Summary", impact="Impact", root="Root Cause", timeline="Timeline",
        tl_note="All times in UTC.", factors="Contributing Factors", whys_h="Five Whys",
        actions="Action Items", well_h="What Went Well", lessons_h="Lessons Learned",
        prevention="Prevention",
        title=["{Svc} outage: {short}", "{Svc} errors after {short}", "{Svc} degraded: {short}"],
        short={"pool": "connection pool exhausted", "cert": "expired certificate",
               "dns": "missing DNS record", "deploy": "config pushed to all regions",
               "disk": "disk full on {dep}", "retry": "retry storm against {dep}",
               "quota": "provider quota reached", "memory": "memory leak restarts",
               "schema": "migration lock on {dep}", "clock": "clock drift on {dep}",
               "cache": "cache flush stampede", "secret": "stale credential after rotation",
               "queue": "queue backlog on {dep}", "firewall": "firewall rule blocked {dep}",
               "flag": "feature flag exposed untested path",
               "failover": "failover left stale endpoint"},
        summ=["From {t0} UTC {svc} returned errors for {pct}% of requests for {dur} minutes: {cause}.",
              "For {dur} minutes {svc} failed {pct}% of its requests. In short, {cause}."],
        summ2="The problem was detected by an alert and mitigated by the on-call engineer.",
        imp=["- {n} requests failed; {cust} customers saw errors.",
             "- Support received {tickets} tickets during the window.",
             "- No data was lost."],
        root2=["The safeguard that should have caught this was not in place for {svc}.",
               "Nothing in the rollout or monitoring path of {dep} covered this case, so the",
               "failure grew until users noticed it before the dashboards did."],
        ev=["{svc} error rate starts rising", "Alert fires and the on-call engineer is paged",
            "On-call acknowledges the page and opens an incident channel",
            "Cause identified on {dep}", "Mitigation applied to {dep}",
            "Error rate back to normal; service restored", "Incident resolved"],
        factor_extra=["**Monitoring Gap**: no alert covered {dep} for this failure mode.",
                      "**Process**: the runbook for {svc} did not describe this case."],
        whys=["Why did {svc} fail? Because {dep} stopped answering in time.",
              "Why did {dep} stop answering? Because it was saturated.",
              "Why was it saturated? Because load was not shed.",
              "Why was load not shed? Because no limit was configured.",
              "Why was no limit configured? Because the default had never been reviewed."],
        act2="Write a runbook entry for {svc} on this failure", act3="Add a load test of {dep} to CI",
        well=["- The alert fired within minutes.", "- Rollback was quick and safe."],
        lessons=["- Limits need owners and alerts.", "- Staged rollouts catch what reviews miss."],
        prev="The action items above remove the trigger and shorten detection.",
        prev_rel="This repeats a pattern seen in [[{rel}]].",
        blame="Carol caused the outage by pushing the change without review.",
        vague="Improve monitoring",
        deadline_bad="soon",
    ),
    "es": dict(
        summary="Resumen", impact="Impacto", root="Causa raíz", timeline="Cronología",
        tl_note="Todas las horas en UTC.", factors="Factores contribuyentes", whys_h="Cinco porqués",
        actions="Acciones", well_h="Qué salió bien", lessons_h="Lecciones aprendidas",
        prevention="Prevención",
        title=["Caída de {svc}: {short}", "Errores en {svc}: {short}"],
        short="{dep} saturado",
        summ=["Desde las {t0} UTC {svc} devolvió errores en el {pct}% de las peticiones durante {dur} minutos: {cause}."],
        summ2="Una alerta detectó el problema y la persona de guardia lo mitigó.",
        imp=["- Fallaron {n} peticiones; {cust} clientes vieron errores.",
             "- Soporte recibió {tickets} tickets.", "- No se perdieron datos."],
        root2=["El límite que debía proteger a {svc} no estaba configurado.",
               "Ninguna alerta de {dep} cubría este caso, así que el fallo creció",
               "hasta que los usuarios lo notaron."],
        ev=["La tasa de errores de {svc} empieza a subir", "Salta la alerta y se avisa a guardia",
            "Guardia confirma el aviso y abre un canal", "Causa identificada en {dep}",
            "Mitigación aplicada en {dep}", "Tasa de errores normal; servicio restaurado",
            "Incidente resuelto"],
        factor_extra=["**Monitoreo**: ninguna alerta cubría {dep} en este caso.",
                      "**Proceso**: el runbook de {svc} no describía este caso."],
        whys=["¿Por qué falló {svc}? Porque {dep} no respondía a tiempo.",
              "¿Por qué no respondía? Porque estaba saturado.",
              "¿Por qué estaba saturado? Porque no se descartaba carga.",
              "¿Por qué no se descartaba? Porque no había límite.",
              "¿Por qué no había límite? Porque nadie revisó el valor por defecto."],
        act2="Escribir una entrada del runbook de {svc} para este fallo",
        act3="Añadir una prueba de carga de {dep} a CI",
        well=["- La alerta saltó en pocos minutos.", "- La reversión fue rápida."],
        lessons=["- Los límites necesitan dueño y alertas.", "- Los despliegues por etapas ayudan."],
        prev="Las acciones eliminan el disparador y acortan la detección.",
        prev_rel="Se repite un patrón visto en [[{rel}]].",
        blame="La caída ocurrió por culpa de Carol.",
        vague="Mejorar el monitoreo",
        deadline_bad="pronto",
    ),
    "ja": dict(
        summary="概要", impact="影響", root="根本原因", timeline="タイムライン",
        tl_note="時刻はすべて UTC。", factors="寄与要因", whys_h="5つのなぜ",
        actions="アクションアイテム", well_h="うまくいったこと", lessons_h="教訓", prevention="再発防止",
        title=["{svc} の障害: {short}", "{svc} でエラー: {short}"],
        short="{dep} の飽和",
        summ=["{t0} UTC から {dur} 分間、{svc} はリクエストの {pct}% でエラーを返した。{cause}。"],
        summ2="アラートで検知し、当番のエンジニアが緩和した。",
        imp=["- {n} 件のリクエストが失敗し、{cust} 人の顧客に影響した。",
             "- サポートに {tickets} 件の問い合わせがあった。", "- データの損失はなかった。"],
        root2=["{svc} を守るはずの上限が設定されていなかった。",
               "{dep} の監視はこのケースを対象にしておらず、",
               "利用者が気づくまで障害が広がった。"],
        ev=["{svc} のエラー率が上昇し始める", "アラートが発報し当番が呼び出される",
            "当番が応答しチャンネルを開く", "{dep} に原因を特定", "{dep} に緩和策を適用",
            "エラー率が通常に戻りサービス復旧", "インシデント解決"],
        factor_extra=["**監視**: このケースで {dep} を対象とするアラートがなかった。",
                      "**プロセス**: {svc} の手順書にこのケースがなかった。"],
        whys=["なぜ {svc} は失敗したか。{dep} が時間内に応答しなかったから。",
              "なぜ応答しなかったか。飽和していたから。",
              "なぜ飽和したか。負荷を落とさなかったから。",
              "なぜ負荷を落とさなかったか。上限がなかったから。",
              "なぜ上限がなかったか。既定値を見直していなかったから。"],
        act2="{svc} の手順書にこの障害の項目を書く", act3="{dep} の負荷試験を CI に追加する",
        well=["- アラートは数分で発報した。", "- ロールバックは速く安全だった。"],
        lessons=["- 上限には担当者とアラートが必要。", "- 段階的な展開は有効。"],
        prev="上記のアクションで発生要因を取り除き、検知を早める。",
        prev_rel="[[{rel}]] と同じ傾向である。",
        blame="人為的ミスが原因である。",
        vague="監視を改善する",
        deadline_bad="近日",
    ),
    "zh": dict(
        summary="摘要", impact="影响", root="根本原因", timeline="时间线",
        tl_note="所有时间均为 UTC。", factors="促成因素", whys_h="Five Whys",
        actions="行动项", well_h="What Went Well", lessons_h="经验教训", prevention="Prevention",
        title=["{svc} 故障：{short}", "{svc} 报错：{short}"],
        short="{dep} 饱和",
        summ=["从 {t0} UTC 起，{svc} 在 {dur} 分钟内对 {pct}% 的请求返回错误。{cause}。"],
        summ2="告警发现了问题，值班工程师进行了缓解。",
        imp=["- {n} 个请求失败，{cust} 位客户受到影响。", "- 客服收到 {tickets} 个工单。",
             "- 没有数据丢失。"],
        root2=["本应保护 {svc} 的限制没有配置。", "{dep} 的监控没有覆盖这种情况，",
               "故障一直扩大，直到用户发现。"],
        ev=["{svc} 错误率开始上升", "告警触发，值班人员被呼叫", "值班人员确认并建立频道",
            "在 {dep} 上找到原因", "在 {dep} 上实施缓解", "错误率恢复正常，服务恢复", "事件解决"],
        factor_extra=["**监控**: 没有针对 {dep} 这种情况的告警。",
                      "**流程**: {svc} 的手册没有描述这种情况。"],
        whys=["为什么 {svc} 失败？因为 {dep} 没有及时响应。", "为什么没有响应？因为饱和了。",
              "为什么饱和？因为没有削减负载。", "为什么没有削减？因为没有限制。",
              "为什么没有限制？因为默认值从未被审查。"],
        act2="为 {svc} 的手册添加这种故障的条目", act3="在 CI 中加入 {dep} 的压力测试",
        well=["- 告警在几分钟内触发。", "- 回滚快速且安全。"],
        lessons=["- 限制需要负责人和告警。", "- 分阶段发布有效。"],
        prev="上述行动项消除了触发因素并缩短了发现时间。",
        prev_rel="这与 [[{rel}]] 的模式相同。",
        blame="这是人为错误。",
        vague="改进监控",
        deadline_bad="尽快",
    ),
    "ko": dict(
        summary="요약", impact="영향", root="근본 원인", timeline="타임라인",
        tl_note="모든 시간은 UTC.", factors="기여 요인", whys_h="Five Whys",
        actions="조치 항목", well_h="What Went Well", lessons_h="교훈", prevention="Prevention",
        title=["{svc} 장애: {short}", "{svc} 오류: {short}"],
        short="{dep} 포화",
        summ=["{t0} UTC부터 {dur}분 동안 {svc} 는 요청의 {pct}% 에 오류를 반환했다. {cause}."],
        summ2="알림으로 감지했고 당직 엔지니어가 완화했다.",
        imp=["- {n} 건의 요청이 실패했고 {cust} 명의 고객이 영향을 받았다.",
             "- 지원팀에 {tickets} 건의 문의가 들어왔다.", "- 데이터 손실은 없었다."],
        root2=["{svc} 를 보호해야 할 한도가 설정되지 않았다.", "{dep} 의 모니터링은 이 경우를 다루지 않아",
               "사용자가 알아챌 때까지 장애가 커졌다."],
        ev=["{svc} 오류율 상승 시작", "알림 발생, 당직자 호출", "당직자 확인 후 채널 개설",
            "{dep} 에서 원인 확인", "{dep} 에 완화 조치 적용", "오류율 정상화, 서비스 복구", "인시던트 해결"],
        factor_extra=["**모니터링**: 이 경우 {dep} 를 다루는 알림이 없었다.",
                      "**절차**: {svc} 의 런북에 이 경우가 없었다."],
        whys=["왜 {svc} 가 실패했나? {dep} 가 제때 응답하지 않았기 때문이다.",
              "왜 응답하지 않았나? 포화되었기 때문이다.", "왜 포화되었나? 부하를 줄이지 않았기 때문이다.",
              "왜 줄이지 않았나? 한도가 없었기 때문이다.", "왜 한도가 없었나? 기본값을 검토하지 않았기 때문이다."],
        act2="{svc} 런북에 이 장애 항목 추가", act3="{dep} 부하 테스트를 CI 에 추가",
        well=["- 알림이 몇 분 안에 발생했다.", "- 롤백이 빠르고 안전했다."],
        lessons=["- 한도에는 담당자와 알림이 필요하다.", "- 단계적 배포가 효과적이다."],
        prev="위의 조치 항목으로 원인을 없애고 감지를 앞당긴다.",
        prev_rel="[[{rel}]] 와 같은 패턴이다.",
        blame="원인은 인적 오류였다.",
        vague="모니터링 개선",
        deadline_bad="곧",
    ),
}

# Rules planted in reports with front matter, and in legacy reports (where the rule depends
# on the body only).  Weights: how often each is drawn.
FM_RULES = [("language/blameless", 4), ("actions/owner", 2), ("actions/deadline", 2),
            ("actions/priority", 2), ("timeline/order", 2), ("timeline/time", 2),
            ("frontmatter/required", 1), ("frontmatter/times", 1), ("structure/sections", 1),
            ("factors/multiple", 1), ("links/related", 1), ("ids/unique", 1),
            ("timeline/present", 1), ("distribution/48h", 1)]
LEGACY_RULES = [("language/blameless", 4), ("timeline/order", 1), ("timeline/time", 1),
                ("structure/sections", 1)]

# Legacy shapes the reader does not handle yet (issue 11): reports using one are listed as
# expected gaps in manifest.json, so the accuracy tests report them apart instead of failing.
# Remove a shape from this set when the reader learns it (--no-gaps checks them all).
# The two numeric-date paragraph shapes stay: when every date of a report has both numbers
# at most 12 and the file name does not settle the order, the reader refuses them by design
# (never a guess).
GAPS = {"timeline=dmy-paragraph", "timeline=us-date-paragraph"}

SEVERITIES = ["SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3", "SEV4"]
LEGACY_SEV_WORDS = {"SEV1": "Critical", "SEV2": "Major", "SEV3": "Medium", "SEV4": "Low"}


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def hm(t):
    return t.strftime("%H:%M")


def h12(t, lower=False, pad=False):
    h = t.hour % 12 or 12
    s = ("%02d" if pad else "%d") % h + ":%02d" % t.minute
    ap = "am" if t.hour < 12 else "pm"
    return s + (ap if lower else " " + ap.upper())


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


class Report:
    """One report being written: its lines, and the line numbers of the parts that
    violations point at."""

    def __init__(self):
        self.lines = []
        self.marks = {}

    def add(self, *ls):
        for l in ls:
            self.lines.extend(l.split("\n") if l else [""])

    def mark(self, name):
        """The line number (1-based) the next added line will have."""
        self.marks[name] = len(self.lines) + 1

    def text(self):
        return "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The facts of one incident, shared by both styles.

def facts(rng, i, when, svc, dep, cause, locale, wording):
    dur = rng.choice([18, 25, 32, 41, 47, 55, 64, 72, 88, 95, 110, 140])
    start = when
    steps = sorted(rng.sample(range(2, dur - 1), 4))
    detect = start + dt.timedelta(minutes=steps[0])
    times = [start, detect, detect + dt.timedelta(minutes=rng.choice([2, 3, 4, 5])),
             start + dt.timedelta(minutes=steps[2]), start + dt.timedelta(minutes=steps[3]),
             start + dt.timedelta(minutes=dur - 1), start + dt.timedelta(minutes=dur)]
    times = sorted(set(times))
    while len(times) < 7:  # very short incidents: spread the rest by one minute
        times.append(times[-1] + dt.timedelta(minutes=1))
    f = dict(svc=svc, dep=dep, cause=cause, locale=locale, wording=wording, dur=dur,
             started=times[0], detected=times[1], mitigated=times[5], ended=times[6],
             times=times, pct=rng.choice([3, 8, 12, 20, 35, 60, 100]),
             n=rng.choice([1200, 8400, 23000, 96000, 410000]),
             cust=rng.choice([40, 300, 1800, 12000]), tickets=rng.choice([2, 9, 31, 120]),
             sev=rng.choice(SEVERITIES), authors=rng.sample(PEOPLE, rng.choice([1, 1, 2])),
             owners=[rng.choice(PEOPLE), rng.choice(TEAMS), rng.choice(PEOPLE)],
             prio=[rng.choice(["High", "P1"]), rng.choice(["Medium", "P2"]),
                   rng.choice(["Low", "P3"])],
             status=[rng.choice(["done"] * 19 + ["open"]) for _ in range(3)],
             ticket=rng.choice(["OPS", "PLAT", "SRE", "INC"]) + "-%d" % (100 + i),
             tags=sorted(set([CAUSES[cause]["cat"].lower().replace(" ", "-"), cause])))
    return f


def fmt(s, f):
    return s.format(svc=f["svc"], Svc=f["svc"][0].upper() + f["svc"][1:], dep=f["dep"],
                    t0=hm(f["started"]), pct=f["pct"], dur=f["dur"], n=f["n"], cust=f["cust"],
                    tickets=f["tickets"], cause=cause_text(f), rel=f.get("rel", ""),
                    short=short_text(f))


def cause_text(f):
    if f["locale"] == "en":
        return CAUSES[f["cause"]]["en"][f["wording"]].format(svc=f["svc"], dep=f["dep"])
    return LOCAL_CAUSE[f["locale"]].format(svc=f["svc"], dep=f["dep"])


def short_text(f):
    s = L[f["locale"]]["short"]
    if isinstance(s, dict):
        s = s[f["cause"]]
    return s.format(svc=f["svc"], dep=f["dep"])


def title_of(rng, f):
    t = L[f["locale"]]["title"][f["wording"] % len(L[f["locale"]]["title"])]
    return fmt(t, f)


# ---------------------------------------------------------------------------------------------
# Front-matter style (SPEC section 1).

def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_frontmatter(rng, f, rules, ids_before):
    t = L[f["locale"]]
    r = Report()
    r.add("---")
    r.add("title: " + yaml_str(f["title"]))
    r.mark("id")
    r.add("id: " + f["id"])
    if "frontmatter/required" not in rules:
        r.add("severity: " + f["sev"])
    r.add("status: final")
    r.add("started: " + iso(f["started"]))
    r.add("detected: " + iso(f["detected"]))
    r.add("mitigated: " + iso(f["mitigated"]))
    if "frontmatter/times" in rules:
        r.mark("times")
        r.add("ended: " + iso(f["started"] - dt.timedelta(hours=2)))
    else:
        r.add("ended: " + iso(f["ended"]))
    r.add("services: [%s]" % f["svc"])
    r.add("tags: [%s]" % ", ".join(f["tags"]))
    r.add("authors: [%s]" % ", ".join('"@%s"' % a for a in f["authors"]))
    r.add("follow_up: " + (f["ended"] + dt.timedelta(days=28)).strftime("%Y-%m-%d"))
    if "links/related" in rules:
        r.mark("related")
        r.add("related: [%s-missing]" % f["id"])
    elif f.get("rel"):
        r.add("related: [%s]" % f["rel"])
    r.add("impact:", "  failed_requests: %d" % f["n"], "  customers: %d" % f["cust"])
    r.add("locale: " + f["locale"])
    r.add("---", "")
    r.add("## " + t["summary"], "")
    r.add(fmt(t["summ"][f["wording"] % len(t["summ"])], f), fmt(t["summ2"], f), "")
    r.add("## " + t["impact"], "")
    for l in t["imp"]:
        r.add(fmt(l, f))
    r.add("")
    r.add("## " + t["root"], "")
    c = cause_text(f)
    r.add(c[0].upper() + c[1:] + ("." if f["locale"] in ("en", "es") else "。" if f["locale"] in ("ja", "zh") else "."))
    for l in t["root2"]:
        r.add(fmt(l, f))
    if "language/blameless" in rules:
        r.add("")
        r.mark("blame")
        r.add(t["blame"])
    r.add("")
    r.add("## %s (UTC)" % t["timeline"] if f["locale"] == "en" else "## " + t["timeline"], "")
    r.add(t["tl_note"], "")
    r.add("| Time | Event | Source | Actor |", "|------|-------|--------|-------|")
    times = list(f["times"])
    events = [fmt(e, f) for e in t["ev"]]
    actors = ["system", "PagerDuty", "@" + f["authors"][0], "@" + f["authors"][0],
              "@" + f["owners"][0], "system", "@" + f["authors"][0]]
    rows = list(range(len(times)))
    if "timeline/present" in rules:
        rows = [0, len(times) - 1]
    order_at = None
    if "timeline/order" in rules:
        k = rng.choice([2, 3, 4])
        rows[k], rows[k + 1] = rows[k + 1], rows[k]
        order_at = k + 1
    bad_time_at = rng.choice([2, 3, 4]) if "timeline/time" in rules else None
    day0 = f["started"].date()
    for j, k in enumerate(rows):
        tm = times[k]
        ts = hm(tm) if tm.date() == day0 else tm.strftime("%Y-%m-%d %H:%M")
        if j == order_at:
            r.mark("order")
        if j == bad_time_at:
            r.mark("time")
            ts = "??:??"
        if j == 0:
            r.mark("tl_first")
        r.add("| %s | %s | %s | %s |" % (ts, events[k], ["Grafana", "PagerDuty", "Slack",
                                                        "Loki", "Argo CD", "Grafana",
                                                        "Slack"][k], actors[k]))
    r.add("")
    r.add("## " + t["factors"], "")
    r.mark("factors")
    r.add("- **%s**: %s." % (CAUSES[f["cause"]]["cat"], cause_text(f)))
    if "factors/multiple" not in rules:
        for l in t["factor_extra"]:
            r.add("- " + fmt(l, f))
    r.add("")
    if f["whys"]:
        r.add("## " + t["whys_h"], "")
        for j, l in enumerate(t["whys"]):
            r.add("%d. %s" % (j + 1, fmt(l, f)))
        r.add("")
    r.add("## " + t["actions"], "")
    r.add("| ID | Action | Owner | Deadline | Priority | Status | Ticket |",
          "|----|--------|-------|----------|----------|--------|--------|")
    fix = CAUSES[f["cause"]]["fix"].format(svc=f["svc"], dep=f["dep"])
    acts = [fix, fmt(t["act2"], f), fmt(t["act3"], f)]
    if f["vague"]:
        acts[2] = t["vague"]
    bad = rng.randrange(3)
    for j, a in enumerate(acts):
        owner = f["owners"][j]
        owner = "@" + owner if not owner.startswith("team-") else owner
        dl = (f["ended"] + dt.timedelta(days=7 + 14 * j)).strftime("%Y-%m-%d")
        prio = f["prio"][j]
        if j == bad:
            if "actions/owner" in rules:
                owner = ""
                r.mark("owner")
            if "actions/deadline" in rules:
                dl = t["deadline_bad"] if rng.random() < 0.5 else \
                    (f["started"] - dt.timedelta(days=3)).strftime("%Y-%m-%d")
                r.mark("deadline")
            if "actions/priority" in rules:
                prio = ""
                r.mark("priority")
        if j == 2 and f["vague"]:
            r.mark("vague")
        r.add("| A%d | %s | %s | %s | %s | %s | %s-%d |" % (
            j + 1, a, owner, dl, prio, f["status"][j], f["ticket"], j + 1))
    r.add("")
    r.add("## " + t["well_h"], "")
    for l in t["well"]:
        r.add(l)
    r.add("")
    if "structure/sections" not in rules:
        r.add("## " + t["lessons_h"], "")
        for l in t["lessons"]:
            r.add(l)
        r.add("")
    r.add("## " + t["prevention"], "")
    r.add(fmt(t["prev"], f))
    if f.get("rel") and rng.random() < 0.5:
        r.add(fmt(t["prev_rel"], f))
    return r


# ---------------------------------------------------------------------------------------------
# Legacy style: no front matter, the shapes of issue 11.

LEGACY_SHAPES = {
    "title": ["plain", "date-comma-quoted", "retrospective", "written-date-first",
              "incident-on", "title-label", "setext", "none"],
    "meta": ["lines", "bold", "bold-colon-inside", "headings", "stats-section",
             "key-events", "severity-section", "date-section"],
    "timeline": ["table", "list", "bold-bullet", "bracket-bullet", "heading-entry",
                 "paragraph", "twelve-hour-bullet", "time-then-date", "us-date-paragraph",
                 "dmy-paragraph", "day-table", "nested-label", "at-end", "us-day-paragraph",
                 "prose-at"],
    "zone": ["utc-sentence", "italic-sentence", "iana-sentence", "heading", "label-paren",
             "per-row", "column-header", "words-sentence"],
    "actions": ["bullets", "checklist", "owner-bullets", "will-bullets", "table",
                "grouped"],
    "headings": ["atx", "setext"],
}

# Zones: abbreviation, offset in hours, IANA name for the sentences that use one.
ZONES = [("UTC", 0, None), ("PST", -8, "US/Pacific"), ("PDT", -7, "US/Pacific"),
         ("CET", 1, None), ("CEST", 2, None), ("BST", 1, None), ("CDT", -5, None),
         ("EST", -5, None), ("JST", 9, None)]


# Shapes made only when asked for with --shape: drawing them would change every corpus of a
# seed.  us-day-paragraph: days and no time of day ("10/22/2022 - ...", security advisories),
# adopted as days (started: 2022-10-22, the SPEC extension in the README).
# prose-at: paragraphs "At 14:02 on 2024-03-01, ..." then "At 14:10, ...";
# words-sentence: "All times are in Pacific Time." (a region, with daylight time).
FORCED_ONLY = {"timeline=us-day-paragraph", "timeline=prose-at", "zone=words-sentence"}


def legacy_shape(rng, forced, gaps):
    """One unusual shape per report: a dimension is drawn, then any of its shapes; the other
    dimensions take shapes the reader handles, so a failure points at one shape."""
    dims = sorted(LEGACY_SHAPES)
    vary = rng.choice(dims)
    s = {}
    for k in dims:
        opts = [v for v in LEGACY_SHAPES[k] if "%s=%s" % (k, v) not in FORCED_ONLY]
        if k != vary:
            opts = [v for v in opts if "%s=%s" % (k, v) not in gaps] or opts
        s[k] = forced.get(k) or rng.choice(opts)
    # Combinations that do not exist in practice, or cannot say what they need to (a shape
    # asked for with --shape stays; the other dimension gives way).
    tables = ("day-table", "table")
    if s["timeline"] in tables and s["zone"] == "per-row":
        if "timeline" in forced and "zone" not in forced:
            s["zone"] = "column-header"
        elif "timeline" not in forced:
            s["timeline"] = "list"
    if s["timeline"] not in tables and s["zone"] == "column-header":
        if "zone" in forced and "timeline" not in forced:
            s["timeline"] = "table"
        elif "zone" not in forced:
            s["zone"] = "utc-sentence"
    return s


def _sunday(y, m, nth):
    """The nth Sunday of month m (nth -1: the last)."""
    if nth > 0:
        d = dt.date(y, m, 1)
        d += dt.timedelta(days=(6 - d.weekday()) % 7 + 7 * (nth - 1))
        return d
    d = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def us_summer(t):
    """US daylight time: second Sunday of March to first Sunday of November (by day)."""
    return _sunday(t.year, 3, 2) <= t.date() < _sunday(t.year, 11, 1)


def us_summer_at(t, std):
    """US daylight time at the UTC instant t for a zone std hours from UTC in winter: from
    2:00 standard time on the second Sunday of March to 1:00 standard time (2:00 daylight)
    on the first Sunday of November."""
    local = t + dt.timedelta(hours=std)
    start = dt.datetime.combine(_sunday(local.year, 3, 2), dt.time(2))
    end = dt.datetime.combine(_sunday(local.year, 11, 1), dt.time(1))
    return start <= local.replace(tzinfo=None) < end


def eu_summer(t):
    """EU summer time: last Sunday of March to last Sunday of October (by day)."""
    return _sunday(t.year, 3, -1) <= t.date() < _sunday(t.year, 10, -1)


def write_legacy(rng, f, rules, shape):
    """A report without front matter.  Every fact a reader needs is there in some shape:
    title, start and end (from the timeline), severity, authors."""
    r = Report()
    z = ZONES[0] if shape["zone"] in ("utc-sentence",) else rng.choice(ZONES)
    abbr, off, iana = z
    if shape["zone"] == "iana-sentence":
        abbr, off, iana = rng.choice([("PST", -8, "US/Pacific"), ("CET", 1, "Europe/Berlin"),
                                      ("JST", 9, "Asia/Tokyo")])
        if abbr == "CET" and eu_summer(f["started"]):
            abbr, off = "CEST", 2
        if abbr == "PST" and us_summer(f["started"]):
            abbr, off = "PDT", -7
    if shape["zone"] == "words-sentence":
        abbr, off, iana = rng.choice([("PST", -8, "Pacific Time"), ("EST", -5, "Eastern Time")])
        if us_summer_at(f["started"], off):
            abbr, off = abbr[0] + "DT", off + 1
    shape["zone_abbr"] = abbr
    loc = lambda t: t + dt.timedelta(hours=off)
    day = loc(f["started"])
    datestr = day.strftime("%Y-%m-%d")
    written = "%s %s, %d" % (MONTHS[day.month - 1], ordinal(day.day), day.year)
    title = f["title"]
    setext = shape["headings"] == "setext"

    def h2(text):
        if setext:
            r.add(text, "-" * max(3, len(text)), "")
        else:
            r.add("## " + text, "")

    ts = shape["title"]
    if ts == "plain":
        r.add("# " + title, "")
    elif ts == "date-comma-quoted":
        r.add('# %s, "%s"' % (datestr, title), "")
    elif ts == "retrospective":
        r.add("# Retrospective: %s %s" % (title, datestr), "")
    elif ts == "written-date-first":
        r.add("# %s %s" % (written, title), "")
    elif ts == "incident-on":
        r.add("# Incident on %s - %s" % (datestr, title), "")
    elif ts == "title-label":
        r.add("# Title:", "", "## " + title, "")
    elif ts == "setext":
        r.add(title, "=" * len(title), "")
    sevword = LEGACY_SEV_WORDS[f["sev"]]
    authors = ", ".join(NAMES[a] for a in f["authors"])
    ms = shape["meta"]
    if ms == "lines":
        r.add("Date: " + datestr, "Severity: " + f["sev"], "Service: " + f["svc"],
              "Authors: " + authors, "")
    elif ms == "bold":
        r.add("**Date of incident**: " + written, "", "**Severity:** %s (%s)" % (
            sevword, f["sev"]), "", "**Authors**: " + authors, "")
    elif ms == "bold-colon-inside":
        r.add("**Date:** %s  " % datestr, "**Severity:** %s  " % f["sev"],
              "**Owner:** @%s" % f["authors"][0], "")
    elif ms == "headings":
        r.add("## Owner: @%s" % f["authors"][0], "", "## Severity: %s" % f["sev"], "")
    elif ms == "stats-section":
        pass  # written at the end
    elif ms == "key-events":
        r.add("Key events:", "", "- First detected: %s %s" % (
            loc(f["detected"]).strftime("%Y-%m-%d %H:%M"), abbr),
            "- Resolved: %s %s" % (loc(f["ended"]).strftime("%Y-%m-%d %H:%M"), abbr),
            "- Severity: " + f["sev"], "- Authors: " + authors, "")
    elif ms == "severity-section":
        h2("Severity")
        r.add("**%s** - %s errors on %s." % (sevword, f["pct"] and "widespread", f["svc"]), "")
        h2("Authors")
        r.add(authors, "")
    elif ms == "date-section":
        h2("Date")
        r.add("Start: %s, %s" % (day.strftime("%A"), datestr), "")
        r.add("Severity: %s" % f["sev"], "Authors: " + authors, "")
    t = L["en"]
    h2("Summary")
    r.add(fmt(t["summ"][f["wording"] % 2], f).replace(" UTC", " " + abbr).replace(
        hm(f["started"]), hm(loc(f["started"]))), "")
    h2("Impact")
    for l in t["imp"]:
        r.add(fmt(l, f))
    r.add("")
    h2("Root Cause")
    c = cause_text(f)
    r.add(c[0].upper() + c[1:] + ".")
    for l in t["root2"]:
        r.add(fmt(l, f))
    if "language/blameless" in rules:
        r.add("")
        r.mark("blame")
        r.add(t["blame"])
    r.add("")
    if shape["timeline"] != "at-end":
        legacy_timeline(rng, r, f, rules, shape, loc, abbr, iana, h2)
    h2("Contributing Factors")
    r.add("- **%s**: %s." % (CAUSES[f["cause"]]["cat"], cause_text(f)))
    for l in t["factor_extra"]:
        r.add("- " + fmt(l, f))
    r.add("")
    legacy_actions(rng, r, f, shape, h2)
    if "structure/sections" not in rules:
        h2("Lessons Learned")
        for l in t["lessons"]:
            r.add(l)
        r.add("")
    if shape["timeline"] == "at-end":
        legacy_timeline(rng, r, f, rules, shape, loc, abbr, iana, h2)
    if ms == "stats-section":
        h2("Stats")
        r.add("- Severity: " + f["sev"], "- Service: " + f["svc"], "- Authors: " + authors,
              "- Time to detection: %d minutes" % ((f["detected"] - f["started"]).seconds // 60))
        r.add("")
    while r.lines and r.lines[-1] == "":
        r.lines.pop()
    return r


def legacy_timeline(rng, r, f, rules, shape, loc, abbr, iana, h2):
    zs = shape["zone"]
    tl = shape["timeline"]
    head = "Timeline"
    if zs == "heading":
        head = "Timeline (times in %s)" % abbr
    if zs == "heading" and tl == "us-day-paragraph":
        head = "Timeline (all times %s) %s" % (abbr, loc(f["started"]).strftime("%m/%d/%Y"))
    elif zs == "label-paren":
        head = None
    if head:
        h2(head)
    else:
        r.add("Timeline: (in %s)" % abbr, "")
    if zs == "utc-sentence":
        r.add("All times in %s." % abbr, "")
    elif zs == "italic-sentence":
        r.add("*(All times %s, 24-hour clock.)*" % abbr, "")
    elif zs == "iana-sentence":
        r.add("*(All times %s, 24-hour clock.)*" % iana, "")
    elif zs == "words-sentence":
        r.add("All times are in %s." % iana, "")
    events = [fmt(e, f) for e in L["en"]["ev"]]
    times = [loc(t) for t in f["times"]]
    idx = list(range(len(times)))
    if "timeline/order" in rules:
        k = rng.choice([2, 3, 4])
        idx[k], idx[k + 1] = idx[k + 1], idx[k]
        order_at = k + 1
    else:
        order_at = None
    bad_at = rng.choice([2, 3, 4]) if "timeline/time" in rules else None
    z = " " + abbr if zs == "per-row" else ""
    if tl == "nested-label":
        r.add("**Context**", "")
    if tl == "table":
        col = "Time (%s)" % abbr if zs == "column-header" else "Time"
        r.add("| %s | Event |" % col, "|------|-------|")
    elif tl == "day-table":
        r.add("| Day | Date (%d) | Time (%s) | Event |" % (times[0].year, abbr),
              "|-----|------|------|-------|")
    prev = None
    for j, k in enumerate(idx):
        t = times[k]
        ev = events[k]
        # A row carries its date when the day changes: no reader can know otherwise.
        full = prev is None or t.date() != prev
        prev = t.date()
        if j == order_at:
            r.mark("order")
        if j == bad_at:
            r.mark("time")
        bad = j == bad_at
        if tl == "table":
            s = "??:??" if bad else (t.strftime("%Y-%m-%d %H:%M") if full else hm(t))
            r.add("| %s%s | %s |" % (s, z if not bad else "", ev))
        elif tl == "day-table":
            s = "??:??" if bad else hm(t)
            r.add("| %s | %s | %s | %s |" % (t.strftime("%a"), t.strftime("%b %d"), s, ev))
        elif tl in ("list", "nested-label", "at-end"):
            s = "??:??" if bad else (t.strftime("%Y-%m-%d %H:%M") if full else hm(t))
            r.add("- %s%s - %s" % (s, z, ev))
        elif tl == "bold-bullet":
            s = "??:??" if bad else hm(t)
            if full and not bad:
                s = t.strftime("%Y-%m-%d ") + s
            r.add("- **%s%s** - %s" % (s, z, ev))
        elif tl == "bracket-bullet":
            s = "??:??" if bad else hm(t)
            r.add("* [%s%s] %s" % (s, z, ev) if not full else "* [%s %s%s] %s" % (
                t.strftime("%Y-%m-%d"), s, z, ev))
        elif tl == "heading-entry":
            s = "??:??" if bad else (t.strftime("%Y-%m-%d ") + "%d:%02d" % (t.hour, t.minute)
                                    if full else h12(t))
            r.add("### %s%s" % (s, z), "", ev + ".", "")
            if j == 1:
                r.add("> The page said: error rate above threshold.", "")
        elif tl == "paragraph":
            s = "??:??" if bad else h12(t, lower=True, pad=True).replace(" ", "")
            r.add("%s, %s%s: %s." % (t.strftime("%Y-%m-%d"), s, z if not bad else "", ev),
                  "")
        elif tl == "twelve-hour-bullet":
            s = "??:??" if bad else h12(t)
            if full and not bad:
                s = "%s %d, %d at %s" % (MONTHS[t.month - 1][:3], t.day, t.year, s)
            r.add("- %s%s: %s" % (s, z, ev))
        elif tl == "time-then-date":
            s = "??:??" if bad else hm(t)
            r.add("* %s%s %s %s %d - %s" % (s, z if not bad else "", ordinal(t.day),
                                            MONTHS[t.month - 1][:3], t.year, ev))
        elif tl == "us-date-paragraph":
            s = "??:??" if bad else h12(t, pad=True).lower()
            r.add("%s %s%s - %s" % (t.strftime("%m-%d-%Y"), s, z if not bad else "", ev), "")
        elif tl == "prose-at":
            if bad:
                r.add("??:?? - %s." % ev, "")
            elif full:
                r.add("At %s%s on %s, %s." % (hm(t), z, t.strftime("%Y-%m-%d"), ev), "")
            else:
                r.add("At %s%s, %s." % (hm(t), z, ev), "")
        elif tl == "dmy-paragraph":
            s = "??:??" if bad else hm(t)
            r.add("%s %s%s – %s" % (t.strftime("%d-%m-%Y"), s, z if not bad else "", ev), "")
        elif tl == "us-day-paragraph":
            # The day of each event, no time (no order or bad time is planted here).
            r.add("%s - %s" % (t.strftime("%m/%d/%Y"), ev), "")
    if tl == "us-day-paragraph":
        # Read with date_order: mdy in the configuration: 02/01/2023 alone could be
        # either order, and the reader refuses to guess.
        f["started_day"] = times[0].strftime("%Y-%m-%d")
        f["ended_day"] = max(times).strftime("%Y-%m-%d")
    r.add("")


def legacy_actions(rng, r, f, shape, h2):
    """Action items in the shape drawn; each still says owner, deadline, priority and a
    ticket in a form SPEC section 1 reads (`@owner` or `owner: team`, `due DATE`, `P1` or
    `(High)`)."""
    t = L["en"]
    fix = CAUSES[f["cause"]]["fix"].format(svc=f["svc"], dep=f["dep"])
    acts = [fix, fmt(t["act2"], f), fmt(t["act3"], f)]
    if f["vague"]:
        acts[2] = t["vague"]
    a = shape["actions"]
    due = [(f["ended"] + dt.timedelta(days=7 + 14 * j)).strftime("%Y-%m-%d") for j in range(3)]
    h2("Action Items")
    owners = [("@" + o if not o.startswith("team-") else o) for o in f["owners"]]
    own = [o if o.startswith("@") else "owner: " + o for o in owners]
    prio = [p if p.startswith("P") else "(%s)" % p for p in f["prio"]]
    tick = ["%s-%d" % (f["ticket"], j + 1) for j in range(3)]
    for j, x in enumerate(acts):
        if a == "table" and j == 0:
            r.add("| Type | Action | Owner | Due | Priority | Bug | Status |",
                  "|------|--------|-------|-----|----------|-----|--------|")
        if a == "grouped":
            r.add("### %s" % ["Immediate", "Short-term", "Long-term"][j], "")
        if j == 2 and f["vague"]:
            r.mark("vague")
        if a == "bullets":
            r.add("- %s (%s, due %s, %s, %s)" % (x, own[j], due[j], prio[j], tick[j]))
        elif a == "checklist":
            r.add("- [%s] %s (%s, due %s, %s, %s)" % ("x" if j == 0 else " ", x, own[j],
                                                      due[j], prio[j], tick[j]))
        elif a == "owner-bullets":
            r.add("- %s. Owner: %s, due %s, %s, %s" % (x, owners[j], due[j], prio[j], tick[j]))
        elif a == "will-bullets":
            who = owners[j] if owners[j].startswith("@") else "@" + f["authors"][0]
            r.add("- %s will %s%s, due %s %s %s" % (who, x[0].lower(), x[1:], due[j],
                                                    prio[j], tick[j]))
        elif a == "table":
            r.add("| %s | %s | %s | %s | %s | %s | %s |" % (
                ["mitigate", "prevent", "detect"][j], x, owners[j], due[j], f["prio"][j],
                tick[j], "DONE" if j == 0 else "TODO"))
        elif a == "grouped":
            r.add("- %s (%s, due %s, %s, %s)" % (x, own[j], due[j], prio[j], tick[j]), "")
    r.add("")


# ---------------------------------------------------------------------------------------------
# The corpus.

def plan_reports(rng, n, since, recurring):
    """Dates, scenarios and recurring groups for N reports, in date order."""
    span = max(365, n // 6)  # about six a day in a big corpus, a year at least
    days = sorted(rng.randrange(span) for _ in range(n))
    combos = [(s, c) for s in range(len(SERVICES)) for c in CAUSE_KEYS]
    rng.shuffle(combos)
    groups = []
    slots = [None] * n
    # Recurring groups: the same (service, cause), 2-4 times, 3-20 weeks apart.
    used = set()
    free = list(range(n))
    for g in range(recurring):
        combo = combos.pop()
        used.add(combo)
        k = rng.choice([2, 3, 3, 4])
        first = rng.randrange(max(1, n // 2))
        members = []
        d = days[first]
        for m in range(k):
            # the first free report on or after day d
            cand = [i for i in free if days[i] >= d]
            if not cand:
                break
            i = cand[0]
            free.remove(i)
            members.append(i)
            slots[i] = (combo, g, m % 3)
            d = days[i] + 7 * rng.randrange(3, 21)
        if len(members) < 2:
            for i in members:
                slots[i] = None
                free.append(i)
            continue
        groups.append((combo, members))
    free.sort()
    for i in free:
        combo = combos.pop() if combos else (rng.randrange(len(SERVICES)),
                                             rng.choice(CAUSE_KEYS))
        slots[i] = (combo, None, rng.randrange(3))
    base = dt.datetime.combine(since, dt.time(0, 0), tzinfo=UTC)
    out = []
    for i in range(n):
        when = base + dt.timedelta(days=days[i], hours=rng.randrange(0, 22),
                                   minutes=rng.randrange(60))
        out.append((when, slots[i]))
    # Group members keep their order by date: the days list was sorted.
    return out, groups


def slugify(s):
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:48].strip("-")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--style", choices=["frontmatter", "legacy", "mixed"], default="frontmatter")
    ap.add_argument("--locales", default=None,
                    help="comma-separated (default: en,es,ja,zh,ko; legacy: en)")
    ap.add_argument("--violations", type=float, default=0.0)
    ap.add_argument("--git", action="store_true")
    ap.add_argument("--renames", type=float, default=0.0)
    ap.add_argument("--recurring", type=int, default=0)
    ap.add_argument("--since", default="2023-01-01")
    ap.add_argument("--shape", action="append", default=[],
                    help="KIND=NAME: force a legacy shape (e.g. timeline=heading-entry)")
    ap.add_argument("--no-gaps", action="store_true",
                    help="mark no legacy shape as an expected gap")
    ap.add_argument("--list-shapes", action="store_true",
                    help="print the legacy shapes and the expected gaps as JSON")
    if "--list-shapes" in sys.argv:
        json.dump({"shapes": LEGACY_SHAPES, "gaps": sorted(GAPS)}, sys.stdout, indent=1)
        print()
        return
    a = ap.parse_args()
    rng = random.Random(a.seed)
    locales = (a.locales or ("en" if a.style == "legacy" else "en,es,ja,zh,ko")).split(",")
    for lc in locales:
        if lc not in L:
            sys.exit("gen-corpus: unknown locale %s" % lc)
    forced = dict(s.split("=", 1) for s in a.shape)
    for k, v in forced.items():
        if k not in LEGACY_SHAPES or v not in LEGACY_SHAPES[k]:
            sys.exit("gen-corpus: unknown shape %s=%s (see LEGACY_SHAPES)" % (k, v))
    gaps = set() if a.no_gaps else GAPS
    since = dt.date.fromisoformat(a.since)
    plan, groups = plan_reports(rng, a.count, since, a.recurring)
    os.makedirs(a.out, exist_ok=True)
    reports, planted, ids, idset = [], [], [], set()
    for i, (when, (combo, group, wording)) in enumerate(plan):
        svc, dep = SERVICES[combo[0]]
        cause = combo[1]
        locale = locales[i % len(locales)] if group is None else "en"
        style = a.style if a.style != "mixed" else rng.choice(["frontmatter", "legacy"])
        if style == "legacy" and locale != "en" and a.style == "mixed":
            locale = "en"
        f = facts(rng, i, when, svc, dep, cause, locale, wording)
        f["whys"] = style == "frontmatter" and rng.random() < 0.3
        f["vague"] = False
        f["title"] = title_of(rng, f)
        slug = (slugify(short_text(f)) if locale == "en" else "") or cause
        base = "%s-%s-%s" % (f["started"].strftime("%Y-%m-%d"), svc, slug)
        fid = base
        k = 2
        while fid in idset:
            fid = "%s-%d" % (base, k)
            k += 1
        f["id"] = fid
        # A related report: the previous member of the group, else sometimes any earlier one.
        if group is not None:
            prev = [rep for rep in reports if rep.get("group") == group]
            if prev:
                f["rel"] = prev[-1]["id"]
        elif ids and rng.random() < 0.1:
            f["rel"] = rng.choice(ids[-50:])
        rules = []
        if rng.random() < a.violations:
            pool = FM_RULES if style == "frontmatter" else LEGACY_RULES
            pool = [(x, w) for x, w in pool if a.git or x != "distribution/48h"]
            if not any(rep["style"] == "frontmatter" for rep in reports):
                pool = [(x, w) for x, w in pool if x != "ids/unique"]
            k = 2 if rng.random() < 0.15 else 1
            while len(rules) < k:
                x = rng.choices([p[0] for p in pool], [p[1] for p in pool])[0]
                if x not in rules and not (x.startswith("timeline/") and
                                           any(y.startswith("timeline/") for y in rules)):
                    rules.append(x)
        if "ids/unique" in rules:
            # Both reports get the finding, at their id lines.
            other = rng.choice([rep for rep in reports if rep["style"] == "frontmatter"])
            f["id"] = other["id"]
            if not any(v["path"] == other["path"] and v["rule"] == "ids/unique"
                       for v in planted):
                planted.append({"path": other["path"], "rule": "ids/unique", "line": 3})
                other["rules"].append("ids/unique")
        # A vague action is a warning, never a reason for a file to be "dirty".
        f["vague"] = rng.random() < 0.05
        path = "postmortems/%d/%s.md" % (f["started"].year, fid)
        shape = None
        if style == "frontmatter":
            rep = write_frontmatter(rng, f, rules, ids)
        else:
            shape = legacy_shape(rng, forced, gaps)
            if shape["timeline"] == "us-day-paragraph":
                # Days alone: two rows of one day are in order either way.
                rules[:] = [x for x in rules if x not in ("timeline/order", "timeline/time")]
            rep = write_legacy(rng, f, rules, shape)
        ids.append(fid)
        idset.add(fid)
        text = rep.text()
        # Where each rule's finding is expected: a line, or null (anywhere in the file).
        where = {"language/blameless": rep.marks.get("blame"),
                 "actions/owner": rep.marks.get("owner"),
                 "actions/deadline": rep.marks.get("deadline"),
                 "actions/priority": rep.marks.get("priority"),
                 "timeline/order": rep.marks.get("order"),
                 "timeline/time": rep.marks.get("time"),
                 "frontmatter/times": rep.marks.get("times"),
                 "links/related": rep.marks.get("related"),
                 "ids/unique": rep.marks.get("id")}
        for x in rules:
            planted.append({"path": path, "rule": x, "line": where.get(x)})
        if f["vague"]:
            pass  # warnings are not listed: the accuracy tests look at errors
        gap = bool(shape) and any(("%s=%s" % (k, v)) in gaps or v in gaps
                                  for k, v in shape.items() if k != "zone_abbr")
        late = "distribution/48h" in rules
        commit = f["ended"] + (dt.timedelta(days=rng.choice([4, 6, 9])) if late else
                               dt.timedelta(hours=rng.choice([2, 5, 20, 30, 44])))
        title = f["title"]
        if shape and shape.get("title") == "none":
            # No title heading: the file name is all a reader has.
            title = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", f["id"]).replace("-", " ")
            title = title[:1].upper() + title[1:]
        entry = {"path": path, "id": f["id"], "title": title, "style": style,
                 "locale": locale, "severity": f["sev"], "started": iso(f["started"]),
                 "detected": iso(f["detected"]), "mitigated": iso(f["mitigated"]),
                 "ended": iso(f["ended"]), "service": svc, "cause": cause,
                 "authors": ["@" + x for x in f["authors"]], "rules": rules,
                 "committed": iso(commit), "text": text}
        if shape:
            entry["shape"] = {k: v for k, v in shape.items()}
            entry["gap"] = gap
        for k in ("started_day", "ended_day"):
            if k in f:
                entry[k] = f[k]  # what a timeline of days gives (adopt writes the day)
        if group is not None:
            entry["group"] = group
        reports.append(entry)
    # Renames: a share of the reports first lived under an older layout.
    for rep in reports:
        if a.renames and rng.random() < a.renames:
            rep["first_path"] = "incidents/%s.md" % rep["id"] if rng.random() < 0.5 else \
                "postmortems/%s.md" % rep["id"]
    if a.git:
        make_git(rng, a.out, reports)
    else:
        for rep in reports:
            p = os.path.join(a.out, rep["path"])
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(rep["text"])
    with open(os.path.join(a.out, "violations.json"), "w") as fh:
        json.dump(planted, fh, indent=1, sort_keys=True)
        fh.write("\n")
    man = {"generator": "bench/gen-corpus.py", "seed": a.seed, "count": a.count,
           "style": a.style, "locales": locales, "violations": a.violations,
           "gaps": sorted(gaps),
           "recurring": [{"group": g, "service": SERVICES[c[0]][0], "cause": c[1],
                          "ids": [reports[i]["id"] for i in m],
                          "paths": [reports[i]["path"] for i in m]}
                         for g, (c, m) in enumerate(groups)],
           "distinct": a.count + a.recurring <= len(SERVICES) * len(CAUSE_KEYS),
           "reports": [{k: v for k, v in rep.items() if k != "text"} for rep in reports]}
    with open(os.path.join(a.out, "manifest.json"), "w") as fh:
        json.dump(man, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    print("gen-corpus: %d reports, %d planted violations in %s" % (
        len(reports), len(planted), a.out))


def make_git(rng, out, reports):
    """One commit per report at its commit date (git fast-import, so 10,000 commits take
    seconds), renames and later edits in between, then a checkout."""
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1")
    run = lambda *c, **k: subprocess.run(["git", "-C", out] + list(c), check=True, env=env, **k)
    run("init", "-q", "-b", "main")
    events = []
    for n, rep in enumerate(reports):
        t = dt.datetime.strptime(rep["committed"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        events.append((t, n, "add", rep))
        if "first_path" in rep:
            events.append((t + dt.timedelta(days=rng.choice([30, 90, 200])), n, "move", rep))
        if rng.random() < 0.05:
            events.append((t + dt.timedelta(days=rng.choice([3, 10, 40])), n, "edit", rep))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    edited = {e[1] for e in events if e[2] == "edit"}
    moved = {e[1]: e[0] for e in events if e[2] == "move"}
    stream = []
    mark = 0
    for t, n, kind, rep in events:
        mark += 1
        who = rep["authors"][0][1:]
        name, email = NAMES[who], "%s@example.com" % who
        when = "%d +0000" % int(t.timestamp())
        data = rep["text"].encode("utf-8")
        if kind == "add" and n in edited:
            data += b"\n<!-- draft: review pending -->\n"
        if kind == "add":
            msg = "Add post-mortem: %s" % rep["title"]
            path = rep.get("first_path", rep["path"])
            ops = [b"M 100644 inline " + path.encode() + b"\n" + b"data %d\n" % len(data) +
                   data + b"\n"]
        elif kind == "move":
            msg = "Move %s under postmortems/YEAR/" % rep["id"]
            ops = [b'R "%s" "%s"\n' % (rep["first_path"].encode(), rep["path"].encode())]
        else:
            msg = "Review notes for %s" % rep["id"]
            path = rep["path"] if n not in moved or t >= moved[n] else rep["first_path"]
            ops = [b"M 100644 inline " + path.encode() + b"\n" + b"data %d\n" % len(data) +
                   data + b"\n"]
        msgb = msg.encode("utf-8")
        head = (b"commit refs/heads/main\nmark :%d\n" % mark +
                ("author %s <%s> %s\ncommitter %s <%s> %s\n" % (
                    name, email, when, name, email, when)).encode("utf-8") +
                b"data %d\n" % len(msgb) + msgb + b"\n")
        if mark > 1:
            head += b"from :%d\n" % (mark - 1)
        stream.append(head + b"".join(ops) + b"\n")
    subprocess.run(["git", "-C", out, "fast-import", "--quiet", "--done"],
                   input=b"".join(stream) + b"done\n", check=True, env=env)
    run("checkout", "-q", "-f", "main")
    with open(os.path.join(out, ".git", "info", "exclude"), "a") as fh:
        fh.write("/violations.json\n/manifest.json\n")


if __name__ == "__main__":
    main()
