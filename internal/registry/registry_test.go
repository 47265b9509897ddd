package registry

import (
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func valid() model.Employee {
	return model.Employee{NIP: "19800102 200501 1 003", Name: "Budi", Gender: "Laki-laki", Kind: "pns", UnitID: 1,
		Golongan: "iii a", Status: "Tugas Belajar", Email: " Budi@Medan.go.id ", Phone: "0812-3456-7890",
		BirthDate: time.Date(1980, 1, 2, 0, 0, 0, 0, time.UTC)}
}

func TestCheckEmployee(t *testing.T) {
	cases := []struct {
		name  string
		mut   func(e *model.Employee)
		field string
		code  string
		warn  bool
	}{
		{"valid", func(e *model.Employee) {}, "", "", false},
		{"nip length", func(e *model.Employee) { e.NIP = "1980010220050110" }, FieldNIP, "nip.length", false},
		{"nip scientific", func(e *model.Employee) { e.NIP = "1.98001E+17" }, FieldNIP, "nip.scientific", false},
		{"nip empty", func(e *model.Employee) { e.NIP = "" }, FieldNIP, CodeRequired, false},
		{"name", func(e *model.Employee) { e.Name = " " }, FieldName, CodeRequired, false},
		{"gender empty", func(e *model.Employee) { e.Gender = "" }, FieldGender, CodeRequired, false},
		{"gender bad", func(e *model.Employee) { e.Gender = "X" }, FieldGender, CodeGender, false},
		{"kind bad", func(e *model.Employee) { e.Kind = "honorer" }, FieldKind, CodeKind, false},
		{"unit", func(e *model.Employee) { e.UnitID = 0 }, FieldUnit, CodeRequired, false},
		{"golongan", func(e *model.Employee) { e.Golongan = "V/a" }, FieldGolongan, CodeGolongan, false},
		{"golongan pppk", func(e *model.Employee) {
			e.Kind = "PPPK"
			e.NIP = "199009132025242014"
			e.Golongan = "III/a"
			e.BirthDate = time.Time{}
		}, FieldGolongan, CodeGolongan, false},
		{"status", func(e *model.Employee) { e.Status = "cuti" }, FieldStatus, CodeStatus, false},
		{"email", func(e *model.Employee) { e.Email = "budi@@medan" }, FieldEmail, CodeEmail, false},
		{"phone", func(e *model.Employee) { e.Phone = "12ab" }, FieldPhone, CodePhone, false},
		{"birth mismatch", func(e *model.Employee) { e.BirthDate = e.BirthDate.AddDate(0, 0, 1) }, FieldBirthDate, "nip.birthdate_mismatch", true},
		{"gender mismatch", func(e *model.Employee) { e.Gender = "P" }, FieldGender, "nip.gender_mismatch", true},
		{"retired aktif", func(e *model.Employee) {
			e.NIP = "19600102 198501 1 003"
			e.BirthDate = time.Date(1960, 1, 2, 0, 0, 0, 0, time.UTC)
			e.Status = "Aktif"
		}, FieldStatus, CodeRetired, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := valid()
			c.mut(&e)
			ps := CheckEmployee(&e, now)
			if c.code == "" {
				if len(ps) != 0 {
					t.Fatalf("problems %+v", ps)
				}
				if e.NIP != "198001022005011003" || e.Gender != model.Male || e.Kind != model.PNS || e.Golongan != "III/a" ||
					e.Status != model.StatusTugasBelajar || e.Email != "budi@medan.go.id" || e.Phone != "081234567890" {
					t.Fatalf("not normalised: %+v", e)
				}
				return
			}
			for _, p := range ps {
				if p.Field == c.field && p.Code == c.code && p.Warning == c.warn && p.Message != "" && p.MessageEN != "" {
					return
				}
			}
			t.Fatalf("want %s/%s warning=%v, got %+v", c.field, c.code, c.warn, ps)
		})
	}
}

func TestInference(t *testing.T) {
	e := model.Employee{NIP: "199009132025242014", Name: "Dr. Siti Aminah, S.Kom., M.Kom.", Gender: "2", UnitID: 1}
	if ps := CheckEmployee(&e, now); HasError(ps) {
		t.Fatalf("%+v", ps)
	}
	if e.Kind != model.PPPK || e.BirthDate.Format("2006-01-02") != "1990-09-13" || e.Status != model.StatusAktif {
		t.Fatalf("inference: %+v", e)
	}
	if e.GelarDepan != "Dr." || e.Name != "Siti Aminah" || e.GelarBelakang != "S.Kom., M.Kom." {
		t.Fatalf("titles: %q %q %q", e.GelarDepan, e.Name, e.GelarBelakang)
	}
}

func TestLabels(t *testing.T) {
	for in, want := range map[string]model.Gender{"Pria": model.Male, "wanita": model.Female, "M": model.Male, "F": model.Female, "1": model.Male, "Perempuan": model.Female} {
		if g, ok := ParseGender(in); !ok || g != want {
			t.Errorf("ParseGender(%q) = %q", in, g)
		}
	}
	for in, want := range map[string]model.Status{"CLTN": model.StatusCLTN, "Pensiun": model.StatusPensiun, "meninggal dunia": model.StatusMeninggal, "Diberhentikan Sementara": model.StatusDiberhentikan, "": model.StatusAktif} {
		if s, ok := ParseStatus(in); !ok || s != want {
			t.Errorf("ParseStatus(%q) = %q", in, s)
		}
	}
	for in, want := range map[string]string{"+62 812 3456 7890": "+6281234567890", "812345678": "0812345678", "6281234567890": "+6281234567890"} {
		if p, ok := NormalizePhone(in); !ok || p != want {
			t.Errorf("NormalizePhone(%q) = %q %v", in, p, ok)
		}
	}
}

// TestParseShortPaths: the values exports write take short paths that must
// agree with the general reading of the same values written otherwise.
func TestParseShortPaths(t *testing.T) {
	for _, st := range model.Statuses {
		label := StatusLabel(st)
		a, ok1 := ParseStatus(label)
		b, ok2 := ParseStatus(" " + strings.ToUpper(label) + " ")
		if !ok1 || !ok2 || a != st || b != st {
			t.Errorf("status %q: label %q → %q %v, upper → %q %v", st, label, a, ok1, b, ok2)
		}
	}
	for in, want := range map[string]model.Gender{"L": model.Male, "P": model.Female, "l": model.Male, "p ": model.Female} {
		if g, ok := ParseGender(in); !ok || g != want {
			t.Errorf("ParseGender(%q) = %q %v", in, g, ok)
		}
	}
	for in, want := range map[string]model.EmployeeKind{"PNS": model.PNS, "PPPK": model.PPPK, "pns": model.PNS, " p3k": model.PPPK} {
		if k, ok := ParseKind(in); !ok || k != want {
			t.Errorf("ParseKind(%q) = %q %v", in, k, ok)
		}
	}
	for in, want := range map[string]string{"081234567890": "081234567890", "0812-3456-7890": "081234567890",
		"81234567890": "081234567890", "6281234567890": "+6281234567890", "0812": ""} {
		p, ok := NormalizePhone(in)
		if (want == "") == ok || (ok && p != want) {
			t.Errorf("NormalizePhone(%q) = %q %v, want %q", in, p, ok, want)
		}
	}
}

// TestFieldLengthLimits: a field over its limit is one clear problem naming
// the field and the limit, reported before any rule that would quote the
// value; at the limit it passes.
func TestFieldLengthLimits(t *testing.T) {
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	base := func() model.Employee {
		return model.Employee{NIP: "199105062019072001", Name: "Ani Lestari", Gender: model.Female, Kind: model.PNS,
			Golongan: "III/a", UnitID: 1}
	}
	e := base()
	e.Email = strings.Repeat("x", 300)
	e.BirthPlace = strings.Repeat("Medan", 30)
	ps := CheckEmployee(&e, now)
	if len(ps) != 2 || ps[0].Code != CodeTooLong || ps[1].Code != CodeTooLong {
		t.Fatalf("problems %+v", ps)
	}
	if got := ps[1].Text(i18n.ID); got != "Surel terlalu panjang: paling banyak 254 karakter" {
		t.Errorf("Indonesian: %q", got)
	}
	if got := ps[0].Text(i18n.EN); !strings.Contains(got, "too long, at most 100 characters") {
		t.Errorf("English: %q", got)
	}
	e = base()
	e.Name = strings.Repeat("ä", model.MaxName)
	if HasError(CheckEmployee(&e, now)) {
		t.Error("a name of exactly the limit must pass")
	}
}

// TestGolonganAgainstJenjang: a golongan outside the functional jenjang's
// range is a warning on the golongan (the row still imports); inside the
// range, or without a jenjang, nothing is said.
func TestGolonganAgainstJenjang(t *testing.T) {
	cases := []struct {
		kind     model.EmployeeKind
		nip, gol string
		jenjang  string
		warn     bool
	}{
		{model.PNS, "198001022005011003", "III/a", "ahli_pertama", false},
		{model.PNS, "198001022005011003", "III/b", "ahli_pertama", false},
		{model.PNS, "198001022005011003", "IV/a", "ahli_pertama", true},
		{model.PNS, "198001022005011003", "II/d", "ahli_pertama", true},
		{model.PNS, "198001022005011003", "IV/c", "ahli_madya", false},
		{model.PNS, "198001022005011003", "III/d", "ahli_madya", true},
		{model.PNS, "198001022005011003", "II/c", "terampil", false},
		{model.PNS, "198001022005011003", "I/d", "", false},
		{model.PPPK, "199009132025242014", "XI", "ahli_pertama", false}, // PPPK grades are not compared
	}
	for _, c := range cases {
		e := valid()
		e.Kind, e.NIP, e.Golongan = c.kind, c.nip, c.gol
		e.BirthDate = time.Time{}
		if c.kind == model.PPPK {
			e.Gender = "P"
		}
		ps := CheckEmployeePosition(&e, now, 58, c.jenjang)
		var got *Problem
		for i := range ps {
			if ps[i].Code == CodeGolonganJenjang {
				got = &ps[i]
			}
		}
		if (got != nil) != c.warn {
			t.Errorf("%s %s at %q: warning %v, want %v (%+v)", c.kind, c.gol, c.jenjang, got != nil, c.warn, ps)
			continue
		}
		if got != nil && (!got.Warning || got.Field != FieldGolongan || !strings.Contains(got.Text(i18n.EN), c.gol) || HasError(ps)) {
			t.Errorf("%s at %q: %+v", c.gol, c.jenjang, ps)
		}
	}
}
