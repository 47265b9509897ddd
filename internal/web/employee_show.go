package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// profileData is an employee's profile page.
type profileData struct {
	E              *store.EmployeeView
	Crumbs         []crumb
	UnitLink       bool
	SupervisorLink bool
	History        []model.HistoryEntry
	Account        *model.User
	CanEdit        bool // WriteEmployees and in the admin's scope
	CanManage      bool // ManageAccounts, in the admin's scope, and the account manageable
	NewPassword    string
	Notice         string           // catalogue key of a message after an action
	Competency     *competencyView  // the "Kompetensi" section
	Discipline     *disciplineView  // the "Hukuman disiplin" section (nil: not shown)
	Performance    *performanceView // the "Kinerja (SKP)" section (nil: not shown)
	Target         *targetView      // the "Jabatan target" section
	Education      *educationView   // the "Riwayat pendidikan" section
	Agreement      *agreementView   // the "Perjanjian kerja" section (PPPK only)
}

// employeeShow shows one employee (GET /pegawai/{id}).
func (s *server) employeeShow(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	d, err := s.profile(r, p, id)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("ok") {
	case "saved":
		d.Notice = "profile.saved"
	case "created":
		d.Notice = "profile.created"
	case "penalty_added":
		d.Notice = "discipline.added"
	case "penalty_revoked":
		d.Notice = "discipline.revoked"
	case "performance_set":
		d.Notice = "performance.saved"
	case "target_set":
		d.Notice = "notice.target_set"
	case "target_cleared":
		d.Notice = "notice.target_cleared"
	case "agreement_set":
		d.Notice = "agreement.saved"
	}
	s.viewed(p, id, viewProfile, profileSections(d))
	s.renderProfile(w, r, http.StatusOK, d)
	return nil
}

// renderProfile writes the profile page with the person's name in the title.
func (s *server) renderProfile(w http.ResponseWriter, r *http.Request, status int, d *profileData) {
	v := &view{Title: "profile.title", TitleArg: d.E.Name, Data: d}
	s.renderView(w, r, status, "profile", v)
}

// profile gathers everything the profile page shows, after checking that
// the employee is in p's scope.
func (s *server) profile(r *http.Request, p *auth.Principal, id int64) (*profileData, error) {
	ctx := r.Context()
	e, err := s.employeeInScope(ctx, p.Scope, id)
	if err != nil {
		return nil, err
	}
	d := &profileData{E: e}
	unit, err := s.st.Unit(ctx, e.UnitID)
	if err != nil {
		return nil, err
	}
	d.UnitLink = unitVisible(p, unit)
	anc, err := s.st.Ancestors(ctx, e.UnitID)
	if err != nil {
		return nil, err
	}
	for _, a := range anc {
		d.Crumbs = append(d.Crumbs, crumb{ID: a.ID, Name: a.Name, Link: unitVisible(p, &a)})
	}
	if e.SupervisorID != 0 {
		vis, err := s.st.EmployeesInScope(ctx, p.Scope, []int64{e.SupervisorID})
		if err != nil {
			return nil, err
		}
		d.SupervisorLink = vis[e.SupervisorID]
	}
	if d.History, err = s.st.History(ctx, id); err != nil {
		return nil, err
	}
	inAdmin := false
	if p.Can(policy.EmployeeWrite) || p.Can(policy.AccountManage) {
		if inAdmin, err = s.st.InScope(ctx, adminScope(p), id); err != nil {
			return nil, err
		}
	}
	d.CanEdit = inAdmin && p.Can(policy.EmployeeWrite)
	d.CanManage = inAdmin && p.Can(policy.AccountManage)
	if d.Competency, err = s.competencyView(ctx, langOf(r), id); err != nil {
		return nil, err
	}
	if d.Education, err = s.educationFor(ctx, langOf(r), e); err != nil {
		return nil, err
	}
	if d.Discipline, err = s.disciplineFor(r, p, id, d.CanEdit); err != nil {
		return nil, err
	}
	if d.Performance, err = s.performanceFor(r, p, id, d.CanEdit); err != nil {
		return nil, err
	}
	if d.Target, err = s.targetFor(r, id, d.CanEdit); err != nil {
		return nil, err
	}
	if d.Agreement, err = s.agreementFor(r, e, d.CanEdit); err != nil {
		return nil, err
	}
	if d.CanManage || p.User.EmployeeID == id {
		acc, err := s.st.UserByEmployee(ctx, id)
		if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
			return nil, err
		}
		d.Account = acc
		if acc != nil && d.CanManage {
			// The account itself may be beyond the admin (an admin of
			// another unit, a higher role).
			if d.CanManage, err = s.canManage(ctx, p, acc); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}
