package i18n

// Indonesian messages of education histories and of copying a framework.
func init() {
	extend(idMessages, map[string]string{
		"fwedit.copy":                    "Salin menjadi kerangka instansi",
		"fwedit.copy_from":               "Salinan dari %s: kompetensi, level, dan indikatornya ikut disalin. Beri kode sendiri; kerangka bawaan dan standar yang memakainya tidak berubah.",
		"err.education.level":            "tingkat pendidikan %q tidak dikenal (SD, SMP, SMA, D-I sampai D-IV, S-1 sampai S-3, atau kode SIASN)",
		"err.education.year":             "tahun lulus harus %d sampai %d",
		"err.education.major_long":       "jurusan paling banyak %d karakter",
		"err.education.institution_long": "nama sekolah atau perguruan tinggi paling banyak %d karakter",
		"err.education.certificate_long": "nomor ijazah paling banyak %d karakter",
		"acimport.kind_education":        "Riwayat pendidikan (ekspor SIASN)",
		"acimport.hint_education":        "Riwayat pendidikan: ekspor riwayat pendidikan SIASN dengan kolom NIP (atau NIP_BARU), TINGKAT_PENDIDIKAN (nama seperti S-1/Sarjana atau kode TK_PENDIDIKAN_ID seperti 40), TAHUN_LULUS (atau TGL_LULUS), boleh PENDIDIKAN_NAMA (jurusan), NAMA_SEKOLAH dan NOMOR_IJAZAH. Satu baris satu pendidikan; NIP, tingkat dan tahun lulus yang sudah tersimpan diperbarui.",
		"education.title":                "Riwayat pendidikan",
		"education.level":                "Tingkat",
		"education.major":                "Jurusan",
		"education.institution":          "Sekolah / perguruan tinggi",
		"education.year":                 "Tahun lulus",
		"education.certificate":          "Nomor ijazah",
		"education.none":                 "Belum ada riwayat pendidikan tercatat. Admin mengimpornya dari ekspor riwayat pendidikan SIASN.",
		"education.minimum":              "Pendidikan minimal jabatan: %s.",
		"education.gap":                  "Pendidikan tertinggi (%s) di bawah syarat: kesenjangan kualifikasi.",
		"education.unrecorded":           "Belum dapat dibandingkan: riwayat pendidikan belum tercatat.",
		"qual.title":                     "Kesenjangan kualifikasi pendidikan",
		"qual.link":                      "Kesenjangan kualifikasi pendidikan",
		"qual.help":                      "Pendidikan tertinggi yang tercatat dibandingkan dengan pendidikan minimal jabatan: S-1/D-IV untuk JPT, administrator dan jenjang keahlian; D-III untuk pengawas dan jenjang keterampilan; SMA/SMK untuk pelaksana dan pemula. Pegawai tanpa riwayat pendidikan tercatat dihitung terpisah, bukan sebagai kesenjangan.",
		"qual.employees":                 "Pegawai aktif yang memegang jabatan",
		"qual.below":                     "Di bawah pendidikan minimal",
		"qual.unrecorded":                "Riwayat pendidikan belum tercatat",
		"qual.minimum":                   "Pendidikan minimal",
		"qual.highest":                   "Pendidikan tertinggi",
		"qual.people":                    "Pegawai dengan kesenjangan kualifikasi",
		"qual.none":                      "Tidak ada pegawai dengan kesenjangan kualifikasi di cakupan Anda.",
		"qual.more":                      "Ditampilkan %s pegawai pertama menurut nama; ada yang lain.",
	})
}
