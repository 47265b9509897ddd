package model

import "strings"

// ValidEmail reports whether s has the shape of an e-mail address, as every
// form and import of the house checks one (callers lower-case it first): one @,
// a non-empty local part, a domain with a dot, no spaces, no consecutive or
// edge dots.
func ValidEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || at == len(s)-1 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if strings.ContainsAny(s, " \t,;<>()[]\\\"") {
		return false
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(s, "..") {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || dot == len(domain)-1 || strings.HasPrefix(domain, "-") {
		return false
	}
	for _, r := range domain {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r > 127) {
			return false
		}
	}
	return true
}
