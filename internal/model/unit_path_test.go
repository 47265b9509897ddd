package model

import "testing"

func TestPathLastID(t *testing.T) {
	for path, want := range map[string]int64{"/1/7/42/": 42, "/1/": 1, "/1/7/42": 42, "/": 0, "": 0} {
		if got := PathLastID(path); got != want {
			t.Errorf("%q: %d, want %d", path, got, want)
		}
	}
}
