package i18n

// Pesan bagian pelatihan kota demo (kompeten demo).
func init() {
	extend(idMessages, map[string]string{
		"err.catalogue.demo_not_empty": "Katalog pelatihan sudah berisi mitra; gunakan basis data baru untuk demo.",
		"cli.demo.instructor":          "pengajar",
		"cli.demo.training": "Pelatihan: %d mitra, %d program, %d angkatan, %d usulan rencana (%d keputusan), %d peserta, " +
			"%d catatan kehadiran, %d perjanjian kerja PPPK dalam %s.",
	})
}
