package assess

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
)

var now = time.Date(2026, time.March, 15, 9, 0, 0, 0, time.UTC)

// ago is a moment the given number of days before now.
func ago(days int) time.Time { return now.Add(-time.Duration(days) * 24 * time.Hour) }

// ev builds an event of competency 1; IDs follow the argument order.
type evSpec struct {
	src   Source
	level int
	days  int
	rater int64
}

func evs(specs ...evSpec) []Event {
	out := make([]Event, len(specs))
	for i, s := range specs {
		out[i] = Event{ID: int64(i + 1), CompetencyID: 1, Source: s.src, Level: s.level, At: ago(s.days), RaterID: s.rater}
	}
	return out
}

// aside is the comparable part of a SetAside for tests.
type aside struct {
	src    Source
	reason Reason
	count  int
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name     string
		events   []Event
		level    int
		decided  Source
		used     []Source
		asides   []aside
		conflict bool
	}{
		{
			name:   "same rater re-rating replaces",
			events: evs(evSpec{SourceSupervisor, 1, 100, 7}, evSpec{SourceSupervisor, 4, 10, 7}),
			level:  4, decided: SourceWeighted, used: []Source{SourceSupervisor},
			asides: []aside{{SourceSupervisor, ReasonReplaced, 1}},
		},
		{
			name:   "two supervisors both count, rounded mean",
			events: evs(evSpec{SourceSupervisor, 2, 100, 7}, evSpec{SourceSupervisor, 3, 10, 8}),
			level:  3, decided: SourceWeighted, used: []Source{SourceSupervisor},
		},
		{
			name:   "expired self-assessment ignored",
			events: evs(evSpec{SourceSelf, 5, 400, 1}, evSpec{SourceSupervisor, 2, 10, 7}),
			level:  2, decided: SourceWeighted, used: []Source{SourceSupervisor},
			asides: []aside{{SourceSelf, ReasonExpired, 1}},
		},
		{
			name:   "exactly one year still valid",
			events: evs(evSpec{SourceSelf, 3, 365, 1}),
			level:  3, decided: SourceWeighted, used: []Source{SourceSelf},
		},
		{
			name:   "assessment centre outranks self",
			events: evs(evSpec{SourceSelf, 4, 20, 1}, evSpec{SourceAssessmentCentre, 2, 700, 0}),
			level:  2, decided: SourceAssessmentCentre, used: []Source{SourceAssessmentCentre},
			asides:   []aside{{SourceSelf, ReasonOutranked, 1}},
			conflict: true,
		},
		{
			name:   "test outranks supervisor",
			events: evs(evSpec{SourceSupervisor, 4, 20, 7}, evSpec{SourceTest, 3, 300, 0}),
			level:  3, decided: SourceTest, used: []Source{SourceTest},
			asides: []aside{{SourceSupervisor, ReasonOutranked, 1}},
		},
		{
			name:   "assessment centre before test",
			events: evs(evSpec{SourceTest, 4, 30, 0}, evSpec{SourceAssessmentCentre, 3, 900, 0}),
			level:  3, decided: SourceAssessmentCentre, used: []Source{SourceAssessmentCentre},
			asides: []aside{{SourceTest, ReasonOutranked, 1}},
		},
		{
			name:   "expired assessment centre leaves test to decide",
			events: evs(evSpec{SourceAssessmentCentre, 5, 4 * 365, 0}, evSpec{SourceTest, 3, 30, 0}),
			level:  3, decided: SourceTest, used: []Source{SourceTest},
			asides: []aside{{SourceAssessmentCentre, ReasonExpired, 1}},
		},
		{
			name:   "latest test result decides",
			events: evs(evSpec{SourceTest, 2, 300, 0}, evSpec{SourceTest, 4, 30, 0}),
			level:  4, decided: SourceTest, used: []Source{SourceTest},
			asides: []aside{{SourceTest, ReasonReplaced, 1}},
		},
		{
			name: "two peers ignored",
			events: evs(evSpec{SourceSupervisor, 2, 10, 7},
				evSpec{SourcePeer, 5, 10, 21}, evSpec{SourcePeer, 5, 11, 22}),
			level: 2, decided: SourceWeighted, used: []Source{SourceSupervisor},
			asides: []aside{{SourcePeer, ReasonTooFewPeers, 2}},
		},
		{
			name: "three peers counted",
			events: evs(evSpec{SourceSupervisor, 2, 10, 7},
				evSpec{SourcePeer, 4, 10, 21}, evSpec{SourcePeer, 4, 11, 22}, evSpec{SourcePeer, 5, 12, 23}),
			// peers 13/3 → 4; (2×3 + 4×2) ÷ 5 = 2,8 → 3
			level: 3, decided: SourceWeighted, used: []Source{SourceSupervisor, SourcePeer},
			conflict: true,
		},
		{
			name: "a peer re-rating is one peer",
			events: evs(evSpec{SourcePeer, 3, 50, 21}, evSpec{SourcePeer, 4, 10, 21}, evSpec{SourcePeer, 4, 11, 22},
				evSpec{SourceSelf, 3, 5, 1}),
			level: 3, decided: SourceWeighted, used: []Source{SourceSelf},
			asides: []aside{{SourcePeer, ReasonReplaced, 1}, {SourcePeer, ReasonTooFewPeers, 2}},
		},
		{
			name: "weighted rounding half up",
			events: evs(evSpec{SourceSupervisor, 3, 10, 7}, evSpec{SourceEvidence, 2, 10, 7},
				evSpec{SourceSelf, 2, 10, 1}),
			// (3×3 + 2×2 + 2×1) ÷ 6 = 15 ÷ 6 = 2,5 → 3
			level: 3, decided: SourceWeighted, used: []Source{SourceSupervisor, SourceEvidence, SourceSelf},
		},
		{
			name:   "weighted rounding down",
			events: evs(evSpec{SourceSupervisor, 3, 10, 7}, evSpec{SourceSelf, 4, 10, 1}),
			// (9 + 4) ÷ 4 = 3,25 → 3
			level: 3, decided: SourceWeighted, used: []Source{SourceSupervisor, SourceSelf},
		},
		{
			name:   "conflict self 4 vs supervisor 1",
			events: evs(evSpec{SourceSelf, 4, 10, 1}, evSpec{SourceSupervisor, 1, 12, 7}),
			// (1×3 + 4×1) ÷ 4 = 1,75 → 2
			level: 2, decided: SourceWeighted, used: []Source{SourceSupervisor, SourceSelf},
			conflict: true,
		},
		{
			name:   "future event ignored",
			events: evs(evSpec{SourceSupervisor, 2, 40, 7}, evSpec{SourceSupervisor, 5, -3, 7}),
			level:  2, decided: SourceWeighted, used: []Source{SourceSupervisor},
			asides: []aside{{SourceSupervisor, ReasonFuture, 1}},
		},
		{
			name:   "invalid level and unknown source ignored",
			events: evs(evSpec{SourceSupervisor, 7, 4, 7}, evSpec{SourceSupervisor, 3, 40, 7}, evSpec{"gossip", 5, 1, 9}),
			level:  3, decided: SourceWeighted, used: []Source{SourceSupervisor},
			asides: []aside{{SourceSupervisor, ReasonInvalidLevel, 1}, {"gossip", ReasonUnknownSource, 1}},
		},
		{
			name:   "only too few peers gives level 0",
			events: evs(evSpec{SourcePeer, 4, 10, 21}, evSpec{SourcePeer, 4, 11, 22}),
			level:  0, decided: "",
			asides: []aside{{SourcePeer, ReasonTooFewPeers, 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Resolve(DefaultRule(), tt.events, now)
			if len(got) != 1 {
				t.Fatalf("Resolve gave %d resolutions, want 1: %+v", len(got), got)
			}
			r := got[0]
			if r.Level != tt.level || r.Decided != tt.decided || r.Conflict != tt.conflict {
				t.Errorf("level/decided/conflict = %d/%q/%v, want %d/%q/%v", r.Level, r.Decided, r.Conflict, tt.level, tt.decided, tt.conflict)
			}
			var used []Source
			for _, c := range r.Used {
				used = append(used, c.Source)
			}
			if !slices.Equal(used, tt.used) {
				t.Errorf("used = %v, want %v", used, tt.used)
			}
			var asides []aside
			for _, s := range r.SetAside {
				asides = append(asides, aside{s.Source, s.Reason, s.Count})
			}
			if !slices.Equal(asides, tt.asides) {
				t.Errorf("set aside = %v, want %v", asides, tt.asides)
			}
			if r.Conflict != (r.ConflictNote != "") {
				t.Errorf("conflict note %q with conflict %v", r.ConflictNote, r.Conflict)
			}
		})
	}
}

func TestResolveNoValidEvents(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
	}{
		{"none", nil},
		{"all expired", evs(evSpec{SourceSelf, 3, 500, 1}, evSpec{SourceTest, 3, 1000, 0})},
		{"only future", evs(evSpec{SourceSupervisor, 3, -1, 7})},
		{"only unknown source", evs(evSpec{"gossip", 3, 1, 7})},
	}
	for _, tt := range tests {
		if got := Resolve(DefaultRule(), tt.events, now); len(got) != 0 {
			t.Errorf("%s: Resolve = %+v, want none", tt.name, got)
		}
	}
}

func TestResolveManyCompetencies(t *testing.T) {
	events := []Event{
		{ID: 1, CompetencyID: 9, Source: SourceSelf, Level: 2, At: ago(1), RaterID: 1},
		{ID: 2, CompetencyID: 3, Source: SourceSupervisor, Level: 4, At: ago(1), RaterID: 7},
		{ID: 3, CompetencyID: 5, Source: SourceSelf, Level: 1, At: ago(900), RaterID: 1},
		{ID: 4, CompetencyID: 9, Source: SourceSupervisor, Level: 2, At: ago(2), RaterID: 7},
	}
	orig := slices.Clone(events)
	got := Resolve(DefaultRule(), events, now)
	if len(got) != 2 || got[0].CompetencyID != 3 || got[1].CompetencyID != 9 || got[0].Level != 4 || got[1].Level != 2 {
		t.Errorf("Resolve = %+v", got)
	}
	if !slices.Equal(events, orig) {
		t.Errorf("Resolve modified its input")
	}
}

func TestResolveTieOnTime(t *testing.T) {
	at := ago(3)
	events := []Event{
		{ID: 10, CompetencyID: 1, Source: SourceSupervisor, Level: 2, At: at, RaterID: 7},
		{ID: 11, CompetencyID: 1, Source: SourceSupervisor, Level: 4, At: at, RaterID: 7},
	}
	for _, order := range [][]Event{events, {events[1], events[0]}} {
		if r := Resolve(DefaultRule(), order, now); r[0].Level != 4 {
			t.Errorf("tie on time: level %d, want 4 (higher ID)", r[0].Level)
		}
	}
}

func TestResolveRuleVariants(t *testing.T) {
	noExpiry := DefaultRule()
	delete(noExpiry.Validity, SourceSelf)
	twoPeers := DefaultRule()
	twoPeers.MinPeers = 2
	noConflict := DefaultRule()
	noConflict.ConflictSpread = 0
	noOutrank := DefaultRule()
	noOutrank.Outranks = nil
	tests := []struct {
		name     string
		rule     Rule
		events   []Event
		level    int
		conflict bool
	}{
		{"no validity means no expiry", noExpiry, evs(evSpec{SourceSelf, 3, 2000, 1}), 3, false},
		{"min peers 2", twoPeers, evs(evSpec{SourcePeer, 4, 1, 21}, evSpec{SourcePeer, 5, 1, 22}), 5, false},
		{"conflict disabled", noConflict, evs(evSpec{SourceSelf, 5, 1, 1}, evSpec{SourceSupervisor, 1, 1, 7}), 2, false},
		// AC 5 × 5 + self 1 × 1 = 26 ÷ 6 = 4,33 → 4
		{"no outranking: assessment centre weighted", noOutrank, evs(evSpec{SourceAssessmentCentre, 5, 10, 0}, evSpec{SourceSelf, 1, 1, 1}), 4, true},
	}
	for _, tt := range tests {
		got := Resolve(tt.rule, tt.events, now)
		if len(got) != 1 || got[0].Level != tt.level || got[0].Conflict != tt.conflict {
			t.Errorf("%s: Resolve = %+v, want level %d conflict %v", tt.name, got, tt.level, tt.conflict)
		}
	}
}

func TestPeersAnonymous(t *testing.T) {
	events := evs(evSpec{SourcePeer, 3, 5, 21}, evSpec{SourcePeer, 4, 6, 22}, evSpec{SourcePeer, 2, 7, 23})
	r := Resolve(DefaultRule(), events, now)[0]
	if len(r.Used) != 1 || r.Used[0].Source != SourcePeer || !r.Used[0].At.IsZero() || r.Used[0].Count != 3 || r.Used[0].Level != 3 {
		t.Errorf("peer contribution = %+v", r.Used)
	}
	text := strings.Join(r.Explain("id"), "\n")
	for _, leak := range []string{"21", "22", "23", i18n.Date(i18n.ID, ago(5))} {
		if strings.Contains(text, leak) {
			t.Errorf("explain leaks %q:\n%s", leak, text)
		}
	}
}

func TestExplain(t *testing.T) {
	rule := DefaultRule()
	resolve := func(e []Event) Resolution { return Resolve(rule, e, now)[0] }
	acDecides := resolve(evs(evSpec{SourceSelf, 4, 20, 1}, evSpec{SourceAssessmentCentre, 2, 700, 0}))
	weighted := resolve(evs(evSpec{SourceSelf, 4, 10, 1}, evSpec{SourceSupervisor, 1, 12, 7}))
	rounded := resolve(evs(evSpec{SourceSupervisor, 3, 10, 7}, evSpec{SourceEvidence, 2, 10, 7}, evSpec{SourceSelf, 2, 10, 1}))
	mixed := resolve(evs(evSpec{SourceSelf, 5, 400, 1}, evSpec{SourceSupervisor, 3, 300, 7}, evSpec{SourceSupervisor, 3, 20, 7},
		evSpec{SourcePeer, 4, 10, 21}, evSpec{SourcePeer, 4, 11, 22}))
	none := resolve(evs(evSpec{SourcePeer, 4, 10, 21}))
	tests := []struct {
		name string
		r    Resolution
		lang string
		want []string
	}{
		{"deciding source named", acDecides, "id", []string{
			"Level 2 ditetapkan oleh Assessment centre (hasil terbaru " + i18n.Date(i18n.ID, ago(700)) + ")",
			"Penilaian diri: level 4, tidak dihitung karena diungguli Assessment centre.",
			"Perhatian, penilaian berbeda jauh: Assessment centre level 2 dan Penilaian diri level 4 berselisih 2 level (batas 2).",
		}},
		{"deciding source named in English", acDecides, "en", []string{
			"Level 2 was decided by Assessment centre",
			"Self-assessment: level 4, not counted because Assessment centre outranks it.",
		}},
		{"weighted arithmetic", weighted, "id", []string{
			"Level 2 = rata-rata berbobot: (Atasan langsung 1 × 3 + Penilaian diri 4 × 1) ÷ (3 + 1) = 7 ÷ 4 = 1,75, dibulatkan menjadi 2.",
			"Atasan langsung: level 1 (dinilai " + i18n.Date(i18n.ID, ago(12)) + "), bobot 3.",
			"Penilaian diri level 4 dan Atasan langsung level 1 berselisih 3 level",
		}},
		{"weighted half up", rounded, "en", []string{
			"= 15 ÷ 6 = 2.50, rounded to 3.",
			"Work evidence (reviewed by supervisor): level 2",
		}},
		{"set-aside reasons", mixed, "id", []string{
			"Atasan langsung: 1 penilaian lama digantikan penilaian ulang oleh penilai yang sama.",
			"Rekan kerja: 2 penilai, kurang dari minimal 3",
			"Penilaian diri: 1 penilaian kedaluwarsa (masa berlaku 1 tahun), tidak dihitung.",
		}},
		{"set-aside reasons in English", mixed, "en", []string{
			"Supervisor: 1 earlier rating replaced by the same rater's newer rating.",
			"Peers: 2 raters, fewer than the minimum of 3; not counted, and not shown to protect anonymity.",
			"Self-assessment: 1 rating expired (valid for 1 year), not counted.",
		}},
		{"no level", none, "id", []string{"Level belum dapat ditetapkan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.r.Explain(tt.lang), "\n")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("Explain missing %q in:\n%s", w, text)
				}
			}
		})
	}
}

func TestMeanText(t *testing.T) {
	tests := []struct {
		num, den int
		lang     string
		want     string
	}{
		{7, 4, "id", "= 1,75"},
		{19, 6, "id", "≈ 3,16"}, // truncated, not 3,17
		{15, 6, "en", "= 2.50"},
		{8, 4, "id", "= 2,00"},
	}
	for _, tt := range tests {
		if got := meanText(tt.num, tt.den, tt.lang); got != tt.want {
			t.Errorf("meanText(%d, %d) = %q, want %q", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestFormatValidity(t *testing.T) {
	tests := []struct {
		d    time.Duration
		lang string
		want string
	}{
		{Year, "id", "1 tahun"},
		{3 * Year, "en", "3 years"},
		{Year, "en", "1 year"},
		{90 * 24 * time.Hour, "id", "90 hari"},
	}
	for _, tt := range tests {
		if got := formatValidity(tt.d, tt.lang); got != tt.want {
			t.Errorf("formatValidity(%v, %q) = %q, want %q", tt.d, tt.lang, got, tt.want)
		}
	}
}

func TestSourceLabels(t *testing.T) {
	for _, s := range append(slices.Clone(sourceOrder), SourceWeighted) {
		if s.Label("id") == string(s) || s.Label("en") == string(s) {
			t.Errorf("source %q lacks a label", s)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	var events []Event
	for c := int64(1); c <= 12; c++ {
		for i, s := range []Source{SourceSelf, SourceSupervisor, SourcePeer, SourcePeer, SourcePeer, SourceTest} {
			events = append(events, Event{ID: c*10 + int64(i), CompetencyID: c, Source: s, Level: 1 + i%5, At: ago(i * 30), RaterID: int64(i)})
		}
	}
	rule := DefaultRule()
	b.ReportAllocs()
	for b.Loop() {
		_ = Resolve(rule, events, now)
	}
}
