#!/usr/bin/env bash
# Each read-path cache (internal/cache) against its plain twin, one by one:
# the same binary serves with the cache on, and with it named in
# KOMPETEN_CACHE_OFF (Get always misses: every request does the work the
# cache saves). The figure is the server's CPU time per request (utime +
# stime of the server process over the run, divided by the requests
# answered), with p50 latency beside it; the server is pinned to core 0 and
# the load generator to core 1, device and twin run in alternating turns
# (the first side alternates too), RUNS pairs, medians reported.
#
# Usage: bench/devices.sh DB [DEVICE:SCENARIO ...]
#   DB: a SQLite database made by `kompeten demo` (and once by
#   `go test ./bench -run x -bench CycleShow -benchtime 1x -db DB`, which
#   adds the whole-government cycle the cycle pages show).
#   SCENARIO: a bench/loadgen scenario (web-list, api-list, web:/path, …);
#   CYCLE in a path is replaced by that cycle's id.
# Env: RUNS (3), DUR (5s per run), WARM (2s of load before each run, not
# counted), C (8 clients), BIN, NOBUILD=1, PORT (18242).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$1
shift
RUNS=${RUNS:-3}
DUR=${DUR:-5s}
WARM=${WARM:-2s}
C=${C:-8}
PORT=${PORT:-18242}
OUT=bench/out
mkdir -p "$OUT"
BIN=${BIN:-$OUT/kompeten}
if [ -z "${NOBUILD:-}" ] || [ ! -x "$BIN" ] || [ ! -x "$OUT/loadgen" ]; then
  go build -o "$BIN" ./cmd/kompeten
  go build -o "$OUT/loadgen" ./bench/loadgen
fi
if [ $# -gt 0 ]; then
  DEVICES=("$@")
else
  DEVICES=(labels:web-list labels:api-list sessioncodec:web-list topunits:web-list counts:web:/
    needsbodies:web:/analisis needs:web:/analisis cycles:web:/siklus cycles:web:/siklus/CYCLE)
fi
BASE=http://127.0.0.1:$PORT
TCK=$(getconf CLK_TCK)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

pw=$("$BIN" user reset-password admin --db "$DB" | awk '{print $NF}')
token=$("$BIN" user token admin --name "bench-devices-$$" --db "$DB" | awk '{print $NF}')
cycle=$(sqlite3 "$DB" "SELECT id FROM assessment_cycle WHERE name = 'BENCH siklus seluruh pemerintah'")

spid=
stop() { if [ -n "$spid" ]; then kill "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true; spid=; fi; }
trap stop EXIT
start() { # start OFF: a server with the caches named in OFF turned off
  KOMPETEN_CACHE_OFF=$1 taskset -c 0 "$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" --log-level warn >"$OUT/devices-serve.log" 2>&1 &
  spid=$!
  for _ in $(seq 300); do curl -sf "$BASE/healthz" >/dev/null && return; sleep 0.2; done
  echo "server did not start" >&2
  cat "$OUT/devices-serve.log" >&2
  exit 1
}
cpu() { awk '{print $14 + $15}' "/proc/$spid/stat"; }

# One signed-in session for every run (a sign-in hashes a password: it
# would count in the server's CPU). Sessions live in the database.
start ""
jar=$(mktemp)
curl -sf -c "$jar" -o /dev/null -d username=admin --data-urlencode "password=$pw" "$BASE/masuk"
cookie="kompeten_session=$(awk '$6 == "kompeten_session" {print $7}' "$jar")"
rm -f "$jar"
stop

# measure OFF SCENARIO: prints "cpu_ms_per_request p50_ms requests errors".
measure() {
  trap stop EXIT
  start "$1"
  "$OUT/loadgen" -base "$BASE" -cookie "$cookie" -token "$token" -c "$C" -d "$WARM" -s "$2" >/dev/null
  local c0 c1 row
  c0=$(cpu)
  row=$(taskset -c 1 "$OUT/loadgen" -base "$BASE" -cookie "$cookie" -token "$token" -c "$C" -d "$DUR" -s "$2" | tail -1)
  c1=$(cpu)
  stop
  # | scenario | clients | requests | req/s | p50 | p90 | p99 | max | errors |
  awk -F'|' -v c0="$c0" -v c1="$c1" -v tck="$TCK" '{printf "%.3f %s %d %d\n", (c1 - c0) * 1000 / tck / ($4 > 0 ? $4 : 1), $6 + 0, $4, $10}' <<<"$row"
}

echo "### Read-path caches against their plain twins: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM employee') employees, $C clients, $DUR per run, $RUNS pairs in turns (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| device (cache name) | page or call | device CPU ms/req | twin CPU ms/req | CPU saved | device p50 ms | twin p50 ms | runs (device / twin CPU ms/req) |"
echo "|---|---|---|---|---|---|---|---|"
for d in "${DEVICES[@]}"; do
  name=${d%%:*}
  scen=${d#*:}
  scen=${scen//CYCLE/$cycle}
  on=() off=() onp=() offp=() runs=""
  for i in $(seq "$RUNS"); do
    if [ $((i % 2)) -eq 1 ]; then
      read -r a ap _ ae <<<"$(measure "" "$scen")"
      read -r b bp _ be <<<"$(measure "$name" "$scen")"
    else
      read -r b bp _ be <<<"$(measure "$name" "$scen")"
      read -r a ap _ ae <<<"$(measure "" "$scen")"
    fi
    if [ "$ae" != 0 ] || [ "$be" != 0 ]; then echo "errors in $d: $ae / $be" >&2; fi
    on+=("$a") off+=("$b") onp+=("$ap") offp+=("$bp")
    runs+="$a / $b; "
  done
  m_on=$(printf '%s\n' "${on[@]}" | median)
  m_off=$(printf '%s\n' "${off[@]}" | median)
  p_on=$(printf '%s\n' "${onp[@]}" | median)
  p_off=$(printf '%s\n' "${offp[@]}" | median)
  saved=$(awk -v a="$m_on" -v b="$m_off" 'BEGIN {printf "%.0f %%", (b > 0 ? (1 - a / b) * 100 : 0)}')
  echo "| $name | \`$scen\` | $m_on | $m_off | $saved | $p_on | $p_off | ${runs%; } |"
done
echo
