package demo

import (
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// Education histories of the demo city, read from what the generator
// already decided: the degrees (gelar) an employee carries say which
// education they completed (A.Md. a D-III, S.Tr. a D-IV, S.x an S-1, M.x or
// Sp. an S-2, Dr. in front an S-3; dr., drg., drh., Drs./Dra. and Ir. in
// front an S-1), and their birth year when (SMA at 18, D-III at 21, S-1 at
// 23, S-2 at 31, S-3 at 40). Everyone has finished SMA/SMK; one in 29 has
// no history recorded, so that the city shows "not recorded" beside the
// qualification gaps (a nurse of the ahli jenjang with a D-III, say).

// degreeMajors names the major of a degree's abbreviation.
var degreeMajors = map[string]string{
	"S.Pd.": "Pendidikan", "S.Pd.I.": "Pendidikan Agama Islam", "S.Ag.": "Ilmu Agama", "S.Si.": "Matematika", "S.Th.": "Teologi",
	"S.S.": "Sastra", "S.E.": "Manajemen", "S.Ak.": "Akuntansi", "S.Sos.": "Ilmu Sosial", "S.H.": "Ilmu Hukum",
	"S.AP.": "Administrasi Publik", "S.IP.": "Ilmu Pemerintahan", "S.Kom.": "Teknik Informatika", "S.T.": "Teknik Sipil",
	"S.STP.": "Ilmu Pemerintahan (IPDN)", "S.Kep.": "Keperawatan", "S.Keb.": "Kebidanan", "S.Farm.": "Farmasi",
	"S.K.M.": "Kesehatan Masyarakat", "S.Psi.": "Psikologi", "S.Hum.": "Ilmu Perpustakaan", "S.P.": "Agroteknologi",
	"S.Pi.": "Perikanan", "S.Pt.": "Peternakan", "S.P.W.K.": "Perencanaan Wilayah dan Kota", "S.Tr.Keb.": "Kebidanan",
	"S.Tr.Kes.": "Teknologi Laboratorium Medis", "S.Tr.Sos.": "Pekerjaan Sosial", "S.ST.": "Kesehatan Lingkungan", "S.S.T.": "Kebidanan",
	"A.Md.Kep.": "Keperawatan", "A.Md.Keb.": "Kebidanan", "A.Md.Farm.": "Farmasi", "A.Md.Kes.": "Analis Kesehatan",
	"A.Md.KL.": "Kesehatan Lingkungan", "A.Md.Kom.": "Manajemen Informatika", "A.Md.T.": "Teknik Sipil", "A.Md.Ak.": "Akuntansi",
	"A.Md.P.": "Budidaya Tanaman", "A.Md.AK.": "Analis Kesehatan", "A.Md.Gz.": "Gizi", "A.Md.RMIK": "Rekam Medis",
	"A.Md.Rad.": "Radiologi", "A.Ma.Pd.": "Pendidikan Guru Sekolah Dasar", "A.Md.": "Administrasi Perkantoran",
	"M.Si.": "Ilmu Administrasi", "M.AP.": "Administrasi Publik", "M.M.": "Manajemen", "M.H.": "Ilmu Hukum", "M.Pd.": "Pendidikan",
	"M.Hum.": "Linguistik", "M.Kep.": "Keperawatan", "M.Kes.": "Kesehatan Masyarakat", "M.Keb.": "Kebidanan", "M.Farm.": "Farmasi",
	"M.K.M.": "Kesehatan Masyarakat", "M.Kom.": "Ilmu Komputer", "M.T.": "Teknik Sipil", "M.T.I.": "Teknologi Informasi",
	"M.Eng.": "Teknik", "M.Ak.": "Akuntansi", "M.Kn.": "Kenotariatan", "M.P.": "Agronomi", "M.Psi.": "Psikologi Profesi",
	"M.Kesos.": "Kesejahteraan Sosial", "M.Sc.": "Perencanaan Wilayah", "M.SP.": "Studi Pembangunan",
}

// The institutions of the demo city's graduates, by level.
var (
	demoSchools      = []string{"SMA Negeri 1 Medan", "SMA Negeri 2 Medan", "SMA Negeri 4 Medan", "SMK Negeri 1 Medan", "MAN 2 Model Medan", "SMA Negeri 1 Binjai", "SMA Swasta Methodist 1 Medan"}
	demoUniversities = []string{"Universitas Sumatera Utara", "Universitas Negeri Medan", "Universitas Islam Negeri Sumatera Utara", "Universitas Muhammadiyah Sumatera Utara", "Universitas HKBP Nommensen", "Universitas Medan Area", "Politeknik Negeri Medan", "Poltekkes Kemenkes Medan"}
)

// Education returns the demo history of employee id with the titles
// gelarDepan and gelarBelakang, born in birthYear, as of year now: nil
// for one employee in 29, else SMA/SMK and the degrees the titles show,
// each at most now.
func Education(id int64, gelarDepan, gelarBelakang string, birthYear, now int) []model.Education {
	if id%29 == 0 || birthYear == 0 {
		return nil
	}
	h := splitmix(uint64(id))
	pick := func(list []string, salt uint64) string { return list[(h>>salt)%uint64(len(list))] }
	at := func(age int) int { return min(birthYear+age+int((h>>40)%2), now) }
	out := []model.Education{{EmployeeID: id, Level: model.EduSMA, Institution: pick(demoSchools, 3), Year: at(18),
		Major: []string{"IPA", "IPS", "Bahasa"}[(h>>9)%3], CertificateNo: fmt.Sprintf("DN-07 Ma %07d", h%10000000)}}
	add := func(l model.EducationLevel, major string, age int) {
		y := at(age)
		for _, e := range out {
			if e.Level == l && e.Year == y {
				return // one record per level and year
			}
		}
		out = append(out, model.Education{EmployeeID: id, Level: l, Major: major, Institution: pick(demoUniversities, uint64(7+len(out))),
			Year: y, CertificateNo: fmt.Sprintf("%s/%d/%06d", strings.ToUpper(l.Label()), y, (h>>13)%1000000)})
	}
	front := strings.ToLower(gelarDepan)
	switch {
	case strings.HasPrefix(strings.TrimSpace(gelarDepan), "Dr."):
		add(model.EduS1, "Ilmu Administrasi", 23)
		add(model.EduS2, "Ilmu Administrasi", 31)
		add(model.EduS3, "Ilmu Administrasi Publik", 40)
	case strings.HasPrefix(front, "dr.") || strings.HasPrefix(front, "drg.") || strings.HasPrefix(front, "drh."):
		major := map[bool]string{true: "Pendidikan Dokter", false: "Pendidikan Dokter Gigi"}[strings.HasPrefix(front, "dr.")]
		if strings.HasPrefix(front, "drh.") {
			major = "Kedokteran Hewan"
		}
		add(model.EduS1, major, 24)
	case strings.HasPrefix(front, "drs.") || strings.HasPrefix(front, "dra."):
		add(model.EduS1, "Ilmu Sosial", 24)
	case strings.HasPrefix(front, "ir."):
		add(model.EduS1, "Teknik", 24)
	}
	for _, g := range strings.Split(gelarBelakang, ",") {
		g = strings.TrimSpace(g)
		major := degreeMajors[g]
		switch {
		case g == "":
		case strings.HasPrefix(g, "A.M"):
			add(model.EduD3, or(major, "Administrasi"), 21)
		case strings.HasPrefix(g, "S.Tr.") || g == "S.ST." || g == "S.S.T.":
			add(model.EduD4, or(major, "Terapan"), 22)
		case strings.HasPrefix(g, "S."):
			add(model.EduS1, or(major, "Ilmu Sosial"), 23)
		case strings.HasPrefix(g, "M.") || strings.HasPrefix(g, "Sp."):
			add(model.EduS2, or(major, "Spesialis"), 31)
		}
	}
	return out
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
