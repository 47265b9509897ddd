package web

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/settings"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// settingsValues is the settings form filled with set, as the page shows it.
func settingsValues(set settings.Settings) url.Values {
	v := url.Values{}
	for t, a := range set.Retirement.Types {
		v.Set("age_"+string(t), strconv.Itoa(a))
	}
	for j, a := range set.Retirement.Jenjangs {
		v.Set("age_"+j, strconv.Itoa(a))
	}
	v.Set("age_teacher", strconv.Itoa(set.Retirement.Teacher))
	pct := func(name string, f int64) { v.Set(name, strconv.FormatFloat(float64(f)/100, 'f', -1, 64)) }
	pct("optimal", int64(set.JPM.Optimal))
	pct("cukup_optimal", int64(set.JPM.CukupOptimal))
	pct("memenuhi_syarat", int64(set.JPM.MemenuhiSyarat))
	pct("masih_memenuhi_syarat", int64(set.JPM.MasihMemenuhiSyarat))
	pct("potential_high", int64(set.Potential.High))
	pct("potential_medium", int64(set.Potential.Medium))
	for i, b := range set.Boxes {
		n := strconv.Itoa(i)
		v.Set("box"+n+"_label", b.Label)
		v.Set("box"+n+"_label_en", b.LabelEN)
		v.Set("box"+n+"_action", b.Action)
		v.Set("box"+n+"_action_en", b.ActionEN)
	}
	for src, w := range set.Weights {
		v.Set("weight_"+string(src), strconv.Itoa(w))
	}
	return v
}

// TestSettingsPage: the BKPSDM side edits the rules on /pengaturan; the page
// shows the defaults, a saved change recomputes retirement dates in the
// background and shows the job, a bad threshold is refused beside the form,
// and a unit admin may not open the page.
func TestSettingsPage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		c := f.client(t)
		c.login("admin", testcity.PwAdmin)
		p := c.get("/pengaturan")
		status(t, p, 200)
		contains(t, p, "Pengaturan aturan", `name="age_teacher" id="age_teacher" value="60"`, `name="age_pelaksana" id="age_pelaksana" value="58"`,
			`name="optimal" id="optimal" value="90"`, `name="weight_supervisor" id="weight_supervisor" value="3"`, "Belum pernah ada penghitungan ulang.")

		before, err := st.Employee(ctx, f.budi.ID)
		must(t, err)
		form := settingsValues(settings.Default())
		form.Set("age_pelaksana", "60")
		p = c.post("/pengaturan", form)
		status(t, p, 200)
		contains(t, p, "penghitungan ulang berjalan di latar belakang", `value="60"`)
		deadline := time.Now().Add(30 * time.Second)
		for {
			j, err := st.LatestSettingsJob(ctx)
			must(t, err)
			if j != nil && j.State == store.JobDone {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("job %+v", j)
			}
			time.Sleep(20 * time.Millisecond)
		}
		after, err := st.Employee(ctx, f.budi.ID)
		must(t, err)
		if !after.RetirementDate.Equal(before.RetirementDate.AddDate(2, 0, 0)) {
			t.Errorf("Budi (Pelaksana) retires %s, was %s: want two years later", after.RetirementDate, before.RetirementDate)
		}
		contains(t, c.get("/pengaturan"), `data-state="done"`)

		form.Set("optimal", "70") // below Cukup Optimal (78)
		p = c.post("/pengaturan", form)
		status(t, p, 422)
		contains(t, p, "lebih tinggi daripada ambang kategori di atasnya", `name="optimal" id="optimal" value="70"`)
		set, err := st.Settings(ctx)
		must(t, err)
		if set.JPM.Optimal != 9000 || set.Retirement.Types[model.Pelaksana] != 60 {
			t.Errorf("stored after a refused form: %+v", set.JPM)
		}

		o := f.client(t)
		o.login("adminkominfo", testcity.PwOPD)
		status(t, o.get("/pengaturan"), 403)
	})
}
