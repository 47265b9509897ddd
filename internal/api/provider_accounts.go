package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// Partners' accounts (issue 13) as JSON, over store/provider_accounts.go,
// with the rules of the web form on /akun: made by whoever administers
// partners (provider.manage: BKPSDM and operators), bound to one partner,
// with an initial password under auth's rules or inactive without one.

// providerAccountJSON is a partner's account; never its password.
type providerAccountJSON struct {
	ID         int64  `json:"id"`
	Username   string `json:"username"`
	Email      string `json:"email"`
	ProviderID int64  `json:"provider_id"`
	Active     bool   `json:"active"`
	CreatedAt  string `json:"created_at"`
}

func toProviderAccountJSON(u *model.User) providerAccountJSON {
	return providerAccountJSON{ID: u.ID, Username: u.Username, Email: u.Email, ProviderID: u.ProviderID, Active: u.Active,
		CreatedAt: u.CreatedAt.UTC().Format(time.RFC3339)}
}

// providerAccountInput is the body of POST /provider-accounts.
type providerAccountInput struct {
	ProviderID int64  `json:"provider_id"`
	Username   string `json:"username"`
	Email      string `json:"email"`
	Password   string `json:"password"`
}

// createProviderAccount answers POST /provider-accounts (audited as
// user.create).
func (a *API) createProviderAccount(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in providerAccountInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	u := &model.User{Role: model.RolePenyelenggara, ProviderID: in.ProviderID, Username: strings.TrimSpace(in.Username),
		Email: strings.TrimSpace(in.Email)}
	if err := auth.PrepareProviderAccount(u, in.Password); err != nil {
		return err
	}
	if err := a.st.CreateProviderAccount(r.Context(), actor(p), u); err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/providers/"+strconv.FormatInt(u.ProviderID, 10)+"/accounts")
	writeJSON(w, http.StatusCreated, toProviderAccountJSON(u))
	return nil
}

// listProviderAccounts answers GET /providers/{id}/accounts: the partner's
// accounts by username (404 for a partner that does not exist).
func (a *API) listProviderAccounts(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := a.st.Provider(ctx, id); err != nil {
		return err
	}
	list, err := a.st.ProviderAccounts(ctx, id)
	if err != nil {
		return err
	}
	out := make([]providerAccountJSON, 0, len(list))
	for i := range list {
		out = append(out, toProviderAccountJSON(&list[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}
