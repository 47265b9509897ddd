// Package needs is the arithmetic of the needs analysis (AKPK, Analisis
// Kebutuhan Pengembangan Kompetensi): for every competency required by the
// standards in force, how many active employees are assessed against it,
// how many fall short (actual level below the required one), by how much on
// average, and the weighted need Σ shortfall × weight. The weight of a
// standard item is the "position criticality" of domain.md: a competency
// the decree weighs 3 in a post counts three times as much as one weighed
// 1. Unassessed competencies add nothing to the need (see
// gap.Gap.Shortfall) but are counted separately, because an unknown level
// is a need for assessment, not for training.
//
// It is pure: the store reads every employee's standard and levels once
// and tallies them per unit here (Tally.AddEmployee), rolls the tallies up
// the tree once (RollUp), and keeps them; each page's analysis is then
// assembled here from the tallies of the units it covers (Analyse), in
// O(rows × competencies) whatever the size of the city.
package needs
