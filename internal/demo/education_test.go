package demo

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
)

func TestDemoEducation(t *testing.T) {
	levels := func(list []model.Education) []model.EducationLevel {
		var out []model.EducationLevel
		for _, e := range list {
			out = append(out, e.Level)
		}
		return out
	}
	for _, c := range []struct {
		id          int64
		front, back string
		want        []model.EducationLevel
	}{
		{1, "", "", []model.EducationLevel{model.EduSMA}},
		{2, "", "S.Pd.", []model.EducationLevel{model.EduSMA, model.EduS1}},
		{3, "", "S.Kep., Ns.", []model.EducationLevel{model.EduSMA, model.EduS1}},
		{4, "", "A.Md.Kep.", []model.EducationLevel{model.EduSMA, model.EduD3}},
		{5, "", "S.Tr.Keb.", []model.EducationLevel{model.EduSMA, model.EduD4}},
		{6, "", "S.Pd., M.Pd.", []model.EducationLevel{model.EduSMA, model.EduS1, model.EduS2}},
		{7, "dr.", "Sp.PD", []model.EducationLevel{model.EduSMA, model.EduS1, model.EduS2}},
		{8, "Drs.", "M.Si.", []model.EducationLevel{model.EduSMA, model.EduS1, model.EduS2}},
		{9, "Dr.", "", []model.EducationLevel{model.EduSMA, model.EduS1, model.EduS2, model.EduS3}},
		{29, "", "S.H.", nil}, // one in 29 has nothing recorded
	} {
		got := Education(c.id, c.front, c.back, 1980, 2026)
		if g := levels(got); len(g) != len(c.want) || (len(g) > 0 && g[len(g)-1] != c.want[len(c.want)-1]) {
			t.Errorf("%q %q: levels %v, want %v", c.front, c.back, g, c.want)
		}
		for _, e := range got {
			if err := e.Validate(testNow); err != nil || e.EmployeeID != c.id || e.Institution == "" || e.CertificateNo == "" {
				t.Errorf("%q %q: record %+v: %v", c.front, c.back, e, err)
			}
		}
	}
	// Years follow the birth year, never after now; the same input gives
	// the same history.
	a, b := Education(42, "", "S.E., M.M.", 2000, 2026), Education(42, "", "S.E., M.M.", 2000, 2026)
	if len(a) != 3 || a[0].Year < 2018 || a[1].Year < 2023 || a[2].Year != 2026 || a[0] != b[0] || a[2] != b[2] {
		t.Errorf("years %+v", a)
	}
	if got := Education(43, "", "S.Kom.", 1990, 2026)[1]; got.Major != "Teknik Informatika" {
		t.Errorf("major %q", got.Major)
	}
}
