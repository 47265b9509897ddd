// Package owndata is everything Kompeten keeps about one employee, as the
// employee downloads it (UU 27/2022: access to and a copy of one's data):
// the web's "Data saya" (JSON and XLSX) and the API's /me/data.
package owndata

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/kompeten/kompeten/internal/store"
)

// Data is the download, as JSON and as the workbook's sheets.
type Data struct {
	Generated   string        `json:"generated_at"`
	Employee    Employee      `json:"employee"`
	History     []History     `json:"history"`
	JPM         *JPM          `json:"jpm"`
	Competences []Competency  `json:"competencies"`
	Performance []Performance `json:"performance"`
	Penalties   []Penalty     `json:"penalties"`
	Acting      []Acting      `json:"acting_assignments"`
	Contests    []Contest     `json:"contests"`
	Views       []View        `json:"views_by_others"`
	Plans       []PlanItem    `json:"development_plans"`
	Training    []Enrolment   `json:"training"`
}

// PlanItem is one item of one's development plans, with its decisions
// ("setuju by Siti Aminah at …", oldest first).
type PlanItem struct {
	Year                          int
	Title, Form, Purpose, Status  string
	JP                            int
	Cost                          int64
	Session, ProposedBy, Proposed string
	Decisions                     []string
}

// Enrolment is one place in a session: its state, completion, score and
// the days marked present.
type Enrolment struct {
	Programme, Session, StartDate, EndDate, Status, Completed string
	Score                                                     *int
	DaysPresent                                               []string
}

// Employee is the employee's own record.
type Employee struct {
	NIP, Name, FrontTitles, BackTitles, BirthPlace, BirthDate, Gender, Kind, Golongan string
	Unit, Position, Supervisor, Email, Phone, Status, RetirementDate                  string
}

// History is one change to the record: when, which field, from and to.
type History struct{ At, Field, Old, New string }

// JPM is the employee's job-person match and its categories.
type JPM struct {
	Raw, Capped      float64
	Mapping, Filling string
	Assessed, Total  int
	StandardDecreeNo string
}

// Rating is one rating of a competency: its source, level, time and rater.
type Rating struct {
	Source string
	Level  int
	At     string
	Rater  string
}

// Competency is one competency of the employee's standard, with its ratings.
type Competency struct {
	Code, Name            string
	Required, Actual, Gap int
	Assessed              bool
	Ratings               []Rating
}

// Performance is one year's SKP predikat.
type Performance struct {
	Year     int
	Predikat string
}

// Penalty is one discipline penalty.
type Penalty struct{ Level, Kind, DecreeNo, DecreeDate, StartsOn, EndsOn, RevokeNote string }

// Acting is one Plt./Plh. assignment.
type Acting struct{ Kind, Position, Unit, From, Until, DecreeNo, DecreeDate string }

// Contest is one contest the employee lodged, with its answer.
type Contest struct{ Subject, Competency, Note, Created, Answer, Answered, AnsweredBy string }

// View is one look at the employee's data by someone else.
type View struct{ At, Viewer, ViewerName, What, Detail string }

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// Collect reads everything kept about employee id; instants are given in
// loc (the city's zone).
func Collect(ctx context.Context, st *store.Store, id int64, loc *time.Location) (*Data, error) {
	e, err := st.Employee(ctx, id)
	if err != nil {
		return nil, err
	}
	inst := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	d := &Data{Generated: inst(st.Now()), Employee: Employee{NIP: e.NIP, Name: e.Name, FrontTitles: e.GelarDepan,
		BackTitles: e.GelarBelakang, BirthPlace: e.BirthPlace, BirthDate: isoOrEmpty(e.BirthDate), Gender: string(e.Gender),
		Kind: string(e.Kind), Golongan: e.Golongan, Unit: e.UnitName, Position: e.PositionTitle, Supervisor: e.SupervisorName,
		Email: e.Email, Phone: e.Phone, Status: string(e.Status), RetirementDate: isoOrEmpty(e.RetirementDate)}}
	hist, err := st.History(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, h := range hist {
		d.History = append(d.History, History{inst(h.At), h.Field, h.OldValue, h.NewValue})
	}
	ec, err := st.EmployeeCompetencies(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(ec.Items) > 0 {
		res := ec.Result
		d.JPM = &JPM{Raw: float64(res.JPMRaw) / 100, Capped: float64(res.JPMCapped) / 100, Mapping: res.Mapping.Label(), Filling: res.Filling.Label(),
			Assessed: res.Assessed, Total: res.Total, StandardDecreeNo: ec.DecreeNo}
	}
	for _, it := range ec.Items {
		c := Competency{Code: it.Code, Name: it.Name, Required: it.Required, Actual: it.Actual, Gap: it.Gap, Assessed: it.Assessed}
		for _, ev := range it.Events {
			c.Ratings = append(c.Ratings, Rating{Source: string(ev.Source), Level: ev.Level, At: inst(ev.At), Rater: ev.RaterName})
		}
		d.Competences = append(d.Competences, c)
	}
	perf, err := st.Performance(ctx, id)
	if err != nil {
		return nil, err
	}
	for y, pr := range perf {
		d.Performance = append(d.Performance, Performance{y, pr})
	}
	sort.Slice(d.Performance, func(i, j int) bool { return d.Performance[i].Year < d.Performance[j].Year })
	pens, err := st.Penalties(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, p := range pens {
		d.Penalties = append(d.Penalties, Penalty{p.Level, p.Kind, p.DecreeNo, isoOrEmpty(p.DecreeDate), isoOrEmpty(p.StartsOn),
			isoOrEmpty(p.EndsOn), p.RevokeNote})
	}
	acting, err := st.ActingAssignments(ctx, store.ActingFilter{EmployeeID: id})
	if err != nil {
		return nil, err
	}
	for _, a := range acting {
		d.Acting = append(d.Acting, Acting{a.Kind, a.PositionTitle, a.UnitName, isoOrEmpty(a.From), isoOrEmpty(a.Until), a.DecreeNo, isoOrEmpty(a.DecreeDate)})
	}
	contests, err := st.Contests(ctx, store.ContestFilter{EmployeeID: id})
	if err != nil {
		return nil, err
	}
	for _, c := range contests {
		answered := ""
		if !c.Open() {
			answered = inst(c.AnsweredAt)
		}
		d.Contests = append(d.Contests, Contest{c.Subject, c.CompetencyName, c.Note, inst(c.CreatedAt), c.Answer, answered, c.AnsweredBy})
	}
	views, err := st.Views(ctx, store.ViewFilter{SubjectID: id, Limit: 500})
	if err != nil {
		return nil, err
	}
	for _, v := range views {
		d.Views = append(d.Views, View{inst(v.At), v.Viewer, v.ViewerName, v.What, v.Detail})
	}
	return d, collectTraining(ctx, st, id, d, inst)
}

// collectTraining adds one's development plans and training places to d.
func collectTraining(ctx context.Context, st *store.Store, id int64, d *Data, inst func(time.Time) string) error {
	items, err := st.PlanItemsOf(ctx, id)
	if err != nil {
		return err
	}
	for _, it := range items {
		p := PlanItem{Year: it.Year, Title: it.Title, Form: string(it.Form), Purpose: it.Purpose, Status: string(it.Status), JP: it.JP,
			Cost: it.Cost, Session: it.SessionName, ProposedBy: string(it.ProposedBy), Proposed: inst(it.CreatedAt)}
		for _, dec := range it.Decisions {
			line := fmt.Sprintf("%s: %s, %s", inst(dec.At), dec.Decision, dec.ByName)
			if dec.Reason != "" {
				line += " (" + dec.Reason + ")"
			}
			p.Decisions = append(p.Decisions, line)
		}
		d.Plans = append(d.Plans, p)
	}
	places, err := st.EnrolmentsOf(ctx, id)
	if err != nil {
		return err
	}
	days, err := st.DaysAttended(ctx, id)
	if err != nil {
		return err
	}
	for _, m := range places {
		e := Enrolment{Programme: m.Session.ProgrammeTitle, Session: m.Session.Name, StartDate: m.Session.StartDate,
			EndDate: m.Session.EndDate, Status: string(m.Status), DaysPresent: days[m.SessionID]}
		if !m.CompletedAt.IsZero() {
			e.Completed = inst(m.CompletedAt)
		}
		if m.HasScore {
			e.Score = &m.Score
		}
		d.Training = append(d.Training, e)
	}
	return nil
}
