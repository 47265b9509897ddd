package importer

import (
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/registry"
	"github.com/kompeten/kompeten/internal/store"
)

// empConv turns the cells of one row into a store.ImportRow and its
// problems; it is deterministic, so both passes see the same rows.
type empConv struct {
	refs    *refs
	cols    *columns
	now     time.Time
	retire  model.RetirementAges // the settings' retirement ages
	numeric bool
	newPos  map[string]int // key → 1-based index in newList
	newList []NewPosition
	folded  map[string]string // foldKey cache: files repeat unit names and titles
	// worker is set for the converters of pass 1's workers
	// (employees_pass1.go), which share refs and leave a row that needs a
	// new position to the sequential converter: they set deferred instead.
	worker, deferred bool
}

func newEmpConv(st *store.Store, s *session, r *refs, retire model.RetirementAges) *empConv {
	return &empConv{refs: r, cols: s.cols, now: st.Now(), retire: retire, numeric: s.format == "xlsx", newPos: map[string]int{}, folded: map[string]string{}}
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
		Msg: i18n.Msg{Message: id, MessageEN: en}, Warning: warn}
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
	ptype, pjenjang, ptitle := c.position(cells, line, u, unitErr, row, &ps)

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

	for _, p := range registry.CheckEmployeePosition(e, c.now, c.retire.Age(ptype, pjenjang, ptitle), pjenjang) {
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
// new position. It returns the type, jenjang and title for the retirement
// check.
func (c *empConv) position(cells []string, line int, u *model.OrgUnit, unitErr bool, row *store.ImportRow, ps *[]Problem) (model.PositionType, string, string) {
	cols := c.cols
	code, title := cols.get(cells, fPositionCode), cols.get(cells, fPosition)
	rawType, rawJenjang := cols.get(cells, fPositionType), cols.get(cells, fJenjang)
	if code == "" && title == "" {
		return "", "", ""
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
				return "", "", ""
			}
			row.Employee.PositionID = p.ID
			return p.Type, p.Jenjang, p.Title
		}
		if title == "" {
			*ps = append(*ps, c.problem(line, fPositionCode, cells, fPositionCode, "position.unknown",
				fmt.Sprintf("kode jabatan %q tidak dikenal: isi juga kolom JABATAN agar jabatan baru dibuat, atau impor jabatan lebih dulu", code),
				fmt.Sprintf("position code %q is unknown: also fill JABATAN to create a new position, or import positions first", code), false))
			return "", "", ""
		}
	} else if u != nil {
		if p, ok := c.refs.positionByTitle(u.ID, c.fold(title)); ok {
			row.Employee.PositionID = p.ID
			return p.Type, p.Jenjang, p.Title
		}
	}
	if u == nil || unitErr {
		return "", "", "" // the unit problem is reported already
	}
	// A new position: which rows name the same one, and what the first of
	// them makes it, depends on the order of the rows.
	if c.worker {
		c.deferred = true
		return "", "", ""
	}
	key := fmt.Sprintf("t:%d:%s", u.ID, c.fold(title))
	if code != "" {
		key = "c:" + strings.ToUpper(code)
	}
	if i, ok := c.newPos[key]; ok {
		row.NewPosition = i
		np := c.newList[i-1]
		return np.Type, np.Jenjang, np.Title
	}
	t, j, head := inferPosition(title, u.Kind)
	guessed := true
	if rawType != "" {
		pt, ok := parsePositionType(rawType)
		if !ok {
			*ps = append(*ps, c.problem(line, fPositionType, cells, fPositionType, "position.type",
				fmt.Sprintf("jenis jabatan %q tidak dikenal (JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana)", rawType),
				fmt.Sprintf("position type %q is unknown (JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana)", rawType), false))
			return "", "", ""
		}
		if pt != t {
			j, head = "", head && model.MayHead(pt, title)
		}
		t, guessed = pt, false
	}
	if rawJenjang != "" {
		jj, ok := parseJenjang(rawJenjang)
		if !ok {
			*ps = append(*ps, c.problem(line, fJenjang, cells, fJenjang, "position.jenjang",
				fmt.Sprintf("jenjang %q tidak dikenal (Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir, Penyelia)", rawJenjang),
				fmt.Sprintf("level %q is unknown (Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir, Penyelia)", rawJenjang), false))
			return "", "", ""
		}
		j = jj
	}
	if t != model.Fungsional {
		j = ""
	} else if j == "" {
		*ps = append(*ps, c.problem(line, fJenjang, cells, fJenjang, "position.jenjang",
			fmt.Sprintf("jabatan fungsional baru %q memerlukan jenjang (kolom JENJANG, misalnya Ahli Pertama)", title),
			fmt.Sprintf("new functional position %q needs a level (JENJANG column, e.g. Ahli Pertama)", title), false))
		return "", "", ""
	}
	head = head && model.MayHead(t, title) && !c.refs.unitHead[u.ID]
	if head {
		c.refs.unitHead[u.ID] = true
	}
	c.newList = append(c.newList, NewPosition{Title: title, Code: code, Type: t, Jenjang: j, UnitID: u.ID,
		UnitCode: u.Code, UnitName: u.Name, IsHead: head, Guessed: guessed, Line: line})
	c.newPos[key] = len(c.newList)
	row.NewPosition = len(c.newList)
	return t, j, title
}

// holdsHeadPost reports whether the row's position is the head post of a
// unit (stored or created by the file).
func (c *empConv) holdsHeadPost(row *store.ImportRow) bool {
	if row.NewPosition > 0 {
		return c.newList[row.NewPosition-1].IsHead
	}
	_, ok := c.refs.headPos[row.Employee.PositionID]
	return ok && row.Employee.PositionID != 0
}
