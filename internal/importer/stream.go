package importer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/store"
)

// errNoStream says the one-pass load does not apply, or met something only
// the two-pass import handles; nothing was written.
var errNoStream = errors.New("importer: no one-pass load")

// streamBatch is the number of rows handed from the reader to the writer at
// a time.
const streamBatch = 256

// streamEmployees applies a large file to an empty registry in one pass: a
// goroutine reads and validates the rows while the store writes the good
// ones on another core, in the one transaction of the bulk path.
//
// The two-pass import holds rows back until the whole file is known
// because some checks need it. Here a quick first read (prescan) settles
// what can be known in advance: every NIP's first line, so that both rows
// of a duplicated NIP are refused as they come; and each unit's head row,
// so that the store writes derived supervisors with the rows. What remains
// cannot refuse a row in an empty registry (stored NIPs outside the scope,
// employees missing from the file), except an explicit supervisor (NIP
// ATASAN) whose own row turns out bad: that is checked at the end, and
// should it refuse any row the transaction is rolled back and the file
// imported in two passes (errNoStream), as also when the registry turns out
// not to be empty or the file cannot be read to its end. So the report and
// the rows written are those of the two-pass import, with one difference:
// positions get their ids (and a code-less position its J-code) in the
// order their first good row comes, not their first row.
func streamEmployees(ctx context.Context, st *store.Store, path string, o Options) (*Report, error) {
	if has, err := st.HasEmployees(ctx); err != nil || has {
		if err == nil {
			err = errNoStream
		}
		return nil, err
	}
	s, err := begin(path, o, "employees", employeeFields, [][]string{{fNIP}, {fName}, {fGender}, {fUnitCode, fUnit}})
	if err != nil {
		return nil, err
	}
	if s.rep.FileError {
		return nil, errNoStream
	}
	store.TraceImport("header read")
	// The references load on another core while the file is first read:
	// that read needs only the head posts' codes and titles. The queries
	// run one after the other, so that the pool keeps one SQLite
	// connection (a bulk load may switch the journal mode only when its
	// connection is the only one: see store.ImportEmployees).
	hf, err := newHeadFilter(ctx, st)
	if err != nil {
		return nil, err
	}
	type loaded struct {
		r   *refs
		err error
	}
	refsCh := make(chan loaded, 1)
	go func() {
		r, err := loadRefs(ctx, st, o.Scope)
		store.TraceImport("references loaded")
		refsCh <- loaded{r, err}
	}()
	p1 := &pass1{dupOf: map[int32]int32{}, usedPos: map[int]bool{}}
	rows, cands, err := prescan(s, hf, p1)
	store.TraceImport("file read once")
	ld := <-refsCh
	if err == nil {
		err = ld.err
	}
	if err != nil {
		return nil, err
	}
	r := ld.r
	// The unit heads are picked on another goroutine while the store
	// prepares the load; the reader hands them over with the first rows.
	heads := make(chan map[int64]int, 1)
	go func() { heads <- headRows(cands, newEmpConv(st, s, r), p1) }()
	store.TraceImport("first read and references")
	if s.rep.FileError || rows < store.BulkMinRows {
		return nil, errNoStream
	}

	c := newEmpConv(st, s, r)
	rep := s.rep
	nipCol := s.cols.col(fNIP, employeeFields)
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*store.ImportRow, 128)
	var readErr error // set before batches closes
	var cur []*store.ImportRow
	var imp *store.EmployeeImport
	imp = &store.EmployeeImport{
		Actor: o.Actor, Stream: true, Expected: rows,
		Provided: providedFields(s.cols),
		Next: func() (*store.ImportRow, error) {
			for len(cur) == 0 {
				b, ok := <-batches
				if !ok {
					return nil, nil
				}
				cur = b
			}
			row := cur[0]
			cur = cur[1:]
			return row, nil
		},
		// The reader is done (batches is closed): the whole-file checks.
		Finish: func() error {
			store.TraceImport("file read and validated")
			if readErr != nil {
				return readErr
			}
			if rep.FileError {
				return errNoStream
			}
			before := p1.bad
			if err := p1.checkSupervisors(ctx, nil, rep, s.cols.col(fSupervisorNIP, employeeFields)); err != nil {
				return err
			}
			if p1.bad != before {
				return errNoStream // rows already written fell
			}
			rep.Counts.Bad = p1.bad
			rep.Counts.Good = rep.Counts.Rows - p1.bad
			for i, np := range c.newList {
				if p1.usedPos[i+1] {
					rep.NewPositions = append(rep.NewPositions, np)
				}
			}
			// The references and NIPs are done with: hand their memory
			// back before the database sorts its indexes.
			c, r, p1.nips = nil, nil, nil
			debug.FreeOSMemory()
			sum, err := s.checksum()
			if err != nil {
				return err
			}
			imp.Detail = map[string]any{"file": rep.File, "sha256": sum, "format": rep.Format,
				"rows": rep.Counts.Rows, "good": rep.Counts.Good, "bad": rep.Counts.Bad, "warned": rep.Counts.Warned}
			return nil
		},
	}
	go func() {
		defer close(batches)
		var batch []*store.ImportRow
		first := true
		send := func() bool {
			if first { // the store reads HeadLines at the first row
				first = false
				imp.HeadLines = <-heads
			}
			select {
			case batches <- batch:
				batch = make([]*store.ImportRow, 0, streamBatch)
				return true
			case <-pctx.Done():
				return false
			}
		}
		mk := func() *empConv { return newEmpConv(st, s, r) }
		readErr = convertRows(pctx, s, mk, func(cr *convertedRow) error {
			line := cr.line
			rep.Counts.Rows++
			row, probs := cr.row, cr.probs
			if row.NewPosition > 0 {
				// Positions the file creates are numbered by this
				// converter alone, in line order.
				row, probs = c.convert(cr.cells, line)
				row.SortKey, row.Words = names.KeyAndWords(row.Employee.Name)
			}
			bad, warned := false, false
			for _, p := range probs {
				rep.add(p)
				bad = bad || !p.Warning
				warned = warned || p.Warning
			}
			if warned {
				rep.Counts.Warned++
			}
			if k, ok := nipKey(row.Employee.NIP); ok {
				// The same problems as the two-pass import, for every
				// occurrence of a duplicated NIP.
				first, _ := p1.nips.first(k)
				if later, dup := p1.dupOf[first]; dup && int(first) == line {
					rep.add(Problem{Line: line, Column: nipCol, Field: fNIP, Code: "duplicate",
						Message:   fmt.Sprintf("NIP ini muncul lagi di baris %d: satu NIP hanya boleh muncul sekali; baris ini tidak diimpor sampai hanya satu yang tersisa", later),
						MessageEN: fmt.Sprintf("this NIP occurs again at line %d: a NIP may occur only once; the row is not imported until only one remains", later)})
					bad = true
				} else if int(first) != line {
					rep.add(Problem{Line: line, Column: nipCol, Value: row.Employee.NIP, Field: fNIP, Code: "duplicate",
						Message:   fmt.Sprintf("NIP sama dengan baris %d: satu NIP hanya boleh muncul sekali; hapus baris yang salah lalu impor ulang", first),
						MessageEN: fmt.Sprintf("same NIP as line %d: a NIP may occur only once; delete the wrong row and import again", first)})
					bad = true
				}
			}
			if bad {
				p1.markBad(line)
				return nil
			}
			if n := row.NewPosition; n > 0 && !p1.usedPos[n] {
				p1.usedPos[n] = true
				np := c.newList[n-1]
				row.Position = &model.Position{Code: np.Code, Title: np.Title, Type: np.Type, Jenjang: np.Jenjang, UnitID: np.UnitID, IsHead: np.IsHead}
			}
			if row.SupervisorNIP != "" {
				sk, _ := nipKey(row.SupervisorNIP)
				p1.sups = append(p1.sups, supRef{line: int32(line), sup: sk})
			}
			batch = append(batch, row)
			if len(batch) == streamBatch && !send() {
				return pctx.Err()
			}
			return nil
		})
		if readErr == nil && len(batch) > 0 && !send() {
			readErr = pctx.Err()
		}
	}()

	res, err := st.ImportEmployees(ctx, imp)
	cancel()
	for range batches { // let the reader finish
	}
	if errors.Is(err, store.ErrNotBulk) {
		err = errNoStream
	}
	if err != nil {
		return nil, err
	}
	rep.Counts.Create, rep.Counts.Update, rep.Counts.Unchanged = res.Created, res.Updated, res.Unchanged
	rep.Applied = true
	rep.Bulk = res.Bulk
	rep.PositionsCreated = res.PositionsCreated
	rep.onePass = true
	return s.finish(), nil
}

// prescan reads the file once without validating most of it: it records
// every NIP's first line and, for NIPs that recur, the first later line
// (p1.nips, p1.dupOf), and keeps the rows that may hold a head post (by the
// filter) for headRows. It returns the number of data rows.
func prescan(s *session, hf *headFilter, p1 *pass1) (int, []headCand, error) {
	var cands []headCand
	type nipAt struct {
		nip  uint64
		line int32
	}
	// Room for the rows the file's size suggests (a data row of an
	// agency's export takes well over 100 bytes), so that a million NIPs
	// are not copied over and over as they come; reserved but untouched
	// memory is not resident.
	var all []nipAt
	if s.format == "csv" {
		all = make([]nipAt, 0, s.size/100+1024)
	}
	cols := s.cols
	rows := 0
	err := s.rows(func(cells []string, line int) error {
		rows++
		if k, ok := nipKey(nip.Normalize(cols.get(cells, fNIP))); ok {
			all = growBy(all, 1)
			all = append(all, nipAt{k, int32(line)})
		}
		if hf.may(cols.get(cells, fPositionCode), cols.get(cells, fPosition)) {
			cands = append(cands, headCand{line, slices.Clone(cells)})
		}
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	// Every NIP's first line, and for one that recurs its second.
	slices.SortFunc(all, func(a, b nipAt) int {
		if a.nip != b.nip {
			return cmp.Compare(a.nip, b.nip)
		}
		return cmp.Compare(a.line, b.line)
	})
	n := &nipLines{keys: make([]uint64, 0, len(all)), lines: make([]int32, 0, len(all))}
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].nip == all[i].nip {
			j++
		}
		n.keys = append(n.keys, all[i].nip)
		n.lines = append(n.lines, all[i].line)
		if j > i+1 {
			p1.dupOf[all[i].line] = all[i+1].line
		}
		i = j
	}
	p1.nips = n
	return rows, cands, nil
}

// headCand is a row that may hold a head post, kept by prescan.
type headCand struct {
	line  int
	cells []string
}

// headFilter tells the rows that may hold a head post by the post's code
// or, in a row without a code, its title: a superset, which headRows
// narrows down once all positions are loaded.
type headFilter struct {
	codes  map[string]bool // upper case
	titles map[string]bool // foldKey
}

func newHeadFilter(ctx context.Context, st *store.Store) (*headFilter, error) {
	codes, titles, err := st.HeadPostNames(ctx)
	if err != nil {
		return nil, err
	}
	hf := &headFilter{codes: make(map[string]bool, len(codes)), titles: map[string]bool{}}
	for i := range codes {
		hf.codes[strings.ToUpper(codes[i])] = true
		hf.titles[foldKey(titles[i])] = true
	}
	return hf, nil
}

func (hf *headFilter) may(code, title string) bool {
	if code != "" {
		return hf.codes[strings.ToUpper(code)]
	}
	return title != "" && hf.titles[foldKey(title)]
}

// headRows names each unit's head row for the store
// (EmployeeImport.HeadLines): the first row, valid and of a NIP that occurs
// once, of an active holder of the unit's existing head post. A head row it
// misses (say, of a head post the file itself creates) costs the store a
// set-based derive after the load, never a wrong supervisor.
func headRows(cands []headCand, c *empConv, p1 *pass1) map[int64]int {
	cols, r := c.cols, c.refs
	heads := map[int64]int{}
	for _, h := range cands {
		cells := h.cells
		var p model.Position
		if code := cols.get(cells, fPositionCode); code != "" {
			p, _ = r.positionByCode(code)
		} else if title := cols.get(cells, fPosition); title != "" {
			if u, _, _ := r.findUnit(cols.get(cells, fUnitCode), cols.get(cells, fUnit), c.fold); u != nil {
				p, _ = r.positionByTitle(u.ID, c.fold(title))
			}
		}
		if !p.IsHead {
			continue
		}
		if _, ok := heads[p.UnitID]; ok {
			continue
		}
		row, probs := c.convert(cells, h.line)
		if slices.ContainsFunc(probs, func(pr Problem) bool { return !pr.Warning }) {
			continue
		}
		k, ok := nipKey(row.Employee.NIP)
		if !ok || row.Employee.Status != model.StatusAktif || row.Employee.PositionID != p.ID {
			continue
		}
		if l, _ := p1.nips.first(k); int(l) != h.line {
			continue // a later row of a NIP
		}
		if _, dup := p1.dupOf[int32(h.line)]; dup {
			continue // a NIP that recurs: refused
		}
		heads[p.UnitID] = h.line
	}
	return heads
}

// nipLines is every NIP of a file with its first line, sorted by NIP: 12
// bytes a NIP where a map takes 20 to 40, and it is held while the rows
// are written.
type nipLines struct {
	keys  []uint64
	lines []int32
}

func (n *nipLines) first(k uint64) (int32, bool) {
	if i, ok := slices.BinarySearch(n.keys, k); ok {
		return n.lines[i], true
	}
	return 0, false
}

// providedFields names the store fields the file has columns for.
func providedFields(cols *columns) map[string]bool {
	provided := map[string]bool{}
	for k := range cols.idx {
		if f, ok := storeField[k]; ok {
			provided[f] = true
		}
	}
	return provided
}
