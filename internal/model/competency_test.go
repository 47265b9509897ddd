package model

import "testing"

func TestFoldCompetencyName(t *testing.T) {
	for in, want := range map[string]string{
		"Integritas":               "integritas",
		"  Kerja   Sama ":          "kerja sama",
		"Pengambilan\tKeputusan\n": "pengambilan keputusan",
		"":                         "",
		"Orientasi pada Hasil":     "orientasi pada hasil",
	} {
		if got := FoldCompetencyName(in); got != want {
			t.Errorf("FoldCompetencyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompetencyKeys(t *testing.T) {
	items := []StandardItem{
		{CompetencyID: 1, Code: "M1", Name: "Integritas"},
		{CompetencyID: 2, Code: " t-arsip-1 ", Name: "Pengelolaan  Arsip"},
		{CompetencyID: 3, Code: "DIG1", Name: "Literasi Data"},
		{CompetencyID: 4, Code: "TEK9", Name: "literasi data"}, // the same name in another framework
		{CompetencyID: 5, Code: "m1", Name: "Lain"},            // the same code, written otherwise
		{CompetencyID: 6, Code: "", Name: ""},
	}
	codes, names := CompetencyKeys(items)
	for k, want := range map[string]int64{"M1": -1, "T-ARSIP-1": 2, "DIG1": 3, "TEK9": 4, "": 0, "m1": 0} {
		if got := codes[k]; got != want {
			t.Errorf("code %q: %d, want %d", k, got, want)
		}
	}
	for k, want := range map[string]int64{"integritas": 1, "pengelolaan arsip": 2, "literasi data": -1, "lain": 5, "": 0} {
		if got := names[k]; got != want {
			t.Errorf("name %q: %d, want %d", k, got, want)
		}
	}
	// One competency listed twice (its ID the same) is not ambiguous.
	codes, _ = CompetencyKeys([]StandardItem{{CompetencyID: 7, Code: "X"}, {CompetencyID: 7, Code: "x"}})
	if codes["X"] != 7 {
		t.Errorf("the same competency twice: %d", codes["X"])
	}
}
