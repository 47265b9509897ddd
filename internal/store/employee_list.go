package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// EmployeeFilter selects a page of employees. Every query is limited to
// Scope; the zero Scope returns nothing.
type EmployeeFilter struct {
	Scope        model.Scope
	Query        string // words of the name (any word, prefix of the last) or NIP digits
	UnitID       int64  // the unit's whole subtree
	PositionType model.PositionType
	Golongan     string
	Status       model.Status
	Kind         model.EmployeeKind
	Offset       int
	Limit        int // default 50, at most 200
}

// args collects positional parameters and hands out their $N markers.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// scopeClause returns the SQL condition limiting employee alias e to scope.
func scopeClause(sc model.Scope, a *args) string {
	if sc.All {
		return "TRUE"
	}
	var or []string
	for _, p := range sc.UnitPaths {
		or = append(or, fmt.Sprintf("e.unit_id IN (SELECT id FROM org_unit WHERE path >= %s AND path < %s)", a.add(p), a.add(pathUpper(p))))
	}
	if sc.SelfID != 0 {
		or = append(or, "e.id = "+a.add(sc.SelfID))
	}
	if sc.SupervisorID != 0 {
		or = append(or, "e.supervisor_id = "+a.add(sc.SupervisorID))
	}
	if len(or) == 0 {
		return "FALSE"
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// InScope reports whether employee id is visible in scope.
func (s *Store) InScope(ctx context.Context, sc model.Scope, id int64) (bool, error) {
	var a args
	cond := scopeClause(sc, &a)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee e WHERE e.id = `+a.add(id)+` AND `+cond, a...).Scan(&n)
	return n > 0, err
}

// nipDigits returns the query as NIP digits when it is one (spaces allowed).
func nipDigits(q string) (string, bool) {
	d := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, q)
	if len(d) < 4 {
		return "", false
	}
	for _, r := range d {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return d, true
}

// Employees returns one page of employees in scope matching f, ordered by
// name, and whether more follow. A name query scans the word index in
// (word, name) order, so the first page of any search costs the same at a
// thousand employees or a million.
func (s *Store) Employees(ctx context.Context, f EmployeeFilter) ([]EmployeeView, bool, error) {
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	var a args
	from := employeeViewFrom
	where := []string{scopeClause(f.Scope, &a)}
	order := "e.sort_name, e.id"
	if nip, ok := nipDigits(f.Query); ok {
		where = append(where, fmt.Sprintf("e.nip >= %s AND e.nip < %s", a.add(nip), a.add(nip+":")))
		order = "e.nip"
	} else if words := names.QueryWords(f.Query); len(words) > 0 {
		// The longest word drives the index scan; the rest must also match.
		lead := 0
		for i, w := range words {
			if len(w) > len(words[lead]) {
				lead = i
			}
		}
		from = ` FROM employee_word w JOIN employee e ON e.id = w.employee_id` + strings.TrimPrefix(employeeViewFrom, " FROM employee e")
		where = append(where, wordRange("w.word", words[lead], lead == len(words)-1, &a))
		for i, w := range words {
			if i != lead {
				where = append(where, "EXISTS (SELECT 1 FROM employee_word w2 WHERE w2.employee_id = e.id AND "+
					wordRange("w2.word", w, i == len(words)-1, &a)+")")
			}
		}
		order = "w.word, w.sort_name, w.employee_id"
	} else if strings.TrimSpace(f.Query) != "" {
		return nil, false, nil // only titles or punctuation: nothing to look for
	}
	if f.UnitID != 0 {
		u, err := s.Unit(ctx, f.UnitID)
		if err != nil {
			return nil, false, err
		}
		where = append(where, fmt.Sprintf("e.unit_id IN (SELECT id FROM org_unit WHERE path >= %s AND path < %s)", a.add(u.Path), a.add(pathUpper(u.Path))))
	}
	if f.PositionType != "" {
		where = append(where, "p.type = "+a.add(string(f.PositionType)))
	}
	if f.Golongan != "" {
		where = append(where, "e.golongan = "+a.add(f.Golongan))
	}
	if f.Status != "" {
		where = append(where, "e.status = "+a.add(string(f.Status)))
	}
	if f.Kind != "" {
		where = append(where, "e.kind = "+a.add(string(f.Kind)))
	}
	q := `SELECT ` + employeeViewCols + from + ` WHERE ` + strings.Join(where, " AND ") +
		fmt.Sprintf(` ORDER BY %s LIMIT %d OFFSET %d`, order, f.Limit+1, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, a...)
	if err != nil {
		return nil, false, fmt.Errorf("store: list employees: %w", err)
	}
	defer rows.Close()
	var out []EmployeeView
	seen := map[int64]bool{}
	for rows.Next() {
		var v EmployeeView
		if err := scanEmployeeView(rows, &v); err != nil {
			return nil, false, err
		}
		if !seen[v.ID] { // a prefix may match two words of one name
			seen[v.ID] = true
			out = append(out, v)
		}
	}
	more := len(out) > f.Limit
	if more {
		out = out[:f.Limit]
	}
	return out, more, rows.Err()
}

// wordRange matches a whole word, or any word starting with w when prefix.
func wordRange(col, w string, prefix bool, a *args) string {
	if !prefix {
		return col + " = " + a.add(w)
	}
	return fmt.Sprintf("%s >= %s AND %s < %s", col, a.add(w), col, a.add(w+"\U0010FFFF"))
}
