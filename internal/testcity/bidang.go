package testcity

import (
	"context"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// The bidang and what the assessment and needs tests of the store add to it
// (WithBidang, WithAssessment, WithNeeds).

func (c *City) addBidang(must func(error)) {
	ctx := context.Background()
	c.Bidang = model.OrgUnit{Code: "KOMINFO-APL", Name: "Bidang Aplikasi Informatika", Kind: model.UnitBidang, ParentID: c.Kominfo.ID}
	must(c.St.CreateUnit(ctx, Sys, &c.Bidang))
	c.KabidPos = model.Position{Title: "Kepala Bidang Aplikasi Informatika", Type: model.Administrator, UnitID: c.Bidang.ID, IsHead: true}
	must(c.St.CreatePosition(ctx, Sys, &c.KabidPos))
	c.ProgPos = model.Position{Title: "Pranata Komputer Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: c.Bidang.ID}
	must(c.St.CreatePosition(ctx, Sys, &c.ProgPos))
	c.Kabid = model.Employee{NIP: "197803152003122001", Name: "Siti Aminah Nasution", GelarBelakang: "S.Kom., M.Kom.",
		Gender: model.Female, Kind: model.PNS, Golongan: "IV/a", PositionID: c.KabidPos.ID, UnitID: c.Bidang.ID}
	c.Ani = model.Employee{NIP: "199201102019032005", Name: "Ani Sembiring", GelarBelakang: "S.Kom.",
		Gender: model.Female, Kind: model.PNS, Golongan: "III/a", PositionID: c.ProgPos.ID, UnitID: c.Bidang.ID}
	c.Bayu = model.Employee{NIP: "199009132025242014", Name: "Bayu Santoso Siregar",
		Gender: model.Male, Kind: model.PPPK, Golongan: "IX", PositionID: c.ProgPos.ID, UnitID: c.Bidang.ID}
	for _, e := range []*model.Employee{&c.Kabid, &c.Ani, &c.Bayu} {
		must(c.AddEmployee(e))
	}
}

func (c *City) addAssessment(must func(error)) {
	ctx := context.Background()
	person := func(e *model.Employee) {
		e.Gender, e.Kind, e.Golongan = model.Male, model.PNS, "III/a"
		must(c.AddEmployee(e))
	}
	c.Cici = model.Employee{NIP: "199103032015032001", Name: "Cici Ginting", PositionID: c.ProgPos.ID, UnitID: c.Bidang.ID}
	person(&c.Cici)
	c.Dedi = model.Employee{NIP: "199204042016031002", Name: "Dedi Tarigan", PositionID: c.ProgPos.ID, UnitID: c.Bidang.ID}
	person(&c.Dedi)
	c.Eko = model.Employee{NIP: "198805052012031003", Name: "Eko Purba", UnitID: c.Dinkes.ID}
	person(&c.Eko)
	c.National = c.national(must)
	items := make([]model.StandardItem, 5)
	for i, id := range c.National[:5] {
		items[i] = model.StandardItem{CompetencyID: id, Required: Required, Weight: 1, Mandatory: true}
	}
	_, err := c.St.SetStandard(ctx, Sys, c.ProgPos.ID, "SK-1/2025", "2025-01-02", items)
	must(err)
}

func (c *City) addNeeds(must func(error)) {
	ctx := context.Background()
	n := c.National
	c.NurseMudaPos = model.Position{Title: "Perawat Ahli Muda", Type: model.Fungsional, Jenjang: "ahli_muda", UnitID: c.Dinkes.ID}
	must(c.St.CreatePosition(ctx, Sys, &c.NurseMudaPos))
	c.Fani = model.Employee{NIP: "199306062018032001", Name: "Fani Hutagalung", PositionID: c.NurseMudaPos.ID, UnitID: c.Dinkes.ID,
		Gender: model.Female, Kind: model.PNS, Golongan: "III/c"}
	must(c.AddEmployee(&c.Fani))
	set := func(pos int64, items ...model.StandardItem) {
		_, err := c.St.SetStandard(ctx, Sys, pos, "800/1/2025", "2025-02-01", items)
		must(err)
	}
	set(c.ProgPos.ID, model.StandardItem{CompetencyID: n[0], Required: 3, Weight: 2}, model.StandardItem{CompetencyID: n[1], Required: 2, Weight: 1},
		model.StandardItem{CompetencyID: n[2], Required: 2, Weight: 1})
	set(c.KabidPos.ID, model.StandardItem{CompetencyID: n[0], Required: 3, Weight: 3})
	set(c.NurseMudaPos.ID, model.StandardItem{CompetencyID: n[1], Required: 3, Weight: 1})
	levels := []struct {
		emp, comp int64
		level     int
	}{
		{c.Ani.ID, n[0], 1}, {c.Ani.ID, n[1], 2},
		{c.Bayu.ID, n[0], 2}, {c.Bayu.ID, n[1], 1}, {c.Bayu.ID, n[2], 3},
		{c.Cici.ID, n[0], 3},
		{c.Kabid.ID, n[0], 2},
		{c.Fani.ID, n[1], 1},
	}
	now := c.St.Now()
	_, err := c.St.LoadRatings(ctx, Sys, "test", func(add func(*model.Rating) error) error {
		for _, l := range levels {
			if err := add(&model.Rating{EmployeeID: l.emp, CompetencyID: l.comp, Source: assess.SourceAssessmentCentre, Level: l.level, At: now}); err != nil {
				return err
			}
		}
		return nil
	})
	must(err)
	_, err = c.St.RecomputeAll(ctx)
	must(err)
}
