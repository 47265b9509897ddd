package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
)

func init() {
	register("user", "kelola akun: create, set-role, reset-password, activate, deactivate, token, tokens, revoke-token", runUser)
}

func runUser(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "user", "db")
	role := fs.String("role", "pegawai", "peran: pegawai, atasan, admin_opd, admin_bkpsdm, penyelenggara, pimpinan, auditor, superadmin")
	empNIP := fs.String("nip", "", "NIP pegawai pemilik akun (create)")
	scopeUnit := fs.Int64("scope-unit", 0, "ID unit yang dikelola admin_opd")
	tokenName := fs.String("name", "", "nama token API (token): untuk apa token dipakai")
	tokenDays := fs.Int("days", int(model.DefaultTokenLifetime/(24*time.Hour)), "masa berlaku token API dalam hari (token), paling lama 365")
	readOnly := fs.Bool("read-only", false, "token API hanya untuk membaca (token)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Penggunaan:\n  kompeten user create USERNAME [--role R] [--nip NIP] [--scope-unit ID]\n  kompeten user set-role USERNAME --role R [--scope-unit ID]\n  kompeten user reset-password USERNAME\n  kompeten user activate|deactivate USERNAME\n  kompeten user token USERNAME --name NAMA [--days 90] [--read-only]   (token API baru)\n  kompeten user tokens USERNAME   (daftar token API)\n  kompeten user revoke-token USERNAME ID")
		fs.PrintDefaults()
	}
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
		u := &model.User{Username: username, Role: model.Role(*role), ScopeUnitID: *scopeUnit, PasswordHash: hash, Active: true}
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
		fmt.Fprintf(env.Stdout, "akun %s (%s) dibuat; kata sandi: %s\n", u.Username, u.Role, pw)
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
		fmt.Fprintf(env.Stdout, "token API %q (nomor %d) untuk %s, berlaku sampai %s (simpan, tidak ditampilkan lagi): %s\n",
			t.Name, t.ID, u.Username, t.Expires.Format(time.DateOnly), tok)
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
		fmt.Fprintf(env.Stdout, "%-6s %-30s %-11s %-11s %-16s %s\n", "NOMOR", "NAMA", "DIBUAT", "BERAKHIR", "TERAKHIR DIPAKAI", "HAK")
		for _, t := range list {
			used, rights := "-", "baca-tulis"
			if !t.LastUsed.IsZero() {
				used = t.LastUsed.Format("2006-01-02 15:04")
			}
			if t.ReadOnly {
				rights = "baca saja"
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
		fmt.Fprintf(env.Stdout, "token API nomor %d milik %s dicabut\n", id, u.Username)
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
			fmt.Fprintf(env.Stdout, "kata sandi baru %s: %s\n", u.Username, pw)
		} else {
			fmt.Fprintf(env.Stdout, "akun %s: peran %s, aktif %v\n", u.Username, u.Role, u.Active)
		}
		return nil
	}
	fs.Usage()
	return apperr.New(apperr.EINVALID, "err.cli.action_unknown", action)
}
