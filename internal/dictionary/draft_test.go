package dictionary

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
)

// draftFields returns "field@row" of every problem of a *DraftError,
// sorted; nil for nil and ["!"] for any other error.
func draftFields(err error) []string {
	if err == nil {
		return nil
	}
	var de *DraftError
	if !errors.As(err, &de) {
		return []string{"!"}
	}
	var out []string
	for _, p := range de.Problems {
		out = append(out, p.Field+"@"+itoa(p.Row))
	}
	sort.Strings(out)
	return out
}

func TestNextVersion(t *testing.T) {
	for in, want := range map[string]string{"2025.1": "2025.2", "2017": "2018", "v9": "v10", "2025-rev3a": "2025-rev4a",
		"": "1", "awal": "awal.2", "1.9": "1.10", "99999999999999999999": "99999999999999999999.2"} {
		if got := NextVersion(in); got != want {
			t.Errorf("NextVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDraftSetMeta(t *testing.T) {
	m := DraftMeta{Code: " BARU ", Name: " Kamus ", Version: " 2 ", Source: " SK ", Owner: " Dinas ", Description: " d ", OwnerUnitID: 7}
	d := Draft{F: Framework{Code: "LAMA"}}
	d.SetMeta(m)
	if d.F.Code != "BARU" || d.F.Name != "Kamus" || d.F.Version != "2" || d.F.Source != "SK" || d.F.Owner != "Dinas" ||
		d.F.Description != "d" || d.OwnerUnitID != 7 {
		t.Errorf("a new framework takes every field, trimmed: %+v", d)
	}
	v := Draft{BasedOnID: 3, F: Framework{Code: "LAMA"}}
	v.SetMeta(m)
	if v.F.Code != "LAMA" || v.F.Name != "Kamus" {
		t.Errorf("a new version keeps the code of the framework it continues: %q", v.F.Code)
	}
}

func TestDraftCheckMeta(t *testing.T) {
	good := func() Draft {
		return Draft{OwnerUnitID: 4, F: Framework{Code: "KAMUS-DINAS", Name: "Kamus Dinas", Version: "2025.1"}}
	}
	for _, c := range []struct {
		name  string
		edit  func(d *Draft)
		facts MetaFacts
		want  []string
	}{
		{"good", func(d *Draft) {}, MetaFacts{}, nil},
		{"no code", func(d *Draft) { d.F.Code = "" }, MetaFacts{}, []string{"framework.code@00"}},
		{"code with a space", func(d *Draft) { d.F.Code = "KAMUS DINAS" }, MetaFacts{}, []string{"framework.code@00"}},
		{"code too long", func(d *Draft) { d.F.Code = strings.Repeat("K", DraftMaxCode+1) }, MetaFacts{}, []string{"framework.code@00"}},
		{"no name", func(d *Draft) { d.F.Name = "" }, MetaFacts{}, []string{"framework.name@00"}},
		{"name too long", func(d *Draft) { d.F.Name = strings.Repeat("é", DraftMaxName+1) }, MetaFacts{}, []string{"framework.name@00"}},
		{"no version", func(d *Draft) { d.F.Version = "" }, MetaFacts{}, []string{"framework.version@00"}},
		{"version with a comma", func(d *Draft) { d.F.Version = "1,2" }, MetaFacts{}, []string{"framework.version@00"}},
		{"version too long", func(d *Draft) { d.F.Version = strings.Repeat("9", DraftMaxVersion+1) }, MetaFacts{}, []string{"framework.version@00"}},
		{"code taken", func(d *Draft) {}, MetaFacts{CodeTaken: true}, []string{"framework.code@00"}},
		{"version published", func(d *Draft) {}, MetaFacts{VersionPublished: true}, []string{"framework.version@00"}},
		{"owner unit gone", func(d *Draft) {}, MetaFacts{OwnerMissing: true}, []string{"owner_unit@00"}},
		{"owner outside", func(d *Draft) {}, MetaFacts{OwnerOutside: true}, []string{"owner_unit@00"}},
		{"everything at once", func(d *Draft) { d.F.Name, d.F.Version = "", "" }, MetaFacts{CodeTaken: true, OwnerOutside: true},
			[]string{"framework.code@00", "framework.name@00", "framework.version@00", "owner_unit@00"}},
	} {
		d := good()
		c.edit(&d)
		if got := draftFields(d.CheckMeta(c.facts)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	// Without an owner unit (BKPSDM's) the refusal asks for the agency.
	for owner, key := range map[int64]string{0: "err.framework.choose_owner_unit_agency", 4: "err.framework.owner_unit_outside"} {
		d := good()
		d.OwnerUnitID = owner
		var de *DraftError
		if err := d.CheckMeta(MetaFacts{OwnerOutside: true}); !errors.As(err, &de) || de.Problems[0].Key != key {
			t.Errorf("owner %d outside: %v, want %s", owner, err, key)
		}
	}
}

// draftOf is a draft holding competencies A, B (child of A) and C.
func draftOf() *Draft {
	return &Draft{ID: 1, F: Framework{Code: "F", Name: "F", Version: "1",
		Competencies: []Competency{validComp("A", ""), validComp("B", "A"), validComp("C", "")}}}
}

func codesOf(d *Draft) string {
	var out []string
	for _, c := range d.F.Competencies {
		out = append(out, c.Code+"<"+c.ParentCode)
	}
	return strings.Join(out, " ")
}

func TestDraftPutCompetency(t *testing.T) {
	for _, c := range []struct {
		name    string
		oldCode string
		c       Competency
		added   bool
		fields  []string
		code    string
		after   string
	}{
		{"add", "", validComp(" D ", " a "), true, nil, "", "A< B<A C< D<A"},
		{"replace", "C", validComp("C", "A"), false, nil, "", "A< B<A C<A"},
		{"rename a parent: its children follow", "A", validComp("Z", ""), false, nil, "", "Z< B<Z C<"},
		{"a code another competency has", "", validComp("b", ""), false, []string{"code@04"}, "", "A< B<A C<"},
		{"renamed onto another's code", "C", validComp("A", ""), false, []string{"code@03"}, "", "A< B<A C<"},
		{"its own parent", "C", validComp("C", "C"), false, []string{"parent_code@03", "parent_code@03"}, "", "A< B<A C<"},
		{"a parent that is not there", "", validComp("D", "Q"), false, []string{"parent_code@04"}, "", "A< B<A C<"},
		{"no name, no group", "", Competency{Code: "D", Kind: KindHard}, false,
			[]string{"group@04", "level_1@04", "level_2@04", "level_3@04", "level_4@04", "level_5@04", "name@04"}, "", "A< B<A C<"},
		{"an unknown competency", "Q", validComp("Q", ""), false, nil, apperr.ENOTFOUND, "A< B<A C<"},
	} {
		d := draftOf()
		comp := c.c
		added, err := d.PutCompetency(c.oldCode, &comp)
		switch {
		case c.code != "":
			if apperr.Code(err) != c.code {
				t.Errorf("%s: %v, want %s", c.name, err, c.code)
			}
		case !reflect.DeepEqual(draftFields(err), c.fields):
			t.Errorf("%s: %v, want %v", c.name, draftFields(err), c.fields)
		}
		if added != c.added {
			t.Errorf("%s: added %v, want %v", c.name, added, c.added)
		}
		if got := codesOf(d); got != c.after {
			t.Errorf("%s: the draft holds %s, want %s", c.name, got, c.after)
		}
	}
	// A new competency is normalised: trimmed, tags lower case, empty
	// indicators dropped; its parent takes the stored spelling.
	d := draftOf()
	c := validComp(" D ", "c")
	c.Tags = []string{" Kominfo:Cakap ", " "}
	c.Levels[0].Indicators = []string{" satu ", "", " "}
	if _, err := d.PutCompetency("", &c); err != nil {
		t.Fatal(err)
	}
	got := d.F.Competencies[3]
	if got.Code != "D" || got.ParentCode != "C" || !reflect.DeepEqual(got.Tags, []string{"kominfo:cakap"}) ||
		!reflect.DeepEqual(got.Levels[0].Indicators, []string{"satu"}) {
		t.Errorf("normalised competency: %+v", got)
	}
	// A full draft takes no more, but its competencies still change.
	full := &Draft{F: Framework{Code: "F", Name: "F"}}
	for i := range MaxDraftCompetencies {
		full.F.Competencies = append(full.F.Competencies, validComp("K"+itoa(i)+"x"+strings.Repeat("0", i/100), ""))
	}
	extra := validComp("EXTRA", "")
	if _, err := full.PutCompetency("", &extra); apperr.Code(err) != apperr.EINVALID || len(full.F.Competencies) != MaxDraftCompetencies {
		t.Errorf("a full draft: %v, %d competencies", err, len(full.F.Competencies))
	}
	first := validComp(full.F.Competencies[0].Code, "")
	first.Name = "Baru"
	if _, err := full.PutCompetency(first.Code, &first); err != nil {
		t.Errorf("editing a full draft: %v", err)
	}
}

func TestDraftRemoveCompetency(t *testing.T) {
	for _, c := range []struct {
		code  string
		err   string
		after string
	}{
		{"C", "", "A< B<A"},
		{"B", "", "A< C<"},
		{"A", apperr.EINVALID, "A< B<A C<"}, // still B's parent
		{"a", apperr.EINVALID, "A< B<A C<"}, // parents are compared without case
		{"Q", apperr.ENOTFOUND, "A< B<A C<"},
	} {
		d := draftOf()
		if err := d.RemoveCompetency(c.code); apperr.Code(err) != c.err {
			t.Errorf("remove %s: %v, want %q", c.code, err, c.err)
		}
		if got := codesOf(d); got != c.after {
			t.Errorf("remove %s: the draft holds %s, want %s", c.code, got, c.after)
		}
	}
}

func TestDraftProblemsAndPublish(t *testing.T) {
	warned := draftOf()
	warned.F.Competencies[0].Levels[0].Indicators = []string{"ok", " "} // an error: an empty indicator
	for _, c := range []struct {
		name              string
		d                 *Draft
		published, taken  bool
		problems, publish []string
	}{
		{"ready", draftOf(), false, false, nil, nil},
		{"version published", draftOf(), true, false, []string{"framework.version@00"}, nil},
		{"new framework's code taken", draftOf(), false, true, []string{"framework.code@00"}, []string{"framework.code@00"}},
		{"a new version's code is its own", &Draft{BasedOnID: 9, F: draftOf().F}, false, true, nil, nil},
		{"an empty indicator", warned, false, false, []string{"indicators_1@01"}, []string{"indicators_1@01"}},
		{"no competencies", &Draft{F: Framework{Code: "F", Name: "F", Version: "1"}}, false, false,
			[]string{"competencies@00"}, []string{"competencies@00"}},
	} {
		var got []string
		for _, p := range c.d.Problems(c.published, c.taken) {
			got = append(got, p.Field+"@"+itoa(p.Row))
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, c.problems) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.problems)
		}
		if got := draftFields(c.d.PublishError(c.taken)); !reflect.DeepEqual(got, c.publish) {
			t.Errorf("%s: publishing refused for %v, want %v", c.name, got, c.publish)
		}
	}
}

// A DraftError is an invalid-input error about its first problem's field,
// so every face answers it as it answers other validation errors.
func TestDraftErrorUnwrap(t *testing.T) {
	err := error(NewDraftError("framework.version", "err.framework.version_published", "2025"))
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Field != "framework.version" {
		t.Errorf("unwrapped: %+v", ae)
	}
	if !strings.Contains(err.Error(), "2025") {
		t.Errorf("message: %q", err.Error())
	}
	if apperr.Code(&DraftError{}) != apperr.EINVALID {
		t.Error("an empty DraftError is still invalid input")
	}
}

func TestFrameworkCheck(t *testing.T) {
	f := draftOf().F
	if err := f.Check(); err != nil {
		t.Errorf("a valid framework: %v", err)
	}
	f.Competencies[0].Levels[0].Indicators = []string{"ok"}
	f.Competencies[2].Tags = []string{"TanpaAwalan"} // an error on the third competency
	var ae *apperr.Error
	if err := f.Check(); !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Field != "tags" || ae.Args[0] != 3 {
		t.Errorf("the first error: %+v", ae)
	}
}
