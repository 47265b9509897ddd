package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// fixture is the test city (see testcity.City) seen through the API, by
// the names these tests use: unit A is Kominfo, B is Dinkes; a1 heads A,
// a2 is staff in A, b1 works in B; three tokens.
type fixture struct {
	t       *testing.T
	st      *store.Store
	h       http.Handler
	city    *testcity.City
	root    model.OrgUnit
	unitA   model.OrgUnit
	unitB   model.OrgUnit
	headA   model.Position // head of A
	staffA  model.Position
	a1, a2  model.Employee // in A: a1 heads it, a2 is staff
	b1      model.Employee // in B
	super   string         // superadmin token
	admin   string         // admin_opd of A
	pegawai string         // a2's own token
}

var testNow = time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func newFixture(t *testing.T, st *store.Store, opts ...testcity.Option) *fixture {
	t.Helper()
	c := testcity.New(t, st, append([]testcity.Option{testcity.WithClock(testNow)}, opts...)...)
	f := &fixture{t: t, st: st, h: New(st, slog.New(slog.NewTextHandler(t.Output(), nil))), city: c,
		root: c.Root, unitA: c.Kominfo, unitB: c.Dinkes, headA: c.HeadPos, staffA: c.StaffPos, a1: c.Head, a2: c.Budi, b1: c.Sri}
	f.super = c.Token(t, c.Admin)
	f.admin = c.Token(t, c.AdminKominfo)
	f.pegawai = c.Token(t, c.BudiUser)
	return f
}

// resp is a decoded answer.
type resp struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// do sends one request; body may be nil, a string (sent as is) or a value
// encoded as JSON.
func (f *fixture) do(method, path, token string, body any) resp {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	r := resp{status: rec.Code, header: rec.Header(), raw: rec.Body.Bytes()}
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(r.raw, &r.body); err != nil {
			f.t.Fatalf("%s %s: bad JSON %q: %v", method, path, r.raw, err)
		}
	}
	return r
}

// want fails unless the answer has the given status.
func (r resp) want(t *testing.T, status int) resp {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.raw)
	}
	return r
}

// errCode returns error.code of an error answer.
func (r resp) errCode() string {
	e, _ := r.body["error"].(map[string]any)
	s, _ := e["code"].(string)
	return s
}

func (r resp) items() []map[string]any {
	var out []map[string]any
	list, _ := r.body["items"].([]any)
	for _, it := range list {
		out = append(out, it.(map[string]any))
	}
	return out
}

func num(v any) int64 {
	f, _ := v.(float64)
	return int64(f)
}

func auditCount(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM audit_log`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAuthentication(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		for _, tc := range []struct{ name, header string }{
			{"none", ""},
			{"unknown", "Bearer " + auth.RandomSecret(32)},
			{"not bearer", "Basic " + f.super},
			{"empty bearer", "Bearer "},
		} {
			req := httptest.NewRequest("GET", "/api/v1/employees", nil)
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			rec := httptest.NewRecorder()
			f.h.ServeHTTP(rec, req)
			if rec.Code != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401", tc.name, rec.Code)
			}
			if !strings.Contains(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s: no WWW-Authenticate header", tc.name)
			}
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error.Code != "unauthorized" || body.Error.Message == "" {
				t.Errorf("%s: body %s", tc.name, rec.Body)
			}
		}
		// A session cookie is not a credential here.
		req := httptest.NewRequest("GET", "/api/v1/me", nil)
		req.AddCookie(&http.Cookie{Name: "session", Value: f.super})
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("cookie: status %d, want 401", rec.Code)
		}
		// The OpenAPI document needs no token.
		r := f.do("GET", "/api/v1/openapi.yaml", "", nil).want(t, 200)
		if !bytes.HasPrefix(r.raw, []byte("openapi: 3.1")) {
			t.Errorf("openapi.yaml starts %q", r.raw[:20])
		}
		// A deactivated account's token stops working.
		u, err := st.UserByUsername(context.Background(), "adminkominfo")
		if err != nil {
			t.Fatal(err)
		}
		f.do("GET", "/api/v1/me", f.admin, nil).want(t, 200)
		u.Active = false
		if err := st.UpdateUser(context.Background(), model.Actor{}, u); err != nil {
			t.Fatal(err)
		}
		f.do("GET", "/api/v1/me", f.admin, nil).want(t, 401)
	})
}

func TestMe(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		r := f.do("GET", "/api/v1/me", f.admin, nil).want(t, 200)
		user := r.body["user"].(map[string]any)
		scope := r.body["scope"].(map[string]any)
		perms := r.body["permissions"].(map[string]any)
		if user["role"] != "admin_opd" || user["username"] != "adminkominfo" || user["employee_id"] != nil {
			t.Errorf("user %v", user)
		}
		if scope["all"] != false || len(scope["unit_ids"].([]any)) != 1 || num(scope["unit_ids"].([]any)[0]) != f.unitA.ID {
			t.Errorf("scope %v", scope)
		}
		if perms["write_employees"] != true || perms["write_org"] != false {
			t.Errorf("permissions %v", perms)
		}
		r = f.do("GET", "/api/v1/me", f.pegawai, nil).want(t, 200)
		emp := r.body["employee"].(map[string]any)
		if emp["nip"] != f.a2.NIP || num(r.body["scope"].(map[string]any)["self_id"]) != f.a2.ID {
			t.Errorf("pegawai me %s", r.raw)
		}
	})
}

func TestUnits(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		before := auditCount(t, st)
		r := f.do("GET", "/api/v1/units", f.pegawai, nil).want(t, 200)
		items := r.items()
		var got []string
		for _, it := range items {
			got = append(got, it["code"].(string))
		}
		// Tree order: root, then its children by name.
		if strings.Join(got, ",") != "PEMDA,DINKES,KOMINFO" {
			t.Errorf("units %v", got)
		}
		if items[0]["parent_id"] != nil || num(items[0]["depth"]) != 0 || num(items[1]["parent_id"]) != f.root.ID || num(items[1]["depth"]) != 1 {
			t.Errorf("tree fields %s", r.raw)
		}
		if r.body["next_offset"] != nil {
			t.Errorf("one page holds a small tree: next_offset %v", r.body["next_offset"])
		}
		// Paged: the same order, two units at a time.
		r = f.do("GET", "/api/v1/units?limit=2", f.pegawai, nil).want(t, 200)
		if len(r.items()) != 2 || num(r.body["next_offset"]) != 2 {
			t.Errorf("first page %s", r.raw)
		}
		r = f.do("GET", "/api/v1/units?limit=2&offset=2", f.pegawai, nil).want(t, 200)
		if len(r.items()) != 1 || r.items()[0]["code"] != "KOMINFO" || r.body["next_offset"] != nil {
			t.Errorf("last page %s", r.raw)
		}
		f.do("GET", "/api/v1/units?offset=x", f.pegawai, nil).want(t, 422)
		r = f.do("GET", "/api/v1/units/"+itoa(f.unitA.ID), f.pegawai, nil).want(t, 200)
		if r.body["name"] != "Dinas Komunikasi dan Informatika" || r.body["path"] != f.unitA.Path || r.body["kind"] != "opd" {
			t.Errorf("unit %s", r.raw)
		}
		f.do("GET", "/api/v1/units/9999", f.super, nil).want(t, 404)
		f.do("GET", "/api/v1/units/abc", f.super, nil).want(t, 404)
		if n := auditCount(t, st); n != before {
			t.Errorf("reads wrote %d audit entries", n-before)
		}

		// Writes need org.write.
		body := map[string]any{"code": "BID-SD", "name": "Bidang SD", "kind": "bidang", "parent_id": f.unitA.ID}
		if r := f.do("POST", "/api/v1/units", f.admin, body).want(t, 403); r.errCode() != "forbidden" {
			t.Errorf("code %q", r.errCode())
		}
		r = f.do("POST", "/api/v1/units", f.super, body).want(t, 201)
		id := num(r.body["id"])
		if r.body["path"] != f.unitA.Path+itoa(id)+"/" || num(r.body["depth"]) != 2 || r.header.Get("Location") != "/api/v1/units/"+itoa(id) {
			t.Errorf("created %s", r.raw)
		}
		f.do("POST", "/api/v1/units", f.super, body).want(t, 409)
		if r := f.do("POST", "/api/v1/units", f.super, map[string]any{"code": "X", "name": "X", "kind": "planet"}).want(t, 422); r.body["error"].(map[string]any)["field"] != "kind" {
			t.Errorf("bad kind: %s", r.raw)
		}
		if r := f.do("POST", "/api/v1/units", f.super, map[string]any{"code": "X", "nama": "X"}).want(t, 422); r.body["error"].(map[string]any)["field"] != "nama" {
			t.Errorf("unknown field: %s", r.raw)
		}
		f.do("POST", "/api/v1/units", f.super, "{not json").want(t, 422)

		r = f.do("PUT", "/api/v1/units/"+itoa(id), f.super, map[string]any{"name": "Bidang Sekolah Dasar"}).want(t, 200)
		if r.body["name"] != "Bidang Sekolah Dasar" || r.body["code"] != "BID-SD" {
			t.Errorf("updated %s", r.raw)
		}
		f.do("PUT", "/api/v1/units/"+itoa(id), f.super, map[string]any{"parent_id": f.unitB.ID}).want(t, 422)
		f.do("PUT", "/api/v1/units/9999", f.super, map[string]any{"name": "x"}).want(t, 404)
	})
}

func TestPositions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		r := f.do("GET", "/api/v1/positions?unit_id="+itoa(f.unitA.ID), f.pegawai, nil).want(t, 200)
		if items := r.items(); len(items) != 2 || items[0]["is_head"] != true || items[0]["type"] != "jpt_pratama" {
			t.Errorf("positions %s", r.raw)
		}
		// The root has no posts of its own.
		r = f.do("GET", "/api/v1/positions?unit_id="+itoa(f.root.ID), f.pegawai, nil).want(t, 200)
		if r.items() != nil || !bytes.Contains(r.raw, []byte(`"items":[]`)) {
			t.Errorf("empty list %s", r.raw)
		}
		f.do("GET", "/api/v1/positions?unit_id=9999", f.pegawai, nil).want(t, 422)
		f.do("GET", "/api/v1/positions?unit_id=x", f.pegawai, nil).want(t, 422)
		r = f.do("GET", "/api/v1/positions/"+itoa(f.staffA.ID), f.pegawai, nil).want(t, 200)
		if r.body["title"] != "Pengelola Sistem Informasi" || num(r.body["unit_id"]) != f.unitA.ID {
			t.Errorf("position %s", r.raw)
		}

		body := map[string]any{"title": "Pranata Komputer", "type": "fungsional", "jenjang": "ahli_pertama", "unit_id": f.unitB.ID}
		f.do("POST", "/api/v1/positions", f.admin, body).want(t, 403)
		r = f.do("POST", "/api/v1/positions", f.super, body).want(t, 201)
		id := num(r.body["id"])
		if r.body["code"] != "J"+itoa(id) || r.body["jenjang"] != "ahli_pertama" {
			t.Errorf("created %s", r.raw)
		}
		if r := f.do("POST", "/api/v1/positions", f.super, map[string]any{"title": "X", "type": "pelaksana", "unit_id": 9999}).want(t, 422); r.body["error"].(map[string]any)["field"] != "unit_id" {
			t.Errorf("bad unit %s", r.raw)
		}
		r = f.do("PUT", "/api/v1/positions/"+itoa(id), f.super, map[string]any{"jenjang": "ahli_muda"}).want(t, 200)
		if r.body["jenjang"] != "ahli_muda" || r.body["title"] != "Pranata Komputer" {
			t.Errorf("updated %s", r.raw)
		}
		f.do("PUT", "/api/v1/positions/"+itoa(id), f.super, map[string]any{"unit_id": 9999}).want(t, 422)

		// Without unit_id the list is paged: every position exactly once.
		seen := map[float64]bool{}
		next := "0"
		for pages := 0; next != ""; pages++ {
			if pages > 20 {
				t.Fatal("paging does not end")
			}
			r = f.do("GET", "/api/v1/positions?limit=2&offset="+next, f.pegawai, nil).want(t, 200)
			for _, it := range r.items() {
				if seen[it["id"].(float64)] {
					t.Errorf("position %v twice", it["id"])
				}
				seen[it["id"].(float64)] = true
			}
			next = ""
			if n, ok := r.body["next_offset"].(float64); ok {
				next = itoa(int64(n))
			}
		}
		all, _ := st.Positions(context.Background(), 0)
		if len(seen) != len(all) {
			t.Errorf("paged %d positions, want %d", len(seen), len(all))
		}
	})
}

func TestEmployeesRead(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		before := auditCount(t, st)

		r := f.do("GET", "/api/v1/employees", f.super, nil).want(t, 200)
		if len(r.items()) != 3 || r.body["next_offset"] != nil {
			t.Errorf("all %s", r.raw)
		}
		// Search by name and by NIP prefix.
		r = f.do("GET", "/api/v1/employees?q=nasution", f.super, nil).want(t, 200)
		if it := r.items(); len(it) != 1 || it[0]["nip"] != f.a1.NIP {
			t.Errorf("q=nasution %s", r.raw)
		}
		r = f.do("GET", "/api/v1/employees?q=19800101", f.super, nil).want(t, 200)
		if it := r.items(); len(it) != 1 || it[0]["name"] != "Budi Santoso Siregar" {
			t.Errorf("q=nip %s", r.raw)
		}
		// Filters.
		r = f.do("GET", "/api/v1/employees?unit_id="+itoa(f.unitB.ID), f.super, nil).want(t, 200)
		if it := r.items(); len(it) != 1 || it[0]["nip"] != f.b1.NIP {
			t.Errorf("unit filter %s", r.raw)
		}
		r = f.do("GET", "/api/v1/employees?golongan=iiia&kind=PNS&status=Aktif", f.super, nil).want(t, 200)
		if it := r.items(); len(it) != 1 || it[0]["nip"] != f.a2.NIP {
			t.Errorf("golongan filter %s", r.raw)
		}
		r = f.do("GET", "/api/v1/employees?position_type=jpt_pratama", f.super, nil).want(t, 200)
		if it := r.items(); len(it) != 1 || it[0]["nip"] != f.a1.NIP {
			t.Errorf("position_type filter %s", r.raw)
		}
		for _, bad := range []string{"position_type=raja", "golongan=ZZ", "kind=honorer", "status=x", "offset=-1", "limit=x", "unit_id=9999"} {
			if r := f.do("GET", "/api/v1/employees?"+bad, f.super, nil); r.status != 422 || r.errCode() != "invalid" {
				t.Errorf("%s: %d %s", bad, r.status, r.raw)
			}
		}
		// Paging.
		var seen []string
		next := any(float64(0))
		for pages := 0; next != nil; pages++ {
			if pages > 3 {
				t.Fatal("paging does not end")
			}
			r = f.do("GET", "/api/v1/employees?limit=2&offset="+itoa(num(next)), f.super, nil).want(t, 200)
			for _, it := range r.items() {
				seen = append(seen, it["nip"].(string))
			}
			next = r.body["next_offset"]
		}
		if len(seen) != 3 {
			t.Errorf("pages gave %v", seen)
		}

		// Scope: the OPD admin sees only A; the pegawai only themself.
		r = f.do("GET", "/api/v1/employees", f.admin, nil).want(t, 200)
		if len(r.items()) != 2 {
			t.Errorf("admin sees %s", r.raw)
		}
		r = f.do("GET", "/api/v1/employees", f.pegawai, nil).want(t, 200)
		if it := r.items(); len(it) != 1 || it[0]["nip"] != f.a2.NIP {
			t.Errorf("pegawai sees %s", r.raw)
		}

		// One employee, every field.
		r = f.do("GET", "/api/v1/employees/"+itoa(f.a1.ID), f.admin, nil).want(t, 200)
		want := map[string]any{
			"nip": f.a1.NIP, "nip_formatted": "19750505 200003 1 002", "name": "Ahmad Nasution", "gelar_depan": "Dr.",
			"gelar_belakang": "S.T., M.Kom.", "full_name": "Dr. Ahmad Nasution, S.T., M.Kom.", "birth_date": "1975-05-05",
			"gender": "L", "kind": "PNS", "golongan": "IV/b", "pangkat": "Pembina Tingkat I",
			"position_title": "Kepala Dinas Komunikasi dan Informatika", "position_type": "jpt_pratama", "unit_name": "Dinas Komunikasi dan Informatika",
			"status": "aktif", "retirement_date": "2035-06-01", "supervisor_set": false, "supervisor_id": nil,
		}
		for k, v := range want {
			if r.body[k] != v {
				t.Errorf("%s = %#v, want %#v", k, r.body[k], v)
			}
		}
		if num(r.body["position_id"]) != f.headA.ID || num(r.body["unit_id"]) != f.unitA.ID {
			t.Errorf("ids %s", r.raw)
		}
		r = f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID), f.admin, nil).want(t, 200)
		if num(r.body["supervisor_id"]) != f.a1.ID || r.body["supervisor_name"] != "Dr. Ahmad Nasution, S.T., M.Kom." {
			t.Errorf("derived supervisor %s", r.raw)
		}
		// By NIP, spaces allowed.
		r = f.do("GET", "/api/v1/employees/by-nip/19800101%20200501%201%20001", f.pegawai, nil).want(t, 200)
		if num(r.body["id"]) != f.a2.ID {
			t.Errorf("by-nip %s", r.raw)
		}

		// Out of scope answers exactly like missing.
		out := f.do("GET", "/api/v1/employees/"+itoa(f.b1.ID), f.admin, nil).want(t, 404)
		missing := f.do("GET", "/api/v1/employees/999999", f.admin, nil).want(t, 404)
		if out.errCode() != "not_found" || strings.ReplaceAll(string(out.raw), itoa(f.b1.ID), "N") != strings.ReplaceAll(string(missing.raw), "999999", "N") {
			t.Errorf("out of scope %s vs missing %s", out.raw, missing.raw)
		}
		f.do("GET", "/api/v1/employees/by-nip/"+f.b1.NIP, f.admin, nil).want(t, 404)
		f.do("GET", "/api/v1/employees/"+itoa(f.a1.ID), f.pegawai, nil).want(t, 404)

		if n := auditCount(t, st); n != before {
			t.Errorf("reads wrote %d audit entries", n-before)
		}
	})
}

func TestEmployeesWrite(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		newEmp := map[string]any{
			"nip": "19900220 201503 1 004", "name": "Drs. Joko Widodo, M.Si.", "birth_place": "Surakarta",
			"gender": "Laki-laki", "golongan": "iii/c", "position_id": f.staffA.ID, "unit_id": f.unitA.ID,
			"email": " Joko@Contoh.go.id ", "phone": "0812-3456 7890",
		}

		// Role and scope.
		if r := f.do("POST", "/api/v1/employees", f.pegawai, newEmp).want(t, 403); r.errCode() != "forbidden" {
			t.Errorf("pegawai: %s", r.raw)
		}
		inB := map[string]any{}
		for k, v := range newEmp {
			inB[k] = v
		}
		inB["unit_id"] = f.unitB.ID
		f.do("POST", "/api/v1/employees", f.admin, inB).want(t, 403)

		// Create: normalised, kind and birth date taken from the NIP.
		r := f.do("POST", "/api/v1/employees", f.admin, newEmp).want(t, 201)
		id := num(r.body["id"])
		want := map[string]any{
			"nip": "199002202015031004", "nip_formatted": "19900220 201503 1 004", "name": "Joko Widodo",
			"gelar_depan": "Drs.", "gelar_belakang": "M.Si.", "full_name": "Drs. Joko Widodo, M.Si.", "kind": "PNS",
			"birth_date": "1990-02-20", "gender": "L", "golongan": "III/c", "pangkat": "Penata", "status": "aktif",
			"email": "joko@contoh.go.id", "phone": "081234567890", "unit_name": "Dinas Komunikasi dan Informatika",
			"retirement_date": "2048-03-01",
		}
		for k, v := range want {
			if r.body[k] != v {
				t.Errorf("created %s = %#v, want %#v", k, r.body[k], v)
			}
		}
		if w, ok := r.body["warnings"].([]any); !ok || len(w) != 0 {
			t.Errorf("warnings %s", r.raw)
		}
		if r.header.Get("Location") != "/api/v1/employees/"+itoa(id) {
			t.Errorf("Location %q", r.header.Get("Location"))
		}
		f.do("GET", "/api/v1/employees/"+itoa(id), f.admin, nil).want(t, 200)
		// The same NIP again is a conflict.
		if r := f.do("POST", "/api/v1/employees", f.admin, newEmp).want(t, 409); r.errCode() != "conflict" {
			t.Errorf("dup %s", r.raw)
		}

		// Invalid: every problem listed.
		bad := map[string]any{"nip": "12345", "name": "", "gender": "X", "unit_id": f.unitA.ID, "email": "nope"}
		r = f.do("POST", "/api/v1/employees", f.admin, bad).want(t, 422)
		e := r.body["error"].(map[string]any)
		if e["code"] != "invalid" || e["message"] == "" {
			t.Errorf("error %s", r.raw)
		}
		fields := map[string]bool{}
		for _, p := range e["problems"].([]any) {
			pm := p.(map[string]any)
			fields[pm["field"].(string)] = true
			if pm["message"] == "" || pm["message_en"] == "" || pm["code"] == "" {
				t.Errorf("problem %v", pm)
			}
		}
		for _, fld := range []string{"nip", "name", "gender", "email"} {
			if !fields[fld] {
				t.Errorf("no problem for %s in %s", fld, r.raw)
			}
		}
		if e["field"] != "nip" && !fields[e["field"].(string)] {
			t.Errorf("field %v", e["field"])
		}
		r = f.do("POST", "/api/v1/employees", f.admin, map[string]any{"nip": "199002202015031005", "name": "A", "gender": "L", "unit_id": f.unitA.ID, "birth_date": "20-02-1990"}).want(t, 422)
		if r.body["error"].(map[string]any)["field"] != "birth_date" {
			t.Errorf("birth_date %s", r.raw)
		}
		r = f.do("POST", "/api/v1/employees", f.admin, map[string]any{"nip": "199002202015031005", "name": "A", "gender": "L"}).want(t, 422)
		if r.body["error"].(map[string]any)["field"] != "unit_id" {
			t.Errorf("missing unit %s", r.raw)
		}
		f.do("POST", "/api/v1/employees", f.admin, map[string]any{"nip": "199002202015031005", "name": "A", "gender": "L", "unit_id": f.unitA.ID, "position_id": 9999}).want(t, 422)

		// A warning does not block: gender differs from the NIP.
		r = f.do("POST", "/api/v1/employees", f.super, map[string]any{"nip": "199002202015031005", "name": "Rina", "gender": "P", "unit_id": f.unitB.ID}).want(t, 201)
		if w := r.body["warnings"].([]any); len(w) != 1 || w[0].(map[string]any)["field"] != "gender" || w[0].(map[string]any)["warning"] != true {
			t.Errorf("warnings %s", r.raw)
		}

		// Update: absent fields keep their value.
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"phone": "+62 813 1111 2222", "status": "Tugas Belajar"}).want(t, 200)
		if r.body["phone"] != "+6281311112222" || r.body["status"] != "tugas_belajar" || r.body["name"] != "Joko Widodo" || r.body["golongan"] != "III/c" {
			t.Errorf("updated %s", r.raw)
		}
		// Explicit supervisor, then back to derived.
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"supervisor_id": f.a2.ID}).want(t, 200)
		if num(r.body["supervisor_id"]) != f.a2.ID || r.body["supervisor_set"] != true {
			t.Errorf("explicit supervisor %s", r.raw)
		}
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"supervisor_id": nil}).want(t, 200)
		if num(r.body["supervisor_id"]) != f.a1.ID || r.body["supervisor_set"] != false {
			t.Errorf("derived supervisor %s", r.raw)
		}
		// supervisor_set alone pins (true) or releases (false) the current one.
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"supervisor_set": true}).want(t, 200)
		if num(r.body["supervisor_id"]) != f.a1.ID || r.body["supervisor_set"] != true {
			t.Errorf("pinned supervisor %s", r.raw)
		}
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"supervisor_set": false, "supervisor_id": f.a2.ID}).want(t, 200)
		if num(r.body["supervisor_id"]) != f.a1.ID || r.body["supervisor_set"] != false {
			t.Errorf("released supervisor %s", r.raw)
		}
		f.do("PUT", "/api/v1/employees/"+itoa(f.b1.ID), f.super, map[string]any{"supervisor_set": true}).want(t, 422)
		f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"supervisor_id": 999999}).want(t, 422)
		// Invalid update lists problems; nothing is written.
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"nip": "1990", "golongan": "Z"}).want(t, 422)
		if len(r.body["error"].(map[string]any)["problems"].([]any)) < 2 {
			t.Errorf("problems %s", r.raw)
		}
		// Moving out of the admin's scope, or touching an employee outside it.
		f.do("PUT", "/api/v1/employees/"+itoa(id), f.admin, map[string]any{"unit_id": f.unitB.ID}).want(t, 403)
		f.do("PUT", "/api/v1/employees/"+itoa(f.b1.ID), f.admin, map[string]any{"phone": "08123456789"}).want(t, 404)
		f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), f.pegawai, map[string]any{"phone": "08123456789"}).want(t, 403)
		f.do("PUT", "/api/v1/employees/999999", f.admin, map[string]any{"phone": "08123456789"}).want(t, 404)
		// The superadmin may move them.
		r = f.do("PUT", "/api/v1/employees/"+itoa(id), f.super, map[string]any{"unit_id": f.unitB.ID, "position_id": nil}).want(t, 200)
		if r.body["unit_name"] != "Dinas Kesehatan" || r.body["position_id"] != nil {
			t.Errorf("moved %s", r.raw)
		}
		f.do("GET", "/api/v1/employees/"+itoa(id), f.admin, nil).want(t, 404)
	})
}

func TestRouting(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		r := f.do("DELETE", "/api/v1/units/1", f.super, nil).want(t, 405)
		if r.errCode() != "method_not_allowed" || !strings.Contains(r.header.Get("Allow"), "GET") {
			t.Errorf("405: %v %s", r.header, r.raw)
		}
		if r := f.do("GET", "/api/v1/nothing", f.super, nil).want(t, 404); r.errCode() != "not_found" {
			t.Errorf("404: %s", r.raw)
		}
		f.do("GET", "/api/v2/units", f.super, nil).want(t, 404)
	})
}

func TestHTTPStatus(t *testing.T) {
	for code, want := range map[string]int{
		"invalid": 422, "not_found": 404, "conflict": 409, "unauthorized": 401,
		"forbidden": 403, "too_many": 429, "internal": 500, "something": 500,
	} {
		if got := httpStatus(code); got != want {
			t.Errorf("httpStatus(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestInternalErrorHidden(t *testing.T) {
	var logged bytes.Buffer
	a := newAPI(nil, slog.New(slog.NewTextHandler(&logged, nil)))
	rec := httptest.NewRecorder()
	a.writeError(rec, httptest.NewRequest("GET", "/api/v1/x", nil), io.ErrUnexpectedEOF)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "unexpected EOF") || !strings.Contains(rec.Body.String(), `"code":"internal"`) {
		t.Errorf("body %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(logged.String(), "unexpected EOF") {
		t.Errorf("not logged: %s", logged.String())
	}
}

// TestPositionOfAnotherUnit: the admin of unit A may not give a2 (staff of
// A) the head post of unit B, as the web form refuses too; otherwise a2
// would become head of B, and a2's own token would then read b1 of B.
func TestPositionOfAnotherUnit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		headB := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: f.unitB.ID, IsHead: true}
		if err := st.CreatePosition(context.Background(), model.Actor{Name: "test"}, &headB); err != nil {
			t.Fatal(err)
		}
		// Before: a2 cannot read b1.
		f.do("GET", "/api/v1/employees/"+itoa(f.b1.ID), f.pegawai, nil).want(t, http.StatusNotFound)

		r := f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), f.admin, map[string]any{"position_id": headB.ID})
		r.want(t, http.StatusUnprocessableEntity)
		if r := f.do("GET", "/api/v1/employees/"+itoa(f.b1.ID), f.pegawai, nil); r.status == http.StatusOK {
			t.Errorf("after the write, a2 (pegawai of A) reads b1 of unit B: scope escalated via a foreign head post")
		}
		// Not even the superadmin may put a post of B on someone in A, nor
		// create someone in A holding it.
		f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), f.super, map[string]any{"position_id": headB.ID}).want(t, http.StatusUnprocessableEntity)
		f.do("POST", "/api/v1/employees", f.admin, map[string]any{"nip": "199001012015031001", "name": "Rudi", "gender": "L", "kind": "PNS",
			"golongan": "III/a", "birth_date": "1990-01-01", "unit_id": f.unitA.ID, "position_id": headB.ID}).want(t, http.StatusUnprocessableEntity)
		// Moving a2 to B together with B's post is a matter for B's admin
		// (here the superadmin), and allowed.
		f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), f.super, map[string]any{"unit_id": f.unitB.ID, "position_id": headB.ID}).want(t, http.StatusOK)
	})
}

// TestHeadPostDoesNotWidenAdminScope: a unit admin of A who heads B reads
// B's employees (as their head) but may not write them.
func TestHeadPostDoesNotWidenAdminScope(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		headB := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: f.unitB.ID, IsHead: true}
		if err := st.CreatePosition(ctx, sys, &headB); err != nil {
			t.Fatal(err)
		}
		kadis := model.Employee{NIP: "196901011990031001", Name: "Darmawan", BirthDate: date("1969-01-01"), Gender: model.Male,
			Kind: model.PNS, Golongan: "IV/c", PositionID: headB.ID, UnitID: f.unitB.ID, Status: model.StatusAktif}
		if err := f.city.AddEmployee(&kadis); err != nil {
			t.Fatal(err)
		}
		tok := f.userToken(model.User{Username: kadis.NIP, EmployeeID: kadis.ID, Role: model.RoleAdminOPD, ScopeUnitID: f.unitA.ID})
		f.do("GET", "/api/v1/employees/"+itoa(f.b1.ID), tok, nil).want(t, http.StatusOK)
		f.do("PUT", "/api/v1/employees/"+itoa(f.b1.ID), tok, map[string]any{"golongan": "IV/a"}).want(t, http.StatusForbidden)
		f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), tok, map[string]any{"unit_id": f.unitB.ID, "position_id": nil}).want(t, http.StatusForbidden)
		f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), tok, map[string]any{"golongan": "III/c"}).want(t, http.StatusOK)
	})
}
