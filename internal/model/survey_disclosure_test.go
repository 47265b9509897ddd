package model

import (
	"slices"
	"testing"
)

// The survey's scope /1/ has children /1/2/ and /1/3/; /1/2/ has
// /1/2/4/ and /1/2/5/. Counts are respondents placed in each unit.
func TestSurveyDetailShown(t *testing.T) {
	for _, c := range []struct {
		name  string
		resp  map[string]int
		shown []string // of /1/, /1/2/, /1/3/, /1/2/4/, /1/2/5/
	}{
		{"nobody answered", map[string]int{}, nil},
		{"two in the whole survey", map[string]int{"/1/2/4/": 1, "/1/3/": 1}, nil},
		// The defect: /1/3/ alone had enough, /1/2/ (one respondent) was
		// withheld, and /1/ minus /1/3/ gave /1/2/'s single answer.
		{"one child with a single respondent withholds its siblings", map[string]int{"/1/2/4/": 1, "/1/3/": 5}, []string{"/1/"}},
		{"siblings all large enough", map[string]int{"/1/2/4/": 3, "/1/3/": 5}, []string{"/1/", "/1/2/", "/1/3/", "/1/2/4/"}},
		{"an empty sibling isolates nobody", map[string]int{"/1/2/4/": 4, "/1/2/5/": 0, "/1/3/": 3}, []string{"/1/", "/1/2/", "/1/3/", "/1/2/4/"}},
		// One person placed in the scope unit itself: /1/ minus both
		// children would be their answer.
		{"a lone respondent in the parent unit itself", map[string]int{"/1/": 1, "/1/2/4/": 3, "/1/3/": 3}, []string{"/1/"}},
		{"enough in the parent unit itself", map[string]int{"/1/": 3, "/1/2/4/": 3, "/1/3/": 3}, []string{"/1/", "/1/2/", "/1/3/", "/1/2/4/"}},
		// Deeper: /1/2/ may show, its children may not (/1/2/5/ has two).
		{"a small grandchild withholds only its own level", map[string]int{"/1/2/4/": 3, "/1/2/5/": 2, "/1/3/": 4}, []string{"/1/", "/1/2/", "/1/3/"}},
		// A withheld parent withholds everything below it, however large.
		{"below a withheld part nothing shows", map[string]int{"/1/2/4/": 3, "/1/2/5/": 3, "/1/3/": 2}, []string{"/1/"}},
	} {
		var got []string
		for _, p := range []string{"/1/", "/1/2/", "/1/3/", "/1/2/4/", "/1/2/5/"} {
			if SurveyDetailShown("/1/", p, c.resp) {
				got = append(got, p)
			}
		}
		if !slices.Equal(got, c.shown) {
			t.Errorf("%s: shown %v, want %v", c.name, got, c.shown)
		}
	}
	if SurveyDetailShown("/1/2/", "/1/3/", map[string]int{"/1/3/": 9}) {
		t.Error("a part outside the survey's scope shows nothing")
	}
	if !SurveyDetailShown("/1/2", "/1/2/4", map[string]int{"/1/2/4": 3}) {
		t.Error("paths without their trailing slash are the same units")
	}
}

// Whatever the counts, no difference of two shown parts, nor a shown part
// minus all its shown children, isolates 1 … SurveyMinTextGroup-1
// respondents.
func TestSurveyDetailShownNoSmallDifference(t *testing.T) {
	units := []string{"/1/", "/1/2/", "/1/3/", "/1/2/4/", "/1/2/5/", "/1/3/6/"}
	count := func(root string, resp map[string]int) int {
		n := 0
		for p, k := range resp {
			if InSubtree(p, root) {
				n += k
			}
		}
		return n
	}
	// Every assignment of 0…4 respondents to the six units.
	resp := map[string]int{}
	var walk func(i int)
	walk = func(i int) {
		if i < len(units) {
			for n := range 5 {
				resp[units[i]] = n
				walk(i + 1)
			}
			return
		}
		var shown []string
		for _, p := range units {
			if SurveyDetailShown("/1/", p, resp) {
				shown = append(shown, p)
			}
		}
		for _, x := range shown {
			rest := count(x, resp)
			for _, y := range shown {
				if y != x && InSubtree(y, x) {
					if d := count(x, resp) - count(y, resp); d > 0 && d < SurveyMinTextGroup {
						t.Fatalf("%v: %s minus %s isolates %d", resp, x, y, d)
					}
					if childToward(x, y) == y {
						rest -= count(y, resp)
					}
				}
			}
			if rest > 0 && rest < SurveyMinTextGroup {
				t.Fatalf("%v: %s minus its shown children isolates %d", resp, x, rest)
			}
		}
	}
	walk(0)
}
