package gap

import "testing"

func TestNineBoxNumbers(t *testing.T) {
	tests := []struct {
		perf Performance
		pot  Potential
		want int
	}{
		{Above, Low, 4}, {Above, Medium, 7}, {Above, High, 9},
		{Meets, Low, 2}, {Meets, Medium, 5}, {Meets, High, 8},
		{Below, Low, 1}, {Below, Medium, 3}, {Below, High, 6},
		{PerformanceUnknown, High, 0}, {Above, PotentialUnknown, 0}, {Performance(9), Low, 0},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		b := NineBox(tt.perf, tt.pot, false)
		if b.Number != tt.want {
			t.Errorf("NineBox(%v, %v) = %d, want %d", tt.perf, tt.pot, b.Number, tt.want)
		}
		if b.Label == "" || b.LabelEN == "" || b.Action == "" || b.ActionEN == "" {
			t.Errorf("box %d lacks wording: %+v", b.Number, b)
		}
		if tt.want != 0 && seen[b.Label] {
			t.Errorf("box %d label %q not unique", b.Number, b.Label)
		}
		seen[b.Label] = true
		if b.TalentPool != (tt.want >= 7) || b.NotEligible || b.Excluded {
			t.Errorf("box %d flags wrong: %+v", b.Number, b)
		}
	}
}

func TestNineBoxWording(t *testing.T) {
	tests := []struct {
		perf Performance
		pot  Potential
		want string // in Action
	}{
		{Above, High, "Dipromosikan; masuk kelompok rencana suksesi; diberi penghargaan."},
		{Below, Low, "Ditangani sesuai ketentuan peraturan perundang-undangan (pembinaan kinerja)."},
	}
	for _, tt := range tests {
		if got := NineBox(tt.perf, tt.pot, false).Action; got != tt.want {
			t.Errorf("action = %q, want %q", got, tt.want)
		}
	}
}

func TestNineBoxExcluded(t *testing.T) {
	tests := []struct {
		perf        Performance
		pot         Potential
		number      int
		notEligible bool
	}{
		{Above, High, 9, true},
		{Meets, High, 8, true},
		{Above, Medium, 7, true},
		{Meets, Medium, 5, false},
		{Below, Low, 1, false},
	}
	for _, tt := range tests {
		b := NineBox(tt.perf, tt.pot, true)
		if b.Number != tt.number || b.NotEligible != tt.notEligible || !b.Excluded || b.TalentPool {
			t.Errorf("excluded NineBox(%v, %v) = %+v", tt.perf, tt.pot, b)
		}
		normal := NineBox(tt.perf, tt.pot, false)
		if tt.notEligible == (b.Action == normal.Action) {
			t.Errorf("box %d: action change wrong: %q", b.Number, b.Action)
		}
	}
}

func TestBoxTableConfigurable(t *testing.T) {
	tb := DefaultBoxes()
	tb[9].Label = "Bintang"
	if got := tb.Place(Above, High, false); got.Label != "Bintang" || got.Number != 9 {
		t.Errorf("custom table: %+v", got)
	}
	if NineBox(Above, High, false).Label == "Bintang" {
		t.Errorf("editing DefaultBoxes changed the defaults")
	}
}

func TestPerformanceFromPredikat(t *testing.T) {
	tests := []struct {
		in   string
		want Performance
		ok   bool
	}{
		{"Sangat Baik", Above, true},
		{"SANGAT BAIK", Above, true},
		{" sangat  baik ", Above, true},
		{"sangat_baik", Above, true},
		{"Baik", Meets, true},
		{"Butuh Perbaikan", Below, true},
		{"butuh-perbaikan", Below, true},
		{"Kurang", Below, true},
		{"Sangat Kurang", Below, true},
		{"Cukup", PerformanceUnknown, false},
		{"", PerformanceUnknown, false},
	}
	for _, tt := range tests {
		got, ok := PerformanceFromPredikat(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PerformanceFromPredikat(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPerformanceOverYears(t *testing.T) {
	tests := []struct {
		name string
		in   []Performance
		want Performance
	}{
		{"none", nil, PerformanceUnknown},
		{"one year", []Performance{Above}, Above},
		{"lower of two", []Performance{Above, Meets}, Meets},
		{"lower of two reversed", []Performance{Below, Above}, Below},
		{"only last two count", []Performance{Below, Above, Above}, Above},
		{"missing year skipped", []Performance{Above, PerformanceUnknown}, Above},
		{"both unknown", []Performance{PerformanceUnknown, PerformanceUnknown}, PerformanceUnknown},
		{"old unknown not reached back past", []Performance{Below, PerformanceUnknown, Meets}, Meets},
	}
	for _, tt := range tests {
		if got := PerformanceOverYears(tt.in); got != tt.want {
			t.Errorf("%s: PerformanceOverYears = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPotentialFromJPM(t *testing.T) {
	def := DefaultPotentialThresholds()
	custom := PotentialThresholds{High: Percent(95), Medium: Percent(80)}
	tests := []struct {
		jpm  Fixed
		th   PotentialThresholds
		want Potential
	}{
		{10000, def, High},
		{9000, def, High},
		{8999, def, Medium},
		{7800, def, Medium},
		{7799, def, Low},
		{0, def, Low},
		{9000, custom, Medium},
		{7900, custom, Low},
	}
	for _, tt := range tests {
		if got := PotentialFromJPM(tt.jpm, tt.th); got != tt.want {
			t.Errorf("PotentialFromJPM(%v, %+v) = %v, want %v", tt.jpm, tt.th, got, tt.want)
		}
	}
}

func TestAxisLabels(t *testing.T) {
	for _, p := range []Performance{Below, Meets, Above} {
		if p.Label() == "Belum diketahui" || p.LabelEN() == "Unknown" {
			t.Errorf("performance %d lacks a label", p)
		}
	}
	for _, p := range []Potential{Low, Medium, High} {
		if p.Label() == "Belum diketahui" || p.LabelEN() == "Unknown" {
			t.Errorf("potential %d lacks a label", p)
		}
	}
}
