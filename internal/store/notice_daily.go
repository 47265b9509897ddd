package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// mouWarnDays is how long before its MoU ends a partner is announced.
const mouWarnDays = 30

// DailyNotices raises the notices of a day, once each however often it
// runs (Notice.Dedup): to every participant with a seat in a session that
// starts tomorrow, and, for a partner whose MoU ends within 30 days, to
// every BKPSDM administrator and operator-grant holder (once per partner
// and end date: a renewed MoU is announced again before its new end). It
// returns how many notifications it wrote. Several app nodes may run it:
// the unique dedup index lets one of them write each.
func (s *Store) DailyNotices(ctx context.Context) (int, error) {
	now := s.Now()
	tomorrow := now.AddDate(0, 0, 1).Format(time.DateOnly)
	until := now.AddDate(0, 0, mouWarnDays).Format(time.DateOnly)
	count := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var ns []Notice
		var sid, emp int64
		var title, name, start, place, online string
		if err := eachRow(ctx, tx, `SELECT t.id, e.employee_id, p.title, t.name, t.start_time, t.place, t.online_url
			FROM training_session t JOIN programme p ON p.id = t.programme_id JOIN enrolment e ON e.session_id = t.id
			WHERE t.start_date = $1 AND t.status = 'terjadwal' AND e.status = $2 ORDER BY t.id, e.id`,
			[]any{tomorrow, string(model.EnrolSeat)}, []any{&sid, &emp, &title, &name, &start, &place, &online}, func() {
				if place == "" {
					place = online
				}
				ns = append(ns, Notice{EmployeeID: emp, Event: model.NoticeSessionTomorrow, Args: []string{title, name, start, place},
					Link: fmt.Sprintf("/angkatan/%d", sid), Dedup: fmt.Sprintf("tomorrow:%d", sid)})
			}); err != nil {
			return err
		}
		var pid int64
		var pname, mouNo, mouUntil string
		var partners []Notice
		if err := eachRow(ctx, tx, `SELECT id, name, mou_no, mou_until FROM provider
			WHERE active AND mou_until <> '' AND mou_until >= $1 AND mou_until <= $2 ORDER BY id`,
			[]any{now.Format(time.DateOnly), until}, []any{&pid, &pname, &mouNo, &mouUntil}, func() {
				partners = append(partners, Notice{Event: model.NoticeMoUExpiring, Args: []string{pname, mouNo, mouUntil},
					Link: fmt.Sprintf("/mitra/%d", pid), Dedup: fmt.Sprintf("mou:%d:%s", pid, mouUntil)})
			}); err != nil {
			return err
		}
		if len(partners) > 0 {
			var admins []int64
			var uid int64
			if err := eachRow(ctx, tx, `SELECT id FROM app_user WHERE active AND (role = $1 OR ','||grants||',' LIKE $2) ORDER BY id`,
				[]any{string(model.RoleAdminBKPSDM), "%," + string(model.GrantOperator) + ",%"}, []any{&uid}, func() { admins = append(admins, uid) }); err != nil {
				return err
			}
			for _, p := range partners {
				for _, u := range admins {
					p.UserID = u
					ns = append(ns, p)
				}
			}
		}
		for _, n := range ns {
			id, err := s.notify(ctx, tx, n)
			if err != nil {
				return err
			}
			if id != 0 {
				count++
			}
		}
		return nil
	})
	return count, err
}
