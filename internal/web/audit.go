package web

import (
	"net/http"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// auditData is the audit log page.
type auditData struct {
	Entity, EntityID string
	Entities         []string
	Rows             []model.AuditEntry
}

// auditEntities are the entity names the filter offers.
var auditEntities = []string{"employee", "org_unit", "position", "user"}

// auditLog shows the newest audit entries, optionally of one record
// (GET /audit?entity=employee&id=42). Only whole-government roles may read
// it, so it needs no scope filter.
func (s *server) auditLog(w http.ResponseWriter, r *http.Request) {
	p := s.require(w, r)
	if p == nil {
		return
	}
	q := r.URL.Query()
	d := auditData{Entity: q.Get("entity"), EntityID: strings.TrimSpace(q.Get("id")), Entities: auditEntities}
	f := store.AuditFilter{Limit: 200}
	if d.Entity != "" && d.EntityID != "" {
		f.Entity, f.EntityID = d.Entity, d.EntityID
	}
	rows, err := s.st.AuditLog(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range rows {
		rows[i].At = s.inLoc(rows[i].At)
	}
	d.Rows = rows
	s.render(w, r, http.StatusOK, "audit", "audit.title", d)
}
