package api

import (
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestAPIViewsRecorded: reading one other employee's record, competencies
// or penalties is recorded; a list and one's own record are not.
func TestAPIViewsRecorded(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st)
	f.do("GET", "/api/v1/employees", f.admin, nil).want(t, 200)
	f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID), f.admin, nil).want(t, 200)
	f.do("GET", "/api/v1/employees/by-nip/"+f.a2.NIP, f.admin, nil).want(t, 200)
	f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID)+"/competencies", f.admin, nil).want(t, 200)
	f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID)+"/penalties", f.admin, nil).want(t, 200)
	f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID), f.pegawai, nil).want(t, 200) // a2 reads their own
	if err := st.FlushViews(t.Context()); err != nil {
		t.Fatal(err)
	}
	views, err := st.Views(t.Context(), store.ViewFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, v := range views {
		if v.SubjectID != f.a2.ID || v.Viewer != "adminkominfo" {
			t.Errorf("unexpected view %+v", v)
		}
		got[v.What]++
	}
	if len(views) != 4 || got["profile"] != 2 || got["competencies"] != 1 || got["penalties"] != 1 {
		t.Errorf("views recorded: %v", got)
	}
}
