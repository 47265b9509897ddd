package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestTextFieldsHaveLengthLimits: the API once took a 900 KB name, which
// made the employee list 1.85 MB and a profile PDF 7.4 MB. Every free-text
// field of an employee, a unit and a position now has a limit, refused with
// a message that names the field and the limit and does not echo the value;
// nothing is written.
func TestTextFieldsHaveLengthLimits(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		huge := strings.Repeat("Siregar ", 112_500) // 900 KB
		before := auditCount(t, st)
		for _, c := range []struct {
			field, value, wantEN string
		}{
			{"name", huge, "Name: too long, at most 150 characters"},
			{"gelar_depan", strings.Repeat("Dr. ", 30), "Front titles: too long, at most 100 characters"},
			{"birth_place", strings.Repeat("Medan ", 20), "too long, at most 100 characters"},
			{"email", strings.Repeat("a", 250) + "@medan.go.id", "too long, at most 254 characters"},
		} {
			body := map[string]any{"name": "Rina Sitompul", "gender": "P", "golongan": "III/a",
				"position_id": f.staffA.ID, "unit_id": f.unitA.ID, "nip": "199105062019072001"}
			body[c.field] = c.value
			r := f.doLang("PUT", "/api/v1/employees/"+itoa(f.a2.ID), f.admin, body, "en")
			if r.status != 422 || r.errCode() != "invalid" {
				t.Fatalf("%s: %d %.300s", c.field, r.status, r.raw)
			}
			if !strings.Contains(string(r.raw), c.wantEN) {
				t.Errorf("%s: want %q in %.400s", c.field, c.wantEN, r.raw)
			}
			if len(r.raw) > 2000 {
				t.Errorf("%s: the error echoes the value (%d bytes)", c.field, len(r.raw))
			}
		}
		f.do("POST", "/api/v1/units", f.super, map[string]any{"code": "X1", "name": strings.Repeat("Bidang ", 30), "kind": "bidang", "parent_id": f.unitA.ID}).want(t, 422)
		f.do("POST", "/api/v1/positions", f.super, map[string]any{"title": strings.Repeat("Analis ", 30), "type": "pelaksana", "unit_id": f.unitA.ID}).want(t, 422)
		if after := auditCount(t, st); after != before {
			t.Errorf("refused writes left %d audit rows", after-before)
		}
		// At the limit is fine.
		r := f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), f.admin, map[string]any{"name": strings.Repeat("a", 150), "gender": "P",
			"golongan": "III/b", "position_id": f.staffA.ID, "unit_id": f.unitA.ID, "nip": f.a2.NIP})
		if r.status != 200 {
			t.Errorf("a 150-character name: %d %.300s", r.status, r.raw)
		}
	})
}

// doLang is do with an Accept-Language header.
func (f *fixture) doLang(method, path, token string, body any, lang string) resp {
	f.t.Helper()
	old := f.h
	f.h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Accept-Language", lang)
		old.ServeHTTP(w, r)
	})
	defer func() { f.h = old }()
	return f.do(method, path, token, body)
}
