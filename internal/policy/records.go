package policy

import "github.com/kompeten/kompeten/internal/model"

// Record rules of cycles and questionnaires that the store applies with the
// administered (or read) scope it is handed, and the faces with a
// Principal's Admin or Scope. They are May's rules for CycleManage,
// SurveyManage and SurveyResults without the role step (the router asked
// that before the handler ran), written once here.

// AdministersCycle reports whether admin (what a user administers) covers
// cycle c: BKPSDM administers every cycle, a unit admin those whose scope
// lies inside their unit's subtree. Only they edit and close it.
func AdministersCycle(admin model.Scope, c *model.Cycle) bool { return admin.Contains(c.ScopePath) }

// EditsCycle reports whether admin may still change cycle c: they
// administer it and it is not closed (closing is final).
func EditsCycle(admin model.Scope, c *model.Cycle) bool {
	return !c.Closed() && AdministersCycle(admin, c)
}

// ManagesSurvey reports whether admin (what a user administers) covers
// the survey's scope unit: only then may they edit or delete it.
func ManagesSurvey(admin model.Scope, sv *model.Survey) bool { return admin.Contains(sv.ScopePath) }

// SurveyResultsRoot picks the subtree whose results a reader sees when
// they name no unit: the survey's own scope (at surveyPath) when the
// reader sees all of it, else the widest of the reader's subtrees inside
// it (the first of equal depth). ok is false when the reader sees no part
// of the survey, which is "not found".
func SurveyResultsRoot(reader model.Scope, surveyPath string) (path string, ok bool) {
	if reader.Contains(surveyPath) {
		return surveyPath, true
	}
	for _, p := range reader.UnitPaths {
		if model.InSubtree(p, surveyPath) && (path == "" || len(p) < len(path)) {
			path = p
		}
	}
	return path, path != ""
}

// ReadsSurveyPart reports whether a reader may read the results of the
// part of a survey (scope at surveyPath) under the unit at unitPath: the
// unit lies in the survey's subtree and in the reader's scope.
func ReadsSurveyPart(reader model.Scope, surveyPath, unitPath string) bool {
	return model.InSubtree(unitPath, surveyPath) && reader.Contains(unitPath)
}
