package testcity

import (
	"context"

	"github.com/kompeten/kompeten/internal/model"
)

// Catalogue is what WithCatalogue adds: two partners, a programme of each
// and a session of each.
type Catalogue struct {
	// Univ is Universitas Sumatera Utara (a university, MoU until
	// 2027-06-30); Firm a technology company without an MoU.
	Univ, Firm model.Provider
	// Data develops National[0] to level 3 (Univ, 24 JP, Rp 2.500.000,
	// pelatihan teknis, synchronous); Cloud develops National[1] to level 3
	// (Firm, 16 JP, e-learning, asynchronous).
	Data, Cloud model.Programme
	// DataSess: 30 seats, 2026-08-10 to 2026-08-12, enrolment 2026-06-01 to
	// 2026-07-31, 80 % attendance; CloudSess: 20 seats in September.
	DataSess, CloudSess model.TrainingSession
}

// WithCatalogue is WithAssessment plus Catalogue: the national competencies
// the programmes develop are those of ProgPos's standard.
func WithCatalogue() Option {
	return func(c *config) { c.bidang, c.assessment, c.catalogue = true, true, true }
}

func (c *City) addCatalogue(must func(error)) {
	ctx := context.Background()
	k := &c.Catalogue
	k.Univ = model.Provider{Name: "Universitas Sumatera Utara", Kind: model.ProviderUniversity, ContactName: "Pusat Pelatihan USU",
		Email: "pelatihan@usu.ac.id", Accreditation: "Unggul", MoUNo: "B/123/UN5/2025", MoUFrom: "2025-07-01", MoUUntil: "2027-06-30",
		PriceBasis: "peserta", Price: 2500000, Rating: 42, Active: true}
	must(c.St.CreateProvider(ctx, Sys, &k.Univ))
	k.Firm = model.Provider{Name: "PT Awan Data Nusantara", Kind: model.ProviderCompany, PriceBasis: "jp", Price: 150000, Active: true}
	must(c.St.CreateProvider(ctx, Sys, &k.Firm))
	k.Data = model.Programme{Code: "DIG-ANDAT-01", Title: "Analisis Data untuk Kebijakan Publik", Form: "teknis",
		Model: "terstruktur", Delivery: model.DeliverySync, JP: 24, Cost: 2500000, Capacity: 30, ProviderID: k.Univ.ID, Active: true,
		Competencies: []model.ProgrammeCompetency{{CompetencyID: c.National[0], Level: 3}}}
	must(c.St.CreateProgramme(ctx, Sys, &k.Data))
	k.Cloud = model.Programme{Code: "DIG-CLOUD-01", Title: "Dasar Komputasi Awan", Form: "e_learning", Delivery: model.DeliveryAsync,
		JP: 16, Cost: 2400000, Capacity: 20, ProviderID: k.Firm.ID, Active: true,
		Competencies: []model.ProgrammeCompetency{{CompetencyID: c.National[1], Level: 3}}}
	must(c.St.CreateProgramme(ctx, Sys, &k.Cloud))
	k.DataSess = model.TrainingSession{ProgrammeID: k.Data.ID, Name: "Angkatan I", StartDate: "2026-08-10", EndDate: "2026-08-12",
		StartTime: "08:00", EndTime: "16:00", Place: "Aula BKPSDM Kota Medan", Capacity: 30, EnrolFrom: "2026-06-01",
		EnrolUntil: "2026-07-31", MinAttendance: 80, Instructors: []model.Instructor{{Name: "Dr. Rina Sari Harahap"}}}
	must(c.St.CreateSession(ctx, Sys, &k.DataSess))
	k.CloudSess = model.TrainingSession{ProgrammeID: k.Cloud.ID, Name: "Angkatan I", StartDate: "2026-09-07", EndDate: "2026-09-11",
		OnlineURL: "https://belajar.awandata.co.id/kelas/cloud-01", Capacity: 20, MinAttendance: 80}
	must(c.St.CreateSession(ctx, Sys, &k.CloudSess))
}
