package demo

import "github.com/kompeten/kompeten/internal/model"

// Academic fields: which degrees (gelar) people in a post hold.
const (
	fGen uint8 = iota
	fGov
	fTeach
	fNurse
	fMidwife
	fDoctor
	fSpecialist
	fDentist
	fPharm
	fHealth
	fKesmas
	fIT
	fEng
	fFin
	fLaw
	fAgri
	fVet
	fHR
	fLib
	fPlan
	fLow
	fSocial
	numFields
)

// Education levels.
const (
	eduSMA = iota
	eduD3
	eduS1
	eduS2
	eduS3
)

// Academic front titles.
const (
	acNone = iota
	acDrs  // Drs./Dra.
	acIr
	acDr // doctorate
	acDokter
	acDrg
	acDrh
	numAcad
)

// fieldSpec lists the degrees of a field as records write them.
type fieldSpec struct {
	d3, s1, s2 []string
	front      int  // fixed professional front title (dr., drg., drh.)
	drs, ir    bool // older graduates may carry Drs./Dra. or Ir. in front
	s12        []string
}

var fields = [numFields]fieldSpec{
	fGen:        {d3: []string{"A.Md."}, s1: []string{"S.E.", "S.Sos.", "S.H.", "S.AP.", "S.IP.", "S.Kom.", "S.T.", "S.Pd."}, s2: []string{"M.Si.", "M.AP.", "M.M.", "M.H."}, drs: true},
	fGov:        {d3: []string{"A.Md."}, s1: []string{"S.STP.", "S.Sos.", "S.IP.", "S.H.", "S.AP.", "S.E."}, s2: []string{"M.AP.", "M.Si.", "M.SP.", "M.H."}, drs: true},
	fTeach:      {d3: []string{"A.Ma.Pd.", "A.Md."}, s1: []string{"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Ag.", "S.Si.", "S.Th.", "S.S."}, s2: []string{"M.Pd.", "M.Pd.", "M.Si.", "M.Hum."}, drs: true},
	fNurse:      {d3: []string{"A.Md.Kep."}, s1: []string{"S.Kep., Ns."}, s2: []string{"M.Kep.", "M.Kes."}},
	fMidwife:    {d3: []string{"A.Md.Keb."}, s1: []string{"S.Tr.Keb.", "S.Keb., Bd.", "S.S.T."}, s2: []string{"M.Kes.", "M.Keb."}},
	fDoctor:     {s2: []string{"M.Kes.", "M.K.M.", "M.Kes."}, front: acDokter},
	fSpecialist: {s2: []string{"M.Ked(PD), Sp.PD", "Sp.PD", "M.Ked(Ped), Sp.A", "Sp.A", "Sp.OG", "M.Ked(OG), Sp.OG", "Sp.B", "Sp.An", "Sp.JP", "Sp.M", "Sp.THT-KL", "Sp.KK", "Sp.Rad", "Sp.P", "Sp.N", "Sp.PK", "Sp.KJ", "Sp.OT", "Sp.U", "M.Kes."}, front: acDokter},
	fDentist:    {s2: []string{"M.Kes.", "Sp.KG", "Sp.Ort", "Sp.KGA"}, front: acDrg},
	fPharm:      {d3: []string{"A.Md.Farm."}, s1: []string{"S.Farm., Apt."}, s2: []string{"M.Farm.", "M.Kes."}},
	fHealth:     {d3: []string{"A.Md.Kes."}, s1: []string{"S.Tr.Kes.", "S.K.M.", "S.ST."}, s2: []string{"M.Kes.", "M.K.M."}},
	fKesmas:     {d3: []string{"A.Md.Kes.", "A.Md.KL."}, s1: []string{"S.K.M."}, s2: []string{"M.Kes.", "M.K.M."}, drs: true},
	fIT:         {d3: []string{"A.Md.Kom.", "A.Md."}, s1: []string{"S.Kom.", "S.Kom.", "S.T.", "S.Si."}, s2: []string{"M.Kom.", "M.T.", "M.T.I."}},
	fEng:        {d3: []string{"A.Md.T.", "A.Md."}, s1: []string{"S.T."}, s2: []string{"M.T.", "M.Si.", "M.Eng."}, ir: true},
	fFin:        {d3: []string{"A.Md.Ak.", "A.Md."}, s1: []string{"S.E.", "S.E.", "S.Ak.", "S.E., Ak."}, s2: []string{"M.Si.", "M.M.", "M.Ak."}, drs: true},
	fLaw:        {d3: []string{"A.Md."}, s1: []string{"S.H."}, s2: []string{"M.H.", "M.Kn.", "M.Hum."}},
	fAgri:       {d3: []string{"A.Md.P.", "A.Md."}, s1: []string{"S.P.", "S.Pi.", "S.Pt."}, s2: []string{"M.P.", "M.Si."}, ir: true},
	fVet:        {s2: []string{"M.Si.", "M.Kes."}, front: acDrh},
	fHR:         {d3: []string{"A.Md."}, s1: []string{"S.Psi.", "S.Sos.", "S.H.", "S.E.", "S.AP."}, s2: []string{"M.Psi.", "M.Si.", "M.AP.", "M.M."}, drs: true},
	fLib:        {d3: []string{"A.Md."}, s1: []string{"S.IP.", "S.Hum.", "S.Sos.", "S.S."}, s2: []string{"M.Hum.", "M.Si."}, drs: true},
	fPlan:       {d3: []string{"A.Md."}, s1: []string{"S.T.", "S.E.", "S.Si.", "S.P.W.K.", "S.P."}, s2: []string{"M.Si.", "M.T.", "M.Sc.", "M.SP."}, ir: true},
	fLow:        {d3: []string{"A.Md.", "A.Md.", "A.Md.Kom.", "A.Md.Ak."}, s1: []string{"S.E.", "S.Sos.", "S.H.", "S.Kom.", "S.AP.", "S.Pd.", "S.IP."}, s2: []string{"M.Si.", "M.M.", "M.AP."}, drs: true},
	fSocial:     {d3: []string{"A.Md."}, s1: []string{"S.Sos.", "S.Tr.Sos.", "S.Psi."}, s2: []string{"M.Si.", "M.Kesos."}, drs: true},
}

func init() {
	for i := range fields {
		f := &fields[i]
		for _, a := range f.s1 {
			for _, b := range f.s2 {
				f.s12 = append(f.s12, a+", "+b)
			}
		}
	}
}

// family is a functional position (jabatan fungsional) with its levels.
type family struct {
	title   string
	jen     []string  // jenjang codes offered (model.Jenjangs)
	jw      []float32 // relative share of each jenjang
	field   uint8
	female  float32
	pppk    float32 // chance that an entry-level holder is PPPK
	lowEdu  bool    // skilled posts mostly held by high-school graduates
	teacher bool
	health  bool
	d3      string // the D3 degree of this profession, overriding the field
}

var (
	jAhli3 = []string{"ahli_pertama", "ahli_muda", "ahli_madya"}
	jAhli2 = []string{"ahli_pertama", "ahli_muda"}
	jTerA  = []string{"terampil", "ahli_pertama", "ahli_muda"}
)

var families = map[string]*family{
	"guru":                {title: "Guru", jen: jAhli3, jw: []float32{0.36, 0.24, 0.40}, field: fTeach, female: 0.56, pppk: 0.62, teacher: true},
	"pengawas_sekolah":    {title: "Pengawas Sekolah", jen: []string{"ahli_muda", "ahli_madya"}, jw: []float32{0.4, 0.6}, field: fTeach, female: 0.5},
	"pamong_budaya":       {title: "Pamong Budaya", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fLib, female: 0.5},
	"dokter":              {title: "Dokter", jen: jAhli3, jw: []float32{0.55, 0.35, 0.10}, field: fDoctor, female: 0.62, pppk: 0.12, health: true},
	"dokter_sp":           {title: "Dokter Spesialis", jen: []string{"ahli_muda", "ahli_madya"}, jw: []float32{0.5, 0.5}, field: fSpecialist, female: 0.45, health: true},
	"dokter_gigi":         {title: "Dokter Gigi", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fDentist, female: 0.72, pppk: 0.12, health: true},
	"perawat":             {title: "Perawat", jen: []string{"terampil", "mahir", "penyelia", "ahli_pertama", "ahli_muda"}, jw: []float32{0.32, 0.2, 0.05, 0.3, 0.13}, field: fNurse, female: 0.7, pppk: 0.4, health: true},
	"bidan":               {title: "Bidan", jen: []string{"terampil", "mahir", "penyelia", "ahli_pertama", "ahli_muda"}, jw: []float32{0.4, 0.2, 0.05, 0.25, 0.1}, field: fMidwife, female: 1, pppk: 0.4, health: true},
	"apoteker":            {title: "Apoteker", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fPharm, female: 0.75, pppk: 0.2, health: true},
	"asisten_apoteker":    {title: "Asisten Apoteker", jen: []string{"terampil", "mahir", "penyelia"}, jw: []float32{0.6, 0.3, 0.1}, field: fPharm, female: 0.8, pppk: 0.3, health: true},
	"pralab":              {title: "Pranata Laboratorium Kesehatan", jen: []string{"terampil", "mahir", "ahli_pertama"}, jw: []float32{0.5, 0.2, 0.3}, field: fHealth, female: 0.7, pppk: 0.3, health: true, d3: "A.Md.AK."},
	"nutrisionis":         {title: "Nutrisionis", jen: []string{"terampil", "ahli_pertama"}, jw: []float32{0.5, 0.5}, field: fHealth, female: 0.85, pppk: 0.3, health: true, d3: "A.Md.Gz."},
	"sanitarian":          {title: "Tenaga Sanitasi Lingkungan", jen: []string{"terampil", "ahli_pertama"}, jw: []float32{0.5, 0.5}, field: fKesmas, female: 0.6, pppk: 0.3, health: true, d3: "A.Md.KL."},
	"pkm":                 {title: "Penyuluh Kesehatan Masyarakat", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fKesmas, female: 0.7, pppk: 0.2, health: true},
	"epid":                {title: "Epidemiolog Kesehatan", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fKesmas, female: 0.6, pppk: 0.1, health: true},
	"perekam_medis":       {title: "Perekam Medis", jen: []string{"terampil", "mahir"}, jw: []float32{0.7, 0.3}, field: fHealth, female: 0.7, pppk: 0.3, health: true, d3: "A.Md.RMIK"},
	"radiografer":         {title: "Radiografer", jen: []string{"terampil", "mahir", "ahli_pertama"}, jw: []float32{0.6, 0.2, 0.2}, field: fHealth, female: 0.5, pppk: 0.2, health: true, d3: "A.Md.Rad."},
	"admkes":              {title: "Administrator Kesehatan", jen: jAhli3, jw: []float32{0.4, 0.4, 0.2}, field: fKesmas, female: 0.6, health: true},
	"prakom":              {title: "Pranata Komputer", jen: jTerA, jw: []float32{0.35, 0.45, 0.2}, field: fIT, female: 0.4, pppk: 0.1},
	"arsiparis":           {title: "Arsiparis", jen: jTerA, jw: []float32{0.4, 0.4, 0.2}, field: fLib, female: 0.55, pppk: 0.05},
	"pustakawan":          {title: "Pustakawan", jen: jTerA, jw: []float32{0.4, 0.4, 0.2}, field: fLib, female: 0.65, pppk: 0.05},
	"sdm":                 {title: "Analis Sumber Daya Manusia Aparatur", jen: jAhli3, jw: []float32{0.5, 0.35, 0.15}, field: fHR, female: 0.55, pppk: 0.05},
	"asesor":              {title: "Asesor Sumber Daya Manusia Aparatur", jen: jAhli2, jw: []float32{0.5, 0.5}, field: fHR, female: 0.55},
	"widyaiswara":         {title: "Widyaiswara", jen: []string{"ahli_muda", "ahli_madya"}, jw: []float32{0.5, 0.5}, field: fHR, female: 0.5},
	"auditor":             {title: "Auditor", jen: jAhli3, jw: []float32{0.4, 0.4, 0.2}, field: fFin, female: 0.5},
	"p2upd":               {title: "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", jen: jAhli3, jw: []float32{0.4, 0.4, 0.2}, field: fGov, female: 0.45},
	"perencana":           {title: "Perencana", jen: jAhli3, jw: []float32{0.45, 0.4, 0.15}, field: fPlan, female: 0.5},
	"peneliti":            {title: "Peneliti", jen: jAhli3, jw: []float32{0.5, 0.4, 0.1}, field: fPlan, female: 0.5},
	"analis_kebijakan":    {title: "Analis Kebijakan", jen: jAhli3, jw: []float32{0.4, 0.4, 0.2}, field: fGen, female: 0.5},
	"analis_keuangan":     {title: "Analis Keuangan Pusat dan Daerah", jen: jAhli3, jw: []float32{0.5, 0.4, 0.1}, field: fFin, female: 0.6, pppk: 0.03},
	"analis_hukum":        {title: "Analis Hukum", jen: jAhli3, jw: []float32{0.5, 0.4, 0.1}, field: fLaw, female: 0.5},
	"perancang_uu":        {title: "Perancang Peraturan Perundang-undangan", jen: jAhli2, jw: []float32{0.5, 0.5}, field: fLaw, female: 0.5},
	"pbj":                 {title: "Pengelola Pengadaan Barang/Jasa", jen: jAhli3, jw: []float32{0.5, 0.4, 0.1}, field: fEng, female: 0.4},
	"statistisi":          {title: "Statistisi", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fPlan, female: 0.5},
	"pranata_humas":       {title: "Pranata Hubungan Masyarakat", jen: jTerA, jw: []float32{0.3, 0.5, 0.2}, field: fGen, female: 0.55},
	"sandiman":            {title: "Sandiman", jen: []string{"terampil", "ahli_pertama"}, jw: []float32{0.4, 0.6}, field: fIT, female: 0.35},
	"pemadam":             {title: "Pemadam Kebakaran", jen: []string{"pemula", "terampil", "mahir", "penyelia"}, jw: []float32{0.3, 0.4, 0.2, 0.1}, field: fLow, female: 0.04, pppk: 0.06, lowEdu: true},
	"inspektur_kebakaran": {title: "Inspektur Kebakaran", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fEng, female: 0.2},
	"polpp":               {title: "Polisi Pamong Praja", jen: []string{"terampil", "mahir", "penyelia", "ahli_pertama"}, jw: []float32{0.45, 0.3, 0.1, 0.15}, field: fLow, female: 0.15, pppk: 0.06, lowEdu: true},
	"penguji_kb":          {title: "Penguji Kendaraan Bermotor", jen: []string{"terampil", "mahir", "ahli_pertama"}, jw: []float32{0.5, 0.3, 0.2}, field: fEng, female: 0.1},
	"teknik_jalan":        {title: "Teknik Jalan dan Jembatan", jen: jTerA, jw: []float32{0.4, 0.4, 0.2}, field: fEng, female: 0.2},
	"teknik_pengairan":    {title: "Teknik Pengairan", jen: jTerA, jw: []float32{0.4, 0.4, 0.2}, field: fEng, female: 0.2},
	"penata_ruang":        {title: "Penata Ruang", jen: jAhli2, jw: []float32{0.5, 0.5}, field: fPlan, female: 0.45},
	"ttbp":                {title: "Teknik Tata Bangunan dan Perumahan", jen: jTerA, jw: []float32{0.3, 0.5, 0.2}, field: fEng, female: 0.3},
	"pekerja_sosial":      {title: "Pekerja Sosial", jen: jTerA, jw: []float32{0.3, 0.5, 0.2}, field: fSocial, female: 0.6, pppk: 0.05},
	"penyuluh_sosial":     {title: "Penyuluh Sosial", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fSocial, female: 0.55},
	"mediator":            {title: "Mediator Hubungan Industrial", jen: jAhli3, jw: []float32{0.4, 0.4, 0.2}, field: fLaw, female: 0.4},
	"instruktur":          {title: "Instruktur", jen: jTerA, jw: []float32{0.4, 0.4, 0.2}, field: fEng, female: 0.3},
	"pengantar_kerja":     {title: "Pengantar Kerja", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fGen, female: 0.55},
	"pdl":                 {title: "Pengendali Dampak Lingkungan", jen: jAhli2, jw: []float32{0.5, 0.5}, field: fEng, female: 0.5},
	"pengawas_lh":         {title: "Pengawas Lingkungan Hidup", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fEng, female: 0.4},
	"adm_db_kependudukan": {title: "Administrator Database Kependudukan", jen: jTerA, jw: []float32{0.4, 0.4, 0.2}, field: fIT, female: 0.5},
	"pkb":                 {title: "Penyuluh Keluarga Berencana", jen: jAhli3, jw: []float32{0.5, 0.4, 0.1}, field: fSocial, female: 0.75, pppk: 0.1},
	"penyuluh_pertanian":  {title: "Penyuluh Pertanian", jen: jTerA, jw: []float32{0.3, 0.4, 0.3}, field: fAgri, female: 0.5, pppk: 0.3},
	"penyuluh_perikanan":  {title: "Penyuluh Perikanan", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fAgri, female: 0.4},
	"medik_vet":           {title: "Medik Veteriner", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fVet, female: 0.5},
	"paramedik_vet":       {title: "Paramedik Veteriner", jen: []string{"terampil", "mahir"}, jw: []float32{0.6, 0.4}, field: fAgri, female: 0.3},
	"pengawas_koperasi":   {title: "Pengawas Koperasi", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fFin, female: 0.5},
	"penyuluh_perindag":   {title: "Penyuluh Perindustrian dan Perdagangan", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fGen, female: 0.5},
	"penera":              {title: "Penera", jen: []string{"terampil", "ahli_pertama"}, jw: []float32{0.5, 0.5}, field: fEng, female: 0.3},
	"adyatama":            {title: "Adyatama Kepariwisataan dan Ekonomi Kreatif", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fGen, female: 0.6},
	"penata_bencana":      {title: "Penata Penanggulangan Bencana", jen: jAhli2, jw: []float32{0.6, 0.4}, field: fGen, female: 0.35},
}

// pelaksanaSpec is an executor post (jabatan pelaksana, 2022 nomenclature).
type pelaksanaSpec struct {
	lo, hi int8 // PNS golongan index range
	edu    [5]uint16
	female float32
	field  uint8
}

var pelaksana = map[string]pelaksanaSpec{
	"Pengadministrasi Perkantoran":                 {4, 9, [5]uint16{50, 25, 25}, 0.62, fLow},
	"Penata Layanan Operasional":                   {8, 10, [5]uint16{0, 12, 85, 3}, 0.5, fGen},
	"Pengelola Layanan Operasional":                {5, 9, [5]uint16{40, 40, 20}, 0.45, fLow},
	"Operator Layanan Operasional":                 {3, 7, [5]uint16{85, 10, 5}, 0.12, fLow},
	"Pengolah Data dan Informasi":                  {5, 9, [5]uint16{30, 45, 25}, 0.55, fLow},
	"Pengelola Umum Operasional":                   {2, 7, [5]uint16{90, 8, 2}, 0.15, fLow},
	"Penata Kelola Sistem dan Teknologi Informasi": {8, 10, [5]uint16{0, 20, 80}, 0.35, fIT},
}

// Managerial post kinds.
const (
	mSekda = iota
	mJPTP
	mAdmin
	mPengawas
	mKapus
	mSekLurah
	numMgr
)

var managers = [numMgr]struct {
	t      model.PositionType
	lo, hi int8
	edu    [5]uint16
	female float32
}{
	mSekda:    {model.JPTPratama, 14, 15, [5]uint16{0, 0, 0, 70, 30}, 0.2}, // a kota's Sekda (PP 18/2016)
	mJPTP:     {model.JPTPratama, 14, 15, [5]uint16{0, 0, 5, 80, 15}, 0.25},
	mAdmin:    {model.Administrator, 12, 13, [5]uint16{0, 0, 30, 68, 2}, 0.33},
	mPengawas: {model.Pengawas, 11, 12, [5]uint16{0, 0, 55, 45}, 0.4},
	mKapus:    {model.Pengawas, 10, 12, [5]uint16{0, 0, 50, 50}, 0.62},
	mSekLurah: {model.Pengawas, 9, 11, [5]uint16{0, 5, 75, 20}, 0.45},
}

// Golongan index range (into model.PNSGolongan) per jenjang, and the PPPK
// grade index (into model.PPPKGolongan).
func jenjangGol(j string) (lo, hi, pppk int8) {
	switch j {
	case "ahli_pertama":
		return 8, 9, 8 // III/a–III/b, IX
	case "ahli_muda":
		return 10, 11, 9 // III/c–III/d, X
	case "ahli_madya":
		return 12, 13, 10 // IV/a–IV/b (a few IV/c, see prof.top), XI
	case "ahli_utama":
		return 15, 16, 12
	case "pemula":
		return 4, 4, 4 // II/a, V
	case "terampil":
		return 5, 7, 6 // II/b–II/d, VII
	case "mahir":
		return 8, 9, 7 // III/a–III/b, VIII
	case "penyelia":
		return 10, 11, 8 // III/c–III/d, IX
	}
	return 4, 9, 4
}

// jenjangEdu gives default education weights per jenjang.
func jenjangEdu(j string, low bool) [5]uint16 {
	switch j {
	case "ahli_pertama":
		return [5]uint16{0, 0, 85, 15}
	case "ahli_muda":
		return [5]uint16{0, 0, 65, 35}
	case "ahli_madya":
		return [5]uint16{0, 0, 49, 50, 1}
	case "ahli_utama":
		return [5]uint16{0, 0, 20, 60, 20}
	}
	if low {
		switch j {
		case "pemula":
			return [5]uint16{95, 5}
		case "terampil":
			return [5]uint16{75, 20, 5}
		case "mahir":
			return [5]uint16{65, 25, 10}
		}
		return [5]uint16{55, 30, 15}
	}
	switch j {
	case "pemula":
		return [5]uint16{70, 30}
	case "terampil":
		return [5]uint16{15, 80, 5}
	case "mahir":
		return [5]uint16{10, 80, 10}
	}
	return [5]uint16{10, 70, 20}
}

var jenjangLabel = map[string]string{
	"ahli_pertama": "Ahli Pertama", "ahli_muda": "Ahli Muda", "ahli_madya": "Ahli Madya", "ahli_utama": "Ahli Utama",
	"pemula": "Pemula", "terampil": "Terampil", "mahir": "Mahir", "penyelia": "Penyelia",
}

// Position categories (where the city's staff works); each gets a fixed
// share of the employees.
const (
	catSkeleton  = iota // OPD offices, their fixed named UPT
	catKec              // kecamatan offices
	catRSUD             // hospitals
	catSchool           // SD and SMP negeri
	catPKM              // puskesmas
	catKel              // kelurahan
	catOfficeUPT        // scalable office UPT (fire posts, parking, cleaning, roads)
	numCat
)

var catShare = [numCat]float64{0.19, 0.035, 0.05, 0.47, 0.125, 0.055, 0.075}
var catFixed = [numCat]bool{true, true, true, false, false, false, false}

// prof is how the holders of a position look: type, rank range, education,
// degrees, gender and PPPK mix. Many positions share one prof.
type prof struct {
	ptype   model.PositionType
	jenjang string
	lo, hi  int8
	pppkG   int8 // PPPK grade index for entry-level jenjang; -1 = by education
	top     int8 // a rank above hi that a few (6 %) reach, 0 = none
	entry   bool // entry-level functional jenjang: holders are not decades in post
	edu     [5]uint16
	eduSum  uint16
	field   uint8
	d3      string
	female  float32
	pppk    float32
	ret     int
	teacher bool
	health  bool
}
