package i18n

// English messages of education histories and of copying a framework.
func init() {
	extend(enMessages, map[string]string{
		"fwedit.copy":                    "Copy into an agency framework",
		"fwedit.copy_from":               "Copy of %s: its competencies, levels and indicators are copied. Give it a code of its own; the built-in framework and the standards using it stay as they are.",
		"err.education.level":            "unknown education level %q (SD, SMP, SMA, D-I to D-IV, S-1 to S-3, or a SIASN code)",
		"err.education.year":             "the graduation year must be %d to %d",
		"err.education.major_long":       "the major is at most %d characters",
		"err.education.institution_long": "the school or university name is at most %d characters",
		"err.education.certificate_long": "the certificate number is at most %d characters",
		"acimport.kind_education":        "Education history (SIASN export)",
		"acimport.hint_education":        "Education history: SIASN's riwayat pendidikan export with the columns NIP (or NIP_BARU), TINGKAT_PENDIDIKAN (a name such as S-1/Sarjana or a TK_PENDIDIKAN_ID code such as 40), TAHUN_LULUS (or TGL_LULUS), optionally PENDIDIKAN_NAMA (major), NAMA_SEKOLAH and NOMOR_IJAZAH. One row per education; a stored NIP, level and graduation year is updated.",
		"education.title":                "Education history",
		"education.level":                "Level",
		"education.major":                "Major",
		"education.institution":          "School / university",
		"education.year":                 "Graduation year",
		"education.certificate":          "Certificate number",
		"education.none":                 "No education history recorded yet. An administrator imports it from the SIASN riwayat pendidikan export.",
		"education.minimum":              "The position's minimum education: %s.",
		"education.gap":                  "The highest education (%s) is below it: a qualification gap.",
		"education.unrecorded":           "Cannot be compared yet: no education history recorded.",
		"qual.title":                     "Education qualification gaps",
		"qual.link":                      "Education qualification gaps",
		"qual.help":                      "The highest recorded education against the position's minimum: S-1/D-IV for JPT, administrator and keahlian posts; D-III for pengawas and keterampilan posts; SMA/SMK for pelaksana and pemula. Employees with no education recorded are counted apart, not as a gap.",
		"qual.employees":                 "Active employees holding a position",
		"qual.below":                     "Below the minimum education",
		"qual.unrecorded":                "No education history recorded",
		"qual.minimum":                   "Minimum education",
		"qual.highest":                   "Highest education",
		"qual.people":                    "Employees with a qualification gap",
		"qual.none":                      "No employee in your scope has a qualification gap.",
		"qual.more":                      "The first %s employees by name are shown; there are more.",
	})
}
