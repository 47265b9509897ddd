package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// The demo city's teachers and health workers have standards with their
// technical competencies, and its employees education histories, some of
// which fall short of their position (and some not recorded).
func TestDemoEducationAndTechnicalStandards(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	out, code := run(t, "demo", "--db", db, "--employees", "1500", "--seed", "5")
	if code != 0 {
		t.Fatalf("demo: %d\n%s", code, out)
	}
	if !strings.Contains(out, "Riwayat pendidikan:") || !strings.Contains(out, "jabatan guru dan tenaga kesehatan") {
		t.Errorf("demo output:\n%s", out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()

	codes := map[int64]string{}
	for _, fw := range []string{dictionary.CodeGuru, dictionary.CodeHealth} {
		fid, err := st.FrameworkID(ctx, fw, "")
		must(t, err)
		_, ids, err := st.Framework(ctx, fid)
		must(t, err)
		for _, id := range ids {
			codes[id] = fw
		}
	}
	seen := map[string]int{}
	for offset := 0; ; offset += 1000 {
		page, more, err := st.PositionsPage(ctx, offset, 1000)
		must(t, err)
		for _, p := range page {
			want, none := "", false
			switch {
			case strings.HasPrefix(p.Title, "Guru"):
				want = dictionary.CodeGuru
			case strings.HasPrefix(p.Title, "Perawat"), strings.HasPrefix(p.Title, "Bidan"), strings.HasPrefix(p.Title, "Dokter"):
				want = dictionary.CodeHealth
			case strings.HasPrefix(p.Title, "Analis"), strings.HasPrefix(p.Title, "Pengelola"), strings.HasPrefix(p.Title, "Lurah"), strings.HasPrefix(p.Title, "Camat"):
				none = true
			}
			cur, err := st.CurrentStandard(ctx, p.ID)
			must(t, err)
			got := map[string]int{}
			for _, it := range cur.Items {
				got[codes[it.CompetencyID]]++
			}
			if want != "" && got[want] != 4 || none && (got[dictionary.CodeGuru] > 0 || got[dictionary.CodeHealth] > 0) {
				t.Fatalf("position %q: technical items %v, want 4 of %q", p.Title, got, want)
			}
			if want != "" {
				seen[want]++
			}
		}
		if !more {
			break
		}
	}
	if seen[dictionary.CodeGuru] == 0 || seen[dictionary.CodeHealth] == 0 {
		t.Errorf("posts with technical standards: %v", seen)
	}

	q, err := st.Qualifications(ctx, model.Scope{All: true}, 10)
	must(t, err)
	if q.Employees < 1000 || q.Below == 0 || q.Unrecorded == 0 || q.Unrecorded > q.Employees/10 || q.Below > q.Employees/2 {
		t.Errorf("qualifications of the demo: employees %d, below %d, unrecorded %d", q.Employees, q.Below, q.Unrecorded)
	}
	list, err := st.Education(ctx, q.People[0].EmployeeID)
	must(t, err)
	if len(list) == 0 || model.HighestEducation(list).AtLeast(q.People[0].Minimum) {
		t.Errorf("first gap %+v: %+v", q.People[0], list)
	}
}

// must stops the test on an error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
