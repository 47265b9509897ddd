package api

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/http/httptest"
	"testing"
)

// TestEmployeeJSONMatchesEncoder: the hand-written employee list answer is
// byte for byte what encoding/json writes, for names with quotes,
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
	date, id := "1980-02-29", int64(77)
	var items []employeeJSON
	for i := 0; i < 300; i++ {
		e := employeeJSON{ID: int64(i), NIP: pick(), NIPFormatted: pick(), Name: pick(), GelarDepan: pick(), GelarBelakang: pick(),
			FullName: pick(), BirthPlace: pick(), Gender: pick(), Kind: pick(), Golongan: pick(), Pangkat: pick(),
			PositionTitle: pick(), PositionType: pick(), Jenjang: pick(), UnitID: int64(-i), UnitName: pick(),
			SupervisorSet: i%2 == 0, SupervisorNIP: pick(), SupervisorName: pick(), Email: pick(), Phone: pick(), Status: pick(), UpdatedAt: pick()}
		if i%3 == 0 {
			e.BirthDate, e.RetirementDate, e.PositionID, e.SupervisorID = &date, &date, &id, &id
		}
		items = append(items, e)
	}
	for _, n := range []int{0, 1, 300} {
		next := 50
		for _, nx := range []*int{nil, &next} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(map[string]any{"items": items[:n], "next_offset": nx}); err != nil {
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
