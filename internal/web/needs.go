package web

import (
	"fmt"
	"net/http"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/table"
)

// needsExport writes the ranked needs and the heat-map of a unit as an
// XLSX workbook with two sheets (GET /analisis/ekspor.xlsx?unit=ID).
func (s *server) needsExport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.needsReader(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	n, err := s.st.NeedsAnalysis(r.Context(), p.Scope, unitID)
	if err != nil {
		return err
	}
	src, err := s.st.NeedsSources(r.Context(), p.Scope, unitID)
	if err != nil {
		return err
	}
	f, err := needsWorkbook(lang, n, src)
	if err != nil {
		return err
	}
	defer f.Close()
	s.viewed(p, 0, viewExportNeeds, fmt.Sprintf("xlsx unit=%d", unitID))
	name := fmt.Sprintf("analisis-kebutuhan-%s.xlsx", s.st.Now().In(s.loc).Format("20060102"))
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	if err := f.Write(w); err != nil {
		s.log.Error("web: needs export", "err", err)
	}
	return nil
}

// needsSheetNames are the sheets of the export.
const (
	needsSheetRanked  = "Kebutuhan"
	needsSheetHeat    = "Peta panas"
	needsSheetSources = "Sumber kebutuhan"
)

// needsWorkbook builds the export: sheet "Kebutuhan" with the ranked needs
// (numbers as numbers: shares in percent, average shortfall in levels) and
// sheet "Peta panas" with the share short per unit and competency (empty
// when nobody is assessed), and sheet "Sumber kebutuhan" with every need
// and where it comes from (current position, target position, SKP).
func needsWorkbook(lang i18n.Lang, n *needs.Analysis, src *needs.Sources) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", needsSheetRanked); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.NewSheet(needsSheetHeat); err != nil {
		f.Close()
		return nil, err
	}
	t := func(k string) string { return i18n.T(lang, k) }
	// Every text cell goes through table.SafeCell: competency and unit
	// names are typed by users and may look like formulas.
	put := func(sheet string, row int, vals []any) error {
		for i, v := range vals {
			if s, ok := v.(string); ok {
				vals[i] = table.SafeCell(s)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return f.SetSheetRow(sheet, cell, &vals)
	}
	head := []any{t("needs.rank"), t("needs.code"), t("needs.competency"), t("needs.group"), t("needs.required"), t("needs.assessed"),
		t("needs.not_assessed"), t("needs.short"), t("needs.share_pct"), t("needs.avg_short"), t("needs.weighted")}
	if err := put(needsSheetRanked, 1, head); err != nil {
		f.Close()
		return nil, err
	}
	for i, nd := range n.Needs {
		var pct any = ""
		if nd.ShareShort >= 0 {
			pct = float64(nd.ShareShort) / 100
		}
		if err := put(needsSheetRanked, i+2, []any{i + 1, nd.Code, nd.Name, nd.Group, nd.Required, nd.Assessed, nd.NotAssessed, nd.Short,
			pct, float64(nd.AvgShortfall) / 100, nd.WeightedNeed}); err != nil {
			f.Close()
			return nil, err
		}
	}
	hh := []any{t("needs.unit"), t("needs.employees"), t("jpm.not_assessed_short")}
	for _, c := range n.Columns {
		hh = append(hh, c.Name+" (% "+t("needs.short_lc")+")")
	}
	if err := put(needsSheetHeat, 1, hh); err != nil {
		f.Close()
		return nil, err
	}
	for i, hr := range n.Rows {
		name := hr.Unit.Name
		if hr.Direct {
			name += " (" + t("needs.direct") + ")"
		}
		vals := []any{name, hr.Employees, hr.NotAssessed()} // not fully assessed: counted apart
		for _, c := range hr.Cells {
			if c.ShareShort < 0 {
				vals = append(vals, "")
			} else {
				vals = append(vals, float64(c.ShareShort)/100)
			}
		}
		if err := put(needsSheetHeat, i+2, vals); err != nil {
			f.Close()
			return nil, err
		}
	}
	if err := needsSourcesSheet(f, put, t, n, src); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// needsSourcesSheet writes sheet "Sumber kebutuhan": the needs against the
// current standard, those against target positions, and the performance
// gap, each row naming its source (PP 17/2020 Pasal 205–206).
func needsSourcesSheet(f *excelize.File, put func(string, int, []any) error, t func(string) string, n *needs.Analysis, src *needs.Sources) error {
	if _, err := f.NewSheet(needsSheetSources); err != nil {
		return err
	}
	head := []any{t("needs.source"), t("needs.rank"), t("needs.code"), t("needs.competency"), t("needs.required"), t("needs.assessed"),
		t("needs.not_assessed"), t("needs.short"), t("needs.weighted")}
	if err := put(needsSheetSources, 1, head); err != nil {
		return err
	}
	row := 2
	for _, part := range []struct {
		source string
		list   []needs.Need
	}{{t("needs.source.current"), n.Needs}, {t("needs.source.target"), src.Target}} {
		for i, nd := range part.list {
			if err := put(needsSheetSources, row, []any{part.source, i + 1, nd.Code, nd.Name, nd.Required, nd.Assessed, nd.NotAssessed,
				nd.Short, nd.WeightedNeed}); err != nil {
				return err
			}
			row++
		}
	}
	pg := src.Performance
	return put(needsSheetSources, row, []any{t("needs.source.performance"), "", fmt.Sprintf("SKP %d", pg.Year), t("needs.performance_below"),
		pg.Employees, pg.Employees - pg.Unknown, pg.Unknown, pg.Below, ""})
}
