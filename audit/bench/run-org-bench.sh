#!/usr/bin/env bash
# agc-audit across an organization (a benchmark, not a timed test): `resources --org` over 200 accounts x 17 regions
# against a local endpoint that adds 100 ms to every call (latency_server.py --accounts 200: Organizations
# ListAccounts, STS AssumeRole and every call of `resources`, each account holding one AGC deployment of 35 resources
# per region), at several --parallelism values; wall time including JVM start, calls made, CPU time, peak heap (GC
# log) and peak RSS.
#
#   mvn -B -q -pl audit -am package -DskipTests   # builds audit/target/agc-audit.jar
#   audit/bench/run-org-bench.sh [ACCOUNTS] [PARALLELISM...]      # default: 200 accounts, --parallelism 20 100 200
#   AGC_AUDIT_JAVA_OPTS=-Xmx256m audit/bench/run-org-bench.sh 200 100  # the same within a heap limit
#
# Results on stdout and in audit/bench/results/ (not committed). Needs java 17, python3 (stdlib only) and GNU time
# (/usr/bin/time). Only 127.0.0.1 is contacted.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="${AGC_AUDIT_JAR:-$HERE/../target/agc-audit.jar}"
ACCOUNTS="${1:-200}"
shift || true
PARALLELISMS=("${@:-20 100 200}")
read -r -a PARALLELISMS <<< "${PARALLELISMS[*]}"
RESULTS="$HERE/results"
# shellcheck source=bench-common.sh
. "$HERE/bench-common.sh"

calls() { python3 -c "import urllib.request; print(urllib.request.urlopen('$ENDPOINT/bench/calls').read().decode())"; }

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); $ACCOUNTS accounts x 17 regions, 100 ms per call"
echo

start_server --latency-ms 100 --accounts "$ACCOUNTS"
for parallelism in "${PARALLELISMS[@]}"; do
  before=$(calls)
  status=0
  # shellcheck disable=SC2086 # AGC_AUDIT_JAVA_OPTS is a list of JVM options
  /usr/bin/time -f "%e %U %S %M" -o "$RESULTS/org-time.txt" java ${AGC_AUDIT_JAVA_OPTS:-} \
    -Xlog:gc:file="$RESULTS/org-gc-$parallelism.log" \
    -jar "$JAR" resources --org --regions "$REGIONS_17" --parallelism "$parallelism" --endpoint-url "$ENDPOINT" \
    --format json --output "$RESULTS/org.json" 2> "$RESULTS/org.err" || status=$?
  made=$(( $(calls) - before ))
  read -r wall user sys rss < "$RESULTS/org-time.txt"
  summary=$(python3 -c "
import json
d = json.load(open('$RESULTS/org.json'))
accounts = d['accounts']
print(len(d['resources']), len(accounts), sum(1 for a in accounts if a['complete']), len(d['errors']))")
  read -r resources accounts complete errors <<< "$summary"
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$RESULTS/org-gc-$parallelism.log" | cut -dM -f1 | sort -n | tail -1)
  live=$(grep -oE '[0-9]+M->[0-9]+M' "$RESULTS/org-gc-$parallelism.log" | cut -d'>' -f2 | tr -d M | sort -n | tail -1)
  echo "--parallelism $parallelism ${AGC_AUDIT_JAVA_OPTS:-}: exit $status, ${wall} s wall, CPU ${user} s user + ${sys} s" \
       "system, $made calls, $resources resources in $accounts accounts ($complete complete, $errors errors)," \
       "peak heap before GC ${heap:-?} MB, largest heap after GC ${live:-?} MB, peak RSS $(( rss / 1024 )) MB"
done
stop_server
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
