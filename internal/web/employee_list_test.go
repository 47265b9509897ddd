package web

import (
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TestListRowsHTMLEscapes: the list rows written in Go escape every value
// as the template would, and number rows from first.
func TestListRowsHTMLEscapes(t *testing.T) {
	rows := []store.EmployeeListRow{{ID: 7, NIP: "198001012005011001", Name: `<script>x</script>`, GelarDepan: "Dr.",
		Kind: model.PNS, Golongan: `III/a"`, Status: model.StatusAktif, PositionTitle: "A & B", UnitName: `Dinas <Kominfo>`}}
	h := string(listRowsHTML(i18n.ID, rows, 51))
	for _, bad := range []string{"<script>", `III/a"`, "A & B", "<Kominfo>"} {
		if strings.Contains(h, bad) {
			t.Errorf("unescaped %q in %s", bad, h)
		}
	}
	for _, want := range []string{`data-label="#">51</td>`, `href="/pegawai/7"`, "&lt;script&gt;", "A &amp; B",
		`data-label="` + i18n.T(i18n.ID, "field.name") + `"`, i18n.T(i18n.ID, "status."+string(model.StatusAktif))} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %q in %s", want, h)
		}
	}
	o := string(unitOptionsHTML([]model.OrgUnit{{ID: 3, Name: "A<B", Depth: 1}, {ID: 4, Name: "C"}}, "4"))
	if !strings.Contains(o, `<option value="3">`+"\u00a0\u00a0"+`A&lt;B</option>`) || !strings.Contains(o, `<option value="4" selected>C</option>`) {
		t.Errorf("unit options: %s", o)
	}
}
