package api

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// providerMay are the actions a partner's account takes at all (the role
// table's answer, policy/provider_account_test.go): everything else is
// refused by the router.
var providerMay = map[policy.Action]bool{policy.Session: true, policy.OrgRead: true, policy.DictionaryRead: true,
	policy.CatalogueRead: true, policy.CatalogueManage: true, policy.TrainingRun: true, policy.NoticeRead: true}

// TestProviderAccountWalk is issue 13's acceptance row on the API: a
// partner's token (bound to the firm, the second partner) walks every
// route. Every route about people is refused for every record; no answer
// carries an employee's NIP or name; every catalogue route refuses the
// other partner's partner, programme and session IDs, lists none of them
// and changes none of them.
func TestProviderAccountWalk(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithEveryRole(), testcity.WithCatalogue())
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	k := f.city.Catalogue
	foreign := []int64{k.Univ.ID, k.Data.ID, k.DataSess.ID}
	own := map[int64]bool{k.Firm.ID: true, k.Cloud.ID: true, k.CloudSess.ID: true}
	for _, id := range foreign {
		if own[id] {
			t.Fatalf("foreign ID %d is also an own record's ID", id)
		}
	}
	lpk := f.city.LPKUser
	lpk.ProviderID = k.Firm.ID
	must(st.UpdateUser(ctx, testcity.Sys, &lpk))
	tok := f.city.Token(t, lpk)

	c := f.city
	var people []string
	var ids, nips []string
	for _, e := range []model.Employee{c.Head, c.Budi, c.Sri, c.Rina, c.Rudi, c.Wati, c.Kabid, c.Ani, c.Bayu, c.Cici, c.Dedi} {
		people = append(people, e.NIP, e.Name)
		ids, nips = append(ids, strconv.FormatInt(e.ID, 10)), append(nips, e.NIP)
	}
	foreignText := []string{k.Univ.Name, k.Data.Title, k.Data.Code, k.DataSess.Place}
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	catalogue := 0
	for _, rt := range f.routesOf() {
		if !rt.Auth() {
			continue
		}
		training := rt.Action == policy.CatalogueRead || rt.Action == policy.CatalogueManage ||
			rt.Action == policy.TrainingRun || rt.Action == policy.ProviderManage
		var paths []string
		switch {
		case !strings.Contains(rt.Path, "{"):
			paths = []string{rt.Path}
		case training:
			for _, id := range foreign {
				paths = append(paths, param.ReplaceAllString(rt.Path, strconv.FormatInt(id, 10)))
			}
		case strings.Contains(rt.Path, "{nip}"):
			for _, n := range nips {
				paths = append(paths, strings.ReplaceAll(rt.Path, "{nip}", n))
			}
		default:
			for _, id := range ids {
				paths = append(paths, param.ReplaceAllString(rt.Path, id))
			}
		}
		if training {
			catalogue++
		}
		for _, path := range paths {
			var body any
			if rt.Method != "GET" {
				body = "{}"
			}
			r := f.do(rt.Method, Prefix+path, tok, body)
			refused := r.status == 403 || r.status == 404
			switch {
			case r.status >= 500 || r.status == 401:
				t.Errorf("%s %s: status %d %s", rt.Method, path, r.status, r.raw)
			case !providerMay[rt.Action] && !refused:
				t.Errorf("%s %s (%s): status %d, want refused", rt.Method, path, rt.Action, r.status)
			case training && path != rt.Path && rt.Method == "GET" && !refused:
				t.Errorf("GET %s (another partner's record): status %d, want not found or forbidden", path, r.status)
			case training && rt.Method != "GET" && r.status < 400:
				t.Errorf("%s %s as a partner's account: status %d", rt.Method, path, r.status)
			}
			for _, s := range append(people, foreignText...) {
				if strings.Contains(string(r.raw), s) {
					t.Errorf("%s %s shows %q", rt.Method, path, s)
				}
			}
		}
	}
	// Nothing of the other partner changed.
	p, err := st.Provider(ctx, k.Univ.ID)
	must(err)
	g, err := st.Programme(ctx, k.Data.ID)
	must(err)
	s, err := st.TrainingSession(ctx, k.DataSess.ID)
	must(err)
	if p.Name != k.Univ.Name || g.Title != k.Data.Title || s.Name != k.DataSess.Name || s.Place != k.DataSess.Place {
		t.Errorf("the other partner's records changed: %q %q %q %q", p.Name, g.Title, s.Name, s.Place)
	}
	t.Logf("%d catalogue routes walked", catalogue)
}
