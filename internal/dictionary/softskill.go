package dictionary

// SoftSkills returns the soft skills the seeds name beside the national set
// (KOMPETENSI-SOFT-SKILL-ASN): critical thinking, creativity, coordination
// and emotional intelligence. They are behavioural, like the national
// managerial competencies, and are filed under the managerial group (the
// regulation's groups are three, and "teknis" is for sector skills); the tag
// "softskill:<name>" tells them apart. Levels use ProficiencyTitles; each
// level has a description and three behavioural indicators, written for
// Kompeten.
func SoftSkills() *Framework {
	s := func(code, name, tag, def string, rows [NumLevels][4]string) Competency {
		return Competency{Code: code, Name: name, Definition: def, Group: GroupManajerial, Kind: KindSoft,
			Tags: []string{"softskill:" + tag}, Levels: levelRows(rows)}
	}
	return &Framework{
		Code:    CodeSoft,
		Name:    "Soft Skill ASN",
		Source:  "Disusun untuk Kompeten",
		Version: "2026.1",
		Owner:   "BKPSDM (dapat disesuaikan oleh instansi)",
		Description: "Kompetensi perilaku pelengkap kamus nasional: berpikir kritis, kreativitas, koordinasi, dan " +
			"kecerdasan emosional, pada skala level 1–5 dengan tiga indikator perilaku per level. Dapat ditambahkan " +
			"ke standar kompetensi jabatan di samping kompetensi manajerial dan sosial kultural.",
		Competencies: []Competency{
			s("SS-01", "Berpikir Kritis", "berpikir_kritis",
				"Kemampuan menganalisis informasi dan argumen secara logis dan objektif, mengenali asumsi serta bias, dan menarik kesimpulan yang dapat dipertanggungjawabkan.",
				[NumLevels][4]string{
					{"Mengajukan pertanyaan tentang informasi yang diterimanya dan membedakan fakta dari pendapat dengan bimbingan.", "Menanyakan dasar atau sumber suatu informasi sebelum memakainya.", "Membedakan fakta dari pendapat dalam dokumen sederhana.", "Menyampaikan keraguan atas informasi yang tidak lengkap."},
					{"Menganalisis masalah rutin secara logis dan mengenali asumsi yang melandasinya.", "Menguraikan masalah rutin menjadi bagian-bagiannya.", "Mengenali asumsi yang tidak teruji dalam usulan rekan.", "Memberi alasan yang runtut atas pendapatnya."},
					{"Menilai argumen dan bukti dari beberapa sumber serta menarik kesimpulan yang objektif.", "Membandingkan bukti yang saling bertentangan dan menimbang bobotnya.", "Mengenali bias dalam data atau argumen, termasuk biasnya sendiri.", "Menyusun kesimpulan yang menyebutkan batas keyakinannya."},
					{"Mengevaluasi kebijakan dan masalah kompleks dari berbagai sudut pandang.", "Menguji alternatif kebijakan terhadap dampak dan risikonya.", "Menantang pendapat umum dengan argumen yang berdasar.", "Membimbing tim menelaah masalah secara kritis."},
					{"Membangun budaya berpikir kritis dan pengambilan keputusan berbasis bukti di instansi.", "Menetapkan cara menelaah isu strategis di instansi.", "Mendorong perbedaan pendapat yang sehat dalam forum pimpinan.", "Menjadi rujukan dalam menilai isu strategis yang kompleks."},
				}),
			s("SS-02", "Kreativitas", "kreativitas",
				"Kemampuan menghasilkan gagasan, cara kerja, dan solusi baru yang bermanfaat, serta mewujudkannya dalam pekerjaan dan layanan.",
				[NumLevels][4]string{
					{"Terbuka terhadap gagasan baru dan mau mencoba cara kerja yang berbeda.", "Menerima gagasan baru tanpa langsung menolaknya.", "Mencoba cara kerja baru yang disarankan rekan.", "Menyampaikan ide sederhana untuk memperbaiki tugasnya."},
					{"Mengusulkan perbaikan cara kerja dalam lingkup tugasnya sendiri.", "Mengusulkan penyederhanaan langkah kerja rutin.", "Memadukan cara yang sudah ada untuk hasil yang lebih baik.", "Mencatat dan menguji gagasannya sebelum mengusulkannya."},
					{"Mengembangkan solusi baru bagi masalah unit dan mewujudkannya.", "Menghasilkan beberapa alternatif solusi sebelum memilih satu.", "Mewujudkan gagasan menjadi uji coba yang terukur.", "Mengajak rekan menyumbangkan gagasan."},
					{"Memimpin inovasi layanan lintas unit dan mengelola risikonya.", "Merancang inovasi yang mengubah cara unit melayani.", "Membangun suasana kerja yang aman untuk mencoba.", "Mengelola risiko dan kegagalan uji coba secara terbuka."},
					{"Menjadikan inovasi budaya instansi dan menghasilkan terobosan yang ditiru instansi lain.", "Menetapkan kebijakan dan insentif inovasi di instansi.", "Menghasilkan terobosan yang diakui di tingkat daerah atau nasional.", "Mereplikasi inovasi instansi lain secara kreatif."},
				}),
			s("SS-03", "Koordinasi", "koordinasi",
				"Kemampuan menyelaraskan kegiatan, informasi, dan sumber daya dengan orang atau unit lain sehingga pekerjaan bersama berjalan tanpa tumpang tindih dan tepat waktu.",
				[NumLevels][4]string{
					{"Menyampaikan informasi kerja kepada pihak terkait dan mengikuti kesepakatan bersama.", "Memberi tahu rekan terkait tentang kemajuan tugasnya.", "Mengikuti jadwal dan pembagian tugas yang disepakati.", "Bertanya kepada pihak yang tepat saat tugasnya bergantung pada unit lain."},
					{"Menyelaraskan tugasnya dengan rekan dan unit lain dalam pekerjaan rutin.", "Mengatur jadwal kerja bersama rekan agar tidak tumpang tindih.", "Menindaklanjuti kesepakatan rapat koordinasi tepat waktu.", "Menjaga komunikasi dengan unit lain yang terkait tugasnya."},
					{"Mengoordinasikan kegiatan yang melibatkan beberapa pihak di dalam OPD.", "Memimpin rapat koordinasi dan mencatat pembagian tugas yang jelas.", "Memantau kemajuan pihak-pihak dan menyelesaikan hambatan.", "Menyelaraskan sumber daya antarpihak."},
					{"Mengoordinasikan program lintas OPD atau lintas instansi.", "Menyelaraskan rencana dan anggaran lintas OPD.", "Menyelesaikan perbedaan kepentingan antarunit.", "Membangun mekanisme koordinasi yang berkelanjutan."},
					{"Menetapkan tata kelola koordinasi pemerintah daerah dengan pemangku kepentingan.", "Memimpin koordinasi dengan pemerintah pusat, provinsi, dan mitra.", "Menetapkan forum dan aturan koordinasi daerah.", "Memastikan program strategis daerah berjalan terpadu."},
				}),
			s("SS-04", "Kecerdasan Emosional", "kecerdasan_emosional",
				"Kemampuan mengenali dan mengelola emosi diri, memahami emosi orang lain, dan menggunakannya untuk membina hubungan kerja dan layanan yang baik.",
				[NumLevels][4]string{
					{"Mengenali emosinya sendiri dan menjaga sikap dalam situasi kerja biasa.", "Menyebutkan apa yang dirasakannya saat menghadapi tekanan.", "Menjaga nada bicara tetap sopan saat tidak setuju.", "Menerima masukan tanpa bersikap defensif."},
					{"Mengelola emosi diri saat tertekan dan memahami perasaan rekan atau warga.", "Tetap tenang menghadapi warga yang marah.", "Mendengarkan keluhan rekan dengan empati.", "Meminta waktu jeda sebelum menanggapi situasi yang memancing emosi."},
					{"Membaca suasana tim dan menanggapi emosi orang lain secara tepat.", "Mengenali tanda stres atau konflik dalam tim dan menanggapinya.", "Memberi masukan yang sulit dengan cara yang menjaga hubungan.", "Meredakan ketegangan dalam rapat."},
					{"Mengelola dinamika emosi kelompok dan konflik antarunit.", "Menengahi konflik antarpihak dengan memperhatikan kepentingan masing-masing.", "Menjaga semangat tim dalam masa perubahan atau krisis.", "Membimbing atasan langsung membina hubungan kerja yang sehat."},
					{"Membangun iklim kerja instansi yang sehat secara emosional dan menjadi teladan.", "Menjadi teladan ketenangan dalam situasi krisis.", "Menetapkan kebijakan kesejahteraan psikologis pegawai.", "Membangun kepercayaan pemangku kepentingan di situasi sulit."},
				}),
		},
	}
}
