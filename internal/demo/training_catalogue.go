package demo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// The demo catalogue: about 150 programmes of the partners in every form
// of Peraturan LAN 10/2018, digital ones (data, cyber hygiene, SPBE,
// e-government services, cloud, AI) a good third of them, each developing
// competencies of the built-in frameworks to a level. A theme is written
// once with the forms it is offered in (a bimtek and its e-learning, say);
// cost, seats and delivery follow from the form and JP, the way a BKPSDM
// catalogue prices them.

// Audience says whom a programme is meant for, so that plans and
// nominations draw plausible people.
type Audience uint8

// The audiences.
const (
	AudAll     Audience = iota // any employee
	AudTeacher                 // teachers (guru)
	AudHealth                  // health workers
	AudLeader                  // heads of units and those preparing for it
	AudIT                      // pranata komputer and the IT-minded
)

// CompLevel is a competency (by code) a programme develops and the level it
// leads to.
type CompLevel struct {
	Code  string
	Level int
}

// Prog is a demo programme: the record, its partner by name, the
// competencies by code (the store resolves them) and its audience.
type Prog struct {
	model.Programme
	Partner  string
	Comps    []CompLevel
	Audience Audience
	Digital  bool
}

type themeSpec struct {
	title, partner, comps string
	aud                   Audience
	forms                 string // "bimtek/24 e_learning/8": form/JP, one per offer
	desc                  string
}

var themes = []themeSpec{
	// Digital: data, cyber, SPBE, e-government, cloud, AI.
	{"Literasi Data untuk ASN", PartnerData, "DIG-01:2 DATA-01:2", AudAll, "bimtek/24 e_learning/10", "Membaca, memeriksa dan menyajikan data layanan untuk keputusan sehari-hari."},
	{"Analisis Data dengan Lembar Kerja", PartnerPolmed, "DATA-01:3 DIG-01:3", AudAll, "kursus/32 workshop/16", "Rumus, tabel pivot dan grafik untuk laporan kinerja unit."},
	{"Statistik dan Visualisasi Data untuk Perencanaan", PartnerUSU, "DATA-02:3 DIG-09:3", AudAll, "teknis/40 bimtek/24", "Statistik deskriptif, dasbor dan visualisasi untuk dokumen perencanaan."},
	{"Pengelolaan Basis Data Layanan Publik", PartnerITM, "DATA-03:3", AudIT, "kursus/40", "Merancang dan merawat basis data relasional aplikasi layanan."},
	{"Satu Data Indonesia di Pemerintah Daerah", PartnerKominfo, "DIG-02:2 DATA-01:2", AudAll, "sosialisasi/4 bimtek/16", "Prinsip Satu Data, walidata dan produsen data di perangkat daerah."},
	{"Kebersihan Siber (Cyber Hygiene) untuk ASN", PartnerSiber, "DIG-07:2", AudAll, "e_learning/6 sosialisasi/4 bimtek/16", "Kata sandi, autentikasi dua langkah, surel palsu dan perangkat kerja yang aman."},
	{"Pelindungan Data Pribadi dalam Layanan Publik", PartnerBPSDMP, "DIG-07:3 DIG-05:3", AudAll, "seminar/8 bimtek/24", "Kewajiban pengendali data menurut UU 27/2022 dalam layanan sehari-hari."},
	{"Penanganan Insiden Keamanan Siber", PartnerSiber, "SIBER-02:3 SIBER-01:3", AudIT, "teknis/40 workshop/24", "Deteksi, tanggap dan pemulihan insiden bersama CSIRT daerah."},
	{"Manajemen Risiko Keamanan Informasi (SNI ISO/IEC 27001)", PartnerSiber, "SIBER-03:3", AudIT, "kursus/32", "Menilai risiko dan menyusun kendali keamanan informasi instansi."},
	{"Keamanan Aplikasi Web", PartnerSiber, "SIBER-01:3", AudIT, "teknis/40", "Celah umum aplikasi web dan cara menutupnya sejak pengembangan."},
	{"Arsitektur dan Evaluasi SPBE", PartnerBPSDMP, "SPBE-03:3 DIG-10:3", AudAll, "bimtek/24 workshop/16", "Arsitektur SPBE daerah dan persiapan evaluasi indeks SPBE."},
	{"Analisis Proses Bisnis untuk Layanan Digital", PartnerITM, "SPBE-01:3 DIG-11:3", AudAll, "workshop/24 bimbingan_kerja/40", "Memetakan proses bisnis dan menyederhanakannya sebelum didigitalkan."},
	{"Integrasi Aplikasi Layanan melalui API", PartnerKominfo, "SPBE-02:3", AudIT, "bimtek/32 komunitas_belajar/12", "Interoperabilitas aplikasi perangkat daerah melalui API dan SPLP."},
	{"Layanan Publik Digital dan Mal Pelayanan Publik", PartnerLAN, "DIG-04:3 M5:3", AudAll, "bimtek/24 e_learning/8", "Merancang layanan daring yang mudah dipakai warga."},
	{"Layanan Perizinan Berusaha Terintegrasi Secara Elektronik (OSS)", PartnerBPSDM, "DIG-04:3", AudAll, "bimtek/24", "Melayani perizinan berbasis risiko melalui OSS."},
	{"Administrasi Layanan Komputasi Awan", PartnerAwan, "CLOUD-01:3", AudIT, "kursus/40 jarak_jauh/24", "Mengelola mesin virtual, penyimpanan dan jaringan di komputasi awan."},
	{"Otomasi Infrastruktur dan Operasi Layanan", PartnerAwan, "CLOUD-02:3", AudIT, "kursus/40", "Infrastruktur sebagai kode, pemantauan dan operasi harian."},
	{"Pencadangan dan Keberlangsungan Layanan", PartnerAwan, "CLOUD-03:3", AudIT, "workshop/16", "Rencana pencadangan, pemulihan bencana dan uji pemulihan."},
	{"Kecerdasan Artifisial untuk Pelayanan Publik", PartnerUSU, "DIG-09:3 DIG-11:3", AudAll, "seminar/8 workshop/24 e_learning/10", "Peluang, batas dan tata kelola AI dalam layanan pemerintah."},
	{"Pemanfaatan AI Generatif secara Etis di Kantor Pemerintah", PartnerBPSDMP, "DIG-05:3 DIG-06:2", AudAll, "e_learning/6 bimtek/16", "Menyusun naskah dan ringkasan dengan AI tanpa membocorkan data."},
	{"Kepemimpinan Digital bagi Pejabat", PartnerLAN, "DIG-12:3 M7:3", AudLeader, "kursus/24 coaching/12", "Memimpin transformasi layanan dan tim di era digital."},
	{"Transformasi Digital Pemerintah Daerah", PartnerBPSDM, "DIG-11:3 M7:2", AudLeader, "seminar/8 penataran/24", "Peta jalan transformasi digital dan budaya kerja baru."},
	{"Konten Digital dan Media Sosial Instansi", PartnerPolmed, "DIG-06:3 M3:3", AudAll, "bimtek/24 workshop/16", "Menulis, memotret dan menyunting konten informasi publik."},
	{"Komunikasi dan Kolaborasi Digital", PartnerKominfo, "DIG-03:2", AudAll, "bimtek/12 e_learning/6", "Rapat daring, kerja bersama dokumen dan etiket surel dinas."},
	{"Tata Naskah Dinas Elektronik dan Arsip Digital (Srikandi)", PartnerBKPSDM, "DIG-02:2", AudAll, "bimtek/16 bimbingan_kerja/12", "Naskah dinas elektronik dan pengarsipan digital dengan Srikandi."},
	{"Sistem Informasi Geografis untuk Perencanaan Kota", PartnerUSU, "SIG-01:3 SIG-02:3", AudIT, "kursus/40 teknis/32", "Mengolah dan menganalisis data spasial untuk tata ruang dan infrastruktur."},
	{"Penyebarluasan Data Geospasial", PartnerITM, "SIG-03:3", AudIT, "workshop/16", "Geoportal daerah dan simpul jaringan informasi geospasial."},
	{"Kesejahteraan Digital dan Kerja Hibrida", PartnerBPSDMP, "DIG-08:2", AudAll, "e_learning/4 belajar_mandiri/4", "Menjaga kesehatan dan batas kerja di dunia yang selalu daring."},
	{"Pemecahan Masalah dengan Perangkat Digital", PartnerData, "DIG-09:2", AudAll, "e_learning/8 komunitas_belajar/8", "Memilih dan memakai perangkat digital untuk masalah kerja."},
	{"Magang Pengelolaan Pusat Data", PartnerKominfo, "CLOUD-01:2 SIBER-01:2", AudIT, "magang/80", "Bekerja bersama tim pusat data Diskominfo selama dua minggu."},
	{"Detasering Tim Medan Command Center", PartnerKominfo, "SPBE-02:3 DIG-04:3", AudIT, "detasering/120", "Penugasan sementara di ruang kendali layanan kota."},
	{"Pertukaran Pegawai Kota Cerdas", PartnerLAN, "DIG-11:3 SPBE-03:3", AudLeader, "pertukaran/40", "Bertukar tugas dengan pemerintah kota yang maju dalam kota cerdas."},
	{"Rekam Medis Elektronik di Puskesmas", PartnerUSU, "KES-04:3 DIG-02:2", AudHealth, "bimtek/24 e_learning/8", "Pengisian, pemantauan dan pemanfaatan rekam medis elektronik."},
	{"Pembelajaran Digital dan Platform Merdeka Mengajar", PartnerUnimed, "GURU-02:3 DIG-06:2", AudTeacher, "bimtek/24 e_learning/12 komunitas_belajar/16", "Merancang kelas dengan sumber belajar dan asesmen digital."},
	{"Literasi Digital untuk Guru", PartnerUnimed, "DIG-01:2 DIG-05:2", AudTeacher, "e_learning/8", "Menilai informasi daring dan mengajarkan etika digital kepada murid."},
	{"Analitik Data untuk Pimpinan", PartnerData, "DATA-02:3 M8:3", AudLeader, "workshop/12 coaching/8", "Membaca dasbor dan mengambil keputusan dari data."},
	{"Perencanaan dan Penganggaran dengan SIPD", PartnerBPSDM, "M4:3 DIG-10:2", AudAll, "teknis/32 bimtek/24", "Menyusun rencana kerja dan anggaran di Sistem Informasi Pemerintahan Daerah."},
	{"Tugas Belajar Magister Ilmu Komputer", PartnerUSU, "DIG-12:4 DATA-02:4", AudIT, "tugas_belajar/800", "Program magister dua tahun bagi pranata komputer dan analis sistem."},
	{"Pengelolaan Situs Web dan Keterbukaan Informasi Publik", PartnerKominfo, "DIG-04:2 M3:2", AudAll, "bimtek/16 e_learning/6", "Situs web OPD, daftar informasi publik dan layanan PPID."},
	{"Pemrograman Python untuk Analisis Data", PartnerData, "DATA-02:3 DIG-09:3", AudIT, "kursus/40 e_learning/20", "Mengolah dan menganalisis data layanan dengan Python dan notebook."},
	{"Tata Kelola Data dan Interoperabilitas bagi Walidata", PartnerBPSDMP, "DATA-03:2 DIG-02:3", AudAll, "bimtek/24", "Metadata, kode referensi dan berbagi pakai data antar-OPD."},
	{"Jaringan Komputer dan Keamanan Perangkat Kantor", PartnerPolmed, "SIBER-01:2", AudIT, "kursus/32 magang/40", "Merawat jaringan kantor, perangkat dan pembaruan keamanannya."},
	{"Survei Kepuasan Masyarakat Berbasis Digital", PartnerUMSU, "DIG-04:2 DATA-01:2", AudAll, "bimtek/16", "Merancang, menjalankan dan mengolah SKM secara daring."},
	{"Penanganan Pengaduan Warga melalui SP4N-LAPOR!", PartnerKominfo, "DIG-04:2 M5:3", AudAll, "bimtek/12 e_learning/6", "Menindaklanjuti pengaduan warga tepat waktu dan tuntas."},
	{"Belajar Mandiri Kompetensi Digital ASN", PartnerBPSDMP, "DIG-01:2 DIG-03:2 DIG-07:2", AudAll, "belajar_mandiri/40 jarak_jauh/32", "Jalur belajar kompetensi digital dasar dengan sertifikat."},
	// Leadership, managerial and socio-cultural.
	{"Pelatihan Kepemimpinan Administrator (PKA)", PartnerBPSDM, "M7:4 M8:4 M6:4", AudLeader, "kepemimpinan/400", "Pelatihan kepemimpinan wajib bagi pejabat administrator, dengan proyek perubahan."},
	{"Pelatihan Kepemimpinan Pengawas (PKP)", PartnerBPSDM, "M6:3 M4:3", AudLeader, "kepemimpinan/350", "Pelatihan kepemimpinan wajib bagi pejabat pengawas, dengan aksi perubahan."},
	{"Pelatihan Kepemimpinan Nasional Tingkat II", PartnerLAN, "M7:5 M8:5", AudLeader, "kepemimpinan/480", "Pelatihan kepemimpinan bagi pejabat pimpinan tinggi pratama."},
	{"Pelatihan Dasar CPNS Golongan III", PartnerBPSDM, "M1:2 SK1:2 M5:2", AudAll, "manajerial/400", "Latsar: nilai dasar BerAKHLAK, kedudukan ASN dan aktualisasi di tempat kerja."},
	{"Orientasi PPPK", PartnerBKPSDM, "M1:2 M5:2 SK1:2", AudAll, "sosial_kultural/40 e_learning/20", "Orientasi bagi PPPK: nilai ASN, kinerja dan perjanjian kerja."},
	{"Integritas dan Antikorupsi", PartnerBPSDM, "M1:3", AudAll, "penataran/16 e_learning/6 sosialisasi/4", "Gratifikasi, konflik kepentingan dan budaya antikorupsi."},
	{"Wawasan Kebangsaan dan Moderasi Beragama", PartnerUINSU, "SK1:3", AudAll, "sosial_kultural/24 seminar/8", "Merawat kemajemukan masyarakat Medan dalam pelayanan."},
	{"Pelayanan Prima", PartnerBKPSDM, "M5:3 M3:2", AudAll, "bimtek/16 e_learning/8", "Standar pelayanan, keluhan warga dan sikap melayani."},
	{"Kerja Sama Tim dan Budaya BerAKHLAK", PartnerBKPSDM, "M2:3 SS-04:2", AudAll, "outbound/16 workshop/12", "Membangun tim yang saling percaya di unit kerja."},
	{"Komunikasi Efektif dan Berbicara di Depan Umum", PartnerUMSU, "M3:3", AudAll, "kursus/24 workshop/12", "Menyusun pesan, presentasi dan menghadapi media."},
	{"Coaching untuk Atasan", PartnerBKPSDM, "M6:3", AudLeader, "coaching/12 mentoring/16", "Membimbing bawahan dengan percakapan coaching dan umpan balik."},
	{"Mentoring Pegawai Baru", PartnerBKPSDM, "M6:2 SS-04:2", AudAll, "mentoring/24", "Pendampingan tiga bulan pertama oleh pegawai senior."},
	{"Manajemen Perubahan dan Inovasi Pelayanan", PartnerLAN, "M7:3 SS-02:3", AudLeader, "manajerial/40 workshop/24", "Merancang dan mengawal inovasi layanan di unit kerja."},
	{"Berpikir Kritis dan Keputusan Berbasis Bukti", PartnerUSU, "SS-01:3 M8:3", AudAll, "kursus/24 e_learning/10", "Menguji argumen, data dan alternatif sebelum memutuskan."},
	{"Koordinasi Lintas Perangkat Daerah", PartnerBPSDM, "SS-03:3", AudLeader, "workshop/16", "Rapat, kesepakatan dan tindak lanjut program lintas OPD."},
	{"Kecerdasan Emosional di Tempat Kerja", PartnerUMSU, "SS-04:3", AudAll, "seminar/6 belajar_mandiri/8", "Mengelola emosi diri dan memahami rekan serta warga."},
	{"Manajemen Kinerja ASN", PartnerBKPSDM, "M4:3", AudAll, "sosialisasi/4 bimtek/16", "Menyusun SKP, dialog kinerja dan bukti dukung."},
	{"Sertifikasi Pengadaan Barang/Jasa Tingkat Dasar", PartnerBPSDM, "M1:3 M4:2", AudAll, "fungsional/32", "Persiapan ujian sertifikasi kompetensi pengadaan barang/jasa."},
	{"Penulisan Ringkasan Kebijakan bagi Analis Kebijakan", PartnerLAN, "M8:3 SS-01:3", AudAll, "fungsional/40 mentoring/12", "Menyusun policy brief yang dibaca pimpinan."},
	{"Penilaian dan Penyusutan Arsip bagi Arsiparis", PartnerBPSDM, "DIG-02:3", AudAll, "fungsional/40", "Penilaian, jadwal retensi dan penyusutan arsip."},
	{"Audit Kinerja bagi Auditor", PartnerBPSDM, "M4:3", AudAll, "fungsional/56", "Merencanakan dan melaksanakan audit kinerja program daerah."},
	{"Tugas Belajar Magister Administrasi Publik", PartnerUSU, "M7:4 M8:4", AudLeader, "tugas_belajar/800", "Program magister dua tahun dengan beasiswa pemerintah kota."},
	{"Bimbingan Kerja Pelayanan Administrasi Kependudukan", PartnerBKPSDM, "M5:3 DIG-04:2", AudAll, "bimbingan_kerja/24", "Pendampingan petugas kelurahan melayani dokumen kependudukan."},
	{"Studi Tiru Pelayanan Publik Kota Surabaya", PartnerLAN, "M5:3 M7:3", AudLeader, "patok_banding/24", "Belajar langsung dari mal pelayanan publik kota lain."},
	{"Manajemen Bencana dan Kesiapsiagaan", PartnerBPSDM, "M8:3 SS-03:3", AudAll, "teknis/40 outbound/16", "Rencana kontinjensi, posko dan simulasi evakuasi."},
	{"Peraturan Disiplin PNS", PartnerBKPSDM, "M1:3", AudAll, "penataran/16 sosialisasi/4", "PP 94/2021: kewajiban, larangan dan tata cara hukuman disiplin."},
	{"Akuntansi Keuangan Daerah Berbasis Akrual", PartnerBPSDM, "M4:3", AudAll, "teknis/40 e_learning/12", "Penatausahaan dan laporan keuangan perangkat daerah."},
	{"Penyusunan Standar Operasional Prosedur", PartnerBKPSDM, "M4:2 M5:2", AudAll, "workshop/12 bimbingan_kerja/12", "Menulis dan memperbarui SOP layanan unit kerja."},
	{"Penyusunan Produk Hukum Daerah", PartnerUSU, "M8:2", AudAll, "penataran/24", "Teknik penyusunan peraturan wali kota dan keputusan."},
	{"Pengembangan Karier dan Manajemen Talenta ASN", PartnerBKPSDM, "M6:3", AudAll, "sosialisasi/4 seminar/6", "Jalur karier, talent pool dan rencana suksesi pemerintah kota."},
	{"Bahasa Inggris untuk Pelayanan Pariwisata", PartnerPolmed, "M3:3", AudAll, "kursus/48 jarak_jauh/24", "Melayani wisatawan mancanegara di Medan."},
	{"Outbound Kepemimpinan Muda ASN", PartnerBKPSDM, "M2:3 SS-03:2", AudAll, "outbound/24", "Kepemimpinan dan kerja sama bagi ASN muda di alam terbuka."},
	// Teachers and health workers.
	{"Kurikulum Merdeka: Perencanaan Pembelajaran", PartnerUnimed, "GURU-01:3", AudTeacher, "bimtek/32 komunitas_belajar/16 e_learning/12", "Menyusun alur tujuan pembelajaran dan modul ajar."},
	{"Asesmen Pembelajaran dan Rapor Pendidikan", PartnerUnimed, "GURU-03:3", AudTeacher, "workshop/24 bimtek/24", "Asesmen formatif, sumatif dan tindak lanjut rapor pendidikan."},
	{"Pendidikan Inklusif", PartnerUINSU, "GURU-04:3", AudTeacher, "kursus/32 seminar/8", "Melayani murid berkebutuhan khusus di kelas reguler."},
	{"Kepala Sekolah sebagai Pemimpin Pembelajaran", PartnerUnimed, "M6:3 GURU-02:4", AudTeacher, "coaching/16 mentoring/24", "Pendampingan kepala sekolah memimpin komunitas belajar guru."},
	{"Keselamatan Pasien dan Pencegahan Infeksi", PartnerUSU, "KES-01:3", AudHealth, "bimtek/24 e_learning/8", "Sasaran keselamatan pasien dan PPI di fasilitas kesehatan."},
	{"Penanganan Kegawatdaruratan (BTCLS)", PartnerUSU, "KES-03:3", AudHealth, "kursus/40", "Bantuan hidup dasar, trauma dan kegawatan jantung."},
	{"Pelayanan Kesehatan sesuai Standar Akreditasi Puskesmas", PartnerBPSDM, "KES-02:3", AudHealth, "penataran/24 workshop/16", "Standar pelayanan dan persiapan akreditasi puskesmas."},
	{"Gizi Masyarakat dan Pencegahan Stunting", PartnerUSU, "KES-02:3", AudHealth, "bimtek/24 komunitas_belajar/8", "Deteksi dini, konseling gizi dan kerja lintas sektor."},
	{"Imunisasi dan Rantai Dingin Vaksin", PartnerBPSDM, "KES-02:2", AudHealth, "e_learning/8", "Pengelolaan vaksin dan pelayanan imunisasi rutin."},
	{"Penguatan Profil Pelajar Pancasila", PartnerUnimed, "GURU-02:3 SK1:3", AudTeacher, "bimtek/24", "Merancang projek penguatan profil pelajar Pancasila."},
	{"Literasi dan Numerasi di Sekolah Dasar", PartnerUnimed, "GURU-01:3 GURU-03:3", AudTeacher, "workshop/24 e_learning/12", "Pembelajaran dan asesmen literasi-numerasi kelas awal."},
	{"Tugas Belajar Profesi Ners", PartnerUSU, "KES-02:3", AudHealth, "tugas_belajar/640", "Pendidikan profesi ners bagi perawat lulusan sarjana keperawatan."},
}

// perJP is the usual price of one JP per participant by form, in rupiah.
var perJP = map[model.DevForm]int64{
	"tugas_belajar": 80_000, "kepemimpinan": 90_000, "manajerial": 25_000, "teknis": 120_000, "fungsional": 130_000,
	"sosial_kultural": 80_000, "seminar": 60_000, "workshop": 110_000, "kursus": 140_000, "penataran": 90_000, "bimtek": 125_000,
	"sosialisasi": 0, "coaching": 150_000, "mentoring": 50_000, "e_learning": 15_000, "jarak_jauh": 60_000, "detasering": 30_000,
	"outbound": 150_000, "patok_banding": 250_000, "pertukaran": 200_000, "belajar_mandiri": 0, "komunitas_belajar": 0,
	"bimbingan_kerja": 25_000, "magang": 40_000,
}

// seats is the usual size of a session by form.
var seats = map[model.DevForm]int{
	"tugas_belajar": 10, "kepemimpinan": 40, "manajerial": 40, "teknis": 30, "fungsional": 30, "sosial_kultural": 40,
	"seminar": 200, "workshop": 30, "kursus": 25, "penataran": 50, "bimtek": 40, "sosialisasi": 150, "coaching": 8,
	"mentoring": 10, "e_learning": 500, "jarak_jauh": 100, "detasering": 2, "outbound": 40, "patok_banding": 20,
	"pertukaran": 4, "belajar_mandiri": 1000, "komunitas_belajar": 40, "bimbingan_kerja": 15, "magang": 5,
}

// deliveryOf is how a form is usually delivered: self-paced online, or
// mixed when it runs over months, or in a room (or a live call) together.
func deliveryOf(f model.DevForm) model.Delivery {
	switch f {
	case "e_learning", "belajar_mandiri":
		return model.DeliveryAsync
	case "tugas_belajar", "kepemimpinan", "komunitas_belajar", "manajerial":
		return model.DeliveryBlended
	}
	return model.DeliverySync
}

// learningModel is the ASN Corpu model of a form.
func learningModel(f model.DevForm) model.LearningModel {
	info, _ := model.FormInfo(f)
	switch {
	case info.Category != model.FormNonClassroom:
		return "terstruktur"
	case f == "coaching" || f == "mentoring" || f == "magang" || f == "detasering" || f == "bimbingan_kerja":
		return "tempat_kerja"
	case f == "komunitas_belajar" || f == "patok_banding" || f == "pertukaran":
		return "kolaboratif"
	}
	return "terintegrasi"
}

// digitalPrefixes mark the competencies of the digital framework and the
// technical digital ones (SPBE, data, GIS, cyber, cloud).
var digitalPrefixes = []string{"DIG-", "SPBE-", "DATA-", "SIG-", "SIBER-", "CLOUD-"}

func isDigitalComp(code string) bool {
	for _, p := range digitalPrefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// Catalogue returns the demo programmes, codes numbered per area (DGT-,
// MNJ-, GRU-, KES-), the same on every run.
func Catalogue() []Prog {
	out := make([]Prog, 0, 160)
	num := map[string]int{}
	for _, t := range themes {
		var comps []CompLevel
		digital := false
		for _, c := range strings.Fields(t.comps) {
			code, lv, _ := strings.Cut(c, ":")
			n, err := strconv.Atoi(lv)
			if err != nil {
				panic("demo: bad competency level in " + t.title)
			}
			comps = append(comps, CompLevel{code, n})
			digital = digital || isDigitalComp(code)
		}
		area := "MNJ"
		switch {
		case digital:
			area = "DGT"
		case t.aud == AudTeacher:
			area = "GRU"
		case t.aud == AudHealth:
			area = "KES"
		}
		offers := strings.Fields(t.forms)
		for _, o := range offers {
			fs, jps, _ := strings.Cut(o, "/")
			form := model.DevForm(fs)
			jp, err := strconv.Atoi(jps)
			if _, ok := model.FormInfo(form); !ok || err != nil {
				panic("demo: bad offer " + o + " of " + t.title)
			}
			num[area]++
			title := t.title
			if len(offers) > 1 {
				title += " (" + formLabel[form] + ")"
			}
			cost := perJP[form] * int64(jp)
			if t.partner == PartnerBKPSDM || t.partner == PartnerKominfo {
				cost /= 2 // the city's own trainers charge only their costs
			}
			cost = cost / 50_000 * 50_000
			cap := seats[form]
			if t.title == "Pelatihan Kepemimpinan Nasional Tingkat II" {
				cap = 30
			}
			out = append(out, Prog{
				Programme: model.Programme{Code: fmt.Sprintf("%s-%03d", area, num[area]), Title: title, Description: t.desc,
					Form: form, Model: learningModel(form), Delivery: deliveryOf(form), JP: jp, Cost: cost, Capacity: cap, Active: true,
					Prerequisites: prerequisite(form)},
				Partner: t.partner, Comps: comps, Audience: t.aud, Digital: digital,
			})
		}
	}
	return out
}

// formLabel names a form in a programme's title when a theme is offered in
// several.
var formLabel = map[model.DevForm]string{
	"tugas_belajar": "Tugas Belajar", "kepemimpinan": "Pelatihan Kepemimpinan", "manajerial": "Pelatihan Manajerial",
	"teknis": "Pelatihan Teknis", "fungsional": "Pelatihan Fungsional", "sosial_kultural": "Pelatihan Sosial Kultural",
	"seminar": "Seminar", "workshop": "Lokakarya", "kursus": "Kursus", "penataran": "Penataran", "bimtek": "Bimtek",
	"sosialisasi": "Sosialisasi", "coaching": "Coaching", "mentoring": "Mentoring", "e_learning": "E-Learning",
	"jarak_jauh": "Pelatihan Jarak Jauh", "detasering": "Detasering", "outbound": "Outbound", "patok_banding": "Patok Banding",
	"pertukaran": "Pertukaran", "belajar_mandiri": "Belajar Mandiri", "komunitas_belajar": "Komunitas Belajar",
	"bimbingan_kerja": "Bimbingan di Tempat Kerja", "magang": "Magang",
}

// prerequisite is what a form asks of its participants before they come.
func prerequisite(f model.DevForm) string {
	switch f {
	case "kepemimpinan":
		return "Menduduki atau akan menduduki jabatan yang dipersyaratkan; surat tugas kepala perangkat daerah."
	case "tugas_belajar":
		return "PNS dengan masa kerja paling singkat 2 tahun, usia paling tinggi 37 tahun; lulus seleksi perguruan tinggi."
	case "magang", "detasering", "pertukaran":
		return "Persetujuan kepala perangkat daerah asal; tugas di unit asal dialihkan selama kegiatan."
	}
	return ""
}

// AudienceOf tells whom a post's holder is for, from its title: teachers,
// health workers, IT staff, heads of units, or anybody.
func AudienceOf(title string, head bool) Audience {
	switch {
	case head:
		return AudLeader
	case strings.HasPrefix(title, "Guru"):
		return AudTeacher
	case strings.HasPrefix(title, "Pranata Komputer"), strings.HasPrefix(title, "Statistisi"), strings.HasPrefix(title, "Penata Kelola Sistem"):
		return AudIT
	}
	for _, h := range []string{"Dokter", "Perawat", "Bidan", "Apoteker", "Sanitarian", "Nutrisionis", "Pranata Laboratorium Kesehatan",
		"Penyuluh Kesehatan", "Epidemiolog", "Administrator Kesehatan", "Radiografer", "Perekam Medis", "Asisten Apoteker", "Tenaga Sanitasi"} {
		if strings.HasPrefix(title, h) {
			return AudHealth
		}
	}
	return AudAll
}
