package importer

import (
	"context"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/registry"
	"github.com/kompeten/kompeten/internal/store"
)

// storeField maps file fields to the employee field names of the store's
// audit detail (EmployeeImport.Provided).
var storeField = map[string]string{
	fNIP: "nip", fName: "name", fGelarDepan: "gelar_depan", fGelarBelakang: "gelar_belakang",
	fBirthPlace: "birth_place", fBirthDate: "birth_date", fGender: "gender", fKind: "kind",
	fGolongan: "golongan", fPositionCode: "position_id", fPosition: "position_id",
	fUnitCode: "unit_id", fUnit: "unit_id", fSupervisorNIP: "supervisor_id",
	fEmail: "email", fPhone: "phone", fStatus: "status",
}

// registryColumn maps registry.Problem fields to file fields.
var registryColumn = map[string]string{
	registry.FieldNIP: fNIP, registry.FieldName: fName, registry.FieldGender: fGender, registry.FieldKind: fKind,
	registry.FieldGolongan: fGolongan, registry.FieldStatus: fStatus, registry.FieldEmail: fEmail,
	registry.FieldPhone: fPhone, registry.FieldBirthDate: fBirthDate, registry.FieldGelarDepan: fGelarDepan,
	registry.FieldGelarBelakang: fGelarBelakang, registry.FieldBirthPlace: fBirthPlace,
}

// Employees imports the employee file at path: a dry run unless o.Apply.
//
// Pass 1 reads every row, validates it (registry.CheckEmployeePosition plus
// units, positions, scope, supervisors, dates) and finds NIPs that occur
// more than once: every occurrence of such a NIP is refused, the first one
// too, so that the clerk decides which is right; converted rows go to a
// spool file. Pass 2 reads the spool back and hands the rows still good to
// store.ImportEmployees, which counts (dry run) or writes (apply) them in
// one transaction. Memory stays bounded: per row only the NIP (as a number)
// and its line are kept.
//
// Columns the file lacks keep the stored value of existing employees (a
// file without EMAIL does not erase e-mail addresses); an empty NIP ATASAN
// cell in a file that has the column returns the employee to the derived
// supervisor (the head of the unit).
//
// The error is non-nil only when the file cannot be read or the database
// fails; everything about the rows is in the Report.
func Employees(ctx context.Context, st *store.Store, path string, o Options) (*Report, error) {
	s, err := begin(path, o, "employees", employeeFields, [][]string{{fNIP}, {fName}, {fGender}, {fUnitCode, fUnit}})
	if err != nil {
		return nil, err
	}
	if s.rep.FileError {
		return s.finish(), nil
	}
	r, err := loadRefs(ctx, st, o.Scope)
	if err != nil {
		return nil, err
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	c := newEmpConv(st, s, r, set.Retirement)
	rep := s.rep

	// Pass 1.
	p1 := &pass1{nipLine: map[uint64]int32{}, dupOf: map[int32]dupLater{}, units: map[int64]bool{}, usedPos: map[int]bool{}}
	// Two spools: the rows that hold a head post, and the rest. Pass 2
	// hands the first ones on first (each spool in file order), so that a
	// bulk load knows every unit's head before its staff and writes their
	// supervisors with the rows (see store.EmployeeImport).
	heads, err := newSpool()
	if err != nil {
		return nil, fmt.Errorf("importer: temporary file: %w", err)
	}
	defer heads.close()
	sp, err := newSpool()
	if err != nil {
		return nil, fmt.Errorf("importer: temporary file: %w", err)
	}
	defer sp.close()
	err = s.convertRows(ctx, c, func(row *store.ImportRow, probs []Problem, line int) error {
		rep.Counts.Rows++
		bad, warned := false, false
		for _, p := range probs {
			rep.add(p)
			bad = bad || !p.Warning
			warned = warned || p.Warning
		}
		if warned {
			rep.Counts.Warned++
		}
		if row.Employee.UnitID != 0 {
			p1.units[row.Employee.UnitID] = true
		}
		if k, ok := nipKey(row.Employee.NIP); ok {
			if first, dup := p1.nipLine[k]; dup {
				rep.add(Problem{Line: line, Column: s.cols.col(fNIP, employeeFields), Value: row.Employee.NIP, Field: fNIP, Code: "duplicate",
					Msg: i18n.Msg{Message: fmt.Sprintf("NIP sama dengan baris %d: satu NIP hanya boleh muncul sekali; hapus baris yang salah lalu impor ulang", first),
						MessageEN: fmt.Sprintf("same NIP as line %d: a NIP may occur only once; delete the wrong row and import again", first)}})
				bad = true
				if _, seen := p1.dupOf[first]; !seen {
					p1.dupOf[first] = dupLater{line: int32(line), nip: k}
				}
			} else {
				p1.nipLine[k] = int32(line)
			}
		}
		if !bad && row.NewPosition > 0 {
			p1.usedPos[row.NewPosition] = true
		}
		if bad {
			p1.markBad(line)
			return nil
		}
		if row.SupervisorNIP != "" {
			sk, _ := nipKey(row.SupervisorNIP)
			self, _ := nipKey(row.Employee.NIP)
			p1.sups = append(p1.sups, supRef{line: int32(line), sup: sk, self: self, unit: row.Employee.UnitID})
		}
		if c.holdsHeadPost(row) {
			return heads.add(row)
		}
		return sp.add(row)
	})
	if err != nil {
		return nil, err
	}
	if rep.FileError {
		rep.Counts.Bad = p1.bad
		return s.finish(), nil
	}
	// First occurrences of duplicated NIPs.
	for first, later := range p1.dupOf {
		col := s.cols.col(fNIP, employeeFields)
		rep.add(Problem{Line: int(first), Column: col, Value: later.nipText(), Field: fNIP, Code: "duplicate",
			Msg: i18n.Msg{Message: fmt.Sprintf("NIP ini muncul lagi di baris %d: satu NIP hanya boleh muncul sekali; baris ini tidak diimpor sampai hanya satu yang tersisa", later.line),
				MessageEN: fmt.Sprintf("this NIP occurs again at line %d: a NIP may occur only once; the row is not imported until only one remains", later.line)}})
		p1.markBad(int(first))
	}
	if err := p1.checkSupervisors(ctx, st, r, o.Scope, rep, s.cols.col(fSupervisorNIP, employeeFields)); err != nil {
		return nil, err
	}
	if !o.Scope.All {
		// A NIP already stored in a unit outside the scope must not be
		// overwritten (nor moved into the importer's unit).
		if err := p1.checkStoredScope(ctx, st, r, rep, s.cols.col(fNIP, employeeFields)); err != nil {
			return nil, err
		}
	}
	rep.Counts.Bad = p1.bad
	rep.Counts.Good = rep.Counts.Rows - p1.bad
	// New positions named only by bad rows are not created.
	remap := make([]int, len(c.newList)+1)
	for i, np := range c.newList {
		if p1.usedPos[i+1] {
			rep.NewPositions = append(rep.NewPositions, np)
			remap[i+1] = len(rep.NewPositions)
		}
	}

	// Employees of the file's units that the file does not list.
	var unitIDs []int64
	for id := range p1.units {
		unitIDs = append(unitIDs, id)
	}
	sort.Slice(unitIDs, func(i, j int) bool { return unitIDs[i] < unitIDs[j] })
	err = st.EmployeeNIPsInUnits(ctx, unitIDs, func(n, name string) error {
		if k, ok := nipKey(n); ok {
			if _, in := p1.nipLine[k]; in {
				return nil
			}
		}
		rep.MissingCount++
		if len(rep.Missing) < MaxMissing {
			rep.Missing = append(rep.Missing, Missing{NIP: n, Name: name})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	p1.nipLine = nil // free before pass 2
	// Pass 2 reads the spool: the units and positions (hundreds of
	// thousands in a city) are no longer needed; hand their memory back
	// before the database's caches grow.
	c, r = nil, nil
	debug.FreeOSMemory()

	// Pass 2: classify (dry run) or write (apply) the rows still good,
	// read back from the spool.
	provided := map[string]bool{}
	for k := range s.cols.idx {
		if f, ok := storeField[k]; ok {
			provided[f] = true
		}
	}
	newPositions := make([]model.Position, len(rep.NewPositions))
	for i, np := range rep.NewPositions {
		newPositions[i] = model.Position{Code: np.Code, Title: np.Title, Type: np.Type, Jenjang: np.Jenjang, UnitID: np.UnitID, IsHead: np.IsHead}
	}
	rdHeads, err := heads.reader()
	if err != nil {
		return nil, fmt.Errorf("importer: temporary file: %w", err)
	}
	rd, err := sp.reader()
	if err != nil {
		return nil, fmt.Errorf("importer: temporary file: %w", err)
	}
	rowsCh := make(chan *store.ImportRow, 2048)
	errCh := make(chan error, 1)
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(rowsCh)
		errCh <- func() error {
			for {
				row, err := rdHeads.next()
				if err == nil && row == nil {
					row, err = rd.next()
				}
				if err != nil || row == nil {
					return err
				}
				if p1.isBad(row.Line) {
					continue
				}
				row.NewPosition = remap[row.NewPosition]
				select {
				case rowsCh <- row:
				case <-pctx.Done():
					return pctx.Err()
				}
			}
		}()
	}()
	sum, err := s.checksum()
	if err != nil {
		return nil, err
	}
	imp := &store.EmployeeImport{
		Actor: o.Actor, DryRun: !o.Apply, Provided: provided, NewPositions: newPositions,
		Expected: rep.Counts.Good,
		Next: func() (*store.ImportRow, error) {
			if r, ok := <-rowsCh; ok {
				return r, nil
			}
			return nil, nil
		},
		Detail: map[string]any{"file": rep.File, "sha256": sum, "format": rep.Format,
			"rows": rep.Counts.Rows, "good": rep.Counts.Good, "bad": rep.Counts.Bad, "warned": rep.Counts.Warned},
	}
	res, err := st.ImportEmployees(ctx, imp)
	cancel()
	for range rowsCh { // let the reader finish
	}
	if rerr := <-errCh; err == nil && rerr != nil && rerr != context.Canceled {
		err = rerr
	}
	if err != nil {
		return nil, err
	}
	rep.Counts.Create, rep.Counts.Update, rep.Counts.Unchanged = res.Created, res.Updated, res.Unchanged
	rep.Applied = o.Apply
	rep.Bulk = res.Bulk
	rep.PositionsCreated = res.PositionsCreated
	return s.finish(), nil
}
