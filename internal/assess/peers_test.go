package assess

import "testing"

func TestResolutionPeers(t *testing.T) {
	three := []evSpec{{SourcePeer, 3, 5, 21}, {SourcePeer, 4, 6, 22}, {SourcePeer, 2, 7, 23}}
	tests := []struct {
		name        string
		events      []evSpec
		count, mean int
		ok          bool
	}{
		{"three peers counted", three, 3, 3, true},
		{"three peers beside a supervisor", append([]evSpec{{SourceSupervisor, 2, 3, 13}}, three...), 3, 3, true},
		{"three peers outranked by an assessment centre", append([]evSpec{{SourceAssessmentCentre, 5, 30, 0}}, three...), 3, 3, true},
		{"a peer re-rating counts once, newest", append([]evSpec{{SourcePeer, 5, 1, 21}}, three...), 3, 4, true},
		{"two peers: never shown", three[:2], 0, 0, false},
		{"two peers under an assessment centre: never shown", append([]evSpec{{SourceAssessmentCentre, 5, 30, 0}}, three[:2]...), 0, 0, false},
		{"no peers", []evSpec{{SourceSupervisor, 2, 3, 13}}, 0, 0, false},
	}
	for _, tt := range tests {
		r := Resolve(DefaultRule(), evs(tt.events...), now)[0]
		n, m, ok := r.Peers()
		if n != tt.count || m != tt.mean || ok != tt.ok {
			t.Errorf("%s: Peers() = %d, %d, %v, want %d, %d, %v", tt.name, n, m, ok, tt.count, tt.mean, tt.ok)
		}
	}
}
