package policy

import (
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

func TestCycleAndSurveyManagement(t *testing.T) {
	cycleA := &model.Cycle{ScopePath: "/1/2/"}
	closedA := &model.Cycle{ScopePath: "/1/2/", ClosedAt: time.Unix(1, 0)}
	cycleSection := &model.Cycle{ScopePath: "/1/2/5/"}
	cycleB := &model.Cycle{ScopePath: "/1/3/"}
	cycle20 := &model.Cycle{ScopePath: "/1/20/"}
	cycleWhole := &model.Cycle{ScopePath: ""} // a legacy cycle without a scope unit
	cases := []struct {
		name       string
		admin      model.Scope
		c          *model.Cycle
		administer bool
		edit       bool
	}{
		{"A's admin: A's cycle", adminA.Admin, cycleA, true, true},
		{"and one of a section inside A", adminA.Admin, cycleSection, true, true},
		{"but not once closed", adminA.Admin, closedA, true, false},
		{"not B's", adminA.Admin, cycleB, false, false},
		{"not /1/20/ beside /1/2/", adminA.Admin, cycle20, false, false},
		{"not the whole government's", adminA.Admin, cycleWhole, false, false},
		{"BKPSDM: the whole government's", bkpsdm.Admin, cycleWhole, true, true},
		{"and B's", bkpsdm.Admin, cycleB, true, true},
		{"leadership administers nothing", pimpinan.Admin, cycleA, false, false},
		{"a head (reads, does not administer)", atasan.Admin, cycleSection, false, false},
	}
	for _, tc := range cases {
		if got := AdministersCycle(tc.admin, tc.c); got != tc.administer {
			t.Errorf("%s: AdministersCycle = %v", tc.name, got)
		}
		if got := EditsCycle(tc.admin, tc.c); got != tc.edit {
			t.Errorf("%s: EditsCycle = %v", tc.name, got)
		}
		// The same answer as May's record rule for a principal who may
		// manage cycles at all.
		if tc.admin.HasUnits() && !tc.c.Closed() {
			p := &Principal{User: model.User{Role: model.RoleAdminBKPSDM}, Admin: tc.admin}
			if May(p, CycleManage, Target{UnitPath: tc.c.ScopePath}) != tc.administer {
				t.Errorf("%s: May(CycleManage) disagrees", tc.name)
			}
		}
		sv := &model.Survey{ScopePath: tc.c.ScopePath}
		if got := ManagesSurvey(tc.admin, sv); got != tc.administer {
			t.Errorf("%s: ManagesSurvey = %v", tc.name, got)
		}
	}
}

func TestSurveyResultsParts(t *testing.T) {
	two := model.Scope{UnitPaths: []string{"/1/2/5/7/", "/1/2/6/"}}
	cases := []struct {
		name   string
		reader model.Scope
		survey string
		root   string
		ok     bool
	}{
		{"whole government reads the whole survey", model.Scope{All: true}, "/1/", "/1/", true},
		{"A's reader the survey of A", adminA.Scope, "/1/2/", "/1/2/", true},
		{"and of a section inside A", adminA.Scope, "/1/2/5/", "/1/2/5/", true},
		{"a head of a section reads their part of A's survey", atasan.Scope, "/1/2/", "/1/2/5/", true},
		{"of several parts the widest", two, "/1/2/", "/1/2/6/", true},
		{"none of B's", adminA.Scope, "/1/3/", "", false},
		{"none of /1/20/ beside /1/2/", adminA.Scope, "/1/20/", "", false},
		{"an employee reads no results", pegawai.Scope, "/1/2/", "", false},
	}
	for _, tc := range cases {
		root, ok := SurveyResultsRoot(tc.reader, tc.survey)
		if root != tc.root || ok != tc.ok {
			t.Errorf("%s: SurveyResultsRoot = %q %v, want %q %v", tc.name, root, ok, tc.root, tc.ok)
		}
		// Whenever a reader reads a part, it is one ReadsSurveyPart allows,
		// and it is what May(SurveyResults) says of the survey.
		if ok && !ReadsSurveyPart(tc.reader, tc.survey, root) {
			t.Errorf("%s: the default part %q is not readable", tc.name, root)
		}
		if tc.reader.OverlapsPath(tc.survey) != ok {
			t.Errorf("%s: SurveyResultsRoot and Scope.OverlapsPath disagree", tc.name)
		}
	}
	parts := []struct {
		name         string
		reader       model.Scope
		survey, unit string
		want         bool
	}{
		{"a unit inside both", atasan.Scope, "/1/2/", "/1/2/5/", true},
		{"a unit below the reader's", atasan.Scope, "/1/2/", "/1/2/5/9/", true},
		{"the survey's top, above the reader", atasan.Scope, "/1/2/", "/1/2/", false},
		{"the reader's unit outside the survey", atasan.Scope, "/1/2/6/", "/1/2/5/", false},
		{"whole government, inside the survey", model.Scope{All: true}, "/1/2/", "/1/2/6/", true},
		{"whole government, outside the survey", model.Scope{All: true}, "/1/2/", "/1/3/", false},
	}
	for _, tc := range parts {
		if got := ReadsSurveyPart(tc.reader, tc.survey, tc.unit); got != tc.want {
			t.Errorf("%s: ReadsSurveyPart = %v", tc.name, got)
		}
	}
}
