package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// QualificationGap is one employee whose highest recorded education is
// below what their position asks (model.MinimumEducation).
type QualificationGap struct {
	EmployeeID            int64
	Kind                  model.EmployeeKind
	NIP, Name, GelarDepan string
	GelarBelakang         string
	Position, UnitName    string
	Highest, Minimum      model.EducationLevel
}

// Qualifications is the qualification side of the needs analysis of a
// scope: the tally and the first people with a gap, by name.
type Qualifications struct {
	model.QualificationTally
	People []QualificationGap
	More   bool // more people have a gap than People lists
}

// educationRankSQL is the SQL expression of a level's place in
// model.EducationLevels (1 = SD; D-IV and S-1 apart, so that the highest
// level read back is the one recorded), 0 for an unknown one.
func educationRankSQL(col string) string {
	var b strings.Builder
	b.WriteString("CASE " + col)
	for i, l := range model.EducationLevels {
		b.WriteString(" WHEN '" + string(l) + "' THEN " + strconv.Itoa(i+1))
	}
	b.WriteString(" ELSE 0 END")
	return b.String()
}

// Qualifications compares the highest recorded education of each active
// employee with a position in scope with the minimum that position asks,
// and lists the first limit people with a gap by name. It reads one row per
// employee (their highest level folded by the database), so it costs a
// scan of the scope's employees: fine for a city, a page to build ahead of
// time for a nation.
func (s *Store) Qualifications(ctx context.Context, scope model.Scope, limit int) (*Qualifications, error) {
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	var a args
	q := `SELECT e.id, e.kind, e.nip, e.name, e.gelar_depan, e.gelar_belakang, p.title, p.type, COALESCE(p.jenjang, ''), u.name, COALESCE(h.r, 0)
		FROM employee e
		JOIN org_unit u ON u.id = e.unit_id
		JOIN position p ON p.id = e.position_id
		LEFT JOIN (SELECT employee_id, MAX(` + educationRankSQL("level") + `) AS r FROM education GROUP BY employee_id) h ON h.employee_id = e.id
		WHERE e.status = 'aktif' AND ` + scopeUnits("u.path", scope, false, &a) + `
		ORDER BY e.sort_name, e.id`
	out := &Qualifications{}
	var g QualificationGap
	var typ, jenjang string
	var rank int
	err := eachRowErr(ctx, s.db, q, a, []any{&g.EmployeeID, &g.Kind, &g.NIP, &g.Name, &g.GelarDepan, &g.GelarBelakang, &g.Position, &typ, &jenjang, &g.UnitName, &rank}, func() error {
		g.Minimum, g.Highest = model.MinimumEducation(model.PositionType(typ), jenjang), ""
		if rank > 0 && rank <= len(model.EducationLevels) {
			g.Highest = model.EducationLevels[rank-1]
		}
		if out.Add(g.Minimum, g.Highest) {
			if len(out.People) < limit {
				out.People = append(out.People, g)
			} else {
				out.More = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: qualifications: %w", err)
	}
	return out, nil
}
