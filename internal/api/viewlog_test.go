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

// TestAPIMyViewsAndContests: a2 reads who saw their data and contests their
// JPM; the admin of A lists and answers it; a2 reads the answer.
func TestAPIMyViewsAndContests(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID), f.admin, nil).want(t, 200)
		if err := st.FlushViews(t.Context()); err != nil {
			t.Fatal(err)
		}
		r := f.do("GET", "/api/v1/me/views", f.pegawai, nil).want(t, 200)
		if items, _ := r.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["viewer"] != "adminkominfo" {
			t.Errorf("my views %s", r.raw)
		}
		f.do("POST", "/api/v1/me/contests", f.pegawai, map[string]any{"subject": "jpm", "note": "pendek"}).wantInvalid(t, "note")
		r = f.do("POST", "/api/v1/me/contests", f.pegawai, map[string]any{"subject": "ninebox",
			"note": "Predikat SKP 2024 saya belum tercatat."}).want(t, 201)
		id := num(r.body["id"])
		if r.body["answer"] != nil || r.body["subject"] != "ninebox" {
			t.Errorf("created %s", r.raw)
		}
		f.do("GET", "/api/v1/contests", f.pegawai, nil).want(t, 403)
		r = f.do("GET", "/api/v1/contests?open=true", f.admin, nil).want(t, 200)
		if items, _ := r.body["items"].([]any); len(items) != 1 {
			t.Fatalf("open contests %s", r.raw)
		}
		f.do("POST", "/api/v1/contests/"+itoa(id)+"/answer", f.admin, map[string]any{"answer": "Predikat 2024 sudah diimpor ulang."}).want(t, 204)
		f.do("POST", "/api/v1/contests/"+itoa(id)+"/answer", f.admin, map[string]any{"answer": "Predikat 2024 sudah diimpor ulang."}).want(t, 409)
		r = f.do("GET", "/api/v1/me/contests", f.pegawai, nil).want(t, 200)
		items, _ := r.body["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["answer"] != "Predikat 2024 sudah diimpor ulang." {
			t.Errorf("my contests %s", r.raw)
		}
	})
}
