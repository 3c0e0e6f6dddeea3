#!/usr/bin/env bash
# Measures the standalone simulator (SandboxMain): start to the first answered SMS, and valid single SMS
# throughput under wrk -t2 -c16, against WireMock's standalone jar serving a static stub of the same path, in the
# same run. Figures and how to read them: docs/benchmarks-simulator.md.
#
# usage: sandbox/bench/simulator.sh [WIREMOCK_JAR]     (after: mvn -o -q -T1 -pl sandbox -am package -DskipTests)
# env:   STARTS (default 7), WARMUP seconds (default 40), DURATION seconds (default 20), ROUNDS (default 3),
#        JAVA_OPTS (extra JVM options for the simulator, e.g. -XX:SharedArchiveFile=...)
set -euo pipefail
cd "$(dirname "$0")/../.."
WIREMOCK_JAR=${1:-}
STARTS=${STARTS:-7}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
PORT=18480
WM_PORT=18481
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

mvn -o -q -T1 -pl sandbox dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="sandbox/target/classes:$(cat "$WORK/cp.txt")"
# Inside the reactor the generated client and the facade come from their target/ jars, not ~/.m2.
CP="$CP:$(ls generated-client/target/connect8x8-generated-client-*.jar | head -1):$(ls facade/target/connect8x8-facade-*.jar | grep -v -e sources -e javadoc | head -1)"
# With the published artifact built, the simulator serves all 51 operations, as for a user who has it.
PUBLISHED_JAR=$(ls generated-published/target/connect8x8-generated-published-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
[ -n "$PUBLISHED_JAR" ] && CP="$CP:$PUBLISHED_JAR"
echo "class path has the published artifact: ${PUBLISHED_JAR:-no}"
URL_PATH=/sms/api/v1/subaccounts/bench-sub/messages
BODY='{"destination":"+6591234567","text":"Hello from the benchmark","clientMessageId":"bench"}'

cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body   = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sandbox-key"
LUA

first_answer_ms() {  # $1 = port; prints ms from now until the first 200
  local start=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H 'Authorization: Bearer sandbox-key' --data "$BODY" "http://127.0.0.1:$1$URL_PATH" 2>/dev/null)" = 200 ]; do
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

echo "== start to first answered SMS (ms), $STARTS cold starts"
starts=()
for i in $(seq "$STARTS"); do
  t0=$(date +%s%N)
  java ${JAVA_OPTS:-} -cp "$CP" io.connect8x8.sandbox.SandboxMain --port $PORT >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H 'Authorization: Bearer sandbox-key' --data "$BODY" "http://127.0.0.1:$PORT$URL_PATH" 2>/dev/null)" = 200 ]; do
    sleep 0.005
  done
  starts+=($(( ($(date +%s%N) - t0) / 1000000 )))
  kill $pid; wait $pid 2>/dev/null || true
done
printf '%s\n' "${starts[@]}" | sort -n | tr '\n' ' '; echo
echo "median: $(printf '%s\n' "${starts[@]}" | sort -n | sed -n "$(( (STARTS + 1) / 2 ))p") ms"

rate() {  # $1 = port; prints requests/s of one wrk run
  wrk -t2 -c16 -d"${2}s" -s "$WORK/post.lua" "http://127.0.0.1:$1$URL_PATH" | awk '/Requests\/sec/ {print $2}'
}

java ${JAVA_OPTS:-} -cp "$CP" io.connect8x8.sandbox.SandboxMain --port $PORT >/dev/null 2>&1 &
SIM=$!
first_answer_ms $PORT >/dev/null
if [ -n "$WIREMOCK_JAR" ]; then
  mkdir -p "$WORK/wm/mappings"
  cat > "$WORK/wm/mappings/sms.json" <<JSON
{"request": {"method": "POST", "url": "$URL_PATH"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "body": "{\"umid\":\"0f6a1c3e-8b1e-4b8e-9f7a-2c5d3e4f5a6b\",\"clientMessageId\":\"bench\",\"destination\":\"6591234567\",\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}"}}
JSON
  java -jar "$WIREMOCK_JAR" --port $WM_PORT --root-dir "$WORK/wm" --disable-banner --no-request-journal >/dev/null 2>&1 &
  WM=$!
  until curl -s -o /dev/null -X POST "http://127.0.0.1:$WM_PORT$URL_PATH"; do sleep 0.05; done
fi
echo "== warm-up ${WARMUP}s each"
rate $PORT "$WARMUP" >/dev/null
[ -n "$WIREMOCK_JAR" ] && rate $WM_PORT "$WARMUP" >/dev/null
echo "== $ROUNDS alternating rounds of ${DURATION}s: simulator / wiremock requests/s"
for r in $(seq "$ROUNDS"); do
  s=$(rate $PORT "$DURATION")
  w=$([ -n "$WIREMOCK_JAR" ] && rate $WM_PORT "$DURATION" || echo -)
  echo "round $r: $s / $w"
done
ps -o pid,rss,time,args -p $SIM | cut -c1-80
