"""Regex building blocks shared by several rules (expanded into the YAML, since the pack
format has no macros). PCRE2 10.42: lookbehinds must have fixed-length top-level branches."""


def lb_words(words, trailing=r"\s"):
    """A negative lookbehind: none of the words (each \\b-prefixed) right before here."""
    return "(?<!" + "|".join(r"\b" + w + trailing for w in words) + ")"


def lb_words_end(words):
    """A negative lookbehind used right after a consumed word: the word is not one of these."""
    return "(?<!" + "|".join(r"\b" + w for w in words) + ")"


# ---------------------------------------------------------------- English person / role
# Words that a sentence can start with, or that precede a noun, and are never a name.
EN_DET_BEFORE = ["the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his",
                 "her", "my", "your", "no", "each", "every", "any", "some", "which", "whose",
                 "of", "to", "in", "at", "from", "with", "into", "onto", "via", "for", "per",
                 "new", "old", "upstream", "downstream", "latest", "stock", "vanilla", "managed",
                 "hosted", "self-hosted", "patched", "outdated", "bundled"]

EN_NOT_NAMES = sorted(set("""
The This That These Those A An Our Their Its It His Her My Your We They You Each Every Any Some
No None One Both All Another Other Such Which What Who Whose Whom Whoever Whatever When Where
While Why How If Because Since After Before Then Also Only Later Eventually Ultimately Finally
Initially Again Instead Meanwhile However Unfortunately Apparently Subsequently Accidentally
Suddenly Still Yet Thus Hence Therefore Together Overall Nothing Everything Something Anything
Nobody There Here Neither Either Most Many Much Few Several Half Just Even Now Today Yesterday
Tonight Tomorrow Last Next First Second Third Earlier Once Soon Never Always Often Sometimes And
But Or So Not Simply Partly Mainly Mostly Largely Primarily Probably Possibly Likely Clearly
Obviously Presumably Essentially Basically Similarly Likewise Additionally Furthermore Moreover
Previously Recently Consequently Ironically Luckily Fortunately Thankfully Interestingly Notably
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Weekend Nightly Daily Weekly
Traffic Load Latency Memory Disk Network Cache Deploy Rollout Rollback Release Change Update
Upgrade Migration Config Failover Restart Reboot Outage Incident Alert Timeout Error Bug
Regression Code Script Job Cron Build Test Automation Tooling Backpressure Contention Saturation
Congestion Growth Demand Churn Corruption Expiry Clock Skew Drift Fragmentation Leak Spike Surge
Burst Storm Flood Overload Throttle Quota Limit Capacity Replication Lag Replica Replicas Primary
Leader Follower Master Node Pod Host Server Client Service Worker Queue Topic Partition Shard
Index Query Request Response Packet Certificate Cert Token Key Secret Flag Feature Toggle
Firewall Proxy Router Switch Balancer Gateway Cluster Region Zone Datacenter Database Storage
Volume Bucket Schema Table Row Lock Deadlock Transaction Patch Hotfix Commit Merge Branch
Pipeline Runner Agent Daemon Process Thread Kernel Firmware Hardware Software Vendor Provider
Upstream Downstream Dependency Library Package Image Container Backup Restore Snapshot Failback
Cutover Switchover Maintenance Typo Mistake Power Cooling Fire Weather Heat Access Progress
Success Status Stress Analysis Basis Emails Files Rules Tables Roles Modules Bundles Machines
Zones Lines Pipelines Engines Names Times Volumes Frames Stores Cores Shares Repos Typos Demos
Ratios Quotas Schemas Lambdas Mutex Auth Login Signup Checkout Search Catalog Billing Payment
Payments Ledger Email Identity Metrics Logging Logs Dashboard Panel Canary Probe Healthcheck
Autoscaler Scheduler Controller Operator Webhook Cronjob Linter Compiler Runtime Garbage
Kubernetes Docker Redis Postgres Postgresql Mysql Mongo Mongodb Kafka Nginx Envoy Istio Linkerd
Terraform Ansible Puppet Chef Salt Jenkins Consul Vault Nomad Helm Argo Spinnaker Renovate
Dependabot Elasticsearch Opensearch Zookeeper Etcd Celery Sidekiq Rails Django Flask Spring
Hibernate Linux Ubuntu Debian Windows Java Python Node Golang Rust Chrome Firefox Safari Android
Prometheus Grafana Datadog Splunk Sentry Loki Jaeger Thanos Cloudflare Fastly Akamai Azure
Google Amazon Microsoft Apple Oracle Spark Hadoop Cassandra Memcached Varnish Haproxy Traefik
Calico Cilium Containerd Systemd Bash Lambda Heroku Vercel Netlify Stripe Twilio Okta Slack Zoom
Jira Confluence Pagerduty Opsgenie Bigquery Snowflake Airflow Rabbitmq Pulsar Kinesis Dynamo
Dynamodb Cockroach Vitess Ceph Minio Glibc Openssl Letsencrypt Certbot Pgbouncer Patroni
Sentinel Keepalived Pacemaker Unbound Coredns Kubelet Karpenter Cloudwatch Tomcat Jetty Gunicorn
Puma Unicorn Php Perl Git Github Gitlab Bitbucket Buildkite Artifactory Nexus Npm Pip Maven
Gradle Bazel Webpack React Angular Kibana Logstash Fluentd Telegraf Honeycomb Newrelic Dynatrace
Zabbix Nagios Icinga Pingdom Statuspage Ingress Egress
Flux Harbor Velero Keda Longhorn Rook Strimzi Confluent Debezium Cloudfront Tempo Cortex Mimir
Alertmanager Promtail Fluentbit Vector Packer Vagrant Crossplane Pulumi Saltstack Rundeck Octopus
Teamcity Bamboo Circleci Drone Tekton Gerrit Sonarqube Quay Spanner Bigtable Firestore Firebase
Supabase Planetscale Redshift Glue Elasticache Memorystore Dataflow Pubsub Eventbridge Fargate
Beanstalk Cloudformation Imperva Zscaler Crowdstrike Sophos Defender Intune Jamf Workday Salesforce
Zendesk Hubspot Segment Mixpanel Amplitude Braze Sendgrid Mailgun Mailchimp Postmark Plaid Adyen
Braintree Paypal Shopify Magento Wordpress Drupal Electron Flutter Xcode Cocoapods Homebrew Centos
Fedora Alpine Busybox Musl Journald Rsyslog Logrotate Qemu Vmware Vsphere Proxmox Openstack Neutron
Cinder Swift Gluster Netapp Veeam Backblaze Hetzner Linode Vultr Digitalocean Render Railway Alcide
Kiam Kops Kubeadm Minikube Rancher Openshift Anthos Gke Eks Aks Azure Heap Bandwidth Jitter Retry
Backoff Batch Cleanup Compaction Vacuum Autovacuum Reindex Rebalance Drain Cordon Leader Election
Quorum Split Spam Abuse Bot Crawler Scraper Attack Exploit Malware Ransomware Gc Cpu Ram Ssd Hdd
Nic Vpn Vpc Nat Dhcp Ntp Ldap Sso Saml Oauth Jwt Cors Csrf Xss Sql Nosql Api Sdk Cli Ui Ux Cdn Dns
Tls Ssl Http Https Tcp Udp Ip Ipv6 Bgp Ospf Smtp Imap Ssh Ftp Nfs Iscsi Raid Zfs Ext4 Xfs Btrfs
Run Bus Door Hub Engine Manager Center Registry Store Functions Pages Actions Workers Cloud
""".split()))

# Suffixes of common nouns (plurals, abstract nouns) that first names rarely have.
EN_NOUN_SUFFIXES = ["ies", "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ure", "ures",
                    "ers", "ors", "ics", "ism", "isms", "ages", "ches", "shes", "xes", "sses",
                    "ases", "nses", "eases", "ces", "ges", "tes", "des", "ves", "ues", "pes", "kes",
                    "zes", "bes", "bs", "cs", "ds", "fs", "gs", "hs", "ks", "ls", "ms", "ns", "ps",
                    "rs", "ts", "ws", "ys", "ility", "ivity", "ency", r"\p{L}{3}ing", r"\p{L}{3}ings"]

NAME_CORE = r"(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
EN_NAME = NAME_CORE + r"\b"

# A person: an @handle, or a capitalized word that is no determiner, common noun or system.
EN_PERSON = ("(?:(?<![\\w.@/])@[a-z0-9][\\w.-]*(?<![.-])(?![\\w-])"
             "|(?-i:(?=\\p{Lu}))(?<![\\w.@'’/-])" + lb_words(EN_DET_BEFORE)
             + "(?!(?:" + "|".join(EN_NOT_NAMES) + ")\\b)"
             + "(?!\\p{L}*(?:" + "|".join(EN_NOUN_SUFFIXES) + ")\\b)" + EN_NAME + ")")

# A person named by role (the on-call engineer, a developer, someone).
EN_ROLE = (r"(?:\b(?:(?:the|an?|our|one|that|this|some|his|her)\s+)?"
           r"(?:(?:junior|senior|new|responsible|human|on-?call|release|deploy(?:ment)?|database"
           r"|site\s+reliability|support|network|infra(?:structure)?|platform|backend|frontend|ops"
           r"|devops|qa|primary|secondary)\s+)?"
           r"(?:engineer|developer|dev|sysadmin|admin|administrator|dba|sre|intern|contractor"
           r"|employee|teammate|team\s+member|hire|person|deployer|coworker|co-worker|colleague"
           r"|on-?caller|on-?call|human\s+operator|reviewer|approver|author|committer|requester)s?\b|\b(?:someone|somebody|he|she)\b)")

EN_SUBJ = "(?:" + EN_PERSON + "|" + EN_ROLE + ")"

EN_ADV = (r"(?:(?:accidentally|inadvertently|mistakenly|carelessly|unintentionally|ultimately"
          r"|single-?handedly|then|also|essentially|effectively|directly|basically|apparently"
          r"|simply|just|clearly|probably)\s+)?")

EN_DOWN_OBJ = (r"(?:prod(?:uction)?|everything|staging|(?:the\s+|our\s+)?(?:[\w-]+\s+)?"
               r"(?:site|service|cluster|database|db|api|app|website|fleet|region|primary|nodes?"
               r"|servers?|platform|gateway|backend|frontend)\b|\w+-[\w-]+)")

EN_CAUSE_VERB = (r"(?:caused\b"
                 r"|broke\b(?!\s+(?:down|glass|the\s+glass|ground|the\s+news|off|out|even|it\s+down|them\s+down|up\s+the))"
                 r"|crashed\s+(?:prod(?:uction)?|the|it|everything)\b"
                 r"|(?:took|brought|knocked)\s+(?:down|out|over)\s+" + EN_DOWN_OBJ +
                 r"|(?:took|brought|knocked)\s+(?:prod(?:uction)?|the\s+site|everything|it)\s+(?:down|out|over)\b"
                 r"|(?:messed|screwed|fouled)\s+up\b|botched\b|borked\b|blew\s+up\b|nuked\b|tanked\b)")

EN_AT_FAULT = (r"(?:is|was|were|are)\s+(?:(?:partly|largely|mostly|entirely|solely|clearly|directly|personally"
               r"|primarily|ultimately)\s+)?(?:at\s+fault\b|to\s+blame\b|the\s+(?:culprit|(?:root\s+)?cause)\b"
               r"|responsible\s+for\s+(?:the|this|that|an?|our)\s+(?:[\w-]+\s+)?(?:outage|incident|failure"
               r"|breakage|downtime|bug|regression|mistake|error|problem|issue|data\s+loss)\b"
               r"(?!\s+(?:review|report|follow-?up|response|call|channel|doc|retro|ticket)))")

# ---------------------------------------------------------------- Latin names in other locales
# Spanish: determiners, sentence starters, common nouns and systems are not names.
ES_NOT_NAMES = sorted(set("""
El La Los Las Un Una Unos Unas Este Esta Estos Estas Ese Esa Esos Esas Eso Esto Aquel Aquella
Nuestro Nuestra Nuestros Nuestras Su Sus Mi Mis Tu Tus Cada Todo Toda Todos Todas Ningún Ninguna
Nadie Algo Nada Se Lo Le Les Que Qué Quien Quién Cual Cuál Cuando Donde Como También Luego
Después Antes Finalmente Entonces Además Sin Con Por Para Ya No Así Aquí Hoy Ayer Mañana Otro
Otra Otros Otras Ambos Varios Varias Muchos Muchas Pocos Algunos Algunas Inicialmente
Posteriormente Lamentablemente Probablemente Solo Sólo Primero Luego Pero Aunque Porque Mientras
Tráfico Carga Latencia Memoria Disco Red Caché Cache Despliegue Cambio Actualización Migración
Configuración Reinicio Alerta Alertas Error Errores Fallo Fallos Falla Fallas Bug Regresión Código
Script Tarea Prueba Pruebas Reintentos Cliente Clientes Servicio Servicios Servidor Servidores
Nodo Nodos Base Certificado Dependencia Proveedor Consulta Consultas Petición Peticiones Solicitud
Cola Réplica Capacidad Saturación Congestión Rollback Reversión Parche Versión Contenedor
Contenedores Paquete Proceso Procesos Usuario Usuarios Equipo Sistema Sistemas Balanceador
""".split()))

SYSTEMS = sorted(set("""
Kubernetes Docker Redis Postgres Postgresql Mysql Mongo Mongodb Kafka Nginx Envoy Istio Linkerd
Terraform Ansible Puppet Chef Salt Jenkins Consul Vault Nomad Helm Argo Spinnaker Renovate
Elasticsearch Opensearch Zookeeper Etcd Celery Sidekiq Rails Django Linux Ubuntu Debian Windows
Java Python Node Golang Rust Chrome Firefox Safari Android Prometheus Grafana Datadog Splunk
Sentry Cloudflare Fastly Akamai Azure Google Amazon Microsoft Apple Oracle Spark Hadoop Cassandra
Memcached Varnish Haproxy Traefik Calico Cilium Containerd Systemd Lambda Heroku Stripe Twilio
Okta Slack Jira Pagerduty Airflow Rabbitmq Pulsar Kinesis Dynamo Ceph Minio Openssl Kubelet
Tomcat Git Github Gitlab Npm Maven Gradle Bazel Kibana Logstash Fluentd Ingress Canary Rollback
Deploy Release Cache Traffic Config Checkout Billing Payments Search Catalog Auth Ledger Identity
""".split()))

ES_PERSON = ("(?:(?<![\\w.@/])@[a-z0-9][\\w.-]*(?<![.-])(?![\\w-])"
             "|(?-i:(?=\\p{Lu}))(?<![\\w.@'’/-])"
             + "(?!(?:" + "|".join(sorted(set(ES_NOT_NAMES) | set(SYSTEMS))) + ")\\b)"
             + "(?!\\p{L}*(?:ción|ciones|sión|siones|miento|mientos|dad|dades|aje|ajes|ios|ias|entos|entes|tas|das|cas)\\b)"
             + EN_NAME + ")")

ES_ROLE = (r"(?:\b(?:(?:el|la|un|una|nuestr[oa])\s+)?(?:ingenier[oa]|operador(?:a)?|desarrollador(?:a)?"
           r"|administrador(?:a)?|técnic[oa]|becari[oa]|responsable|compañer[oa]|persona)"
           r"(?:\s+de\s+guardia)?\b|\balguien\b|\bde\s+guardia\b)")

ES_SUBJ = "(?:" + ES_PERSON + "|" + ES_ROLE + ")"

# CJK locales: a Latin-script name or an @handle (CJK names cannot be told from other words).
CJK_PERSON = ("(?:(?<![\\p{Latin}\\d_.@/])@[a-z0-9][a-z0-9_.-]*(?<![.-])"
              "|(?<![\\p{Latin}\\d_.@'’/-])(?!(?:" + "|".join(SYSTEMS) + ")(?!\\p{Latin}))"
              + NAME_CORE + "(?![\\p{Latin}\\d_]))")


# ---------------------------------------------------------------- subject as a lookbehind
# PCRE2 10.42 allows only fixed-length lookbehind branches, so a subject before a keyword is
# checked by one branch per name length (2..20 letters), per handle length and per role word.
# A rule keyed on its keyword is fast: the expensive subject check runs only where the keyword is.

# (kept short: PCRE2 limits how complex the lookbehinds of one pattern may be)
EN_DET_BACK = ["the", "a", "an", "this", "that", "our", "its", "to", "of", "in", "by", "not", "n't", "n’t"]

EN_ROLE_WORDS = ["engineers?", "developers?", "devs?", "sysadmins?", "admins?", "administrators?", "dbas?",
                 "sres?", "interns?", "contractors?", "employees?", "teammates?", r"team\smembers?",
                 r"new\shires?", "person", "deployers?", "coworkers?", "co-workers?", "colleagues?",
                 "on-callers?", "oncallers?", "on-call", "oncall", r"human\soperators?", "reviewers?",
                 "approvers?", "authors?", "committers?", "requesters?", "someone", "somebody", "he", "she"]


def _expand_opt_s(word):
    """'engineers?' -> ['engineer', 'engineers'] (a lookbehind branch must be fixed-length)."""
    if word.endswith("s?"):
        return [word[:-2], word[:-2] + "s"]
    return [word]


def _suffix_len(sfx):
    return len(sfx.replace(r"\p{L}{3}", "xxx"))


def back_subject(tails, not_names, suffixes, dets, roles, extra=(), handles=True, cjk=False, maxlen=20):
    """A positive lookbehind: right before here is a subject (name, @handle or role) followed by
    one of the fixed-length tails."""
    branches = []
    det_lb = ("(?<!" + "|".join((r"\b" if not cjk else "") + d + r"\s" for d in dets) + ")") if dets else ""
    before = r"(?<![\p{Latin}\d_.@'’/-])" if cjk else r"(?<![\w.@'’/-])"
    for n in range(1, maxlen):
        excl = [w for w in not_names if len(w) == n + 1]
        sfx = [x for x in suffixes if _suffix_len(x) <= n + 1]
        after = r"(?![\p{Latin}\d_])" if cjk else ""
        # the name is exactly n+1 letters: it is none of the excluded words of that length and
        # does not end in a noun suffix (both checked by lookaheads, which PCRE2 does not count
        # against its lookbehind complexity limit)
        sfx_la = ("(?!\\p{L}{%d}(?:" % 0 + "|".join(sfx) + "))") if False else ""
        groups = {}
        for x in sfx:
            groups.setdefault(_suffix_len(x), []).append(x)
        sfx_la = "".join("(?!\\p{L}{%d}(?:%s))" % (n + 1 - m, "|".join(xs)) if n + 1 - m > 0 else
                         "(?!(?:%s))" % "|".join(xs) for m, xs in sorted(groups.items()))
        b = (before + det_lb + ("(?!" + "|".join(excl) + ")" if excl else "") + sfx_la
             + (r"(?-i:\p{Lu}\p{Ll}{%d})" % n if n > 1 else r"(?-i:\p{Lu}\p{Ll})")) + after
        for t in tails:
            branches.append(b + t)
    if handles:
        hb = r"(?<![\p{Latin}\d_.@/])" if cjk else r"(?<![\w.@/])"
        hc = r"[a-z0-9_]" if cjk else r"\w"
        hm = r"[a-z0-9_.-]" if cjk else r"[\w.-]"
        for k in range(0, 39):
            h = hb + "@" + hc + ((hm + ("{%d}" % (k - 1) if k > 1 else "") + hc) if k >= 1 else "")
            for t in tails:
                branches.append(h + t)
    for r in roles:
        for w in _expand_opt_s(r):
            for t in tails:
                branches.append((r"\b" if not cjk else "") + w + t)
    for e in extra:
        for t in tails:
            branches.append(e + t)
    return "(?<=" + "|".join(branches) + ")"


def en_back(tails, extra=()):
    return back_subject(tails, EN_NOT_NAMES, EN_NOUN_SUFFIXES, EN_DET_BACK, EN_ROLE_WORDS, extra)


ES_ROLE_WORDS = [r"ingenier[oa]", r"ingenier[oa]s", r"operador", "operadora", r"desarrollador", "desarrolladora",
                 "administrador", "administradora", r"técnic[oa]", r"becari[oa]", "responsable",
                 r"compañer[oa]", r"de\sguardia", "alguien", "persona"]
ES_SUFFIXES = ["ción", "ciones", "sión", "siones", "miento", "mientos", "dad", "dades", "aje", "ajes", "ios",
               "ias", "entos", "entes", "tas", "das", "cas"]
ES_DET_BACK = ["el", "la", "los", "las", "un", "una", "del", "al", "de", "a", "en", "con", "este", "esta",
               "ese", "esa", "su", "sus", "nuestro", "nuestra", "no"]


def es_back(tails):
    return back_subject(tails, sorted(set(ES_NOT_NAMES) | set(SYSTEMS)), ES_SUFFIXES, ES_DET_BACK,
                        ES_ROLE_WORDS)


def cjk_back(tails, roles=(), extra=()):
    return back_subject(tails, SYSTEMS, [], [], roles, extra, cjk=True)
