package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// CreateProviderAccount adds the sign-in account of a partner's staff
// (role penyelenggara, bound to u.ProviderID, no employee record, no
// grant), audited in the same transaction. The partner must exist; the
// password hash is already made (auth's rules are checked by the caller,
// which holds the plain password). Callers check policy.ProviderManage.
func (s *Store) CreateProviderAccount(ctx context.Context, a model.Actor, u *model.User) error {
	u.Username = strings.TrimSpace(u.Username)
	u.Role = model.RolePenyelenggara
	if u.Username == "" {
		return apperr.Invalid("username", "err.account.user_name_required")
	}
	if err := u.CheckBinding(); err != nil {
		return err
	}
	if u.Lang == "" {
		u.Lang = "id"
	}
	u.CreatedAt = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM provider WHERE id = $1`, u.ProviderID).Scan(&one); err != nil {
			if err == sql.ErrNoRows {
				return apperr.Invalid("provider_id", "err.catalogue.provider_not_found", u.ProviderID)
			}
			return fmt.Errorf("store: provider %d: %w", u.ProviderID, err)
		}
		return s.createUserTx(ctx, tx, a, u)
	})
}

// ProviderAccounts lists the accounts bound to a partner, by username.
func (s *Store) ProviderAccounts(ctx context.Context, providerID int64) ([]model.User, error) {
	return queryAll(ctx, s.db, `SELECT `+userCols+` FROM app_user WHERE provider_id = $1 ORDER BY username`,
		[]any{providerID}, scanUser)
}

// AllProviderAccounts lists every account bound to a partner, by username
// (a government has tens of partners and a few accounts each).
func (s *Store) AllProviderAccounts(ctx context.Context) ([]model.User, error) {
	return queryAll(ctx, s.db, `SELECT `+userCols+` FROM app_user WHERE provider_id IS NOT NULL ORDER BY username LIMIT 1000`,
		nil, scanUser)
}
