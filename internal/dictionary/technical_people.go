package dictionary

// The technical frameworks of the two largest groups of a city's ASN
// (domain.md §6): teachers in the schools under the education office and
// health workers in the puskesmas and hospitals under the health office.
// Permen PANRB 38/2017 leaves technical dictionaries to each sector; these
// are written for Kompeten after the sector's own competency areas (the
// teacher's pedagogic and professional competence of UU 14/2005 and PP
// 19/2017; patient safety, infection prevention, emergency care and the
// electronic medical record of the health regulations) as starting points
// an agency copies and adapts. Levels use ProficiencyTitles; each has a
// description and three behavioural indicators.

// technicalPeople builds one competency of these frameworks.
func technicalPeople(code, name, area, def string, rows [NumLevels][4]string) Competency {
	return Competency{Code: code, Name: name, Definition: def, Group: GroupTeknis, Kind: KindHard,
		Tags: []string{"area:" + area}, Levels: levelRows(rows)}
}

// Teachers returns the technical framework of teachers (TEKNIS-GURU).
func Teachers() *Framework {
	t := technicalPeople
	return &Framework{
		Code: CodeGuru, Name: "Kompetensi Teknis Guru", Source: "Disusun untuk Kompeten; rujukan: UU 14/2005 dan PP 19/2017 (kompetensi pedagogik dan profesional)",
		Version: "2026.1", Owner: "Dinas Pendidikan (dapat disesuaikan oleh instansi pembina)",
		Description: "Kompetensi teknis jabatan fungsional guru: merencanakan, melaksanakan, dan menilai pembelajaran, " +
			"menguasai materi dan kurikulum, serta melayani keberagaman peserta didik.",
		Competencies: []Competency{
			t("GURU-01", "Perencanaan Pembelajaran", "guru",
				"Kemampuan merumuskan tujuan, alur, modul ajar, dan asesmen pembelajaran yang sesuai kurikulum dan karakteristik peserta didik.",
				[NumLevels][4]string{
					{"Menyusun rencana pembelajaran dari modul ajar yang tersedia dengan bimbingan.", "Memakai modul ajar yang tersedia untuk kelasnya.", "Menuliskan tujuan pembelajaran setiap pertemuan.", "Menyiapkan bahan ajar sebelum mengajar."},
					{"Menyusun modul ajar dan alur tujuan pembelajaran secara mandiri.", "Menurunkan tujuan pembelajaran dari capaian pembelajaran.", "Menyesuaikan modul ajar dengan karakteristik kelasnya.", "Merencanakan asesmen yang selaras dengan tujuan."},
					{"Merancang pembelajaran berdiferensiasi berdasarkan asesmen awal.", "Memakai hasil asesmen awal untuk mengelompokkan kebutuhan belajar.", "Merancang proyek penguatan profil pelajar Pancasila.", "Membimbing rekan menyusun modul ajar."},
					{"Mengembangkan kurikulum operasional satuan pendidikan.", "Memimpin penyusunan kurikulum operasional sekolah.", "Menyelaraskan rencana pembelajaran antarkelas dan antarmata pelajaran.", "Menelaah mutu modul ajar guru lain."},
					{"Menghasilkan model perencanaan pembelajaran yang dipakai lintas sekolah.", "Menerbitkan perangkat ajar yang dipakai sekolah lain.", "Menjadi narasumber perencanaan pembelajaran tingkat daerah.", "Memberi masukan kebijakan kurikulum daerah."},
				}),
			t("GURU-02", "Pelaksanaan Pembelajaran", "guru",
				"Kemampuan mengelola kelas dan memfasilitasi pembelajaran yang aktif, bermakna, dan menyenangkan, termasuk memanfaatkan teknologi pembelajaran.",
				[NumLevels][4]string{
					{"Melaksanakan pembelajaran sesuai rencana dan mengelola kelas dengan bimbingan.", "Membuka dan menutup pembelajaran sesuai rencana.", "Menjaga ketertiban kelas dengan aturan yang disepakati.", "Memakai media ajar yang disediakan sekolah."},
					{"Memfasilitasi pembelajaran aktif dan mengelola kelas secara mandiri.", "Memakai metode yang melibatkan peserta didik secara aktif.", "Mengelola waktu pembelajaran sesuai alokasi.", "Memanfaatkan platform pembelajaran digital dalam pengajaran."},
					{"Menerapkan pembelajaran berdiferensiasi dan berbasis proyek.", "Memberi tugas yang berbeda sesuai kesiapan belajar peserta didik.", "Memfasilitasi pembelajaran berbasis proyek atau masalah.", "Membimbing rekan melalui observasi kelas."},
					{"Memimpin peningkatan mutu pembelajaran di sekolah.", "Memimpin komunitas belajar guru di sekolah.", "Menyelenggarakan supervisi akademik teman sejawat.", "Menerapkan praktik baik hasil refleksi pembelajaran."},
					{"Menghasilkan praktik pembelajaran inovatif yang diadopsi luas.", "Menghasilkan praktik baik yang dipublikasikan.", "Menjadi guru penggerak atau pengajar praktik tingkat daerah.", "Memimpin transformasi pembelajaran lintas sekolah."},
				}),
			t("GURU-03", "Asesmen dan Evaluasi Pembelajaran", "guru",
				"Kemampuan merancang dan melaksanakan asesmen diagnostik, formatif, dan sumatif, serta memakai hasilnya untuk memperbaiki pembelajaran dan melaporkan kemajuan peserta didik.",
				[NumLevels][4]string{
					{"Melaksanakan penilaian sesuai instrumen yang tersedia dengan bimbingan.", "Memakai instrumen penilaian yang disediakan.", "Mencatat nilai peserta didik dengan tertib.", "Menyampaikan hasil penilaian kepada peserta didik."},
					{"Menyusun instrumen asesmen formatif dan sumatif secara mandiri.", "Menyusun soal dan rubrik yang selaras dengan tujuan pembelajaran.", "Memberi umpan balik tertulis yang membantu peserta didik.", "Mengisi rapor sesuai ketentuan."},
					{"Memakai hasil asesmen untuk memperbaiki pembelajaran dan menindaklanjuti peserta didik.", "Melaksanakan asesmen diagnostik di awal pembelajaran.", "Menganalisis hasil asesmen untuk remedial dan pengayaan.", "Memakai rapor pendidikan sekolah untuk perbaikan kelasnya."},
					{"Mengembangkan sistem asesmen sekolah dan menganalisis rapor pendidikan.", "Memimpin analisis rapor pendidikan sekolah.", "Menyusun pedoman asesmen sekolah.", "Menelaah mutu instrumen asesmen guru lain."},
					{"Menetapkan praktik asesmen yang menjadi acuan daerah.", "Mengembangkan bank soal dan instrumen bermutu tingkat daerah.", "Menjadi narasumber asesmen tingkat daerah.", "Memberi masukan kebijakan evaluasi pendidikan daerah."},
				}),
			t("GURU-04", "Penguasaan Materi dan Pendidikan Inklusif", "guru",
				"Kemampuan menguasai materi bidang studi secara luas dan mendalam serta melayani peserta didik yang beragam, termasuk peserta didik berkebutuhan khusus.",
				[NumLevels][4]string{
					{"Menguasai materi pokok yang diajarkannya dengan bimbingan.", "Menjelaskan konsep pokok bidang studinya dengan benar.", "Menjawab pertanyaan dasar peserta didik.", "Mengenali peserta didik yang membutuhkan perhatian khusus."},
					{"Menguasai materi bidang studi dan menghubungkannya dengan kehidupan sehari-hari.", "Mengaitkan materi dengan konteks lingkungan peserta didik.", "Memperbarui pengetahuan bidang studinya secara mandiri.", "Menyesuaikan cara mengajar bagi peserta didik yang kesulitan."},
					{"Menguasai materi secara mendalam dan menyesuaikan layanan bagi peserta didik berkebutuhan khusus.", "Menghubungkan materi lintas mata pelajaran.", "Menyusun akomodasi pembelajaran bagi peserta didik berkebutuhan khusus.", "Membimbing peserta didik untuk lomba atau olimpiade."},
					{"Mengembangkan keilmuan bidang studi dan layanan inklusif sekolah.", "Menulis bahan ajar atau karya ilmiah bidang studinya.", "Mengoordinasikan layanan pendidikan inklusif di sekolah.", "Menjadi rujukan materi bagi guru mata pelajaran sejenis."},
					{"Menjadi pakar bidang studi dan pendidikan inklusif tingkat daerah.", "Memimpin musyawarah guru mata pelajaran tingkat daerah.", "Menghasilkan publikasi bidang studi yang diakui.", "Memberi masukan kebijakan pendidikan inklusif daerah."},
				}),
		},
	}
}

// HealthWorkers returns the technical framework of health workers
// (TEKNIS-KESEHATAN): nurses, midwives, doctors, pharmacists, laboratory
// and public-health staff share these four; each profession's clinical
// standards stay with its own body.
func HealthWorkers() *Framework {
	t := technicalPeople
	return &Framework{
		Code: CodeHealth, Name: "Kompetensi Teknis Tenaga Kesehatan", Source: "Disusun untuk Kompeten; rujukan: UU 17/2023 tentang Kesehatan dan standar pelayanan fasilitas kesehatan",
		Version: "2026.1", Owner: "Dinas Kesehatan (dapat disesuaikan oleh instansi pembina)",
		Description: "Kompetensi teknis bersama tenaga medis dan tenaga kesehatan di puskesmas dan rumah sakit daerah: " +
			"keselamatan pasien, pelayanan sesuai standar, kegawatdaruratan, dan rekam medis elektronik.",
		Competencies: []Competency{
			t("KES-01", "Keselamatan Pasien dan Pencegahan Infeksi", "kesehatan",
				"Kemampuan menerapkan sasaran keselamatan pasien serta pencegahan dan pengendalian infeksi (PPI) dalam setiap pelayanan.",
				[NumLevels][4]string{
					{"Menerapkan kebersihan tangan dan identifikasi pasien dengan bimbingan.", "Melakukan kebersihan tangan pada lima momen.", "Memastikan identitas pasien sebelum tindakan.", "Memakai alat pelindung diri sesuai petunjuk."},
					{"Menerapkan sasaran keselamatan pasien dan PPI secara mandiri.", "Menerapkan keenam sasaran keselamatan pasien dalam tugasnya.", "Membuang limbah medis sesuai jenisnya.", "Melaporkan insiden keselamatan pasien yang dilihatnya."},
					{"Memantau kepatuhan keselamatan pasien dan PPI di unit layanan.", "Melakukan audit kepatuhan kebersihan tangan di unitnya.", "Menganalisis insiden sederhana dan mengusulkan perbaikan.", "Membimbing rekan baru dalam PPI."},
					{"Mengelola program keselamatan pasien dan PPI fasilitas kesehatan.", "Memimpin analisis akar masalah insiden serius.", "Menyusun prosedur keselamatan pasien fasilitas.", "Menyiapkan fasilitas untuk akreditasi."},
					{"Menetapkan kebijakan mutu dan keselamatan pasien tingkat daerah.", "Menetapkan indikator mutu dan keselamatan pasien daerah.", "Membina fasilitas kesehatan lain dalam keselamatan pasien.", "Menjadi surveior atau narasumber mutu pelayanan."},
				}),
			t("KES-02", "Pelayanan Kesehatan sesuai Standar", "kesehatan",
				"Kemampuan memberikan pelayanan atau asuhan kesehatan sesuai standar profesi, standar pelayanan, dan standar prosedur operasional, dengan komunikasi yang baik kepada pasien.",
				[NumLevels][4]string{
					{"Melaksanakan tindakan sesuai standar prosedur operasional dengan supervisi.", "Mengikuti standar prosedur operasional tindakan yang ditugaskan.", "Menjelaskan tindakan kepada pasien dengan bahasa sederhana.", "Meminta persetujuan pasien sebelum tindakan."},
					{"Memberikan pelayanan atau asuhan sesuai standar secara mandiri.", "Melakukan pengkajian dan menetapkan rencana asuhan sesuai profesinya.", "Memberikan edukasi kesehatan kepada pasien dan keluarga.", "Merujuk pasien sesuai indikasi dan alur rujukan."},
					{"Menangani kasus yang kompleks dan membimbing rekan sesuai standar.", "Menangani pasien dengan penyakit penyerta atau kasus tidak lazim.", "Bekerja dalam tim interprofesi untuk asuhan terpadu.", "Membimbing tenaga kesehatan baru atau peserta didik."},
					{"Mengembangkan standar pelayanan dan mengevaluasi mutu layanan klinis.", "Menyusun atau memperbarui standar prosedur operasional.", "Melakukan audit klinis dan menindaklanjuti hasilnya.", "Mengoordinasikan layanan antarunit dan jejaring rujukan."},
					{"Menetapkan standar dan inovasi pelayanan kesehatan tingkat daerah.", "Menetapkan pedoman pelayanan kesehatan daerah.", "Mengembangkan inovasi layanan yang diadopsi fasilitas lain.", "Menjadi rujukan klinis tingkat daerah."},
				}),
			t("KES-03", "Penanganan Kegawatdaruratan", "kesehatan",
				"Kemampuan mengenali kondisi gawat darurat, melakukan bantuan hidup dasar dan stabilisasi, serta merujuk pasien dengan aman.",
				[NumLevels][4]string{
					{"Mengenali tanda kegawatan dan memanggil bantuan dengan tepat.", "Mengenali tanda henti napas dan henti jantung.", "Mengaktifkan sistem panggilan darurat fasilitas.", "Membantu tim gawat darurat sesuai arahan."},
					{"Melakukan bantuan hidup dasar dan triase secara mandiri.", "Melakukan resusitasi jantung paru sesuai pedoman.", "Melakukan triase pasien sesuai tingkat kegawatan.", "Menyiapkan peralatan dan obat gawat darurat."},
					{"Melakukan stabilisasi dan rujukan pasien gawat darurat dengan aman.", "Menstabilkan pasien sebelum dirujuk.", "Berkomunikasi dengan fasilitas rujukan melalui sistem rujukan terintegrasi.", "Memimpin tim resusitasi di unitnya."},
					{"Mengelola layanan gawat darurat dan kesiapsiagaan bencana fasilitas.", "Menyusun rencana kesiapsiagaan bencana fasilitas.", "Melatih petugas dalam simulasi kegawatdaruratan.", "Mengevaluasi waktu tanggap dan mutu layanan gawat darurat."},
					{"Menetapkan sistem penanggulangan gawat darurat terpadu daerah.", "Mengarahkan sistem penanggulangan gawat darurat terpadu (SPGDT) daerah.", "Mengoordinasikan layanan kesehatan saat bencana.", "Menjadi instruktur kegawatdaruratan tingkat daerah."},
				}),
			t("KES-04", "Rekam Medis Elektronik dan Data Kesehatan", "kesehatan",
				"Kemampuan mencatat pelayanan dalam rekam medis elektronik secara lengkap, tepat waktu, dan rahasia, serta memakai data kesehatan untuk perencanaan layanan.",
				[NumLevels][4]string{
					{"Mencatat pelayanan dalam rekam medis elektronik dengan bimbingan.", "Memasukkan data pelayanan ke aplikasi rekam medis.", "Menjaga kerahasiaan data pasien.", "Memakai akunnya sendiri dan tidak meminjamkannya."},
					{"Mencatat rekam medis secara lengkap dan tepat waktu secara mandiri.", "Melengkapi rekam medis pada hari pelayanan.", "Memakai kode diagnosis dan tindakan dengan benar.", "Memeriksa kebenaran data sebelum menyimpannya."},
					{"Memantau kelengkapan rekam medis dan memakai data untuk perbaikan layanan.", "Menganalisis kelengkapan rekam medis unitnya.", "Menyajikan data kunjungan dan penyakit terbanyak.", "Membimbing rekan dalam pencatatan elektronik."},
					{"Mengelola integrasi rekam medis elektronik dan pelaporan data kesehatan.", "Mengelola integrasi dengan SATUSEHAT dan pelaporan rutin.", "Menyusun prosedur keamanan dan akses data kesehatan.", "Memakai data untuk perencanaan layanan fasilitas."},
					{"Menetapkan tata kelola data kesehatan daerah.", "Menetapkan kebijakan data dan sistem informasi kesehatan daerah.", "Mengarahkan pemanfaatan data untuk kebijakan kesehatan.", "Memastikan pelindungan data pribadi pasien di seluruh fasilitas."},
				}),
		},
	}
}
