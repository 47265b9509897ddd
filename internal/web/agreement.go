package web

import (
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// The PPPK work agreement on the profile (issue 13): its start and end
// bound the agreement year of the PPPK's 24 JP ceiling. Shown for PPPK
// only; recorded by whoever may edit the employee.

// agreementView is the profile's "Perjanjian kerja" section.
type agreementView struct {
	Lang       i18n.Lang
	EmployeeID int64
	Agreement  model.PPPKAgreement
	Recorded   bool
	CanWrite   bool
}

// agreementFor builds the section for a PPPK (nil for a PNS).
func (s *server) agreementFor(r *http.Request, e *store.EmployeeView, canWrite bool) (*agreementView, error) {
	if e.Kind != model.PPPK {
		return nil, nil
	}
	ag, ok, err := s.st.Agreement(r.Context(), e.ID)
	if err != nil {
		return nil, err
	}
	return &agreementView{Lang: langOf(r), EmployeeID: e.ID, Agreement: ag, Recorded: ok, CanWrite: canWrite}, nil
}

// agreementSave records a PPPK's work agreement from the profile (POST
// /pegawai/{id}/perjanjian: mulai, akhir), for an admin of their unit.
func (s *server) agreementSave(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	e, err := s.employeeInScope(r.Context(), adminScope(p), id)
	if err != nil {
		return err
	}
	u, err := s.st.Unit(r.Context(), e.UnitID)
	if err != nil {
		return err
	}
	if !policy.May(p, policy.EmployeeWrite, policy.Target{UnitPath: u.Path, EmployeeID: id, SupervisorID: e.SupervisorID}) {
		return policy.ErrAboutSelf
	}
	f := newForm(r)
	if err := s.st.SetAgreement(r.Context(), actor(p), model.PPPKAgreement{EmployeeID: id, Start: f.Text("mulai"), End: f.Text("akhir")}); err != nil {
		return err
	}
	http.Redirect(w, r, "/pegawai/"+strconv.FormatInt(id, 10)+"?ok=agreement_set#agreement", http.StatusSeeOther)
	return nil
}
