# Sourced by the agc-audit benchmarks (run-bench.sh, run-org-bench.sh): what they share. Needs HERE (this folder),
# JAR and RESULTS set by the script; defines REGIONS_17, start_server and stop_server, and clears the AWS setup.

REGIONS_17="us-east-1,us-east-2,us-west-1,us-west-2,ca-central-1,eu-west-1,eu-west-2,eu-west-3,eu-central-1,eu-north-1,ap-south-1,ap-northeast-1,ap-northeast-2,ap-northeast-3,ap-southeast-1,ap-southeast-2,sa-east-1"
mkdir -p "$RESULTS"

[ -f "$JAR" ] || { echo "no $JAR: run 'mvn -pl audit -am package -DskipTests' first" >&2; exit 2; }

# A machine with no AWS setup: test keys, no config files, no instance metadata.
for v in $(env | grep -o '^AWS_[A-Z_]*' || true); do unset "$v"; done
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

SERVER_PID=""
start_server() { # latency_server.py options -> SERVER_PID, ENDPOINT
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 "$HERE/latency_server.py" --port "$port" "$@" > "$RESULTS/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 50); do grep -q listening "$RESULTS/server.log" 2>/dev/null && break; sleep 0.1; done
  ENDPOINT="http://127.0.0.1:$port"
}
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
trap stop_server EXIT

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "java: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
