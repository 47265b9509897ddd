package i18n

import "time"

// Notice renders a notification of event (model.NoticeEvent) in lang: its
// subject and body from "notice.<event>.subject" and ".body", filled with
// args in the catalogue's order. An argument that is an ISO date
// (2026-08-03) reaches the reader as a date of their language (3 Agustus
// 2026), so that producers pass dates as data and never format them.
func Notice(lang Lang, event string, args []string) (subject, body string) {
	a := make([]any, len(args))
	for i, s := range args {
		a[i] = s
		if len(s) == len("2006-01-02") {
			if t, err := time.Parse("2006-01-02", s); err == nil {
				a[i] = Date(lang, t)
			}
		}
	}
	return T(lang, "notice."+event+".subject", a...), T(lang, "notice."+event+".body", a...)
}
