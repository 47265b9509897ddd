package web

import (
	"errors"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

// TestFormReadsAndKeepsTheFirstProblem: fields are trimmed and parsed, an
// empty date is no date, and the first field that does not parse is the
// one error the handler reports (with the caller's key and the field).
func TestFormReadsAndKeepsTheFirstProblem(t *testing.T) {
	post := func(v url.Values) *form {
		r := httptest.NewRequest("POST", "/", strings.NewReader(v.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return newForm(r)
	}
	f := post(url.Values{"name": {"  Budi  "}, "year": {" 2024 "}, "id": {"42"}, "on": {"8 Januari 1966"}, "none": {""}})
	if f.Text("name") != "Budi" || f.Int("year", "k") != 2024 || f.Int64("id", "k") != 42 ||
		!f.Date("on", "k").Equal(time.Date(1966, 1, 8, 0, 0, 0, 0, time.UTC)) || !f.Date("none", "k").IsZero() || f.Err() != nil {
		t.Fatalf("good form: err %v", f.Err())
	}
	f = post(url.Values{"year": {"dua ribu"}, "on": {"31-02-2026"}})
	f.Int("year", "err.performance.year_invalid")
	f.Date("on", "err.penalty.date_invalid")
	var e *apperr.Error
	if err := f.Err(); err == nil || !errors.As(err, &e) || e.Field != "year" || e.Key != "err.performance.year_invalid" {
		t.Errorf("first problem: %v", f.Err())
	}
}
