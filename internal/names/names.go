// Package names handles person names as written in Indonesian civil-service
// records, where academic, professional and religious titles (gelar) are part
// of the written name: front titles such as "Dr.", "Drs.", "Ir.", "H.",
// "Hj.", "Prof.", "dr." and back titles such as "S.Pd.", "M.Kom.",
// "A.Md.Kep.", "Sp.A", separated from the name and from each other by
// commas: "Dr. Ahmad Siregar, S.T., M.Kom.".
//
// Split separates the titles from the bare name, Display puts them back, and
// SearchWords, QueryWords and SortKey derive what search and ordering use:
// the bare name only, lower-cased and folded to ASCII.
package names

import (
	"slices"
	"strings"
	"unicode"
)

// frontTitles are the recognised front titles, lower-cased, dots removed.
// A front title is recognised with its dot anywhere ("Dr.H.Ahmad" too), and
// without its dot only as a whole word followed by more of the name.
var frontTitles = map[string]bool{
	"prof": true, "dr": true, "drs": true, "dra": true, "drg": true, "drh": true,
	"ir": true, "h": true, "hj": true, "kh": true, "ns": true, "apt": true, "bd": true,
}

// noDotless are front titles that are recognised only with their dot,
// because a bare letter is more likely an initial.
var noDotless = map[string]bool{"h": true}

// backWords are back titles recognised after a comma even when written
// without dots (old records: "AHMAD SIREGAR, SE"), lower-cased, dots removed.
var backWords = map[string]bool{
	"se": true, "sh": true, "st": true, "sp": true, "ss": true, "skm": true, "spd": true,
	"skom": true, "ssos": true, "skep": true, "sag": true, "spdi": true, "sip": true,
	"sstp": true, "ssi": true, "shi": true, "sei": true, "sth": true, "sked": true,
	"sfarm": true, "sgz": true, "stp": true, "spsi": true, "sak": true, "ssn": true,
	"mm": true, "msi": true, "map": true, "mkom": true, "mpd": true, "mkes": true,
	"mt": true, "mh": true, "msc": true, "mba": true, "ma": true, "mag": true,
	"mhum": true, "mkm": true, "mpa": true, "mkn": true, "mak": true,
	"amd": true, "amdkep": true, "amdkeb": true, "amk": true, "ama": true, "amapd": true,
	"phd": true, "lc": true, "ns": true, "apt": true, "ak": true, "ca": true, "cpa": true,
	"bsc": true, "psikolog": true, "spa": true, "spog": true, "sppd": true, "spb": true,
	"spm": true, "span": true, "finasim": true, "mars": true, "mph": true, "sprad": true, "spkk": true, "sptht": true, "spjp": true,
}

// dotless returns w lower-cased with its dots removed.
func dotless(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, ".", ""))
}

// isTitleChar reports whether r may appear in a dotted title token:
// letters, dots, hyphens and parentheses ("Sp.PD-KGEH", "Sp.JP(K)").
func isTitleChar(r rune) bool {
	return unicode.IsLetter(r) || r == '.' || r == '-' || r == '(' || r == ')'
}

// dottedPieces reports whether w has the shape of a dotted title and how
// many dot-separated pieces it has: only title characters, at least one dot,
// at least one letter, and pieces of at most 8 characters.
func dottedPieces(w string) (pieces int, ok bool) {
	if !strings.Contains(w, ".") {
		return 0, false
	}
	letters := 0
	for _, r := range w {
		if !isTitleChar(r) {
			return 0, false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return 0, false
	}
	for _, p := range strings.Split(w, ".") {
		if p == "" {
			continue
		}
		if len([]rune(p)) > 8 {
			return 0, false
		}
		pieces++
	}
	return pieces, true
}

// isBackTitle reports whether a token after a comma is a back title.
func isBackTitle(w string) bool {
	if _, ok := dottedPieces(w); ok {
		return true
	}
	return backWords[dotless(w)]
}

// strongPrefix are the first pieces of degrees recognised without a
// preceding comma.
var strongPrefix = map[string]bool{"s": true, "m": true, "sp": true, "ph": true, "b": true, "d": true, "dipl": true}

// isStrongBackTitle reports whether a token without a preceding comma is
// clearly a back title: a dotted token of at least two pieces of at most
// four letters, starting like a degree ("S.T.", "M.Kom", "Sp.A", "Ph.D",
// "A.Md.Kep."). Initials ("S.", "A.R.") and an initial glued to a name
// ("M.Yusuf") are not.
func isStrongBackTitle(w string) bool {
	n, ok := dottedPieces(w)
	if !ok || n < 2 {
		return false
	}
	pieces := strings.FieldsFunc(w, func(r rune) bool { return r == '.' })
	for _, p := range pieces {
		if len([]rune(p)) > 4 {
			return false
		}
	}
	first := strings.ToLower(pieces[0])
	return strongPrefix[first] || (first == "a" && (strings.EqualFold(pieces[1], "md") || strings.EqualFold(pieces[1], "ma")))
}

// stripFront removes the front titles at the start of s and returns them
// (as written, joined with " ") and the rest of s.
func stripFront(s string) (front []string, rest string) {
	rest = strings.TrimLeft(s, " ,")
	for rest != "" {
		// A title with its dot, followed by anything ("Dr.H.Ahmad", "Dr. Ahmad").
		if t, ok := dottedFrontPrefix(rest); ok {
			front = append(front, rest[:t])
			rest = strings.TrimLeft(rest[t:], " ,")
			continue
		}
		// A dotless title as a whole word followed by more of the name.
		word, after, found := strings.Cut(rest, " ")
		after = strings.TrimLeft(after, " ,")
		if found && after != "" && frontTitles[strings.ToLower(word)] && !noDotless[strings.ToLower(word)] &&
			!strings.ContainsAny(word, ".,") {
			front = append(front, word)
			rest = after
			continue
		}
		break
	}
	return front, rest
}

// dottedFrontPrefix returns the length of a front title with its dot at the
// start of s ("Prof.", "K.H.", "dr."), if any.
func dottedFrontPrefix(s string) (int, bool) {
	// Longest run of letters and dots that ends at a dot and, once dots are
	// removed, is a known title; try each dot position, longest first.
	end := 0
	for end < len(s) && (s[end] == '.' || isASCIILetter(s[end])) {
		end++
	}
	for i := end; i > 0; i-- {
		if s[i-1] != '.' {
			continue
		}
		// Only one dot, at the end ("Dr."), except "K.H.": initials such
		// as "I.R." are not "Ir.".
		t := dotless(s[:i])
		if frontTitles[t] && (!strings.Contains(s[:i-1], ".") || t == "kh") {
			return i, true
		}
	}
	return 0, false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Split separates a name as written into its front titles (joined with a
// space, e.g. "Drs. H."), the bare name (white space collapsed, otherwise as
// written) and its back titles (joined with ", ", e.g. "S.T., M.Kom.").
//
//	Split("Dr. Ahmad Siregar, S.T., M.Kom.") = "Dr.", "Ahmad Siregar", "S.T., M.Kom."
//
// Front titles are recognised from a fixed list (Prof, Dr, dr, Drs, Dra, drg,
// drh, Ir, H, Hj, KH, Ns, apt, Bd); a front title is never mistaken for the
// start of a name word ("Irwan", "Hendra"), and a dotless one is a title only
// when more of the name follows ("Ir Sutrisno" but not "Ir"). Back titles are
// the comma-separated segments at the end that consist of title-shaped tokens
// (letters with dots, or a known dotless title such as "SE" or "SKM"), plus
// dotted tokens of two or more pieces at the end of the name written without
// a comma ("Ahmad Siregar S.T."). A segment after a comma that is not a
// title ("Siregar, Ahmad") stays in the bare name.
func Split(full string) (front, bare, back string) {
	if !strings.ContainsAny(full, ".,") {
		return splitPlain(full)
	}
	return splitTitled(full)
}

// splitPlain is Split for a name without dots or commas (most names in an
// agency's export, whose titles sit in columns of their own): it can have
// only dotless front titles ("Ir Sutrisno"), no back titles and one
// segment, so the general walk (splitTitled) is skipped.
func splitPlain(full string) (front, bare, back string) {
	s := full
	if !spaced(s) {
		s = strings.Join(strings.Fields(full), " ")
	}
	fronts, rest := stripFront(s)
	return strings.Join(fronts, " "), strings.TrimSpace(rest), ""
}

// splitTitled is Split for any name.
func splitTitled(full string) (front, bare, back string) {
	s := strings.Join(strings.Fields(full), " ")
	fronts, rest := stripFront(s)

	var segs []string
	for _, seg := range strings.Split(rest, ",") {
		if seg = strings.TrimSpace(seg); seg != "" {
			segs = append(segs, seg)
		}
	}
	// Back titles after commas: the longest run of title segments at the end,
	// never including the first segment (which holds the name).
	var backs []string
	cut := len(segs)
	for cut > 1 {
		toks, ok := backTokens(segs[cut-1])
		if !ok {
			break
		}
		backs = append(toks, backs...)
		cut--
	}
	nameSegs := segs[:cut]
	// Back titles without a comma at the end of the last name segment.
	if len(nameSegs) > 0 {
		words := strings.Fields(nameSegs[len(nameSegs)-1])
		k := len(words)
		for k > 0 && isStrongBackTitle(words[k-1]) {
			k--
		}
		if k < len(words) {
			backs = append(append([]string(nil), words[k:]...), backs...)
			nameSegs = append(nameSegs[:len(nameSegs)-1:len(nameSegs)-1], strings.Join(words[:k], " "))
			if k == 0 {
				nameSegs = nameSegs[:len(nameSegs)-1]
			}
		}
	}
	return strings.Join(fronts, " "), strings.Join(nameSegs, ", "), strings.Join(backs, ", ")
}

// backTokens splits a comma segment into back-title tokens, merging an
// isolated "S." with the piece that follows ("S. Pd." → "S.Pd."); ok is
// false when any token is not a title.
func backTokens(seg string) (toks []string, ok bool) {
	words := strings.Fields(seg)
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i+1 < len(words) && len([]rune(w)) == 2 && strings.HasSuffix(w, ".") && unicode.IsUpper([]rune(w)[0]) {
			w += words[i+1]
			i++
		}
		if !isBackTitle(w) {
			return nil, false
		}
		toks = append(toks, w)
	}
	return toks, len(toks) > 0
}

// Display composes a name as it is written in letters and certificates:
// front titles, the bare name, then a comma and the back titles.
//
//	Display("Dr.", "Ahmad Siregar", "S.T., M.Kom.") = "Dr. Ahmad Siregar, S.T., M.Kom."
//
// Front titles may be given separated by spaces or commas ("Dr., H." as
// stored in model.Employee.GelarDepan); back titles by commas, with or
// without spaces. Empty parts are left out.
func Display(front, bare, back string) string {
	if front == "" && back == "" && tidy(bare) {
		return bare // most names: nothing to compose (lists show fifty a page)
	}
	var b strings.Builder
	b.Grow(len(front) + len(bare) + len(back) + 2)
	word := func(w string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	for w := range strings.FieldsFuncSeq(front, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		word(w)
	}
	for w := range strings.FieldsSeq(bare) {
		word(w)
	}
	for part := range strings.SplitSeq(back, ",") {
		first := true
		for w := range strings.FieldsSeq(part) {
			switch {
			case !first:
				b.WriteByte(' ')
			case b.Len() > 0:
				b.WriteString(", ")
			}
			b.WriteString(w)
			first = false
		}
	}
	return b.String()
}

// ascii reports whether s has only ASCII bytes.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// tidy reports whether s is ASCII with single spaces between words and
// none at either end: what Display would return for it unchanged.
func tidy(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < ' ' || (c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ')) {
			return false
		}
	}
	return true
}

// SortKey returns the key for ordering lists by name: the bare name (titles
// ignored), lower-cased, folded to ASCII, white space collapsed, so that
// "Dr. Ahmad Siregar, S.T." sorts as "ahmad siregar".
func SortKey(name string) string {
	_, bare, _ := Split(name)
	return strings.Join(strings.Fields(fold(bare)), " ")
}

// KeyAndWords returns SortKey(name) and SearchWords(name) together, with
// the titles split off and the name folded once: a bulk import needs both
// for every row.
func KeyAndWords(name string) (key string, words []string) {
	_, bare, _ := Split(name)
	f := fold(bare)
	if !spaced(f) {
		f = strings.Join(strings.Fields(f), " ")
	}
	return f, foldedWords(f, true)
}

// spaced reports whether s is ASCII with its words separated by single
// spaces (no space at either end, no other white space): then
// strings.Join(strings.Fields(s), " ") is s itself.
func spaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// SearchWords returns the words a search index stores for a name: the words
// of the bare name (titles removed), lower-cased and folded to ASCII
// ("Séna" → "sena"), without duplicates, in order. Apostrophes join
// ("Ma'ruf" → "maruf"); a hyphenated word gives its parts and the joined
// form ("Nur-Aini" → "nur", "aini", "nuraini"); other punctuation separates
// words ("M. Yusuf" → "m", "yusuf"). Every word of the name is indexed, so
// a person is found by any of them, the family name at the end
// ("Siregar", "Nasution") as much as the first.
func SearchWords(name string) []string {
	_, bare, _ := Split(name)
	return words(bare, true)
}

// QueryWords returns the words of a user's search query, normalised as
// SearchWords normalises names, so that each can be looked up in the index:
// titles are dropped ("Siregar, S.T." → "siregar"; "dr budi" → "budi"). A
// hyphenated query word gives only its joined form ("nur-aini" →
// "nuraini"), which SearchWords indexes for both "Nur-Aini" and "Nuraini".
func QueryWords(q string) []string {
	_, bare, _ := Split(q)
	return words(bare, false)
}

// words splits s into lower-cased ASCII-folded words; with parts, a
// hyphenated word also yields its parts before its joined form.
func words(s string, parts bool) []string {
	return foldedWords(fold(s), parts)
}

// foldedWords is words for a string fold has already folded.
func foldedWords(f string, parts bool) []string {
	if out, ok := plainWords(f); ok {
		return out
	}
	return runeWords(f, parts)
}

// runeWords is foldedWords for any name, rune by rune.
func runeWords(f string, parts bool) []string {
	var out []string
	add := func(w string) {
		if w != "" && !slices.Contains(out, w) { // a name has a few words
			out = append(out, w)
		}
	}
	var word, joined strings.Builder
	var pieces []string
	flush := func() {
		if word.Len() > 0 {
			pieces = append(pieces, word.String())
			word.Reset()
		}
		if len(pieces) > 1 && parts {
			for _, p := range pieces {
				add(p)
			}
		}
		add(joined.String())
		joined.Reset()
		pieces = pieces[:0]
	}
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word.WriteRune(r)
			joined.WriteRune(r)
		case isApostrophe(r):
			// "Ma'ruf" stays one word.
		case isHyphen(r):
			if word.Len() > 0 {
				pieces = append(pieces, word.String())
				word.Reset()
			}
		default:
			flush()
		}
	}
	flush()
	if out == nil {
		out = []string{}
	}
	return out
}

// plainWords is foldedWords for the common name, ASCII without
// apostrophes or hyphens (which join or split words): its words are the
// runs of letters and digits, taken as substrings of f instead of being
// built again rune by rune. ok is false for any other name.
func plainWords(f string) (out []string, ok bool) {
	out = make([]string, 0, 4)
	start := -1
	for i := 0; i <= len(f); i++ {
		c := byte(' ')
		if i < len(f) {
			c = f[i]
		}
		if c >= 0x80 || c == '\'' || c == '`' || c == '-' {
			return nil, false
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := f[start:i]; !slices.Contains(out, w) {
				out = append(out, w)
			}
			start = -1
		}
	}
	return out, true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '`', '\u02bc', '\u00b4':
		return true
	}
	return false
}

func isHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013':
		return true
	}
	return false
}

// foldMap maps lower-case Latin letters with diacritics to ASCII.
var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o",
	'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u",
	'ū': "u", 'ů': "u", 'ű': "u", 'ý': "y", 'ÿ': "y", 'ś': "s", 'š': "s", 'ş': "s",
	'ß': "ss", 'ź': "z", 'ż': "z", 'ž': "z", 'ł': "l", 'ğ': "g", 'ř': "r", 'ť': "t", 'ţ': "t",
	'þ': "th",
}

// fold lower-cases s and replaces Latin letters with diacritics by their
// ASCII base letters; other characters are kept.
func fold(s string) string {
	if ascii(s) {
		return strings.ToLower(s) // no diacritics to fold (foldMap has no ASCII keys)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if unicode.Is(unicode.Mn, r) {
			continue // combining accent of a decomposed letter
		}
		if a, ok := foldMap[r]; ok {
			b.WriteString(a)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
