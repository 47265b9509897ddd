package i18n

// Messages of the target position and the sources of AKPK (issue 11 point
// 6, PP 17/2020 Pasal 205–206).
func init() {
	extend(idMessages, map[string]string{
		"talent.set_target":           "tetapkan jabatan target",
		"err.target.note_too_long":    "Keterangan jabatan target paling panjang %d karakter.",
		"err.target.position_unknown": "Jabatan target %d tidak ditemukan.",
		"err.target.same_as_held":     "Jabatan target harus berbeda dari jabatan yang sedang diduduki.",
		"target.title":                "Jabatan target",
		"target.hint":                 "Jabatan yang disiapkan untuk pegawai ini (PP 17/2020 Pasal 205–206). Analisis kebutuhan membandingkan levelnya dengan standar jabatan target di samping standar jabatan saat ini.",
		"target.none":                 "Belum ada jabatan target.",
		"target.position":             "Jabatan target",
		"target.note":                 "Keterangan",
		"target.set_at":               "Dicatat",
		"target.save":                 "Simpan jabatan target",
		"target.clear":                "Hapus jabatan target",
		"target.choose":               "— pilih jabatan —",
		"target.no_standard":          "Jabatan target belum memiliki standar kompetensi.",
		"target.gaps":                 "Kesenjangan terhadap standar jabatan target",
		"target.jpm":                  "JPM terhadap jabatan target",
		"notice.target_set":           "Jabatan target disimpan.",
		"notice.target_cleared":       "Jabatan target dihapus.",
		"needs.sources":               "Sumber kebutuhan",
		"needs.sources_help":          "Kebutuhan pengembangan berasal dari tiga sumber (PP 17/2020 Pasal 205–206): kesenjangan terhadap standar jabatan saat ini (peta panas dan peringkat di atas), terhadap standar jabatan target, dan kesenjangan kinerja dari SKP.",
		"needs.source.current":        "Jabatan saat ini",
		"needs.source.target":         "Jabatan target",
		"needs.source.performance":    "Kinerja (SKP)",
		"needs.source":                "Sumber",
		"needs.target_title":          "Kebutuhan menurut jabatan target",
		"needs.target_count":          "%s pegawai dengan jabatan target yang memiliki standar kompetensi.",
		"needs.target_none":           "Belum ada pegawai dengan jabatan target di unit ini.",
		"needs.performance_title":     "Kesenjangan kinerja (SKP %d)",
		"needs.performance_line":      "Di bawah ekspektasi: %s · sesuai ekspektasi: %s · di atas ekspektasi: %s · belum ada SKP: %s",
		"needs.performance_below":     "Kinerja di bawah ekspektasi",
		"needs.performance_share":     "%s dari pegawai yang SKP-nya diketahui berkinerja di bawah ekspektasi.",
	})
}
