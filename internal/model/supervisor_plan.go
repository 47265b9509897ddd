package model

// SupervisorPlan is the unit tree with each unit's head, from which every
// derived supervisor follows: the holder of the unit's head post, or for
// the head themself (or a unit without a head) the head of the nearest
// ancestor unit that has one. The store reads the facts (units, heads)
// into it and writes what it derives; the rule is here.
type SupervisorPlan struct {
	Units []*PlanUnit // parents before children
	ByID  map[int64]*PlanUnit
}

// PlanUnit is one unit of a SupervisorPlan.
type PlanUnit struct {
	ID, Parent int64
	Head       int64 // employee heading this unit, 0 if vacant
	Above      int64 // nearest head strictly above the unit (after Resolve)
}

// NewSupervisorPlan returns an empty plan with room for n units.
func NewSupervisorPlan(n int) *SupervisorPlan {
	return &SupervisorPlan{ByID: make(map[int64]*PlanUnit, n)}
}

// Add appends a unit; parents must be added before their children.
func (p *SupervisorPlan) Add(id, parent int64) *PlanUnit {
	u := &PlanUnit{ID: id, Parent: parent}
	p.Units = append(p.Units, u)
	p.ByID[id] = u
	return u
}

// SetHead makes emp the unit's head unless it already has one (the first
// head found wins: holders are read before acting heads).
func (p *SupervisorPlan) SetHead(unitID, emp int64) {
	if u := p.ByID[unitID]; u != nil && u.Head == 0 {
		u.Head = emp
	}
}

// Resolve computes every unit's head above (parents come first).
func (p *SupervisorPlan) Resolve() {
	for _, u := range p.Units {
		u.Above = 0
		if par := p.ByID[u.Parent]; par != nil {
			u.Above = par.Head
			if u.Above == 0 {
				u.Above = par.Above
			}
		}
	}
}

// Staff is the derived supervisor of the unit's staff (after Resolve): its
// head, or the head above when the unit has none. The head's own is Above.
func (u *PlanUnit) Staff() int64 {
	if u.Head != 0 {
		return u.Head
	}
	return u.Above
}

// SupervisorUp returns the derived supervisor of employee emp in unit
// unitID (0 for none) without Resolve: it walks up the tree.
func (p *SupervisorPlan) SupervisorUp(unitID, emp int64) int64 {
	u := p.ByID[unitID]
	if u != nil && u.Head != 0 && u.Head != emp {
		return u.Head
	}
	for u != nil {
		u = p.ByID[u.Parent]
		if u != nil && u.Head != 0 {
			return u.Head
		}
	}
	return 0
}
