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
)

var (
	tinyPDF = []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
)

func TestEvidenceSubmit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := setupAssess(t, s)
		good := func() model.Evidence {
			return model.Evidence{EmployeeID: f.ani.ID, CompetencyID: f.comps[0], ClaimedLevel: 3, Note: " laporan ",
				FileName: `C:\Users\ani\..\laporan "akhir";.pdf`, Content: tinyPDF}
		}
		e := good()
		must(t, s.SubmitEvidence(ctx, admin, f.ani.ID, &e))
		if e.ID == 0 || e.Status != model.EvidencePending || e.ContentType != "application/pdf" || e.Size != int64(len(tinyPDF)) {
			t.Errorf("submitted: %+v", e)
		}
		if strings.ContainsAny(e.FileName, "\"\\/;") || !strings.HasSuffix(e.FileName, ".pdf") || !strings.HasPrefix(e.FileName, "laporan") {
			t.Errorf("file name not cleaned: %q", e.FileName)
		}
		// A PNG named .txt is stored as a PNG with the extension added.
		p := good()
		p.Content, p.FileName = tinyPNG, "foto.txt"
		must(t, s.SubmitEvidence(ctx, admin, f.ani.ID, &p))
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
			{"wrong type despite the name", f.ani.ID, func(e *model.Evidence) { e.Content, e.FileName = []byte("<html>hi</html>"), "x.pdf" }, apperr.EINVALID, "file"},
			{"too big", f.ani.ID, func(e *model.Evidence) {
				e.Content = append(append([]byte{}, tinyPDF...), bytes.Repeat([]byte{' '}, model.EvidenceMaxSize)...)
			}, apperr.EINVALID, "file"},
			{"empty", f.ani.ID, func(e *model.Evidence) { e.Content = nil }, apperr.EINVALID, "file"},
			{"competency not in the standard", f.ani.ID, func(e *model.Evidence) { e.CompetencyID = f.comps[6] }, apperr.EINVALID, "competency"},
			{"level out of range", f.ani.ID, func(e *model.Evidence) { e.ClaimedLevel = 6 }, apperr.EINVALID, "level"},
			{"someone else's", f.budi.ID, func(e *model.Evidence) {}, apperr.EFORBIDDEN, ""},
			{"employee without a standard", f.outsider.ID, func(e *model.Evidence) { e.EmployeeID = f.outsider.ID }, apperr.EINVALID, "competency"},
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
		mine, err := s.MyEvidence(ctx, f.ani.ID, 50)
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
		f := setupAssess(t, s)
		submit := func(comp int64) int64 {
			t.Helper()
			e := model.Evidence{EmployeeID: f.ani.ID, CompetencyID: comp, ClaimedLevel: 4, FileName: "sk.pdf", Content: tinyPDF}
			must(t, s.SubmitEvidence(ctx, admin, f.ani.ID, &e))
			return e.ID
		}
		a, b := submit(f.comps[0]), submit(f.comps[1])
		pend, err := s.PendingEvidence(ctx, f.kabidE.ID, 50)
		must(t, err)
		if len(pend) != 2 || pend[0].ID != a || pend[0].EmployeeName == "" {
			t.Errorf("pending for the supervisor: %+v", pend)
		}
		if pend, _ := s.PendingEvidence(ctx, f.budi.ID, 50); len(pend) != 0 {
			t.Errorf("a colleague sees pending evidence: %+v", pend)
		}
		// Neither a colleague, another OPD's employee nor the employee reviews.
		for _, who := range []int64{f.budi.ID, f.outsider.ID, f.ani.ID} {
			wantCode(t, "review by a non-supervisor", s.ReviewEvidence(ctx, admin, who, a, true, 3, ""), apperr.EFORBIDDEN)
		}
		wantCode(t, "accept without a level", s.ReviewEvidence(ctx, admin, f.kabidE.ID, a, true, 0, ""), apperr.EINVALID)
		wantCode(t, "unknown evidence", s.ReviewEvidence(ctx, admin, f.kabidE.ID, 999999, true, 3, ""), apperr.ENOTFOUND)

		must(t, s.ReviewEvidence(ctx, admin, f.kabidE.ID, a, true, 3, "sesuai"))
		ec, err := s.EmployeeCompetencies(ctx, f.ani.ID)
		must(t, err)
		if ec.Items[0].Actual != 3 || ec.Items[0].Resolution == nil || ec.Stored == nil || ec.Stored.Assessed != 1 {
			t.Fatalf("after acceptance: item %+v, stored %+v", ec.Items[0], ec.Stored)
		}
		var src string
		var rater int64
		must(t, s.DB().QueryRowContext(ctx, `SELECT r.source, r.rater_id FROM rating r JOIN evidence v ON v.rating_id = r.id WHERE v.id = $1`, a).Scan(&src, &rater))
		if src != string(assess.SourceEvidence) || rater != f.kabidE.ID {
			t.Errorf("rating of the evidence: %s by %d", src, rater)
		}
		wantCode(t, "reviewing twice", s.ReviewEvidence(ctx, admin, f.kabidE.ID, a, false, 0, "lagi"), apperr.ECONFLICT)

		wantCode(t, "reject without a reason", s.ReviewEvidence(ctx, admin, f.kabidE.ID, b, false, 0, " "), apperr.EINVALID)
		// A head of a unit above may review too.
		must(t, s.ReviewEvidence(ctx, admin, f.kadisE.ID, b, false, 0, "berkas tidak terbaca"))
		mine, err := s.MyEvidence(ctx, f.ani.ID, 50)
		must(t, err)
		if len(mine) != 2 || mine[0].Status != model.EvidenceRejected || mine[0].ReviewNote != "berkas tidak terbaca" ||
			mine[1].Status != model.EvidenceAccepted || mine[1].RatingID == 0 || mine[1].ReviewerID != f.kabidE.ID {
			t.Errorf("after review: %+v", mine)
		}
		if ec, _ := s.EmployeeCompetencies(ctx, f.ani.ID); ec.Items[1].Actual != 0 {
			t.Errorf("a rejected evidence gave a level: %+v", ec.Items[1])
		}
		if pend, _ := s.PendingEvidence(ctx, f.kabidE.ID, 50); len(pend) != 0 {
			t.Errorf("still pending: %+v", pend)
		}

		// AddRating accepts evidence from the supervisor now, still from an
		// admin of the employee, not from a colleague.
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.ani.ID, RaterID: f.kabidE.ID, Source: assess.SourceEvidence, CompetencyID: f.comps[2], Level: 2}))
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.ani.ID, Source: assess.SourceEvidence, CompetencyID: f.comps[2], Level: 2,
			RaterAdmin: model.Scope{UnitPaths: []string{f.dinas.Path}}}))
		wantCode(t, "evidence rating by a colleague", s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.ani.ID, RaterID: f.budi.ID,
			Source: assess.SourceEvidence, CompetencyID: f.comps[2], Level: 2}), apperr.EFORBIDDEN)
	})
}

func TestEvidenceFileAccess(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := setupAssess(t, s)
		e := model.Evidence{EmployeeID: f.ani.ID, CompetencyID: f.comps[0], ClaimedLevel: 2, FileName: "sertifikat.pdf", Content: tinyPDF}
		must(t, s.SubmitEvidence(ctx, admin, f.ani.ID, &e))
		none := model.Scope{}
		cases := []struct {
			what   string
			viewer int64
			admin  model.Scope
			ok     bool
		}{
			{"the employee", f.ani.ID, none, true},
			{"the supervisor", f.kabidE.ID, none, true},
			{"a head above", f.kadisE.ID, none, true},
			{"an admin of the OPD", 0, model.Scope{UnitPaths: []string{f.dinas.Path}}, true},
			{"a colleague", f.budi.ID, none, false},
			{"another OPD's employee", f.outsider.ID, none, false},
			{"an admin of another OPD", 0, model.Scope{UnitPaths: []string{f.other.Path}}, false},
			{"a colleague whose scope names only themself", f.budi.ID, model.Scope{SelfID: f.budi.ID, SupervisorID: f.budi.ID}, false},
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
		_, err := s.EvidenceFile(ctx, f.ani.ID, none, 999999)
		wantCode(t, "unknown evidence", err, apperr.ENOTFOUND)
	})
}
