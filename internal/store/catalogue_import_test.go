package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestImportCatalogue: the import writes all its programmes or none: a dry
// run and a file whose last row the store refuses leave the catalogue as
// it was; an applied file creates and updates in one transaction, with one
// audit row for the file. The export reads every programme with its
// competencies and their framework codes.
func TestImportCatalogue(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue())
		k := c.Catalogue
		ev := store.CatalogueImportEvent{File: "katalog.csv", SHA256: "abc", Rows: 2}
		newOne := model.Programme{Code: "NEW-01", Title: "Program Baru", Form: "kursus", Delivery: model.DeliverySync, JP: 8,
			ProviderID: k.Firm.ID, Active: true, Competencies: []model.ProgrammeCompetency{{CompetencyID: c.National[3], Level: 2}}}
		cloud := k.Cloud
		cloud.Title = "Dasar Komputasi Awan (revisi)"
		codes := func() map[string]int64 {
			ids, err := s.ProgrammeIDsByCode(ctx)
			must(t, err)
			return ids
		}
		// A dry run.
		created, updated, err := s.ImportCatalogue(ctx, testcity.Sys, ev, []model.Programme{newOne, cloud}, false)
		if err != nil || created != 1 || updated != 1 {
			t.Fatalf("dry run: %d %d %v", created, updated, err)
		}
		if codes()["NEW-01"] != 0 {
			t.Fatal("the dry run stored a programme")
		}
		// A refused row (a partner that does not exist) undoes the rows
		// before it.
		stray := newOne
		stray.Code, stray.ProviderID = "NEW-02", 999999
		_, _, err = s.ImportCatalogue(ctx, testcity.Sys, ev, []model.Programme{newOne, cloud, stray}, true)
		var re *store.CatalogueRowError
		if !errors.As(err, &re) || re.Row != 2 || apperr.Code(err) != apperr.ENOTFOUND {
			t.Fatalf("refused row: %v", err)
		}
		if codes()["NEW-01"] != 0 {
			t.Fatal("a refused file kept its first row")
		}
		if p, _ := s.Programme(ctx, k.Cloud.ID); p.Title != k.Cloud.Title {
			t.Fatal("a refused file kept its update")
		}
		// Applied.
		if _, _, err := s.ImportCatalogue(ctx, testcity.Sys, ev, []model.Programme{newOne, cloud}, true); err != nil {
			t.Fatal(err)
		}
		if codes()["NEW-01"] == 0 {
			t.Fatal("the applied file did not create its programme")
		}
		if p, _ := s.Programme(ctx, k.Cloud.ID); p.Title != cloud.Title {
			t.Errorf("the applied file did not update: %q", p.Title)
		}
		var n int
		must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.import'`).Scan(&n))
		if n != 1 {
			t.Errorf("%d audit rows of the file, want 1", n)
		}
		rows, err := s.CatalogueExport(ctx, 0)
		must(t, err)
		if len(rows) != 3 || rows[0].Code != "DIG-ANDAT-01" || len(rows[0].Competencies) != 1 ||
			rows[0].CompetencyFrameworks[0] != dictionary.CodeNational || rows[0].Competencies[0].Code == "" {
			t.Errorf("export rows: %+v", rows)
		}
		if own, _ := s.CatalogueExport(ctx, k.Univ.ID); len(own) != 1 {
			t.Errorf("one partner's export: %d rows", len(own))
		}
		refs, err := s.CompetencyRefs(ctx)
		must(t, err)
		if r := refs[dictionary.CodeNational]; len(r) == 0 {
			t.Error("no national competencies by code")
		}
	})
}
