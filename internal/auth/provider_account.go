package auth

import (
	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// PrepareProviderAccount readies a partner's new account u before
// store.CreateProviderAccount, the same for the web form and the API: it
// needs an e-mail address (where the account is mailed); an initial
// password must pass CheckNewPassword and makes the account active, and
// none leaves it inactive behind a random password nobody knows until it
// is activated.
func PrepareProviderAccount(u *model.User, password string) error {
	if u.Email == "" {
		return apperr.Invalid("email", "err.grant.email_required")
	}
	u.Active = password != ""
	if password == "" {
		password = RandomPassword()
	} else if err := CheckNewPassword(password, u.Username); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	return nil
}
