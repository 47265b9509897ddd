package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/report"
	"github.com/kompeten/kompeten/internal/store"
)

// profilePDF writes an employee's competency profile as a PDF (GET
// /pegawai/{id}/profil.pdf): JPM and its categories, the radar of actual
// against required levels and the gaps table, from the same
// store.EmployeeCompetencies as the profile page. Whoever may open the
// profile page may download it; anyone else gets "not found", as there.
func (s *server) profilePDF(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, err := s.employeeInScope(ctx, p.Scope, id)
	if err != nil {
		return err
	}
	ec, err := s.st.EmployeeCompetencies(ctx, id)
	if err != nil {
		return err
	}
	ev, err := s.educationFor(ctx, langOf(r), e)
	if err != nil {
		return err
	}
	now := s.st.Now().In(s.loc)
	d := profileDoc(langOf(r), e, ec)
	d.Education, d.EducationNote = educationRows(ev)
	d.Date, d.ExportedBy = now, s.displayName(ctx, p)
	var buf bytes.Buffer
	if err := report.ProfilePDF(&buf, d); err != nil {
		return err
	}
	s.viewed(p, id, viewProfilePDF, "")
	sendPDF(w, fmt.Sprintf("profil-kompetensi-%s-%s.pdf", e.NIP, now.Format("20060102")), buf.Bytes())
	return nil
}

// profileDoc maps an employee and their competencies onto the PDF.
func profileDoc(lang i18n.Lang, e *store.EmployeeView, ec *store.EmployeeCompetencies) report.ProfileDoc {
	d := report.ProfileDoc{Lang: lang, Name: names.Display(e.GelarDepan, e.Name, e.GelarBelakang), NIP: nip.FormatAuto(e.NIP, e.Kind),
		NIPLabel: "NIP", Position: e.PositionTitle, Unit: e.UnitName, HasStandard: len(ec.Items) > 0, DecreeNo: ec.DecreeNo}
	if e.Kind == model.PPPK {
		d.NIPLabel = "NI PPPK"
	}
	if !d.HasStandard {
		return d
	}
	res := ec.Result
	d.JPMRaw, d.JPMCapped, d.Mapping, d.Filling = res.JPMRaw, res.JPMCapped, res.Mapping, res.Filling
	d.Assessed, d.Total, d.Complete = res.Assessed, res.Total, res.Complete
	d.Explain = gap.Explain(res, string(lang))
	for _, it := range ec.Items {
		d.Items = append(d.Items, report.ProfileItem{Name: it.Name, Required: it.Required, Actual: it.Actual, Assessed: it.Assessed})
	}
	return d
}

// educationRows maps the profile's education section onto the PDF: the
// records as printed, and the sentence about the position's minimum level
// the page shows.
func educationRows(v *educationView) ([]report.ProfileEducation, string) {
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	rows := make([]report.ProfileEducation, len(v.Records))
	for i, e := range v.Records {
		rows[i] = report.ProfileEducation{Level: e.Level.Label(), Major: dash(e.Major), Institution: dash(e.Institution),
			Year: strconv.Itoa(e.Year), Certificate: dash(e.CertificateNo)}
	}
	if v.Minimum == "" {
		return rows, ""
	}
	note := i18n.T(v.Lang, "education.minimum", v.Minimum.Label())
	switch {
	case v.Gap:
		note += " " + i18n.T(v.Lang, "education.gap", v.Highest.Label())
	case v.Highest == "":
		note += " " + i18n.T(v.Lang, "education.unrecorded")
	}
	return rows, note
}
