package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store/storetest"
)

// The two migration trees are written by hand, once per engine. These tests
// keep them in step: a migration added to one tree only, or a table, column,
// index or constraint that one engine has and the other lacks or declares
// differently, fails here with the difference spelled out.

// TestMigrationTreesHaveTheSameFiles: every numbered migration exists in both
// trees under the same name, so neither engine can run a step the other lacks.
func TestMigrationTreesHaveTheSameFiles(t *testing.T) {
	lite := migrationNames(t, "migrations/sqlite")
	pg := migrationNames(t, "migrations/postgres")
	for _, d := range setDiff(lite, pg) {
		t.Errorf("migration %s exists for SQLite only: write its PostgreSQL twin", d)
	}
	for _, d := range setDiff(pg, lite) {
		t.Errorf("migration %s exists for PostgreSQL only: write its SQLite twin", d)
	}
	if len(lite) == 0 {
		t.Fatal("no SQLite migrations found")
	}
}

func migrationNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	return names
}

// schemaAllowed lists the deliberate differences between the migrated
// schemas, each with its reason. A listed difference that no longer occurs
// fails the test too, so the list only holds what is true.
//
// SQLite's lack of a boolean type is not listed: the type families handle
// it (see sameFamily).
var schemaAllowed = map[string]string{
	// One row per employee, keyed by employee.id, which every write gives.
	// On SQLite the INTEGER PRIMARY KEY makes it the rowid, so a lookup by
	// employee is one B-tree descent; PostgreSQL has no such thing and no
	// use for an identity here.
	"column employee_jpm.employee_id: numbered on insert true on SQLite, false on PostgreSQL": "keyed by employee.id, always given",
	// The same for the file an import kept, keyed by its audit event.
	"column import_file.audit_id: numbered on insert true on SQLite, false on PostgreSQL": "keyed by audit_log.id, always given",
	// A PPPK's one work agreement, keyed by employee.id.
	"column pppk_agreement.employee_id: numbered on insert true on SQLite, false on PostgreSQL": "keyed by employee.id, always given",
	// Created by Migrate itself with one text for both engines; every
	// insert gives the migration's number.
	"column schema_migrations.version: numbered on insert true on SQLite, false on PostgreSQL": "the version is always given",
}

// TestSchemasOfBothEnginesAgree migrates a fresh SQLite and a fresh
// PostgreSQL and compares what they hold: tables, columns (type family,
// nullability, default), primary keys, unique constraints, foreign keys (with
// their actions), CHECK constraints (how many per table: SQLite keeps only
// their text) and indexes (name, columns, unique, partial or not).
func TestSchemasOfBothEnginesAgree(t *testing.T) {
	ctx := context.Background()
	lite := readSQLiteSchema(ctx, t, storetest.SQLite(t).DB())
	pg := readPostgresSchema(ctx, t, storetest.Postgres(t).DB())
	if len(lite) < 10 {
		t.Fatalf("SQLite schema has %d tables: the reader found nothing", len(lite))
	}
	diffs := compareSchemas(lite, pg)
	seen := map[string]bool{}
	for _, d := range diffs {
		if _, ok := schemaAllowed[d]; ok {
			seen[d] = true
			continue
		}
		t.Error(d)
	}
	for d := range schemaAllowed {
		if !seen[d] {
			t.Errorf("allow-listed difference no longer occurs, remove it: %s", d)
		}
	}
}

// TestSchemaComparisonSeesDifferences: the comparison is not blind. Each
// kind of drift between two otherwise equal schemas is reported.
func TestSchemaComparisonSeesDifferences(t *testing.T) {
	base := func() map[string]*tableSchema {
		return map[string]*tableSchema{"t": {
			Columns: map[string]columnSchema{
				"id":   {Family: "integer", NotNull: true},
				"flag": {Family: "integer", NotNull: true, Default: "0"},
				"name": {Family: "text", NotNull: true, Default: "''"},
			},
			PrimaryKey: "id",
			Uniques:    []string{"name"},
			Foreign:    []string{"flag -> u(id) on delete NO ACTION"},
			Checks:     1,
			Indexes:    map[string]indexSchema{"t_name": {Columns: "name", Partial: true}},
		}}
	}
	pgBool := base()
	pgBool["t"].Columns["flag"] = columnSchema{Family: "boolean", NotNull: true, Default: "0"}
	if d := compareSchemas(base(), pgBool); len(d) != 0 {
		t.Errorf("an INTEGER 0/1 on SQLite against a BOOLEAN on PostgreSQL is the same column, got %v", d)
	}
	changes := map[string]func(s map[string]*tableSchema){
		"table":  func(s map[string]*tableSchema) { s["u"] = &tableSchema{Columns: map[string]columnSchema{}} },
		"column": func(s map[string]*tableSchema) { delete(s["t"].Columns, "name") },
		"family": func(s map[string]*tableSchema) {
			s["t"].Columns["name"] = columnSchema{Family: "integer", NotNull: true, Default: "''"}
		},
		"nullable": func(s map[string]*tableSchema) { s["t"].Columns["name"] = columnSchema{Family: "text", Default: "''"} },
		"default":  func(s map[string]*tableSchema) { s["t"].Columns["name"] = columnSchema{Family: "text", NotNull: true} },
		"pk":       func(s map[string]*tableSchema) { s["t"].PrimaryKey = "id,name" },
		"unique":   func(s map[string]*tableSchema) { s["t"].Uniques = nil },
		"foreign":  func(s map[string]*tableSchema) { s["t"].Foreign = []string{"flag -> u(id) on delete CASCADE"} },
		"check":    func(s map[string]*tableSchema) { s["t"].Checks = 0 },
		"index":    func(s map[string]*tableSchema) { delete(s["t"].Indexes, "t_name") },
		"index col": func(s map[string]*tableSchema) {
			s["t"].Indexes["t_name"] = indexSchema{Columns: "name,id", Partial: true}
		},
		"partial": func(s map[string]*tableSchema) { s["t"].Indexes["t_name"] = indexSchema{Columns: "name"} },
		"uniq idx": func(s map[string]*tableSchema) {
			s["t"].Indexes["t_name"] = indexSchema{Columns: "name", Unique: true, Partial: true}
		},
	}
	for name, change := range changes {
		other := base()
		change(other)
		if d := compareSchemas(base(), other); len(d) == 0 {
			t.Errorf("%s: a changed schema compared equal", name)
		}
	}
}

// tableSchema is one table as both engines can describe it. Column lists
// are comma-joined names in key order.
type tableSchema struct {
	Columns    map[string]columnSchema
	PrimaryKey string
	Uniques    []string // unique constraints (not CREATE UNIQUE INDEX)
	Foreign    []string // "cols -> table(cols) on delete ACTION"
	Checks     int
	Indexes    map[string]indexSchema // created by CREATE [UNIQUE] INDEX
}

type columnSchema struct {
	Family  string // integer, text, boolean, real, blob, timestamp, other
	NotNull bool
	Default string // normalised: casts stripped, booleans as 0/1
	// AutoID: an INSERT without this column numbers the row (SQLite's
	// INTEGER PRIMARY KEY of a rowid table, PostgreSQL's identity).
	AutoID bool
}

type indexSchema struct {
	Columns string
	Unique  bool
	Partial bool
}

// compareSchemas lists every difference between the SQLite schema lite and
// the PostgreSQL schema pg, one sentence each, sorted.
func compareSchemas(lite, pg map[string]*tableSchema) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, name := range unionKeys(lite, pg) {
		l, p := lite[name], pg[name]
		switch {
		case p == nil:
			add("table %s: only on SQLite", name)
			continue
		case l == nil:
			add("table %s: only on PostgreSQL", name)
			continue
		}
		for _, c := range unionKeys(l.Columns, p.Columns) {
			lc, lok := l.Columns[c]
			pc, pok := p.Columns[c]
			switch {
			case !pok:
				add("column %s.%s: only on SQLite", name, c)
			case !lok:
				add("column %s.%s: only on PostgreSQL", name, c)
			default:
				if !sameFamily(lc.Family, pc.Family) {
					add("column %s.%s: type %s on SQLite, %s on PostgreSQL", name, c, lc.Family, pc.Family)
				}
				if lc.NotNull != pc.NotNull {
					add("column %s.%s: NOT NULL %v on SQLite, %v on PostgreSQL", name, c, lc.NotNull, pc.NotNull)
				}
				if lc.AutoID != pc.AutoID {
					add("column %s.%s: numbered on insert %v on SQLite, %v on PostgreSQL", name, c, lc.AutoID, pc.AutoID)
				}
				if lc.Default != pc.Default {
					add("column %s.%s: default %q on SQLite, %q on PostgreSQL", name, c, lc.Default, pc.Default)
				}
			}
		}
		if l.PrimaryKey != p.PrimaryKey {
			add("table %s: primary key (%s) on SQLite, (%s) on PostgreSQL", name, l.PrimaryKey, p.PrimaryKey)
		}
		for _, u := range setDiff(l.Uniques, p.Uniques) {
			add("table %s: UNIQUE (%s) only on SQLite", name, u)
		}
		for _, u := range setDiff(p.Uniques, l.Uniques) {
			add("table %s: UNIQUE (%s) only on PostgreSQL", name, u)
		}
		for _, f := range setDiff(l.Foreign, p.Foreign) {
			add("table %s: foreign key %s only on SQLite", name, f)
		}
		for _, f := range setDiff(p.Foreign, l.Foreign) {
			add("table %s: foreign key %s only on PostgreSQL", name, f)
		}
		if l.Checks != p.Checks {
			add("table %s: %d CHECK constraints on SQLite, %d on PostgreSQL", name, l.Checks, p.Checks)
		}
		for _, i := range unionKeys(l.Indexes, p.Indexes) {
			li, lok := l.Indexes[i]
			pi, pok := p.Indexes[i]
			switch {
			case !pok:
				add("index %s on %s: only on SQLite", i, name)
			case !lok:
				add("index %s on %s: only on PostgreSQL", i, name)
			case li != pi:
				add("index %s on %s: %+v on SQLite, %+v on PostgreSQL", i, name, li, pi)
			}
		}
	}
	sort.Strings(out)
	return out
}

// sameFamily: equal families, or a boolean, which SQLite has no type for
// and keeps as INTEGER 0/1 (the store binds Go bools, which both drivers
// convert).
func sameFamily(lite, pg string) bool {
	return lite == pg || (lite == "integer" && pg == "boolean")
}

// sqliteFamily follows SQLite's type-affinity rules (datatype3.html §3.1).
func sqliteFamily(declared string) string {
	d := strings.ToUpper(declared)
	switch {
	case strings.Contains(d, "INT"):
		return "integer"
	case strings.Contains(d, "CHAR"), strings.Contains(d, "CLOB"), strings.Contains(d, "TEXT"):
		return "text"
	case d == "", strings.Contains(d, "BLOB"):
		return "blob"
	case strings.Contains(d, "REAL"), strings.Contains(d, "FLOA"), strings.Contains(d, "DOUB"):
		return "real"
	case strings.Contains(d, "BOOL"):
		return "integer" // numeric affinity; stored as 0/1
	}
	return "real" // NUMERIC affinity
}

func postgresFamily(dataType string) string {
	switch dataType {
	case "bigint", "integer", "smallint":
		return "integer"
	case "text", "character varying", "character":
		return "text"
	case "boolean":
		return "boolean"
	case "bytea":
		return "blob"
	case "real", "double precision", "numeric":
		return "real"
	case "timestamp with time zone", "timestamp without time zone", "date":
		return "timestamp"
	}
	return "other:" + dataType
}

var (
	castSuffix = regexp.MustCompile(`::[a-z ]+(\[\])?$`)
	checkWord  = regexp.MustCompile(`(?i)\bCHECK\s*\(`)
	// withoutRowid: a WITHOUT ROWID table's INTEGER PRIMARY KEY is a plain
	// column, not the row number.
	withoutRowid = regexp.MustCompile(`(?i)\)\s*WITHOUT\s+ROWID\s*;?\s*$`)
)

// normDefault writes a column default the same way for both engines.
func normDefault(d sql.NullString) string {
	if !d.Valid {
		return ""
	}
	s := strings.TrimSpace(d.String)
	for strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	s = castSuffix.ReplaceAllString(s, "")
	switch strings.ToLower(s) {
	case "true":
		return "1"
	case "false":
		return "0"
	case "null":
		return ""
	}
	return s
}

func readSQLiteSchema(ctx context.Context, t *testing.T, db *sql.DB) map[string]*tableSchema {
	t.Helper()
	type tbl struct{ name, sql string }
	var tables []tbl
	rows, err := db.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var x tbl
		if err := rows.Scan(&x.name, &x.sql); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, x)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	out := map[string]*tableSchema{}
	for _, tb := range tables {
		ts := &tableSchema{Columns: map[string]columnSchema{}, Indexes: map[string]indexSchema{}}
		out[tb.name] = ts
		ts.Checks = len(checkWord.FindAllStringIndex(tb.sql, -1))

		type pkCol struct {
			name string
			pos  int
		}
		var pk []pkCol
		pkTypes := map[string]string{}
		queryRows(ctx, t, db, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info($1)`, []any{tb.name}, func(r *sql.Rows) error {
			var name, typ string
			var notNull, pos int
			var def sql.NullString
			if err := r.Scan(&name, &typ, &notNull, &def, &pos); err != nil {
				return err
			}
			// Primary-key columns never hold NULL (an INTEGER PRIMARY
			// KEY is the rowid), though SQLite does not say NOT NULL.
			ts.Columns[name] = columnSchema{Family: sqliteFamily(typ), NotNull: notNull == 1 || pos > 0, Default: normDefault(def)}
			if pos > 0 {
				pk = append(pk, pkCol{name, pos})
				pkTypes[name] = typ
			}
			return nil
		})
		sort.Slice(pk, func(i, j int) bool { return pk[i].pos < pk[j].pos })
		if len(pk) == 1 && !withoutRowid.MatchString(tb.sql) {
			if c := ts.Columns[pk[0].name]; strings.EqualFold(pkTypes[pk[0].name], "INTEGER") {
				c.AutoID = true
				ts.Columns[pk[0].name] = c
			}
		}
		var pkNames []string
		for _, c := range pk {
			pkNames = append(pkNames, c.name)
		}
		ts.PrimaryKey = strings.Join(pkNames, ",")

		type idx struct {
			name, origin    string
			unique, partial bool
		}
		var idxs []idx
		queryRows(ctx, t, db, `SELECT name, "unique", origin, partial FROM pragma_index_list($1)`, []any{tb.name}, func(r *sql.Rows) error {
			var x idx
			if err := r.Scan(&x.name, &x.unique, &x.origin, &x.partial); err != nil {
				return err
			}
			idxs = append(idxs, x)
			return nil
		})
		for _, x := range idxs {
			var cols []string
			queryRows(ctx, t, db, `SELECT cid, name FROM pragma_index_info($1) ORDER BY seqno`, []any{x.name}, func(r *sql.Rows) error {
				var cid int
				var name sql.NullString
				if err := r.Scan(&cid, &name); err != nil {
					return err
				}
				if !name.Valid {
					cols = append(cols, "<expr>")
				} else {
					cols = append(cols, name.String)
				}
				return nil
			})
			switch x.origin {
			case "c":
				ts.Indexes[x.name] = indexSchema{Columns: strings.Join(cols, ","), Unique: x.unique, Partial: x.partial}
			case "u":
				ts.Uniques = append(ts.Uniques, strings.Join(cols, ","))
			}
		}

		type fk struct {
			id, seq        int
			table, from    string
			to             sql.NullString
			onDel, onUpdte string
		}
		byID := map[int][]fk{}
		queryRows(ctx, t, db, `SELECT id, seq, "table", "from", "to", on_delete, on_update FROM pragma_foreign_key_list($1)`, []any{tb.name}, func(r *sql.Rows) error {
			var x fk
			if err := r.Scan(&x.id, &x.seq, &x.table, &x.from, &x.to, &x.onDel, &x.onUpdte); err != nil {
				return err
			}
			byID[x.id] = append(byID[x.id], x)
			return nil
		})
		for _, parts := range byID {
			sort.Slice(parts, func(i, j int) bool { return parts[i].seq < parts[j].seq })
			var from, to []string
			for _, p := range parts {
				from = append(from, p.from)
				to = append(to, p.to.String) // NULL: the parent's primary key, filled below
			}
			ts.Foreign = append(ts.Foreign, fmt.Sprintf("%s -> %s(%s) on delete %s on update %s",
				strings.Join(from, ","), parts[0].table, strings.Join(to, ","), parts[0].onDel, parts[0].onUpdte))
		}
	}
	// A REFERENCES without columns points at the parent's primary key.
	for _, ts := range out {
		for i, f := range ts.Foreign {
			if strings.Contains(f, "()") {
				parent := f[strings.Index(f, "-> ")+3 : strings.Index(f, "(")]
				if p := out[parent]; p != nil {
					ts.Foreign[i] = strings.Replace(f, "()", "("+p.PrimaryKey+")", 1)
				}
			}
		}
	}
	return out
}

func readPostgresSchema(ctx context.Context, t *testing.T, db *sql.DB) map[string]*tableSchema {
	t.Helper()
	out := map[string]*tableSchema{}
	queryRows(ctx, t, db, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`, nil, func(r *sql.Rows) error {
		var name string
		if err := r.Scan(&name); err != nil {
			return err
		}
		out[name] = &tableSchema{Columns: map[string]columnSchema{}, Indexes: map[string]indexSchema{}}
		return nil
	})
	queryRows(ctx, t, db, `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
		FROM information_schema.columns WHERE table_schema = current_schema()`, nil, func(r *sql.Rows) error {
		var table, col, typ, nullable, identity string
		var def sql.NullString
		if err := r.Scan(&table, &col, &typ, &nullable, &def, &identity); err != nil {
			return err
		}
		serial := strings.HasPrefix(def.String, "nextval(")
		if serial {
			def = sql.NullString{}
		}
		if ts := out[table]; ts != nil {
			ts.Columns[col] = columnSchema{Family: postgresFamily(typ), NotNull: nullable == "NO", Default: normDefault(def),
				AutoID: identity == "YES" || serial}
		}
		return nil
	})
	// Constraints with their columns in key order; for foreign keys also
	// the parent's columns and the actions (letters as in pg_constraint).
	queryRows(ctx, t, db, `
		SELECT t.relname, c.contype,
		       COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.ord)
		                 FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
		                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n), ''),
		       COALESCE(f.relname, ''),
		       COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.ord)
		                 FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
		                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n), ''),
		       c.confdeltype, c.confupdtype
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		LEFT JOIN pg_class f ON f.oid = c.confrelid
		WHERE n.nspname = current_schema()`, nil, func(r *sql.Rows) error {
		var table, kind, cols, parent, parentCols, onDel, onUpd string
		if err := r.Scan(&table, &kind, &cols, &parent, &parentCols, &onDel, &onUpd); err != nil {
			return err
		}
		ts := out[table]
		if ts == nil {
			return nil
		}
		switch kind {
		case "p":
			ts.PrimaryKey = cols
		case "u":
			ts.Uniques = append(ts.Uniques, cols)
		case "c":
			ts.Checks++
		case "f":
			ts.Foreign = append(ts.Foreign, fmt.Sprintf("%s -> %s(%s) on delete %s on update %s",
				cols, parent, parentCols, pgAction(onDel), pgAction(onUpd)))
		}
		return nil
	})
	// Indexes that back no constraint of their table: the CREATE INDEX ones.
	queryRows(ctx, t, db, `
		SELECT t.relname, i.relname, x.indisunique, x.indpred IS NOT NULL,
		       (SELECT string_agg(COALESCE(a.attname, '<expr>'), ',' ORDER BY k.ord)
		        FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, ord)
		        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n AND k.n > 0)
		FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid
		JOIN pg_class t ON t.oid = x.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema()
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
		                  WHERE c.conindid = x.indexrelid AND c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x'))`, nil, func(r *sql.Rows) error {
		var table, name, cols string
		var unique, partial bool
		if err := r.Scan(&table, &name, &unique, &partial, &cols); err != nil {
			return err
		}
		if ts := out[table]; ts != nil {
			ts.Indexes[name] = indexSchema{Columns: cols, Unique: unique, Partial: partial}
		}
		return nil
	})
	return out
}

// pgAction names a pg_constraint action letter as SQLite's pragma does.
func pgAction(letter string) string {
	switch letter {
	case "a":
		return "NO ACTION"
	case "r":
		return "RESTRICT"
	case "c":
		return "CASCADE"
	case "n":
		return "SET NULL"
	case "d":
		return "SET DEFAULT"
	}
	return letter
}

func queryRows(ctx context.Context, t *testing.T, db *sql.DB, query string, args []any, each func(*sql.Rows) error) {
	t.Helper()
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// unionKeys returns the keys of a and b, sorted.
func unionKeys[V any](a, b map[string]V) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// setDiff returns the elements of a not in b (as multisets), sorted.
func setDiff(a, b []string) []string {
	rest := slices.Clone(b)
	var out []string
	for _, x := range a {
		if i := slices.Index(rest, x); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
			continue
		}
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}
