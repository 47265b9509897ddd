package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// educationFile is an export of SIASN's riwayat pendidikan: two records of
// Lestari Manurung (the puskesmas nurse) and, on line 4, a NIP the city
// does not have.
const educationFile = "testdata/riwayat_pendidikan.csv"

// TestEducationImport: the admin chooses "Riwayat pendidikan" on
// /penilaian/impor, uploads the SIASN export, reads the report naming line
// 4, applies the good rows, and finds them on Lestari's profile beside her
// post's minimum level.
func TestEducationImport(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)
	if status := open(t, ctx, "/penilaian/impor"); status != 200 {
		t.Fatalf("/penilaian/impor: status %d", status)
	}
	need(t, ctx, "#kind-education", `input[type=file]`)
	file, err := filepath.Abs(educationFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#kind-education"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`input[type=file]`), []string{file})); err != nil {
		t.Fatalf("choose the file: %v", err)
	}
	if status := follow(t, ctx, "upload the file", chromedp.Click(chromedp.CSS("#upload"))); status != 200 {
		t.Fatalf("upload: status %d: %.300s", status, bodyText(t, ctx))
	}
	body := bodyText(t, ctx)
	if !strings.Contains(body, "Riwayat pendidikan") || !strings.Contains(body, "NIP tidak terdaftar") {
		t.Errorf("the dry run's report: %.1500s", body)
	}
	if list, _ := st.Education(context.Background(), city.Offices.Lestari.ID); len(list) == 0 {
		need(t, ctx, "button#apply")
		if status := follow(t, ctx, "apply the import", chromedp.Click(chromedp.CSS("button#apply"))); status != 200 {
			t.Fatalf("apply: status %d: %.300s", status, bodyText(t, ctx))
		}
	}
	if status := open(t, ctx, fmt.Sprintf("/pegawai/%d", city.Offices.Lestari.ID)); status != 200 {
		t.Fatalf("profile: status %d", status)
	}
	edu := textOf(t, ctx, "#education")
	for _, w := range []string{"D-III", "D-III KEPERAWATAN", "POLTEKKES KEMENKES MEDAN", "2014", "PKM/2014/00321", "SMA NEGERI 1 BALIGE", "Pendidikan minimal jabatan: D-III."} {
		if !strings.Contains(edu, w) {
			t.Errorf("Lestari's education section lacks %q: %s", w, edu)
		}
	}
	if strings.Contains(edu, "kesenjangan") {
		t.Errorf("a D-III meets a terampil post's minimum: %s", edu)
	}
}
