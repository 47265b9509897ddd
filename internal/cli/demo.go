package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/store"
)

func init() {
	register("demo", "cli.summary.demo", runDemo)
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "demo", "db")
	n := fs.Int("employees", 13000, msg("cli.flag.demo.employees"))
	seed := fs.Int64("seed", 1, msg("cli.flag.demo.seed"))
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := resolveAndOpen(ctx, resolve)
	if err != nil {
		return err
	}
	defer st.Close()
	return loadDemo(ctx, env, st, *n, *seed)
}

// maxDemoRatings is the largest demo city that gets the full spread of
// invented ratings; the bigger ones (speed measurements) get one rating per
// competency (see demoRatings).
const maxDemoRatings = 100_000

// demoIfEmpty loads the default demo city when the database has no units.
func demoIfEmpty(ctx context.Context, env *Env, st *store.Store) error {
	units, err := st.ChildUnits(ctx, 0)
	if err != nil {
		return err
	}
	if len(units) > 0 {
		fmt.Fprintln(env.Stdout, msg("cli.demo.not_empty"))
		return nil
	}
	return loadDemo(ctx, env, st, 13000, 1)
}

func loadDemo(ctx context.Context, env *Env, st *store.Store, n int, seed int64) error {
	if n < 100 || n > 1_000_000 {
		return apperr.New(apperr.EINVALID, "err.cli.demo_employees_range")
	}
	start := time.Now()
	opts := demo.Options{Employees: n, Seed: seed, Now: st.Now()}
	city, err := demo.Generate(opts)
	if err != nil {
		return err
	}
	picks := newAccountPicker(city)
	count, err := st.LoadRegistry(ctx, cliActor, city.Units, city.Positions, func(add func(*model.Employee) error) error {
		return city.Employees(opts, func(e *model.Employee) error {
			picks.see(e)
			return add(e)
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.loaded",
		len(city.Units), len(city.Positions), count, time.Since(start).Round(time.Millisecond)))
	if err := demoStandards(ctx, env, st); err != nil {
		return err
	}
	if err := demoEducation(ctx, env, st); err != nil {
		return err
	}
	if err := demoRatings(ctx, env, st, seed, n > maxDemoRatings, city.Story(), city.Units[0].ID); err != nil {
		return err
	}
	if err := picks.acting.record(ctx, env, st, picks.unitName); err != nil {
		return err
	}
	if err := picks.targets.record(ctx, env, st); err != nil {
		return err
	}
	partners, err := demoTraining(ctx, env, st, n, seed, picks)
	if err != nil {
		return err
	}
	return picks.createAccounts(ctx, env, st, partners)
}

// accountPicker chooses one demo employee per role while employees stream by.
type accountPicker struct {
	unitName  map[int64]string
	unitPath  map[int64]string
	headPos   map[int64]bool
	kominfo   string // path of Dinas Komunikasi dan Informatika
	kominfoID int64
	bkpsdm    string // path of the BKPSDM
	inspekt   string // path of the Inspektorat
	chosen    map[model.Role]model.Employee
	seksiHead map[int64]int64 // seksi unit → its head employee (under Kominfo)
	acting    demoActing      // the demo's Plt. (demo_acting.go)
	targets   *demoTargets    // the demo's succession candidates (demo_targets.go)
	training  demoTrainingPicks
}

func newAccountPicker(c *demo.City) *accountPicker {
	p := &accountPicker{unitName: map[int64]string{}, unitPath: map[int64]string{}, headPos: map[int64]bool{},
		chosen: map[model.Role]model.Employee{}, seksiHead: map[int64]int64{}, targets: newDemoTargets(c.Positions)}
	for _, u := range c.Units {
		p.unitName[u.ID], p.unitPath[u.ID] = u.Name, u.Path
		if u.Kind == model.UnitOPD && strings.Contains(u.Name, "Komunikasi dan Informatika") {
			p.kominfo, p.kominfoID = u.Path, u.ID
		}
		if u.Kind == model.UnitOPD && strings.HasPrefix(u.Name, "Badan Kepegawaian") {
			p.bkpsdm = u.Path
		}
		if u.Kind == model.UnitOPD && u.Name == "Inspektorat" {
			p.inspekt = u.Path
		}
	}
	for _, pos := range c.Positions {
		p.headPos[pos.ID] = pos.IsHead
	}
	return p
}

func (p *accountPicker) take(r model.Role, e *model.Employee) {
	if _, ok := p.chosen[r]; !ok {
		p.chosen[r] = *e
	}
}

func (p *accountPicker) see(e *model.Employee) {
	name, path, head := p.unitName[e.UnitID], p.unitPath[e.UnitID], p.headPos[e.PositionID]
	inKominfo := model.InSubtree(path, p.kominfo)
	p.acting.see(e, path, p.kominfo, head)
	p.targets.see(e)
	switch {
	case head && name == "Sekretariat Daerah":
		p.take(model.RolePimpinan, e)
	case head && inKominfo && e.UnitID != p.kominfoID && strings.Count(path, "/") > strings.Count(p.kominfo, "/")+1:
		p.seksiHead[e.UnitID] = e.ID // a head two levels below the dinas: a kepala seksi
		p.take(model.RoleAtasan, e)
	case !head && e.Status == model.StatusAktif && model.InSubtree(path, p.bkpsdm):
		p.take(model.RoleAdminBKPSDM, e)
	case !head && e.Status == model.StatusAktif && model.InSubtree(path, p.inspekt):
		p.take(model.RoleAuditor, e)
	case !head && e.Status == model.StatusAktif && inKominfo:
		if a, ok := p.chosen[model.RoleAtasan]; ok && a.UnitID == e.UnitID {
			p.take(model.RolePegawai, e)
		} else if e.UnitID != p.kominfoID {
			p.take(model.RoleAdminOPD, e)
		}
	}
	p.training.see(e, model.InSubtree(path, p.bkpsdm), inKominfo, head, p.chosen)
}

func (p *accountPicker) createAccounts(ctx context.Context, env *Env, st *store.Store, partners []model.Provider) error {
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\n%s\n%s\n", msg("cli.demo.accounts"), msg("cli.demo.accounts_head"))
	var u *model.User
	create := func(role model.Role, username string, emp *model.Employee, scope int64, extra ...func(u *model.User, who *string)) error {
		pw := auth.RandomPassword()
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		u = &model.User{Username: username, Role: role, ScopeUnitID: scope, PasswordHash: hash, Active: true}
		who := "-"
		if emp != nil {
			u.EmployeeID = emp.ID
			who = names.Display(emp.GelarDepan, emp.Name, emp.GelarBelakang) + " — " + p.unitName[emp.UnitID]
		}
		for _, f := range extra {
			f(u, &who)
		}
		if err := st.CreateUser(ctx, cliActor, u); err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", role, username, pw, who)
		return nil
	}
	if err := create(model.RoleSuperadmin, "admin", nil, 0); err != nil {
		return err
	}
	for _, r := range []model.Role{model.RoleAdminBKPSDM, model.RoleAdminOPD, model.RolePimpinan, model.RoleAuditor, model.RoleAtasan, model.RolePegawai} {
		e, ok := p.chosen[r]
		if !ok {
			continue // a very small demo city may lack some posts
		}
		scope := int64(0)
		if r == model.RoleAdminOPD {
			scope = p.kominfoID
		}
		if err := create(r, e.NIP, &e, scope); err != nil {
			return err
		}
	}
	if err := p.createTrainingAccounts(ctx, st, partners, create, &u); err != nil {
		return err
	}
	return tw.Flush()
}
