package i18n

func init() {
	extend(idMessages, map[string]string{
		"err.acting.employee_required":    "pegawai yang ditugaskan wajib diisi",
		"err.acting.position_required":    "jabatan yang dilaksanakan wajib diisi",
		"err.acting.kind_unknown":         "jenis penugasan %q tidak dikenal (Plt. atau Plh.)",
		"err.acting.from_required":        "tanggal mulai wajib diisi",
		"err.acting.until_required":       "tanggal berakhir wajib diisi",
		"err.acting.until_before_from":    "tanggal berakhir (%s) sebelum tanggal mulai (%s)",
		"err.acting.decree_no_required":   "nomor SK penugasan wajib diisi",
		"err.acting.decree_no_at_most":    "nomor SK paling panjang %d karakter",
		"err.acting.decree_date_required": "tanggal SK wajib diisi",
		"err.acting.decree_after_start":   "tanggal SK lebih dari setahun setelah tanggal mulai: periksa kedua tanggal",
		"err.acting.position_not_found":   "jabatan %d tidak ditemukan",
		"err.acting.not_head_post":        "%s bukan jabatan kepala unit: Plt./Plh. hanya untuk jabatan pimpinan",
		"err.acting.employee_not_active":  "pegawai tidak aktif tidak dapat ditugaskan sebagai Plt./Plh.",
		"err.acting.holds_post":           "pegawai ini pemangku jabatan tersebut",
		"err.acting.overlap":              "jabatan %s sudah punya Plt./Plh. pada masa %s s.d. %s",
		"err.acting.not_found":            "penugasan Plt./Plh. %d tidak ditemukan",
	})
}
