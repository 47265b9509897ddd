package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// The store's small SQL-building helpers, in one place: the engine names,
// positional parameters and the lists built from them, index-friendly
// range conditions, and the classification of constraint errors. SQL is
// written once in PostgreSQL syntax with $N parameters, which modernc SQLite
// runs unchanged; what one text cannot hide lives here or in Dialect.
//
// Elsewhere still: valuesSQL (the multi-row VALUES list of bulk.go) and the
// markers of the import's statements (import_employees.go), which are being
// rewritten with the import.

// Dialect names the database engine; it carries the few differences that one
// SQL text cannot hide (DDL, error classification, bulk-load tuning).
type Dialect string

// Supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// queryer is what both *sql.DB and *sql.Tx offer; small helpers take it so
// that one function serves inside and outside a transaction.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// args collects positional parameters and hands out their $N markers.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// inList adds vals to a and returns their markers joined for "IN (…)".
// vals must not be empty: "IN ()" is not SQL.
func inList[T any](a *args, vals []T) string {
	marks := make([]string, len(vals))
	for i, v := range vals {
		marks[i] = a.add(v)
	}
	return strings.Join(marks, ",")
}

// paddedIDs adds ids to a and returns their markers, padding the list to a
// few fixed lengths (repeating the last ID) so the statement text repeats
// and stays prepared.
func paddedIDs(ids []int64, a *args) string {
	n := len(ids)
	for _, size := range []int{1, 10, 51, 201} {
		if n <= size {
			n = size
			break
		}
	}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(a.add(ids[min(i, len(ids)-1)]))
	}
	return b.String()
}

// inIDOrder returns the indexes of got (rows read with "id IN (…)", which
// come back in id order) in the order of ids, leaving out ids no row was
// found for (deleted meanwhile) and repeated ones.
func inIDOrder[T any](ids []int64, got []T, idOf func(*T) int64) []int {
	at := make(map[int64]int, len(got))
	for i := range got {
		at[idOf(&got[i])] = i
	}
	order := make([]int, 0, len(got))
	for _, id := range ids {
		if i, ok := at[id]; ok {
			order = append(order, i)
			delete(at, id)
		}
	}
	return order
}

// pathUpper is the exclusive upper bound of the subtree under path: every
// descendant's path starts with path ("/1/7/") and so sorts below "/1/70",
// because '0' is the byte after '/'.
func pathUpper(path string) string {
	return strings.TrimSuffix(path, "/") + "0"
}

// pathRange is the SQL condition "col is path or below it": the index-friendly
// range [path, pathUpper(path)) of a materialised-path column.
func pathRange(col, path string, a *args) string {
	return fmt.Sprintf("(%s >= %s AND %s < %s)", col, a.add(path), col, a.add(pathUpper(path)))
}

// scopeUnits is the SQL condition "unit path column col lies in one of
// sc's subtrees": TRUE for the whole government, FALSE for a scope without
// units. With ancestors it also admits the strict ancestors of those
// subtrees (by equality on their few paths), so that it reads "the subtree
// of col overlaps sc's", as model.Scope.OverlapsPath does.
func scopeUnits(col string, sc model.Scope, ancestors bool, a *args) string {
	switch {
	case sc.All:
		return "TRUE"
	case len(sc.UnitPaths) == 0:
		return "FALSE"
	}
	var or []string
	for _, p := range sc.UnitPaths {
		or = append(or, pathRange(col, p, a))
		var above []string
		for k := 1; ancestors && k < len(p)-1; k++ { // the strict ancestors of /1/7/42/: /1/ and /1/7/
			if p[k] == '/' {
				above = append(above, a.add(p[:k+1]))
			}
		}
		if len(above) > 0 {
			or = append(or, col+" IN ("+strings.Join(above, ", ")+")")
		}
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// wordRange matches a whole word, or any word starting with w when prefix.
func wordRange(col, w string, prefix bool, a *args) string {
	if !prefix {
		return col + " = " + a.add(w)
	}
	return fmt.Sprintf("%s >= %s AND %s < %s", col, a.add(w), col, a.add(w+"\U0010FFFF"))
}

// insertID runs an INSERT ... RETURNING id and returns the new id. Both
// engines support RETURNING.
func insertID(ctx context.Context, q queryer, query string, args ...any) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// nullID maps 0 to SQL NULL for optional foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// isUniqueViolation reports whether err is a unique-constraint violation on
// either engine.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505")
}

// isForeignKeyViolation reports whether err is a foreign-key violation.
func isForeignKeyViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "FOREIGN KEY constraint failed") || strings.Contains(msg, "SQLSTATE 23503")
}

// eachRow runs query on q and, for every row, scans it into dest and calls
// fn; it closes the rows and returns the first error. dest is scanned into
// afresh for each row, so fn copies what it keeps.
func eachRow(ctx context.Context, q queryer, query string, args []any, dest []any, fn func()) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		fn()
	}
	return rows.Err()
}

// eachRowErr is eachRow for an fn that may fail, which ends the reading.
func eachRowErr(ctx context.Context, q queryer, query string, args []any, dest []any, fn func() error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := fn(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryAll runs query on q and returns one T per row, each filled by scan
// (scanUnit, scanUser and the like).
func queryAll[T any](ctx context.Context, q queryer, query string, args []any, scan func(interface{ Scan(...any) error }, *T) error) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
