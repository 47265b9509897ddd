package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// The demo's development plans, enrolments and attendance. The store
// samples the people (PoolPermille of the active employees, with their
// supervisor and the head of their OPD, the approvers of the two steps)
// and hands them to Training, which decides, from the seed alone, who
// proposes what, how far each proposal has come and who sits in which
// session; the store writes the rows in one transaction.

// Person is an active employee the store sampled, with their approvers.
type Person struct {
	ID, UnitID   int64
	SupervisorID int64 // the direct supervisor: step 1 (0: none)
	OPDHeadID    int64 // the head of their OPD: step 2 (0: none)
	PPPK         bool
	Audience     Audience
	Featured     Featured
}

// Featured marks the people behind the demo accounts, whose plans are
// written on purpose rather than drawn.
type Featured uint8

// The featured people.
const (
	NotFeatured     Featured = iota
	FeaturedSelf             // the pegawai account: a plan at every stage
	FeaturedReport           // a report of the atasan account: waits for their decision
	FeaturedReport2          // a report whose item waits for the OPD head
)

// Plan-item rows as the store writes them. Prog and Session index the
// catalogue and the sessions (-1: none, a free activity or no session yet).
type PlanItem struct {
	ID, EmployeeID int64
	Year           int
	Prog, Session  int
	Title          string
	Form           model.DevForm
	JP             int
	Cost           int64
	Comp           string // competency code the item addresses ("" none)
	Purpose        string
	ProposedBy     string // pegawai, atasan, admin
	Status         model.PlanStatus
	Step           int
	At             time.Time
}

// Decision is one step of an item's way, by a person (0: the BKPSDM admin).
type Decision struct {
	ItemID     int64
	Step       int
	Decision   model.Decision // as the plan's store writes them (model.AllDecisions)
	Reason     string
	ByEmployee int64
	At         time.Time
}

// Enrolment is a place in a session.
type Enrolment struct {
	Session    int
	EmployeeID int64
	ItemID     int64 // 0: a nomination
	Status     model.EnrolmentStatus
	Source     string
	Score      int // -1: none
	At, Done   time.Time
}

// Attendance is one participant present on one session day.
type Attendance struct {
	Session    int
	Day        string
	EmployeeID int64
	How        string
	At         time.Time
}

// TrainingRows is what Training decides.
type TrainingRows struct {
	Items      []PlanItem
	Decisions  []Decision
	Enrolments []Enrolment
	Attendance []Attendance
}

// PoolPermille is the share, in thousandths, of the active employees the
// store samples for plans and nominations: everyone in a city of up to
// 60,000 employees, so that a million-employee city holds at most about
// 60,000 people in memory and gets a few tens of thousands of plan items.
func PoolPermille(employees int) int {
	return min(1000, max(1, 60_000_000/max(employees, 1)))
}

// planPermille is the share of the sampled people with a plan: 3.5 % of
// the city, at most 15,000 people (two items each on average).
func planPermille(employees, pool int) int {
	want := min(employees*35/1000, 15_000)
	if pool == 0 {
		return 0
	}
	return min(1000, want*1000/pool+1)
}

// Training decides the plans, enrolments and attendance of people for the
// sessions sess of catalogue cat, as of now. Items are numbered from 1.
func Training(cat []Prog, sess []Sess, people []Person, employees int, now time.Time, seed int64) TrainingRows {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x706c616e73))
	g := &planGen{rng: rng, cat: cat, sess: sess, now: now, today: dayOf(now).Format(time.DateOnly),
		seats: make([][]int64, len(sess)), waiting: make([][]int64, len(sess)), seatItem: map[[2]int64]int64{}}
	for i, p := range cat {
		g.byAud[p.Audience] = append(g.byAud[p.Audience], i)
	}
	g.progSess = make([][]int, len(cat))
	for i, s := range sess {
		g.progSess[s.Prog] = append(g.progSess[s.Prog], i)
	}
	share := planPermille(employees, len(people))
	for _, p := range people {
		if p.SupervisorID == 0 || p.OPDHeadID == 0 || p.OPDHeadID == p.ID || p.SupervisorID == p.OPDHeadID {
			continue // nobody, or one person, to approve: no demo plan
		}
		switch {
		case p.Featured == FeaturedSelf:
			for _, st := range []model.PlanStatus{model.PlanDone, model.PlanEnrolled, model.PlanSubmitted, model.PlanDraft} {
				g.item(p, st, 1)
			}
		case p.Featured == FeaturedReport:
			g.item(p, model.PlanSubmitted, 1)
		case p.Featured == FeaturedReport2:
			g.item(p, model.PlanSubmitted, 2)
		case rng.IntN(1000) < share:
			for range 1 + rng.IntN(3) {
				st, step := g.drawStatus()
				g.item(p, st, step)
			}
		}
	}
	g.nominate(people)
	g.attend()
	return g.rows
}

type planGen struct {
	rng      *rand.Rand
	cat      []Prog
	sess     []Sess
	now      time.Time
	today    string
	byAud    [5][]int
	progSess [][]int
	seats    [][]int64 // per session: employees with a seat, in arrival order
	waiting  [][]int64
	seatItem map[[2]int64]int64
	rows     TrainingRows
}

// statusWeights: how a demo year's proposals stand, in per mille.
var statusWeights = []struct {
	st   model.PlanStatus
	step int
	w    int
}{
	{model.PlanDraft, 0, 90}, {model.PlanSubmitted, 1, 130}, {model.PlanSubmitted, 2, 80}, {model.PlanChange, 0, 60},
	{model.PlanRejected, 0, 60}, {model.PlanApproved, 0, 110}, {model.PlanEnrolled, 0, 190}, {model.PlanDone, 0, 220},
	{model.PlanCancelled, 0, 60},
}

func (g *planGen) drawStatus() (model.PlanStatus, int) {
	r := g.rng.IntN(1000)
	for _, s := range statusWeights {
		if r < s.w {
			return s.st, s.step
		}
		r -= s.w
	}
	return model.PlanDraft, 0
}

// sessionFor finds a session of programme pi fitting status st: a finished
// one for selesai, one not yet over for terdaftar, one still ahead for the
// rest; -1 when the programme has none.
func (g *planGen) sessionFor(pi int, st model.PlanStatus) int {
	var fit []int
	for _, si := range g.progSess[pi] {
		t := &g.sess[si].TrainingSession
		switch {
		case t.Status == model.SessionCancelled:
		case st == model.PlanDone && t.Status == model.SessionDone:
			fit = append(fit, si)
		case st == model.PlanEnrolled && t.Status == model.SessionScheduled:
			fit = append(fit, si)
		case st != model.PlanDone && st != model.PlanEnrolled && t.StartDate > g.today:
			fit = append(fit, si)
		}
	}
	if len(fit) == 0 {
		return -1
	}
	return fit[g.rng.IntN(len(fit))]
}

func (g *planGen) item(p Person, st model.PlanStatus, step int) {
	if st != model.PlanSubmitted {
		step = 0 // nobody must decide
	}
	it := PlanItem{EmployeeID: p.ID, Prog: -1, Session: -1, Status: st, Step: step, ProposedBy: "pegawai"}
	switch r := g.rng.IntN(100); {
	case p.Featured != NotFeatured:
	case r < 12:
		it.ProposedBy = "atasan"
	case r < 18:
		it.ProposedBy = "admin"
	}
	// Most items come from the catalogue; some are activities outside it.
	if p.Featured != NotFeatured || g.rng.IntN(100) < 88 {
		for try := 0; try < 6 && it.Session < 0; try++ {
			pi := g.pickProg(p.Audience)
			si := g.sessionFor(pi, st)
			if _, taken := g.seatItem[[2]int64{int64(si), p.ID}]; si >= 0 && !taken {
				it.Prog, it.Session = pi, si
			}
		}
	}
	needsSeat := st == model.PlanEnrolled || st == model.PlanDone
	if it.Session >= 0 && needsSeat && st == model.PlanDone && len(g.seats[it.Session]) >= g.sess[it.Session].Capacity {
		it.Session = -1 // the finished session was full: the item stays approved
	}
	if it.Session < 0 {
		if needsSeat || st == model.PlanCancelled {
			it.Status, it.Step = model.PlanApproved, 0
		}
		f := freeActivities[g.rng.IntN(len(freeActivities))]
		it.Prog, it.Title, it.Form, it.JP, it.Cost, it.Comp = -1, f.title, f.form, f.jp, f.cost, f.comp
	} else {
		pr := &g.cat[it.Prog]
		// The item keeps the programme's title, form, JP and cost, as a
		// proposal through the store does.
		it.Title, it.Form, it.JP, it.Cost, it.Comp = pr.Title, pr.Form, pr.JP, pr.Cost, pr.Comps[0].Code
	}
	it.Purpose = purposes[g.rng.IntN(len(purposes))]
	if it.Comp != "" {
		it.Purpose += " (" + it.Comp + ")"
	}
	// Dates: proposed before the session's enrolment closed (or weeks ago
	// for a free activity), decided a few days apart, never after now.
	start := g.now.AddDate(0, 0, -(20 + g.rng.IntN(60)))
	if it.Session >= 0 {
		if t, err := time.Parse(time.DateOnly, g.sess[it.Session].EnrolFrom); err == nil && t.Before(g.now) {
			start = t.Add(time.Duration(8+g.rng.IntN(9))*time.Hour).AddDate(0, 0, g.rng.IntN(20))
		}
	}
	at := func(days int) time.Time {
		t := start.AddDate(0, 0, days).Add(time.Duration(g.rng.IntN(90)) * time.Minute)
		if t.After(g.now) {
			return g.now.Add(-time.Duration(1+g.rng.IntN(50)) * time.Minute)
		}
		return t
	}
	it.At = at(0)
	it.Year = it.At.In(model.WIB).Year()
	if it.Session >= 0 {
		y, _ := time.Parse(time.DateOnly, g.sess[it.Session].StartDate)
		it.Year = y.Year()
	}
	it.ID = int64(len(g.rows.Items) + 1)
	g.rows.Items = append(g.rows.Items, it)
	dec := func(step int, d model.Decision, reason string, by int64, day int) {
		g.rows.Decisions = append(g.rows.Decisions, Decision{ItemID: it.ID, Step: step, Decision: d, Reason: reason, ByEmployee: by, At: at(day)})
	}
	if it.Status == model.PlanDraft {
		return
	}
	// Submitted by whoever proposed: the employee, their supervisor, or a
	// BKPSDM admin (no employee: 0).
	switch it.ProposedBy {
	case "atasan":
		dec(0, model.DecisionSubmit, "", p.SupervisorID, 0)
	case "admin":
		dec(0, model.DecisionSubmit, "", 0, 0)
	default:
		dec(0, model.DecisionSubmit, "", p.ID, 0)
	}
	switch it.Status {
	case model.PlanSubmitted:
		if it.Step == 2 {
			dec(1, model.DecisionApprove, "", p.SupervisorID, 2)
		}
	case model.PlanChange:
		if g.rng.IntN(3) == 0 {
			dec(1, model.DecisionApprove, "", p.SupervisorID, 2)
			dec(2, model.DecisionChange, changeReasons[g.rng.IntN(len(changeReasons))], p.OPDHeadID, 4)
		} else {
			dec(1, model.DecisionChange, changeReasons[g.rng.IntN(len(changeReasons))], p.SupervisorID, 2)
		}
	case model.PlanRejected:
		if g.rng.IntN(2) == 0 {
			dec(1, model.DecisionApprove, "", p.SupervisorID, 2)
			dec(2, model.DecisionReject, rejectReasons[g.rng.IntN(len(rejectReasons))], p.OPDHeadID, 5)
		} else {
			dec(1, model.DecisionReject, rejectReasons[g.rng.IntN(len(rejectReasons))], p.SupervisorID, 3)
		}
	default: // approved by both, then perhaps enrolled, done or cancelled
		dec(1, model.DecisionApprove, "", p.SupervisorID, 2)
		dec(2, model.DecisionApprove, "", p.OPDHeadID, 4)
		if it.Status == model.PlanCancelled {
			dec(0, model.DecisionCancel, cancelReasons[g.rng.IntN(len(cancelReasons))], p.ID, 9)
		}
	}
	if it.Session < 0 {
		return
	}
	switch it.Status {
	case model.PlanEnrolled, model.PlanDone:
		g.seat(it.Session, p.ID, it.ID, at(5))
	case model.PlanCancelled:
		g.rows.Enrolments = append(g.rows.Enrolments, Enrolment{Session: it.Session, EmployeeID: p.ID, ItemID: it.ID,
			Status: model.EnrolCancelled, Source: "rencana", Score: -1, At: at(5)})
		g.seatItem[[2]int64{int64(it.Session), p.ID}] = -1
	}
}

// pickProg draws a programme for someone of audience a: mostly one meant
// for them, else one for everybody.
func (g *planGen) pickProg(a Audience) int {
	if a != AudAll && len(g.byAud[a]) > 0 && g.rng.IntN(100) < 60 {
		return g.byAud[a][g.rng.IntN(len(g.byAud[a]))]
	}
	all := g.byAud[AudAll]
	return all[g.rng.IntN(len(all))]
}

// seat gives the employee a seat in session si, or a place on its waiting
// list when the seats are gone; one place per person and session.
func (g *planGen) seat(si int, emp, item int64, at time.Time) bool {
	key := [2]int64{int64(si), emp}
	if _, dup := g.seatItem[key]; dup {
		return false
	}
	g.seatItem[key] = item
	st := model.EnrolSeat
	if len(g.seats[si]) >= g.sess[si].Capacity {
		st = model.EnrolWaiting
		g.waiting[si] = append(g.waiting[si], emp)
	} else {
		g.seats[si] = append(g.seats[si], emp)
	}
	src := "rencana"
	if item == 0 {
		src = "nominasi"
	}
	g.rows.Enrolments = append(g.rows.Enrolments, Enrolment{Session: si, EmployeeID: emp, ItemID: item, Status: st, Source: src, Score: -1, At: at})
	return true
}

// nominate fills each session up to its Fill (and waiting list) with unit
// admins' nominations of people of its audience, then settles the
// finished sessions: completed with a score, or not (too many absences).
func (g *planGen) nominate(people []Person) {
	if len(people) == 0 {
		return
	}
	byAud := [5][]int64{}
	for _, p := range people {
		byAud[p.Audience] = append(byAud[p.Audience], p.ID)
		byAud[AudAll] = append(byAud[AudAll], p.ID)
	}
	for si := range g.sess {
		s := &g.sess[si]
		pool := byAud[g.cat[s.Prog].Audience]
		if len(pool) < s.Fill {
			pool = byAud[AudAll]
		}
		at, _ := time.Parse(time.DateOnly, s.EnrolFrom)
		for tries := 0; len(g.seats[si]) < min(s.Fill, s.Capacity) && tries < 4*s.Fill+10; tries++ {
			g.seat(si, pool[g.rng.IntN(len(pool))], 0, g.clamp(at.Add(time.Duration(tries)*37*time.Minute)))
		}
		for tries := 0; len(g.waiting[si]) < s.Waiting && tries < 4*s.Waiting+10; tries++ {
			g.seat(si, pool[g.rng.IntN(len(pool))], 0, g.clamp(at.AddDate(0, 0, 20).Add(time.Duration(tries)*time.Hour)))
		}
	}
	for i := range g.rows.Enrolments {
		e := &g.rows.Enrolments[i]
		s := &g.sess[e.Session]
		if e.Status != model.EnrolSeat || s.Status != model.SessionDone {
			continue
		}
		end, _ := time.Parse(time.DateOnly, s.EndDate)
		e.Done = g.clamp(end.Add(16*time.Hour).AddDate(0, 0, 1+g.rng.IntN(4)))
		if e.ItemID == 0 && g.rng.IntN(100) < 7 {
			e.Status = model.EnrolIncomplete
			continue
		}
		e.Status, e.Score = model.EnrolCompleted, 65+g.rng.IntN(34)
	}
}

func (g *planGen) clamp(t time.Time) time.Time {
	if t.After(g.now) {
		return g.now.Add(-time.Hour)
	}
	return t
}

// attend marks, for the live sessions of a few days that have begun, who
// came on each day up to today: nearly everyone, those who did not
// complete on fewer than half the days.
func (g *planGen) attend() {
	for i := range g.rows.Enrolments {
		e := &g.rows.Enrolments[i]
		s := &g.sess[e.Session]
		if !s.Attend || (e.Status != model.EnrolSeat && e.Status != model.EnrolCompleted && e.Status != model.EnrolIncomplete) {
			continue
		}
		for _, day := range s.Days() {
			if day > g.today {
				break
			}
			p := 94
			if e.Status == model.EnrolIncomplete {
				p = 45
			}
			if g.rng.IntN(100) >= p {
				continue
			}
			how := "qr"
			switch r := g.rng.IntN(100); {
			case r < 8:
				how = "manual"
			case r < 20:
				how = "kode"
			}
			d, _ := time.ParseInLocation(time.DateOnly, day, model.WIB)
			at := d.Add(7*time.Hour + 40*time.Minute + time.Duration(g.rng.IntN(50))*time.Minute)
			if at.After(g.now) {
				continue // today's class has not begun yet
			}
			g.rows.Attendance = append(g.rows.Attendance, Attendance{Session: e.Session, Day: day, EmployeeID: e.EmployeeID, How: how, At: at})
		}
	}
}

// Seats returns how many seats of each session the rows take (terdaftar,
// selesai, tidak_selesai), for training_session.enrolled.
func (r *TrainingRows) Seats(n int) []int {
	out := make([]int, n)
	for _, e := range r.Enrolments {
		if slices.Contains([]model.EnrolmentStatus{model.EnrolSeat, model.EnrolCompleted, model.EnrolIncomplete}, e.Status) {
			out[e.Session]++
		}
	}
	return out
}
