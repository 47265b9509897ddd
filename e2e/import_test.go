package e2e

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/apperr"
)

// importFile is a semicolon CSV as an agency exports it: ten rows, of which
// line 6 has a NIP with TMT month 13 and line 9 names a unit the city does
// not have.
const importFile = "testdata/pegawai.csv"

// badLines are the bad rows of importFile: line → words the reason must
// contain.
var badLines = map[string][]string{
	"6": {"TMT", "13"},
	"9": {"Dinas Pariwisata"},
}

// TestImport: the admin uploads the CSV on /impor, reads the report naming
// the two bad rows by line with their reasons, applies the good rows, and
// then finds a new employee from the file with the search box.
func TestImport(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)

	if status := open(t, ctx, "/impor"); status != 200 {
		t.Fatalf("/impor: status %d: %.300s", status, bodyText(t, ctx))
	}
	// A second run (go test -count=2) finds the rows stored already.
	const newNIP = "198807112014031002"
	_, err := st.EmployeeByNIP(context.Background(), newNIP)
	stored := err == nil

	need(t, ctx, `input[type=file]`)
	file, err := filepath.Abs(importFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`input[type=file]`), []string{file})); err != nil {
		t.Fatalf("choose the file: %v", err)
	}
	submit := chromedp.JSPath(`document.querySelector("input[type=file]").form.querySelector("[type=submit], button:not([type])")`)
	if !eval[bool](t, ctx, "!!("+string(submit)+")") {
		t.Fatalf("the upload form on /impor has no submit button")
	}
	if status := follow(t, ctx, "upload the file", chromedp.Click(submit)); status != 200 {
		t.Errorf("upload: status %d", status)
	}

	report := textOf(t, ctx, "#import-report")
	t.Logf("import report: %.1500s", report)
	// Each bad line is named in one entry (a table row or a list item)
	// together with its reason.
	entries := eval[[]string](t, ctx, `[...document.querySelectorAll("#import-report tr, #import-report li")].map(e => e.innerText.replace(/\s+/g, " ").trim())`)
	for line, words := range badLines {
		lineRE := regexp.MustCompile(`(^|\D)` + line + `(\D|$)`)
		found := false
		for _, e := range entries {
			ok := lineRE.MatchString(e)
			for _, w := range words {
				ok = ok && strings.Contains(e, w)
			}
			if ok {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("the report has no entry naming line %s with %q; entries: %q", line, words, entries)
		}
	}
	// The dry run wrote nothing.
	if _, err := st.EmployeeByNIP(context.Background(), newNIP); !stored && apperr.Code(err) != apperr.ENOTFOUND {
		t.Fatalf("after the upload, before apply, the new employee is already stored (err %v)", err)
	}

	if stored {
		t.Log("the good rows are stored by an earlier run: nothing to apply")
	} else {
		need(t, ctx, "button#apply")
		if status := follow(t, ctx, "apply the import", chromedp.Click(chromedp.CSS("button#apply"))); status != 200 {
			t.Errorf("apply: status %d: %.300s", status, bodyText(t, ctx))
		}
		t.Logf("after apply: %s shows %.400s", location(t, ctx), textOf(t, ctx, "main"))
	}

	search(t, ctx, "Saragih")
	need(t, ctx, "table#employees")
	rows := employeeRows(t, ctx)
	if len(rows) != 1 || !strings.Contains(rows[0], "Andi Wijaya Saragih") || !strings.Contains(rows[0], "Bidang Aplikasi Informatika") {
		t.Errorf("after the import, search Saragih shows %q, want Andi Wijaya Saragih of Bidang Aplikasi Informatika", rows)
	}
	search(t, ctx, "Hutagalung")
	if rows := employeeRows(t, ctx); len(rows) != 1 || !strings.Contains(rows[0], "Rina Melati Hutagalung") {
		t.Errorf("after the import, search Hutagalung (a new position) shows %q", rows)
	}
	for _, bad := range []string{"Silalahi", "Napitupulu"} {
		search(t, ctx, bad)
		if rows := employeeRows(t, ctx); len(rows) != 0 {
			t.Errorf("the bad row of %s was imported: %q", bad, rows)
		}
	}
}
