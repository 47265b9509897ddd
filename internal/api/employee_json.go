package api

import (
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/store"
)

// appendEmployee appends toEmployeeJSON(v) as encoding/json (without HTML
// escaping) would write it, field for field, straight from the stored
// values: the employee list is the API's busiest answer, fifty of these a
// page, and the reflective encoder with the intermediate strings was a
// fifth of a request's work. TestEmployeeJSONMatchesEncoder keeps the two
// the same.
func appendEmployee(b []byte, v *store.EmployeeView) []byte {
	e := &v.Employee
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, e.ID, 10)
	b = appendField(b, "nip", e.NIP)
	b = appendField(b, "nip_formatted", nip.FormatAuto(e.NIP, e.Kind))
	b = appendField(b, "name", e.Name)
	b = appendField(b, "gelar_depan", e.GelarDepan)
	b = appendField(b, "gelar_belakang", e.GelarBelakang)
	b = appendField(b, "full_name", names.Display(e.GelarDepan, e.Name, e.GelarBelakang))
	b = appendField(b, "birth_place", e.BirthPlace)
	b = appendDate(b, "birth_date", e.BirthDate)
	b = appendField(b, "gender", string(e.Gender))
	b = appendField(b, "kind", string(e.Kind))
	b = appendField(b, "golongan", e.Golongan)
	pangkat := ""
	if e.Kind != model.PPPK {
		pangkat = model.PangkatOf(e.Golongan)
	}
	b = appendField(b, "pangkat", pangkat)
	b = appendOptID(b, "position_id", e.PositionID)
	b = appendField(b, "position_title", v.PositionTitle)
	b = appendField(b, "position_type", string(v.PositionType))
	b = appendField(b, "jenjang", v.Jenjang)
	b = append(b, `,"unit_id":`...)
	b = strconv.AppendInt(b, e.UnitID, 10)
	b = appendField(b, "unit_name", v.UnitName)
	b = appendOptID(b, "supervisor_id", e.SupervisorID)
	b = append(b, `,"supervisor_set":`...)
	b = strconv.AppendBool(b, e.SupervisorSet)
	b = appendField(b, "supervisor_nip", v.SupervisorNIP)
	b = appendField(b, "supervisor_name", v.SupervisorName)
	b = appendField(b, "email", e.Email)
	b = appendField(b, "phone", e.Phone)
	b = appendField(b, "status", string(e.Status))
	b = appendDate(b, "retirement_date", v.RetirementDate)
	b = append(b, `,"updated_at":"`...)
	if !e.UpdatedAt.IsZero() {
		b = e.UpdatedAt.UTC().AppendFormat(b, time.RFC3339)
	}
	return append(b, '"', '}')
}

// appendDate writes a date as yyyy-mm-dd, or null when unknown (isoDate).
func appendDate(b []byte, key string, t time.Time) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	if t.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.DateOnly)
	return append(b, '"')
}

func appendField(b []byte, key, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return appendJSONString(b, v)
}

// appendOptID writes a reference, null when 0 (ptrID).
func appendOptID(b []byte, key string, id int64) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	if id == 0 {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, id, 10)
}

// appendJSONString quotes s the way encoding/json does with HTML escaping
// off: quote, backslash and control characters escaped, U+2028 and U+2029
// escaped (JavaScript line terminators), invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// writeEmployeePage writes a page of the employee list:
// {"items":[…],"next_offset":n|null}.
func writeEmployeePage(w http.ResponseWriter, items []store.EmployeeView, next *int) {
	bp := pageBufs.Get().(*[]byte)
	b := append((*bp)[:0], `{"items":[`...)
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendEmployee(b, &items[i])
	}
	b = append(b, `],"next_offset":`...)
	if next == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(*next), 10)
	}
	b = append(b, '}', '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	w.Write(b)
	if cap(b) <= 256<<10 {
		*bp = b
		pageBufs.Put(bp)
	}
}

// pageBufs hold encoded pages between requests (about 40 KB each).
var pageBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}
