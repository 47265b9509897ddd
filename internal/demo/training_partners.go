package demo

import (
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// The training partners of the demo city, as Kota Medan has them: the
// local universities, LAN and the province's BPSDM, a few technology firms
// (invented) and the city's own trainers. Their agreements are dated from
// the demo's today so that, whenever the demo is loaded, one MoU is about to
// expire (within the 60-day warning) and one has expired: the catalogue's
// warnings then have something to show.

// Partner names the other demo parts refer to.
const (
	PartnerUSU      = "Universitas Sumatera Utara"
	PartnerUnimed   = "Universitas Negeri Medan"
	PartnerUINSU    = "Universitas Islam Negeri Sumatera Utara"
	PartnerUMSU     = "Universitas Muhammadiyah Sumatera Utara"
	PartnerPolmed   = "Politeknik Negeri Medan"
	PartnerITM      = "Institut Teknologi Medan"
	PartnerLAN      = "Lembaga Administrasi Negara RI (Puslatbang KMP)"
	PartnerBPSDM    = "BPSDM Provinsi Sumatera Utara"
	PartnerBPSDMP   = "BPSDMP Komdigi Medan"
	PartnerData     = "PT Deli Data Nusantara"
	PartnerSiber    = "PT Perisai Siber Sumatera"
	PartnerAwan     = "PT Awan Bahari Teknologi"
	PartnerBKPSDM   = "BKPSDM Kota Medan"
	PartnerKominfo  = "Dinas Komunikasi dan Informatika Kota Medan"
	partnerExpiring = PartnerUnimed // MoU ends within 60 days of today
	partnerExpired  = PartnerUMSU   // MoU ended before today
)

type partnerSpec struct {
	name, kind, contact, email, phone, address, web, accr, mou string
	fromDays, untilDays                                        int // MoU days relative to today
	basis                                                      string
	price                                                      int64
	rating                                                     int
}

var partnerSpecs = []partnerSpec{
	{PartnerUSU, "universitas", "Dr. Rina Aprilia Lubis, M.Si.", "kerjasama@usu.ac.id", "061-8211633", "Jl. Dr. T. Mansur No. 9, Padang Bulan, Medan",
		"https://www.usu.ac.id", "Unggul (BAN-PT)", "11/UN5.1.R/KSM/2025", -330, 1095, "jp", 175_000, 46},
	{PartnerUnimed, "universitas", "Drs. Hotman Sitompul, M.Pd.", "kerjasama@unimed.ac.id", "061-6613365", "Jl. Willem Iskandar Pasar V, Medan Estate",
		"https://www.unimed.ac.id", "Unggul (BAN-PT)", "0412/UN33/KS/2023", -1050, 41, "jp", 150_000, 43},
	{PartnerUINSU, "universitas", "Dr. Muhammad Yafiz Nasution, M.Ag.", "humas@uinsu.ac.id", "061-6615683", "Jl. William Iskandar Ps. V, Medan Estate",
		"https://www.uinsu.ac.id", "Unggul (BAN-PT)", "B-221/Un.11.R/KS.01/2025", -200, 900, "peserta", 2_750_000, 42},
	{PartnerUMSU, "universitas", "Dr. Sri Wahyuni Harahap, S.E., M.M.", "kerjasama@umsu.ac.id", "061-6622400", "Jl. Kapten Mukhtar Basri No. 3, Medan",
		"https://umsu.ac.id", "Unggul (BAN-PT)", "118/KSM/II.3-AU/UMSU/2023", -760, -24, "peserta", 2_250_000, 39},
	{PartnerPolmed, "universitas", "Ir. Rahmad Sembiring, M.T.", "humas@polmed.ac.id", "061-8210371", "Jl. Almamater No. 1, Kampus USU, Medan",
		"https://www.polmed.ac.id", "Unggul (BAN-PT)", "045/PL5/KS/2025", -150, 580, "jp", 125_000, 41},
	{PartnerITM, "universitas", "Dr. Ir. Juliana Tarigan, M.T.", "info@itm.ac.id", "061-7363771", "Jl. Gedung Arca No. 52, Medan",
		"https://itm.ac.id", "Baik Sekali (BAN-PT)", "027/ITM/KS/2024", -420, 310, "jp", 110_000, 38},
	{PartnerLAN, "lembaga_pemerintah", "Andi Taufik, S.Sos., M.Si.", "puslatbangkmp@lan.go.id", "0411-490041", "Jl. Raya Baruga No. 48, Antang, Makassar",
		"https://lan.go.id", "Lembaga pelatihan terakreditasi LAN (A)", "12/KS/LAN.4/2025", -280, 1180, "peserta", 0, 47},
	{PartnerBPSDM, "lembaga_pemerintah", "Drs. Parulian Simanjuntak, M.AP.", "bpsdm@sumutprov.go.id", "061-4156170", "Jl. Ngalengko No. 1, Medan",
		"https://bpsdm.sumutprov.go.id", "Lembaga pelatihan terakreditasi LAN (A)", "800/2114/BPSDM/2025", -240, 860, "peserta", 0, 44},
	{PartnerBPSDMP, "lembaga_pemerintah", "Nur Aisyah Daulay, S.Kom., M.T.I.", "bpsdmp.medan@komdigi.go.id", "061-8216000", "Jl. Tuar No. 5, Amplas, Medan",
		"https://bpsdmpmedan.komdigi.go.id", "Balai pelatihan kementerian", "KS.03/BPSDMP.MDN/2025", -120, 610, "peserta", 0, 45},
	{PartnerData, "perusahaan", "Kevin Wijaya, S.Kom.", "kemitraan@delidata.co.id", "061-4558120", "Jl. Gatot Subroto No. 217, Medan",
		"https://delidata.co.id", "Mitra pelatihan bersertifikat BNSP", "PKS-07/DDN/IV/2025", -250, 480, "jp", 225_000, 42},
	{PartnerSiber, "perusahaan", "Ahmad Fauzi Pohan, S.T., M.Kom.", "pelatihan@perisaisiber.id", "061-8882014", "Jl. Iskandar Muda No. 88, Medan",
		"https://perisaisiber.id", "Lembaga sertifikasi keamanan informasi", "PKS-11/PSS/2025", -180, 545, "jp", 260_000, 44},
	{PartnerAwan, "perusahaan", "Stefani Halim, M.B.A.", "akademi@awanbahari.id", "061-4520777", "Jl. Diponegoro No. 30, Medan",
		"https://awanbahari.id", "Mitra pelatihan penyedia komputasi awan", "PKS-03/ABT/I/2026", -90, 640, "peserta", 4_500_000, 40},
	{PartnerBKPSDM, "internal", "Siti Nurhaliza Batubara, S.Psi.", "bkpsdm@pemkomedan.go.id", "061-4512412", "Jl. Kapten Maulana Lubis No. 2, Medan",
		"https://bkpsdm.pemkomedan.go.id", "", "", 0, 0, "peserta", 0, 41},
	{PartnerKominfo, "internal", "Budi Santoso Ginting, S.Kom.", "diskominfo@pemkomedan.go.id", "061-4512412", "Jl. Kapten Maulana Lubis No. 2, Medan",
		"https://diskominfo.pemkomedan.go.id", "", "", 0, 0, "peserta", 0, 43},
}

// Partners returns the demo city's training partners with their agreements
// dated from now (the city's own trainers need no MoU).
func Partners(now time.Time) []model.Provider {
	today := dayOf(now)
	out := make([]model.Provider, 0, len(partnerSpecs))
	for _, s := range partnerSpecs {
		p := model.Provider{Name: s.name, Kind: model.ProviderKind(s.kind), ContactName: s.contact, Email: s.email, Phone: s.phone,
			Address: s.address, Website: s.web, Accreditation: s.accr, MoUNo: s.mou, PriceBasis: s.basis, Price: s.price,
			Rating: s.rating, Active: true}
		if s.mou != "" {
			p.MoUFrom = today.AddDate(0, 0, s.fromDays).Format(time.DateOnly)
			p.MoUUntil = today.AddDate(0, 0, s.untilDays).Format(time.DateOnly)
		}
		out = append(out, p)
	}
	return out
}

// dayOf is the calendar day (in WIB) of t, at midnight UTC, for date sums.
func dayOf(t time.Time) time.Time {
	y, m, d := t.In(model.WIB).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
