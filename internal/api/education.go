package api

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// educationJSON is GET /employees/{id}/education: the education history
// with the position's minimum level and whether the highest recorded level
// meets it (as the profile page shows it).
type educationJSON struct {
	EmployeeID int64               `json:"employee_id"`
	Highest    string              `json:"highest"` // "" when none recorded
	Minimum    string              `json:"minimum"` // "" when the employee holds no position
	Gap        bool                `json:"gap"`
	Items      []educationItemJSON `json:"items"`
}

type educationItemJSON struct {
	Level         string `json:"level"`
	LevelLabel    string `json:"level_label"`
	Major         string `json:"major"`
	Institution   string `json:"institution"`
	Year          int    `json:"year"`
	CertificateNo string `json:"certificate_no"`
}

// employeeEducation answers an in-scope employee's education history.
func (a *API) employeeEducation(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	e, err := a.visibleEmployee(r.Context(), p, id)
	if err != nil {
		return err
	}
	list, err := a.st.Education(r.Context(), id)
	if err != nil {
		return err
	}
	h := model.HighestEducation(list)
	out := educationJSON{EmployeeID: id, Highest: string(h), Items: []educationItemJSON{}}
	if e.PositionID != 0 {
		m := model.MinimumEducation(e.PositionType, e.Jenjang)
		out.Minimum, out.Gap = string(m), h != "" && !h.AtLeast(m)
	}
	for _, x := range list {
		out.Items = append(out.Items, educationItemJSON{Level: string(x.Level), LevelLabel: x.Level.Label(), Major: x.Major,
			Institution: x.Institution, Year: x.Year, CertificateNo: x.CertificateNo})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// qualificationsJSON is GET /qualifications: the qualification gaps of the
// caller's scope (store.Qualifications).
type qualificationsJSON struct {
	Employees  int                      `json:"employees"`
	Unrecorded int                      `json:"unrecorded"`
	Below      int                      `json:"below"`
	ByMinimum  []qualificationGroupJSON `json:"by_minimum"`
	People     []qualificationGapJSON   `json:"people"`
	More       bool                     `json:"more"`
}

type qualificationGroupJSON struct {
	Minimum    string `json:"minimum"`
	Employees  int    `json:"employees"`
	Unrecorded int    `json:"unrecorded"`
	Below      int    `json:"below"`
}

type qualificationGapJSON struct {
	EmployeeID int64  `json:"employee_id"`
	NIP        string `json:"nip"`
	Name       string `json:"name"`
	Position   string `json:"position"`
	Unit       string `json:"unit"`
	Highest    string `json:"highest"`
	Minimum    string `json:"minimum"`
}

// qualifications answers the qualification side of the needs analysis for
// the caller's scope: the first 200 people with a gap, by name.
func (a *API) qualifications(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if !readsNeeds(p) {
		return apperr.New(apperr.EFORBIDDEN, "err.needs.role_may_not_open_needs", p.User.Role)
	}
	q, err := a.st.Qualifications(r.Context(), p.Scope, 200)
	if err != nil {
		return err
	}
	out := qualificationsJSON{Employees: q.Employees, Unrecorded: q.Unrecorded, Below: q.Below, More: q.More,
		ByMinimum: []qualificationGroupJSON{}, People: []qualificationGapJSON{}}
	for _, g := range q.ByMinimum {
		out.ByMinimum = append(out.ByMinimum, qualificationGroupJSON{Minimum: string(g.Minimum), Employees: g.Employees, Unrecorded: g.Unrecorded, Below: g.Below})
	}
	for _, g := range q.People {
		out.People = append(out.People, qualificationGapJSON{EmployeeID: g.EmployeeID, NIP: g.NIP, Name: g.Name, Position: g.Position,
			Unit: g.UnitName, Highest: string(g.Highest), Minimum: string(g.Minimum)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
