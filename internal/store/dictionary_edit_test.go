package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// techCompetency is a complete technical competency.
func techCompetency(code, name string) dictionary.Competency {
	c := dictionary.Competency{Code: code, Name: name, Definition: "Kemampuan " + name, Group: dictionary.GroupTeknis,
		Kind: dictionary.KindHard, Tags: []string{"area:lalu-lintas"}}
	for i := range c.Levels {
		c.Levels[i] = dictionary.Level{Title: dictionary.ProficiencyTitles[i], Description: name + " level " + string(rune('1'+i)),
			Indicators: []string{"indikator " + string(rune('1'+i))}}
	}
	return c
}

// problemFields returns the fields of a *DraftError.
func problemFields(err error) map[string]bool {
	var de *dictionary.DraftError
	if !errors.As(err, &de) {
		return nil
	}
	out := map[string]bool{}
	for _, p := range de.Problems {
		out[p.Field] = true
	}
	return out
}

func TestDraftPublishAndVersions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		bkpsdm := model.Scope{All: true}
		opd := model.Scope{UnitPaths: []string{f.Kominfo.Path}}
		other := model.Scope{UnitPaths: []string{f.Dinkes.Path}}

		// A unit admin creates their agency's framework.
		d := &dictionary.Draft{OwnerUnitID: f.Kominfo.ID, F: dictionary.Framework{Code: "TEKNIS-KOMINFO", Name: "Kompetensi Teknis Diskominfo",
			Version: "2025.1", Source: "Keputusan Kepala Dinas 12/2025"}}
		must(t, s.CreateDraft(ctx, admin, d, opd))

		// A competency with errors is refused, each field named.
		broken := techCompetency("K 1", "")
		broken.Group, broken.Kind, broken.Tags = "teknik", "keras", []string{"Area Lalu Lintas"}
		broken.Levels[2].Description = ""
		err := s.SaveDraftCompetency(ctx, admin, d.ID, "", broken, opd)
		fields := problemFields(err)
		for _, want := range []string{"code", "name", "group", "kind", "level_3"} {
			if !fields[want] {
				t.Errorf("broken competency: no problem on %s (%v)", want, err)
			}
		}
		if apperr.Code(err) != apperr.EINVALID {
			t.Errorf("draft error code %q", apperr.Code(err))
		}
		must(t, s.SaveDraftCompetency(ctx, admin, d.ID, "", techCompetency("KOM-01", "Pengelolaan Jaringan"), opd))
		child := techCompetency("KOM-01A", "Keamanan Jaringan")
		child.ParentCode = "kom-01" // parents are matched case-insensitively and stored exactly
		must(t, s.SaveDraftCompetency(ctx, admin, d.ID, "", child, opd))
		dup := techCompetency("kom-01", "Lagi")
		if f := problemFields(s.SaveDraftCompetency(ctx, admin, d.ID, "", dup, opd)); !f["code"] {
			t.Errorf("duplicate code accepted: %v", f)
		}
		// Another OPD neither sees nor edits the draft.
		if err := s.SaveDraftCompetency(ctx, admin, d.ID, "", techCompetency("X", "X"), other); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("other OPD edits the draft: %v", err)
		}
		if list, _ := s.Drafts(ctx, other); len(list) != 0 {
			t.Errorf("other OPD lists %d drafts", len(list))
		}
		if _, err := s.PublishDraft(ctx, admin, d.ID, other); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("other OPD publishes: %v", err)
		}
		// Renaming a parent renames it in its children; a parent cannot go first.
		renamed := techCompetency("KOM-1", "Pengelolaan Jaringan")
		must(t, s.SaveDraftCompetency(ctx, admin, d.ID, "KOM-01", renamed, opd))
		got, err := s.Draft(ctx, d.ID)
		must(t, err)
		if got.F.Competencies[1].ParentCode != "KOM-1" {
			t.Errorf("child's parent after rename: %q", got.F.Competencies[1].ParentCode)
		}
		if err := s.DeleteDraftCompetency(ctx, admin, d.ID, "KOM-1", opd); fieldOf(err) != "parent_code" {
			t.Errorf("deleting a parent: %v", err)
		}

		v1, err := s.PublishDraft(ctx, admin, d.ID, opd)
		must(t, err)
		if _, err := s.Draft(ctx, d.ID); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("draft still there after publishing: %v", err)
		}
		fw, ids, err := s.Framework(ctx, v1)
		must(t, err)
		if fw.Version != "2025.1" || len(ids) != 2 || fw.Competencies[1].ParentCode != "KOM-1" || fw.Competencies[0].Levels[4].Indicators[0] != "indikator 5" {
			t.Errorf("published: %+v", fw)
		}
		own, err := s.FrameworkOwner(ctx, v1)
		must(t, err)
		if own.OwnerUnitID != f.Kominfo.ID || !policy.MayVersionFramework(opd, own.BuiltIn, own.OwnerPath) ||
			policy.MayVersionFramework(other, own.BuiltIn, own.OwnerPath) {
			t.Errorf("ownership %+v", own)
		}

		// The version is used: a standard and a rating point at it.
		std := addStandard(t, s, f.ProgPos.ID, ids[:1], 3)
		r := model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: ids[0], Level: 2}
		must(t, s.AddRating(ctx, admin, &r))

		// Another OPD cannot start a new version; built-ins are read-only.
		if _, _, err := s.NewVersionDraft(ctx, admin, v1, other); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("other OPD versions: %v", err)
		}
		nat, err := s.FrameworkID(ctx, dictionary.CodeNational, "")
		must(t, err)
		if _, _, err := s.NewVersionDraft(ctx, admin, nat, bkpsdm); apperr.Code(err) != apperr.EFORBIDDEN {
			t.Errorf("versioning a built-in framework: %v", err)
		}

		// Editing the published version makes a new draft copied from it.
		d2, existed, err := s.NewVersionDraft(ctx, admin, v1, opd)
		must(t, err)
		if existed {
			t.Error("first new version reported as existing")
		}
		again, existed, err := s.NewVersionDraft(ctx, admin, v1, bkpsdm)
		must(t, err)
		if !existed || again != d2 {
			t.Errorf("second new version: %d %v, want the draft %d", again, existed, d2)
		}
		draft, err := s.Draft(ctx, d2)
		must(t, err)
		if draft.F.Version != "2025.2" || draft.BasedOnID != v1 || draft.BasedOnVersion != "2025.1" || len(draft.F.Competencies) != 2 || draft.OwnerUnitID != f.Kominfo.ID {
			t.Errorf("new version draft: %+v", draft)
		}
		changed := draft.F.Competencies[0]
		changed.Name = "Pengelolaan Jaringan dan Pusat Data"
		changed.Levels[0].Description = "Baru"
		must(t, s.SaveDraftCompetency(ctx, admin, d2, changed.Code, changed, opd))
		// The published version is frozen.
		fw, _, _ = s.Framework(ctx, v1)
		if fw.Competencies[0].Name != "Pengelolaan Jaringan" || fw.Competencies[0].Levels[0].Description == "Baru" {
			t.Errorf("published version changed: %+v", fw.Competencies[0])
		}
		// Going back to a published version number is refused, by field.
		m := dictionary.DraftMeta{Code: "IGNORED", Name: draft.F.Name, Version: "2025.1", OwnerUnitID: f.Kominfo.ID}
		if f := problemFields(s.UpdateDraftMeta(ctx, admin, d2, m, opd)); !f["framework.version"] {
			t.Errorf("published version number accepted: %v", f)
		}
		m.Version, m.Source = "2026.1", "Keputusan Kepala Dinas 3/2026"
		must(t, s.UpdateDraftMeta(ctx, admin, d2, m, opd))
		v2, err := s.PublishDraft(ctx, admin, d2, opd)
		must(t, err)
		fw2, ids2, _ := s.Framework(ctx, v2)
		if fw2.Code != "TEKNIS-KOMINFO" || fw2.Version != "2026.1" || fw2.Competencies[0].Name != "Pengelolaan Jaringan dan Pusat Data" || ids2[0] == ids[0] {
			t.Errorf("second version: %+v %v", fw2, ids2)
		}
		if newest, _ := s.FrameworkID(ctx, "TEKNIS-KOMINFO", ""); newest != v2 {
			t.Errorf("newest version %d, want %d", newest, v2)
		}

		// The old rating and standard still point at version 2025.1.
		var fid int64
		must(t, s.DB().QueryRowContext(ctx, `SELECT c.framework_id FROM rating r JOIN competency c ON c.id = r.competency_id WHERE r.id = $1`, r.ID).Scan(&fid))
		if fid != v1 {
			t.Errorf("old rating points at framework %d, want %d", fid, v1)
		}
		vs, err := s.FrameworkVersions(ctx, "TEKNIS-KOMINFO")
		must(t, err)
		if len(vs) != 2 || vs[0].ID != v2 || vs[1].ID != v1 || vs[0].BasedOnID != v1 {
			t.Fatalf("versions %+v", vs)
		}
		if vs[1].Ratings != 1 || vs[1].CurrentStandards != 1 || vs[1].Competencies != 2 || vs[0].Ratings != 0 || vs[0].CurrentStandards != 0 {
			t.Errorf("what points at which version: %+v", vs)
		}
		_ = std

		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "framework", EntityID: fmtInt(v2), Limit: 5})
		must(t, err)
		if len(log) != 1 || log[0].Action != "framework.publish" {
			t.Errorf("publish audit: %+v", log)
		}
	})
}

func TestDraftMetaRules(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		bkpsdm := model.Scope{All: true}
		opd := model.Scope{UnitPaths: []string{f.Kominfo.Path}}
		cases := []struct {
			name  string
			d     dictionary.Draft
			admin model.Scope
			field string
		}{
			{"no code", dictionary.Draft{F: dictionary.Framework{Name: "X", Version: "1"}}, bkpsdm, "framework.code"},
			{"spaces in code", dictionary.Draft{F: dictionary.Framework{Code: "A B", Name: "X", Version: "1"}}, bkpsdm, "framework.code"},
			{"no name", dictionary.Draft{F: dictionary.Framework{Code: "AB", Version: "1"}}, bkpsdm, "framework.name"},
			{"no version", dictionary.Draft{F: dictionary.Framework{Code: "AB", Name: "X"}}, bkpsdm, "framework.version"},
			{"code of a built-in framework", dictionary.Draft{F: dictionary.Framework{Code: dictionary.CodeDigital, Name: "X", Version: "9"}}, bkpsdm, "framework.code"},
			{"unit admin without owner", dictionary.Draft{F: dictionary.Framework{Code: "AB", Name: "X", Version: "1"}}, opd, "owner_unit"},
			{"unit admin, other owner", dictionary.Draft{OwnerUnitID: f.Dinkes.ID, F: dictionary.Framework{Code: "AB", Name: "X", Version: "1"}}, opd, "owner_unit"},
		}
		for _, tt := range cases {
			d := tt.d
			err := s.CreateDraft(ctx, admin, &d, tt.admin)
			if fs := problemFields(err); !fs[tt.field] {
				t.Errorf("%s: %v, want a problem on %s", tt.name, err, tt.field)
			}
		}
		// BKPSDM may own a framework itself; an empty draft cannot be published.
		d := dictionary.Draft{F: dictionary.Framework{Code: "TEKNIS-PEMDA", Name: "Teknis Pemda", Version: "1"}}
		must(t, s.CreateDraft(ctx, admin, &d, bkpsdm))
		if _, err := s.PublishDraft(ctx, admin, d.ID, bkpsdm); !problemFields(err)["competencies"] {
			t.Errorf("publishing an empty draft: %v", err)
		}
		if list, _ := s.Drafts(ctx, opd); len(list) != 0 {
			t.Errorf("unit admin sees BKPSDM's draft")
		}
		// The code of a draft is taken too.
		d2 := dictionary.Draft{F: dictionary.Framework{Code: "TEKNIS-PEMDA", Name: "Lagi", Version: "2"}}
		if fs := problemFields(s.CreateDraft(ctx, admin, &d2, bkpsdm)); !fs["framework.code"] {
			t.Errorf("second draft with the same code: %v", fs)
		}
		// A code taken by an import after the draft began blocks publishing.
		must(t, s.SaveDraftCompetency(ctx, admin, d.ID, "", techCompetency("P-1", "Perencanaan"), bkpsdm))
		imported := dictionary.Framework{Code: "TEKNIS-PEMDA", Name: "Impor", Version: "9", Competencies: []dictionary.Competency{techCompetency("I-1", "Impor")}}
		_, err := s.CreateFramework(ctx, admin, &imported, false)
		must(t, err)
		if _, err := s.PublishDraft(ctx, admin, d.ID, bkpsdm); !problemFields(err)["framework.code"] {
			t.Errorf("publishing over an imported code: %v", err)
		}
		must(t, s.DiscardDraft(ctx, admin, d.ID, bkpsdm))
		if _, err := s.Draft(ctx, d.ID); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("discarded draft: %v", err)
		}
	})
}
