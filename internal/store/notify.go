package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// Notice is one event for one person, raised by a store write inside the
// transaction of the change that causes it, so that a change and its
// notification stand or fall together.
type Notice struct {
	UserID     int64 // the account to tell; or
	EmployeeID int64 // the employee whose account to tell (without an account nobody is told)
	Event      model.NoticeEvent
	Args       []string // the message's arguments, in the catalogue's order (names, titles, ISO dates)
	Link       string   // the path of the page that acts on it
	Dedup      string   // not empty: the event happens once per account (daily passes)
}

// notify writes the notice to the recipient's inbox and queues its e-mail.
// It returns the notification's ID, or 0 when nobody was told (no account,
// an inactive one, or a repeated Dedup).
func (s *Store) notify(ctx context.Context, tx *sql.Tx, n Notice) (int64, error) {
	var userID int64
	var lang, addr string
	var active bool
	q := `SELECT u.id, u.lang, u.active, CASE WHEN u.email <> '' THEN u.email ELSE COALESCE(e.email, '') END
		FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id WHERE `
	var err error
	if n.UserID != 0 {
		err = tx.QueryRowContext(ctx, q+`u.id = $1`, n.UserID).Scan(&userID, &lang, &active, &addr)
	} else {
		err = tx.QueryRowContext(ctx, q+`u.employee_id = $1`, n.EmployeeID).Scan(&userID, &lang, &active, &addr)
	}
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !active) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: notice recipient: %w", err)
	}
	args, err := json.Marshal(n.Args)
	if err != nil {
		return 0, err
	}
	if n.Args == nil {
		args = []byte("[]")
	}
	if n.Dedup != "" {
		var seen int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM notification WHERE user_id = $1 AND dedup = $2`, userID, n.Dedup).Scan(&seen); err != nil {
			return 0, err
		}
		if seen > 0 {
			return 0, nil
		}
	}
	now := s.Now().Unix()
	id, err := insertID(ctx, tx, `INSERT INTO notification (user_id, event, args, link, dedup, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		userID, string(n.Event), string(args), n.Link, n.Dedup, now)
	if err != nil {
		return 0, fmt.Errorf("store: notify: %w", err)
	}
	if addr == "" {
		return id, nil
	}
	l := i18n.Parse(lang)
	subject := l.T("notice."+string(n.Event)+".subject", noticeArgs(n.Args)...)
	body := l.T("notice."+string(n.Event)+".body", noticeArgs(n.Args)...)
	if _, err := tx.ExecContext(ctx, `INSERT INTO mail_outbox (notification_id, user_id, to_addr, subject, body, message_id, next_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, userID, addr, subject, body+"\n\n"+n.Link, newMessageID(id), now, now); err != nil {
		return 0, fmt.Errorf("store: queue mail: %w", err)
	}
	return id, nil
}

// noticeArgs hands a notice's arguments to its message.
func noticeArgs(args []string) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
	}
	return out
}

// newMessageID makes the Message-ID a queued mail keeps for life: a retry
// after a crash sends the same header, so a receiving server or client
// sees one message, not two.
func newMessageID(notificationID int64) string {
	var b [8]byte
	rand.Read(b[:])
	return fmt.Sprintf("<n%d.%s@kompeten>", notificationID, hex.EncodeToString(b[:]))
}
