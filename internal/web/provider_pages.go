package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Partners (/mitra): the providers of the catalogue with their cooperation
// agreements (MoU). Everyone who reads the catalogue reads them (a provider
// account its own partner only); BKPSDM and operators write them
// (policy.ProviderManage).

// mouWarnDays is how long before its end an agreement is flagged.
const mouWarnDays = 60

// mouState is the state of a partner's agreement on a day: Key is a
// catalogue key ("mou.none", "mou.valid", "mou.expiring", "mou.expired")
// and Days the days left when it is expiring.
type mouState struct {
	Key  string
	Days int
	Warn bool
}

// mouOf is the agreement state of v on today (ISO).
func mouOf(v *model.Provider, today string) mouState {
	switch {
	case v.MoUUntil == "":
		return mouState{Key: "mou.none"}
	case v.MoUExpired(today):
		return mouState{Key: "mou.expired", Warn: true}
	case v.MoUExpiresWithin(today, mouWarnDays):
		a, _ := time.Parse(time.DateOnly, today)
		b, _ := time.Parse(time.DateOnly, v.MoUUntil)
		return mouState{Key: "mou.expiring", Days: int(b.Sub(a).Hours() / 24), Warn: true}
	}
	return mouState{Key: "mou.valid"}
}

// Text is the state in lang ("berakhir dalam 12 hari").
func (m mouState) Text(lang i18n.Lang) string {
	if m.Key == "mou.expiring" {
		return i18n.T(lang, m.Key, m.Days)
	}
	return i18n.T(lang, m.Key)
}

// providerRow is a partner of the list with its agreement state.
type providerRow struct {
	model.Provider
	MoU mouState
}

// ratingText shows a rating in tenths as "4,2".
func ratingText(lang i18n.Lang, tenths int) string {
	sep := ","
	if lang == i18n.EN {
		sep = "."
	}
	return fmt.Sprintf("%d%s%d", tenths/10, sep, tenths%10)
}

// Rating is the partner's rating as shown ("4,2 / 5").
func (r providerRow) Rating(lang i18n.Lang) string { return ratingText(lang, r.Provider.Rating) }

// providerListData is the page /mitra.
type providerListData struct {
	Rows      []providerRow
	CanCreate bool
}

// providerList shows the partners (GET /mitra).
func (s *server) providerList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	all, err := s.st.Providers(r.Context())
	if err != nil {
		return err
	}
	today := s.catalogueToday()
	d := &providerListData{CanCreate: policy.Allowed(p, policy.ProviderManage)}
	for _, v := range all {
		if policy.May(p, policy.CatalogueRead, policy.Target{ProviderID: v.ID}) {
			d.Rows = append(d.Rows, providerRow{Provider: v, MoU: mouOf(&v, today)})
		}
	}
	s.render(w, r, http.StatusOK, "providers", "provider.title", d)
	return nil
}

// providerShowData is the page /mitra/{id}.
type providerShowData struct {
	V          providerRow
	Programmes []model.Programme
	CanEdit    bool
	Notice     string
}

// providerShow shows a partner and its programmes (GET /mitra/{id}).
func (s *server) providerShow(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	v, err := s.providerFor(r, p, id, policy.CatalogueRead)
	if err != nil {
		return err
	}
	d := providerShowData{V: providerRow{Provider: *v, MoU: mouOf(v, s.catalogueToday())}, CanEdit: policy.Allowed(p, policy.ProviderManage),
		Notice: okNotice(r, "provider.created", "provider.saved")}
	if d.Programmes, err = s.st.Programmes(r.Context(), store.ProgrammeFilter{ProviderID: id}); err != nil {
		return err
	}
	s.renderView(w, r, http.StatusOK, "provider_show", &view{Title: "provider.one", TitleArg: v.Name, Data: d})
	return nil
}

// providerFor loads partner id when p may take action a on it.
func (s *server) providerFor(r *http.Request, p *auth.Principal, id int64, a policy.Action) (*model.Provider, error) {
	v, err := s.st.Provider(r.Context(), id)
	if err != nil {
		return nil, hideMissing(err)
	}
	if !policy.May(p, a, policy.Target{ProviderID: v.ID}) {
		return nil, errNotPermitted
	}
	return v, nil
}

// providerForm is the partner form as typed.
type providerForm struct {
	ID                                                    int64
	Name, Kind, Contact, Email, Phone, Address, Website   string
	Accreditation, MoUNo, MoUFrom, MoUUntil, Basis, Price string
	Rating                                                string
	Active                                                bool
}

// providerFormData is the create and edit page of a partner.
type providerFormData struct {
	F      providerForm
	New    bool
	Action string
	Kinds  []model.ProviderKind
	Errors map[string][]string
}

func (s *server) renderProviderForm(w http.ResponseWriter, r *http.Request, status int, d *providerFormData) error {
	d.Kinds = model.ProviderKinds
	title := "provider.new"
	if !d.New {
		title = "provider.edit"
	}
	s.renderView(w, r, status, "provider_form", &view{Title: title, TitleArg: d.F.Name, Data: d})
	return nil
}

// providerNewForm shows an empty partner form (GET /mitra/baru).
func (s *server) providerNewForm(w http.ResponseWriter, r *http.Request) error {
	f := providerForm{Kind: string(model.ProviderUniversity), Basis: "peserta", Active: true}
	return s.renderProviderForm(w, r, http.StatusOK, &providerFormData{F: f, New: true, Action: "/mitra/baru"})
}

// providerEditForm shows the form of partner {id} (GET /mitra/{id}/ubah).
func (s *server) providerEditForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	v, err := s.providerFor(r, p, id, policy.ProviderManage)
	if err != nil {
		return err
	}
	f := providerForm{ID: v.ID, Name: v.Name, Kind: string(v.Kind), Contact: v.ContactName, Email: v.Email, Phone: v.Phone,
		Address: v.Address, Website: v.Website, Accreditation: v.Accreditation, MoUNo: v.MoUNo, MoUFrom: v.MoUFrom, MoUUntil: v.MoUUntil,
		Basis: v.PriceBasis, Price: strconv.FormatInt(v.Price, 10), Rating: ratingText(i18n.ID, v.Rating), Active: v.Active}
	return s.renderProviderForm(w, r, http.StatusOK, &providerFormData{F: f, Action: fmt.Sprintf("/mitra/%d/ubah", id)})
}

func readProviderForm(r *http.Request) providerForm {
	g := newForm(r).Text
	return providerForm{Name: g("name"), Kind: g("kind"), Contact: g("contact_name"), Email: g("email"), Phone: g("phone"),
		Address: g("address"), Website: g("website"), Accreditation: g("accreditation"), MoUNo: g("mou_no"), MoUFrom: g("mou_from"),
		MoUUntil: g("mou_until"), Basis: g("price_basis"), Price: g("price"), Rating: g("rating"), Active: r.PostFormValue("active") != ""}
}

// parseRating reads "4,2", "4.2" or "4" as tenths (42); ok is false for
// anything else.
func parseRating(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return 0, true
	}
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.Atoi(whole)
	if err != nil || len(frac) > 1 {
		return 0, false
	}
	f := 0
	if frac != "" {
		if f, err = strconv.Atoi(frac); err != nil {
			return 0, false
		}
	}
	return w*10 + f, true
}

// parseProvider turns the form into a partner, every problem beside its
// field.
func parseProvider(lang i18n.Lang, f *providerForm) (model.Provider, map[string][]string) {
	errs := map[string][]string{}
	v := model.Provider{ID: f.ID, Name: f.Name, Kind: model.ProviderKind(f.Kind), ContactName: f.Contact, Email: f.Email, Phone: f.Phone,
		Address: f.Address, Website: f.Website, Accreditation: f.Accreditation, MoUNo: f.MoUNo, MoUFrom: f.MoUFrom, MoUUntil: f.MoUUntil,
		PriceBasis: f.Basis, Active: f.Active}
	if price := strings.ReplaceAll(strings.ReplaceAll(f.Price, ".", ""), " ", ""); price != "" {
		n, err := strconv.ParseInt(price, 10, 64)
		if err != nil {
			errs["price"] = append(errs["price"], i18n.T(lang, "catalogue.err_number", f.Price))
		}
		v.Price = n
	}
	var ok bool
	if v.Rating, ok = parseRating(f.Rating); !ok {
		errs["rating"] = append(errs["rating"], i18n.T(lang, "err.catalogue.rating"))
	}
	for _, e := range model.Problems(v.Validate()) {
		if len(errs[e.Field]) == 0 {
			errs[e.Field] = append(errs[e.Field], e.Text(lang))
		}
	}
	return v, errs
}

// providerCreate stores a new partner (POST /mitra/baru).
func (s *server) providerCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	return s.saveProvider(w, r, p, &providerFormData{F: readProviderForm(r), New: true, Action: "/mitra/baru"})
}

// providerUpdate saves partner {id} (POST /mitra/{id}/ubah).
func (s *server) providerUpdate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.providerFor(r, p, id, policy.ProviderManage); err != nil {
		return err
	}
	f := readProviderForm(r)
	f.ID = id
	return s.saveProvider(w, r, p, &providerFormData{F: f, Action: fmt.Sprintf("/mitra/%d/ubah", id)})
}

func (s *server) saveProvider(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *providerFormData) error {
	lang := langOf(r)
	v, errs := parseProvider(lang, &d.F)
	if len(errs) == 0 {
		var err error
		if d.New {
			err = s.st.CreateProvider(r.Context(), actor(p), &v)
		} else {
			err = s.st.UpdateProvider(r.Context(), actor(p), &v)
		}
		if err == nil {
			ok := "saved"
			if d.New {
				ok = "created"
			}
			http.Redirect(w, r, fmt.Sprintf("/mitra/%d?ok=%s", v.ID, ok), http.StatusSeeOther)
			return nil
		}
		if !formError(lang, err, errs) {
			return err
		}
	}
	d.Errors = errs
	return s.renderProviderForm(w, r, http.StatusBadRequest, d)
}
