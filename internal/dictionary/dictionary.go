// Package dictionary holds Kompeten's competency dictionaries (Permen PANRB
// 38/2017): frameworks of competencies, each with five levels that carry a
// title, a description and behavioural indicators. It ships the built-in
// content (the national managerial and sosial kultural set, a digital
// competence framework for ASN and technical frameworks) and reads and
// writes the exchange formats: Moodle's competency framework CSV
// (tool_lpimportcsv), Kompeten's own CSV and XLSX, and JSON. It is pure: no
// database, no global state.
package dictionary

import (
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// Group is the competency group of Permen PANRB 38/2017.
type Group string

// The three competency groups.
const (
	GroupTeknis         Group = "teknis"          // technical: written by each sector
	GroupManajerial     Group = "manajerial"      // managerial: national
	GroupSosialKultural Group = "sosial_kultural" // socio-cultural: national
)

// Groups lists the valid groups in display order.
var Groups = []Group{GroupTeknis, GroupManajerial, GroupSosialKultural}

// Valid reports whether g is a known group.
func (g Group) Valid() bool {
	for _, x := range Groups {
		if g == x {
			return true
		}
	}
	return false
}

// Label returns the Indonesian name of the group as reports print it.
func (g Group) Label() string {
	switch g {
	case GroupTeknis:
		return "Teknis"
	case GroupManajerial:
		return "Manajerial"
	case GroupSosialKultural:
		return "Sosial Kultural"
	}
	return string(g)
}

// ParseGroup turns the ways people write a group ("Manajerial",
// "SOSIAL KULTURAL", "sosial-kultural", "technical") into a Group.
func ParseGroup(s string) (Group, bool) {
	k := strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "teknis", "technical":
		return GroupTeknis, true
	case "manajerial", "managerial":
		return GroupManajerial, true
	case "sosialkultural", "sociocultural":
		return GroupSosialKultural, true
	}
	return "", false
}

// Kinds of competency: hard (technical skill) or soft (behavioural).
const (
	KindHard = "hard"
	KindSoft = "soft"
)

// NumLevels is the number of proficiency levels of every competency.
const NumLevels = 5

// Framework is one competency dictionary: the national set, the digital
// framework, or an agency's technical dictionary.
type Framework struct {
	Code         string       `json:"code"`    // unique id, e.g. "KOMPETENSI-ASN"
	Name         string       `json:"name"`    // display name
	Source       string       `json:"source"`  // legal or reference basis, e.g. "Permen PANRB 38/2017"
	Version      string       `json:"version"` // e.g. "2017"
	Owner        string       `json:"owner"`   // who maintains it, e.g. "Kementerian PANRB"
	Description  string       `json:"description"`
	Competencies []Competency `json:"competencies"` // in display order
}

// Competency is one entry of a framework.
type Competency struct {
	Code       string `json:"code"` // unique within the framework, e.g. "M1"
	Name       string `json:"name"`
	Definition string `json:"definition"`
	Group      Group  `json:"group"`
	Kind       string `json:"kind"` // KindHard or KindSoft
	// Tags classify the competency: "prefix:value", lower case, e.g.
	// "kominfo:cakap", "digcomp:1.2", "area:sig". See ValidTag.
	Tags []string `json:"tags"`
	// ParentCode is the code of the parent competency (frameworks may be
	// trees, as Moodle's are); "" for a top-level competency.
	ParentCode string `json:"parent_code"`
	// Levels holds levels 1–5 at index 0–4.
	Levels [NumLevels]Level `json:"levels"`
}

// Level describes one proficiency level of a competency.
type Level struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	// Indicators are the behavioural indicators of the level (three per
	// level in the national set).
	Indicators []string `json:"indicators"`
}

// Problem is one error or warning about a framework or a row of a file.
type Problem struct {
	// Row is the line of the file (CSV: the line the record starts on;
	// XLSX: the row number in Sheet). For JSON and for Framework.Validate
	// it is the 1-based position of the competency in Competencies, except
	// that a JSON syntax or type error carries the line of the file. 0 means
	// the framework or the file as a whole.
	Row int
	// Sheet is the XLSX sheet the row belongs to; "" for other formats.
	Sheet string
	// Field names the field at fault: "code", "name", "group", "kind",
	// "parent_code", "tags", "definition", "level_3", "indicators_3",
	// "framework.code", "header", "file", ...
	Field string
	// Msg is the message: an i18n catalogue key and its format arguments
	// (empty for the few problems that quote a parser's own words), and
	// its text in Indonesian and English; Text translates it.
	i18n.Msg
	// Warning marks a problem that does not block the import.
	Warning bool
}

// NewProblem returns the problem of row and field with its message key,
// rendered in both languages.
func NewProblem(row int, field, key string, args ...any) Problem {
	return Problem{Row: row, Field: field, Msg: i18n.NewMsg(key, args...)}
}

// String formats the problem in Indonesian with its row.
func (p Problem) String() string {
	kind := "galat"
	if p.Warning {
		kind = "peringatan"
	}
	loc := ""
	if p.Sheet != "" {
		loc = p.Sheet + " "
	}
	return fmt.Sprintf("%sbaris %d, %s: %s (%s)", loc, p.Row, p.Field, p.Message, kind)
}

// HasErrors reports whether any problem is not a warning.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// ValidTag reports whether t is a well-formed tag: "prefix:value" where the
// prefix is lower-case letters and digits and the value lower-case letters,
// digits, '.', '-' or '_' (e.g. "kominfo:cakap", "digcomp:1.2").
func ValidTag(t string) bool {
	prefix, value, ok := strings.Cut(t, ":")
	if !ok || prefix == "" || value == "" {
		return false
	}
	for _, r := range prefix {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	for _, r := range value {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// Find returns the competency with the code (compared case-insensitively)
// or nil.
func (f *Framework) Find(code string) *Competency {
	for i := range f.Competencies {
		if strings.EqualFold(f.Competencies[i].Code, code) {
			return &f.Competencies[i]
		}
	}
	return nil
}

// Children returns the codes of the direct children of the competency with
// the code ("" for the top level), in framework order.
func (f *Framework) Children(code string) []string {
	var out []string
	for _, c := range f.Competencies {
		if strings.EqualFold(c.ParentCode, code) {
			out = append(out, c.Code)
		}
	}
	return out
}

// Validate checks the framework: its code and name are present; every
// competency has a code (unique, compared case-insensitively, without
// spaces), a name, a known group and kind, well-formed tags, and levels 1–5
// each with a description; a parent code names a competency of the
// framework and the parent links form no cycle. Problems name the
// competency by its 1-based position (Row).
func (f *Framework) Validate() []Problem {
	var ps []Problem
	add := func(row int, field, key string, args ...any) {
		ps = append(ps, NewProblem(row, field, key, args...))
	}
	if strings.TrimSpace(f.Code) == "" {
		add(0, "framework.code", "err.dict.framework_code_required")
	} else if strings.ContainsAny(f.Code, " \t\r\n,") {
		add(0, "framework.code", "err.dict.framework_code_spaces")
	}
	if strings.TrimSpace(f.Name) == "" {
		add(0, "framework.name", "err.dict.framework_name_required")
	}
	if len(f.Competencies) == 0 {
		add(0, "competencies", "err.dict.framework_has_no_competencies")
	}
	long := func(row int, field, label, v string, max int) {
		if model.TooLong(v, max) {
			add(row, field, "err.common.too_long", i18n.Key(label), max)
		}
	}
	long(0, "framework.code", "field.code", f.Code, model.MaxCode)
	long(0, "framework.name", "field.name", f.Name, model.MaxShortText)
	long(0, "framework.source", "field.source", f.Source, model.MaxShortText)
	long(0, "framework.version", "field.version", f.Version, model.MaxCode)
	long(0, "framework.owner", "field.owner", f.Owner, model.MaxShortText)
	long(0, "framework.description", "field.description", f.Description, model.MaxLongText)
	first := map[string]int{} // upper-case code → row
	for i, c := range f.Competencies {
		row := i + 1
		code := strings.TrimSpace(c.Code)
		switch {
		case code == "":
			add(row, "code", "err.dict.competency_code_required")
		case strings.ContainsAny(code, " \t\r\n,"):
			add(row, "code", "err.dict.code_spaces", code)
		default:
			k := strings.ToUpper(code)
			if r, dup := first[k]; dup {
				add(row, "code", "err.dict.code_duplicate", code, r)
			} else {
				first[k] = row
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			add(row, "name", "err.dict.competency_name_required")
		}
		long(row, "code", "field.code", code, model.MaxCode)
		long(row, "name", "field.name", c.Name, model.MaxShortText)
		long(row, "definition", "field.definition", c.Definition, model.MaxLongText)
		long(row, "parent_code", "field.code", c.ParentCode, model.MaxCode)
		if !c.Group.Valid() {
			add(row, "group", "err.dict.group_unknown", c.Group)
		}
		if c.Kind != KindHard && c.Kind != KindSoft {
			add(row, "kind", "err.dict.kind_unknown", c.Kind)
		}
		for _, t := range c.Tags {
			if !ValidTag(t) {
				add(row, "tags", "err.dict.tag_invalid", t)
			}
		}
		for l, lv := range c.Levels {
			long(row, fmt.Sprintf("level_%d", l+1), "field.title", lv.Title, model.MaxShortText)
			long(row, fmt.Sprintf("level_%d", l+1), "field.description", lv.Description, model.MaxLongText)
			for _, ind := range lv.Indicators {
				long(row, fmt.Sprintf("indicators_%d", l+1), "field.indicator", ind, model.MaxLongText)
			}
			if strings.TrimSpace(lv.Description) == "" {
				add(row, fmt.Sprintf("level_%d", l+1), "err.dict.description_level_required", l+1)
			}
			for _, ind := range lv.Indicators {
				if strings.TrimSpace(ind) == "" {
					add(row, fmt.Sprintf("indicators_%d", l+1), "err.dict.level_has_empty_indicator", l+1)
					break
				}
			}
		}
	}
	// Parents: must exist, must not be the competency itself, no cycles.
	parent := map[string]string{}
	for _, c := range f.Competencies {
		if c.Code != "" {
			parent[strings.ToUpper(strings.TrimSpace(c.Code))] = strings.ToUpper(strings.TrimSpace(c.ParentCode))
		}
	}
	for i, c := range f.Competencies {
		row := i + 1
		p := strings.ToUpper(strings.TrimSpace(c.ParentCode))
		if p == "" {
			continue
		}
		if _, ok := parent[p]; !ok {
			add(row, "parent_code", "err.dict.parent_missing", c.ParentCode)
			continue
		}
		self := strings.ToUpper(strings.TrimSpace(c.Code))
		seen := map[string]bool{self: true}
		for cur := p; cur != ""; cur = parent[cur] {
			if seen[cur] {
				add(row, "parent_code", "err.dict.parent_cycle", c.Code)
				break
			}
			seen[cur] = true
		}
	}
	return ps
}
