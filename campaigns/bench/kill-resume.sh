#!/usr/bin/env bash
# Issue 16's campaign target, measured (docs/benchmarks-campaigns.md): 1,000,000 personalised SMS through the CLI at
# -Xmx256m against `connect8x8 sandbox` (default record window: 10,000), then killed with kill -9 twice and resumed
# with reconciliation, once with the file journal and once with two workers on PostgreSQL. Each kill comes when the
# journal shows progress (chunk outcomes), never after a fixed time. Checks the simulator's own count each time.
#
# From the repository's root, after `mvn -pl cli -am package -DskipTests`:
#   campaigns/bench/kill-resume.sh [messages (1000000)] [work dir (a new temp dir)]
# Needs python3, curl, /usr/bin/time, and for the PostgreSQL part initdb/pg_ctl/psql (run as the postgres user when
# this runs as root).
set -euo pipefail
N=${1:-1000000}
WORK=${2:-$(mktemp -d)}
mkdir -p "$WORK"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$(ls "$ROOT"/cli/target/connect8x8-cli-*.jar | grep -v -e original -e sources | head -1)}
PORT=${PORT:-18090}
PGPORT=${PGPORT:-18432}
SMS_URL=http://127.0.0.1:$PORT/sms
export CONNECT8X8_API_KEY=sandbox-key CONNECT8X8_SUBACCOUNT_ID=bench-sub CONNECT8X8_SMS_URL=$SMS_URL
TEXT='Hi {name}, our spring sale starts tomorrow at 9'
CSV=$WORK/customers.csv
CHUNKS=$(( (N + 9999) / 10000 ))
KILL1=$(( CHUNKS / 5 ))          # run 1 is killed once this many chunks have an outcome
KILL2=$(( CHUNKS * 3 / 5 ))      # run 2 (a resume) once this many have
MARGIN=${MARGIN:-60}
PARTS=${PARTS:-"clean kill pgclean pgkill"}   # which parts run (the baseline always does)
part() { [[ " $PARTS " == *" $1 "* ]]; }             # --export-margin: the reconciliation's window either side of a chunk's intent
say() { echo "[$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)] $*"; }

if [ ! -s "$CSV" ]; then
  python3 -c "
import sys
with open('$CSV','w') as f:
    f.write('to,name\n')
    for i in range($N): f.write('+659%07d,Customer%d\n' % (i,i))"
fi

SIM=
start_sim() {
  java -Xmx1g -jar "$JAR" sandbox --port "$PORT" -q > "$WORK/sim.log" 2>&1 & SIM=$!
  until curl -sf "http://127.0.0.1:$PORT/__admin/stats" > /dev/null; do sleep 0.2; done
}
stop_sim() { kill "$SIM"; wait "$SIM" 2>/dev/null || true; }
stats() { curl -s "http://127.0.0.1:$PORT/__admin/stats"; echo; }
timed() { /usr/bin/time -f '%e s wall, %M KiB max RSS' "$@"; }

# Waits until COUNT_CMD prints at least $1 while process $2 lives; then kill -9 (returns 1 if it ended first).
kill_at() {
  local want=$1 pid=$2 count_cmd=$3
  while kill -0 "$pid" 2>/dev/null; do
    local count; count=$(eval "$count_cmd"); count=${count:-0}
    if [ "$count" -ge "$want" ]; then kill -9 "$pid"; wait "$pid" 2>/dev/null || true; return 0; fi
    sleep 0.05
  done
  return 1
}

say "jar $JAR, $N messages ($CHUNKS chunks), work dir $WORK"
start_sim
say "baseline: $(java -Xmx256m -cp "$JAR" "$ROOT/campaigns/bench/SingleSends.java" "$SMS_URL" 3000)"

# 1. Clean run, file journal.
if part clean; then
say "clean run: $( { timed java -Xmx256m -jar "$JAR" --json sms batch --file "$CSV" --text "$TEXT" \
    --campaign-id clean --journal "$WORK/clean.journal" > "$WORK/clean.out"; } 2>&1 | tail -1)"
say "clean summary: $(cat "$WORK/clean.out")"
say "simulator: $(stats)"
fi
stop_sim

# 2. kill -9 twice, file journal; the resume reconciles from the simulator's log export. --export-lag 0: the simulator
#    lists a message as soon as it accepts it. --export-margin: the window either side of a chunk's intent must hold
#    the time the simulator created its messages, which on a loaded machine can be seconds after the intent (with
#    --export-margin 2 at load 30, a chunk's messages fell outside and were resent: 10,000 duplicates).
if part kill; then
start_sim
CLI=(java -Xmx256m -jar "$JAR" --json sms batch --file "$CSV" --text "$TEXT" --campaign-id kill \
     --journal "$WORK/kill.journal" --export-lag 0 --export-margin "$MARGIN")
OUTCOMES="grep -sc ' O ' '$WORK/kill.journal' || true"
"${CLI[@]}" > "$WORK/kill1.out" 2> "$WORK/kill1.err" & P=$!
kill_at "$KILL1" $P "$OUTCOMES" && say "run 1 killed: journal $(wc -l < "$WORK/kill.journal") lines, simulator $(stats)"
"${CLI[@]}" > "$WORK/kill2.out" 2> "$WORK/kill2.err" & P=$!
kill_at "$KILL2" $P "$OUTCOMES" && say "run 2 killed: journal $(wc -l < "$WORK/kill.journal") lines, simulator $(stats)"
sleep $((MARGIN + 2))   # the last intents' window (intent + margin, in whole seconds) must have passed
say "run 3: $( { timed "${CLI[@]}" > "$WORK/kill3.out"; } 2>&1 | tail -1)"
say "run 3 summary: $(cat "$WORK/kill3.out")"
say "simulator: $(stats)"
stop_sim
fi

# 3. Two workers on PostgreSQL: a clean run, then kill -9 of both twice and a resume of both.
PGDATA=$WORK/pgdata
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -tAq)
AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
if [ ! -d "$PGDATA" ]; then
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA" && chmod 777 "$WORK"
  "${AS_PG[@]}" initdb -D "$PGDATA" -U postgres -A trust > "$WORK/initdb.log"
fi
"${AS_PG[@]}" pg_ctl -D "$PGDATA" -o "-p $PGPORT -k /tmp -c fsync=on" -l "$WORK/pg.log" -w start > /dev/null
JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=postgres"
two() {  # two workers of campaign $1 with the given extra options; waits for both
  local id=$1; shift
  java -Xmx256m -jar "$JAR" --json sms batch --file "$CSV" --text "$TEXT" --campaign-id "$id" --journal "$JDBC" "$@" \
      > "$WORK/$id.a.out" 2> "$WORK/$id.a.err" & A=$!
  java -Xmx256m -jar "$JAR" --json sms batch --file "$CSV" --text "$TEXT" --campaign-id "$id" --journal "$JDBC" "$@" \
      > "$WORK/$id.b.out" 2> "$WORK/$id.b.err" & B=$!
}
# A worker exits 4 when it leaves chunks ambiguous (a read timeout on a loaded machine): the script goes on.
if part pgclean; then
start_sim
START=$(date +%s.%N)
two pgclean; wait $A || true; wait $B || true
say "two workers, clean: $(echo "$(date +%s.%N) - $START" | bc) s wall; a: $(cat "$WORK/pgclean.a.out"); b: $(cat "$WORK/pgclean.b.out")"
say "simulator: $(stats)"
stop_sim
fi

if part pgkill; then
start_sim
PGOUT="${PSQL[*]} -c \"SELECT count(*) FROM connect8x8_campaign_chunk WHERE campaign_id = 'pgkill' AND state IN ('ACCEPTED','REJECTED','NOT_SENT','AMBIGUOUS')\" 2>/dev/null || true"
OPTS=(--export-lag 0 --export-margin "$MARGIN" --lease 3)
two pgkill "${OPTS[@]}"; WA=$A; WB=$B
kill_at "$KILL1" $WA "$PGOUT" || true; kill -9 $WB 2>/dev/null || true; wait $WB 2>/dev/null || true
say "run 1 (both) killed: chunks $("${PSQL[@]}" -c "SELECT state || ' ' || count(*) FROM connect8x8_campaign_chunk WHERE campaign_id = 'pgkill' GROUP BY state" | tr '\n' ' '), simulator $(stats)"
sleep 4   # the dead workers' lease (3 s) must run out before their chunks can be taken over or reconciled
two pgkill "${OPTS[@]}"; WA=$A; WB=$B
kill_at "$KILL2" $WA "$PGOUT" || true; kill -9 $WB 2>/dev/null || true; wait $WB 2>/dev/null || true
say "run 2 (both) killed: chunks $("${PSQL[@]}" -c "SELECT state || ' ' || count(*) FROM connect8x8_campaign_chunk WHERE campaign_id = 'pgkill' GROUP BY state" | tr '\n' ' '), simulator $(stats)"
sleep $((MARGIN + 2))   # the lease, and the last intents' window
START=$(date +%s.%N)
two pgkill "${OPTS[@]}"; wait $A || true; wait $B || true
say "run 3 (both): $(echo "$(date +%s.%N) - $START" | bc) s wall; a: $(cat "$WORK/pgkill.a.out"); b: $(cat "$WORK/pgkill.b.out")"
say "chunks: $("${PSQL[@]}" -c "SELECT state || ' ' || count(*) FROM connect8x8_campaign_chunk WHERE campaign_id = 'pgkill' GROUP BY state" | tr '\n' ' ')"
say "simulator: $(stats)"
stop_sim
fi
"${AS_PG[@]}" pg_ctl -D "$PGDATA" -m fast stop > /dev/null
