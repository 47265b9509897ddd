package model

import "unicode/utf8"

// Length limits of free-text fields, in characters. They are generous for
// real records (the longest unit name in Kota Medan's registry is under
// 120 characters; an employee's full name with every title under 100) and
// keep a page, an export or a PDF from being inflated by one field: a
// 900 KB name once made the employee list 1.85 MB and a profile PDF 7.4 MB.
const (
	MaxCode      = 50   // unit, position and competency codes
	MaxName      = 150  // a person's name (titles apart), a unit's name, a position's title
	MaxTitles    = 100  // the front or back titles (gelar) of a name
	MaxPlace     = 100  // a birth place
	MaxEmail     = 254  // RFC 5321
	MaxPhone     = 20   // digits of a phone number
	MaxShortText = 200  // decree numbers, subjects, labels
	MaxLongText  = 4000 // notes, definitions, descriptions
)

// TooLong reports whether s has more than max characters.
func TooLong(s string, max int) bool {
	return len(s) > max && utf8.RuneCountInString(s) > max
}
