package api

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestFrameworkVersions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		adminB := f.adminB()
		if _, err := st.EnsureBuiltInFrameworks(ctx, sys); err != nil {
			t.Fatal(err)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}

		// Unit A's framework: version 2025.1 published, rated once, then
		// 2025.2 published from it, and a draft of the next one under way.
		opd := model.Scope{UnitPaths: []string{f.unitA.Path}}
		d := &dictionary.Draft{OwnerUnitID: f.unitA.ID, F: dictionary.Framework{Code: "TEKNIS-DISDIK",
			Name: "Kompetensi Teknis Disdik", Version: "2025.1", Source: "Keputusan Kepala Dinas 1/2025"}}
		must(st.CreateDraft(ctx, sys, d, opd))
		c := dictionary.Competency{Code: "DIK-01", Name: "Pengelolaan Dapodik", Definition: "Kemampuan mengelola Dapodik",
			Group: dictionary.GroupTeknis, Kind: dictionary.KindHard}
		for i := range c.Levels {
			c.Levels[i] = dictionary.Level{Title: dictionary.ProficiencyTitles[i], Description: "Tingkat " + string(rune('1'+i))}
		}
		must(st.SaveDraftCompetency(ctx, sys, d.ID, "", c, opd))
		v1, err := st.PublishDraft(ctx, sys, d.ID, opd)
		must(err)
		_, comps, err := st.Framework(ctx, v1)
		must(err)
		f.do("POST", "/api/v1/ratings", f.pegawai, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[0], "source": "self", "level": 2}).want(t, 201)
		d2, _, err := st.NewVersionDraft(ctx, sys, v1, opd)
		must(err)
		v2, err := st.PublishDraft(ctx, sys, d2, opd)
		must(err)
		d3, _, err := st.NewVersionDraft(ctx, sys, v2, opd)
		must(err)

		before := auditCount(t, st)
		r := f.do("GET", "/api/v1/frameworks/"+itoa(v1)+"/versions", f.admin, nil).want(t, 200)
		items := r.items()
		if r.body["code"] != "TEKNIS-DISDIK" || num(r.body["framework_id"]) != v1 || r.body["builtin"] != false ||
			r.body["can_version"] != true || num(r.body["draft_id"]) != d3 || len(items) != 2 {
			t.Fatalf("versions %s", r.raw)
		}
		newest, oldest := items[0], items[1]
		if num(newest["id"]) != v2 || newest["version"] != "2025.2" || num(newest["based_on_id"]) != v1 || num(newest["rating_count"]) != 0 {
			t.Errorf("newest %v", newest)
		}
		if num(oldest["id"]) != v1 || oldest["based_on_id"] != nil || num(oldest["rating_count"]) != 1 ||
			num(oldest["competency_count"]) != 1 || oldest["owner_unit_name"] != f.unitA.Name {
			t.Errorf("oldest %v", oldest)
		}
		if n := auditCount(t, st); n != before {
			t.Errorf("reading versions wrote %d audit entries", n-before)
		}
		// Everyone reads the history; only who may version it learns of
		// the draft.
		for name, tok := range map[string]string{"admin of B": adminB, "pegawai": f.pegawai} {
			r := f.do("GET", "/api/v1/frameworks/"+itoa(v2)+"/versions", tok, nil).want(t, 200)
			if len(r.items()) != 2 || r.body["can_version"] != false || r.body["draft_id"] != nil {
				t.Errorf("%s: %s", name, r.raw)
			}
		}
		// Built-in frameworks are read-only, even for a superadmin.
		natID, _ := st.FrameworkID(ctx, dictionary.CodeNational, "")
		r = f.do("GET", "/api/v1/frameworks/"+itoa(natID)+"/versions", f.super, nil).want(t, 200)
		if r.body["builtin"] != true || r.body["can_version"] != false || len(r.items()) != 1 || num(r.items()[0]["id"]) != natID {
			t.Errorf("built-in versions %s", r.raw)
		}
		f.do("GET", "/api/v1/frameworks/99999/versions", f.super, nil).want(t, 404)
		f.do("GET", "/api/v1/frameworks/"+itoa(v1)+"/versions", "", nil).want(t, 401)
	})
}
