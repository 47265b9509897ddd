package web

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// The Kominfo admin records the head's post as Budi's target position on
// his profile; the profile then shows his gap to its standard from his
// current levels (the unassessed ones as not assessed, not level 0). Budi
// and his supervisor read it but cannot record or clear it; clearing is a
// second form.
func TestTargetPositionOnTheProfile(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		sys := model.Actor{Name: "test"}
		comps := f.city.Comps
		_, err := st.SetStandard(ctx, sys, f.city.HeadPos.ID, "SK 9/2026", "2026-01-10", []model.StandardItem{
			{CompetencyID: comps[0], Required: 4, Weight: 1}, {CompetencyID: comps[1], Required: 4, Weight: 1}})
		must(t, err)
		must(t, st.AddRating(ctx, sys, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: comps[0], Source: assess.SourceAssessmentCentre,
			Level: 3, RaterAdmin: model.Scope{All: true}}))
		prof := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)
		post := prof + "/jabatan-target"
		head := strconv.FormatInt(f.city.HeadPos.ID, 10)

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		p := opd.get(prof)
		contains(t, p, `id="target"`, `id="no-target"`, `id="target-form"`, `<option value="`+head+`"`)
		p = opd.post(post, url.Values{"position": {strconv.FormatInt(f.budi.PositionID, 10)}})
		status(t, p, 422)
		contains(t, p, `id="target-error"`, "harus berbeda")
		p = opd.post(post, url.Values{"position": {head}, "note": {"kader suksesi 2027"}})
		status(t, p, 200)
		contains(t, p, "Jabatan target disimpan", `id="target-position"`, "kader suksesi 2027", `id="target-gaps"`, "−1",
			"1 dari 2 kompetensi dinilai", "Belum dinilai — lengkapi penilaian", "75,00 % (sementara)")

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		contains(t, budi.get(prof), `id="target-position"`)
		lacks(t, budi.get(prof), `id="target-form"`)
		if p := budi.post(post, url.Values{"position": {head}}); p.Status != 403 && p.Status != 404 {
			t.Errorf("Budi records his own target: %d", p.Status)
		}
		boss := f.client(t)
		boss.login(nipHead, pwHead)
		contains(t, boss.get(prof), `id="target-position"`)
		if p := boss.post(post, url.Values{"clear": {"1"}}); p.Status != 403 {
			t.Errorf("his supervisor, no administrator, clears Budi's target: %d", p.Status)
		}
		p = opd.post(post, url.Values{"clear": {"1"}})
		status(t, p, 200)
		contains(t, p, "Jabatan target dihapus", `id="no-target"`)
	})
}
