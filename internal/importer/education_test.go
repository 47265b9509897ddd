package importer

import (
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// An export of SIASN's riwayat pendidikan, with its column names, dry run
// then applied: every bad row reported with its column, the good ones
// written and audited, the same file again changing nothing.
func TestEducationImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, talentCity...)
		file := "NIP_BARU;TK_PENDIDIKAN_ID;TK_PENDIDIKAN_NAMA;PENDIDIKAN_NAMA;NAMA_SEKOLAH;TAHUN_LULUS;TGL_LULUS;NOMOR_IJASAH\n" +
			f.ByNIP[nipAni].NIP + ";40;S-1/Sarjana;S-1 TEKNIK INFORMATIKA;UNIVERSITAS SUMATERA UTARA;2013;;USU-2013-0451\n" + // good
			f.ByNIP[nipAni].NIP + ";15;SLTA;SMA IPA;SMA NEGERI 1 MEDAN;;15-06-2008;DN-07 Ma 0012345\n" + // good, year from the date
			f.ByNIP[nipBudi].NIP + ";30;;D-III KOMPUTER;POLITEKNIK NEGERI MEDAN;2011;;\n" + // good, level from the code
			f.ByNIP[nipBudi].NIP + ";;Kursus;;LPK;2012;;\n" + // unknown level
			f.ByNIP[nipBudi].NIP + ";40;S-1/Sarjana;;;2031;;\n" + // future year
			"199901012020011001;40;S-1/Sarjana;;;2015;;\n" + // unknown NIP
			f.ByNIP[nipEko].NIP + ";40;S-1/Sarjana;;;2010;;\n" + // outside the OPD admin's scope
			f.ByNIP[nipAni].NIP + ";40;Sarjana;;;2013;;\n" // the same NIP, level and year again
		o := TalentOptions{Kind: TalentEducation, Actor: admin, Admin: model.Scope{UnitPaths: []string{f.Units["1271.10"].Path}}, File: "riwayat_pendidikan.csv"}
		rep, err := Talent(ctx, st, o, []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows != 8 || rep.Good != 3 || rep.Bad != 5 || rep.Applied || rep.Employees != 2 {
			t.Fatalf("dry run: %+v", rep)
		}
		want := []struct {
			line      int
			col, code string
		}{{5, "TK_PENDIDIKAN_NAMA", "level.unknown"}, {6, "TAHUN_LULUS", "invalid"}, {7, "NIP_BARU", "nip.unknown"},
			{8, "NIP_BARU", "scope"}, {9, "TAHUN_LULUS", "duplicate"}}
		if len(rep.Problems) != len(want) {
			t.Fatalf("problems %+v", rep.Problems)
		}
		for i, w := range want {
			if p := rep.Problems[i]; p.Line != w.line || p.Column != w.col || p.Code != w.code || p.Message == "" || p.MessageEN == "" {
				t.Errorf("problem %d: %+v, want %+v", i, p, w)
			}
		}
		if got, _ := st.Education(ctx, f.ByNIP[nipAni].ID); len(got) != 0 {
			t.Fatalf("the dry run wrote: %+v", got)
		}

		o.Apply = true
		if rep, err = Talent(ctx, st, o, []byte(file)); err != nil || !rep.Applied || rep.Good != 3 {
			t.Fatalf("apply: %+v, %v", rep, err)
		}
		ani, _ := st.Education(ctx, f.ByNIP[nipAni].ID)
		budi, _ := st.Education(ctx, f.ByNIP[nipBudi].ID)
		if len(ani) != 2 || ani[0].Level != model.EduS1 || ani[0].Major != "S-1 TEKNIK INFORMATIKA" || ani[0].CertificateNo != "USU-2013-0451" ||
			ani[1].Level != model.EduSMA || ani[1].Year != 2008 || len(budi) != 1 || budi[0].Level != model.EduD3 || budi[0].Institution != "POLITEKNIK NEGERI MEDAN" {
			t.Errorf("after apply: ani %+v, budi %+v", ani, budi)
		}
		log, err := st.AuditLog(ctx, store.AuditFilter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if log[0].Action != "import.education" || !strings.Contains(log[0].Detail, rep.SHA256) || !strings.Contains(log[0].Detail, `"changed":3`) {
			t.Errorf("audit: %+v", log[0])
		}
		if rep, err = Talent(ctx, st, o, []byte(file)); err != nil || !rep.Applied {
			t.Fatalf("again: %+v, %v", rep, err)
		}
		log, _ = st.AuditLog(ctx, store.AuditFilter{Limit: 1})
		if !strings.Contains(log[0].Detail, `"changed":0`) {
			t.Errorf("the same file again: %+v", log[0])
		}

		// A file without a year or date column is refused whole.
		rep, err = Talent(ctx, st, o, []byte("NIP;TINGKAT_PENDIDIKAN\n"+f.ByNIP[nipAni].NIP+";S1\n"))
		if err != nil || !rep.FileError || !strings.Contains(rep.Problems[0].Message, "TAHUN_LULUS atau TGL_LULUS") {
			t.Errorf("missing column: %+v, %v", rep, err)
		}
	})
}
