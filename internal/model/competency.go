package model

import "strings"

// FoldCompetencyName folds a competency name for matching the names an
// import file gives: lower case, single spaces.
func FoldCompetencyName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// CompetencyKeys indexes competencies (the newest version of every
// framework, as store.CompetencyChoices lists them) for an import that
// names them by code or by name: upper-case codes and folded names
// (FoldCompetencyName) to IDs, with -1 for a key that more than one
// competency has, which the file must then name otherwise.
func CompetencyKeys(items []StandardItem) (codes, names map[string]int64) {
	codes, names = map[string]int64{}, map[string]int64{}
	put := func(m map[string]int64, k string, id int64) {
		if k == "" {
			return
		}
		if old, ok := m[k]; ok && old != id {
			m[k] = -1
			return
		}
		m[k] = id
	}
	for _, it := range items {
		put(codes, strings.ToUpper(strings.TrimSpace(it.Code)), it.CompetencyID)
		put(names, FoldCompetencyName(it.Name), it.CompetencyID)
	}
	return codes, names
}
