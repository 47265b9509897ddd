package model

// Rated is what a set of ratings makes stale: each (employee, competency)
// whose current level must be resolved again, and each employee whose JPM
// must be computed again, once each, in the order first rated.
type Rated struct {
	Levels    [][2]int64 // employee ID, competency ID
	Employees []int64
}

// RatedBy returns what the ratings rs make stale.
func RatedBy(rs []*Rating) Rated {
	var out Rated
	levels, employees := map[[2]int64]bool{}, map[int64]bool{}
	for _, r := range rs {
		if k := [2]int64{r.EmployeeID, r.CompetencyID}; !levels[k] {
			levels[k] = true
			out.Levels = append(out.Levels, k)
		}
		if !employees[r.EmployeeID] {
			employees[r.EmployeeID] = true
			out.Employees = append(out.Employees, r.EmployeeID)
		}
	}
	return out
}
