package i18n

// Grants beside roles and partners' accounts (issue 13).
func init() {
	extend(idMessages, map[string]string{
		"err.grant.email":             "alamat surel %q tidak sah",
		"err.grant.unknown":           "hak tambahan %q tidak dikenal",
		"err.grant.provider_role":     "hanya akun penyelenggara yang terikat pada mitra",
		"err.grant.provider_required": "akun penyelenggara wajib terikat pada satu mitra",
		"err.grant.provider_employee": "akun pegawai tidak dapat menjadi akun penyelenggara",
		"err.grant.provider_grants":   "akun penyelenggara tidak dapat diberi hak tambahan",
		"err.grant.email_required":    "alamat surel wajib diisi",

		"grant.operator":        "Operator pengembangan kompetensi",
		"nav.provider_accounts": "Akun penyelenggara",

		"accounts.grants":                 "Hak tambahan",
		"accounts.provider":               "Mitra",
		"accounts.email":                  "Surel",
		"accounts.provider_title":         "Akun penyelenggara",
		"accounts.provider_intro":         "Akun staf mitra penyelenggara pelatihan. Akun ini hanya melihat program, angkatan dan peserta mitranya sendiri, tidak melihat data kepegawaian, penilaian atau hukuman disiplin.",
		"accounts.provider_password":      "Kata sandi awal",
		"accounts.provider_password_hint": "Paling sedikit 10 karakter. Kosongkan agar akun nonaktif sampai diaktifkan dengan kata sandi baru.",
		"accounts.provider_create":        "Buat akun penyelenggara",
		"accounts.provider_created":       "Akun penyelenggara dibuat.",
		"accounts.provider_none":          "Belum ada akun penyelenggara.",
		"accounts.provider_no_partner":    "Belum ada mitra. Tambahkan mitra lebih dahulu.",
		"accounts.choose":                 "— pilih —",

		"cli.flag.user.grants":   "hak tambahan dipisah koma (set-grants; create): operator, atau kosong untuk mencabut",
		"cli.flag.user.provider": "ID mitra akun penyelenggara (create --role penyelenggara)",
		"cli.flag.user.email":    "alamat surel akun penyelenggara (create)",
		"cli.user.grants":        "akun %s: hak tambahan %s",
	})
}
