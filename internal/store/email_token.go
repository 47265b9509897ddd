package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// The purposes of an e-mail link (email_token.purpose) and how long each
// lives.
const (
	LinkReset    = "reset"    // sets a new password
	LinkActivate = "aktivasi" // sets the first password and activates the account
)

// linkLife is how long a link of each purpose stays valid.
var linkLife = map[string]time.Duration{LinkReset: time.Hour, LinkActivate: 72 * time.Hour}

// linkGap is the least time between two links of one purpose to one
// account: asking again at once sends nothing, so the form cannot be used
// to flood someone's mailbox.
const linkGap = 2 * time.Minute

// SendEmailLink keeps the hash of a one-time token for userID's purpose
// (LinkReset or LinkActivate) and queues the e-mail carrying the link
// (path, with the token, on this server's BaseURL) to the account's
// address, in one transaction with its audit row. It reports false, having
// done nothing, when the account has no address, or already got a link of
// this purpose in the last two minutes.
func (s *Store) SendEmailLink(ctx context.Context, a model.Actor, userID int64, purpose, tokenHash, path string) (bool, error) {
	life, ok := linkLife[purpose]
	if !ok {
		return false, fmt.Errorf("store: e-mail link purpose %q", purpose)
	}
	now := s.Now()
	sent := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var username, lang, addr string
		err := tx.QueryRowContext(ctx, `SELECT u.username, u.lang, CASE WHEN u.email <> '' THEN u.email ELSE COALESCE(e.email, '') END
			FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id WHERE u.id = $1`, userID).Scan(&username, &lang, &addr)
		if err != nil {
			return notFound(err, "err.account.account_not_found", userID)
		}
		if addr == "" {
			return nil
		}
		var recent int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM email_token WHERE user_id = $1 AND purpose = $2 AND created_at > $3`,
			userID, purpose, now.Add(-linkGap).Unix()).Scan(&recent); err != nil {
			return err
		}
		if recent > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO email_token (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
			tokenHash, userID, purpose, now.Unix(), now.Add(life).Unix()); err != nil {
			return fmt.Errorf("store: e-mail token: %w", err)
		}
		l := i18n.Parse(lang)
		key := map[string]string{LinkReset: "mail.reset", LinkActivate: "mail.activate"}[purpose]
		if _, err := tx.ExecContext(ctx, `INSERT INTO mail_outbox (user_id, to_addr, subject, body, message_id, next_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
			userID, addr, l.T(key+".subject"), l.T(key+".body", username, s.URL(path))+"\n", newMessageID("t", userID), now.Unix()); err != nil {
			return fmt.Errorf("store: queue link: %w", err)
		}
		sent = true
		return s.audit(ctx, tx, a, "user.email_link", "user", userID, map[string]string{"purpose": purpose})
	})
	return sent, err
}

// EmailLinkUser returns the account a valid (unused, unexpired) link
// token belongs to and the link's purpose, without using it: the page that
// sets the password shows whose it is and checks the password's rules
// against the username first.
func (s *Store) EmailLinkUser(ctx context.Context, tokenHash string) (*model.User, string, error) {
	var userID int64
	var purpose string
	err := s.db.QueryRowContext(ctx, `SELECT user_id, purpose FROM email_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
		tokenHash, s.Now().Unix()).Scan(&userID, &purpose)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", apperr.New(apperr.ENOTFOUND, "err.notice.token_invalid")
	}
	if err != nil {
		return nil, "", err
	}
	u, err := s.User(ctx, userID)
	return u, purpose, err
}

// UseEmailLink spends a link token: sets the account's password to
// passwordHash, activates it when the link is an activation, ends every
// session and API token of the account (as a reset does), and voids the
// account's other links, in one transaction with its audit row. A used,
// expired or unknown token is refused.
func (s *Store) UseEmailLink(ctx context.Context, tokenHash, passwordHash string) (*model.User, error) {
	now := s.Now().Unix()
	var u model.User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var userID int64
		var purpose string
		err := tx.QueryRowContext(ctx, `UPDATE email_token SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
			RETURNING user_id, purpose`, now, tokenHash).Scan(&userID, &purpose)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.ENOTFOUND, "err.notice.token_invalid")
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE email_token SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL`, now, userID); err != nil {
			return err
		}
		activate := purpose == LinkActivate
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET password_hash = $1, active = (active OR $2) WHERE id = $3`, passwordHash, activate, userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM api_token WHERE user_id = $1`, userID); err != nil {
			return err
		}
		if err := endAllSessionsTx(ctx, tx, userID); err != nil {
			return err
		}
		if err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM app_user WHERE id = $1`, userID), &u); err != nil {
			return err
		}
		ch := map[string]Change{"password": {"", "diubah"}}
		if activate {
			ch["active"] = Change{"", "true"}
		}
		return s.audit(ctx, tx, model.Actor{UserID: userID, Name: u.Username}, "user.email_link_used", "user", userID, ch)
	})
	if err != nil {
		return nil, err
	}
	return &u, nil
}
