package api

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestErrorsInClientLanguage: a client that sends Accept-Language: en reads
// every error in English, one that sends nothing (or Indonesian) reads it in
// Indonesian; each case is a different error of a different aggregate,
// provoked through the real handler.
func TestErrorsInClientLanguage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		emp := "/api/v1/employees/" + itoa(f.a2.ID)
		cases := []struct {
			name, method, path, token, body string
			status                          int
			en, id                          string
		}{
			{"account", "GET", "/api/v1/me", "no-such-token", "", 401,
				"API token unknown or its account is inactive", "token API tidak dikenal atau akunnya tidak aktif"},
			{"employee", "GET", "/api/v1/employees/999999", f.super, "", 404,
				"employee 999999 not found", "pegawai 999999 tidak ditemukan"},
			{"registry", "POST", "/api/v1/employees", f.super,
				`{"nip":"199002202015031005","name":"Rina","gender":"X","unit_id":` + itoa(f.unitA.ID) + `}`, 422,
				`gender "X" is unknown: use L (male) or P (female)`, `jenis kelamin "X" tidak dikenal: isi L (laki-laki) atau P (perempuan)`},
			{"unit", "POST", "/api/v1/units", f.super, `{"code":"X","name":"X","kind":"planet"}`, 422,
				`unit kind "planet" is unknown`, `jenis unit "planet" tidak dikenal`},
			{"position", "POST", "/api/v1/positions", f.super, `{"title":"X","type":"pelaksana","unit_id":9999}`, 422,
				"unit 9999 does not exist", "unit 9999 tidak ada"},
			{"framework", "GET", "/api/v1/frameworks/99999", f.pegawai, "", 404,
				"framework 99999 not found", "kerangka 99999 tidak ditemukan"},
			{"standard", "PUT", "/api/v1/positions/" + itoa(f.staffA.ID) + "/standard", f.super,
				`{"decree_no":"Perwal 1","decree_date":"2026-01-15","items":[]}`, 422,
				"a standard needs at least one competency", "standar memerlukan paling sedikit satu kompetensi"},
			{"rating", "POST", "/api/v1/ratings", f.admin, `{"employee_id":` + itoa(f.a2.ID) + `,"competency_id":1,"source":"test","level":9}`, 422,
				"the level must be 1 to 5", "level harus 1 sampai 5"},
			{"cycle", "POST", "/api/v1/cycles", f.admin,
				`{"name":"Juni","opens_on":"2025-06-01","closes_on":"2025-05-01","scope_unit_id":` + itoa(f.unitA.ID) + `}`, 422,
				"the closing date cannot be before the opening date", "tanggal tutup tidak boleh sebelum tanggal buka"},
			{"survey", "GET", "/api/v1/surveys/99999/results", f.super, "", 404,
				"survey 99999 not found", "kuesioner 99999 tidak ditemukan"},
			{"penalty", "POST", emp + "/penalties", f.admin,
				`{"level":"sangat berat","kind":"x","decree_no":"1","decree_date":"2025-05-20","starts_on":"2025-06-01","ends_on":"2025-11-30"}`, 422,
				`penalty level "sangat berat" is unknown (ringan, sedang, berat)`, `tingkat hukuman "sangat berat" tidak dikenal (ringan, sedang, berat)`},
			{"talent", "GET", "/api/v1/talent", f.pegawai, "", 403,
				"role pegawai may not open the talent map", "peran pegawai tidak boleh membuka peta talenta"},
			{"request", "POST", "/api/v1/units", f.super, `{"code":"X","nama":"X"}`, 422,
				`field "nama" is unknown`, `kolom "nama" tidak dikenal`},
		}
		for _, c := range cases {
			for _, lang := range []struct{ header, want string }{{"en-GB,en;q=0.9", c.en}, {"fr, en;q=0.5", c.en}, {"", c.id}, {"id-ID,en;q=0.5", c.id}} {
				req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
				req.Header.Set("Authorization", "Bearer "+c.token)
				req.Header.Set("Content-Type", "application/json")
				if lang.header != "" {
					req.Header.Set("Accept-Language", lang.header)
				}
				rec := httptest.NewRecorder()
				f.h.ServeHTTP(rec, req)
				var body struct {
					Error struct {
						Message  string `json:"message"`
						Problems []struct {
							Message   string `json:"message"`
							MessageEN string `json:"message_en"`
						} `json:"problems"`
					} `json:"error"`
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != c.status {
					t.Errorf("%s (%s): status %d, want %d: %s", c.name, lang.header, rec.Code, c.status, rec.Body)
					continue
				}
				if body.Error.Message != lang.want {
					t.Errorf("%s (Accept-Language %q): message %q, want %q", c.name, lang.header, body.Error.Message, lang.want)
				}
				if c.name != "registry" {
					continue
				}
				found := false // registry problems follow the language too; message_en stays English
				for _, p := range body.Error.Problems {
					found = found || p.Message == lang.want && p.MessageEN == c.en
				}
				if !found {
					t.Errorf("registry (%q): no problem reads %q with message_en %q: %s", lang.header, lang.want, c.en, rec.Body)
				}
			}
		}
	})
}
