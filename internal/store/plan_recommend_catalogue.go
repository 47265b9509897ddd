package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/model"
)

// The recommendations' catalogue kept in memory (a speed device,
// ARCHITECTURE "Speed devices"): the active programmes of active partners
// by the competencies they develop, and their scheduled sessions. A plan
// page then reads only the employee's standard with their levels (one
// query of about twelve rows) and joins it here, where the one query of
// recommendBySQL, its plain twin, probed the catalogue for every
// competency of the standard: a quarter of the CPU of a plan page with
// ten recommendations at a million employees (RESULTS, session 8). The
// catalogue is a few hundred rows; it is kept until this Store commits a
// write, at most recCatalogueTTL (a change through another app node shows
// within that time), and named "recommendations" for KOMPETEN_CACHE_OFF,
// which turns the plan page to the twin.

// recCatalogue is what recommendations read of the catalogue.
type recCatalogue struct {
	offers   map[int64][]recOffer              // by competency, by programme ID
	progs    map[int64]recProgramme            // by programme ID
	sessions map[int64][]model.TrainingSession // scheduled, by programme, by start and ID: ID, name, start, enrolment's end
}

// recOffer is a programme developing a competency to a level.
type recOffer struct {
	programme int64
	level     int
}

// recProgramme is a programme as a recommendation shows it.
type recProgramme struct {
	p      model.Programme
	rating int
}

const recCatalogueTTL = 30 * time.Second

func newRecCatalogueCache(s *Store) *cache.Cache[struct{}, *recCatalogue] {
	return cache.New[struct{}, *recCatalogue](cache.Options{Name: "recommendations", TTL: recCatalogueTTL, Gen: s.writes.Load})
}

// recCatalogue returns the catalogue, read when not kept; nil when the
// cache is turned off (the plain twin serves).
func (s *Store) recCatalogue(ctx context.Context) (*recCatalogue, error) {
	if s.recCat.Disabled() {
		return nil, nil
	}
	if c, ok := s.recCat.Get(struct{}{}); ok {
		return c, nil
	}
	gen := s.recCat.Gen() // before reading: a write meanwhile leaves what is read unkept
	c := &recCatalogue{offers: map[int64][]recOffer{}, progs: map[int64]recProgramme{}, sessions: map[int64][]model.TrainingSession{}}
	var rp recProgramme
	err := eachRow(ctx, preparedReads{s}, `SELECT p.id, p.code, p.title, p.form, p.delivery, p.jp, p.cost, p.provider_id, v.name, v.rating
		FROM programme p JOIN provider v ON v.id = p.provider_id AND v.active = TRUE WHERE p.active = TRUE`, nil,
		[]any{&rp.p.ID, &rp.p.Code, &rp.p.Title, &rp.p.Form, &rp.p.Delivery, &rp.p.JP, &rp.p.Cost, &rp.p.ProviderID, &rp.p.ProviderName,
			&rp.rating}, func() { c.progs[rp.p.ID] = rp })
	if err != nil {
		return nil, err
	}
	var comp int64
	var o recOffer
	err = eachRow(ctx, preparedReads{s}, `SELECT competency_id, programme_id, level FROM programme_competency ORDER BY competency_id, programme_id`,
		nil, []any{&comp, &o.programme, &o.level}, func() {
			if _, ok := c.progs[o.programme]; ok {
				c.offers[comp] = append(c.offers[comp], o)
			}
		})
	if err != nil {
		return nil, err
	}
	var t model.TrainingSession
	err = eachRow(ctx, preparedReads{s}, `SELECT id, programme_id, name, start_date, enrol_until FROM training_session
		WHERE status = 'terjadwal' ORDER BY start_date, id`, nil, []any{&t.ID, &t.ProgrammeID, &t.Name, &t.StartDate, &t.EnrolUntil}, func() {
		c.sessions[t.ProgrammeID] = append(c.sessions[t.ProgrammeID], t)
	})
	if err != nil {
		return nil, err
	}
	s.recCat.PutAt(gen, struct{}{}, c)
	return c, nil
}

// openSessions is the programme's sessions a plan may still name on
// today (the openSession condition): scheduled, not started, enrolment
// not closed.
func (c *recCatalogue) openSessions(programme int64, today string) []model.TrainingSession {
	var out []model.TrainingSession
	for _, t := range c.sessions[programme] {
		if t.StartDate >= today && (t.EnrolUntil == "" || t.EnrolUntil >= today) {
			out = append(out, model.TrainingSession{ID: t.ID, ProgrammeID: t.ProgrammeID, Name: t.Name, StartDate: t.StartDate})
		}
	}
	return out
}

// recommendFromCatalogue is recommendBySQL's answer from the kept
// catalogue and the employee's standard with their current levels.
func (s *Store) recommendFromCatalogue(ctx context.Context, c *recCatalogue, employeeID int64, taken map[int64]bool) ([]Recommendation, error) {
	byProg := map[int64]*Recommendation{}
	var g PlanGap
	var current sql.NullInt64
	err := eachRow(ctx, preparedReads{s}, `SELECT si.competency_id, c.name, si.required, si.weight, cl.level
		FROM employee e
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item si ON si.standard_id = ps.id
		JOIN competency c ON c.id = si.competency_id
		LEFT JOIN current_level cl ON cl.employee_id = e.id AND cl.competency_id = si.competency_id
		WHERE e.id = $1 ORDER BY c.ord, c.id`, []any{employeeID},
		[]any{&g.CompetencyID, &g.Name, &g.Required, &g.Weight, &current}, func() {
			g.Assessed, g.Current = current.Valid, int(current.Int64)
			for _, o := range c.offers[g.CompetencyID] {
				if taken[o.programme] || !g.addressedBy(o.level) {
					continue
				}
				r := byProg[o.programme]
				if r == nil {
					p := c.progs[o.programme]
					r = &Recommendation{Programme: p.p, Rating: p.rating}
					byProg[o.programme] = r
				}
				gap := g
				gap.Leads = o.level
				r.addGap(gap)
			}
		})
	if err != nil {
		return nil, err
	}
	out := make([]Recommendation, 0, len(byProg))
	for _, r := range byProg {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Recommendation) int { return cmp.Compare(a.Programme.ID, b.Programme.ID) })
	return out, nil
}
