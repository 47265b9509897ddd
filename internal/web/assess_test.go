package web

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// withStandard gives the staff position (Budi's) a standard of the first
// four national competencies at level 2 and the head an account; it
// returns the competency IDs.
func withStandard(t *testing.T, f *fixture) []int64 {
	t.Helper()
	ctx := context.Background()
	st := f.st
	_, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"})
	must(t, err)
	fid, err := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
	must(t, err)
	_, ids, err := st.Framework(ctx, fid)
	must(t, err)
	var sid int64
	must(t, st.DB().QueryRowContext(ctx, `INSERT INTO position_standard (position_id, decree_no, decree_date, is_current, created_at)
		VALUES ($1, 'SK-7/2025', '2025-01-02', TRUE, 1) RETURNING id`, f.budi.PositionID).Scan(&sid))
	for _, c := range ids[:4] {
		_, err := st.DB().ExecContext(ctx, `INSERT INTO standard_item (standard_id, competency_id, required, weight, mandatory)
			VALUES ($1, $2, 2, 1, TRUE)`, sid, c)
		must(t, err)
	}
	h, err := auth.HashPassword(pwHead)
	must(t, err)
	must(t, st.CreateUser(ctx, model.Actor{Name: "test"}, &model.User{Username: nipHead, EmployeeID: f.head.ID,
		Role: model.RoleAtasan, Active: true, PasswordHash: h}))
	return ids[:4]
}

const pwHead = "rahasia-kepala-5"

func TestSelfAndSupervisorAssessment(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		comps := withStandard(t, f)
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
		contains(t, prof, `id="competency"`, `<svg class="radar"`, `<title id="radar-title">`, `id="jpm-raw">75,00 %`, `id="jpm-capped">50,00 %`,
			"Kurang Optimal", "Kurang Memenuhi Syarat", `id="gaps"`, `id="why-`+strconv.FormatInt(comps[0], 10)+`"`)

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
		// Integritas (1×3 + 4×1)/4 = 1,75 → 2; Kerjasama 2: 4/8 = 50 %.
		contains(t, prof, `id="conflicts"`, `id="jpm-raw">50,00 %`, "perlu ditinjau", "rata-rata berbobot", "Atasan langsung")
		// The supervisor sees the report's profile too.
		contains(t, head.get("/pegawai/"+strconv.FormatInt(f.budi.ID, 10)), `<svg class="radar"`)
		// Sri (another OPD) has no standard: no JPM, a plain message.
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		contains(t, admin.get("/pegawai/"+strconv.FormatInt(f.sri.ID, 10)), `id="no-standard"`)
		contains(t, admin.get("/penilaian"), `id="no-employee"`)
	})
}
