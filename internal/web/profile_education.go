package web

import (
	"context"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// educationView is the profile's "Riwayat pendidikan" section: the
// records, and beside the position's minimum level whether the highest
// recorded one meets it (model.MinimumEducation). Education is part of the
// profile a development system must hold, read by whoever reads the
// profile; it is written by the SIASN import (/penilaian/impor).
type educationView struct {
	Lang    i18n.Lang
	Records []model.Education
	Highest model.EducationLevel
	Minimum model.EducationLevel // "" when the employee holds no position
	Gap     bool                 // recorded, and below the minimum
}

// educationFor gathers the education section of employee e.
func (s *server) educationFor(ctx context.Context, lang i18n.Lang, e *store.EmployeeView) (*educationView, error) {
	list, err := s.st.Education(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	v := &educationView{Lang: lang, Records: list, Highest: model.HighestEducation(list)}
	if e.PositionID != 0 {
		v.Minimum = model.MinimumEducation(e.PositionType, e.Jenjang)
		v.Gap = v.Highest != "" && !v.Highest.AtLeast(v.Minimum)
	}
	return v, nil
}
