package web

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestAttendanceByQR follows a place through the pages: the BKPSDM admin
// enrols Ani, the partner's instructor account shows the QR code, Ani's
// phone opens the URL the image holds (signing in on the way) and is marked
// once, the instructor completes her after marking the missing days by
// hand; the other partner's account reaches none of it, nor any
// participant's profile.
func TestAttendanceByQR(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue(), testcity.WithOffices(),
		testcity.WithClock(time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)))
	k := f.city.Catalogue
	ani := f.city.Ani
	const pw = "rahasia-mitra-7"
	univ := model.User{Username: "usu-dosen", Role: model.RolePenyelenggara, ProviderID: k.Univ.ID, Active: true}
	must(t, f.city.AddUser(&univ, pw))
	firm := model.User{Username: "awan-dosen", Role: model.RolePenyelenggara, ProviderID: k.Firm.ID, Active: true}
	must(t, f.city.AddUser(&firm, pw))
	sess := fmt.Sprintf("/angkatan/%d", k.DataSess.ID)

	admin := f.client(t)
	admin.login(f.city.Offices.AdminUser.Username, testcity.PwOffices)
	pg := admin.post(sess+"/daftarkan", url.Values{"nip": {ani.NIP}})
	status(t, pg, 200)
	contains(t, pg, "enrol-notice", "Kursi terisi 1 dari 30")

	day1 := time.Date(2026, 8, 10, 1, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return day1 }
	ins := f.client(t)
	ins.login(univ.Username, pw)
	pg = ins.get(sess + "/presensi?hari=2026-08-10")
	status(t, pg, 200)
	contains(t, pg, "attend-qr", "attend-code", ani.Name)
	img := ins.get(sess + "/presensi/qr.png?hari=2026-08-10")
	status(t, img, 200)
	link := decodeQR(t, []byte(img.Body))
	u, err := url.Parse(link)
	must(t, err)
	if u.Path != "/hadir" || u.Query().Get("t") == "" || u.Host != strings.TrimPrefix(f.srv.URL, "http://") {
		t.Fatalf("the QR code holds %q", link)
	}
	// Behind a proxy the public address (--base-url) is the one to scan.
	st.BaseURL = "https://kompeten.pemkomedan.go.id/"
	if behind := decodeQR(t, []byte(ins.get(sess+"/presensi/qr.png?hari=2026-08-10").Body)); !strings.HasPrefix(behind, "https://kompeten.pemkomedan.go.id/hadir?t=") {
		t.Errorf("with a public address the QR code holds %q", behind)
	}
	st.BaseURL = ""

	// Ani's phone, not signed in: the sign-in page brings her back.
	phone := f.client(t)
	pg = phone.get(u.RequestURI())
	if pg.URL != "/masuk" {
		t.Fatalf("not signed in, the scan lands on %s", pg.URL)
	}
	pg = phone.post("/masuk", url.Values{"username": {ani.NIP}, "password": {testcity.PwOffices}, "next": {u.RequestURI()}})
	status(t, pg, 200)
	contains(t, pg, "checkin-done")
	pg = phone.get(u.RequestURI())
	contains(t, pg, "checkin-already")
	lacks(t, pg, "checkin-done")

	// A forwarded picture: Budi holds no seat; and after a minute the
	// token is dead for Ani too.
	budi := f.client(t)
	budi.login(f.city.BudiUser.Username, pwBudi)
	pg = budi.get(u.RequestURI())
	status(t, pg, 422)
	contains(t, pg, "checkin-error")
	st.Now = func() time.Time { return day1.Add(90 * time.Second) }
	pg = phone.get(u.RequestURI())
	status(t, pg, 422)
	contains(t, pg, "kedaluwarsa")

	pg = ins.get(sess + "/presensi/daftar?hari=2026-08-10")
	status(t, pg, 200)
	contains(t, pg, "attend-"+fmt.Sprint(ani.ID), "1 dari 1 peserta hadir")
	lacks(t, pg, "<html")

	// The other partner: none of the session, nor a participant's profile.
	other := f.client(t)
	other.login(firm.Username, pw)
	for _, path := range []string{sess + "/peserta", sess + "/presensi", sess + "/presensi/qr.png", sess + "/presensi/daftar", sess + "/pendaftaran",
		fmt.Sprintf("/pegawai/%d", ani.ID), fmt.Sprintf("/pegawai/%d/profil.pdf", ani.ID)} {
		if pg := other.get(path); pg.Status != 404 && pg.Status != 403 {
			t.Errorf("the other partner's account reads %s: %d", path, pg.Status)
		}
	}
	// The partner's own account sees the participant's name, NIP and
	// unit, and not her profile.
	if pg := ins.get(fmt.Sprintf("/pegawai/%d", ani.ID)); pg.Status != 404 && pg.Status != 403 {
		t.Errorf("the partner's account reads Ani's profile: %d", pg.Status)
	}

	// One day of three is under 80 %: refused; two more by hand, then done.
	pg = ins.get(sess + "/peserta")
	contains(t, pg, ani.Name, ani.NIP, f.city.Bidang.Name, "33 %")
	enID := placeOf(t, f, k.DataSess.ID, ani.ID)
	pg = ins.post(sess+"/peserta/selesai", url.Values{"enrolment": {enID}, "hasil": {"selesai"}, "nilai": {"90"}})
	status(t, pg, 422)
	contains(t, pg, "participants-error")
	for _, d := range []string{"2026-08-11", "2026-08-12"} {
		status(t, ins.post(sess+"/presensi", url.Values{"employee": {fmt.Sprint(ani.ID)}, "hari": {d}, "aksi": {"hadir"}}), 200)
	}
	pg = ins.post(sess+"/peserta/selesai", url.Values{"enrolment": {enID}, "hasil": {"selesai"}, "nilai": {"90"}})
	status(t, pg, 200)
	contains(t, pg, "participants-notice", "100 %")
	pg = phone.get("/sesi-saya")
	contains(t, pg, k.Data.Title, "Selesai")
}

// decodeQR reads the text of a QR code PNG.
func decodeQR(t *testing.T, b []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	must(t, err)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	must(t, err)
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	must(t, err)
	return res.GetText()
}

// placeOf is the ID of the employee's place in the session, as text.
func placeOf(t *testing.T, f *fixture, sessionID, employeeID int64) string {
	t.Helper()
	list, err := f.st.Participants(context.Background(), sessionID)
	must(t, err)
	for _, en := range list {
		if en.EmployeeID == employeeID {
			return fmt.Sprint(en.ID)
		}
	}
	t.Fatalf("employee %d has no place in session %d", employeeID, sessionID)
	return ""
}

// TestAgreementOnProfile: a PPPK's profile shows the work agreement and the
// admin records it there; a PNS's profile has no such section, and the
// form refuses an end before the start.
func TestAgreementOnProfile(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithOffices())
	admin := f.client(t)
	admin.login(f.city.Offices.AdminUser.Username, testcity.PwOffices)
	bayu := fmt.Sprintf("/pegawai/%d", f.city.Bayu.ID)
	pg := admin.get(bayu)
	contains(t, pg, "no-agreement", "agreement-form")
	pg = admin.post(bayu+"/perjanjian", url.Values{"mulai": {"2025-03-01"}, "akhir": {"2030-02-28"}})
	status(t, pg, 200)
	contains(t, pg, "Perjanjian kerja disimpan.", "1 Maret 2025", "28 Februari 2030")
	status(t, admin.post(bayu+"/perjanjian", url.Values{"mulai": {"2025-03-01"}, "akhir": {"2024-03-01"}}), 400)
	lacks(t, admin.get(fmt.Sprintf("/pegawai/%d", f.city.Ani.ID)), `id="agreement"`)
	status(t, admin.post(fmt.Sprintf("/pegawai/%d/perjanjian", f.city.Ani.ID), url.Values{"mulai": {"2025-03-01"}, "akhir": {"2030-02-28"}}), 400)
}
