#!/usr/bin/env bash
# Measures the standalone simulator (SandboxMain): start to the first answered SMS, and valid single SMS
# throughput under wrk -t2 -c16, against WireMock's standalone jar serving a static stub of the same path (and,
# optionally, an earlier build of the simulator), in the same run. Figures: docs/benchmarks-simulator.md.
#
# usage: sandbox/bench/simulator.sh [WIREMOCK_JAR [BASELINE_CLASSES]]
# env:   CLASSPATH_FILE (a class path made as below, to skip the build), STARTS (default 7), WARMUP seconds (default 40), DURATION seconds (default 20), ROUNDS (default 3),
#        JAVA_OPTS (extra JVM options for the simulator, e.g. -XX:SharedArchiveFile=...),
#        CLASSES (the simulator's classes, default sandbox/target/classes)
# Each round prints, per port, requests/s and the server process's CPU time per request in microseconds
# (user + system time from /proc over the round, divided by the requests wrk counted).
set -euo pipefail
cd "$(dirname "$0")/../.."
WIREMOCK_JAR=${1:-}
BASELINE=${2:-}
STARTS=${STARTS:-7}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
CLASSES=${CLASSES:-sandbox/target/classes}
PORT=18480
WM_PORT=18481
BASE_PORT=18482
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The class path of the reactor's jars (generated client, published artifact, facade) and the third-party jars.
CLASSPATH_FILE=${CLASSPATH_FILE:-$WORK/cp.txt}
[ -s "$CLASSPATH_FILE" ] || mvn -o -q -T1 -pl sandbox -am package dependency:build-classpath -DskipTests \
  -Dmaven.javadoc.skip=true -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime >/dev/null
LIBS=$(cat "$CLASSPATH_FILE")
PUBLISHED_JAR=$(tr ':' '\n' <<<"$LIBS" | grep connect8x8-generated-published || true)
echo "published artifact on the class path: ${PUBLISHED_JAR:-no}"
URL_PATH=/sms/api/v1/subaccounts/bench-sub/messages
BODY='{"destination":"+6591234567","text":"Hello from the benchmark","clientMessageId":"bench"}'
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body   = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sandbox-key"
LUA

await_200() {  # $1 = port
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H 'Authorization: Bearer sandbox-key' --data "$BODY" "http://127.0.0.1:$1$URL_PATH" 2>/dev/null)" = 200 ]; do
    sleep 0.005
  done
}
simulator() {  # $1 = classes, $2 = port: starts it in the background
  java ${JAVA_OPTS:-} -cp "$1:$LIBS" io.connect8x8.sandbox.SandboxMain --port "$2" >/dev/null 2>&1 &
}
median() {  # the median of the arguments
  printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"
}
starts() {  # $1 = classes, $2 = label: wall time and the process's CPU time to the first answered SMS
  local times=() cpus=()
  for i in $(seq "$STARTS"); do
    local t0=$(date +%s%N)
    simulator "$1" $PORT
    local pid=$!
    await_200 $PORT
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
    cpus+=($(( $(cpu_ticks $pid) * 1000 / $(getconf CLK_TCK) )))
    kill $pid; wait $pid 2>/dev/null || true
  done
  echo "$2 start to first answered SMS, wall ms: $(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')" \
    "median $(median "${times[@]}"); CPU ms: $(printf '%s\n' "${cpus[@]}" | sort -n | tr '\n' ' ')" \
    "median $(median "${cpus[@]}")"
}
cpu_ticks() {  # $1 = pid: user + system clock ticks of the process so far
  awk '{print $14 + $15}' "/proc/$1/stat"
}
rate() {  # $1 = port, $2 = seconds, $3 = server pid: "requests/s (CPU us/request)" of one wrk run
  local before=$(cpu_ticks "$3")
  wrk -t2 -c16 -d"${2}s" -s "$WORK/post.lua" "http://127.0.0.1:$1$URL_PATH" > "$WORK/wrk.txt"
  local ticks=$(( $(cpu_ticks "$3") - before ))
  local requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  local hz=$(getconf CLK_TCK)
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") ($(( ticks * 1000000 / hz / requests )) us)"
}

starts "$CLASSES" "simulator"
[ -n "$BASELINE" ] && starts "$BASELINE" "baseline "

simulator "$CLASSES" $PORT
SIM=$!
await_200 $PORT
declare -A PIDS=([$PORT]=$SIM)
targets="$PORT"
if [ -n "$BASELINE" ]; then
  simulator "$BASELINE" $BASE_PORT
  PIDS[$BASE_PORT]=$!
  await_200 $BASE_PORT
  targets="$targets $BASE_PORT"
fi
if [ -n "$WIREMOCK_JAR" ]; then
  mkdir -p "$WORK/wm/mappings"
  cat > "$WORK/wm/mappings/sms.json" <<JSON
{"request": {"method": "POST", "url": "$URL_PATH"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "body": "{\"umid\":\"0f6a1c3e-8b1e-4b8e-9f7a-2c5d3e4f5a6b\",\"clientMessageId\":\"bench\",\"destination\":\"6591234567\",\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}"}}
JSON
  java -jar "$WIREMOCK_JAR" --port $WM_PORT --root-dir "$WORK/wm" --disable-banner --no-request-journal \
    >/dev/null 2>&1 &
  PIDS[$WM_PORT]=$!
  until curl -s -o /dev/null -X POST "http://127.0.0.1:$WM_PORT$URL_PATH"; do sleep 0.05; done
  targets="$targets $WM_PORT"
fi
echo "ports: simulator $PORT, baseline $BASE_PORT, wiremock $WM_PORT; warm-up ${WARMUP}s each"
for port in $targets; do rate "$port" "$WARMUP" "${PIDS[$port]}" >/dev/null; done
echo "$ROUNDS alternating rounds of ${DURATION}s, requests/s per port:"
for r in $(seq "$ROUNDS"); do
  line="round $r:"
  for port in $targets; do line="$line $port=$(rate "$port" "$DURATION" "${PIDS[$port]}")"; done
  echo "$line"
done
ps -o pid,rss,time,args -p $SIM | cut -c1-60
