package i18n

// Messages of "not assessed is not level 0" (issue 11 point 1): an
// employee whose standard is not fully assessed has no JPM category and no
// 9-box box, and any JPM shown for them is provisional.
func init() {
	extend(idMessages, map[string]string{
		"jpm.not_assessed":       "Belum dinilai — lengkapi penilaian",
		"jpm.not_assessed_short": "Belum dinilai",
		"jpm.assessed_of":        "%d dari %d kompetensi dinilai",
		"jpm.provisional":        "sementara",
		"jpm.none":               "—",
		"talent.not_assessed":    "Belum dinilai — lengkapi penilaian: %s pegawai (tanpa kotak, termasuk dalam jumlah di atas).",
		"needs.unassessed_count": "Belum dinilai lengkap: %s pegawai tanpa kategori JPM, dihitung terpisah dari kategori.",
	})
}
