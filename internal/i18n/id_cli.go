package i18n

// The command line's help and reports (Indonesian). Option texts are keyed by
// the option's name (cli.opt.<name>), flags of one command by
// cli.flag.<command>.<flag>.
func init() {
	extend(idMessages, map[string]string{
		"cli.title":          "Kompeten — sistem pengembangan kompetensi ASN",
		"cli.usage":          "Penggunaan: kompeten <perintah> [opsi]",
		"cli.commands":       "Perintah:",
		"cli.options_hint":   "Opsi tiap perintah: kompeten <perintah> -h",
		"cli.unknown":        "kompeten: perintah tidak dikenal %q",
		"cli.map_form":       "--map harus berbentuk \"KOLOM=field\", bukan %q",
		"cli.options":        "Opsi:",
		"cli.default":        "%s (bawaan: %s)",
		"cli.env":            "(env %s)",
		"cli.migrations_ran": "%d migrasi diterapkan",

		"cli.summary.backup":  "salin basis data SQLite secara konsisten selagi server berjalan: backup FILE",
		"cli.summary.restore": "pulihkan basis data SQLite dari cadangan (server harus berhenti): restore FILE",
		"cli.summary.version": "cetak versi",
		"cli.summary.migrate": "terapkan migrasi skema basis data",
		"cli.summary.demo":    "isi basis data kosong dengan kota demo (Kota Medan) dan akun demo per peran",
		"cli.summary.gaps":    "hitung ulang level kompetensi, gap dan JPM semua pegawai (gaps recompute | gaps jpm)",
		"cli.summary.import":  "impor employees|units|positions|framework|assessment|performance|education|catalogue dari berkas (uji coba kecuali --apply)",
		"cli.summary.export":  "ekspor employees|units|positions|catalogue ke FILE.csv|.xlsx; framework FILE --code KODE",
		"cli.summary.serve":   "jalankan server web dan API (--demo mengisi kota demo bila basis data kosong)",
		"cli.summary.user":    "kelola akun: create, set-role, reset-password, activate, deactivate, token, tokens, revoke-token",

		"cli.opt.db":             "basis data: jalur berkas SQLite atau URL postgres://",
		"cli.opt.addr":           "alamat HTTP yang didengar (HOST:PORT); 0.0.0.0:PORT untuk semua antarmuka",
		"cli.opt.secure-cookies": "tandai cookie sesi Secure (true di belakang HTTPS)",
		"cli.opt.log-level":      "tingkat log: debug, info, warn, error",
		"cli.opt.timezone":       "zona waktu kota untuk tanggal dan jam (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT)",
		"cli.opt.session-idle":   "keluarkan peramban setelah selama ini tanpa permintaan (durasi Go: 30m, 1h)",
		"cli.opt.log-format":     "format log: text (baris key=value) atau json (satu objek JSON per baris)",
		"cli.opt.metrics-allow":  "jaringan (CIDR, dipisah koma) yang boleh membaca /metrics tanpa token; kosong: tidak ada",
		"cli.opt.metrics-token":  "token bearer yang membuka /metrics dari alamat mana pun; kosong: tidak ada",
		"cli.opt.base-url":       "URL publik server ini, untuk tautan di surel",
		"cli.opt.smtp-host":      "server SMTP untuk surel keluar; kosong: antrean disimpan tetapi tidak ada yang dikirim",
		"cli.opt.smtp-port":      "port server SMTP (587 STARTTLS, 465 TLS, 25 tanpa TLS)",
		"cli.opt.smtp-username":  "nama pengguna SMTP; kosong: tanpa autentikasi",
		"cli.opt.smtp-password":  "kata sandi SMTP (atau dari berkas KOMPETEN_SMTP_PASSWORD_FILE)",
		"cli.opt.smtp-from":      "alamat pengirim surel",
		"cli.opt.smtp-tls":       "pengamanan SMTP: none, starttls atau tls",
		"cli.opt.lang":           "bahasa pesan baris perintah: id atau en (kosong: dari LC_ALL, LC_MESSAGES atau LANG, selain itu id)",

		"cli.flag.demo.employees":  "jumlah pegawai (100 sampai 1.000.000)",
		"cli.flag.demo.seed":       "benih acak: benih dan jumlah yang sama menghasilkan data yang sama",
		"cli.flag.serve.demo":      "isi kota demo (Kota Medan) bila basis data masih kosong, lalu cetak akun demo",
		"cli.flag.gaps.jpm-only":   "recompute: hanya JPM, dari level tersimpan",
		"cli.flag.gaps.out":        "jpm: berkas CSV keluaran (- = stdout)",
		"cli.flag.gaps.workers":    "jpm: jumlah pekerja paralel (0 = sesuai CPU)",
		"cli.flag.import.apply":    "tulis baris yang baik (tanpa ini hanya uji coba)",
		"cli.flag.import.sheet":    "nama lembar XLSX (bawaan: lembar pertama)",
		"cli.flag.import.format":   "csv atau xlsx (bawaan: dari ekstensi berkas); kerangka: moodle, csv, xlsx atau json",
		"cli.flag.import.map":      "petakan kolom yang tidak dikenal: --map \"KOLOM SAYA=nip\" (boleh berulang)",
		"cli.flag.export.code":     "kode kerangka kompetensi (export framework)",
		"cli.flag.export.version":  "versi kerangka (bawaan: terbaru)",
		"cli.flag.export.format":   "moodle, csv, xlsx atau json (bawaan: dari ekstensi berkas)",
		"cli.flag.user.role":       "peran: pegawai, atasan, admin_opd, admin_bkpsdm, penyelenggara, pimpinan, auditor, superadmin",
		"cli.flag.user.nip":        "NIP pegawai pemilik akun (create)",
		"cli.flag.user.scope-unit": "ID unit yang dikelola admin_opd",
		"cli.flag.user.name":       "nama token API (token): untuk apa token dipakai",
		"cli.flag.user.days":       "masa berlaku token API dalam hari (token), paling lama 365",
		"cli.flag.user.read-only":  "token API hanya untuk membaca (token)",

		"cli.usage.import": `Penggunaan: kompeten import JENIS BERKAS [opsi]   (opsi boleh sebelum atau sesudah JENIS dan BERKAS)
Jenis:
  employees | pegawai     data pegawai (CSV atau XLSX ekspor SIMPEG/SIASN)
  units | unit           unit organisasi
  positions | jabatan    jabatan
  framework | kerangka   kamus kompetensi (--format moodle|csv|xlsx|json)
  assessment             hasil assessment centre (NIP, KODE KOMPETENSI, LEVEL, TANGGAL)
  performance            predikat SKP per tahun (NIP, TAHUN, PREDIKAT)
  education | pendidikan riwayat pendidikan, ekspor SIASN (NIP, TINGKAT_PENDIDIKAN, TAHUN_LULUS, ...)
  catalogue | katalog    katalog program pengembangan (KODE, JUDUL, BENTUK, PENYAMPAIAN, JP, MITRA, KOMPETENSI, ...)
Tanpa --apply hanya uji coba: laporan ditulis, tidak ada yang berubah.`,
		"cli.usage.export": `Penggunaan: kompeten export JENIS BERKAS [opsi]   (opsi boleh sebelum atau sesudah JENIS dan BERKAS)
Jenis:
  employees | pegawai, units | unit, positions | jabatan   ke BERKAS.csv atau BERKAS.xlsx
  catalogue | katalog    katalog program pengembangan ke BERKAS.csv atau BERKAS.xlsx
  framework | kerangka   kamus kompetensi --code KODE [--version V] [--format moodle|csv|xlsx|json]`,
		"cli.usage.user": `Penggunaan:
  kompeten user create USERNAME [--role R] [--nip NIP] [--scope-unit ID]
  kompeten user create USERNAME --role penyelenggara --provider ID --email ALAMAT   (akun mitra penyelenggara pelatihan)
  kompeten user set-role USERNAME --role R [--scope-unit ID]
  kompeten user set-grants USERNAME --grants operator   (hak tambahan di samping peran; --grants "" mencabutnya)
  kompeten user reset-password USERNAME
  kompeten user activate|deactivate USERNAME
  kompeten user token USERNAME --name NAMA [--days 90] [--read-only]   (token API baru)
  kompeten user tokens USERNAME   (daftar token API)
  kompeten user revoke-token USERNAME ID`,
		"cli.usage.backup":  "Penggunaan: kompeten backup BERKAS [--db DSN]",
		"cli.usage.restore": "Penggunaan: kompeten restore BERKAS [--db DSN]   (server harus berhenti)",
		"cli.usage.version": "Penggunaan: kompeten version",
		"cli.usage.migrate": "Penggunaan: kompeten migrate [--db DSN]",
		"cli.usage.serve":   "Penggunaan: kompeten serve [opsi]",
		"cli.usage.gaps":    "Penggunaan: kompeten gaps recompute [--jpm-only] [--db DSN] | kompeten gaps jpm [--out FILE] [--workers N] [--db DSN]",
		"cli.usage.demo":    "Penggunaan: kompeten demo [--employees N] [--seed S] [--db DSN]",

		"cli.report.dry_run":       "UJI COBA (tidak ada yang diubah; tambahkan --apply untuk menulis)",
		"cli.report.applied":       "DITERAPKAN",
		"cli.report.counts":        "baris %d: baik %d, bermasalah %d, peringatan %d; baru %d, diubah %d, tetap %d (%s)",
		"cli.report.talent_counts": "%s: impor %s\nbaris %d: baik %d, bermasalah %d; pegawai %d (%s)",
		"cli.report.head":          "BARIS\tJENIS\tKOLOM\tNILAI\tALASAN",
		"cli.report.talent_head":   "BARIS\tKOLOM\tNILAI\tALASAN",
		"cli.report.error":         "galat",
		"cli.report.warning":       "peringatan",
		"cli.report.new_positions": "jabatan baru (%d): %s",
		"cli.report.missing":       "pegawai unit terkait yang tidak ada di berkas: %d",
		"cli.report.omitted":       "%d masalah lain tidak ditampilkan",
		"cli.exported":             "diekspor ke %s",

		"cli.framework.read":     "kerangka %s versi %s (%s): %d kompetensi, format %s",
		"cli.framework.dry_run":  "UJI COBA: tidak ada yang disimpan; tambahkan --apply untuk menyimpan",
		"cli.framework.saved":    "DISIMPAN sebagai kerangka #%d",
		"cli.framework.exported": "kerangka %s versi %s diekspor ke %s (%s)",
		"cli.backup.postgres":    "PostgreSQL: pg_dump -Fc -f FILE \"$KOMPETEN_DB\"   lalu pulihkan dengan: pg_restore --clean -d \"$KOMPETEN_DB\" FILE",
		"cli.backup.written":     "cadangan ditulis ke %s",
		"cli.backup.restored":    "basis data %s dipulihkan dari %s",
		"cli.demo.not_empty":     "Basis data sudah berisi data; kota demo tidak dimuat ulang. Reset kata sandi akun dengan: kompeten user reset-password USERNAME",
		"cli.demo.loaded":        "Kota demo dimuat: %d unit, %d jabatan, %d pegawai dalam %s.",
		"cli.demo.accounts":      "Akun demo (kata sandi dibuat untuk basis data ini):",
		"cli.demo.accounts_head": "PERAN\tNAMA PENGGUNA\tKATA SANDI\tPEGAWAI",
		"cli.demo.acting":        "Plt. demo: %s (NIP %s) melaksanakan tugas kepala %s selama pemangkunya tugas belajar.",
		"cli.demo.targets":       "Jabatan target demo: %d pegawai fungsional menjadi kader suksesi kepala unitnya.",
		"cli.demo.ratings":       "Penilaian demo: %d penilaian, %d level kompetensi, %d JPM dalam %s.",
		"cli.demo.standards":     "Standar kompetensi jabatan (%s): %d jabatan, %d butir kompetensi, %d jabatan guru dan tenaga kesehatan dengan kompetensi teknisnya, dalam %s.",
		"cli.demo.performance":   "Predikat kinerja demo: %d predikat SKP %d–%d dan %d hukuman disiplin dalam %s.",
		"cli.gaps.jpm_only":      "Dihitung ulang: %d JPM dalam %s.",
		"cli.gaps.all":           "Dihitung ulang: %d pegawai, %d level kompetensi, %d JPM dalam %s.",
		"cli.serve.running":      "Kompeten berjalan di http://%s (basis data %s). Hentikan dengan Ctrl+C.",
		"cli.user.created":       "akun %s (%s) dibuat; kata sandi: %s",
		"cli.user.token":         "token API %q (nomor %d) untuk %s, berlaku sampai %s (simpan, tidak ditampilkan lagi): %s",
		"cli.user.tokens_head":   "NOMOR|NAMA|DIBUAT|BERAKHIR|TERAKHIR DIPAKAI|HAK",
		"cli.user.token_revoked": "token API nomor %d milik %s dicabut",
		"cli.user.new_password":  "kata sandi baru %s: %s",
		"cli.user.state":         "akun %s: peran %s, aktif %v",
		"cli.user.token_read":    "baca saja",
		"cli.user.token_write":   "baca-tulis",
	})
}
