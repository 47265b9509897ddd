package dictionary

import (
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Agencies edit their own frameworks through drafts. A draft is a framework
// version being written: a Framework, kept whole (the store keeps it as one
// JSON document, at most one draft per framework code), that standards and
// ratings never see. Publishing checks it whole (Validate) and stores it as
// a framework version, which never changes afterwards; editing a published
// version starts a new draft copied from it with the next free version
// number (NextVersion). Built-in frameworks are read-only.
//
// The draft's rules live here, beside Validate, whose rules they extend and
// whose Problems they return: each problem names its field, so a form shows
// it beside the field. What only the database knows (is a code or version
// taken, does the owner unit exist) comes in as facts; who may edit a draft
// is policy.MayEditFramework.

// MaxDraftCompetencies bounds a draft, so that one JSON document stays small.
const MaxDraftCompetencies = 2000

// Longest framework fields of a draft: those Framework.Validate holds every
// framework to.
const (
	DraftMaxCode    = model.MaxCode
	DraftMaxName    = model.MaxShortText
	DraftMaxVersion = model.MaxCode
)

// Draft is a framework version being edited.
type Draft struct {
	ID             int64
	BasedOnID      int64  // the published version it was copied from; 0 for a new framework
	BasedOnVersion string // read only
	OwnerUnitID    int64  // the agency that owns it; 0 = BKPSDM
	OwnerUnitName  string // read only
	OwnerPath      string // read only: the owner unit's materialised path, "" for BKPSDM
	F              Framework
	CreatedAt      time.Time
	UpdatedAt      time.Time
	CreatedBy      string
}

// DraftMeta is the framework fields of a draft a form edits.
type DraftMeta struct {
	Code, Name, Version, Source, Owner, Description string
	OwnerUnitID                                     int64
}

// DraftError is what a draft write returns when the content breaks the
// rules of Framework.Validate (or the draft's own: version, owner unit,
// unique code): every problem names its field and says why. It unwraps to
// an apperr EINVALID about the first problem.
type DraftError struct {
	Problems []Problem
}

func (e *DraftError) Error() string {
	if len(e.Problems) == 0 {
		return "draft: invalid"
	}
	return e.Problems[0].String()
}

// Unwrap gives the apperr view of the first problem.
func (e *DraftError) Unwrap() error {
	if len(e.Problems) == 0 {
		return apperr.New(apperr.EINVALID, "err.framework.invalid_entry")
	}
	p := e.Problems[0]
	return apperr.Invalid(p.Field, "err.text", p)
}

// NewDraftError is a *DraftError with one problem about the framework as a
// whole (a code or version the database refused as taken).
func NewDraftError(field, key string, args ...any) *DraftError {
	return &DraftError{Problems: []Problem{frameworkProblem(field, key, args...)}}
}

// frameworkProblem builds a problem about the framework as a whole (Row 0).
func frameworkProblem(field, key string, args ...any) Problem {
	return NewProblem(0, field, key, args...)
}

// NextVersion suggests the version after v: its last run of digits plus
// one ("2025.1" → "2025.2", "v9" → "v10", "2025-rev3a" → "2025-rev4a"),
// else v with ".2" appended ("" gives "1").
func NextVersion(v string) string {
	end := len(v)
	for end > 0 && (v[end-1] < '0' || v[end-1] > '9') {
		end--
	}
	start := end
	for start > 0 && v[start-1] >= '0' && v[start-1] <= '9' {
		start--
	}
	if start == end {
		if v == "" {
			return "1"
		}
		return v + ".2"
	}
	n, err := strconv.Atoi(v[start:end])
	if err != nil {
		return v + ".2"
	}
	return v[:start] + strconv.Itoa(n+1) + v[end:]
}

// SetMeta puts the fields of m into the draft, trimmed. The code of a new
// version stays that of the framework it continues.
func (d *Draft) SetMeta(m DraftMeta) {
	if d.BasedOnID == 0 {
		d.F.Code = m.Code
	}
	d.F.Name, d.F.Version, d.F.Source, d.F.Owner, d.F.Description = m.Name, m.Version, m.Source, m.Owner, m.Description
	d.OwnerUnitID = m.OwnerUnitID
	d.TrimMeta()
}

// TrimMeta trims the framework fields of the draft.
func (d *Draft) TrimMeta() {
	f := &d.F
	f.Code, f.Name, f.Version = strings.TrimSpace(f.Code), strings.TrimSpace(f.Name), strings.TrimSpace(f.Version)
	f.Source, f.Owner, f.Description = strings.TrimSpace(f.Source), strings.TrimSpace(f.Owner), strings.TrimSpace(f.Description)
}

// MetaFacts are what the database and the access policy know about a
// draft's framework fields.
type MetaFacts struct {
	CodeTaken        bool // a new framework's code is a stored framework's or another draft's
	VersionPublished bool // the code and version are a stored framework version
	OwnerMissing     bool // OwnerUnitID names no unit
	OwnerOutside     bool // the editor may not give the framework to that owner (policy.MayEditFramework)
}

// CheckMeta checks the framework fields of a draft (trimmed: TrimMeta):
// code and name as Validate wants them and not too long, a version without
// spaces or commas, and the facts. It returns a *DraftError listing every
// problem, or nil.
func (d *Draft) CheckMeta(facts MetaFacts) error {
	f := &d.F
	var ps []Problem
	meta := Framework{Code: f.Code, Name: f.Name, Version: f.Version}
	for _, p := range meta.Validate() {
		if p.Row == 0 && strings.HasPrefix(p.Field, "framework.") {
			ps = append(ps, p) // including the length limits
		}
	}
	switch {
	case f.Version == "":
		ps = append(ps, frameworkProblem("framework.version", "err.framework.version_required"))
	case strings.ContainsAny(f.Version, " \t\r\n,"):
		ps = append(ps, frameworkProblem("framework.version", "err.framework.version_format"))
	}
	if facts.CodeTaken {
		ps = append(ps, frameworkProblem("framework.code", "err.framework.code_taken_new_version", f.Code))
	}
	if facts.VersionPublished {
		ps = append(ps, frameworkProblem("framework.version", "err.framework.version_published_immutable", f.Version))
	}
	if facts.OwnerMissing {
		ps = append(ps, frameworkProblem("owner_unit", "err.framework.owner_unit_missing"))
	}
	if facts.OwnerOutside {
		if d.OwnerUnitID == 0 {
			ps = append(ps, frameworkProblem("owner_unit", "err.framework.choose_owner_unit_agency"))
		} else {
			ps = append(ps, frameworkProblem("owner_unit", "err.framework.owner_unit_outside"))
		}
	}
	if len(ps) > 0 {
		return &DraftError{Problems: ps}
	}
	return nil
}

// NormaliseCompetency trims the fields of c and lower-cases its tags,
// dropping empty tags and indicators.
func NormaliseCompetency(c *Competency) {
	c.Code, c.Name, c.Definition = strings.TrimSpace(c.Code), strings.TrimSpace(c.Name), strings.TrimSpace(c.Definition)
	c.ParentCode, c.Kind = strings.TrimSpace(c.ParentCode), strings.TrimSpace(c.Kind)
	var tags []string
	for _, t := range c.Tags {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			tags = append(tags, t)
		}
	}
	c.Tags = tags
	for i := range c.Levels {
		l := &c.Levels[i]
		l.Title, l.Description = strings.TrimSpace(l.Title), strings.TrimSpace(l.Description)
		var ind []string
		for _, x := range l.Indicators {
			if x = strings.TrimSpace(x); x != "" {
				ind = append(ind, x)
			}
		}
		l.Indicators = ind
	}
}

// CheckCompetency validates competency c as it would stand at index i of
// f (i == len(f.Competencies) for a new one): the problems of its own row
// from Validate, plus a code already used by another competency and a
// competency that is its own parent. It sets c.ParentCode to the parent's
// exact code.
func (f *Framework) CheckCompetency(i int, c *Competency) []Problem {
	var ps []Problem
	row := i + 1
	for j, o := range f.Competencies {
		if j != i && c.Code != "" && strings.EqualFold(o.Code, c.Code) {
			ps = append(ps, NewProblem(row, "code", "err.framework.code_used_by_competency", c.Code, o.Name))
		}
		if c.ParentCode != "" && strings.EqualFold(o.Code, c.ParentCode) && j != i {
			c.ParentCode = o.Code
		}
	}
	cand := Framework{Code: f.Code, Name: f.Name, Competencies: append([]Competency(nil), f.Competencies...)}
	if i < len(cand.Competencies) {
		cand.Competencies[i] = *c
	} else {
		cand.Competencies = append(cand.Competencies, *c)
	}
	dup := len(ps) > 0
	for _, p := range cand.Validate() {
		if p.Row != row || (dup && p.Field == "code") {
			continue
		}
		ps = append(ps, p)
	}
	if c.ParentCode != "" && strings.EqualFold(c.ParentCode, c.Code) {
		ps = append(ps, NewProblem(row, "parent_code", "err.framework.own_parent"))
	}
	return ps
}

// PutCompetency adds competency c to the draft (oldCode "") or replaces the
// competency whose code is oldCode, after NormaliseCompetency (c is
// normalised in place). It refuses, with a *DraftError naming each field
// at fault, a competency that breaks the rules of CheckCompetency; an
// unknown oldCode is not found; a draft at MaxDraftCompetencies takes no
// more. Renaming a code renames it in the parent links of its children.
// added tells whether c was new.
func (d *Draft) PutCompetency(oldCode string, c *Competency) (added bool, err error) {
	NormaliseCompetency(c)
	f := &d.F
	i := len(f.Competencies)
	if oldCode != "" {
		i = -1
		for j, o := range f.Competencies {
			if o.Code == oldCode {
				i = j
			}
		}
		if i < 0 {
			return false, apperr.New(apperr.ENOTFOUND, "err.framework.competency_not_draft", oldCode)
		}
	} else if i >= MaxDraftCompetencies {
		return false, apperr.Invalid("code", "err.framework.too_many_competencies", MaxDraftCompetencies)
	}
	if ps := f.CheckCompetency(i, c); len(ps) > 0 {
		return false, &DraftError{Problems: ps}
	}
	if i == len(f.Competencies) {
		f.Competencies = append(f.Competencies, *c)
		return true, nil
	}
	f.Competencies[i] = *c
	if oldCode != c.Code {
		for j := range f.Competencies {
			if f.Competencies[j].ParentCode == oldCode {
				f.Competencies[j].ParentCode = c.Code
			}
		}
	}
	return false, nil
}

// RemoveCompetency removes the competency with code from the draft; a
// competency that is the parent of others stays until they move, and an
// unknown code is not found.
func (d *Draft) RemoveCompetency(code string) error {
	f := &d.F
	i := -1
	for j, o := range f.Competencies {
		if o.Code == code {
			i = j
		}
		if strings.EqualFold(o.ParentCode, code) {
			return apperr.Invalid("parent_code", "err.framework.still_a_parent", code, o.Code, o.Code)
		}
	}
	if i < 0 {
		return apperr.New(apperr.ENOTFOUND, "err.framework.competency_not_draft", code)
	}
	f.Competencies = append(f.Competencies[:i], f.Competencies[i+1:]...)
	return nil
}

// Check is Validate as an error, for writes that take a framework whole
// (an import, a built-in framework): an apperr EINVALID naming the first
// error's field and competency, nil when there are only warnings.
func (f *Framework) Check() error {
	for _, p := range f.Validate() {
		if !p.Warning {
			return apperr.Invalid(p.Field, "err.framework.competency_no", p.Row, p)
		}
	}
	return nil
}

// Problems returns every problem of the draft as publishing would see
// them, warnings included: Validate's, the version already published, and
// for a new framework its code already taken (the facts the store read).
func (d *Draft) Problems(versionPublished, codeTaken bool) []Problem {
	ps := d.F.Validate()
	if versionPublished {
		ps = append(ps, frameworkProblem("framework.version", "err.framework.version_published", d.F.Version))
	}
	if d.BasedOnID == 0 && codeTaken {
		ps = append(ps, frameworkProblem("framework.code", "err.framework.code_taken", d.F.Code))
	}
	return ps
}

// PublishError returns why the draft cannot be published as a *DraftError
// listing every error (warnings do not block), or nil. codeTaken is
// whether a new framework's code has been taken since the draft began (an
// import): publishing would make it a version of someone else's framework.
func (d *Draft) PublishError(codeTaken bool) error {
	var errs []Problem
	for _, p := range d.F.Validate() {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
	if d.BasedOnID == 0 && codeTaken {
		errs = append(errs, frameworkProblem("framework.code", "err.framework.code_taken", d.F.Code))
	}
	if len(errs) > 0 {
		return &DraftError{Problems: errs}
	}
	return nil
}
