package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// cycleForm is the cycle form as typed.
type cycleForm struct {
	ID                      int64
	Name, OpensOn, ClosesOn string
	Unit, UnitCode          string
	Self, Supervisor, Peer  bool
}

// cycleFormData is the create and edit page.
type cycleFormData struct {
	F      cycleForm
	New    bool
	Action string
	Units  []model.OrgUnit
	Errors map[string][]string
}

// renderCycleForm shows the create or edit form with its errors.
func (s *server) renderCycleForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, d *cycleFormData) error {
	var current *model.OrgUnit
	if id, err := strconv.ParseInt(d.F.Unit, 10, 64); err == nil && id > 0 {
		if u, err := s.st.Unit(r.Context(), id); err == nil && p.Administers(u) {
			current = u
		}
	}
	units, err := s.unitChoices(r.Context(), adminScope(p), current)
	if err != nil {
		return err
	}
	d.Units = units
	title := "cycle.new"
	if !d.New {
		title = "cycle.edit"
	}
	s.renderView(w, r, status, "cycle_form", &view{Title: title, TitleArg: d.F.Name, Data: d})
	return nil
}

// cycleNewForm shows an empty cycle form (GET /siklus/baru).
func (s *server) cycleNewForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if !p.ManagesCycles() {
		return errNotPermitted
	}
	today := s.st.Now().In(model.WIB)
	f := cycleForm{OpensOn: today.Format("2006-01-02"), ClosesOn: today.AddDate(0, 1, 0).Format("2006-01-02"), Self: true, Supervisor: true, Peer: true}
	if len(p.Admin.UnitPaths) == 1 {
		f.Unit = strconv.FormatInt(lastPathID(p.Admin.UnitPaths[0]), 10)
	}
	return s.renderCycleForm(w, r, p, http.StatusOK, &cycleFormData{F: f, New: true, Action: "/siklus/baru"})
}

// readCycleForm reads the posted form.
func readCycleForm(r *http.Request) cycleForm {
	g := newForm(r).Text
	return cycleForm{Name: g("name"), OpensOn: g("opens_on"), ClosesOn: g("closes_on"), Unit: g("scope_unit"), UnitCode: g("scope_unit_code"),
		Self: r.PostFormValue("src_self") != "", Supervisor: r.PostFormValue("src_supervisor") != "", Peer: r.PostFormValue("src_peer") != ""}
}

// parseCycle turns the form into a cycle: the scope unit typed as a code
// or picked from the select is resolved to its ID (one that cannot be is
// refused here, "cycle.err_unit"). The fields themselves are checked by
// model.Cycle.Validate, every problem beside its field; whether the unit
// lies in what p administers is the store's to check.
func (s *server) parseCycle(r *http.Request, lang i18n.Lang, f *cycleForm) (model.Cycle, map[string][]string) {
	errs := map[string][]string{}
	c := model.Cycle{ID: f.ID, Name: f.Name, OpensOn: f.OpensOn, ClosesOn: f.ClosesOn, Self: f.Self, Supervisor: f.Supervisor, Peer: f.Peer}
	var unit *model.OrgUnit
	var err error
	if f.UnitCode != "" {
		unit, err = s.st.UnitByCode(r.Context(), f.UnitCode)
	} else if id, perr := strconv.ParseInt(f.Unit, 10, 64); perr == nil && id > 0 {
		unit, err = s.st.Unit(r.Context(), id)
	}
	if unit == nil || err != nil {
		errs["scope_unit"] = append(errs["scope_unit"], i18n.T(lang, "cycle.err_unit"))
	} else {
		c.ScopeUnitID = unit.ID
		f.Unit, f.UnitCode = strconv.FormatInt(unit.ID, 10), ""
	}
	for _, e := range model.Problems(c.Validate()) {
		if len(errs[e.Field]) == 0 { // an unresolved unit is said once
			errs[e.Field] = append(errs[e.Field], e.Text(lang))
		}
	}
	return c, errs
}

// storeFieldError files the invalid-input errors of the store under their
// fields, so that the form shows each beside its field; other errors pass.
func storeFieldError(lang i18n.Lang, err error, errs map[string][]string) bool {
	if apperr.Code(err) != apperr.EINVALID {
		return false
	}
	for _, e := range model.Problems(err) {
		field := e.Field
		if field == "" {
			field = "form"
		}
		errs[field] = append(errs[field], e.Text(lang))
	}
	return true
}

// cycleCreate stores a new cycle (POST /siklus/baru).
func (s *server) cycleCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if !p.ManagesCycles() {
		return errNotPermitted
	}
	f := readCycleForm(r)
	d := &cycleFormData{F: f, New: true, Action: "/siklus/baru"}
	c, errs := s.parseCycle(r, langOf(r), &d.F)
	if len(errs) == 0 {
		err := s.st.CreateCycle(r.Context(), actor(p), &c, p.Admin)
		if err == nil {
			http.Redirect(w, r, fmt.Sprintf("/siklus/%d?ok=created", c.ID), http.StatusSeeOther)
			return nil
		}
		if !storeFieldError(langOf(r), err, errs) {
			return err
		}
	}
	d.Errors = errs
	return s.renderCycleForm(w, r, p, http.StatusBadRequest, d)
}

// editableCycle loads cycle {id} when p may edit it (administers its scope,
// not closed); not found otherwise, conflict when closed.
func (s *server) editableCycle(r *http.Request, p *auth.Principal, id int64) (*model.Cycle, error) {
	c, err := s.st.Cycle(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.AdministersCycle(p.Admin, c)) {
		return nil, errNotPermitted
	}
	if err != nil {
		return nil, err
	}
	if c.Closed() {
		return nil, apperr.New(apperr.ECONFLICT, "err.cycle.closed_unchangeable", c.Name)
	}
	return c, nil
}

// cycleEditForm shows the form of a cycle (GET /siklus/{id}/ubah).
func (s *server) cycleEditForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	c, err := s.editableCycle(r, p, id)
	if err != nil {
		return err
	}
	f := cycleForm{ID: c.ID, Name: c.Name, OpensOn: c.OpensOn, ClosesOn: c.ClosesOn, Unit: strconv.FormatInt(c.ScopeUnitID, 10),
		Self: c.Self, Supervisor: c.Supervisor, Peer: c.Peer}
	return s.renderCycleForm(w, r, p, http.StatusOK, &cycleFormData{F: f, Action: fmt.Sprintf("/siklus/%d/ubah", c.ID)})
}

// cycleUpdate saves the form of a cycle (POST /siklus/{id}/ubah).
func (s *server) cycleUpdate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.editableCycle(r, p, id); err != nil {
		return err
	}
	f := readCycleForm(r)
	f.ID = id
	d := &cycleFormData{F: f, Action: fmt.Sprintf("/siklus/%d/ubah", id)}
	c, errs := s.parseCycle(r, langOf(r), &d.F)
	if len(errs) == 0 {
		err := s.st.UpdateCycle(r.Context(), actor(p), &c, p.Admin)
		if err == nil {
			http.Redirect(w, r, fmt.Sprintf("/siklus/%d?ok=saved", id), http.StatusSeeOther)
			return nil
		}
		if !storeFieldError(langOf(r), err, errs) {
			return err
		}
	}
	d.Errors = errs
	return s.renderCycleForm(w, r, p, http.StatusBadRequest, d)
}

// cycleClose closes a cycle for good (POST /siklus/{id}/tutup).
func (s *server) cycleClose(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.editableCycle(r, p, id); err != nil {
		return err
	}
	if err := s.st.CloseCycle(r.Context(), actor(p), id, p.Admin); err != nil {
		if apperr.Code(err) == apperr.ENOTFOUND {
			err = errNotPermitted
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/siklus/%d?ok=closed", id), http.StatusSeeOther)
	return nil
}
