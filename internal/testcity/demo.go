package testcity

import (
	"context"

	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
)

// WithDemo seeds, instead of the standard city, the demo generator's city
// (package demo) of the given size and seed, loaded as `kompeten demo`
// loads it (store.LoadRegistry), with the built-in frameworks and the
// default templates applied to every position type (decree SK 1/2026 of
// 15 January 2026): hundreds of people in a real tree, for tests that
// compare a fast path with a plain one over many shapes. City.National and
// City.Digital hold the two built-in frameworks' competencies in order.
func WithDemo(employees int, seed int64) Option {
	return func(c *config) { c.demo = &demo.Options{Employees: employees, Seed: seed} }
}

func (c *City) addDemo(o demo.Options, must func(error)) {
	ctx := context.Background()
	city, err := demo.Generate(o)
	must(err)
	_, err = c.St.LoadRegistry(ctx, Sys, city.Units, city.Positions, func(add func(*model.Employee) error) error {
		return city.Employees(o, add)
	})
	must(err)
	c.National = c.national(must)
	_, err = c.St.SeedDefaultTemplates(ctx, Sys)
	must(err)
	for _, pt := range model.PositionTypes {
		_, err := c.St.ApplyTemplate(ctx, Sys, pt, "SK 1/2026", "2026-01-15", true)
		must(err)
	}
	fid, err := c.St.FrameworkID(ctx, "KOMPETENSI-DIGITAL-ASN", "")
	must(err)
	_, c.Digital, err = c.St.Framework(ctx, fid)
	must(err)
}
