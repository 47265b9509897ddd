package api

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestMyNotifications: the caller reads their inbox in their language,
// marks one read (never another's), and sets their preferences.
func TestMyNotifications(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		budi := f.city.BudiUser
		id, err := st.Notify(ctx, store.Notice{UserID: budi.ID, Event: model.NoticeEnrolled, Args: []string{"Analisis Data", "Angkatan I", "2026-08-10"}, Link: "/angkatan/3"})
		if err != nil {
			t.Fatal(err)
		}
		r := f.do("GET", Prefix+"/me/notifications", f.pegawai, nil)
		items, _ := r.body["items"].([]any)
		if r.status != http.StatusOK || len(items) != 1 || r.body["unread"] != float64(1) {
			t.Fatalf("inbox: %d %s", r.status, r.raw)
		}
		n := items[0].(map[string]any)
		if n["subject"] != "Anda terdaftar: Analisis Data" || n["body"] != "Anda mendapat kursi di Analisis Data, Angkatan I, mulai 10 Agustus 2026." || n["read"] != false {
			t.Errorf("entry: %v", n)
		}
		if r := f.do("POST", fmt.Sprintf("%s/me/notifications/%d/read", Prefix, id), f.admin, "{}"); r.status != http.StatusNotFound {
			t.Errorf("another account marked Budi's notification: %d", r.status)
		}
		if r := f.do("POST", fmt.Sprintf("%s/me/notifications/%d/read", Prefix, id), f.pegawai, "{}"); r.status != http.StatusNoContent {
			t.Errorf("mark read: %d %s", r.status, r.raw)
		}
		if r := f.do("GET", Prefix+"/me/notifications", f.pegawai, nil); r.body["unread"] != float64(0) {
			t.Errorf("unread after marking: %s", r.raw)
		}
		r = f.do("PUT", Prefix+"/me/notification-preferences", f.pegawai, map[string]any{"preferences": map[string]string{"enrolment.confirmed": "harian"}})
		prefs, _ := r.body["preferences"].(map[string]any)
		if r.status != http.StatusOK || prefs["enrolment.confirmed"] != "harian" || prefs["plan.decided"] != "surel" || len(prefs) != len(model.NoticeEvents) {
			t.Errorf("preferences: %d %s", r.status, r.raw)
		}
		if r := f.do("PUT", Prefix+"/me/notification-preferences", f.pegawai, map[string]any{"preferences": map[string]string{"plan.decided": "sms"}}); r.status != http.StatusUnprocessableEntity {
			t.Errorf("an unknown channel: %d %s", r.status, r.raw)
		}
	})
}
