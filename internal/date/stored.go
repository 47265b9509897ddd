package date

import "time"

// The form the database keeps dates in (yyyy-mm-dd): the store writes it
// with Format and reads it back with ParseStored.

// Format formats a date as stored ("" for the zero time).
func Format(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// ParseStored reads a stored date; "" (and anything that is not a date) is
// the zero time. It agrees with time.Parse(time.DateOnly, s).
func ParseStored(s string) time.Time {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		t, _ := time.Parse(time.DateOnly, s) // "" and anything odd
		return t
	}
	// Stored dates are always yyyy-mm-dd; lists read a few per row, and
	// time.Parse was a few per cent of an API page.
	num := func(p string) int {
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return -1
			}
			n = n*10 + int(p[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return time.Time{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April and the like
		return time.Time{}
	}
	return t
}
