package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/policy"
)

// SupervisorCandidate is a person named as someone's supervisor, with the
// facts policy.MayNameSupervisor weighs: where they work and which units
// they head today. Naming a supervisor gives that person the employee's
// record and the right to rate them, so who may be named is a policy
// question, not only whether the person exists (issue 10).
type SupervisorCandidate struct {
	ID        int64
	NIP       string
	UnitPath  string   // "" when they have no unit
	HeadPaths []string // the units whose head post they hold, or act in (Plt./Plh.) today
}

// SupervisorCandidates returns the stored employees among nips as
// supervisor candidates, by NIP; a NIP nobody has is absent. The employee
// import asks it for the NIP ATASAN of a file and then
// policy.MayNameSupervisorWithin per row, so that a supervisor outside the
// importer's reach is refused exactly like one that does not exist.
func (s *Store) SupervisorCandidates(ctx context.Context, nips []string) (map[string]*SupervisorCandidate, error) {
	out := map[string]*SupervisorCandidate{}
	for len(nips) > 0 {
		n := min(len(nips), 500)
		var a args
		list, err := s.supervisorCandidates(ctx, `e.nip IN (`+inList(&a, nips[:n])+`)`, a)
		if err != nil {
			return nil, err
		}
		for _, c := range list {
			out[c.NIP] = c
		}
		nips = nips[n:]
	}
	return out, nil
}

// MayNameSupervisor reports whether p may name employee candidateID as
// the supervisor of an employee of unit unitID (policy.MayNameSupervisor
// over the stored facts). A candidate or unit that does not exist answers
// false like one out of reach, so that the faces refuse both with the
// same words and an ID reveals nobody.
func (s *Store) MayNameSupervisor(ctx context.Context, p *policy.Principal, candidateID, unitID int64) (bool, error) {
	if !policy.Allowed(p, policy.EmployeeWrite) {
		return false, nil
	}
	var unitPath string
	err := s.db.QueryRowContext(ctx, `SELECT path FROM org_unit WHERE id = $1`, unitID).Scan(&unitPath)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: supervisor reach: %w", err)
	}
	var a args
	list, err := s.supervisorCandidates(ctx, `e.id = `+a.add(candidateID), a)
	if err != nil || len(list) == 0 {
		return false, err
	}
	c := list[0]
	return policy.MayNameSupervisor(p, policy.Target{UnitPath: c.UnitPath, EmployeeID: c.ID}, c.HeadPaths, unitPath), nil
}

// supervisorCandidates reads the employees matching where (over employee
// e, with its arguments in a) and the units each heads today: the holder
// of a head post, or its Plt./Plh. by an acting assignment current today,
// as UnitsHeadedBy counts them for the rights of a head.
func (s *Store) supervisorCandidates(ctx context.Context, where string, a args) ([]*SupervisorCandidate, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.nip, COALESCE(u.path, '') FROM employee e
		LEFT JOIN org_unit u ON u.id = e.unit_id WHERE `+where+` ORDER BY e.id`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: supervisor candidates: %w", err)
	}
	var list []*SupervisorCandidate
	byID := map[int64]*SupervisorCandidate{}
	for rows.Next() {
		c := &SupervisorCandidate{}
		if err := rows.Scan(&c.ID, &c.NIP, &c.UnitPath); err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, c)
		byID[c.ID] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(list) == 0 {
		return list, err
	}
	var b args
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	in := inList(&b, ids)
	today := b.add(s.today())
	var id int64
	var path string
	if err := eachRow(ctx, s.db, `SELECT e.id, u.path FROM employee e
		JOIN position p ON p.id = e.position_id JOIN org_unit u ON u.id = p.unit_id
		WHERE p.is_head = TRUE AND e.id IN (`+in+`)
		UNION
		SELECT a.employee_id, u.path FROM acting_assignment a
		JOIN position p ON p.id = a.position_id JOIN org_unit u ON u.id = p.unit_id
		WHERE p.is_head = TRUE AND a.employee_id IN (`+in+`) AND a.from_date <= `+today+`
		AND (a.until_date = '' OR a.until_date >= `+today+`)`, b, []any{&id, &path}, func() {
		if c := byID[id]; c != nil {
			c.HeadPaths = append(c.HeadPaths, path)
		}
	}); err != nil {
		return nil, fmt.Errorf("store: supervisor candidates: heads: %w", err)
	}
	return list, nil
}

// KeptSupervisors returns, for the stored employees among nips whose
// supervisor was named explicitly, that supervisor's NIP, by employee NIP.
// Keeping a stored supervisor names nobody new, so the employee import
// accepts a NIP ATASAN equal to it whoever it is (a file exported and
// imported back by a unit admin carries supervisors a BKPSDM admin may
// have named from outside the unit), as the form and the API do.
func (s *Store) KeptSupervisors(ctx context.Context, nips []string) (map[string]string, error) {
	out := map[string]string{}
	for len(nips) > 0 {
		n := min(len(nips), 500)
		var a args
		var e, sup string
		if err := eachRow(ctx, s.db, `SELECT e.nip, s.nip FROM employee e JOIN employee s ON s.id = e.supervisor_id
			WHERE e.supervisor_set = TRUE AND e.nip IN (`+inList(&a, nips[:n])+`)`, a, []any{&e, &sup}, func() {
			out[e] = sup
		}); err != nil {
			return nil, fmt.Errorf("store: kept supervisors: %w", err)
		}
		nips = nips[n:]
	}
	return out, nil
}
