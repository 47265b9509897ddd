package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
)

// Fixed messages are pasted into the templates' source HTML-escaped
// (translateStatic), which is right only in text and quoted ordinary
// attributes: not in URLs, scripts, styles, event handlers or unquoted
// attributes, where html/template would have escaped them otherwise.
func TestStaticMessagesOnlyInTextAndPlainAttributes(t *testing.T) {
	bad := regexp.MustCompile(`(?i)(\b(href|src|action|formaction|style|on[a-z]+)\s*=\s*"[^"]*$)|(=\s*$)`)
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, _ := fs.ReadFile(templateFS, f)
		s := string(src)
		for _, loc := range staticMessage.FindAllStringIndex(s, -1) {
			before := s[:loc[0]]
			tag := before[strings.LastIndex(before, "<")+1:]
			if strings.Contains(tag, ">") {
				tag = "" // the message is element text
			}
			if bad.MatchString(tag) {
				t.Errorf("%s: fixed message %s in a context that needs other escaping", f, s[loc[0]:loc[1]])
			}
			low := strings.ToLower(before)
			for _, el := range []string{"script", "style"} {
				if strings.LastIndex(low, "<"+el) > strings.LastIndex(low, "</"+el) {
					t.Errorf("%s: fixed message %s inside <%s>", f, s[loc[0]:loc[1]], el)
				}
			}
		}
	}
}

func TestTranslateStaticEscapes(t *testing.T) {
	got := translateStatic(`<p title="{{t $.Lang "x.quote"}}">{{t $l "employees.title"}} {{t .Lang "nope.missing"}} {{t $.Lang "employees.page" 2}}</p>`, i18n.EN)
	want := `<p title="x.quote">` + i18n.T(i18n.EN, "employees.title") + ` nope.missing {{t $.Lang "employees.page" 2}}</p>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := translateStatic(`{{t $.Lang "k"}}`, i18n.ID); got != "k" {
		t.Errorf("unknown key: %q", got)
	}
	// A message with an apostrophe is pasted escaped.
	if got := translateStatic(`{{t $.Lang "org.see_employees"}}`, i18n.EN); got != "See this unit&#39;s employees" {
		t.Errorf("apostrophe: %q", got)
	}
}
