package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

func TestEducationImportAndGaps(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		ev := store.TalentImportEvent{Kind: "education", File: "riwayat_pendidikan.csv", SHA256: "abc", Data: []byte("NIP;...\n"), Rows: 3, Employees: 2}
		first := []model.Education{
			{EmployeeID: f.Ani.ID, Level: model.EduS1, Major: "Teknik Informatika", Institution: "Universitas Sumatera Utara", Year: 2014, CertificateNo: "USU/2014/77"},
			{EmployeeID: f.Ani.ID, Level: model.EduSMA, Major: "IPA", Institution: "SMA Negeri 1 Medan", Year: 2010},
			{EmployeeID: f.Bayu.ID, Level: model.EduD3, Major: "Manajemen Informatika", Institution: "Politeknik Negeri Medan", Year: 2011},
		}
		must(t, s.ApplyEducation(ctx, admin, ev, first))
		got, err := s.Education(ctx, f.Ani.ID)
		must(t, err)
		if len(got) != 2 || got[0].Level != model.EduS1 || got[0].CertificateNo != "USU/2014/77" || got[1].Institution != "SMA Negeri 1 Medan" {
			t.Fatalf("ani's education: %+v", got)
		}

		// The same file again changes nothing; a corrected certificate
		// number replaces the stored one and adds nothing.
		must(t, s.ApplyEducation(ctx, admin, ev, first))
		fixed := first[0]
		fixed.CertificateNo = "USU/2014/0077"
		must(t, s.ApplyEducation(ctx, admin, ev, []model.Education{fixed}))
		got, _ = s.Education(ctx, f.Ani.ID)
		if len(got) != 2 || got[0].CertificateNo != "USU/2014/0077" {
			t.Errorf("after the correction: %+v", got)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmtInt(f.Ani.ID), Limit: 20})
		must(t, err)
		sets := 0
		for _, e := range log {
			if e.Action == "education.set" {
				sets++
			}
		}
		if sets != 3 || !strings.Contains(log[0].Detail, "USU/2014/0077") {
			t.Errorf("ani's history has %d education.set rows (want 2 added + 1 corrected): %+v", sets, log)
		}
		all, err := s.AuditLog(ctx, store.AuditFilter{Limit: 100})
		must(t, err)
		var imports []model.AuditEntry
		for _, e := range all {
			if e.Action == "import.education" {
				imports = append(imports, e)
			}
		}
		if len(imports) != 3 || !strings.Contains(imports[1].Detail, `"changed":0`) || !strings.Contains(imports[2].Detail, `"changed":3`) {
			t.Errorf("import events: %+v", imports)
		}

		// Qualification gaps: the Kominfo head, Budi and Sri have none
		// recorded, the kabid (administrator) an S-2, Ani (ahli pertama) an
		// S-1, Bayu (ahli pertama) a D-III: one gap, three unrecorded.
		must(t, s.ApplyEducation(ctx, admin, ev, []model.Education{{EmployeeID: f.Kabid.ID, Level: model.EduS2, Year: 2012}}))
		q, err := s.Qualifications(ctx, model.Scope{All: true}, 10)
		must(t, err)
		if q.Employees != 6 || q.Unrecorded != 3 || q.Below != 1 || len(q.People) != 1 || q.People[0].EmployeeID != f.Bayu.ID ||
			q.People[0].Highest != model.EduD3 || q.People[0].Minimum != model.EduS1 || q.More {
			t.Errorf("qualifications: %+v", q)
		}
		// A scope sees its own people only.
		q, err = s.Qualifications(ctx, model.Scope{UnitPaths: []string{"/nowhere/"}}, 10)
		must(t, err)
		if q.Employees != 0 || len(q.People) != 0 {
			t.Errorf("qualifications of an empty scope: %+v", q)
		}

		// The demo's seeding replaces every history.
		seen := map[int64]store.EducationSeed{}
		n, err := s.SeedEducation(ctx, admin, "demo", func(e store.EducationSeed) []model.Education {
			seen[e.ID] = e
			return []model.Education{{Level: model.EduS1, Major: "Ilmu Pemerintahan", Institution: "Universitas Medan Area", Year: e.BirthYear + 23}}
		})
		must(t, err)
		got, _ = s.Education(ctx, f.Ani.ID)
		if n != 6 || len(got) != 1 || got[0].Major != "Ilmu Pemerintahan" || got[0].EmployeeID != f.Ani.ID || got[0].Year != 1992+23 {
			t.Errorf("seeded %d: %+v", n, got)
		}
		if k := seen[f.Kabid.ID]; k.GelarBelakang != "S.Kom., M.Kom." || k.BirthYear != 1978 || len(seen) != 6 {
			t.Errorf("seed rows: %+v", seen)
		}
	})
}
