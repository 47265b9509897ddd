package names

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in                string
		front, bare, back string
	}{
		// The examples of the brief and domain.
		{"Dr. Ahmad Siregar, S.T., M.Kom.", "Dr.", "Ahmad Siregar", "S.T., M.Kom."},
		{"Hj. Siti Aminah Nasution, S.Pd., M.Pd.", "Hj.", "Siti Aminah Nasution", "S.Pd., M.Pd."},
		{"dr. Budi", "dr.", "Budi", ""},
		{"Sri Wahyuni", "", "Sri Wahyuni", ""},
		{"Ns. Rina Sembiring, S.Kep.", "Ns.", "Rina Sembiring", "S.Kep."},
		{"Drs. H. Muhammad Yusuf Lubis, M.Si.", "Drs. H.", "Muhammad Yusuf Lubis", "M.Si."},
		{"Muhammad Ali Harahap", "", "Muhammad Ali Harahap", ""},
		// Batak, Malay, Javanese, Chinese-Indonesian, single names.
		{"Prof. Dr. Ir. H. Bungaran Saragih, M.Ec.", "Prof. Dr. Ir. H.", "Bungaran Saragih", "M.Ec."},
		{"Dra. Hj. Nurhayati Daulay, M.AP.", "Dra. Hj.", "Nurhayati Daulay", "M.AP."},
		{"Tengku Amri Fadli, S.Sos.", "", "Tengku Amri Fadli", "S.Sos."},
		{"Sutrisno", "", "Sutrisno", ""},
		{"Lim Swie Hong, S.E.", "", "Lim Swie Hong", "S.E."},
		{"Tjong A Fie", "", "Tjong A Fie", ""},
		{"drg. Maria Br Ginting, Sp.KG", "drg.", "Maria Br Ginting", "Sp.KG"},
		{"dr. Ricky Panjaitan, Sp.A", "dr.", "Ricky Panjaitan", "Sp.A"},
		{"dr. Andi Tarigan, Sp.PD-KGEH, FINASIM", "dr.", "Andi Tarigan", "Sp.PD-KGEH, FINASIM"},
		{"Desi Manurung, A.Md.Kep.", "", "Desi Manurung", "A.Md.Kep."},
		{"Rina Sembiring, S.Kep., Ns.", "", "Rina Sembiring", "S.Kep., Ns."},
		{"Ahmad Fauzi Nasution, S.Pd.I", "", "Ahmad Fauzi Nasution", "S.Pd.I"},
		{"Rudi Hartono, S.STP, M.Si", "", "Rudi Hartono", "S.STP, M.Si"},
		{"Dr. Maruli Simanjuntak, S.IP, M.M., Ph.D", "Dr.", "Maruli Simanjuntak", "S.IP, M.M., Ph.D"},
		{"Siti Khadijah Hasibuan, S.Ag., M.A.", "", "Siti Khadijah Hasibuan", "S.Ag., M.A."},
		{"apt. Yohana Sitorus, S.Farm.", "apt.", "Yohana Sitorus", "S.Farm."},
		{"K.H. Abdul Somad Batubara, Lc., M.A.", "K.H.", "Abdul Somad Batubara", "Lc., M.A."},
		// Titles written sloppily.
		{"  Dr.  Ahmad   Siregar ,S.T.,M.Kom  ", "Dr.", "Ahmad Siregar", "S.T., M.Kom"},
		{"Drs.H.Muhammad Yusuf Lubis,M.Si", "Drs. H.", "Muhammad Yusuf Lubis", "M.Si"},
		{"Dr., H. Ahmad Siregar", "Dr. H.", "Ahmad Siregar", ""},
		{"Ahmad Siregar S.T., M.Kom.", "", "Ahmad Siregar", "S.T., M.Kom."},
		{"Ahmad Siregar S.T. M.T.", "", "Ahmad Siregar", "S.T., M.T."},
		{"Ahmad Siregar, S.Pd. M.Pd.", "", "Ahmad Siregar", "S.Pd., M.Pd."},
		{"Ahmad Siregar, S. Pd.", "", "Ahmad Siregar", "S.Pd."},
		{"AHMAD SIREGAR, SE", "", "AHMAD SIREGAR", "SE"},
		{"DRS. H. MUHAMMAD YUSUF LUBIS, M.SI.", "DRS. H.", "MUHAMMAD YUSUF LUBIS", "M.SI."},
		{"Budi Santoso, SKM, MKes", "", "Budi Santoso", "SKM, MKes"},
		{"Dr Ahmad Siregar", "Dr", "Ahmad Siregar", ""},
		{"Ir Sutrisno", "Ir", "Sutrisno", ""},
		// Names that look like titles but are not.
		{"Irwan Harahap", "", "Irwan Harahap", ""},
		{"Ir", "", "Ir", ""},
		{"Hendra Drajat", "", "Hendra Drajat", ""},
		{"Drajat", "", "Drajat", ""},
		{"M. Yusuf Lubis", "", "M. Yusuf Lubis", ""},
		{"H Ahmad", "", "H Ahmad", ""},
		{"I.R. Siregar", "", "I.R. Siregar", ""},
		{"Abdul Rahman A.R.", "", "Abdul Rahman A.R.", ""},
		{"Ahmad M.Yusuf", "", "Ahmad M.Yusuf", ""},
		{"Budi S.", "", "Budi S.", ""},
		{"Siregar, Ahmad", "", "Siregar, Ahmad", ""},
		{"Siregar, Ahmad, S.T.", "", "Siregar, Ahmad", "S.T."},
		{"Nur'aini Lubis", "", "Nur'aini Lubis", ""},
		// Degenerate input.
		{"", "", "", ""},
		{"   ", "", "", ""},
		{",,,", "", "", ""},
		{", , Ahmad", "", "Ahmad", ""},
		{"Ahmad,,", "", "Ahmad", ""},
		{"Dr.", "Dr.", "", ""},
		{"S.Pd., M.Pd.", "", "", "S.Pd., M.Pd."},
	}
	for _, tt := range tests {
		f, b, k := Split(tt.in)
		if f != tt.front || b != tt.bare || k != tt.back {
			t.Errorf("Split(%q) = %q, %q, %q; want %q, %q, %q", tt.in, f, b, k, tt.front, tt.bare, tt.back)
		}
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct {
		front, bare, back, want string
	}{
		{"Dr.", "Ahmad Siregar", "S.T., M.Kom.", "Dr. Ahmad Siregar, S.T., M.Kom."},
		{"Dr., H.", "Ahmad Siregar", "", "Dr. H. Ahmad Siregar"},
		{"", "Sri Wahyuni", "", "Sri Wahyuni"},
		{"", "Rina Sembiring", "S.Kep.,Ns.", "Rina Sembiring, S.Kep., Ns."},
		{" Hj. ", " Siti  Aminah ", " S.Pd. , M.Pd. ", "Hj. Siti Aminah, S.Pd., M.Pd."},
		{"Dr.", "", "", "Dr."},
		{"", "", "S.T.", "S.T."},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		if got := Display(tt.front, tt.bare, tt.back); got != tt.want {
			t.Errorf("Display(%q, %q, %q) = %q, want %q", tt.front, tt.bare, tt.back, got, tt.want)
		}
	}
}

func TestSplitDisplayRoundTrip(t *testing.T) {
	for _, s := range []string{
		"Dr. Ahmad Siregar, S.T., M.Kom.",
		"Hj. Siti Aminah Nasution, S.Pd., M.Pd.",
		"Drs. H. Muhammad Yusuf Lubis, M.Si.",
		"Prof. Dr. Ir. H. Bungaran Saragih, M.Ec.",
		"dr. Andi Tarigan, Sp.PD-KGEH, FINASIM",
		"Sri Wahyuni",
		"Siregar, Ahmad, S.T.",
	} {
		if got := Display(Split(s)); got != s {
			t.Errorf("Display(Split(%q)) = %q", s, got)
		}
	}
}

func TestSearchWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Dr. Ahmad Siregar, S.T., M.Kom.", []string{"ahmad", "siregar"}},
		{"Hj. Siti Aminah Nasution, S.Pd., M.Pd.", []string{"siti", "aminah", "nasution"}},
		{"Drs. H. Muhammad Yusuf Lubis, M.Si.", []string{"muhammad", "yusuf", "lubis"}},
		{"Muhammad Ali Harahap", []string{"muhammad", "ali", "harahap"}},
		{"Sutrisno", []string{"sutrisno"}},
		{"Irwan Harahap", []string{"irwan", "harahap"}},
		{"Maria Br Ginting", []string{"maria", "br", "ginting"}},
		{"M. Yusuf Lubis", []string{"m", "yusuf", "lubis"}},
		{"Ma'ruf Amin", []string{"maruf", "amin"}},
		{"Ma’ruf Amin", []string{"maruf", "amin"}},
		{"Nur-Aini Pohan", []string{"nur", "aini", "nuraini", "pohan"}},
		{"Abdul Abdul Rahman", []string{"abdul", "rahman"}},
		{"Séna Pérangin-angin", []string{"sena", "perangin", "angin", "peranginangin"}},
		{"Se\u0301na", []string{"sena"}},
		{"Tjong A Fie", []string{"tjong", "a", "fie"}},
		{"Lim Swie Hong, S.E.", []string{"lim", "swie", "hong"}},
		{"AHMAD SIREGAR, SE", []string{"ahmad", "siregar"}},
		{"Raden Ajeng (R.A.) Kartini", []string{"raden", "ajeng", "r", "a", "kartini"}},
		{"", []string{}},
		{",,,", []string{}},
		{"Dr.", []string{}},
	}
	for _, tt := range tests {
		if got := SearchWords(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SearchWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQueryWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Siregar, S.T.", []string{"siregar"}},
		{"siregar", []string{"siregar"}},
		{"  AHMAD   siregar ", []string{"ahmad", "siregar"}},
		{"dr budi", []string{"budi"}},
		{"dr. budi", []string{"budi"}},
		{"Ir", []string{"ir"}},
		{"irwan", []string{"irwan"}},
		{"nur-aini", []string{"nuraini"}},
		{"ma'ruf", []string{"maruf"}},
		{"Pérangin-angin", []string{"peranginangin"}},
		{"Lubis, M.Si.", []string{"lubis"}},
		{"", []string{}},
		{"S.Pd.", []string{}},
	}
	for _, tt := range tests {
		if got := QueryWords(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("QueryWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestQueryFindsIndexed checks that every query word for a name is among the
// indexed words of that name, whatever titles or spelling the query uses.
func TestQueryFindsIndexed(t *testing.T) {
	tests := []struct{ name, query string }{
		{"Dr. Ahmad Siregar, S.T., M.Kom.", "Siregar, S.T."},
		{"Dr. Ahmad Siregar, S.T., M.Kom.", "dr ahmad"},
		{"Nur-Aini Pohan", "nur-aini"},
		{"Nur-Aini Pohan", "aini"},
		{"Nuraini Pohan", "nur-aini"},
		{"Séna Pérangin-angin", "PERANGIN-ANGIN"},
		{"Ma'ruf Amin", "Ma’ruf"},
		{"Hj. Siti Aminah Nasution, S.Pd., M.Pd.", "Nasution"},
	}
	for _, tt := range tests {
		idx := map[string]bool{}
		for _, w := range SearchWords(tt.name) {
			idx[w] = true
		}
		q := QueryWords(tt.query)
		if len(q) == 0 {
			t.Errorf("QueryWords(%q) is empty", tt.query)
		}
		for _, w := range q {
			if !idx[w] {
				t.Errorf("query %q word %q not in SearchWords(%q) = %v", tt.query, w, tt.name, SearchWords(tt.name))
			}
		}
	}
}

func TestSortKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dr. Ahmad Siregar, S.T., M.Kom.", "ahmad siregar"},
		{"Prof. Dr. Ir. H. Bungaran Saragih, M.Ec.", "bungaran saragih"},
		{"  Sri   Wahyuni ", "sri wahyuni"},
		{"Émile Tambunan", "emile tambunan"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := SortKey(tt.in); got != tt.want {
			t.Errorf("SortKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Dr. Ahmad Siregar, S.T., M.Kom.", "Drs.H.Muhammad Yusuf Lubis,M.Si", "Ir", ",,,", "Siregar, Ahmad",
		"Ahmad Siregar S.T. M.T.", "K.H. Abdul Somad, Lc., M.A.", "Ma'ruf Nur-Aini", "Séna", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		front, bare, back := Split(s)
		shown := Display(front, bare, back)
		f2, b2, k2 := Split(shown)
		if f2 != front || b2 != bare || k2 != back {
			t.Fatalf("Split(Display(Split(%q))) = %q,%q,%q; want %q,%q,%q", s, f2, b2, k2, front, bare, back)
		}
		for _, w := range append(SearchWords(s), QueryWords(s)...) {
			if w == "" {
				t.Fatalf("empty word for %q", s)
			}
		}
	})
}

// KeyAndWords is what a bulk import stores; it must agree with SortKey and
// SearchWords, which every other write and every search use.
func TestKeyAndWordsAgree(t *testing.T) {
	for _, n := range []string{"Dr. Ahmad Siregar, S.T., M.Kom.", "Hj. Siti Nur'aini Br. Ginting, S.Pd.", "Ma'ruf Amin",
		"Jean-Pierre  Lubis", "ANDRÉ Sinaga-Tambunan", "Ñoño Ülkü", "  ", "", "dr. Sahat Marulitua Saragih, M.K.M.",
		"Ir. H. Muhammad Yusuf Lubis Lubis", "Œdipe Þór", "A-B-C d'E", "Budi  Santoso ", "Budi\tSantoso", "M. Yusuf (Alm) 2",
		"budi budi", "Rina`s", "X", "Sri Rahayu Br Sembiring"} {
		k, w := KeyAndWords(n)
		if want := SortKey(n); k != want {
			t.Errorf("%q: key %q, SortKey %q", n, k, want)
		}
		if want := SearchWords(n); !slices.Equal(w, want) {
			t.Errorf("%q: words %q, SearchWords %q", n, w, want)
		}
	}
}

// TestPlainWordsAgree: the ASCII fast path gives the words the rune-by-rune
// path gives, with and without hyphen parts, for every string it accepts.
func TestPlainWordsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "abz AZ09.,()-'`\t"
	accepted := 0
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.IntN(12))
		for j := range b {
			b[j] = alphabet[r.IntN(len(alphabet))]
		}
		f := string(b)
		got, ok := plainWords(f)
		if !ok {
			continue
		}
		accepted++
		for _, parts := range []bool{true, false} {
			if want := runeWords(f, parts); !slices.Equal(got, want) {
				t.Fatalf("%q (parts %v): plainWords %q, runeWords %q", f, parts, got, want)
			}
		}
	}
	if accepted < 1000 {
		t.Fatalf("only %d strings took the fast path", accepted)
	}
}

// TestSplitPlainAgrees: for names without dots or commas the short path
// gives what the general one gives.
func TestSplitPlainAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"Ir", "ir", "H", "Hj", "dr", "Drs", "Prof", "KH", "Ns", "apt", "Bd", "Ahmad", "Siti", "Br", "Siregar",
		"Irwan", "Hendra", "SE", "SKM", "M", "Ñoño", ""}
	spaces := []string{" ", "  ", "\t", " \u00a0"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		if r.IntN(4) == 0 {
			b.WriteString(spaces[r.IntN(len(spaces))])
		}
		for j, n := 0, r.IntN(5); j < n; j++ {
			if j > 0 {
				b.WriteString(spaces[r.IntN(len(spaces))])
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		if r.IntN(4) == 0 {
			b.WriteString(spaces[r.IntN(len(spaces))])
		}
		s := b.String()
		f1, b1, k1 := splitPlain(s)
		f2, b2, k2 := splitTitled(s)
		if f1 != f2 || b1 != b2 || k1 != k2 {
			t.Fatalf("%q: plain %q|%q|%q, general %q|%q|%q", s, f1, b1, k1, f2, b2, k2)
		}
	}
}
