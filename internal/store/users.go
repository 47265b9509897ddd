package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

const userCols = `id, username, COALESCE(employee_id, 0), role, COALESCE(scope_unit_id, 0), password_hash, active, lang, created_at,
	COALESCE(provider_id, 0), grants, email`

func scanUser(sc interface{ Scan(...any) error }, u *model.User) error {
	var created int64
	var grants string
	err := sc.Scan(&u.ID, &u.Username, &u.EmployeeID, &u.Role, &u.ScopeUnitID, &u.PasswordHash, &u.Active, &u.Lang, &created,
		&u.ProviderID, &grants, &u.Email)
	u.CreatedAt = unixTime(created)
	u.Grants = model.ParseGrants(grants)
	return err
}

// CreateUser adds an account; PasswordHash must already be hashed.
func (s *Store) CreateUser(ctx context.Context, a model.Actor, u *model.User) error {
	u.Username = strings.TrimSpace(u.Username)
	if u.Username == "" {
		return apperr.Invalid("username", "err.account.user_name_required")
	}
	if !u.Role.Valid() {
		return apperr.Invalid("role", "err.common.role_unknown", u.Role)
	}
	if u.Lang == "" {
		u.Lang = "id"
	}
	u.CreatedAt = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createUserTx(ctx, tx, a, u) })
}

// createUserTx inserts account u and its audit row in tx.
func (s *Store) createUserTx(ctx context.Context, tx *sql.Tx, a model.Actor, u *model.User) error {
	id, err := insertID(ctx, tx, `INSERT INTO app_user (username, employee_id, role, scope_unit_id, password_hash, active, lang, created_at,
		provider_id, grants, email)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, u.Username, nullID(u.EmployeeID), string(u.Role), nullID(u.ScopeUnitID),
		u.PasswordHash, u.Active, u.Lang, u.CreatedAt.Unix(), nullID(u.ProviderID), model.GrantsText(u.Grants), strings.TrimSpace(u.Email))
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.account.account_already_exists", u.Username)
	}
	if err != nil {
		return fmt.Errorf("store: create user %s: %w", u.Username, err)
	}
	u.ID = id
	return s.audit(ctx, tx, a, "user.create", "user", id, map[string]any{"username": u.Username, "role": u.Role, "scope_unit_id": u.ScopeUnitID,
		"employee_id": u.EmployeeID, "provider_id": u.ProviderID, "grants": model.GrantsText(u.Grants)})
}

// UserByUsername finds an account by username (an employee's NIP is their
// username).
func (s *Store) UserByUsername(ctx context.Context, username string) (*model.User, error) {
	var u model.User
	if err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userCols+` FROM app_user WHERE username = $1`, username), &u); err != nil {
		return nil, notFound(err, "err.account.username_not_found", username)
	}
	return &u, nil
}

// User returns an account by ID.
func (s *Store) User(ctx context.Context, id int64) (*model.User, error) {
	var u model.User
	if err := scanUser(s.queryRow(ctx, `SELECT `+userCols+` FROM app_user WHERE id = $1`, id), &u); err != nil {
		return nil, notFound(err, "err.account.account_not_found", id)
	}
	return &u, nil
}

// UserByEmployee returns the account of an employee, if any.
func (s *Store) UserByEmployee(ctx context.Context, employeeID int64) (*model.User, error) {
	var u model.User
	if err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userCols+` FROM app_user WHERE employee_id = $1`, employeeID), &u); err != nil {
		return nil, notFound(err, "err.account.employee_has_no_account", employeeID)
	}
	return &u, nil
}

// UpdateUser saves role, scope, active flag, language and (when changed) the
// password hash, auditing what changed (never the hash itself).
func (s *Store) UpdateUser(ctx context.Context, a model.Actor, u *model.User) error {
	if !u.Role.Valid() {
		return apperr.Invalid("role", "err.common.role_unknown", u.Role)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old model.User
		if err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM app_user WHERE id = $1`, u.ID), &old); err != nil {
			return notFound(err, "err.account.account_not_found", u.ID)
		}
		ch := map[string]Change{}
		diff(ch, "role", string(old.Role), string(u.Role))
		diff(ch, "scope_unit_id", fmt.Sprint(old.ScopeUnitID), fmt.Sprint(u.ScopeUnitID))
		diff(ch, "active", fmt.Sprint(old.Active), fmt.Sprint(u.Active))
		diff(ch, "lang", old.Lang, u.Lang)
		diff(ch, "provider_id", fmt.Sprint(old.ProviderID), fmt.Sprint(u.ProviderID))
		diff(ch, "grants", model.GrantsText(old.Grants), model.GrantsText(u.Grants))
		diff(ch, "email", old.Email, strings.TrimSpace(u.Email))
		if old.PasswordHash != u.PasswordHash {
			ch["password"] = Change{"", "diubah"}
		}
		if len(ch) == 0 {
			return nil
		}
		if bindingChanged(ch) {
			// What ties the account to a partner or gives it grants
			// changed: check the new binding (model.User.CheckBinding).
			if err := u.CheckBinding(); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET role=$1, scope_unit_id=$2, active=$3, lang=$4, password_hash=$5,
			provider_id=$6, grants=$7, email=$8 WHERE id=$9`,
			string(u.Role), nullID(u.ScopeUnitID), u.Active, u.Lang, u.PasswordHash, nullID(u.ProviderID), model.GrantsText(u.Grants),
			strings.TrimSpace(u.Email), u.ID); err != nil {
			return err
		}
		if _, ok := ch["password"]; ok || !u.Active {
			// A new password (a reset or the owner's change) or a
			// deactivation ends every session and API token of the account.
			if _, err := tx.ExecContext(ctx, `DELETE FROM api_token WHERE user_id = $1`, u.ID); err != nil {
				return err
			}
			if err := endAllSessionsTx(ctx, tx, u.ID); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "user.update", "user", u.ID, ch)
	})
}

// Users lists accounts, optionally only those of employees in a unit subtree.
func (s *Store) Users(ctx context.Context, sc model.Scope) ([]model.User, error) {
	var a args
	q := `SELECT ` + userCols + ` FROM app_user`
	if !sc.All {
		q += ` WHERE employee_id IN (SELECT e.id FROM employee e WHERE ` + scopeClause(sc, &a) + `)`
	}
	return queryAll(ctx, s.db, q+` ORDER BY username LIMIT 1000`, a, scanUser)
}

// bindingChanged reports whether an update touches what model.User.CheckBinding
// checks: the role, the partner, the grants or the e-mail address.
func bindingChanged(ch map[string]Change) bool {
	for _, k := range []string{"role", "provider_id", "grants", "email"} {
		if _, ok := ch[k]; ok {
			return true
		}
	}
	return false
}
