package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Notification is one entry of a person's inbox. Its text is rendered for
// the reader (i18n.Notice) from Event and Args.
type Notification struct {
	ID      int64             `json:"id"`
	Event   model.NoticeEvent `json:"event"`
	Args    []string          `json:"args"`
	Link    string            `json:"link"`
	Created time.Time         `json:"created_at"`
	Read    bool              `json:"read"`
}

// Notifications lists userID's inbox, newest first: at most limit entries
// with IDs below before (0: from the newest), so that a long inbox pages by
// keyset on the notification_user index.
func (s *Store) Notifications(ctx context.Context, userID, before int64, limit int) ([]Notification, error) {
	if before <= 0 {
		before = 1 << 62
	}
	return queryAll(ctx, s.db, `SELECT id, event, args, link, created_at, read_at IS NOT NULL FROM notification
		WHERE user_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`, []any{userID, before, limit},
		func(sc interface{ Scan(...any) error }, n *Notification) error {
			var args string
			var created int64
			if err := sc.Scan(&n.ID, &n.Event, &args, &n.Link, &created, &n.Read); err != nil {
				return err
			}
			n.Created = time.Unix(created, 0)
			return json.Unmarshal([]byte(args), &n.Args)
		})
}

// UnreadNotifications counts userID's unread notifications, on the partial
// index notification_unread, cheap enough for every page's menu.
func (s *Store) UnreadNotifications(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM notification WHERE user_id = $1 AND read_at IS NULL`, userID).Scan(&n)
	return n, err
}

// OpenNotification marks userID's notification id read and returns it (to
// follow its link). Another account's notification is not found.
func (s *Store) OpenNotification(ctx context.Context, userID, id int64) (*Notification, error) {
	var n Notification
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var args string
		var created int64
		err := tx.QueryRowContext(ctx, `SELECT id, event, args, link, created_at FROM notification WHERE id = $1 AND user_id = $2`, id, userID).
			Scan(&n.ID, &n.Event, &args, &n.Link, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.ENOTFOUND, "err.notice.not_found", id)
		}
		if err != nil {
			return err
		}
		n.Created, n.Read = time.Unix(created, 0), true
		if err := json.Unmarshal([]byte(args), &n.Args); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE notification SET read_at = $1 WHERE id = $2 AND read_at IS NULL`, s.Now().Unix(), id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// ReadAllNotifications marks every notification of userID read.
func (s *Store) ReadAllNotifications(ctx context.Context, userID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE notification SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL`, s.Now().Unix(), userID)
		return err
	})
}

// NoticePrefs returns userID's channel for every event (model.NoticeEvents),
// surel where none was chosen.
func (s *Store) NoticePrefs(ctx context.Context, userID int64) (map[model.NoticeEvent]model.NoticeChannel, error) {
	out := map[model.NoticeEvent]model.NoticeChannel{}
	for _, e := range model.NoticeEvents {
		out[e] = model.ChannelMail
	}
	var ev, ch string
	err := eachRow(ctx, s.db, `SELECT event, channel FROM notification_pref WHERE user_id = $1`, []any{userID}, []any{&ev, &ch}, func() {
		if model.NoticeEvent(ev).Valid() && model.NoticeChannel(ch).Valid() {
			out[model.NoticeEvent(ev)] = model.NoticeChannel(ch)
		}
	})
	return out, err
}

// SetNoticePrefs stores userID's channels for the events given (others keep
// theirs), audited as a change of the account.
func (s *Store) SetNoticePrefs(ctx context.Context, a model.Actor, userID int64, prefs map[model.NoticeEvent]model.NoticeChannel) error {
	for e, c := range prefs {
		if !e.Valid() {
			return apperr.Invalid("event", "err.notice.event_unknown", string(e))
		}
		if !c.Valid() {
			return apperr.Invalid(string(e), "err.notice.channel_unknown", string(c))
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		ch := map[string]Change{}
		for _, e := range model.NoticeEvents {
			c, ok := prefs[e]
			if !ok {
				continue
			}
			var old string
			err := tx.QueryRowContext(ctx, `SELECT channel FROM notification_pref WHERE user_id = $1 AND event = $2`, userID, string(e)).Scan(&old)
			if errors.Is(err, sql.ErrNoRows) {
				old = string(model.ChannelMail)
			} else if err != nil {
				return err
			}
			if old == string(c) {
				continue
			}
			diff(ch, string(e), old, string(c))
			if _, err := tx.ExecContext(ctx, `DELETE FROM notification_pref WHERE user_id = $1 AND event = $2`, userID, string(e)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO notification_pref (user_id, event, channel) VALUES ($1, $2, $3)`, userID, string(e), string(c)); err != nil {
				return fmt.Errorf("store: notice preference: %w", err)
			}
		}
		if len(ch) == 0 {
			return nil
		}
		return s.audit(ctx, tx, a, "notice.prefs", "user", userID, ch)
	})
}
