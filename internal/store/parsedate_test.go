package store

import (
	"testing"
	"time"
)

func TestParseDateLikeTimeParse(t *testing.T) {
	for _, s := range []string{"", "2024-02-29", "2023-02-29", "1999-12-31", "2000-04-31", "0000-01-01", "2024-13-01", "2024-00-10",
		"2024-1-01", "abcd-ef-gh", "2024-02-3x", "9999-12-31", "2024/02/03", " 2024-02-03", "2024-02-00"} {
		want, _ := time.Parse(time.DateOnly, s)
		if got := parseDate(s); !got.Equal(want) || got.Location() != want.Location() {
			t.Errorf("%q: %v, time.Parse %v", s, got, want)
		}
	}
}
