package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/registry"
	"github.com/kompeten/kompeten/internal/store"
)

// employeeForm is the employee form as typed: every field a string so that
// what the clerk typed comes back unchanged next to its error.
type employeeForm struct {
	ID                                      int64
	NIP, Name, GelarDepan, GelarBelakang    string
	BirthPlace, BirthDate, Gender, Kind     string
	Golongan, Unit, Position, SupervisorNIP string
	UnitCode                                string // typed unit code; overrides Unit when set
	Email, Phone, Status                    string
}

// maxPositionOptions is the largest number of positions the form offers.
const maxPositionOptions = 500

// editData is the employee form page.
type editData struct {
	F         employeeForm
	New       bool
	Action    string
	Errors    map[string][]string
	Warnings  map[string][]string
	Units     []model.OrgUnit  // the top of the admin's tree and the current unit
	Positions []model.Position // of the current unit, with the current post
	Options   filterOptions
	Genders   []model.Gender
	Kinds     []model.EmployeeKind
}

// formFrom fills the form from a stored employee.
func formFrom(e *store.EmployeeView) employeeForm {
	f := employeeForm{
		ID: e.ID, NIP: e.NIP, Name: e.Name, GelarDepan: e.GelarDepan, GelarBelakang: e.GelarBelakang,
		BirthPlace: e.BirthPlace, Gender: string(e.Gender), Kind: string(e.Kind), Golongan: e.Golongan,
		Unit: strconv.FormatInt(e.UnitID, 10), Email: e.Email, Phone: e.Phone, Status: string(e.Status),
	}
	if !e.BirthDate.IsZero() {
		f.BirthDate = e.BirthDate.Format("2006-01-02")
	}
	if e.PositionID != 0 {
		f.Position = strconv.FormatInt(e.PositionID, 10)
	}
	if e.SupervisorSet && e.SupervisorNIP != "" {
		f.SupervisorNIP = e.SupervisorNIP
	}
	return f
}

// useUnit shows the unit validation resolved (from the select or a typed
// code) as the chosen one when the form is shown again.
func (f *employeeForm) useUnit(id int64) {
	if id != 0 {
		f.Unit, f.UnitCode = strconv.FormatInt(id, 10), ""
	}
}

// readForm reads the posted form.
func readForm(r *http.Request) employeeForm {
	g := newForm(r).Text
	return employeeForm{
		NIP: g("nip"), Name: g("name"), GelarDepan: g("gelar_depan"), GelarBelakang: g("gelar_belakang"),
		BirthPlace: g("birth_place"), BirthDate: g("birth_date"), Gender: g("gender"), Kind: g("kind"),
		Golongan: g("golongan"), Unit: g("unit"), UnitCode: g("unit_code"), Position: g("position"), SupervisorNIP: g("supervisor_nip"),
		Email: g("email"), Phone: g("phone"), Status: g("status"),
	}
}

// validate turns the form into an employee, checked with
// registry.CheckEmployeePosition and against what p administers (the unit,
// chosen in the select or typed as a code, must lie there; the position
// must belong to the unit; a supervisor must be one p may name, unless it
// is kept, the explicit supervisor already stored, 0 for none). errs and
// warns are keyed by form field, in the language of the page.
func (s *server) validate(ctx context.Context, p *auth.Principal, lang i18n.Lang, f employeeForm, kept int64) (e model.Employee, errs, warns map[string][]string, err error) {
	errs, warns = map[string][]string{}, map[string][]string{}
	add := func(m map[string][]string, field, msg string) { m[field] = append(m[field], msg) }
	e = model.Employee{
		ID: f.ID, NIP: f.NIP, Name: f.Name, GelarDepan: f.GelarDepan, GelarBelakang: f.GelarBelakang,
		BirthPlace: f.BirthPlace, Gender: model.Gender(f.Gender), Kind: model.EmployeeKind(f.Kind),
		Golongan: f.Golongan, Email: f.Email, Phone: f.Phone, Status: model.Status(f.Status),
	}
	if f.BirthDate != "" {
		t, perr := date.Parse(f.BirthDate)
		if perr != nil {
			add(errs, "birth_date", i18n.T(lang, "form.bad_date"))
		}
		e.BirthDate = t
	}
	var u *model.OrgUnit
	var uerr error
	if f.UnitCode != "" {
		u, uerr = s.st.UnitByCode(ctx, f.UnitCode)
	} else if id, _ := strconv.ParseInt(f.Unit, 10, 64); id != 0 {
		u, uerr = s.st.Unit(ctx, id)
	}
	if u != nil || uerr != nil {
		switch {
		case apperr.Code(uerr) == apperr.ENOTFOUND || (uerr == nil && !p.Administers(u)):
			add(errs, "unit", i18n.T(lang, "form.unit_scope"))
		case uerr != nil:
			return e, nil, nil, uerr
		default:
			e.UnitID = u.ID
		}
	}
	var pt model.PositionType
	var jenjang, title string
	if id, _ := strconv.ParseInt(f.Position, 10, 64); id != 0 {
		pos, perr := s.st.Position(ctx, id)
		switch {
		case apperr.Code(perr) == apperr.ENOTFOUND || (perr == nil && e.UnitID != 0 && pos.UnitID != e.UnitID):
			add(errs, "position", i18n.T(lang, "form.position_unit"))
		case perr != nil:
			return e, nil, nil, perr
		default:
			e.PositionID, pt, jenjang, title = pos.ID, pos.Type, pos.Jenjang, pos.Title
		}
	}
	// The supervisor is looked up once the unit is known, and someone p
	// may not name (policy.MayNameSupervisor) is refused with the words
	// of a NIP nobody has: the form must not tell who exists outside p's
	// reach, and a named supervisor reads and rates the employee.
	if f.SupervisorNIP != "" && e.UnitID != 0 {
		sup, serr := s.st.EmployeeByNIP(ctx, nip.Normalize(f.SupervisorNIP))
		ok := false
		switch {
		case apperr.Code(serr) == apperr.ENOTFOUND:
		case serr != nil:
			return e, nil, nil, serr
		case sup.ID == f.ID:
			add(errs, "supervisor_nip", i18n.T(lang, "form.supervisor_self"))
			ok = true
		case kept != 0 && sup.ID == kept:
			// Keeping the stored supervisor names nobody new.
			e.SupervisorID, e.SupervisorSet, ok = sup.ID, true, true
		default:
			if ok, err = s.st.MayNameSupervisor(ctx, p, sup.ID, e.UnitID); err != nil {
				return e, nil, nil, err
			}
			if ok {
				e.SupervisorID, e.SupervisorSet = sup.ID, true
			}
		}
		if !ok {
			add(errs, "supervisor_nip", i18n.T(lang, "form.supervisor_out_of_reach"))
		}
	}
	set, err := s.st.Settings(ctx)
	if err != nil {
		return e, nil, nil, err
	}
	for _, pr := range registry.CheckEmployeePosition(&e, s.st.Now(), set.Retirement.Age(pt, jenjang, title), jenjang) {
		msg := pr.Text(lang)
		field := pr.Field
		if field == "" {
			field = "form"
		}
		if pr.Warning {
			add(warns, field, msg)
		} else if !(field == "unit" && len(errs["unit"]) > 0) {
			add(errs, field, msg)
		}
	}
	return e, errs, warns, nil
}

// editPage renders the form with the unit and position choices: the top
// of the admin's tree plus the current unit (any other unit is typed by
// code), and the positions of the current unit. A few bounded queries.
func (s *server) editPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, d *editData) error {
	ctx := r.Context()
	var cur *model.OrgUnit
	if id, _ := strconv.ParseInt(d.F.Unit, 10, 64); id != 0 {
		u, err := s.st.Unit(ctx, id)
		if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
			return err
		}
		if u != nil && p.Administers(u) {
			cur = u
		}
	}
	var err error
	if d.Units, err = s.unitChoices(ctx, adminScope(p), cur); err != nil {
		return err
	}
	if cur != nil {
		if d.Positions, err = s.unitPositions(ctx, cur.ID, d.F.Position); err != nil {
			return err
		}
	}
	d.Options = listOptions
	d.Genders = []model.Gender{model.Male, model.Female}
	d.Kinds = []model.EmployeeKind{model.PNS, model.PPPK}
	title := "edit.title"
	if d.New {
		title = "edit.new_title"
	}
	s.renderView(w, r, status, "employee_form", &view{Title: title, TitleArg: d.F.Name, Data: d})
	return nil
}

// unitPositions returns the positions of a unit the form offers, at most
// maxPositionOptions, always with the selected one (an ID as typed).
func (s *server) unitPositions(ctx context.Context, unitID int64, selected string) ([]model.Position, error) {
	ps, _, err := s.st.UnitPositions(ctx, unitID, maxPositionOptions)
	if err != nil {
		return nil, err
	}
	id, _ := strconv.ParseInt(selected, 10, 64)
	if id == 0 || slices.ContainsFunc(ps, func(p model.Position) bool { return p.ID == id }) {
		return ps, nil
	}
	pos, err := s.st.Position(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && pos.UnitID != unitID) {
		return ps, nil
	}
	if err != nil {
		return nil, err
	}
	return append([]model.Position{*pos}, ps...), nil
}

// employeeNewForm shows an empty employee form (GET /pegawai/baru).
func (s *server) employeeNewForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := employeeForm{Kind: string(model.PNS), Status: string(model.StatusAktif), Unit: r.URL.Query().Get("unit")}
	return s.editPage(w, r, p, http.StatusOK, &editData{F: f, New: true, Action: "/pegawai/baru"})
}

// employeeCreate saves a new employee (POST /pegawai/baru).
func (s *server) employeeCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := readForm(r)
	d := &editData{F: f, New: true, Action: "/pegawai/baru"}
	e, errs, warns, err := s.validate(r.Context(), p, langOf(r), f, 0)
	if err != nil {
		return err
	}
	d.Errors, d.Warnings = errs, warns
	d.F.useUnit(e.UnitID)
	if len(errs) > 0 {
		return s.editPage(w, r, p, http.StatusUnprocessableEntity, d)
	}
	if err := s.st.CreateEmployee(r.Context(), actor(p), &e); err != nil {
		if c := apperr.Code(err); c == apperr.EINVALID || c == apperr.ECONFLICT {
			d.Errors["form"] = append(d.Errors["form"], apperr.Message(langOf(r), err))
			return s.editPage(w, r, p, statusOf(c), d)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/pegawai/%d?ok=created", e.ID), http.StatusSeeOther)
	return nil
}

// employeeEditForm shows the form of an employee in the admin's scope
// (GET /pegawai/{id}/ubah).
func (s *server) employeeEditForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	e, err := s.employeeInScope(r.Context(), adminScope(p), id)
	if err != nil {
		return err
	}
	return s.editPage(w, r, p, http.StatusOK, &editData{F: formFrom(e), Action: fmt.Sprintf("/pegawai/%d/ubah", id)})
}

// employeeUpdate saves an edited employee (POST /pegawai/{id}/ubah).
func (s *server) employeeUpdate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	old, err := s.employeeInScope(ctx, adminScope(p), id)
	if err != nil {
		return err
	}
	kept := int64(0)
	if old.SupervisorSet {
		kept = old.SupervisorID
	}
	f := readForm(r)
	f.ID = id
	d := &editData{F: f, Action: fmt.Sprintf("/pegawai/%d/ubah", id)}
	e, errs, warns, err := s.validate(ctx, p, langOf(r), f, kept)
	if err != nil {
		return err
	}
	d.Errors, d.Warnings = errs, warns
	d.F.useUnit(e.UnitID)
	if len(errs) > 0 {
		return s.editPage(w, r, p, http.StatusUnprocessableEntity, d)
	}
	if _, err := s.st.UpdateEmployee(ctx, actor(p), &e); err != nil {
		if c := apperr.Code(err); c == apperr.EINVALID || c == apperr.ECONFLICT {
			d.Errors["form"] = append(d.Errors["form"], apperr.Message(langOf(r), err))
			return s.editPage(w, r, p, statusOf(c), d)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/pegawai/%d?ok=saved", id), http.StatusSeeOther)
	return nil
}
