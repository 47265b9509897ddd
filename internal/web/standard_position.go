package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// stdPosition is the standard page of one position.
type stdPosition struct {
	Pos      *model.Position
	Unit     *model.OrgUnit
	UnitLink bool
	Current  *model.Standard
	History  []model.Standard // older standards
	CanEdit  bool
	Saved    bool
	Form     *stdForm // on the edit page
	Template bool     // the form is prefilled from the template
	Levels   []int
}

// positionForStandard loads position id with its unit and answers not
// found unless p may read it: whole-government readers, readers of its
// unit, and the holder of the position.
func (s *server) positionForStandard(ctx context.Context, p *auth.Principal, id int64) (*stdPosition, error) {
	pos, err := s.st.Position(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, errNotPermitted
	}
	if err != nil {
		return nil, err
	}
	u, err := s.st.Unit(ctx, pos.UnitID)
	if err != nil {
		return nil, err
	}
	d := &stdPosition{Pos: pos, Unit: u, UnitLink: unitVisible(p, u), CanEdit: p.Can(policy.StandardWrite), Levels: levelRange}
	if d.UnitLink || d.CanEdit {
		return d, nil
	}
	if p.User.EmployeeID != 0 {
		e, err := s.st.Employee(ctx, p.User.EmployeeID)
		if err == nil && e.PositionID == id {
			return d, nil
		}
	}
	return nil, errNotPermitted
}

// positionStandard shows a position's current standard and its history
// (GET /jabatan/{id}/standar).
func (s *server) positionStandard(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.positionForStandard(ctx, p, id)
	if err != nil {
		return err
	}
	hist, err := s.st.StandardHistory(ctx, id)
	if err != nil {
		return err
	}
	for i := range hist {
		if hist[i].Current && d.Current == nil {
			d.Current = &hist[i]
		} else {
			d.History = append(d.History, hist[i])
		}
	}
	d.Saved = r.URL.Query().Get("saved") == "1"
	s.renderView(w, r, http.StatusOK, "standard_position", &view{Title: "std.position_title", TitleArg: d.Pos.Title, Data: d})
	return nil
}

// positionStandardForm shows the edit form, prefilled from the current
// standard or else from the template (GET /jabatan/{id}/standar/ubah).
func (s *server) positionStandardForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.positionForStandard(ctx, p, id)
	if err != nil {
		return err
	}
	choices, err := s.st.CompetencyChoices(ctx)
	if err != nil {
		return err
	}
	cur, err := s.st.CurrentStandard(ctx, id)
	if err != nil {
		return err
	}
	var items []model.StandardItem
	if cur != nil {
		items = cur.Items
	} else {
		d.Template = true
		if items, err = s.st.TemplateFor(ctx, d.Pos.Type, d.Pos.Jenjang); err != nil {
			return err
		}
	}
	d.Form = buildForm(items, choices, d.Pos.Type, d.Pos.Jenjang)
	if cur != nil {
		d.Form.DecreeNo, d.Form.Date = cur.DecreeNo, cur.DecreeDate
	}
	s.renderView(w, r, http.StatusOK, "standard_edit", &view{Title: "std.edit_title", TitleArg: d.Pos.Title, Data: d})
	return nil
}

// positionStandardSave stores a new standard (POST /jabatan/{id}/standar/ubah).
func (s *server) positionStandardSave(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("form", "err.common.form_could_not_read")
	}
	ctx := r.Context()
	d, err := s.positionForStandard(ctx, p, id)
	if err != nil {
		return err
	}
	items := readItems(r.PostForm)
	decreeNo, decreeDate := r.PostFormValue("decree_no"), r.PostFormValue("decree_date")
	_, err = s.st.SetStandard(ctx, actor(p), id, decreeNo, decreeDate, items)
	if apperr.Code(err) == apperr.EINVALID {
		choices, cerr := s.st.CompetencyChoices(ctx)
		if cerr != nil {
			return cerr
		}
		d.Form = buildForm(describe(items, choices), choices, d.Pos.Type, d.Pos.Jenjang)
		d.Form.DecreeNo, d.Form.Date, d.Form.Error = decreeNo, decreeDate, apperr.Message(langOf(r), err)
		s.renderView(w, r, http.StatusBadRequest, "standard_edit", &view{Title: "std.edit_title", TitleArg: d.Pos.Title, Data: d})
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/jabatan/%d/standar?saved=1", id), http.StatusSeeOther)
	return nil
}
