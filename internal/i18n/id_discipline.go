package i18n

func init() {
	extend(idMessages, map[string]string{
		"discipline.title":        "Hukuman disiplin",
		"discipline.hint":         "Data terbatas: hanya pegawai yang bersangkutan dan admin unitnya yang melihat. Hukuman sedang atau berat yang sedang berlaku mengeluarkan pegawai dari kelompok rencana suksesi (Permen PANRB 3/2020).",
		"discipline.level":        "Tingkat",
		"discipline.level.ringan": "Ringan",
		"discipline.level.sedang": "Sedang",
		"discipline.level.berat":  "Berat",
		"discipline.kind":         "Jenis hukuman",
		"discipline.kind_example": "mis. pemotongan tunjangan kinerja 25% selama 6 bulan",
		"discipline.decree":       "Keputusan",
		"discipline.decree_no":    "Nomor keputusan",
		"discipline.decree_date":  "Tanggal keputusan",
		"discipline.starts_on":    "Mulai berlaku",
		"discipline.ends_on":      "Berakhir (kosongkan untuk hukuman ringan)",
		"discipline.period":       "Masa berlaku",
		"discipline.state":        "Keadaan",
		"discipline.excludes":     "Sedang berlaku: di luar kelompok suksesi",
		"discipline.revoked_tag":  "Dicabut",
		"discipline.revoke":       "Cabut",
		"discipline.revoke_note":  "Alasan pencabutan",
		"discipline.none":         "Tidak ada hukuman disiplin yang tercatat.",
		"discipline.add":          "Catat hukuman disiplin",
		"discipline.save":         "Simpan",
		"discipline.added":        "Hukuman disiplin dicatat.",
		"discipline.revoked":      "Hukuman disiplin dicabut.",
		"talent.discipline_known": "Pegawai dengan hukuman disiplin tingkat sedang atau berat yang sedang berlaku tidak masuk kelompok rencana suksesi; kotaknya tetap ditampilkan dengan keterangan.",
		"talent.not_eligible":     "%s pegawai di kotak 7–9 tidak masuk kelompok rencana suksesi karena hukuman disiplin.",
	})
}
