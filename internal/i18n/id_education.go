package i18n

// Indonesian messages of education histories and of copying a framework.
func init() {
	extend(idMessages, map[string]string{
		"fwedit.copy":      "Salin menjadi kerangka instansi",
		"fwedit.copy_from": "Salinan dari %s: kompetensi, level, dan indikatornya ikut disalin. Beri kode sendiri; kerangka bawaan dan standar yang memakainya tidak berubah.",
	})
}
