package model

import (
	"reflect"
	"testing"
)

func TestRatedByRecomputesEachOnce(t *testing.T) {
	got := RatedBy([]*Rating{
		{EmployeeID: 2, CompetencyID: 5}, {EmployeeID: 2, CompetencyID: 6}, {EmployeeID: 1, CompetencyID: 5},
		{EmployeeID: 2, CompetencyID: 5}, // the same competency twice in one form
	})
	want := Rated{Levels: [][2]int64{{2, 5}, {2, 6}, {1, 5}}, Employees: []int64{2, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%+v, want %+v", got, want)
	}
	if r := RatedBy(nil); r.Levels != nil || r.Employees != nil {
		t.Errorf("no ratings make %+v stale", r)
	}
}
