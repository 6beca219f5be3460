import common
from rules_blameless import R

ACT = common.actions()
ACT2 = common.actions(svc="payments", metric="queue depth", cat="testing gap", n=40)

# Owner, deadline, priority, ticket and status facts that a bullet action item may carry
# inline; they do not make an action specific.
META = (r"(?:@[\w.-]+|owner:?\s*@?[\w.-]+(?:\s+team)?|due:?\s*\d{4}-\d\d-\d\d|\d{4}-\d\d-\d\d|p[0-4]"
        r"|high|medium|low|[a-z][a-z0-9]*-\d+|#\d+|done|open|wontfix|in[-\s]progress)")
LEAD = r"^\s*(?:[-*•]\s+)?(?:\[[ x]\]\s*)?(?:(?:todo|action(?:\s+item)?|next\s+step)\s*:\s*)?(?:\*\*|__)?\s*"
TAIL = (r"\s*(?:\*\*|__)?\s*[.!。！]?(?:\s*(?:[-–—,;:|]\s*)?(?:[(（]\s*" + META + r"(?:\s*[,;、，/]?\s*" + META
        + r")*\s*[)）]|" + META + r"))*\s*[.!。！]?\s*$")


def V(id, core, message, suggest, bad, good, severity=None, after=""):
    return R(id, LEAD + "(?:" + core + ")" + after + TAIL, message, suggest, bad, good, severity)


# ======================================================================== en
EN = [
    V("improve-monitoring",
      r"(?:improve|enhance|increase|strengthen|expand|review|revisit|update|fix|tune|better|more|need\s+(?:more|better)"
      r"|add(?:\s+(?:more|better|some|additional))?)\s+(?:the\s+|our\s+|overall\s+|existing\s+)?"
      r"(?:monitoring|alerting|alerts|observability|metrics|dashboards?|visibility|logging|logs|instrumentation|telemetry)"
      r"(?:\s+(?:and|&|/)\s+(?:monitoring|alerting|alerts|observability|metrics|dashboards?|logging|logs))?"
      r"(?:\s+(?:coverage|in\s+general|overall|across\s+the\s+board|everywhere))?"
      r"|(?:monitoring|alerting|observability)\s+(?:improvements?|needs\s+(?:to\s+be\s+)?improv(?:ed|ing)|should\s+be\s+improved)",
      "'improve monitoring' names no signal, threshold or owner; say which metric, which alert and at what level",
      "page on checkout p99 latency above 800 ms for 5 minutes",
      ["Improve monitoring", "Improve monitoring.", "Better alerting", "Add more alerts",
       "Improve monitoring and alerting", "Improve monitoring (@bob, due 2026-03-01, High, OPS-123)",
       "- [ ] Improve observability"],
      ["Improve monitoring of queue depth by adding a p99 alert at 80%",
       "Add a dashboard panel for replication lag on postgres-main"] + ACT[:3]),

    V("be-more-careful",
      r"(?:(?:we\s+|engineers\s+|everyone\s+|the\s+team\s+|people\s+)?(?:should|must|need\s+to|needs\s+to)\s+)?"
      r"(?:be|being)\s+(?:more\s+|extra\s+|very\s+)?(?:careful|cautious|vigilant|diligent|attentive)"
      r"|(?:pay|paying)\s+(?:more|closer|extra)\s+attention|take\s+(?:more|extra|greater)\s+care"
      r"|double[-\s]?check(?:\s+(?:everything|things|changes|deploys|deployments|our\s+work|your\s+work))?"
      r"|remind\s+(?:the\s+)?(?:team|engineers|everyone|people|devs|developers|on-?call(?:\s+engineers)?)\s+to\b.*",
      "'be more careful' asks people to change, not the system; name the guard rail, check or tool change that prevents the mistake",
      "require a second approver in the deploy tool for production database migrations",
      ["Be more careful with deploys", "Be more careful", "Be more careful.",
       "Engineers should be more careful when running migrations", "Pay more attention to alerts",
       "Double-check deploys", "Remind the team to check the dashboard before deploying"],
      ["Add a confirmation prompt to the deploy CLI for production targets",
       "Be able to roll back the checkout service in under 5 minutes"] + ACT[3:6],
      after=r"(?:\s+(?:with|when|about|during|in|around|before|on|to|for|at)\b.*)?"),

    V("better-testing",
      r"(?:better|more|improved?|increased?|enhanced?|additional|extra|stronger|strengthen|expand(?:ed)?)\s+"
      r"(?:the\s+|our\s+)?(?:testing|tests|test\s+coverage|coverage|qa|unit\s+tests|integration\s+tests|e2e\s+tests"
      r"|end-to-end\s+tests)|test\s+(?:more|better|(?:more\s+)?thoroughly|everything|properly)",
      "'better testing' does not say what to test; name the scenario, the test and where it runs",
      "add a load test of the checkout write path at 3x peak to CI",
      ["Better testing", "More tests", "Improve test coverage", "Test more thoroughly"],
      ["Improve test coverage of the billing retry path with a fault-injection test in CI",
       "Better testing of failover: rehearse the postgres-main failover quarterly"] + ACT[6:]),

    V("add-more-tests",
      r"(?:add|write|create)\s+(?:more\s+|some\s+|additional\s+|better\s+|extra\s+)?"
      r"(?:unit\s+|integration\s+|e2e\s+|regression\s+)?tests?",
      "'add more tests' does not say which behaviour is untested; name the case that would have caught this incident",
      "add a regression test for a config with an empty upstream list",
      ["Add more tests", "Add tests", "Write more unit tests"],
      ["Add a regression test for an empty upstream list in the router config"] + ACT2[:3]),

    V("investigate",
      r"(?:investigate|look\s+into|dig\s+into|research|analy[sz]e|understand|determine|find|identify)\s+"
      r"(?:the\s+|this\s+)?(?:issue|problem|incident|outage|bug|failure|root\s+cause|cause|error|errors|it|what\s+happened)"
      r"(?:\s+(?:further|more|in\s+depth|more\s+deeply))?|investigate(?:\s+(?:further|more))?"
      r"|further\s+investigation(?:\s+(?:needed|required))?|(?:do|perform|complete)\s+(?:an?\s+)?(?:rca|root\s+cause\s+analysis)|rca",
      "an open-ended investigation is not a fix; state the question to answer and the decision it feeds, with a time box",
      "find out why the connection pool did not recover after the failover (time box: 2 days)",
      ["Investigate the issue", "Investigate", "Investigate further", "Look into it",
       "Find the root cause", "RCA"],
      ["Investigate why pgbouncer kept stale connections after failover and document the fix"] + ACT2[3:6]),

    V("improve-documentation",
      r"(?:improve|update|better|more|add(?:\s+more)?|write(?:\s+more)?|review|fix|enhance|expand|clarify)\s+"
      r"(?:the\s+|our\s+)?(?:documentation|docs|runbooks?|playbooks?|wiki|procedures?)"
      r"|document\s+(?:it|this|things|everything|better|more)",
      "'improve documentation' does not say which page or what it is missing; name the runbook and the steps to add",
      "add the failover steps for postgres-main to the database runbook",
      ["Improve documentation", "Update the runbook", "Better docs", "Document this"],
      ["Update the runbook with the steps to drain a kafka broker"] + ACT2[6:]),

    V("fix-the-bug",
      r"(?:fix|patch|resolve|address|solve)(?:\s+(?:the\s+|this\s+|that\s+)?(?:bug|issue|problem|error|it|root\s+cause"
      r"|underlying\s+(?:issue|problem|cause)|race\s+condition))?",
      "'fix the bug' does not say which bug or how we know it is fixed; name the defect and the test that proves the fix",
      "fix the off-by-one in the retry backoff (OPS-123) and add a unit test for it",
      ["Fix the bug", "Fix it", "Address the root cause"],
      ["Fix the off-by-one in the retry backoff and add a unit test for it"]),

    V("monitor-closely",
      r"(?:monitor|watch|observe|keep\s+(?:an\s+)?eye\s+on|keep\s+watching)"
      r"(?:\s+(?:it|this|things|the\s+(?:situation|service|system|issue|metrics|dashboards?)))?"
      r"(?:\s+(?:closely|carefully|more\s+closely|going\s+forward|for\s+recurrence|for\s+now|for\s+a\s+while))?",
      "'monitor closely' relies on someone watching; turn it into an alert with a threshold and an owner",
      "alert when the checkout error rate exceeds 1% for 5 minutes",
      ["Monitor closely", "Keep an eye on it", "Monitor the situation"],
      ["Monitor queue depth with an alert at 10k messages"]),

    V("communicate-better",
      r"(?:communicate|coordinate|collaborate|sync)\s+(?:better|more|more\s+clearly|more\s+often|earlier|faster)"
      r"|(?:better|improved?|more|clearer)\s+(?:the\s+)?(?:communication|coordination|collaboration|handoffs?|escalation)",
      "'communicate better' does not say who tells whom what and when; name the channel, the trigger and the owner",
      "post a status-page update within 15 minutes of a P1 being declared",
      ["Communicate better", "Better communication", "Improve communication"],
      ["Communicate maintenance windows in #ops-announce 48 hours ahead"]),

    V("follow-up",
      r"follow[-\s]?up(?:\s+(?:on\s+(?:this|it|the\s+(?:issue|incident))|later|with\s+(?:the\s+)?team|as\s+needed))?"
      r"|circle\s+back|revisit(?:\s+(?:this|it|later))?|discuss(?:\s+(?:this|it|later|further|with\s+the\s+team))?|sync\s+up",
      "'follow up' is not an action; say what will be done and what result closes the item",
      "decide with the vendor whether to raise the API rate limit, and record the decision",
      ["Follow up", "Follow-up on this", "Discuss further"],
      ["Follow up with the vendor on raising the API rate limit to 500 rps"]),

    V("tbd",
      r"tbd|tba|tbc|todo|n/?a|\?+|to\s+be\s+(?:decided|determined|defined|confirmed)|none\s+yet",
      "this action item is a placeholder; write the concrete change before the report is final",
      "add a canary stage to the checkout deploy pipeline",
      ["TBD", "TODO", "To be determined", "???"],
      ["TBD: decide the pool size after the load test (OPS-1234)"]),

    V("generic-improvement",
      r"(?:improve|increase|enhance|better|strengthen)\s+(?:the\s+|our\s+|overall\s+)?(?:reliability|stability|resilience"
      r"|robustness|performance|quality|process(?:es)?|availability|scalability|security|infrastructure|tooling|things"
      r"|everything|system)"
      r"|(?:prevent|avoid|stop)\s+(?:this|it|that|similar\s+(?:issues|incidents|outages|problems)|recurrence)(?:\s+from)?"
      r"(?:\s+(?:happening|recurring|occurring))?(?:\s+again)?(?:\s+in\s+the\s+future)?"
      r"|(?:make\s+sure|ensure)\s+(?:that\s+)?(?:this|it)\s+(?:does(?:\s+not|n['’]t)|won['’]t|will\s+not|never)\s+happens?\s+again"
      r"|make\s+(?:it|the\s+system|things|this|everything)\s+more\s+(?:robust|reliable|resilient|stable)",
      "a goal is not an action; name the change that moves it and how we will know it worked",
      "cap client retries at 3 with jitter in the checkout SDK",
      ["Improve reliability", "Prevent this from happening again", "Make sure this doesn't happen again",
       "Improve the process"],
      ["Improve reliability of the checkout SDK by capping retries at 3 with jitter"]),
]

# ======================================================================== es
ES_TAIL_ALL = ACT + ACT2
ES = [
    V("mejorar-monitoreo",
      r"(?:mejorar|reforzar|ampliar|revisar|optimizar|aumentar|más|mejor(?:es)?|(?:añadir|agregar)(?:\s+más)?)\s+"
      r"(?:el\s+|la\s+|los\s+|las\s+|nuestr[oa]s?\s+)?(?:monitoreo|monitorización|monitorizacion|monitoring|supervisión"
      r"|alertas|alertamiento|observabilidad|métricas|paneles|dashboards|logs|registros|visibilidad)"
      r"(?:\s+(?:y|e)\s+(?:el\s+|la\s+|las\s+|los\s+)?(?:monitoreo|alertas|observabilidad|métricas|logs))?",
      "'mejorar el monitoreo' no dice qué señal, qué umbral ni quién; indique la métrica, la alerta y el nivel",
      "alertar cuando la latencia p99 de checkout supere 800 ms durante 5 minutos",
      ["Mejorar el monitoreo", "Mejorar el monitoreo.", "Más alertas", "Mejorar la observabilidad"],
      ["Mejorar el monitoreo de la cola añadiendo una alerta de profundidad a 10k mensajes"] + ACT[:4]),

    V("tener-mas-cuidado",
      r"(?:(?:hay\s+que|debemos|deben|debe|tenemos\s+que|tienen\s+que)\s+)?(?:tener|tengan|tenga|tengamos|ser|sean|sea|seamos)\s+más\s+"
      r"(?:cuidado|cuidados[oa]s?|atent[oa]s?|precavid[oa]s?|prudentes?|diligentes?)"
      r"|prestar\s+más\s+atención|revisar\s+con\s+más\s+cuidado|(?:ir|actuar|trabajar|desplegar)\s+con\s+más\s+cuidado",
      "'tener más cuidado' pide a las personas que cambien, no al sistema; nombre la salvaguarda o el cambio de herramienta",
      "exigir un segundo aprobador en la herramienta de despliegue para migraciones de producción",
      ["Tener más cuidado", "Tener más cuidado con los despliegues", "Prestar más atención a las alertas",
       "Hay que ser más cuidadosos"],
      ["Añadir una confirmación al CLI de despliegue para destinos de producción"] + ACT[4:],
      after=r"(?:\s+(?:con|al|a|en|durante|cuando|antes)\b.*)?"),

    V("mejores-pruebas",
      r"(?:(?:mejores|más)\s+|(?:mejorar|aumentar|ampliar|reforzar)\s+(?:las\s+|la\s+)?|(?:añadir|agregar|escribir)\s+(?:más\s+)?)"
      r"(?:pruebas|tests|testing|test|cobertura(?:\s+de\s+pruebas)?)|probar\s+(?:mejor|más)",
      "'mejores pruebas' no dice qué probar; nombre el escenario, la prueba y dónde se ejecuta",
      "añadir a CI una prueba de carga de la ruta de escritura de checkout a 3x el pico",
      ["Mejores pruebas", "Más pruebas", "Mejorar las pruebas", "Añadir más tests"],
      ["Añadir una prueba de regresión para una lista de upstreams vacía"] + ACT2[:4]),

    V("investigar-el-problema",
      r"(?:investigar|analizar|revisar|estudiar|averiguar|entender|examinar)"
      r"(?:\s+(?:el|la|este|esta|lo)\s+(?:problema|incidente|incidencia|fallo|falla|error|caída|causa(?:\s+raíz)?|asunto|ocurrido|sucedido))?"
      r"(?:\s+(?:más\s+a\s+fondo|en\s+detalle|más))?|investigación\s+adicional",
      "una investigación abierta no es una corrección; indique la pregunta, la decisión que alimenta y un plazo",
      "averiguar por qué el pool de conexiones no se recuperó tras el failover (plazo: 2 días)",
      ["Investigar el problema", "Investigar", "Investigar la causa raíz", "Analizar el incidente más a fondo"],
      ["Investigar por qué pgbouncer mantuvo conexiones obsoletas tras el failover"] + ACT2[4:]),

    V("mejorar-documentacion",
      r"(?:mejorar|actualizar|revisar|ampliar|mejor|más)\s+(?:la\s+|el\s+|los\s+|las\s+)?"
      r"(?:documentación|docs|runbooks?|manual(?:es)?|procedimientos?|wiki)",
      "'mejorar la documentación' no dice qué página ni qué falta; nombre el runbook y los pasos a añadir",
      "añadir los pasos de failover de postgres-main al runbook de bases de datos",
      ["Mejorar la documentación", "Actualizar el runbook", "Mejor documentación"],
      ["Actualizar el runbook con los pasos para drenar un broker de kafka"]),

    V("arreglar-el-error",
      r"(?:arreglar|corregir|solucionar|resolver|reparar)(?:lo)?(?:\s+(?:el\s+|la\s+|este\s+|esta\s+)?"
      r"(?:error|bug|fallo|falla|problema|incidencia|asunto))?",
      "'arreglar el error' no dice qué defecto ni cómo se comprueba; nombre el defecto y la prueba que demuestra la corrección",
      "corregir el desfase en el backoff de reintentos y añadir una prueba unitaria",
      ["Arreglar el error", "Corregir el problema", "Solucionarlo"],
      ["Corregir el desfase en el backoff de reintentos y añadir una prueba unitaria"]),

    V("monitorear-de-cerca",
      r"(?:monitorear|monitorizar|vigilar|observar|supervisar)(?:lo|la)?(?:\s+(?:la\s+situación|el\s+servicio))?"
      r"(?:\s+(?:de\s+cerca|con\s+atención|más|mejor|de\s+momento))?",
      "'monitorear de cerca' depende de que alguien mire; conviértalo en una alerta con umbral y responsable",
      "alertar cuando la tasa de errores de checkout supere el 1 % durante 5 minutos",
      ["Monitorear de cerca", "Vigilar la situación", "Monitorear mejor"],
      ["Monitorear la profundidad de la cola con una alerta a 10k mensajes"]),

    V("comunicar-mejor",
      r"(?:comunicar(?:nos)?|coordinar(?:nos)?)\s+(?:mejor|más)|(?:mejor|mejorar\s+la|más)\s+(?:comunicación|coordinación)",
      "'comunicar mejor' no dice quién informa a quién, qué y cuándo; nombre el canal, el disparador y el responsable",
      "publicar una actualización en la página de estado en los 15 minutos siguientes a declarar un P1",
      ["Comunicar mejor", "Mejorar la comunicación", "Mejor comunicación"],
      ["Comunicar las ventanas de mantenimiento en #ops-announce con 48 horas de antelación"]),

    V("seguimiento",
      r"(?:dar|hacer)\s+seguimiento(?:\s+(?:a\s+esto|al\s+problema))?|seguimiento|revisar\s+más\s+adelante"
      r"|volver\s+a\s+revisar(?:lo)?|pendiente|por\s+(?:definir|determinar|decidir)|tbd|n/?a",
      "esto no es una acción concreta; indique qué se hará y qué resultado cierra el elemento",
      "decidir con el proveedor si se sube el límite de la API y registrar la decisión",
      ["Dar seguimiento", "Pendiente", "Por definir", "TBD"],
      ["Dar seguimiento con el proveedor para subir el límite de la API a 500 rps"]),

    V("mejora-general",
      r"(?:mejorar|aumentar|reforzar)\s+(?:la\s+|el\s+)?(?:estabilidad|fiabilidad|confiabilidad|resiliencia|robustez"
      r"|rendimiento|calidad|proceso|procesos|disponibilidad|infraestructura)"
      r"|(?:evitar|prevenir)\s+que\s+(?:esto\s+)?(?:vuelva\s+a\s+(?:ocurrir|pasar|suceder)|se\s+repita)"
      r"|(?:asegurar(?:se)?|garantizar)\s+(?:de\s+)?que\s+no\s+vuelva\s+a\s+(?:ocurrir|pasar|suceder)",
      "un objetivo no es una acción; nombre el cambio que lo consigue y cómo sabremos que funcionó",
      "limitar los reintentos del SDK de checkout a 3 con jitter",
      ["Mejorar la estabilidad", "Evitar que vuelva a ocurrir", "Asegurarse de que no vuelva a pasar"],
      ["Mejorar la estabilidad del SDK limitando los reintentos a 3 con jitter"]),
]

# ======================================================================== ja
JA_END = r"(?:する|します|すること|しよう|したい|を行う|を行います|を実施する|を図る|に努める|予定)?"
JA = [
    V("monitoring",
      r"(?:監視|モニタリング|アラート|アラーティング|可観測性|オブザーバビリティ|ダッシュボード|ログ)(?:体制|周り)?(?:を|の)?"
      r"(?:(?:改善|強化|見直し|充実|向上|追加|拡充)" + JA_END + r"|増やす)",
      "「監視を改善する」ではどのシグナル・閾値・担当かが分からない；メトリクス、アラート、閾値を具体的に書く",
      "checkout の p99 レイテンシが 5 分間 800ms を超えたらページする",
      ["監視を改善する", "監視を改善する。", "アラートを強化する", "監視の改善"],
      ["キュー長が 1 万件を超えたらアラートを出す監視を追加する"] + ACT[:4]),

    V("careful",
      r"(?:今後は?、?\s*)?(?:\S{1,12}?(?:時|の際|する際|前)に、?\s*)?(?:もっと|より|さらに|より一層|一層|十分に?|細心の)?\s*"
      r"(?:注意(?:する|します|すること|を払う|を徹底する)?|気を(?:つけ|付け)(?:る|ます|ること)"
      r"|慎重に(?:作業|対応|デプロイ|確認)?(?:する|します|を行う)|(?:確認|チェック)を徹底(?:する|します)?"
      r"|ダブルチェック(?:する|を徹底する)?)",
      "「もっと注意する」は人に変化を求めるだけでシステムは変わらない；ミスを防ぐガードレールやツールの変更を書く",
      "本番 DB のマイグレーションにはデプロイツールで 2 人目の承認を必須にする",
      ["もっと注意する", "気をつける", "今後は慎重に作業する", "デプロイ時にもっと注意する"],
      ["本番環境へのデプロイに確認プロンプトを追加する"] + ACT[4:]),

    V("testing",
      r"(?:テスト|試験|テストカバレッジ|カバレッジ)(?:を|の)?(?:(?:改善|強化|充実|拡充|追加|見直し|向上)" + JA_END
      + r"|増やす)|もっとテストする|テストを書く|しっかりテストする",
      "「テストを改善する」では何をテストするか分からない；シナリオ、テスト、実行場所を書く",
      "checkout の書き込み経路に対するピークの 3 倍の負荷試験を CI に追加する",
      ["テストを改善する", "テストを強化する", "テストを増やす"],
      ["空の upstream リストに対する回帰テストを追加する"] + ACT2[:4]),

    V("investigate",
      r"(?:原因|問題|障害|事象|根本原因|本件|詳細|不具合)?(?:を|の)?(?:調査|分析|究明|確認)"
      r"(?:する|します|すること|を行う|を進める|中|予定)?",
      "期限のない調査は対策ではない；答える問い、それで決めること、期限を書く",
      "フェイルオーバー後にコネクションプールが回復しなかった理由を 2 日以内に特定する",
      ["調査する", "原因を調査する", "問題を調査する", "確認する"],
      ["フェイルオーバー後に pgbouncer が古い接続を保持した理由を調査し、修正方法を文書化する"] + ACT2[4:]),

    V("documentation",
      r"(?:ドキュメント|文書|手順書|ランブック|マニュアル|wiki)(?:を|の)?(?:改善|整備|更新|見直し|充実|拡充)" + JA_END,
      "「ドキュメントを改善する」ではどのページに何が足りないか分からない；手順書名と追加する手順を書く",
      "postgres-main のフェイルオーバー手順を DB 手順書に追加する",
      ["ドキュメントを改善する", "手順書を更新する"],
      ["kafka ブローカーをドレインする手順を手順書に追加する"]),

    V("fix-bug",
      r"(?:バグ|不具合|問題|エラー)(?:を|の)?(?:修正|対応|解決)" + JA_END + r"|(?:バグ|不具合|問題|エラー)を直す",
      "「バグを修正する」ではどの欠陥か、どう確認するかが分からない；欠陥と修正を証明するテストを書く",
      "リトライのバックオフの off-by-one を修正し、単体テストを追加する",
      ["バグを修正する", "不具合を修正する", "問題を解決する"],
      ["リトライのバックオフの off-by-one を修正し、単体テストを追加する"]),

    V("monitor-closely",
      r"(?:引き続き|今後も?)?\s*(?:注視|経過観察|様子見|様子を見る|監視を続ける|モニタリングを続ける|監視)" + JA_END,
      "「注視する」は誰かが見ていることに頼っている；閾値と担当者のあるアラートにする",
      "checkout のエラー率が 5 分間 1% を超えたらアラートを出す",
      ["注視する", "引き続き監視する", "経過観察"],
      ["キュー長を 1 万件の閾値でアラート監視する"]),

    V("communication",
      r"(?:コミュニケーション|連携|情報共有|連絡)(?:を|の)?(?:改善|強化|密に|徹底)" + JA_END,
      "「連携を強化する」では誰が誰にいつ何を伝えるか分からない；チャネル、きっかけ、担当を書く",
      "P1 宣言から 15 分以内にステータスページを更新する",
      ["コミュニケーションを改善する", "連携を強化する", "情報共有を徹底する"],
      ["メンテナンス時間を 48 時間前に #ops-announce で告知する"]),

    V("follow-up",
      r"(?:フォローアップ|要検討|対応を検討|検討|未定|tbd|todo)" + JA_END
      + r"|再発防止(?:策を検討する|策を徹底する|に努める|を徹底する)?",
      "これは具体的なアクションではない；何をするか、何をもって完了とするかを書く",
      "API のレート制限を 500 rps に上げるかベンダーと決めて記録する",
      ["検討する", "再発防止に努める", "未定", "フォローアップする"],
      ["API レート制限の引き上げ可否をベンダーと決めて記録する"]),
]

# ======================================================================== zh
ZH = [
    V("monitoring",
      r"(?:改进|改善|加强|完善|优化|提升|增加|增强|补充)(?:对\S{1,10}的)?(?:监控|告警|报警|可观测性|观测|日志|指标|仪表盘)"
      r"(?:体系|系统|能力|覆盖)?|(?:监控|告警)(?:需要)?(?:改进|加强|完善|优化)",
      "“改进监控”没有说明哪个信号、阈值和负责人；请写明指标、告警和阈值",
      "checkout 的 p99 延迟连续 5 分钟超过 800ms 时呼叫值班",
      ["改进监控", "改进监控。", "加强告警", "完善监控体系"],
      ["为队列深度增加告警，阈值为 1 万条消息"] + ACT[:4]),

    V("careful",
      r"(?:以后|今后|下次)?(?:要|需要|应|应该)?(?:更加|更|多加|格外|加倍|更为)?(?:小心|谨慎|注意|仔细|细心|留意)"
      r"(?:一些|一点|操作|部署|行事)?|(?:认真|仔细)(?:检查|核对|确认)",
      "“更加小心”只要求人改变，没有改变系统；请写明能防止失误的防护措施或工具改动",
      "在部署工具中要求生产数据库迁移必须有第二位审批人",
      ["更加小心", "以后要更加谨慎", "注意", "仔细检查"],
      ["为生产环境部署增加确认提示"] + ACT[4:]),

    V("testing",
      r"(?:加强|改进|改善|完善|增加|提升|优化|补充|增强|更好的|更多的?|多做)(?:的)?"
      r"(?:测试|单元测试|集成测试|测试覆盖率?|覆盖率)(?:用例)?",
      "“加强测试”没有说明测什么；请写明场景、测试和运行位置",
      "在 CI 中加入 checkout 写路径 3 倍峰值的负载测试",
      ["加强测试", "增加测试", "提升测试覆盖率"],
      ["为空 upstream 列表增加回归测试"] + ACT2[:4]),

    V("investigate",
      r"(?:进一步)?(?:调查|排查|分析|研究|定位|查明)(?:一下)?(?:问题|原因|根因|根本原因|故障|此事|事故|问题原因)?",
      "开放式调查不是修复；请写明要回答的问题、它支撑的决定以及时限",
      "在 2 天内查明故障切换后连接池未恢复的原因",
      ["调查问题", "调查", "进一步排查", "分析原因"],
      ["调查故障切换后 pgbouncer 保留旧连接的原因并记录修复方法"] + ACT2[4:]),

    V("documentation",
      r"(?:改进|完善|更新|补充|优化)(?:相关)?(?:文档|手册|运行手册|操作手册|知识库|wiki)",
      "“完善文档”没有说明哪一页缺什么；请写明手册名称和要补充的步骤",
      "把 postgres-main 的故障切换步骤写入数据库运行手册",
      ["完善文档", "更新运行手册"],
      ["在运行手册中补充排空 kafka broker 的步骤"]),

    V("fix-bug",
      r"修复(?:这个|该)?(?:bug|问题|缺陷|错误|故障)?",
      "“修复问题”没有说明是哪个缺陷、如何验证；请写明缺陷和证明修复的测试",
      "修复重试退避中的差一错误并补充单元测试",
      ["修复问题", "修复bug", "修复"],
      ["修复重试退避中的差一错误并补充单元测试"]),

    V("monitor-closely",
      r"(?:持续|继续|密切)(?:关注|观察|监视|跟踪|监控)(?:情况|问题)?|(?:关注|观察)(?:情况|问题)",
      "“密切关注”依赖有人盯着；请改成有阈值和负责人的告警",
      "checkout 错误率连续 5 分钟超过 1% 时告警",
      ["密切关注", "持续观察", "关注情况"],
      ["为队列深度设置 1 万条的告警"]),

    V("communication",
      r"(?:加强|改进|改善)(?:团队)?(?:沟通|协作|协调)",
      "“加强沟通”没有说明谁在何时通知谁什么；请写明渠道、触发条件和负责人",
      "P1 宣布后 15 分钟内更新状态页",
      ["加强沟通", "改进团队协作"],
      ["提前 48 小时在 #ops-announce 公告维护窗口"]),

    V("follow-up",
      r"(?:后续)?跟进|待定|待确定|tbd|后续处理|(?:防止|避免)(?:类似问题)?(?:再次)?(?:发生|出现)",
      "这不是具体的行动；请写明要做什么以及什么结果算完成",
      "与供应商确定是否把 API 限流提高到 500 rps 并记录决定",
      ["跟进", "待定", "避免再次发生"],
      ["与供应商确认 API 限流提高到 500 rps 的方案"]),
]

# ======================================================================== ko
KO_END = r"(?:하기|한다|합니다|할\s*것|필요|예정)?"
KO = [
    V("monitoring",
      r"(?:모니터링|알림|알람|경보|관측성|대시보드|로그|로깅)\s*(?:을|를)?\s*(?:개선|강화|보강|추가|향상|확대)" + KO_END
      + r"|더\s*나은\s*모니터링",
      "'모니터링 개선'은 어떤 신호, 임계값, 담당자인지 말하지 않는다; 지표, 알림, 임계값을 구체적으로 쓴다",
      "checkout p99 지연이 5분간 800ms를 넘으면 호출한다",
      ["모니터링 개선", "모니터링 개선.", "알림 강화하기", "모니터링을 개선한다"],
      ["큐 길이가 1만 건을 넘으면 알림을 보내는 모니터링 추가"] + ACT[:4]),

    V("careful",
      r"(?:앞으로\s*)?(?:더|좀\s*더|보다|더욱)?\s*(?:주의|조심|신중|꼼꼼)(?:를\s*기울이기|하게\s*(?:작업|배포|진행|확인))?" + KO_END,
      "'더 주의하기'는 사람에게 변화를 요구할 뿐 시스템은 바뀌지 않는다; 실수를 막는 안전장치나 도구 변경을 쓴다",
      "프로덕션 DB 마이그레이션에는 배포 도구에서 두 번째 승인자를 필수로 한다",
      ["더 주의하기", "주의하기", "앞으로 더 조심한다", "신중하게 배포하기"],
      ["프로덕션 배포에 확인 프롬프트 추가"] + ACT[4:]),

    V("testing",
      r"(?:테스트|시험|테스트\s*커버리지|커버리지)\s*(?:을|를)?\s*(?:강화|개선|보강|추가|확대|향상)" + KO_END
      + r"|더\s*(?:많은|나은)\s*테스트",
      "'테스트 강화'는 무엇을 테스트할지 말하지 않는다; 시나리오, 테스트, 실행 위치를 쓴다",
      "CI에 checkout 쓰기 경로의 피크 3배 부하 테스트를 추가한다",
      ["테스트 강화", "테스트 개선하기", "더 많은 테스트"],
      ["빈 upstream 목록에 대한 회귀 테스트 추가"] + ACT2[:4]),

    V("investigate",
      r"(?:원인|문제|근본\s*원인|장애|이슈)?\s*(?:을|를)?\s*(?:조사|분석|파악|확인)" + KO_END,
      "기한 없는 조사는 수정이 아니다; 답할 질문, 그것으로 정할 결정, 기한을 쓴다",
      "페일오버 후 커넥션 풀이 회복되지 않은 이유를 2일 안에 밝힌다",
      ["원인 조사", "문제 분석", "원인 파악하기", "조사"],
      ["페일오버 후 pgbouncer가 오래된 연결을 유지한 원인을 조사하고 수정 방법을 문서화"] + ACT2[4:]),

    V("documentation",
      r"(?:문서|문서화|런북|매뉴얼|위키)\s*(?:을|를)?\s*(?:개선|보강|업데이트|정비|강화)" + KO_END,
      "'문서 개선'은 어떤 페이지에 무엇이 빠졌는지 말하지 않는다; 런북 이름과 추가할 단계를 쓴다",
      "postgres-main 페일오버 절차를 DB 런북에 추가한다",
      ["문서 개선", "런북 업데이트"],
      ["kafka 브로커를 비우는 절차를 런북에 추가"]),

    V("fix-bug",
      r"(?:버그|문제|오류|이슈)\s*(?:을|를)?\s*(?:수정|해결|고치기)" + KO_END,
      "'버그 수정'은 어떤 결함인지, 어떻게 확인할지 말하지 않는다; 결함과 수정을 증명할 테스트를 쓴다",
      "재시도 백오프의 off-by-one을 수정하고 단위 테스트를 추가한다",
      ["버그 수정", "문제 해결하기"],
      ["재시도 백오프의 off-by-one을 수정하고 단위 테스트 추가"]),

    V("monitor-closely",
      r"(?:계속|면밀히|지속적으로|주의\s*깊게)\s*(?:모니터링|관찰|주시)" + KO_END,
      "'면밀히 모니터링'은 누군가 지켜보는 것에 의존한다; 임계값과 담당자가 있는 알림으로 바꾼다",
      "checkout 오류율이 5분간 1%를 넘으면 알림을 보낸다",
      ["면밀히 모니터링", "계속 관찰하기"],
      ["큐 길이 1만 건 임계값 알림 설정"]),

    V("communication",
      r"(?:소통|커뮤니케이션|의사소통|협업)\s*(?:을|를)?\s*(?:개선|강화)" + KO_END,
      "'소통 개선'은 누가 누구에게 언제 무엇을 알리는지 말하지 않는다; 채널, 계기, 담당자를 쓴다",
      "P1 선언 후 15분 안에 상태 페이지를 갱신한다",
      ["소통 개선", "커뮤니케이션 강화하기"],
      ["점검 시간을 48시간 전에 #ops-announce에 공지"]),

    V("follow-up",
      r"(?:후속\s*조치|추후\s*검토|검토\s*예정|검토|미정|tbd|재발\s*방지)" + KO_END,
      "이것은 구체적인 조치가 아니다; 무엇을 할지, 어떤 결과로 완료되는지 쓴다",
      "API 요청 한도를 500 rps로 올릴지 공급업체와 결정하고 기록한다",
      ["후속 조치", "미정", "재발 방지"],
      ["API 요청 한도 상향 여부를 공급업체와 결정하고 기록"]),
]

VAGUE = {"en": EN, "es": ES, "ja": JA, "zh": ZH, "ko": KO}
