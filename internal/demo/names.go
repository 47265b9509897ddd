package demo

import (
	"math/rand/v2"
	"strings"
	"sync"
)

// nameGroup is one naming tradition found among Medan's civil servants.
type nameGroup struct {
	weight       float64
	muslim       float32 // share of Muslims (for the H./Hj. title)
	male, female []string
	secondM      []string // second given name (or Javanese/Malay "surname")
	secondF      []string
	pSecond      float32
	family       []string // marga or family name, written last
	pFamily      float32
	brOK         bool // Batak women are sometimes recorded "Br. <marga>"
	homes        []string
}

var (
	tobaMale = []string{"Parulian", "Togar", "Hotman", "Lamhot", "Bonar", "Johnson", "Roy", "Rudolf", "Marihot", "Sahat",
		"Tumpal", "Poltak", "Binsar", "Daniel", "Robert", "Hendrik", "Saut", "Horas", "Manaor", "Jonner", "Franky",
		"Ronald", "Edward", "Benny", "Tigor", "Hisar", "Martin", "Samuel", "Jefri", "Richard", "Posman", "Monang",
		"Parlindungan", "Rinto", "Andreas", "David", "Yosua", "Jansen", "Fernando", "Harapan"}
	tobaFemale = []string{"Maria", "Rosmawati", "Rugun", "Tiurma", "Lasma", "Dewi", "Sondang", "Rotua", "Ruth", "Elfrida",
		"Yohana", "Herlina", "Romauli", "Tiominar", "Debora", "Christine", "Martha", "Friska", "Juliana", "Verawati",
		"Rosita", "Hotmaida", "Lenny", "Rina", "Santi", "Evi", "Melva", "Nova", "Sarma", "Tetty", "Dormauli", "Riris",
		"Lusiana", "Erna", "Magdalena", "Rosdiana", "Nurmaida", "Ester", "Lamria", "Tiara"}
	nias = []string{"Zebua", "Telaumbanua", "Gulo", "Harefa", "Hulu", "Laoli", "Waruwu", "Zendrato", "Lase", "Ndruru", "Halawa", "Mendrofa"}
)

var nameGroups = []nameGroup{
	{ // Batak Toba and Simalungun
		weight: 20, muslim: 0.05, male: tobaMale, female: tobaFemale,
		secondM: []string{"Halomoan", "Hamonangan", "Hasiholan", "Pangihutan", "Sahala", "Marulitua", "Tua", "Parsaulian", "Manahan"},
		secondF: []string{"Hotnida", "Sinta", "Uli", "Rohani", "Lestari", "Novita", "Mariani"},
		pSecond: 0.3, pFamily: 0.97, brOK: true,
		family: []string{"Simanjuntak", "Sitompul", "Sinaga", "Simatupang", "Panjaitan", "Manurung", "Sihombing", "Tampubolon",
			"Pardede", "Situmorang", "Hutagalung", "Napitupulu", "Silalahi", "Sianturi", "Hutapea", "Siahaan", "Pasaribu",
			"Aritonang", "Hutabarat", "Sitorus", "Gultom", "Marpaung", "Simbolon", "Sirait", "Butarbutar", "Nainggolan",
			"Lumbantobing", "Samosir", "Purba", "Saragih", "Damanik", "Girsang", "Sipayung", "Siallagan", "Sidabutar",
			"Simamora", "Tambunan", "Hutauruk", "Sinurat", "Manik"},
		homes: []string{"Tarutung", "Balige", "Pematangsiantar", "Sibolga", "Porsea", "Doloksanggul", "Pangururan", "Siborongborong"},
	},
	{ // Mandailing and Angkola
		weight: 16, muslim: 0.97,
		male: []string{"Ahmad", "Muhammad", "Rahmad", "Syahrial", "Irwansyah", "Zulkifli", "Khairul", "Ridwan", "Rizki", "Fauzi",
			"Hasan", "Abdul", "Darwin", "Erwin", "Syaiful", "Taufik", "Yusuf", "Amiruddin", "Hamdan", "Ali", "Aswin", "Faisal",
			"Ikhwan", "Arif", "Marwan", "Nasrul", "Irfan", "Sutan", "Mulia", "Parlaungan"},
		female: []string{"Siti", "Nurhayati", "Rahmawati", "Fitri", "Rosmaini", "Nurmala", "Yusnidar", "Hafsah", "Aisyah", "Khairani",
			"Rahmi", "Maimunah", "Nurul", "Fatimah", "Ummi", "Lailan", "Sakdiah", "Hotnida", "Masdalena", "Nurlela", "Asmidar",
			"Rosdiana", "Yusnita", "Indah", "Wirda", "Mardiah"},
		secondM: []string{"Hidayat", "Effendi", "Saleh", "Rahman", "Hamid", "Syahputra", "Azhari", "Hakim", "Fahmi", "Ansari", "Husein"},
		secondF: []string{"Hanum", "Sari", "Aini", "Rahmah", "Hasanah", "Wardani", "Zahara", "Fitriani", "Khairunnisa", "Annisa"},
		pSecond: 0.35, pFamily: 0.95, brOK: true,
		family: []string{"Siregar", "Nasution", "Lubis", "Harahap", "Hasibuan", "Pohan", "Daulay", "Rangkuti", "Batubara",
			"Ritonga", "Pulungan", "Matondang", "Dalimunthe", "Parinduri", "Tanjung", "Hutasuhut", "Rambe", "Nasution", "Lubis", "Siregar"},
		homes: []string{"Padangsidimpuan", "Panyabungan", "Gunung Tua", "Sipirok", "Kotanopan", "Sibolga"},
	},
	{ // Karo
		weight: 7, muslim: 0.2,
		male: []string{"Ersada", "Malem", "Dinata", "Sastra", "Benhur", "Perdana", "Sempurna", "Andreas", "Kristian", "Frans",
			"Jansen", "Rasken", "Mulia", "Bastanta", "Ukur", "Terang", "Sabar", "Rahmat", "Ngadap", "Petrus"},
		female: []string{"Ulina", "Rasmi", "Kristina", "Rosmalem", "Malemita", "Berliana", "Eva", "Lina", "Rehulina", "Mariani",
			"Rosalina", "Nurmalem", "Erika", "Sinta", "Dameria", "Seh Ate", "Juita"},
		secondM: []string{"Jaya", "Putra", "Sitepu"}, secondF: []string{"Beru"},
		pSecond: 0.08, pFamily: 0.97,
		family: []string{"Ginting", "Sembiring", "Tarigan", "Perangin-angin", "Karo-Karo", "Sitepu", "Barus", "Surbakti",
			"Sebayang", "Bangun", "Kaban", "Brahmana", "Meliala", "Pelawi", "Milala", "Pinem", "Sinulingga", "Depari", "Keliat", "Colia"},
		homes: []string{"Kabanjahe", "Berastagi", "Tigabinanga", "Pancur Batu", "Sibolangit"},
	},
	{ // Javanese (many Medan-born "Pujakesuma")
		weight: 28, muslim: 0.95,
		male: []string{"Agus", "Budi", "Joko", "Slamet", "Sutrisno", "Suparman", "Bambang", "Eko", "Heru", "Wahyu", "Dwi",
			"Teguh", "Hadi", "Supriadi", "Sugianto", "Rudi", "Iwan", "Hendra", "Sapri", "Sugeng", "Bayu", "Dedi", "Suwarno",
			"Ponirin", "Paino", "Sukirman", "Edi", "Anto", "Ari", "Yoga", "Rizky", "Andi", "Tri", "Wawan", "Yudi", "Catur",
			"Sunarto", "Sumarno", "Suyanto", "Purwanto", "Gunadi"},
		female: []string{"Sri", "Siti", "Wahyuni", "Endang", "Suharti", "Tri", "Dwi", "Rini", "Sulastri", "Ratna", "Yuliani",
			"Puji", "Winarti", "Sumiati", "Ernawati", "Dewi", "Kartini", "Indah", "Suryani", "Sutarti", "Ani", "Eka", "Ayu",
			"Wulan", "Retno", "Rina", "Yanti", "Lestari", "Sumarni", "Ngatini", "Tumini", "Ponirah", "Nur", "Susi", "Kurnia"},
		secondM: []string{"Wahyudi", "Santoso", "Prasetyo", "Setiawan", "Hartono", "Kurniawan", "Susanto", "Nugroho", "Purnomo",
			"Utomo", "Saputra", "Sutrisno", "Hidayat", "Prabowo", "Wibowo", "Sulistyo", "Gunawan", "Pranoto", "Suprapto", "Riyadi",
			"Irawan", "Supriyanto", "Handoko", "Firmansyah"},
		secondF: []string{"Lestari", "Rahayu", "Wahyuni", "Handayani", "Astuti", "Ningsih", "Wulandari", "Pratiwi", "Susilawati",
			"Setyowati", "Purwanti", "Rahmawati", "Kurniasih", "Suryani", "Hartati", "Utami", "Yuliana", "Sulistyowati",
			"Mulyani", "Andriani", "Widyastuti", "Anggraini"},
		pSecond: 0.72,
		homes:   []string{"Binjai", "Stabat", "Tebing Tinggi", "Kisaran", "Lubuk Pakam", "Tanjung Morawa", "Perbaungan", "Rantau Prapat", "Pematangsiantar", "Galang"},
	},
	{ // Malay
		weight: 8, muslim: 1,
		male: []string{"Syahrul", "Rahmat", "Zulfikar", "Azhar", "Ismail", "Hamzah", "Fadli", "Iskandar", "Amri", "Khairil", "Zainal",
			"Syamsul", "Darwis", "Syarifuddin", "Nazaruddin", "Fadhlan", "Rizal", "Hafiz", "Ilham", "Mahyuddin"},
		female: []string{"Zubaidah", "Rahimah", "Salmah", "Fauziah", "Syarifah", "Laila", "Nurainun", "Rosnah", "Halimah", "Zuraidah",
			"Mariam", "Nurhasanah", "Rohana", "Syahrina", "Juliana", "Hafizah", "Aminah", "Rosmala"},
		secondM: []string{"Effendi", "Ramadhan", "Hidayat", "Syahputra", "Azmi", "Arifin", "Harun", "Yusuf", "Ibrahim", "Syahbana"},
		secondF: []string{"Sari", "Fitriani", "Hayati", "Wati", "Aini", "Syahfitri", "Yanti", "Hasanah", "Rahmadani", "Nasution"},
		pSecond: 0.7,
		homes:   []string{"Tanjung Balai", "Tanjung Pura", "Pangkalan Brandan", "Batubara", "Bedagai", "Labuhan Deli"},
	},
	{ // Minangkabau
		weight: 8, muslim: 1,
		male: []string{"Yusrizal", "Zulkarnain", "Afrizal", "Syafrizal", "Hendri", "Yulizar", "Fadhil", "Rizal", "Ardi", "Febri",
			"Ilham", "Yoserizal", "Defri", "Erizal", "Nofrizal", "Zulhendri", "Asrul", "Roni", "Yuhendra", "Alfian"},
		female: []string{"Yeni", "Rahmi", "Yulia", "Nofita", "Elvi", "Desi", "Fitri", "Mardiana", "Yusnita", "Ernita", "Rosmiati",
			"Yuliarni", "Desmawati", "Nelly", "Afrida", "Syafrida", "Ratna", "Yelfi"},
		secondM: []string{"Putra", "Saputra", "Efendi", "Mulyadi", "Syahrial", "Chaniago", "Piliang", "Koto", "Sikumbang", "Tanjung"},
		secondF: []string{"Novita", "Yanti", "Susanti", "Rosa", "Yusra", "Dewita", "Murni", "Chaniago", "Sari", "Yuliani"},
		pSecond: 0.62,
		homes:   []string{"Padang", "Bukittinggi", "Payakumbuh", "Solok", "Pariaman"},
	},
	{ // Acehnese
		weight: 4, muslim: 1,
		male: []string{"Muhammad", "Zulfikar", "Mukhlis", "Murdani", "Safrizal", "Fakhrurrazi", "Munawar", "Iqbal", "Hasballah",
			"Azwar", "Syahrizal", "Marzuki", "Zulkifli", "Razali", "Mahdi"},
		female:  []string{"Nurhayati", "Rahmah", "Safrina", "Darmawati", "Ainul", "Nurul", "Rosmiati", "Marlina", "Yusniar", "Rahmiati", "Cut Nurul", "Fajriah"},
		secondM: []string{"Ibrahim", "Abdullah", "Hasan", "Ismail", "Usman", "Yusuf", "Daud", "Amin"},
		secondF: []string{"Husna", "Mardhiah", "Fajriani", "Wati", "Hayati", "Zahra"},
		pSecond: 0.6,
		homes:   []string{"Banda Aceh", "Lhokseumawe", "Langsa", "Kutacane", "Takengon", "Bireuen"},
	},
	{ // Chinese-Indonesian
		weight: 2, muslim: 0.03,
		male:    []string{"Hendra", "Andi", "Kevin", "Willy", "Sugianto", "Johan", "Edi", "Robin", "Benny", "William", "Ricky", "Jimmy", "Ferry", "Sunardi", "Herman"},
		female:  []string{"Lily", "Susanti", "Meiliana", "Linda", "Yenny", "Vivian", "Melisa", "Lisa", "Cindy", "Elisabeth", "Lina", "Mei", "Fenny", "Susi", "Wenny"},
		family:  []string{"Halim", "Wijaya", "Tanoto", "Gunawan", "Salim", "Kusuma", "Lim", "Tan", "Chandra", "Sutanto", "Setiadi", "Hartanto", "Lie", "Widjaja", "Tanjaya", "Sutiono"},
		pFamily: 0.9,
		homes:   []string{"Pematangsiantar", "Tebing Tinggi", "Tanjung Balai", "Bagansiapiapi"},
	},
	{ // Nias
		weight: 2, muslim: 0.05, male: tobaMale, female: tobaFemale, family: nias, pFamily: 0.97,
		homes: []string{"Gunungsitoli", "Teluk Dalam"},
	},
}

// birthPlaces: most are Medan and North Sumatra, some Aceh, West Sumatra and Java.
var birthPlaces = []struct {
	name string
	w    int
}{
	{"Medan", 430}, {"Binjai", 35}, {"Pematangsiantar", 40}, {"Tebing Tinggi", 30}, {"Lubuk Pakam", 22}, {"Tanjung Morawa", 10},
	{"Deli Tua", 8}, {"Stabat", 14}, {"Kisaran", 18}, {"Rantau Prapat", 14}, {"Tanjung Balai", 14}, {"Tarutung", 18},
	{"Balige", 14}, {"Sibolga", 14}, {"Padangsidimpuan", 24}, {"Kabanjahe", 18}, {"Sidikalang", 9}, {"Gunungsitoli", 7},
	{"Perbaungan", 9}, {"Sei Rampah", 5}, {"Kabupaten Deli Serdang", 6}, {"Banda Aceh", 11}, {"Lhokseumawe", 7}, {"Langsa", 7},
	{"Padang", 14}, {"Bukittinggi", 6}, {"Pekanbaru", 7}, {"Jakarta", 14}, {"Bandung", 5}, {"Yogyakarta", 5}, {"Surabaya", 4},
	{"Semarang", 4}, {"Surakarta", 3}, {"Palembang", 3}, {"Batam", 2},
}

// nameEntry is one ready-made person name.
type nameEntry struct {
	full   string // bare name as records write it
	email  string // e-mail local part without the number, e.g. "budi.santoso"
	muslim bool
	group  uint8
}

// nameTable holds precomputed names so that generating an employee does
// not build a name string.
type nameTable struct {
	entries    []nameEntry
	nMale      int // entries[:nMale] are male, the rest female
	places     []string
	groupHomes [][]string
}

const namesPerGender = 6000

var loadNames = sync.OnceValue(buildNames)

func buildNames() *nameTable {
	r := rand.New(rand.NewPCG(0x4d45444e, 2026)) // fixed: names do not depend on the seed
	t := &nameTable{}
	seen := make(map[string]bool, 2*namesPerGender)
	total := 0.0
	for _, g := range nameGroups {
		total += g.weight
	}
	for gender := 0; gender < 2; gender++ {
		female := gender == 1
		for gi := range nameGroups {
			g := &nameGroups[gi]
			quota := int(g.weight / total * namesPerGender)
			made := 0
			for try := 0; made < quota && try < quota*40; try++ {
				given, second := g.male, g.secondM
				if female {
					given, second = g.female, g.secondF
				}
				parts := []string{given[r.IntN(len(given))]}
				if len(second) > 0 && r.Float32() < g.pSecond {
					if s := second[r.IntN(len(second))]; s != parts[0] {
						parts = append(parts, s)
					}
				}
				if len(g.family) > 0 && r.Float32() < g.pFamily {
					if female && g.brOK && r.IntN(100) < 15 {
						parts = append(parts, "Br")
					}
					parts = append(parts, g.family[r.IntN(len(g.family))])
				}
				e := emailBase(parts)
				if seen[e] {
					continue
				}
				seen[e] = true
				t.entries = append(t.entries, nameEntry{full: strings.Join(parts, " "), email: e, muslim: r.Float32() < g.muslim, group: uint8(gi)})
				made++
			}
		}
		if !female {
			t.nMale = len(t.entries)
		}
	}
	for _, p := range birthPlaces {
		for range p.w {
			t.places = append(t.places, p.name)
		}
	}
	for _, g := range nameGroups {
		t.groupHomes = append(t.groupHomes, g.homes)
	}
	return t
}

// emailBase makes "first.last" from name parts: lower-case ASCII letters only.
func emailBase(parts []string) string {
	clean := func(s string) string {
		var b strings.Builder
		for _, c := range strings.ToLower(s) {
			if c >= 'a' && c <= 'z' {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	first := clean(strings.Fields(parts[0])[0])
	if len(parts) == 1 {
		f := strings.Fields(parts[0])
		if len(f) == 1 {
			return first
		}
		return first + "." + clean(f[len(f)-1])
	}
	return first + "." + clean(parts[len(parts)-1])
}
