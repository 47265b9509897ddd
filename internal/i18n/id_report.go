package i18n

// Messages of the printable reports (package report) and their links and
// charts on the pages: the needs-analysis PDF, the JPM distribution chart
// and the employee's competency-profile PDF.
func init() {
	extend(idMessages, map[string]string{
		"report.needs_title":   "Analisis Kebutuhan Pengembangan Kompetensi (AKPK)",
		"report.profile_title": "Profil Kompetensi Pegawai",
		"report.page":          "Halaman",
		"report.unit":          "Unit",
		"report.position":      "Jabatan",
		"report.date":          "Tanggal",
		"report.exported_by":   "Diekspor oleh",
		"report.employees":     "Pegawai dengan standar kompetensi",
		"report.as_of":         "Data dihitung pada",
		"report.heat_help":     "Setiap sel: persentase pegawai yang dinilai dan levelnya di bawah standar, lalu jumlah yang kurang/jumlah yang dinilai. Nomor kolom = peringkat kebutuhan pada tabel sebelumnya.",
		"report.jpm_title":     "Sebaran kategori JPM per unit",
		"report.jpm_help":      "Jumlah pegawai per kategori pemetaan JPM (Job Person Match) di setiap unit beserta seluruh subunitnya. Batang menunjukkan proporsinya; angka di kolom kanan adalah jumlah pegawai.",
		"report.jpm_share":     "Proporsi",
		"report.total":         "Jumlah",
		"report.jpm_desc":      "Diagram batang bertumpuk: untuk setiap unit, proporsi pegawai dengan kategori JPM Kurang Optimal, Cukup Optimal, Optimal, dan yang belum dinilai lengkap (tanpa kategori); jumlahnya tertulis di kolom sebelah kanan.",
		"report.download_pdf":  "Unduh PDF",
		"report.profile_pdf":   "Unduh profil kompetensi (PDF)",
	})
}
