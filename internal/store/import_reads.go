package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/names"
)

// EmployeeNIPsInUnits calls fn with the NIP and display name of every
// employee directly in one of the units, in NIP order; import reports use it
// to list the employees a file leaves out.
func (s *Store) EmployeeNIPsInUnits(ctx context.Context, unitIDs []int64, fn func(nip, name string) error) error {
	for len(unitIDs) > 0 {
		n := min(len(unitIDs), 500)
		var a args
		var marks []string
		for _, id := range unitIDs[:n] {
			marks = append(marks, a.add(id))
		}
		unitIDs = unitIDs[n:]
		rows, err := s.db.QueryContext(ctx, `SELECT nip, name, gelar_depan, gelar_belakang FROM employee WHERE unit_id IN (`+strings.Join(marks, ",")+`) ORDER BY nip`, a...)
		if err != nil {
			return fmt.Errorf("store: employees in units: %w", err)
		}
		for rows.Next() {
			var nip, name, front, back string
			if err := rows.Scan(&nip, &name, &front, &back); err != nil {
				rows.Close()
				return err
			}
			if err := fn(nip, names.Display(front, name, back)); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// PositionCount returns the number of positions.
func (s *Store) PositionCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM position`).Scan(&n)
	return n, err
}

// PositionRow is a position as ScanPositions hands it out: the text
// columns are valid only until the callback returns.
type PositionRow struct {
	ID, UnitID                 int64
	Code, Title, Type, Jenjang []byte
	IsHead                     bool
}

// ScanPositions calls fn with every position in storage order (no sort of
// hundreds of thousands of rows), reusing p and its bytes between calls: an
// import keeps what it needs of them in compact form.
func (s *Store) ScanPositions(ctx context.Context, fn func(p *PositionRow) error) error {
	const q = `SELECT id, unit_id, is_head, code, title, type, jenjang FROM position`
	var p PositionRow
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("store: positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code, title, typ, jenjang sql.RawBytes
		if err := rows.Scan(&p.ID, &p.UnitID, &p.IsHead, &code, &title, &typ, &jenjang); err != nil {
			return err
		}
		p.Code, p.Title, p.Type, p.Jenjang = code, title, typ, jenjang
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EmployeeUnitsByNIP returns the unit of each stored employee among the
// given NIPs (at most a few hundred per call), by NIP.
func (s *Store) EmployeeUnitsByNIP(ctx context.Context, nips []string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(nips) == 0 {
		return out, nil
	}
	var a args
	marks := make([]string, len(nips))
	for i, v := range nips {
		marks[i] = a.add(v)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT nip, unit_id FROM employee WHERE nip IN (`+strings.Join(marks, ",")+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: employee units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		var id int64
		if err := rows.Scan(&n, &id); err != nil {
			return nil, err
		}
		out[n] = id
	}
	return out, rows.Err()
}
