package date

import (
	"testing"
	"time"
)

func TestParseStoredLikeTimeParse(t *testing.T) {
	for _, s := range []string{"", "2024-02-29", "2023-02-29", "1999-12-31", "2000-04-31", "0000-01-01", "2024-13-01", "2024-00-10",
		"2024-1-01", "abcd-ef-gh", "2024-02-3x", "9999-12-31", "2024/02/03", " 2024-02-03", "2024-02-00"} {
		want, _ := time.Parse(time.DateOnly, s)
		if got := ParseStored(s); !got.Equal(want) || got.Location() != want.Location() {
			t.Errorf("%q: %v, time.Parse %v", s, got, want)
		}
	}
}

func TestFormatRoundTrips(t *testing.T) {
	for _, s := range []string{"", "2024-02-29", "1966-01-08", "9999-12-31"} {
		if got := Format(ParseStored(s)); got != s {
			t.Errorf("%q: formatted back as %q", s, got)
		}
	}
}
