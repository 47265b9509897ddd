package e2e

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// surveyRuns counts the runs of TestSurvey in this process, so that
// go test -count=2 builds a questionnaire with a new title instead of
// finding last run's.
var surveyRuns int

// What the employee answers: two competencies of the national framework
// (by the name the form shows), two development forms (by the value of
// their checkbox and the label the results show) and a free text.
var (
	surveyPicks     = []string{"Integritas", "Komunikasi"}
	surveyForms     = []string{"coaching", "bimtek"}
	surveyFormNames = map[string]string{"coaching": "Coaching", "bimtek": "Bimbingan teknis"}
)

const surveyText = "Pelatihan keamanan siber untuk pengelola aplikasi"

// TestSurvey: the admin OPD of Dinas Kominfo builds a training-needs
// questionnaire for the dinas with the default questions, open from today
// for a week; Ani Sembiring, a Kominfo employee, answers it on her phone
// (two competencies, two forms, a free text) and sees her answer saved;
// the admin then reads the results: 1 response of the N active employees
// asked, and her choices of competencies and forms and her free text
// withheld because fewer than three people answered.
func TestSurvey(t *testing.T) {
	start := time.Now()
	ctx := context.Background()
	surveyRuns++
	title := "Analisis Kebutuhan Pengembangan Kompetensi Diskominfo 2026"
	if surveyRuns > 1 {
		title = fmt.Sprintf("%s (%d)", title, surveyRuns)
	}
	// The default competencies question offers the built-in frameworks;
	// the CLI stores them on opening a database, the suite's store does not.
	if _, err := st.EnsureBuiltInFrameworks(ctx, seedActor); err != nil {
		t.Fatalf("built-in frameworks: %v", err)
	}
	// The people asked: the active employees placed in the dinas' subtree
	// (the seed's four, and those another test may have imported).
	list, more, err := st.Employees(ctx, store.EmployeeFilter{Scope: model.Scope{All: true}, UnitID: city.Kominfo.ID, Status: model.StatusAktif, Limit: 200})
	if err != nil || more || len(list) == 0 {
		t.Fatalf("employees of %s: %d (more: %v), %v", city.Kominfo.Name, len(list), more, err)
	}
	people := len(list)

	// The admin OPD builds the questionnaire at a desk.
	admin := newTab(t)
	mustSignIn(t, admin, opdUser)
	if status := open(t, admin, "/kuesioner"); status != 200 {
		t.Fatalf("/kuesioner: status %d: %.400s", status, bodyText(t, admin))
	}
	need(t, admin, "#managed-surveys", "#new-survey")
	if status := follow(t, admin, "open the new-questionnaire form", chromedp.Click(chromedp.CSS("#new-survey"))); status != 200 {
		t.Fatalf("new questionnaire form: status %d: %.400s", status, bodyText(t, admin))
	}
	need(t, admin, "form#survey-form", "#title", "#unit", "#opens_on", "#closes_on", "#default-questions", "#save")
	typeInto(t, admin, "#title", title)
	// An empty textarea has no text node for chromedp.Clear: type only.
	if err := chromedp.Do(admin, chromedp.SendKeys(chromedp.CSS("#intro"), "Mohon isi sesuai kebutuhan Anda.")); err != nil {
		t.Fatalf("type the introduction: %v", err)
	}
	// Pick the dinas from the unit select, by the name a person reads.
	unitValue := eval[string](t, admin, `(() => { const o = [...document.querySelectorAll("#unit option")].find(o => o.textContent.trim() === `+
		jsString(city.Kominfo.Name)+`); return o ? o.value : ""; })()`)
	if unitValue != strconv.FormatInt(city.Kominfo.ID, 10) {
		t.Fatalf("the unit select offers %q as %q, want value %d; options: %v", city.Kominfo.Name, unitValue, city.Kominfo.ID,
			eval[[]string](t, admin, `[...document.querySelectorAll("#unit option")].map(o => o.textContent.trim())`))
	}
	// The form opens the questionnaire today (the server's day, WIB); it
	// closes in a week.
	today := eval[string](t, admin, `document.querySelector("#opens_on").value`)
	opens, err := time.Parse("2006-01-02", today)
	if err != nil {
		t.Fatalf("the form's opening day %q is not a date: %v", today, err)
	}
	if wib, err := time.LoadLocation("Asia/Jakarta"); err == nil {
		if now := time.Now().In(wib).Format("2006-01-02"); now != today {
			t.Logf("the form opens on %s, today in WIB is %s (midnight?)", today, now)
		}
	}
	closes := opens.AddDate(0, 0, 7).Format("2006-01-02")
	if err := chromedp.Do(admin,
		chromedp.SetValue(chromedp.CSS("#unit"), unitValue),
		chromedp.SetValue(chromedp.CSS("#opens_on"), today),
		chromedp.SetValue(chromedp.CSS("#closes_on"), closes),
	); err != nil {
		t.Fatalf("fill unit and dates: %v", err)
	}
	if status := follow(t, admin, "create the questionnaire", chromedp.Click(chromedp.CSS("#save"))); status != 200 {
		t.Fatalf("create the questionnaire: status %d: %.600s", status, bodyText(t, admin))
	}
	m := regexp.MustCompile(`^/kuesioner/(\d+)/ubah\?dibuat=1$`).FindStringSubmatch(location(t, admin))
	if m == nil {
		t.Fatalf("after creating, the admin is on %s, want /kuesioner/{id}/ubah?dibuat=1: %.600s", location(t, admin), bodyText(t, admin))
	}
	svID := m[1]
	need(t, admin, "#notice", "#question-list")
	if h := textOf(t, admin, "#survey-edit-title"); !strings.Contains(h, title) {
		t.Errorf("the edit page is titled %q, want it to name %q", h, title)
	}
	// The three default questions: competencies, forms, free text.
	qIDs := eval[[]string](t, admin, `[...document.querySelectorAll("#question-list > li")].map(li => li.id.replace(/^q-/, ""))`)
	prompts := eval[[]string](t, admin, `[...document.querySelectorAll("#question-list > li > strong")].map(e => e.innerText.trim())`)
	if len(qIDs) != 3 || len(prompts) != 3 {
		t.Fatalf("the new questionnaire has questions %q %q, want the three default ones", qIDs, prompts)
	}
	for i, w := range []string{"Kompetensi apa", "Bentuk pengembangan", "Kebutuhan pengembangan lain"} {
		if !strings.Contains(prompts[i], w) {
			t.Errorf("question %d reads %q, want it to contain %q", i+1, prompts[i], w)
		}
	}
	qComp, qForms, qText := qIDs[0], qIDs[1], qIDs[2]

	// The employee answers on her phone.
	phone := newPhoneTab(t)
	mustSignIn(t, phone, city.Offices.AniUser.Username)
	if status := open(t, phone, "/kuesioner"); status != 200 {
		t.Fatalf("/kuesioner as the employee: status %d: %.400s", status, bodyText(t, phone))
	}
	mine := "#my-survey-" + svID
	need(t, phone, mine)
	if s := textOf(t, phone, mine); !strings.Contains(s, title) || !strings.Contains(s, "belum dijawab") || !strings.Contains(s, "dibuka") {
		t.Errorf("the employee's list shows %q, want the title, open and not answered yet", s)
	}
	if status := clickLink(t, phone, mine, title); status != 200 {
		t.Fatalf("open the questionnaire: status %d: %.400s", status, bodyText(t, phone))
	}
	if loc := location(t, phone); loc != "/kuesioner/"+svID {
		t.Errorf("the list's link opened %s, want /kuesioner/%s", loc, svID)
	}
	need(t, phone, "form#answer-form", "#q"+qComp, "#q"+qForms, "#q"+qText+" textarea", "#submit-answer")
	if h := textOf(t, phone, "#survey-answer-title"); h != title {
		t.Errorf("the answer page is titled %q, want %q", h, title)
	}
	// The competency checkboxes, found by the name beside them.
	compIDs := map[string]string{}
	for _, name := range surveyPicks {
		v := eval[string](t, phone, `(() => { const l = [...document.querySelectorAll("#q`+qComp+` label")].find(l => l.innerText.trim().startsWith(`+
			jsString(name+" ")+`)); const i = l && l.querySelector("input[type=checkbox]"); return i ? i.value : ""; })()`)
		if v == "" {
			t.Fatalf("the competencies question offers no %q: %.600s", name, textOf(t, phone, "#q"+qComp))
		}
		compIDs[name] = v
	}
	for _, name := range surveyPicks {
		if err := chromedp.Do(phone, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#q%s input[value="%s"]`, qComp, compIDs[name])))); err != nil {
			t.Fatalf("tick %s: %v", name, err)
		}
	}
	for _, f := range surveyForms {
		sel := fmt.Sprintf(`#q%s input[value="%s"]`, qForms, f)
		need(t, phone, sel)
		if err := chromedp.Do(phone, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("tick %s: %v", f, err)
		}
	}
	if err := chromedp.Do(phone, chromedp.SendKeys(chromedp.CSS("#q"+qText+" textarea"), surveyText)); err != nil {
		t.Fatalf("write the free text: %v", err)
	}
	if status := follow(t, phone, "send the answer", chromedp.Click(chromedp.CSS("#submit-answer"))); status != 200 {
		t.Fatalf("send the answer: status %d: %.600s", status, bodyText(t, phone))
	}
	if loc, want := location(t, phone), "/kuesioner/"+svID+"?tersimpan=1"; loc != want {
		t.Errorf("after sending, the employee is on %s, want %s: %.400s", loc, want, bodyText(t, phone))
	}
	if n := textOf(t, phone, "#notice"); n != "Jawaban Anda tersimpan. Terima kasih." {
		t.Errorf("the page confirms %q, want the saved notice", n)
	}
	if a := textOf(t, phone, "#answered-at"); !strings.Contains(a, "Anda menjawab pada") || !strings.Contains(a, "dapat mengubah") {
		t.Errorf("the page says %q, want when she answered and that she may change it", a)
	}
	// The form shows the saved answer: her ticks and her text, nothing else.
	ticked := eval[[]string](t, phone, `[...document.querySelectorAll("#q`+qComp+` input:checked")].map(i => i.closest("label").innerText.trim())`)
	if len(ticked) != len(surveyPicks) {
		t.Errorf("the saved answer shows competencies %q, want %q", ticked, surveyPicks)
	}
	for _, name := range surveyPicks {
		if !slices.ContainsFunc(ticked, func(s string) bool { return strings.HasPrefix(s, name+" ") }) {
			t.Errorf("the saved answer does not show %q ticked: %q", name, ticked)
		}
	}
	formsTicked := eval[[]string](t, phone, `[...document.querySelectorAll("#q`+qForms+` input:checked")].map(i => i.value)`)
	slices.Sort(formsTicked)
	wantForms := slices.Sorted(slices.Values(surveyForms))
	if !slices.Equal(formsTicked, wantForms) {
		t.Errorf("the saved answer shows forms %q, want %q", formsTicked, wantForms)
	}
	if txt := eval[string](t, phone, `document.querySelector("#q`+qText+` textarea").value`); txt != surveyText {
		t.Errorf("the saved answer shows the text %q, want %q", txt, surveyText)
	}
	if b := textOf(t, phone, "#submit-answer"); b != "Simpan perubahan jawaban" {
		t.Errorf("the button reads %q, want the one that changes the answer", b)
	}
	open(t, phone, "/kuesioner")
	if s := textOf(t, phone, mine); !strings.Contains(s, "sudah dijawab") {
		t.Errorf("after answering, the employee's list shows %q, want answered", s)
	}

	// The admin reads the results.
	if status := open(t, admin, "/kuesioner"); status != 200 {
		t.Fatalf("/kuesioner: status %d", status)
	}
	row := "#survey-" + svID
	need(t, admin, row)
	if status := clickLink(t, admin, row, title); status != 200 {
		t.Fatalf("open the results: status %d: %.600s", status, bodyText(t, admin))
	}
	if loc := location(t, admin); loc != "/kuesioner/"+svID+"/hasil" {
		t.Errorf("the title opened %s, want /kuesioner/%s/hasil", loc, svID)
	}
	need(t, admin, "#response-rate", "#people", "#responses", "#rate")
	// 1 of N: the rate is 1 ÷ N in hundredths of a percent, rounded half
	// up, then to a whole percent.
	hundredths := (20000 + people) / (2 * people)
	wantRate := fmt.Sprintf("%d %%", (hundredths+50)/100)
	if got := [3]string{textOf(t, admin, "#people"), textOf(t, admin, "#responses"), textOf(t, admin, "#rate")}; got != [3]string{strconv.Itoa(people), "1", wantRate} {
		t.Errorf("the results show people/responses/rate %q, want %q", got, [3]string{strconv.Itoa(people), "1", wantRate})
	}

	// Competencies and forms: with a single respondent what she chose is
	// withheld like her text (a count of 1 would be her answer); nobody
	// in the dinas is assessed against a standard, so every competency is
	// folded away as "nobody short".
	for _, q := range []string{qComp, qForms} {
		w := "#tallies-withheld-" + q
		need(t, admin, "#result-"+q, w)
		if txt := textOf(t, admin, w); !strings.Contains(txt, "kurang dari 3 pegawai") {
			t.Errorf("the tallies of question %s are withheld with %q, want the reason (fewer than 3)", q, txt)
		}
		if meta := textOf(t, admin, "#result-"+q+" .meta"); strings.Contains(meta, "menjawab") {
			t.Errorf("question %s says %q: how many answered it is a tally too", q, meta)
		}
	}
	if has(t, admin, "#tally-"+qComp+" .said") || has(t, admin, "#tally-"+qForms) {
		t.Errorf("the results show the choices of a single respondent")
	}
	if !has(t, admin, "#quiet-"+qComp) {
		t.Errorf("the competencies nobody is short in are not summed up")
	}

	// Free text: withheld, with fewer than three respondents.
	withheld := "#texts-withheld-" + qText
	need(t, admin, withheld)
	if w := textOf(t, admin, withheld); !strings.Contains(w, "kurang dari 3 pegawai") {
		t.Errorf("the free answers are withheld with %q, want the reason (fewer than 3)", w)
	}
	if has(t, admin, "#texts-"+qText) || strings.Contains(bodyText(t, admin), surveyText) {
		t.Errorf("the results show the free text of a single respondent")
	}

	t.Logf("TestSurvey (%d people asked) took %s", people, time.Since(start).Round(10*time.Millisecond))
}
