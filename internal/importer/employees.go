package importer

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
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
// A large file applied to an empty registry is loaded in one pass
// (streamEmployees), validating and writing at the same time; everything
// else, and whatever the one-pass load hands back, takes the two passes of
// employeesTwoPass. Both give the same report and write the same rows.
func Employees(ctx context.Context, st *store.Store, path string, o Options) (*Report, error) {
	if o.Apply {
		rep, err := streamEmployees(ctx, st, path, o)
		if !errors.Is(err, errNoStream) {
			return rep, err
		}
	}
	return employeesTwoPass(ctx, st, path, o)
}

// employeesTwoPass is the general import.
//
// Pass 1 reads every row, validates it (registry.CheckEmployeePosition plus
// units, positions, scope, supervisors, dates) and finds NIPs that occur
// more than once: every occurrence of such a NIP is refused, the first one
// too, so that the clerk decides which is right. Pass 2 reads the file
// again and hands the good rows to store.ImportEmployees, which counts (dry
// run) or writes (apply) them in one transaction. Memory stays bounded: per
// row only the NIP (as a number) and its line are kept.
//
// Columns the file lacks keep the stored value of existing employees (a
// file without EMAIL does not erase e-mail addresses); an empty NIP ATASAN
// cell in a file that has the column returns the employee to the derived
// supervisor (the head of the unit).
//
// The error is non-nil only when the file cannot be read or the database
// fails; everything about the rows is in the Report.
func employeesTwoPass(ctx context.Context, st *store.Store, path string, o Options) (*Report, error) {
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
	c := newEmpConv(st, s, r)
	rep := s.rep

	// Pass 1.
	p1 := &pass1{nipLine: map[uint64]int32{}, dupOf: map[int32]int32{}, units: map[int64]bool{}, usedPos: map[int]bool{}}
	sp, err := newSpool()
	if err != nil {
		return nil, fmt.Errorf("importer: temporary file: %w", err)
	}
	defer sp.close()
	err = s.rows(func(cells []string, line int) error {
		rep.Counts.Rows++
		row, probs := c.convert(cells, line)
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
					Message:   fmt.Sprintf("NIP sama dengan baris %d: satu NIP hanya boleh muncul sekali; hapus baris yang salah lalu impor ulang", first),
					MessageEN: fmt.Sprintf("same NIP as line %d: a NIP may occur only once; delete the wrong row and import again", first)})
				bad = true
				if _, seen := p1.dupOf[first]; !seen {
					p1.dupOf[first] = int32(line)
				}
			} else {
				p1.nipLine[k] = int32(line)
			}
		}
		if !bad && row.NewPosition > 0 {
			p1.usedPos[row.NewPosition] = true
		}
		if row.Employee.Status == model.StatusAktif {
			// A candidate head of a unit, for the store's bulk path.
			if u, ok := c.refs.headPos[row.Employee.PositionID]; ok && row.Employee.PositionID != 0 {
				p1.heads = append(p1.heads, headRef{line: int32(line), unit: u})
			} else if row.NewPosition > 0 && c.newList[row.NewPosition-1].IsHead {
				p1.heads = append(p1.heads, headRef{line: int32(line), unit: c.newList[row.NewPosition-1].UnitID})
			}
		}
		if bad {
			p1.markBad(line)
			return nil
		}
		if row.SupervisorNIP != "" {
			sk, _ := nipKey(row.SupervisorNIP)
			p1.sups = append(p1.sups, supRef{line: int32(line), sup: sk})
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
		rep.add(Problem{Line: int(first), Column: col, Field: fNIP, Code: "duplicate",
			Message:   fmt.Sprintf("NIP ini muncul lagi di baris %d: satu NIP hanya boleh muncul sekali; baris ini tidak diimpor sampai hanya satu yang tersisa", later),
			MessageEN: fmt.Sprintf("this NIP occurs again at line %d: a NIP may occur only once; the row is not imported until only one remains", later)})
		p1.markBad(int(first))
	}
	if err := p1.checkSupervisors(ctx, st, rep, s.cols.col(fSupervisorNIP, employeeFields)); err != nil {
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
	// The first good row holding each unit's head post, in file order.
	headLines := map[int64]int{}
	for _, h := range p1.heads {
		if _, ok := headLines[h.unit]; !ok && !p1.isBad(int(h.line)) {
			headLines[h.unit] = int(h.line)
		}
	}
	p1.heads = nil
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
				row, err := rd.next()
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
		Expected: rep.Counts.Good, HeadLines: headLines,
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

// pass1 is what the first pass keeps per row.
type pass1 struct {
	nipLine map[uint64]int32 // NIP → first line
	nips    *nipLines        // instead of nipLine: the one-pass load's
	dupOf   map[int32]int32  // first line → a later line with the same NIP
	badBits []uint64
	bad     int
	units   map[int64]bool
	sups    []supRef
	usedPos map[int]bool // new positions named by a row that was good in pass 1
	heads   []headRef    // rows holding an active head post, in file order
}

type headRef struct {
	line int32
	unit int64
}

type supRef struct {
	line int32
	sup  uint64
}

// firstLine returns the first line of NIP k in the file.
func (p *pass1) firstLine(k uint64) (int32, bool) {
	if p.nips != nil {
		return p.nips.first(k)
	}
	l, ok := p.nipLine[k]
	return l, ok
}

func (p *pass1) markBad(line int) {
	w := line / 64
	for len(p.badBits) <= w {
		p.badBits = append(p.badBits, 0)
	}
	if p.badBits[w]&(1<<(line%64)) == 0 {
		p.badBits[w] |= 1 << (line % 64)
		p.bad++
	}
}

func (p *pass1) isBad(line int) bool {
	w := line / 64
	return w < len(p.badBits) && p.badBits[w]&(1<<(line%64)) != 0
}

// checkSupervisors refuses rows whose NIP ATASAN is neither stored nor on a
// good row of the file, repeating until no more rows fall (a supervisor's
// row may itself fall). A nil st stands for an empty registry.
func (p *pass1) checkSupervisors(ctx context.Context, st *store.Store, rep *Report, col string) error {
	if len(p.sups) == 0 {
		return nil
	}
	// Which referenced NIPs are stored?
	var ask []string
	seen := map[uint64]bool{}
	for _, r := range p.sups {
		if !seen[r.sup] {
			seen[r.sup] = true
			ask = append(ask, nipText(r.sup))
		}
	}
	var inDB map[string]bool // st nil: the registry is empty
	if st != nil {
		var err error
		if inDB, err = st.ExistingNIPs(ctx, ask); err != nil {
			return err
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range p.sups {
			if p.isBad(int(r.line)) || inDB[nipText(r.sup)] {
				continue
			}
			l, inFile := p.firstLine(r.sup)
			if inFile && !p.isBad(int(l)) {
				continue
			}
			n := nipText(r.sup)
			pr := Problem{Line: int(r.line), Column: col, Value: n, Field: fSupervisorNIP, Code: "supervisor.unknown",
				Message:   fmt.Sprintf("NIP atasan %s tidak ditemukan, baik di data pegawai maupun di berkas ini", n),
				MessageEN: fmt.Sprintf("supervisor NIP %s is found neither in the registry nor in this file", n)}
			if inFile {
				pr.Code = "supervisor.bad"
				pr.Message = fmt.Sprintf("atasan dengan NIP %s (baris %d) tidak dapat diimpor: perbaiki baris %d lebih dulu", n, l, l)
				pr.MessageEN = fmt.Sprintf("the supervisor with NIP %s (line %d) cannot be imported: fix line %d first", n, l, l)
			}
			rep.add(pr)
			p.markBad(int(r.line))
			changed = true
		}
	}
	p.sups = nil
	return nil
}

// checkStoredScope refuses rows whose NIP belongs to a stored employee of a
// unit outside the importing user's scope.
func (p *pass1) checkStoredScope(ctx context.Context, st *store.Store, r *refs, rep *Report, col string) error {
	var batch []string
	flush := func() error {
		units, err := st.EmployeeUnitsByNIP(ctx, batch)
		batch = batch[:0]
		if err != nil {
			return err
		}
		for n, unitID := range units {
			u := r.unitByID[unitID]
			if u != nil && r.unitInScope(u) {
				continue
			}
			k, _ := nipKey(n)
			line := int(p.nipLine[k])
			name := fmt.Sprint(unitID)
			if u != nil {
				name = u.Name
			}
			rep.add(Problem{Line: line, Column: col, Value: n, Field: fNIP, Code: "employee.scope",
				Message:   fmt.Sprintf("pegawai dengan NIP %s terdaftar di unit %s, di luar kewenangan Anda: minta admin BKPSDM untuk memindahkannya", n, name),
				MessageEN: fmt.Sprintf("the employee with NIP %s is registered in unit %s, outside your scope: ask a BKPSDM admin to move them", n, name)})
			p.markBad(line)
		}
		return nil
	}
	for k, line := range p.nipLine {
		if p.isBad(int(line)) {
			continue
		}
		batch = append(batch, nipText(k))
		if len(batch) == 500 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if len(batch) > 0 {
		return flush()
	}
	return nil
}

// nipKey packs an 18-digit NIP into a number (it fits in 60 bits).
func nipKey(s string) (uint64, bool) {
	if len(s) != nip.Length {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}

func nipText(k uint64) string { return fmt.Sprintf("%018d", k) }

// empConv turns the cells of one row into a store.ImportRow and its
// problems; it is deterministic, so both passes see the same rows.
type empConv struct {
	refs    *refs
	cols    *columns
	now     time.Time
	numeric bool
	newPos  map[string]int // key → 1-based index in newList
	newList []NewPosition
	folded  map[string]string // foldKey cache: files repeat unit names and titles
}

func newEmpConv(st *store.Store, s *session, r *refs) *empConv {
	return &empConv{refs: r, cols: s.cols, now: st.Now(), numeric: s.format == "xlsx", newPos: map[string]int{}, folded: map[string]string{}}
}

// fold is foldKey with a bounded cache.
func (c *empConv) fold(s string) string {
	if f, ok := c.folded[s]; ok {
		return f
	}
	f := foldKey(s)
	if len(c.folded) < 100000 {
		c.folded[s] = f
	}
	return f
}

func (c *empConv) problem(line int, key string, cells []string, field, code, id, en string, warn bool) Problem {
	return Problem{Line: line, Column: c.cols.col(key, employeeFields), Value: c.cols.get(cells, key), Field: field, Code: code,
		Message: id, MessageEN: en, Warning: warn}
}

func (c *empConv) convert(cells []string, line int) (*store.ImportRow, []Problem) {
	cols := c.cols
	row := &store.ImportRow{Line: line}
	e := &row.Employee
	var ps []Problem
	e.NIP = cols.get(cells, fNIP)
	e.Name = cols.get(cells, fName)
	e.GelarDepan = cols.get(cells, fGelarDepan)
	e.GelarBelakang = cols.get(cells, fGelarBelakang)
	e.BirthPlace = cols.get(cells, fBirthPlace)
	e.Gender = model.Gender(cols.get(cells, fGender))
	e.Kind = model.EmployeeKind(cols.get(cells, fKind))
	e.Golongan = cols.get(cells, fGolongan)
	e.Email = cols.get(cells, fEmail)
	e.Phone = cols.get(cells, fPhone)
	e.Status = model.Status(cols.get(cells, fStatus))
	if raw := cols.get(cells, fBirthDate); raw != "" {
		d, ok, id, en := parseDate(raw, c.numeric)
		if ok {
			e.BirthDate = d
		} else {
			ps = append(ps, c.problem(line, fBirthDate, cells, fBirthDate, "date", "tanggal lahir: "+id, "birth date: "+en, false))
		}
	}

	// Unit.
	unitErr := false
	ucode, uname := cols.get(cells, fUnitCode), cols.get(cells, fUnit)
	u, id, en := c.refs.findUnit(ucode, uname, c.fold)
	ukey := fUnit
	if ucode != "" || !cols.has(fUnit) {
		ukey = fUnitCode
	}
	switch {
	case id != "":
		unitErr = true
		ps = append(ps, c.problem(line, ukey, cells, "unit", "unit.unknown", id, en, false))
	case u != nil && !c.refs.unitInScope(u):
		unitErr = true
		ps = append(ps, c.problem(line, ukey, cells, "unit", "unit.scope",
			fmt.Sprintf("unit %s (%s) di luar kewenangan Anda: baris ini tidak dapat diimpor oleh akun Anda", u.Name, u.Code),
			fmt.Sprintf("unit %s (%s) is outside your scope: your account cannot import this row", u.Name, u.Code), false))
	case u != nil:
		e.UnitID = u.ID
	}

	// Position.
	ptype, pjenjang := c.position(cells, line, u, unitErr, row, &ps)

	// Supervisor.
	if sup := nip.Normalize(cols.get(cells, fSupervisorNIP)); sup != "" {
		_, err1 := nip.Parse(sup, model.PNS)
		_, err2 := nip.Parse(sup, model.PPPK)
		switch {
		case err1 != nil && err2 != nil:
			ps = append(ps, c.problem(line, fSupervisorNIP, cells, fSupervisorNIP, "supervisor.nip",
				"NIP atasan tidak valid: "+err1.Error(), "supervisor NIP is not valid: "+err1.(*nip.Error).EN, false))
		case sup == nip.Normalize(e.NIP):
			ps = append(ps, c.problem(line, fSupervisorNIP, cells, fSupervisorNIP, "supervisor.self",
				"NIP atasan sama dengan NIP pegawai itu sendiri", "the supervisor NIP is the employee's own NIP", false))
		default:
			row.SupervisorNIP = sup
			e.SupervisorSet = true
		}
	}

	for _, p := range registry.CheckEmployeePosition(e, c.now, ptype, pjenjang) {
		if p.Field == registry.FieldUnit && unitErr {
			continue // already explained
		}
		key := registryColumn[p.Field]
		if p.Field == registry.FieldUnit {
			key = ukey
		}
		if p.Field == registry.FieldBirthDate && !cols.has(fBirthDate) {
			key = fNIP
		}
		ps = append(ps, c.problem(line, key, cells, p.Field, p.Code, p.Message, p.MessageEN, p.Warning))
	}
	return row, ps
}

// position resolves the row's position by code, or by title within the
// row's unit; an unknown title (or an unknown code with a title) becomes a
// new position. It returns the type and jenjang for the retirement check.
func (c *empConv) position(cells []string, line int, u *model.OrgUnit, unitErr bool, row *store.ImportRow, ps *[]Problem) (model.PositionType, string) {
	cols := c.cols
	code, title := cols.get(cells, fPositionCode), cols.get(cells, fPosition)
	rawType, rawJenjang := cols.get(cells, fPositionType), cols.get(cells, fJenjang)
	if code == "" && title == "" {
		return "", ""
	}
	if code != "" {
		if p, ok := c.refs.positionByCode(code); ok {
			pu := u // most posts belong to the row's own unit
			if u == nil || p.UnitID != u.ID {
				pu = c.refs.unitByID[p.UnitID]
			}
			if pu != nil && (!c.refs.unitInScope(pu) || (p.IsHead && (u == nil || pu.ID != u.ID))) {
				// A head post carries the scope of its unit: it may only be
				// held in its own unit, and never handed out from outside
				// the importer's scope.
				*ps = append(*ps, c.problem(line, fPositionCode, cells, fPositionCode, "position.scope",
					fmt.Sprintf("jabatan %s (%s) milik unit %s: tidak dapat diberikan kepada pegawai unit ini lewat impor Anda", p.Code, p.Title, pu.Name),
					fmt.Sprintf("position %s (%s) belongs to unit %s: your import cannot give it to an employee of this unit", p.Code, p.Title, pu.Name), false))
				return "", ""
			}
			row.Employee.PositionID = p.ID
			return p.Type, p.Jenjang
		}
		if title == "" {
			*ps = append(*ps, c.problem(line, fPositionCode, cells, fPositionCode, "position.unknown",
				fmt.Sprintf("kode jabatan %q tidak dikenal: isi juga kolom JABATAN agar jabatan baru dibuat, atau impor jabatan lebih dulu", code),
				fmt.Sprintf("position code %q is unknown: also fill JABATAN to create a new position, or import positions first", code), false))
			return "", ""
		}
	} else if u != nil {
		if p, ok := c.refs.positionByTitle(u.ID, c.fold(title)); ok {
			row.Employee.PositionID = p.ID
			return p.Type, p.Jenjang
		}
	}
	if u == nil || unitErr {
		return "", "" // the unit problem is reported already
	}
	// A new position.
	key := fmt.Sprintf("t:%d:%s", u.ID, c.fold(title))
	if code != "" {
		key = "c:" + strings.ToUpper(code)
	}
	if i, ok := c.newPos[key]; ok {
		row.NewPosition = i
		np := c.newList[i-1]
		return np.Type, np.Jenjang
	}
	t, j, head := inferPosition(title, u.Kind)
	guessed := true
	if rawType != "" {
		pt, ok := parsePositionType(rawType)
		if !ok {
			*ps = append(*ps, c.problem(line, fPositionType, cells, fPositionType, "position.type",
				fmt.Sprintf("jenis jabatan %q tidak dikenal (JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana)", rawType),
				fmt.Sprintf("position type %q is unknown (JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana)", rawType), false))
			return "", ""
		}
		if pt != t {
			j, head = "", head && pt.Managerial()
		}
		t, guessed = pt, false
	}
	if rawJenjang != "" {
		jj, ok := parseJenjang(rawJenjang)
		if !ok {
			*ps = append(*ps, c.problem(line, fJenjang, cells, fJenjang, "position.jenjang",
				fmt.Sprintf("jenjang %q tidak dikenal (Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir, Penyelia)", rawJenjang),
				fmt.Sprintf("level %q is unknown (Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir, Penyelia)", rawJenjang), false))
			return "", ""
		}
		j = jj
	}
	if t != model.Fungsional {
		j = ""
	} else if j == "" {
		*ps = append(*ps, c.problem(line, fJenjang, cells, fJenjang, "position.jenjang",
			fmt.Sprintf("jabatan fungsional baru %q memerlukan jenjang (kolom JENJANG, misalnya Ahli Pertama)", title),
			fmt.Sprintf("new functional position %q needs a level (JENJANG column, e.g. Ahli Pertama)", title), false))
		return "", ""
	}
	head = head && t.Managerial() && !c.refs.unitHead[u.ID]
	if head {
		c.refs.unitHead[u.ID] = true
	}
	c.newList = append(c.newList, NewPosition{Title: title, Code: code, Type: t, Jenjang: j, UnitID: u.ID,
		UnitCode: u.Code, UnitName: u.Name, IsHead: head, Guessed: guessed, Line: line})
	c.newPos[key] = len(c.newList)
	row.NewPosition = len(c.newList)
	return t, j
}
