package web

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
)

// pageTemplate is one page parsed together with the layout and partials.
type pageTemplate struct {
	byLang map[i18n.Lang]*template.Template
}

// in returns the page's templates for lang.
func (pt *pageTemplate) in(lang i18n.Lang) *template.Template {
	if t, ok := pt.byLang[lang]; ok {
		return t
	}
	return pt.byLang[i18n.ID]
}

// view is what every template receives: the page's own data in Data and
// what the layout needs around it.
type view struct {
	Lang     i18n.Lang
	Title    string // catalogue key of the page title
	TitleArg string // appended to the title, e.g. a person's name
	P        *auth.Principal
	UserName string
	Nav      []navLink
	NavHTML  template.HTML // Nav as list items (navHTML)
	CSS      string
	Path     string // current path with query, for the language switch
	Langs    []langLink
	Data     any
}

// langLink is one button of the language switch in the footer (a POST form
// to /bahasa that returns to Path).
type langLink struct {
	Code    string
	Label   string
	Current bool
}

// funcs are the template functions besides those of package i18n. Dates
// and instants are shown in one style, the full date ("7 Desember 2026"),
// in the city's zone loc: an instant stored in UTC shortly before midnight
// WIB belongs to the next day there.
func funcs(loc *time.Location) template.FuncMap {
	fm := i18n.FuncMap()
	fm["date"] = func(l i18n.Lang, t time.Time) string {
		if !t.IsZero() {
			t = t.In(loc)
		}
		return i18n.Date(l, t)
	}
	fm["dateTime"] = func(l i18n.Lang, t time.Time) string { return i18n.DateTime(l, t, loc) }
	fm["isoDate"] = isoDateText // a date stored as ISO text ("2026-01-15")
	fm["nip"] = func(n string, kind model.EmployeeKind) string { return nip.FormatAuto(n, kind) }
	fm["fullName"] = func(e model.Employee) string { return names.Display(e.GelarDepan, e.Name, e.GelarBelakang) }
	fm["pangkat"] = model.PangkatOf
	fm["msg"] = func(l i18n.Lang, id, en string) string {
		if l == i18n.EN && en != "" {
			return en
		}
		return id
	}
	fm["add"] = func(a, b int) int { return a + b }
	fm["lower"] = strings.ToLower
	fm["errFor"] = func(errs map[string][]string, field string) []string { return errs[field] }
	fm["sel"] = func(a, b any) bool { return toString(a) == toString(b) }
	fm["indent"] = func(depth int) string { return strings.Repeat("\u00a0\u00a0", max(depth, 0)) }
	return fm
}

// isoDateText shows an ISO date ("2025-03-31") in lang's long form, or
// as it is when it does not parse.
func isoDateText(lang i18n.Lang, s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return i18n.Date(lang, t)
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// parseTemplates parses every page once at startup, once per language:
// layout.html and the partials (files starting with "_") form the base that
// each page clones. See translateStatic for why per language.
func parseTemplates(loc *time.Location) (map[string]*pageTemplate, error) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	var pages []string
	shared := []string{"templates/layout.html"}
	for _, f := range files {
		name := path.Base(f)
		switch {
		case name == "layout.html":
		case strings.HasPrefix(name, "_"):
			shared = append(shared, f)
		default:
			pages = append(pages, f)
		}
	}
	out := map[string]*pageTemplate{}
	for _, lang := range i18n.Langs {
		base := template.New("layout.html").Funcs(funcs(loc))
		for _, f := range shared {
			if err := parseFile(base, f, lang); err != nil {
				return nil, err
			}
		}
		for _, f := range pages {
			t := template.Must(base.Clone())
			if err := parseFile(t, f, lang); err != nil {
				return nil, err
			}
			name := strings.TrimSuffix(path.Base(f), ".html")
			if out[name] == nil {
				out[name] = &pageTemplate{byLang: map[i18n.Lang]*template.Template{}}
			}
			out[name].byLang[lang] = t
		}
	}
	return out, nil
}

// parseFile adds template file f, its fixed messages translated into lang,
// to set t under the file's base name.
func parseFile(t *template.Template, f string, lang i18n.Lang) error {
	src, err := fs.ReadFile(templateFS, f)
	if err != nil {
		return err
	}
	name := path.Base(f)
	tt := t
	if t.Name() != name {
		tt = t.New(name)
	}
	if _, err := tt.Parse(translateStatic(string(src), lang)); err != nil {
		return fmt.Errorf("web: template %s: %w", name, err)
	}
	return nil
}

// staticMessage matches an action that only prints a fixed message in the
// page's language: {{t $.Lang "key"}}, {{t $l "key"}} or {{t .Lang "key"}}
// (every Lang a template sees is the request's language).
var staticMessage = regexp.MustCompile(`\{\{\s*t\s+(?:\$\.Lang|\$l|\.Lang)\s+"([A-Za-z0-9_.\-]+)"\s*\}\}`)

// translateStatic replaces the fixed messages of a template's source with
// their HTML-escaped text in lang. A page has dozens of them, and each was
// a call through reflection plus an escaper call on every request: a fifth
// of the CPU of a list page at a million employees went to executing its
// template. Actions in URL, script or style contexts would need other
// escaping; the templates have no fixed messages there (TestStaticMessages
// checks).
func translateStatic(src string, lang i18n.Lang) string {
	return staticMessage.ReplaceAllStringFunc(src, func(m string) string {
		key := staticMessage.FindStringSubmatch(m)[1]
		return html.EscapeString(i18n.T(lang, key))
	})
}

// render executes page name in the layout and writes it with status.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	s.renderView(w, r, status, name, &view{Title: title, Data: data})
}

// renderView fills the layout fields of v and writes page name.
func (s *server) renderView(w http.ResponseWriter, r *http.Request, status int, name string, v *view) {
	pt, ok := s.pages[name]
	if !ok {
		s.log.Error("web: no template", "name", name)
		http.Error(w, i18n.T(langOf(r), "err.internal"), http.StatusInternalServerError)
		return
	}
	lang := langOf(r)
	p := principal(r)
	v.Lang, v.P, v.CSS = lang, p, s.cssURL
	v.Path = r.URL.RequestURI()
	if r.Method != http.MethodGet {
		v.Path = r.URL.Path
	}
	for _, l := range i18n.Langs {
		v.Langs = append(v.Langs, langLink{Code: string(l), Label: i18n.T(l, "lang.name"), Current: l == lang})
	}
	if p != nil {
		v.Nav = navFor(p, r.URL.Path)
		s.inboxBadge(r, p.User.ID, v.Nav)
		v.NavHTML = navHTML(lang, v.Nav)
		v.UserName = p.User.Username
		if p.User.EmployeeID != 0 {
			if gd, n, gb, err := s.st.EmployeeNameParts(r.Context(), p.User.EmployeeID); err == nil {
				v.UserName = names.Display(gd, n, gb)
			}
		}
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer putPageBuffer(buf)
	if err := pt.in(lang).ExecuteTemplate(buf, "layout", v); err != nil {
		s.log.Error("web: render", "page", name, "err", err)
		http.Error(w, i18n.T(langOf(r), "err.internal"), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", string(lang))
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageBuffers hold rendered pages between requests: a list page is about
// 30 KB, and growing a fresh buffer to that size for every request was a
// quarter of all the memory a search allocated.
var pageBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

// putPageBuffer returns buf to the pool unless one page made it unusually
// large (a long report), which would otherwise stay allocated.
func putPageBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 256<<10 {
		pageBuffers.Put(buf)
	}
}

// localRedirect redirects to next when it is a path on this site, else to
// fallback: never to another host.
func localRedirect(w http.ResponseWriter, r *http.Request, next, fallback string) {
	if !isLocalPath(next) {
		next = fallback
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// isLocalPath reports whether p is an absolute path on this site, not a
// protocol-relative or absolute URL, however a browser reads it: "/"
// followed by anything but "/" or a backslash, no backslash anywhere
// (browsers read it as "/"), no control characters (browsers drop tabs and
// newlines), and still such a path after the cleaning http.Redirect
// applies (`/./\x` would become `/\x`, which browsers read as "//x").
func isLocalPath(p string) bool {
	if p == "/" {
		return true
	}
	if len(p) < 2 || p[0] != '/' || p[1] == '/' || p[1] == '\\' || strings.ContainsRune(p, '\\') {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x20 || p[i] == 0x7f {
			return false
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return false
	}
	// What http.Redirect will send: the part before "?" cleaned.
	before, _, _ := strings.Cut(p, "?")
	c := path.Clean(before)
	return c == "/" || (len(c) > 1 && c[0] == '/' && c[1] != '/' && c[1] != '\\')
}

// inLoc returns t in the server's display time zone.
func (s *server) inLoc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(s.loc)
}
