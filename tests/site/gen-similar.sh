#!/bin/sh
# gen-similar.sh OUT COUNT [SEED]: a corpus for the similarity tests
# and the 10,000-report benchmark, made from nothing outside this file.
#
# Each report is an incident of one component (Redis, Envoy, etcd...)
# failing in one way (memory exhaustion, certificate expiry...).  About
# a third of the reports are planted recurring groups: 2 to 5 incidents
# of the same component and failure, each 2 to 26 weeks after the one
# before, written with different wording (title, sentence variants and
# order, numbers, services field present or not).  Every other report
# is its own component and failure (unique while there are unused
# pairs): many share the component, or the failure, with a group,
# and every report carries generic filler (kubernetes, outage, error,
# customers, on-call).
#
# Writes OUT/reports/gen-NNNNN.md and OUT/truth, one "ID GROUP" a line
# (GROUP "-" for a report planted alone).  Deterministic: a
# Park-Miller generator seeded with SEED (default 1), no awk rand().
set -eu
out=$1
count=$2
seed=${3:-1}
mkdir -p "$out/reports"

# Components: name | words that come with it.
comps='Redis|maxmemory,keyspace,sentinel,replica
Envoy|sidecar,listener,upstream cluster,route table
etcd|raft,quorum,compaction,leader
S3|bucket,object,multipart upload,prefix
Kafka|broker,partition,consumer group,offset
PostgreSQL|autovacuum,WAL,replica,connection slot
MySQL|binlog,InnoDB,replica,table lock
Elasticsearch|shard,index,heap,master node
nginx|worker process,upstream,keepalive,config reload
HAProxy|backend,health check,frontend,stick table
Consul|gossip,catalog,agent,KV store
Vault|unseal,token,lease,secret engine
RabbitMQ|queue,exchange,vhost,prefetch
memcached|slab,item size,eviction,key
Cassandra|compaction,tombstone,coordinator,keyspace
ZooKeeper|ensemble,znode,session,leader
CoreDNS|resolver,upstream,cache plugin,ndots
Istio|pilot,mTLS,virtual service,gateway
Terraform|state file,plan,provider,lock
Jenkins|agent,pipeline,executor,workspace
ArgoCD|sync,application,manifest,repo server
Prometheus|scrape,TSDB,cardinality,rule evaluation
Cloudflare|edge,WAF rule,page rule,origin
cert-manager|issuer,ACME challenge,secret,renewal
Stripe|webhook,API key,idempotency key,charge
Twilio|SMS,sender id,carrier,message queue
MongoDB|replica set,oplog,primary,index build
DynamoDB|partition key,read capacity,table,stream
SQS|visibility timeout,dead-letter queue,message,poller
Airflow|DAG,scheduler,task instance,worker pool
Sidekiq|job queue,retry set,worker,Redis namespace
Celery|broker,task,beat schedule,worker
CockroachDB|range,lease holder,node,transaction
ClickHouse|merge,part,replica,distributed table
Memorystore|instance,tier,failover,maintenance window
Nomad|allocation,job spec,client node,scheduler
Harbor|registry,image pull,replication rule,garbage collection
Keycloak|realm,token,session,identity provider
Fastly|VCL,purge,shield,edge dictionary
MinIO|erasure set,drive,bucket,healing'

# Failures: name | title phrases | signatures | mechanism sentences,
# where {C} is the component and {W} one of its words.
modes='oom|memory exhaustion,running out of memory,memory limit hit|OOMKilled,exit code 137|{C} pods were OOMKilled after memory grew past the container limit.;The {C} process kept allocating memory for {W} data until the kernel OOM killer ended it with exit code 137.;Resident memory of {C} climbed for hours and every replica restarted in a crash loop once it was OOMKilled.;The memory limit of the {C} deployment was sized for last year and the {W} workload outgrew it.
cert|certificate expiry,expired TLS certificate,certificate not renewed|x509 certificate has expired,TLS handshake failure|The TLS certificate presented by {C} expired and clients failed with x509 certificate has expired.;Renewal of the {C} certificate had silently stopped weeks earlier, so the {W} endpoint served an expired certificate.;Every TLS handshake to {C} failed once the certificate passed its notAfter date.;Nobody was warned before expiry because the {C} certificate was not in the expiry monitor.
disk|disk full,volume out of space,no space left on device|ENOSPC,no space left on device|The data volume of {C} filled up and writes failed with ENOSPC.;{C} logs and {W} files grew until the disk reported no space left on device.;Disk usage on the {C} nodes crossed 100 percent and the process stopped accepting writes.;A retention setting for {W} data in {C} had been disabled, so the volume never shrank.
pool|connection pool exhaustion,too many connections,pool saturation|too many connections,pool timeout|The connection pool to {C} was exhausted and requests waited until they hit a pool timeout.;{C} refused new clients with too many connections after a deploy doubled the pool size of every pod.;Long transactions held {C} connections open, so the pool saturated during peak traffic.;Each {W} caller opened its own connections to {C} and the server limit was reached.
dns|DNS resolution failure,stale DNS records,name resolution errors|NXDOMAIN,SERVFAIL|Lookups of the {C} endpoint returned SERVFAIL and clients could not resolve it.;A stale DNS record kept sending {C} traffic to an address that no longer existed.;The resolver cached an NXDOMAIN answer for the {C} name for far longer than expected.;A change to the {W} DNS zone of {C} removed a record that clients still used.
route|bad configuration push,routing misconfiguration,broken config rollout|404,route not found|A configuration push to {C} replaced the {W} settings with an empty set and requests failed with 404.;A typo in the {C} routing configuration sent traffic for the main site to the wrong backend.;The new {C} configuration was rolled out to every region at once, with no canary.;Validation of the {C} config did not catch a duplicated {W} entry.
lag|replication lag,stale replica reads,replica falling behind|replication lag,stale reads|Replication lag on {C} grew to several minutes and reads from replicas returned stale data.;A long-running batch on the {C} primary made the {W} replica fall behind by more than ten minutes.;Clients read from a lagging {C} replica and showed old data to users.;The alert on {C} replication lag fired only after the lag passed an hour.
leader|leader election flapping,lost quorum,split brain|leader election,lost quorum|{C} lost quorum when two members were restarted at the same time and no leader could be elected.;Leader election in {C} flapped every few seconds because heartbeats timed out under load.;A network partition split the {C} members and both sides believed they were the leader.;The {W} members of {C} were all placed in one zone, so losing the zone lost quorum.
ratelimit|rate limiting by a provider,throttling,API quota exhausted|429,too many requests|{C} started answering 429 too many requests after our call volume crossed the quota.;A retry loop multiplied calls to {C} until the provider throttled the whole account.;The {W} quota of {C} had been lowered by the provider and nobody noticed the notice email.;Every worker retried throttled {C} calls immediately, which kept the rate above the limit.
gateway|upstream timeouts,502 errors at the edge,bad gateway responses|502,504,upstream timeout|Requests through {C} failed with 502 bad gateway because the upstream pods timed out.;{C} returned 504 after the upstream timeout was lowered to one second.;Health checks in {C} marked every upstream unhealthy and the {W} answered 502.;A slow dependency behind {C} made upstream connections pile up until they timed out.
lock|schema migration lock,table lock contention,blocked writes|lock wait timeout,ACCESS EXCLUSIVE|A schema migration on {C} took an exclusive lock and every write queued behind it.;The migration tool ran an ALTER on a large {C} table during business hours and blocked writes.;Queries piled up behind a lock in {C} until they hit the lock wait timeout.;The {W} of {C} was rewritten in place because the migration was not made online.
clock|clock skew,time drift,NTP failure|clock skew,token not yet valid|Clock skew on the {C} hosts made signed tokens look not yet valid.;The NTP daemon on the {C} nodes had stopped and their clocks drifted by minutes.;Time drift between {C} members broke the ordering of {W} events.;A new image of the {C} hosts shipped without a time sync service.
retry|retry storm,thundering herd,retries amplified load|retry storm,thundering herd|Clients of {C} retried without backoff and the retry storm kept it overloaded after the first failure.;A brief {C} restart caused a thundering herd of reconnects from every worker.;Retries from three layers multiplied load on {C} by more than twenty times.;Without jitter the {W} clients of {C} all retried in the same second.
backlog|queue backlog,consumer lag,processing delay|consumer lag,backlog|Consumers of {C} fell behind and the backlog grew to millions of messages.;A poison message blocked the {W} consumers of {C} and lag grew for hours.;Processing in {C} slowed after a deploy and the backlog delayed every notification.;The autoscaler of the {C} consumers was capped at two instances.
stampede|cache stampede,cold cache after flush,cache miss storm|cache stampede,cache miss|A flush of {C} left the cache cold and the stampede of misses overloaded the database.;Many keys in {C} expired at the same moment and requests stampeded to the origin.;The {W} of {C} was emptied by a deploy and every request became a cache miss.;No request coalescing protected the backend when {C} missed.
gc|garbage collection pauses,long GC pauses,stop-the-world pauses|GC pause,stop-the-world|Long stop-the-world GC pauses in {C} made requests time out.;The heap of {C} was too large for its collector and pauses reached several seconds.;A query that built a large {W} result in {C} caused repeated full GC pauses.;{C} nodes were dropped by their peers during GC pauses.
cred|expired credentials,rotated secret not deployed,invalid API key|401 unauthorized,invalid credentials|A rotated secret for {C} was not deployed to every service and calls failed with 401 unauthorized.;The {C} API key expired and every request was rejected with invalid credentials.;A credential rotation job for {C} revoked the old key before the new one was in place.;The {W} credentials of {C} were stored in two places and only one was updated.
quota|quota exceeded,resource limit reached,hit a hard limit|quota exceeded,limit exceeded|{C} rejected new requests once the account hit its quota exceeded error.;A hard limit on {W} count in {C} was reached after months of growth.;Nobody tracked usage of {C} against its limit, so quota exceeded came as a surprise.;The request to raise the {C} limit had been filed but not approved.
hotkey|hot partition,hot key,uneven load on one shard|hot partition,throttled|A single hot key in {C} sent most traffic to one partition, which throttled.;Uneven load on one {C} shard made its {W} saturate while others were idle.;A new feature wrote every event with the same key into {C}, creating a hot partition.;The {C} partitioning scheme by date put a whole day of writes on one node.
corrupt|index corruption,corrupted data files,checksum errors|checksum mismatch,corruption|{C} reported checksum mismatch on a data file after an unclean shutdown.;A bug in the {C} upgrade corrupted the {W} and queries returned wrong results.;Corruption in {C} spread to replicas before it was noticed.;The {C} nodes were restored from a backup that was days old because of corruption.
cron|overlapping cron jobs,scheduled job ran twice,batch job overload|duplicate run,cron overlap|A scheduled job against {C} ran twice in parallel because the previous run had not finished.;Two copies of the nightly {C} batch overlapped and doubled the load.;The {W} cleanup cron on {C} had no lock, so runs piled up.;A change of time zone made the {C} cron start during peak hours.
flag|feature flag misconfiguration,flag enabled for everyone,bad flag rollout|feature flag,kill switch|A feature flag for the new {C} path was turned on for all users instead of one percent.;The kill switch for the {C} change did not work because the flag was cached for an hour.;A flag evaluated in the {W} of {C} had the wrong default after a rename.;The {C} flag rollout skipped the staged percentage steps.
deploy|bad deploy,faulty release,regression in a release|rollback,regression|A release of the {C} client library introduced a regression that broke {W} handling.;The new {C} version passed staging but failed under production traffic and was rolled back.;A deploy changed the default {W} of {C} and nobody reviewed the changelog.;Rollback of {C} took an hour because the previous image had been deleted.
network|packet loss,network partition between zones,MTU mismatch|packet loss,connection reset|Packet loss between zones made {C} connections reset mid-request.;An MTU mismatch on the new network path dropped large {C} packets.;A failed switch partitioned the {C} nodes of one zone.;The {W} traffic of {C} was routed through an overloaded NAT gateway.
capacity|capacity shortfall,peak traffic overload,autoscaling ceiling|CPU saturation,max replicas|{C} reached its autoscaling ceiling during peak traffic and CPU saturated.;Traffic from the sale tripled the load on {C} beyond its provisioned capacity.;The max replicas of {C} had been set years ago and never revisited.;Load tests of {C} covered only half of the expected {W} volume.'

# Services that may own an incident (the field is often missing).
svcs='checkout,payments,search,auth,api-gateway,notifications,billing,inventory,media,reporting,identity,orders'

awk -v out="$out" -v count="$count" -v seed="$seed" \
    -v comps="$comps" -v modes="$modes" -v svcs="$svcs" '
function rnd(n) {		# 0 .. n-1, Park-Miller minimal standard
	state = (state * 16807) % 2147483647
	return int(state / 2147483647 * n)
}
function civil(z,	era, doe, yoe, y, doy, mp, d, m) {
	z += 719468
	era = int((z >= 0 ? z : z - 146096) / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
}
function fill(s, c, w) {
	gsub(/\{C\}/, c, s)
	gsub(/\{W\}/, w, s)
	return s
}
function cap1(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function pick(list, sep,	a, n) {
	n = split(list, a, sep)
	return a[rnd(n) + 1]
}
# Other words for common ones, so that no two reports say a thing the
# same way: each word with synonyms is replaced half of the time.
function vary(s,	a, n, i, w, out, alt, na, tail) {
	n = split(s, a, " ")
	out = ""
	for (i = 1; i <= n; i++) {
		w = a[i]
		tail = ""
		if (w ~ /[.,]$/) {
			tail = substr(w, length(w))
			w = substr(w, 1, length(w) - 1)
		}
		if ((w in syn) && rnd(2) == 0) {
			na = split(syn[w], alt, ",")
			w = alt[rnd(na) + 1]
		}
		out = out (i > 1 ? " " : "") w tail
	}
	return out
}
# One mechanism sentence of mode m for component c, not number "not".
function mech(m, c, not,	a, n, i) {
	n = split(msent[m], a, ";")
	do
		i = rnd(n) + 1
	while (i == not && n > 1)
	last_mech = i
	return vary(fill(a[i], cname[c], pick(cwords[c], ",")))
}
# What made this incident itself: the trigger and the resource of its
# story, which the incidents of one recurring group share.
function story(q) { return vary(story1(q)) }
function story1(q,	t) {
	t = rnd(4)
	if (t == 0) return "It began when " strig[q] " hit " sres[q] "."
	if (t == 1) return "The trigger was " strig[q] ", which reached " sres[q] " first."
	if (t == 2) return cap1(strig[q]) " put " sres[q] " under pressure."
	return "Most of the damage was on " sres[q] ", after " strig[q] "."
}
function knob(q, m) { return vary(knob1(q, m)) }
function knob1(q, m,	t) {
	t = rnd(3)
	if (t == 0) return "The setting " sknob[q] " on " sres[q] " was left at its default."
	if (t == 1) return "Nobody had reviewed " sknob[q] " for " sres[q] " since it was created."
	return "A fix to " sknob[q] " of " sres[q] " had been planned and not made."
}
# A detail of this incident alone: hosts, people, a ticket of a
# customer, names no other report needs to share.
function detail(	t) {
	t = rnd(3)
	if (t == 0) return "Hosts " pw[rnd(npw) + 1] " and " pw[rnd(npw) + 1] " were drained by @" pw[rnd(npw) + 1] "."
	if (t == 1) return "The customer " cap1(pw[rnd(npw) + 1]) " reported it first, through " pw[rnd(npw) + 1] "."
	return "@" pw[rnd(npw) + 1] " and @" pw[rnd(npw) + 1] " led the response from the " pw[rnd(npw) + 1] " office."
}
function title(c, m, q,	k, t) {
	k = pick(mphr[m], ",")
	t = rnd(7)
	if (t == 0) return cname[c] " " k
	if (t == 1) return cap1(k) " in " cname[c]
	if (t == 2) return cname[c] " outage caused by " k
	if (t == 3) return cap1(k) " takes down " sres[q]
	if (t == 4) return cname[c] " errors after " strig[q]
	if (t == 5) return cap1(k) " on " sres[q]
	return cap1(strig[q]) " leads to " k
}
function filler(	t) {
	t = rnd(8)
	if (t == 0) return "The on-call engineer was paged and declared an incident in production."
	if (t == 1) return "Customers saw errors on the website during the outage."
	if (t == 2) return "The kubernetes cluster itself stayed healthy during the incident."
	if (t == 3) return "Support received tickets from users about the error before the alert fired."
	if (t == 4) return "The incident was mitigated by the team and the service recovered."
	if (t == 5) return "Error rates returned to normal once the fix was applied."
	if (t == 6) return "Several teams joined the incident call to help."
	return "Dashboards showed the error rate rising for every region."
}
function report(k, c, m, q, day, grp,	f, id, sev, svc, start, st, i) {
	id = sprintf("gen-%05d", k)
	f = out "/reports/" id ".md"
	sev = rnd(4) + 1
	start = civil(day)
	print id, grp, c, m >(out "/truth")
	print "---" >f
	print "title: \"" title(c, m, q) "\"" >f
	print "id: " id >f
	print "severity: P" sev >f
	print "status: final" >f
	printf "started: %sT%02d:%02d:00Z\n", start, 8 + rnd(10), rnd(60) >f
	printf "ended: %sT%02d:%02d:00Z\n", start, 19 + rnd(4), rnd(60) >f
	if (rnd(2) == 0) {
		svc = pick(svcs, ",")
		print "services: [" svc "]" >f
	}
	print "---" >f
	print "" >f
	print "## Summary" >f
	print "" >f
	print filler() " " mech(m, c, 0) " " story(q) " " filler() >f
	print "" >f
	print "## Impact" >f
	print "" >f
	printf "About %d%% of requests failed for %d minutes. %s\n", 2 + rnd(60), 10 + rnd(170), filler() >f
	print "" >f
	print "## Root Cause" >f
	print "" >f
	# The mechanism again (other words) in half of the reports.
	i = last_mech
	print (rnd(2) ? mech(m, c, i) " " : "") knob(q, m) " The first signal was " pick(msig[m], ",") " in the logs. " filler() >f
	print "" >f
	print "## Detection" >f
	print "" >f
	if (rnd(3))
		printf "%s ", vary("The first page came from the " sdash[q] " dashboard, which showed " serr[q] ".") >f
	print detail() " " detail() >f
	print "" >f
	print "## Timeline" >f
	print "" >f
	print "| Time (UTC) | Event |" >f
	print "|---|---|" >f
	print "| " start " 10:00 | Alert fires, on-call paged |" >f
	print "| " start " 10:20 | " cname[c] " identified as the cause |" >f
	print "| " start " 11:00 | Resolved |" >f
	print "" >f
	print "## Action Items" >f
	print "" >f
	print "| ID | Action | Owner | Deadline | Status |" >f
	print "|---|---|---|---|---|" >f
	st = rnd(3) == 0 ? "open" : "done"
	print "| A1 | Add an alert on " pick(msig[m], ",") " for " cname[c] " | @ops | " civil(day + 14 + rnd(60)) " | " st " |" >f
	print "| A2 | Review " sknob[q] " | @ops | " civil(day + 30 + rnd(60)) " | done |" >f
	close(f)
}
BEGIN {
	state = seed * 7919 + 1
	nc = split(comps, cl, "\n")
	for (i = 1; i <= nc; i++) {
		split(cl[i], p, "|")
		cname[i] = p[1]
		cwords[i] = p[2]
	}
	nm = split(modes, ml, "\n")
	for (i = 1; i <= nm; i++) {
		split(ml[i], p, "|")
		mphr[i] = p[2]
		msig[i] = p[3]
		msent[i] = p[4]
	}
	# Every (component, mode) pair once, in a shuffled order.
	np = 0
	for (i = 1; i <= nc; i++)
		for (j = 1; j <= nm; j++) {
			pc[++np] = i
			pm[np] = j
		}
	for (i = np; i > 1; i--) {
		j = rnd(i) + 1
		t = pc[i]; pc[i] = pc[j]; pc[j] = t
		t = pm[i]; pm[i] = pm[j]; pm[j] = t
	}
	nsyn = split("grew:rose,climbed,increased;failed:broke,errored,stopped working;requests:calls,queries,API calls;every:all,each;after:following,once;started:began;kept:continued;made:caused;clients:callers,consumers;load:pressure,traffic;slow:sluggish,degraded;large:big,huge;long:lengthy,extended;stopped:halted,ceased;queued:waited,piled up;new:fresh,recent;hours:a long time,many hours;minutes:a few minutes;several:a number of,many;nobody:no one;noticed:spotted,seen;weeks:a month;run:job,execution;lowered:reduced,cut;replaced:overwrote,swapped;rejected:refused,denied;reached:hit,crossed;returned:answered,responded with;because:since,as;blocked:stalled,held up;grow:expand,increase;overloaded:swamped,saturated;doubled:multiplied,tripled;wrong:incorrect,bad;sent:routed,directed;planned:scheduled,proposed;default:initial value,factory value;created:set up,provisioned;first:earliest,initial;pressure:strain,stress", sl, ";")
	for (i = 1; i <= nsyn; i++) {
		split(sl[i], p2, ":")
		syn[p2[1]] = p2[2]
	}
	# A story per pair: resource, trigger, setting.
	npre = split("cart,ledger,session,catalog,invoice,media,feed,report,search,profile,order,payout,audit,tenant,quote,shipment,review,coupon,wallet,export", pre, ",")
	nsuf = split("primary,east,west,blue,green,shared,batch,edge,core,legacy", suf, ",")
	ntr = split("the Black Friday sale,a nightly export job,the new recommendations feature,a partner bulk import,the quarterly billing run,a marketing email campaign,the mobile app release,a backfill of old records,the data center migration,a load test left running,the end-of-month reports,a viral social media post,a security scan,the holiday traffic peak,a customer data export,the search reindex,a batch of tenant onboardings,the price update feed,a webhook replay,the analytics pipeline", tr, ",")
	nkn = split("max_connections,memory_limit,request_timeout,retention_days,replica_count,heap_size,queue_depth,rate_limit,ttl_seconds,pool_size,max_replicas,renew_before,batch_size,keepalive_timeout,disk_quota", kn, ",")
	# Pseudo-words for names of hosts, people and customers.
	nsy = split("ka,lo,mi,ne,ru,ta,vo,zi,pe,sa,do,fi,gu,ha,ji", sy, ",")
	npw = 500
	for (i = 1; i <= npw; i++)
		pw[i] = sy[rnd(nsy) + 1] sy[rnd(nsy) + 1] sy[rnd(nsy) + 1] (rnd(2) ? "n" : "r")
	for (i = 1; i <= np; i++) {
		sdash[i] = "`" pre[rnd(npre) + 1] "_" pick("latency,errors,saturation,throughput,queue_age,hit_ratio", ",") "`"
		serr[i] = "`" toupper(pre[rnd(npre) + 1]) "_" pick("UNAVAILABLE,TIMEOUT,REJECTED,NOT_FOUND,CONFLICT,EXHAUSTED,STALE", ",") "`"
		sres[i] = "`" pre[rnd(npre) + 1] "-" suf[rnd(nsuf) + 1] "-" (rnd(9) + 1) "`"
		strig[i] = tr[rnd(ntr) + 1]
		sknob[i] = kn[rnd(nkn) + 1]
	}
	printf "" >(out "/truth")
	k = 0
	next_pair = 1
	g = 0
	d0 = 18628		# 2021-01-01
	span = 2000		# days
	while (k < count) {
		q = next_pair <= np ? next_pair++ : rnd(np) + 1
		if (rnd(5) == 0 && count - k >= 2) {
			n = 2 + rnd(4)
			if (n > count - k)
				n = count - k
			g++
			day = d0 + rnd(span - 400)
			for (i = 0; i < n; i++) {
				report(++k, pc[q], pm[q], q, day, "g" g)
				day += 14 + rnd(170)
			}
		} else
			report(++k, pc[q], pm[q], q, d0 + rnd(span), "-")
	}
}'
