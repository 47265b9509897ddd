package dictionary

// digitalIndicators are the behavioural indicators of the digital
// framework, three per level like the national dictionary's, by competency
// code. They say what an assessor sees someone do at that level; they came
// with version 2026.1 (version 2025.1 had descriptions only and stays
// stored, so the standards set on it keep it until they are moved).
var digitalIndicators = map[string][NumLevels][3]string{
	"DIG-01": {
		{"Mencari informasi kerja dengan kata kunci sederhana di mesin pencari atau portal resmi.", "Membedakan situs resmi pemerintah dari situs lain dengan bantuan rekan.", "Menyimpan tautan atau berkas hasil pencarian agar dapat dibuka kembali."},
		{"Memakai filter, tanda kutip, dan pencarian lanjutan untuk mempersempit hasil.", "Membandingkan sedikitnya dua sumber sebelum memakai suatu informasi.", "Menandai informasi yang patut diduga hoaks dan tidak meneruskannya."},
		{"Memeriksa tanggal, penulis, dan metodologi data sebelum mengutipnya.", "Membaca tabel dan grafik tanpa salah tafsir serta menjelaskannya kepada rekan.", "Membimbing rekan memeriksa fakta dengan alat atau situs cek fakta."},
		{"Menyusun prosedur verifikasi informasi yang dipakai unit kerja.", "Menafsirkan data kompleks dari beberapa sumber menjadi bahan kebijakan.", "Menilai keterbatasan data dan menyampaikannya dalam telaahan staf."},
		{"Menetapkan standar literasi informasi dan data bagi seluruh unit instansi.", "Memprakarsai pengambilan keputusan berbasis bukti di tingkat instansi.", "Menjadi rujukan instansi lain dalam praktik literasi data."},
	},
	"DIG-02": {
		{"Menyimpan berkas kerja di folder bersama yang ditunjuk.", "Memberi nama berkas sesuai contoh yang diberikan.", "Meminta bantuan saat berkas hilang atau tertimpa."},
		{"Menata folder kerja dengan struktur dan penamaan yang konsisten.", "Menyimpan versi dokumen sehingga perubahan dapat ditelusuri.", "Mencadangkan data kerja secara berkala tanpa diingatkan."},
		{"Menyimpan data unit dalam format terbuka dan terstruktur (misalnya CSV).", "Mengatur hak akses berkas bersama sesuai kebutuhan tugas.", "Membimbing rekan menerapkan tertib penamaan dan penyimpanan data."},
		{"Menyusun tata kelola data unit lengkap dengan metadata dan jadwal retensi.", "Mengatur berbagi pakai data antarunit sesuai prinsip Satu Data Indonesia.", "Memastikan arsip digital unit dapat ditemukan kembali dan autentik."},
		{"Menetapkan kebijakan tata kelola data dan arsip digital instansi.", "Menyelaraskan data instansi dengan kode referensi dan standar Satu Data Indonesia.", "Mengarahkan walidata instansi dalam memelihara kualitas data."},
	},
	"DIG-03": {
		{"Mengirim surel dan pesan kedinasan sederhana dengan bimbingan.", "Bergabung ke rapat daring dan memakai mikrofon serta kamera dengan benar.", "Membuka dan mengunduh dokumen bersama yang dibagikan kepadanya."},
		{"Memilih saluran komunikasi yang sesuai dengan sifat dan urgensi pesan.", "Menyunting dokumen bersama tanpa merusak isian rekan.", "Menyelenggarakan rapat daring kecil secara mandiri."},
		{"Mengelola ruang kerja digital tim: dokumen bersama, kalender, dan pembagian tugas.", "Menetapkan aturan berbagi dokumen dan hak sunting di timnya.", "Membantu rekan yang kesulitan memakai alat kolaborasi."},
		{"Merancang tata cara kolaborasi digital lintas unit.", "Memfasilitasi rapat dan lokakarya daring yang melibatkan banyak pihak.", "Mengukur dan memperbaiki efektivitas kerja jarak jauh unit."},
		{"Membangun ekosistem kolaborasi digital instansi dan lintas instansi.", "Memprakarsai cara kerja kolaboratif baru yang diadopsi instansi lain.", "Menetapkan kebijakan alat kolaborasi resmi instansi."},
	},
	"DIG-04": {
		{"Mengarahkan warga ke kanal layanan atau pengaduan yang tepat.", "Mengenali akun media sosial resmi instansi.", "Mencatat pertanyaan warga yang belum dapat dijawabnya dan meneruskannya."},
		{"Menjawab pertanyaan warga di kanal digital sesuai standar waktu layanan.", "Menindaklanjuti pengaduan di SP4N-LAPOR! atau kanal serupa sampai selesai.", "Menulis tanggapan yang santun, jelas, dan tidak bersifat pribadi."},
		{"Memantau kanal digital unit dan menyusun rekap pengaduan berkala.", "Mengubah masukan warga menjadi usulan perbaikan layanan.", "Membimbing rekan menangani pengaduan digital yang sulit."},
		{"Merancang konsultasi publik, survei, atau data terbuka untuk program instansi.", "Mengukur kepuasan warga atas layanan digital dan menindaklanjutinya.", "Mengoordinasikan tanggapan lintas unit atas isu publik di ruang digital."},
		{"Menetapkan strategi partisipasi publik digital instansi.", "Menghadirkan bentuk keterlibatan warga yang baru melalui kanal digital.", "Menjadikan instansi rujukan layanan digital kepada warga."},
	},
	"DIG-05": {
		{"Berkomunikasi santun di grup dan media sosial kedinasan.", "Tidak membagikan informasi internal tanpa izin.", "Mengetahui aturan netralitas ASN di media sosial."},
		{"Menjaga netralitas politik dalam unggahan pribadi maupun kedinasan.", "Mencantumkan sumber dan lisensi saat memakai karya orang lain.", "Memisahkan akun pribadi dan identitas kedinasan dengan jelas."},
		{"Mengingatkan rekan yang melanggar etika digital secara tepat.", "Menangani perundungan atau ujaran kebencian di kanal unit sesuai prosedur.", "Menjelaskan aturan hak cipta dan lisensi kepada rekan."},
		{"Menyusun pedoman etika digital unit kerja.", "Menangani kasus pelanggaran etika digital yang kompleks secara adil.", "Memberi pertimbangan etika atas rencana publikasi digital unit."},
		{"Menjadi rujukan etika digital instansi.", "Merumuskan kebijakan perilaku digital ASN di instansi.", "Mewakili instansi dalam forum etika digital."},
	},
	"DIG-06": {
		{"Membuat dokumen dan presentasi sederhana dari templat.", "Menyisipkan gambar dan tabel ke dalam dokumen.", "Menyimpan konten dalam format yang diminta."},
		{"Membuat infografis atau presentasi yang rapi secara mandiri.", "Mencantumkan sumber, lisensi, dan tanggal pada konten.", "Menyunting konten rekan agar sesuai identitas visual instansi."},
		{"Membuat konten multimedia (infografis, video pendek) untuk publikasi unit.", "Menyesuaikan konten dengan kanal dan khalayaknya.", "Membimbing rekan menyunting dan menerbitkan konten."},
		{"Merancang rangkaian konten untuk kampanye atau layanan yang kompleks.", "Memastikan konten dapat diakses penyandang disabilitas (teks alternatif, takarir).", "Mengukur jangkauan konten dan memperbaikinya."},
		{"Menetapkan standar dan identitas konten digital instansi.", "Mengembangkan format konten baru yang diadopsi luas.", "Mengarahkan tim produksi konten instansi."},
	},
	"DIG-07": {
		{"Memakai kata sandi yang kuat dan tidak membagikan akunnya.", "Mengenali pesan penipuan (phishing) yang sederhana.", "Mengunci layar saat meninggalkan perangkat."},
		{"Mengaktifkan autentikasi dua faktor pada akun kedinasan.", "Menangani data pribadi warga dan pegawai sesuai prosedur.", "Melaporkan insiden keamanan segera kepada petugas yang berwenang."},
		{"Menerapkan klasifikasi dan pengamanan data di unit kerja.", "Memeriksa kepatuhan unit terhadap UU 27/2022 tentang Pelindungan Data Pribadi.", "Membimbing rekan mengenali dan menghindari ancaman siber."},
		{"Mengelola risiko keamanan informasi unit kerja.", "Menangani insiden dan kebocoran data, termasuk pemberitahuan dalam 3×24 jam.", "Menyusun prosedur pengamanan informasi unit."},
		{"Menetapkan kebijakan keamanan informasi dan pelindungan data pribadi instansi.", "Memimpin budaya sadar keamanan di seluruh instansi.", "Mengarahkan tanggap insiden siber tingkat instansi."},
	},
	"DIG-08": {
		{"Mengenali tanda kelelahan akibat penggunaan gawai.", "Mengatur posisi duduk dan layar saat bekerja dengan bimbingan.", "Mematikan perangkat yang tidak dipakai."},
		{"Mengatur waktu layar dan jeda kerja secara mandiri.", "Menghormati batas komunikasi kedinasan di luar jam kerja.", "Mengelola notifikasi agar tidak mengganggu fokus kerja."},
		{"Membantu rekan mengelola beban informasi dan stres digital.", "Menerapkan penggunaan perangkat yang hemat energi di unit.", "Mengusulkan jadwal rapat daring yang memperhatikan kesehatan tim."},
		{"Merancang kebijakan unit tentang kerja digital yang sehat.", "Mengatur pengelolaan limbah elektronik unit sesuai ketentuan.", "Memantau dampak kerja digital terhadap kesejahteraan pegawai."},
		{"Menetapkan kebijakan kesejahteraan digital instansi.", "Mengarahkan penerapan teknologi hijau di instansi.", "Menjadi rujukan instansi lain dalam kesejahteraan digital."},
	},
	"DIG-09": {
		{"Mengatasi masalah koneksi, pencetak, atau masuk aplikasi dengan mengikuti petunjuk.", "Menjelaskan masalah teknis kepada petugas bantuan dengan jelas.", "Memulai ulang perangkat atau aplikasi sebelum meminta bantuan."},
		{"Mendiagnosis dan mengatasi masalah perangkat dan aplikasi yang lazim.", "Mencari solusi di panduan atau basis pengetahuan secara mandiri.", "Tahu kapan masalah perlu diteruskan ke tim teknis."},
		{"Memilih aplikasi atau otomasi sederhana yang tepat untuk masalah tidak rutin.", "Menganalisis akar masalah teknis yang berulang di unit.", "Membimbing rekan memecahkan masalah digital."},
		{"Menilai dan merekomendasikan solusi digital untuk kebutuhan unit yang kompleks.", "Merancang integrasi antaraplikasi untuk menghapus kerja ganda.", "Menyusun kajian kebutuhan dan risiko sebelum memilih solusi."},
		{"Memprakarsai solusi digital baru yang mengubah cara kerja instansi.", "Menetapkan arah pemilihan teknologi instansi.", "Membagikan solusi yang berhasil kepada instansi lain."},
	},
	"DIG-10": {
		{"Memakai fungsi dasar aplikasi SPBE yang terkait tugasnya.", "Masuk dan memperbarui data dirinya di SIASN/MyASN.", "Mengirim naskah dinas elektronik dengan bimbingan."},
		{"Memakai aplikasi SPBE secara benar untuk seluruh proses kerja rutinnya.", "Memeriksa kebenaran data yang dimasukkannya ke aplikasi.", "Mengikuti pembaruan fitur aplikasi SPBE tanpa diingatkan."},
		{"Menjadi rujukan pengguna aplikasi SPBE di unit.", "Mengusulkan perbaikan proses bisnis dari pengalaman memakai aplikasi.", "Memantau pemanfaatan aplikasi SPBE di unit dan menindaklanjuti kendala."},
		{"Mengoordinasikan penerapan layanan SPBE lintas unit.", "Menyelaraskan aplikasi unit dengan arsitektur SPBE daerah.", "Menyiapkan data dukung evaluasi indeks SPBE."},
		{"Mengarahkan kebijakan dan peta rencana SPBE instansi.", "Memastikan keterpaduan layanan instansi dengan layanan SPBE nasional.", "Memimpin peningkatan indeks SPBE instansi."},
	},
	"DIG-11": {
		{"Mau mencoba cara kerja digital yang diperkenalkan unit.", "Mengenali keterampilan digital yang belum dikuasainya.", "Mengikuti pelatihan digital yang ditawarkan."},
		{"Memakai cara kerja digital dalam tugas rutinnya.", "Mempelajari keterampilan digital baru secara mandiri.", "Berbagi kiat kerja digital kepada rekan."},
		{"Mengidentifikasi proses manual unit yang dapat didigitalkan.", "Mendampingi rekan beradaptasi dengan cara kerja baru.", "Mengumpulkan masukan pengguna untuk memperbaiki layanan."},
		{"Memimpin transformasi layanan unit dengan pendekatan berpusat pada pengguna.", "Mengukur dampak transformasi terhadap waktu dan mutu layanan.", "Mengelola penolakan terhadap perubahan secara konstruktif."},
		{"Membangun budaya digital di seluruh instansi.", "Mengarahkan transformasi layanan instansi secara menyeluruh.", "Menjadikan inovasi digital bagian dari penilaian kinerja."},
	},
	"DIG-12": {
		{"Menjelaskan tujuan transformasi digital instansi dengan kata-katanya sendiri.", "Memahami perannya dalam inisiatif digital unit.", "Mendukung keputusan digital pimpinan dalam tugasnya."},
		{"Menjadi contoh pemanfaatan teknologi dalam tim.", "Mendorong rekan mencoba cara kerja digital.", "Menyampaikan hambatan digital tim kepada atasan."},
		{"Merencanakan inisiatif digital unit dan menetapkan prioritasnya.", "Mengembangkan kompetensi digital anggota tim.", "Mengalokasikan sumber daya unit untuk inisiatif digital."},
		{"Memimpin program digital lintas unit.", "Mengelola anggaran, risiko, mitra, dan perubahan organisasi program digital.", "Menyelesaikan konflik kepentingan antarunit dalam program digital."},
		{"Menetapkan visi dan strategi transformasi digital instansi.", "Membangun kemitraan dan ekosistem digital daerah.", "Mempertanggungjawabkan hasil transformasi digital kepada pimpinan daerah."},
	},
}
