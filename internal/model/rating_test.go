package model

import (
	"errors"
	"slices"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
)

func TestRatingValidate(t *testing.T) {
	tests := []struct {
		name   string
		r      Rating
		field  string // "" valid
		keyArg string
	}{
		{"self level 1", Rating{Source: assess.SourceSelf, Level: 1}, "", ""},
		{"supervisor level 5", Rating{Source: assess.SourceSupervisor, Level: 5}, "", ""},
		{"every source is known", Rating{Source: assess.SourceEvidence, Level: 3}, "", ""},
		{"level 0", Rating{Source: assess.SourcePeer, Level: 0}, "level", "err.common.level_1_5"},
		{"level 6", Rating{Source: assess.SourceTest, Level: 6}, "level", "err.common.level_1_5"},
		{"unknown source", Rating{Source: "boss", Level: 3}, "source", "err.rating.assessment_source_unknown"},
		{"no source", Rating{Level: 3}, "source", "err.rating.assessment_source_unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var e *apperr.Error
			if !errors.As(err, &e) || e.Code != apperr.EINVALID || e.Field != tt.field || e.Key != tt.keyArg {
				t.Fatalf("Validate = %#v, want invalid %s (%s)", err, tt.field, tt.keyArg)
			}
		})
	}
	for _, src := range RatingSources {
		if !ValidRatingSource(src) {
			t.Errorf("source %s listed but not valid", src)
		}
	}
}

func TestPathIDs(t *testing.T) {
	for path, want := range map[string][]int64{
		"/1/7/42/": {1, 7, 42}, "/1/": {1}, "/1/7": {1, 7}, "": nil, "/": nil, "/x/3/": {3},
	} {
		if got := PathIDs(path); !slices.Equal(got, want) {
			t.Errorf("PathIDs(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestOPDOf: root 1; 2 and 3 are OPDs below it; 5 a section of 2; 8 an
// unmarked unit below the root with a child 9; 6 a nested OPD inside 2.
func TestOPDOf(t *testing.T) {
	opd := map[int64]bool{2: true, 3: true, 6: true}
	is := func(id int64) bool { return opd[id] }
	tests := []struct {
		path string
		want int64
	}{
		{"/1/2/", 2},
		{"/1/2/5/", 2},
		{"/1/3/", 3},
		{"/1/2/6/", 6},   // the nearest OPD, not the outer one
		{"/1/2/6/7/", 6}, // below the nested one
		{"/1/8/9/", 8},   // no OPD on the path: the unit just below the root
		{"/1/8/", 8},
		{"/1/", 1}, // the root itself
		{"", 0},
	}
	for _, tt := range tests {
		if got := OPDOf(tt.path, is); got != tt.want {
			t.Errorf("OPDOf(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}
