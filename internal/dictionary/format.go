package dictionary

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/table"
)

// Exchange formats understood by Read and Write.
const (
	FormatMoodle = "moodle" // Moodle tool_lpimportcsv CSV (ReadMoodleCSV, WriteMoodleCSV)
	FormatCSV    = "csv"    // Kompeten CSV: framework block, then one row per competency
	FormatXLSX   = "xlsx"   // Kompeten workbook: sheets "Kerangka" and "Kompetensi"
	FormatJSON   = "json"   // encoding/json of Framework
)

// MaxFileSize bounds what Read accepts (a dictionary is a few hundred KB).
const MaxFileSize = 32 << 20

// Kompeten CSV/XLSX layout.
//
// The framework's own fields come first as key/value rows (CSV: at the top
// of the file, before the table; XLSX: sheet "Kerangka"):
//
//	KODE KERANGKA      | KOMPETENSI-ASN
//	NAMA KERANGKA      | ...
//	SUMBER             | ...
//	VERSI              | ...
//	PEMILIK            | ...
//	DESKRIPSI KERANGKA | ...
//
// then (CSV: after an empty line; XLSX: sheet "Kompetensi") the table, a
// header row starting with KODE and one row per competency. Columns are
// found by header, in any order: KODE, NAMA, KELOMPOK, JENIS, LEVEL 1 …
// LEVEL 5 are required; INDUK, DEFINISI, TAG (comma- or
// semicolon-separated), INDIKATOR 1 … INDIKATOR 5 (indicators joined with
// " | ") and JUDUL LEVEL 1 … JUDUL LEVEL 5 (level titles, an addition to the
// brief's columns so that titles survive) are optional. A workbook with a
// single sheet is read like the CSV layout.
var (
	// FrameworkKeys are the key rows of the framework block, in order.
	FrameworkKeys = []string{"KODE KERANGKA", "NAMA KERANGKA", "SUMBER", "VERSI", "PEMILIK", "DESKRIPSI KERANGKA"}
	// TableHeader is the header row Write uses for the competency table.
	TableHeader = tableHeader()
)

func tableHeader() []string {
	h := []string{"KODE", "NAMA", "KELOMPOK", "JENIS", "INDUK", "DEFINISI", "TAG"}
	for i := 1; i <= NumLevels; i++ {
		h = append(h, fmt.Sprintf("LEVEL %d", i))
	}
	for i := 1; i <= NumLevels; i++ {
		h = append(h, fmt.Sprintf("INDIKATOR %d", i))
	}
	for i := 1; i <= NumLevels; i++ {
		h = append(h, fmt.Sprintf("JUDUL LEVEL %d", i))
	}
	return h
}

// IndicatorSeparator joins the indicators of a level in one cell.
const IndicatorSeparator = " | "

// Sheet names of the Kompeten workbook.
const (
	SheetFramework    = "Kerangka"
	SheetCompetencies = "Kompetensi"
)

// DetectFormat returns the format of a file from its name and first bytes
// (a few hundred are enough): ".json" or content starting with "{" is
// json; ".xlsx"/".xlsm" or a ZIP signature is xlsx; a CSV whose first
// header cell is Moodle's "Parent ID number" is moodle; anything else is
// csv.
func DetectFormat(name string, head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return FormatJSON
	case ".xlsx", ".xlsm":
		return FormatXLSX
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return FormatXLSX
	}
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return FormatJSON
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	cell, _, _ := strings.Cut(strings.NewReplacer(";", ",").Replace(string(first)), ",")
	if moodleKey(strings.Trim(cell, `"' `)) == "parentidnumber" {
		return FormatMoodle
	}
	return FormatCSV
}

// Read reads a framework in the format ("moodle", "csv", "xlsx", "json";
// "" detects it from the content). Problems carry the row of the file and
// a reason in Indonesian and English; when any problem is an error the
// framework is nil. The error reports an unreadable input or an unknown
// format.
func Read(r io.Reader, format string) (*Framework, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > MaxFileSize {
		return nil, []Problem{NewProblem(0, "file", "err.dict.file_too_large")}, nil
	}
	if format == "" {
		format = DetectFormat("", data)
	}
	switch strings.ToLower(format) {
	case FormatMoodle:
		return ReadMoodleCSV(bytes.NewReader(data))
	case FormatCSV:
		recs, ps := readCSVRecords(data)
		if HasErrors(ps) {
			return nil, ps, nil
		}
		return parseLayout(recs, nil, "", "")
	case FormatXLSX:
		return readXLSX(data)
	case FormatJSON:
		return readJSON(data)
	}
	return nil, nil, apperr.Invalid("format", "err.dict.format_unsupported", format)
}

// Write writes f in the format ("moodle", "csv", "xlsx", "json"). The
// Kompeten CSV is comma-separated UTF-8 with a BOM (Excel then shows it
// correctly); JSON is indented. Every cell of the CSV, XLSX and Moodle
// forms goes through table.SafeCell, so that a competency named
// =HYPERLINK(…) is text in a spreadsheet; Read removes the apostrophe
// again (readRecords).
func Write(w io.Writer, f *Framework, format string) error {
	if f == nil {
		return errors.New("dictionary: framework kosong")
	}
	switch strings.ToLower(format) {
	case FormatMoodle:
		return WriteMoodleCSV(w, f)
	case FormatCSV:
		bw := bufio.NewWriter(w)
		bw.WriteString("\ufeff") // so that Excel opens it as UTF-8
		cw := csv.NewWriter(bw)
		for _, row := range frameworkRows(f) {
			if err := cw.Write(safeRow(row)); err != nil {
				return err
			}
		}
		cw.Write([]string{})
		for _, row := range tableRows(f) {
			if err := cw.Write(safeRow(row)); err != nil {
				return err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		return bw.Flush()
	case FormatXLSX:
		return writeXLSX(w, f)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(f)
	}
	return apperr.Invalid("format", "err.dict.format_unsupported", format)
}

// safeRow returns row with every cell through table.SafeCell.
func safeRow(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = table.SafeCell(c)
	}
	return out
}

func frameworkRows(f *Framework) [][]string {
	vals := []string{f.Code, f.Name, f.Source, f.Version, f.Owner, f.Description}
	rows := make([][]string, len(FrameworkKeys))
	for i, k := range FrameworkKeys {
		rows[i] = []string{k, vals[i]}
	}
	return rows
}

func tableRows(f *Framework) [][]string {
	rows := [][]string{TableHeader}
	for _, c := range f.Competencies {
		row := []string{c.Code, c.Name, string(c.Group), c.Kind, c.ParentCode, c.Definition, strings.Join(c.Tags, ", ")}
		for _, l := range c.Levels {
			row = append(row, l.Description)
		}
		for _, l := range c.Levels {
			row = append(row, strings.Join(l.Indicators, IndicatorSeparator))
		}
		for _, l := range c.Levels {
			row = append(row, l.Title)
		}
		rows = append(rows, row)
	}
	return rows
}

// headerKey folds a header through the table reader's one matcher.
func headerKey(s string) string { return table.HeaderKey(s) }

// parseLayout reads the Kompeten layout. With block == nil the framework
// block is the rows of recs before the table header (CSV, single-sheet
// workbook); otherwise block holds it (sheet blockSheet) and recs is the
// table (sheet tableSheet).
func parseLayout(recs, block []csvRecord, blockSheet, tableSheet string) (*Framework, []Problem, error) {
	var ps []Problem
	add := func(row int, sheet, field string, warn bool, key string, args ...any) {
		p := NewProblem(row, field, key, args...)
		p.Sheet, p.Warning = sheet, warn
		ps = append(ps, p)
	}
	start := -1
	for i, rec := range recs {
		if len(rec.cells) > 0 && headerKey(rec.cells[0]) == "KODE" {
			start = i
			break
		}
	}
	if start < 0 {
		add(0, tableSheet, "header", false, "err.dict.table_header_missing")
		return nil, ps, nil
	}
	if block == nil {
		block, blockSheet = recs[:start], tableSheet
	}
	fw := &Framework{}
	fields := map[string]*string{"KODEKERANGKA": &fw.Code, "NAMAKERANGKA": &fw.Name, "SUMBER": &fw.Source,
		"VERSI": &fw.Version, "PEMILIK": &fw.Owner, "DESKRIPSIKERANGKA": &fw.Description}
	for _, rec := range block {
		if rec.blank() {
			continue
		}
		k := headerKey(rec.cells[0])
		p, ok := fields[k]
		if !ok {
			add(rec.line, blockSheet, "framework", true, "err.dict.unknown_framework_field_ignored", rec.cells[0])
			continue
		}
		if len(rec.cells) > 1 {
			*p = strings.TrimSpace(rec.cells[1])
		}
	}

	// Table header.
	head := recs[start]
	col := map[string]int{}
	for i, h := range head.cells {
		k := headerKey(h)
		if k == "" {
			continue
		}
		if _, dup := col[k]; dup {
			add(head.line, tableSheet, "header", false, "err.dict.column_appears_twice", h)
			continue
		}
		col[k] = i
	}
	known := map[string]bool{}
	for _, h := range TableHeader {
		known[headerKey(h)] = true
	}
	for i, h := range head.cells {
		if k := headerKey(h); k != "" && !known[k] && col[k] == i {
			add(head.line, tableSheet, "header", true, "err.dict.unknown_column_ignored", h)
		}
	}
	required := []string{"KODE", "NAMA", "KELOMPOK", "JENIS"}
	for i := 1; i <= NumLevels; i++ {
		required = append(required, fmt.Sprintf("LEVEL %d", i))
	}
	for _, h := range required {
		if _, ok := col[headerKey(h)]; !ok {
			add(head.line, tableSheet, "header", false, "err.dict.required_column_missing", h)
		}
	}
	if HasErrors(ps) {
		return nil, ps, nil
	}
	cell := func(rec csvRecord, h string) string {
		i, ok := col[headerKey(h)]
		if !ok || i >= len(rec.cells) {
			return ""
		}
		return strings.TrimSpace(rec.cells[i])
	}

	var lines []int
	for _, rec := range recs[start+1:] {
		if rec.blank() {
			continue
		}
		c := Competency{Code: cell(rec, "KODE"), Name: cell(rec, "NAMA"), ParentCode: cell(rec, "INDUK"),
			Definition: cell(rec, "DEFINISI"), Tags: splitTags(cell(rec, "TAG"))}
		if g := cell(rec, "KELOMPOK"); g != "" {
			if pg, ok := ParseGroup(g); ok {
				c.Group = pg
			} else {
				c.Group = Group(g) // Validate reports it on this row
			}
		}
		c.Kind = parseKind(cell(rec, "JENIS"))
		for i := range c.Levels {
			n := i + 1
			c.Levels[i].Description = cell(rec, fmt.Sprintf("LEVEL %d", n))
			c.Levels[i].Title = cell(rec, fmt.Sprintf("JUDUL LEVEL %d", n))
			if s := cell(rec, fmt.Sprintf("INDIKATOR %d", n)); s != "" {
				for _, ind := range strings.Split(s, "|") {
					if ind = strings.TrimSpace(ind); ind != "" {
						c.Levels[i].Indicators = append(c.Levels[i].Indicators, ind)
					}
				}
			}
		}
		fw.Competencies = append(fw.Competencies, c)
		lines = append(lines, rec.line)
	}
	vps := fw.Validate()
	for i := range vps {
		if vps[i].Row == 0 && strings.HasPrefix(vps[i].Field, "framework") {
			vps[i].Sheet = blockSheet
			continue
		}
		vps[i].Sheet = tableSheet
		if vps[i].Row > 0 && vps[i].Row <= len(lines) {
			vps[i].Row = lines[vps[i].Row-1]
		}
	}
	ps = sortProblems(append(ps, vps...))
	if HasErrors(ps) {
		return nil, ps, nil
	}
	return fw, ps, nil
}

// parseKind accepts "hard", "soft", "hard skill", "soft skill" in any case;
// anything else is returned lower-cased for Validate to report.
func parseKind(s string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(k, "skills"), "skill"))
	return k
}

// readXLSX reads a workbook through the one table reader: sheets are
// streamed and held to the reader's limits, and a damaged, truncated or
// oversized file is an error problem a clerk understands.
func readXLSX(data []byte) (*Framework, []Problem, error) {
	t, err := table.OpenBytes(data, "", table.Options{Format: table.XLSX, Limits: readLimits})
	if err != nil {
		return nil, []Problem{fileProblem(err)}, nil
	}
	defer t.Close()
	rowsOf := func(sheet string) ([]csvRecord, []Problem) {
		if err := t.SelectSheet(sheet); err != nil {
			return nil, []Problem{fileProblem(err)}
		}
		recs, ps := readRecords(t)
		for i := range ps {
			ps[i].Sheet = sheet
		}
		return recs, ps
	}
	sheets := t.Sheets()
	var fwSheet, compSheet string
	for _, s := range sheets {
		switch {
		case strings.EqualFold(s, SheetFramework):
			fwSheet = s
		case strings.EqualFold(s, SheetCompetencies):
			compSheet = s
		}
	}
	if compSheet != "" && fwSheet != "" {
		block, ps := rowsOf(fwSheet)
		if HasErrors(ps) {
			return nil, ps, nil
		}
		recs, ps := rowsOf(compSheet)
		if HasErrors(ps) {
			return nil, ps, nil
		}
		return parseLayout(recs, block, fwSheet, compSheet)
	}
	if compSheet == "" {
		compSheet = sheets[0]
	}
	recs, ps := rowsOf(compSheet)
	if HasErrors(ps) {
		return nil, ps, nil
	}
	return parseLayout(recs, nil, "", compSheet)
}

func writeXLSX(w io.Writer, f *Framework) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetFramework); err != nil {
		return err
	}
	if _, err := x.NewSheet(SheetCompetencies); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	put := func(sheet string, rows [][]string) error {
		for i, row := range rows {
			cells := make([]any, len(row))
			for j, v := range row {
				cells[j] = table.SafeCell(v)
			}
			axis, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := x.SetSheetRow(sheet, axis, &cells); err != nil {
				return err
			}
		}
		return nil
	}
	if err := put(SheetFramework, frameworkRows(f)); err != nil {
		return err
	}
	x.SetColStyle(SheetFramework, "A", bold)
	x.SetColWidth(SheetFramework, "A", "A", 22)
	x.SetColWidth(SheetFramework, "B", "B", 90)
	x.SetColStyle(SheetFramework, "B", wrap)
	table := tableRows(f)
	if err := put(SheetCompetencies, table); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(TableHeader))
	x.SetColWidth(SheetCompetencies, "A", "E", 14)
	x.SetColWidth(SheetCompetencies, "F", last, 40)
	x.SetRowStyle(SheetCompetencies, 1, 1, bold)
	x.SetPanes(SheetCompetencies, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	x.SetActiveSheet(1)
	return x.Write(w)
}

func readJSON(data []byte) (*Framework, []Problem, error) {
	var fw Framework
	if err := json.Unmarshal(data, &fw); err != nil {
		line, field := 0, "file"
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line = lineOf(data, se.Offset)
		case errors.As(err, &te):
			line, field = lineOf(data, te.Offset), te.Field
		}
		return nil, []Problem{NewProblem(line, field, "err.dict.json_invalid", err)}, nil
	}
	for i := range fw.Competencies {
		c := &fw.Competencies[i]
		if len(c.Tags) == 0 {
			c.Tags = nil
		}
		for l := range c.Levels {
			if len(c.Levels[l].Indicators) == 0 {
				c.Levels[l].Indicators = nil
			}
		}
	}
	ps := fw.Validate()
	if HasErrors(ps) {
		return nil, ps, nil
	}
	return &fw, ps, nil
}

// lineOf returns the 1-based line of a byte offset.
func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
