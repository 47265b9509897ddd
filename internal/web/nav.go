package web

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/policy"
)

// navItem is one entry of the main menu with the action a user needs to see
// it. Later capabilities add one line to navItems.
type navItem struct {
	Path   string
	Key    string        // catalogue key of the label
	Action policy.Action // policy.Allowed: the role and the shape of the scope
}

// navItems is the main menu, in display order.
var navItems = []navItem{
	{"/", "nav.home", policy.Session},
	{"/organisasi", "nav.org", policy.RegistryRead},
	{"/pegawai", "nav.employees", policy.RegistryRead},
	{"/kamus", "nav.dictionary", policy.DictionaryRead},
	{"/standar", "nav.standards", policy.StandardWrite},
	{"/impor", "nav.import", policy.EmployeeImport},
	{"/akun", "nav.accounts", policy.AccountManage},
	{"/akun/penyelenggara", "nav.provider_accounts", policy.ProviderManage}, // operators: /akun holds it for the others
	{"/penilaian", "nav.assess", policy.AssessmentSelf},
	{"/rencana", "nav.plan", policy.PlanRead},
	{"/persetujuan", "nav.approvals", policy.PlanDecide},
	{"/rencana/nominasi", "nav.nominate", policy.PlanNominate},
	{"/siklus", "nav.cycles", policy.CycleManage},
	{"/talenta", "nav.talent", policy.TalentRead},
	{"/analisis", "nav.needs", policy.NeedsRead},
	{"/kuesioner", "nav.survey", policy.SurveyAnswer},
	{"/katalog", "nav.catalogue", policy.CatalogueRead},
	{"/kalender", "nav.calendar", policy.CatalogueRead},
	{"/mitra", "nav.providers", policy.ProviderManage},
	{"/audit", "nav.audit", policy.AuditRead},
	{"/pengaturan", "nav.settings", policy.SettingsManage},
	{"/keberatan", "nav.contests", policy.EmployeeWrite},
	{"/sesi-saya", "nav.my_sessions", policy.AttendanceCheckIn},
	{"/data-saya", "nav.mydata", policy.Session},
	{"/kotak-masuk", "nav.inbox", policy.NoticeRead},
}

// navLink is a menu entry as the layout shows it.
type navLink struct {
	Path    string
	Key     string
	ID      string
	Current bool
	Badge   int // a count shown beside the label (the inbox's unread)
}

// navFor returns the entries p may see, marking the one containing path.
func navFor(p *auth.Principal, path string) []navLink {
	var out []navLink
	for _, it := range navItems {
		if !p.Can(it.Action) {
			continue
		}
		if it.Path == "/akun/penyelenggara" && p.Can(policy.AccountManage) {
			continue // a section of /akun for those who manage accounts
		}
		cur := path == it.Path || (it.Path != "/" && strings.HasPrefix(path, it.Path+"/"))
		if it.Path == "/impor" && strings.HasPrefix(path, "/ekspor") {
			cur = true
		}
		out = append(out, navLink{Path: it.Path, Key: it.Key, ID: "nav-" + strings.TrimPrefix(strings.ReplaceAll(it.Key, ".", "-"), "nav-"), Current: cur})
	}
	return out
}

// navHTML writes the menu's list items. Every page has the menu, and the
// template's range over it (four escaped actions per entry) was an eighth
// of a search page's work; here it is one pass over strings that are
// escaped all the same.
func navHTML(lang i18n.Lang, links []navLink) template.HTML {
	var b strings.Builder
	for _, l := range links {
		b.WriteString(`<li><a id="`)
		b.WriteString(template.HTMLEscapeString(l.ID))
		b.WriteString(`" href="`)
		b.WriteString(template.HTMLEscapeString(l.Path))
		b.WriteString(`"`)
		if l.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`>`)
		b.WriteString(template.HTMLEscapeString(i18n.T(lang, l.Key)))
		if l.Badge > 0 {
			b.WriteString(` <span class="badge" id="` + template.HTMLEscapeString(l.ID) + `-count">` + strconv.Itoa(l.Badge) + `</span>`)
		}
		b.WriteString("</a></li>\n")
	}
	return template.HTML(b.String())
}
