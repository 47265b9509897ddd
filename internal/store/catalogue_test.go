package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestCatalogueRoundTrip stores partners, programmes and sessions and reads
// them back as a catalogue page and a calendar would, with the refusals a
// clerk meets.
func TestCatalogueRoundTrip(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue())
		k := c.Catalogue

		p, err := s.Programme(ctx, k.Data.ID)
		must(t, err)
		if p.ProviderName != k.Univ.Name || len(p.Competencies) != 1 || p.Competencies[0].CompetencyID != c.National[0] ||
			p.Competencies[0].Level != 3 || p.Competencies[0].Name == "" {
			t.Fatalf("programme read back: %+v", p)
		}
		list, err := s.Programmes(ctx, store.ProgrammeFilter{Query: "awan"})
		must(t, err)
		if len(list) != 1 || list[0].ID != k.Cloud.ID {
			t.Errorf("search 'awan': %+v", list)
		}
		list, err = s.Programmes(ctx, store.ProgrammeFilter{CompetencyID: c.National[0]})
		must(t, err)
		if len(list) != 1 || list[0].ID != k.Data.ID {
			t.Errorf("by competency: %+v", list)
		}

		dup := k.Cloud
		dup.ID, dup.Code = 0, k.Data.Code
		if err := s.CreateProgramme(ctx, admin, &dup); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("a second programme with code %s: %v", k.Data.Code, err)
		}
		bad := model.Programme{Code: "X-1", Title: "X", Form: "ceramah", Delivery: model.DeliverySync, JP: 2, ProviderID: k.Univ.ID}
		if err := s.CreateProgramme(ctx, admin, &bad); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("an unknown form: %v", err)
		}

		aug, err := s.TrainingSessions(ctx, store.SessionFilter{From: "2026-08-01", To: "2026-08-31"})
		must(t, err)
		if len(aug) != 1 || aug[0].ID != k.DataSess.ID || aug[0].ProgrammeTitle != k.Data.Title || aug[0].JP != 24 {
			t.Errorf("August's sessions: %+v", aug)
		}
		mine, err := s.TrainingSessions(ctx, store.SessionFilter{ProviderID: k.Firm.ID})
		must(t, err)
		if len(mine) != 1 || mine[0].ID != k.CloudSess.ID {
			t.Errorf("the firm's sessions: %+v", mine)
		}

		sess, err := s.TrainingSession(ctx, k.DataSess.ID)
		must(t, err)
		if len(sess.Instructors) != 1 || len(sess.Days()) != 3 {
			t.Errorf("session read back: %+v, days %v", sess, sess.Days())
		}
		sess.EndDate = "2026-08-01"
		if err := s.UpdateSession(ctx, admin, sess); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("an end before the start: %v", err)
		}

		// An instructor's account runs the session: the partner's own or
		// the city's, never another partner's or a disabled one.
		sess.EndDate = sess.StartDate
		own := model.User{Username: "usu-pengajar", Role: model.RolePenyelenggara, ProviderID: k.Univ.ID, Active: true}
		other := model.User{Username: "awan-pengajar", Role: model.RolePenyelenggara, ProviderID: k.Firm.ID, Active: true}
		gone := model.User{Username: "usu-lama", Role: model.RolePenyelenggara, ProviderID: k.Univ.ID}
		for _, u := range []*model.User{&own, &other, &gone} {
			must(t, c.AddUser(u, "rahasia-pengajar-1"))
		}
		for _, u := range []*model.User{&other, &gone} {
			sess.Instructors = []model.Instructor{{Name: u.Username, UserID: u.ID}}
			if err := s.UpdateSession(ctx, admin, sess); apperr.Code(err) != apperr.EINVALID {
				t.Errorf("%s as the university's instructor: %v", u.Username, err)
			}
		}
		sess.Instructors = []model.Instructor{{Name: "Dosen USU", UserID: own.ID}, {Name: "Widyaiswara", UserID: c.BudiUser.ID}}
		must(t, s.UpdateSession(ctx, admin, sess))

		v, err := s.Provider(ctx, k.Univ.ID)
		must(t, err)
		v.Rating = 45
		must(t, s.UpdateProvider(ctx, admin, v))
		if !v.MoUExpiresWithin("2027-06-01", 30) || v.MoUExpiresWithin("2027-04-01", 30) || !v.MoUExpired("2027-07-01") {
			t.Error("MoU expiry windows")
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "provider", EntityID: fmt.Sprint(k.Univ.ID)})
		must(t, err)
		if len(log) != 2 || log[0].Action != "provider.update" {
			t.Errorf("provider audit: %+v", log)
		}
	})
}
