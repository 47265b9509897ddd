package i18n

// Enrolment, waiting lists, attendance, completion and PPPK agreements
// (issue 13 points 4 and 5).
func init() {
	extend(idMessages, map[string]string{
		"err.enrol.not_found":                  "pendaftaran %d tidak ditemukan",
		"err.enrol.field_required":             "%s wajib diisi",
		"err.enrol.session_cancelled":          "angkatan ini dibatalkan",
		"err.enrol.window_closed":              "pendaftaran angkatan ini tidak sedang dibuka",
		"err.enrol.duplicate":                  "pegawai ini sudah terdaftar atau menunggu di angkatan ini",
		"err.enrol.not_cancellable":            "pendaftaran ini tidak dapat dibatalkan lagi",
		"err.enrol.plan_item_not_found":        "usulan rencana %d tidak ditemukan",
		"err.enrol.plan_not_approved":          "usulan ini belum disetujui atau tidak menyebut angkatan",
		"err.enrol.no_seat":                    "peserta ini tidak memegang kursi di angkatan ini",
		"err.enrol.score":                      "nilai antara 0 dan 100",
		"err.enrol.attendance_below":           "kehadiran %d%% di bawah minimum %d%%: kelulusan tidak dapat dicatat",
		"err.enrol.agreement_date":             "tanggal %q tidak sah (TTTT-BB-HH)",
		"err.enrol.agreement_end_before_start": "akhir perjanjian kerja harus sesudah awalnya",
		"err.enrol.agreement_pns":              "perjanjian kerja hanya untuk PPPK",
		"err.attend.token_invalid":             "kode QR ini tidak sah",
		"err.attend.token_expired":             "kode QR ini sudah kedaluwarsa: pindai lagi kode yang tampil di layar",
		"err.attend.code_invalid":              "kode presensi salah atau sudah kedaluwarsa",
		"err.attend.not_a_day":                 "%s bukan hari angkatan ini",
		"err.attend.not_enrolled":              "Anda tidak terdaftar dengan kursi di angkatan ini",
		"err.attend.mark_not_found":            "tanda hadir tidak ditemukan",

		"notice.enrolment.confirmed.subject":  "Terdaftar: %s",
		"notice.enrolment.confirmed.body":     "Anda mendapat kursi di %s, %s (%s s.d. %s).",
		"notice.enrolment.waitlisted.subject": "Daftar tunggu: %s",
		"notice.enrolment.waitlisted.body":    "Kursi %s, %s (%s s.d. %s) sudah penuh: Anda masuk daftar tunggu dan akan diberi tahu bila kursi kosong.",
		"notice.enrolment.promoted.subject":   "Kursi untuk Anda: %s",
		"notice.enrolment.promoted.body":      "Sebuah kursi kosong di %s, %s (%s s.d. %s) dan kini milik Anda.",
	})
}
