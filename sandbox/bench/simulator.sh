#!/usr/bin/env bash
# Measures the standalone simulator (SandboxMain): start to the first answered SMS, and valid single SMS
# throughput under wrk -t2 -c16, against WireMock's standalone jar serving a static stub of the same path and an
# earlier build of the simulator, in the same run. Figures: docs/benchmarks-simulator.md.
#
# usage: sandbox/bench/simulator.sh            (one command: builds what it needs, downloads WireMock once)
#        sandbox/bench/simulator.sh [WIREMOCK_JAR [BASELINE]]
#   BASELINE: a git commit whose sandbox/src/main is built against the same jars (default 2001dee, the simulator
#             before the JSON-tree fast path and the lazy validator), a jar, or "none".
# env:   CLASSPATH_FILE (a class path made as below, to skip the build), STARTS (default 5), WARMUP seconds
#        (default 40), DURATION seconds (default 20), ROUNDS (default 3), JAVA_OPTS (extra JVM options for the
#        simulators), SIMULATOR_JAR (default: the sandbox module's jar, built if missing), CACHE (default
#        ~/.cache/connect8x8-bench: WireMock's jar and the baseline's build), PIN=1 (the servers on CPU 1 and wrk
#        on CPU 0, with taskset: each server then has a core of its own instead of sharing both with wrk),
#        LAUNCHER=1 (the starts through `./connect8x8 sandbox --port N -q` as well, after one first start that
#        records the launcher's own archive, alternating start by start with the simulator's own start from its
#        archive), LAUNCHER_BASE (with LAUNCHER=1: another checkout, built, whose launcher joins that alternation,
#        e.g. main's, to compare two launchers under the same load)
# Starts are measured twice: with the JVM's defaults, and with a class-data archive of the simulator's classes
# (-XX:SharedArchiveFile, made once by a training start as the `connect8x8 sandbox` launcher does).
# Each round prints, per port, requests/s and the server process's CPU time per request in microseconds
# (user + system time from /proc over the round, divided by the requests wrk counted).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CACHE=${CACHE:-$HOME/.cache/connect8x8-bench}
WIREMOCK_JAR=${1:-$CACHE/wiremock-standalone-3.13.1.jar}
BASELINE=${2:-2001dee}
STARTS=${STARTS:-5}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
PORT=18480
WM_PORT=18481
BASE_PORT=18482
WORK=$(mktemp -d)
SERVER_PIN=()
WRK_PIN=()
if [ "${PIN:-0}" = 1 ]; then
  SERVER_PIN=(taskset -c 1)
  WRK_PIN=(taskset -c 0)
fi
mkdir -p "$CACHE"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

# The class path of the reactor's jars (generated client, published artifact, facade) and the third-party jars.
CLASSPATH_FILE=${CLASSPATH_FILE:-$WORK/cp.txt}
if [ ! -s "$CLASSPATH_FILE" ]; then
  echo "building the sandbox and its class path..."
  mvn -o -q -B -T1 -pl sandbox -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime >/dev/null
fi
LIBS=$(cat "$CLASSPATH_FILE")
SIMULATOR_JAR=${SIMULATOR_JAR:-$(ls sandbox/target/connect8x8-sandbox-*.jar | grep -v -- '-sources\|-javadoc\|-tests' | head -1)}
PUBLISHED_JAR=$(tr ':' '\n' <<<"$LIBS" | grep connect8x8-generated-published || true)
echo "simulator: $SIMULATOR_JAR; published artifact on the class path: ${PUBLISHED_JAR:-no}"

if [ ! -s "$WIREMOCK_JAR" ] && [ "$WIREMOCK_JAR" = "$CACHE/wiremock-standalone-3.13.1.jar" ]; then
  echo "downloading WireMock 3.13.1's standalone jar into $CACHE..."
  mvn -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.1 -DoutputDirectory="$CACHE" \
    -Dmaven.repo.local="$CACHE/repo" >/dev/null
fi
# The baseline: a commit's sandbox/src/main compiled against the same jars (cached by commit), or a jar.
BASE_JAR=
if [ "$BASELINE" != none ]; then
  if [ -f "$BASELINE" ]; then
    BASE_JAR=$BASELINE
  else
    commit=$(git rev-parse --short "$BASELINE")
    BASE_JAR=$CACHE/sandbox-$commit.jar
    if [ ! -s "$BASE_JAR" ]; then
      echo "building the baseline simulator from $commit..."
      mkdir -p "$WORK/base/classes"
      git archive "$commit" sandbox/src/main | tar -x -C "$WORK/base"
      javac -nowarn -d "$WORK/base/classes" -cp "$LIBS" $(find "$WORK/base/sandbox/src/main/java" -name '*.java')
      [ -d "$WORK/base/sandbox/src/main/resources" ] && cp -r "$WORK/base/sandbox/src/main/resources/." "$WORK/base/classes/"
      jar cf "$BASE_JAR" -C "$WORK/base/classes" .
    fi
  fi
fi

URL_PATH=/sms/api/v1/subaccounts/bench-sub/messages
BODY='{"destination":"+6591234567","text":"Hello from the benchmark","clientMessageId":"bench"}'
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body   = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sandbox-key"
LUA

await_200() {  # $1 = port: polls until a valid SMS is answered 200; after 120 s, stops the run naming the last answer
  local status deadline=$((SECONDS + 120))
  until status="$(curl -s -o "$WORK/last-answer" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H 'Authorization: Bearer sandbox-key' --data "$BODY" "http://127.0.0.1:$1$URL_PATH" 2>/dev/null)" \
      && [ "$status" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then
      # A server that answers, but never 200, would otherwise keep the benchmark polling for ever (seen once, at load
      # 10: its answers were not kept).
      echo "port $1: no 200 after 120 s; last answer HTTP ${status:-none}: $(head -c 300 "$WORK/last-answer" 2>/dev/null)" >&2
      exit 1
    fi
    sleep 0.005
  done
}
simulator() {  # $1 = jar, $2 = port, then extra JVM options: starts it in the background
  local jar=$1 port=$2
  shift 2
  "${SERVER_PIN[@]}" java ${JAVA_OPTS:-} "$@" -cp "$jar:$LIBS" io.connect8x8.sandbox.SandboxMain --port "$port" >/dev/null 2>&1 &
}
median() {  # the median of the arguments
  printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"
}
cpu_ticks() {  # $1 = pid: user + system clock ticks of the process so far
  awk '{print $14 + $15}' "/proc/$1/stat"
}
archive() {  # $1 = jar, $2 = archive: a training start that answers one SMS, then stops (the JVM writes it at exit)
  [ -s "$2" ] && return 0
  simulator "$1" $PORT -XX:ArchiveClassesAtExit="$2" -Xlog:cds=off -Xlog:cds+dynamic=off
  local pid=$!
  await_200 $PORT
  kill $pid; wait $pid 2>/dev/null || true
}
starts() {  # $1 = jar, $2 = label, then extra JVM options: wall time and CPU time to the first answered SMS
  local jar=$1 label=$2
  shift 2
  local times=() cpus=()
  for i in $(seq "$STARTS"); do
    local t0=$(date +%s%N)
    simulator "$jar" $PORT "$@"
    local pid=$!
    await_200 $PORT
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
    cpus+=($(( $(cpu_ticks $pid) * 1000 / $(getconf CLK_TCK) )))
    kill $pid; wait $pid 2>/dev/null || true
  done
  echo "$label start to first answered SMS, wall ms: $(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')" \
    "median $(median "${times[@]}"); CPU ms: $(printf '%s\n' "${cpus[@]}" | sort -n | tr '\n' ' ')" \
    "median $(median "${cpus[@]}")"
}
launcher_start() {  # $1 = directory: starts its launcher's simulator in the background
  (cd "$1" && exec ./connect8x8 sandbox --port $PORT -q >/dev/null 2>&1) &
}
launcher_starts() {  # wall and CPU time to the first answered SMS through the launcher (it execs the JVM: same pid),
  # alternating start by start with the simulator's archive start and LAUNCHER_BASE's launcher, if given
  local labels=("connect8x8 sandbox    " "simulator, CDS archive") dirs=("$ROOT" "")
  if [ -n "${LAUNCHER_BASE:-}" ]; then
    labels+=("LAUNCHER_BASE sandbox "); dirs+=("$LAUNCHER_BASE")
  fi
  local k
  for k in "${!dirs[@]}"; do  # first starts: the launchers record their archives
    [ -z "${dirs[$k]}" ] && continue
    launcher_start "${dirs[$k]}"
    local first=$!
    await_200 $PORT
    kill $first; wait $first 2>/dev/null || true
  done
  declare -A times cpus
  for i in $(seq "$STARTS"); do
    for k in "${!dirs[@]}"; do
      local t0=$(date +%s%N)
      if [ -n "${dirs[$k]}" ]; then
        launcher_start "${dirs[$k]}"
      else
        simulator "$SIMULATOR_JAR" $PORT -XX:SharedArchiveFile="$WORK/simulator.jsa" -Xlog:cds=off
      fi
      local pid=$!
      await_200 $PORT
      times[$k]+="$(( ($(date +%s%N) - t0) / 1000000 )) "
      cpus[$k]+="$(( $(cpu_ticks $pid) * 1000 / $(getconf CLK_TCK) )) "
      kill $pid; wait $pid 2>/dev/null || true
    done
  done
  for k in "${!dirs[@]}"; do
    echo "${labels[$k]} start to first answered SMS, wall ms: $(printf '%s\n' ${times[$k]} | sort -n | tr '\n' ' ')" \
      "median $(median ${times[$k]}); CPU ms: $(printf '%s\n' ${cpus[$k]} | sort -n | tr '\n' ' ')" \
      "median $(median ${cpus[$k]})${dirs[$k]:+ (${dirs[$k]})}"
  done
}
rate() {  # $1 = port, $2 = seconds, $3 = server pid: "requests/s (CPU us/request)" of one wrk run
  local before=$(cpu_ticks "$3")
  "${WRK_PIN[@]}" wrk -t2 -c16 -d"${2}s" -s "$WORK/post.lua" "http://127.0.0.1:$1$URL_PATH" > "$WORK/wrk.txt"
  local ticks=$(( $(cpu_ticks "$3") - before ))
  local requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  local hz=$(getconf CLK_TCK)
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") ($(( ticks * 1000000 / hz / requests )) us)"
}

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); pinned: ${PIN:-0}"
archive "$SIMULATOR_JAR" "$WORK/simulator.jsa"
[ -n "$BASE_JAR" ] && archive "$BASE_JAR" "$WORK/baseline.jsa"
# Alternating, so that both see the same load.
for round in 1 2; do
  starts "$SIMULATOR_JAR" "simulator,            " 
  [ -n "$BASE_JAR" ] && starts "$BASE_JAR" "baseline,             "
  starts "$SIMULATOR_JAR" "simulator, CDS archive" -XX:SharedArchiveFile="$WORK/simulator.jsa" -Xlog:cds=off
  [ -n "$BASE_JAR" ] && starts "$BASE_JAR" "baseline,  CDS archive" -XX:SharedArchiveFile="$WORK/baseline.jsa" -Xlog:cds=off
done

[ "${LAUNCHER:-0}" = 1 ] && launcher_starts
simulator "$SIMULATOR_JAR" $PORT
SIM=$!
await_200 $PORT
declare -A PIDS=([$PORT]=$SIM)
targets="$PORT"
if [ -n "$BASE_JAR" ]; then
  simulator "$BASE_JAR" $BASE_PORT
  PIDS[$BASE_PORT]=$!
  await_200 $BASE_PORT
  targets="$targets $BASE_PORT"
fi
if [ -s "$WIREMOCK_JAR" ]; then
  mkdir -p "$WORK/wm/mappings"
  cat > "$WORK/wm/mappings/sms.json" <<JSON
{"request": {"method": "POST", "url": "$URL_PATH"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "body": "{\"umid\":\"0f6a1c3e-8b1e-4b8e-9f7a-2c5d3e4f5a6b\",\"clientMessageId\":\"bench\",\"destination\":\"6591234567\",\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}"}}
JSON
  "${SERVER_PIN[@]}" java -jar "$WIREMOCK_JAR" --port $WM_PORT --root-dir "$WORK/wm" --disable-banner --no-request-journal \
    >/dev/null 2>&1 &
  PIDS[$WM_PORT]=$!
  until curl -s -o /dev/null -X POST "http://127.0.0.1:$WM_PORT$URL_PATH"; do sleep 0.05; done
  targets="$targets $WM_PORT"
fi
echo "ports: simulator $PORT, baseline $BASE_PORT, wiremock $WM_PORT; warm-up ${WARMUP}s each"
for port in $targets; do rate "$port" "$WARMUP" "${PIDS[$port]}" >/dev/null; done
echo "$ROUNDS alternating rounds of ${DURATION}s, requests/s per port (server CPU per request):"
for r in $(seq "$ROUNDS"); do
  line="round $r:"
  for port in $targets; do line="$line $port=$(rate "$port" "$DURATION" "${PIDS[$port]}")"; done
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done
ps -o pid,rss,time,args -p $SIM | cut -c1-60
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
