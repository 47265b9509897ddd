package dictionary

// Codes of the built-in frameworks.
const (
	CodeNational = "KOMPETENSI-ASN"
	CodeDigital  = "KOMPETENSI-DIGITAL-ASN"
	CodeSoft     = "KOMPETENSI-SOFT-SKILL-ASN"
	CodeGuru     = "TEKNIS-GURU"
	CodeHealth   = "TEKNIS-KESEHATAN"
)

// BuiltIn returns every framework Kompeten ships: the national set, the
// digital framework, the soft skills and the technical frameworks (those of
// the largest groups, teachers and health workers, first), in that order.
// Each call returns fresh values the caller may change.
func BuiltIn() []Framework {
	out := []Framework{*National(), *Digital(), *SoftSkills(), *Teachers(), *HealthWorkers()}
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

// levelRows builds five levels with the generic proficiency titles from
// rows of a description followed by three behavioural indicators.
func levelRows(rows [NumLevels][4]string) [NumLevels]Level {
	var out [NumLevels]Level
	for i, r := range rows {
		out[i] = Level{Title: ProficiencyTitles[i], Description: r[0], Indicators: []string{r[1], r[2], r[3]}}
	}
	return out
}
