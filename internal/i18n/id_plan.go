package i18n

// Development plans and approvals (issue 13 point 3).
func init() {
	extend(idMessages, map[string]string{
		"err.plan.year":                      "tahun rencana antara %d dan %d",
		"err.plan.purpose_required":          "tujuan pengembangan wajib diisi",
		"err.plan.too_long":                  "paling panjang %d karakter",
		"err.plan.session_without_programme": "angkatan hanya dapat dipilih untuk program katalog",
		"err.plan.title_required":            "nama kegiatan wajib diisi",
		"err.plan.jp":                        "JP antara 1 dan %d",
		"err.plan.cost":                      "biaya tidak boleh negatif",
		"err.plan.form":                      "bentuk pengembangan %q tidak dikenal (Peraturan LAN 10/2018)",
		"err.plan.reason_required":           "alasan wajib diisi bila usulan ditolak atau diminta perbaikan",
		"err.plan.decision":                  "keputusan %q tidak dikenal (setuju, tolak, perbaiki)",
		"err.plan.not_found":                 "usulan %d tidak ditemukan",
		"err.plan.session_not_found":         "angkatan %d tidak ditemukan untuk program ini",
		"err.plan.session_closed":            "angkatan ini tidak lagi dijadwalkan",
		"err.plan.duplicate":                 "%s sudah ada dalam rencana %d",
		"err.plan.not_editable":              "usulan hanya dapat diubah selagi draf atau diminta perbaikan",
		"err.plan.not_cancellable":           "usulan ini tidak dapat dibatalkan lagi",
		"err.plan.changed":                   "usulan ini baru saja diubah orang lain; muat ulang halaman",
		"err.plan.nominees_required":         "pilih paling sedikit satu pegawai",
		"err.plan.nominee_outside":           "pegawai %d tidak ditemukan dalam unit yang Anda kelola",
		"err.settings.approval_empty":        "rantai persetujuan paling sedikit satu langkah",
		"err.settings.approval_step":         "langkah persetujuan %q tidak dikenal (atasan, kepala_opd)",
		"err.settings.approval_twice":        "langkah persetujuan %q disebut dua kali",
	})
}
