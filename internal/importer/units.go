package importer

import (
	"context"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Units imports an org-unit file (KODE UNIT, NAMA UNIT, JENIS UNIT, KODE
// INDUK): a dry run unless o.Apply. Units are matched by code; a new unit's
// parent may be a stored unit or another row of the file, in any order.
// Moving an existing unit to another parent is refused (it would move its
// whole subtree: do that in the application). A new root unit needs a scope
// over the whole government; otherwise the parent must be in scope.
func Units(ctx context.Context, st *store.Store, path string, o Options) (*Report, error) {
	s, err := begin(path, o, "units", unitFields, [][]string{{fUnitCode}, {fUnit}})
	if err != nil || s.rep.FileError {
		if err != nil {
			return nil, err
		}
		return s.finish(), nil
	}
	r, err := loadRefs(ctx, st, o.Scope)
	if err != nil {
		return nil, err
	}
	rep := s.rep
	type urow struct {
		line           int
		code, name, pc string
		kind           model.UnitKind
		kindSet, pcSet bool
		old            *model.OrgUnit
		bad            bool
	}
	var rows []*urow
	byCode := map[string]*urow{}
	prob := func(u *urow, key, value, code, id, en string) {
		rep.add(Problem{Line: u.line, Column: s.cols.col(key, unitFields), Value: value, Field: key, Code: code, Message: id, MessageEN: en})
		u.bad = true
	}
	err = s.rows(func(cells []string, line int) error {
		rep.Counts.Rows++
		u := &urow{line: line, code: s.cols.get(cells, fUnitCode), name: strings.Join(strings.Fields(s.cols.get(cells, fUnit)), " "),
			pc: s.cols.get(cells, fParentCode), pcSet: s.cols.has(fParentCode)}
		rows = append(rows, u)
		if u.code == "" {
			prob(u, fUnitCode, "", "required", "kode unit wajib diisi", "the unit code is required")
		}
		if u.name == "" {
			prob(u, fUnit, "", "required", "nama unit wajib diisi", "the unit name is required")
		}
		if raw := s.cols.get(cells, fUnitKind); raw != "" {
			k, ok := parseUnitKind(raw)
			if !ok {
				prob(u, fUnitKind, raw, "unit.kind", fmt.Sprintf("jenis unit %q tidak dikenal (Pemda, OPD, Bidang, Seksi, UPT, Kelurahan, Lainnya)", raw),
					fmt.Sprintf("unit kind %q is unknown (Pemda, OPD, Bidang, Seksi, UPT, Kelurahan, Lainnya)", raw))
			}
			u.kind, u.kindSet = k, ok
		}
		if u.code != "" {
			key := strings.ToUpper(u.code)
			if first := byCode[key]; first != nil {
				prob(u, fUnitCode, u.code, "duplicate", fmt.Sprintf("kode unit sama dengan baris %d", first.line), fmt.Sprintf("same unit code as line %d", first.line))
				if !first.bad {
					prob(first, fUnitCode, first.code, "duplicate", fmt.Sprintf("kode unit ini muncul lagi di baris %d", line), fmt.Sprintf("this unit code occurs again at line %d", line))
				}
			} else {
				byCode[key] = u
			}
			u.old = r.unitByCode[key]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Parents, scope, kind of new units.
	for _, u := range rows {
		if u.bad {
			continue
		}
		if u.old != nil {
			if !r.unitInScope(u.old) {
				prob(u, fUnitCode, u.code, "unit.scope", fmt.Sprintf("unit %s di luar kewenangan Anda", u.code), fmt.Sprintf("unit %s is outside your scope", u.code))
				continue
			}
			if u.pcSet && !strings.EqualFold(u.pc, parentCode(r, u.old)) {
				prob(u, fParentCode, u.pc, "unit.move", "memindahkan unit ke induk lain tidak dapat dilakukan lewat impor: gunakan menu struktur organisasi",
					"moving a unit to another parent cannot be done by import: use the organisation screen")
				continue
			}
			if !u.kindSet {
				u.kind = u.old.Kind
			}
			continue
		}
		if !u.kindSet {
			prob(u, fUnitKind, "", "required", "jenis unit wajib diisi untuk unit baru", "the unit kind is required for a new unit")
			continue
		}
		if u.pc == "" {
			if !o.Scope.All {
				prob(u, fParentCode, "", "unit.scope", "unit baru tanpa induk (unit tertinggi) hanya dapat dibuat oleh admin BKPSDM", "a new root unit can only be created by a BKPSDM admin")
			}
			continue
		}
		if p := r.unitByCode[strings.ToUpper(u.pc)]; p != nil {
			if !r.unitInScope(p) {
				prob(u, fParentCode, u.pc, "unit.scope", fmt.Sprintf("unit induk %s di luar kewenangan Anda", u.pc), fmt.Sprintf("parent unit %s is outside your scope", u.pc))
			}
			continue
		}
		if byCode[strings.ToUpper(u.pc)] == nil {
			prob(u, fParentCode, u.pc, "unit.parent", fmt.Sprintf("unit induk %q tidak ditemukan di data maupun di berkas", u.pc),
				fmt.Sprintf("parent unit %q is found neither in the registry nor in the file", u.pc))
		}
	}
	// Order new units parents first; a row whose parent row is bad, or a
	// cycle, falls.
	var out []store.UnitImport
	placed := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, u := range rows {
			key := strings.ToUpper(u.code)
			if u.bad || placed[key] {
				continue
			}
			if u.old == nil && u.pc != "" && r.unitByCode[strings.ToUpper(u.pc)] == nil && !placed[strings.ToUpper(u.pc)] {
				if p := byCode[strings.ToUpper(u.pc)]; p == nil || p.bad {
					prob(u, fParentCode, u.pc, "unit.parent", fmt.Sprintf("unit induk %s (di berkas) tidak dapat diimpor", u.pc), fmt.Sprintf("parent unit %s (in the file) cannot be imported", u.pc))
					changed = true
				}
				continue
			}
			placed[key] = true
			changed = true
			ou := model.OrgUnit{Code: u.code, Name: u.name, Kind: u.kind}
			if u.old != nil {
				ou.ID, ou.ParentID = u.old.ID, u.old.ParentID
				if u.old.Code == u.code && u.old.Name == u.name && u.old.Kind == u.kind {
					rep.Counts.Unchanged++
					continue
				}
				rep.Counts.Update++
			} else {
				rep.Counts.Create++
			}
			out = append(out, store.UnitImport{Unit: ou, ParentCode: u.pc})
		}
	}
	for _, u := range rows {
		if !u.bad && !placed[strings.ToUpper(u.code)] {
			prob(u, fParentCode, u.pc, "unit.cycle", "unit induk membentuk lingkaran (unit menjadi induk dirinya sendiri)", "the parent units form a cycle")
		}
		if u.bad {
			rep.Counts.Bad++
		}
	}
	rep.Counts.Good = rep.Counts.Rows - rep.Counts.Bad
	if o.Apply && len(out) > 0 {
		sum, err := s.checksum()
		if err != nil {
			return nil, err
		}
		detail := map[string]any{"file": rep.File, "sha256": sum, "rows": rep.Counts.Rows, "good": rep.Counts.Good,
			"bad": rep.Counts.Bad, "created": rep.Counts.Create, "updated": rep.Counts.Update, "unchanged": rep.Counts.Unchanged}
		if err := st.ImportUnits(ctx, o.Actor, out, detail); err != nil {
			return nil, err
		}
	}
	rep.Applied = o.Apply
	return s.finish(), nil
}

func parentCode(r *refs, u *model.OrgUnit) string {
	if p := r.unitByID[u.ParentID]; p != nil {
		return p.Code
	}
	return ""
}

// Positions imports a position file (KODE JABATAN, JABATAN, JENIS JABATAN,
// JENJANG, KODE UNIT or UNIT KERJA, KEPALA UNIT): a dry run unless
// o.Apply. Positions are matched by code, or by title within their unit
// when the code is empty or new; the unit must exist. A missing JENIS
// JABATAN is inferred from the title as for employee files.
func Positions(ctx context.Context, st *store.Store, path string, o Options) (*Report, error) {
	s, err := begin(path, o, "positions", positionFields, [][]string{{fPosition}, {fUnitCode, fUnit}})
	if err != nil || s.rep.FileError {
		if err != nil {
			return nil, err
		}
		return s.finish(), nil
	}
	r, err := loadRefs(ctx, st, o.Scope)
	if err != nil {
		return nil, err
	}
	rep := s.rep
	var out []model.Position
	seen := map[string]int{}
	firstBad := map[int]bool{}
	err = s.rows(func(cells []string, line int) error {
		rep.Counts.Rows++
		bad := false
		prob := func(key, value, code, id, en string) {
			rep.add(Problem{Line: line, Column: s.cols.col(key, positionFields), Value: value, Field: key, Code: code, Message: id, MessageEN: en})
			bad = true
		}
		code, title := s.cols.get(cells, fPositionCode), strings.Join(strings.Fields(s.cols.get(cells, fPosition)), " ")
		if title == "" {
			prob(fPosition, "", "required", "nama jabatan wajib diisi", "the position title is required")
		}
		u, id, en := r.findUnit(s.cols.get(cells, fUnitCode), s.cols.get(cells, fUnit), foldKey)
		ukey := fUnitCode
		if !s.cols.has(fUnitCode) {
			ukey = fUnit
		}
		switch {
		case id != "":
			prob(ukey, s.cols.get(cells, ukey), "unit.unknown", id, en)
		case u == nil:
			prob(ukey, "", "required", "unit jabatan wajib diisi", "the position's unit is required")
		case !r.unitInScope(u):
			prob(ukey, u.Code, "unit.scope", fmt.Sprintf("unit %s di luar kewenangan Anda", u.Code), fmt.Sprintf("unit %s is outside your scope", u.Code))
		}
		if bad {
			rep.Counts.Bad++
			return nil
		}
		var old *model.Position
		if code != "" {
			if p, ok := r.positionByCode(code); ok {
				old = &p
			}
		}
		if old == nil {
			if p, ok := r.positionByTitle(u.ID, foldKey(title)); ok {
				old = &p
			}
		}
		p := model.Position{Code: code, Title: title, UnitID: u.ID}
		t, j, head := inferPosition(title, u.Kind)
		if old != nil {
			p.ID, t, j, head = old.ID, old.Type, old.Jenjang, old.IsHead
			if code == "" {
				p.Code = old.Code
			}
		}
		if raw := s.cols.get(cells, fPositionType); raw != "" {
			pt, ok := parsePositionType(raw)
			if !ok {
				prob(fPositionType, raw, "position.type", fmt.Sprintf("jenis jabatan %q tidak dikenal", raw), fmt.Sprintf("position type %q is unknown", raw))
			} else if pt != t {
				t, j = pt, ""
			}
		}
		if raw := s.cols.get(cells, fJenjang); raw != "" {
			jj, ok := parseJenjang(raw)
			if !ok {
				prob(fJenjang, raw, "position.jenjang", fmt.Sprintf("jenjang %q tidak dikenal", raw), fmt.Sprintf("level %q is unknown", raw))
			}
			j = jj
		}
		if t == model.Fungsional && j == "" {
			prob(fJenjang, "", "required", "jabatan fungsional memerlukan jenjang (misalnya Ahli Pertama)", "a functional position needs a level (e.g. Ahli Pertama)")
		}
		if t != model.Fungsional {
			j = ""
		}
		if s.cols.has(fIsHead) {
			raw := s.cols.get(cells, fIsHead)
			v, ok := parseBool(raw)
			if !ok {
				prob(fIsHead, raw, "position.head", fmt.Sprintf("isian KEPALA UNIT %q tidak dikenal: isi Ya atau Tidak", raw), fmt.Sprintf("KEPALA UNIT %q is unknown: use Ya or Tidak", raw))
			}
			head = v
		} else if old == nil {
			head = head && !r.unitHead[u.ID]
		}
		if head && !t.Managerial() {
			prob(fIsHead, "Ya", "position.head", "hanya jabatan manajerial (JPT, Administrator, Pengawas) yang dapat menjadi kepala unit", "only managerial positions can head a unit")
		}
		p.Type, p.Jenjang, p.IsHead = t, j, head
		key := fmt.Sprintf("t:%d:%s", u.ID, foldKey(title))
		if code != "" {
			key = "c:" + strings.ToUpper(code)
		}
		if first, dup := seen[key]; dup {
			prob(fPosition, title, "duplicate", fmt.Sprintf("jabatan sama dengan baris %d", first), fmt.Sprintf("same position as line %d", first))
			if !firstBad[first] {
				firstBad[first] = true
				rep.add(Problem{Line: first, Column: s.cols.col(fPosition, positionFields), Field: fPosition, Code: "duplicate",
					Message: fmt.Sprintf("jabatan ini muncul lagi di baris %d", line), MessageEN: fmt.Sprintf("this position occurs again at line %d", line)})
			}
		} else {
			seen[key] = line
		}
		if bad {
			rep.Counts.Bad++
			return nil
		}
		if old != nil && old.Code == p.Code && old.Title == p.Title && old.Type == p.Type && old.Jenjang == p.Jenjang && old.UnitID == p.UnitID && old.IsHead == p.IsHead {
			rep.Counts.Unchanged++
			return nil
		}
		pp := p
		out = append(out, pp)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// First occurrences of duplicates fall too.
	if len(firstBad) > 0 {
		var keep []model.Position
		lines := map[string]int{}
		for k, l := range seen {
			lines[k] = l
		}
		for _, p := range out {
			key := fmt.Sprintf("t:%d:%s", p.UnitID, foldKey(p.Title))
			if p.Code != "" {
				key = "c:" + strings.ToUpper(p.Code)
			}
			if firstBad[lines[key]] {
				continue
			}
			keep = append(keep, p)
		}
		out = keep
		rep.Counts.Bad += len(firstBad)
	}
	for _, p := range out {
		if p.ID == 0 {
			rep.Counts.Create++
		} else {
			rep.Counts.Update++
		}
	}
	rep.Counts.Good = rep.Counts.Rows - rep.Counts.Bad
	if o.Apply && !rep.FileError && len(out) > 0 {
		sum, err := s.checksum()
		if err != nil {
			return nil, err
		}
		detail := map[string]any{"file": rep.File, "sha256": sum, "rows": rep.Counts.Rows, "good": rep.Counts.Good,
			"bad": rep.Counts.Bad, "created": rep.Counts.Create, "updated": rep.Counts.Update, "unchanged": rep.Counts.Unchanged}
		if err := st.ImportPositions(ctx, o.Actor, out, detail); err != nil {
			return nil, err
		}
	}
	rep.Applied = o.Apply && !rep.FileError
	return s.finish(), nil
}
