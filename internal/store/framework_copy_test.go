package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// An agency copies the built-in digital framework into a version of its
// own, edits and publishes it; the built-in stays as it was and the
// standard set on it keeps pointing at it until the standard is moved.
func TestCopyBuiltInFramework(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		opd := model.Scope{UnitPaths: []string{f.Kominfo.Path}}
		dig, err := s.FrameworkID(ctx, dictionary.CodeDigital, "")
		must(t, err)
		builtin, digIDs, err := s.Framework(ctx, dig)
		must(t, err)
		sid, err := s.SetStandard(ctx, admin, f.ProgPos.ID, "SK-2/2026", "2026-01-02",
			[]model.StandardItem{{CompetencyID: digIDs[0], Required: 2, Weight: 1, Mandatory: true}})
		must(t, err)

		// The copy keeps the source's competencies, levels and indicators
		// under a code of its own; the source's code is refused.
		taken := &dictionary.Draft{OwnerUnitID: f.Kominfo.ID, F: dictionary.Framework{Code: dictionary.CodeDigital, Name: "X", Version: "1"}}
		if fields := problemFields(s.CopyFramework(ctx, admin, dig, taken, opd)); !fields["framework.code"] {
			t.Errorf("copy under the built-in's code: %v", fields)
		}
		if err := s.CopyFramework(ctx, admin, 999999, &dictionary.Draft{F: dictionary.Framework{Code: "X", Name: "X", Version: "1"}}, opd); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("copy of no framework: %v", err)
		}
		d := &dictionary.Draft{OwnerUnitID: f.Kominfo.ID, F: dictionary.Framework{Code: "DIGITAL-DISKOMINFO", Name: "Kompetensi Digital Diskominfo",
			Version: "2026.1", Source: "Salinan kerangka bawaan"}}
		must(t, s.CopyFramework(ctx, admin, dig, d, opd))
		draft, err := s.Draft(ctx, d.ID)
		must(t, err)
		if len(draft.F.Competencies) != len(builtin.Competencies) || draft.BasedOnID != 0 ||
			draft.F.Competencies[0].Levels[2].Indicators[1] != builtin.Competencies[0].Levels[2].Indicators[1] || len(draft.F.Competencies[0].Levels[2].Indicators) != 3 {
			t.Fatalf("copy: %d competencies, based on %d, level 3 %+v", len(draft.F.Competencies), draft.BasedOnID, draft.F.Competencies[0].Levels[2])
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "framework_draft", EntityID: fmtInt(d.ID), Limit: 5})
		must(t, err)
		if len(log) != 1 || log[0].Action != "framework_draft.create" {
			t.Errorf("copy audit: %+v", log)
		}

		// Edited there and published.
		c := draft.F.Competencies[0]
		c.Levels[0].Indicators = append(c.Levels[0].Indicators, "Memakai portal Satu Data Kota.")
		must(t, s.SaveDraftCompetency(ctx, admin, d.ID, c.Code, c, opd))
		v, err := s.PublishDraft(ctx, admin, d.ID, opd)
		must(t, err)
		own, ids, err := s.Framework(ctx, v)
		must(t, err)
		if own.Code != "DIGITAL-DISKOMINFO" || len(own.Competencies[0].Levels[0].Indicators) != 4 || ids[0] == digIDs[0] {
			t.Errorf("published copy: %+v", own.Competencies[0].Levels[0])
		}
		again, _, err := s.Framework(ctx, dig)
		must(t, err)
		if len(again.Competencies[0].Levels[0].Indicators) != 3 {
			t.Error("the built-in changed with its copy")
		}

		// The standard keeps the built-in until it is moved.
		cur, err := s.CurrentStandard(ctx, f.ProgPos.ID)
		must(t, err)
		if cur.ID != sid || cur.Items[0].CompetencyID != digIDs[0] {
			t.Errorf("standard after the copy: %+v", cur)
		}
		sid2, err := s.SetStandard(ctx, admin, f.ProgPos.ID, "SK-3/2026", "2026-02-02",
			[]model.StandardItem{{CompetencyID: ids[0], Required: 2, Weight: 1, Mandatory: true}})
		must(t, err)
		cur, err = s.CurrentStandard(ctx, f.ProgPos.ID)
		must(t, err)
		if cur.ID != sid2 || cur.Items[0].CompetencyID != ids[0] {
			t.Errorf("moved standard: %+v", cur)
		}
	})
}

// A database made before the digital framework had indicators (version
// 2025.1) gets version 2026.1 beside it; the standard set on 2025.1 keeps
// its competencies, and the newest version is the one with indicators.
func TestBuiltInNewVersionKeepsStandards(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		old := dictionary.Digital()
		old.Version = "2025.1"
		for i := range old.Competencies {
			for l := range old.Competencies[i].Levels {
				old.Competencies[i].Levels[l].Indicators = nil
			}
		}
		oldID, err := s.CreateFramework(ctx, admin, old, true)
		must(t, err)
		_, oldIDs, err := s.Framework(ctx, oldID)
		must(t, err)
		sid, err := s.SetStandard(ctx, admin, f.ProgPos.ID, "SK-1/2025", "2025-06-02",
			[]model.StandardItem{{CompetencyID: oldIDs[0], Required: 2, Weight: 1, Mandatory: true}, {CompetencyID: oldIDs[2], Required: 3, Weight: 1, Mandatory: true}})
		must(t, err)

		added, err := s.EnsureBuiltInFrameworks(ctx, admin)
		must(t, err)
		if added != len(dictionary.BuiltIn()) {
			t.Errorf("added %d built-ins, want all %d (2025.1 is not the shipped digital version)", added, len(dictionary.BuiltIn()))
		}
		newest, err := s.FrameworkID(ctx, dictionary.CodeDigital, "")
		must(t, err)
		nf, _, err := s.Framework(ctx, newest)
		must(t, err)
		if newest == oldID || nf.Version != "2026.1" || len(nf.Competencies[0].Levels[4].Indicators) != 3 {
			t.Errorf("newest digital version %q (id %d, old %d)", nf.Version, newest, oldID)
		}
		cur, err := s.CurrentStandard(ctx, f.ProgPos.ID)
		must(t, err)
		if cur.ID != sid || len(cur.Items) != 2 || cur.Items[0].CompetencyID != oldIDs[0] || cur.Items[1].CompetencyID != oldIDs[2] {
			t.Errorf("standard after the new built-in version: %+v", cur)
		}
		if again, err := s.EnsureBuiltInFrameworks(ctx, admin); err != nil || again != 0 {
			t.Errorf("second ensure added %d (%v)", again, err)
		}
	})
}

// SetStandards sets many positions' standards in one transaction, each as
// SetStandard would; one bad standard writes none.
func TestSetStandards(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		item := func(c int64, req int) model.StandardItem {
			return model.StandardItem{CompetencyID: c, Required: req, Weight: 1, Mandatory: true}
		}
		bad := map[int64][]model.StandardItem{f.KabidPos.ID: {item(f.National[0], 3)}, f.HeadPos.ID: {item(f.National[0], 9)}}
		if err := s.SetStandards(ctx, admin, "SK-5/2026", "2026-03-01", bad); err == nil {
			t.Error("a level 9 accepted")
		}
		if cur, _ := s.CurrentStandard(ctx, f.KabidPos.ID); cur != nil {
			t.Errorf("a refused batch wrote %+v", cur)
		}
		must(t, s.SetStandards(ctx, admin, "SK-5/2026", "2026-03-01", map[int64][]model.StandardItem{
			f.KabidPos.ID: {item(f.National[0], 3), item(f.National[1], 3)}, f.ProgPos.ID: {item(f.National[2], 2)}}))
		kabid, err := s.CurrentStandard(ctx, f.KabidPos.ID)
		must(t, err)
		staff, err := s.CurrentStandard(ctx, f.ProgPos.ID)
		must(t, err)
		if kabid == nil || len(kabid.Items) != 2 || kabid.DecreeNo != "SK-5/2026" || staff == nil || staff.DecreeNo != "SK-5/2026" || len(staff.Items) != 1 {
			t.Fatalf("standards: %+v %+v", kabid, staff)
		}
		hist, err := s.StandardHistory(ctx, f.ProgPos.ID)
		must(t, err)
		if len(hist) != 2 {
			t.Errorf("the staff post's earlier standard is no longer kept: %+v", hist)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "position", EntityID: fmtInt(f.KabidPos.ID), Limit: 5})
		must(t, err)
		if len(log) != 2 || log[0].Action != "standard.set" || log[1].Action != "position.create" {
			t.Errorf("audit: %+v", log)
		}
	})
}
