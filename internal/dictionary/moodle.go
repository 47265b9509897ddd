package dictionary

import (
	"bufio"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/table"
)

// MoodleHeader is the header row Moodle's tool_lpimportcsv writes and reads
// (framework_importer::list_required_headers with the English strings of
// admin/tool/lpimportcsv/lang/en/tool_lpimportcsv.php), in column order.
var MoodleHeader = []string{
	"Parent ID number",
	"ID number",
	"Short name",
	"Description",
	"Description format",
	"Scale values",
	"Scale configuration",
	"Rule type (optional)",
	"Rule outcome (optional)",
	"Rule config (optional)",
	"Cross-referenced competency ID numbers",
	"Exported ID (optional)",
	"Is framework",
	"Taxonomy",
}

// Column indexes of the Moodle file (Moodle's default mapping).
const (
	mParent = iota
	mID
	mShort
	mDesc
	mDescFormat
	mScaleValues
	mScaleConfig
	mRuleType
	mRuleOutcome
	mRuleConfig
	mRelated
	mExportID
	mIsFramework
	mTaxonomy
	mColumns
)

// moodleKeys maps a normalised header (lower case, letters and digits only,
// "(optional)" removed) to its column; older Moodle versions wrote "Parent
// id number", "Shortname", "Cross referenced competency id numbers" and
// "Exported id (optional)", which normalise to the same keys.
var moodleKeys = map[string]int{
	"parentidnumber": mParent, "idnumber": mID, "shortname": mShort, "description": mDesc,
	"descriptionformat": mDescFormat, "scalevalues": mScaleValues, "scaleconfiguration": mScaleConfig,
	"ruletype": mRuleType, "ruleoutcome": mRuleOutcome, "ruleconfig": mRuleConfig,
	"crossreferencedcompetencyidnumbers": mRelated, "exportedid": mExportID,
	"isframework": mIsFramework, "taxonomy": mTaxonomy, "taxonomies": mTaxonomy,
}

func moodleKey(h string) string {
	h = strings.ReplaceAll(strings.ToLower(h), "(optional)", "")
	return strings.ToLower(table.HeaderKey(h))
}

// MoodleScaleValues is the scale Kompeten writes on the framework row.
const MoodleScaleValues = "Level 1,Level 2,Level 3,Level 4,Level 5"

// MoodleScaleConfiguration marks level 1 as the default and levels 3–5 as
// proficient; Moodle replaces the scale id with that of the scale it finds
// or creates for MoodleScaleValues. The required level of a position lives
// in Kompeten's position standards, not in Moodle.
const MoodleScaleConfiguration = `[{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},{"id":3,"scaledefault":0,"proficient":1},{"id":4,"scaledefault":0,"proficient":1},{"id":5,"scaledefault":0,"proficient":1}]`

// WriteMoodleCSV writes f as Moodle's framework_exporter does: the header
// row (MoodleHeader), the framework row (Is framework = 1, scale
// MoodleScaleValues, taxonomy "competency" per depth, at least four), then
// one row per competency with its parent's ID number, description format
// 1 (HTML), rule outcome 0, rule config "null" and an exported ID counting
// from 1. Fields are quoted as PHP's fputcsv quotes them (when they contain
// a comma, quote, backslash, space, tab or line break; quotes doubled) and
// lines end with "\n". Every field goes through table.SafeCell first: a
// Moodle file is often opened in a spreadsheet on its way.
//
// Moodle has no fields for Kompeten's source, version, owner, group, kind,
// tags and levels, so they travel inside the HTML descriptions in a form
// a Moodle user can read and ReadMoodleCSV parses back:
//
//	<p>Definition</p>
//	<p class="kompeten-meta">Kelompok: teknis<br>Jenis: hard<br>Tag: a, b</p>
//	<ol class="kompeten-levels">
//	<li><strong>Level 1: Title</strong> Description<ul><li>Indicator</li></ul></li>
//	...
//	</ol>
//
// and, for the framework, <p>Description</p><p class="kompeten-meta">
// Sumber: …<br>Versi: …<br>Pemilik: …</p>.
func WriteMoodleCSV(w io.Writer, f *Framework) error {
	if f == nil {
		return errors.New("dictionary: framework kosong")
	}
	bw := bufio.NewWriter(w)
	rows := [][]string{MoodleHeader}
	depth := 4
	for _, c := range f.Competencies {
		if d := f.depth(c.Code); d > depth {
			depth = d
		}
	}
	rows = append(rows, []string{"", f.Code, f.Name, frameworkHTML(f), "1", MoodleScaleValues,
		MoodleScaleConfiguration, "", "", "", "", "", "1", strings.TrimSuffix(strings.Repeat("competency,", depth), ",")})
	for i, c := range f.Competencies {
		rows = append(rows, []string{c.ParentCode, c.Code, c.Name, competencyHTML(&c), "1", "", "",
			"", "0", "null", "", strconv.Itoa(i + 1), "", ""})
	}
	for _, row := range rows {
		for i, cell := range row {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(phpCSVField(table.SafeCell(cell)))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// depth returns the depth of the competency (1 = top level), bounded so
// that a cycle does not loop.
func (f *Framework) depth(code string) int {
	d := 1
	for c := f.Find(code); c != nil && c.ParentCode != "" && d <= len(f.Competencies); d++ {
		c = f.Find(c.ParentCode)
	}
	return d
}

// phpCSVField quotes a field the way PHP's fputcsv does.
func phpCSVField(s string) string {
	if !strings.ContainsAny(s, ",\"\\ \t\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func esc(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

func frameworkHTML(f *Framework) string {
	var b strings.Builder
	if f.Description != "" {
		b.WriteString("<p>" + esc(f.Description) + "</p>")
	}
	b.WriteString(`<p class="kompeten-meta">Sumber: ` + esc(f.Source) + "<br>Versi: " + esc(f.Version) +
		"<br>Pemilik: " + esc(f.Owner) + "</p>")
	return b.String()
}

func competencyHTML(c *Competency) string {
	var b strings.Builder
	if c.Definition != "" {
		b.WriteString("<p>" + esc(c.Definition) + "</p>\n")
	}
	b.WriteString(`<p class="kompeten-meta">Kelompok: ` + esc(string(c.Group)) + "<br>Jenis: " + esc(c.Kind) +
		"<br>Tag: " + esc(strings.Join(c.Tags, ", ")) + "</p>\n")
	b.WriteString(`<ol class="kompeten-levels">` + "\n")
	for i, l := range c.Levels {
		fmt.Fprintf(&b, "<li><strong>Level %d: %s</strong> %s", i+1, esc(l.Title), esc(l.Description))
		if len(l.Indicators) > 0 {
			b.WriteString("<ul>")
			for _, ind := range l.Indicators {
				b.WriteString("<li>" + esc(ind) + "</li>")
			}
			b.WriteString("</ul>")
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>")
	return b.String()
}

var (
	reMeta   = regexp.MustCompile(`(?is)<p[^>]*>\s*((?:Kelompok|Sumber)\s*:.*?)</p>`)
	reLevels = regexp.MustCompile(`(?is)<ol[^>]*>\s*<li[^>]*>\s*<strong>\s*Level\s+1\b.*</ol>`)
	reLevel  = regexp.MustCompile(`(?is)<li[^>]*>\s*<strong>\s*Level\s+([1-5])\s*:?\s*(.*?)</strong>\s*(.*?)\s*(?:<ul[^>]*>(.*?)</ul>\s*)?</li>`)
	reItem   = regexp.MustCompile(`(?is)<li[^>]*>(.*?)</li>`)
	reBreak  = regexp.MustCompile(`(?i)<br\s*/?>|</p>\s*<p[^>]*>|</li>|</h[1-6]>`)
	reTag    = regexp.MustCompile(`<[^>]*>`)
)

// htmlText turns a Moodle HTML description into plain text: line breaks
// and paragraph ends become "\n", other tags are dropped, entities decoded,
// each line trimmed.
func htmlText(s string) string {
	s = reBreak.ReplaceAllString(s, "\n")
	s = html.UnescapeString(reTag.ReplaceAllString(s, ""))
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// metaFields reads "Key: value" lines of a kompeten-meta paragraph.
func metaFields(s string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(htmlText(s), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			m[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	return m
}

// splitDescription separates a Moodle HTML description into its free text
// and the Kompeten meta paragraph and level list, when present.
func splitDescription(desc string) (text string, meta map[string]string, levels string) {
	if loc := reLevels.FindStringIndex(desc); loc != nil {
		levels = desc[loc[0]:loc[1]]
		desc = desc[:loc[0]] + desc[loc[1]:]
	}
	if m := reMeta.FindStringSubmatchIndex(desc); m != nil {
		meta = metaFields(desc[m[2]:m[3]])
		desc = desc[:m[0]] + desc[m[1]:]
	}
	return htmlText(desc), meta, levels
}

// parseLevels reads the Kompeten level list; ok is false unless all five
// levels are present.
func parseLevels(s string) (out [NumLevels]Level, ok bool) {
	seen := 0
	for _, m := range reLevel.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		l := Level{Title: htmlText(m[2]), Description: htmlText(m[3])}
		for _, it := range reItem.FindAllStringSubmatch(m[4], -1) {
			l.Indicators = append(l.Indicators, htmlText(it[1]))
		}
		out[n-1] = l
		seen |= 1 << (n - 1)
	}
	return out, seen == 1<<NumLevels-1
}

// ReadMoodleCSV reads a competency framework file of Moodle's
// tool_lpimportcsv (as Moodle exports it, or as WriteMoodleCSV writes it).
// Columns are found by their header (current and older English Moodle
// headers); a file whose header is not recognised but has Moodle's 14
// columns is read by position, with a warning. The comma or semicolon
// delimiter and a UTF-8 BOM are accepted. Descriptions written by
// WriteMoodleCSV give back the levels, group, kind, tags, source, version
// and owner; a competency without them gets levels titled and described
// "Level n", group teknis and kind hard, with a warning. Rules,
// cross-references and per-competency scales are not kept (warning).
//
// Problems carry the file line. When any problem is an error the framework
// is nil. The error is for a failing reader only.
func ReadMoodleCSV(r io.Reader) (*Framework, []Problem, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	recs, ps := readCSVRecords(data)
	if HasErrors(ps) {
		return nil, ps, nil
	}
	add := func(row int, field string, warn bool, key string, args ...any) {
		p := NewProblem(row, field, key, args...)
		p.Warning = warn
		ps = append(ps, p)
	}
	if len(recs) == 0 {
		add(0, "file", false, "err.dict.file_empty")
		return nil, ps, nil
	}
	// Header.
	col := make([]int, mColumns)
	for i := range col {
		col[i] = -1
	}
	for i, h := range recs[0].cells {
		if k, ok := moodleKeys[moodleKey(h)]; ok && col[k] < 0 {
			col[k] = i
		}
	}
	if col[mID] < 0 || col[mShort] < 0 || col[mIsFramework] < 0 || col[mParent] < 0 {
		if len(recs[0].cells) >= mIsFramework+1 {
			for i := range col {
				col[i] = i
			}
			add(recs[0].line, "header", true, "err.dict.moodle_headers_unknown")
		} else {
			add(recs[0].line, "header", false, "err.dict.not_moodle")
			return nil, ps, nil
		}
	}
	get := func(rec csvRecord, k int) string {
		if col[k] < 0 || col[k] >= len(rec.cells) {
			return ""
		}
		return rec.cells[col[k]]
	}

	var fw *Framework
	var comps []Competency
	var lines []int // file line per competency
	ignored := map[string]bool{}
	for _, rec := range recs[1:] {
		if rec.blank() {
			continue
		}
		isfw := strings.TrimSpace(get(rec, mIsFramework))
		if isfw != "" && isfw != "0" && !strings.EqualFold(isfw, "false") {
			if fw != nil {
				add(rec.line, "is_framework", false, "err.dict.moodle_two_framework_rows")
				continue
			}
			fw = &Framework{Code: strings.TrimSpace(get(rec, mID)), Name: strings.TrimSpace(get(rec, mShort))}
			text, meta, _ := moodleDescription(get(rec, mDesc), get(rec, mDescFormat))
			fw.Description = text
			fw.Source, fw.Version, fw.Owner = meta["sumber"], meta["versi"], meta["pemilik"]
			if sv := strings.TrimSpace(get(rec, mScaleValues)); sv != "" && len(strings.Split(sv, ",")) != NumLevels {
				n := len(strings.Split(sv, ","))
				add(rec.line, "scale_values", true, "err.dict.moodle_scale", n)
			}
			if fw.Code == "" {
				add(rec.line, "framework.code", false, "err.dict.framework_id_number_required")
			}
			if fw.Name == "" {
				add(rec.line, "framework.name", false, "err.dict.framework_short_name_required")
			}
			continue
		}
		c := Competency{Code: strings.TrimSpace(get(rec, mID)), Name: strings.TrimSpace(get(rec, mShort)),
			ParentCode: strings.TrimSpace(get(rec, mParent))}
		text, meta, levels := moodleDescription(get(rec, mDesc), get(rec, mDescFormat))
		c.Definition = text
		lvls, ok := parseLevels(levels)
		if ok && meta != nil {
			c.Levels = lvls
			g, gok := ParseGroup(meta["kelompok"])
			if !gok {
				add(rec.line, "group", false, "err.dict.moodle_group_unknown", meta["kelompok"])
			}
			c.Group = g
			c.Kind = strings.ToLower(meta["jenis"])
			c.Tags = splitTags(meta["tag"])
		} else {
			for i := range c.Levels {
				c.Levels[i] = Level{Title: fmt.Sprintf("Level %d", i+1), Description: fmt.Sprintf("Level %d", i+1)}
			}
			c.Group, c.Kind = GroupTeknis, KindHard
			add(rec.line, "levels", true, "err.dict.moodle_no_levels")
		}
		for _, ig := range []struct {
			k    int
			name string
		}{{mRuleType, "Rule type"}, {mRelated, "Cross-referenced competency ID numbers"}, {mScaleValues, "Scale values"}} {
			k, name := ig.k, ig.name
			if v := strings.TrimSpace(get(rec, k)); v != "" && !ignored[name] {
				ignored[name] = true
				add(rec.line, moodleKey(name), true, "err.dict.moodle_column_ignored", name)
			}
		}
		comps = append(comps, c)
		lines = append(lines, rec.line)
	}
	if fw == nil {
		add(0, "is_framework", false, "err.dict.moodle_framework_row_missing")
		return nil, ps, nil
	}
	fw.Competencies = comps
	ps = sortProblems(append(ps, mapRows(fw.Validate(), lines, "")...))
	if HasErrors(ps) {
		return nil, ps, nil
	}
	return fw, ps, nil
}

// moodleDescription parses a description by its format: 1 (HTML) and 0
// (Moodle auto-format) are parsed as HTML; 2 (plain) and 4 (Markdown) are
// kept as text.
func moodleDescription(desc, format string) (string, map[string]string, string) {
	switch strings.TrimSpace(format) {
	case "2", "4":
		return strings.TrimSpace(desc), nil, ""
	}
	return splitDescription(desc)
}

// splitTags splits a tag list written with commas or semicolons; tags are
// trimmed and lower-cased.
func splitTags(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// sortProblems orders problems by sheet (in order of first appearance)
// and row, keeping the order of problems on the same row.
func sortProblems(ps []Problem) []Problem {
	rank := map[string]int{}
	for _, p := range ps {
		if _, ok := rank[p.Sheet]; !ok {
			rank[p.Sheet] = len(rank)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if rank[ps[i].Sheet] != rank[ps[j].Sheet] {
			return rank[ps[i].Sheet] < rank[ps[j].Sheet]
		}
		return ps[i].Row < ps[j].Row
	})
	return ps
}

// mapRows turns Validate's competency positions into file rows.
func mapRows(ps []Problem, lines []int, sheet string) []Problem {
	for i := range ps {
		if ps[i].Row > 0 && ps[i].Row <= len(lines) {
			ps[i].Row = lines[ps[i].Row-1]
		}
		ps[i].Sheet = sheet
	}
	return ps
}

// csvRecord is one CSV record with the line it starts on.
type csvRecord struct {
	line  int
	cells []string
}

func (r csvRecord) blank() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readLimits bound a framework file: the reader's defaults, with room for
// long descriptions (a Moodle description holds every level in HTML).
var readLimits = table.Limits{MaxCellBytes: 256 << 10, MaxRecordBytes: 2 << 20}

// readCSVRecords reads CSV bytes through the one table reader (UTF-8,
// optional BOM, comma, semicolon or tab detected) into records; a
// malformed record or one over the limits is an error problem with its
// line.
func readCSVRecords(data []byte) ([]csvRecord, []Problem) {
	t, err := table.OpenBytes(data, "", table.Options{Format: table.CSV, Limits: readLimits})
	if err != nil {
		return nil, []Problem{fileProblem(err)}
	}
	defer t.Close()
	return readRecords(t)
}

// readRecords reads every row of a table (blank rows included, as the
// layouts need them to find their blocks) with its line.
func readRecords(t *table.Table) ([]csvRecord, []Problem) {
	var out []csvRecord
	for {
		cells, line, err := t.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			p := fileProblem(err)
			p.Row = line
			return nil, []Problem{p}
		}
		rec := csvRecord{line: line, cells: make([]string, len(cells))}
		for i, c := range cells {
			rec.cells[i] = table.PlainCell(c) // undoes Write's table.SafeCell
		}
		out = append(out, rec)
	}
}

// fileProblem is the problem of a file the table reader refused.
func fileProblem(err error) Problem {
	var te *table.Error
	if errors.As(err, &te) {
		return Problem{Row: te.Line, Field: "file", Msg: i18n.Msg{Message: te.ID, MessageEN: te.EN}}
	}
	return Problem{Field: "file", Msg: i18n.Msg{Message: fmt.Sprintf("berkas tidak dapat dibaca: %v", err),
		MessageEN: fmt.Sprintf("the file cannot be read: %v", err)}}
}
