package cli

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
)

func init() {
	register("user", "kelola akun: create, set-role, reset-password, activate, deactivate, token", runUser)
}

func runUser(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "user", "db")
	role := fs.String("role", "pegawai", "peran: pegawai, atasan, admin_opd, admin_bkpsdm, penyelenggara, pimpinan, auditor, superadmin")
	empNIP := fs.String("nip", "", "NIP pegawai pemilik akun (create)")
	scopeUnit := fs.Int64("scope-unit", 0, "ID unit yang dikelola admin_opd")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Penggunaan:\n  kompeten user create USERNAME [--role R] [--nip NIP] [--scope-unit ID]\n  kompeten user set-role USERNAME --role R [--scope-unit ID]\n  kompeten user reset-password USERNAME\n  kompeten user activate|deactivate USERNAME\n  kompeten user token USERNAME   (token API baru)")
		fs.PrintDefaults()
	}
	if len(args) < 2 {
		fs.Usage()
		return apperr.New(apperr.EINVALID, "err.cli.user_usage")
	}
	action, username := args[0], nip.Normalize(args[1])
	if err := fs.Parse(args[2:]); err != nil {
		return err
	}
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
		if err := st.CreateAPIToken(ctx, cliActor, u.ID, "cli", auth.TokenHash(tok)); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "token API untuk %s (simpan, tidak ditampilkan lagi): %s\n", u.Username, tok)
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
