package demo

import (
	"reflect"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

var trainingNow = time.Date(2026, time.September, 14, 3, 0, 0, 0, time.UTC)

// TestCatalogueShape pins what the catalogue page shows a BKPSDM officer:
// about 150 valid programmes in every LAN form, a third or more digital,
// and prices and seats that follow the form (an e-learning seat cheap and
// plentiful, a leadership programme long and dear).
func TestCatalogueShape(t *testing.T) {
	cat := Catalogue()
	if len(cat) < 140 || len(cat) > 170 {
		t.Errorf("%d programmes, want about 150", len(cat))
	}
	forms := map[model.DevForm]int{}
	digital := 0
	codes := map[string]bool{}
	for i := range cat {
		p := cat[i]
		p.ProviderID = 1
		if err := p.Validate(); err != nil {
			t.Errorf("programme %s: %v", p.Code, err)
		}
		if codes[p.Code] {
			t.Errorf("code %s twice", p.Code)
		}
		codes[p.Code] = true
		forms[p.Form]++
		if p.Digital {
			digital++
		}
		if len(p.Comps) == 0 {
			t.Errorf("programme %s develops no competency", p.Code)
		}
	}
	for _, f := range model.DevForms {
		if forms[f.Key] == 0 {
			t.Errorf("no programme of form %s", f.Key)
		}
	}
	if digital*3 < len(cat) {
		t.Errorf("%d digital programmes of %d, want a third or more", digital, len(cat))
	}
	for _, p := range cat {
		switch p.Form {
		case "e_learning":
			if p.Capacity < 100 || p.Cost/int64(p.JP) > 50_000 {
				t.Errorf("e-learning %s: %d seats, Rp %d", p.Code, p.Capacity, p.Cost)
			}
		case "kepemimpinan":
			if p.JP < 300 || p.Cost < 20_000_000 || p.Capacity > 40 {
				t.Errorf("leadership %s: %d JP, Rp %d, %d seats", p.Code, p.JP, p.Cost, p.Capacity)
			}
		}
	}
}

// TestPartnersAgreements: the partners are valid, Medan's universities,
// LAN and the province's BPSDM among them, and one MoU is about to expire
// while another has, whatever day the demo is loaded.
func TestPartnersAgreements(t *testing.T) {
	ps := Partners(trainingNow)
	today := dayOf(trainingNow).Format(time.DateOnly)
	expiring, expired := 0, 0
	kinds := map[model.ProviderKind]bool{}
	for i := range ps {
		if err := ps[i].Validate(); err != nil {
			t.Errorf("%s: %v", ps[i].Name, err)
		}
		kinds[ps[i].Kind] = true
		if ps[i].MoUExpiresWithin(today, 60) {
			expiring++
		}
		if ps[i].MoUExpired(today) {
			expired++
		}
	}
	if expiring != 1 || expired != 1 {
		t.Errorf("%d MoUs expiring within 60 days and %d expired, want one each", expiring, expired)
	}
	for _, k := range []model.ProviderKind{model.ProviderUniversity, model.ProviderCompany, model.ProviderGovernment, model.ProviderInternal} {
		if !kinds[k] {
			t.Errorf("no partner of kind %s", k)
		}
	}
}

// TestSessionsAndPlans checks the year's sessions and the decided rows on
// a sample of people: valid sessions before, during and after today,
// seats never above capacity, and the same seed giving the same rows.
func TestSessionsAndPlans(t *testing.T) {
	cat := Catalogue()
	ps := Partners(trainingNow)
	sess := Sessions(cat, ps, trainingNow, 3)
	today := dayOf(trainingNow).Format(time.DateOnly)
	var past, current, open int
	for i := range sess {
		s := sess[i].TrainingSession
		s.ProgrammeID = 1
		if err := s.Validate(); err != nil {
			t.Errorf("session %d: %v", i, err)
		}
		switch {
		case s.EndDate < today:
			past++
		case s.StartDate <= today:
			current++
		case s.EnrolOpen(today):
			open++
		}
		if (s.Place == "") == (s.OnlineURL == "") && cat[sess[i].Prog].Delivery != model.DeliveryBlended {
			t.Errorf("session %d of %s: place %q, link %q: want one of them", i, cat[sess[i].Prog].Code, s.Place, s.OnlineURL)
		}
	}
	if past == 0 || current == 0 || open == 0 {
		t.Errorf("%d past, %d current and %d open sessions", past, current, open)
	}
	var people []Person
	for id := int64(1); id <= 3000; id++ {
		people = append(people, Person{ID: id, UnitID: id % 40, SupervisorID: 5000 + id%97, OPDHeadID: 9000 + id%7, PPPK: id%9 == 0,
			Audience: Audience(id % 5)})
	}
	rows := Training(cat, sess, people, 3000, trainingNow, 3)
	seats := rows.Seats(len(sess))
	for i, n := range seats {
		if n > sess[i].Capacity {
			t.Errorf("session %d: %d seats taken of %d", i, n, sess[i].Capacity)
		}
	}
	if len(rows.Items) == 0 || len(rows.Attendance) == 0 {
		t.Fatalf("%d items, %d attendance marks", len(rows.Items), len(rows.Attendance))
	}
	for _, it := range rows.Items {
		if it.Title == "" || (it.Prog >= 0 && it.Title != cat[it.Prog].Title) {
			t.Fatalf("item %d of programme %d is titled %q", it.ID, it.Prog, it.Title)
		}
	}
	again := Training(cat, Sessions(cat, ps, trainingNow, 3), people, 3000, trainingNow, 3)
	if !reflect.DeepEqual(rows, again) {
		t.Error("the same seed gave different rows")
	}
	other := Training(cat, Sessions(cat, ps, trainingNow, 4), people, 3000, trainingNow, 4)
	if reflect.DeepEqual(rows.Items, other.Items) {
		t.Error("another seed gave the same plans")
	}
}

// TestTrainingBounded: a million-employee city samples at most about
// 60,000 people and plans for at most 15,000 of them.
func TestTrainingBounded(t *testing.T) {
	pool := PoolPermille(MaxEmployees) * MaxEmployees / 1000
	if pool > 60_000 {
		t.Errorf("a million-employee city samples %d people", pool)
	}
	if planned := planPermille(MaxEmployees, pool) * pool / 1000; planned > 15_100 {
		t.Errorf("plans for %d people", planned)
	}
	if PoolPermille(DefaultEmployees) != 1000 {
		t.Errorf("the default city samples %d‰, want everyone", PoolPermille(DefaultEmployees))
	}
}
