package web

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// Budi is in box 9 but a moderate penalty in force keeps him out of the
// succession pool. The admin of Kominfo (who may read his penalties) and
// the superadmin see the reason; the head of Kominfo reads the talent map
// but not penalties (policy.PenaltyRead), so the map shows them only
// "outside the succession pool", and no word of a penalty.
func TestTalentMapGivesThePenaltyOnlyToItsReaders(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps // four competencies at level 2
		sys := model.Actor{Name: "test"}
		for _, c := range comps {
			must(t, st.AddRating(ctx, sys, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: c, Source: assess.SourceAssessmentCentre,
				Level: 3, RaterAdmin: model.Scope{All: true}}))
		}
		y := time.Now().Year()
		for _, year := range []int{y - 2, y - 1} {
			must(t, st.SetPerformance(ctx, sys, f.budi.ID, year, "Sangat Baik"))
		}
		now := time.Now()
		must(t, st.AddPenalty(ctx, sys, &model.DisciplinePenalty{EmployeeID: f.budi.ID, Level: model.PenaltySedang,
			Kind: "pemotongan tunjangan kinerja 25% selama 6 bulan", DecreeNo: "800/77/KOMINFO", DecreeDate: now.AddDate(0, 0, -10),
			StartsOn: now.AddDate(0, 0, -9), EndsOn: now.AddDate(0, 6, 0)}))

		const reason, tag, plain = "karena hukuman disiplin", "Sedang berlaku: di luar kelompok suksesi", "Di luar kelompok rencana suksesi"
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		super := f.client(t)
		super.login("admin", pwAdmin)
		for who, c := range map[string]*client{"the Kominfo admin": opd, "the superadmin": super} {
			p := c.get("/talenta?box=9")
			status(t, p, 200)
			contains(t, p, "Budi Santoso", `class="tag warn not-eligible">`+tag, `id="talent-not-eligible"`, reason)
			if strings.Contains(p.Body, plain) {
				t.Errorf("%s, who may read the penalty, is given only %q", who, plain)
			}
		}

		head := f.client(t)
		head.login(nipHead, pwHead)
		p := head.get("/talenta?box=9")
		status(t, p, 200)
		contains(t, p, "Budi Santoso", `class="tag warn not-eligible">`+plain, `id="talent-not-eligible"`, "berada di luar kelompok rencana suksesi")
		lacks(t, p, tag, reason, "hukuman disiplin", "Sedang berlaku")
		// Nor does his profile tell the head (the rule the map follows).
		lacks(t, head.get("/pegawai/"+strconv.FormatInt(f.budi.ID, 10)), "800/77/KOMINFO")
	})
}
