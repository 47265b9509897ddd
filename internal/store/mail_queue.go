package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
)

// OutMail is one queued e-mail as a worker claims it.
type OutMail struct {
	ID        int64
	To        string
	Subject   string
	Body      string
	MessageID string // with its angle brackets, the same on every attempt
	Attempts  int    // attempts before this one
}

// ClaimMail claims up to n due mails for worker by until now+lease: rows
// queued (antri), due (next_at), and not claimed by a live lease. A worker
// that dies with mails claimed leaves them to whoever claims after the
// lease: they are sent again, with the same Message-ID.
//
// On PostgreSQL the rows are chosen FOR UPDATE SKIP LOCKED inside the
// claiming statement, so that workers of several app nodes racing on one
// queue each take different rows and never wait for each other; on SQLite
// the one writer makes the UPDATE itself the claim.
func (s *Store) ClaimMail(ctx context.Context, by string, n int, lease time.Duration) ([]OutMail, error) {
	now := s.Now()
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var out []OutMail
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, tx, `UPDATE mail_outbox SET claimed_until = $1, claimed_by = $2
			WHERE id IN (SELECT id FROM mail_outbox WHERE state = 'antri' AND next_at <= $3 AND claimed_until <= $3
				ORDER BY next_at, id LIMIT $4`+lock+`)
			RETURNING id, to_addr, subject, body, message_id, attempts`,
			[]any{now.Add(lease).Unix(), by, now.Unix(), n}, func(sc interface{ Scan(...any) error }, m *OutMail) error {
				return sc.Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.MessageID, &m.Attempts)
			})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim mail: %w", err)
	}
	return out, nil
}

// MailSent marks a claimed mail sent.
func (s *Store) MailSent(ctx context.Context, id int64) error {
	now := s.Now().Unix()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'terkirim', sent_at = $1, attempts = attempts + 1, claimed_until = 0, last_error = ''
			WHERE id = $2 AND state = 'antri'`, now, id)
		return err
	})
}

// ReleaseMail gives back mails that worker by claimed and did not attempt
// (its lease ran short, or it is stopping): due again at once, no attempt
// counted. A mail another worker has claimed since is left alone.
func (s *Store) ReleaseMail(ctx context.Context, by string, ids []int64) error {
	var a args
	by = a.add(by)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET claimed_until = 0 WHERE state = 'antri' AND claimed_by = `+by+`
			AND id IN (`+inList(&a, ids)+`)`, a...)
		return err
	})
}

// MailFailed records a failed attempt: the mail is tried again at retry,
// or, when retry is the zero time, given up (gagal).
func (s *Store) MailFailed(ctx context.Context, id int64, reason string, retry time.Time) error {
	state, next := mailQueued, s.Now().Unix()
	if retry.IsZero() {
		state = mailFailed
	} else {
		next = retry.Unix()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = $1, next_at = $2, attempts = attempts + 1, claimed_until = 0, last_error = $3
			WHERE id = $4 AND state = 'antri'`, state, next, truncate(reason, 500), id)
		return err
	})
}

// MailCounts counts the queue's mails by state.
func (s *Store) MailCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	var state string
	var n int
	err := eachRow(ctx, s.db, `SELECT state, COUNT(*) FROM mail_outbox GROUP BY state`, nil, []any{&state, &n}, func() { out[state] = n })
	return out, err
}

// MailRow is a queued mail as an operator or a test sees it.
type MailRow struct {
	OutMail
	State     string
	NextAt    time.Time
	LastError string
}

// Mails lists the queue for user (0: everyone), oldest first.
func (s *Store) Mails(ctx context.Context, userID int64) ([]MailRow, error) {
	return queryAll(ctx, s.db, `SELECT id, to_addr, subject, body, message_id, attempts, state, next_at, last_error FROM mail_outbox
		WHERE $1 = 0 OR user_id = $1 ORDER BY id`, []any{userID}, func(sc interface{ Scan(...any) error }, m *MailRow) error {
		var next int64
		err := sc.Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.MessageID, &m.Attempts, &m.State, &next, &m.LastError)
		m.NextAt = time.Unix(next, 0)
		return err
	})
}

// QueueDigests gathers, per account, the mails parked for the daily digest
// (state harian) into one digest mail, queued at once, and marks them
// digabung. The daily pass calls it once a day; a second call the same day
// finds nothing parked. It returns how many digests it queued.
func (s *Store) QueueDigests(ctx context.Context) (int, error) {
	type parked struct {
		id, user          int64
		to, subject, lang string
	}
	now := s.Now().Unix()
	count := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var rows []parked
		var p parked
		if err := eachRow(ctx, tx, `SELECT m.id, m.user_id, m.to_addr, m.subject, u.lang FROM mail_outbox m JOIN app_user u ON u.id = m.user_id
			WHERE m.state = 'harian' ORDER BY m.user_id, m.id`, nil, []any{&p.id, &p.user, &p.to, &p.subject, &p.lang}, func() { rows = append(rows, p) }); err != nil {
			return err
		}
		for i := 0; i < len(rows); {
			j := i
			for j < len(rows) && rows[j].user == rows[i].user {
				j++
			}
			l := i18n.Parse(rows[i].lang)
			var b strings.Builder
			b.WriteString(l.T("notice.digest.intro") + "\n\n")
			for _, r := range rows[i:j] {
				b.WriteString("- " + r.subject + "\n")
			}
			b.WriteString("\n" + l.T("notice.open", s.URL("/kotak-masuk")) + "\n")
			_, err := insertID(ctx, tx, `INSERT INTO mail_outbox (user_id, to_addr, subject, body, message_id, state, next_at, created_at)
				VALUES ($1, $2, $3, $4, $5, 'antri', $6, $6)`, rows[i].user, rows[j-1].to, l.T("notice.digest.subject", j-i), b.String(),
				newMessageID("d", rows[i].user), now)
			if err != nil {
				return fmt.Errorf("store: queue digest: %w", err)
			}
			a := &args{}
			ids := make([]int64, 0, j-i)
			for _, r := range rows[i:j] {
				ids = append(ids, r.id)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'digabung' WHERE id IN (`+inList(a, ids)+`)`, (*a)...); err != nil {
				return err
			}
			count++
			i = j
		}
		return nil
	})
	return count, err
}
