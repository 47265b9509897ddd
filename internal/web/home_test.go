package web

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestHomeCardsPerRole: each role's home page shows the work that waits
// for it, and not another role's; a card goes when its work is done.
func TestHomeCardsPerRole(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t), testcity.WithEveryRole(), testcity.WithStandard(),
		testcity.WithClock(time.Date(2025, 3, 10, 3, 0, 0, 0, time.UTC)))
	ctx := context.Background()
	c := f.city
	cy := model.Cycle{Name: "Penilaian Kominfo 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-31", ScopeUnitID: c.Kominfo.ID, Self: true, Supervisor: true}
	must(t, f.st.CreateCycle(ctx, testcity.Sys, &cy, model.Scope{All: true}))
	// Budi is short in one competency of his standard.
	must(t, f.st.AddRating(ctx, testcity.Sys, &model.Rating{EmployeeID: c.Budi.ID, Source: assess.SourceTest, RaterAdmin: model.Scope{All: true}, CompetencyID: c.Comps[1], Level: 1}))

	budi := f.client(t)
	budi.login(nipBudi, pwBudi)
	home := budi.get("/")
	contains(t, home, `id="card-self-assessment"`, "Penilaian Kominfo 2025", "31 Maret 2025", `id="card-my-jpm"`, "(-1)")
	lacks(t, home, `id="card-to-rate"`, `id="card-data"`, `id="card-cycles"`)

	head := f.client(t)
	head.login(nipHead, testcity.PwHead)
	home = head.get("/")
	contains(t, home, `id="card-to-rate"`, "Budi Santoso Siregar", "/penilaian/"+strconv.FormatInt(c.Budi.ID, 10))
	lacks(t, home, `id="card-data"`)

	opd := f.client(t)
	opd.login("m-opd", testcity.PwRoles)
	home = opd.get("/")
	contains(t, home, `id="card-data"`, "jabatan tanpa standar kompetensi", "pegawai aktif belum dinilai", `id="card-cycles"`)

	lead := f.client(t)
	lead.login("m-pimpinan", testcity.PwRoles)
	home = lead.get("/")
	contains(t, home, `id="card-needs"`, `id="card-talent"`, "Kurang Optimal")
	lacks(t, home, `id="card-data"`, `id="card-cycles"`)

	bkpsdm := f.client(t)
	bkpsdm.login("m-bkpsdm", testcity.PwRoles)
	home = bkpsdm.get("/")
	contains(t, home, `id="card-cycles"`, "Penilaian Kominfo 2025", `id="card-needs"`)

	// The work done, its cards go.
	must(t, f.st.AddRating(ctx, testcity.Sys, &model.Rating{EmployeeID: c.Budi.ID, RaterID: c.Budi.ID, Source: assess.SourceSelf, CompetencyID: c.Comps[0], Level: 2}))
	must(t, f.st.AddRating(ctx, testcity.Sys, &model.Rating{EmployeeID: c.Budi.ID, RaterID: c.Head.ID, Source: assess.SourceSupervisor, CompetencyID: c.Comps[0], Level: 2}))
	lacks(t, budi.get("/"), `id="card-self-assessment"`)
	// (Rina and Rudi, also the head's, are still to rate.)
	lacks(t, head.get("/"), "Budi Santoso Siregar")
}

// TestHomeDoesNotWaitForSlowCards: a card still building after the home
// page's budget (a million employees' needs snapshot the first time) and
// the cards after it are left out and announced as being computed, and the
// page answers within the budget; the cards ready before it are shown.
func TestHomeDoesNotWaitForSlowCards(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	saved := homeCards
	defer func() { homeCards = saved }()
	homeCards = []homeCardFunc{
		func(context.Context, *server, *auth.Principal) (*homeCard, error) {
			return &homeCard{ID: "card-first", Title: cardText("first")}, nil
		},
		func(ctx context.Context, _ *server, _ *auth.Principal) (*homeCard, error) {
			time.Sleep(homeBudget + 500*time.Millisecond) // the slow one
			return &homeCard{ID: "card-slow", Title: cardText("slow")}, nil
		},
		func(context.Context, *server, *auth.Principal) (*homeCard, error) {
			return &homeCard{ID: "card-third", Title: cardText("third")}, nil
		},
	}
	c := f.client(t)
	c.login("admin", testcity.PwAdmin) // its home page starts the cards once already
	start := time.Now()
	home := c.get("/")
	if took := time.Since(start); took > homeBudget+time.Second {
		t.Errorf("the home page took %s with a card that never finishes", took)
	}
	status(t, home, 200)
	contains(t, home, `id="card-first"`, `id="card-pending"`, "2 kartu lain sedang dihitung")
	lacks(t, home, `id="card-slow"`, `id="card-third"`)
}
