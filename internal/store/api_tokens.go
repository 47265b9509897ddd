package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// tokenTouchEvery is how stale a token's last-use time may grow before a
// request through it is recorded: an API client's reads stay reads, and
// the owner still sees within the hour which tokens are in use.
const tokenTouchEvery = time.Hour

const tokenCols = `id, user_id, name, created_at, expires_at, last_used_at, read_only`

func scanToken(sc interface{ Scan(...any) error }, t *model.APIToken) error {
	var created, expires, used int64
	if err := sc.Scan(&t.ID, &t.UserID, &t.Name, &created, &expires, &used, &t.ReadOnly); err != nil {
		return err
	}
	t.Created, t.Expires = unixTime(created), unixTime(expires)
	if used != 0 {
		t.LastUsed = unixTime(used)
	}
	return nil
}

// CreateAPIToken stores t (validated; Created set to now) with the hash of
// the token it stands for, audited.
func (s *Store) CreateAPIToken(ctx context.Context, a model.Actor, t *model.APIToken, tokenHash string) error {
	now := s.Now()
	if err := t.Validate(now); err != nil {
		return err
	}
	t.Created = now
	return s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := insertID(ctx, tx, `INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at, read_only)
			VALUES ($1, $2, $3, $4, $5, $6)`, t.UserID, t.Name, tokenHash, now.Unix(), t.Expires.Unix(), t.ReadOnly)
		if err != nil {
			return fmt.Errorf("store: create token: %w", err)
		}
		t.ID = id
		return s.audit(ctx, tx, a, "token.create", "user", t.UserID,
			map[string]any{"token_id": id, "name": t.Name, "expires": t.Expires.Format(time.DateOnly), "read_only": t.ReadOnly})
	})
}

// APITokens lists userID's tokens that have not expired, newest first.
func (s *Store) APITokens(ctx context.Context, userID int64) ([]model.APIToken, error) {
	return queryAll(ctx, s.db, `SELECT `+tokenCols+` FROM api_token WHERE user_id = $1 AND expires_at > $2
		ORDER BY created_at DESC, id DESC`, []any{userID, s.Now().Unix()}, scanToken)
}

// RevokeAPIToken deletes token id of userID, audited; another account's
// token is "not found".
func (s *Store) RevokeAPIToken(ctx context.Context, a model.Actor, userID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM api_token WHERE id = $1 AND user_id = $2`, id, userID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.ENOTFOUND, "err.token.not_found", id)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM api_token WHERE id = $1`, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "token.revoke", "user", userID, map[string]any{"token_id": id, "name": name})
	})
}

// TokenOwner returns the token whose hash is given and its account, which
// must be active; an expired token is EUNAUTHORIZED with its own message.
// It records the use when the stored last use is older than tokenTouchEvery.
func (s *Store) TokenOwner(ctx context.Context, tokenHash string) (*model.User, *model.APIToken, error) {
	var t model.APIToken
	if err := scanToken(s.queryRow(ctx, `SELECT `+tokenCols+` FROM api_token WHERE token_hash = $1`, tokenHash), &t); err != nil {
		return nil, nil, notFound(err, "err.account.token_unknown")
	}
	now := s.Now()
	if t.Expired(now) {
		return nil, nil, apperr.New(apperr.EUNAUTHORIZED, "err.token.expired", t.Expires.Format(time.DateOnly))
	}
	var u model.User
	if err := scanUser(s.queryRow(ctx, `SELECT `+userCols+` FROM app_user WHERE id = $1 AND active = TRUE`, t.UserID), &u); err != nil {
		return nil, nil, notFound(err, "err.account.token_unknown")
	}
	if now.Sub(t.LastUsed) > tokenTouchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE api_token SET last_used_at = $1 WHERE id = $2`, now.Unix(), t.ID); err != nil {
			return nil, nil, err
		}
		t.LastUsed = now
	}
	return &u, &t, nil
}
