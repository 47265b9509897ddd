package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
)

// DemoTraining is the training part of the demo city: the partners,
// catalogue and sessions the generator made, the employees whose plans are
// written on purpose (the demo accounts'), and the generator's decisions
// for the people the store samples.
type DemoTraining struct {
	Partners  []model.Provider
	Catalogue []demo.Prog
	Sessions  []demo.Sess
	Self      int64 // the pegawai account's employee: a plan at every stage
	Approver  int64 // the atasan account's employee: their reports' items wait for them
	Seed      int64
	// Decide turns the sampled people into plans, enrolments and
	// attendance (demo.Training).
	Decide func(people []demo.Person) demo.TrainingRows
}

// DemoTrainingResult counts what LoadDemoTraining wrote.
type DemoTrainingResult struct {
	Partners, Programmes, Sessions, Items, Decisions, Enrolments, Attendance, Agreements int
}

// LoadDemoTraining writes the demo's training part into a demo registry in
// one transaction: partners, programmes with their competencies, sessions
// with instructors, then the plans, enrolments and attendance the generator
// decides for a sample of the active employees (demo.PoolPermille of them,
// drawn by SQL from the employee IDs and the seed, so that a million-
// employee city is read no further than the sample), each session's taken
// seats counted from its enrolments, and a work agreement for every PPPK.
// It refuses a database that already has partners.
//
// The generator, not this method, decides what the rows say; they are
// written the way a bulk load is (COPY on PostgreSQL), and the approvers
// it is handed are those of the house rules: the direct supervisor for
// step 1, the head of the employee's OPD (the unit below the root of their
// branch) for step 2.
func (s *Store) LoadDemoTraining(ctx context.Context, a model.Actor, d DemoTraining) (DemoTrainingResult, error) {
	var res DemoTrainingResult
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return res, fmt.Errorf("store: demo training: %w", err)
	}
	defer conn.Close()
	defer s.writes.Add(1)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("store: demo training: begin: %w", err)
	}
	if err := s.loadDemoTrainingTx(ctx, conn, tx, a, d, &res); err != nil {
		tx.Rollback()
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("store: demo training: commit: %w", err)
	}
	return res, s.Analyze(ctx)
}

func (s *Store) loadDemoTrainingTx(ctx context.Context, conn *sql.Conn, tx *sql.Tx, a model.Actor, d DemoTraining, res *DemoTrainingResult) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM provider`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return apperr.New(apperr.ECONFLICT, "err.catalogue.demo_not_empty")
	}
	now := s.Now()
	provID := map[string]int64{}
	for i := range d.Partners {
		p := &d.Partners[i]
		if err := p.Validate(); err != nil {
			return fmt.Errorf("store: demo partner %s: %w", p.Name, err)
		}
		id, err := insertID(ctx, tx, `INSERT INTO provider (name, kind, contact_name, email, phone, address, website, accreditation,
			mou_no, mou_from, mou_until, price_basis, price, rating, active, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`, p.Name, string(p.Kind), p.ContactName,
			p.Email, p.Phone, p.Address, p.Website, p.Accreditation, p.MoUNo, p.MoUFrom, p.MoUUntil, p.PriceBasis, p.Price, p.Rating,
			p.Active, now.Unix())
		if err != nil {
			return fmt.Errorf("store: demo partner %s: %w", p.Name, err)
		}
		p.ID, provID[p.Name] = id, id
	}
	comp, err := builtinCompetencyIDs(ctx, tx)
	if err != nil {
		return err
	}
	progID := make([]int64, len(d.Catalogue))
	for i := range d.Catalogue {
		p := &d.Catalogue[i]
		if p.ProviderID = provID[p.Partner]; p.ProviderID == 0 {
			return fmt.Errorf("store: demo programme %s: unknown partner %q", p.Code, p.Partner)
		}
		if err := p.Validate(); err != nil {
			return fmt.Errorf("store: demo programme %s: %w", p.Code, err)
		}
		id, err := insertID(ctx, tx, `INSERT INTO programme (code, title, description, form, learning_model, delivery, jp, cost, capacity,
			prerequisites, provider_id, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
			p.Code, p.Title, p.Description, string(p.Form), string(p.Model), string(p.Delivery), p.JP, p.Cost, p.Capacity,
			p.Prerequisites, p.ProviderID, p.Active, now.Unix())
		if err != nil {
			return fmt.Errorf("store: demo programme %s: %w", p.Code, err)
		}
		progID[i] = id
		for _, c := range p.Comps {
			cid, ok := comp[c.Code]
			if !ok {
				return fmt.Errorf("store: demo programme %s: no built-in competency %s", p.Code, c.Code)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO programme_competency (programme_id, competency_id, level) VALUES ($1, $2, $3)`,
				id, cid, c.Level); err != nil {
				return fmt.Errorf("store: demo programme %s: %w", p.Code, err)
			}
		}
	}
	sessID := make([]int64, len(d.Sessions))
	for i := range d.Sessions {
		t := &d.Sessions[i].TrainingSession
		t.ProgrammeID = progID[d.Sessions[i].Prog]
		if err := t.Validate(); err != nil {
			return fmt.Errorf("store: demo session %d: %w", i, err)
		}
		id, err := insertID(ctx, tx, `INSERT INTO training_session (programme_id, name, start_date, end_date, start_time, end_time, place,
			online_url, capacity, enrol_from, enrol_until, min_attendance, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`, t.ProgrammeID, t.Name, t.StartDate, t.EndDate,
			t.StartTime, t.EndTime, t.Place, t.OnlineURL, t.Capacity, t.EnrolFrom, t.EnrolUntil, t.MinAttendance, t.Status, now.Unix())
		if err != nil {
			return fmt.Errorf("store: demo session: %w", err)
		}
		t.ID, sessID[i] = id, id
		for _, name := range d.Sessions[i].Instructors {
			if _, err := tx.ExecContext(ctx, `INSERT INTO session_instructor (session_id, name) VALUES ($1, $2)`, id, name); err != nil {
				return fmt.Errorf("store: demo instructor: %w", err)
			}
		}
	}
	res.Partners, res.Programmes, res.Sessions = len(d.Partners), len(d.Catalogue), len(d.Sessions)
	people, err := s.demoPeople(ctx, tx, d)
	if err != nil {
		return err
	}
	rows := d.Decide(people)
	if err := s.writeDemoRows(ctx, conn, tx, rows, progID, sessID, comp, res); err != nil {
		return err
	}
	// Taken seats follow from the enrolments, as enrolment keeps them.
	if _, err := tx.ExecContext(ctx, `UPDATE training_session SET enrolled = (SELECT COUNT(*) FROM enrolment e
		WHERE e.session_id = training_session.id AND e.status IN ('terdaftar', 'selesai', 'tidak_selesai'))`); err != nil {
		return fmt.Errorf("store: demo seats: %w", err)
	}
	if res.Agreements, err = demoAgreements(ctx, tx, now); err != nil {
		return err
	}
	if s.dialect == Postgres {
		for _, t := range []string{"provider", "programme", "training_session", "session_instructor", "plan_item", "plan_decision", "enrolment"} {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(
				`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)`, t, t)); err != nil {
				return fmt.Errorf("store: reset sequence %s: %w", t, err)
			}
		}
	}
	return s.audit(ctx, tx, a, "demo.training", "training", 0, res)
}

// builtinCompetencyIDs maps the codes of the built-in frameworks' newest
// versions to their competency IDs.
func builtinCompetencyIDs(ctx context.Context, tx *sql.Tx) (map[string]int64, error) {
	out := map[string]int64{}
	var code string
	var id int64
	err := eachRow(ctx, tx, `SELECT c.code, c.id FROM competency c JOIN framework f ON f.id = c.framework_id
		WHERE f.builtin AND f.id = (SELECT f2.id FROM framework f2 WHERE f2.code = f.code ORDER BY f2.created_at DESC, f2.id DESC LIMIT 1)
		ORDER BY f.code, c.ord`, nil, []any{&code, &id}, func() {
		if _, seen := out[code]; !seen {
			out[code] = id
		}
	})
	if err != nil {
		return nil, fmt.Errorf("store: demo competencies: %w", err)
	}
	return out, nil
}

// demoPeople samples the active employees by a hash of their ID and the
// seed (everyone in a city of default size), with the demo accounts'
// people and the approver's reports always in, and finds each one's
// approvers.
func (s *Store) demoPeople(ctx context.Context, tx *sql.Tx, d DemoTraining) ([]demo.Person, error) {
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee`).Scan(&total); err != nil {
		return nil, err
	}
	// The OPD of a unit is the unit just below the root on its path; its
	// head is the active holder of its head post.
	opdOf := map[int64]int64{}
	var uid int64
	var path string
	if err := eachRow(ctx, tx, `SELECT id, path FROM org_unit`, nil, []any{&uid, &path}, func() {
		parts := strings.Split(strings.Trim(path, "/"), "/")
		if len(parts) >= 2 {
			opdOf[uid], _ = strconv.ParseInt(parts[1], 10, 64)
		}
	}); err != nil {
		return nil, fmt.Errorf("store: demo units: %w", err)
	}
	headOf := map[int64]int64{}
	var eid int64
	if err := eachRow(ctx, tx, `SELECT p.unit_id, MIN(e.id) FROM employee e JOIN position p ON p.id = e.position_id
		WHERE p.is_head AND e.status = 'aktif' GROUP BY p.unit_id`, nil, []any{&uid, &eid}, func() { headOf[uid] = eid }); err != nil {
		return nil, fmt.Errorf("store: demo heads: %w", err)
	}
	seed := int64(uint64(d.Seed) % 1_000_003)
	var out []demo.Person
	var sup, unit int64
	var kind, title string
	var head bool
	reports := 0
	err := eachRow(ctx, tx, `SELECT e.id, e.unit_id, COALESCE(e.supervisor_id, 0), e.kind, COALESCE(p.title, ''), COALESCE(p.is_head, FALSE)
		FROM employee e LEFT JOIN position p ON p.id = e.position_id
		WHERE e.status = 'aktif' AND ((e.id * 2654435761 + $1) % 1000 < $2 OR e.id IN ($3, $4) OR e.supervisor_id = $4)
		ORDER BY e.id`, []any{seed, demo.PoolPermille(total), d.Self, d.Approver},
		[]any{&eid, &unit, &sup, &kind, &title, &head}, func() {
			p := demo.Person{ID: eid, UnitID: unit, SupervisorID: sup, OPDHeadID: headOf[opdOf[unit]], PPPK: kind == string(model.PPPK),
				Audience: demo.AudienceOf(title, head)}
			switch {
			case eid == d.Self:
				p.Featured = demo.FeaturedSelf
			case sup == d.Approver && d.Approver != 0:
				p.Featured = demo.FeaturedReport
				if reports++; reports%3 == 0 {
					p.Featured = demo.FeaturedReport2 // some already approved by them, now at the OPD head
				}
			}
			out = append(out, p)
		})
	if err != nil {
		return nil, fmt.Errorf("store: demo people: %w", err)
	}
	return out, nil
}

// writeDemoRows writes the generator's plans, decisions, enrolments and
// attendance with their IDs (the tables are empty in a demo database).
func (s *Store) writeDemoRows(ctx context.Context, conn *sql.Conn, tx *sql.Tx, r demo.TrainingRows, progID, sessID []int64,
	comp map[string]int64, res *DemoTrainingResult) error {
	idx := func(ids []int64, i int) int64 {
		if i < 0 {
			return 0
		}
		return ids[i]
	}
	items := newRowSink(ctx, s.dialect, conn, tx, "plan_item", []string{"id", "employee_id", "year", "programme_id", "session_id", "title",
		"form", "jp", "cost", "competency_id", "purpose", "proposed_by", "proposer_id", "status", "step", "created_at", "updated_at"}, 300)
	last := map[int64]int64{} // item → its latest decision, for updated_at
	for _, d := range r.Decisions {
		last[d.ItemID] = max(last[d.ItemID], d.At.Unix())
	}
	for _, it := range r.Items {
		upd := max(it.At.Unix(), last[it.ID])
		if err := items.add(it.ID, it.EmployeeID, it.Year, nullID(idx(progID, it.Prog)), nullID(idx(sessID, it.Session)), it.Title,
			string(it.Form), it.JP, it.Cost, nullID(comp[it.Comp]), it.Purpose, it.ProposedBy, int64(0), string(it.Status), it.Step,
			it.At.Unix(), upd); err != nil {
			return fmt.Errorf("store: demo plan items: %w", err)
		}
	}
	if err := items.close(); err != nil {
		return fmt.Errorf("store: demo plan items: %w", err)
	}
	decs := newRowSink(ctx, s.dialect, conn, tx, "plan_decision", []string{"id", "item_id", "step", "decision", "reason", "by_user_id",
		"by_employee_id", "at"}, 300)
	for i, d := range r.Decisions {
		if err := decs.add(int64(i+1), d.ItemID, d.Step, string(d.Decision), d.Reason, int64(0), nullID(d.ByEmployee), d.At.Unix()); err != nil {
			return fmt.Errorf("store: demo decisions: %w", err)
		}
	}
	if err := decs.close(); err != nil {
		return fmt.Errorf("store: demo decisions: %w", err)
	}
	enr := newRowSink(ctx, s.dialect, conn, tx, "enrolment", []string{"id", "session_id", "employee_id", "plan_item_id", "status", "source",
		"score", "completed_at", "completed_by", "created_at", "updated_at"}, 300)
	for i, e := range r.Enrolments {
		var score, done, by any
		upd := e.At.Unix()
		if e.Status == model.EnrolCompleted || e.Status == model.EnrolIncomplete {
			done, by, upd = e.Done.Unix(), int64(0), e.Done.Unix()
			if e.Score >= 0 {
				score = int64(e.Score)
			}
		}
		if err := enr.add(int64(i+1), sessID[e.Session], e.EmployeeID, nullID(e.ItemID), string(e.Status), e.Source, score, done, by,
			e.At.Unix(), upd); err != nil {
			return fmt.Errorf("store: demo enrolments: %w", err)
		}
	}
	if err := enr.close(); err != nil {
		return fmt.Errorf("store: demo enrolments: %w", err)
	}
	att := newRowSink(ctx, s.dialect, conn, tx, "attendance", []string{"session_id", "day", "employee_id", "at", "how", "by_user_id"}, 300)
	for _, x := range r.Attendance {
		if err := att.add(sessID[x.Session], x.Day, x.EmployeeID, x.At.Unix(), x.How, int64(0)); err != nil {
			return fmt.Errorf("store: demo attendance: %w", err)
		}
	}
	if err := att.close(); err != nil {
		return fmt.Errorf("store: demo attendance: %w", err)
	}
	res.Items, res.Decisions, res.Enrolments, res.Attendance = len(r.Items), len(r.Decisions), len(r.Enrolments), len(r.Attendance)
	return nil
}

// demoAgreements records a work agreement for every PPPK in one
// statement: four yearly intakes, each agreement five years long.
func demoAgreements(ctx context.Context, tx *sql.Tx, now time.Time) (int, error) {
	y := now.In(model.WIB).Year()
	var starts, ends [4]string
	for k := range 4 {
		st := time.Date(y-1-k, time.Month(3+3*k), 1, 0, 0, 0, 0, time.UTC)
		starts[k], ends[k] = st.Format(time.DateOnly), st.AddDate(5, 0, -1).Format(time.DateOnly)
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO pppk_agreement (employee_id, start_date, end_date)
		SELECT id, CASE id % 4 WHEN 0 THEN $1 WHEN 1 THEN $2 WHEN 2 THEN $3 ELSE $4 END,
			CASE id % 4 WHEN 0 THEN $5 WHEN 1 THEN $6 WHEN 2 THEN $7 ELSE $8 END
		FROM employee WHERE kind = 'PPPK'`, starts[0], starts[1], starts[2], starts[3], ends[0], ends[1], ends[2], ends[3])
	if err != nil {
		return 0, fmt.Errorf("store: demo agreements: %w", err)
	}
	n, _ := r.RowsAffected()
	return int(n), nil
}
