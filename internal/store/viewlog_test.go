package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

func countViews(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	must(t, s.DB().QueryRow(`SELECT COUNT(*) FROM view_log`).Scan(&n))
	return n
}

// TestViewLog: a view is queued, not written, until the batch is written;
// the batch does not count as a write of the registry; the stored views
// name the viewer and the subject.
func TestViewLog(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithClock(time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)))
		writes := s.Writes()
		s.RecordView(store.ViewRecord{ViewerID: c.AdminKominfo.ID, Viewer: c.AdminKominfo.Username, SubjectID: c.Budi.ID, What: "profile"})
		s.RecordView(store.ViewRecord{ViewerID: c.BudiUser.ID, Viewer: c.BudiUser.Username, SubjectID: c.Sri.ID, What: "penalties"})
		s.RecordView(store.ViewRecord{ViewerID: c.Admin.ID, Viewer: "admin", What: "export.employees", Detail: "csv"})
		s.RecordView(store.ViewRecord{Viewer: "nobody", SubjectID: c.Budi.ID, What: "profile"}) // no viewer: ignored
		if n := countViews(t, s); n != 0 {
			t.Fatalf("%d views written on the request path", n)
		}
		must(t, s.FlushViews(ctx))
		if s.Writes() != writes {
			t.Error("writing the view log counted as a write of the registry")
		}
		list, err := s.Views(ctx, store.ViewFilter{SubjectID: c.Budi.ID})
		must(t, err)
		if len(list) != 1 || list[0].Viewer != "adminkominfo" || list[0].What != "profile" || !list[0].At.Equal(time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)) {
			t.Errorf("views of Budi: %+v", list)
		}
		list, err = s.Views(ctx, store.ViewFilter{SubjectID: c.Sri.ID})
		must(t, err)
		if len(list) != 1 || list[0].ViewerName != c.Budi.Name || list[0].SubjectNIP != testcity.NIPSri {
			t.Errorf("views of Sri: %+v", list)
		}
		all, err := s.Views(ctx, store.ViewFilter{})
		must(t, err)
		exports, err := s.Views(ctx, store.ViewFilter{Exports: true})
		must(t, err)
		if len(all) != 3 || len(exports) != 1 || exports[0].Detail != "csv" {
			t.Errorf("all %d, exports %+v", len(all), exports)
		}
		page, err := s.Views(ctx, store.ViewFilter{Before: all[0].ID, Limit: 1})
		must(t, err)
		if len(page) != 1 || page[0].ID != all[1].ID {
			t.Errorf("next page %+v", page)
		}
	})
}

// TestViewLogBatchesAndClose: a full batch is written without waiting for
// the second, and Close writes what still waits.
func TestViewLogBatchesAndClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	s, err := store.Open(path)
	must(t, err)
	_, err = s.Migrate(context.Background())
	must(t, err)
	for i := range 256 {
		s.RecordView(store.ViewRecord{ViewerID: 1, Viewer: "a", SubjectID: int64(i + 1), What: "profile"})
	}
	deadline := time.Now().Add(900 * time.Millisecond)
	for countViews(t, s) < 256 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := countViews(t, s); n != 256 {
		t.Errorf("a full batch: %d written before the second", n)
	}
	s.RecordView(store.ViewRecord{ViewerID: 1, Viewer: "a", SubjectID: 1, What: "profile.pdf"})
	must(t, s.Close())
	s, err = store.Open(path)
	must(t, err)
	defer s.Close()
	if n := countViews(t, s); n != 257 {
		t.Errorf("after Close: %d views, want 257", n)
	}
}
