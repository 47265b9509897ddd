package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"

	"github.com/kompeten/kompeten/internal/model"
)

// Recommendation is a catalogue programme that addresses gaps of the
// employee's own position standard, with the gaps it addresses.
type Recommendation struct {
	Programme model.Programme // without its competency list
	Rating    int             // the partner's rating, in tenths
	Gaps      []PlanGap
	Score     int                     // Σ (required − current) × weight over the assessed gaps
	Sessions  []model.TrainingSession // open for enrolment: ID, name and start only
}

// PlanGap is one competency of the standard a programme develops: the level
// required, the current level, and whether it was assessed at all. A
// competency not assessed is "belum dinilai", never level 0.
type PlanGap struct {
	CompetencyID int64
	Name         string
	Required     int
	Current      int // meaningful only when Assessed
	Assessed     bool
	Leads        int // the level the programme leads to
	Weight       int
}

// PlanRecommendations returns the active catalogue programmes that develop
// a competency of the employee's current standard in which they fall short
// (current level below the required one), or which is not assessed yet and
// which the programme leads to the required level; programmes already in
// the year's plan (not rejected or cancelled) are left out: plan is the
// employee's items of the year, as Plan returns them (the page has read
// them; a correlated NOT EXISTS per candidate row was half the query's
// time). Ranked by the
// weighted gap they close, then programmes addressing only unassessed
// competencies, then by the partner's rating, then by title; with the
// programme's scheduled sessions whose enrolment is still open. At most
// PlanRecommendationsShown, the best: an employee whose standard many
// programmes serve (79 in the million-employee demo) reads the rest in the
// catalogue, and the plan page stays light on a phone.
func (s *Store) PlanRecommendations(ctx context.Context, employeeID int64, plan []model.PlanItem) ([]Recommendation, error) {
	taken := takenProgrammes(plan)
	cat, err := s.recCatalogue(ctx)
	if err != nil {
		return nil, err
	}
	return s.recommend(ctx, employeeID, taken, cat)
}

// recommend ranks the recommendations and reads their open sessions from
// cat, the kept catalogue; with cat nil, by the plain twin's queries
// (recommendBySQL, openSessions).
func (s *Store) recommend(ctx context.Context, employeeID int64, taken map[int64]bool, cat *recCatalogue) ([]Recommendation, error) {
	var out []Recommendation
	var err error
	if cat != nil {
		out, err = s.recommendFromCatalogue(ctx, cat, employeeID, taken)
	} else {
		out, err = s.recommendBySQL(ctx, employeeID, taken)
	}
	if err != nil {
		return nil, fmt.Errorf("store: recommendations: %w", err)
	}
	slices.SortStableFunc(out, func(a, b Recommendation) int {
		switch {
		case a.Score != b.Score:
			return b.Score - a.Score
		case a.Rating != b.Rating:
			return b.Rating - a.Rating
		}
		if a.Programme.Title < b.Programme.Title {
			return -1
		}
		return 0
	})
	if len(out) > PlanRecommendationsShown {
		out = out[:PlanRecommendationsShown]
	}
	if len(out) == 0 {
		return out, nil
	}
	if cat != nil {
		today := s.today()
		for i := range out {
			out[i].Sessions = cat.openSessions(out[i].Programme.ID, today)
		}
		return out, nil
	}
	ids := make([]int64, len(out))
	for i := range out {
		ids[i] = out[i].Programme.ID
	}
	open, err := s.openSessions(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Sessions = open[out[i].Programme.ID]
	}
	return out, nil
}

// takenProgrammes is the programmes of plan's items not rejected or
// cancelled: not recommended again.
func takenProgrammes(plan []model.PlanItem) map[int64]bool {
	taken := map[int64]bool{}
	for _, it := range plan {
		if it.ProgrammeID != 0 && it.Status != model.PlanRejected && it.Status != model.PlanCancelled {
			taken[it.ProgrammeID] = true
		}
	}
	return taken
}

// recommendBySQL is the recommendations' plain reading, one query (the
// twin of recommendFromCatalogue): the programmes not taken, by ID, each
// with its gaps by the competencies' order.
func (s *Store) recommendBySQL(ctx context.Context, employeeID int64, taken map[int64]bool) ([]Recommendation, error) {
	byProg := map[int64]*Recommendation{}
	var order []int64
	var p model.Programme
	var rating int
	var g PlanGap
	var current sql.NullInt64
	err := eachRow(ctx, preparedReads{s}, `SELECT p.id, p.code, p.title, p.form, p.delivery, p.jp, p.cost, p.provider_id, v.name, v.rating,
			si.competency_id, c.name, si.required, si.weight, cl.level, pc.level
		FROM employee e
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item si ON si.standard_id = ps.id
		JOIN competency c ON c.id = si.competency_id
		LEFT JOIN current_level cl ON cl.employee_id = e.id AND cl.competency_id = si.competency_id
		JOIN programme_competency pc ON pc.competency_id = si.competency_id
		JOIN programme p ON p.id = pc.programme_id AND p.active = TRUE
		JOIN provider v ON v.id = p.provider_id AND v.active = TRUE
		WHERE e.id = $1
		  AND ((cl.level IS NOT NULL AND cl.level < si.required AND pc.level > cl.level) OR (cl.level IS NULL AND pc.level >= si.required))
		ORDER BY p.id, c.ord, c.id`, []any{employeeID},
		[]any{&p.ID, &p.Code, &p.Title, &p.Form, &p.Delivery, &p.JP, &p.Cost, &p.ProviderID, &p.ProviderName, &rating,
			&g.CompetencyID, &g.Name, &g.Required, &g.Weight, &current, &g.Leads}, func() {
			if taken[p.ID] {
				return
			}
			r := byProg[p.ID]
			if r == nil {
				r = &Recommendation{Programme: p, Rating: rating}
				byProg[p.ID] = r
				order = append(order, p.ID)
			}
			g.Assessed, g.Current = current.Valid, int(current.Int64)
			r.addGap(g)
		})
	if err != nil {
		return nil, err
	}
	out := make([]Recommendation, 0, len(order))
	for _, id := range order {
		out = append(out, *byProg[id])
	}
	return out, nil
}

// addGap adds a gap the programme addresses, and its weight to the score
// when it was assessed.
func (r *Recommendation) addGap(g PlanGap) {
	if g.Assessed {
		r.Score += (g.Required - g.Current) * g.Weight
	}
	r.Gaps = append(r.Gaps, g)
}

// addressedBy reports whether a programme leading to level addresses a
// competency required at required: a real gap (current below required,
// the programme above current) or, not assessed yet, a programme that
// leads to the required level (the condition of recommendBySQL's query).
func (g PlanGap) addressedBy(level int) bool {
	if g.Assessed {
		return g.Current < g.Required && level > g.Current
	}
	return level >= g.Required
}

// PlanRecommendationsShown is how many recommendations a plan shows.
const PlanRecommendationsShown = 10

// openSession is the condition of a session a plan may still name: scheduled,
// not yet started, its enrolment not closed ($1 is today).
const openSession = `s.status = 'terjadwal' AND s.start_date >= $1 AND (s.enrol_until = '' OR s.enrol_until >= $1)`

// openSessions returns the scheduled sessions not yet over whose enrolment
// has not closed, by start, of each of the programmes (at most
// PlanRecommendationsShown), in one query: of each, what a plan's choice
// shows (ID, programme, name, start).
func (s *Store) openSessions(ctx context.Context, programmeIDs []int64) (map[int64][]model.TrainingSession, error) {
	var a args
	a.add(s.today())
	by := map[int64][]model.TrainingSession{}
	var t model.TrainingSession
	err := eachRow(ctx, preparedReads{s}, `SELECT s.id, s.programme_id, s.name, s.start_date FROM training_session s
		WHERE s.programme_id IN (`+paddedIDs(programmeIDs, &a)+`) AND `+openSession+` ORDER BY s.start_date, s.id`, a,
		[]any{&t.ID, &t.ProgrammeID, &t.Name, &t.StartDate}, func() { by[t.ProgrammeID] = append(by[t.ProgrammeID], t) })
	return by, err
}

// PlanProgrammes returns the active programmes a plan may take from the
// catalogue, by title, with their open sessions (for the proposal form).
func (s *Store) PlanProgrammes(ctx context.Context) ([]model.Programme, map[int64][]model.TrainingSession, error) {
	progs, err := queryAll(ctx, s.db, `SELECT `+programmeCols+programmeFrom+` WHERE p.active = TRUE ORDER BY p.title, p.id`, nil, scanProgramme)
	if err != nil {
		return nil, nil, fmt.Errorf("store: plan programmes: %w", err)
	}
	sess, err := queryAll(ctx, s.db, `SELECT `+sessionCols+sessionFrom+` WHERE `+openSession+` ORDER BY s.start_date, s.id`,
		[]any{s.today()}, scanSession)
	if err != nil {
		return nil, nil, fmt.Errorf("store: plan sessions: %w", err)
	}
	by := map[int64][]model.TrainingSession{}
	for _, t := range sess {
		by[t.ProgrammeID] = append(by[t.ProgrammeID], t)
	}
	return progs, by, nil
}

// PlanJPYear returns the employee's JP standing today (model.JPYear): a
// PNS's calendar year (year) against the 20 JP floor, counted from plan, the
// employee's items of that year as Plan returns them (model.PNSJPYear); a
// PPPK's current agreement year against the 24 JP ceiling, counting
// approved, enrolled and done items whose session starts in it, or,
// without a session, whose plan year is the agreement year's first calendar
// year: that year can span two plan years, so it is read. A PPPK without a
// recorded agreement (or outside it) is measured on the calendar year.
// kind is the employee's (PlanSubject's).
func (s *Store) PlanJPYear(ctx context.Context, employeeID int64, kind model.EmployeeKind, year int, plan []model.PlanItem) (model.JPYear, error) {
	if kind != model.PPPK {
		return model.PNSJPYear(year, plan), nil
	}
	y := strconv.Itoa(year)
	out := model.JPYear{PPPK: true, Limit: model.PPPKCeilingJP}
	var start, end string
	err := s.queryRow(ctx, `SELECT start_date, end_date FROM pppk_agreement WHERE employee_id = $1`, employeeID).Scan(&start, &end)
	if err != nil && err != sql.ErrNoRows {
		return out, err
	}
	var ok bool
	if err == nil {
		out.From, out.Until, ok = model.AgreementYear(start, end, s.today())
	}
	if !ok {
		out.NoContract, out.From, out.Until = true, y+"-01-01", y+"-12-31"
	}
	err = s.queryRow(ctx, `SELECT COALESCE(SUM(pi.jp), 0) FROM plan_item pi LEFT JOIN training_session s ON s.id = pi.session_id
		WHERE pi.employee_id = $1 AND pi.status IN ('disetujui', 'terdaftar', 'selesai')
		AND ((s.id IS NOT NULL AND s.start_date >= $2 AND s.start_date <= $3) OR (s.id IS NULL AND pi.year = $4))`,
		employeeID, out.From, out.Until, mustAtoi(out.From[:4])).Scan(&out.Counted)
	return out, err
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
