package i18n_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/cli"
	"github.com/kompeten/kompeten/internal/config"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/model"
)

// dynamicKeys are the values of the keys pages build from a prefix and a
// value ({{t $.Lang (printf "role.%s" .Role)}}, "role."+r in Go), taken
// from where the values are defined. A prefix used in code but missing here
// fails the test: add its values.
func dynamicKeys() map[string][]string {
	strs := func(vs ...string) []string { return vs }
	of := func(n int, at func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	return map[string][]string{
		"role.":             of(len(model.Roles), func(i int) string { return string(model.Roles[i]) }),
		"grant.":            of(len(model.Grants), func(i int) string { return string(model.Grants[i]) }),
		"unitkind.":         of(len(model.UnitKinds), func(i int) string { return string(model.UnitKinds[i]) }),
		"ptype.":            of(len(model.PositionTypes), func(i int) string { return string(model.PositionTypes[i]) }),
		"jenjang.":          model.Jenjangs,
		"status.":           of(len(model.Statuses), func(i int) string { return string(model.Statuses[i]) }),
		"gender.":           strs(string(model.Male), string(model.Female)),
		"dict.group_":       of(len(dictionary.Groups), func(i int) string { return string(dictionary.Groups[i]) }),
		"dict.kind_":        strs(dictionary.KindHard, dictionary.KindSoft),
		"dict.format_":      strs("auto", dictionary.FormatMoodle, dictionary.FormatCSV, dictionary.FormatXLSX, dictionary.FormatJSON),
		"cycle.source_":     of(len(model.CycleSources), func(i int) string { return string(model.CycleSources[i]) }),
		"cycle.status_":     strs(model.CycleScheduled, model.CycleOpen, model.CycleEnded, model.CycleClosed),
		"survey.state.":     strs(model.SurveyUpcoming, model.SurveyOpen, model.SurveyClosed),
		"survey.kind.":      model.QuestionKinds,
		"survey.form.":      model.TrainingForms,
		"evidence.status.":  model.EvidenceStatuses,
		"discipline.level.": model.PenaltyLevels,
		"acting.kind.":      model.ActingKinds,
		"contest.subject.":  model.ContestSubjects,
		// The catalogue's values (model/training.go).
		"devform.":       of(len(model.DevForms), func(i int) string { return string(model.DevForms[i].Key) }),
		"devcat.":        strs(string(model.FormEducation), string(model.FormClassroom), string(model.FormNonClassroom)),
		"delivery.":      of(len(model.Deliveries), func(i int) string { return string(model.Deliveries[i]) }),
		"lmodel.":        of(len(model.LearningModels), func(i int) string { return string(model.LearningModels[i]) }),
		"provkind.":      of(len(model.ProviderKinds), func(i int) string { return string(model.ProviderKinds[i]) }),
		"sessstatus.":    strs(model.SessionScheduled, model.SessionCancelled, model.SessionDone),
		"provider.per_":  strs("jp", "peserta"),
		"plan.status.":   of(len(model.PlanStatuses), func(i int) string { return string(model.PlanStatuses[i]) }),
		"plan.proposer.": of(len(model.Proposers), func(i int) string { return string(model.Proposers[i]) }),
		"plan.decision.": of(len(model.AllDecisions), func(i int) string { return string(model.AllDecisions[i]) }),
		"plan.step.":     strs("none", "atasan", "kepala_opd"),
		"plan.ok.":       strs("proposed", "submitted", "cancelled", "changed"),
		"approval.ok.":   of(len(model.ApproverDecisions), func(i int) string { return string(model.ApproverDecisions[i]) }),
		"enrol.status.":  model.EnrolmentStatuses,
		"attend.how.":    model.AttendanceWays,
		// The view log's kinds (web/viewlog.go, api/viewlog.go).
		"view.what.": strs("profile", "profile.pdf", "assessment", "evidence", "competencies", "penalties", "export.employees", "export.needs"),
		// The sources a colleague or report is rated as (web rateSource).
		"assess.as_":     strs(string(assess.SourceSupervisor), string(assess.SourcePeer)),
		"acimport.kind_": strs(importer.TalentAssessment, importer.TalentPerformance, importer.TalentAgreement),
		// store.History: the employee_history fields without "_id": the
		// store's historyFields and the derived supervisor (supervisors.go).
		"hist.": strs("position", "unit", "status", "golongan", "supervisor"),
		// The command line: each command's usage, each option's text.
		"cli.usage.":   cli.CommandNames(),
		"cli.summary.": cli.CommandNames(),
		"cli.opt.":     of(len(config.Options), func(i int) string { return config.Options[i].Name }),
		// The notification preferences page (web/inbox.go).
		"notice.event.":   of(len(model.NoticeEvents), func(i int) string { return string(model.NoticeEvents[i]) }),
		"notice.channel.": of(len(model.NoticeChannels), func(i int) string { return string(model.NoticeChannels[i]) }),
		// web/errors.go shows every apperr code.
		"error.": strs(apperr.EINVALID, apperr.ENOTFOUND, apperr.ECONFLICT, apperr.EUNAUTHORIZED,
			apperr.EFORBIDDEN, apperr.ETOOMANY, apperr.EINTERNAL),
	}
}

// TestEveryKeyUsedExistsInBothCatalogues: every message key written in the
// Go code (passed to i18n.T, Lang.T, or to a function or field that ends up
// there) and in the templates ({{t $l "…"}}, {{t $.Lang .Field}} and their
// printf forms) has a non-empty text in both the Indonesian and the English
// catalogue, so no page or document shows a bare key or falls back to
// Indonesian for an English reader.
func TestEveryKeyUsedExistsInBothCatalogues(t *testing.T) {
	root := moduleRoot(t)
	u := &usage{keys: map[string][]string{}, prefixes: map[string][]string{}, fields: map[string]bool{}}
	scanTemplates(t, filepath.Join(root, "internal", "web", "templates"), u)
	templateKeys := len(u.keys)
	scanGo(t, root, u)
	if templateKeys < 300 || len(u.keys)-templateKeys < 50 {
		t.Fatalf("found %d keys in templates and %d more in Go: the scanners see too little", templateKeys, len(u.keys)-templateKeys)
	}
	dyn := dynamicKeys()
	for prefix, where := range u.prefixes {
		values, ok := dyn[prefix]
		if !ok {
			t.Errorf("keys built from prefix %q (%s): add the prefix and its values to dynamicKeys", prefix, where[0])
			continue
		}
		for _, v := range values {
			u.use(prefix+v, "value of "+where[0])
		}
	}
	cats := map[i18n.Lang]map[string]bool{}
	for _, l := range i18n.Langs {
		cats[l] = map[string]bool{}
		for _, k := range i18n.Keys(l) {
			cats[l][k] = true
		}
	}
	keys := make([]string, 0, len(u.keys))
	for k := range u.keys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, l := range i18n.Langs {
			switch {
			case !cats[l][k]:
				t.Errorf("key %q (used at %s) is missing in catalogue %s", k, u.keys[k][0], l)
			case strings.TrimSpace(i18n.T(l, k)) == "":
				t.Errorf("key %q (used at %s) is empty in catalogue %s", k, u.keys[k][0], l)
			}
		}
	}
}

// TestKeyScannersSeeEveryForm feeds the scanners one sample of each form a
// key is written in, so that a scanner that stops seeing a form fails here
// rather than letting missing keys pass.
func TestKeyScannersSeeEveryForm(t *testing.T) {
	dir := t.TempDir()
	tmpl := `{{define "x"}}{{$l := .Lang}}{{$d := .Data}}{{t $.Lang "tmpl.literal"}}{{t $l "tmpl.dollar_l" 3}}{{or .A (t .Lang "tmpl.nested")}}` +
		`{{t $.Lang (printf "tmpl.prefix.%s" .Kind)}}{{t .Lang .Title}}{{with $d.Notice}}{{t $.Lang .}}{{end}}{{end}}`
	if err := os.WriteFile(filepath.Join(dir, "x.html"), []byte(tmpl), 0o600); err != nil {
		t.Fatal(err)
	}
	src := `package p

import "github.com/kompeten/kompeten/internal/i18n"

type view struct{ Title, Notice string }

type item struct{ Path, Key string }

var items = []item{{"/", "go.unkeyed"}}

func menu(lang i18n.Lang) {
	for _, it := range items {
		_ = i18n.T(lang, it.Key)
	}
}

const constKey = "go.const"

func render(title string) view { return view{Title: title} }

func label(k int) string {
	if k == 0 {
		return "go.returned_a"
	}
	return "go.returned_b"
}

func f(lang i18n.Lang, r string) {
	_ = i18n.T(lang, "go.direct")
	_ = lang.T("go.method")
	tr := func(k string) string { return i18n.T(lang, k) }
	_ = tr("go.closure")
	_ = render("go.through_param")
	var d view
	d.Notice = "go.assigned"
	_ = i18n.T(lang, "go.prefix."+r)
	_ = i18n.T(lang, constKey)
	_ = i18n.T(lang, label(1))
	key := "go.local_a"
	if r == "" {
		key = "go.local_b"
	}
	_ = i18n.T(lang, key)
	_ = view{Title: "not a key at all"}
}
`
	if err := os.MkdirAll(filepath.Join(dir, "internal", "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "internal", "p", "p.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	u := &usage{keys: map[string][]string{}, prefixes: map[string][]string{}, fields: map[string]bool{}}
	scanTemplates(t, dir, u)
	scanGo(t, dir, u)
	want := []string{"tmpl.literal", "tmpl.dollar_l", "tmpl.nested", "go.direct", "go.method", "go.closure",
		"go.through_param", "go.assigned", "go.const", "go.returned_a", "go.returned_b", "go.local_a", "go.local_b", "go.unkeyed"}
	for _, k := range want {
		if _, ok := u.keys[k]; !ok {
			t.Errorf("scanner missed key %q", k)
		}
	}
	if _, ok := u.keys["not a key at all"]; ok {
		t.Error("a plain title in a struct was taken for a key")
	}
	for _, p := range []string{"tmpl.prefix.", "go.prefix."} {
		if _, ok := u.prefixes[p]; !ok {
			t.Errorf("scanner missed prefix %q", p)
		}
	}
	for _, f := range []string{"Title", "Notice"} {
		if !u.fields[f] {
			t.Errorf("field %s is translated in the template but not known as a key field", f)
		}
	}
}

// usage collects the keys found, where each was found, the prefixes of
// keys built at run time, and the names of fields whose values are keys.
type usage struct {
	keys     map[string][]string
	prefixes map[string][]string
	fields   map[string]bool
}

func (u *usage) use(key, where string) { u.keys[key] = append(u.keys[key], where) }

// keyShape is what a key looks like; a field that holds keys may also hold
// other text elsewhere (Title is a key in a view, a name in a Position).
var keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// scanTemplates parses every template under dir and records the keys of
// the "t" calls: literal, printf prefix, or a field (then the field's name
// is a key field, whose values the Go scanner collects).
func scanTemplates(t *testing.T, dir string, u *usage) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		trees := map[string]*parse.Tree{}
		tr := parse.New(filepath.Base(path))
		tr.Mode = parse.SkipFuncCheck
		if _, err := tr.Parse(string(src), "", "", trees); err != nil {
			return err
		}
		for _, tree := range trees {
			if tree.Root != nil {
				walkTemplate(t, filepath.Base(path), tree.Root, "", u)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// walkTemplate visits n; dot is the field name the dot stands for inside a
// {{with}} or {{range}} over a field ("" when unknown).
func walkTemplate(t *testing.T, file string, n parse.Node, dot string, u *usage) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkTemplate(t, file, c, dot, u)
			}
		}
	case *parse.ActionNode:
		walkPipe(t, file, n.Pipe, dot, u)
	case *parse.IfNode:
		walkPipe(t, file, n.Pipe, dot, u)
		walkTemplate(t, file, n.List, dot, u)
		walkTemplate(t, file, n.ElseList, dot, u)
	case *parse.WithNode:
		walkPipe(t, file, n.Pipe, dot, u)
		walkTemplate(t, file, n.List, pipeField(n.Pipe), u)
		walkTemplate(t, file, n.ElseList, dot, u)
	case *parse.RangeNode:
		walkPipe(t, file, n.Pipe, dot, u)
		walkTemplate(t, file, n.List, pipeField(n.Pipe), u)
		walkTemplate(t, file, n.ElseList, dot, u)
	case *parse.TemplateNode:
		walkPipe(t, file, n.Pipe, dot, u)
	}
}

// pipeField is the last field name of a pipeline that is one field
// ({{with $d.Notice}}, {{range .Errors}}), else "".
func pipeField(p *parse.PipeNode) string {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return ""
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.FieldNode:
		return a.Ident[len(a.Ident)-1]
	case *parse.VariableNode:
		if len(a.Ident) > 1 {
			return a.Ident[len(a.Ident)-1]
		}
	}
	return ""
}

func walkPipe(t *testing.T, file string, p *parse.PipeNode, dot string, u *usage) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				walkPipe(t, file, sub, dot, u)
			}
		}
		if id, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "t" || len(cmd.Args) < 3 {
			continue
		}
		where := file + ": " + cmd.String()
		switch k := cmd.Args[2].(type) {
		case *parse.StringNode:
			u.use(k.Text, where)
		case *parse.FieldNode:
			u.fields[k.Ident[len(k.Ident)-1]] = true
		case *parse.VariableNode:
			if len(k.Ident) < 2 {
				t.Errorf("%s: a key in a variable: cannot tell which keys it holds", where)
				continue
			}
			u.fields[k.Ident[len(k.Ident)-1]] = true
		case *parse.DotNode:
			if dot == "" {
				t.Errorf("%s: a key in dot whose origin the scanner cannot tell", where)
				continue
			}
			u.fields[dot] = true
		case *parse.PipeNode:
			prefix, ok := printfPrefix(k)
			if !ok {
				t.Errorf("%s: a key built in a way the scanner does not know", where)
				continue
			}
			u.prefixes[prefix] = append(u.prefixes[prefix], where)
		default:
			t.Errorf("%s: a key of a form the scanner does not know", where)
		}
	}
}

// printfPrefix reads (printf "prefix%s" x).
func printfPrefix(p *parse.PipeNode) (string, bool) {
	if len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 3 {
		return "", false
	}
	id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
	format, ok2 := p.Cmds[0].Args[1].(*parse.StringNode)
	if !ok || !ok2 || id.Ident != "printf" || !strings.HasSuffix(format.Text, "%s") || strings.Count(format.Text, "%") != 1 {
		return "", false
	}
	return strings.TrimSuffix(format.Text, "%s"), true
}
