package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// importRows returns an EmployeeImport of rows, every field provided.
func importRows(rows []*store.ImportRow) *store.EmployeeImport {
	i := 0
	return &store.EmployeeImport{
		Actor: admin,
		Provided: map[string]bool{"nip": true, "name": true, "gelar_depan": true, "gelar_belakang": true, "birth_place": true,
			"birth_date": true, "gender": true, "kind": true, "golongan": true, "position_id": true, "unit_id": true,
			"email": true, "phone": true, "status": true},
		Expected: len(rows),
		Detail:   map[string]any{"file": "pegawai.csv", "sha256": "abc"},
		Next: func() (*store.ImportRow, error) {
			if i == len(rows) {
				return nil, nil
			}
			i++
			return rows[i-1], nil
		},
	}
}

// staffRow is a new staff member of unit with an 18-digit NIP made of n.
func staffRow(line int, n int, name string, unit, pos int64) *store.ImportRow {
	return &store.ImportRow{Line: line, Employee: model.Employee{
		NIP: fmt.Sprintf("1990010120200%05d", n), Name: name, BirthDate: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		Gender: model.Male, Kind: model.PNS, Golongan: "III/a", PositionID: pos, UnitID: unit, Status: model.StatusAktif}}
}

// pemkoWithPelaksana is a city of one unit, PEMKO, with one post,
// Pelaksana, and nobody in it: a registry the bulk path loads into.
var pemkoWithPelaksana = testcity.Tree(testcity.Unit{Code: "PEMKO", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda,
	Posts: []model.Position{{Title: "Pelaksana", Type: model.Pelaksana}}})

// actions lists the actions of an employee's audit history, newest first,
// and the history itself.
func history(t *testing.T, s *store.Store, id int64) ([]string, []model.AuditEntry) {
	t.Helper()
	log, err := s.AuditLog(context.Background(), store.AuditFilter{Entity: "employee", EntityID: itoa(id)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range log {
		out = append(out, e.Action)
	}
	return out, log
}

// TestImportAuditsCreatesAsRange: an import writes no audit row per
// employee it creates; its one "import.employees" event records the range
// of ids created, and each of those employees' audit history shows that
// event, in id order with the entries written for the employee. Employees
// outside the range (before the import, updated by it, created after it)
// do not show it.
func TestImportAuditsCreatesAsRange(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		// Bayu is renamed by the import (an update), two are new.
		bayu := f.Bayu
		bayu.Name = "Bayu Santoso Tarigan"
		res, err := s.ImportEmployees(ctx, importRows([]*store.ImportRow{
			staffRow(2, 1, "Rina Marpaung", f.Bidang.ID, f.ProgPos.ID),
			{Line: 3, Employee: bayu},
			staffRow(4, 2, "Joko Purba", f.Bidang.ID, f.ProgPos.ID),
		}))
		if err != nil {
			t.Fatal(err)
		}
		if res.Created != 2 || res.Updated != 1 || res.Bulk {
			t.Fatalf("import = %+v, want 2 created, 1 updated, not bulk", res)
		}
		var n int
		if err := s.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'employee.create' AND entity_id NOT IN ($1, $2, $3, $4, $5, $6)`,
			itoa(f.Head.ID), itoa(f.Budi.ID), itoa(f.Sri.ID), itoa(f.Kabid.ID), itoa(f.Ani.ID), itoa(f.Bayu.ID)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("the import wrote %d employee.create rows, want none (one range on the import event)", n)
		}
		var event int64
		for _, nip := range []string{"199001012020000001", "199001012020000002"} {
			e, err := s.EmployeeByNIP(ctx, nip)
			if err != nil {
				t.Fatal(err)
			}
			acts, log := history(t, s, e.ID)
			if !slices.Equal(acts, []string{"import.employees"}) {
				t.Fatalf("history of imported employee %d = %v, want the import event", e.ID, acts)
			}
			if event == 0 {
				event = log[0].ID
			} else if log[0].ID != event {
				t.Errorf("imported employees show different events %d and %d", event, log[0].ID)
			}
			if !strings.Contains(log[0].Detail, `"sha256":"abc"`) || !strings.Contains(log[0].Detail, `"created_ids":[[`) {
				t.Errorf("import event detail = %s", log[0].Detail)
			}
		}
		if acts, _ := history(t, s, f.Bayu.ID); !slices.Equal(acts, []string{"employee.update", "employee.create"}) {
			t.Errorf("history of the employee the import updated = %v", acts)
		}
		if acts, _ := history(t, s, f.Ani.ID); !slices.Equal(acts, []string{"employee.create"}) {
			t.Errorf("history of an employee from before the import = %v", acts)
		}
		// Later entries come first, created after the import outside its range.
		rina, _ := s.EmployeeByNIP(ctx, "199001012020000001")
		e := rina.Employee
		e.Golongan = "III/b"
		if _, err := s.UpdateEmployee(ctx, admin, &e); err != nil {
			t.Fatal(err)
		}
		if acts, _ := history(t, s, rina.ID); !slices.Equal(acts, []string{"employee.update", "import.employees"}) {
			t.Errorf("history after an update = %v, want the update, then the import", acts)
		}
		later := model.Employee{NIP: "199001012020000003", Name: "Dewi Lestari", Gender: model.Female, Kind: model.PNS,
			Golongan: "III/a", PositionID: f.ProgPos.ID, UnitID: f.Bidang.ID}
		must(t, f.AddEmployee(&later))
		if acts, _ := history(t, s, later.ID); !slices.Equal(acts, []string{"employee.create"}) {
			t.Errorf("history of an employee created after the import = %v", acts)
		}
		// The import event itself stays where it was.
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "import", EntityID: "0"})
		if err != nil || len(log) != 1 || log[0].ID != event {
			t.Errorf("import events = %+v, %v", log, err)
		}
		// Not a canonical id: no range lookup, nothing found.
		if log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: "0" + itoa(rina.ID)}); err != nil || len(log) != 0 {
			t.Errorf("history of a non-canonical id = %+v, %v", log, err)
		}
	})
}

// TestBulkImportAuditsCreatesAsRange: the bulk path (an empty registry,
// 5,000 rows or more) records its ids as one range too, gaps of bad lines
// included, and later employees stay outside it.
func TestBulkImportAuditsCreatesAsRange(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, pemkoWithPelaksana)
		root, pos := c.Units["PEMKO"], c.Posts["Pelaksana"]
		var rows []*store.ImportRow
		for i := range store.BulkMinRows {
			line := i + 2
			if i >= 100 {
				line += 5 // bad lines in between, left out
			}
			rows = append(rows, staffRow(line, i+1, fmt.Sprintf("Pegawai Nomor %d", i+1), root.ID, pos.ID))
		}
		res, err := s.ImportEmployees(ctx, importRows(rows))
		if err != nil {
			t.Fatal(err)
		}
		if !res.Bulk || res.Created != store.BulkMinRows {
			t.Fatalf("import = %+v, want the bulk path", res)
		}
		var audits, ranges int
		if err := s.DB().QueryRow(`SELECT (SELECT COUNT(*) FROM audit_log WHERE entity = 'employee'), (SELECT COUNT(*) FROM audit_range)`).Scan(&audits, &ranges); err != nil {
			t.Fatal(err)
		}
		if audits != 0 || ranges != 1 {
			t.Errorf("bulk import wrote %d employee audit rows and %d ranges, want 0 and 1", audits, ranges)
		}
		for _, n := range []int{1, 100, 101, store.BulkMinRows} {
			e, err := s.EmployeeByNIP(ctx, rows[n-1].Employee.NIP)
			if err != nil {
				t.Fatal(err)
			}
			if acts, _ := history(t, s, e.ID); !slices.Equal(acts, []string{"import.employees"}) {
				t.Errorf("history of bulk-imported employee %d (row %d) = %v", e.ID, n, acts)
			}
		}
		later := model.Employee{NIP: "199001012020099999", Name: "Dewi Lestari", Gender: model.Female, Kind: model.PNS,
			Golongan: "III/a", PositionID: pos.ID, UnitID: root.ID}
		must(t, c.AddEmployee(&later))
		if acts, _ := history(t, s, later.ID); !slices.Equal(acts, []string{"employee.create"}) {
			t.Errorf("history of an employee created after the bulk import = %v", acts)
		}
		// Search words written by the bulk path go on a rename.
		e, _ := s.EmployeeByNIP(ctx, rows[41].Employee.NIP)
		if got := search(t, s, "pegawai nomor 42"); !slices.Contains(got, e.ID) {
			t.Fatalf("bulk-imported employee %d not found by name: %v", e.ID, got)
		}
		emp := e.Employee
		emp.Name = "Sri Rezeki"
		if _, err := s.UpdateEmployee(ctx, admin, &emp); err != nil {
			t.Fatal(err)
		}
		checkWords(t, s, emp.ID, emp.Name)
		if got := search(t, s, "pegawai nomor 42"); slices.Contains(got, emp.ID) {
			t.Errorf("renamed employee %d still found under the old name: %v", emp.ID, got)
		}
		if got := search(t, s, "rezeki"); !slices.Equal(got, []int64{emp.ID}) {
			t.Errorf("renamed employee not found under the new name: %v", got)
		}
	})
}

// search returns the ids a name search finds.
func search(t *testing.T, s *store.Store, q string) []int64 {
	t.Helper()
	got, _, err := s.Employees(context.Background(), store.EmployeeFilter{Scope: model.Scope{All: true}, Query: q, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range got {
		ids = append(ids, e.ID)
	}
	return ids
}

// checkWords checks that employee id has exactly the search words of name.
func checkWords(t *testing.T, s *store.Store, id int64, name string) {
	t.Helper()
	rows, err := s.DB().Query(`SELECT word, sort_name FROM employee_word WHERE employee_id = $1`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var w, k string
		if err := rows.Scan(&w, &k); err != nil {
			t.Fatal(err)
		}
		got = append(got, w+"|"+k)
	}
	var want []string
	for _, w := range names.SearchWords(name) {
		want = append(want, w+"|"+names.SortKey(name))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("search words of %d = %v, want %v (those of %q)", id, got, want, name)
	}
}

// TestRenameReplacesSearchWords: without an index on employee_word's
// employee_id a rename deletes the old name's words by the primary key; the
// employee is then found under the new name only, whether renamed by a
// form (UpdateEmployee) or an import.
func TestRenameReplacesSearchWords(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		var idx int
		if err := s.DB().QueryRow(`SELECT COUNT(*) FROM employee_word WHERE employee_id = $1`, f.Bayu.ID).Scan(&idx); err != nil || idx != 3 {
			t.Fatalf("Bayu has %d search words (%v), want 3", idx, err)
		}
		e := f.Bayu
		e.Name = "Bayu Hartono Tarigan"
		if changed, err := s.UpdateEmployee(ctx, admin, &e); err != nil || !changed {
			t.Fatalf("rename: changed=%v err=%v", changed, err)
		}
		checkWords(t, s, e.ID, e.Name)
		for q, want := range map[string][]int64{
			// The city's Budi Santoso Siregar keeps his words.
			"siregar": {f.Budi.ID}, "santoso": {f.Budi.ID}, "bayu siregar": nil,
			"tarigan": {e.ID}, "hartono": {e.ID}, "bayu hart": {e.ID}, "bayu": {e.ID},
		} {
			if got := search(t, s, q); !slices.Equal(got, want) {
				t.Errorf("after the rename, search %q = %v, want %v", q, got, want)
			}
		}
		// Renamed again by an import (the update path), with a hyphen: the
		// words of the name stored now go, those of the file's name come.
		e.Name = "Bayu Nur-Hadi"
		imp := importRows([]*store.ImportRow{{Line: 2, Employee: model.Employee{NIP: e.NIP, Name: e.Name}}})
		imp.Provided = map[string]bool{"nip": true, "name": true}
		res, err := s.ImportEmployees(ctx, imp)
		if err != nil || res.Updated != 1 {
			t.Fatalf("import rename: %+v %v", res, err)
		}
		checkWords(t, s, e.ID, e.Name)
		for q, want := range map[string][]int64{
			"tarigan": nil, "hartono": nil, "siregar": {f.Budi.ID},
			"nurhadi": {e.ID}, "hadi": {e.ID}, "bayu nur": {e.ID},
		} {
			if got := search(t, s, q); !slices.Equal(got, want) {
				t.Errorf("after the import rename, search %q = %v, want %v", q, got, want)
			}
		}
		// Other employees' words are untouched.
		checkWords(t, s, f.Ani.ID, f.Ani.Name)
		checkWords(t, s, f.Kabid.ID, f.Kabid.Name)
		// The index is gone on both engines.
		var q string
		if s.Dialect() == store.SQLite {
			q = `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'employee_word_emp'`
		} else {
			q = `SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'employee_word_emp'`
		}
		if err := s.DB().QueryRow(q).Scan(&idx); err != nil || idx != 0 {
			t.Errorf("employee_word_emp still exists (%d, %v)", idx, err)
		}
	})
}

// TestBulkImportRefusesMissingReferences: a bulk load whose rows name a unit
// or a position that is not stored (deleted after the file was checked)
// fails and writes nothing, on both engines, whether or not the engine's
// foreign keys were on during the load.
func TestBulkImportRefusesMissingReferences(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, pemkoWithPelaksana)
		root, pos := c.Units["PEMKO"], c.Posts["Pelaksana"]
		for _, bad := range []struct {
			name      string
			unit, pos int64
		}{{"unit", root.ID + 1000, pos.ID}, {"position", root.ID, pos.ID + 1000}} {
			var rows []*store.ImportRow
			for i := range store.BulkMinRows {
				unit, p := root.ID, pos.ID
				if i == store.BulkMinRows/2 {
					unit, p = bad.unit, bad.pos
				}
				rows = append(rows, staffRow(i+2, i+1, fmt.Sprintf("Pegawai Nomor %d", i+1), unit, p))
			}
			if res, err := s.ImportEmployees(ctx, importRows(rows)); err == nil {
				t.Fatalf("missing %s: import = %+v, want an error", bad.name, res)
			}
			var n int
			if err := s.DB().QueryRow(`SELECT (SELECT COUNT(*) FROM employee) + (SELECT COUNT(*) FROM employee_word)`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Fatalf("missing %s: %d employees and words written", bad.name, n)
			}
		}
		// And the registry is usable afterwards: a good load goes in.
		var rows []*store.ImportRow
		for i := range store.BulkMinRows {
			rows = append(rows, staffRow(i+2, i+1, fmt.Sprintf("Pegawai Nomor %d", i+1), root.ID, pos.ID))
		}
		if res, err := s.ImportEmployees(ctx, importRows(rows)); err != nil || !res.Bulk {
			t.Fatalf("good load after failed ones: %+v %v", res, err)
		}
	})
}

// TestBulkImportSupervisorsInAnyOrder: a bulk load writes the supervisors
// the rows so far settle and derives the rest after the load; whatever the
// order of heads and staff, the result is what deriving from scratch
// gives, and nothing is audited as a supervisor change.
func TestBulkImportSupervisorsInAnyOrder(t *testing.T) {
	for _, order := range []string{"staff first", "heads first"} {
		t.Run(order, func(t *testing.T) {
			storetest.Engines(t, func(t *testing.T, s *store.Store) {
				ctx := context.Background()
				// PEMKO → DINAS → BIDANG, each with a pelaksana post and a head post.
				tree := []testcity.Unit{{Code: "PEMKO", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda},
					{Code: "DINAS", Name: "Dinas", Kind: model.UnitOPD, Parent: "PEMKO"},
					{Code: "BIDANG", Name: "Bidang", Kind: model.UnitBidang, Parent: "DINAS"}}
				heads := []model.PositionType{model.JPTMadya, model.JPTPratama, model.Administrator}
				for i := range tree {
					tree[i].Posts = []model.Position{{Title: "Pelaksana " + tree[i].Code, Type: model.Pelaksana},
						{Title: "Kepala " + tree[i].Code, Type: heads[i], IsHead: true}}
				}
				// A section without a head post: its staff, one row in ten,
				// are settled after the load (by the head of BIDANG), more
				// of them than one UPDATE takes.
				c := testcity.New(t, s, testcity.Tree(append(tree, testcity.Unit{Code: "SEKSI", Name: "Seksi", Kind: model.UnitSeksi,
					Parent: "BIDANG", Posts: []model.Position{{Title: "Pelaksana SEKSI", Type: model.Pelaksana}}})...))
				var units []model.OrgUnit
				var staffPos, headPos []int64
				for _, u := range tree {
					units = append(units, c.Units[u.Code])
					staffPos, headPos = append(staffPos, c.Posts["Pelaksana "+u.Code].ID), append(headPos, c.Posts["Kepala "+u.Code].ID)
				}
				sek, sekPos := c.Units["SEKSI"], c.Posts["Pelaksana SEKSI"]
				var rows []*store.ImportRow
				for i := range store.BulkMinRows - 3 {
					u := i % 3
					r := staffRow(0, i+1, fmt.Sprintf("Pegawai Nomor %d", i+1), units[u].ID, staffPos[u])
					if i%10 == 9 {
						r.Employee.UnitID, r.Employee.PositionID = sek.ID, sekPos.ID
					}
					rows = append(rows, r)
				}
				// The heads from the bottom of the tree up: each head's
				// parent head comes later.
				var hr []*store.ImportRow
				for u := 2; u >= 0; u-- {
					hr = append(hr, staffRow(0, 90000+u, fmt.Sprintf("Kepala Nomor %d", u), units[u].ID, headPos[u]))
				}
				if order == "staff first" {
					rows = append(rows, hr...)
				} else {
					rows = append(hr, rows...)
				}
				for i, r := range rows {
					r.Line = i + 2
				}
				if res, err := s.ImportEmployees(ctx, importRows(rows)); err != nil || !res.Bulk {
					t.Fatalf("import: %+v %v", res, err)
				}
				dump := func() string {
					var b strings.Builder
					q, err := s.DB().Query(`SELECT e.nip, COALESCE(s.nip, '-') FROM employee e LEFT JOIN employee s ON s.id = e.supervisor_id ORDER BY e.nip`)
					if err != nil {
						t.Fatal(err)
					}
					defer q.Close()
					for q.Next() {
						var a, c string
						q.Scan(&a, &c)
						fmt.Fprintf(&b, "%s>%s\n", a, c)
					}
					return b.String()
				}
				got := dump()
				if !strings.Contains(got, rows[len(rows)-1].Employee.NIP) {
					t.Fatal("rows missing")
				}
				if err := s.DeriveSupervisors(ctx); err != nil {
					t.Fatal(err)
				}
				if want := dump(); got != want {
					t.Fatalf("supervisors of the bulk load differ from a derive from scratch")
				}
				head := func(u int) string { return hr[2-u].Employee.NIP }
				for _, want := range []string{head(2) + ">" + head(1), head(1) + ">" + head(0), head(0) + ">-",
					rows[slices.IndexFunc(rows, func(r *store.ImportRow) bool {
						return r.Employee.UnitID == units[2].ID && r.Employee.PositionID == staffPos[2]
					})].Employee.NIP + ">" + head(2),
					rows[slices.IndexFunc(rows, func(r *store.ImportRow) bool { return r.Employee.UnitID == sek.ID })].Employee.NIP + ">" + head(2)} {
					if !strings.Contains(got, want+"\n") {
						t.Errorf("missing supervisor %s", want)
					}
				}
				var n int
				if err := s.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'employee.supervisor_derived'`).Scan(&n); err != nil || n != 0 {
					t.Fatalf("%d supervisor changes audited (%v), want none", n, err)
				}
			})
		})
	}
}
