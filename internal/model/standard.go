package model

import (
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
)

// Position standards (SKJ, Standar Kompetensi Jabatan): the required level,
// weight and mandatory flag per competency of a position, set by a decree
// (nomor and tanggal SK) and versioned: a new standard makes the previous
// one history. Templates per position type (and jenjang for functional
// posts) give the defaults that a new standard starts from.

// StandardItem is one competency of a standard or a template.
type StandardItem struct {
	CompetencyID int64 `json:"competency_id"`
	// Code, Name, Group, FrameworkCode and FrameworkVersion describe the
	// competency; they are filled when reading and ignored when writing.
	Code             string `json:"code"`
	Name             string `json:"name"`
	Group            string `json:"group"`
	FrameworkCode    string `json:"framework_code"`
	FrameworkVersion string `json:"framework_version"`
	Required         int    `json:"required"` // level 1–5
	Weight           int    `json:"weight"`   // ≥ 1
	Mandatory        bool   `json:"mandatory"`
}

// Standard is one standard of a position.
type Standard struct {
	ID         int64          `json:"id"`
	PositionID int64          `json:"position_id"`
	DecreeNo   string         `json:"decree_no"`
	DecreeDate string         `json:"decree_date"` // YYYY-MM-DD or ""
	Current    bool           `json:"current"`
	CreatedAt  time.Time      `json:"created_at"`
	CreatedBy  string         `json:"created_by"`
	Items      []StandardItem `json:"items"`
}

// TemplateItem is one row of a template: the default for a competency in
// positions of Type (and Jenjang; "" applies to every jenjang that has no
// template of its own).
type TemplateItem struct {
	Type    PositionType `json:"position_type"`
	Jenjang string       `json:"jenjang"`
	StandardItem
}

// DefaultRequiredLevel is the documented, editable default required level of
// the national competencies for a position type (domain.md §2): JPT Utama
// and Madya 5, JPT Pratama 4, Administrator 3, Pengawas 2, Pelaksana 1;
// functional positions by jenjang: pemula and terampil 1, mahir and
// penyelia 2, ahli pertama 2, ahli muda 3, ahli madya 4, ahli utama 5
// (0 for an unknown jenjang).
func DefaultRequiredLevel(t PositionType, jenjang string) int {
	switch t {
	case JPTUtama, JPTMadya:
		return 5
	case JPTPratama:
		return 4
	case Administrator:
		return 3
	case Pengawas:
		return 2
	case Pelaksana:
		return 1
	case Fungsional:
		switch jenjang {
		case "pemula", "terampil":
			return 1
		case "mahir", "penyelia", "ahli_pertama":
			return 2
		case "ahli_muda":
			return 3
		case "ahli_madya":
			return 4
		case "ahli_utama":
			return 5
		}
	}
	return 0
}

// TemplateKeys lists the (type, jenjang) pairs that have a template: every
// non-functional type with jenjang "" and every functional jenjang.
func TemplateKeys() []TemplateItem {
	var out []TemplateItem
	for _, t := range PositionTypes {
		if t != Fungsional {
			out = append(out, TemplateItem{Type: t})
			continue
		}
		for _, j := range Jenjangs {
			out = append(out, TemplateItem{Type: t, Jenjang: j})
		}
	}
	return out
}

// ApplicableTemplate picks, from the template rows of one position type,
// the template of a position of that type and jenjang: the jenjang's own
// rows, else the type's general rows (jenjang ""). The store's
// ApplyTemplate makes the same choice in SQL for every position at once.
func ApplicableTemplate(rows []TemplateItem, jenjang string) []StandardItem {
	var own, general []StandardItem
	for _, ti := range rows {
		switch {
		case jenjang != "" && ti.Jenjang == jenjang:
			own = append(own, ti.StandardItem)
		case ti.Jenjang == "":
			general = append(general, ti.StandardItem)
		}
	}
	if len(own) > 0 {
		return own
	}
	return general
}

// ValidateTemplateKey checks the position type and jenjang of a template
// ("" for every jenjang without its own; only functional posts have one).
func ValidateTemplateKey(t PositionType, jenjang string) error {
	ok := false
	for _, x := range PositionTypes {
		ok = ok || x == t
	}
	if !ok {
		return apperr.Invalid("position_type", "err.common.position_type_unknown", t)
	}
	if jenjang == "" {
		return nil
	}
	if t != Fungsional {
		return apperr.Invalid("jenjang", "err.standard.jenjang_only_functional")
	}
	for _, j := range Jenjangs {
		if j == jenjang {
			return nil
		}
	}
	return apperr.Invalid("jenjang", "err.standard.jenjang_unknown", jenjang)
}

// ValidateStandardItems checks the items of a standard or template: levels
// 1–5 (dictionary.NumLevels), weight ≥ 1 (0 means the default, 1, and is
// set), no competency twice. That every competency exists is the store's
// to check.
func ValidateStandardItems(items []StandardItem) error {
	seen := map[int64]bool{}
	for i := range items {
		it := &items[i]
		if it.Required < 1 || it.Required > 5 {
			return apperr.Invalid("required", "err.standard.required_level_1_5", it.CompetencyID, it.Required)
		}
		if it.Weight == 0 {
			it.Weight = 1
		}
		if it.Weight < 1 {
			return apperr.Invalid("weight", "err.standard.weight_at_least_1", it.CompetencyID, it.Weight)
		}
		if seen[it.CompetencyID] {
			return apperr.Invalid("competency", "err.standard.competency_listed_twice", it.CompetencyID)
		}
		seen[it.CompetencyID] = true
	}
	return nil
}

// ValidateDecree checks the decree (SK) that sets standards: a number,
// and a date, when given, as YYYY-MM-DD. Both are expected trimmed.
func ValidateDecree(decreeNo, decreeDate string) error {
	if decreeNo == "" {
		return apperr.Invalid("decree_no", "err.standard.decree_sk_number_required")
	}
	if TooLong(decreeNo, MaxShortText) {
		return apperr.Invalid("decree_no", "err.common.too_long", i18n.Key("field.decree_no"), MaxShortText)
	}
	if decreeDate != "" {
		if _, err := time.Parse(time.DateOnly, decreeDate); err != nil {
			return apperr.Invalid("decree_date", "err.standard.decree_date_not_valid", decreeDate)
		}
	}
	return nil
}

// Validate checks a new standard of a position: its decree (trimmed), at
// least one item, and the items (ValidateStandardItems).
func (s *Standard) Validate() error {
	s.DecreeNo, s.DecreeDate = strings.TrimSpace(s.DecreeNo), strings.TrimSpace(s.DecreeDate)
	if err := ValidateDecree(s.DecreeNo, s.DecreeDate); err != nil {
		return err
	}
	if len(s.Items) == 0 {
		return apperr.Invalid("items", "err.standard.no_items")
	}
	return ValidateStandardItems(s.Items)
}
