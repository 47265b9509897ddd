package dictionary

// DigComp maps a Kompeten level (1–5) to the EU DigComp 2.2 proficiency
// levels (1–8) it covers: 1→1–2, 2→3, 3→4–5, 4→6–7, 5→8. It is a design
// choice documented in the digital framework's description (domain.md §2).
var DigComp = [NumLevels][2]int{{1, 2}, {3, 3}, {4, 5}, {6, 7}, {8, 8}}

// KominfoPillars are the four pillars of Kominfo's digital literacy
// programme, used as tag values "kominfo:<pillar>".
var KominfoPillars = []string{"cakap", "etis", "aman", "budaya"}

// DigCompAreas names the five DigComp 2.2 areas, tagged "digcomp:<n>"
// (and competences "digcomp:<n>.<m>").
var DigCompAreas = []string{
	"1 Literasi informasi dan data (information and data literacy)",
	"2 Komunikasi dan kolaborasi (communication and collaboration)",
	"3 Pembuatan konten digital (digital content creation)",
	"4 Keamanan (safety)",
	"5 Pemecahan masalah (problem solving)",
}

// Digital returns the digital competence framework for ASN
// (KOMPETENSI-DIGITAL-ASN). No official levelled dictionary exists
// (domain.md §2, [U]); Kompeten ships this one as a technical framework on
// the 1–5 scale, tagged with Kominfo's pillars and DigComp 2.2 areas and
// competences, so that an agency can adopt or replace it.
func Digital() *Framework {
	d := func(code, name, kind, def string, tags []string, descs [NumLevels]string) Competency {
		c := Competency{Code: code, Name: name, Definition: def, Group: GroupTeknis, Kind: kind,
			Tags: tags, Levels: scaled(descs)}
		ind := digitalIndicators[code]
		for i := range c.Levels {
			c.Levels[i].Indicators = append([]string(nil), ind[i][:]...)
		}
		return c
	}
	return &Framework{
		Code:    CodeDigital,
		Name:    "Kompetensi Digital ASN",
		Source:  "Disusun untuk Kompeten; rujukan: empat pilar literasi digital Kominfo dan EU DigComp 2.2",
		Version: "2026.1",
		Owner:   "BKPSDM (dapat disesuaikan oleh instansi)",
		Description: "Kerangka kompetensi digital bagi ASN pada skala level 1–5 yang sama dengan kamus kompetensi " +
			"Permen PANRB 38/2017. Setiap kompetensi diberi tag pilar literasi digital Kominfo (kominfo:cakap, " +
			"kominfo:etis, kominfo:aman, kominfo:budaya) dan area/kompetensi EU DigComp 2.2 (digcomp:1 literasi " +
			"informasi dan data, digcomp:2 komunikasi dan kolaborasi, digcomp:3 pembuatan konten digital, " +
			"digcomp:4 keamanan, digcomp:5 pemecahan masalah; digcomp:1.2 dan seterusnya untuk kompetensi). " +
			"Pemetaan delapan level kecakapan DigComp ke lima level Kompeten: level 1 = DigComp 1–2 (dasar, " +
			"dengan bimbingan), level 2 = DigComp 3 (menengah, mandiri untuk tugas rutin), level 3 = DigComp 4–5 " +
			"(mandiri untuk masalah tidak rutin dan membimbing orang lain), level 4 = DigComp 6–7 (lanjut dan " +
			"sangat terspesialisasi: menyesuaikan di konteks kompleks, memimpin orang lain), level 5 = DigComp 8 " +
			"(menciptakan solusi dan praktik baru di bidangnya). Pemetaan ini merupakan pilihan desain, bukan " +
			"ketentuan resmi. Sejak versi 2026.1 setiap level memiliki tiga indikator perilaku seperti kamus " +
			"nasional; instansi dapat menyalin kerangka ini menjadi versi instansi dan menyuntingnya.",
		Competencies: []Competency{
			d("DIG-01", "Literasi Informasi dan Data", KindHard,
				"Kemampuan menelusuri, menyaring, menilai keandalan, dan menafsirkan informasi serta data digital untuk mendukung pekerjaan dan pengambilan keputusan.",
				[]string{"kominfo:cakap", "digcomp:1", "digcomp:1.1", "digcomp:1.2"},
				[NumLevels]string{
					"Mencari informasi dengan mesin pencari dan portal resmi pemerintah secara sederhana, serta mengenali sumber resmi dengan bimbingan.",
					"Menyusun kata kunci dan filter pencarian secara mandiri, membandingkan beberapa sumber, dan mengenali hoaks atau informasi yang tidak akurat.",
					"Menilai keandalan sumber dan kualitas data secara kritis, membaca tabel dan grafik dengan benar, serta membimbing rekan memeriksa fakta.",
					"Merancang cara penelusuran dan verifikasi informasi untuk unit kerja dan menafsirkan data yang kompleks sebagai bahan kebijakan.",
					"Menetapkan standar literasi informasi dan data di instansi serta memprakarsai praktik baru pengambilan keputusan berbasis bukti.",
				}),
			d("DIG-02", "Pengelolaan Data dan Arsip Digital", KindHard,
				"Kemampuan menyimpan, menata, berbagi, dan memelihara data serta arsip digital secara tertib sesuai tata kelola data dan kearsipan pemerintah (Satu Data Indonesia).",
				[]string{"kominfo:cakap", "digcomp:1", "digcomp:1.3"},
				[NumLevels]string{
					"Menyimpan dan menamai berkas digital di folder atau penyimpanan bersama dengan bimbingan.",
					"Menata berkas dan data kerja secara mandiri dengan struktur folder, penamaan, dan versi yang konsisten.",
					"Mengelola data unit dalam format terbuka dan terstruktur, menerapkan hak akses, dan membimbing rekan menjaga tertib data.",
					"Merancang tata kelola data dan arsip digital unit kerja, termasuk metadata, retensi, dan berbagi pakai data antarunit.",
					"Menetapkan kebijakan tata kelola data dan arsip digital instansi yang selaras dengan Satu Data Indonesia.",
				}),
			d("DIG-03", "Komunikasi dan Kolaborasi Digital", KindHard,
				"Kemampuan berkomunikasi, berbagi, dan bekerja sama melalui surel, pesan, rapat daring, dan dokumen bersama secara efektif dan sesuai etika kedinasan.",
				[]string{"kominfo:cakap", "kominfo:budaya", "digcomp:2", "digcomp:2.1", "digcomp:2.2", "digcomp:2.4"},
				[NumLevels]string{
					"Menggunakan surel, aplikasi pesan, dan rapat daring untuk komunikasi sederhana dengan bimbingan.",
					"Secara mandiri mengirim naskah, berbagi dokumen, dan mengikuti rapat daring dengan memilih saluran yang sesuai.",
					"Mengelola kolaborasi tim melalui dokumen bersama, kalender, dan ruang kerja digital, serta membantu rekan memakainya.",
					"Merancang tata cara kolaborasi digital lintas unit dan memfasilitasi rapat serta kerja bersama jarak jauh yang efektif.",
					"Membangun ekosistem kolaborasi digital instansi dan lintas instansi serta memprakarsai cara kerja kolaboratif baru.",
				}),
			d("DIG-04", "Partisipasi Publik dan Layanan Digital kepada Warga", KindHard,
				"Kemampuan memanfaatkan kanal digital pemerintah (media sosial resmi, kanal pengaduan, portal layanan) untuk melayani, melibatkan, dan menanggapi warga.",
				[]string{"kominfo:budaya", "digcomp:2", "digcomp:2.3"},
				[NumLevels]string{
					"Mengenal kanal layanan dan pengaduan digital instansi dan dapat mengarahkan warga ke kanal yang tepat.",
					"Menanggapi pertanyaan dan pengaduan warga melalui kanal digital secara mandiri dan sesuai standar layanan.",
					"Mengelola kanal digital unit, memantau pengaduan, dan menggunakan masukan warga untuk perbaikan layanan.",
					"Merancang keterlibatan publik secara digital (konsultasi daring, survei, data terbuka) untuk program instansi.",
					"Menetapkan strategi partisipasi publik digital instansi dan menghadirkan bentuk keterlibatan warga yang baru.",
				}),
			d("DIG-05", "Etika Digital", KindSoft,
				"Kemampuan berperilaku santun, jujur, dan bertanggung jawab di ruang digital sebagai ASN, termasuk menjaga identitas digital, netralitas, dan menghormati hak cipta.",
				[]string{"kominfo:etis", "digcomp:2", "digcomp:2.5", "digcomp:2.6", "digcomp:3.3"},
				[NumLevels]string{
					"Memahami aturan dasar perilaku ASN di media sosial dan berkomunikasi secara santun dengan bimbingan.",
					"Secara mandiri menjaga etika, netralitas, dan identitas digital dalam komunikasi kedinasan maupun pribadi serta mencantumkan sumber karya orang lain.",
					"Mengingatkan rekan yang melanggar etika digital, menangani perundungan atau ujaran kebencian sesuai prosedur, dan menjelaskan aturan hak cipta.",
					"Menyusun pedoman etika digital unit dan menangani kasus pelanggaran etika digital yang kompleks.",
					"Menjadi rujukan etika digital instansi dan merumuskan kebijakan perilaku digital ASN.",
				}),
			d("DIG-06", "Pembuatan Konten Digital", KindHard,
				"Kemampuan membuat, menyunting, dan memadukan konten digital (naskah, infografis, presentasi, video) yang akurat, menarik, dan taat hak cipta untuk keperluan kedinasan.",
				[]string{"kominfo:cakap", "digcomp:3", "digcomp:3.1", "digcomp:3.2", "digcomp:3.3"},
				[NumLevels]string{
					"Membuat dokumen dan presentasi sederhana dengan templat yang tersedia dengan bimbingan.",
					"Secara mandiri membuat dokumen, tabel, presentasi, dan infografis sederhana yang rapi serta mencantumkan sumber dan lisensi.",
					"Membuat konten multimedia (infografis, video pendek) untuk publikasi unit dan membimbing rekan menyunting konten.",
					"Merancang konten digital untuk kampanye atau layanan yang kompleks, termasuk konten yang dapat diakses penyandang disabilitas.",
					"Menetapkan standar dan identitas konten digital instansi serta mengembangkan format konten baru.",
				}),
			d("DIG-07", "Keamanan Siber dan Pelindungan Data Pribadi", KindHard,
				"Kemampuan melindungi perangkat, akun, dan data, termasuk data pribadi warga dan pegawai, dari ancaman siber sesuai UU 27/2022 tentang Pelindungan Data Pribadi.",
				[]string{"kominfo:aman", "digcomp:4", "digcomp:4.1", "digcomp:4.2"},
				[NumLevels]string{
					"Menggunakan kata sandi yang kuat, tidak membagikan akun, dan mengenali pesan penipuan (phishing) sederhana dengan bimbingan.",
					"Secara mandiri menerapkan autentikasi dua faktor, pembaruan perangkat, dan penanganan data pribadi sesuai prosedur, serta melaporkan insiden.",
					"Menerapkan klasifikasi dan pengamanan data di unit, memeriksa kepatuhan pelindungan data pribadi, dan membimbing rekan.",
					"Mengelola risiko keamanan informasi unit, menangani insiden dan kebocoran data termasuk pemberitahuan dalam 3×24 jam, serta menyusun prosedur pengamanan.",
					"Menetapkan kebijakan keamanan informasi dan pelindungan data pribadi instansi serta memimpin budaya sadar keamanan.",
				}),
			d("DIG-08", "Kesejahteraan Digital", KindSoft,
				"Kemampuan menjaga kesehatan fisik dan mental serta keseimbangan kerja dalam penggunaan teknologi, dan memakai perangkat secara hemat energi dan ramah lingkungan.",
				[]string{"kominfo:aman", "digcomp:4", "digcomp:4.3", "digcomp:4.4"},
				[NumLevels]string{
					"Mengenali dampak penggunaan gawai yang berlebihan terhadap kesehatan dengan bimbingan.",
					"Secara mandiri mengatur waktu layar, postur kerja, dan batas komunikasi di luar jam kerja.",
					"Membantu rekan mengelola beban informasi dan stres digital serta menerapkan penggunaan perangkat yang hemat energi.",
					"Merancang kebijakan unit tentang kerja digital yang sehat, termasuk pengelolaan limbah elektronik.",
					"Menetapkan kebijakan kesejahteraan digital dan teknologi hijau di instansi.",
				}),
			d("DIG-09", "Pemecahan Masalah Digital", KindHard,
				"Kemampuan mengenali dan mengatasi masalah teknis perangkat dan aplikasi serta memilih solusi digital yang tepat untuk kebutuhan kerja.",
				[]string{"kominfo:cakap", "digcomp:5", "digcomp:5.1", "digcomp:5.2"},
				[NumLevels]string{
					"Mengatasi masalah teknis sederhana (koneksi, pencetak, masuk aplikasi) dengan mengikuti petunjuk atau bimbingan.",
					"Secara mandiri mendiagnosis dan mengatasi masalah perangkat dan aplikasi yang lazim serta tahu kapan meminta bantuan teknis.",
					"Menganalisis masalah kerja yang tidak rutin dan memilih aplikasi atau otomasi sederhana yang tepat, serta membimbing rekan.",
					"Menilai dan merekomendasikan solusi digital untuk kebutuhan unit yang kompleks, termasuk integrasi antaraplikasi.",
					"Memprakarsai solusi digital baru yang mengubah cara instansi memecahkan masalah.",
				}),
			d("DIG-10", "Pemanfaatan SPBE", KindHard,
				"Kemampuan menggunakan dan mengoptimalkan aplikasi Sistem Pemerintahan Berbasis Elektronik (naskah dinas elektronik, kepegawaian, perencanaan, keuangan, layanan publik) sesuai arsitektur SPBE.",
				[]string{"kominfo:cakap", "kominfo:budaya", "digcomp:5", "digcomp:5.2"},
				[NumLevels]string{
					"Menggunakan fungsi dasar aplikasi SPBE yang terkait tugasnya (misalnya naskah dinas elektronik, presensi, SIASN/MyASN) dengan bimbingan.",
					"Menggunakan aplikasi SPBE secara mandiri dan benar untuk seluruh proses kerja rutinnya.",
					"Mengoptimalkan pemanfaatan aplikasi SPBE di unit, menjadi rujukan pengguna, dan mengusulkan perbaikan proses bisnis.",
					"Mengoordinasikan penerapan dan integrasi layanan SPBE lintas unit sesuai arsitektur dan indeks SPBE.",
					"Mengarahkan kebijakan dan peta rencana SPBE instansi serta keterpaduannya dengan layanan nasional.",
				}),
			d("DIG-11", "Budaya Digital dan Transformasi Layanan", KindSoft,
				"Kemampuan menumbuhkan pola pikir dan budaya kerja digital, serta mentransformasi proses dan layanan agar lebih sederhana, cepat, dan berpusat pada pengguna.",
				[]string{"kominfo:budaya", "digcomp:5", "digcomp:5.3", "digcomp:5.4"},
				[NumLevels]string{
					"Terbuka terhadap cara kerja digital dan mengenali kekurangan kompetensi digitalnya sendiri dengan bimbingan.",
					"Secara mandiri memakai cara kerja digital dalam tugas rutin dan belajar keterampilan digital baru.",
					"Mengidentifikasi proses manual di unit yang dapat didigitalkan dan mendampingi rekan beradaptasi.",
					"Memimpin transformasi layanan di unit dengan pendekatan berpusat pada pengguna dan mengukur dampaknya.",
					"Membangun budaya digital instansi dan mengarahkan transformasi layanan secara menyeluruh.",
				}),
			d("DIG-12", "Kepemimpinan Digital", KindSoft,
				"Kemampuan menetapkan visi digital, mengarahkan sumber daya dan tim, serta mengelola risiko dan perubahan dalam transformasi digital pemerintahan.",
				[]string{"kominfo:budaya", "digcomp:5", "digcomp:5.3", "digcomp:5.4"},
				[NumLevels]string{
					"Memahami tujuan transformasi digital instansi dan peran dirinya di dalamnya.",
					"Menjadi contoh pemanfaatan teknologi dalam tim dan mendorong rekan mencoba cara kerja digital.",
					"Merencanakan inisiatif digital unit, menetapkan prioritas, dan mengembangkan kompetensi digital anggota tim.",
					"Memimpin program digital lintas unit, mengelola anggaran, risiko, mitra, dan perubahan organisasi.",
					"Menetapkan visi dan strategi transformasi digital instansi serta membangun kemitraan dan ekosistem digital daerah.",
				}),
		},
	}
}
