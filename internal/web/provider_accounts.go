package web

import (
	"context"
	"net/http"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// providerAccountRow is a partner's account as the list shows it.
type providerAccountRow struct {
	model.User
	Partner string
}

// providerAccountsData is the "Akun penyelenggara" section: the partners'
// accounts and the form that creates one. It is a section of /akun for
// those who manage accounts, and a page of its own (/akun/penyelenggara)
// for operators, who administer partners without managing accounts.
type providerAccountsData struct {
	Lang      i18n.Lang
	Providers []model.Provider
	Rows      []providerAccountRow
	Notice    string // catalogue key
}

// providerAccounts reads the section's data.
func (s *server) providerAccounts(ctx context.Context, lang i18n.Lang) (*providerAccountsData, error) {
	provs, err := s.st.Providers(ctx)
	if err != nil {
		return nil, err
	}
	users, err := s.st.AllProviderAccounts(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, p := range provs {
		names[p.ID] = p.Name
	}
	d := &providerAccountsData{Lang: lang, Providers: provs}
	for _, u := range users {
		d.Rows = append(d.Rows, providerAccountRow{User: u, Partner: names[u.ProviderID]})
	}
	return d, nil
}

// providerAccountPage shows the partners' accounts and the form (GET
// /akun/penyelenggara).
func (s *server) providerAccountPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.providerAccounts(r.Context(), langOf(r))
	if err != nil {
		return err
	}
	if r.URL.Query().Get("ok") == "created" {
		d.Notice = "accounts.provider_created"
	}
	s.render(w, r, http.StatusOK, "provider_accounts", "accounts.provider_title", d)
	return nil
}

// providerAccountCreate creates a partner's account (POST
// /akun/penyelenggara): a username, the e-mail address the account is
// mailed at, and either an initial password, held to auth's rules for a
// chosen password, or none, which leaves the account inactive (with a
// random password nobody knows) until it is activated.
func (s *server) providerAccountCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	u := &model.User{Role: model.RolePenyelenggara, ProviderID: f.Int64("provider", "err.grant.provider_required"),
		Username: f.Text("username"), Email: f.Text("email"), Lang: string(langOf(r))}
	if err := f.Err(); err != nil {
		return err
	}
	if err := auth.PrepareProviderAccount(u, r.PostFormValue("password")); err != nil {
		return err
	}
	if err := s.st.CreateProviderAccount(r.Context(), actor(p), u); err != nil {
		return err
	}
	if policy.Allowed(p, policy.AccountManage) {
		http.Redirect(w, r, "/akun?ok=provider#akun-penyelenggara", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/akun/penyelenggara?ok=created", http.StatusSeeOther)
	return nil
}
