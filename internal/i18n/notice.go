package i18n

import (
	"strings"
	"time"
)

// termMark starts a notice argument that is a message key (Term), not text:
// a control character, which no form's name or title begins with in
// practice (and a text that did, and named a key, would only read as it).
const termMark = "\x1f"

// Term is a notice argument that reaches the reader as the message key's
// text in their language: a notice is written once, in the recipient's
// language at the time, but is read again in the inbox after the reader
// may have switched languages.
func Term(key string) string { return termMark + key }

// Notice renders a notification of event (model.NoticeEvent) in lang: its
// subject and body from "notice.<event>.subject" and ".body", filled with
// args in the catalogue's order. An argument that is an ISO date
// (2026-08-03) reaches the reader as a date of their language (3 Agustus
// 2026), and one that is a term (Term: a step of the approval chain, a
// decision) in the reader's words, so that producers pass dates and terms
// as data and never format or translate them.
func Notice(lang Lang, event string, args []string) (subject, body string) {
	a := make([]any, len(args))
	for i, s := range args {
		a[i] = s
		if key, ok := strings.CutPrefix(s, termMark); ok && Has(key) {
			a[i] = T(lang, key)
		} else if len(s) == len("2006-01-02") {
			if t, err := time.Parse("2006-01-02", s); err == nil {
				a[i] = Date(lang, t)
			}
		}
	}
	return T(lang, "notice."+event+".subject", a...), T(lang, "notice."+event+".body", a...)
}

// NoticeData returns a notice's arguments as data for a machine reader: a
// term as its message key (plan.decision.setuju), the rest as stored.
func NoticeData(args []string) []string {
	out := make([]string, len(args))
	for i, s := range args {
		out[i] = strings.TrimPrefix(s, termMark)
	}
	return out
}
