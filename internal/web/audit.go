package web

import (
	"net/http"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// auditData is the audit log page.
type auditData struct {
	Entity, EntityID string
	Entities         []string
	Security         bool // showing the security part
	MaySecurity      bool // the reader may see it (a link to it)
	Rows             []model.AuditEntry
}

// auditEntities are the entity names the filter offers.
var auditEntities = []string{"employee", "org_unit", "position", "user"}

// auditSection is the query value of the security part (?bagian=keamanan).
const auditSection = "keamanan"

// auditLog shows the newest audit entries, optionally of one record
// (GET /audit?entity=employee&id=42). Only whole-government roles may read
// it, so it needs no scope filter. Its security part (?bagian=keamanan:
// every sign-in, failed password and throttled attempt, with the address)
// is a separate view, for the auditor and the superadmin only
// (policy.SecurityRead): it says who works from where and when, which the
// BKPSDM administrator, who may read the rest, needs not know. The two
// parts never mix, so a flood of failed guesses cannot push the record
// changes off the page.
func (s *server) auditLog(w http.ResponseWriter, r *http.Request) {
	p := s.require(w, r)
	if p == nil {
		return
	}
	q := r.URL.Query()
	d := auditData{Entity: q.Get("entity"), EntityID: strings.TrimSpace(q.Get("id")), Entities: auditEntities,
		Security: q.Get("bagian") == auditSection, MaySecurity: policy.Allowed(p, policy.SecurityRead)}
	if d.Security && !d.MaySecurity {
		s.fail(w, r, errForbidden)
		return
	}
	f := store.AuditFilter{Limit: 200, Security: d.Security}
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
