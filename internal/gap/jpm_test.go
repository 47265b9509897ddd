package gap

import (
	"slices"
	"strings"
	"testing"
)

// std builds a standard with the given required levels, IDs 1..n, weight 1.
func std(levels ...int) []Requirement {
	r := make([]Requirement, len(levels))
	for i, l := range levels {
		r[i] = Requirement{CompetencyID: int64(i + 1), Required: l, Weight: 1}
	}
	return r
}

// act builds actual levels for IDs 1..n; a 0 level is left out (unassessed).
func act(levels ...int) []Actual {
	var a []Actual
	for i, l := range levels {
		if l != 0 {
			a = append(a, Actual{CompetencyID: int64(i + 1), Level: l})
		}
	}
	return a
}

func TestCompute(t *testing.T) {
	rawT := DefaultThresholds()
	rawT.UseRaw = true
	tests := []struct {
		name                   string
		th                     Thresholds
		reqs                   []Requirement
		actual                 []Actual
		sumReq, sumAct, sumCap int
		raw, capped            Fixed
		mapping                MappingCategory
		filling                FillingCategory
		assessed, total        int
		complete               bool
		mandatoryUnmet         int
	}{
		{
			name: "31 of 36", th: DefaultThresholds(),
			reqs:   std(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
			actual: act(3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2),
			sumReq: 36, sumAct: 31, sumCap: 31, raw: 8611, capped: 8611,
			mapping: CukupOptimal, filling: MemenuhiSyarat, assessed: 12, total: 12, complete: true,
		},
		{
			name: "surplus capped", th: DefaultThresholds(),
			reqs: std(3, 3, 3), actual: act(5, 3, 1),
			sumReq: 9, sumAct: 9, sumCap: 7, raw: 10000, capped: 7778,
			mapping: KurangOptimal, filling: MasihMemenuhiSyarat, assessed: 3, total: 3, complete: true,
		},
		{
			name: "surplus raw thresholds", th: rawT,
			reqs: std(3, 3, 3), actual: act(5, 3, 1),
			sumReq: 9, sumAct: 9, sumCap: 7, raw: 10000, capped: 7778,
			mapping: Optimal, filling: MemenuhiSyarat, assessed: 3, total: 3, complete: true,
		},
		{
			name: "raw above 100", th: DefaultThresholds(),
			reqs: std(2, 2), actual: act(4, 3),
			sumReq: 4, sumAct: 7, sumCap: 4, raw: 17500, capped: 10000,
			mapping: Optimal, filling: MemenuhiSyarat, assessed: 2, total: 2, complete: true,
		},
		{
			// Not assessed is not level 0: the JPM covers the two assessed
			// competencies (provisional) and there is no category.
			name: "incomplete: provisional, no category", th: DefaultThresholds(),
			reqs: std(2, 2, 2, 2), actual: act(2, 0, 2, 0),
			sumReq: 4, sumAct: 4, sumCap: 4, raw: 10000, capped: 10000,
			mapping: MappingUnknown, filling: FillingUnknown, assessed: 2, total: 4,
		},
		{
			name: "nothing assessed: no JPM, no category", th: DefaultThresholds(),
			reqs: std(3, 3, 3), actual: nil,
			mapping: MappingUnknown, filling: FillingUnknown, assessed: 0, total: 3,
		},
		{
			name: "empty standard", th: DefaultThresholds(),
			actual: act(3),
		},
		{
			name: "half up 9/32 = 28.125", th: DefaultThresholds(),
			reqs: std(4, 4, 4, 4, 4, 4, 4, 4), actual: act(2, 1, 1, 1, 1, 1, 1, 1),
			sumReq: 32, sumAct: 9, sumCap: 9, raw: 2813, capped: 2813,
			mapping: KurangOptimal, filling: KurangMemenuhiSyarat, assessed: 8, total: 8, complete: true,
		},
		{
			name: "2/3 rounds up", th: DefaultThresholds(),
			reqs: std(3), actual: act(2),
			sumReq: 3, sumAct: 2, sumCap: 2, raw: 6667, capped: 6667,
			mapping: KurangOptimal, filling: KurangMemenuhiSyarat, assessed: 1, total: 1, complete: true,
		},
		{
			name: "exactly 78 and 68 boundaries", th: DefaultThresholds(),
			reqs: std(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), actual: act(4, 4, 4, 4, 4, 4, 4, 4, 4, 3),
			sumReq: 50, sumAct: 39, sumCap: 39, raw: 7800, capped: 7800,
			mapping: CukupOptimal, filling: MasihMemenuhiSyarat, assessed: 10, total: 10, complete: true,
		},
		{
			name: "exactly 90", th: DefaultThresholds(),
			reqs: std(5, 5), actual: act(5, 4),
			sumReq: 10, sumAct: 9, sumCap: 9, raw: 9000, capped: 9000,
			mapping: Optimal, filling: MemenuhiSyarat, assessed: 2, total: 2, complete: true,
		},
		{
			name: "first duplicate wins, foreign and negative ignored", th: DefaultThresholds(),
			reqs:   std(2, 2),
			actual: []Actual{{1, 1}, {1, 2}, {9, 5}, {2, -3}},
			sumReq: 2, sumAct: 1, sumCap: 1, raw: 5000, capped: 5000,
			mapping: MappingUnknown, filling: FillingUnknown, assessed: 1, total: 2,
		},
		{
			name: "mandatory unmet", th: DefaultThresholds(),
			reqs: []Requirement{
				{CompetencyID: 1, Required: 3, Weight: 1, Mandatory: true},
				{CompetencyID: 2, Required: 3, Weight: 1, Mandatory: true},
				{CompetencyID: 3, Required: 3, Weight: 1, Mandatory: true},
				{CompetencyID: 4, Required: 3, Weight: 1},
			},
			actual: act(3, 2, 0, 1),
			sumReq: 9, sumAct: 6, sumCap: 6, raw: 6667, capped: 6667,
			mapping: MappingUnknown, filling: FillingUnknown, assessed: 3, total: 4, mandatoryUnmet: 1, // the unassessed one is unknown, not unmet
		},
		{
			name: "mandatory unmet, complete", th: DefaultThresholds(),
			reqs: []Requirement{
				{CompetencyID: 1, Required: 3, Weight: 1, Mandatory: true},
				{CompetencyID: 2, Required: 3, Weight: 1, Mandatory: true},
			},
			actual: act(3, 2),
			sumReq: 6, sumAct: 5, sumCap: 5, raw: 8333, capped: 8333,
			mapping: CukupOptimal, filling: MemenuhiSyarat, assessed: 2, total: 2, complete: true, mandatoryUnmet: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ComputeWith(tt.th, tt.reqs, tt.actual)
			if r.SumRequired != tt.sumReq || r.SumActual != tt.sumAct || r.SumCapped != tt.sumCap {
				t.Errorf("sums = %d/%d/%d, want %d/%d/%d", r.SumRequired, r.SumActual, r.SumCapped, tt.sumReq, tt.sumAct, tt.sumCap)
			}
			if r.JPMRaw != tt.raw || r.JPMCapped != tt.capped {
				t.Errorf("JPM raw/capped = %d/%d, want %d/%d", r.JPMRaw, r.JPMCapped, tt.raw, tt.capped)
			}
			if r.Mapping != tt.mapping || r.Filling != tt.filling {
				t.Errorf("categories = %v/%v, want %v/%v", r.Mapping, r.Filling, tt.mapping, tt.filling)
			}
			if r.Provisional() != (tt.assessed > 0 && !tt.complete) || r.NotAssessed() != (tt.total > 0 && !tt.complete) {
				t.Errorf("provisional/not assessed = %v/%v for %d of %d", r.Provisional(), r.NotAssessed(), tt.assessed, tt.total)
			}
			if r.Assessed != tt.assessed || r.Total != tt.total || r.Complete != tt.complete {
				t.Errorf("assessed/total/complete = %d/%d/%v, want %d/%d/%v", r.Assessed, r.Total, r.Complete, tt.assessed, tt.total, tt.complete)
			}
			if r.MandatoryUnmet != tt.mandatoryUnmet {
				t.Errorf("MandatoryUnmet = %d, want %d", r.MandatoryUnmet, tt.mandatoryUnmet)
			}
			if len(r.Gaps) != len(tt.reqs) {
				t.Fatalf("len(Gaps) = %d, want %d", len(r.Gaps), len(tt.reqs))
			}
			for i, g := range r.Gaps {
				if g.CompetencyID != tt.reqs[i].CompetencyID || g.Assessed != (g.Actual > 0) ||
					(g.Assessed && g.Gap != g.Actual-g.Required) || (!g.Assessed && g.Gap != 0) {
					t.Errorf("gap %d inconsistent: %+v", i, g)
				}
			}
		})
	}
}

func TestComputeGapFields(t *testing.T) {
	reqs := []Requirement{{CompetencyID: 7, Required: 3, Weight: 0, Mandatory: true}, {CompetencyID: 8, Required: 2, Weight: 30}}
	r := Compute(reqs, []Actual{{8, 4}})
	want := []Gap{
		{CompetencyID: 7, Required: 3, Actual: 0, Gap: 0, Weight: 1, Mandatory: true, Assessed: false},
		{CompetencyID: 8, Required: 2, Actual: 4, Gap: 2, Weight: 30, Assessed: true},
	}
	if !slices.Equal(r.Gaps, want) {
		t.Errorf("Gaps = %+v, want %+v", r.Gaps, want)
	}
}

func TestComputeIntoReuses(t *testing.T) {
	reqs, actual := benchData()
	var r Result
	ComputeInto(&r, reqs, actual)
	first := &r.Gaps[0]
	ComputeInto(&r, reqs[:3], actual)
	if &r.Gaps[0] != first || len(r.Gaps) != 3 || r.Total != 3 {
		t.Errorf("ComputeInto did not reuse or reset: len %d total %d", len(r.Gaps), r.Total)
	}
	if n := testing.AllocsPerRun(100, func() { ComputeInto(&r, reqs, actual) }); n != 0 {
		t.Errorf("ComputeInto allocs = %v, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Compute(reqs, actual) }); n > 1 {
		t.Errorf("Compute allocs = %v, want ≤ 1", n)
	}
	if got := Compute(reqs, actual); !slices.Equal(got.Gaps, r.Gaps) || got.JPMRaw != r.JPMRaw {
		t.Errorf("Compute and ComputeInto disagree")
	}
}

func TestThresholdCategories(t *testing.T) {
	th := DefaultThresholds()
	tests := []struct {
		jpm     Fixed
		mapping MappingCategory
		filling FillingCategory
	}{
		{0, KurangOptimal, KurangMemenuhiSyarat},
		{6799, KurangOptimal, KurangMemenuhiSyarat},
		{6800, KurangOptimal, MasihMemenuhiSyarat},
		{7799, KurangOptimal, MasihMemenuhiSyarat},
		{7800, CukupOptimal, MasihMemenuhiSyarat},
		{7999, CukupOptimal, MasihMemenuhiSyarat},
		{8000, CukupOptimal, MemenuhiSyarat},
		{8999, CukupOptimal, MemenuhiSyarat},
		{9000, Optimal, MemenuhiSyarat},
		{13800, Optimal, MemenuhiSyarat},
	}
	for _, tt := range tests {
		if m, f := th.Mapping(tt.jpm), th.Filling(tt.jpm); m != tt.mapping || f != tt.filling {
			t.Errorf("%v: got %v/%v, want %v/%v", tt.jpm, m, f, tt.mapping, tt.filling)
		}
	}
}

func TestThresholdsValidate(t *testing.T) {
	bad := DefaultThresholds()
	bad.CukupOptimal = Percent(95)
	bad2 := DefaultThresholds()
	bad2.MasihMemenuhiSyarat = -1
	tests := []struct {
		name string
		th   Thresholds
		ok   bool
	}{
		{"default", DefaultThresholds(), true},
		{"cukup above optimal", bad, false},
		{"negative", bad2, false},
	}
	for _, tt := range tests {
		if err := tt.th.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v", tt.name, err)
		}
	}
}

func TestCategoryLabels(t *testing.T) {
	tests := []struct{ code, id, en string }{
		{Optimal.String(), Optimal.Label(), Optimal.LabelEN()},
		{CukupOptimal.String(), CukupOptimal.Label(), CukupOptimal.LabelEN()},
		{KurangOptimal.String(), KurangOptimal.Label(), KurangOptimal.LabelEN()},
		{MemenuhiSyarat.String(), MemenuhiSyarat.Label(), MemenuhiSyarat.LabelEN()},
		{MasihMemenuhiSyarat.String(), MasihMemenuhiSyarat.Label(), MasihMemenuhiSyarat.LabelEN()},
		{KurangMemenuhiSyarat.String(), KurangMemenuhiSyarat.Label(), KurangMemenuhiSyarat.LabelEN()},
	}
	want := []string{"optimal", "cukup_optimal", "kurang_optimal", "memenuhi_syarat", "masih_memenuhi_syarat", "kurang_memenuhi_syarat"}
	for i, tt := range tests {
		if tt.code != want[i] || tt.id == "" || tt.en == "" || tt.id == "Belum dapat ditentukan" {
			t.Errorf("category %d: %q %q %q", i, tt.code, tt.id, tt.en)
		}
	}
}

func TestWeightedShortfall(t *testing.T) {
	tests := []struct {
		name string
		gaps []Gap
		want int
	}{
		{"none", nil, 0},
		{"surplus adds nothing", []Gap{{Required: 2, Actual: 4, Weight: 10, Assessed: true}}, 0},
		{"two levels × 30 + one × 20", []Gap{
			{Required: 4, Actual: 2, Weight: 30, Assessed: true},
			{Required: 3, Actual: 2, Weight: 20, Assessed: true},
		}, 80},
		{"unassessed adds nothing", []Gap{{Required: 3, Actual: 0, Weight: 50, Assessed: false}}, 0},
		{"weight below 1 reads as 1", []Gap{{Required: 3, Actual: 1, Weight: 0, Assessed: true}}, 2},
	}
	for _, tt := range tests {
		if got := WeightedShortfall(tt.gaps); got != tt.want {
			t.Errorf("%s: WeightedShortfall = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		reqs   []Requirement
		actual []Actual
		ok     bool
	}{
		{"fine", std(1, 5), act(0, 5), true},
		{"required 0", std(0), nil, false},
		{"required 6", std(6), nil, false},
		{"weight 0", []Requirement{{CompetencyID: 1, Required: 2}}, nil, false},
		{"duplicate requirement", []Requirement{{1, 2, 1, false}, {1, 3, 1, false}}, nil, false},
		{"actual 6", std(3), act(6), false},
		{"duplicate actual", std(3), []Actual{{1, 2}, {1, 3}}, false},
	}
	for _, tt := range tests {
		if err := Validate(tt.reqs, tt.actual); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v", tt.name, err)
		}
	}
}

func TestFixedFormat(t *testing.T) {
	tests := []struct {
		f        Fixed
		lang     string
		fmt, pct string
	}{
		{8611, "id", "86,11", "86,11 %"},
		{8611, "en", "86.11", "86.11%"},
		{8611, "en-US", "86.11", "86.11%"},
		{10000, "", "100,00", "100,00 %"},
		{5, "id", "0,05", "0,05 %"},
		{-250, "id", "-2,50", "-2,50 %"},
	}
	for _, tt := range tests {
		if got := tt.f.Format(tt.lang); got != tt.fmt {
			t.Errorf("Format(%d, %q) = %q, want %q", tt.f, tt.lang, got, tt.fmt)
		}
		if got := tt.f.Percent(tt.lang); got != tt.pct {
			t.Errorf("Percent(%d, %q) = %q, want %q", tt.f, tt.lang, got, tt.pct)
		}
	}
	if Percent(78).short("id") != "78" || Fixed(7850).short("id") != "78,50" {
		t.Errorf("short formatting wrong")
	}
}

func TestExplain(t *testing.T) {
	full := Compute(std(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), act(3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2))
	surplus := Compute(std(3, 3, 3), act(5, 3, 1))
	partial := Compute(std(3, 3, 3), act(5, 3, 0))
	tests := []struct {
		name string
		r    Result
		lang string
		want []string
	}{
		{"indonesian", full, "id", []string{
			"Σ level aktual 31 ÷ Σ level standar 36 × 100 = 86,11 %",
			"sama dengan JPM: 86,11 %",
			"Semua 12 kompetensi",
			"Cukup Optimal (78 % ≤ JPM < 90 %)",
			"Memenuhi Syarat (JPM ≥ 80 %)",
		}},
		{"english", full, "en", []string{
			"Σ actual levels 31 ÷ Σ required levels 36 × 100 = 86.11%",
			"Fairly optimal (78% ≤ JPM < 90%)",
		}},
		{"capped", surplus, "id", []string{
			"= 100,00 %",
			"Σ 7 ÷ Σ 9 × 100 = 77,78 %",
			"Kurang Optimal (JPM < 78 %)",
			"Masih Memenuhi Syarat (68 % ≤ JPM < 80 %)",
		}},
		{"partly assessed: provisional, no category", partial, "id", []string{
			"JPM sementara, atas 2 dari 3 kompetensi",
			"Σ level aktual 8 ÷ Σ level standar 6 × 100 = 133,33 %",
			"Σ 6 ÷ Σ 6 × 100 = 100,00 %",
			"Belum dinilai lengkap: 2 dari 3 kompetensi dinilai",
		}},
		{"nothing assessed", Compute(std(3, 3), nil), "id", []string{"Belum dinilai: 0 dari 2 kompetensi dinilai"}},
		{"empty", Compute(nil, nil), "id", []string{"belum memiliki standar"}},
	}
	for _, line := range append(Explain(partial, "id"), Explain(Compute(std(3, 3), nil), "en")...) {
		if strings.Contains(line, "Kategori") || strings.Contains(line, "category (") {
			t.Errorf("an incomplete assessment is explained with a category: %q", line)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(Explain(tt.r, tt.lang), "\n")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("Explain missing %q in:\n%s", w, text)
				}
			}
		})
	}
}

// benchData is a 12-competency standard with actual levels in another order.
func benchData() ([]Requirement, []Actual) {
	reqs := make([]Requirement, 12)
	actual := make([]Actual, 12)
	for i := range reqs {
		reqs[i] = Requirement{CompetencyID: int64(100 + i), Required: 1 + i%5, Weight: 1 + i, Mandatory: i%3 == 0}
		actual[11-i] = Actual{CompetencyID: int64(100 + i), Level: i % 6}
	}
	return reqs, actual
}

func BenchmarkCompute(b *testing.B) {
	reqs, actual := benchData()
	b.ReportAllocs()
	for b.Loop() {
		_ = Compute(reqs, actual)
	}
}

func BenchmarkComputeInto(b *testing.B) {
	reqs, actual := benchData()
	var r Result
	b.ReportAllocs()
	for b.Loop() {
		ComputeInto(&r, reqs, actual)
	}
}
