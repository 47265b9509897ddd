package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/dictionary"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Decree the demo city's position standards are set by.
const (
	demoDecreeNo   = "Perwal Medan No. 12 Tahun 2026"
	demoDecreeDate = "2026-01-15"
)

// demoStandards fills the default templates, adds three basic digital
// competencies to each (twelve per standard, like a real SKJ's managerial
// and socio-cultural nine plus technical ones), and applies them to every
// position type of the demo city, so that every position has a standard;
// teachers' and health workers' posts then add their technical framework's
// competencies (demoTechnicalStandards).
func demoStandards(ctx context.Context, env *Env, st *store.Store) error {
	start := time.Now()
	if _, err := st.EnsureBuiltInFrameworks(ctx, cliActor); err != nil {
		return err
	}
	if _, err := st.SeedDefaultTemplates(ctx, cliActor); err != nil {
		return err
	}
	if err := demoDigitalTemplates(ctx, st); err != nil {
		return err
	}
	var total store.ApplyResult
	for _, t := range model.PositionTypes {
		res, err := st.ApplyTemplate(ctx, cliActor, t, demoDecreeNo, demoDecreeDate, true)
		if err != nil {
			return err
		}
		total.Positions += res.Positions
		total.Items += res.Items
	}
	technical, err := demoTechnicalStandards(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.standards",
		demoDecreeNo, total.Positions, total.Items, technical, time.Since(start).Round(time.Millisecond)))
	return nil
}

// demoDigitalTemplates adds DIG-01 (information and data literacy), DIG-03
// (digital communication and collaboration) and DIG-05 (digital ethics) to
// every default template that has no digital competency yet, at the
// template's national level capped at 3.
func demoDigitalTemplates(ctx context.Context, st *store.Store) error {
	fid, err := st.FrameworkID(ctx, "KOMPETENSI-DIGITAL-ASN", "")
	if err != nil {
		return err
	}
	_, digital, err := st.Framework(ctx, fid)
	if err != nil {
		return err
	}
	if len(digital) < 5 {
		return nil
	}
	isDigital := map[int64]bool{}
	for _, id := range digital {
		isDigital[id] = true
	}
	for _, k := range model.TemplateKeys() {
		items, err := st.TemplateFor(ctx, k.Type, k.Jenjang)
		if err != nil {
			return err
		}
		if len(items) == 0 || slices.ContainsFunc(items, func(it model.StandardItem) bool { return isDigital[it.CompetencyID] }) {
			continue
		}
		level := min(max(model.DefaultRequiredLevel(k.Type, k.Jenjang), 1), 3)
		for _, id := range []int64{digital[0], digital[2], digital[4]} {
			items = append(items, model.StandardItem{CompetencyID: id, Required: level, Weight: 1, Mandatory: true})
		}
		if err := st.SetTemplate(ctx, cliActor, k.Type, k.Jenjang, items); err != nil {
			return err
		}
	}
	return nil
}

// demoTechnicalPrefixes are the titles of the demo's posts whose standards
// take a technical framework of the largest groups (domain.md §6): teachers
// and health workers.
var demoTechnicalPrefixes = []struct{ prefix, framework string }{
	{"Guru", dictionary.CodeGuru},
	{"Dokter", dictionary.CodeHealth}, {"Perawat", dictionary.CodeHealth}, {"Bidan", dictionary.CodeHealth},
	{"Apoteker", dictionary.CodeHealth}, {"Asisten Apoteker", dictionary.CodeHealth}, {"Pranata Laboratorium Kesehatan", dictionary.CodeHealth},
	{"Nutrisionis", dictionary.CodeHealth}, {"Tenaga Sanitasi Lingkungan", dictionary.CodeHealth}, {"Penyuluh Kesehatan", dictionary.CodeHealth},
	{"Epidemiolog", dictionary.CodeHealth}, {"Perekam Medis", dictionary.CodeHealth}, {"Radiografer", dictionary.CodeHealth},
	{"Administrator Kesehatan", dictionary.CodeHealth},
}

// demoTechnicalStandards gives every teacher and health post of the demo
// city a standard that adds the competencies of its technical framework
// (TEKNIS-GURU, TEKNIS-KESEHATAN) to the template's, at the post's default
// level, under the same decree, all in one transaction (store.SetStandards).
// It returns how many posts it changed.
func demoTechnicalStandards(ctx context.Context, st *store.Store) (int, error) {
	comps := map[string][]int64{}
	for _, code := range []string{dictionary.CodeGuru, dictionary.CodeHealth} {
		fid, err := st.FrameworkID(ctx, code, "")
		if err != nil {
			return 0, err
		}
		if _, comps[code], err = st.Framework(ctx, fid); err != nil {
			return 0, err
		}
	}
	changed := map[int64][]model.StandardItem{}
	for offset := 0; ; offset += 1000 {
		page, more, err := st.PositionsPage(ctx, offset, 1000)
		if err != nil {
			return 0, err
		}
		for _, p := range page {
			code := ""
			for _, t := range demoTechnicalPrefixes {
				if strings.HasPrefix(p.Title, t.prefix) {
					code = t.framework
				}
			}
			if code == "" {
				continue
			}
			cur, err := st.CurrentStandard(ctx, p.ID)
			if err != nil {
				return 0, err
			}
			if cur == nil {
				continue
			}
			items := slices.Clone(cur.Items)
			level := min(max(model.DefaultRequiredLevel(p.Type, p.Jenjang), 1), dictionary.NumLevels)
			for _, id := range comps[code] {
				if !slices.ContainsFunc(items, func(it model.StandardItem) bool { return it.CompetencyID == id }) {
					items = append(items, model.StandardItem{CompetencyID: id, Required: level, Weight: 1, Mandatory: true})
				}
			}
			if len(items) == len(cur.Items) {
				continue
			}
			changed[p.ID] = items
		}
		if !more {
			return len(changed), st.SetStandards(ctx, cliActor, demoDecreeNo, demoDecreeDate, changed)
		}
	}
}
