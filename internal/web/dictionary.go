package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// dictFormats are the exchange formats the dictionary pages offer, in the
// order the export links show them.
var dictFormats = []string{dictionary.FormatMoodle, dictionary.FormatCSV, dictionary.FormatXLSX, dictionary.FormatJSON}

// dictListData is the dictionary page: the frameworks, and for
// administrators the import form with the report of the last upload.
type dictListData struct {
	Frameworks []store.FrameworkInfo
	CanImport  bool
	Formats    []string
	Import     *dictImport
}

// dictShowData is one framework with its competencies grouped.
type dictShowData struct {
	Info     store.FrameworkInfo
	F        *dictionary.Framework
	Groups   []dictGroup
	Formats  []string
	Imported bool // just stored by an import
}

// dictGroup is the competencies of one group in framework order.
type dictGroup struct {
	Group        dictionary.Group
	Competencies []dictionary.Competency
}

// dictionaryList shows every framework (GET /kamus).
func (s *server) dictionaryList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	return s.renderDictList(w, r, p, http.StatusOK, nil)
}

func (s *server) renderDictList(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, imp *dictImport) error {
	list, err := s.st.Frameworks(r.Context())
	if err != nil {
		return err
	}
	d := &dictListData{Frameworks: list, CanImport: p.Can(policy.DictionaryImport), Formats: dictFormats, Import: imp}
	s.render(w, r, status, "dictionary", "dict.title", d)
	return nil
}

// frameworkInfo finds the list entry of framework id.
func (s *server) frameworkInfo(r *http.Request, id int64) (store.FrameworkInfo, error) {
	list, err := s.st.Frameworks(r.Context())
	if err != nil {
		return store.FrameworkInfo{}, err
	}
	for _, fi := range list {
		if fi.ID == id {
			return fi, nil
		}
	}
	return store.FrameworkInfo{}, errNotPermitted
}

// dictionaryShow shows one framework: competencies by group, each with its
// five levels (GET /kamus/{id}).
func (s *server) dictionaryShow(w http.ResponseWriter, r *http.Request) error {
	_, id, err := s.userID(r)
	if err != nil {
		return err
	}
	info, err := s.frameworkInfo(r, id)
	if err != nil {
		return err
	}
	f, _, err := s.st.Framework(r.Context(), id)
	if err != nil {
		return err
	}
	d := dictShowData{Info: info, F: f, Formats: dictFormats, Imported: r.URL.Query().Get("imported") == "1"}
	index := map[dictionary.Group]int{}
	for _, c := range f.Competencies {
		i, ok := index[c.Group]
		if !ok {
			i = len(d.Groups)
			index[c.Group] = i
			d.Groups = append(d.Groups, dictGroup{Group: c.Group})
		}
		d.Groups[i].Competencies = append(d.Groups[i].Competencies, c)
	}
	s.renderView(w, r, http.StatusOK, "dictionary_show", &view{Title: "dict.title", TitleArg: f.Name, Data: d})
	return nil
}

// dictionaryExport downloads a framework in one format (GET
// /kamus/{id}/ekspor/{format}).
func (s *server) dictionaryExport(w http.ResponseWriter, r *http.Request) error {
	_, id, err := s.userID(r)
	if err != nil {
		return err
	}
	format := r.PathValue("format")
	ext, ctype := "", ""
	switch format {
	case dictionary.FormatMoodle:
		ext, ctype = "-moodle.csv", "text/csv; charset=utf-8"
	case dictionary.FormatCSV:
		ext, ctype = ".csv", "text/csv; charset=utf-8"
	case dictionary.FormatXLSX:
		ext, ctype = ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case dictionary.FormatJSON:
		ext, ctype = ".json", "application/json; charset=utf-8"
	default:
		return errNotPermitted
	}
	f, _, err := s.st.Framework(r.Context(), id)
	if err != nil {
		return errNotPermitted
	}
	name := strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			return c
		}
		return '_'
	}, f.Code+"-"+f.Version) + ext
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Cache-Control", "no-store")
	if err := dictionary.Write(w, f, format); err != nil {
		s.log.Error("web: dictionary export", "id", id, "err", err)
	}
	return nil
}

// validDictFormat reports whether f is "" (detect) or a known format.
func validDictFormat(f string) bool {
	if f == "" {
		return true
	}
	for _, x := range dictFormats {
		if f == x {
			return true
		}
	}
	return false
}
