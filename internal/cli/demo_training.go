package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// demoTraining loads the training part of the demo city (issue 13): the
// partners, the catalogue, the year's sessions, and the plans, enrolments
// and attendance the generator decides, with the pegawai account's plan at
// every stage and the atasan account's reports waiting for their decision.
// It returns the partners as stored, for the accounts that work for one.
func demoTraining(ctx context.Context, env *Env, st *store.Store, n int, seed int64, p *accountPicker) ([]model.Provider, error) {
	start := time.Now()
	now := st.Now()
	partners := demo.Partners(now)
	cat := demo.Catalogue()
	sess := demo.Sessions(cat, partners, now, seed)
	d := store.DemoTraining{Partners: partners, Catalogue: cat, Sessions: sess, Seed: seed,
		Self: p.chosen[model.RolePegawai].ID, Approver: p.chosen[model.RoleAtasan].ID,
		Decide: func(people []demo.Person) demo.TrainingRows { return demo.Training(cat, sess, people, n, now, seed) }}
	res, err := st.LoadDemoTraining(ctx, cliActor, d)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.training", res.Partners, res.Programmes, res.Sessions, res.Items, res.Decisions,
		res.Enrolments, res.Attendance, res.Agreements, time.Since(start).Round(time.Millisecond)))
	return d.Partners, nil
}

// demoTrainingPicks chooses the people of the training accounts while the
// employees stream by: a second BKPSDM employee who holds the operator
// grant beside their own pegawai role, and a Kominfo employee who teaches
// the city's own sessions.
type demoTrainingPicks struct {
	operator, instructor    model.Employee
	bkpsdmSeen, kominfoSeen int
}

func (t *demoTrainingPicks) see(e *model.Employee, inBKPSDM, inKominfo, head bool, chosen map[model.Role]model.Employee) {
	if head || e.Status != model.StatusAktif {
		return
	}
	for _, c := range chosen {
		if c.ID == e.ID {
			return // already holds another demo account
		}
	}
	switch {
	case inBKPSDM:
		if t.bkpsdmSeen++; t.bkpsdmSeen == 2 { // the first is the BKPSDM admin
			t.operator = *e
		}
	case inKominfo:
		if t.kominfoSeen++; t.kominfoSeen == 6 { // after the admin OPD and the pegawai
			t.instructor = *e
		}
	}
}

// createTrainingAccounts adds the training part's demo accounts: the
// partner account of Universitas Sumatera Utara, the BKPSDM operator (a
// pegawai with the operator grant) and the instructor, then ties them into
// the training data (DemoTrainingAccounts).
func (p *accountPicker) createTrainingAccounts(ctx context.Context, st *store.Store, partners []model.Provider,
	create func(model.Role, string, *model.Employee, int64, ...func(*model.User, *string)) error, last **model.User) error {
	for _, pr := range partners {
		if pr.Name != demo.PartnerUSU {
			continue
		}
		if err := create(model.RolePenyelenggara, "penyelenggara", nil, 0, func(u *model.User, who *string) {
			u.ProviderID, u.Email, *who = pr.ID, pr.Email, pr.Name
		}); err != nil {
			return err
		}
	}
	t := &p.training
	if t.operator.ID != 0 {
		if err := create(model.RolePegawai, t.operator.NIP, &t.operator, 0, func(u *model.User, who *string) {
			u.Grants = []model.Grant{model.GrantOperator}
			*who += " (" + string(model.GrantOperator) + ")"
		}); err != nil {
			return err
		}
	}
	var instructor int64
	if t.instructor.ID != 0 {
		if err := create(model.RolePegawai, t.instructor.NIP, &t.instructor, 0, func(u *model.User, who *string) {
			*who += " (" + msg("cli.demo.instructor") + ")"
		}); err != nil {
			return err
		}
		instructor = (*last).ID
	}
	return st.DemoTrainingAccounts(ctx, cliActor, instructor, demo.PartnerKominfo)
}
