package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/store"
)

// qualificationsPerPage is how many people with a gap the page lists.
const qualificationsPerPage = 100

// qualificationsData is the page /analisis/kualifikasi: the education side
// of the needs analysis (store.Qualifications).
type qualificationsData struct {
	Q      *store.Qualifications
	People []qualificationPerson
}

// qualificationPerson is one line of the people with a gap.
type qualificationPerson struct {
	store.QualificationGap
	FullName, NIPText string
}

// qualificationsPage shows the qualification gaps of the reader's scope
// (GET /analisis/kualifikasi): who holds a position whose minimum
// education their highest recorded level does not meet, counted by the
// minimum asked, with those with nothing recorded apart.
func (s *server) qualificationsPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.needsReader(r)
	if err != nil {
		return err
	}
	q, err := s.st.Qualifications(r.Context(), p.Scope, qualificationsPerPage)
	if err != nil {
		return err
	}
	d := &qualificationsData{Q: q}
	for _, x := range q.People {
		d.People = append(d.People, qualificationPerson{QualificationGap: x, FullName: names.Display(x.GelarDepan, x.Name, x.GelarBelakang),
			NIPText: nip.FormatAuto(x.NIP, x.Kind)})
	}
	s.render(w, r, http.StatusOK, "needs_qualifications", "qual.title", d)
	return nil
}
