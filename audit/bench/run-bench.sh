#!/usr/bin/env bash
# agc-audit benchmarks (not timed tests): wall time of `resources` over 17 regions against a local endpoint that
# adds 100 ms to every call, against one region and against an AWS CLI loop over the same regions; and memory:
# 100,000 tagged resources in one region as JSON with -Xmx128m.
#
#   mvn -B -q -pl audit package -DskipTests     # builds audit/target/agc-audit.jar
#   audit/bench/run-bench.sh [RUNS]             # RUNS per timed case, default 3; results on stdout and in
#                                               # audit/bench/results/ (not committed)
#
# Needs java 17, python3 (stdlib only) and, for the loop, the AWS CLI (`aws`). Only 127.0.0.1 is contacted.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="${AGC_AUDIT_JAR:-$HERE/../target/agc-audit.jar}"
RUNS="${1:-3}"
RESULTS="$HERE/results"
# shellcheck source=bench-common.sh
. "$HERE/bench-common.sh"

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.2f}')" "$@"; }

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo

# --- Wall time, 100 ms per call ------------------------------------------------------------------------------------
start_server --latency-ms 100 --resources 0
run_audit() { # regions [options...] -> seconds
  local t0 t1 regions="$1"
  shift
  t0=$(now)
  java -jar "$JAR" resources --regions "$regions" "$@" --endpoint-url "$ENDPOINT" --format json --output "$RESULTS/resources.json" \
    2> "$RESULTS/audit.err" || { echo "agc-audit failed:" >&2; cat "$RESULTS/audit.err" >&2; exit 1; }
  t1=$(now)
  secs "$t0" "$t1"
}
one=(); all=()
for _ in $(seq "$RUNS"); do
  one+=("$(run_audit us-east-1)")
  all+=("$(run_audit "$REGIONS_17")")
done
count17=$(python3 -c "import json; print(len(json.load(open('$RESULTS/resources.json'))['resources']))")
echo "agc-audit resources, 1 region:   ${one[*]} s (median $(median "${one[@]}") s)"
echo "agc-audit resources, 17 regions: ${all[*]} s (median $(median "${all[@]}") s), $count17 resources"
echo "agc-audit resources, 17 regions one at a time (--parallelism 1): $(run_audit "$REGIONS_17" --parallelism 1) s (one run)"

# What an operator would script with the AWS CLI: the same reads, region after region.
if command -v aws > /dev/null; then
  t0=$(now)
  for region in ${REGIONS_17//,/ }; do
    a=(aws --endpoint-url "$ENDPOINT" --region "$region" --output json)
    "${a[@]}" resourcegroupstaggingapi get-resources --tag-filters Key=application-name,Values=agc > /dev/null
    "${a[@]}" ec2 describe-nat-gateways --filter Name=tag:application-name,Values=agc > /dev/null
    "${a[@]}" ec2 describe-vpc-endpoints --filters Name=tag:application-name,Values=agc > /dev/null
    "${a[@]}" ec2 describe-addresses --filters Name=tag:application-name,Values=agc > /dev/null
    "${a[@]}" logs describe-log-groups --log-group-name-prefix /aws/lambda/Agc- > /dev/null
    "${a[@]}" logs describe-log-groups --log-group-name-prefix Agc- > /dev/null
  done
  t1=$(now)
  echo "AWS CLI loop, 17 regions x 6 commands: $(secs "$t0" "$t1") s (one run)"
else
  echo "AWS CLI loop: skipped, no 'aws' on the PATH"
fi
stop_server

# --- Memory: 100,000 tagged resources in one region, JSON, -Xmx128m ----------------------------------------------------
start_server --latency-ms 0 --resources 100000
t0=$(now)
status=0
/usr/bin/time -f "%M" -o "$RESULTS/rss.txt" java -Xmx128m -Xlog:gc:file="$RESULTS/gc.log" -jar "$JAR" resources \
  --regions us-east-1 --endpoint-url "$ENDPOINT" --format json --output "$RESULTS/100k.json" 2> "$RESULTS/100k.err" \
  || status=$?
t1=$(now)
count=$(python3 -c "import json; print(len(json.load(open('$RESULTS/100k.json'))['resources']))")
heap=$(grep -oE '[0-9]+M->[0-9]+M' "$RESULTS/gc.log" | cut -dM -f1 | sort -n | tail -1)
echo "memory: 100,000 tagged resources as JSON with -Xmx128m: exit $status, $count resources," \
     "$(secs "$t0" "$t1") s, $(du -m "$RESULTS/100k.json" | cut -f1) MB of JSON, peak heap before GC ${heap:-?} MB," \
     "peak RSS $(( $(cat "$RESULTS/rss.txt") / 1024 )) MB"
stop_server
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
