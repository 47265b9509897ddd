package api

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestCatalogueAPI: the administrator adds a partner, a programme with a
// competency and a session, and reads them back; a provider account sees
// only its own partner's programmes and sessions, and another partner's
// programme and session answer 404 as a missing one, for reading and for
// writing.
func TestCatalogueAPI(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithEveryRole(), testcity.WithCatalogue())
	k := f.city.Catalogue
	ctx := context.Background()

	v := f.do("POST", Prefix+"/providers", f.super, map[string]any{"name": "Politeknik Negeri Medan", "kind": "universitas",
		"mou_no": "PKS/7/2026", "mou_from": "2026-01-01", "mou_until": "2026-12-31", "price_basis": "jp", "price": 125000, "rating": 41, "active": true}).
		want(t, http.StatusCreated)
	pid := num(v.body["id"])
	pr := f.do("POST", Prefix+"/programmes", f.super, map[string]any{"code": "DIG-SIBER-01", "title": "Keamanan Siber Dasar", "form": "teknis",
		"delivery": "campuran", "jp": 32, "cost": 3200000, "provider_id": pid, "active": true,
		"competencies": []map[string]any{{"competency_id": f.city.National[2], "level": 3}}}).want(t, http.StatusCreated)
	prog := num(pr.body["id"])
	comps, _ := pr.body["competencies"].([]any)
	if len(comps) != 1 || num(comps[0].(map[string]any)["level"]) != 3 || pr.body["provider_name"] != "Politeknik Negeri Medan" {
		t.Fatalf("programme as stored: %s", pr.raw)
	}
	se := f.do("POST", Prefix+"/programmes/"+itoa(prog)+"/sessions", f.super, map[string]any{"name": "Angkatan I", "start_date": "2026-10-05",
		"end_date": "2026-10-08", "capacity": 25, "instructors": []map[string]any{{"name": "Ir. Dedi Lubis"}}}).want(t, http.StatusCreated)
	if se.body["programme_title"] != "Keamanan Siber Dasar" || num(se.body["capacity"]) != 25 {
		t.Fatalf("session as stored: %s", se.raw)
	}
	got := f.do("GET", Prefix+"/sessions?from=2026-10-01&to=2026-10-31", f.super, nil).want(t, http.StatusOK).items()
	if len(got) != 1 || num(got[0]["id"]) != num(se.body["id"]) {
		t.Fatalf("October's sessions: %v", got)
	}
	f.do("POST", Prefix+"/programmes", f.super, map[string]any{"code": "DIG-SIBER-01", "title": "Lagi", "form": "teknis",
		"delivery": "sinkron", "jp": 8, "provider_id": pid}).want(t, http.StatusConflict)
	f.do("GET", Prefix+"/sessions?from=2026-13-01", f.super, nil).want(t, http.StatusUnprocessableEntity)

	// The provider account works for the university.
	lpk, err := st.UserByUsername(ctx, f.city.LPKUser.Username)
	if err != nil {
		t.Fatal(err)
	}
	lpk.ProviderID = k.Univ.ID
	if err := st.UpdateUser(ctx, model.Actor{Name: "test"}, lpk); err != nil {
		t.Fatal(err)
	}
	tok := f.city.Token(t, *lpk)
	list := f.do("GET", Prefix+"/programmes", tok, nil).want(t, http.StatusOK).items()
	if len(list) != 1 || num(list[0]["id"]) != k.Data.ID {
		t.Fatalf("the provider account's programmes: %v", list)
	}
	if all := f.do("GET", Prefix+"/programmes", f.super, nil).want(t, http.StatusOK).items(); len(all) != 3 {
		t.Fatalf("the administrator sees %d programmes, want 3", len(all))
	}
	f.do("GET", Prefix+"/programmes/"+itoa(k.Data.ID), tok, nil).want(t, http.StatusOK)
	f.do("GET", Prefix+"/programmes/"+itoa(k.Cloud.ID), tok, nil).want(t, http.StatusNotFound)
	f.do("GET", Prefix+"/sessions/"+itoa(k.CloudSess.ID), tok, nil).want(t, http.StatusNotFound)
	f.do("PUT", Prefix+"/sessions/"+itoa(k.CloudSess.ID), tok, map[string]any{"start_date": "2026-09-07", "end_date": "2026-09-11",
		"capacity": 99}).want(t, http.StatusNotFound)
	if ss := f.do("GET", Prefix+"/sessions", tok, nil).want(t, http.StatusOK).items(); len(ss) != 1 || num(ss[0]["id"]) != k.DataSess.ID {
		t.Fatalf("the provider account's sessions: %v", ss)
	}
	// Its new programme belongs to its partner whatever the body says.
	own := f.do("POST", Prefix+"/programmes", tok, map[string]any{"code": "USU-02", "title": "Statistik Terapan", "form": "kursus",
		"delivery": "sinkron", "jp": 16, "provider_id": k.Firm.ID}).want(t, http.StatusCreated)
	if num(own.body["provider_id"]) != k.Univ.ID {
		t.Fatalf("a provider account's programme went to partner %v", own.body["provider_id"])
	}
	// Its own session it may change; the seats are saved.
	f.do("PUT", Prefix+"/sessions/"+itoa(k.DataSess.ID), tok, map[string]any{"name": "Angkatan I", "start_date": "2026-08-10",
		"end_date": "2026-08-12", "capacity": 35, "min_attendance": 80}).want(t, http.StatusOK)
	if s, err := st.TrainingSession(ctx, k.DataSess.ID); err != nil || s.Capacity != 35 {
		t.Fatalf("session after PUT: %+v, %v", s, err)
	}
	// Partners are BKPSDM's to write.
	f.do("PUT", Prefix+"/providers/"+itoa(k.Univ.ID), tok, map[string]any{"name": "X", "kind": "universitas"}).want(t, http.StatusForbidden)
}

// TestCatalogueAPIRefusals: a body naming a partner or a competency that
// does not exist is a 422 on that field, not a 404 of the URL.
func TestCatalogueAPIRefusals(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	k := f.city.Catalogue
	body := map[string]any{"code": "X-01", "title": "X", "form": "teknis", "delivery": "sinkron", "jp": 8, "provider_id": 999999}
	r := f.do("POST", Prefix+"/programmes", f.super, body).want(t, http.StatusUnprocessableEntity)
	if !strings.Contains(string(r.raw), "provider_id") {
		t.Errorf("unknown partner: %s", r.raw)
	}
	body["provider_id"] = k.Univ.ID
	body["competencies"] = []map[string]any{{"competency_id": 999999, "level": 2}}
	f.do("PUT", Prefix+"/programmes/"+itoa(k.Data.ID), f.super, body).want(t, http.StatusUnprocessableEntity)
	f.do("PUT", Prefix+"/sessions/"+itoa(k.DataSess.ID), f.super, map[string]any{"start_date": "2026-08-10", "end_date": "2026-08-12",
		"capacity": 30, "instructors": []map[string]any{{"name": "A", "user_id": 999999}}}).want(t, http.StatusUnprocessableEntity)
}
