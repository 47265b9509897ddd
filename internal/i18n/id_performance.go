package i18n

func init() {
	extend(idMessages, map[string]string{
		"performance.title":    "Kinerja (SKP)",
		"performance.hint":     "Predikat kinerja tahunan (Permen PANRB 6/2022) yang dibaca peta talenta; satu berkas untuk banyak pegawai diimpor di Penilaian › Impor.",
		"performance.year":     "Tahun",
		"performance.predikat": "Predikat",
		"performance.none":     "Belum ada predikat SKP yang tercatat.",
		"performance.save":     "Simpan predikat",
		"performance.saved":    "Predikat SKP disimpan.",
	})
}
