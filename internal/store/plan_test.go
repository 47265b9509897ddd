package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// planCity is the catalogue city on 15 June 2026 with accounts for Ani,
// her supervisor Siti (Kabid) and the Kominfo head, who heads Siti's OPD.
type planCity struct {
	*testcity.City
	ani, siti, head model.Actor
}

func newPlanCity(t *testing.T, s *store.Store) planCity {
	t.Helper()
	c := testcity.New(t, s, testcity.WithCatalogue(), testcity.WithClock(time.Date(2026, 6, 15, 3, 0, 0, 0, time.UTC)))
	pc := planCity{City: c}
	for _, x := range []struct {
		e     model.Employee
		actor *model.Actor
	}{{c.Ani, &pc.ani}, {c.Kabid, &pc.siti}, {c.Head, &pc.head}} {
		u := model.User{Username: "u" + x.e.NIP[:8] + x.e.NIP[14:], EmployeeID: x.e.ID, Role: model.RolePegawai, Active: true, Lang: "id"}
		must(t, c.AddUser(&u, "rahasia-panjang-7"))
		*x.actor = model.Actor{UserID: u.ID, Name: u.Username}
	}
	return pc
}

func waitingIDs(t *testing.T, s *store.Store, me int64) []int64 {
	t.Helper()
	items, err := s.ApprovalsWaiting(context.Background(), me)
	must(t, err)
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func has(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestPlanChain: Ani proposes from the catalogue; her supervisor, then the
// head of her OPD approve, each seeing it in their inbox only while it
// waits for them; nobody else may decide; rejection needs a reason; every
// step leaves a decision row, an audit row and a notice.
func TestPlanChain(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		it := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, ProgrammeID: c.Catalogue.Data.ID, SessionID: c.Catalogue.DataSess.ID,
			Purpose: "Menutup kesenjangan integritas data", ProposedBy: model.ProposedByEmployee}
		must(t, s.ProposePlanItem(ctx, c.ani, &it, true))
		got, _, err := s.PlanItem(ctx, it.ID, 0)
		must(t, err)
		if got.Status != model.PlanSubmitted || got.Step != model.StepSupervisor || got.JP != 24 || got.Title != c.Catalogue.Data.Title {
			t.Fatalf("after submission: %+v", got)
		}
		if !has(waitingIDs(t, s, c.Kabid.ID), it.ID) || has(waitingIDs(t, s, c.Head.ID), it.ID) {
			t.Error("step 1: the item must wait in Siti's inbox only")
		}
		if _, tg, _ := s.PlanItem(ctx, it.ID, c.Kabid.ID); !tg.Approver {
			t.Error("Siti is not the approver of step 1")
		}
		// The OPD head cannot decide step 1, nor Ani her own item.
		for _, who := range []struct {
			a  model.Actor
			id int64
		}{{c.head, c.Head.ID}, {c.ani, c.Ani.ID}} {
			if err := s.DecidePlanItem(ctx, who.a, who.id, it.ID, model.DecisionApprove, ""); apperr.Code(err) != apperr.ENOTFOUND {
				t.Errorf("%s decided step 1: %v", who.a.Name, err)
			}
		}
		must(t, s.DecidePlanItem(ctx, c.siti, c.Kabid.ID, it.ID, model.DecisionApprove, ""))
		if has(waitingIDs(t, s, c.Kabid.ID), it.ID) || !has(waitingIDs(t, s, c.Head.ID), it.ID) {
			t.Error("step 2: the item must wait in the head's inbox only")
		}
		if err := s.DecidePlanItem(ctx, c.head, c.Head.ID, it.ID, model.DecisionReject, "  "); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("a rejection without a reason: %v", err)
		}
		must(t, s.DecidePlanItem(ctx, c.head, c.Head.ID, it.ID, model.DecisionApprove, ""))
		got, _, err = s.PlanItem(ctx, it.ID, 0)
		must(t, err)
		// The final approval enrols her in the item's session, open for
		// enrolment on the city's clock.
		if got.Status != model.PlanEnrolled || got.Step != model.StepNone {
			t.Errorf("after both approvals: %s at %d, want enrolled", got.Status, got.Step)
		}
		var trail []model.Decision
		for _, d := range got.Decisions {
			trail = append(trail, d.Decision)
		}
		if len(trail) != 3 || trail[0] != model.DecisionSubmit || trail[1] != model.DecisionApprove || trail[2] != model.DecisionApprove ||
			got.Decisions[1].ByEmployee != c.Kabid.ID || got.Decisions[2].ByEmployee != c.Head.ID {
			t.Errorf("decision trail %+v", got.Decisions)
		}
		count := func(q string, args ...any) int {
			var n int
			must(t, s.DB().QueryRowContext(ctx, q, args...).Scan(&n))
			return n
		}
		if n := count(`SELECT COUNT(*) FROM audit_log WHERE entity = 'plan_item' AND entity_id = $1 AND action = 'plan.decide'`, fmt.Sprint(it.ID)); n != 2 {
			t.Errorf("%d audited decisions, want 2", n)
		}
		if n := count(`SELECT COUNT(*) FROM notification WHERE event = $1 AND link = $2`, string(model.NoticeApprovalNeeded),
			fmt.Sprintf("/persetujuan/%d", it.ID)); n != 2 {
			t.Errorf("%d approval notices linking the item, want 2 (Siti, then the head)", n)
		}
		if n := count(`SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.employee_id = $1 AND n.event = $2`,
			c.Ani.ID, string(model.NoticeDecisionMade)); n != 1 {
			t.Errorf("Ani told of %d decisions, want 1", n)
		}
		// The step and the decision reach the reader in words, in the
		// language they read in now.
		told, err := s.Notifications(ctx, c.siti.UserID, 0, 1)
		must(t, err)
		if _, body := i18n.Notice(i18n.ID, string(told[0].Event), told[0].Args); !strings.Contains(body, "(tahap Atasan langsung)") {
			t.Errorf("Siti's notice: %q", body)
		}
		told, err = s.Notifications(ctx, c.ani.UserID, 0, 1)
		must(t, err)
		if _, body := i18n.Notice(i18n.EN, string(told[0].Event), told[0].Args); !strings.Contains(body, "has been decided: Approved.") {
			t.Errorf("Ani's notice in English: %q", body)
		}
		// A decided item is no one's to decide again.
		if err := s.DecidePlanItem(ctx, c.head, c.Head.ID, it.ID, model.DecisionApprove, ""); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("a second decision: %v", err)
		}
		// The same programme twice in one year is refused.
		dup := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, ProgrammeID: c.Catalogue.Data.ID, Purpose: "lagi", ProposedBy: model.ProposedByEmployee}
		if err := s.ProposePlanItem(ctx, c.ani, &dup, false); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("the same programme twice: %v", err)
		}
	})
}

// TestPlanChainSkips: an item the supervisor proposes skips their step; a
// change asked for returns it to the proposer, who resubmits; a chain of
// the supervisor alone ends with them.
func TestPlanChainSkips(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		it := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, Title: "Magang di Diskominfo Provinsi", Form: "magang", JP: 12,
			Cost: 500000, Purpose: "Belajar tata kelola SPBE", ProposedBy: model.ProposedBySupervisor}
		must(t, s.ProposePlanItem(ctx, c.siti, &it, true))
		got, _, err := s.PlanItem(ctx, it.ID, 0)
		must(t, err)
		if got.Step != model.StepOPDHead {
			t.Fatalf("proposed by the supervisor: waits at step %d, want the OPD head", got.Step)
		}
		must(t, s.DecidePlanItem(ctx, c.head, c.Head.ID, it.ID, model.DecisionChange, "Sebutkan instansi tujuan"))
		var toSiti int
		must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM notification WHERE user_id = $1 AND event = $2`, c.siti.UserID,
			string(model.NoticeDecisionMade)).Scan(&toSiti))
		if toSiti != 1 {
			t.Errorf("the proposing supervisor told of the change asked %d times, want 1", toSiti)
		}
		got, _, _ = s.PlanItem(ctx, it.ID, 0)
		if got.Status != model.PlanChange {
			t.Fatalf("asked to change: %s", got.Status)
		}
		got.Title = "Magang di Diskominfo Provinsi Sumatera Utara"
		must(t, s.UpdatePlanItem(ctx, c.siti, got))
		must(t, s.SubmitPlanItem(ctx, c.siti, it.ID))
		if !has(waitingIDs(t, s, c.Head.ID), it.ID) {
			t.Error("resubmitted: not back with the head")
		}

		set, err := s.Settings(ctx)
		must(t, err)
		set.Approval = []string{"atasan"}
		_, err = s.SaveSettings(ctx, admin, set)
		must(t, err)
		only := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, ProgrammeID: c.Catalogue.Cloud.ID, Purpose: "Komputasi awan",
			ProposedBy: model.ProposedByEmployee}
		must(t, s.ProposePlanItem(ctx, c.ani, &only, true))
		must(t, s.DecidePlanItem(ctx, c.siti, c.Kabid.ID, only.ID, model.DecisionApprove, ""))
		got, _, _ = s.PlanItem(ctx, only.ID, 0)
		if got.Status != model.PlanApproved {
			t.Errorf("supervisor-only chain: %s after the supervisor's approval", got.Status)
		}
		// The item still waiting at the OPD head's step, no longer in
		// the chain, is approved by the head's decision.
		must(t, s.DecidePlanItem(ctx, c.head, c.Head.ID, it.ID, model.DecisionApprove, ""))
		got, _, _ = s.PlanItem(ctx, it.ID, 0)
		if got.Status != model.PlanApproved {
			t.Errorf("old step after a chain change: %s", got.Status)
		}
	})
}

// TestPlanNestedOPD: an OPD nested in another (a UPT marked opd under the
// Kominfo) has its own head, who decides its people's step 2; the Kominfo
// head does not see their items waiting.
func TestPlanNestedOPD(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		upt := model.OrgUnit{Code: "KOMINFO-PUSDATIN", Name: "UPT Pusat Data", Kind: model.UnitOPD, ParentID: c.Kominfo.ID}
		must(t, s.CreateUnit(ctx, admin, &upt))
		seksi := model.OrgUnit{Code: "KOMINFO-PUSDATIN-1", Name: "Seksi Pengelolaan Data", Kind: model.UnitSeksi, ParentID: upt.ID}
		must(t, s.CreateUnit(ctx, admin, &seksi))
		var people []model.Employee
		for i, p := range []model.Position{
			{Title: "Kepala UPT Pusat Data", Type: model.Administrator, UnitID: upt.ID, IsHead: true},
			{Title: "Kepala Seksi Pengelolaan Data", Type: model.Pengawas, UnitID: seksi.ID, IsHead: true},
			{Title: "Pengelola Data", Type: model.Pelaksana, UnitID: seksi.ID},
		} {
			must(t, s.CreatePosition(ctx, admin, &p))
			e := model.Employee{NIP: fmt.Sprintf("19820202200801100%d", i+1), Name: []string{"Rudi Hartono", "Maya Sari", "Tono Sitepu"}[i],
				Gender: model.Male, Kind: model.PNS, Golongan: "III/c", PositionID: p.ID, UnitID: p.UnitID}
			must(t, c.AddEmployee(&e))
			people = append(people, e)
		}
		uptHead, kasi, staff := people[0], people[1], people[2]
		it := model.PlanItem{EmployeeID: staff.ID, Year: 2026, Title: "Kursus Basis Data", Form: "kursus", JP: 8, Purpose: "Data kota",
			ProposedBy: model.ProposedByAdmin}
		must(t, s.ProposePlanItem(ctx, admin, &it, true))
		must(t, s.DecidePlanItem(ctx, admin, kasi.ID, it.ID, model.DecisionApprove, ""))
		if !has(waitingIDs(t, s, uptHead.ID), it.ID) {
			t.Error("step 2 is not in the UPT head's inbox")
		}
		if has(waitingIDs(t, s, c.Head.ID), it.ID) {
			t.Error("the Kominfo head sees an item of the UPT, an OPD of its own")
		}
	})
}

// TestPlanActingApprover: Budi, Plt. head of the Dinkes, is Eko's
// supervisor and the head of his OPD: he decides once, as acting, and the
// item is approved.
func TestPlanActingApprover(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		head := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: c.Dinkes.ID, IsHead: true}
		must(t, s.CreatePosition(ctx, admin, &head))
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		x := model.ActingAssignment{EmployeeID: c.Budi.ID, PositionID: head.ID, Kind: model.ActingPlt, From: day("2026-06-01"),
			DecreeNo: "800/50/BKPSDM/2026", DecreeDate: day("2026-05-28")}
		must(t, s.AddActing(ctx, admin, &x))
		budi := c.BudiUser
		it := model.PlanItem{EmployeeID: c.Eko.ID, Year: 2026, Title: "Kursus SIG", Form: "kursus", JP: 8, Purpose: "Peta sebaran kasus",
			ProposedBy: model.ProposedByAdmin}
		must(t, s.ProposePlanItem(ctx, admin, &it, true))
		if !has(waitingIDs(t, s, c.Budi.ID), it.ID) {
			t.Fatal("the Plt.'s inbox misses Eko's item")
		}
		must(t, s.DecidePlanItem(ctx, model.Actor{UserID: budi.ID, Name: budi.Username}, c.Budi.ID, it.ID, model.DecisionApprove, ""))
		got, _, err := s.PlanItem(ctx, it.ID, 0)
		must(t, err)
		if got.Status != model.PlanApproved || len(got.Decisions) != 2 || !got.Decisions[1].Acting {
			t.Errorf("after the Plt.'s one decision: %s, %+v", got.Status, got.Decisions)
		}
	})
}

// TestPlanRecommendations: the programmes address the gaps of Ani's
// standard; an unassessed competency is shown as not assessed (never as
// level 0, and ranked after real gaps); a programme in the plan drops out.
func TestPlanRecommendations(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		recommend := func() ([]store.Recommendation, error) {
			plan, err := s.Plan(ctx, c.Ani.ID, 2026)
			must(t, err)
			return s.PlanRecommendations(ctx, c.Ani.ID, plan)
		}
		recs, err := recommend()
		must(t, err)
		if len(recs) != 2 {
			t.Fatalf("%d recommendations, want both programmes", len(recs))
		}
		for _, r := range recs {
			if len(r.Gaps) != 1 || r.Gaps[0].Assessed || r.Score != 0 || r.Gaps[0].Required != testcity.Required {
				t.Errorf("unassessed Ani: %s gaps %+v score %d", r.Programme.Code, r.Gaps, r.Score)
			}
			// Each comes with its own open sessions, read for all at once.
			want := map[int64]int64{c.Catalogue.Data.ID: c.Catalogue.DataSess.ID, c.Catalogue.Cloud.ID: c.Catalogue.CloudSess.ID}[r.Programme.ID]
			if len(r.Sessions) != 1 || r.Sessions[0].ID != want {
				t.Errorf("%s offers sessions %+v, want session %d", r.Programme.Code, r.Sessions, want)
			}
		}
		_, err = s.LoadRatings(ctx, admin, "test", func(add func(*model.Rating) error) error {
			return add(&model.Rating{EmployeeID: c.Ani.ID, CompetencyID: c.National[1], Source: assess.SourceAssessmentCentre, Level: 1, At: s.Now()})
		})
		must(t, err)
		_, err = s.RecomputeAll(ctx)
		must(t, err)
		recs, err = recommend()
		must(t, err)
		if len(recs) != 2 || recs[0].Programme.ID != c.Catalogue.Cloud.ID || !recs[0].Gaps[0].Assessed || recs[0].Gaps[0].Current != 1 || recs[0].Score != 1 {
			t.Fatalf("the assessed gap must rank first: %+v", recs)
		}
		it := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, ProgrammeID: c.Catalogue.Cloud.ID, Purpose: "x", ProposedBy: model.ProposedByEmployee}
		must(t, s.ProposePlanItem(ctx, c.ani, &it, false))
		recs, err = recommend()
		must(t, err)
		if len(recs) != 1 || recs[0].Programme.ID != c.Catalogue.Data.ID {
			t.Errorf("a programme in the plan still recommended: %+v", recs)
		}
		must(t, s.CancelPlanItem(ctx, c.ani, it.ID))
		if recs, err = recommend(); err != nil || len(recs) != 2 {
			t.Errorf("a cancelled item's programme is not recommended again: %d, %v", len(recs), err)
		}
	})
}

// TestRecommendationsCatalogueMatchesTwin: the recommendations from the
// kept catalogue equal the plain twin's (one query), for every employee of
// the city, before and after levels and plans change; and a write to the
// catalogue (a programme withdrawn, a session added) shows at once.
func TestRecommendationsCatalogueMatchesTwin(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		people := []model.Employee{c.Ani, c.Cici, c.Kabid, c.Head, c.Budi, c.Sri, c.Eko}
		same := func(when string) []store.Recommendation {
			var ani []store.Recommendation
			for _, e := range people {
				plan, err := s.Plan(ctx, e.ID, 2026)
				must(t, err)
				got, err := s.PlanRecommendations(ctx, e.ID, plan)
				must(t, err)
				want, err := s.RecommendationsTwin(ctx, e.ID, plan)
				must(t, err)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, %s:\n kept %+v\n twin %+v", when, e.Name, got, want)
				}
				if e.ID == c.Ani.ID {
					ani = got
				}
			}
			return ani
		}
		if len(same("at first")) != 2 {
			t.Fatal("Ani should have both programmes recommended")
		}
		_, err := s.LoadRatings(ctx, admin, "test", func(add func(*model.Rating) error) error {
			return add(&model.Rating{EmployeeID: c.Ani.ID, CompetencyID: c.National[1], Source: assess.SourceAssessmentCentre, Level: 1, At: s.Now()})
		})
		must(t, err)
		_, err = s.RecomputeAll(ctx)
		must(t, err)
		it := model.PlanItem{EmployeeID: c.Cici.ID, Year: 2026, ProgrammeID: c.Catalogue.Data.ID, Purpose: "x", ProposedBy: model.ProposedByEmployee}
		must(t, s.ProposePlanItem(ctx, admin, &it, false))
		same("after a rating and a proposal")

		extra := model.TrainingSession{ProgrammeID: c.Catalogue.Cloud.ID, Name: "Angkatan Tambahan", StartDate: "2026-09-07", EndDate: "2026-09-08",
			Capacity: 20, Status: model.SessionScheduled, Place: "Aula Kominfo"}
		must(t, s.CreateSession(ctx, admin, &extra))
		data, err := s.Programme(ctx, c.Catalogue.Data.ID)
		must(t, err)
		data.Active = false
		must(t, s.UpdateProgramme(ctx, admin, data))
		ani := same("after a session added and a programme withdrawn")
		if len(ani) != 1 || ani[0].Programme.ID != c.Catalogue.Cloud.ID || len(ani[0].Sessions) != 2 {
			t.Errorf("after the catalogue changed, Ani is recommended %+v", ani)
		}
	})
}

// TestPlanJP: Bayu (PPPK) measures approved items against 24 JP in his
// agreement year; Ani (PNS) her planned JP against the 20 JP floor.
func TestPlanJP(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		_, err := s.DB().ExecContext(ctx, `INSERT INTO pppk_agreement (employee_id, start_date, end_date) VALUES ($1, '2025-03-01', '2030-02-28')`, c.Bayu.ID)
		must(t, err)
		nom, err := s.Nominate(ctx, admin, model.Scope{All: true}, store.Nomination{ProgrammeID: c.Catalogue.Cloud.ID, Year: 2026,
			Purpose: "Program prioritas", Employees: []int64{c.Bayu.ID}})
		must(t, err)
		if len(nom.Items) != 1 {
			t.Fatalf("nomination: %+v", nom)
		}
		jpYear := func(id int64) (model.JPYear, error) {
			_, _, kind, err := s.PlanSubject(ctx, id)
			must(t, err)
			plan, err := s.Plan(ctx, id, 2026)
			must(t, err)
			return s.PlanJPYear(ctx, id, kind, 2026, plan)
		}
		y, err := jpYear(c.Bayu.ID)
		must(t, err)
		if !y.PPPK || y.Limit != 24 || y.From != "2026-03-01" || y.Until != "2027-02-28" || y.Counted != 16 || y.NoContract {
			t.Errorf("Bayu's year: %+v", y)
		}
		if !y.Over(c.Catalogue.Data.JP) || y.Over(8) {
			t.Errorf("24 JP programme on 16: over %v; 8 JP: over %v", y.Over(24), y.Over(8))
		}
		it := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, ProgrammeID: c.Catalogue.Data.ID, Purpose: "x", ProposedBy: model.ProposedByEmployee}
		must(t, s.ProposePlanItem(ctx, c.ani, &it, false))
		free := model.PlanItem{EmployeeID: c.Ani.ID, Year: 2026, Title: "Magang", Form: "magang", JP: 10, Purpose: "y", ProposedBy: model.ProposedByEmployee}
		must(t, s.ProposePlanItem(ctx, c.ani, &free, false))
		must(t, s.CancelPlanItem(ctx, c.ani, free.ID))
		y, err = jpYear(c.Ani.ID)
		must(t, err)
		if y.PPPK || y.Limit != 20 || y.Counted != 24 || y.Left() != 0 || y.From != "2026-01-01" {
			t.Errorf("Ani's year (a cancelled item does not count): %+v", y)
		}
	})
}

// TestNominateScope: a Kominfo administrator nominates Kominfo staff in one
// go; a nominee outside their units refuses the whole nomination; one who
// has the programme already is left out; the roll-up counts the items.
func TestNominateScope(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newPlanCity(t, s)
		kominfo := model.Scope{UnitPaths: []string{c.Kominfo.Path}}
		n := store.Nomination{ProgrammeID: c.Catalogue.Data.ID, SessionID: c.Catalogue.DataSess.ID, Year: 2026, Purpose: "Satu Data",
			Employees: []int64{c.Ani.ID, c.Sri.ID}}
		if _, err := s.Nominate(ctx, admin, kominfo, n); apperr.Code(err) != apperr.ENOTFOUND {
			t.Fatalf("a Dinkes nominee by the Kominfo admin: %v", err)
		}
		if items, _ := s.Plan(ctx, c.Ani.ID, 2026); len(items) != 0 {
			t.Fatal("a refused nomination left items")
		}
		n.Employees = []int64{c.Ani.ID, c.Cici.ID, c.Dedi.ID}
		res, err := s.Nominate(ctx, admin, kominfo, n)
		must(t, err)
		if len(res.Items) != 3 {
			t.Fatalf("nominated %+v", res)
		}
		items, err := s.Plan(ctx, c.Cici.ID, 2026)
		must(t, err)
		if len(items) != 1 || items[0].Status != model.PlanEnrolled || items[0].ProposedBy != model.ProposedByAdmin ||
			items[0].Decisions[0].Decision != model.DecisionNominate {
			t.Errorf("Cici's nominated item: %+v", items)
		}
		n.Employees = []int64{c.Ani.ID, c.Bayu.ID}
		res, err = s.Nominate(ctx, admin, kominfo, n)
		must(t, err)
		if len(res.Items) != 1 || len(res.Already) != 1 || res.Already[0] != c.Ani.ID {
			t.Errorf("second nomination: %+v", res)
		}
		r, err := s.PlanRollup(ctx, c.Kominfo.ID, 2026)
		must(t, err)
		if r.Total.Items != 4 || r.Total.JP != 96 || r.Total.Cost != 4*2500000 || len(r.Programmes) != 1 || r.Programmes[0].Items != 4 ||
			len(r.Competencies) != 1 || r.Competencies[0].ID != c.National[0] {
			t.Errorf("Kominfo roll-up: %+v", r)
		}
		if len(r.Units) != 1 || r.Units[0].ID != c.Bidang.ID || r.Units[0].Items != 4 {
			t.Errorf("Kominfo's units: %+v", r.Units)
		}
		r, err = s.PlanRollup(ctx, c.Dinkes.ID, 2026)
		must(t, err)
		if r.Total.Items != 0 {
			t.Errorf("Dinkes roll-up: %+v", r.Total)
		}
	})
}
