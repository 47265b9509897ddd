package web

import (
	"strings"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/store"
)

// What the view log records (store.ViewRecord.What). A page that lists
// people is not a view of one person's data; a single record of another
// person and every export are.
const (
	viewProfile         = "profile"          // the profile page (its sections in the detail)
	viewProfilePDF      = "profile.pdf"      // the competency profile PDF
	viewAssessment      = "assessment"       // the rating form, with the person's levels
	viewEvidence        = "evidence"         // a work evidence file
	viewExportEmployees = "export.employees" // the registry export (format in the detail)
	viewExportNeeds     = "export.needs"     // the needs analysis export
)

// viewed records, off the request path (store.RecordView), that p saw data
// of employee subject (0: an export of many). One's own data is not
// recorded: the log answers "who else saw my data".
func (s *server) viewed(p *auth.Principal, subject int64, what, detail string) {
	if subject != 0 && subject == p.User.EmployeeID {
		return
	}
	s.st.RecordView(store.ViewRecord{ViewerID: p.User.ID, Viewer: p.User.Username, SubjectID: subject, What: what, Detail: detail})
}

// profileSections names the restricted sections a profile page showed
// (competencies, penalties, SKP), for the view's detail.
func profileSections(d *profileData) string {
	var out []string
	if d.Competency != nil {
		out = append(out, "competencies")
	}
	if d.Discipline != nil {
		out = append(out, "penalties")
	}
	if d.Performance != nil {
		out = append(out, "performance")
	}
	return strings.Join(out, ",")
}
