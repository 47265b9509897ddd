package demo

import "github.com/kompeten/kompeten/internal/model"

// The words of the demo plans: why people propose, why approvers send a
// proposal back or turn it down, and activities outside the catalogue.

var purposes = []string{
	"Menutup kesenjangan kompetensi pada standar jabatan saya",
	"Mendukung tugas pengelolaan data layanan di unit kerja",
	"Persiapan penerapan aplikasi layanan baru tahun depan",
	"Memenuhi 20 JP pengembangan kompetensi tahun ini",
	"Arahan atasan untuk memperkuat pelayanan kepada warga",
	"Persiapan kenaikan jenjang jabatan fungsional",
	"Tindak lanjut hasil penilaian kompetensi semester lalu",
	"Meningkatkan keamanan data pribadi warga yang kami kelola",
	"Mendukung target indeks SPBE Kota Medan",
	"Bekal memimpin tim setelah pelantikan",
	"Memperbaiki mutu laporan kinerja bulanan",
	"Menerapkan ilmu di proyek perubahan unit",
}

var changeReasons = []string{
	"Mohon pilih angkatan yang tidak bertepatan dengan penyusunan anggaran.",
	"Tujuan belum menjelaskan manfaat bagi tugas di unit; mohon dilengkapi.",
	"Pilih bentuk e-learning agar tidak meninggalkan pelayanan.",
	"Lampirkan rencana berbagi hasil pelatihan kepada rekan seksi.",
}

var rejectReasons = []string{
	"Anggaran pengembangan kompetensi OPD tahun ini sudah habis.",
	"Pelatihan serupa sudah diikuti tahun lalu.",
	"Belum sesuai dengan kebutuhan jabatan saat ini.",
	"Kuota peserta dari OPD untuk angkatan ini sudah terpenuhi.",
}

var cancelReasons = []string{
	"Bertepatan dengan tugas pengawasan pemilihan.",
	"Sakit; akan diajukan kembali pada angkatan berikutnya.",
	"Dipindahtugaskan ke unit lain.",
}

// freeActivity is an activity outside the catalogue an employee proposes.
type freeActivity struct {
	title string
	form  model.DevForm
	jp    int
	cost  int64
	comp  string
}

var freeActivities = []freeActivity{
	{"Webinar Nasional Hari Pelayanan Publik", "seminar", 4, 0, "M5"},
	{"Kursus daring analisis data (platform MOOC)", "belajar_mandiri", 20, 0, "DIG-01"},
	{"Magang di Dinas Kominfo Kota Surabaya", "magang", 40, 4_500_000, "DIG-11"},
	{"Komunitas praktik pengelola website OPD", "komunitas_belajar", 8, 0, "DIG-06"},
	{"Bedah buku kepemimpinan pelayanan publik", "belajar_mandiri", 6, 0, "M7"},
	{"Lokakarya manajemen arsip Arsip Nasional RI", "workshop", 16, 2_500_000, "DIG-02"},
}
