package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/registry"
	"github.com/kompeten/kompeten/internal/store"
)

// employeeJSON is an employee as the API shows it. Dates are yyyy-mm-dd,
// absent references and unknown dates are null.
type employeeJSON struct {
	ID             int64   `json:"id"`
	NIP            string  `json:"nip"`
	NIPFormatted   string  `json:"nip_formatted"`
	Name           string  `json:"name"`
	GelarDepan     string  `json:"gelar_depan"`
	GelarBelakang  string  `json:"gelar_belakang"`
	FullName       string  `json:"full_name"`
	BirthPlace     string  `json:"birth_place"`
	BirthDate      *string `json:"birth_date"`
	Gender         string  `json:"gender"`
	Kind           string  `json:"kind"`
	Golongan       string  `json:"golongan"`
	Pangkat        string  `json:"pangkat"`
	PositionID     *int64  `json:"position_id"`
	PositionTitle  string  `json:"position_title"`
	PositionType   string  `json:"position_type"`
	Jenjang        string  `json:"jenjang"`
	UnitID         int64   `json:"unit_id"`
	UnitName       string  `json:"unit_name"`
	SupervisorID   *int64  `json:"supervisor_id"`
	SupervisorSet  bool    `json:"supervisor_set"`
	SupervisorNIP  string  `json:"supervisor_nip"`
	SupervisorName string  `json:"supervisor_name"`
	Email          string  `json:"email"`
	Phone          string  `json:"phone"`
	Status         string  `json:"status"`
	RetirementDate *string `json:"retirement_date"`
	UpdatedAt      string  `json:"updated_at"`
}

// employeeWriteJSON is the answer to a create or update: the stored employee
// and the warnings (problems that did not block the write).
type employeeWriteJSON struct {
	employeeJSON
	Warnings []problemJSON `json:"warnings"`
}

func isoDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func toEmployeeJSON(v *store.EmployeeView) employeeJSON {
	e := &v.Employee
	out := employeeJSON{
		ID: e.ID, NIP: e.NIP, NIPFormatted: nip.FormatAuto(e.NIP, e.Kind),
		Name: e.Name, GelarDepan: e.GelarDepan, GelarBelakang: e.GelarBelakang,
		FullName:   names.Display(e.GelarDepan, e.Name, e.GelarBelakang),
		BirthPlace: e.BirthPlace, BirthDate: isoDate(e.BirthDate),
		Gender: string(e.Gender), Kind: string(e.Kind), Golongan: e.Golongan,
		PositionID: ptrID(e.PositionID), PositionTitle: v.PositionTitle, PositionType: string(v.PositionType), Jenjang: v.Jenjang,
		UnitID: e.UnitID, UnitName: v.UnitName,
		SupervisorID: ptrID(e.SupervisorID), SupervisorSet: e.SupervisorSet, SupervisorNIP: v.SupervisorNIP, SupervisorName: v.SupervisorName,
		Email: e.Email, Phone: e.Phone, Status: string(e.Status),
		RetirementDate: isoDate(v.RetirementDate),
	}
	if e.Kind != model.PPPK {
		out.Pangkat = model.PangkatOf(e.Golongan)
	}
	if !e.UpdatedAt.IsZero() {
		out.UpdatedAt = e.UpdatedAt.UTC().Format(time.RFC3339)
	}
	return out
}

// optID is an optional reference in a request body: Set tells whether the
// field was present; null and 0 both mean "none".
type optID struct {
	Set bool
	ID  int64
}

// UnmarshalJSON reads a number or null.
func (o *optID) UnmarshalJSON(b []byte) error {
	o.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		o.ID = 0
		return nil
	}
	return json.Unmarshal(b, &o.ID)
}

// employeeInput is the body of POST and PUT /employees. On PUT, absent
// fields keep their current value. Labels are accepted where the registry
// understands them ("Laki-laki", "Tugas Belajar", "iii/a").
type employeeInput struct {
	NIP           *string `json:"nip"`
	Name          *string `json:"name"`
	GelarDepan    *string `json:"gelar_depan"`
	GelarBelakang *string `json:"gelar_belakang"`
	BirthPlace    *string `json:"birth_place"`
	BirthDate     *string `json:"birth_date"`
	Gender        *string `json:"gender"`
	Kind          *string `json:"kind"`
	Golongan      *string `json:"golongan"`
	PositionID    optID   `json:"position_id"`
	UnitID        *int64  `json:"unit_id"`
	SupervisorID  optID   `json:"supervisor_id"`
	SupervisorSet *bool   `json:"supervisor_set"`
	Email         *string `json:"email"`
	Phone         *string `json:"phone"`
	Status        *string `json:"status"`
}

// apply writes the present fields over e. The supervisor is explicit when
// supervisor_set is true, or when it is absent and supervisor_id is given
// and not null; otherwise it is derived from the unit heads.
func (in *employeeInput) apply(e *model.Employee) error {
	str := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	str(&e.NIP, in.NIP)
	str(&e.Name, in.Name)
	str(&e.GelarDepan, in.GelarDepan)
	str(&e.GelarBelakang, in.GelarBelakang)
	str(&e.BirthPlace, in.BirthPlace)
	str(&e.Golongan, in.Golongan)
	str(&e.Email, in.Email)
	str(&e.Phone, in.Phone)
	if in.Gender != nil {
		e.Gender = model.Gender(*in.Gender)
	}
	if in.Kind != nil {
		e.Kind = model.EmployeeKind(*in.Kind)
	}
	if in.Status != nil {
		e.Status = model.Status(*in.Status)
	}
	if in.BirthDate != nil {
		e.BirthDate = time.Time{}
		if s := strings.TrimSpace(*in.BirthDate); s != "" {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return apperr.Invalid("birth_date", "err.employee.birth_date_format", s)
			}
			e.BirthDate = t
		}
	}
	if in.UnitID != nil {
		e.UnitID = *in.UnitID
	}
	if in.PositionID.Set {
		e.PositionID = in.PositionID.ID
	}
	switch {
	case in.SupervisorSet != nil:
		e.SupervisorSet = *in.SupervisorSet
		if in.SupervisorID.Set {
			e.SupervisorID = in.SupervisorID.ID
		}
		if e.SupervisorSet && e.SupervisorID == 0 {
			return apperr.Invalid("supervisor_id", "err.employee.supervisor_id_missing")
		}
	case in.SupervisorID.Set:
		e.SupervisorID = in.SupervisorID.ID
		e.SupervisorSet = e.SupervisorID != 0
	}
	if !e.SupervisorSet {
		e.SupervisorID = 0
	}
	return nil
}

// listEmployees returns one page of the employees in the caller's scope.
func (a *API) listEmployees(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f, err := a.employeeFilter(r, p)
	if err != nil {
		return err
	}
	list, more, err := a.st.Employees(r.Context(), f)
	if err != nil {
		return err
	}
	var next *int
	if more {
		n := f.Offset + len(list)
		next = &n
	}
	writeEmployeePage(w, list, next)
	return nil
}

// employeeFilter reads the query parameters of GET /employees.
func (a *API) employeeFilter(r *http.Request, p *auth.Principal) (store.EmployeeFilter, error) {
	q := r.URL.Query()
	f := store.EmployeeFilter{Scope: p.Scope, Query: strings.TrimSpace(q.Get("q"))}
	var err error
	if f.UnitID, err = queryInt(r, "unit_id"); err != nil {
		return f, err
	}
	if err := a.checkUnit(r, &f.UnitID); err != nil {
		return f, err
	}
	if s := strings.TrimSpace(q.Get("position_type")); s != "" {
		f.PositionType = model.PositionType(s)
		known := false
		for _, t := range model.PositionTypes {
			known = known || t == f.PositionType
		}
		if !known {
			return f, apperr.Invalid("position_type", "err.common.position_type_unknown", s)
		}
	}
	if s := strings.TrimSpace(q.Get("kind")); s != "" {
		k, ok := registry.ParseKind(s)
		if !ok {
			return f, apperr.Invalid("kind", "err.employee.kind_unknown", s)
		}
		f.Kind = k
	}
	if s := strings.TrimSpace(q.Get("status")); s != "" {
		st, ok := registry.ParseStatus(s)
		if !ok {
			return f, apperr.Invalid("status", "err.employee.status_unknown", s)
		}
		f.Status = st
	}
	if s := strings.TrimSpace(q.Get("golongan")); s != "" {
		kinds := []model.EmployeeKind{model.PNS, model.PPPK}
		if f.Kind != "" {
			kinds = []model.EmployeeKind{f.Kind}
		}
		for _, k := range kinds {
			if code, ok := model.NormalizeGolongan(k, s); ok {
				f.Golongan = code
				break
			}
		}
		if f.Golongan == "" {
			return f, apperr.Invalid("golongan", "err.employee.golongan_unknown", s)
		}
	}
	off, err := queryInt(r, "offset")
	if err != nil {
		return f, err
	}
	lim, err := queryInt(r, "limit")
	if err != nil {
		return f, err
	}
	f.Offset, f.Limit = int(off), int(min(lim, 200))
	if f.Limit == 0 {
		f.Limit = 50
	}
	return f, nil
}

// visibleEmployee returns employee id when it is in the caller's scope; an
// employee out of scope is reported exactly like a missing one.
func (a *API) visibleEmployee(ctx context.Context, p *auth.Principal, id int64) (*store.EmployeeView, error) {
	ok, err := a.st.InScope(ctx, p.Scope, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", id)
	}
	return a.st.Employee(ctx, id)
}

func (a *API) getEmployee(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := a.visibleEmployee(r.Context(), p, id)
	if err != nil {
		return err
	}
	a.viewed(p, id, "profile")
	writeJSON(w, http.StatusOK, toEmployeeJSON(v))
	return nil
}

func (a *API) employeeByNIP(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	n := nip.Normalize(r.PathValue("nip"))
	notFound := apperr.New(apperr.ENOTFOUND, "err.employee.nip_not_found", n)
	v, err := a.st.EmployeeByNIP(r.Context(), n)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return notFound
	}
	if err != nil {
		return err
	}
	ok, err := a.st.InScope(r.Context(), p.Scope, v.ID)
	if err != nil {
		return err
	}
	if !ok {
		return notFound
	}
	a.viewed(p, v.ID, "profile")
	writeJSON(w, http.StatusOK, toEmployeeJSON(v))
	return nil
}

func (a *API) createEmployee(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in employeeInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e := model.Employee{Status: model.StatusAktif}
	if err := in.apply(&e); err != nil {
		return err
	}
	warnings, err := a.checkEmployee(r.Context(), p, &e, 0)
	if err != nil {
		return err
	}
	if err := a.st.CreateEmployee(r.Context(), actor(p), &e); err != nil {
		return err
	}
	v, err := a.st.Employee(r.Context(), e.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/employees/"+itoa(e.ID))
	writeJSON(w, http.StatusCreated, employeeWriteJSON{toEmployeeJSON(v), problemsJSON(langOf(r), warnings)})
	return nil
}

func (a *API) updateEmployee(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	old, err := a.visibleEmployee(r.Context(), p, id)
	if err != nil {
		return err
	}
	// Visible (say as one's own record) is not the same as administered.
	if ok, err := a.unitInScope(r.Context(), p, "unit_id", old.UnitID); err != nil {
		return err
	} else if !ok {
		return apperr.New(apperr.EFORBIDDEN, "err.employee.outside_your_units", id)
	}
	var in employeeInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e := old.Employee
	if err := in.apply(&e); err != nil {
		return err
	}
	kept := int64(0)
	if old.SupervisorSet {
		kept = old.SupervisorID
	}
	warnings, err := a.checkEmployee(r.Context(), p, &e, kept)
	if err != nil {
		return err
	}
	if _, err := a.st.UpdateEmployee(r.Context(), actor(p), &e); err != nil {
		return err
	}
	v, err := a.st.Employee(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, employeeWriteJSON{toEmployeeJSON(v), problemsJSON(langOf(r), warnings)})
	return nil
}

// checkEmployee decides whether e may be written by p: the target unit in
// what p administers (403 otherwise), the position existing in that unit,
// a newly named supervisor one p may name (policy.MayNameSupervisor; kept
// is the explicit supervisor already stored, 0 for none, which keeping
// names nobody new), and every rule of the registry (422 listing every
// problem). It normalises e and returns the warnings.
func (a *API) checkEmployee(ctx context.Context, p *auth.Principal, e *model.Employee, kept int64) ([]registry.Problem, error) {
	if e.UnitID != 0 {
		ok, err := a.unitInScope(ctx, p, "unit_id", e.UnitID)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, apperr.New(apperr.EFORBIDDEN, "err.employee.unit_outside_your_units", e.UnitID)
		}
	}
	var pt model.PositionType
	var jenjang, title string
	if e.PositionID != 0 {
		pos, err := a.st.Position(ctx, e.PositionID)
		if apperr.Code(err) == apperr.ENOTFOUND {
			return nil, apperr.Invalid("position_id", "err.employee.position_does_not_exist", e.PositionID)
		}
		if err != nil {
			return nil, err
		}
		// As in the web form: a post belongs to one unit and is held in
		// it. Otherwise a unit admin could hand out another unit's head
		// post, and with it read access to that unit.
		if pos.UnitID != e.UnitID {
			return nil, apperr.Invalid("position_id", "err.employee.position_of_other_unit", e.PositionID, pos.Title, e.UnitID)
		}
		pt, jenjang, title = pos.Type, pos.Jenjang, pos.Title
	}
	// Without a unit there is nothing to weigh the supervisor against; the
	// registry refuses the missing unit below, whoever the supervisor is.
	if e.SupervisorSet && e.UnitID != 0 && (kept == 0 || e.SupervisorID != kept) {
		if e.SupervisorID == e.ID && e.ID != 0 {
			return nil, apperr.Invalid("supervisor_id", "err.employee.own_supervisor")
		}
		// Someone outside p's reach is refused exactly like an ID nobody
		// has: the answer would otherwise show their NIP and name, and
		// naming them would let them read and rate this employee.
		if ok, err := a.st.MayNameSupervisor(ctx, p, e.SupervisorID, e.UnitID); err != nil {
			return nil, err
		} else if !ok {
			return nil, apperr.Invalid("supervisor_id", "err.employee.supervisor_out_of_reach", e.SupervisorID)
		}
	}
	set, err := a.st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	ps := registry.CheckEmployeePosition(e, a.st.Now(), set.Retirement.Age(pt, jenjang, title), jenjang)
	if registry.HasError(ps) {
		return nil, &problemsError{problems: ps}
	}
	return ps, nil
}
