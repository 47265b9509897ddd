package web

import (
	"html/template"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// TestDevFormOptionsMatchTemplate: the forms' options made once per
// language are byte for byte what the plain template loop renders.
func TestDevFormOptionsMatchTemplate(t *testing.T) {
	plain := template.Must(template.New("o").Funcs(i18n.FuncMap()).Parse(
		`{{range .Forms}}<option value="{{.Key}}">{{t $.Lang (printf "devform.%s" .Key)}} ({{t $.Lang (printf "devcat.%s" .Category)}})</option>{{end}}`))
	for _, lang := range i18n.Langs {
		var b strings.Builder
		if err := plain.Execute(&b, map[string]any{"Lang": lang, "Forms": model.DevForms}); err != nil {
			t.Fatal(err)
		}
		if got := string(devFormOptions[lang]); got != b.String() {
			t.Errorf("%s:\n got  %s\n want %s", lang, got, b.String())
		}
	}
}
