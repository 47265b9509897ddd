package model

import "strings"

// Which parts of a survey's results may carry their texts and tallies.
//
// A part is a unit's subtree inside the survey's scope. Each part alone
// may hold enough respondents, yet two visible parts can be subtracted:
// the free answers of a parent minus those of all but one of its children
// are the remaining child's answers (and those of the people placed in the
// parent unit itself); tallies subtract the same way. So a threshold per
// part is not enough: the rule must hold for every difference of parts
// that any reader can see.
//
// SurveyDetailShown decides it top-down from the survey's scope, the same
// for every reader (readers of different parts could pool what they see):
//   - the scope itself shows its detail when it has at least
//     SurveyMinTextGroup respondents;
//   - a unit below shows its detail only when its parent does and, among
//     the parent's groups — the people placed in the parent unit itself
//     and each child subtree — every group is empty or has at least
//     SurveyMinTextGroup respondents. Siblings are shown or withheld
//     together.
//
// Then the parts shown nest (each is a whole tree of shown parts under
// the scope), and what any sum or difference of them isolates is a union
// of "remainders" — a shown part minus its shown children, which is either
// the whole part (its children withheld: ≥ threshold) or the people placed
// in the unit itself (checked as a group: empty or ≥ threshold). No
// combination of visible parts therefore singles out fewer than
// SurveyMinTextGroup respondents. Response counts are shown everywhere:
// they say how many answered, not what.
//
// What this cannot stop is a difference over time: a reader who looks
// before and after one person answers sees that person's answer appear.
// Texts are therefore shown in a fixed order independent of time (the
// store sorts them), so at least the newest answer is not the first line.

// SurveyDetailShown reports whether the texts and tallies of the part of a
// survey under the unit at partPath may be shown, the survey's scope being
// at surveyPath and respondents counting the responses per unit path (the
// unit each respondent was placed in when answering; units without
// responses may be left out). A part outside the scope shows nothing.
func SurveyDetailShown(surveyPath, partPath string, respondents map[string]int) bool {
	surveyPath, partPath = subtree(surveyPath), subtree(partPath)
	if !InSubtree(partPath, surveyPath) {
		return false
	}
	for x := surveyPath; x != partPath; x = childToward(x, partPath) {
		for _, n := range surveyGroups(x, respondents) {
			if n > 0 && n < SurveyMinTextGroup {
				return false
			}
		}
	}
	return surveyRespondents(partPath, respondents) >= SurveyMinTextGroup
}

// surveyGroups splits the respondents of subtree x into the people placed
// in x itself (key x) and those of each child subtree (key the child's
// path).
func surveyGroups(x string, respondents map[string]int) map[string]int {
	groups := map[string]int{}
	for p, n := range respondents {
		if p = subtree(p); InSubtree(p, x) {
			groups[childToward(x, p)] += n
		}
	}
	return groups
}

// surveyRespondents counts the respondents of subtree x.
func surveyRespondents(x string, respondents map[string]int) int {
	total := 0
	for p, n := range respondents {
		if InSubtree(p, x) {
			total += n
		}
	}
	return total
}

// childToward returns the path of x's child on the way to p (a path in
// x's subtree), or x when p is x.
func childToward(x, p string) string {
	if len(p) <= len(x) {
		return x
	}
	rest := p[len(x):]
	return x + rest[:strings.IndexByte(rest, '/')+1]
}
