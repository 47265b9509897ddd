package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
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
	// Event is the import event shown with what it changed
	// (?peristiwa=ID); Rows are then its per-record rows, More those not
	// shown.
	Event *store.ImportEvent
	More  int
}

// auditEntities are the entity names the filter offers.
var auditEntities = []string{"employee", "org_unit", "position", "user"}

// auditEventRows is how many per-record rows of an import the page shows.
const auditEventRows = 1000

// auditSection is the query value of the security part (?bagian=keamanan).
const auditSection = "keamanan"

// auditLog shows the newest audit entries, optionally of one record
// (GET /audit?entity=employee&id=42), or one import event with the rows of
// every record it changed and its kept file (GET /audit?peristiwa=7; with
// &berkas=1 the file itself). Only whole-government roles may read it, so
// it needs no scope filter. Its security part (?bagian=keamanan: every
// sign-in, failed password and throttled attempt, with the address) is a
// separate view, for the auditor and the superadmin only
// (policy.SecurityRead): it says who works from where and when, which the
// BKPSDM administrator, who may read the rest, needs not know. The two parts
// never mix, so a flood of failed guesses cannot push the record changes
// off the page.
func (s *server) auditLog(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := auditData{Entity: q.Get("entity"), EntityID: strings.TrimSpace(q.Get("id")), Entities: auditEntities,
		Security: q.Get("bagian") == auditSection, MaySecurity: policy.Allowed(p, policy.SecurityRead)}
	if d.Security && !d.MaySecurity {
		return errForbidden
	}
	if ev := q.Get("peristiwa"); ev != "" && !d.Security {
		return s.auditEvent(w, r, ev, q.Get("berkas") != "", &d)
	}
	f := store.AuditFilter{Limit: 200, Security: d.Security}
	if d.Entity != "" && d.EntityID != "" {
		f.Entity, f.EntityID = d.Entity, d.EntityID
	}
	rows, err := s.st.AuditLog(r.Context(), f)
	if err != nil {
		return err
	}
	d.Rows = rows // the template's dateTime shows instants in the city's zone
	s.render(w, r, http.StatusOK, "audit", "audit.title", d)
	return nil
}

// auditEvent shows import event ev (or sends its kept file).
func (s *server) auditEvent(w http.ResponseWriter, r *http.Request, ev string, file bool, d *auditData) error {
	id, err := strconv.ParseInt(ev, 10, 64)
	if err != nil || id <= 0 {
		return apperr.New(apperr.ENOTFOUND, "err.audit.event_not_found", ev)
	}
	if file {
		name, data, err := s.st.ImportFile(r.Context(), id)
		if err != nil {
			return err
		}
		safe := strings.Map(func(c rune) rune {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
				return c
			}
			return '_'
		}, name)
		h := w.Header()
		h.Set("Content-Type", "application/octet-stream")
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="impor-%d-%s"`, id, safe))
		h.Set("Cache-Control", "no-store")
		w.Write(data)
		return nil
	}
	e, err := s.st.ImportEventRecords(r.Context(), id, auditEventRows)
	if err != nil {
		return err
	}
	d.Event, d.Rows, d.More = e, e.Records, e.Total-len(e.Records)
	s.render(w, r, http.StatusOK, "audit", "audit.title", *d)
	return nil
}
