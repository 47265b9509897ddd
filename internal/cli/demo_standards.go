package cli

import (
	"context"
	"fmt"
	"slices"
	"time"

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
// position type of the demo city, so that every position has a standard.
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
	fmt.Fprintln(env.Stdout, msg("cli.demo.standards",
		demoDecreeNo, total.Positions, total.Items, time.Since(start).Round(time.Millisecond)))
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
