package store

import (
	"context"
	"fmt"
	"time"
)

// The published versions of a framework code: who owns them (which decides
// who may start the next version, policy.MayVersionFramework) and what
// points at each.

// FrameworkOwnership is what decides who may start a new version of a
// published one (policy.MayVersionFramework).
type FrameworkOwnership struct {
	ID          int64
	Code        string
	Version     string
	BuiltIn     bool
	OwnerUnitID int64
	OwnerPath   string // "" when no unit owns it (BKPSDM)
	BasedOnID   int64
}

// FrameworkOwner returns the ownership of published version id.
func (s *Store) FrameworkOwner(ctx context.Context, id int64) (*FrameworkOwnership, error) {
	return frameworkOwner(ctx, s.db, id)
}

func frameworkOwner(ctx context.Context, q queryer, id int64) (*FrameworkOwnership, error) {
	var o FrameworkOwnership
	err := q.QueryRowContext(ctx, `SELECT f.id, f.code, f.version, f.builtin, COALESCE(f.owner_unit_id, 0), COALESCE(u.path, ''),
		COALESCE(f.based_on_id, 0) FROM framework f LEFT JOIN org_unit u ON u.id = f.owner_unit_id WHERE f.id = $1`, id).
		Scan(&o.ID, &o.Code, &o.Version, &o.BuiltIn, &o.OwnerUnitID, &o.OwnerPath, &o.BasedOnID)
	if err != nil {
		return nil, notFound(err, "err.standard.framework_not_found", id)
	}
	return &o, nil
}

// FrameworkVersion is one published version of a framework code with what
// points at it. The counts that grow with the registry (ratings, position
// standards) are capped at UsageCap: the page asks "is this version in
// use, and roughly how much", and an exact count of the national
// framework's ratings would read every rating of the government (≈ 12
// million rows at a million employees) on every view of a page open to
// every signed-in user. A count with its *More flag set is a lower bound
// ("10.000+").
type FrameworkVersion struct {
	ID, BasedOnID        int64
	Version, Name        string
	BuiltIn              bool
	CreatedAt            time.Time
	OwnerUnitName        string
	Competencies         int
	Ratings              int  // rating events against its competencies, at most UsageCap
	RatingsMore          bool // there are more than Ratings
	CurrentStandards     int  // current position standards using its competencies (a lower bound when CurrentStandardsMore)
	CurrentStandardsMore bool
	OldStandards         int // superseded position standards using them (a lower bound when OldStandardsMore)
	OldStandardsMore     bool
	Templates            int // standard template rows using them (templates are per position type and jenjang: few)
}

// UsageCap is where FrameworkVersions stops counting ratings and standards.
const UsageCap = 10000

// FrameworkVersions lists the published versions of a framework code,
// newest first, each with the number of ratings, current and superseded
// position standards and template rows that use its competencies. Each
// count reads at most UsageCap+1 index entries (rating_competency,
// standard_item_competency, position_standard_old), so a view costs the same for a framework
// nobody uses and for the national one at a million employees.
func (s *Store) FrameworkVersions(ctx context.Context, code string) ([]FrameworkVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, COALESCE(f.based_on_id, 0), f.version, f.name, f.builtin, f.created_at, COALESCE(u.name, ''),
		(SELECT COUNT(*) FROM competency c WHERE c.framework_id = f.id),
		(SELECT COUNT(*) FROM competency c JOIN standard_template t ON t.competency_id = c.id WHERE c.framework_id = f.id)
		FROM framework f LEFT JOIN org_unit u ON u.id = f.owner_unit_id WHERE f.code = $1 ORDER BY f.created_at DESC, f.id DESC`, code)
	if err != nil {
		return nil, fmt.Errorf("store: versions of %s: %w", code, err)
	}
	var out []FrameworkVersion
	for rows.Next() {
		var v FrameworkVersion
		var created int64
		if err := rows.Scan(&v.ID, &v.BasedOnID, &v.Version, &v.Name, &v.BuiltIn, &created, &v.OwnerUnitName,
			&v.Competencies, &v.Templates); err != nil {
			rows.Close()
			return nil, err
		}
		v.CreatedAt = unixTime(created)
		out = append(out, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		v := &out[i]
		// Both scans run in competency order without sorting, so the
		// LIMIT stops them after UsageCap+1 rows on either engine.
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM competency c JOIN rating r ON r.competency_id = c.id
			WHERE c.framework_id = $1 LIMIT $2) x`, v.ID, UsageCap+1).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: ratings of framework %d: %w", v.ID, err)
		}
		v.Ratings, v.RatingsMore = min(n, UsageCap), n > UsageCap
		// Standards: the framework's first UsageCap+1 standard items in
		// competency order, classified by their standard. A standard names
		// a competency once, so a long first competency yields distinct
		// standards; when the scan stops early, what it saw is a lower
		// bound of each count.
		var items, cur, old int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT CASE WHEN x.cur THEN x.standard_id END),
			COUNT(DISTINCT CASE WHEN x.cur THEN NULL ELSE x.standard_id END) FROM (SELECT i.standard_id, ps.is_current AS cur
			FROM competency c JOIN standard_item i ON i.competency_id = c.id JOIN position_standard ps ON ps.id = i.standard_id
			WHERE c.framework_id = $1 LIMIT $2) x`, v.ID, UsageCap+1).Scan(&items, &cur, &old); err != nil {
			return nil, fmt.Errorf("store: standards of framework %d: %w", v.ID, err)
		}
		v.CurrentStandards, v.CurrentStandardsMore = min(cur, UsageCap), items > UsageCap
		v.OldStandards, v.OldStandardsMore = min(old, UsageCap), items > UsageCap
		if v.OldStandardsMore {
			// Superseded standards are few next to current ones: read the
			// first UsageCap+1 items of any superseded standard (partial
			// index position_standard_old) and count those of this
			// framework; when that scan ends, the count is exact.
			var seen, mine int
			if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT CASE WHEN c.framework_id = $1 THEN y.standard_id END)
				FROM (SELECT i.standard_id, i.competency_id FROM position_standard ps JOIN standard_item i ON i.standard_id = ps.id
				WHERE ps.is_current = FALSE LIMIT $2) y JOIN competency c ON c.id = y.competency_id`, v.ID, UsageCap+1).Scan(&seen, &mine); err != nil {
				return nil, fmt.Errorf("store: old standards of framework %d: %w", v.ID, err)
			}
			if seen <= UsageCap {
				v.OldStandards, v.OldStandardsMore = mine, false
			} else {
				v.OldStandards = min(max(v.OldStandards, mine), UsageCap)
			}
		}
	}
	return out, nil
}
