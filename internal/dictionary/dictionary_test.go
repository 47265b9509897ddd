package dictionary

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/xuri/excelize/v2"
)

func TestBuiltIn(t *testing.T) {
	all := BuiltIn()
	if len(all) != 11 {
		t.Fatalf("BuiltIn: %d frameworks, want 11 (national, digital, soft skills, teachers, health workers, 6 technical)", len(all))
	}
	codes := map[string]bool{}
	compCodes := map[string]string{}
	for _, f := range all {
		if codes[f.Code] {
			t.Errorf("framework code %s twice", f.Code)
		}
		codes[f.Code] = true
		if ps := f.Validate(); len(ps) > 0 {
			t.Errorf("%s: %v", f.Code, ps)
		}
		if f.Source == "" || f.Version == "" || f.Owner == "" || f.Description == "" {
			t.Errorf("%s: source, version, owner and description must be set", f.Code)
		}
		for _, c := range f.Competencies {
			if other, dup := compCodes[c.Code]; dup {
				t.Errorf("competency code %s in %s and %s", c.Code, other, f.Code)
			}
			compCodes[c.Code] = f.Code
			if c.Definition == "" {
				t.Errorf("%s/%s: no definition", f.Code, c.Code)
			}
			for i, l := range c.Levels {
				if strings.TrimSpace(l.Description) == "" || strings.TrimSpace(l.Title) == "" {
					t.Errorf("%s/%s level %d: empty title or description", f.Code, c.Code, i+1)
				}
			}
			for _, tag := range c.Tags {
				if !ValidTag(tag) {
					t.Errorf("%s/%s: bad tag %q", f.Code, c.Code, tag)
				}
			}
		}
	}

	n := National()
	want := []struct{ code, name string }{
		{"M1", "Integritas"}, {"M2", "Kerjasama"}, {"M3", "Komunikasi"}, {"M4", "Orientasi pada Hasil"},
		{"M5", "Pelayanan Publik"}, {"M6", "Pengembangan Diri dan Orang Lain"}, {"M7", "Mengelola Perubahan"},
		{"M8", "Pengambilan Keputusan"}, {"SK1", "Perekat Bangsa"},
	}
	if n.Code != "KOMPETENSI-ASN" || n.Source != "Permen PANRB 38/2017" || n.Version != "2017" {
		t.Errorf("national header: %q %q %q", n.Code, n.Source, n.Version)
	}
	if len(n.Competencies) != len(want) {
		t.Fatalf("national: %d competencies", len(n.Competencies))
	}
	for i, w := range want {
		c := n.Competencies[i]
		if c.Code != w.code || c.Name != w.name {
			t.Errorf("national[%d] = %s %s, want %s %s", i, c.Code, c.Name, w.code, w.name)
		}
		wg := GroupManajerial
		if w.code == "SK1" {
			wg = GroupSosialKultural
		}
		if c.Group != wg || c.Kind != KindSoft {
			t.Errorf("%s: group %s kind %s", c.Code, c.Group, c.Kind)
		}
		for l, lv := range c.Levels {
			if len(lv.Indicators) != 3 {
				t.Errorf("%s level %d: %d indicators, want 3", c.Code, l+1, len(lv.Indicators))
			}
		}
	}

	d := Digital()
	if d.Code != "KOMPETENSI-DIGITAL-ASN" || len(d.Competencies) < 10 || len(d.Competencies) > 12 {
		t.Errorf("digital: %s with %d competencies", d.Code, len(d.Competencies))
	}
	pillars, areas := map[string]bool{}, map[string]bool{}
	for _, c := range d.Competencies {
		var k, g bool
		for _, tag := range c.Tags {
			p, v, _ := strings.Cut(tag, ":")
			switch p {
			case "kominfo":
				k = true
				pillars[v] = true
			case "digcomp":
				g = true
				areas[v[:1]] = true
			}
		}
		if !k || !g {
			t.Errorf("digital %s: needs a kominfo and a digcomp tag: %v", c.Code, c.Tags)
		}
	}
	for _, p := range KominfoPillars {
		if !pillars[p] {
			t.Errorf("digital: no competency for pillar %s", p)
		}
	}
	for _, a := range []string{"1", "2", "3", "4", "5"} {
		if !areas[a] {
			t.Errorf("digital: no competency for DigComp area %s", a)
		}
	}
	if !strings.Contains(d.Description, "DigComp 6–7") || !strings.Contains(d.Description, "DigComp 8") {
		t.Error("digital description must document the DigComp level mapping")
	}

	// The digital framework, the soft skills and the frameworks of teachers
	// and health workers have behavioural indicators on every level, like
	// the national set.
	for _, f := range []*Framework{d, SoftSkills(), Teachers(), HealthWorkers()} {
		for _, c := range f.Competencies {
			for l, lv := range c.Levels {
				if len(lv.Indicators) != 3 || slices.Contains(lv.Indicators, "") {
					t.Errorf("%s/%s level %d: indicators %q, want 3", f.Code, c.Code, l+1, lv.Indicators)
				}
			}
		}
	}
	var soft []string
	for _, c := range SoftSkills().Competencies {
		soft = append(soft, c.Name)
	}
	if want := []string{"Berpikir Kritis", "Kreativitas", "Koordinasi", "Kecerdasan Emosional"}; !slices.Equal(soft, want) {
		t.Errorf("soft skills %q, want %q", soft, want)
	}
	for _, f := range []*Framework{Teachers(), HealthWorkers()} {
		if len(f.Competencies) < 4 {
			t.Errorf("%s: %d competencies", f.Code, len(f.Competencies))
		}
		for _, c := range f.Competencies {
			if c.Group != GroupTeknis || c.Kind != KindHard {
				t.Errorf("%s/%s: group %s kind %s", f.Code, c.Code, c.Group, c.Kind)
			}
		}
	}

	tech := Technical()
	if len(tech) != 6 {
		t.Fatalf("technical: %d frameworks", len(tech))
	}
	for _, f := range tech {
		if len(f.Competencies) < 3 {
			t.Errorf("%s: %d competencies", f.Code, len(f.Competencies))
		}
		for _, c := range f.Competencies {
			if c.Group != GroupTeknis || c.Kind != KindHard {
				t.Errorf("%s/%s: group %s kind %s", f.Code, c.Code, c.Group, c.Kind)
			}
		}
	}

	// Fresh values per call.
	n.Competencies[0].Name = "X"
	if National().Competencies[0].Name != "Integritas" {
		t.Error("National shares state between calls")
	}
}

func validComp(code, parent string) Competency {
	c := Competency{Code: code, Name: "Nama " + code, Group: GroupTeknis, Kind: KindHard, ParentCode: parent}
	for i := range c.Levels {
		c.Levels[i].Description = "d"
	}
	return c
}

func TestValidate(t *testing.T) {
	f := Framework{Code: "F", Name: "F", Competencies: []Competency{
		validComp("A", ""), validComp("B", "A"), validComp("a", ""), validComp("C", "Z"),
		validComp("D", "E"), validComp("E", "D"), validComp("", ""),
	}}
	f.Competencies[1].Group = "lain"
	f.Competencies[1].Kind = "medium"
	f.Competencies[1].Tags = []string{"Kominfo:Cakap", "tanpa-awalan", "digcomp:1.2"}
	f.Competencies[1].Levels[3].Description = " "
	f.Competencies[1].Name = ""
	got := map[string]int{}
	for _, p := range f.Validate() {
		if p.Message == "" || p.MessageEN == "" {
			t.Errorf("problem without messages: %+v", p)
		}
		got[p.Field+"@"+string(rune('0'+p.Row))]++
	}
	want := map[string]int{
		"group@2": 1, "kind@2": 1, "tags@2": 2, "level_4@2": 1, "name@2": 1,
		"code@3": 1, "parent_code@4": 1, "parent_code@5": 1, "parent_code@6": 1, "code@7": 1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Validate problems\n got %v\nwant %v", got, want)
	}
	if ps := (&Framework{}).Validate(); len(ps) != 3 {
		t.Errorf("empty framework: %v", ps)
	}
}

func TestMoodleFixture(t *testing.T) {
	raw, err := os.ReadFile("testdata/moodle_kearsipan.csv")
	if err != nil {
		t.Fatal(err)
	}
	if DetectFormat("kearsipan.csv", raw[:200]) != FormatMoodle {
		t.Fatal("fixture not detected as moodle")
	}
	f, ps, err := ReadMoodleCSV(bytes.NewReader(raw))
	if err != nil || f == nil {
		t.Fatalf("read: %v %v", err, ps)
	}
	if f.Code != "ARSIP-2024" || f.Name != "Kompetensi Teknis Kearsipan" ||
		f.Description != "Kerangka kompetensi teknis pengelolaan arsip dinamis dan statis\ndi lingkungan pemerintah daerah." {
		t.Errorf("framework: %q %q %q", f.Code, f.Name, f.Description)
	}
	wantTree := [][2]string{{"ARS-DIN", ""}, {"ARS-STA", ""}, {"ARS-DIN-1", "ARS-DIN"}, {"ARS-DIN-2", "ARS-DIN"}, {"ARS-STA-1", "ARS-STA"}}
	if len(f.Competencies) != len(wantTree) {
		t.Fatalf("%d competencies", len(f.Competencies))
	}
	for i, w := range wantTree {
		if c := f.Competencies[i]; c.Code != w[0] || c.ParentCode != w[1] {
			t.Errorf("competency %d: %s < %s, want %s < %s", i, c.Code, c.ParentCode, w[0], w[1])
		}
	}
	if c := f.Competencies[1]; c.Definition != "Kemampuan mengelola arsip statis & khazanah arsip daerah." {
		t.Errorf("entity not decoded: %q", c.Definition)
	}
	if c := f.Competencies[2]; c.Levels[2].Description != "Level 3" || c.Group != GroupTeknis || c.Kind != KindHard {
		t.Errorf("generic levels: %+v", c)
	}
	// Warnings: 5 generic-level rows (lines 3,4,5,7,8), the 2-value scale, the cross-reference.
	var lines []int
	fields := map[string]bool{}
	for _, p := range ps {
		if !p.Warning {
			t.Errorf("unexpected error %v", p)
		}
		fields[p.Field] = true
		if p.Field == "levels" {
			lines = append(lines, p.Row)
		}
	}
	if !reflect.DeepEqual(lines, []int{3, 4, 5, 7, 8}) || !fields["scale_values"] || !fields[moodleKey("Cross-referenced competency ID numbers")] {
		t.Errorf("warnings: %v", ps)
	}

	var out bytes.Buffer
	if err := WriteMoodleCSV(&out, f); err != nil {
		t.Fatal(err)
	}
	fixtureHeader, _, _ := bytes.Cut(raw, []byte("\n"))
	gotHeader, _, _ := bytes.Cut(out.Bytes(), []byte("\n"))
	if !bytes.Equal(gotHeader, fixtureHeader) {
		t.Errorf("header\n got %s\nwant %s", gotHeader, fixtureHeader)
	}
	// Same columns and tree as Moodle's rows.
	in, _ := readCSVRecords(raw)
	ex, _ := readCSVRecords(out.Bytes())
	if len(in) != len(ex) {
		t.Fatalf("rows: %d exported, %d in fixture", len(ex), len(in))
	}
	for i := range in {
		if len(ex[i].cells) != mColumns {
			t.Errorf("row %d: %d columns", i+1, len(ex[i].cells))
		}
		for _, k := range []int{mParent, mID, mShort, mDescFormat, mRuleOutcome, mRuleConfig, mIsFramework} {
			if i > 0 && in[i].cells[k] != ex[i].cells[k] {
				t.Errorf("row %d column %q: %q, fixture %q", i+1, MoodleHeader[k], ex[i].cells[k], in[i].cells[k])
			}
		}
	}
	g, ps2, err := ReadMoodleCSV(bytes.NewReader(out.Bytes()))
	if err != nil || g == nil || len(ps2) != 0 {
		t.Fatalf("re-read: %v %v", err, ps2)
	}
	if !reflect.DeepEqual(f, g) {
		t.Errorf("re-import differs\n got %+v\nwant %+v", g, f)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, format := range []string{FormatMoodle, FormatCSV, FormatXLSX, FormatJSON} {
		for _, f := range BuiltIn() {
			var buf bytes.Buffer
			if err := Write(&buf, &f, format); err != nil {
				t.Fatalf("%s %s: write: %v", format, f.Code, err)
			}
			if got := DetectFormat("", buf.Bytes()); got != format {
				t.Errorf("%s %s: detected as %s", format, f.Code, got)
			}
			g, ps, err := Read(bytes.NewReader(buf.Bytes()), format)
			if err != nil || g == nil || len(ps) != 0 {
				t.Fatalf("%s %s: read: %v %v", format, f.Code, err, ps)
			}
			if !reflect.DeepEqual(&f, g) {
				t.Errorf("%s %s: round trip differs\n got %+v\nwant %+v", format, f.Code, g.Competencies[0], f.Competencies[0])
			}
		}
	}
}

func TestRoundTripTree(t *testing.T) {
	// A tree with an empty definition, empty tags and a title-less level.
	f := Framework{Code: "POHON", Name: "Pohon \"uji\", <b>", Description: "baris 1\nbaris 2", Competencies: []Competency{
		validComp("A", ""), validComp("A.1", "A"), validComp("A.1.1", "A.1"), validComp("A.1.1.1", "A.1.1"), validComp("A.1.1.1.1", "A.1.1.1"),
	}}
	f.Competencies[1].Definition = "Memakai tanda <, >, & dan \"kutip\"; koma, titik koma"
	f.Competencies[1].Levels[0].Indicators = []string{"satu", "dua"}
	for _, format := range []string{FormatMoodle, FormatCSV, FormatXLSX, FormatJSON} {
		var buf bytes.Buffer
		if err := Write(&buf, &f, format); err != nil {
			t.Fatal(err)
		}
		g, ps, err := Read(&buf, format)
		if err != nil || g == nil || len(ps) != 0 {
			t.Fatalf("%s: %v %v", format, err, ps)
		}
		if !reflect.DeepEqual(&f, g) {
			t.Errorf("%s: differs\n got %+v\nwant %+v", format, g, f)
		}
	}
	var buf bytes.Buffer
	WriteMoodleCSV(&buf, &f)
	if !strings.Contains(buf.String(), `,1,"competency,competency,competency,competency,competency"`) {
		t.Errorf("taxonomy must cover depth 5:\n%s", buf.String())
	}
}

func TestDetectFormat(t *testing.T) {
	cases := []struct {
		name, head, want string
	}{
		{"a.json", "", FormatJSON},
		{"a.XLSX", "", FormatXLSX},
		{"", "PK\x03\x04....", FormatXLSX},
		{"", "  \n{\"code\":", FormatJSON},
		{"a.csv", "\ufeff\"Parent ID number\",\"ID number\"", FormatMoodle},
		{"a.csv", "\"Parent id number\",\"Id number\",Shortname", FormatMoodle},
		{"a.txt", "Parent ID number;ID number", FormatMoodle},
		{"a.csv", "KODE KERANGKA,X\n", FormatCSV},
		{"", "KODE;NAMA;KELOMPOK", FormatCSV},
	}
	for _, c := range cases {
		if got := DetectFormat(c.name, []byte(c.head)); got != c.want {
			t.Errorf("DetectFormat(%q, %q) = %s, want %s", c.name, c.head, got, c.want)
		}
	}
}

// problems returns "field@row" for each error (warnings skipped).
func problems(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p.Sheet+p.Field+"@"+itoa(p.Row))
		}
	}
	return out
}

func itoa(i int) string { return fmt.Sprintf("%02d", i) }

const badCSV = "\ufeffKODE KERANGKA;UJI\nNAMA KERANGKA;Kerangka uji\nWARNA;merah\n\n" +
	"KODE;NAMA;KELOMPOK;JENIS;INDUK;LEVEL 1;LEVEL 2;LEVEL 3;LEVEL 4;LEVEL 5;KOLOM LAIN\n" +
	"K1;Satu;Teknis;Hard Skill;;a;b;c;d;e;x\n" +
	"K1;Dua;teknis;soft;;a;b;c;d;e;\n" +
	"K3;Tiga;ekonomi;hard;K9;a;b;;d;e;\n" +
	"\n" +
	"K4;;teknis;keras;;a;b;c;d;e;\n"

func TestReadMalformed(t *testing.T) {
	f, ps, err := Read(strings.NewReader(badCSV), "")
	if err != nil || f != nil {
		t.Fatalf("want no framework: %v %v", err, f)
	}
	want := []string{"code@07", "group@08", "level_3@08", "parent_code@08", "name@10", "kind@10"}
	if got := problems(ps); !reflect.DeepEqual(got, want) {
		t.Errorf("csv problems\n got %v\nwant %v", got, want)
	}
	var warned int
	for _, p := range ps {
		if p.Warning {
			warned++
		}
	}
	if warned != 2 { // WARNA, KOLOM LAIN
		t.Errorf("warnings: %v", ps)
	}

	// Missing required columns.
	_, ps, _ = Read(strings.NewReader("KODE KERANGKA,X\n\nKODE,NAMA\nA,B\n"), FormatCSV)
	if len(problems(ps)) != 7 { // KELOMPOK, JENIS, LEVEL 1–5
		t.Errorf("missing columns: %v", ps)
	}
	// Unbalanced quote.
	_, ps, _ = Read(strings.NewReader("KODE,NAMA\nA,\"B\nC,D\n"), FormatCSV)
	if got := problems(ps); len(got) != 1 || got[0] != "file@02" {
		t.Errorf("bad quote: %v", ps)
	}
	// JSON syntax error on line 3.
	_, ps, _ = Read(strings.NewReader("{\n \"code\": \"X\",\n \"name\": ,\n}"), "")
	if got := problems(ps); len(got) != 1 || got[0] != "file@03" {
		t.Errorf("json syntax: %v", ps)
	}
	// JSON validation: second competency without name.
	_, ps, _ = Read(strings.NewReader(`{"code":"X","name":"X","competencies":[{"code":"A","name":"A","group":"teknis","kind":"hard","levels":[{"description":"1"},{"description":"2"},{"description":"3"},{"description":"4"},{"description":"5"}]},{"code":"B"}]}`), FormatJSON)
	if got := problems(ps); !reflect.DeepEqual(got, []string{"name@02", "group@02", "kind@02", "level_1@02", "level_2@02", "level_3@02", "level_4@02", "level_5@02"}) {
		t.Errorf("json validate: %v", got)
	}
	// Moodle without a framework row, and with a duplicate id number.
	head := strings.Join(MoodleHeader, ",") + "\n"
	_, ps, _ = ReadMoodleCSV(strings.NewReader(head + ",A,Satu,,1,,,,0,null,,1,,\n"))
	if got := problems(ps); len(got) != 1 || got[0] != "is_framework@00" {
		t.Errorf("moodle without framework: %v", ps)
	}
	_, ps, _ = ReadMoodleCSV(strings.NewReader(head + ",F,Kerangka,,1,,,,,,,,1,\n,A,Satu,,1,,,,0,null,,1,,\nA,A,Dua,,1,,,,0,null,,2,,\nZ,B,,,1,,,,0,null,,3,,\n"))
	if got := problems(ps); !reflect.DeepEqual(got, []string{"code@04", "parent_code@04", "name@05", "parent_code@05"}) {
		t.Errorf("moodle problems: %v", got)
	}
	_, ps, _ = ReadMoodleCSV(strings.NewReader("a,b\n1,2\n"))
	if got := problems(ps); len(got) != 1 || got[0] != "header@01" {
		t.Errorf("not moodle: %v", ps)
	}
	// Unknown format.
	if _, _, err := Read(strings.NewReader(""), "pdf"); err == nil {
		t.Error("unknown format must fail")
	}
}

func TestReadXLSXMalformed(t *testing.T) {
	f := National()
	f.Competencies[3].Levels[1].Description = ""
	f.Competencies[5].ParentCode = "M99"
	f.Code = ""
	var buf bytes.Buffer
	if err := Write(&buf, f, FormatXLSX); err != nil {
		t.Fatal(err)
	}
	g, ps, err := Read(&buf, "")
	if err != nil || g != nil {
		t.Fatalf("want no framework: %v", err)
	}
	want := []string{"Kerangkaframework.code@00", "Kompetensilevel_2@05", "Kompetensiparent_code@07"}
	if got := problems(ps); !reflect.DeepEqual(got, want) {
		t.Errorf("xlsx problems\n got %v\nwant %v", got, want)
	}
}

func TestReadXLSXSingleSheet(t *testing.T) {
	// One sheet in the CSV layout, with blank rows: rows keep their numbers.
	x := excelize.NewFile()
	defer x.Close()
	rows := [][]any{
		{"KODE KERANGKA", "SATU-LEMBAR"}, {"NAMA KERANGKA", "Satu lembar"}, {},
		{"KODE", "NAMA", "KELOMPOK", "JENIS", "LEVEL 1", "LEVEL 2", "LEVEL 3", "LEVEL 4", "LEVEL 5"},
		{"A", "Satu", "Teknis", "hard", "1", "2", "3", "4", "5"},
		{},
		{"B", "Dua", "teknis", "hard", "1", "2", "3", "4"},
	}
	for i, r := range rows {
		if len(r) > 0 {
			x.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	_, ps, err := Read(bytes.NewReader(data), "")
	if got := problems(ps); err != nil || !reflect.DeepEqual(got, []string{"Sheet1level_5@07"}) {
		t.Fatalf("problems %v %v", err, ps)
	}
	// Fix row 7 and read again.
	x.SetCellValue("Sheet1", "I7", "5")
	buf.Reset()
	x.Write(&buf)
	f, ps, err := Read(&buf, FormatXLSX)
	if err != nil || f == nil || len(ps) != 0 || f.Code != "SATU-LEMBAR" || len(f.Competencies) != 2 || f.Competencies[0].Group != GroupTeknis {
		t.Fatalf("read: %v %v %+v", err, ps, f)
	}
}

func TestMoodleEditedHTML(t *testing.T) {
	// A description re-saved by Moodle's editor: attributes, <br />, &nbsp;.
	desc := `<p dir="ltr">Definisi&nbsp;uji</p><p>Kelompok: Sosial Kultural<br />Jenis: soft<br />Tag: a:b</p>` +
		`<ol><li class="x"><strong>Level 1 : Satu</strong>&nbsp;desk 1<ul class="y"><li>i1</li><li>i2</li></ul></li>` +
		`<li><strong>Level 2</strong> desk 2</li><li><strong>Level 3: Tiga</strong> desk 3</li>` +
		`<li><strong>Level 4: Empat</strong> desk 4</li><li><strong>Level 5: Lima</strong> desk 5</li></ol>`
	var b strings.Builder
	b.WriteString(strings.Join(MoodleHeader, ",") + "\n,F,Kerangka,,1,,,,,,,,1,\n,A,Satu,")
	b.WriteString(`"` + strings.ReplaceAll(desc, `"`, `""`) + `",1,,,,0,null,,1,,` + "\n")
	f, ps, err := ReadMoodleCSV(strings.NewReader(b.String()))
	if err != nil || f == nil || len(ps) != 0 {
		t.Fatalf("%v %v", err, ps)
	}
	c := f.Competencies[0]
	if c.Definition != "Definisi uji" && c.Definition != "Definisi\u00a0uji" {
		t.Errorf("definition %q", c.Definition)
	}
	if c.Group != GroupSosialKultural || c.Kind != KindSoft || !reflect.DeepEqual(c.Tags, []string{"a:b"}) {
		t.Errorf("meta: %+v", c)
	}
	if c.Levels[0].Title != "Satu" || c.Levels[0].Description != "desk 1" || len(c.Levels[0].Indicators) != 2 ||
		c.Levels[1].Title != "" || c.Levels[1].Description != "desk 2" || c.Levels[4].Description != "desk 5" {
		t.Errorf("levels: %+v", c.Levels)
	}
}

// TestFrameworkTextLimits: every text of a framework has a length limit, so
// an import cannot inflate pages, exports and PDFs; a problem names the
// competency's row and the field.
func TestFrameworkTextLimits(t *testing.T) {
	f := National()
	f.Name = strings.Repeat("K", 201)
	f.Competencies[1].Definition = strings.Repeat("definisi ", 500)
	f.Competencies[2].Levels[0].Indicators = []string{strings.Repeat("x", 4001)}
	var got []string
	for _, p := range f.Validate() {
		got = append(got, fmt.Sprintf("%d:%s:%s", p.Row, p.Field, p.Text(i18n.EN)))
	}
	want := []string{"0:framework.name:Name: too long, at most 200 characters",
		"2:definition:Definition: too long, at most 4000 characters",
		"3:indicators_1:Behavioural indicator: too long, at most 4000 characters"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
