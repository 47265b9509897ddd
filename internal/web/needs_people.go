package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/store"
)

// needPeopleData is what needs_people.html shows.
type needPeopleData struct {
	Unit         *model.OrgUnit
	UnitID       int64
	Code, Name   string
	People       []needPerson
	Back         string
	Page         int
	PrevURL      string
	NextURL      string
	CompetencyID int64
}

// needPerson is one line of the drill-down.
type needPerson struct {
	store.NeedPerson
	FullName, NIPText string
	Short             int
}

// needPeoplePerPage is the page size of the drill-down.
const needPeoplePerPage = 50

// needPeoplePage lists the people short in a competency within a unit's
// subtree (GET /analisis/orang?unit=&kompetensi=&hal=).
func (s *server) needPeoplePage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.needsReader(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	compID, err := queryID(r, "kompetensi")
	if err == nil && compID == 0 {
		err = errNotPermitted
	}
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("hal"))
	page = max(page, 1)
	d := needPeopleData{UnitID: unitID, CompetencyID: compID, Page: page, Back: "/analisis"}
	if d.Code, d.Name, err = s.st.NeedCompetency(ctx, compID); err != nil {
		return err
	}
	people, more, err := s.st.NeedPeople(ctx, p.Scope, unitID, compID, (page-1)*needPeoplePerPage, needPeoplePerPage)
	if err != nil {
		return err
	}
	if unitID != 0 {
		if d.Unit, err = s.st.Unit(ctx, unitID); err != nil {
			return err
		}
		d.Back = fmt.Sprintf("/analisis?unit=%d", unitID)
	}
	for _, x := range people {
		d.People = append(d.People, needPerson{NeedPerson: x, FullName: names.Display(x.GelarDepan, x.Name, x.GelarBelakang),
			NIPText: nip.FormatAuto(x.NIP, x.Kind), Short: x.Required - x.Actual})
	}
	pageURL := func(n int) string {
		q := url.Values{"kompetensi": {strconv.FormatInt(compID, 10)}, "hal": {strconv.Itoa(n)}}
		if unitID != 0 {
			q.Set("unit", strconv.FormatInt(unitID, 10))
		}
		return "/analisis/orang?" + q.Encode()
	}
	if page > 1 {
		d.PrevURL = pageURL(page - 1)
	}
	if more {
		d.NextURL = pageURL(page + 1)
	}
	s.renderView(w, r, http.StatusOK, "needs_people", &view{Title: "needs.people_title", TitleArg: d.Name, Data: d})
	return nil
}
