#!/usr/bin/env bash
# An employee's development plan page (/rencana) and an approver's inbox
# (/persetujuan) under load on the million-employee SQLite demo city (issue
# 13's goal: p99 under 50 ms with 50 clients). The people are found by SQL
# on the demo database: the employee with the most plan items, and the
# supervisor with the most items waiting for their step-1 decision; each
# gets an account (pegawai, atasan) if they have none. Each is signed in
# once (a sign-in hashes a password: it would count in the load), the
# server is pinned to core 0 (SERVER_CPUS) and the load generator to core
# 1, as bench/ does, and each page is measured RUNS times; loadgen prints
# the percentiles. The pages: the baseline (/akun-saya), the employee's
# plan, the approver's own plan (which shows recommendations: the heavier
# plan page) and the approver's inbox.
#
# Usage: bench/plan_bench.sh [DB]
#   DB: a SQLite database made by `kompeten demo --employees 1000000` (made
#   under bench/out when not given and missing; that takes minutes).
# Env: RUNS (3), DUR (10s per run), WARM (2s of load before each page, not
# counted), C (50 clients), BIN, NOBUILD=1, PORT (18243), SERVER_CPUS (0:
# the server's cores for taskset; 0-1 gives it both cores of a 2-core
# machine, as a deployment would, the load generator then sharing core 1).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
DB=${1:-$OUT/src-1000000.db}
RUNS=${RUNS:-3}
DUR=${DUR:-10s}
WARM=${WARM:-2s}
C=${C:-50}
PORT=${PORT:-18243}
BIN=${BIN:-$OUT/kompeten}
if [ -z "${NOBUILD:-}" ] || [ ! -x "$BIN" ] || [ ! -x "$OUT/loadgen" ]; then
  go build -o "$BIN" ./cmd/kompeten
  go build -o "$OUT/loadgen" ./bench/loadgen
fi
if [ ! -s "$DB" ]; then
  echo "preparing a demo city of 1000000 employees in $DB" >&2
  "$BIN" demo --db "$DB" --employees 1000000 >/dev/null
fi
BASE=http://127.0.0.1:$PORT

q() { sqlite3 "$DB" "$1"; }
employee=$(q "SELECT employee_id FROM plan_item GROUP BY employee_id ORDER BY COUNT(*) DESC, employee_id LIMIT 1")
approver=$(q "SELECT e.supervisor_id FROM plan_item i JOIN employee e ON e.id = i.employee_id
  WHERE i.status = 'diajukan' AND i.step = 1 GROUP BY e.supervisor_id ORDER BY COUNT(*) DESC, e.supervisor_id LIMIT 1")
if [ -z "$employee" ] || [ -z "$approver" ]; then
  echo "no plan items in $DB: load it with a kompeten demo that has the training part" >&2
  exit 1
fi
items=$(q "SELECT COUNT(*) FROM plan_item WHERE employee_id = $employee")
waiting=$(q "SELECT COUNT(*) FROM plan_item i JOIN employee e ON e.id = i.employee_id WHERE i.status = 'diajukan' AND i.step = 1 AND e.supervisor_id = $approver")

# account EMPLOYEE ROLE: prints the username of the employee's account,
# creating it when missing.
account() {
  local u
  u=$(q "SELECT username FROM app_user WHERE employee_id = $1")
  if [ -z "$u" ]; then
    u=$(q "SELECT nip FROM employee WHERE id = $1")
    "$BIN" user create "$u" --role "$2" --nip "$u" --db "$DB" >/dev/null
  fi
  echo "$u"
}
emp_user=$(account "$employee" pegawai)
apr_user=$(account "$approver" atasan)
emp_pw=$("$BIN" user reset-password "$emp_user" --db "$DB" | awk '{print $NF}')
apr_pw=$("$BIN" user reset-password "$apr_user" --db "$DB" | awk '{print $NF}')

spid=
stop() { if [ -n "$spid" ]; then kill "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true; spid=; fi; }
trap stop EXIT
taskset -c "${SERVER_CPUS:-0}" "$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" --log-level warn >"$OUT/plan-serve.log" 2>&1 &
spid=$!
for _ in $(seq 300); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/healthz" >/dev/null || { echo "server did not start" >&2; cat "$OUT/plan-serve.log" >&2; exit 1; }

# signin USER PASSWORD: prints the session cookie as name=value.
signin() {
  local jar
  jar=$(mktemp)
  curl -sf -c "$jar" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$2" "$BASE/masuk"
  echo "kompeten_session=$(awk '$6 == "kompeten_session" {print $7}' "$jar")"
  rm -f "$jar"
}
emp_cookie=$(signin "$emp_user" "$emp_pw")
apr_cookie=$(signin "$apr_user" "$apr_pw")
for page in "$emp_cookie /rencana" "$apr_cookie /persetujuan"; do
  read -r cookie path <<<"$page"
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code: is the page on this branch?" >&2; exit 1; }
done

echo "### Plan page and approver's inbox on the $(q "SELECT COUNT(*) FROM employee")-employee SQLite city ($RUNS runs, $C clients, $DUR each)"
echo
echo "$(date -u +%F), server on core(s) ${SERVER_CPUS:-0}, loadgen on core 1, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "employee $employee ($emp_user): $items plan items; approver $approver ($apr_user): $waiting items waiting at step 1"
echo
# The baseline, measured in the same way in the same window: the lightest
# signed-in page (one's own account), so each figure has a ratio beside it.
# The approver's own plan is the second plan page: this employee has the
# most items but no recommendations left, the approver has ten.
recs=$(curl -s -b "$apr_cookie" "$BASE/rencana" | grep -o 'id="rec-[0-9]*"' | wc -l)
echo "the approver's own plan shows $recs recommendations"
echo
for page in "$emp_cookie /akun-saya" "$emp_cookie /rencana" "$apr_cookie /rencana" "$apr_cookie /persetujuan"; do
  read -r cookie path <<<"$page"
  [ "$cookie" = "$apr_cookie" ] && [ "$path" = /rencana ] && echo "(the approver's own plan)"
  "$OUT/loadgen" -base "$BASE" -cookie "$cookie" -c "$C" -d "$WARM" -s "web:$path" >/dev/null
  for i in $(seq "$RUNS"); do
    taskset -c 1 "$OUT/loadgen" -base "$BASE" -cookie "$cookie" -c "$C" -d "$DUR" -s "web:$path" | { [ "$i" = 1 ] && cat || tail -1; }
  done
  echo
done
echo "goal: p99 under 50 ms on both pages"
