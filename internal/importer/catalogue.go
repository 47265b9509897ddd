package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TalentCatalogue is the kind of a catalogue (programmes) import.
const TalentCatalogue = "catalogue"

// catalogueFields are the columns of a catalogue file, in the order the
// export writes them.
var catalogueFields = []field{
	{Key: "code", Header: "KODE", Aliases: []string{"KODE PROGRAM"}},
	{Key: "title", Header: "JUDUL", Aliases: []string{"JUDUL PROGRAM", "NAMA PROGRAM"}},
	{Key: "description", Header: "URAIAN", Aliases: []string{"DESKRIPSI"}},
	{Key: "form", Header: "BENTUK", Aliases: []string{"BENTUK PENGEMBANGAN"}},
	{Key: "model", Header: "MODEL", Aliases: []string{"MODEL PEMBELAJARAN"}},
	{Key: "delivery", Header: "PENYAMPAIAN", Aliases: []string{"METODE"}},
	{Key: "jp", Header: "JP"},
	{Key: "cost", Header: "BIAYA", Aliases: []string{"BIAYA PER PESERTA"}},
	{Key: "capacity", Header: "KAPASITAS"},
	{Key: "prerequisites", Header: "PRASYARAT"},
	{Key: "provider", Header: "MITRA", Aliases: []string{"PENYELENGGARA", "NAMA MITRA"}},
	{Key: "framework", Header: "KERANGKA", Aliases: []string{"KODE KERANGKA"}},
	{Key: "competencies", Header: "KOMPETENSI"},
	{Key: "active", Header: "AKTIF"},
}

// catalogueColumn names the file column of a model.Programme field.
var catalogueColumn = map[string]string{"code": "code", "title": "title", "description": "description", "form": "form",
	"model": "model", "delivery": "delivery", "jp": "jp", "cost": "cost", "capacity": "capacity", "prerequisites": "prerequisites",
	"provider": "provider", "competencies": "competencies"}

// CatalogueOptions control a catalogue import.
type CatalogueOptions struct {
	Actor model.Actor
	// Framework is the code of the framework whose competency codes the
	// KOMPETENSI cells name when a row has no KERANGKA (default: the
	// national framework).
	Framework string
	// Provider, when not 0, is the only partner the rows may name (a
	// provider account imports its own partner's programmes only).
	Provider int64
	Apply    bool
	File     string
}

// Catalogue imports programmes from a CSV or XLSX file read through the
// table reader: KODE (matched against the catalogue: an existing code is
// updated, a new one created), JUDUL, URAIAN, BENTUK, MODEL, PENYAMPAIAN,
// JP, BIAYA, KAPASITAS, PRASYARAT, MITRA (a partner's name), KERANGKA and
// KOMPETENSI ("CODE:level;CODE:level" against the row's framework code, or
// o.Framework; "FRAMEWORK/CODE:level" names another), AKTIF (ya/tidak).
// Every bad row is reported with its line, column, value and reason; the
// good rows are written by store.ImportCatalogue in one transaction only
// with o.Apply and only when no row is bad: all or nothing.
func Catalogue(ctx context.Context, st *store.Store, o CatalogueOptions, data []byte) (*TalentReport, error) {
	start := time.Now()
	sum := sha256.Sum256(data)
	rep := &TalentReport{Kind: TalentCatalogue, File: o.File, SHA256: hex.EncodeToString(sum[:])}
	if len(data) > store.MaxImportFileSize {
		rep.FileError = true
		rep.add(TalentProblem{Code: "file", Message: fmt.Sprintf("berkas lebih dari %d MB", store.MaxImportFileSize>>20),
			MessageEN: fmt.Sprintf("the file is larger than %d MB", store.MaxImportFileSize>>20)})
		return rep, nil
	}
	f := readTalentFile(data, catalogueFields, [][]string{{"code"}, {"title"}, {"form"}, {"delivery"}, {"jp"}, {"provider"}}, rep)
	if f == nil {
		rep.Duration = time.Since(start)
		return rep, nil
	}
	if o.Framework == "" {
		o.Framework = dictionary.CodeNational
	}
	codes, err := st.ProgrammeIDsByCode(ctx)
	if err != nil {
		return nil, err
	}
	partners, err := st.Providers(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]int64{}
	for _, v := range partners {
		byName[strings.ToLower(v.Name)] = v.ID
	}
	comps, err := st.CompetencyRefs(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	var rows []model.Programme
	var lines []talentRow
	for _, r := range f.rows {
		rep.Rows++
		reject, bad := rowProblems(rep, f, r)
		get := func(k string) string { return cleanCell(r.get(k)) }
		p := model.Programme{Code: get("code"), Title: get("title"), Description: get("description"), Form: model.DevForm(get("form")),
			Model: model.LearningModel(get("model")), Delivery: model.Delivery(get("delivery")), Prerequisites: get("prerequisites"), Active: true}
		if line, dup := seen[strings.ToUpper(p.Code)]; dup && p.Code != "" {
			reject("code", "code.twice", p.Code, fmt.Sprintf("kode program sudah dipakai di baris %d", line),
				fmt.Sprintf("programme code already used on line %d", line))
		}
		seen[strings.ToUpper(p.Code)] = r.line
		p.ID = codes[p.Code]
		num := func(k string, to func(int64)) {
			v := strings.ReplaceAll(get(k), ".", "")
			if v == "" {
				return
			}
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				reject(k, "number.bad", get(k), "bukan bilangan bulat tidak negatif", "not a whole number of zero or more")
				return
			}
			to(n)
		}
		num("jp", func(n int64) { p.JP = int(min(n, 1<<30)) })
		num("cost", func(n int64) { p.Cost = n })
		num("capacity", func(n int64) { p.Capacity = int(min(n, 1<<30)) })
		switch v := strings.ToLower(get("active")); v {
		case "", "ya", "y", "yes", "1", "aktif":
		case "tidak", "t", "no", "0", "nonaktif":
			p.Active = false
		default:
			reject("active", "active.bad", get("active"), "isi ya atau tidak", "write ya or tidak")
		}
		if id, ok := byName[strings.ToLower(get("provider"))]; ok && (o.Provider == 0 || id == o.Provider) {
			p.ProviderID = id
		} else if ok {
			reject("provider", "provider.other", get("provider"), "mitra lain: Anda hanya mengimpor program mitra Anda",
				"another partner: you import your own partner's programmes only")
		} else {
			reject("provider", "provider.unknown", get("provider"), "mitra tidak terdaftar", "unknown partner")
		}
		fw := strings.ToUpper(get("framework"))
		if fw == "" {
			fw = strings.ToUpper(o.Framework)
		}
		p.Competencies = parseCompetencies(get("competencies"), fw, comps, reject)
		if !*bad {
			if err := p.Validate(); err != nil {
				reject(catalogueColumnOf(err), "programme", cellOf(r, catalogueColumnOf(err)), apperr.Message(i18n.ID, err), apperr.Message(i18n.EN, err))
			}
		}
		if *bad {
			rep.Bad++
			continue
		}
		rows = append(rows, p)
		lines = append(lines, r)
	}
	if rep.Bad > 0 || len(rows) == 0 {
		rep.Duration = time.Since(start)
		return rep, nil
	}
	ev := store.CatalogueImportEvent{File: o.File, SHA256: rep.SHA256, Rows: rep.Rows}
	_, _, err = st.ImportCatalogue(ctx, o.Actor, ev, rows, o.Apply)
	var re *store.CatalogueRowError
	switch {
	case errors.As(err, &re):
		rep.Bad++
		k := catalogueColumnOf(re.Err)
		rep.add(TalentProblem{Line: lines[re.Row].line, Column: f.colName[k], Value: cellOf(lines[re.Row], k), Code: "programme",
			Message: apperr.Message(i18n.ID, re.Err), MessageEN: apperr.Message(i18n.EN, re.Err)})
	case err != nil:
		return nil, err
	default:
		rep.Good = len(rows)
		rep.Applied = o.Apply
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	rep.Duration = time.Since(start)
	return rep, nil
}

// parseCompetencies reads "CODE:level;CODE:level" against framework fw;
// "FW/CODE:level" names a competency of framework FW.
func parseCompetencies(cell, fw string, comps map[string]map[string]store.CompetencyRef, reject func(k, code, value, id, en string)) []model.ProgrammeCompetency {
	var out []model.ProgrammeCompetency
	for part := range strings.SplitSeq(cell, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		code, lvl, ok := strings.Cut(part, ":")
		level, err := strconv.Atoi(strings.TrimSpace(lvl))
		if !ok || err != nil || level < 1 || level > 5 {
			reject("competencies", "competency.level", part, "tulis KODE:level dengan level 1 sampai 5", "write CODE:level with a level from 1 to 5")
			continue
		}
		f := fw
		if a, b, ok := strings.Cut(code, "/"); ok {
			f, code = strings.ToUpper(strings.TrimSpace(a)), b
		}
		c, found := comps[f][strings.ToUpper(strings.TrimSpace(code))]
		if !found {
			reject("competencies", "competency.unknown", part, "kompetensi tidak ada di kerangka "+f, "no such competency in framework "+f)
			continue
		}
		out = append(out, model.ProgrammeCompetency{CompetencyID: c.ID, Level: level})
	}
	return out
}

// catalogueColumnOf is the file column of the field an error names.
func catalogueColumnOf(err error) string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		if k, ok := catalogueColumn[ae.Field]; ok {
			return k
		}
	}
	return "code"
}

func cellOf(r talentRow, k string) string { return cleanCell(r.get(k)) }

// ExportCatalogue writes the catalogue's programmes (of one partner when
// provider is not 0) as "csv" or "xlsx" in the import's columns, so that
// the file re-imports to the same catalogue. KERANGKA is the framework of
// the first competency; a competency of another framework is written as
// FRAMEWORK/CODE:level.
func ExportCatalogue(ctx context.Context, st *store.Store, w io.Writer, format string, provider int64) error {
	list, err := st.CatalogueExport(ctx, provider)
	if err != nil {
		return err
	}
	rw, err := newRowWriter(w, format, "Katalog")
	if err != nil {
		return err
	}
	if err := rw.write(headersOf(catalogueFields)); err != nil {
		return err
	}
	for _, p := range list {
		fw := ""
		var comps []string
		for i, c := range p.Competencies {
			if i == 0 {
				fw = p.CompetencyFrameworks[0]
			}
			code := c.Code
			if p.CompetencyFrameworks[i] != fw {
				code = p.CompetencyFrameworks[i] + "/" + code
			}
			comps = append(comps, fmt.Sprintf("%s:%d", code, c.Level))
		}
		active := "ya"
		if !p.Active {
			active = "tidak"
		}
		if err := rw.write([]string{p.Code, p.Title, p.Description, string(p.Form), string(p.Model), string(p.Delivery),
			strconv.Itoa(p.JP), strconv.FormatInt(p.Cost, 10), strconv.Itoa(p.Capacity), p.Prerequisites, p.ProviderName, fw,
			strings.Join(comps, ";"), active}); err != nil {
			return err
		}
	}
	return rw.close()
}
