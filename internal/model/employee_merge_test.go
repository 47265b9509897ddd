package model

import (
	"testing"
	"time"
)

// TestKeepUnprovided: an import that has only some columns changes only
// those fields; titles stay unless the file has a title column or the name
// brought its own.
func TestKeepUnprovided(t *testing.T) {
	stored := Employee{Name: "Budi", GelarDepan: "Dr.", GelarBelakang: "M.Kom.", BirthPlace: "Medan", BirthDate: time.Date(1980, 1, 2, 0, 0, 0, 0, time.UTC),
		Gender: Male, Kind: PNS, Golongan: "III/c", PositionID: 7, UnitID: 3, SupervisorID: 9, SupervisorSet: true, Email: "b@x", Phone: "0812", Status: StatusAktif}
	row := Employee{Name: "Budi Santoso", Golongan: "III/d", Email: "baru@x"}
	row.KeepUnprovided(&stored, map[string]bool{"name": true, "golongan": true, "email": true})
	want := stored
	want.Name, want.Golongan, want.Email = "Budi Santoso", "III/d", "baru@x"
	if row != want {
		t.Errorf("got %+v\nwant %+v", row, want)
	}
	row = Employee{Name: "Budi", GelarDepan: "H."}
	row.KeepUnprovided(&stored, map[string]bool{"name": true})
	if row.GelarDepan != "H." || row.GelarBelakang != "" {
		t.Errorf("a name with its own titles keeps them: %+v", row)
	}
	row = Employee{Name: "Budi"}
	row.KeepUnprovided(&stored, map[string]bool{"name": true, "gelar_belakang": true})
	if row.GelarDepan != "" || row.GelarBelakang != "" {
		t.Errorf("a file with a title column sets the titles: %+v", row)
	}
}
