package nip

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// fixedNow pins Now for the duration of a test.
func fixedNow(t testing.TB) {
	t.Helper()
	old := Now
	Now = func() time.Time { return time.Date(2026, time.March, 15, 10, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { Now = old })
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"196608011988031001", "196608011988031001"},
		{"19660801 198803 1 001", "196608011988031001"},
		{"  196608011988031001\t", "196608011988031001"},
		{"19660801\u00a0198803\u00a01\u00a0001", "196608011988031001"},
		{"'196608011988031001", "196608011988031001"},
		{" '196608011988031001", "196608011988031001"},
		{"\ufeff196608011988031001\r\n", "196608011988031001"},
		{"19660801.198803.1.001", "19660801.198803.1.001"}, // dots kept: Parse names them
		{"1966'0801", "1966'0801"},                         // only a leading apostrophe goes
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooksLikeSpreadsheetNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1.96608E+17", true},
		{"1,96608E+17", true},
		{"1.96608e17", true},
		{"1.96608011988031E+17", true},
		{" 1,99009E+17 ", true},
		{"2E+17", true},
		{"196608011988031000", false},
		{"196608011988031001", false},
		{"1.96608E", false},
		{"E+17", false},
		{"1.E+17", false},
		{"1.96608E+17x", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := LooksLikeSpreadsheetNumber(tt.in); got != tt.want {
			t.Errorf("LooksLikeSpreadsheetNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseValid(t *testing.T) {
	fixedNow(t)
	tests := []struct {
		name string
		in   string
		kind model.EmployeeKind
		want Info
	}{
		{"PNS male", "196608011988031001", model.PNS,
			Info{BirthDate: date(1966, 8, 1), Appointed: date(1988, 3, 1), Gender: model.Male, Seq: 1}},
		{"PNS female spaced", "19790512 200501 2 014", model.PNS,
			Info{BirthDate: date(1979, 5, 12), Appointed: date(2005, 1, 1), Gender: model.Female, Seq: 14}},
		{"PNS leap day", "198002292009121003", model.PNS,
			Info{BirthDate: date(1980, 2, 29), Appointed: date(2009, 12, 1), Gender: model.Male, Seq: 3}},
		{"PNS excel apostrophe", "'199507172019032021", model.PNS,
			Info{BirthDate: date(1995, 7, 17), Appointed: date(2019, 3, 1), Gender: model.Female, Seq: 21}},
		{"PNS empty kind uses PNS", "196608011988031001", "",
			Info{BirthDate: date(1966, 8, 1), Appointed: date(1988, 3, 1), Gender: model.Male, Seq: 1}},
		{"PNS TMT next year", "200001012027021999", model.PNS,
			Info{BirthDate: date(2000, 1, 1), Appointed: date(2027, 2, 1), Gender: model.Male, Seq: 999}},
		{"PPPK part-time code 24", "199009132025242014", model.PPPK,
			Info{BirthDate: date(1990, 9, 13), Appointed: date(2025, 1, 1), AgreementCode: 24, Gender: model.Female, Seq: 14}},
		{"PPPK teacher 2021", "198511202021211005", model.PPPK,
			Info{BirthDate: date(1985, 11, 20), Appointed: date(2021, 1, 1), AgreementCode: 21, Gender: model.Male, Seq: 5}},
		{"PPPK code 99 not a month", "198511202022991005", model.PPPK,
			Info{BirthDate: date(1985, 11, 20), Appointed: date(2022, 1, 1), AgreementCode: 99, Gender: model.Male, Seq: 5}},
		{"PPPK formatted", "19900913 2025 24 2 014", model.PPPK,
			Info{BirthDate: date(1990, 9, 13), Appointed: date(2025, 1, 1), AgreementCode: 24, Gender: model.Female, Seq: 14}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in, tt.kind)
			if err != nil {
				t.Fatalf("Parse(%q, %s): %v", tt.in, tt.kind, err)
			}
			if got != tt.want {
				t.Errorf("Parse(%q, %s) = %+v, want %+v", tt.in, tt.kind, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	fixedNow(t)
	tests := []struct {
		name   string
		in     string
		kind   model.EmployeeKind
		code   string
		part   string
		wantID string // substring of the Indonesian message
		wantEN string // substring of the English message
	}{
		{"empty", "  ", model.PNS, CodeEmpty, PartWhole, "NIP kosong", "empty"},
		{"17 digits", "19660801198803100", model.PNS, CodeLength, PartWhole, "NIP harus 18 digit, ditemukan 17", "found 17"},
		{"19 digits", "1966080119880310011", model.PNS, CodeLength, PartWhole, "ditemukan 19", "found 19"},
		{"PPPK 17 digits", "19900913202524201", model.PPPK, CodeLength, PartWhole, "NI PPPK harus 18 digit, ditemukan 17", "NI PPPK must have 18 digits"},
		{"letter O", "19660801198803100O", model.PNS, CodeDigits, PartWhole, `karakter 'O' pada posisi 18 bukan angka (huruf O, bukan angka 0)`, "position 18"},
		{"letter l", "l96608011988031001", model.PNS, CodeDigits, PartWhole, `karakter 'l' pada posisi 1`, "not the digit 1"},
		{"dots", "19660801.198803.1.001", model.PNS, CodeDigits, PartWhole, `karakter '.' pada posisi 9`, "digits only"},
		{"dash", "19660801-198803-1-001", model.PNS, CodeDigits, PartWhole, `karakter '-'`, "digits only"},
		{"E notation dot", "1.96608E+17", model.PNS, CodeScientific, PartWhole,
			"NIP berubah menjadi angka oleh spreadsheet (1.96608E+17): format kolom NIP sebagai teks lalu ekspor ulang", "format the NIP column as text"},
		{"E notation comma", "1,96608E+17", model.PNS, CodeScientific, PartWhole, "(1,96608E+17)", "spreadsheet"},
		{"E notation PPPK", "1.99009e17", model.PPPK, CodeScientific, PartWhole, "NI PPPK berubah menjadi angka", "NI PPPK"},
		{"NIP lama", "131234567", model.PNS, CodeOld, PartWhole, "NIP lama (9 digit): gunakan NIP baru 18 digit", "18-digit"},
		{"NIP lama spaced", "050 012 345", model.PNS, CodeOld, PartWhole, "050012345 adalah NIP lama", "old 9-digit"},
		{"31 February", "196602311988031001", model.PNS, CodeBirthDate, PartBirthDate, "tanggal lahir 31-02-1966 tidak ada", "31-02-1966 does not exist"},
		{"29 February non-leap", "198102292009121003", model.PNS, CodeBirthDate, PartBirthDate, "tanggal lahir 29-02-1981 tidak ada", "does not exist"},
		{"day 00", "196608001988031001", model.PNS, CodeBirthDate, PartBirthDate, "tanggal lahir 00-08-1966 tidak ada", "does not exist"},
		{"birth month 13", "196613011988031001", model.PNS, CodeBirthDate, PartBirthDate, "bulan lahir 13 tidak valid (harus 01–12)", "birth month 13"},
		{"birth month 00", "196600011988031001", model.PNS, CodeBirthDate, PartBirthDate, "bulan lahir 00 tidak valid", "birth month 00"},
		{"birth year 1930", "193008011960031001", model.PNS, CodeBirthYear, PartBirthDate, "tahun lahir 1930 tidak masuk akal (harus 1940–2009)", "1940–2009"},
		{"birth year too recent", "201501012025031001", model.PNS, CodeBirthYear, PartBirthDate, "tahun lahir 2015", "not plausible"},
		{"TMT month 13", "196608011988131001", model.PNS, CodeTMTMonth, PartAppointed, "bulan TMT CPNS 13 tidak valid (harus 01–12)", "TMT CPNS month 13"},
		{"TMT month 00", "196608011988001001", model.PNS, CodeTMTMonth, PartAppointed, "bulan TMT CPNS 00 tidak valid", "month 00"},
		{"PPPK entered as PNS", "199009132025242014", model.PNS, CodeTMTMonth, PartAppointed, "bulan TMT CPNS 24 tidak valid (harus 01–12); nomor ini sah sebagai NI PPPK", "valid NI PPPK"},
		{"TMT year 1955", "194008011955031001", model.PNS, CodeTMTYear, PartAppointed, "tahun TMT CPNS 1955 tidak valid (harus 1960–2027)", "1960–2027"},
		{"TMT year future", "196608012030031001", model.PNS, CodeTMTYear, PartAppointed, "tahun TMT CPNS 2030", "not valid"},
		{"TMT before age 15", "196608011975031001", model.PNS, CodeAppointedAge, PartAppointed, "TMT CPNS 03-1975 tidak mungkin untuk kelahiran 1966", "impossible"},
		{"gender 3", "196608011988033001", model.PNS, CodeGender, PartGender, "digit jenis kelamin 3 tidak valid (1 = laki-laki, 2 = perempuan)", "gender digit 3"},
		{"gender 0", "196608011988030001", model.PNS, CodeGender, PartGender, "digit jenis kelamin 0 tidak valid", "gender digit 0"},
		{"sequence 000", "196608011988031000", model.PNS, CodeSequence, PartSequence, "nomor urut 000 tidak valid", "rounded"},
		{"PNS entered as PPPK", "196608011988031001", model.PPPK, CodePPPKYear, PartAppointed, "tahun pengangkatan PPPK 1988 tidak valid (harus 2019–2027); nomor ini sah sebagai NIP PNS", "valid PNS NIP"},
		{"PPPK year 2018", "199009132018242014", model.PPPK, CodePPPKYear, PartAppointed, "tahun pengangkatan PPPK 2018 tidak valid (harus 2019–2027)", "2019–2027"},
		{"PPPK year future", "199009132031242014", model.PPPK, CodePPPKYear, PartAppointed, "tahun pengangkatan PPPK 2031", "not valid"},
		{"PPPK too young", "200609132020242014", model.PPPK, CodeAppointedAge, PartAppointed, "tahun pengangkatan PPPK 2020 tidak mungkin untuk kelahiran 2006", "impossible"},
		{"PPPK agreement 00", "199009132025002014", model.PPPK, CodeAgreement, PartAgreement, "kode perjanjian kerja 00 tidak valid (harus 01–99)", "code 00"},
		{"PPPK gender 5", "199009132025245014", model.PPPK, CodeGender, PartGender, "digit jenis kelamin 5 tidak valid", "gender digit 5"},
		{"PPPK sequence 000", "199009132025242000", model.PPPK, CodeSequence, PartSequence, "nomor urut 000 tidak valid", "000"},
		{"PPPK bad birth date", "199002302025242014", model.PPPK, CodeBirthDate, PartBirthDate, "tanggal lahir 30-02-1990 tidak ada", "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Parse(tt.in, tt.kind)
			if err == nil {
				t.Fatalf("Parse(%q, %s) = %+v, want error %s", tt.in, tt.kind, info, tt.code)
			}
			if info != (Info{}) {
				t.Errorf("Parse(%q) returned non-zero Info with error: %+v", tt.in, info)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error", err)
			}
			if e.Code != tt.code || e.Part != tt.part {
				t.Errorf("code/part = %s/%s, want %s/%s (%s)", e.Code, e.Part, tt.code, tt.part, e.ID)
			}
			if err.Error() != e.ID {
				t.Errorf("Error() = %q, want the Indonesian message %q", err.Error(), e.ID)
			}
			if !strings.Contains(e.ID, tt.wantID) {
				t.Errorf("ID message = %q, want it to contain %q", e.ID, tt.wantID)
			}
			if !strings.Contains(e.EN, tt.wantEN) {
				t.Errorf("EN message = %q, want it to contain %q", e.EN, tt.wantEN)
			}
			if e.Message("en-US") != e.EN || e.Message("id") != e.ID {
				t.Errorf("Message does not pick the language")
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"PNS", Format, "196608011988031001", "19660801 198803 1 001"},
		{"PNS already spaced", Format, "19660801 198803 1 001", "19660801 198803 1 001"},
		{"PNS apostrophe", Format, "'196608011988031001", "19660801 198803 1 001"},
		{"PNS short left alone", Format, "19660801198803100", "19660801198803100"},
		{"PNS letters left alone", Format, "19660801198803100O", "19660801198803100O"},
		{"PPPK", FormatPPPK, "199009132025242014", "19900913 2025 24 2 014"},
		{"PPPK E notation left alone", FormatPPPK, "1.99009E+17", "1.99009E+17"},
		{"auto PNS", func(s string) string { return FormatAuto(s, model.PNS) }, "196608011988031001", "19660801 198803 1 001"},
		{"auto PPPK", func(s string) string { return FormatAuto(s, model.PPPK) }, "199009132025242014", "19900913 2025 24 2 014"},
		{"multibyte 18 bytes", Format, "１２３４５６", "１２３４５６"},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%s: format(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestCheckConsistency(t *testing.T) {
	fixedNow(t)
	info, err := Parse("196608011988031001", model.PNS)
	if err != nil {
		t.Fatal(err)
	}
	jakarta := time.FixedZone("WIB", 7*3600)
	tests := []struct {
		name   string
		birth  time.Time
		g      model.Gender
		codes  []string
		wantID []string
	}{
		{"agrees", date(1966, 8, 1), model.Male, nil, nil},
		{"agrees other zone", time.Date(1966, 8, 1, 0, 0, 0, 0, jakarta), "l", nil, nil},
		{"unknown data", time.Time{}, "", nil, nil},
		{"birth differs", date(1966, 8, 2), model.Male, []string{WarnBirthDate},
			[]string{"tanggal lahir 02-08-1966 berbeda dengan NIP (01-08-1966): periksa data"}},
		{"gender differs", date(1966, 8, 1), model.Female, []string{WarnGender},
			[]string{"jenis kelamin P (perempuan) berbeda dengan NIP (L (laki-laki)): periksa data"}},
		{"both differ", date(1967, 8, 1), model.Female, []string{WarnBirthDate, WarnGender}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := CheckConsistency(info, tt.birth, tt.g)
			if len(ws) != len(tt.codes) {
				t.Fatalf("got %d warnings %v, want %v", len(ws), ws, tt.codes)
			}
			for i, w := range ws {
				if w.Code != tt.codes[i] {
					t.Errorf("warning %d code = %s, want %s", i, w.Code, tt.codes[i])
				}
				if i < len(tt.wantID) && w.ID != tt.wantID[i] {
					t.Errorf("warning %d = %q, want %q", i, w.ID, tt.wantID[i])
				}
				if w.EN == "" || w.String() != w.ID || w.Message("en") != w.EN {
					t.Errorf("warning %d messages incomplete: %+v", i, w)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"196608011988031001", "199009132025242014", "19660801 198803 1 001", "'196608011988031001",
		"196602311988031001", "196608011988131001", "196608011988033001", "196608011988031000",
		"19660801198803100", "1.96608E+17", "131234567", "1966O8011988031001", "", "\u00a0", "１２３",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fixedNow(t)
		for _, kind := range []model.EmployeeKind{model.PNS, model.PPPK} {
			info, err := Parse(s, kind)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Code == "" || e.ID == "" || e.EN == "" {
					t.Fatalf("Parse(%q, %s): bad error %#v", s, kind, err)
				}
				continue
			}
			n := Normalize(s)
			formatted := FormatAuto(n, kind)
			if Normalize(formatted) != n {
				t.Fatalf("Normalize(FormatAuto(%q)) = %q, want %q", n, Normalize(formatted), n)
			}
			again, err := Parse(formatted, kind)
			if err != nil || again != info {
				t.Fatalf("round trip of %q via %q: %+v, %v; want %+v", s, formatted, again, err, info)
			}
			if ws := CheckConsistency(info, info.BirthDate, info.Gender); len(ws) != 0 {
				t.Fatalf("CheckConsistency with its own data warns: %v", ws)
			}
		}
	})
}

func TestSearchDigits(t *testing.T) {
	for q, want := range map[string]string{
		"1966 0801": "19660801", "1966.08-01": "19660801", "196\u00a0608": "196608", "123": "", "1966a": "", "": "", "budi": "",
	} {
		got, ok := SearchDigits(q)
		if got != want || ok != (want != "") {
			t.Errorf("%q: %q %v, want %q", q, got, ok, want)
		}
	}
}
