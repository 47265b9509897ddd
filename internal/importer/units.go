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
	prob := func(u *urow, key, value, code, msg string, args ...any) {
		rep.add(problem(Problem{Line: u.line, Column: s.cols.col(key, unitFields), Value: value, Field: key, Code: code}, msg, args...))
		u.bad = true
	}
	err = s.rows(func(cells []string, line int) error {
		rep.Counts.Rows++
		u := &urow{line: line, code: s.cols.get(cells, fUnitCode), name: strings.Join(strings.Fields(s.cols.get(cells, fUnit)), " "),
			pc: s.cols.get(cells, fParentCode), pcSet: s.cols.has(fParentCode)}
		rows = append(rows, u)
		if u.code == "" {
			prob(u, fUnitCode, "", "required", "err.import.unit_code_required")
		}
		if u.name == "" {
			prob(u, fUnit, "", "required", "err.import.unit_name_required")
		}
		if raw := s.cols.get(cells, fUnitKind); raw != "" {
			k, ok := parseUnitKind(raw)
			if !ok {
				prob(u, fUnitKind, raw, "unit.kind", "err.import.unit_kind_unknown", raw)
			}
			u.kind, u.kindSet = k, ok
		}
		if u.code != "" {
			key := strings.ToUpper(u.code)
			if first := byCode[key]; first != nil {
				prob(u, fUnitCode, u.code, "duplicate", "err.import.same_unit_code_as", first.line)
				if !first.bad {
					prob(first, fUnitCode, first.code, "duplicate", "err.import.unit_code_occurs_again", line)
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
				prob(u, fUnitCode, u.code, "unit.scope", "err.import.unit_outside_scope", u.code)
				continue
			}
			if u.pcSet && !strings.EqualFold(u.pc, parentCode(r, u.old)) {
				prob(u, fParentCode, u.pc, "unit.move", "err.import.unit_move")
				continue
			}
			if !u.kindSet {
				u.kind = u.old.Kind
			}
			continue
		}
		if !u.kindSet {
			prob(u, fUnitKind, "", "required", "err.import.unit_kind_required_new")
			continue
		}
		if u.pc == "" {
			if !o.Scope.All {
				prob(u, fParentCode, "", "unit.scope", "err.import.root_unit_bkpsdm_only")
			}
			continue
		}
		if p := r.unitByCode[strings.ToUpper(u.pc)]; p != nil {
			if !r.unitInScope(p) {
				prob(u, fParentCode, u.pc, "unit.scope", "err.import.parent_unit_outside_scope", u.pc)
			}
			continue
		}
		if byCode[strings.ToUpper(u.pc)] == nil {
			prob(u, fParentCode, u.pc, "unit.parent", "err.import.parent_unit_missing", u.pc)
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
					prob(u, fParentCode, u.pc, "unit.parent", "err.import.parent_unit_bad", u.pc)
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
			prob(u, fParentCode, u.pc, "unit.cycle", "err.import.parent_units_form_cycle")
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
		prob := func(key, value, code, msg string, args ...any) {
			rep.add(problem(Problem{Line: line, Column: s.cols.col(key, positionFields), Value: value, Field: key, Code: code}, msg, args...))
			bad = true
		}
		code, title := s.cols.get(cells, fPositionCode), strings.Join(strings.Fields(s.cols.get(cells, fPosition)), " ")
		if title == "" {
			prob(fPosition, "", "required", "err.import.position_title_required")
		}
		u, id, en := r.findUnit(s.cols.get(cells, fUnitCode), s.cols.get(cells, fUnit), foldKey)
		ukey := fUnitCode
		if !s.cols.has(fUnitCode) {
			ukey = fUnit
		}
		switch {
		case id != "":
			prob(ukey, s.cols.get(cells, ukey), "unit.unknown", "err.text", bilingual{id, en})
		case u == nil:
			prob(ukey, "", "required", "err.import.position_unit_required")
		case !r.unitInScope(u):
			prob(ukey, u.Code, "unit.scope", "err.import.unit_outside_scope", u.Code)
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
				prob(fPositionType, raw, "position.type", "err.import.position_type_unknown", raw)
			} else if pt != t {
				t, j = pt, ""
			}
		}
		if raw := s.cols.get(cells, fJenjang); raw != "" {
			jj, ok := parseJenjang(raw)
			if !ok {
				prob(fJenjang, raw, "position.jenjang", "err.import.level_unknown", raw)
			}
			j = jj
		}
		if t == model.Fungsional && j == "" {
			prob(fJenjang, "", "required", "err.import.jenjang_required")
		}
		if t != model.Fungsional {
			j = ""
		}
		if s.cols.has(fIsHead) {
			raw := s.cols.get(cells, fIsHead)
			v, ok := parseBool(raw)
			if !ok {
				prob(fIsHead, raw, "position.head", "err.import.head_flag_unknown", raw)
			}
			head = v
		} else if old == nil {
			head = head && !r.unitHead[u.ID]
		}
		if head && !model.MayHead(t, title) {
			prob(fIsHead, "Ya", "position.head", "err.import.head_must_be_managerial")
		}
		p.Type, p.Jenjang, p.IsHead = t, j, head
		key := fmt.Sprintf("t:%d:%s", u.ID, foldKey(title))
		if code != "" {
			key = "c:" + strings.ToUpper(code)
		}
		if first, dup := seen[key]; dup {
			prob(fPosition, title, "duplicate", "err.import.same_position_as_line", first)
			if !firstBad[first] {
				firstBad[first] = true
				rep.add(problem(Problem{Line: first, Column: s.cols.col(fPosition, positionFields), Field: fPosition, Code: "duplicate"},
					"err.import.position_occurs_again", line))
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
