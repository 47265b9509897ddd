package model

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Limits of the catalogue's fields, as the forms' maxlength say.
const (
	CatalogueMaxName = 200
	CatalogueMaxText = 4000
	ProgrammeMaxJP   = 2000 // a degree (tugas belajar) counts in the hundreds of JP; a typo of 20000 does not
	SessionMaxSeats  = 10000
)

var programmeCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$`)
var clockTime = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// isoDate reports whether s is an ISO calendar date (or empty when allowed).
func isISODate(s string, emptyOK bool) bool {
	if s == "" {
		return emptyOK
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// Validate checks a partner before it is stored, trimming its texts and
// naming the field at fault.
func (p *Provider) Validate() error {
	p.Email = strings.ToLower(p.Email)
	for _, f := range []*string{&p.Name, &p.ContactName, &p.Email, &p.Phone, &p.Address, &p.Website, &p.Accreditation, &p.MoUNo, &p.MoUFrom, &p.MoUUntil, &p.PriceBasis} {
		*f = strings.TrimSpace(*f)
	}
	switch {
	case p.Name == "":
		return apperr.Invalid("name", "err.catalogue.name_required")
	case TooLong(p.Name, CatalogueMaxName):
		return apperr.Invalid("name", "err.catalogue.too_long", CatalogueMaxName)
	case !slices.Contains(ProviderKinds, p.Kind):
		return apperr.Invalid("kind", "err.catalogue.provider_kind", string(p.Kind))
	case p.Email != "" && !ValidEmail(p.Email):
		return apperr.Invalid("email", "err.catalogue.email", p.Email)
	case p.Website != "" && !webURL(p.Website):
		return apperr.Invalid("website", "err.catalogue.url", p.Website)
	case !isISODate(p.MoUFrom, true):
		return apperr.Invalid("mou_from", "err.catalogue.date", p.MoUFrom)
	case !isISODate(p.MoUUntil, true):
		return apperr.Invalid("mou_until", "err.catalogue.date", p.MoUUntil)
	case p.MoUFrom != "" && p.MoUUntil != "" && p.MoUUntil < p.MoUFrom:
		return apperr.Invalid("mou_until", "err.catalogue.mou_until_before_from")
	case (p.MoUFrom != "" || p.MoUUntil != "") && p.MoUNo == "":
		return apperr.Invalid("mou_no", "err.catalogue.mou_no_required")
	case p.PriceBasis != "jp" && p.PriceBasis != "peserta":
		return apperr.Invalid("price_basis", "err.catalogue.price_basis", p.PriceBasis)
	case p.Price < 0:
		return apperr.Invalid("price", "err.catalogue.negative")
	case p.Rating < 0 || p.Rating > 50:
		return apperr.Invalid("rating", "err.catalogue.rating")
	}
	for _, f := range []string{p.ContactName, p.Phone, p.Address, p.Website, p.Accreditation, p.MoUNo} {
		if TooLong(f, CatalogueMaxName) {
			return apperr.Invalid("name", "err.catalogue.too_long", CatalogueMaxName)
		}
	}
	return nil
}

// MoUExpiresWithin reports whether the agreement's last day lies from today
// up to days days ahead (today and the dates ISO).
func (p *Provider) MoUExpiresWithin(today string, days int) bool {
	if p.MoUUntil == "" || p.MoUUntil < today {
		return false
	}
	t, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return false
	}
	return p.MoUUntil <= t.AddDate(0, 0, days).Format(time.DateOnly)
}

// MoUExpired reports whether the agreement ended before today.
func (p *Provider) MoUExpired(today string) bool { return p.MoUUntil != "" && p.MoUUntil < today }

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// Validate checks a programme before it is stored, trimming its texts.
// Competencies must be distinct with a level from 1 to 5; that they exist is
// the store's to check.
func (p *Programme) Validate() error {
	for _, f := range []*string{&p.Code, &p.Title, &p.Description, &p.Prerequisites} {
		*f = strings.TrimSpace(*f)
	}
	switch {
	case !programmeCode.MatchString(p.Code):
		return apperr.Invalid("code", "err.catalogue.code", p.Code)
	case p.Title == "":
		return apperr.Invalid("title", "err.catalogue.title_required")
	case TooLong(p.Title, CatalogueMaxName):
		return apperr.Invalid("title", "err.catalogue.too_long", CatalogueMaxName)
	case TooLong(p.Description, CatalogueMaxText):
		return apperr.Invalid("description", "err.catalogue.too_long", CatalogueMaxText)
	case TooLong(p.Prerequisites, CatalogueMaxText):
		return apperr.Invalid("prerequisites", "err.catalogue.too_long", CatalogueMaxText)
	case p.ProviderID == 0:
		return apperr.Invalid("provider", "err.catalogue.provider_required")
	case p.Model != "" && !slices.Contains(LearningModels, p.Model):
		return apperr.Invalid("model", "err.catalogue.learning_model", string(p.Model))
	case !slices.Contains(Deliveries, p.Delivery):
		return apperr.Invalid("delivery", "err.catalogue.delivery", string(p.Delivery))
	case p.JP < 1 || p.JP > ProgrammeMaxJP:
		return apperr.Invalid("jp", "err.catalogue.jp", ProgrammeMaxJP)
	case p.Cost < 0:
		return apperr.Invalid("cost", "err.catalogue.negative")
	case p.Capacity < 0 || p.Capacity > SessionMaxSeats:
		return apperr.Invalid("capacity", "err.catalogue.capacity", SessionMaxSeats)
	}
	if _, ok := FormInfo(p.Form); !ok {
		return apperr.Invalid("form", "err.catalogue.form", string(p.Form))
	}
	seen := map[int64]bool{}
	for _, c := range p.Competencies {
		if c.Level < 1 || c.Level > 5 {
			return apperr.Invalid("competencies", "err.catalogue.level", c.Level)
		}
		if seen[c.CompetencyID] {
			return apperr.Invalid("competencies", "err.catalogue.competency_twice")
		}
		seen[c.CompetencyID] = true
	}
	return nil
}

// Validate checks a session before it is stored, trimming its texts.
func (s *TrainingSession) Validate() error {
	for _, f := range []*string{&s.Name, &s.StartDate, &s.EndDate, &s.StartTime, &s.EndTime, &s.Place, &s.OnlineURL, &s.EnrolFrom, &s.EnrolUntil} {
		*f = strings.TrimSpace(*f)
	}
	if s.Status == "" {
		s.Status = SessionScheduled
	}
	switch {
	case s.ProgrammeID == 0:
		return apperr.Invalid("programme", "err.catalogue.programme_required")
	case TooLong(s.Name, CatalogueMaxName) || TooLong(s.Place, CatalogueMaxName):
		return apperr.Invalid("name", "err.catalogue.too_long", CatalogueMaxName)
	case !isISODate(s.StartDate, false):
		return apperr.Invalid("start_date", "err.catalogue.date", s.StartDate)
	case !isISODate(s.EndDate, false):
		return apperr.Invalid("end_date", "err.catalogue.date", s.EndDate)
	case s.EndDate < s.StartDate:
		return apperr.Invalid("end_date", "err.catalogue.end_before_start")
	case s.StartTime != "" && !clockTime.MatchString(s.StartTime):
		return apperr.Invalid("start_time", "err.catalogue.time", s.StartTime)
	case s.EndTime != "" && !clockTime.MatchString(s.EndTime):
		return apperr.Invalid("end_time", "err.catalogue.time", s.EndTime)
	case s.StartTime != "" && s.EndTime != "" && s.EndTime <= s.StartTime:
		return apperr.Invalid("end_time", "err.catalogue.end_time_before_start")
	case s.OnlineURL != "" && !webURL(s.OnlineURL):
		return apperr.Invalid("online_url", "err.catalogue.url", s.OnlineURL)
	case s.Capacity < 1 || s.Capacity > SessionMaxSeats:
		return apperr.Invalid("capacity", "err.catalogue.seats", SessionMaxSeats)
	case !isISODate(s.EnrolFrom, true):
		return apperr.Invalid("enrol_from", "err.catalogue.date", s.EnrolFrom)
	case !isISODate(s.EnrolUntil, true):
		return apperr.Invalid("enrol_until", "err.catalogue.date", s.EnrolUntil)
	case s.EnrolFrom != "" && s.EnrolUntil != "" && s.EnrolUntil < s.EnrolFrom:
		return apperr.Invalid("enrol_until", "err.catalogue.enrol_until_before_from")
	case s.EnrolUntil != "" && s.EnrolUntil > s.EndDate:
		return apperr.Invalid("enrol_until", "err.catalogue.enrol_after_end")
	case s.MinAttendance < 0 || s.MinAttendance > 100:
		return apperr.Invalid("min_attendance", "err.catalogue.min_attendance")
	case s.Status != SessionScheduled && s.Status != SessionCancelled && s.Status != SessionDone:
		return apperr.Invalid("status", "err.catalogue.session_status", s.Status)
	}
	for i := range s.Instructors {
		s.Instructors[i].Name = strings.TrimSpace(s.Instructors[i].Name)
		if s.Instructors[i].Name == "" || TooLong(s.Instructors[i].Name, CatalogueMaxName) {
			return apperr.Invalid("instructors", "err.catalogue.instructor_name")
		}
	}
	return nil
}

// Days lists the session's calendar days (ISO), first to last.
func (s *TrainingSession) Days() []string {
	from, err1 := time.Parse(time.DateOnly, s.StartDate)
	to, err2 := time.Parse(time.DateOnly, s.EndDate)
	if err1 != nil || err2 != nil || to.Before(from) {
		return nil
	}
	var out []string
	for d := from; !d.After(to) && len(out) < 366; d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(time.DateOnly))
	}
	return out
}

// EnrolOpen reports whether the enrolment window is open on today (ISO): an
// empty bound does not limit, and a session that has started or was
// cancelled takes nobody.
func (s *TrainingSession) EnrolOpen(today string) bool {
	return s.Status == SessionScheduled && today < s.StartDate &&
		(s.EnrolFrom == "" || s.EnrolFrom <= today) && (s.EnrolUntil == "" || today <= s.EnrolUntil)
}
