package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Bulk nomination by unit administrators and operators
// (/rencana/nominasi) and the plans' roll-up per unit (/analisis/rencana).

// nominateData is what plan_nominate.html shows.
type nominateData struct {
	Year       int
	Programmes []model.Programme
	Sessions   map[int64][]model.TrainingSession
	Error      string
	Done       *store.NominationResult
	NIPs       string
	Purpose    string
}

// nominationScope is what p may nominate within: what they administer, the
// whole government for an operator.
func nominationScope(p *auth.Principal) model.Scope {
	if p.User.HasGrant(model.GrantOperator) {
		return model.Scope{All: true}
	}
	return p.Admin
}

// nominateForm shows the form (GET /rencana/nominasi).
func (s *server) nominateForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderNominate(w, r, http.StatusOK, &nominateData{})
}

func (s *server) renderNominate(w http.ResponseWriter, r *http.Request, status int, d *nominateData) error {
	if _, err := s.user(r); err != nil {
		return err
	}
	if d.Year == 0 {
		d.Year, _ = s.planYear(r)
	}
	var err error
	if d.Programmes, d.Sessions, err = s.st.PlanProgrammes(r.Context()); err != nil {
		return err
	}
	s.render(w, r, status, "plan_nominate", "nominate.title", d)
	return nil
}

// nominate adds the programme to the plans of the employees named by NIP,
// one per line (POST /rencana/nominasi).
func (s *server) nominate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	d := &nominateData{NIPs: f.Text("nips"), Purpose: f.Text("purpose")}
	d.Year, _ = s.planYear(r)
	n := store.Nomination{Year: d.Year, Purpose: d.Purpose}
	n.ProgrammeID = f.Int64("programme", "err.catalogue.programme_required")
	if f.Text("session") != "" {
		n.SessionID = f.Int64("session", "err.plan.session_not_found", 0)
	}
	nips := strings.Fields(strings.NewReplacer(",", " ", ";", " ").Replace(d.NIPs))
	err = f.Err()
	if err == nil && strings.TrimSpace(d.Purpose) == "" {
		err = apperr.Invalid("purpose", "err.plan.purpose_required")
	}
	if err == nil && len(nips) == 0 {
		err = apperr.Invalid("nips", "err.plan.nominees_required")
	}
	if err == nil {
		refs, rerr := s.st.EmployeeRefsByNIP(r.Context(), nips)
		if rerr != nil {
			return rerr
		}
		for _, nip := range nips {
			ref, ok := refs[nip]
			if !ok {
				err = apperr.New(apperr.EINVALID, "err.plan.nip_unknown", nip)
				break
			}
			n.Employees = append(n.Employees, ref.ID)
		}
	}
	var res store.NominationResult
	if err == nil {
		res, err = s.st.Nominate(r.Context(), actor(p), nominationScope(p), n)
	}
	if apperr.Code(err) == apperr.ENOTFOUND {
		err = apperr.New(apperr.EINVALID, "err.plan.nominee_outside_nip")
	}
	if bad := inputError(r, err); bad != "" {
		d.Error = bad
		return s.renderNominate(w, r, http.StatusUnprocessableEntity, d)
	}
	if err != nil {
		return err
	}
	d.Done, d.NIPs, d.Purpose = &res, "", ""
	return s.renderNominate(w, r, http.StatusOK, d)
}

// rollupData is what plan_rollup.html shows.
type rollupData struct {
	R     *store.PlanRollup
	Years []int
}

// planRollup shows what the plans of a unit's subtree add up to (GET
// /analisis/rencana?unit=&tahun=); the unit must lie in what p reads,
// the top of it by default.
func (s *server) planRollup(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	if unitID == 0 {
		if unitID, err = s.st.ScopeTopUnit(r.Context(), p.Scope); err != nil {
			return err
		}
	}
	u, err := s.st.Unit(r.Context(), unitID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !p.Scope.Contains(u.Path)) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	year, this := s.planYear(r)
	roll, err := s.st.PlanRollup(r.Context(), unitID, year)
	if err != nil {
		return err
	}
	s.renderView(w, r, http.StatusOK, "plan_rollup", &view{Title: "rollup.title", TitleArg: fmt.Sprintf("%s %d", u.Name, year),
		Data: &rollupData{R: roll, Years: []int{this - 1, this, this + 1}}})
	return nil
}
