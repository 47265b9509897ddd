package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// The home page is a column of cards, each telling one kind of user what
// waits for them. A card is built by a homeCardFunc that returns nil when
// the card does not concern the user; a later capability (approvals, JP
// progress, training sessions) adds its card by writing one such function
// and one line in homeCards. Cards share one template (home.html): a
// title, a lead, big numbers, a short list and links, so a new card needs
// no new markup.

// homeCardFunc builds one card for p, or returns nil when it has nothing
// to say to p.
type homeCardFunc func(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error)

// homeCards are the cards in display order: what the user has to do
// first, then what they should know.
var homeCards = []homeCardFunc{
	selfAssessmentCard,
	toRateCard,
	approvalsCard,
	mySessionsWeekCard,
	myJPMCard,
	myPlanCard,
	dataFixCard,
	cycleProgressCard,
	scopeNeedsCard,
	talentCard,
	mouCard,
	scopeCountsCard,
	unitEnrolmentsCard,
}

// homeCard is one card as the template shows it. Texts are catalogue keys
// with arguments (homeText), translated when the page is rendered.
type homeCard struct {
	ID    string // the element id: stable for links and tests
	Title homeText
	Lead  homeText // optional line under the title
	Todo  bool     // something waits for the user: the card is marked
	Stats []homeStat
	Head  homeText // optional line introducing Items
	Items []homeItem
	More  homeText // optional line after the list ("and 12 more")
	Links []homeLink
}

// homeStat is a big number with its label, optionally a link.
type homeStat struct {
	Value homeText
	Label homeText
	Href  string
	Warn  bool // a number that asks for action
}

// homeItem is a line of the card's list.
type homeItem struct {
	Text homeText
	Note homeText
	Href string
}

// homeLink is a link under the card.
type homeLink struct {
	Text homeText
	Href string
}

// homeText is a catalogue key with its arguments, or (without a key) a
// value shown as it is; it satisfies i18n.Localized, so a template shows
// it with {{.Text $.Lang}} and it may be the argument of another.
type homeText struct {
	Key  string
	Args []any
	Raw  any // shown when Key is empty: a string, or an i18n.Localized
}

// Text translates t into lang.
func (t homeText) Text(lang i18n.Lang) string {
	switch r := t.Raw; {
	case t.Key != "":
		return i18n.T(lang, t.Key, t.Args...)
	case r == nil:
		return ""
	default:
		if l, ok := r.(i18n.Localized); ok {
			return l.Text(lang)
		}
		return fmt.Sprint(r)
	}
}

// cardMsg builds a homeText from a catalogue key.
func cardMsg(key string, args ...any) homeText { return homeText{Key: key, Args: args} }

// cardText is a name or other text shown as it is.
func cardText(s string) homeText { return homeText{Raw: s} }

// cardCount is a number shown in the language's grouping (1.234).
type cardCount int

// Text formats n.
func (n cardCount) Text(lang i18n.Lang) string { return i18n.Number(lang, int64(n)) }

// cardPercent is a JPM value in hundredths of a percent.
type cardPercent gap.Fixed

// Text formats p as "87,5 %".
func (p cardPercent) Text(lang i18n.Lang) string { return gap.Fixed(p).Percent(string(lang)) }

// cardDate is an ISO date shown in the language's long form.
type cardDate string

// Text formats d as "31 Maret 2025".
func (d cardDate) Text(lang i18n.Lang) string { return isoDateText(lang, string(d)) }

// cardNum is a count shown as a stat's value.
func cardNum(n int) homeText { return homeText{Raw: cardCount(n)} }

// homeShown is how many people or competencies a card lists at most.
const homeShown = 5

// selfAssessmentCard: the employee's self-assessment waiting in an open
// cycle.
func selfAssessmentCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if p.User.EmployeeID == 0 || !p.Can(policy.AssessmentSelf) {
		return nil, nil
	}
	c, err := s.st.SelfAssessmentDue(ctx, p.User.EmployeeID)
	if err != nil || c == nil {
		return nil, err
	}
	return &homeCard{ID: "card-self-assessment", Todo: true, Title: cardMsg("home.self_due"),
		Lead:  cardMsg("home.self_due_lead", c.Name, cardDate(c.ClosesOn)),
		Links: []homeLink{{cardMsg("home.self_due_go"), "/penilaian"}}}, nil
}

// toRateCard: the supervisor's direct reports still to rate in an open
// cycle.
func toRateCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if p.User.EmployeeID == 0 || !p.Can(policy.AssessmentRate) {
		return nil, nil
	}
	due, total, err := s.st.RatingsDue(ctx, p.User.EmployeeID, homeShown)
	if err != nil || total == 0 {
		return nil, err
	}
	c := &homeCard{ID: "card-to-rate", Todo: true, Title: cardMsg("home.to_rate"),
		Stats: []homeStat{{Value: cardNum(total), Label: cardMsg("home.to_rate_people"), Warn: true}},
		Links: []homeLink{{cardMsg("home.to_rate_go"), "/penilaian"}}}
	for _, d := range due {
		c.Items = append(c.Items, homeItem{Text: cardText(d.Name), Note: cardMsg("home.to_rate_note", d.UnitName, cardDate(d.ClosesOn)),
			Href: "/penilaian/" + strconv.FormatInt(d.EmployeeID, 10)})
	}
	if total > len(due) {
		c.More = cardMsg("home.more", cardCount(total-len(due)))
	}
	return c, nil
}

// myJPMCard: the employee's own JPM and biggest gaps against the standard
// of their position.
func myJPMCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if p.User.EmployeeID == 0 {
		return nil, nil
	}
	ec, err := s.st.EmployeeCompetencies(ctx, p.User.EmployeeID)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	c := &homeCard{ID: "card-my-jpm", Title: cardMsg("home.my_jpm"),
		Links: []homeLink{{cardMsg("home.open_profile"), "/pegawai/" + strconv.FormatInt(p.User.EmployeeID, 10) + "#competencies"}}}
	switch {
	case ec.StandardID == 0:
		c.Lead = cardMsg("home.my_jpm_no_standard")
		return c, nil
	case ec.Result.Assessed == 0:
		c.Lead = cardMsg("home.my_jpm_unassessed")
		return c, nil
	}
	cat := ec.Result.Mapping
	c.Stats = []homeStat{
		{Value: homeText{Raw: cardPercent(ec.Result.JPMCapped)}, Label: cardMsg("home.my_jpm_capped", mappingLabel(cat))},
		{Value: cardMsg("home.of", cardCount(ec.Result.Assessed), cardCount(ec.Result.Total)), Label: cardMsg("home.my_jpm_assessed")},
	}
	// Biggest gaps first: the most levels short, then the heavier weight.
	items := append([]store.CompetencyItem(nil), ec.Items...)
	sortGaps(items)
	for _, it := range items {
		if !it.Assessed || it.Gap >= 0 || len(c.Items) == homeShown {
			continue
		}
		c.Items = append(c.Items, homeItem{Text: cardText(it.Name), Note: cardMsg("home.gap_note", it.Actual, it.Required, it.Gap)})
	}
	if len(c.Items) == 0 {
		c.Lead = cardMsg("home.my_jpm_no_gap")
	} else {
		c.Head = cardMsg("home.my_jpm_gaps")
	}
	return c, nil
}

// dataFixCard: for a unit administrator, the data of their units to fix.
func dataFixCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !p.Admin.HasUnits() || !p.Can(policy.EmployeeWrite) {
		return nil, nil
	}
	d, err := s.dataChecks(ctx, p)
	if err != nil {
		return nil, err
	}
	c := &homeCard{ID: "card-data", Todo: d.Any(), Title: cardMsg("home.data")}
	if !d.Any() {
		c.Lead = cardMsg("home.data_ok")
		return c, nil
	}
	stat := func(n int, label, href string) {
		if n > 0 {
			c.Stats = append(c.Stats, homeStat{Value: cardNum(n), Label: cardMsg(label), Href: href, Warn: true})
		}
	}
	stat(d.PositionsWithoutStandard, "home.data_no_standard", "/standar")
	stat(d.Unassessed, "home.data_unassessed", "/analisis")
	stat(d.NoSupervisor, "home.data_no_supervisor", "/pegawai")
	stat(d.NIPWarnings, "home.data_nip", "/pegawai")
	return c, nil
}

// dataChecks reads the administered scope's data checks, kept like the
// head counts when the scope is large.
func (s *server) dataChecks(ctx context.Context, p *auth.Principal) (store.DataChecks, error) {
	key := "checks:" + scopeKey(p.Admin)
	if v, ok := s.counts.Get(key); ok {
		return v.(store.DataChecks), nil
	}
	d, err := s.st.DataChecksIn(ctx, p.Admin)
	if err != nil {
		return d, err
	}
	if n, err := s.scopeCounts(ctx, p.Admin); err == nil && n.Employees >= countCacheMin {
		s.counts.Put(key, d)
	}
	return d, nil
}

// cycleProgressCard: for whoever manages cycles, the progress of those
// open today in their scope.
func cycleProgressCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !p.ManagesCycles() {
		return nil, nil
	}
	rows, _, err := s.st.Cycles(ctx, store.CycleFilter{Scope: p.CycleScope(), Limit: 20})
	if err != nil {
		return nil, err
	}
	c := &homeCard{ID: "card-cycles", Title: cardMsg("home.cycles"), Links: []homeLink{{cardMsg("home.cycles_go"), "/siklus"}}}
	today := model.CycleToday(s.st.Now())
	for _, r := range rows {
		if r.Status(today) != model.CycleOpen || len(c.Items) == homeShown {
			continue
		}
		pr := r.Progress
		c.Items = append(c.Items, homeItem{Text: cardText(r.Name),
			Note: cardMsg("home.cycle_note", cardCount(pr.SelfDone), cardCount(pr.SupervisorDone), cardCount(pr.People), cardDate(r.ClosesOn)),
			Href: "/siklus/" + strconv.FormatInt(r.ID, 10)})
	}
	if len(c.Items) == 0 {
		c.Lead = cardMsg("home.cycles_none")
	}
	return c, nil
}

// scopeNeedsCard: the JPM of the reader's scope by category and its
// biggest development needs (leadership, BKPSDM, unit administrators).
func scopeNeedsCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !p.Can(policy.NeedsRead) {
		return nil, nil
	}
	n, err := s.st.NeedsAnalysis(ctx, p.Scope, 0)
	if err != nil {
		return nil, err
	}
	c := &homeCard{ID: "card-needs", Title: cardMsg("home.needs"), Links: []homeLink{{cardMsg("home.needs_go"), "/analisis"}}}
	for _, cat := range []gap.MappingCategory{gap.Optimal, gap.CukupOptimal, gap.KurangOptimal, gap.MappingUnknown} {
		c.Stats = append(c.Stats, homeStat{Value: cardNum(n.JPM[cat]), Label: mappingLabel(cat), Warn: cat == gap.KurangOptimal && n.JPM[cat] > 0})
	}
	for _, need := range n.Needs {
		if need.Short == 0 || len(c.Items) == 3 {
			continue
		}
		c.Items = append(c.Items, homeItem{Text: cardText(need.Name), Note: cardMsg("home.need_note", cardCount(need.Short), cardCount(need.Assessed))})
	}
	if len(c.Items) > 0 {
		c.Head = cardMsg("home.needs_top")
	}
	return c, nil
}

// talentCard: the 9-box summary of the reader's units (leadership, heads,
// administrators).
func talentCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !seesTalent(p) {
		return nil, nil
	}
	sc := talentScope(p)
	key := "talent:" + scopeKey(sc)
	var tm *gap.TalentMap
	if v, ok := s.counts.Get(key); ok {
		tm = v.(*gap.TalentMap)
	} else {
		var err error
		if tm, err = s.st.TalentMap(ctx, sc, 0); err != nil {
			return nil, err
		}
		if tm.Total >= countCacheMin {
			s.counts.Put(key, tm)
		}
	}
	pool := tm.Counts[7] + tm.Counts[8] + tm.Counts[9]
	low := tm.Counts[1] + tm.Counts[2] + tm.Counts[3]
	return &homeCard{ID: "card-talent", Title: cardMsg("home.talent"),
		Stats: []homeStat{
			{Value: cardNum(pool), Label: cardMsg("home.talent_pool"), Href: "/talenta"},
			{Value: cardNum(low), Label: cardMsg("home.talent_low"), Href: "/talenta", Warn: low > 0},
			{Value: cardNum(tm.Counts[0]), Label: cardMsg("home.talent_unplaced"), Href: "/talenta?box=0#talent-people"},
		},
		Links: []homeLink{{cardMsg("home.talent_go"), "/talenta"}}}, nil
}

// scopeCountsCard: the head counts of the reader's scope.
func scopeCountsCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !p.Scope.HasUnits() {
		return nil, nil
	}
	n, err := s.scopeCounts(ctx, p.Scope)
	if err != nil {
		return nil, err
	}
	title := cardMsg("home.scope_mine")
	if p.Scope.All {
		title = cardMsg("home.scope_all")
	}
	return &homeCard{ID: "scope-counts", Title: title,
		Stats: []homeStat{
			{Value: cardNum(n.Employees), Label: cardMsg("home.employees")},
			{Value: cardNum(n.Active), Label: cardMsg("home.active")},
			{Value: cardNum(n.PNS), Label: cardText("PNS")},
			{Value: cardNum(n.PPPK), Label: cardText("PPPK")},
		},
		Links: []homeLink{{cardMsg("home.to_list"), "/pegawai"}, {cardMsg("home.to_org"), "/organisasi"}}}, nil
}

// sortGaps orders competencies by their gap, the most levels short
// first, then by the heavier weight, then by name.
func sortGaps(items []store.CompetencyItem) {
	slices.SortStableFunc(items, func(a, b store.CompetencyItem) int {
		if a.Gap != b.Gap {
			return cmp.Compare(a.Gap, b.Gap)
		}
		if a.Weight != b.Weight {
			return cmp.Compare(b.Weight, a.Weight)
		}
		return cmp.Compare(a.Name, b.Name)
	})
}

// mappingLabel is the label of a JPM mapping category.
func mappingLabel(c gap.MappingCategory) homeText {
	switch c {
	case gap.Optimal:
		return cardMsg("home.cat.optimal")
	case gap.CukupOptimal:
		return cardMsg("home.cat.cukup_optimal")
	case gap.KurangOptimal:
		return cardMsg("home.cat.kurang_optimal")
	}
	return cardMsg("home.cat.unknown")
}
