package table

// SafeCell returns s as every CSV and XLSX the system writes carries a
// text cell: a value a spreadsheet would run as a formula (one starting
// with = + - @ tab or CR, as a competency named =HYPERLINK(…) would) gets
// a leading apostrophe, which spreadsheets take as "this is text" and do
// not show. A value that starts with an apostrophe before such a value
// gets one more, so that PlainCell(SafeCell(s)) == s for every s and an
// export re-imports exactly. Numbers written as numbers (XLSX number
// cells) are not text and need none.
func SafeCell(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// PlainCell undoes SafeCell on a cell read from a file: the apostrophe
// before a value SafeCell would have quoted is removed; any other
// apostrophe is kept (a name like 'Aisyah stays as written).
func PlainCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

// needsQuote reports whether SafeCell quotes s.
func needsQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		if FormulaStart(s[i]) {
			return true
		}
		if s[i] != '\'' { // "'=x" is quoted again, "'abc" is not
			return false
		}
	}
	return false
}

// FormulaStart reports whether a spreadsheet would run a text cell
// starting with c as a formula (= + - @ tab CR): what no cell of an export
// may start with.
func FormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}
