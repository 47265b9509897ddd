package api

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TestEmployeeJSONMatchesEncoder: the hand-written employee list answer is
// byte for byte what encoding/json writes of toEmployeeJSON, for names with quotes,
// backslashes, control characters, HTML, JavaScript line terminators and
// broken UTF-8 as spreadsheets deliver them.
func TestEmployeeJSONMatchesEncoder(t *testing.T) {
	odd := []string{"", "Ahmad Siregar", `Dr. "Ucok", S.T.`, `C:\\dir`, "a\nb\r\tc\b\f\x00\x1f\x7f", "<script>&amp;</script>",
		"Ñoño Lubis\u2028\u2029", "bad \xff\xfe utf8 \xe2\x82", "emoji 😀 ok", "Boru Sinaga\u00a0"}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() string {
		if r.IntN(3) == 0 {
			b := make([]byte, r.IntN(12))
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			return string(b)
		}
		return odd[r.IntN(len(odd))]
	}
	kinds := []model.EmployeeKind{model.PNS, model.PPPK, "", "x\"y"}
	var items []store.EmployeeView
	for i := 0; i < 300; i++ {
		v := store.EmployeeView{PositionTitle: pick(), PositionType: model.PositionType(pick()), Jenjang: pick(), UnitName: pick(),
			SupervisorNIP: pick(), SupervisorName: pick()}
		e := &v.Employee
		*e = model.Employee{ID: int64(i), NIP: pick(), Name: pick(), GelarDepan: pick(), GelarBelakang: pick(), BirthPlace: pick(),
			Gender: model.Gender(pick()), Kind: kinds[i%len(kinds)], Golongan: []string{"III/a", "IV/e", "IX", pick()}[i%4],
			UnitID: int64(-i), SupervisorSet: i%2 == 0, Email: pick(), Phone: pick(), Status: model.Status(pick())}
		if i%3 == 0 {
			e.BirthDate = time.Date(1980, 2, 29, 0, 0, 0, 0, time.UTC)
			v.RetirementDate = time.Date(2038, 3, 1, 0, 0, 0, 0, time.UTC)
			e.PositionID, e.SupervisorID = 77, int64(i+1)
			e.UpdatedAt = time.Date(2026, 11, 22, 21, 4, 5, 0, time.FixedZone("WIB", 7*3600))
		}
		items = append(items, v)
	}
	for _, n := range []int{0, 1, 300} {
		next := 50
		for _, nx := range []*int{nil, &next} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			var js []employeeJSON
			for i := range items[:n] {
				js = append(js, toEmployeeJSON(&items[i]))
			}
			if js == nil {
				js = []employeeJSON{}
			}
			if err := enc.Encode(map[string]any{"items": js, "next_offset": nx}); err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			writeEmployeePage(rec, items[:n], nx)
			if got := rec.Body.Bytes(); !bytes.Equal(got, want.Bytes()) {
				i := 0
				for i < len(got) && i < want.Len() && got[i] == want.Bytes()[i] {
					i++
				}
				t.Fatalf("%d items: differs at byte %d:\ngot  …%q\nwant …%q", n, i, got[max(0, i-40):min(len(got), i+40)], want.Bytes()[max(0, i-40):min(want.Len(), i+40)])
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("content type %q", ct)
			}
		}
	}
}
