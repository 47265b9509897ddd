package api

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/attend"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestEnrolmentAPI walks a place's life through the API: an admin enrols
// Ani, she checks in with the QR token and then with a typed code, the
// partner's account records her completion, and the other partner's
// account is told the session and its people do not exist, nor may it read
// any participant's assessment.
func TestEnrolmentAPI(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue(), testcity.WithOffices(),
		testcity.WithClock(time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)))
	k := f.city.Catalogue
	ctx := context.Background()
	sess := fmt.Sprint(k.DataSess.ID)
	univ := f.userToken(model.User{Username: "usu-pelatihan", Role: model.RolePenyelenggara, ProviderID: k.Univ.ID})
	firm := f.userToken(model.User{Username: "awan-pelatihan", Role: model.RolePenyelenggara, ProviderID: k.Firm.ID})
	ani := f.city.Token(t, f.city.Offices.AniUser)
	bkpsdm := f.city.Token(t, f.city.Offices.AdminUser)

	en := f.do("POST", Prefix+"/sessions/"+sess+"/enrolments", bkpsdm, map[string]any{"employee_id": f.city.Ani.ID}).want(t, http.StatusCreated)
	if en.body["status"] != "terdaftar" {
		t.Fatalf("enrolled: %s", en.raw)
	}
	enID := fmt.Sprint(int64(en.body["id"].(float64)))
	f.do("POST", Prefix+"/sessions/"+sess+"/enrolments", bkpsdm, map[string]any{"employee_id": f.city.Ani.ID}).want(t, http.StatusConflict)
	// Ani may not enrol others; the partner sees its participants, the
	// other partner sees nothing.
	f.do("POST", Prefix+"/sessions/"+sess+"/enrolments", ani, map[string]any{"employee_id": f.city.Bayu.ID}).want(t, http.StatusForbidden)
	list := f.do("GET", Prefix+"/sessions/"+sess+"/enrolments", univ, nil).want(t, http.StatusOK)
	items := list.body["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["nip"] != f.city.Ani.NIP {
		t.Errorf("the partner's participants: %s", list.raw)
	}
	f.do("GET", Prefix+"/sessions/"+sess+"/enrolments", firm, nil).want(t, http.StatusNotFound)
	f.do("GET", Prefix+"/sessions/"+sess+"/attendance", firm, nil).want(t, http.StatusNotFound)
	f.do("POST", Prefix+"/enrolments/"+enID+"/completion", firm, map[string]any{"completed": true, "score": 90}).want(t, http.StatusNotFound)
	for _, path := range []string{"/employees/%d/competencies", "/employees/%d/penalties", "/employees/%d"} {
		for _, tok := range []string{univ, firm} {
			if r := f.do("GET", Prefix+fmt.Sprintf(path, f.city.Ani.ID), tok, nil); r.status != http.StatusNotFound && r.status != http.StatusForbidden {
				t.Errorf("a partner's account reads %s: %d %s", fmt.Sprintf(path, f.city.Ani.ID), r.status, r.raw)
			}
		}
	}
	mine := f.do("GET", Prefix+"/me/enrolments", ani, nil).want(t, http.StatusOK)
	if its := mine.body["items"].([]any); len(its) != 1 || its[0].(map[string]any)["programme"] != k.Data.Title {
		t.Errorf("Ani's places: %s", mine.raw)
	}

	// On the first day Ani scans the QR code; a token of a minute ago is
	// refused; the typed code of the second day marks that day.
	day1 := time.Date(2026, 8, 10, 1, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return day1 }
	key, err := st.AttendanceKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	old := attend.Token(key, k.DataSess.ID, "2026-08-10", day1.Add(-2*attend.Slot))
	f.do("POST", Prefix+"/attendance/check-in", ani, map[string]any{"token": old}).want(t, http.StatusUnprocessableEntity)
	tok := attend.Token(key, k.DataSess.ID, "2026-08-10", day1)
	r := f.do("POST", Prefix+"/attendance/check-in", ani, map[string]any{"token": tok}).want(t, http.StatusOK)
	if r.body["already"] != false {
		t.Errorf("first check-in: %s", r.raw)
	}
	r = f.do("POST", Prefix+"/attendance/check-in", ani, map[string]any{"token": tok}).want(t, http.StatusOK)
	if r.body["already"] != true {
		t.Errorf("second check-in: %s", r.raw)
	}
	// Someone without a seat who got the forwarded token is refused.
	f.do("POST", Prefix+"/attendance/check-in", f.pegawai, map[string]any{"token": tok}).want(t, http.StatusForbidden)
	day2 := day1.AddDate(0, 0, 1)
	st.Now = func() time.Time { return day2 }
	code := attend.Code(key, k.DataSess.ID, "2026-08-11", day2)
	f.do("POST", Prefix+"/attendance/check-in", ani, map[string]any{"session_id": k.DataSess.ID, "code": code}).want(t, http.StatusOK)

	// Two days of three: under the 80 % minimum until the instructor
	// marks the third by hand.
	f.do("POST", Prefix+"/enrolments/"+enID+"/completion", univ, map[string]any{"completed": true, "score": 88}).want(t, http.StatusUnprocessableEntity)
	f.do("POST", Prefix+"/sessions/"+sess+"/attendance", univ, map[string]any{"employee_id": f.city.Ani.ID, "day": "2026-08-12"}).
		want(t, http.StatusNoContent)
	done := f.do("POST", Prefix+"/enrolments/"+enID+"/completion", univ, map[string]any{"completed": true, "score": 88}).want(t, http.StatusOK)
	if done.body["status"] != "selesai" || done.body["score"] != float64(88) {
		t.Errorf("completed: %s", done.raw)
	}
	marks := f.do("GET", Prefix+"/sessions/"+sess+"/attendance", univ, nil).want(t, http.StatusOK)
	if n := len(marks.body["items"].([]any)); n != 3 {
		t.Errorf("%d marks: %s", n, marks.raw)
	}
	f.do("POST", Prefix+"/enrolments/"+enID+"/cancel", ani, nil).want(t, http.StatusConflict) // a finished place stays

	// A PPPK's agreement.
	bayu := fmt.Sprint(f.city.Bayu.ID)
	f.do("PUT", Prefix+"/employees/"+bayu+"/agreement", bkpsdm, map[string]any{"start": "2025-03-01", "end": "2030-02-28"}).want(t, http.StatusOK)
	ag := f.do("GET", Prefix+"/employees/"+bayu+"/agreement", bkpsdm, nil).want(t, http.StatusOK)
	if ag.body["recorded"] != true || ag.body["end"] != "2030-02-28" {
		t.Errorf("Bayu's agreement: %s", ag.raw)
	}
	f.do("PUT", Prefix+"/employees/"+fmt.Sprint(f.city.Ani.ID)+"/agreement", bkpsdm, map[string]any{"start": "2025-03-01", "end": "2030-02-28"}).
		want(t, http.StatusUnprocessableEntity)
}
