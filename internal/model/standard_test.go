package model

import (
	"slices"
	"testing"
)

func TestDefaultRequiredLevel(t *testing.T) {
	for _, c := range []struct {
		t       PositionType
		jenjang string
		want    int
	}{
		{JPTUtama, "", 5}, {JPTMadya, "", 5}, {JPTPratama, "", 4}, {Administrator, "", 3}, {Pengawas, "", 2}, {Pelaksana, "", 1},
		{Fungsional, "pemula", 1}, {Fungsional, "terampil", 1}, {Fungsional, "mahir", 2}, {Fungsional, "penyelia", 2},
		{Fungsional, "ahli_pertama", 2}, {Fungsional, "ahli_muda", 3}, {Fungsional, "ahli_madya", 4}, {Fungsional, "ahli_utama", 5},
		{Fungsional, "", 0}, {Fungsional, "raja", 0}, {PositionType("raja"), "", 0},
	} {
		if got := DefaultRequiredLevel(c.t, c.jenjang); got != c.want {
			t.Errorf("DefaultRequiredLevel(%s, %q) = %d, want %d", c.t, c.jenjang, got, c.want)
		}
	}
}

// Every template key is a valid key with a default level, and every
// functional jenjang has one of its own.
func TestTemplateKeys(t *testing.T) {
	keys := TemplateKeys()
	if want := len(PositionTypes) - 1 + len(Jenjangs); len(keys) != want {
		t.Fatalf("%d keys, want %d", len(keys), want)
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if err := ValidateTemplateKey(k.Type, k.Jenjang); err != nil {
			t.Errorf("key %s/%q refused: %v", k.Type, k.Jenjang, err)
		}
		if DefaultRequiredLevel(k.Type, k.Jenjang) == 0 {
			t.Errorf("key %s/%q has no default level", k.Type, k.Jenjang)
		}
		seen[string(k.Type)+"/"+k.Jenjang] = true
	}
	for _, j := range Jenjangs {
		if !seen[string(Fungsional)+"/"+j] {
			t.Errorf("jenjang %s has no template key", j)
		}
	}
}

func TestValidateTemplateKey(t *testing.T) {
	for _, c := range []struct {
		t              PositionType
		jenjang, field string
	}{
		{Administrator, "", ""},
		{Fungsional, "", ""}, // the general template of functional posts
		{Fungsional, "ahli_muda", ""},
		{PositionType("raja"), "", "position_type"},
		{Administrator, "ahli_muda", "jenjang"},
		{Fungsional, "dewa", "jenjang"},
	} {
		if got := invalidFieldOf(ValidateTemplateKey(c.t, c.jenjang)); got != c.field {
			t.Errorf("%s/%q: field %q, want %q", c.t, c.jenjang, got, c.field)
		}
	}
}

func TestStandardValidate(t *testing.T) {
	items := func(its ...StandardItem) []StandardItem { return its }
	for _, c := range []struct {
		name  string
		st    Standard
		field string
	}{
		{"good", Standard{DecreeNo: "800/1", DecreeDate: "2025-02-01", Items: items(StandardItem{CompetencyID: 1, Required: 3, Weight: 2})}, ""},
		{"no date is fine", Standard{DecreeNo: "800/1", Items: items(StandardItem{CompetencyID: 1, Required: 1})}, ""},
		{"no decree number", Standard{DecreeNo: "  ", Items: items(StandardItem{CompetencyID: 1, Required: 3})}, "decree_no"},
		{"bad decree date", Standard{DecreeNo: "800/1", DecreeDate: "01-02-2025", Items: items(StandardItem{CompetencyID: 1, Required: 3})}, "decree_date"},
		{"no items", Standard{DecreeNo: "800/1"}, "items"},
		{"level 0", Standard{DecreeNo: "800/1", Items: items(StandardItem{CompetencyID: 1, Required: 0})}, "required"},
		{"level 6", Standard{DecreeNo: "800/1", Items: items(StandardItem{CompetencyID: 1, Required: 6})}, "required"},
		{"negative weight", Standard{DecreeNo: "800/1", Items: items(StandardItem{CompetencyID: 1, Required: 5, Weight: -1})}, "weight"},
		{"a competency twice", Standard{DecreeNo: "800/1", Items: items(StandardItem{CompetencyID: 1, Required: 2},
			StandardItem{CompetencyID: 1, Required: 3})}, "competency"},
	} {
		if got := invalidFieldOf(c.st.Validate()); got != c.field {
			t.Errorf("%s: field %q, want %q", c.name, got, c.field)
		}
	}
	st := Standard{DecreeNo: " 800/1 ", DecreeDate: " 2025-02-01 ", Items: items(StandardItem{CompetencyID: 1, Required: 3})}
	if err := st.Validate(); err != nil || st.DecreeNo != "800/1" || st.DecreeDate != "2025-02-01" || st.Items[0].Weight != 1 {
		t.Errorf("trimmed decree and default weight: %+v, %v", st, err)
	}
}

func TestApplicableTemplate(t *testing.T) {
	row := func(jenjang string, comp int64) TemplateItem {
		return TemplateItem{Type: Fungsional, Jenjang: jenjang, StandardItem: StandardItem{CompetencyID: comp, Required: 2}}
	}
	rows := []TemplateItem{row("", 1), row("", 2), row("ahli_muda", 3), row("ahli_madya", 4), row("ahli_madya", 5)}
	ids := func(items []StandardItem) []int64 {
		var out []int64
		for _, it := range items {
			out = append(out, it.CompetencyID)
		}
		return out
	}
	for _, c := range []struct {
		jenjang string
		want    []int64
	}{
		{"ahli_muda", []int64{3}},     // its own
		{"ahli_madya", []int64{4, 5}}, // its own, every row
		{"ahli_utama", []int64{1, 2}}, // none of its own: the general one
		{"", []int64{1, 2}},           // no jenjang: the general one
	} {
		if got := ids(ApplicableTemplate(rows, c.jenjang)); !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.jenjang, got, c.want)
		}
	}
	if got := ApplicableTemplate([]TemplateItem{row("ahli_muda", 3)}, "ahli_utama"); len(got) != 0 {
		t.Errorf("no template: %v", got)
	}
}
