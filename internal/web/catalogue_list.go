package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// The catalogue (/katalog): development programmes of the city's partners
// and their sessions. Everyone reads it (policy.CatalogueRead), except that
// a provider account (penyelenggara) sees only its own partner's records:
// its lists are filtered by its partner and another partner's record
// answers "not found". BKPSDM and operators write every programme, a
// provider account its own partner's (policy.CatalogueManage).

// ownPartner is the partner a provider account is bound to, 0 for every
// other account: lists of such an account are filtered by it.
func ownPartner(p *auth.Principal) int64 { return p.User.ProviderID }

// catalogueRow is a programme of the list with its next session.
type catalogueRow struct {
	model.Programme
	Next *model.TrainingSession
}

// catalogueListData is the page /katalog.
type catalogueListData struct {
	Q, Form, Provider, Competency string
	Rows                          []catalogueRow
	Forms                         []model.DevFormInfo
	Providers                     []model.Provider
	Comps                         []model.StandardItem
	CanCreate, CanImport          bool
	Own                           bool // a provider account: the partner filter is fixed
}

// catalogueToday is today in the city, as the catalogue's ISO dates compare.
func (s *server) catalogueToday() string { return model.CycleToday(s.st.Now()) }

// catalogueList shows the programmes with filters (GET /katalog).
func (s *server) catalogueList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := &catalogueListData{Q: strings.TrimSpace(q.Get("q")), Form: q.Get("bentuk"), Provider: q.Get("mitra"), Competency: q.Get("kompetensi"),
		Forms: model.DevForms, CanCreate: policy.Allowed(p, policy.CatalogueManage), CanImport: policy.Allowed(p, policy.ProviderManage)}
	f := store.ProgrammeFilter{Query: d.Q, Form: model.DevForm(d.Form)}
	f.ProviderID, _ = strconv.ParseInt(d.Provider, 10, 64)
	f.CompetencyID, _ = strconv.ParseInt(d.Competency, 10, 64)
	if own := ownPartner(p); own != 0 {
		f.ProviderID, d.Own = own, true
	}
	// Who does not manage programmes sees those still offered.
	f.ActiveOnly = !d.CanCreate
	ctx := r.Context()
	progs, err := s.st.Programmes(ctx, f)
	if err != nil {
		return err
	}
	next, err := s.nextSessions(ctx, ownPartner(p))
	if err != nil {
		return err
	}
	for _, pr := range progs {
		d.Rows = append(d.Rows, catalogueRow{Programme: pr, Next: next[pr.ID]})
	}
	if !d.Own {
		if d.Providers, err = s.st.Providers(ctx); err != nil {
			return err
		}
	}
	if d.Comps, err = s.st.CompetencyChoices(ctx); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "catalogue", "catalogue.title", d)
	return nil
}

// nextSessions maps each programme to its first scheduled session that has
// not ended (of one partner when provider is not 0).
func (s *server) nextSessions(ctx context.Context, provider int64) (map[int64]*model.TrainingSession, error) {
	list, err := s.st.TrainingSessions(ctx, store.SessionFilter{From: s.catalogueToday(), ProviderID: provider, Limit: 2000})
	if err != nil {
		return nil, err
	}
	out := map[int64]*model.TrainingSession{}
	for i := range list {
		t := &list[i]
		if t.Status == model.SessionScheduled && out[t.ProgrammeID] == nil {
			out[t.ProgrammeID] = t
		}
	}
	return out, nil
}

// programmeFor loads programme id when p may take action a on it; "not found"
// otherwise, as for one that does not exist.
func (s *server) programmeFor(r *http.Request, p *auth.Principal, id int64, a policy.Action) (*model.Programme, error) {
	pr, err := s.st.Programme(r.Context(), id)
	if err != nil {
		return nil, hideMissing(err)
	}
	if !policy.May(p, a, policy.Target{ProviderID: pr.ProviderID}) {
		return nil, errNotPermitted
	}
	return pr, nil
}

// sessionView is a session with what its page and rows show.
type sessionView struct {
	model.TrainingSession
	Left     int
	EnrolNow bool // the enrolment window is open today
}

func viewSession(t model.TrainingSession, today string) sessionView {
	open := t.Status == model.SessionScheduled && (t.EnrolFrom == "" || t.EnrolFrom <= today) &&
		(t.EnrolUntil == "" || today <= t.EnrolUntil) && today <= t.EndDate
	return sessionView{TrainingSession: t, Left: max(t.Capacity-t.Enrolled, 0), EnrolNow: open}
}

// programmeShowData is the page /katalog/{id}.
type programmeShowData struct {
	P         *model.Programme
	Partner   *model.Provider
	MoU       mouState
	Sessions  []sessionView
	CanManage bool
	Notice    string
	// CanPropose: the reader has an employee record and may propose for
	// their own plan; the form posts to /rencana for PlanYear.
	CanPropose bool
	PlanYear   int
}

// programmeShow shows a programme, its partner and its sessions (GET
// /katalog/{id}).
func (s *server) programmeShow(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	pr, err := s.programmeFor(r, p, id, policy.CatalogueRead)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d := programmeShowData{P: pr, CanManage: policy.May(p, policy.CatalogueManage, policy.Target{ProviderID: pr.ProviderID})}
	if d.Partner, err = s.st.Provider(ctx, pr.ProviderID); err != nil {
		return err
	}
	today := s.catalogueToday()
	d.MoU = mouOf(d.Partner, today)
	list, err := s.st.TrainingSessions(ctx, store.SessionFilter{ProgrammeID: pr.ID})
	if err != nil {
		return err
	}
	for _, t := range list {
		d.Sessions = append(d.Sessions, viewSession(t, today))
	}
	d.Notice = okNotice(r, "catalogue.created", "catalogue.saved")
	if me := p.User.EmployeeID; me != 0 && pr.Active && policy.May(p, policy.PlanPropose, policy.Target{EmployeeID: me}) {
		d.CanPropose = true
		d.PlanYear, _ = s.planYear(r)
	}
	s.renderView(w, r, http.StatusOK, "catalogue_show", &view{Title: "catalogue.programme", TitleArg: pr.Title, Data: d})
	return nil
}

// okNotice is the notice key for ?ok=created|saved after a form.
func okNotice(r *http.Request, created, saved string) string {
	switch r.URL.Query().Get("ok") {
	case "created":
		return created
	case "saved":
		return saved
	}
	return ""
}

// hideMissing answers a record that does not exist as one the user may
// not see: the same page for both.
func hideMissing(err error) error {
	if apperr.Code(err) == apperr.ENOTFOUND {
		return errNotPermitted
	}
	return err
}

// Rating is the partner's rating as shown ("4,2").
func (d programmeShowData) Rating(lang i18n.Lang) string { return ratingText(lang, d.Partner.Rating) }
