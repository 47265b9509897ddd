package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

func TestDefaultRequiredLevel(t *testing.T) {
	tests := []struct {
		t       model.PositionType
		jenjang string
		want    int
	}{
		{model.JPTUtama, "", 5}, {model.JPTMadya, "", 5}, {model.JPTPratama, "", 4},
		{model.Administrator, "", 3}, {model.Pengawas, "", 2}, {model.Pelaksana, "", 1},
		{model.Fungsional, "pemula", 1}, {model.Fungsional, "terampil", 1}, {model.Fungsional, "mahir", 2},
		{model.Fungsional, "penyelia", 2}, {model.Fungsional, "ahli_pertama", 2}, {model.Fungsional, "ahli_muda", 3},
		{model.Fungsional, "ahli_madya", 4}, {model.Fungsional, "ahli_utama", 5}, {model.Fungsional, "", 0},
	}
	for _, tt := range tests {
		if got := model.DefaultRequiredLevel(tt.t, tt.jenjang); got != tt.want {
			t.Errorf("%s/%s = %d, want %d", tt.t, tt.jenjang, got, tt.want)
		}
	}
}

func TestStandardsTemplatesAndHistory(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		if _, err := s.EnsureBuiltInFrameworks(ctx, admin); err != nil {
			t.Fatal(err)
		}
		n, err := s.SeedDefaultTemplates(ctx, admin)
		if err != nil || n != 9*len(model.TemplateKeys()) {
			t.Fatalf("seeded %d, %v", n, err)
		}
		if n, _ := s.SeedDefaultTemplates(ctx, admin); n != 0 {
			t.Errorf("second seed added %d", n)
		}
		tpl, err := s.TemplateFor(ctx, model.Fungsional, "ahli_pertama")
		if err != nil || len(tpl) != 9 || tpl[0].Required != 2 || tpl[0].Code != "M1" || tpl[8].Code != "SK1" {
			t.Fatalf("template ahli_pertama: %+v %v", tpl, err)
		}

		// Bulk apply to administrators (one position: kabid).
		res, err := s.ApplyTemplate(ctx, admin, model.Administrator, "Perwal Medan No. 12 Tahun 2026", "2026-01-15", false)
		if err != nil || res.Positions != 1 || res.Items != 9 {
			t.Fatalf("apply: %+v %v", res, err)
		}
		cur, err := s.CurrentStandard(ctx, f.KabidPos.ID)
		if err != nil || cur == nil || len(cur.Items) != 9 || cur.Items[0].Required != 3 || cur.DecreeDate != "2026-01-15" {
			t.Fatalf("current after apply: %+v %v", cur, err)
		}
		if cur.Items[0].FrameworkCode != "KOMPETENSI-ASN" || cur.Items[0].Name != "Integritas" {
			t.Errorf("item description: %+v", cur.Items[0])
		}
		// onlyMissing leaves it alone.
		res, err = s.ApplyTemplate(ctx, admin, model.Administrator, "SK 2", "2026-02-01", true)
		if err != nil || res.Positions != 0 || res.Skipped != 1 {
			t.Errorf("apply only missing: %+v %v", res, err)
		}
		// Functional: jenjang template used.
		// (the Pranata Komputer and the city's nurse post, nine items each).
		res, err = s.ApplyTemplate(ctx, admin, model.Fungsional, "SK 3", "2026-02-01", true)
		if err != nil || res.Positions != 2 || res.Items != 18 {
			t.Fatalf("apply functional: %+v %v", res, err)
		}
		staff, _ := s.CurrentStandard(ctx, f.ProgPos.ID)
		if staff == nil || staff.Items[0].Required != 2 {
			t.Errorf("functional standard: %+v", staff)
		}

		// Edit one position's standard: history kept.
		items := cur.Items
		items[0].Required = 4
		items[1].Weight = 2
		items = items[:8]
		id, err := s.SetStandard(ctx, admin, f.KabidPos.ID, "SK Wali Kota 800/99", "2026-03-01", items)
		if err != nil {
			t.Fatal(err)
		}
		cur2, _ := s.CurrentStandard(ctx, f.KabidPos.ID)
		if cur2.ID != id || len(cur2.Items) != 8 || cur2.Items[0].Required != 4 || cur2.Items[1].Weight != 2 || !cur2.Current {
			t.Errorf("after set: %+v", cur2)
		}
		hist, err := s.StandardHistory(ctx, f.KabidPos.ID)
		if err != nil || len(hist) != 2 || hist[0].ID != id || hist[1].Current || len(hist[1].Items) != 9 {
			t.Errorf("history: %+v %v", hist, err)
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{Entity: "position", EntityID: fmtInt(f.KabidPos.ID)})
		if len(log) == 0 || log[0].Action != "standard.set" || !strings.Contains(log[0].Detail, `"required":4`) {
			t.Errorf("audit: %+v", log)
		}

		// Full re-apply replaces it as a new standard.
		res, err = s.ApplyTemplate(ctx, admin, model.Administrator, "SK 4", "2026-04-01", false)
		if err != nil || res.Positions != 1 {
			t.Fatalf("re-apply: %+v %v", res, err)
		}
		hist, _ = s.StandardHistory(ctx, f.KabidPos.ID)
		if len(hist) != 3 || !hist[0].Current || hist[1].Current || hist[0].DecreeNo != "SK 4" {
			t.Errorf("history after re-apply: %+v", hist)
		}

		// Validation.
		bad := []model.StandardItem{{CompetencyID: items[0].CompetencyID, Required: 6, Weight: 1}}
		if _, err := s.SetStandard(ctx, admin, f.KabidPos.ID, "X", "", bad); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("level 6: %v", err)
		}
		bad = []model.StandardItem{{CompetencyID: items[0].CompetencyID, Required: 2, Weight: -1}}
		if _, err := s.SetStandard(ctx, admin, f.KabidPos.ID, "X", "", bad); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("weight -1: %v", err)
		}
		bad = []model.StandardItem{{CompetencyID: 999999, Required: 2, Weight: 1}}
		if _, err := s.SetStandard(ctx, admin, f.KabidPos.ID, "X", "", bad); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("missing competency: %v", err)
		}
		ok := []model.StandardItem{{CompetencyID: items[0].CompetencyID, Required: 2, Weight: 1}}
		if _, err := s.SetStandard(ctx, admin, f.KabidPos.ID, "", "", ok); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("missing decree: %v", err)
		}
		if _, err := s.SetStandard(ctx, admin, f.KabidPos.ID, "X", "15-01-2026", ok); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("bad date: %v", err)
		}
		if _, err := s.SetStandard(ctx, admin, 999999, "X", "", ok); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("missing position: %v", err)
		}

		// Editing a template.
		if err := s.SetTemplate(ctx, admin, model.Pelaksana, "", ok); err != nil {
			t.Fatal(err)
		}
		pl, _ := s.Templates(ctx, model.Pelaksana)
		if len(pl) != 1 || pl[0].Required != 2 {
			t.Errorf("pelaksana template: %+v", pl)
		}
		if err := s.SetTemplate(ctx, admin, model.Pelaksana, "ahli_muda", ok); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("jenjang on pelaksana: %v", err)
		}
		if none, _ := s.CurrentStandard(ctx, f.HeadPos.ID); none != nil {
			t.Errorf("kadis has no standard yet: %+v", none)
		}
	})
}
