package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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

// The states of a queued mail (mail_outbox.state) that Go code writes;
// besides them terkirim (sent) and digabung (sent within a digest).
const (
	mailQueued = "antri"  // waiting for a worker
	mailFailed = "gagal"  // given up after the last retry
	mailDigest = "harian" // waiting for the daily digest (023)
)

// notify writes the notice to the recipient's inbox and, as the account's
// preference for the event says, queues its e-mail now (surel), parks it
// for the daily digest (harian) or sends none (aplikasi). It returns the
// notification's ID, or 0 when nobody was told (no account, an inactive
// one, or a repeated Dedup).
func (s *Store) notify(ctx context.Context, tx *sql.Tx, n Notice) (int64, error) {
	var userID int64
	var lang, addr, channel string
	var active bool
	q := `SELECT u.id, u.lang, u.active, CASE WHEN u.email <> '' THEN u.email ELSE COALESCE(e.email, '') END,
		COALESCE((SELECT p.channel FROM notification_pref p WHERE p.user_id = u.id AND p.event = $2), '')
		FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id WHERE `
	var err error
	if n.UserID != 0 {
		err = tx.QueryRowContext(ctx, q+`u.id = $1`, n.UserID, string(n.Event)).Scan(&userID, &lang, &active, &addr, &channel)
	} else {
		err = tx.QueryRowContext(ctx, q+`u.employee_id = $1`, n.EmployeeID, string(n.Event)).Scan(&userID, &lang, &active, &addr, &channel)
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
	now := s.Now().Unix()
	// A repeated Dedup writes nothing (no row returned), also when two app
	// nodes' daily passes race on it: the second waits for the first.
	id, err := insertID(ctx, tx, `INSERT INTO notification (user_id, event, args, link, dedup, created_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (user_id, dedup) WHERE dedup <> '' DO NOTHING`,
		userID, string(n.Event), string(args), n.Link, n.Dedup, now)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: notify: %w", err)
	}
	state := mailQueued
	switch model.NoticeChannel(channel) {
	case model.ChannelApp:
		return id, nil
	case model.ChannelDigest:
		state = mailDigest
	}
	if addr == "" {
		return id, nil
	}
	subject, body := i18n.Notice(i18n.Parse(lang), string(n.Event), n.Args)
	body += "\n\n" + i18n.T(i18n.Parse(lang), "notice.open", s.URL(n.Link)) + "\n"
	if _, err := tx.ExecContext(ctx, `INSERT INTO mail_outbox (notification_id, user_id, to_addr, subject, body, message_id, state, next_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, id, userID, addr, subject, body, newMessageID("n", id), state, now, now); err != nil {
		return 0, fmt.Errorf("store: queue mail: %w", err)
	}
	return id, nil
}

// URL is the full address of a path of this server, for links in e-mails.
func (s *Store) URL(path string) string {
	base := s.BaseURL
	if base == "" {
		base = "http://localhost:8080"
	}
	return strings.TrimRight(base, "/") + path
}

// newMessageID makes the Message-ID a queued mail keeps for life: a retry
// after a crash sends the same header, so a receiving server or client
// sees one message, not two. kind is "n" for a notification, "d" for a
// digest, "t" for an e-mail link.
func newMessageID(kind string, id int64) string {
	var b [8]byte
	rand.Read(b[:])
	return fmt.Sprintf("<%s%d.%s@kompeten>", kind, id, hex.EncodeToString(b[:]))
}

// Notify raises one notice in a transaction of its own, for a producer
// outside the store (a command, a test) with no write to join.
func (s *Store) Notify(ctx context.Context, n Notice) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.notify(ctx, tx, n)
		return err
	})
	return id, err
}
