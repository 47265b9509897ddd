package store_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

var (
	tinyPDF = []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
)

func TestEvidenceSubmit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		good := func() model.Evidence {
			return model.Evidence{EmployeeID: f.Ani.ID, CompetencyID: f.National[0], ClaimedLevel: 3, Note: " laporan ",
				FileName: `C:\Users\ani\..\laporan "akhir";.pdf`, Content: tinyPDF}
		}
		e := good()
		must(t, s.SubmitEvidence(ctx, admin, f.Ani.ID, &e))
		if e.ID == 0 || e.Status != model.EvidencePending || e.ContentType != "application/pdf" || e.Size != int64(len(tinyPDF)) {
			t.Errorf("submitted: %+v", e)
		}
		if strings.ContainsAny(e.FileName, "\"\\/;") || !strings.HasSuffix(e.FileName, ".pdf") || !strings.HasPrefix(e.FileName, "laporan") {
			t.Errorf("file name not cleaned: %q", e.FileName)
		}
		// A PNG named .txt is stored as a PNG with the extension added.
		p := good()
		p.Content, p.FileName = tinyPNG, "foto.txt"
		must(t, s.SubmitEvidence(ctx, admin, f.Ani.ID, &p))
		if p.ContentType != "image/png" || p.FileName != "foto.txt.png" {
			t.Errorf("png: %q %q", p.ContentType, p.FileName)
		}

		refusals := []struct {
			what      string
			submitter int64
			edit      func(e *model.Evidence)
			code      string
			field     string
		}{
			{"wrong type despite the name", f.Ani.ID, func(e *model.Evidence) { e.Content, e.FileName = []byte("<html>hi</html>"), "x.pdf" }, apperr.EINVALID, "file"},
			{"too big", f.Ani.ID, func(e *model.Evidence) {
				e.Content = append(append([]byte{}, tinyPDF...), bytes.Repeat([]byte{' '}, model.EvidenceMaxSize)...)
			}, apperr.EINVALID, "file"},
			{"empty", f.Ani.ID, func(e *model.Evidence) { e.Content = nil }, apperr.EINVALID, "file"},
			{"competency not in the standard", f.Ani.ID, func(e *model.Evidence) { e.CompetencyID = f.National[6] }, apperr.EINVALID, "competency"},
			{"level out of range", f.Ani.ID, func(e *model.Evidence) { e.ClaimedLevel = 6 }, apperr.EINVALID, "level"},
			{"someone else's", f.Bayu.ID, func(e *model.Evidence) {}, apperr.EFORBIDDEN, ""},
			{"employee without a standard", f.Eko.ID, func(e *model.Evidence) { e.EmployeeID = f.Eko.ID }, apperr.EINVALID, "competency"},
		}
		for _, c := range refusals {
			e := good()
			c.edit(&e)
			err := s.SubmitEvidence(ctx, admin, c.submitter, &e)
			wantCode(t, c.what, err, c.code)
			if ae, ok := err.(*apperr.Error); ok && c.field != "" && ae.Field != c.field {
				t.Errorf("%s: field %q, want %q", c.what, ae.Field, c.field)
			}
		}
		mine, err := s.MyEvidence(ctx, f.Ani.ID, 50)
		must(t, err)
		if len(mine) != 2 || mine[0].ID != p.ID || mine[1].CompetencyName == "" || mine[1].Note != "laporan" {
			t.Errorf("my evidence: %+v", mine)
		}
		// The audit entry names the file but keeps none of its content.
		log, err := s.AuditLog(ctx, store.AuditFilter{Limit: 100})
		must(t, err)
		n := 0
		for _, l := range log {
			if l.Action == "evidence.submit" {
				n++
				if strings.Contains(l.Detail, "PDF-1.4") || strings.Contains(l.Detail, "IHDR") {
					t.Errorf("audit keeps the content: %s", l.Detail)
				}
			}
		}
		if n != 2 {
			t.Errorf("%d evidence.submit entries, want 2", n)
		}
	})
}

func TestEvidenceReview(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		submit := func(comp int64) int64 {
			t.Helper()
			e := model.Evidence{EmployeeID: f.Ani.ID, CompetencyID: comp, ClaimedLevel: 4, FileName: "sk.pdf", Content: tinyPDF}
			must(t, s.SubmitEvidence(ctx, admin, f.Ani.ID, &e))
			return e.ID
		}
		a, b := submit(f.National[0]), submit(f.National[1])
		pend, err := s.PendingEvidence(ctx, f.Kabid.ID, 50)
		must(t, err)
		if len(pend) != 2 || pend[0].ID != a || pend[0].EmployeeName == "" {
			t.Errorf("pending for the supervisor: %+v", pend)
		}
		if pend, _ := s.PendingEvidence(ctx, f.Bayu.ID, 50); len(pend) != 0 {
			t.Errorf("a colleague sees pending evidence: %+v", pend)
		}
		// Neither a colleague, another OPD's employee nor the employee reviews.
		for _, who := range []int64{f.Bayu.ID, f.Eko.ID, f.Ani.ID} {
			wantCode(t, "review by a non-supervisor", s.ReviewEvidence(ctx, admin, who, a, true, 3, ""), apperr.EFORBIDDEN)
		}
		wantCode(t, "accept without a level", s.ReviewEvidence(ctx, admin, f.Kabid.ID, a, true, 0, ""), apperr.EINVALID)
		wantCode(t, "unknown evidence", s.ReviewEvidence(ctx, admin, f.Kabid.ID, 999999, true, 3, ""), apperr.ENOTFOUND)

		must(t, s.ReviewEvidence(ctx, admin, f.Kabid.ID, a, true, 3, "sesuai"))
		ec, err := s.EmployeeCompetencies(ctx, f.Ani.ID)
		must(t, err)
		if ec.Items[0].Actual != 3 || ec.Items[0].Resolution == nil || ec.Stored == nil || ec.Stored.Assessed != 1 {
			t.Fatalf("after acceptance: item %+v, stored %+v", ec.Items[0], ec.Stored)
		}
		var src string
		var rater int64
		must(t, s.DB().QueryRowContext(ctx, `SELECT r.source, r.rater_id FROM rating r JOIN evidence v ON v.rating_id = r.id WHERE v.id = $1`, a).Scan(&src, &rater))
		if src != string(assess.SourceEvidence) || rater != f.Kabid.ID {
			t.Errorf("rating of the evidence: %s by %d", src, rater)
		}
		wantCode(t, "reviewing twice", s.ReviewEvidence(ctx, admin, f.Kabid.ID, a, false, 0, "lagi"), apperr.ECONFLICT)

		wantCode(t, "reject without a reason", s.ReviewEvidence(ctx, admin, f.Kabid.ID, b, false, 0, " "), apperr.EINVALID)
		// A head of a unit above may review too.
		must(t, s.ReviewEvidence(ctx, admin, f.Head.ID, b, false, 0, "berkas tidak terbaca"))
		mine, err := s.MyEvidence(ctx, f.Ani.ID, 50)
		must(t, err)
		if len(mine) != 2 || mine[0].Status != model.EvidenceRejected || mine[0].ReviewNote != "berkas tidak terbaca" ||
			mine[1].Status != model.EvidenceAccepted || mine[1].RatingID == 0 || mine[1].ReviewerID != f.Kabid.ID {
			t.Errorf("after review: %+v", mine)
		}
		if ec, _ := s.EmployeeCompetencies(ctx, f.Ani.ID); ec.Items[1].Actual != 0 {
			t.Errorf("a rejected evidence gave a level: %+v", ec.Items[1])
		}
		if pend, _ := s.PendingEvidence(ctx, f.Kabid.ID, 50); len(pend) != 0 {
			t.Errorf("still pending: %+v", pend)
		}

		// AddRating accepts evidence from the supervisor now, still from an
		// admin of the employee, not from a colleague.
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Kabid.ID, Source: assess.SourceEvidence, CompetencyID: f.National[2], Level: 2}))
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceEvidence, CompetencyID: f.National[2], Level: 2,
			RaterAdmin: model.Scope{UnitPaths: []string{f.Kominfo.Path}}}))
		wantCode(t, "evidence rating by a colleague", s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Bayu.ID,
			Source: assess.SourceEvidence, CompetencyID: f.National[2], Level: 2}), apperr.EFORBIDDEN)
	})
}

func TestEvidenceFileAccess(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		e := model.Evidence{EmployeeID: f.Ani.ID, CompetencyID: f.National[0], ClaimedLevel: 2, FileName: "sertifikat.pdf", Content: tinyPDF}
		must(t, s.SubmitEvidence(ctx, admin, f.Ani.ID, &e))
		none := model.Scope{}
		cases := []struct {
			what   string
			viewer int64
			admin  model.Scope
			ok     bool
		}{
			{"the employee", f.Ani.ID, none, true},
			{"the supervisor", f.Kabid.ID, none, true},
			{"a head above", f.Head.ID, none, true},
			{"an admin of the OPD", 0, model.Scope{UnitPaths: []string{f.Kominfo.Path}}, true},
			{"a colleague", f.Bayu.ID, none, false},
			{"another OPD's employee", f.Eko.ID, none, false},
			{"an admin of another OPD", 0, model.Scope{UnitPaths: []string{f.Dinkes.Path}}, false},
			{"a colleague whose scope names only themself", f.Bayu.ID, model.Scope{SelfID: f.Bayu.ID, SupervisorID: f.Bayu.ID}, false},
		}
		for _, c := range cases {
			file, err := s.EvidenceFile(ctx, c.viewer, c.admin, e.ID)
			if c.ok && (err != nil || !bytes.Equal(file.Content, tinyPDF) || file.Name != "sertifikat.pdf" || file.ContentType != "application/pdf") {
				t.Errorf("%s: %v", c.what, err)
			}
			if !c.ok {
				wantCode(t, c.what, err, apperr.ENOTFOUND)
			}
		}
		_, err := s.EvidenceFile(ctx, f.Ani.ID, none, 999999)
		wantCode(t, "unknown evidence", err, apperr.ENOTFOUND)
	})
}
