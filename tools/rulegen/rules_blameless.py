from blocks import *
import common

P = common.prose
ACT = common.actions()


def keyed(consumed, back, prefix=r"\b(?<=\s)", quick=None):
    """A rule keyed on its phrase: a cheap prefilter, the phrase as a lookahead, then the subject
    as a lookbehind (evaluated only where the phrase is), then the phrase."""
    return prefix + ("(?=" + quick + ")" if quick else "") + "(?=" + consumed + ")" + back + consumed


def R(id, pattern, message, suggest, bad, good, severity=None, note=None, prefilter=None):
    return dict(id=id, pattern=pattern, message=message, suggest=suggest, bad=bad, good=good,
                severity=severity, note=note, prefilter=prefilter)


# Sentences from the generated reports that are prose but not blame (events, headings, actions).
EN_CORPUS_OTHER = ["Engineer acknowledges the page", "Customer reports failures",
                   "Incident commander assigned", "Mitigation in place; error rate falling",
                   "First errors appear on checkout", "Alert fires for checkout",
                   "Incident marked resolved", "Deploy of checkout begins",
                   "Config change applied to checkout", "Error rate back to baseline",
                   "Rollback started", "Database failover triggered",
                   "See the action items above."]

# ======================================================================== en
EN = [
    R("human-error",
      r"\bhuman[-\s]+(?:error|mistake|failure|fault|slip|oversight)s?\b|\bhuman[-\s]caused\b",
      "'human error' names a person as the cause and ends the analysis; describe the conditions that let the step fail",
      "describe what in the system allowed the mistake: a missing guard rail, an unclear runbook, a confusing tool",
      ["This was ultimately human error by Carol.", "This was ultimately human error by Mallory.",
       "Root cause: human error.", "The outage was due to a human mistake during the migration.",
       "We classify this as a human-caused incident.", "Human errors in the runbook steps led to data loss."],
      ["The runbook did not say which cluster to drain.",
       "Human review of the migration is now required.",
       "The form did not validate human input before saving it.",
       "Humans approve every production deploy; the tool did not show the target cluster."]
      + P("en")[:3] + EN_CORPUS_OTHER[:4]),

    R("operator-error",
      r"\b(?:(?=error|mistake)(?<=\boperator\s|\bpilot\s|\bengineer\s|\bdeveloper\s|\badmin\s|\badministrator\s)"
      r"(?:error|mistake)s?\b(?!\s+(?:rate|count|budget|page|message|handling|code|log)s?\b)"
      r"|pebkac\b|pebcak\b|id-?10-?t\b|layer[-\s]?8\s+(?:issue|problem|error)s?\b)",
      "'operator error' puts the cause on a person; say what made the wrong action easy and the right one hard",
      "the CLI accepted a production target without confirmation",
      ["The outage was caused by operator error.", "Classic PEBKAC.",
       "A layer 8 problem took down the cache.", "It was an engineer mistake in the config."],
      ["The operator (the Kubernetes controller) restarted the pods in a loop.",
       "The operator error rate metric stayed flat.",
       "The Postgres operator failed over to the replica."]
      + P("en")[3:5] + EN_CORPUS_OTHER[4:7]),

    R("person-caused",
      keyed(EN_CAUSE_VERB, en_back([r"\s"]),
            quick=r"c(?:aused|rashed)|b(?:roke|rought|otched|orked|lew)|t(?:ook|anked)|knocked|messed|screwed|fouled|nuked"),
      "this names a person as the cause of the incident; describe the change and the conditions that let it cause harm",
      "the config change skipped review because the pipeline allowed direct pushes",
      ["Carol caused the outage by skipping the review.",
       "Mallory caused the outage by skipping the review.",
       "@alice broke prod.", "@bob.smith caused the incident with a bad migration.",
       "Trent took down the checkout cluster.",
       "The on-call engineer caused the outage.", "Someone broke the build.",
       "Then Yuki brought down production by restarting every node.",
       "Björn caused the data loss.", "Zoë messed up the failover."],
      ["The retry storm caused the outage.", "A config change caused the outage.",
       "This change caused the incident.", "Retries caused the queue to back up.",
       "The deploy tool caused the restart loop.", "Bob restored service at 10:42.",
       "Alice noticed the error rate first.", "Kubernetes caused the pods to be evicted.",
       "Redis caused a spike in latency.", "Failover caused a brief write outage.",
       "Deploys caused three of the last five incidents.",
       "Alice brought down the error rate by shedding load.",
       "Bob broke down the timeline into phases.", "Carol broke glass to get access.",
       "Caching caused stale reads.", "Backpressure caused the producers to stall.",
       "Misconfiguration caused the outage.", "Nginx broke the websocket upgrade.",
       "The switch to Envoy caused a latency regression.",
       "Monday's deploy caused the regression.", "Throttling caused timeouts upstream.",
       "It caused the outage.", "Nothing caused more pages than the flapping disk alert."]
      + P("en")[5:] + EN_CORPUS_OTHER[7:]),

    R("person-accidentally",
      keyed(r"(?:accidentally|inadvertently|mistakenly|unintentionally|erroneously)\b", en_back([r"\s"])),
      "this puts a person's slip at the centre; describe what made the wrong action possible and easy",
      "the cleanup script accepted the production bucket name without a confirmation",
      ["Trent accidentally took down the checkout cluster.", "Bob accidentally deleted the production database.",
       "The on-call engineer mistakenly restarted the primary.", "@niaj inadvertently pushed to main."],
      ["The cleanup job accidentally deleted the production bucket.",
       "Traffic was accidentally routed to the old region.",
       "Retries inadvertently doubled the load."]),

    R("caused-by-person",
      r"\bcaused\s+(?:(?:directly|partly|mainly|largely|entirely|solely|ultimately|primarily)\s+)?by\s+" + EN_SUBJ,
      "this names a person as the cause of the incident; name the change or the missing safeguard instead",
      "the outage was caused by a migration that ran without a lock timeout",
      ["The outage was caused by Dan.", "The outage was caused by @dan running the script twice.",
       "The incident was caused by the on-call engineer.",
       "The outage was caused entirely by Frank's change."],
      ["The outage was caused by a migration that ran without a lock timeout.",
       "The outage was caused by Kubernetes evicting the pods.",
       "The latency was caused by Redis running out of memory.",
       "The outage was caused by the retry storm.",
       "The errors were caused by an expired certificate."]),

    R("person-fault",
      keyed(r"['’]s?\s+(?:own\s+)?fault\b", en_back([""]), prefix=r"\b")
      + r"|(?<!\bnot\s|n't\s|n’t\s|\bnever\s|\bno\s)\b(?:his|her|your)\s+(?:own\s+)?fault\b"
      r"|\bfault\s+(?:is\s+|was\s+)?(?:of|lies\s+with|lay\s+with|rests\s+with|is\s+with|was\s+with)\s+" + EN_SUBJ,
      "assigning fault to a person stops the analysis; describe what in the system let the action cause harm",
      "the migration ran at peak time because nothing in the scheduler prevented it",
      ["It was Carol's fault for running the migration at peak time.",
       "It was Mallory's fault for running the migration at peak time.",
       "It was @erin's fault.", "The fault lies with the on-call engineer.",
       "Honestly it was his fault.", "It’s Judy’s fault.", "The reviewers' fault, really."],
      ["It was nobody's fault.", "It was not Alice's fault.",
       "The fault lies with the missing guard rail.", "The cache was to blame.",
       "A disk fault on the primary triggered the failover.",
       "A Byzantine fault in the consensus layer.", "It was not his fault."]),

    R("person-at-fault",
      keyed(EN_AT_FAULT, en_back([r"\s"])),
      "this makes a person the cause of the incident; describe what in the system let the action cause harm",
      "the migration ran at peak time because nothing in the scheduler prevented it",
      ["Ivan was to blame.", "Grace was the root cause.", "In the end Walter was responsible for the outage.",
       "The on-call engineer was at fault.", "@judy is partly to blame."],
      ["The cache was to blame.", "The default was at fault: it allowed unbounded retries.",
       "Alice is responsible for the incident review.", "The retry storm was the root cause.",
       "Kubernetes was the culprit."]),

    R("person-mistake",
      r"\b(?=mistake|blunder|slip|typo|oversight|screw)(?<!\bhuman\s|\boperator\s)(?:mistake|blunder|slip|typo|oversight|screw-?up)s?\s+(?:(?:made|committed)\s+)?by\s+" + EN_SUBJ
      + r"|" + keyed(r"['’]s?\s+(?:(?:simple|obvious|big|costly|small)\s+)?(?:mistake|blunder|screw-?up|oversight|typo)s?\b",
                     en_back([""]), prefix=r"\b")
,
      "this makes a person's mistake the cause; describe why the system let the mistake through",
      "the form accepted a value outside the safe range, and no review caught it",
      ["A typo by Niaj took down the DNS zone.", "Olivia's mistake caused the outage.",
       "It was an oversight by the developer.",
       "The engineer's typo deleted the wrong table."],
      ["A typo in the config template went unnoticed.",
       "Terraform's typo detection does not cover variable names.",
       "An oversight in the review checklist let it through."]),

    R("person-made-mistake",
      keyed(r"(?:made|makes|had\s+made)\s+(?:a|an|the|one|another|several)\s+(?:[\w-]+\s+)?(?:mistake|error|blunder|typo|slip)s?\b",
            en_back([r"\s"])),
      "this makes a person's mistake the cause; describe why the system let the mistake through",
      "the form accepted a value outside the safe range, and no review caught it",
      ["Peggy made a config error.", "The developer made a typo in the hostname.", "Someone made a mistake."],
      ["Alice made a fix at 10:42.", "The tool made an error in the diff output.",
       "Terraform made a mistake in the plan."]),

    R("blamed-on",
      r"\bblam(?:e[ds]?|ing)\s+(?:(?:(?:it|this|that|everything|the\s+[\w-]+(?:\s+[\w-]+)?)\s+)?on\s+"
      r"|(?:lies|lay|rests|falls|fell|goes)\s+(?:squarely\s+)?(?:with|on)\s+)?" + EN_SUBJ
      + r"|\bpoint(?:ed|ing|s)?\s+(?:the\s+|a\s+)?fingers?\s+at\b",
      "blaming a person makes people hide mistakes; describe the sequence of events and the conditions instead",
      "the rollback took 40 minutes because the runbook did not cover this service",
      ["The delay was blamed on Rupert.", "Management blamed the on-call engineer.",
       "The blame lies with @sybil.", "People started pointing fingers at the database team.",
       "We blamed it on Victor at first."],
      ["The delay was blamed on a slow DNS resolver.",
       "A blameless review found three contributing factors.",
       "We do not blame individuals for incidents."]),

    R("should-have-known",
      r"\bshould(?:\s+have|['’]ve|\s+of)\s+(?:known|realized|realised|foreseen)\b"
      r"|\bought\s+to\s+have\s+(?:known|realized|realised)\b"
      r"|\bshould\s+have\s+been\s+(?:obvious|clear)\s+to\b",
      "'should have known' judges a person with hindsight; describe what information was available at the time",
      "the dashboard did not show the queue depth, so the risk was not visible during the deploy",
      ["Carol should have known better than to deploy on a Friday.",
       "Mallory should have known better than to deploy on a Friday.",
       "The team should've known the disk was nearly full.",
       "It should have been obvious to the reviewer.", "Someone ought to have known."],
      ["Nobody could see the queue depth at the time.",
       "The dashboard should have shown the queue depth, and now it does.",
       "We now know that the cache needs a warm-up period."]),

    R("person-should-have",
      keyed(r"should(?:\s+have|['’]ve)\s+(?:double-?checked|checked"
            r"|noticed|caught|tested|verified|asked|waited|read|reviewed|followed|paid\s+attention|looked|seen"
            r"|spotted|escalated|rolled\s+back)\b", en_back([r"\s"])),
      "this judges what a person should have done; describe what made the right action hard at the time",
      "the alert did not page, so the on-call engineer had no signal to roll back earlier",
      ["Heidi should have checked the replica lag.", "The reviewer should have caught the typo.",
       "@frank should've waited for the canary.", "Someone should have noticed the alert."],
      ["The canary should have caught the regression, but it covered only reads.",
       "Alerting should have fired at 80% disk usage.",
       "The pipeline should have blocked the deploy."]),

    R("person-omission",
      keyed(quick=r"f(?:orgot|ailed)|n(?:eglected|ever)|omitted|d(?:idn|id\s|isregarded)|c(?:hose|ircumvented)"
                  r"|refused|ignored|skipped|bypassed|overrode",
            consumed=r"(?:forgot|neglected\s+to|failed\s+to|omitted\s+to"
      r"|(?:didn['’]t|did\s+not)\s+bother\s+to"
      r"|(?:didn['’]t|did\s+not|never|chose\s+not\s+to|refused\s+to)\s+(?:follow|read|check|double-?check|verify"
      r"|test|consult|look\s+at|review|notice|pay\s+attention)"
      r"|(?:ignored|skipped|bypassed|disregarded|circumvented|overrode)\s+(?:the\s+|a\s+|an\s+|our\s+|all\s+)?"
      r"(?:[\w-]+\s+)?(?:runbook|procedure|process|checklist|review|alert|alarm|warning|page|policy|guidelines?"
      r"|instructions|steps?|approval|canary|tests?|ci|linter|rules?|protocol|playbook|safeguards?|guard\s*rails?"
      r"|freeze)s?)\b", back=en_back([r"\s"])),
      "this frames the incident as a person's omission; describe why the process or tooling did not catch the missed step",
      "the deploy checklist lives in a wiki page that the deploy tool does not show",
      ["Dan forgot to drain the node first.", "Erin failed to follow the runbook.",
       "The on-call engineer didn't follow the runbook.", "@ivan skipped the canary stage.",
       "Frank did not check the replica lag.", "Someone forgot to renew the certificate.",
       "Grace ignored the alert because it had been flapping all week."],
      ["The health check failed to detect the stuck worker.",
       "Backups failed to complete for three nights.", "Retries failed to recover the connection.",
       "Pods failed to start after the upgrade.", "Writes failed to replicate to the standby.",
       "Requests failed to reach the origin.", "The script skipped the canary stage.",
       "Alice failed over the database at 10:42.", "Replicas failed to catch up.",
       "Emails failed to send during the outage."]),

    R("careless",
      r"\bcareless(?:ly|ness)?\b",
      "'careless' judges a person; describe the missing safeguard that made the slip possible",
      "the rollback command ran without a confirmation step",
      ["The on-call engineer was careless with the rollback.", "A careless rollback made it worse.",
       "It was carelessness, plain and simple."],
      ["The rollback command ran without a confirmation step.",
       "We were careful to keep the old version running until the canary passed."]),

    R("negligence",
      r"\b(?:gross(?:ly)?\s+)?negligen(?:t|ce|tly)\b",
      "'negligence' is a charge against a person; describe the conditions and safeguards instead",
      "the backup job had no alert, so its failure went unnoticed for three weeks",
      ["This was negligence by the database team.", "The admin acted negligently.",
       "Gross negligence led to the data loss."],
      ["The latency increase was negligible.", "The effect on p50 was negligible."]),

    R("judgmental",
      r"\b(?:r(?:eckless(?:ly|ness)?|ookie\s+(?:mistake|error)s?)"
      r"|i(?:ncompeten(?:t|ce|tly)|rresponsib(?:le|ly|ility)|diot(?:ic|s)?|nattenti(?:ve|on))"
      r"|s(?:lopp(?:y(?!\s+quorum)|iness)|tupid(?:ity|ly)?(?:\s+(?:mistake|error)s?)?|illy\s+(?:mistake|error)s?)"
      r"|clueless|la(?:ziness|zy(?!\s+(?:load|loading|loaded|loads|init|initiali[sz]ation|evaluation|evaluated|deletion"
      r"|expiry|expiration|import|mode|allocation|binding|fetch|fetching|replication|sync))"
      r"|ck\s+of\s+(?:care|diligence|judg(?:e)?ment|competence|discipline|attention\s+to\s+detail))"
      r"|boneheaded|d(?:umb\s+(?:mistake|error)s?|ropped\s+the\s+ball)|a(?:mateur\s+(?:mistake|error)s?|sleep\s+at\s+the\s+wheel)"
      r"|(?=pay)(?<=\bnot\s|n't\s|n’t\s)pay(?:ing)?\s+(?:enough\s+|close\s+)?attention)\b",
      "this judges a person's character or effort; describe the situation they were in and what would have helped",
      "the alert fired during a shift handover, and the handover checklist did not mention it",
      ["It was a rookie mistake.", "The deploy was reckless.", "The on-call was not paying attention.",
       "Sloppy work by the platform team.", "Somebody dropped the ball on the renewal.",
       "It showed a lack of diligence."],
      ["Images use lazy loading below the fold.", "Cassandra uses sloppy quorum for writes.",
       "Lazy initialization delayed the first request.", "The team paid close attention to the canary."]),

    R("be-more-careful",
      r"\b(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to|will\s+need\s+to|remind(?:ed)?\s+\S+\s+to)\s+"
      r"(?:have\s+)?be(?:en)?\s+more\s+(?:careful|cautious|vigilant|attentive|diligent)\b",
      "asking people to be more careful changes nothing; name the safeguard or tool change that makes the mistake hard",
      "add a confirmation step to the CLI for production targets",
      ["Engineers need to be more careful with production credentials.",
       "Bob should have been more careful.", "We reminded everyone to be more careful."],
      ["Be more careful with deploys", "The rollout was more careful the second time."]
      + common.vague("en")),

    R("fat-finger",
      r"\bfat[-\s]?finger(?:ed|ing|s)?\b(?![-\s]+(?:protection|guard|check|prevention|safeguard|proof))",
      "'fat-fingered' blames a person's typing; describe why the tool accepted the wrong input",
      "the CLI accepted a replica count of 0 without a confirmation prompt",
      ["Someone fat-fingered the replica count.", "A fat finger set the TTL to 0.",
       "Walter fatfingered the hostname."],
      ["Add fat-finger protection to the scaling CLI.", "The CLI now has a fat-finger guard."]
      + ACT),
]

# ======================================================================== es
ES = [
    R("por-culpa-de",
      r"\bpor\s+culpa\s+(?:de|del|suya|mía|tuya|nuestra)\b",
      "'por culpa de' presenta a una persona como culpable; describa las condiciones que permitieron el fallo",
      "la caída ocurrió porque el despliegue no tenía un paso de revisión obligatorio",
      ["La caída ocurrió por culpa de Carol.", "La caída ocurrió por culpa de Mallory.",
       "Se perdieron datos por culpa del ingeniero de guardia."],
      ["La caída ocurrió debido a un cambio de configuración sin revisar.",
       "La latencia subió por la saturación del pool de conexiones."] + P("es")[:3]),

    R("fue-culpa-de",
      r"\bculp(?<!\bpor\sculp|\bsin\sculp)"
      r"(?:a\s+(?:de|del|suya|mía|tuya|fue|es|era|la\s+tiene|la\s+tuvo|recae\s+en)\b"
      r"|(?<=\bel\sculp|\bla\sculp|\blos\sculp|\blas\sculp|\bfue\sculp|\bes\sculp|\bera\sculp|\bson\sculp"
      r"|\bfueron\sculp|\bun\sculp|\buna\sculp)ables?\b"
      r"|(?:ar|amos|ó|o|aron|an)\s+(?:a|al)\b)",
      "asignar la culpa a una persona detiene el análisis; describa qué permitió que la acción causara daño",
      "la migración se ejecutó en hora punta porque nada en el planificador lo impedía",
      ["Fue culpa de Dan.", "Es culpa del operador.", "La culpa fue de Erin.",
       "El culpable fue el ingeniero de guardia.", "Culparon al equipo de bases de datos.",
       "Frank fue el culpable.", "Fue toda culpa suya."],
      ["Practicamos una cultura sin culpa.", "No buscamos culpables sino causas.",
       "Fue un fallo del balanceador."] + P("es")[3:]),

    R("error-humano",
      r"\berror(?:es)?\s+human[oa]s?\b|\bfallos?\s+human[oa]s?\b|\bfallas?\s+humanas?\b|\bequivocaci[oó]n\s+humana\b"
      "",
      "'error humano' señala a una persona como causa; describa las condiciones que hicieron posible el error",
      "la herramienta aceptó un destino de producción sin pedir confirmación",
      ["Fue un error humano de Carol.", "Fue un error humano de Mallory.",
       "La causa raíz fue un fallo humano."],
      ["La revisión humana de las migraciones ahora es obligatoria.",
       "El error de configuración no fue detectado por las pruebas."]),

    R("deberia-haberlo-sabido",
      r"\bdeber[ií]a(?:n)?\s+haber(?:lo|la|los|las)?\s+(?:sabido|previsto)\b"
      r"|\btendr[ií]a(?:n)?\s+que\s+haber(?:lo|la)?\s+(?:sabido|previsto)\b"
      r"|\bdebi(?:ó|o|eron)\s+(?:haber(?:lo|la)?\s+sabido|saber(?:lo)?)\b"
      r"|\bdeber[ií]a(?:n)?\s+haberse\s+dado\s+cuenta\b|\bdebi(?:ó|o|eron)\s+darse\s+cuenta\b",
      "'debería haberlo sabido' juzga a una persona con la ventaja de la retrospectiva; describa qué información tenía en ese momento",
      "el panel no mostraba la profundidad de la cola, así que el riesgo no era visible durante el despliegue",
      ["Carol debería haberlo sabido antes de desplegar.",
       "Mallory debería haberlo sabido antes de desplegar.",
       "El equipo tendría que haberlo sabido.", "Debió darse cuenta del error."],
      ["Nadie podía ver la profundidad de la cola en ese momento.",
       "La alerta debería haber saltado al 80 % de uso de disco."]),

    R("descuido",
      r"\bdescuid(?:o|os|ad[oa]s?|adamente)\b|\bdespist(?:e|es|ad[oa]s?)\b",
      "'descuido' juzga a una persona; describa la salvaguarda que faltaba",
      "el comando de reversión se ejecutó sin paso de confirmación",
      ["Fue un descuido de Frank.", "Hubo un descuido del equipo de guardia.",
       "El operador fue descuidado con la reversión."],
      ["El comando de reversión se ejecutó sin paso de confirmación.",
       "El cuidado del detalle en el runbook ayudó a restaurar el servicio."]),

    R("negligencia",
      r"\bneglig(?:encia|ente|entes|entemente)\b",
      "'negligencia' es una acusación contra una persona; describa las condiciones y las salvaguardas",
      "el trabajo de copia de seguridad no tenía alerta, así que su fallo pasó inadvertido",
      ["Hubo negligencia por parte del equipo.", "El administrador actuó de forma negligente."],
      ["El impacto en la latencia fue insignificante."]),

    R("juicio-personal",
      r"\b(?:imprudente(?:s|mente)?|irresponsable(?:s|mente)?|incompeten(?:te|tes|cia)|torpeza|falta\s+de\s+(?:atención|cuidado|diligencia))\b"
      r"|\b(?:debe|deben|debería|deberían|debió|debieron|hay\s+que|tiene\s+que|tienen\s+que)\s+(?:tener|haber\s+tenido)\s+más\s+cuidado\b",
      "esto juzga el carácter o el esfuerzo de una persona; describa la situación y qué la habría ayudado",
      "la alerta saltó durante el cambio de turno y la lista de traspaso no la mencionaba",
      ["Fue una decisión imprudente.", "Hubo falta de atención durante el despliegue.",
       "Los ingenieros deben tener más cuidado con las credenciales."],
      ["Tener más cuidado", "El despliegue se hizo con cuidado y por etapas."]
      + common.vague("es")),

    R("persona-causo",
      keyed(r"(?:caus(?:ó|o|aron)|provoc(?:ó|o|aron)|ocasion(?:ó|o|aron)|romp(?:ió|io|ieron)"
            r"|(?:tir|tumb|bot)(?:ó|o|aron)\s+(?:producción|prod|el\s+servicio|la\s+base|el\s+sitio|el\s+clúster|todo))\b",
            es_back([r"\s"]), quick=r"caus|provoc|ocasion|romp|tir|tumb|bot")
      + r"|\bcausad[oa]s?\s+por\s+" + ES_SUBJ,
      "esto presenta a una persona como causa del incidente; describa el cambio y las condiciones que le permitieron causar daño",
      "el cambio de configuración se saltó la revisión porque el pipeline permitía pushes directos",
      ["Grace causó la caída al saltarse la revisión.", "@heidi rompió producción.",
       "La caída fue causada por Ivan.", "El ingeniero de guardia provocó la caída."],
      ["El despliegue causó la caída.", "Los reintentos causaron la saturación.",
       "Redis causó un pico de latencia.", "La caída fue causada por un certificado caducado.",
       "Judy restauró el servicio a las 10:42."]),

    R("persona-omision",
      keyed(r"(?:se\s+)?(?:olvid(?:ó|o)|no\s+sigui(?:ó|o)|ignor(?:ó|o)|se\s+salt(?:ó|o)|omiti(?:ó|o)"
            r"|no\s+revis(?:ó|o)|no\s+comprob(?:ó|o)|no\s+verific(?:ó|o))\b", es_back([r"\s"]),
            quick=r"se\s|olvid|no\s|ignor|omiti")
      + r"|\b(?:error|errores|equivocación|fallo|metedura\s+de\s+pata)\s+(?:fue\s+)?(?:de|del)\s+" + ES_SUBJ,
      "esto presenta el incidente como la omisión o el error de una persona; describa por qué el proceso o las herramientas no lo detectaron",
      "la lista de despliegue está en una wiki que la herramienta de despliegue no muestra",
      ["Mallory olvidó drenar el nodo.", "El ingeniero de guardia no siguió el runbook.",
       "Fue un error de Niaj.", "@olivia se saltó la revisión.", "El error fue de Ana por no revisar."],
      ["El script no drenó el nodo antes del reinicio.", "Fue un error de configuración.",
       "El fallo del balanceador duró diez minutos.", "Fue un error de Redis al reescribir el AOF."]),
]

# ======================================================================== ja
JA_PERSON_WORDS = ["さん", "氏", "君", "くん", "様", "ちゃん", "担当者", "作業者", "実施者", "オペレーター", "オペレータ",
                   "エンジニア", "開発者", "運用者", "当番", "オンコール", "オンコール担当", "新人", "管理者", "レビュアー",
                   "レビュワー"]
JA_PERSONISH = "(?<=" + "|".join(JA_PERSON_WORDS + [r"[\p{Latin}\d_]"]) + ")"
JA = [
    R("human-error",
      r"人(?:為的?|的)な?(?:ミス|エラー|過誤|誤り|過失|要因)|人為ミス|ヒューマン[・\s]?(?:エラー|ミス)",
      "「人為的ミス」は人を原因とみなし分析を止めてしまう；ミスを起こしやすくした条件（ガードレールの欠如、分かりにくい手順書など）を記述する",
      "本番環境を対象にしたコマンドが確認なしで実行できた",
      ["人為的ミスが原因である。", "今回の障害は人的ミスによるものだった。",
       "ヒューマンエラーにより設定が上書きされた。", "人為的なミスで障害が発生した。"],
      ["マイグレーションの人手によるレビューを必須にした。",
       "手順書にはどのクラスタをドレインするか書かれていなかった。"] + P("ja")[:3]),

    R("person-mistake",
      r"(?=の)" + JA_PERSONISH + r"の(?:ミス|過失|手違い|誤操作|凡ミス|ケアレスミス|判断ミス|操作ミス|作業ミス|設定ミス"
      r"|確認(?:漏れ|もれ|不足|ミス)(?!が(?:原因|きっかけ)|による|により|のため|のせい|で))",
      "個人のミスを原因として書いている；そのミスがなぜシステムで検知・防止されなかったかを記述する",
      "設定値の範囲チェックがなく、レビューでも検出されなかった",
      ["Carolさんのミスが原因で障害が発生した。", "Malloryさんのミスが原因で障害が発生した。",
       "担当者の操作ミスで DB が停止した。", "@aliceの誤操作が原因だった。", "田中さんの判断ミスだった。"],
      ["設定ファイルの記述ミスがレビューで検出されなかった。",
       "Aliceさんが最初にエラー率の上昇に気づいた。", "ミスを防ぐ仕組みとして確認ダイアログを追加した。"]
      + P("ja")[3:]),

    R("careless",
      r"不注意|怠慢|落ち度|うっかり|軽率|不手際|注意(?:力)?不足|注意散漫",
      "「不注意」は人を評価する言葉；ミスを起こしやすくした欠けていた安全策を記述する",
      "ロールバックコマンドに確認ステップがなかった",
      ["担当者の不注意により設定が誤っていた。", "作業者の怠慢が原因である。",
       "うっかり本番環境でコマンドを実行した。", "オンコール担当の注意不足だった。"],
      ["もっと注意する", "手順書の注意事項を更新した。", "注意喚起のバナーを表示する。"]
      + common.vague("ja")),

    R("oversight-as-cause",
      r"確認(?:漏れ|もれ|不足|ミス)(?:が(?:原因|きっかけ)|による|により|のため|のせい|で)",
      "「確認漏れが原因」は個人の見落としを原因としている；なぜ確認がシステムで担保されていなかったかを記述する",
      "デプロイ前チェックが手作業で、ツールによる検証がなかった",
      ["Carolさんの確認漏れが原因である。", "Malloryさんの確認漏れが原因である。",
       "リリース前の確認不足により障害が発生した。"],
      ["確認漏れを防ぐためにチェックリストを自動化した。", "確認手順をデプロイツールに組み込んだ。"]),

    R("no-sei",
      r"のせい(?!に(?:しない|せず|はしない))(?!(?:では|じゃ|でも)な)",
      "「〜のせい」は責任を押し付ける表現；何が起きたか、どの条件が影響したかを記述する",
      "証明書の期限切れを検知するアラートがなかった",
      ["Daveさんのせいで障害が長引いた。", "運用チームのせいだ。"],
      ["誰のせいでもない。", "個人のせいにしない文化を大切にしている。"]),

    R("should-have-known",
      r"(?:知って|わかって|分かって)(?:おく|いる)べきだった|(?:気(?:づ|付)|察す)(?:く|る)べきだった"
      r"|気(?:づ|付)いて(?:いる|おく)べきだった|(?:確認|チェック|テスト)(?:す|して(?:おく|いる))べきだった",
      "「〜すべきだった」は後知恵で人を評価している；その時点でどんな情報が見えていたかを記述する",
      "ダッシュボードにキュー長が表示されておらず、デプロイ中にリスクが見えなかった",
      ["Ericさんは金曜日のデプロイの危険を知っておくべきだった。", "担当者が気づくべきだった。",
       "デプロイ前に確認すべきだった。"],
      ["アラートがキュー長の増加を検知できるようにした。"]),

    R("person-action",
      keyed(r"が(?:誤って|確認せずに|確認を怠(?:り|って)|手順を無視して|手順に従わず|レビューを飛ばして|勝手に)",
            cjk_back([""], roles=JA_PERSON_WORDS), prefix="")
      + r"|を怠(?:った|り|って)",
      "個人の行動を原因として書いている；なぜその行動が可能だったか、なぜ検知されなかったかを記述する",
      "本番環境への直接の変更がツールで制限されていなかった",
      ["Frankさんが誤って本番DBを削除した。", "担当者が手順を無視して作業した。",
       "事前の確認を怠った。"],
      ["スクリプトが誤った設定を読み込んだ。", "Graceさんがロールバックを実施した。"]),
]

# ======================================================================== zh
ZH = [
    R("human-error",
      r"人为(?:的)?(?:错误|失误|因素|疏忽|过失|差错|原因|操作失误|误操作)|人工(?:失误|错误)|人员失误",
      "“人为错误”把人当作原因并终止了分析；请描述让这一步出错的条件（缺少防护、手册不清楚等）",
      "命令行工具在未确认的情况下接受了生产环境目标",
      ["这是人为错误。", "故障原因是人为失误。", "由于人为因素导致配置丢失。"],
      ["迁移现在需要人工审核。", "运行手册没有说明应排空哪个集群。"] + P("zh")[:3]),

    R("person-mistake",
      r"(?:的|之)(?:失误|疏忽(?!大意)|过错|过失|失职|误操作|操作失误|错误操作)|(?:的|之)疏忽大意",
      "这把个人的失误写成了原因；请描述系统为什么没有发现或阻止这个失误",
      "配置值没有范围校验，评审也没有发现",
      ["由于Carol的失误导致了这次故障。", "由于Mallory的失误导致了这次故障。",
       "Carol的疏忽造成了这次事故。", "Mallory的疏忽造成了这次事故。",
       "值班工程师的误操作导致数据库宕机。", "这是运维人员的过错。"],
      ["配置模板中的错误没有被发现。", "Alice 最先注意到错误率上升。",
       "增加确认对话框以防止误操作。"] + P("zh")[3:]),

    R("careless",
      r"粗心|马虎|不小心|掉以轻心|玩忽职守|不负责任|不认真|(?<![的之])疏忽大意|注意力不集中",
      "“粗心”是对人的评价；请描述缺少了哪种防护措施使这个失误成为可能",
      "回滚命令没有确认步骤",
      ["工程师太粗心了。", "Bob不小心删除了生产数据库。", "值班人员掉以轻心。"],
      ["更加小心", "部署过程谨慎地分阶段进行。"] + common.vague("zh")),

    R("blame-verb",
      r"怪罪|责怪|甩锅|背锅|(?:都|只能|要|就)怪|(?<![奇古难作妖鬼见责])怪(?:在)?\s*(?:" + CJK_PERSON
      + r"|他|她|你|值班|运维|开发|工程师|操作员|同事|新人|负责人)"
      r"|(?:归咎于|归罪于)\s*(?:" + CJK_PERSON + r"|他|她|值班|运维|开发|工程师|操作员|同事|新人|负责人)",
      "把责任推给某个人会让大家隐瞒问题；请描述事件经过和相关条件",
      "回滚花了 40 分钟，因为运行手册没有覆盖这个服务",
      ["这次都怪Dan。", "大家开始责怪值班工程师。", "大家都在怪他。", "故障被归咎于值班工程师。"],
      ["奇怪的是，告警没有触发。", "难怪延迟这么高：连接池已满。", "故障被归咎于一次配置变更。"]),

    R("should-have-known",
      r"(?:本应|本应该|本该|早该|早就?应该|理应|应当早)(?:就)?(?:知道|意识到|注意到|想到|清楚)",
      "“本应知道”是事后诸葛亮式的评判；请描述当时能看到哪些信息",
      "仪表盘没有显示队列深度，因此部署期间看不到风险",
      ["Frank本应知道周五不能部署。", "值班人员早该意识到问题。"],
      ["监控现在会在队列深度上升时告警。"]),

    R("person-caused",
      keyed(r"(?:导致|造成|引起|引发|搞挂|弄挂|搞坏|搞砸|弄坏|搞崩)",
            cjk_back(["", r"\s"], extra=[r"(?<!其)他", r"(?<!其)她"]), prefix=""),
      "这把某个人写成了故障原因；请描述变更本身以及让它造成损害的条件",
      "配置变更跳过了评审，因为流水线允许直接推送",
      ["Grace导致了这次故障。", "@heidi 搞挂了生产环境。", "他造成了数据丢失。"],
      ["Redis导致了延迟飙升。", "重试风暴导致了这次故障。", "其他服务也受到影响。",
       "Kubernetes 引起了 Pod 驱逐。"]),
]

# ======================================================================== ko
KO = [
    R("human-error",
      r"인적\s*(?:오류|실수|에러|과실|요인)|휴먼\s*(?:에러|오류|미스|실수)|사람의\s*실수|사람\s*실수",
      "'인적 오류'는 사람을 원인으로 지목하고 분석을 멈추게 한다; 실수를 가능하게 한 조건(안전장치 부재, 불명확한 런북 등)을 기술한다",
      "CLI가 확인 없이 프로덕션 대상을 허용했다",
      ["원인은 인적 오류였다.", "휴먼 에러로 설정이 덮어써졌다.", "사람의 실수로 장애가 발생했다."],
      ["마이그레이션은 이제 사람의 검토가 필수다.", "런북에 어떤 클러스터를 비워야 하는지 적혀 있지 않았다."]
      + P("ko")[:3]),

    R("person-mistake",
      r"(?<!사람|회|주|정|합|논|동|문|협|결|무)의\s*(?:실수|잘못(?!된|되)|과실|착오)",
      "개인의 실수를 원인으로 쓰고 있다; 시스템이 왜 그 실수를 잡거나 막지 못했는지 기술한다",
      "설정값 범위 검사가 없었고 리뷰에서도 발견되지 않았다",
      ["Carol의 실수로 장애가 발생했다.", "Mallory의 실수로 장애가 발생했다.",
       "이번 장애는 Carol의 잘못이다.", "이번 장애는 Mallory의 잘못이다.",
       "담당자의 실수였다."],
      ["설정 파일의 잘못된 값이 리뷰에서 발견되지 않았다.", "회의 실수 방지 체크리스트를 만들었다.", "Alice가 처음으로 오류율 상승을 알아챘다.",
       "실수를 방지하기 위해 확인 대화상자를 추가했다."] + P("ko")[3:]),

    R("careless",
      r"부주의|태만|불찰|경솔|무책임|방심|안일|소홀",
      "'부주의'는 사람에 대한 평가다; 실수를 가능하게 한 빠진 안전장치를 기술한다",
      "롤백 명령에 확인 단계가 없었다",
      ["담당자의 부주의로 설정이 잘못되었다.", "운영자의 방심이 원인이다.", "관리 소홀로 인증서가 만료되었다."],
      ["더 주의하기", "주의 사항을 런북에 추가했다."] + common.vague("ko")),

    R("tat",
      r"탓(?!도\s*(?:아니|없))(?!하지\s*(?:않|말))",
      "'~탓'은 책임을 사람에게 돌린다; 무슨 일이 있었고 어떤 조건이 영향을 주었는지 기술한다",
      "인증서 만료를 감지하는 알림이 없었다",
      ["이번 장애는 Dan 탓이다.", "운영팀 탓으로 돌렸다."],
      ["누구의 탓도 아니다.", "개인을 탓하지 않는다."]),

    R("should-have-known",
      r"알았어야|알고\s*있었어야|눈치챘어야|파악했어야|확인했어야\s*했",
      "'알았어야 했다'는 사후 판단으로 사람을 평가한다; 당시 어떤 정보가 보였는지 기술한다",
      "대시보드에 큐 길이가 표시되지 않아 배포 중 위험이 보이지 않았다",
      ["Erin은 금요일 배포가 위험하다는 것을 알았어야 했다.", "배포 전에 확인했어야 했다."],
      ["이제 큐 길이가 증가하면 알림이 울린다."]),

    R("person-action",
      keyed(r"(?:님|씨)?(?:이|가)\s*(?:실수로|깜빡(?:하고)?|확인\s*없이|절차를\s*무시하고|리뷰\s*없이"
            r"|(?:장애|사고|문제|오류|이슈|중단)(?:를|을)\s*(?:일으켰|유발했|초래했|냈|발생시켰))",
            cjk_back(["", r"\s"], roles=["담당자", "작업자", "운영자", "엔지니어", "개발자", "관리자"]), prefix=""),
      "개인의 행동을 원인으로 쓰고 있다; 왜 그 행동이 가능했고 왜 감지되지 않았는지 기술한다",
      "프로덕션 직접 변경이 도구로 제한되어 있지 않았다",
      ["Frank가 실수로 프로덕션 DB를 삭제했다.", "담당자가 확인 없이 배포했다.", "Grace가 장애를 일으켰다."],
      ["스크립트가 잘못된 설정을 읽었다.", "Heidi가 롤백을 수행했다.", "Redis가 장애를 일으켰다."]),
]

# Prefilters (postmortem-rules(5)): for each rule, words of which every match of the rule's pattern
# contains one.  The linter scans a paragraph once for the words of all prefilters of a pack and
# runs a rule's full pattern only when one of its words is there, so a prefilter must never be
# stricter than the pattern ('postmortem rules --test' checks that every bad example passes it).
# Keep them to plain words joined by '|' (no spaces, no regex): then the scan is a byte search.
# A word common in incident prose ("error") costs the full pattern on most paragraphs; prefer the
# rarer word of the phrase ("operator" for "operator error").
EN_PREFILTER = {
    "human-error": "human",
    "operator-error": "operator|pilot|engineer|developer|admin|pebkac|pebcak|id10|id-10|layer",
    "person-caused": "caused|broke|crashed|took|brought|knocked|messed|screwed|fouled|botched|borked|blew"
                     "|nuked|tanked",
    "person-accidentally": "accidentally|inadvertently|mistakenly|unintentionally|erroneously",
    "caused-by-person": "caused",
    "person-fault": "fault",
    "person-at-fault": "fault|blame|culprit|cause|responsible",
    "person-mistake": "mistake|blunder|slip|typo|oversight|screw",
    "person-made-mistake": "made|makes",
    "blamed-on": "blam|finger",
    "should-have-known": "should|ought",
    "person-should-have": "should",
    "person-omission": "forgot|neglected|failed|omitted|didn|did|never|chose|refused|ignored|skipped|bypassed"
                       "|disregarded|circumvented|overrode",
    "careless": "careless",
    "negligence": "negligen",
    "judgmental": "reckless|rookie|incompeten|irresponsib|idiot|inattenti|slopp|stupid|silly|clueless|lazi|lazy"
                  "|lack|boneheaded|dumb|dropped|amateur|asleep|pay",
    "be-more-careful": "careful|cautious|vigilant|attentive|diligent",
    "fat-finger": "fat",
}
for _r in EN:
    _r["prefilter"] = EN_PREFILTER.get(_r["id"])

BLAMELESS = {"en": EN, "es": ES, "ja": JA, "zh": ZH, "ko": KO}
