package gap

import "strconv"

// Fixed is a percentage in integer hundredths (8750 = 87,50 %). JPM values
// use it so that sums, comparisons and display never depend on floating
// point: what the UI shows is exactly what the category rule compared.
type Fixed int64

// Percent builds a Fixed from whole percent, so thresholds read naturally in
// configuration code (Percent(90) = 90,00 %).
func Percent(whole int) Fixed { return Fixed(whole) * 100 }

// ratio returns num ÷ den × 100 in hundredths, rounded half up. It is the
// one place where JPM is divided; den must be positive and num non-negative.
func ratio(num, den int) Fixed {
	n := int64(num) * 10000
	d := int64(den)
	return Fixed((2*n + d) / (2 * d))
}

// Format writes the number with two decimals in the given language:
// "86,11" in Indonesian (the default) and "86.11" in English.
func (f Fixed) Format(lang string) string {
	return formatHundredths(int64(f), decimalSep(lang), false)
}

// Percent writes the value as a percentage the way each language writes it:
// "86,11 %" in Indonesian, "86.11%" in English.
func (f Fixed) Percent(lang string) string {
	if isEN(lang) {
		return f.Format(lang) + "%"
	}
	return f.Format(lang) + " %"
}

// String gives the Indonesian percentage, the product's default language,
// so that %v in logs and tests reads like the UI.
func (f Fixed) String() string { return f.Percent("id") }

// short writes a threshold without needless decimals ("78" rather than
// "78,00") for the category ranges in Explain.
func (f Fixed) short(lang string) string {
	return formatHundredths(int64(f), decimalSep(lang), true)
}

// formatHundredths writes v/100 with two decimals (or none when trim is set
// and the decimals are zero) using sep as the decimal separator.
func formatHundredths(v int64, sep byte, trim bool) string {
	neg := v < 0
	if neg {
		v = -v
	}
	b := make([]byte, 0, 24)
	if neg {
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, v/100, 10)
	if frac := v % 100; !trim || frac != 0 {
		b = append(b, sep, byte('0'+frac/10), byte('0'+frac%10))
	}
	return string(b)
}

// isEN reports whether lang asks for English ("en", "en-US", "EN"); any other
// value gives Indonesian, the default, like i18n.Parse.
func isEN(lang string) bool {
	return len(lang) >= 2 && (lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N')
}

// decimalSep is the decimal separator of the language: a comma in
// Indonesian, a point in English.
func decimalSep(lang string) byte {
	if isEN(lang) {
		return '.'
	}
	return ','
}
