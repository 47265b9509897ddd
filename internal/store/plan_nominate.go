package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Nomination is a unit administrator's (or an operator's) choice of many
// employees for one programme, optionally one of its sessions.
type Nomination struct {
	ProgrammeID int64
	SessionID   int64
	Year        int
	Purpose     string
	Employees   []int64
}

// NominationResult says what a nomination did: the items it made, and the
// employees left out because the programme is already in their plan.
type NominationResult struct {
	Items   []int64
	Already []int64
}

// Nominate adds the programme to the plan of every nominee in one
// transaction. A nomination is the agency's decision, made by whoever
// administers the employees (product.md: unit admins nominate
// participants), so each item is approved at once, with a "nominasi"
// decision row, and enrolled (enrolApproved); it does not enter the
// chain, which is there for what employees and supervisors propose. Every
// nominee must lie in scope (what the nominator administers); one outside
// refuses the whole nomination as "not found", as a single record would be.
func (s *Store) Nominate(ctx context.Context, a model.Actor, scope model.Scope, n Nomination) (NominationResult, error) {
	var out NominationResult
	if len(n.Employees) == 0 {
		return out, apperr.Invalid("employees", "err.plan.nominees_required")
	}
	ids := slices.Clone(n.Employees)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = NominationResult{}
		paths := map[int64]string{}
		names := map[int64]string{}
		for chunk := range slices.Chunk(ids, 500) {
			var q args
			var id int64
			var path, name string
			if err := eachRow(ctx, tx, `SELECT e.id, u.path, e.name FROM employee e JOIN org_unit u ON u.id = e.unit_id
				WHERE e.id IN (`+inList(&q, chunk)+`)`, q, []any{&id, &path, &name}, func() { paths[id], names[id] = path, name }); err != nil {
				return err
			}
		}
		for _, id := range ids {
			p, ok := paths[id]
			if !ok || !scope.Contains(p) {
				return apperr.New(apperr.ENOTFOUND, "err.plan.nominee_outside", id)
			}
		}
		for _, id := range ids {
			it := &model.PlanItem{EmployeeID: id, Year: n.Year, ProgrammeID: n.ProgrammeID, SessionID: n.SessionID,
				Purpose: n.Purpose, ProposedBy: model.ProposedByAdmin, EmployeeName: names[id]}
			if err := fillFromCatalogue(ctx, tx, it); err != nil {
				if apperr.Code(err) == apperr.ECONFLICT {
					out.Already = append(out.Already, id)
					continue
				}
				return err
			}
			now := s.Now().Unix()
			itemID, err := insertID(ctx, tx, `INSERT INTO plan_item (employee_id, year, programme_id, session_id, title, form, jp, cost,
				purpose, proposed_by, proposer_id, status, step, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $13)`, id, n.Year, n.ProgrammeID, nullID(n.SessionID),
				it.Title, string(it.Form), it.JP, it.Cost, it.Purpose, string(it.ProposedBy), a.UserID, string(model.PlanApproved), now)
			if err != nil {
				return fmt.Errorf("store: nominate: %w", err)
			}
			it.ID, it.Status = itemID, model.PlanApproved
			if err := s.addDecision(ctx, tx, a, itemID, model.StepNone, model.DecisionNominate, "", 0, false); err != nil {
				return err
			}
			if err := s.enrolApproved(ctx, tx, itemID); err != nil {
				return err
			}
			if err := s.tellDecision(ctx, tx, it, model.DecisionNominate, ""); err != nil {
				return err
			}
			out.Items = append(out.Items, itemID)
		}
		return s.audit(ctx, tx, a, "plan.nominate", "programme", n.ProgrammeID, map[string]any{"session_id": n.SessionID,
			"year": n.Year, "purpose": n.Purpose, "items": out.Items, "already": out.Already})
	})
	if err != nil {
		return NominationResult{}, err
	}
	return out, nil
}

// RollupRow is one line of a plan roll-up: items, of which approved (or
// further), their JP and cost.
type RollupRow struct {
	ID       int64
	Name     string
	Items    int
	Approved int
	JP       int
	Cost     int64
}

func (r *RollupRow) add(status string, jp int, cost int64) {
	r.Items++
	r.JP += jp
	r.Cost += cost
	if status != string(model.PlanSubmitted) {
		r.Approved++
	}
}

// PlanRollup is what a unit's plans add up to for one year: in total, per
// child unit (subtree sums), per programme and per competency.
type PlanRollup struct {
	Unit         model.OrgUnit
	Year         int
	Total        RollupRow
	Units        []RollupRow
	Programmes   []RollupRow
	Competencies []RollupRow
}

// PlanRollup sums the items of the employees in the unit's subtree for the
// year that were submitted or approved (waiting, approved, enrolled, done):
// what the unit's annual development plan must hold. A catalogue item
// counts for each competency its programme develops, a free one for the
// competency it names; so the competency rows may sum to more than the
// total.
func (s *Store) PlanRollup(ctx context.Context, unitID int64, year int) (*PlanRollup, error) {
	u, err := s.Unit(ctx, unitID)
	if err != nil {
		return nil, err
	}
	r := &PlanRollup{Unit: *u, Year: year, Total: RollupRow{ID: u.ID, Name: u.Name}}
	children := map[string]*RollupRow{}
	var childOrder []string
	var cid int64
	var cname, cpath string
	if err := eachRow(ctx, s.db, `SELECT id, name, path FROM org_unit WHERE parent_id = $1 ORDER BY name, id`, []any{unitID},
		[]any{&cid, &cname, &cpath}, func() {
			children[cpath] = &RollupRow{ID: cid, Name: cname}
			childOrder = append(childOrder, cpath)
		}); err != nil {
		return nil, err
	}
	progs := map[int64]*RollupRow{}
	comps := map[int64]*RollupRow{}
	var a args
	cond := `pi.year = ` + a.add(year) + ` AND pi.status IN ('diajukan', 'disetujui', 'terdaftar', 'selesai') AND ` + pathRange("u.path", u.Path, &a)
	var itemID, progID, compID int64
	var status, path, title, compName string
	var jp int
	var cost int64
	seen := map[int64]bool{}
	err = eachRow(ctx, s.db, `SELECT pi.id, pi.status, pi.jp, pi.cost, u.path, COALESCE(pi.programme_id, 0), pi.title,
			COALESCE(pc.competency_id, pi.competency_id, 0), COALESCE(c.name, '')
		FROM plan_item pi JOIN employee e ON e.id = pi.employee_id JOIN org_unit u ON u.id = e.unit_id
		LEFT JOIN programme_competency pc ON pc.programme_id = pi.programme_id
		LEFT JOIN competency c ON c.id = COALESCE(pc.competency_id, pi.competency_id)
		WHERE `+cond+` ORDER BY pi.id`, a,
		[]any{&itemID, &status, &jp, &cost, &path, &progID, &title, &compID, &compName}, func() {
			if compID != 0 {
				row := comps[compID]
				if row == nil {
					row = &RollupRow{ID: compID, Name: compName}
					comps[compID] = row
				}
				row.add(status, jp, cost)
			}
			if seen[itemID] {
				return
			}
			seen[itemID] = true
			r.Total.add(status, jp, cost)
			for p, row := range children {
				if strings.HasPrefix(path, p) {
					row.add(status, jp, cost)
				}
			}
			if progID != 0 {
				row := progs[progID]
				if row == nil {
					row = &RollupRow{ID: progID, Name: title}
					progs[progID] = row
				}
				row.add(status, jp, cost)
			}
		})
	if err != nil {
		return nil, fmt.Errorf("store: plan roll-up: %w", err)
	}
	for _, p := range childOrder {
		r.Units = append(r.Units, *children[p])
	}
	byJP := func(m map[int64]*RollupRow) []RollupRow {
		out := make([]RollupRow, 0, len(m))
		for _, row := range m {
			out = append(out, *row)
		}
		slices.SortFunc(out, func(x, y RollupRow) int {
			if x.JP != y.JP {
				return y.JP - x.JP
			}
			return strings.Compare(x.Name, y.Name)
		})
		return out
	}
	r.Programmes, r.Competencies = byJP(progs), byJP(comps)
	return r, nil
}

// ScopeTopUnit returns the unit a page over a scope starts at: the first
// unit of the scope, or the root of the tree for the whole government.
func (s *Store) ScopeTopUnit(ctx context.Context, sc model.Scope) (int64, error) {
	if !sc.All && len(sc.UnitPaths) > 0 {
		ids := model.PathIDs(sc.UnitPaths[0])
		if len(ids) > 0 {
			return ids[len(ids)-1], nil
		}
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`).Scan(&id)
	return id, notFound(err, "err.common.unit_not_found", 0)
}
