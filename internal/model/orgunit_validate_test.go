package model

import (
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
)

func TestOrgUnitValidate(t *testing.T) {
	for _, c := range []struct {
		u     OrgUnit
		field string // "" when valid
	}{
		{OrgUnit{Code: " DISKOMINFO ", Name: " Dinas Komunikasi dan Informatika ", Kind: UnitOPD}, ""},
		{OrgUnit{Code: "", Name: "Dinas", Kind: UnitOPD}, "code"},
		{OrgUnit{Code: strings.Repeat("K", MaxCode+1), Name: "Dinas", Kind: UnitOPD}, "code"},
		{OrgUnit{Code: "D", Name: " ", Kind: UnitOPD}, "name"},
		{OrgUnit{Code: "D", Name: strings.Repeat("é", MaxName), Kind: UnitOPD}, ""}, // characters, not bytes
		{OrgUnit{Code: "D", Name: strings.Repeat("é", MaxName+1), Kind: UnitOPD}, "name"},
		{OrgUnit{Code: "D", Name: "Dinas", Kind: "kementerian"}, "kind"},
	} {
		u := c.u
		err := u.Validate()
		if got := fieldOf(err); got != c.field {
			t.Errorf("%+v: field %q (%v), want %q", c.u, got, err, c.field)
		}
	}
	u := OrgUnit{Code: " D ", Name: " Dinas ", Kind: UnitOPD}
	if u.Validate(); u.Code != "D" || u.Name != "Dinas" {
		t.Errorf("not trimmed: %+v", u)
	}
}

func TestPositionValidate(t *testing.T) {
	for _, c := range []struct {
		p     Position
		field string
	}{
		{Position{Title: "Analis Kepegawaian", Type: Pelaksana, UnitID: 1}, ""},
		{Position{Title: "Pranata Komputer", Type: Fungsional, Jenjang: "ahli_muda", UnitID: 1}, ""},
		{Position{Title: "Pranata Komputer", Type: Fungsional, Jenjang: "sepuh", UnitID: 1}, "jenjang"},
		{Position{Title: "", Type: Pelaksana, UnitID: 1}, "title"},
		{Position{Title: strings.Repeat("x", MaxName+1), Type: Pelaksana, UnitID: 1}, "title"},
		{Position{Title: "A", Code: strings.Repeat("x", MaxCode+1), Type: Pelaksana, UnitID: 1}, "code"},
		{Position{Title: "A", Type: Pelaksana}, "unit"},
		{Position{Title: "A", Type: "menteri", UnitID: 1}, "type"},
		{Position{Title: "Kepala Seksi", Type: Pelaksana, UnitID: 1, IsHead: true}, "is_head"},
		{Position{Title: "Kepala Seksi", Type: Pengawas, UnitID: 1, IsHead: true}, ""},
		{Position{Title: "Guru Ahli Madya (Kepala Sekolah)", Type: Fungsional, Jenjang: "ahli_madya", UnitID: 1, IsHead: true}, ""},
		{Position{Title: "Pustakawan Ahli Madya", Type: Fungsional, Jenjang: "ahli_madya", UnitID: 1, IsHead: true}, "is_head"},
	} {
		p := c.p
		if got := fieldOf(p.Validate()); got != c.field {
			t.Errorf("%+v: field %q, want %q", c.p, got, c.field)
		}
	}
	p := Position{Title: "Analis", Type: Pelaksana, Jenjang: "ahli_muda", UnitID: 1}
	if p.Validate(); p.Jenjang != "" {
		t.Error("a jenjang on a non-functional post must be cleared")
	}
}

func fieldOf(err error) string {
	if err == nil {
		return ""
	}
	if e, ok := err.(*apperr.Error); ok && e.Code == apperr.EINVALID {
		return e.Field
	}
	return "?" + err.Error()
}

func TestRatingNoteAndDecreeLimits(t *testing.T) {
	r := Rating{Source: "self", Level: 3, Note: strings.Repeat("a", MaxLongText)}
	if err := r.Validate(); err != nil {
		t.Errorf("a note of exactly the limit: %v", err)
	}
	r.Note += "a"
	if fieldOf(r.Validate()) != "note" {
		t.Error("a note over the limit must be refused")
	}
	if fieldOf(ValidateDecree(strings.Repeat("SK ", 100), "")) != "decree_no" {
		t.Error("a decree number over the limit must be refused")
	}
}
