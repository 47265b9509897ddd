#!/usr/bin/env bash
# Kompeten benchmarks, each against a baseline run side by side on this
# machine, runs taken in turns. Prints markdown tables; bench/RESULTS.md
# records a run. Usage: bench/run.sh [import|pgimport|http|demo|jpm|pgjpm|all] [N]
# (import, pgimport: the Kompeten import beside the bare .import / \copy of
# the CSV and beside the schema floor, see floor_sqlite)
# (jpm, pgjpm: every JPM from scratch against one SQL aggregate; heatmap:
# the /analisis page under load; none of these is part of all)
# N = employees (default 1000000). Needs: sqlite3, psql/postgresql, GNU time.
# TASKSET="taskset -c 1" pins both sides of a comparison to one core (the
# machines are shared: a pinned pair drifts less); empty by default.
# NICE="nice -n -15" runs both sides of a comparison at a raised priority
# (root only) on a machine crowded with other work; empty by default.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
N=${2:-1000000}
RUNS=${RUNS:-3}
TASKSET=${TASKSET:-}
NICE=${NICE:-}
OUT=bench/out
mkdir -p "$OUT"
BIN=${BIN:-$OUT/kompeten} # BIN=/tmp/k keeps a binary others may be running untouched
# NOBUILD=1 keeps the binaries already built (e.g. while the tree is being
# edited); by default both are built from the tree.
if [ -z "${NOBUILD:-}" ] || [ ! -x "$BIN" ] || [ ! -x "$OUT/loadgen" ]; then
  go build -o "$BIN" ./cmd/kompeten
  go build -o "$OUT/loadgen" ./bench/loadgen
fi

secs() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# timed CMD...: prints "seconds maxrss_kb". Use it as t=$(timed ...) so
# that a failing command stops the script (a process substitution would not).
# It writes time.txt and last.log to $TDIR if set, else to $OUT.
timed() { local d=${TDIR:-$OUT}; /usr/bin/time -f "%e %M" -o "$d/time.txt" $NICE $TASKSET "$@" >"$d/last.log" 2>&1 || { cat "$d/last.log" >&2; exit 1; }; tail -1 "$d/time.txt"; }
# The import benchmarks keep their scratch files (databases, logs, ratios)
# in a directory of their own, TDIR under $OUT: other benchmarks may run at
# the same time and write $OUT/last.log. drop_tdir removes only such a
# directory, never $OUT itself.
TDIR=
new_tdir() { TDIR=$(mktemp -d "$OUT/import.XXXX"); }
drop_tdir() { if [[ -n ${TDIR:-} && $TDIR == "$OUT"/import.* ]]; then rm -rf -- "$TDIR"; fi; TDIR=; }

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

# The schema floor: the native tool loads the rows of a finished import
# into the same schema (the template: units and positions imported), in one
# transaction, with the settings the import uses, the way a bulk load is
# best done: secondary indexes (and on PostgreSQL employee's foreign keys
# and the word table's key) dropped, rows in, indexes rebuilt, search words
# appended in key order. The DDL is read from the catalogue, so it follows
# the schema. floor_sqlite FINISHED.db writes $TDIR/floor.sql.
floor_sqlite() {
  local fin=$1 tpl="$OUT/template-$N.db"
  {
    # The import's connection: the DSN's WAL and NORMAL syncs, its bulk
    # load's 2 MiB page cache and sorter helper threads (one per core but
    # one), foreign keys off and the references checked once after the
    # index builds (store.checkReferences).
    echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-2048; PRAGMA threads=$(( $(nproc) > 1 ? $(nproc) - 1 : 0 ));"
    echo "ATTACH '$fin' AS f;"
    echo "BEGIN;"
    sqlite3 "$tpl" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('employee', 'employee_word') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
    # ORDER BY (the storage order: no sort) keeps SQLite from copying the
    # stored records and index entries as they are (its transfer
    # optimisation, which foreign keys off would allow): each row is
    # inserted as the import inserts it.
    echo "INSERT INTO employee SELECT * FROM f.employee ORDER BY id;"
    sqlite3 "$tpl" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employee' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
    echo "SELECT x.id FROM (SELECT DISTINCT unit_id AS id FROM employee) x WHERE NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = x.id) LIMIT 1;"
    echo "SELECT x.id FROM (SELECT DISTINCT position_id AS id FROM employee WHERE position_id IS NOT NULL) x WHERE NOT EXISTS (SELECT 1 FROM position p WHERE p.id = x.id) LIMIT 1;"
    echo "INSERT INTO employee_word SELECT * FROM f.employee_word ORDER BY word, sort_name, employee_id;"
    sqlite3 "$tpl" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employee_word' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
    echo "COMMIT;"
  } > "$TDIR/floor.sql"
}

# ratio A B: A/B with two decimals.
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

bench_import() {
  prepare
  ddl=$(baseline_ddl)
  new_tdir
  # One untimed import gives the finished rows the floor loads.
  cp "$OUT/template-$N.db" "$TDIR/fin.db"
  "$BIN" import employees "$OUT/employees-$N.csv" --apply --db "$TDIR/fin.db" >/dev/null
  floor_sqlite "$TDIR/fin.db"
  echo "### Import of $N employees into an empty SQLite database ($RUNS runs in turns)"
  echo
  echo "$(date -u +%F), ${TASKSET:-no pinning}, ${NICE:-default priority}, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| run | sqlite3 .import s | schema floor (sqlite3) s | kompeten import s | ratio to floor | ratio to .import | floor / .import | kompeten peak RSS MB |"
  echo "|---|---|---|---|---|---|---|---|"
  : > "$TDIR/ratios.txt"; : > "$TDIR/ratios_base.txt"
  for i in $(seq "$RUNS"); do
    rm -f "$TDIR/base.db"*; sqlite3 "$TDIR/base.db" "$ddl"
    t=$(timed sqlite3 "$TDIR/base.db" ".import --csv --skip 1 $OUT/employees-$N.csv employee"); read -r bs _ <<<"$t"
    rm -f "$TDIR/floor.db"*; cp "$OUT/template-$N.db" "$TDIR/floor.db"
    t=$(timed sqlite3 -bail "$TDIR/floor.db" ".read $TDIR/floor.sql"); read -r fs _ <<<"$t"
    [ "$(sqlite3 "$TDIR/floor.db" "SELECT COUNT(*) FROM employee")" = "$N" ] || { echo "the floor did not load $N employees" >&2; exit 1; }
    rm -f "$TDIR/run.db"*; cp "$OUT/template-$N.db" "$TDIR/run.db"
    t=$(timed "$BIN" import employees "$OUT/employees-$N.csv" --apply --db "$TDIR/run.db"); read -r ks krss <<<"$t"
    grep -q "baru $N," "$TDIR/last.log" || { cat "$TDIR/last.log" >&2; echo "import did not create $N employees" >&2; exit 1; }
    r=$(ratio "$ks" "$fs"); rb=$(ratio "$ks" "$bs")
    echo "$r" >> "$TDIR/ratios.txt"; echo "$rb" >> "$TDIR/ratios_base.txt"
    echo "| $i | $bs | $fs | $ks | $r | $rb | $(ratio "$fs" "$bs") | $((krss/1024)) |"
  done
  echo
  echo "median ratio to the schema floor: $(median < "$TDIR/ratios.txt") (goal ≤ 2.5); to the bare .import: $(median < "$TDIR/ratios_base.txt")"
  echo
  drop_tdir
}

# floor_pg TEMPLATE-URL: writes $TDIR/floor_pg.sql, to run with psql -1
# where $TDIR/emp.txt and $TDIR/words.txt hold the finished rows.
floor_pg() {
  local q="psql -X -q -A -t $1"
  {
    # The import's setting for its index builds.
    echo "SET LOCAL maintenance_work_mem = '256MB';"
    $q -c "SELECT 'DROP INDEX ' || indexname || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('employee', 'employee_word') AND indexdef NOT LIKE 'CREATE UNIQUE%'"
    $q -c "SELECT 'ALTER TABLE employee DROP CONSTRAINT ' || conname || ';' FROM pg_constraint WHERE conrelid = 'employee'::regclass AND contype = 'f'"
    $q -c "SELECT 'ALTER TABLE employee_word DROP CONSTRAINT ' || conname || ';' FROM pg_constraint WHERE conrelid = 'employee_word'::regclass AND contype = 'p'"
    echo "\\copy employee FROM '$TDIR/emp.txt'"
    $q -c "SELECT indexdef || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'employee' AND indexdef NOT LIKE 'CREATE UNIQUE%'"
    $q -c "SELECT 'ALTER TABLE employee ADD CONSTRAINT ' || conname || ' ' || pg_get_constraintdef(oid) || ';' FROM pg_constraint WHERE conrelid = 'employee'::regclass AND contype = 'f'"
    echo "\\copy employee_word FROM '$TDIR/words.txt'"
    $q -c "SELECT 'ALTER TABLE employee_word ADD CONSTRAINT ' || conname || ' ' || pg_get_constraintdef(oid) || ';' FROM pg_constraint WHERE conrelid = 'employee_word'::regclass AND contype = 'p'"
    $q -c "SELECT indexdef || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'employee_word' AND indexdef NOT LIKE 'CREATE UNIQUE%'"
  } > "$TDIR/floor_pg.sql"
}

bench_pgimport() {
  prepare
  ddl=$(baseline_ddl)
  new_tdir
  BINPG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  DATA=$(mktemp -d /tmp/kpg.XXXX); SOCK=$DATA/sock; PORT=${PGBENCHPORT:-55432}
  chmod 755 "$DATA" # mktemp makes it 0700: the postgres user must reach db/ and sock/
  install -d -o postgres -g postgres "$DATA/db" "$SOCK"
  runuser -u postgres -- "$BINPG/initdb" -D "$DATA/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # The server runs at the priority NICE gives the timed commands.
  $NICE runuser -u postgres -- "$BINPG/pg_ctl" -D "$DATA/db" -l "$DATA/db/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK" start >/dev/null
  trap 'runuser -u postgres -- "$BINPG/pg_ctl" -D "$DATA/db" -m fast stop >/dev/null; rm -rf "$DATA"; drop_tdir; trap - EXIT' RETURN EXIT
  url="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
  psql -q "$url" -c "CREATE DATABASE ktemplate" >/dev/null
  turl="postgres://postgres@127.0.0.1:$PORT/ktemplate?sslmode=disable"
  "$BIN" import units "$OUT/units-$N.csv" --apply --db "$turl" >/dev/null
  "$BIN" import positions "$OUT/positions-$N.csv" --apply --db "$turl" >/dev/null
  psql -q "$turl" -c "CHECKPOINT" >/dev/null
  floor_pg "$turl"
  # One untimed import gives the finished rows the floor loads.
  psql -q "$url" -c "CREATE DATABASE kfin TEMPLATE ktemplate" >/dev/null
  furl="postgres://postgres@127.0.0.1:$PORT/kfin?sslmode=disable"
  "$BIN" import employees "$OUT/employees-$N.csv" --apply --db "$furl" >/dev/null
  psql -q "$furl" -c "\\copy (SELECT * FROM employee ORDER BY id) TO '$TDIR/emp.txt'" -c "\\copy (SELECT * FROM employee_word ORDER BY word, sort_name, employee_id) TO '$TDIR/words.txt'"
  psql -q "$url" -c "DROP DATABASE kfin" -c "CHECKPOINT" >/dev/null
  echo "### Import of $N employees into an empty PostgreSQL database ($RUNS runs in turns)"
  echo
  echo "$(date -u +%F), ${TASKSET:-no pinning} (the server is not pinned), ${NICE:-default priority}, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| run | psql \\copy s | schema floor (psql) s | kompeten import s | ratio to floor | ratio to \\copy | floor / \\copy | kompeten peak RSS MB |"
  echo "|---|---|---|---|---|---|---|---|"
  : > "$TDIR/ratios.txt"; : > "$TDIR/ratios_base.txt"
  for i in $(seq "$RUNS"); do
    psql -q "$url" -c "DROP SCHEMA IF EXISTS b CASCADE; CREATE SCHEMA b; SET search_path=b; $ddl" >/dev/null
    t=$(timed psql -q "$url&options=-csearch_path%3Db" -c "\\copy employee FROM '$OUT/employees-$N.csv' WITH (FORMAT csv, HEADER true)"); read -r bs _ <<<"$t"
    psql -q "$url" -c "DROP DATABASE IF EXISTS kfloor" -c "CREATE DATABASE kfloor TEMPLATE ktemplate" >/dev/null
    t=$(timed psql -X -q -1 -v ON_ERROR_STOP=1 "postgres://postgres@127.0.0.1:$PORT/kfloor?sslmode=disable" -f "$TDIR/floor_pg.sql"); read -r fs _ <<<"$t"
    # A fresh copy of the template database (units and positions imported once).
    psql -q "$url" -c "DROP DATABASE IF EXISTS kfloor" -c "DROP DATABASE IF EXISTS krun" -c "CREATE DATABASE krun TEMPLATE ktemplate" >/dev/null
    kurl="postgres://postgres@127.0.0.1:$PORT/krun?sslmode=disable"
    t=$(timed "$BIN" import employees "$OUT/employees-$N.csv" --apply --db "$kurl"); read -r ks krss <<<"$t"
    grep -q "baru $N," "$TDIR/last.log" || { cat "$TDIR/last.log" >&2; echo "import did not create $N employees" >&2; exit 1; }
    r=$(ratio "$ks" "$fs"); rb=$(ratio "$ks" "$bs")
    echo "$r" >> "$TDIR/ratios.txt"; echo "$rb" >> "$TDIR/ratios_base.txt"
    echo "| $i | $bs | $fs | $ks | $r | $rb | $(ratio "$fs" "$bs") | $((krss/1024)) |"
  done
  echo
  echo "median ratio to the schema floor: $(median < "$TDIR/ratios.txt") (goal ≤ 2.5); to the bare \\copy: $(median < "$TDIR/ratios_base.txt")"
  echo
}

bench_http() {
  prepare
  db="$OUT/src-$N.db"
  pw=$("$BIN" user reset-password admin --db "$db" | awk '{print $NF}')
  token=$("$BIN" user token admin --name bench --db "$db" | awk '{print $NF}')
  taskset -c 0 "$BIN" serve --db "$db" --addr 127.0.0.1:18080 --log-level warn > "$OUT/serve.log" 2>&1 &
  spid=$!
  trap 'kill $spid 2>/dev/null || true' RETURN
  for _ in $(seq 50); do curl -sf http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.2; done
  # Warm-up: the first home page of an administrator builds the whole
  # government's cards (needs snapshot, talent map, cycle counts) in the
  # background; the measured runs start once it shows them all, as a server
  # that has been up for a while would.
  jar=$(mktemp)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=admin&password=$pw" http://127.0.0.1:18080/masuk
  for _ in $(seq 120); do curl -s -c "$jar" -b "$jar" http://127.0.0.1:18080/ | grep -q 'id="card-pending"' || break; sleep 1; done
  rm -f "$jar"
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

# jpmdb PATH-OR-URL: a demo city of $N employees with standards (12
# competencies per position) and current levels for everyone.
jpmdb() {
  if [ ! -s "$OUT/jpm-$N.db" ]; then
    echo "preparing a demo city of $N employees with standards and levels" >&2
    rm -f "$OUT/jpm-$N.db"*
    "$BIN" demo --db "$OUT/jpm-$N.db" --employees "$N" >&2
  fi
}

# jpm_turns ENGINE CMD...: runs the baseline CMD and `kompeten gaps jpm` with
# the default workers and with one worker, in turns, RUNS times; every output
# must equal the baseline's byte for byte. $1 is the label of the baseline.
jpm_turns() {
  label=$1; shift
  echo "| run | $label s | kompeten gaps jpm s | ratio | kompeten, 1 worker s | ratio |"
  echo "|---|---|---|---|---|---|"
  : > "$OUT/ratios.txt"; : > "$OUT/ratios1.txt"
  for i in $(seq "$RUNS"); do
    t=$(timed "$@"); read -r bs _ <<<"$t"; cp "$OUT/last.log" "$OUT/jpm-base.csv"
    t=$(timed "$BIN" gaps jpm --db "$JPMDB" --out "$OUT/jpm-go.csv"); read -r ks _ <<<"$t"
    cmp -s "$OUT/jpm-base.csv" "$OUT/jpm-go.csv" || { echo "kompeten gaps jpm differs from the baseline" >&2; exit 1; }
    t=$(timed "$BIN" gaps jpm --db "$JPMDB" --workers 1 --out "$OUT/jpm-go.csv"); read -r k1 _ <<<"$t"
    cmp -s "$OUT/jpm-base.csv" "$OUT/jpm-go.csv" || { echo "kompeten gaps jpm --workers 1 differs from the baseline" >&2; exit 1; }
    r=$(python3 -c "print(f'{$ks/$bs:.2f}')"); r1=$(python3 -c "print(f'{$k1/$bs:.2f}')")
    echo "$r" >> "$OUT/ratios.txt"; echo "$r1" >> "$OUT/ratios1.txt"
    echo "| $i | $bs | $ks | $r | $k1 | $r1 |"
  done
  echo
  echo "median ratio: $(median < "$OUT/ratios.txt"), one worker: $(median < "$OUT/ratios1.txt") (goal ≤ 2.0); $(wc -l < "$OUT/jpm-base.csv") employees, outputs identical"
  echo
}

# jpm_persist: the time to store every JPM and every level.
jpm_persist() {
  echo "| what | seconds | peak RSS MB |"
  echo "|---|---|---|"
  t=$(timed "$BIN" gaps recompute --jpm-only --db "$JPMDB"); read -r s rss <<<"$t"
  echo "| \`gaps recompute --jpm-only\` (every JPM from the stored levels, stored) | $s | $((rss/1024)) |"
  t=$(timed "$BIN" gaps recompute --db "$JPMDB"); read -r s rss <<<"$t"
  echo "| \`gaps recompute\` (every level from the ratings, then every JPM, stored) | $s | $((rss/1024)) |"
  echo
  echo "($(tail -1 "$OUT/last.log"))"
  echo
}

bench_jpm() {
  jpmdb
  JPMDB="$OUT/jpm-$N.db"
  echo "### Every employee's JPM from scratch, $N employees, SQLite ($RUNS runs in turns)"
  echo
  echo "$(date -u +%F), ${TASKSET:-no pinning}, ${NICE:-default priority}, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  # One untimed pass each, so that both start with the file in the page cache.
  sqlite3 -csv "$JPMDB" < bench/jpm_sqlite.sql > /dev/null
  "$BIN" gaps jpm --db "$JPMDB" --out /dev/null
  jpm_turns "sqlite3" sqlite3 -csv "$JPMDB" -cmd ".read bench/jpm_sqlite.sql" ".quit"
  [ -n "${NOPERSIST:-}" ] || jpm_persist
}

bench_pgjpm() {
  BINPG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  DATA=$(mktemp -d /tmp/kpg.XXXX); SOCK=$DATA/sock; PORT=55433
  chmod 755 "$DATA"
  install -d -o postgres -g postgres "$DATA/db" "$SOCK"
  runuser -u postgres -- "$BINPG/initdb" -D "$DATA/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$BINPG/pg_ctl" -D "$DATA/db" -l "$DATA/db/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off -c shared_buffers=512MB -c work_mem=64MB -c max_wal_size=8GB" start >/dev/null
  trap 'runuser -u postgres -- "$BINPG/pg_ctl" -D "$DATA/db" -m fast stop >/dev/null; rm -rf "$DATA"; trap - EXIT' RETURN EXIT
  JPMDB="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
  echo "preparing a demo city of $N employees on PostgreSQL" >&2
  t=$(timed "$BIN" demo --db "$JPMDB" --employees "$N"); read -r ds _ <<<"$t"
  psql -q "$JPMDB" -c "VACUUM ANALYZE" -c "CHECKPOINT" >/dev/null
  echo "### Every employee's JPM from scratch, $N employees, PostgreSQL ($RUNS runs in turns)"
  echo
  echo "$(date -u +%F), ${TASKSET:-no pinning} (the server is not pinned), load average before: $(cut -d' ' -f1-3 /proc/loadavg); \`kompeten demo\` on PostgreSQL took ${ds} s"
  echo
  psql -X -q -A -t -F , -f bench/jpm_postgres.sql "$JPMDB" > /dev/null
  "$BIN" gaps jpm --db "$JPMDB" --out /dev/null
  jpm_turns "psql" psql -X -q -A -t -F , -f bench/jpm_postgres.sql "$JPMDB"
  [ -n "${NOPERSIST:-}" ] || jpm_persist
}

# The needs heat-map (/analisis, whole city) under load: server on core 0,
# 50 signed-in clients on core 1, as bench_http. First the cold request
# (no snapshot yet: built on the request path), then DUR of warm load with
# nothing written, then WDUR of load while a rating is written every second
# (each moves the cache's fingerprint, so the snapshot is rebuilt in the
# background at the policy's pace while stale numbers are served).
bench_heatmap() {
  jpmdb
  db="$OUT/jpm-$N.db"
  pw=$("$BIN" user reset-password admin --db "$db" | awk '{print $NF}')
  taskset -c 0 "$BIN" serve --db "$db" --addr 127.0.0.1:18081 --log-level warn > "$OUT/serve-heat.log" 2>&1 &
  spid=$!
  wpid=
  trap 'kill $spid 2>/dev/null || true; [ -z "$wpid" ] || kill $wpid 2>/dev/null || true' RETURN
  for _ in $(seq 100); do curl -sf http://127.0.0.1:18081/healthz >/dev/null && break; sleep 0.2; done
  jar="$OUT/heat.jar"; rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$pw" http://127.0.0.1:18081/masuk
  cold=$(curl -s -b "$jar" -o "$OUT/heat.html" -w '%{time_total}' http://127.0.0.1:18081/analisis)
  grep -q 'heat-' "$OUT/heat.html" || { echo "/analisis did not show a heat-map" >&2; exit 1; }
  warm=$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' http://127.0.0.1:18081/analisis)
  echo "### Needs heat-map of the whole city (/analisis), $N employees, 50 signed-in clients (server on core 0, load on core 1)"
  echo
  echo "$(date -u +%F), load average before: $(cut -d' ' -f1-3 /proc/loadavg). First request after start (snapshot built on the request path): $(secs "$cold") s; the next one alone: $(python3 -c "print(f'{$warm*1000:.1f}')") ms."
  echo
  echo "Warm, nothing written ($DUR):"
  echo
  taskset -c 1 "$OUT/loadgen" -base http://127.0.0.1:18081 -user admin -pass "$pw" -c 50 -d "$DUR" -s healthz,web-analisis
  echo
  echo "Steady state, a rating written every second ($WDUR):"
  echo
  ( while :; do
      taskset -c 1 sqlite3 "$db" ".timeout 10000" "INSERT INTO rating (employee_id, competency_id, source, level, rater_id, at, note)
        SELECT e.id, i.competency_id, 'self', 1 + abs(random()) % 5, e.id, CAST(strftime('%s','now') AS INTEGER), 'bench'
        FROM employee e JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = 1
        JOIN standard_item i ON i.standard_id = ps.id WHERE e.id = 1 + abs(random()) % $N LIMIT 1" >/dev/null 2>&1 || true
      sleep 1
    done ) &
  wpid=$!
  taskset -c 1 "$OUT/loadgen" -base http://127.0.0.1:18081 -user admin -pass "$pw" -c 50 -d "$WDUR" -s web-analisis
  kill $wpid 2>/dev/null || true; wpid=
  echo
  echo "server peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$spid/status) / 1024 )) MB"
  echo
}

case $what in
  heatmap) DUR=${DUR:-20s}; WDUR=${WDUR:-120s}; bench_heatmap ;;
  jpm) bench_jpm ;;
  pgjpm) bench_pgjpm ;;
  import) bench_import ;;
  pgimport) bench_pgimport ;;
  http) bench_http ;;
  demo) bench_demo ;;
  all) bench_demo; bench_import; bench_pgimport; bench_http ;;
esac
