package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/table"
)

// refs are the org units and positions rows refer to, loaded once. A city
// has tens of thousands of units and hundreds of thousands of positions,
// held through pass 1: positions are kept compact (one
// slice, titles and kinds shared, lookups by index) and the title lookup is
// built only when a row without a position code needs it.
type refs struct {
	units      []model.OrgUnit
	unitByID   map[int64]*model.OrgUnit
	unitByCode map[string]*model.OrgUnit   // upper-case code
	unitByName map[string][]*model.OrgUnit // foldKey(name); more than one: ambiguous
	pos        []refPos
	codes      string           // the positions' codes, concatenated
	strs       []string         // titles, types and levels, each once
	posByCode  map[string]int32 // upper-case code → index in pos
	posByTitle map[posKey]int32 // (unit, foldKey(title)) → index in pos; built on first need
	titleOnce  sync.Once        // builds posByTitle on first need
	unitHead   map[int64]bool   // the unit has a head post
	headPos    map[int64]int64  // head post → its unit
	scope      model.Scope
	inScope    map[int64]bool
}

// refPos is a position in 40 bytes without pointers (a model.Position
// takes 96 and five pointers the garbage collector must follow).
type refPos struct {
	id, unit            int64
	code                uint32 // end of the code in refs.codes (its start is the previous one's end)
	title, typ, jenjang uint32 // in refs.strs
	isHead              bool
}

type posKey struct {
	unit  int64
	title string
}

func loadRefs(ctx context.Context, st *store.Store, sc model.Scope) (*refs, error) {
	units, err := st.Units(ctx)
	if err != nil {
		return nil, err
	}
	r := &refs{units: units, unitByID: map[int64]*model.OrgUnit{}, unitByCode: map[string]*model.OrgUnit{},
		unitByName: map[string][]*model.OrgUnit{}, posByCode: map[string]int32{},
		unitHead: map[int64]bool{}, headPos: map[int64]int64{}, scope: sc, inScope: map[int64]bool{}}
	shared := map[string]uint32{}
	share := func(b []byte) uint32 {
		if v, ok := shared[string(b)]; ok {
			return v
		}
		s := string(b)
		shared[s] = uint32(len(r.strs))
		r.strs = append(r.strs, s)
		return shared[s]
	}
	// Room for every position at once: grown as they come, the arrays
	// were copied over and over (≈ 0.4 s at 421,000 positions).
	if n, err := st.PositionCount(ctx); err == nil {
		r.pos = make([]refPos, 0, n)
	}
	var codes []byte
	err = st.ScanPositions(ctx, func(p *store.PositionRow) error {
		codes = append(codes, p.Code...)
		r.pos = growBy(r.pos, 1)
		r.pos = append(r.pos, refPos{id: p.ID, unit: p.UnitID, code: uint32(len(codes)), title: share(p.Title),
			typ: share(p.Type), jenjang: share(p.Jenjang), isHead: p.IsHead})
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.pos, r.codes = slices.Clip(r.pos), string(codes)
	for i := range r.units {
		u := &r.units[i]
		r.unitByID[u.ID] = u
		if !sc.All {
			r.inScope[u.ID] = sc.Contains(u.Path) // read-only from here: converters share it
		}
		r.unitByCode[strings.ToUpper(u.Code)] = u
		k := foldKey(u.Name)
		r.unitByName[k] = append(r.unitByName[k], u)
	}
	r.posByCode = make(map[string]int32, len(r.pos))
	for i := range r.pos {
		p := &r.pos[i]
		r.posByCode[strings.ToUpper(r.code(int32(i)))] = int32(i)
		if p.isHead {
			r.unitHead[p.unit] = true
			r.headPos[p.id] = p.unit
		}
	}
	return r, nil
}

// growBy makes room for n more elements, doubling the capacity when it
// must grow: append grows a large slice by a quarter at a time, copying it
// over and over as hundreds of thousands of entries arrive.
func growBy[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	return slices.Grow(s, max(n, cap(s)))
}

// code returns the stored code of position i, a slice of the codes string
// (no copy).
func (r *refs) code(i int32) string {
	start := uint32(0)
	if i > 0 {
		start = r.pos[i-1].code
	}
	return r.codes[start:r.pos[i].code]
}

// position returns position i as a model.Position (a value: the import
// looks one up per row, and a pointer would be an allocation each time).
func (r *refs) position(i int32) model.Position {
	p := &r.pos[i]
	return model.Position{ID: p.id, Code: r.code(i), Title: r.strs[p.title], Type: model.PositionType(r.strs[p.typ]),
		Jenjang: r.strs[p.jenjang], UnitID: p.unit, IsHead: p.isHead}
}

// positionByCode returns the position with the code (any case).
func (r *refs) positionByCode(code string) (model.Position, bool) {
	if i, ok := r.posByCode[strings.ToUpper(code)]; ok {
		return r.position(i), true
	}
	return model.Position{}, false
}

// positionByTitle returns the position of unit with the folded title; of
// two with the same title, the last by (unit, head first, title).
func (r *refs) positionByTitle(unit int64, folded string) (model.Position, bool) {
	r.titleOnce.Do(func() {
		r.posByTitle = make(map[posKey]int32, len(r.pos))
		fk := map[uint32]string{} // titles repeat: fold each once
		for i := range r.pos {
			p := &r.pos[i]
			f, ok := fk[p.title]
			if !ok {
				f = foldKey(r.strs[p.title])
				fk[p.title] = f
			}
			k := posKey{p.unit, f}
			if j, ok := r.posByTitle[k]; !ok || r.titleAfter(int32(i), j) {
				r.posByTitle[k] = int32(i)
			}
		}
	})
	if i, ok := r.posByTitle[posKey{unit, folded}]; ok {
		return r.position(i), true
	}
	return model.Position{}, false
}

// titleAfter reports whether position i comes after j in the order of
// store.Positions (by unit, head post first, title): of two titles of a
// unit that fold alike, the later one is the one a title finds.
func (r *refs) titleAfter(i, j int32) bool {
	a, b := &r.pos[i], &r.pos[j]
	if a.isHead != b.isHead {
		return b.isHead
	}
	return r.strs[a.title] > r.strs[b.title]
}

// unitInScope reports whether the importing user may write records of unit u.
func (r *refs) unitInScope(u *model.OrgUnit) bool {
	if r.scope.All {
		return true
	}
	if v, ok := r.inScope[u.ID]; ok {
		return v
	}
	return r.scope.Contains(u.Path)
}

// orList joins column names with "atau"/"or" in the language of the
// message: an argument that translates itself.
type orList []string

func (l orList) Text(lang i18n.Lang) string { return strings.Join(l, i18n.T(lang, "err.import.or")) }

// findUnit resolves a unit by code, or else by name. The problem, when
// not nil, explains why it failed.
func (r *refs) findUnit(code, name string, fold func(string) string) (*model.OrgUnit, string, string) {
	if code != "" {
		if u := r.unitByCode[strings.ToUpper(code)]; u != nil {
			return u, "", ""
		}
		id, en := both("err.import.unit_code_unknown", code)
		return nil, id, en
	}
	if name == "" {
		return nil, "", ""
	}
	us := r.unitByName[fold(name)]
	switch len(us) {
	case 0:
		id, en := both("err.import.unit_name_unknown", name)
		return nil, id, en
	case 1:
		return us[0], "", ""
	}
	var codes []string
	for _, u := range us {
		codes = append(codes, u.Code)
	}
	id, en := both("err.import.unit_name_ambiguous", name, strings.Join(codes, ", "))
	return nil, id, en
}

// session is the common frame of an import: the file, its header and the
// report.
type session struct {
	path    string
	format  string
	opts    Options
	fields  []field
	rep     *Report
	cols    *columns
	hdrLine int
	start   time.Time
	size    int64 // of the file, in bytes
	// shaDone closes when the file's checksum (rep.SHA256, or shaErr) is
	// known: it is computed on another core while the rows are read.
	shaDone chan struct{}
	shaErr  error
}

// checksum waits for the file's SHA-256.
func (s *session) checksum() (string, error) {
	<-s.shaDone
	if s.shaErr != nil {
		return "", fmt.Errorf("importer: berkas tidak dapat dibaca: %w", s.shaErr)
	}
	return s.rep.SHA256, nil
}

// begin checks the file, computes its checksum and reads its header,
// reporting a missing required column. It returns a non-nil error only when
// the file cannot be read at all.
func begin(path string, o Options, kind string, fields []field, required [][]string) (*session, error) {
	s := &session{path: path, opts: o, fields: fields, start: time.Now(),
		rep: &Report{Kind: kind, File: filepath.Base(path)}}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("importer: berkas tidak dapat dibaca: %w", err)
	}
	s.size = fi.Size()
	if s.format, err = detectFormat(path, o.Format); err != nil {
		return nil, err
	}
	s.rep.Format = s.format
	s.shaDone = make(chan struct{})
	go func() {
		defer close(s.shaDone)
		s.rep.SHA256, s.shaErr = fileSHA256(path)
	}()
	t, err := openTable(path, s.format, o.Sheet)
	if te := (*table.Error)(nil); errors.As(err, &te) { // not a readable table: the report says why
		s.rep.fileError(te.Line, "file", te.ID, te.EN)
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	defer t.close()
	// The header is the first of the opening rows naming at least two known
	// columns (agency exports often start with a title row or two).
	var first []string
	firstLine := 0
	for i := 0; i < 10; i++ {
		cells, line, err := t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *readError
		if errors.As(err, &re) {
			s.rep.fileError(re.line, "file", re.id, re.en)
			return s, nil
		}
		if err != nil {
			return nil, fmt.Errorf("importer: %w", err)
		}
		if blank(cells) {
			continue
		}
		if first == nil {
			first, firstLine = append([]string(nil), cells...), line
		}
		if score(fields, cells, o.HeaderMap) >= 2 {
			s.hdrLine = line
			cols, err := matchHeader(fields, cells, o.HeaderMap)
			if err != nil {
				s.rep.fileError(line, "header", err.Error(), "header mapping: "+err.Error())
				return s, nil
			}
			s.cols = cols
			break
		}
	}
	if s.cols == nil {
		line := max(firstLine, 1)
		s.rep.fileProblem(line, "header", "err.import.no_header_row", strings.Join(headersOf(fields), ", "))
		return s, nil
	}
	s.rep.Columns = map[string]string{}
	for k, h := range s.cols.header {
		s.rep.Columns[k] = h
	}
	for _, alts := range required {
		found := false
		for _, k := range alts {
			found = found || s.cols.has(k)
		}
		if !found {
			var hs []string
			for _, k := range alts {
				hs = append(hs, s.cols.col(k, fields))
			}
			s.rep.fileProblem(s.hdrLine, "header", "err.import.required_column_missing", orList(hs), alts[0])
		}
	}
	if len(s.cols.unknown) > 0 {
		u := strings.Join(sortedUnknown(s.cols.unknown), ", ")
		s.rep.add(problem(Problem{Line: s.hdrLine, Field: "header", Code: "header.unknown", Warning: true},
			"err.import.unknown_columns_ignored", u, fieldList(fields)))
	}
	return s, nil
}

// rows calls fn for every non-blank data row after the header. A row the
// reader cannot read ends the walk with a file error in the report.
func (s *session) rows(fn func(cells []string, line int) error) error {
	re, err := s.scan(fn)
	if re != nil {
		s.fileError(re)
	}
	return err
}

// scan is rows without touching the report: a row the reader cannot read
// ends the walk and is returned.
func (s *session) scan(fn func(cells []string, line int) error) (*readError, error) {
	t, err := openTable(s.path, s.format, s.opts.Sheet)
	if err != nil {
		return nil, err
	}
	defer t.close()
	for {
		cells, line, err := t.next()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		var re *readError
		if errors.As(err, &re) {
			return re, nil
		}
		if err != nil {
			return nil, fmt.Errorf("importer: %w", err)
		}
		if line <= s.hdrLine || blank(cells) {
			continue
		}
		if err := fn(cells, line); err != nil {
			return nil, err
		}
	}
}

// fileError reports a row the reader could not read, unless a file error
// is reported already.
func (s *session) fileError(re *readError) {
	if !s.rep.FileError {
		s.rep.fileError(re.line, "file", re.id, re.en)
	}
}

func (s *session) finish() *Report {
	<-s.shaDone
	s.rep.sortProblems()
	s.rep.Duration = time.Since(s.start)
	return s.rep
}
