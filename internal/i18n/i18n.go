// Package i18n holds Kompeten's user-interface text in Indonesian (the
// default) and English, and formats numbers, money and dates the way each
// language writes them. Templates reach it through FuncMap.
package i18n

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Lang is a supported interface language.
type Lang string

// Supported languages. ID is the default.
const (
	ID Lang = "id"
	EN Lang = "en"
)

// Langs lists the supported languages in the order the switch shows them.
var Langs = []Lang{ID, EN}

// catalogues maps each language to its messages.
var catalogues = map[Lang]map[string]string{ID: idMessages, EN: enMessages}

// extend adds one capability's messages to a catalogue. Each capability may keep
// its keys in its own pair of files (id_<name>.go, en_<name>.go) calling extend
// from init; a key defined twice is a programming error caught at start-up.
func extend(cat map[string]string, msgs map[string]string) {
	for k, v := range msgs {
		if _, dup := cat[k]; dup {
			panic("i18n: key defined twice: " + k)
		}
		cat[k] = v
	}
}

// Parse returns the language named by s ("en", "en-US", "EN" give EN);
// anything else gives ID.
func Parse(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "en") {
		return EN
	}
	return ID
}

// Supported reports whether s names a supported language exactly.
func Supported(s string) bool { return s == string(ID) || s == string(EN) }

// Key is a format argument that is itself a catalogue key (a field name, a
// unit of measure): T translates it into the same language as the message.
type Key string

// Localized is a format argument that knows its own text in each language:
// an application error, a validation problem. T translates it too.
type Localized interface {
	Text(lang Lang) string
}

// T returns the message key in lang, formatted with args (fmt verbs) when
// any are given; an argument of type Key or Localized is translated first.
// A key missing in lang falls back to Indonesian; a key missing everywhere
// is returned as is, so that it shows up in tests.
func T(lang Lang, key string, args ...any) string {
	msg, ok := catalogues[lang][key]
	if !ok {
		msg, ok = idMessages[key]
		if !ok {
			return key
		}
	}
	if len(args) > 0 {
		copied := false
		for i, a := range args {
			var text string
			switch a := a.(type) {
			case Key:
				text = T(lang, string(a))
			case Localized:
				text = a.Text(lang)
			default:
				continue
			}
			if !copied { // the caller's slice stays as it was
				args, copied = append([]any(nil), args...), true
			}
			args[i] = text
		}
		return fmt.Sprintf(msg, args...)
	}
	return msg
}

// Has reports whether the Indonesian catalogue defines key.
func Has(key string) bool {
	_, ok := idMessages[key]
	return ok
}

// Keys returns the keys of lang's catalogue, sorted.
func Keys(lang Lang) []string {
	var ks []string
	for k := range catalogues[lang] {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// T is the method form of the package function T.
func (l Lang) T(key string, args ...any) string { return T(l, key, args...) }

// group writes the digits of n with sep every three digits from the right.
func group(n int64, sep byte) string {
	neg := n < 0
	var u uint64
	if neg {
		u = uint64(-(n + 1)) + 1
	} else {
		u = uint64(n)
	}
	s := strconv.FormatUint(u, 10)
	var b []byte
	if neg {
		b = append(b, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, s[i])
	}
	return string(b)
}

// Number formats an integer with the thousands separator of lang:
// 1.234.567 in Indonesian, 1,234,567 in English.
func Number(lang Lang, n int64) string {
	if lang == EN {
		return group(n, ',')
	}
	return group(n, '.')
}

// Money formats an amount of whole rupiah: "Rp 2.500.000" (Indonesian),
// "Rp 2,500,000" (English).
func Money(lang Lang, rupiah int64) string {
	return "Rp " + Number(lang, rupiah)
}

var monthsID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// Date formats a date in full: "22 November 2026" (Indonesian month names)
// or "22 November 2026" with English names. The zero time gives "—".
func Date(lang Lang, t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	if lang == EN {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsID[t.Month()-1], t.Year())
}

// DateTime formats an instant as its date (Date) and the time of day in
// loc: "7 Desember 2026 15.04" (Indonesian writes the time with a period),
// "7 December 2026 15:04".
func DateTime(lang Lang, t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	if loc != nil {
		t = t.In(loc)
	}
	if lang == EN {
		return Date(lang, t) + " " + t.Format("15:04")
	}
	return Date(lang, t) + " " + t.Format("15.04")
}

// toInt64 accepts the integer types templates pass.
func toInt64(v any) int64 {
	switch n := v.(type) {
	case int:
		return int64(n)
	case int32:
		return int64(n)
	case int64:
		return n
	case uint:
		return int64(n)
	case uint32:
		return int64(n)
	case uint64:
		return int64(n)
	}
	return 0
}

// FuncMap returns the template functions of this package. Each takes the
// language first: {{t $.Lang "nav.home"}}, {{num $.Lang .Count}},
// {{money $.Lang .Cost}}, {{date $.Lang .BirthDate}} (the web UI replaces
// date with one that shows instants in the city's zone).
func FuncMap() template.FuncMap {
	return template.FuncMap{
		"t":     func(l Lang, key string, args ...any) string { return T(l, key, args...) },
		"num":   func(l Lang, n any) string { return Number(l, toInt64(n)) },
		"money": func(l Lang, n any) string { return Money(l, toInt64(n)) },
		"date":  Date,
	}
}
