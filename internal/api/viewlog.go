package api

import (
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/store"
)

// viewed records, off the request path (store.RecordView), that p read data
// of another employee through the API (what: "profile", "competencies",
// "penalties"); lists are not views, as on the web.
func (a *API) viewed(p *auth.Principal, subject int64, what string) {
	if subject == 0 || subject == p.User.EmployeeID {
		return
	}
	a.st.RecordView(store.ViewRecord{ViewerID: p.User.ID, Viewer: p.User.Username, SubjectID: subject, What: what, Detail: "api"})
}
