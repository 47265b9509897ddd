package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/policy"
)

// handleEmployeeSub registers METHOD /employees/{id}/<sub>. The router cannot
// hold "/employees/{id}/competencies" beside "/employees/by-nip/{nip}"
// (neither is more specific), so the pattern registered is
// "/employees/{id}/{sub...}", once per method, and it dispatches on sub to
// the handlers registered for it, answering 404 for any other sub; each
// route is recorded under its documented path for the OpenAPI check.
func (a *API) handleEmployeeSub(rt route) {
	method, sub := rt.Method, strings.TrimPrefix(rt.Path, "/employees/{id}/")
	a.routes = append(a.routes, rt)
	if a.employeeSubs == nil {
		a.employeeSubs = map[string]map[string]route{}
	}
	subs, registered := a.employeeSubs[method]
	if !registered {
		subs = map[string]route{}
		a.employeeSubs[method] = subs
	}
	subs[sub] = rt
	if registered {
		return
	}
	a.mux.HandleFunc(method+" "+Prefix+"/employees/{id}/{sub...}", func(w http.ResponseWriter, r *http.Request) {
		rt, ok := subs[r.PathValue("sub")]
		if !ok {
			a.noEmployeeSub(w, r)
			return
		}
		a.serve(w, r, rt)
	})
}

// noEmployeeSub answers a request for /employees/{id}/<sub> that no
// handler of its method serves: 405 with Allow when other methods serve
// the sub (as the router does for other paths), else 404.
func (a *API) noEmployeeSub(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST", "PUT", "DELETE"} {
		if _, ok := a.employeeSubs[m][r.PathValue("sub")]; ok {
			allow = append(allow, m)
			if m == "GET" {
				allow = append(allow, "HEAD")
			}
		}
	}
	if len(allow) == 0 {
		a.writeError(w, r, apperr.New(apperr.ENOTFOUND, "err.common.no_such_api_address", r.URL.Path))
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: errorJSON{
		Code: "method_not_allowed", Message: i18n.T(langOf(r), "err.api.method_not_allowed", r.Method)}})
}

// ratingJSON is one non-peer rating of a competency.
type ratingJSON struct {
	Source  string    `json:"source"`
	Level   int       `json:"level"`
	At      time.Time `json:"at"`
	RaterID *int64    `json:"rater_id"`
}

// peersJSON is the anonymous peer aggregate.
type peersJSON struct {
	Count int `json:"count"`
	Mean  int `json:"mean"`
}

// competencyItemJSON is one competency of the employee's standard.
type competencyItemJSON struct {
	CompetencyID int64        `json:"competency_id"`
	Code         string       `json:"code"`
	Name         string       `json:"name"`
	Required     int          `json:"required"`
	Actual       int          `json:"actual"`
	Gap          int          `json:"gap"`
	Assessed     bool         `json:"assessed"`
	Mandatory    bool         `json:"mandatory"`
	Conflict     bool         `json:"conflict"`
	Decided      string       `json:"decided"`
	Explain      []string     `json:"explain"`
	Ratings      []ratingJSON `json:"ratings"`
	Peers        *peersJSON   `json:"peers"`
}

// jpmJSON is the Job Person Match with both category scales.
type jpmJSON struct {
	Raw          *float64 `json:"raw"`    // null when nothing is assessed
	Capped       *float64 `json:"capped"` // null when nothing is assessed
	Provisional  bool     `json:"provisional"`
	SumRequired  int      `json:"sum_required"`
	SumActual    int      `json:"sum_actual"`
	SumCapped    int      `json:"sum_capped"`
	Mapping      string   `json:"mapping"`
	MappingLabel string   `json:"mapping_label"`
	Filling      string   `json:"filling"`
	FillingLabel string   `json:"filling_label"`
	Assessed     int      `json:"assessed"`
	Total        int      `json:"total"`
	Complete     bool     `json:"complete"`
	Explain      []string `json:"explain"`
}

// competenciesJSON answers GET /employees/{id}/competencies.
type competenciesJSON struct {
	EmployeeID int64                `json:"employee_id"`
	PositionID *int64               `json:"position_id"`
	StandardID *int64               `json:"standard_id"`
	DecreeNo   string               `json:"decree_no"`
	Items      []competencyItemJSON `json:"items"`
	JPM        *jpmJSON             `json:"jpm"`
}

// toJPMJSON maps a JPM result: no percentage when nothing is assessed
// (not assessed is not 0 %), provisional and without a category while the
// assessment is incomplete.
func toJPMJSON(res gap.Result, lang string) *jpmJSON {
	j := &jpmJSON{SumRequired: res.SumRequired, Provisional: res.Provisional(),
		SumActual: res.SumActual, SumCapped: res.SumCapped, Mapping: res.Mapping.String(), MappingLabel: res.Mapping.Label(),
		Filling: res.Filling.String(), FillingLabel: res.Filling.Label(), Assessed: res.Assessed, Total: res.Total,
		Complete: res.Complete, Explain: gap.Explain(res, lang)}
	if res.Assessed > 0 {
		raw, capped := pct(res.JPMRaw), pct(res.JPMCapped)
		j.Raw, j.Capped = &raw, &capped
	}
	if res.NotAssessed() {
		j.MappingLabel = i18n.T(i18n.Lang(lang), "jpm.not_assessed")
		j.FillingLabel = j.MappingLabel
	}
	return j
}

// pct turns hundredths of a percent into a JSON number (87.5).
func pct(f gap.Fixed) float64 { return float64(f) / 100 }

func (a *API) employeeCompetencies(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.visibleEmployee(r.Context(), p, id); err != nil {
		return err
	}
	ec, err := a.st.EmployeeCompetencies(r.Context(), id)
	if err != nil {
		return err
	}
	a.viewed(p, id, "competencies")
	lang := p.User.Lang
	out := competenciesJSON{EmployeeID: id, PositionID: ptrID(ec.PositionID), StandardID: ptrID(ec.StandardID),
		DecreeNo: ec.DecreeNo, Items: []competencyItemJSON{}}
	for _, it := range ec.Items {
		j := competencyItemJSON{CompetencyID: it.CompetencyID, Code: it.Code, Name: it.Name, Required: it.Required,
			Actual: it.Actual, Gap: it.Gap, Assessed: it.Assessed, Mandatory: it.Mandatory, Conflict: it.Conflict,
			Explain: []string{}, Ratings: []ratingJSON{}}
		if it.Resolution != nil {
			j.Decided = string(it.Resolution.Decided)
			j.Explain = it.Resolution.In(model.WIB).Explain(lang) // the city's zone
		}
		for _, e := range it.Events {
			j.Ratings = append(j.Ratings, ratingJSON{Source: string(e.Source), Level: e.Level, At: e.At, RaterID: ptrID(e.RaterID)})
		}
		if it.Peers != nil {
			j.Peers = &peersJSON{Count: it.Peers.Count, Mean: it.Peers.Mean}
		}
		out.Items = append(out.Items, j)
	}
	if res := ec.Result; res.Total > 0 {
		out.JPM = toJPMJSON(res, lang)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// ratingInput is the body of POST /ratings.
type ratingInput struct {
	EmployeeID   int64  `json:"employee_id"`
	CompetencyID int64  `json:"competency_id"`
	Source       string `json:"source"`
	Level        int    `json:"level"`
	Note         string `json:"note"`
}

func (a *API) createRating(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in ratingInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	rt := &model.Rating{EmployeeID: in.EmployeeID, CompetencyID: in.CompetencyID, Source: assess.Source(in.Source),
		Level: in.Level, Note: in.Note, RaterID: p.User.EmployeeID, RaterAdmin: p.Admin}
	// Test and assessment-centre results are recorded by an administrator,
	// never about themselves (self-assessment is its own source).
	if (rt.Source == assess.SourceTest || rt.Source == assess.SourceAssessmentCentre) && policy.RecordsAboutSelf(p, rt.EmployeeID) {
		return policy.ErrAboutSelf
	}
	if err := a.st.AddRating(r.Context(), actor(p), rt); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": rt.ID, "employee_id": rt.EmployeeID,
		"competency_id": rt.CompetencyID, "source": string(rt.Source), "level": rt.Level, "at": rt.At})
	return nil
}
