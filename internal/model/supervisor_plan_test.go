package model

import "testing"

// The tree: 1 (head 10) → 2 (vacant) → 3 (head 30); 1 → 4 (head 40).
func testPlan() *SupervisorPlan {
	p := NewSupervisorPlan(4)
	p.Add(1, 0)
	p.Add(2, 1)
	p.Add(3, 2)
	p.Add(4, 1)
	p.SetHead(1, 10)
	p.SetHead(3, 30)
	p.SetHead(4, 40)
	p.SetHead(4, 41) // a second head (an acting one) does not replace the first
	return p
}

func TestSupervisorPlanDerivesFromHeadsAbove(t *testing.T) {
	p := testPlan()
	p.Resolve()
	for _, c := range []struct {
		unit, staff, above int64
	}{
		{1, 10, 0},  // the top head has no one above
		{2, 10, 10}, // a vacant unit's staff go to the head above
		{3, 30, 10}, // the head of 3 skips the vacant 2
		{4, 40, 10},
	} {
		u := p.ByID[c.unit]
		if u.Staff() != c.staff || u.Above != c.above {
			t.Errorf("unit %d: staff %d above %d, want %d %d", c.unit, u.Staff(), u.Above, c.staff, c.above)
		}
	}
}

func TestSupervisorUpAgreesWithResolve(t *testing.T) {
	p := testPlan()
	for _, c := range []struct {
		unit, emp, want int64
	}{
		{1, 10, 0}, {1, 99, 10}, {2, 99, 10}, {3, 30, 10}, {3, 99, 30}, {4, 40, 10}, {4, 41, 40}, {7, 99, 0},
	} {
		if got := p.SupervisorUp(c.unit, c.emp); got != c.want {
			t.Errorf("employee %d in unit %d: %d, want %d", c.emp, c.unit, got, c.want)
		}
	}
}
