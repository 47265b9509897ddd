package registry

import (
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// TestProblemsInBothLanguages: each problem reads in the language asked
// for, the reasons of package nip (with their hints) and the golongan hint
// included, and its Message and MessageEN agree with Text.
func TestProblemsInBothLanguages(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		e      model.Employee
		field  string
		id, en string
	}{
		{model.Employee{NIP: "19660801198803100O", Name: "A", Gender: "L", Kind: model.PNS, UnitID: 1}, FieldNIP,
			`NIP hanya boleh berisi angka: karakter 'O' pada posisi 18 bukan angka (huruf O, bukan angka 0)`,
			`the NIP may contain digits only: character 'O' at position 18 is not a digit (the letter O, not the digit 0)`},
		{model.Employee{NIP: "199009132025242014", Name: "A", Gender: "P", Kind: model.PNS, UnitID: 1}, FieldNIP,
			"bulan TMT CPNS 24 tidak valid (harus 01–12); nomor ini sah sebagai NI PPPK: periksa jenis pegawai",
			"TMT CPNS month 24 is not valid (must be 01–12); the number is a valid NI PPPK: check the employee kind"},
		{model.Employee{NIP: "196608011988031001", Name: "A", Gender: "P", Kind: model.PNS, UnitID: 1, Status: model.StatusPindah}, FieldGender,
			"jenis kelamin P (perempuan) berbeda dengan NIP (L (laki-laki)): periksa data",
			"gender P (female) differs from the NIP (L (male)): check the record"},
		{model.Employee{NIP: "196608011988031001", Name: "A", Gender: "L", Kind: model.PNS, UnitID: 1, Golongan: "V/z"}, FieldGolongan,
			`golongan "V/z" tidak dikenal untuk PNS (contoh: III/a)`, `golongan "V/z" is not valid for PNS (e.g. III/a)`},
	}
	for _, c := range cases {
		e := c.e
		var got *Problem
		for _, p := range CheckEmployee(&e, now) {
			if p.Field == c.field {
				got = &p
				break
			}
		}
		if got == nil {
			t.Errorf("%s: no problem on %s", c.e.NIP, c.field)
			continue
		}
		if got.Text(i18n.ID) != c.id || got.Message != c.id {
			t.Errorf("%s id: %q / %q, want %q", c.e.NIP, got.Text(i18n.ID), got.Message, c.id)
		}
		if got.Text(i18n.EN) != c.en || got.MessageEN != c.en {
			t.Errorf("%s en: %q / %q, want %q", c.e.NIP, got.Text(i18n.EN), got.MessageEN, c.en)
		}
	}
}
