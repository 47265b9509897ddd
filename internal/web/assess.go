package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// ratingField is one competency of an assessment form: radio buttons for
// levels 1–5, each with the level's title and description.
type ratingField struct {
	CompetencyID int64
	Name         string
	Required     int
	Levels       [5]store.LevelText
	Current      int // the level this rater gave last, 0 = none
}

// assessData is the page /penilaian: the self-assessment form, the direct
// reports to rate and colleagues to rate as peers.
type assessData struct {
	NoEmployee bool
	Fields     []ratingField
	Reports    []store.Ratee
	Peers      []store.Ratee
	Notice     string
	// Cycles are the assessment cycles open today that include the
	// employee (see cycles.go); ratings made now are attached to the first
	// that opens their source. Outside them ratings are still recorded.
	Cycles []model.Cycle
	// Evidence is the work-evidence section (evidence.go).
	Evidence *evidenceView
}

// rateData is the page /penilaian/{id}: rating one colleague or report.
type rateData struct {
	Target *store.EmployeeView
	Source assess.Source
	Fields []ratingField
}

// ratingFields turns the items of a standard into form fields, with the
// rater's latest levels selected.
func ratingFields(items []store.CompetencyItem, current map[int64]int) []ratingField {
	out := make([]ratingField, len(items))
	for i, it := range items {
		out[i] = ratingField{CompetencyID: it.CompetencyID, Name: it.Name, Required: it.Required, Levels: it.Levels, Current: current[it.CompetencyID]}
	}
	return out
}

// assessHome shows the assessment page (GET /penilaian).
func (s *server) assessHome(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d, err := s.assessPage(r, p)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("ok") {
	case "self":
		d.Notice = "assess.saved_self"
	case "rated":
		d.Notice = "assess.saved_rating"
	case "evidence":
		d.Notice = "evidence.submitted"
	case "reviewed":
		d.Notice = "evidence.reviewed"
	}
	s.render(w, r, http.StatusOK, "assess", "assess.title", d)
	return nil
}

// assessPage gathers the assessment page for p (also to re-render it with
// a refused work evidence, evidence.go).
func (s *server) assessPage(r *http.Request, p *auth.Principal) (*assessData, error) {
	ctx := r.Context()
	d := &assessData{}
	me := p.User.EmployeeID
	if me == 0 {
		d.NoEmployee = true
		return d, nil
	}
	fields, err := s.fieldsFor(ctx, me, me, assess.SourceSelf)
	if err != nil {
		return nil, err
	}
	d.Fields = fields
	if d.Cycles, err = s.st.OpenCyclesFor(ctx, me); err != nil {
		return nil, err
	}
	if d.Reports, err = s.st.DirectReports(ctx, me, 200); err != nil {
		return nil, err
	}
	if d.Peers, err = s.st.Colleagues(ctx, me, 50); err != nil {
		return nil, err
	}
	if d.Evidence, err = s.evidenceFor(r, me, fields); err != nil {
		return nil, err
	}
	return d, nil
}

// fieldsFor returns the form fields for rating employee target against
// their position's standard, with rater's latest ratings of source.
func (s *server) fieldsFor(ctx context.Context, target, rater int64, src assess.Source) ([]ratingField, error) {
	ec, err := s.st.EmployeeCompetencies(ctx, target)
	if err != nil {
		return nil, err
	}
	cur, err := s.st.LatestRatings(ctx, target, rater, src)
	if err != nil {
		return nil, err
	}
	return ratingFields(ec.Items, cur), nil
}

// assessSelf records a self-assessment (POST /penilaian).
func (s *server) assessSelf(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	me := p.User.EmployeeID
	if me == 0 {
		return errForbidden
	}
	if err := s.saveRatings(r, p, me, assess.SourceSelf); err != nil {
		return err
	}
	http.Redirect(w, r, "/penilaian?ok=self", http.StatusSeeOther)
	return nil
}

// saveRatings records, for every competency of target's standard, the level
// chosen in the form ("c<competency ID>") when it differs from the rater's
// latest rating of that source. Every value is read and checked first and
// the changed ones are recorded in one store call, so a form with one bad
// value saves nothing. The store checks who may rate.
func (s *server) saveRatings(r *http.Request, p *auth.Principal, target int64, src assess.Source) error {
	ctx := r.Context()
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("form", "err.common.form_could_not_read")
	}
	fields, err := s.fieldsFor(ctx, target, p.User.EmployeeID, src)
	if err != nil {
		return err
	}
	var changed []*model.Rating
	for _, f := range fields {
		v := r.PostForm.Get("c" + strconv.FormatInt(f.CompetencyID, 10))
		if v == "" {
			continue
		}
		lvl, err := strconv.Atoi(v)
		if err != nil {
			return apperr.Invalid("level", "err.common.level_1_5")
		}
		rt := &model.Rating{EmployeeID: target, CompetencyID: f.CompetencyID, Source: src, Level: lvl, RaterID: p.User.EmployeeID}
		if err := rt.Validate(); err != nil { // before the unchanged ones are skipped: a bad value fails the form
			return err
		}
		if lvl == f.Current {
			continue
		}
		changed = append(changed, rt)
	}
	return s.st.AddRatings(ctx, actor(p), changed)
}

// rateSource decides how the signed-in employee rates target: the source
// asked for ("sumber": supervisor or peer), else supervisor when the store
// allows it, else peer. It answers not found when neither is allowed, so
// that the page does not reveal who exists.
func (s *server) rateSource(r *http.Request, p *auth.Principal, target int64) (assess.Source, error) {
	me := p.User.EmployeeID
	if me == 0 || me == target {
		return "", errNotPermitted
	}
	want := assess.Source(r.FormValue("sumber"))
	try := []assess.Source{assess.SourceSupervisor, assess.SourcePeer}
	if want == assess.SourceSupervisor || want == assess.SourcePeer {
		try = []assess.Source{want}
	}
	for _, src := range try {
		err := s.st.CheckRating(r.Context(), &model.Rating{EmployeeID: target, RaterID: me, Source: src})
		switch apperr.Code(err) {
		case "":
			return src, nil
		case apperr.EFORBIDDEN, apperr.ENOTFOUND:
			continue
		default:
			return "", err
		}
	}
	return "", errNotPermitted
}

// assessRateForm shows the form for rating one employee (GET /penilaian/{id}).
func (s *server) assessRateForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	src, err := s.rateSource(r, p, id)
	if err != nil {
		return err
	}
	d := &rateData{Source: src}
	if d.Target, err = s.st.Employee(r.Context(), id); err != nil {
		return err
	}
	if d.Fields, err = s.fieldsFor(r.Context(), id, p.User.EmployeeID, src); err != nil {
		return err
	}
	s.viewed(p, id, viewAssessment, "")
	s.renderView(w, r, http.StatusOK, "assess_rate", &view{Title: "assess.rate_title", TitleArg: d.Target.Name, Data: d})
	return nil
}

// assessRate records the ratings of one employee (POST /penilaian/{id}).
func (s *server) assessRate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	src, err := s.rateSource(r, p, id)
	if err != nil {
		return err
	}
	if err := s.saveRatings(r, p, id, src); err != nil {
		return err
	}
	http.Redirect(w, r, "/penilaian?ok=rated", http.StatusSeeOther)
	return nil
}
