package model

// KeepUnprovided keeps in e, a record read from an import row, the stored
// value of every field the file has no column for (provided names the
// fields it has, by their import field names). The titles are kept only
// when the file has neither title column and the row's name carried none.
func (e *Employee) KeepUnprovided(stored *Employee, provided map[string]bool) {
	keep := func(field string, dst *string, v string) {
		if !provided[field] {
			*dst = v
		}
	}
	keep("name", &e.Name, stored.Name)
	keep("birth_place", &e.BirthPlace, stored.BirthPlace)
	keep("golongan", &e.Golongan, stored.Golongan)
	keep("email", &e.Email, stored.Email)
	keep("phone", &e.Phone, stored.Phone)
	if !provided["gelar_depan"] && !provided["gelar_belakang"] && e.GelarDepan == "" && e.GelarBelakang == "" {
		e.GelarDepan, e.GelarBelakang = stored.GelarDepan, stored.GelarBelakang
	}
	if !provided["birth_date"] {
		e.BirthDate = stored.BirthDate
	}
	if !provided["gender"] {
		e.Gender = stored.Gender
	}
	if !provided["kind"] {
		e.Kind = stored.Kind
	}
	if !provided["position_id"] {
		e.PositionID = stored.PositionID
	}
	if !provided["unit_id"] {
		e.UnitID = stored.UnitID
	}
	if !provided["supervisor_id"] {
		e.SupervisorID, e.SupervisorSet = stored.SupervisorID, stored.SupervisorSet
	}
	if !provided["status"] {
		e.Status = stored.Status
	}
}
