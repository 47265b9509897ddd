package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// The catalogue as JSON (partners, programmes, sessions), over
// store/provider.go, programme.go and training_session.go with the rules of
// the /katalog, /angkatan and /mitra pages: everyone reads the catalogue
// (policy.CatalogueRead) except that a provider account reaches only its
// own partner's records, another's answering 404 as a missing one; BKPSDM
// and operators write partners (policy.ProviderManage) and every programme
// and session, a provider account its own partner's (policy.CatalogueManage).

// providerJSON is a partner, in and out. Rating is in tenths (0–50).
type providerJSON struct {
	ID            int64     `json:"id"`
	Name          string    `json:"name"`
	Kind          string    `json:"kind"`
	ContactName   string    `json:"contact_name"`
	Email         string    `json:"email"`
	Phone         string    `json:"phone"`
	Address       string    `json:"address"`
	Website       string    `json:"website"`
	Accreditation string    `json:"accreditation"`
	MoUNo         string    `json:"mou_no"`
	MoUFrom       string    `json:"mou_from"`
	MoUUntil      string    `json:"mou_until"`
	PriceBasis    string    `json:"price_basis"`
	Price         int64     `json:"price"`
	Rating        int       `json:"rating"`
	Active        bool      `json:"active"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

func toProviderJSON(v *model.Provider) providerJSON {
	return providerJSON{ID: v.ID, Name: v.Name, Kind: string(v.Kind), ContactName: v.ContactName, Email: v.Email, Phone: v.Phone,
		Address: v.Address, Website: v.Website, Accreditation: v.Accreditation, MoUNo: v.MoUNo, MoUFrom: v.MoUFrom, MoUUntil: v.MoUUntil,
		PriceBasis: v.PriceBasis, Price: v.Price, Rating: v.Rating, Active: v.Active, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt}
}

func (j providerJSON) model(id int64) model.Provider {
	return model.Provider{ID: id, Name: j.Name, Kind: model.ProviderKind(j.Kind), ContactName: j.ContactName, Email: j.Email, Phone: j.Phone,
		Address: j.Address, Website: j.Website, Accreditation: j.Accreditation, MoUNo: j.MoUNo, MoUFrom: j.MoUFrom, MoUUntil: j.MoUUntil,
		PriceBasis: j.PriceBasis, Price: j.Price, Rating: j.Rating, Active: j.Active}
}

// programmeCompetencyJSON is a competency a programme develops.
type programmeCompetencyJSON struct {
	CompetencyID int64  `json:"competency_id"`
	Code         string `json:"code"`
	Name         string `json:"name"`
	Level        int    `json:"level"`
}

// programmeJSON is a programme, in and out; cost is rupiah per participant.
type programmeJSON struct {
	ID            int64                     `json:"id"`
	Code          string                    `json:"code"`
	Title         string                    `json:"title"`
	Description   string                    `json:"description"`
	Form          string                    `json:"form"`
	Model         string                    `json:"model"`
	Delivery      string                    `json:"delivery"`
	JP            int                       `json:"jp"`
	Cost          int64                     `json:"cost"`
	Capacity      int                       `json:"capacity"`
	Prerequisites string                    `json:"prerequisites"`
	ProviderID    int64                     `json:"provider_id"`
	ProviderName  string                    `json:"provider_name"`
	Active        bool                      `json:"active"`
	Competencies  []programmeCompetencyJSON `json:"competencies"`
	CreatedAt     time.Time                 `json:"created_at"`
	UpdatedAt     time.Time                 `json:"updated_at"`
}

func toProgrammeJSON(p *model.Programme) programmeJSON {
	out := programmeJSON{ID: p.ID, Code: p.Code, Title: p.Title, Description: p.Description, Form: string(p.Form), Model: string(p.Model),
		Delivery: string(p.Delivery), JP: p.JP, Cost: p.Cost, Capacity: p.Capacity, Prerequisites: p.Prerequisites, ProviderID: p.ProviderID,
		ProviderName: p.ProviderName, Active: p.Active, Competencies: []programmeCompetencyJSON{}, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	for _, c := range p.Competencies {
		out.Competencies = append(out.Competencies, programmeCompetencyJSON(c))
	}
	return out
}

func (j programmeJSON) model(id int64) model.Programme {
	p := model.Programme{ID: id, Code: j.Code, Title: j.Title, Description: j.Description, Form: model.DevForm(j.Form),
		Model: model.LearningModel(j.Model), Delivery: model.Delivery(j.Delivery), JP: j.JP, Cost: j.Cost, Capacity: j.Capacity,
		Prerequisites: j.Prerequisites, ProviderID: j.ProviderID, Active: j.Active}
	for _, c := range j.Competencies {
		p.Competencies = append(p.Competencies, model.ProgrammeCompetency{CompetencyID: c.CompetencyID, Level: c.Level})
	}
	return p
}

// instructorJSON is an instructor of a session; user_id is their account
// (0: a name only).
type instructorJSON struct {
	Name   string `json:"name"`
	UserID int64  `json:"user_id"`
}

// sessionJSON is a session, in and out; enrolled is read only.
type sessionJSON struct {
	ID             int64            `json:"id"`
	ProgrammeID    int64            `json:"programme_id"`
	ProgrammeTitle string           `json:"programme_title"`
	ProviderID     int64            `json:"provider_id"`
	Name           string           `json:"name"`
	StartDate      string           `json:"start_date"`
	EndDate        string           `json:"end_date"`
	StartTime      string           `json:"start_time"`
	EndTime        string           `json:"end_time"`
	Place          string           `json:"place"`
	OnlineURL      string           `json:"online_url"`
	Capacity       int              `json:"capacity"`
	Enrolled       int              `json:"enrolled"`
	EnrolFrom      string           `json:"enrol_from"`
	EnrolUntil     string           `json:"enrol_until"`
	MinAttendance  int              `json:"min_attendance"`
	Status         string           `json:"status"`
	JP             int              `json:"jp"`
	Instructors    []instructorJSON `json:"instructors"`
}

func toSessionJSON(t *model.TrainingSession) sessionJSON {
	out := sessionJSON{ID: t.ID, ProgrammeID: t.ProgrammeID, ProgrammeTitle: t.ProgrammeTitle, ProviderID: t.ProviderID, Name: t.Name,
		StartDate: t.StartDate, EndDate: t.EndDate, StartTime: t.StartTime, EndTime: t.EndTime, Place: t.Place, OnlineURL: t.OnlineURL,
		Capacity: t.Capacity, Enrolled: t.Enrolled, EnrolFrom: t.EnrolFrom, EnrolUntil: t.EnrolUntil, MinAttendance: t.MinAttendance,
		Status: t.Status, JP: t.JP, Instructors: []instructorJSON{}}
	for _, i := range t.Instructors {
		out.Instructors = append(out.Instructors, instructorJSON(i))
	}
	return out
}

func (j sessionJSON) model(id, programme int64) model.TrainingSession {
	t := model.TrainingSession{ID: id, ProgrammeID: programme, Name: j.Name, StartDate: j.StartDate, EndDate: j.EndDate,
		StartTime: j.StartTime, EndTime: j.EndTime, Place: j.Place, OnlineURL: j.OnlineURL, Capacity: j.Capacity, EnrolFrom: j.EnrolFrom,
		EnrolUntil: j.EnrolUntil, MinAttendance: j.MinAttendance, Status: j.Status}
	for _, i := range j.Instructors {
		t.Instructors = append(t.Instructors, model.Instructor(i))
	}
	return t
}

// errCatalogueHidden answers a record that does not exist or that the
// caller may not reach, alike.
var errCatalogueHidden = apperr.New(apperr.ENOTFOUND, "err.common.not_found_or_not_allowed")

// catalogueMissing is errCatalogueHidden for a record that does not exist.
func catalogueMissing(err error) error {
	if apperr.Code(err) == apperr.ENOTFOUND {
		return errCatalogueHidden
	}
	return err
}

// providerFor loads partner {id} when p may take action act on it.
func (a *API) providerFor(r *http.Request, p *auth.Principal, act policy.Action) (*model.Provider, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	v, err := a.st.Provider(r.Context(), id)
	if err != nil {
		return nil, catalogueMissing(err)
	}
	if !policy.May(p, act, policy.Target{ProviderID: v.ID}) {
		return nil, errCatalogueHidden
	}
	return v, nil
}

// programmeFor loads programme {id} when p may take action act on it.
func (a *API) programmeFor(r *http.Request, p *auth.Principal, act policy.Action) (*model.Programme, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	pr, err := a.st.Programme(r.Context(), id)
	if err != nil {
		return nil, catalogueMissing(err)
	}
	if !policy.May(p, act, policy.Target{ProviderID: pr.ProviderID}) {
		return nil, errCatalogueHidden
	}
	return pr, nil
}

// sessionFor loads session {id} when p may take action act on it.
func (a *API) sessionFor(r *http.Request, p *auth.Principal, act policy.Action) (*model.TrainingSession, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	t, err := a.st.TrainingSession(r.Context(), id)
	if err != nil {
		return nil, catalogueMissing(err)
	}
	if !policy.May(p, act, policy.Target{ProviderID: t.ProviderID}) {
		return nil, errCatalogueHidden
	}
	return t, nil
}

// listProviders answers GET /providers.
func (a *API) listProviders(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	all, err := a.st.Providers(r.Context())
	if err != nil {
		return err
	}
	items := []providerJSON{}
	for i := range all {
		if policy.May(p, policy.CatalogueRead, policy.Target{ProviderID: all[i].ID}) {
			items = append(items, toProviderJSON(&all[i]))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}

// createProvider answers POST /providers.
func (a *API) createProvider(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in providerJSON
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	v := in.model(0)
	if err := a.st.CreateProvider(r.Context(), actor(p), &v); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, toProviderJSON(&v))
	return nil
}

// getProvider answers GET /providers/{id}.
func (a *API) getProvider(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := a.providerFor(r, p, policy.CatalogueRead)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toProviderJSON(v))
	return nil
}

// updateProvider answers PUT /providers/{id}: the whole partner.
func (a *API) updateProvider(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	old, err := a.providerFor(r, p, policy.ProviderManage)
	if err != nil {
		return err
	}
	var in providerJSON
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	v := in.model(old.ID)
	if err := a.st.UpdateProvider(r.Context(), actor(p), &v); err != nil {
		return err
	}
	got, err := a.st.Provider(r.Context(), v.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toProviderJSON(got))
	return nil
}

// listProgrammes answers GET /programmes?q=&form=&provider_id=&competency_id=&offset=&limit=.
func (a *API) listProgrammes(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := store.ProgrammeFilter{Query: strings.TrimSpace(q.Get("q")), Form: model.DevForm(q.Get("form"))}
	var err error
	var off, lim, prov, comp int64
	for _, x := range []struct {
		name string
		to   *int64
	}{{"offset", &off}, {"limit", &lim}, {"provider_id", &prov}, {"competency_id", &comp}} {
		if *x.to, err = queryInt(r, x.name); err != nil {
			return err
		}
	}
	f.Offset, f.Limit, f.ProviderID, f.CompetencyID = int(min(off, 1<<31)), int(min(max(lim, 1), 200)), prov, comp
	if lim == 0 {
		f.Limit = 100
	}
	if own := p.User.ProviderID; own != 0 {
		f.ProviderID = own
	}
	list, err := a.st.Programmes(r.Context(), f)
	if err != nil {
		return err
	}
	items := []programmeJSON{}
	for i := range list {
		items = append(items, toProgrammeJSON(&list[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}

// refValue turns a reference of a body that does not exist (a partner, a
// competency, an instructor's account: the store's "not found") into a 422
// on field, since the URL named a record that exists.
func refValue(err error, field string) error {
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code == apperr.ENOTFOUND {
		return apperr.Invalid(field, ae.Key, ae.Args...)
	}
	return err
}

// programmeIn reads the body's programme and checks that p may manage the programme's partner (a
// provider account's programme always belongs to its own partner).
func (a *API) programmeIn(w http.ResponseWriter, r *http.Request, p *auth.Principal, id int64) (model.Programme, error) {
	var in programmeJSON
	if err := decodeJSON(w, r, &in); err != nil {
		return model.Programme{}, err
	}
	pr := in.model(id)
	if own := p.User.ProviderID; own != 0 {
		pr.ProviderID = own
	}
	if err := pr.Validate(); err != nil {
		return pr, err
	}
	if _, err := a.st.Provider(r.Context(), pr.ProviderID); err != nil {
		return pr, refValue(err, "provider_id")
	}
	if !policy.May(p, policy.CatalogueManage, policy.Target{ProviderID: pr.ProviderID}) {
		return pr, apperr.Invalid("provider_id", "err.catalogue.provider_not_found", pr.ProviderID)
	}
	return pr, nil
}

// createProgramme answers POST /programmes.
func (a *API) createProgramme(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := a.programmeIn(w, r, p, 0)
	if err != nil {
		return err
	}
	if err := a.st.CreateProgramme(r.Context(), actor(p), &pr); err != nil {
		return refValue(err, "competencies")
	}
	return a.writeProgramme(w, r, http.StatusCreated, pr.ID)
}

func (a *API) writeProgramme(w http.ResponseWriter, r *http.Request, status int, id int64) error {
	got, err := a.st.Programme(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, status, toProgrammeJSON(got))
	return nil
}

// getProgramme answers GET /programmes/{id}.
func (a *API) getProgramme(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := a.programmeFor(r, p, policy.CatalogueRead)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toProgrammeJSON(pr))
	return nil
}

// updateProgramme answers PUT /programmes/{id}: the whole programme.
func (a *API) updateProgramme(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	old, err := a.programmeFor(r, p, policy.CatalogueManage)
	if err != nil {
		return err
	}
	pr, err := a.programmeIn(w, r, p, old.ID)
	if err != nil {
		return err
	}
	if err := a.st.UpdateProgramme(r.Context(), actor(p), &pr); err != nil {
		return refValue(err, "competencies")
	}
	return a.writeProgramme(w, r, http.StatusOK, pr.ID)
}

func writeSessions(w http.ResponseWriter, list []model.TrainingSession) {
	items := []sessionJSON{}
	for i := range list {
		items = append(items, toSessionJSON(&list[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// programmeSessions answers GET /programmes/{id}/sessions.
func (a *API) programmeSessions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := a.programmeFor(r, p, policy.CatalogueRead)
	if err != nil {
		return err
	}
	list, err := a.st.TrainingSessions(r.Context(), store.SessionFilter{ProgrammeID: pr.ID})
	if err != nil {
		return err
	}
	writeSessions(w, list)
	return nil
}

// createSession answers POST /programmes/{id}/sessions.
func (a *API) createSession(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := a.programmeFor(r, p, policy.CatalogueManage)
	if err != nil {
		return err
	}
	var in sessionJSON
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	t := in.model(0, pr.ID)
	if err := a.st.CreateSession(r.Context(), actor(p), &t); err != nil {
		return refValue(err, "instructors")
	}
	return a.writeSession(w, r, http.StatusCreated, t.ID)
}

func (a *API) writeSession(w http.ResponseWriter, r *http.Request, status int, id int64) error {
	got, err := a.st.TrainingSession(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, status, toSessionJSON(got))
	return nil
}

// listSessions answers GET /sessions?from=&to= (ISO days; sessions with a
// day in the range).
func (a *API) listSessions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := store.SessionFilter{From: q.Get("from"), To: q.Get("to"), ProviderID: p.User.ProviderID}
	for name, v := range map[string]string{"from": f.From, "to": f.To} {
		if _, err := time.Parse(time.DateOnly, v); v != "" && err != nil {
			return apperr.Invalid(name, "err.catalogue.date", v)
		}
	}
	list, err := a.st.TrainingSessions(r.Context(), f)
	if err != nil {
		return err
	}
	writeSessions(w, list)
	return nil
}

// getSession answers GET /sessions/{id}.
func (a *API) getSession(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := a.sessionFor(r, p, policy.CatalogueRead)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toSessionJSON(t))
	return nil
}

// updateSession answers PUT /sessions/{id}: the whole session (its
// programme and seats taken stay).
func (a *API) updateSession(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	old, err := a.sessionFor(r, p, policy.CatalogueManage)
	if err != nil {
		return err
	}
	var in sessionJSON
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	t := in.model(old.ID, old.ProgrammeID)
	if err := a.st.UpdateSession(r.Context(), actor(p), &t); err != nil {
		return refValue(err, "instructors")
	}
	return a.writeSession(w, r, http.StatusOK, t.ID)
}
