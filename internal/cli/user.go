package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
)

func init() {
	register("user", "cli.summary.user", runUser)
}

func runUser(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "user", "db")
	role := fs.String("role", "pegawai", msg("cli.flag.user.role"))
	empNIP := fs.String("nip", "", msg("cli.flag.user.nip"))
	scopeUnit := fs.Int64("scope-unit", 0, msg("cli.flag.user.scope-unit"))
	tokenName := fs.String("name", "", msg("cli.flag.user.name"))
	tokenDays := fs.Int("days", int(model.DefaultTokenLifetime/(24*time.Hour)), msg("cli.flag.user.days"))
	readOnly := fs.Bool("read-only", false, msg("cli.flag.user.read-only"))
	grantList := fs.String("grants", "", msg("cli.flag.user.grants"))
	providerID := fs.Int64("provider", 0, msg("cli.flag.user.provider"))
	email := fs.String("email", "", msg("cli.flag.user.email"))
	pos, err := parseArgs(fs, args) // options before or after the positionals
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		fs.Usage()
		return apperr.New(apperr.EINVALID, "err.cli.user_usage")
	}
	action, username, rest := pos[0], nip.Normalize(pos[1]), pos[2:]
	st, err := resolveAndOpen(ctx, resolve)
	if err != nil {
		return err
	}
	defer st.Close()
	if !model.Role(*role).Valid() {
		return apperr.Invalid("role", "err.common.role_unknown", *role)
	}
	switch action {
	case "create":
		pw := auth.RandomPassword()
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		grants, err := parseGrantList(*grantList)
		if err != nil {
			return err
		}
		u := &model.User{Username: username, Role: model.Role(*role), ScopeUnitID: *scopeUnit, PasswordHash: hash, Active: true,
			ProviderID: *providerID, Email: *email, Grants: grants}
		if u.Role == model.RolePenyelenggara {
			// A partner's account: bound to its partner, checked as the
			// web form and the API check it.
			if err := st.CreateProviderAccount(ctx, cliActor, u); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, msg("cli.user.created", u.Username, u.Role, pw))
			return nil
		}
		if err := u.CheckBinding(); err != nil {
			return err
		}
		if *empNIP != "" {
			e, err := st.EmployeeByNIP(ctx, nip.Normalize(*empNIP))
			if err != nil {
				return err
			}
			u.EmployeeID = e.ID
		}
		if err := st.CreateUser(ctx, cliActor, u); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, msg("cli.user.created", u.Username, u.Role, pw))
		return nil
	case "token":
		u, err := st.UserByUsername(ctx, username)
		if err != nil {
			return err
		}
		tok := auth.RandomSecret(32)
		t := &model.APIToken{UserID: u.ID, Name: *tokenName, ReadOnly: *readOnly,
			Expires: st.Now().Add(time.Duration(*tokenDays) * 24 * time.Hour)}
		if err := st.CreateAPIToken(ctx, cliActor, t, auth.TokenHash(tok)); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, msg("cli.user.token", t.Name, t.ID, u.Username, t.Expires.Format(time.DateOnly), tok))
		return nil
	case "tokens":
		u, err := st.UserByUsername(ctx, username)
		if err != nil {
			return err
		}
		list, err := st.APITokens(ctx, u.ID)
		if err != nil {
			return err
		}
		head := strings.Split(msg("cli.user.tokens_head"), "|")
		fmt.Fprintf(env.Stdout, "%-6s %-30s %-11s %-11s %-16s %s\n", head[0], head[1], head[2], head[3], head[4], head[5])
		for _, t := range list {
			used, rights := "-", msg("cli.user.token_write")
			if !t.LastUsed.IsZero() {
				used = t.LastUsed.Format("2006-01-02 15:04")
			}
			if t.ReadOnly {
				rights = msg("cli.user.token_read")
			}
			fmt.Fprintf(env.Stdout, "%-6d %-30s %-11s %-11s %-16s %s\n", t.ID, t.Name, t.Created.Format(time.DateOnly),
				t.Expires.Format(time.DateOnly), used, rights)
		}
		return nil
	case "revoke-token":
		u, err := st.UserByUsername(ctx, username)
		if err != nil {
			return err
		}
		if len(rest) != 1 {
			return apperr.New(apperr.EINVALID, "err.cli.user_usage")
		}
		id, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil {
			return apperr.Invalid("id", "err.token.not_found", rest[0])
		}
		if err := st.RevokeAPIToken(ctx, cliActor, u.ID, id); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, msg("cli.user.token_revoked", id, u.Username))
		return nil
	case "set-grants":
		u, err := st.UserByUsername(ctx, username)
		if err != nil {
			return err
		}
		if u.Grants, err = parseGrantList(*grantList); err != nil {
			return err
		}
		if err := st.UpdateUser(ctx, cliActor, u); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, msg("cli.user.grants", u.Username, model.GrantsText(u.Grants)))
		return nil
	case "set-role", "reset-password", "activate", "deactivate":
		u, err := st.UserByUsername(ctx, username)
		if err != nil {
			return err
		}
		pw := ""
		switch action {
		case "set-role":
			u.Role, u.ScopeUnitID = model.Role(*role), *scopeUnit
		case "reset-password":
			pw = auth.RandomPassword()
			if u.PasswordHash, err = auth.HashPassword(pw); err != nil {
				return err
			}
		case "activate":
			u.Active = true
		case "deactivate":
			u.Active = false
		}
		if err := st.UpdateUser(ctx, cliActor, u); err != nil {
			return err
		}
		if pw != "" {
			fmt.Fprintln(env.Stdout, msg("cli.user.new_password", u.Username, pw))
		} else {
			fmt.Fprintln(env.Stdout, msg("cli.user.state", u.Username, u.Role, u.Active))
		}
		return nil
	}
	fs.Usage()
	return apperr.New(apperr.EINVALID, "err.cli.action_unknown", action)
}

// parseGrantList reads the --grants option: grant names separated by
// commas; an unknown name is refused rather than dropped, so that a typo
// does not silently take a grant away.
func parseGrantList(s string) ([]model.Grant, error) {
	var gs []model.Grant
	for _, part := range strings.Split(s, ",") {
		g := model.Grant(strings.TrimSpace(part))
		if g == "" {
			continue
		}
		if !g.Valid() {
			return nil, apperr.Invalid("grants", "err.grant.unknown", string(g))
		}
		gs = append(gs, g)
	}
	return model.ParseGrants(model.GrantsText(gs)), nil
}
