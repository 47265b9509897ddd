package demo

// This file holds the hand-written lists that make the demo city look like
// Kota Medan: agencies (OPD) with their bidang and seksi, kecamatan with their
// kelurahan, puskesmas, and the functional-position families each agency uses.
// Facts are typical, not authoritative (demo-data.md tags them [U]).

// opdKind says how an OPD is laid out and what its head is called.
type opdKind uint8

const (
	kindDinas  opdKind = iota // Kepala Dinas, Sekretariat, bidang with seksi
	kindBadan                 // Kepala Badan, Sekretariat, bidang with subbidang
	kindInsp                  // Inspektur, Sekretariat, Inspektur Pembantu
	kindSetwan                // Sekretaris DPRD, bagian with subbagian
	kindOther                 // head title given explicitly
)

// opdSpec describes one OPD of the skeleton (kecamatan, Setda and the RSUD
// are built by their own code).
type opdSpec struct {
	code  string
	name  string
	kind  opdKind
	head  string  // head title when not the default for the kind
	field uint8   // academic field of the head (gelar), fGen when zero
	mult  float32 // staff weight multiplier (1 when zero)
	fam   []string
	bid   [][]string // bidang name followed by its seksi/subbidang
	upt   []uptSpec  // fixed, named UPT of this OPD
}

// uptSpec is a named technical unit with its staff families.
type uptSpec struct {
	code, name string
	fam        []string // "family:weight" or "=Pelaksana title:weight"
}

var opdSpecs = []opdSpec{
	{code: "SETWAN", name: "Sekretariat DPRD", kind: kindSetwan, head: "Sekretaris DPRD",
		fam: []string{"analis_kebijakan", "perancang_uu:0.6", "pranata_humas:0.6"},
		bid: [][]string{
			{"Bagian Umum dan Keuangan", "Subbagian Tata Usaha dan Kepegawaian", "Subbagian Keuangan", "Subbagian Rumah Tangga dan Perlengkapan"},
			{"Bagian Persidangan dan Perundang-undangan", "Subbagian Persidangan dan Risalah", "Subbagian Perundang-undangan"},
			{"Bagian Fasilitasi Penganggaran dan Pengawasan", "Subbagian Fasilitasi Penganggaran", "Subbagian Fasilitasi Pengawasan"},
			{"Bagian Hubungan Masyarakat dan Protokol", "Subbagian Hubungan Masyarakat", "Subbagian Protokol"},
		}},
	{code: "INSPEKTORAT", name: "Inspektorat", kind: kindInsp, head: "Inspektur", field: fFin,
		fam: []string{"auditor:5", "p2upd:3"},
		bid: [][]string{{"Inspektur Pembantu Wilayah I"}, {"Inspektur Pembantu Wilayah II"}, {"Inspektur Pembantu Wilayah III"}, {"Inspektur Pembantu Wilayah IV"}}},
	{code: "BAPPEDA", name: "Badan Perencanaan Pembangunan Daerah", kind: kindBadan, field: fPlan,
		fam: []string{"perencana:3", "statistisi:0.5"},
		bid: [][]string{
			{"Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "Subbidang Perencanaan Pembangunan Daerah", "Subbidang Pengendalian dan Evaluasi", "Subbidang Data dan Informasi Pembangunan"},
			{"Bidang Pemerintahan dan Pembangunan Manusia", "Subbidang Pemerintahan", "Subbidang Pembangunan Manusia", "Subbidang Sosial Budaya"},
			{"Bidang Perekonomian dan Sumber Daya Alam", "Subbidang Perekonomian", "Subbidang Sumber Daya Alam"},
			{"Bidang Infrastruktur dan Kewilayahan", "Subbidang Infrastruktur", "Subbidang Pengembangan Wilayah dan Tata Ruang"},
		}},
	{code: "BRIDA", name: "Badan Riset dan Inovasi Daerah", kind: kindBadan, field: fPlan,
		fam: []string{"peneliti:1.5", "analis_kebijakan"},
		bid: [][]string{
			{"Bidang Riset dan Inovasi Pemerintahan dan Sosial Kemasyarakatan", "Subbidang Riset Pemerintahan", "Subbidang Riset Sosial Kemasyarakatan"},
			{"Bidang Riset dan Inovasi Ekonomi dan Pembangunan", "Subbidang Riset Ekonomi", "Subbidang Riset Pembangunan"},
			{"Bidang Kemitraan dan Difusi Inovasi", "Subbidang Kemitraan Riset", "Subbidang Difusi dan Pemanfaatan Inovasi"},
		}},
	{code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", kind: kindBadan, field: fHR, mult: 1.2,
		fam: []string{"sdm:3", "asesor:0.6", "widyaiswara:0.4"},
		bid: [][]string{
			{"Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", "Subbidang Pengadaan dan Pemberhentian", "Subbidang Data dan Sistem Informasi Kepegawaian"},
			{"Bidang Mutasi dan Promosi", "Subbidang Mutasi", "Subbidang Promosi dan Jabatan Fungsional", "Subbidang Kepangkatan"},
			{"Bidang Pengembangan Kompetensi Aparatur", "Subbidang Pengembangan Kompetensi Manajerial dan Fungsional", "Subbidang Pengembangan Kompetensi Teknis", "Subbidang Tugas Belajar dan Izin Belajar"},
			{"Bidang Penilaian Kinerja Aparatur dan Penghargaan", "Subbidang Penilaian Kinerja", "Subbidang Disiplin dan Penghargaan"},
		}},
	{code: "BKAD", name: "Badan Keuangan dan Aset Daerah", kind: kindBadan, field: fFin, mult: 1.3,
		fam: []string{"analis_keuangan:2.5", "pbj:0.5"},
		bid: [][]string{
			{"Bidang Anggaran", "Subbidang Anggaran Belanja", "Subbidang Anggaran Pendapatan dan Pembiayaan"},
			{"Bidang Perbendaharaan", "Subbidang Belanja Langsung", "Subbidang Belanja Tidak Langsung", "Subbidang Kas Daerah"},
			{"Bidang Akuntansi dan Pelaporan", "Subbidang Akuntansi", "Subbidang Pelaporan Keuangan"},
			{"Bidang Aset", "Subbidang Penatausahaan Aset", "Subbidang Pemanfaatan dan Pengamanan Aset"},
		}},
	{code: "BAPENDA", name: "Badan Pendapatan Daerah", kind: kindBadan, field: fFin, mult: 1.6,
		fam: []string{"analis_keuangan", "prakom:0.5"},
		bid: [][]string{
			{"Bidang Pajak Bumi dan Bangunan dan BPHTB", "Subbidang Pendataan dan Penilaian", "Subbidang Penetapan dan Pelayanan"},
			{"Bidang Pajak Daerah Lainnya", "Subbidang Pajak Hotel, Restoran dan Hiburan", "Subbidang Pajak Reklame, Parkir dan Air Tanah", "Subbidang Pajak Barang dan Jasa Tertentu"},
			{"Bidang Perencanaan dan Pengembangan Pendapatan", "Subbidang Perencanaan Pendapatan", "Subbidang Pengembangan dan Sistem Informasi Pendapatan"},
			{"Bidang Penagihan dan Pengendalian", "Subbidang Penagihan", "Subbidang Keberatan dan Pengendalian"},
		}},
	{code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", kind: kindBadan, field: fGov,
		fam: []string{"analis_kebijakan"},
		bid: [][]string{
			{"Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa", "Subbidang Ideologi dan Wawasan Kebangsaan", "Subbidang Karakter dan Budaya Bangsa"},
			{"Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan", "Subbidang Politik Dalam Negeri", "Subbidang Organisasi Kemasyarakatan"},
			{"Bidang Kewaspadaan Nasional dan Penanganan Konflik", "Subbidang Kewaspadaan Dini", "Subbidang Penanganan Konflik"},
		}},
	{code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", kind: kindBadan, head: "Kepala Pelaksana", field: fGov,
		fam: []string{"penata_bencana:1.5"},
		bid: [][]string{
			{"Bidang Pencegahan dan Kesiapsiagaan", "Seksi Pencegahan", "Seksi Kesiapsiagaan"},
			{"Bidang Kedaruratan dan Logistik", "Seksi Kedaruratan", "Seksi Logistik"},
			{"Bidang Rehabilitasi dan Rekonstruksi", "Seksi Rehabilitasi", "Seksi Rekonstruksi"},
		}},
	{code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", kind: kindDinas, head: "Kepala Satuan", field: fGov, mult: 2,
		fam: []string{"polpp:12"},
		bid: [][]string{
			{"Bidang Penegakan Peraturan Daerah", "Seksi Pembinaan, Pengawasan dan Penyuluhan", "Seksi Penyelidikan dan Penyidikan"},
			{"Bidang Ketertiban Umum dan Ketenteraman Masyarakat", "Seksi Operasi dan Pengendalian", "Seksi Kerja Sama"},
			{"Bidang Perlindungan Masyarakat", "Seksi Satuan Perlindungan Masyarakat", "Seksi Bina Potensi Masyarakat"},
			{"Bidang Sumber Daya Aparatur", "Seksi Pelatihan Dasar", "Seksi Teknis Fungsional"},
		}},
	{code: "DISDIKBUD", name: "Dinas Pendidikan dan Kebudayaan", kind: kindDinas, field: fTeach, mult: 1.3,
		fam: []string{"pengawas_sekolah:3", "pamong_budaya:0.4"},
		bid: [][]string{
			{"Bidang Pembinaan Sekolah Dasar", "Seksi Kurikulum dan Penilaian SD", "Seksi Peserta Didik dan Pembangunan Karakter SD", "Seksi Sarana dan Prasarana SD"},
			{"Bidang Pembinaan Sekolah Menengah Pertama", "Seksi Kurikulum dan Penilaian SMP", "Seksi Peserta Didik dan Pembangunan Karakter SMP", "Seksi Sarana dan Prasarana SMP"},
			{"Bidang Pembinaan PAUD dan Pendidikan Nonformal", "Seksi Kurikulum dan Penilaian PAUD", "Seksi Kelembagaan dan Pendidikan Masyarakat"},
			{"Bidang Pembinaan Ketenagaan", "Seksi Pendidik dan Tenaga Kependidikan SD", "Seksi Pendidik dan Tenaga Kependidikan SMP"},
			{"Bidang Kebudayaan", "Seksi Cagar Budaya dan Permuseuman", "Seksi Kesenian dan Tradisi"},
		}},
	{code: "DINKES", name: "Dinas Kesehatan", kind: kindDinas, field: fDoctor, mult: 1.2,
		fam: []string{"epid:0.6", "admkes:0.8", "pkm:0.6", "apoteker:0.4"},
		bid: [][]string{
			{"Bidang Kesehatan Masyarakat", "Seksi Kesehatan Keluarga dan Gizi", "Seksi Promosi dan Pemberdayaan Masyarakat", "Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga"},
			{"Bidang Pencegahan dan Pengendalian Penyakit", "Seksi Surveilans dan Imunisasi", "Seksi Pencegahan dan Pengendalian Penyakit Menular", "Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa"},
			{"Bidang Pelayanan Kesehatan", "Seksi Pelayanan Kesehatan Primer", "Seksi Pelayanan Kesehatan Rujukan", "Seksi Pelayanan Kesehatan Tradisional"},
			{"Bidang Sumber Daya Kesehatan", "Seksi Kefarmasian", "Seksi Alat Kesehatan dan PKRT", "Seksi Sumber Daya Manusia Kesehatan"},
		},
		upt: []uptSpec{
			{"LABKESDA", "UPT Laboratorium Kesehatan Daerah", []string{"pralab:6", "admkes:0.5", "=Pengadministrasi Perkantoran:1.5"}},
			{"IFK", "UPT Instalasi Farmasi", []string{"apoteker:2", "asisten_apoteker:4", "=Pengelola Umum Operasional:1.5"}},
		}},
	{code: "DINSOS", name: "Dinas Sosial", kind: kindDinas, field: fSocial,
		fam: []string{"pekerja_sosial:1.5", "penyuluh_sosial"},
		bid: [][]string{
			{"Bidang Perlindungan dan Jaminan Sosial", "Seksi Perlindungan Sosial Korban Bencana", "Seksi Jaminan Sosial Keluarga"},
			{"Bidang Rehabilitasi Sosial", "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia", "Seksi Rehabilitasi Sosial Penyandang Disabilitas", "Seksi Rehabilitasi Sosial Tuna Sosial dan Korban Perdagangan Orang"},
			{"Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Seksi Pemberdayaan Sosial", "Seksi Penanganan Fakir Miskin", "Seksi Data dan Informasi Kesejahteraan Sosial"},
		}},
	{code: "DISNAKER", name: "Dinas Tenaga Kerja", kind: kindDinas, field: fLaw,
		fam: []string{"mediator", "pengantar_kerja", "instruktur:0.5"},
		bid: [][]string{
			{"Bidang Pelatihan dan Produktivitas Tenaga Kerja", "Seksi Pelatihan Kerja", "Seksi Produktivitas Tenaga Kerja"},
			{"Bidang Penempatan dan Perluasan Kesempatan Kerja", "Seksi Penempatan Tenaga Kerja", "Seksi Perluasan Kesempatan Kerja", "Seksi Informasi Pasar Kerja"},
			{"Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja", "Seksi Persyaratan Kerja dan Kelembagaan", "Seksi Penyelesaian Perselisihan Hubungan Industrial", "Seksi Pengupahan dan Jaminan Sosial"},
		},
		upt: []uptSpec{{"BLK", "UPT Balai Latihan Kerja", []string{"instruktur:6", "=Pengadministrasi Perkantoran:1", "=Pengelola Umum Operasional:1"}}}},
	{code: "DSDABMBK", name: "Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi", kind: kindDinas, field: fEng, mult: 1.3,
		fam: []string{"teknik_jalan:1.2", "teknik_pengairan:0.8", "pbj:0.4"},
		bid: [][]string{
			{"Bidang Sumber Daya Air", "Seksi Perencanaan Sumber Daya Air", "Seksi Pembangunan dan Pemeliharaan Drainase"},
			{"Bidang Bina Marga", "Seksi Perencanaan Jalan dan Jembatan", "Seksi Pembangunan Jalan dan Jembatan", "Seksi Pemeliharaan Jalan dan Jembatan"},
			{"Bidang Bina Konstruksi", "Seksi Pembinaan Jasa Konstruksi", "Seksi Pengawasan Jasa Konstruksi"},
			{"Bidang Peralatan dan Perbekalan", "Seksi Peralatan", "Seksi Perbekalan"},
		}},
	{code: "DPKPCKTR", name: "Dinas Perumahan, Kawasan Permukiman, Cipta Karya dan Tata Ruang", kind: kindDinas, field: fEng, mult: 1.2,
		fam: []string{"penata_ruang", "ttbp"},
		bid: [][]string{
			{"Bidang Perumahan dan Kawasan Permukiman", "Seksi Perumahan", "Seksi Kawasan Permukiman"},
			{"Bidang Cipta Karya", "Seksi Bangunan Gedung", "Seksi Air Minum dan Sanitasi"},
			{"Bidang Tata Ruang", "Seksi Perencanaan Tata Ruang", "Seksi Pemanfaatan dan Pengendalian Tata Ruang"},
			{"Bidang Pertamanan dan Penerangan Jalan Umum", "Seksi Pertamanan", "Seksi Penerangan Jalan Umum"},
		}},
	{code: "DISHUB", name: "Dinas Perhubungan", kind: kindDinas, field: fEng, mult: 1.6,
		fam: []string{"penguji_kb:0.8", "=Operator Layanan Operasional:2"},
		bid: [][]string{
			{"Bidang Lalu Lintas", "Seksi Manajemen dan Rekayasa Lalu Lintas", "Seksi Pengendalian dan Operasional Lalu Lintas"},
			{"Bidang Angkutan", "Seksi Angkutan Orang", "Seksi Angkutan Barang"},
			{"Bidang Prasarana dan Keselamatan", "Seksi Prasarana Jalan dan Terminal", "Seksi Keselamatan Transportasi"},
			{"Bidang Perparkiran", "Seksi Pengelolaan Parkir", "Seksi Pengawasan dan Pengendalian Parkir"},
		},
		upt: []uptSpec{{"PKB", "UPT Pengujian Kendaraan Bermotor", []string{"penguji_kb:6", "=Pengadministrasi Perkantoran:1"}}}},
	{code: "DLH", name: "Dinas Lingkungan Hidup", kind: kindDinas, field: fEng, mult: 1.2,
		fam: []string{"pdl", "pengawas_lh:0.6"},
		bid: [][]string{
			{"Bidang Tata Lingkungan", "Seksi Perencanaan dan Kajian Dampak Lingkungan", "Seksi Pemeliharaan Lingkungan Hidup"},
			{"Bidang Pengelolaan Sampah dan Limbah B3", "Seksi Pengurangan Sampah", "Seksi Penanganan Sampah", "Seksi Limbah Bahan Berbahaya dan Beracun"},
			{"Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan", "Seksi Pemantauan Lingkungan", "Seksi Pencegahan dan Penanggulangan Pencemaran"},
			{"Bidang Penaatan dan Peningkatan Kapasitas Lingkungan", "Seksi Pengaduan dan Penegakan Hukum Lingkungan", "Seksi Peningkatan Kapasitas Lingkungan"},
		}},
	{code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: kindDinas, field: fGov, mult: 1.5,
		fam: []string{"adm_db_kependudukan:1.2", "prakom:0.4"},
		bid: [][]string{
			{"Bidang Pelayanan Pendaftaran Penduduk", "Seksi Identitas Penduduk", "Seksi Pindah Datang Penduduk", "Seksi Pendataan Penduduk"},
			{"Bidang Pelayanan Pencatatan Sipil", "Seksi Kelahiran", "Seksi Perkawinan dan Perceraian", "Seksi Perubahan Status Anak, Pewarganegaraan dan Kematian"},
			{"Bidang Pengelolaan Informasi Administrasi Kependudukan", "Seksi Sistem Informasi Administrasi Kependudukan", "Seksi Pengolahan dan Penyajian Data Kependudukan", "Seksi Tata Kelola dan SDM Teknologi Informasi"},
			{"Bidang Pemanfaatan Data dan Inovasi Pelayanan", "Seksi Kerja Sama dan Pemanfaatan Data", "Seksi Inovasi Pelayanan"},
		}},
	{code: "DP3AP2KB", name: "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", kind: kindDinas, field: fSocial,
		fam: []string{"pkb:2", "pekerja_sosial:0.5"},
		bid: [][]string{
			{"Bidang Kesetaraan Gender dan Pemberdayaan Perempuan", "Seksi Kualitas Hidup Perempuan", "Seksi Pengarusutamaan Gender"},
			{"Bidang Perlindungan Perempuan dan Anak", "Seksi Perlindungan Hak Perempuan", "Seksi Perlindungan Khusus Anak", "Seksi Pemenuhan Hak Anak"},
			{"Bidang Pengendalian Penduduk", "Seksi Pengendalian Penduduk", "Seksi Penyuluhan dan Penggerakan"},
			{"Bidang Keluarga Berencana", "Seksi Jaminan Pelayanan Keluarga Berencana", "Seksi Ketahanan dan Kesejahteraan Keluarga"},
		}},
	{code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", kind: kindDinas, field: fIT,
		fam: []string{"prakom:1.5", "pranata_humas", "statistisi:0.5", "sandiman:0.4"},
		bid: [][]string{
			{"Bidang Informasi dan Komunikasi Publik", "Seksi Pengelolaan Informasi Publik", "Seksi Pengelolaan Komunikasi Publik", "Seksi Layanan Hubungan Media"},
			{"Bidang Aplikasi Informatika", "Seksi Layanan Aplikasi dan Tata Kelola E-Government", "Seksi Pengembangan Aplikasi"},
			{"Bidang Infrastruktur Teknologi Informasi dan Komunikasi", "Seksi Infrastruktur dan Jaringan", "Seksi Keamanan Informasi"},
			{"Bidang Statistik dan Persandian", "Seksi Statistik Sektoral", "Seksi Persandian"},
		}},
	{code: "DKUKMPP", name: "Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan", kind: kindDinas, field: fFin,
		fam: []string{"pengawas_koperasi", "penyuluh_perindag", "penera:0.4"},
		bid: [][]string{
			{"Bidang Koperasi", "Seksi Kelembagaan dan Pengawasan Koperasi", "Seksi Pemberdayaan Koperasi"},
			{"Bidang Usaha Mikro, Kecil dan Menengah", "Seksi Pemberdayaan Usaha Mikro", "Seksi Pengembangan Usaha Kecil dan Menengah"},
			{"Bidang Perindustrian", "Seksi Industri Agro dan Kimia", "Seksi Industri Logam, Mesin dan Aneka"},
			{"Bidang Perdagangan", "Seksi Perdagangan Dalam Negeri", "Seksi Perlindungan Konsumen", "Seksi Pengendalian Barang Kebutuhan Pokok"},
		},
		upt: []uptSpec{{"METROLOGI", "UPT Metrologi Legal", []string{"penera:4", "=Pengadministrasi Perkantoran:1"}}}},
	{code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", kind: kindDinas, field: fLaw, mult: 1.2,
		fam: []string{"analis_kebijakan", "prakom:0.5"},
		bid: [][]string{
			{"Bidang Perencanaan dan Promosi Penanaman Modal", "Seksi Perencanaan Penanaman Modal", "Seksi Promosi Penanaman Modal"},
			{"Bidang Pelayanan Perizinan dan Nonperizinan", "Seksi Perizinan Usaha", "Seksi Perizinan Bangunan dan Lingkungan", "Seksi Nonperizinan"},
			{"Bidang Pengendalian Pelaksanaan Penanaman Modal", "Seksi Pemantauan dan Pembinaan", "Seksi Pengawasan"},
			{"Bidang Data, Sistem Informasi dan Pengaduan", "Seksi Data dan Sistem Informasi", "Seksi Pengaduan dan Advokasi"},
		}},
	{code: "DKPPP", name: "Dinas Ketahanan Pangan, Pertanian dan Perikanan", kind: kindDinas, field: fAgri,
		fam: []string{"penyuluh_pertanian:1.5", "penyuluh_perikanan:0.5", "medik_vet:0.4", "paramedik_vet:0.4"},
		bid: [][]string{
			{"Bidang Ketahanan Pangan", "Seksi Ketersediaan dan Distribusi Pangan", "Seksi Konsumsi dan Keamanan Pangan"},
			{"Bidang Pertanian", "Seksi Tanaman Pangan dan Hortikultura", "Seksi Penyuluhan Pertanian"},
			{"Bidang Perikanan", "Seksi Perikanan Tangkap", "Seksi Perikanan Budidaya"},
			{"Bidang Peternakan dan Kesehatan Hewan", "Seksi Peternakan", "Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner"},
		},
		upt: []uptSpec{{"RPH", "UPT Rumah Potong Hewan", []string{"medik_vet:1", "paramedik_vet:4", "=Pengelola Umum Operasional:3"}}}},
	{code: "DISPAR", name: "Dinas Pariwisata", kind: kindDinas,
		fam: []string{"adyatama:1.2"},
		bid: [][]string{
			{"Bidang Destinasi Pariwisata", "Seksi Pengembangan Destinasi", "Seksi Pengelolaan Daya Tarik Wisata"},
			{"Bidang Pemasaran Pariwisata", "Seksi Promosi Pariwisata", "Seksi Kemitraan dan Informasi Pariwisata"},
			{"Bidang Ekonomi Kreatif", "Seksi Pengembangan Ekonomi Kreatif", "Seksi Fasilitasi Pelaku Ekonomi Kreatif"},
			{"Bidang Industri dan Kelembagaan Pariwisata", "Seksi Usaha Pariwisata", "Seksi Sumber Daya Manusia Pariwisata"},
		}},
	{code: "DISPORA", name: "Dinas Pemuda dan Olahraga", kind: kindDinas,
		fam: []string{"analis_kebijakan"},
		bid: [][]string{
			{"Bidang Kepemudaan", "Seksi Pemberdayaan Pemuda", "Seksi Pengembangan Pemuda"},
			{"Bidang Keolahragaan", "Seksi Olahraga Prestasi", "Seksi Olahraga Rekreasi dan Pendidikan"},
			{"Bidang Sarana dan Prasarana", "Seksi Sarana dan Prasarana Kepemudaan", "Seksi Sarana dan Prasarana Olahraga"},
		}},
	{code: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan", kind: kindDinas, field: fLib,
		fam: []string{"pustakawan:1.5", "arsiparis:1.5"},
		bid: [][]string{
			{"Bidang Layanan Perpustakaan", "Seksi Layanan dan Otomasi Perpustakaan", "Seksi Deposit dan Pelestarian Bahan Pustaka"},
			{"Bidang Pembinaan dan Pembudayaan Kegemaran Membaca", "Seksi Pembinaan Perpustakaan", "Seksi Pembudayaan Kegemaran Membaca"},
			{"Bidang Pengelolaan Arsip", "Seksi Akuisisi dan Pengolahan Arsip", "Seksi Preservasi dan Layanan Arsip"},
			{"Bidang Pembinaan Kearsipan", "Seksi Pembinaan Arsip Dinamis", "Seksi Pengawasan Kearsipan"},
		}},
	{code: "DAMKAR", name: "Dinas Pemadam Kebakaran dan Penyelamatan", kind: kindDinas, field: fEng, mult: 1.5,
		fam: []string{"pemadam:8", "inspektur_kebakaran:0.5"},
		bid: [][]string{
			{"Bidang Pencegahan", "Seksi Inspeksi dan Investigasi", "Seksi Penyuluhan dan Pemberdayaan Masyarakat"},
			{"Bidang Operasi dan Penyelamatan", "Seksi Pemadaman", "Seksi Penyelamatan"},
			{"Bidang Sarana dan Prasarana", "Seksi Sarana Operasional", "Seksi Pemeliharaan Peralatan"},
		}},
}

// setdaSpec: Asisten, their Bagian and the Bagian's Subbagian, with the
// functional families of each Bagian.
var setdaSpec = []struct {
	asisten string
	bagian  [][]string // bagian name, then subbagian
	fam     [][]string // per bagian
}{
	{"Asisten Pemerintahan dan Kesejahteraan Rakyat",
		[][]string{
			{"Bagian Tata Pemerintahan", "Subbagian Pemerintahan Umum", "Subbagian Otonomi Daerah", "Subbagian Kerja Sama"},
			{"Bagian Hukum", "Subbagian Perundang-undangan", "Subbagian Bantuan Hukum", "Subbagian Dokumentasi dan Informasi Hukum"},
			{"Bagian Kesejahteraan Rakyat", "Subbagian Bina Mental Spiritual", "Subbagian Kesejahteraan Sosial", "Subbagian Pendidikan dan Kesehatan"},
		},
		[][]string{{"analis_kebijakan"}, {"analis_hukum", "perancang_uu"}, {"analis_kebijakan"}}},
	{"Asisten Perekonomian dan Pembangunan",
		[][]string{
			{"Bagian Perekonomian", "Subbagian Pembinaan BUMD", "Subbagian Perekonomian Daerah"},
			{"Bagian Administrasi Pembangunan", "Subbagian Program Pembangunan", "Subbagian Pengendalian Pembangunan", "Subbagian Evaluasi dan Pelaporan Pembangunan"},
			{"Bagian Pengadaan Barang dan Jasa", "Subbagian Pengelolaan Pengadaan Barang dan Jasa", "Subbagian Pengelolaan Layanan Pengadaan Secara Elektronik", "Subbagian Pembinaan dan Advokasi Pengadaan"},
		},
		[][]string{{"analis_kebijakan"}, {"perencana"}, {"pbj:2"}}},
	{"Asisten Administrasi Umum",
		[][]string{
			{"Bagian Umum", "Subbagian Tata Usaha", "Subbagian Rumah Tangga", "Subbagian Keuangan"},
			{"Bagian Organisasi", "Subbagian Kelembagaan dan Analisis Jabatan", "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja", "Subbagian Tata Laksana"},
			{"Bagian Protokol dan Komunikasi Pimpinan", "Subbagian Protokol", "Subbagian Komunikasi Pimpinan", "Subbagian Dokumentasi Pimpinan"},
		},
		[][]string{{"arsiparis"}, {"analis_kebijakan", "sdm:0.5"}, {"pranata_humas:1.5"}}},
}

// stafAhli are the mayor's expert staff (JPT Pratama, attached to Setda,
// heading no unit).
var stafAhli = []string{
	"Staf Ahli Wali Kota Bidang Hukum, Politik dan Pemerintahan",
	"Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan",
	"Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia",
}

// kecamatan lists Medan's 21 kecamatan with (most of) their kelurahan.
var kecamatan = []struct {
	name string
	kel  []string
}{
	{"Medan Amplas", []string{"Amplas", "Bangun Mulia", "Harjosari I", "Harjosari II", "Sitirejo II", "Sitirejo III", "Timbang Deli"}},
	{"Medan Area", []string{"Kota Matsum I", "Kota Matsum II", "Kota Matsum IV", "Pandau Hulu II", "Pasar Merah Timur", "Sei Rengas I", "Sei Rengas II", "Sukaramai I", "Sukaramai II", "Tegal Sari I", "Tegal Sari II", "Tegal Sari III"}},
	{"Medan Barat", []string{"Glugur Kota", "Karang Berombak", "Kesawan", "Pulo Brayan Kota", "Sei Agul", "Silalas"}},
	{"Medan Baru", []string{"Babura", "Darat", "Merdeka", "Padang Bulan", "Petisah Hulu", "Titi Rantai"}},
	{"Medan Belawan", []string{"Bagan Deli", "Belawan Bahagia", "Belawan Bahari", "Belawan I", "Belawan II", "Belawan Sicanang"}},
	{"Medan Deli", []string{"Kota Bangun", "Mabar", "Mabar Hilir", "Tanjung Mulia", "Tanjung Mulia Hilir", "Titi Papan"}},
	{"Medan Denai", []string{"Binjai", "Denai", "Medan Tenggara", "Tegal Sari Mandala I", "Tegal Sari Mandala II", "Tegal Sari Mandala III"}},
	{"Medan Helvetia", []string{"Cinta Damai", "Dwi Kora", "Helvetia", "Helvetia Tengah", "Helvetia Timur", "Sei Sikambing C II", "Tanjung Gusta"}},
	{"Medan Johor", []string{"Gedung Johor", "Kedai Durian", "Kwala Bekala", "Pangkalan Masyhur", "Suka Maju", "Titi Kuning"}},
	{"Medan Kota", []string{"Kota Matsum III", "Mesjid", "Pasar Baru", "Pusat Pasar", "Sitirejo I", "Sudirejo I", "Sudirejo II", "Teladan Barat", "Teladan Timur"}},
	{"Medan Labuhan", []string{"Besar", "Martubung", "Nelayan Indah", "Pekan Labuhan", "Sei Mati", "Tangkahan"}},
	{"Medan Maimun", []string{"Aur", "Hamdan", "Jati", "Kampung Baru", "Sei Mati", "Sukaraja"}},
	{"Medan Marelan", []string{"Labuhan Deli", "Paya Pasir", "Rengas Pulau", "Tanah Enam Ratus", "Terjun"}},
	{"Medan Perjuangan", []string{"Pandau Hulu I", "Sei Kera Hilir I", "Sei Kera Hilir II", "Sei Kera Hulu", "Sidorame Barat I", "Sidorame Barat II", "Sidorame Timur", "Tegal Rejo"}},
	{"Medan Petisah", []string{"Petisah Tengah", "Sekip", "Sei Putih Barat", "Sei Putih Tengah", "Sei Putih Timur I", "Sei Putih Timur II", "Sei Sikambing D"}},
	{"Medan Polonia", []string{"Anggrung", "Madras Hulu", "Polonia", "Sari Rejo", "Suka Damai"}},
	{"Medan Selayang", []string{"Asam Kumbang", "Beringin", "Padang Bulan Selayang I", "Padang Bulan Selayang II", "Sempakata", "Tanjung Sari"}},
	{"Medan Sunggal", []string{"Babura Sunggal", "Lalang", "Sei Sikambing B", "Simpang Tanjung", "Sunggal", "Tanjung Rejo"}},
	{"Medan Tembung", []string{"Bandar Selamat", "Bantan", "Bantan Timur", "Indra Kasih", "Sidorejo", "Sidorejo Hilir", "Tembung"}},
	{"Medan Timur", []string{"Durian", "Gaharu", "Gang Buntu", "Glugur Darat I", "Glugur Darat II", "Perintis", "Pulo Brayan Bengkel", "Pulo Brayan Bengkel Baru", "Pulo Brayan Darat I", "Pulo Brayan Darat II", "Sidodadi"}},
	{"Medan Tuntungan", []string{"Baru Ladang Bambu", "Kemenangan Tani", "Ladang Bambu", "Lau Cih", "Mangga", "Namo Gajah", "Sidomulyo", "Simalingkar B", "Simpang Selayang", "Tanjung Selamat"}},
}

var kecSeksi = []string{"Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat", "Seksi Kesejahteraan Sosial", "Seksi Pelayanan Umum"}

// puskesmas are named after Medan neighbourhoods.
var puskesmas = []string{
	"Padang Bulan", "Teladan", "Medan Johor", "Amplas", "Kedai Durian", "Simpang Limun", "Sukaramai",
	"Kota Matsum", "Pasar Merah", "Medan Area Selatan", "Desa Binjai", "Medan Denai", "Bromo", "Tegal Sari",
	"Mandala", "Glugur Darat", "Sentosa Baru", "Helvetia", "Medan Deli", "Titi Papan", "Martubung",
	"Pekan Labuhan", "Medan Labuhan", "Terjun", "Belawan", "Rantang", "Petisah", "Darussalam", "Sei Agul",
	"Glugur Kota", "Pulo Brayan", "Polonia", "Sunggal", "Desa Lalang", "Padang Bulan Selayang II",
	"Tuntungan", "Simalingkar", "Kampung Baru", "Medan Tembung", "Marelan", "Sicanang", "Bestari",
}

// scalableUPT are the field UPT whose number grows with the city: fire
// posts, parking, cleaning, road maintenance, civil registration, tax and
// social services, one per area.
var scalableUPT = []struct {
	opd, code, prefix, head string
	base                    int
	fam                     []string
}{
	{"DAMKAR", "POSDAMKAR", "Pos Pemadam Kebakaran Sektor ", "Kepala Pos", 6, []string{"pemadam:14", "=Operator Layanan Operasional:2"}},
	{"DISHUB", "UPTPARKIR", "UPT Perparkiran Wilayah ", "Kepala UPT", 4, []string{"=Operator Layanan Operasional:6", "=Pengelola Layanan Operasional:5", "=Penata Layanan Operasional:1.5", "=Pengadministrasi Perkantoran:1.5"}},
	{"DLH", "UPTKEBERSIHAN", "UPT Kebersihan Wilayah ", "Kepala UPT", 5, []string{"=Pengelola Umum Operasional:7", "=Operator Layanan Operasional:6", "=Pengadministrasi Perkantoran:1.5"}},
	{"DSDABMBK", "UPTJALAN", "UPT Pemeliharaan Jalan dan Drainase Wilayah ", "Kepala UPT", 4, []string{"teknik_jalan:3", "=Operator Layanan Operasional:6", "=Pengelola Umum Operasional:4"}},
	{"DISDUKCAPIL", "UPTADMINDUK", "UPT Pelayanan Administrasi Kependudukan Wilayah ", "Kepala UPT", 5, []string{"=Pengadministrasi Perkantoran:5", "=Penata Layanan Operasional:4", "adm_db_kependudukan:2", "=Pengolah Data dan Informasi:3"}},
	{"BAPENDA", "UPTPAJAK", "UPT Pelayanan Pajak Daerah Wilayah ", "Kepala UPT", 4, []string{"=Penata Layanan Operasional:5", "=Pengadministrasi Perkantoran:5", "=Pengolah Data dan Informasi:3", "analis_keuangan:1"}},
	{"DINSOS", "UPTSOSIAL", "UPT Pelayanan Sosial Wilayah ", "Kepala UPT", 3, []string{"pekerja_sosial:5", "penyuluh_sosial:2", "=Pengadministrasi Perkantoran:3", "=Pengelola Layanan Operasional:2"}},
}

// Base counts of scalable units in the default city.
const (
	baseSD  = 200
	baseSMP = 45
)

// rsudPirngadi is the city hospital (an OPD of its own).
var rsudBagian = [][]string{
	{"Bagian Umum dan Kepegawaian", "Subbagian Kepegawaian", "Subbagian Umum dan Perlengkapan"},
	{"Bagian Keuangan", "Subbagian Anggaran", "Subbagian Perbendaharaan dan Akuntansi"},
	{"Bidang Pelayanan Medik", "Seksi Pelayanan Medik Rawat Jalan", "Seksi Pelayanan Medik Rawat Inap"},
	{"Bidang Keperawatan", "Seksi Asuhan Keperawatan", "Seksi Mutu dan Etika Keperawatan"},
	{"Bidang Penunjang", "Seksi Penunjang Medik", "Seksi Penunjang Nonmedik"},
}

// rsudInstalasi are hospital installations (no structural head) with staff.
var rsudInstalasi = []struct {
	name string
	fam  []string
}{
	{"Instalasi Gawat Darurat", []string{"dokter:3", "dokter_sp:1", "perawat:14", "=Operator Layanan Operasional:1.5"}},
	{"Instalasi Rawat Jalan", []string{"dokter_sp:6", "dokter_gigi:1", "perawat:10", "perekam_medis:2", "=Pengadministrasi Perkantoran:2"}},
	{"Instalasi Rawat Inap", []string{"dokter_sp:4", "dokter:2", "perawat:30", "bidan:6", "nutrisionis:2", "=Pengelola Layanan Operasional:2"}},
	{"Instalasi Bedah Sentral", []string{"dokter_sp:3", "perawat:8"}},
	{"Instalasi Perawatan Intensif", []string{"dokter_sp:1", "perawat:8"}},
	{"Instalasi Farmasi", []string{"apoteker:2", "asisten_apoteker:5"}},
	{"Instalasi Laboratorium Klinik", []string{"dokter_sp:0.5", "pralab:5"}},
	{"Instalasi Radiologi", []string{"dokter_sp:0.5", "radiografer:4"}},
	{"Instalasi Rekam Medis", []string{"perekam_medis:5", "=Pengolah Data dan Informasi:1.5"}},
}

// School and puskesmas staffing (weights are expected heads per unit
// before scaling).
var (
	sdStaff  = []string{"guru:17", "=Pengadministrasi Perkantoran:0.7", "=Pengelola Umum Operasional:0.4"}
	smpStaff = []string{"guru:40", "=Pengadministrasi Perkantoran:1.6", "=Pengelola Umum Operasional:0.8", "pustakawan:0.5", "=Pengolah Data dan Informasi:0.4"}
	pkmStaff = []string{
		"dokter:2.2", "dokter_gigi:0.8", "perawat:7", "bidan:7", "apoteker:0.7", "asisten_apoteker:1",
		"pralab:1", "nutrisionis:0.8", "sanitarian:0.8", "pkm:0.6", "epid:0.3", "perekam_medis:0.8",
		"=Pengadministrasi Perkantoran:1.5", "=Pengelola Layanan Operasional:0.7", "=Operator Layanan Operasional:0.5",
	}
	subbagStaff = [][]string{
		{"=Pengadministrasi Perkantoran:1.5", "=Pengelola Umum Operasional:1", "=Operator Layanan Operasional:1", "arsiparis:0.3", "sdm:0.4", "prakom:0.3"},
		{"=Penata Layanan Operasional:1", "=Pengolah Data dan Informasi:0.7", "analis_keuangan:0.4"},
		{"perencana:0.5", "=Pengolah Data dan Informasi:0.7", "=Penata Kelola Sistem dan Teknologi Informasi:0.2"},
	}
	seksiStaff        = []string{"=Penata Layanan Operasional:1", "=Pengadministrasi Perkantoran:0.7", "=Pengolah Data dan Informasi:0.4", "=Pengelola Layanan Operasional:0.4"}
	kecSubStaff       = []string{"=Pengadministrasi Perkantoran:1.2", "=Pengelola Umum Operasional:0.6", "=Operator Layanan Operasional:0.4"}
	kecSekStaff       = []string{"=Penata Layanan Operasional:1", "=Pengadministrasi Perkantoran:0.8", "=Pengelola Layanan Operasional:0.5"}
	kelStaff          = []string{"=Pengadministrasi Perkantoran:1.2", "=Pengelola Layanan Operasional:1", "=Penata Layanan Operasional:0.8", "=Operator Layanan Operasional:0.3"}
	sekretariatSubbag = []string{"Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Perencanaan, Evaluasi dan Pelaporan"}
)
