package web

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/table/tabletest"
)

// TestUploadRoutesRefuseHostileWorkbooks uploads a workbook whose zip
// directory claims a 3.9 GB sheet (a 17 KB file once killed the server)
// and a truncated workbook to every import page: each answers 4xx within
// seconds with the reason a clerk can act on.
func TestUploadRoutesRefuseHostileWorkbooks(t *testing.T) {
	dir := t.TempDir()
	bomb, cut := filepath.Join(dir, "bom.xlsx"), filepath.Join(dir, "potong.xlsx")
	tabletest.DeclaredBomb(t, bomb, 3_900_000_000)
	tabletest.Truncated(t, cut)
	files := []struct{ path, reason string }{
		{bomb, "berukuran 3,6 GB setelah dibuka"},
		{cut, "rusak atau terpotong"},
	}
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		routes := []struct {
			name string
			post func(name, content string) page
		}{
			{"/impor", func(n, c string) page { return opd.upload(n, c, "") }},
			{"/penilaian/impor", func(n, c string) page { return opd.acUpload("assessment", n, c) }},
			{"/penilaian/impor (SKP)", func(n, c string) page { return opd.acUpload("performance", n, c) }},
			{"/kamus/impor", func(n, c string) page { return admin.uploadDict(n, c, "") }},
		}
		for _, r := range routes {
			for _, file := range files {
				data, err := os.ReadFile(file.path)
				if err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				p := r.post(filepath.Base(file.path), string(data))
				if p.Status < 400 || p.Status >= 500 {
					t.Errorf("%s %s: status %d, want 4xx", r.name, filepath.Base(file.path), p.Status)
				}
				contains(t, p, file.reason)
				if d := time.Since(start); d > 5*time.Second {
					t.Errorf("%s %s: answered after %s", r.name, filepath.Base(file.path), d)
				}
			}
		}
	})
}
