package dictionary

// Codes of the built-in frameworks.
const (
	CodeNational = "KOMPETENSI-ASN"
	CodeDigital  = "KOMPETENSI-DIGITAL-ASN"
)

// BuiltIn returns every framework Kompeten ships: the national set, the
// digital framework and the technical frameworks, in that order. Each call
// returns fresh values the caller may change.
func BuiltIn() []Framework {
	out := []Framework{*National(), *Digital()}
	return append(out, Technical()...)
}

// lv builds a level with its title, description and indicators.
func lv(title, desc string, indicators ...string) Level {
	return Level{Title: title, Description: desc, Indicators: indicators}
}

// ProficiencyTitles are the level titles of the digital and technical
// frameworks (the national set has a title per competency and level).
var ProficiencyTitles = [NumLevels]string{"Dasar", "Terampil", "Mahir", "Lanjut", "Ahli"}

// scaled builds five levels with the generic proficiency titles.
func scaled(descs [NumLevels]string) [NumLevels]Level {
	var out [NumLevels]Level
	for i, d := range descs {
		out[i] = Level{Title: ProficiencyTitles[i], Description: d}
	}
	return out
}
