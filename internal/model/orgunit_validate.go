package model

import (
	"slices"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
)

// Validate trims u's code and name and checks them and the kind: the one
// check of a unit, whichever face (form, API, import) writes it.
func (u *OrgUnit) Validate() error {
	u.Code = strings.TrimSpace(u.Code)
	u.Name = strings.TrimSpace(u.Name)
	switch {
	case u.Code == "":
		return apperr.Invalid("code", "err.unit.unit_code_required")
	case TooLong(u.Code, MaxCode):
		return apperr.Invalid("code", "err.common.too_long", i18n.Key("field.code"), MaxCode)
	case u.Name == "":
		return apperr.Invalid("name", "err.unit.unit_name_required")
	case TooLong(u.Name, MaxName):
		return apperr.Invalid("name", "err.common.too_long", i18n.Key("field.unit_name"), MaxName)
	case !slices.Contains(UnitKinds, u.Kind):
		return apperr.Invalid("kind", "err.unit.unit_kind_unknown", u.Kind)
	}
	return nil
}

// Validate trims p's code and title and checks the position's rules: a
// title of a bounded length, a unit, a known type, a jenjang for functional
// posts only (cleared on others), and a head post only of a managerial type.
func (p *Position) Validate() error {
	p.Code = strings.TrimSpace(p.Code)
	p.Title = strings.TrimSpace(p.Title)
	switch {
	case p.Title == "":
		return apperr.Invalid("title", "err.position.position_name_required")
	case TooLong(p.Title, MaxName):
		return apperr.Invalid("title", "err.common.too_long", i18n.Key("field.position_title"), MaxName)
	case TooLong(p.Code, MaxCode):
		return apperr.Invalid("code", "err.common.too_long", i18n.Key("field.code"), MaxCode)
	case p.UnitID == 0:
		return apperr.Invalid("unit", "err.position.position_unit_required")
	case !slices.Contains(PositionTypes, p.Type):
		return apperr.Invalid("type", "err.common.position_type_unknown", p.Type)
	}
	if p.Type == Fungsional {
		if !slices.Contains(Jenjangs, p.Jenjang) {
			return apperr.Invalid("jenjang", "err.position.jenjang_unknown", p.Jenjang)
		}
	} else {
		p.Jenjang = ""
	}
	if p.IsHead && !MayHead(p.Type, p.Title) {
		return apperr.Invalid("is_head", "err.position.head_must_be_managerial")
	}
	return nil
}
