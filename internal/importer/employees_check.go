package importer

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// The whole-file checks of pass 1: duplicated NIPs, explicit supervisors
// that are neither stored nor on a good row, stored NIPs outside the
// importer's scope.

// pass1 is what the first pass keeps per row.
type pass1 struct {
	nipLine map[uint64]int32   // NIP → first line
	dupOf   map[int32]dupLater // first line → a later line with the same NIP
	badBits []uint64
	bad     int
	units   map[int64]bool
	sups    []supRef
	usedPos map[int]bool // new positions named by a row that was good in pass 1
}

type supRef struct {
	line int32
	sup  uint64 // the NIP ATASAN
	self uint64 // the row's own NIP (0 when unreadable)
	unit int64  // the row's unit
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

// checkSupervisors refuses rows whose NIP ATASAN is neither on a good row
// of the file nor a stored employee the importer may name as supervisor
// (policy.MayNameSupervisorWithin: someone administered, or the head or
// Plt./Plh. of the row's unit or a unit above; a supervisor the row's
// employee already has is kept), repeating until no more rows fall (a
// supervisor's row may itself fall). A stored employee the importer may not
// name is refused in the words of an unknown NIP, so that the file cannot
// find out who exists outside the importer's scope.
func (p *pass1) checkSupervisors(ctx context.Context, st *store.Store, r *refs, scope model.Scope, rep *Report, col string) error {
	if len(p.sups) == 0 {
		return nil
	}
	var ask, selves []string
	seen := map[uint64]bool{}
	for _, s := range p.sups {
		if !seen[s.sup] {
			seen[s.sup] = true
			ask = append(ask, nipText(s.sup))
		}
		if s.self != 0 {
			selves = append(selves, nipText(s.self))
		}
	}
	cands, err := st.SupervisorCandidates(ctx, ask)
	if err != nil {
		return err
	}
	kept := map[string]string{}
	if !scope.All {
		if kept, err = st.KeptSupervisors(ctx, selves); err != nil {
			return err
		}
	}
	mayName := func(s supRef) bool {
		n := nipText(s.sup)
		c := cands[n]
		switch {
		case c == nil:
			return false
		case scope.All, s.self != 0 && kept[nipText(s.self)] == n:
			return true
		}
		u := r.unitByID[s.unit]
		return u != nil && policy.MayNameSupervisorWithin(scope, c.UnitPath, c.HeadPaths, u.Path)
	}
	for changed := true; changed; {
		changed = false
		for _, s := range p.sups {
			if p.isBad(int(s.line)) || mayName(s) {
				continue
			}
			l, inFile := p.nipLine[s.sup]
			if inFile && !p.isBad(int(l)) {
				continue
			}
			n := nipText(s.sup)
			pr := Problem{Line: int(s.line), Column: col, Value: n, Field: fSupervisorNIP, Code: "supervisor.unknown",
				Msg: i18n.Msg{Message: fmt.Sprintf("NIP atasan %s tidak ditemukan di antara pegawai yang dapat Anda tetapkan sebagai atasan, maupun di berkas ini", n),
					MessageEN: fmt.Sprintf("supervisor NIP %s is found neither among the people you may name as supervisor nor in this file", n)}}
			if inFile {
				pr.Code = "supervisor.bad"
				pr.Message = fmt.Sprintf("atasan dengan NIP %s (baris %d) tidak dapat diimpor: perbaiki baris %d lebih dulu", n, l, l)
				pr.MessageEN = fmt.Sprintf("the supervisor with NIP %s (line %d) cannot be imported: fix line %d first", n, l, l)
			}
			rep.add(pr)
			p.markBad(int(s.line))
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
				Msg: i18n.Msg{Message: fmt.Sprintf("pegawai dengan NIP %s terdaftar di unit %s, di luar kewenangan Anda: minta admin BKPSDM untuk memindahkannya", n, name),
					MessageEN: fmt.Sprintf("the employee with NIP %s is registered in unit %s, outside your scope: ask a BKPSDM admin to move them", n, name)}})
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

// dupLater is a later line repeating the NIP of a first one.
type dupLater struct {
	line int32
	nip  uint64 // nipKey of the NIP
}

// nipText writes the NIP back as its 18 digits, for the report's value
// column of the first occurrence (pass 1 keeps only the packed key).
func (d dupLater) nipText() string { return fmt.Sprintf("%018d", d.nip) }

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
