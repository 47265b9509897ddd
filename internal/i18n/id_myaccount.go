package i18n

// One's own account: password and sessions (Indonesian).
func init() {
	extend(idMessages, map[string]string{
		"myaccount.title":            "Akun saya",
		"myaccount.username":         "Nama pengguna",
		"myaccount.password":         "Ganti kata sandi",
		"myaccount.current":          "Kata sandi saat ini",
		"myaccount.new":              "Kata sandi baru",
		"myaccount.repeat":           "Ulangi kata sandi baru",
		"myaccount.rule":             "Paling sedikit 10 karakter dan tidak sama dengan nama pengguna. Setelah diganti, semua sesi lain dan token API akun ini berakhir.",
		"myaccount.change":           "Ganti kata sandi",
		"myaccount.sessions":         "Sesi yang sedang masuk",
		"myaccount.sessions_hint":    "Peramban yang sedang masuk dengan akun ini. Sesi berakhir sendiri setelah %d menit tanpa aktivitas atau 12 jam sejak masuk.",
		"myaccount.browser":          "Peramban",
		"myaccount.address":          "Alamat IP",
		"myaccount.since":            "Masuk",
		"myaccount.seen":             "Aktif terakhir",
		"myaccount.this":             "peramban ini",
		"myaccount.end":              "Akhiri",
		"myaccount.end_others":       "Akhiri semua sesi lain",
		"myaccount.password_changed": "Kata sandi diganti. Sesi lain dan token API akun ini telah berakhir.",
		"myaccount.session_ended":    "Sesi diakhiri.",
		"myaccount.others_ended":     "Semua sesi lain diakhiri.",
	})
}
