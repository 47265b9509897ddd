package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// DemoTrainingAccounts ties the demo accounts into the training part once
// they exist: the decisions and proposals of people who have an account
// name it, the instructor account teaches the next sessions of the city's
// own trainer partner (so its attendance page has a session to run), and
// each demo account finds a few notifications in its inbox. Inbox rows
// only: the demo's addresses are invented, so nothing is queued for
// e-mail. One transaction, audited.
func (s *Store) DemoTrainingAccounts(ctx context.Context, a model.Actor, instructorUserID int64, partner string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`UPDATE plan_decision SET by_user_id = (SELECT u.id FROM app_user u WHERE u.employee_id = plan_decision.by_employee_id)
				WHERE by_employee_id IN (SELECT employee_id FROM app_user WHERE employee_id IS NOT NULL)`,
			`UPDATE plan_item SET proposer_id = (SELECT u.id FROM app_user u WHERE u.employee_id = plan_item.employee_id)
				WHERE proposed_by = 'pegawai' AND employee_id IN (SELECT employee_id FROM app_user WHERE employee_id IS NOT NULL)`,
			`UPDATE plan_item SET proposer_id = (SELECT u.id FROM app_user u JOIN employee e ON e.supervisor_id = u.employee_id
				WHERE e.id = plan_item.employee_id) WHERE proposed_by = 'atasan' AND EXISTS (SELECT 1 FROM app_user u
				JOIN employee e ON e.supervisor_id = u.employee_id WHERE e.id = plan_item.employee_id)`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("store: demo accounts: %w", err)
			}
		}
		today := model.CycleToday(s.Now())
		taught := 0
		if instructorUserID != 0 {
			var name string
			if err := tx.QueryRowContext(ctx, `SELECT e.name FROM app_user u JOIN employee e ON e.id = u.employee_id WHERE u.id = $1`,
				instructorUserID).Scan(&name); err != nil {
				return fmt.Errorf("store: demo instructor: %w", err)
			}
			var ids []int64
			var id int64
			if err := eachRow(ctx, tx, `SELECT s.id FROM training_session s JOIN programme p ON p.id = s.programme_id
				JOIN provider v ON v.id = p.provider_id
				WHERE v.name = $1 AND s.end_date >= $2 AND s.status = 'terjadwal' AND s.place <> ''
				ORDER BY s.start_date, s.id LIMIT 3`, []any{partner, today}, []any{&id}, func() { ids = append(ids, id) }); err != nil {
				return err
			}
			for _, sid := range ids {
				if _, err := tx.ExecContext(ctx, `INSERT INTO session_instructor (session_id, name, user_id) VALUES ($1, $2, $3)`,
					sid, name, instructorUserID); err != nil {
					return fmt.Errorf("store: demo instructor: %w", err)
				}
			}
			taught = len(ids)
		}
		n, err := demoInbox(ctx, tx, s.Now().Unix(), today, s.Now().In(model.WIB).AddDate(0, 0, 60).Format(time.DateOnly))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "demo.training_accounts", "training", 0, map[string]int{"taught": taught, "notifications": n})
	})
}

// demoInbox writes, for each account of an employee, notices of the items
// waiting for their decision at step 1 and of their own items decided or
// enrolled, and the BKPSDM staff of MoUs ending within 60 days, at most
// six an account, some already read. Arguments: the employee's name
// and the item's title, or the title and the session's start.
func demoInbox(ctx context.Context, tx *sql.Tx, now int64, today, soon string) (int, error) {
	type notice struct {
		user      int64
		event     model.NoticeEvent
		args      []string
		link      string
		createdAt int64
	}
	var out []notice
	var user, at int64
	var who, title, start, status string
	title2 := `COALESCE(p.title, i.title)`
	if err := eachRow(ctx, tx, `SELECT u.id, e.name, `+title2+`, i.updated_at FROM plan_item i
		JOIN employee e ON e.id = i.employee_id JOIN app_user u ON u.employee_id = e.supervisor_id
		LEFT JOIN programme p ON p.id = i.programme_id
		WHERE i.status = 'diajukan' AND i.step = 1 ORDER BY u.id, i.id`, nil, []any{&user, &who, &title, &at}, func() {
		out = append(out, notice{user, model.NoticeApprovalNeeded, []string{who, title}, "/persetujuan", at})
	}); err != nil {
		return 0, fmt.Errorf("store: demo inbox: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT u.id, `+title2+`, i.status, COALESCE(s.start_date, ''), i.updated_at FROM plan_item i
		JOIN app_user u ON u.employee_id = i.employee_id LEFT JOIN programme p ON p.id = i.programme_id
		LEFT JOIN training_session s ON s.id = i.session_id
		WHERE i.status IN ('disetujui', 'ditolak', 'perbaikan', 'terdaftar') ORDER BY u.id, i.id`, nil,
		[]any{&user, &title, &status, &start, &at}, func() {
			if status == string(model.PlanEnrolled) {
				out = append(out, notice{user, model.NoticeEnrolled, []string{title, start}, "/rencana", at})
				return
			}
			out = append(out, notice{user, model.NoticeDecisionMade, []string{title, status}, "/rencana", at})
		}); err != nil {
		return 0, fmt.Errorf("store: demo inbox: %w", err)
	}
	var name, until string
	if err := eachRow(ctx, tx, `SELECT u.id, v.name, v.mou_until FROM app_user u CROSS JOIN provider v
		WHERE (u.role = 'admin_bkpsdm' OR u.grants LIKE '%operator%') AND v.mou_until >= $1 AND v.mou_until <= $2 ORDER BY u.id, v.id`,
		[]any{today, soon}, []any{&user, &name, &until}, func() {
			out = append(out, notice{user, model.NoticeMoUExpiring, []string{name, until}, "", now})
		}); err != nil {
		return 0, fmt.Errorf("store: demo inbox: %w", err)
	}
	perUser := map[int64]int{}
	written := 0
	for _, n := range out {
		if perUser[n.user]++; perUser[n.user] > 6 {
			continue
		}
		args, err := json.Marshal(n.args)
		if err != nil {
			return 0, err
		}
		var read any
		if perUser[n.user] > 3 {
			read = now
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO notification (user_id, event, args, link, created_at, read_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, n.user, string(n.event), string(args), n.link, min(n.createdAt, now), read); err != nil {
			return 0, fmt.Errorf("store: demo inbox: %w", err)
		}
		written++
	}
	return written, nil
}
