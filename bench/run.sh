#!/usr/bin/env bash
# Kompeten benchmarks, each against a baseline run side by side on this
# machine, runs taken in turns. Prints markdown tables; bench/RESULTS.md
# records a run. Usage: bench/run.sh [import|pgimport|http|demo|all] [N]
# N = employees (default 1000000). Needs: sqlite3, psql/postgresql, GNU time.
# TASKSET="taskset -c 1" pins both sides of a comparison to one core (the
# machines are shared: a pinned pair drifts less); empty by default.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
N=${2:-1000000}
RUNS=${RUNS:-3}
TASKSET=${TASKSET:-}
OUT=bench/out
mkdir -p "$OUT"
BIN=$OUT/kompeten
go build -o "$BIN" ./cmd/kompeten
go build -o "$OUT/loadgen" ./bench/loadgen

secs() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# timed CMD...: prints "seconds maxrss_kb". Use it as t=$(timed ...) so
# that a failing command stops the script (a process substitution would not).
timed() { /usr/bin/time -f "%e %M" -o "$OUT/time.txt" $TASKSET "$@" >"$OUT/last.log" 2>&1 || { cat "$OUT/last.log" >&2; exit 1; }; tail -1 "$OUT/time.txt"; }

prepare() {
  if [ ! -s "$OUT/src-$N.db" ]; then
    echo "preparing a demo city of $N employees" >&2
    rm -f "$OUT/src-$N.db"*
    "$BIN" demo --db "$OUT/src-$N.db" --employees "$N" >/dev/null
  fi
  [ -s "$OUT/employees-$N.csv" ] || "$BIN" export employees "$OUT/employees-$N.csv" --db "$OUT/src-$N.db" >/dev/null
  [ -s "$OUT/units-$N.csv" ] || "$BIN" export units "$OUT/units-$N.csv" --db "$OUT/src-$N.db" >/dev/null
  [ -s "$OUT/positions-$N.csv" ] || "$BIN" export positions "$OUT/positions-$N.csv" --db "$OUT/src-$N.db" >/dev/null
  if [ ! -s "$OUT/template-$N.db" ]; then
    rm -f "$OUT/template-$N.db"*
    "$BIN" import units "$OUT/units-$N.csv" --apply --db "$OUT/template-$N.db" >/dev/null
    "$BIN" import positions "$OUT/positions-$N.csv" --apply --db "$OUT/template-$N.db" >/dev/null
  fi
}

# The baseline table: the same columns as the CSV, all TEXT, NIP primary key.
baseline_ddl() {
  head -1 "$OUT/employees-$N.csv" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r' | python3 -c "
import sys, csv
cols = next(csv.reader(sys.stdin))
names = ['c%d' % i for i in range(len(cols))]
print('CREATE TABLE employee (' + ', '.join(n + (' TEXT PRIMARY KEY' if c.strip().upper() == 'NIP' else ' TEXT') for n, c in zip(names, cols)) + ');')
"
}

bench_import() {
  prepare
  ddl=$(baseline_ddl)
  echo "### Import of $N employees into an empty SQLite database ($RUNS runs in turns)"
  echo
  echo "$(date -u +%F), ${TASKSET:-no pinning}, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| run | sqlite3 .import s | kompeten import s | ratio | kompeten peak RSS MB |"
  echo "|---|---|---|---|---|"
  : > "$OUT/ratios.txt"
  for i in $(seq "$RUNS"); do
    rm -f "$OUT/base.db"*; sqlite3 "$OUT/base.db" "$ddl"
    t=$(timed sqlite3 "$OUT/base.db" ".import --csv --skip 1 $OUT/employees-$N.csv employee"); read -r bs _ <<<"$t"
    rm -f "$OUT/run.db"*; cp "$OUT/template-$N.db" "$OUT/run.db"
    t=$(timed "$BIN" import employees "$OUT/employees-$N.csv" --apply --db "$OUT/run.db"); read -r ks krss <<<"$t"
    grep -q "baru $N," "$OUT/last.log" || { cat "$OUT/last.log" >&2; echo "import did not create $N employees" >&2; exit 1; }
    r=$(python3 -c "print(f'{$ks/$bs:.2f}')")
    echo "$r" >> "$OUT/ratios.txt"
    echo "| $i | $bs | $ks | $r | $((krss/1024)) |"
  done
  echo
  echo "median ratio: $(median < "$OUT/ratios.txt") (goal ≤ 3.0)"
  echo
}

bench_pgimport() {
  prepare
  BINPG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  DATA=$(mktemp -d /tmp/kpg.XXXX); SOCK=$DATA/sock; PORT=55432
  chmod 755 "$DATA" # mktemp makes it 0700: the postgres user must reach db/ and sock/
  install -d -o postgres -g postgres "$DATA/db" "$SOCK"
  runuser -u postgres -- "$BINPG/initdb" -D "$DATA/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$BINPG/pg_ctl" -D "$DATA/db" -l "$DATA/db/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK" start >/dev/null
  trap 'runuser -u postgres -- "$BINPG/pg_ctl" -D "$DATA/db" -m fast stop >/dev/null; rm -rf "$DATA"; trap - EXIT' RETURN EXIT
  url="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
  ddl=$(baseline_ddl)
  psql -q "$url" -c "CREATE DATABASE ktemplate" >/dev/null
  turl="postgres://postgres@127.0.0.1:$PORT/ktemplate?sslmode=disable"
  "$BIN" import units "$OUT/units-$N.csv" --apply --db "$turl" >/dev/null
  "$BIN" import positions "$OUT/positions-$N.csv" --apply --db "$turl" >/dev/null
  psql -q "$turl" -c "CHECKPOINT" >/dev/null
  echo "### Import of $N employees into an empty PostgreSQL database ($RUNS runs in turns)"
  echo
  echo "$(date -u +%F), ${TASKSET:-no pinning} (the server is not pinned), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| run | psql \\copy s | kompeten import s | ratio | kompeten peak RSS MB |"
  echo "|---|---|---|---|---|"
  : > "$OUT/ratios.txt"
  for i in $(seq "$RUNS"); do
    psql -q "$url" -c "DROP SCHEMA IF EXISTS b CASCADE; CREATE SCHEMA b; SET search_path=b; $ddl" >/dev/null
    t=$(timed psql -q "$url&options=-csearch_path%3Db" -c "\\copy employee FROM '$OUT/employees-$N.csv' WITH (FORMAT csv, HEADER true)"); read -r bs _ <<<"$t"
    # A fresh copy of the template database (units and positions imported once).
    psql -q "$url" -c "DROP DATABASE IF EXISTS krun" -c "CREATE DATABASE krun TEMPLATE ktemplate" >/dev/null
    kurl="postgres://postgres@127.0.0.1:$PORT/krun?sslmode=disable"
    t=$(timed "$BIN" import employees "$OUT/employees-$N.csv" --apply --db "$kurl"); read -r ks krss <<<"$t"
    grep -q "baru $N," "$OUT/last.log" || { cat "$OUT/last.log" >&2; echo "import did not create $N employees" >&2; exit 1; }
    r=$(python3 -c "print(f'{$ks/$bs:.2f}')")
    echo "$r" >> "$OUT/ratios.txt"
    echo "| $i | $bs | $ks | $r | $((krss/1024)) |"
  done
  echo
  echo "median ratio: $(median < "$OUT/ratios.txt") (goal ≤ 2.0)"
  echo
}

bench_http() {
  prepare
  db="$OUT/src-$N.db"
  pw=$("$BIN" user reset-password admin --db "$db" | awk '{print $NF}')
  token=$("$BIN" user token admin --db "$db" | awk '{print $NF}')
  taskset -c 0 "$BIN" serve --db "$db" --addr 127.0.0.1:18080 --log-level warn > "$OUT/serve.log" 2>&1 &
  spid=$!
  trap 'kill $spid 2>/dev/null || true' RETURN
  for _ in $(seq 50); do curl -sf http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.2; done
  echo "### Search and list with $N employees, 50 signed-in clients (server on core 0, load on core 1)"
  echo
  taskset -c 1 "$OUT/loadgen" -base http://127.0.0.1:18080 -user admin -pass "$pw" -token "$token" -c 50 -d "${DUR:-10s}"
  echo
  echo "server peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$spid/status) / 1024 )) MB (goal < 200 MB)"
  echo
}

bench_demo() {
  echo "### kompeten demo, default city (13,000 employees)"
  echo
  echo "| run | seconds |"
  echo "|---|---|"
  for i in $(seq "$RUNS"); do
    rm -f "$OUT/demo.db"*
    t=$(timed "$BIN" demo --db "$OUT/demo.db"); read -r s _ <<<"$t"
    echo "| $i | $s |"
  done
  echo
}

case $what in
  import) bench_import ;;
  pgimport) bench_pgimport ;;
  http) bench_http ;;
  demo) bench_demo ;;
  all) bench_demo; bench_import; bench_pgimport; bench_http ;;
esac
