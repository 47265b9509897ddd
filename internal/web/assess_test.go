package web

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

const pwHead = testcity.PwHead

func TestSelfAndSupervisorAssessment(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		c := func(i int) string { return "c" + strconv.FormatInt(comps[i], 10) }

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		p := budi.get("/penilaian")
		status(t, p, 200)
		contains(t, p, `id="self-form"`, `name="`+c(0)+`" value="5"`, "Integritas", `id="nav-assess"`)
		// Budi rates himself 4 in Integritas and 2 in Kerjasama.
		p = budi.post("/penilaian", url.Values{c(0): {"4"}, c(1): {"2"}})
		status(t, p, 200)
		contains(t, p, `id="notice"`, `name="`+c(0)+`" value="4" checked`)
		prof := budi.get("/pegawai/" + strconv.FormatInt(f.budi.ID, 10))
		// Two of four assessed (each required 2): a provisional JPM over
		// those two, 6 of 4 raw and 4 of 4 capped, and no category.
		contains(t, prof, `id="competency"`, `<svg class="radar"`, `<title id="radar-title">`, `id="jpm-raw">150,00 % (sementara)`,
			`id="jpm-capped">100,00 % (sementara)`, `id="jpm-not-assessed"`, "Belum dinilai — lengkapi penilaian", "2 dari 4 kompetensi dinilai",
			`id="gaps"`, `id="why-`+strconv.FormatInt(comps[0], 10)+`"`)
		lacks(t, prof, "Kurang Optimal", "Kurang Memenuhi Syarat", "Belum dapat ditentukan")

		// Budi cannot rate his supervisor as supervisor, nor himself as a peer.
		status(t, budi.get("/penilaian/"+strconv.FormatInt(f.head.ID, 10)+"?sumber=supervisor"), 404)
		status(t, budi.post("/penilaian/"+strconv.FormatInt(f.budi.ID, 10), url.Values{c(0): {"5"}, "sumber": {"peer"}}), 404)

		// The head (Budi's supervisor) rates him 1 in Integritas: a conflict.
		head := f.client(t)
		head.login(nipHead, pwHead)
		p = head.get("/penilaian")
		contains(t, p, `id="reports"`, "/penilaian/"+strconv.FormatInt(f.budi.ID, 10))
		form := head.get("/penilaian/" + strconv.FormatInt(f.budi.ID, 10))
		status(t, form, 200)
		contains(t, form, `value="supervisor"`, `id="rate-form"`)
		p = head.post("/penilaian/"+strconv.FormatInt(f.budi.ID, 10), url.Values{c(0): {"1"}, c(1): {"2"}, "sumber": {"supervisor"}})
		status(t, p, 200)
		contains(t, p, `id="notice"`)

		prof = budi.get("/pegawai/" + strconv.FormatInt(f.budi.ID, 10))
		// Integritas (1×3 + 4×1)/4 = 1,75 → 2; Kerjasama 2: 4 of 4, still
		// provisional.
		contains(t, prof, `id="conflicts"`, `id="jpm-raw">100,00 % (sementara)`, "perlu ditinjau", "rata-rata berbobot", "Atasan langsung")
		// The supervisor sees the report's profile too.
		contains(t, head.get("/pegawai/"+strconv.FormatInt(f.budi.ID, 10)), `<svg class="radar"`)
		// Sri (another OPD) has no standard: no JPM, a plain message.
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		contains(t, admin.get("/pegawai/"+strconv.FormatInt(f.sri.ID, 10)), `id="no-standard"`)
		contains(t, admin.get("/penilaian"), `id="no-employee"`)
	})
}

// TestRatingFormWithOneBadValueSavesNothing: a self-assessment or a
// supervisor's form is saved whole or not at all. A level out of range in
// one competency, after good ones, is refused and leaves every rating and
// the JPM as they were; the same form corrected saves every competency.
func TestRatingFormWithOneBadValueSavesNothing(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		c := func(i int) string { return "c" + strconv.FormatInt(comps[i], 10) }
		ratings := func() int {
			t.Helper()
			var n int
			must(t, st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM rating WHERE employee_id = $1`, f.budi.ID).Scan(&n))
			return n
		}
		jpm := func() store.JPMRow {
			t.Helper()
			ec, err := st.EmployeeCompetencies(ctx, f.budi.ID)
			must(t, err)
			if ec.Stored == nil {
				t.Fatal("no stored JPM")
			}
			return *ec.Stored
		}

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		status(t, budi.post("/penilaian", url.Values{c(0): {"2"}}), 200)
		before, jpmBefore := ratings(), jpm()
		if before != 1 {
			t.Fatalf("fixture: %d ratings", before)
		}
		for _, bad := range []string{"9", "0", "dua"} {
			p := budi.post("/penilaian", url.Values{c(0): {"4"}, c(1): {"3"}, c(2): {bad}, c(3): {"2"}})
			if p.Status < 400 || p.Status > 499 {
				t.Errorf("self form with level %q: status %d, want 4xx", bad, p.Status)
			}
			if n, j := ratings(), jpm(); n != before || j != jpmBefore {
				t.Errorf("self form with level %q was partly saved: %d ratings (was %d), JPM %+v (was %+v)", bad, n, before, j, jpmBefore)
			}
		}

		head := f.client(t)
		head.login(nipHead, pwHead)
		rate := "/penilaian/" + strconv.FormatInt(f.budi.ID, 10)
		p := head.post(rate, url.Values{c(0): {"1"}, c(1): {"2"}, c(2): {"6"}, "sumber": {"supervisor"}})
		if p.Status < 400 || p.Status > 499 {
			t.Errorf("supervisor form with one bad level: status %d, want 4xx", p.Status)
		}
		if n, j := ratings(), jpm(); n != before || j != jpmBefore {
			t.Errorf("supervisor form with one bad level was partly saved: %d ratings, JPM %+v", n, j)
		}

		// Corrected, the self form saves its three changed competencies
		// (the first is unchanged at 2): levels 2, 3, 1, 2 of required 2.
		status(t, budi.post("/penilaian", url.Values{c(0): {"2"}, c(1): {"3"}, c(2): {"1"}, c(3): {"2"}}), 200)
		if n := ratings(); n != before+3 {
			t.Errorf("corrected form: %d ratings, want %d", n, before+3)
		}
		if j := jpm(); j.SumActual != 8 || j.SumCapped != 7 || j.Assessed != 4 {
			t.Errorf("JPM after the corrected form: %+v", j)
		}
	})
}
