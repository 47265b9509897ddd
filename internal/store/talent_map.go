package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/settings"
)

// TalentPerson is one employee in a 9-box list.
type TalentPerson struct {
	ID            int64
	NIP           string
	Kind          model.EmployeeKind
	Name          string
	GelarDepan    string
	GelarBelakang string
	UnitName      string
	UnitPath      string    // for the reader's right to the reason of a box (policy.PenaltyRead)
	HasJPM        bool      // a JPM row exists (the position has a standard)
	JPMCapped     gap.Fixed // provisional unless Assessed == Total
	// Assessed of Total competencies of the standard have a level: the box
	// needs all of them ("n dari m kompetensi dinilai").
	Assessed, Total int
	Predikat        [2]string // SKP predikat of Years[0] and Years[1] ("" unknown)
	Box             gap.Box
}

// errStopRows ends a talentRows stream early (a page is full).
var errStopRows = errors.New("store: enough rows")

// talentRows streams the active employees in scope (and, when unitID is not
// 0, in that unit's subtree), placed with set's thresholds and wording (the
// caller reads the settings once), in name order when ordered (a box's
// list; the counts need no order, and sorting a million rows cost the map
// most of its 13 s).
func (s *Store) talentRows(ctx context.Context, set settings.Settings, sc model.Scope, unitID int64, years [2]int, ordered bool, fn func(*TalentPerson) error) error {
	var a args
	y0, y1 := a.add(years[0]), a.add(years[1])
	today := a.add(s.today())
	where := "e.status = 'aktif' AND " + scopeClause(sc, &a)
	if unitID != 0 {
		var path string
		if err := s.db.QueryRowContext(ctx, `SELECT path FROM org_unit WHERE id = $1`, unitID).Scan(&path); err != nil {
			return notFound(err, "err.common.unit_not_found", unitID)
		}
		where += " AND e.unit_id IN (SELECT id FROM org_unit WHERE " + pathRange("path", path, &a) + ")"
	}
	order := ""
	if ordered {
		order = " ORDER BY e.sort_name, e.id"
	}
	var p TalentPerson
	var jpm, assessed, total *int64
	var excluded bool
	err := eachRowErr(ctx, s.db, `SELECT e.id, e.nip, e.kind, e.name, e.gelar_depan, e.gelar_belakang, u.name, u.path,
		j.jpm_capped, j.assessed, j.total, COALESCE(p0.predikat, ''), COALESCE(p1.predikat, ''), `+excludedSQL(today)+`
		FROM employee e JOIN org_unit u ON u.id = e.unit_id
		LEFT JOIN employee_jpm j ON j.employee_id = e.id
		LEFT JOIN performance_rating p0 ON p0.employee_id = e.id AND p0.year = `+y0+`
		LEFT JOIN performance_rating p1 ON p1.employee_id = e.id AND p1.year = `+y1+`
		WHERE `+where+order, a, []any{&p.ID, &p.NIP, &p.Kind, &p.Name, &p.GelarDepan, &p.GelarBelakang, &p.UnitName, &p.UnitPath,
		&jpm, &assessed, &total, &p.Predikat[0], &p.Predikat[1], &excluded}, func() error {
		p.HasJPM, p.JPMCapped, p.Assessed, p.Total = jpm != nil, 0, 0, 0
		if jpm != nil {
			p.JPMCapped, p.Assessed, p.Total = gap.Fixed(*jpm), int(*assessed), int(*total)
		}
		p.Box = set.PlaceTalent(p.Predikat, p.JPMCapped, p.Assessed, p.Total, excluded)
		return fn(&p)
	})
	if err != nil && !errors.Is(err, errStopRows) {
		return fmt.Errorf("store: talent map: %w", err)
	}
	return err
}

// TalentMap places every active employee in scope (in unitID's subtree when
// it is not 0) on the 9-box (gap.PlaceTalent: the SKP predikat of the last
// two years, the capped JPM, and whether a moderate or heavy discipline
// penalty is in force today) and counts them per box.
func (s *Store) TalentMap(ctx context.Context, sc model.Scope, unitID int64) (*gap.TalentMap, error) {
	m := gap.NewTalentMap(s.Now())
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	m.Boxes = set.BoxTable()
	err = s.talentRows(ctx, set, sc, unitID, m.Years, false, func(p *TalentPerson) error {
		m.Add(p.Box)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// TalentBox returns one page of the employees of box (0–9; 0 lists those
// who cannot be placed) in scope and unitID's subtree, in name order, and
// whether more follow.
func (s *Store) TalentBox(ctx context.Context, sc model.Scope, unitID int64, box, offset, limit int) ([]TalentPerson, bool, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	offset = max(offset, 0)
	var out []TalentPerson
	seen, more := 0, false
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, false, err
	}
	err = s.talentRows(ctx, set, sc, unitID, gap.TalentYears(s.Now()), true, func(p *TalentPerson) error {
		if p.Box.Number != box {
			return nil
		}
		seen++
		if seen <= offset {
			return nil
		}
		if len(out) == limit {
			more = true
			return errStopRows
		}
		out = append(out, *p)
		return nil
	})
	if err != nil && !errors.Is(err, errStopRows) {
		return nil, false, err
	}
	return out, more, nil
}
