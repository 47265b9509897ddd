package testcity

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/model"
)

// Unit is one unit of the tree Tree seeds, with its posts.
type Unit struct {
	Code, Name string
	Kind       model.UnitKind
	Parent     string           // the parent's code; "" for a root
	Posts      []model.Position // UnitID is filled in
}

// Person is one employee WithPeople seeds: an active PNS of golongan III/a
// born on the date the NIP carries, of the gender it carries.
type Person struct {
	NIP, Name string
	Unit      string // the unit's code
	Post      string // the post's key in City.Posts; "" for none
}

// Tree seeds the given units (parents first) and their posts instead of
// the standard city: no people and no accounts, for tests of an import
// that must find an empty registry (the bulk path) or that name units and
// posts by their codes. City.Units holds the units by code, City.Posts the
// posts by code (by title for a post without one).
func Tree(units ...Unit) Option {
	return func(c *config) { c.tree = append(c.tree, units...) }
}

// WithPeople seeds the given people after the tree (City.ByNIP holds
// them).
func WithPeople(people ...Person) Option {
	return func(c *config) { c.people = append(c.people, people...) }
}

// WithNationalStandard gives the post with code post a standard (decree
// SK-1/2025 of 2 January 2025) of the first n national competencies at
// level required, weight 1, mandatory; City.National holds the national
// framework's competencies in order.
func WithNationalStandard(post string, n, required int) Option {
	return func(c *config) { c.natPost, c.natN, c.natRequired = post, n, required }
}

func (c *City) addTree(units []Unit, must func(error)) {
	ctx := context.Background()
	c.Units, c.Posts = map[string]model.OrgUnit{}, map[string]model.Position{}
	for _, spec := range units {
		u := model.OrgUnit{Code: spec.Code, Name: spec.Name, Kind: spec.Kind}
		if spec.Parent != "" {
			p, ok := c.Units[spec.Parent]
			if !ok {
				must(fmt.Errorf("testcity: unit %s names parent %s before it is seeded", spec.Code, spec.Parent))
			}
			u.ParentID = p.ID
		}
		must(c.St.CreateUnit(ctx, Sys, &u))
		c.Units[u.Code] = u
		for _, p := range spec.Posts {
			key := p.Code // as given: the store codes a post without one
			if key == "" {
				key = p.Title
			}
			p.UnitID = u.ID
			must(c.St.CreatePosition(ctx, Sys, &p))
			c.Posts[key] = p
		}
	}
}

func (c *City) addPeople(people []Person, must func(error)) {
	c.ByNIP = map[string]model.Employee{}
	for _, p := range people {
		e := model.Employee{NIP: p.NIP, Name: p.Name, UnitID: c.Units[p.Unit].ID, Kind: model.PNS, Golongan: "III/a", Gender: model.Male}
		if p.Post != "" {
			e.PositionID = c.Posts[p.Post].ID
		}
		if len(p.NIP) == 18 && p.NIP[14] == '2' {
			e.Gender = model.Female
		}
		must(c.AddEmployee(&e))
		c.ByNIP[e.NIP] = e
	}
}

func (c *City) addNationalStandard(post string, n, required int, must func(error)) {
	c.National = c.national(must)
	items := make([]model.StandardItem, n)
	for i, id := range c.National[:n] {
		items[i] = model.StandardItem{CompetencyID: id, Required: required, Weight: 1, Mandatory: true}
	}
	_, err := c.St.SetStandard(context.Background(), Sys, c.Posts[post].ID, "SK-1/2025", "2025-01-02", items)
	must(err)
}
