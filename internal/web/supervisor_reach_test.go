package web

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestSupervisorFieldStaysInReach reproduces issue 10 point 2 through the
// employee form: a unit admin typing the NIP of anyone in the government
// as supervisor had it saved (the profile then showed that person, and
// they could read and rate the employee), and a NIP nobody has answered
// differently from one that exists. Now the supervisor must be someone
// the admin administers or the head (holder or Plt./Plh.) of the unit or
// a unit above, and anything else gets the words of a NIP nobody has.
func TestSupervisorFieldStaysInReach(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		c := f.client(t)
		c.login("adminkominfo", pwOPD)
		path := fmt.Sprintf("/pegawai/%d/ubah", f.budi.ID)
		form := func(sup string) url.Values {
			return url.Values{
				"nip": {nipBudi}, "name": {f.budi.Name}, "kind": {"PNS"}, "gender": {"L"}, "golongan": {"III/a"},
				"unit": {fmt.Sprint(f.kominfo.ID)}, "status": {"aktif"}, "birth_date": {"1980-01-01"}, "supervisor_nip": {sup},
			}
		}
		refused := i18n.T(i18n.ID, "form.supervisor_out_of_reach")
		supervisor := func() int64 {
			t.Helper()
			v, err := st.Employee(ctx, f.budi.ID)
			must(t, err)
			return v.SupervisorID
		}

		// Sri works in Dinas Kesehatan, outside the admin's Kominfo.
		p := c.post(path, form(nipSri))
		status(t, p, 422)
		contains(t, p, refused)
		lacks(t, p, f.sri.Name)
		if supervisor() == f.sri.ID {
			t.Fatalf("the outsider was saved as supervisor")
		}
		// A NIP nobody has gets the same words.
		p = c.post(path, form("199901012020011001"))
		status(t, p, 422)
		contains(t, p, refused)

		// The head of the admin's own unit.
		p = c.post(path, form(nipHead))
		status(t, p, 200)
		if supervisor() != f.head.ID {
			t.Errorf("the head of Kominfo was not saved as supervisor")
		}

		// Sri as Plt. of the (vacant) head post of the pemda above.
		rootHead := model.Position{Title: "Sekretaris Daerah", Type: model.JPTPratama, UnitID: f.root.ID, IsHead: true}
		must(t, st.CreatePosition(ctx, sys, &rootHead))
		today := st.Now().Format("2006-01-02")
		_, err := st.DB().Exec(`INSERT INTO acting_assignment (employee_id, position_id, kind, from_date, until_date) VALUES ($1, $2, 'plh', $3, '')`,
			f.sri.ID, rootHead.ID, today)
		must(t, err)
		p = c.post(path, form(nipSri))
		status(t, p, 200)
		if supervisor() != f.sri.ID {
			t.Errorf("the Plh. of the pemda was not saved as supervisor")
		}

		// Once the assignment is over, the stored supervisor may still be
		// kept when the form is saved again, but not named anew.
		_, err = st.DB().Exec(`DELETE FROM acting_assignment`)
		must(t, err)
		status(t, c.post(path, form(nipSri)), 200)
		status(t, c.post(path, form(nipHead)), 200)
		p = c.post(path, form(nipSri))
		status(t, p, 422)
		contains(t, p, refused)
	})
}
