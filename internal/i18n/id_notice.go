package i18n

// Indonesian messages of notifications: the inbox (/kotak-masuk), its
// preferences, the e-mails of each event and of the daily digest, and the
// e-mail links that activate an account or reset its password.
//
// The arguments of each event (store.Notice.Args), in this order; dates are
// ISO in the arguments and reach the reader formatted (i18n.Notice):
//   - plan.approval_needed: employee name, programme or activity title, step
//   - plan.decided: title, decision, reason
//   - enrolment.confirmed, .waitlisted, .promoted: programme title, session name, start date
//   - session.tomorrow: programme title, session name, start time, place
//   - provider.mou_expiring: partner, MoU number, end date
func init() {
	extend(idMessages, map[string]string{
		"notice.plan.approval_needed.subject":  "Usulan pengembangan menunggu keputusan Anda: %[2]s",
		"notice.plan.approval_needed.body":     "%[1]s mengusulkan %[2]s dalam rencana pengembangannya. Usulan ini menunggu keputusan Anda (tahap %[3]s).",
		"notice.plan.decided.subject":          "Keputusan atas usulan Anda: %[1]s",
		"notice.plan.decided.body":             "Usulan pengembangan Anda, %[1]s, telah diputuskan: %[2]s. %[3]s",
		"notice.enrolment.confirmed.subject":   "Anda terdaftar: %[1]s",
		"notice.enrolment.confirmed.body":      "Anda mendapat kursi di %[1]s, %[2]s, mulai %[3]s.",
		"notice.enrolment.waitlisted.subject":  "Anda dalam daftar tunggu: %[1]s",
		"notice.enrolment.waitlisted.body":     "Kursi %[1]s, %[2]s (mulai %[3]s) sudah penuh. Anda masuk daftar tunggu dan akan diberi tahu bila ada kursi kosong.",
		"notice.enrolment.promoted.subject":    "Kursi tersedia untuk Anda: %[1]s",
		"notice.enrolment.promoted.body":       "Sebuah kursi kosong di %[1]s, %[2]s (mulai %[3]s), dan kini milik Anda.",
		"notice.session.tomorrow.subject":      "Besok dimulai: %[1]s",
		"notice.session.tomorrow.body":         "%[1]s, %[2]s, dimulai besok pukul %[3]s di %[4]s.",
		"notice.provider.mou_expiring.subject": "MoU mitra segera berakhir: %[1]s",
		"notice.provider.mou_expiring.body":    "Nota kesepahaman dengan %[1]s (nomor %[2]s) berakhir pada %[3]s.",
		"notice.open":                          "Buka: %s",
		"notice.digest.subject":                "Ringkasan harian Kompeten: %d pemberitahuan",
		"notice.digest.intro":                  "Pemberitahuan Anda sejak ringkasan terakhir:",
		"notice.event.plan.approval_needed":    "Usulan menunggu keputusan saya",
		"notice.event.plan.decided":            "Keputusan atas usulan saya",
		"notice.event.enrolment.confirmed":     "Pendaftaran saya dikonfirmasi",
		"notice.event.enrolment.waitlisted":    "Saya masuk daftar tunggu",
		"notice.event.enrolment.promoted":      "Saya naik dari daftar tunggu",
		"notice.event.session.tomorrow":        "Angkatan saya dimulai besok",
		"notice.event.provider.mou_expiring":   "MoU mitra segera berakhir",
		"notice.channel.surel":                 "Surel segera",
		"notice.channel.harian":                "Ringkasan harian",
		"notice.channel.aplikasi":              "Hanya di aplikasi",
		"nav.inbox":                            "Kotak masuk",
		"inbox.title":                          "Kotak masuk",
		"inbox.empty":                          "Belum ada pemberitahuan.",
		"inbox.unread":                         "belum dibaca",
		"inbox.read_all":                       "Tandai semua sudah dibaca",
		"inbox.settings":                       "Pengaturan pemberitahuan",
		"inbox.more":                           "Lebih lama",
		"inbox.prefs_title":                    "Pengaturan pemberitahuan",
		"inbox.prefs_help":                     "Setiap pemberitahuan selalu masuk ke kotak masuk. Pilih untuk setiap peristiwa apakah Anda juga menerima surel segera, satu ringkasan sehari, atau tidak ada surel.",
		"inbox.event":                          "Peristiwa",
		"inbox.channel":                        "Saluran",
		"inbox.prefs_saved":                    "Pengaturan pemberitahuan disimpan.",
		"inbox.save":                           "Simpan",
		"err.notice.not_found":                 "pemberitahuan %d tidak ditemukan",
		"err.notice.event_unknown":             "peristiwa %q tidak dikenal",
		"err.notice.channel_unknown":           "saluran %q tidak dikenal (surel, harian, aplikasi)",
		"err.notice.token_invalid":             "tautan ini tidak berlaku lagi atau sudah dipakai; mintalah tautan baru",
		"err.notice.no_address":                "akun ini tidak mempunyai alamat surel",
		"mail.reset.subject":                   "Atur ulang kata sandi Kompeten",
		"mail.reset.body":                      "Seseorang (semoga Anda) meminta pengaturan ulang kata sandi akun %[1]s. Buka tautan berikut dalam satu jam untuk memilih kata sandi baru:\n\n%[2]s\n\nBila Anda tidak memintanya, abaikan surel ini; kata sandi Anda tidak berubah.",
		"mail.activate.subject":                "Aktifkan akun Kompeten Anda",
		"mail.activate.body":                   "Akun Kompeten %[1]s telah disiapkan untuk Anda. Buka tautan berikut dalam 72 jam untuk memilih kata sandi dan mengaktifkan akun:\n\n%[2]s",
		"forgot.title":                         "Lupa kata sandi",
		"forgot.help":                          "Masukkan nama pengguna atau NIP Anda. Bila akun itu mempunyai alamat surel, kami kirimkan tautan untuk memilih kata sandi baru.",
		"forgot.who":                           "Nama pengguna atau NIP",
		"forgot.send":                          "Kirim tautan",
		"forgot.sent":                          "Bila akun itu ada dan mempunyai alamat surel, tautan untuk mengatur ulang kata sandi telah dikirim. Tautan berlaku satu jam.",
		"forgot.link":                          "Lupa kata sandi?",
		"setpw.title":                          "Atur kata sandi",
		"setpw.help":                           "Pilih kata sandi baru untuk akun %s.",
		"setpw.new":                            "Kata sandi baru",
		"setpw.again":                          "Ulangi kata sandi baru",
		"setpw.save":                           "Simpan kata sandi",
		"setpw.mismatch":                       "Kedua kata sandi tidak sama.",
		"setpw.done":                           "Kata sandi telah disimpan. Silakan masuk.",
		"profile.activation_sent":              "Tautan aktivasi telah dikirim ke alamat surel akun ini; berlaku 72 jam.",
		"profile.send_activation":              "Kirim tautan aktivasi lewat surel",
	})
}
