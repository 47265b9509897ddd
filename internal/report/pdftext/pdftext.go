// Package pdftext reads back the text and the pages of the PDFs that
// package report writes, so that tests can check what a reader would see
// rather than only that some bytes came out. It understands exactly what
// gopdf produces (Type0 fonts with a ToUnicode map, glyph IDs in hex
// strings, Flate-compressed streams); it is not a general PDF parser.
package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Doc is a parsed document.
type Doc struct {
	// Pages counts the page objects.
	Pages int
	// Images counts the image XObjects.
	Images int
	// Runs are the text runs in the order they are drawn, page after page.
	Runs []string
}

// Text is every run joined by newlines.
func (d *Doc) Text() string { return strings.Join(d.Runs, "\n") }

var (
	objRe     = regexp.MustCompile(`(?s)(\d+) 0 obj(.*?)endobj`)
	streamRe  = regexp.MustCompile(`(?s)stream\r?\n(.*)endstream`)
	fontRefRe = regexp.MustCompile(`/F(\d+) (\d+) 0 R`)
	toUniRe   = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	bfRe      = regexp.MustCompile(`<([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4})>`)
	opRe      = regexp.MustCompile(`(?s)/F(\d+) [\d.]+ Tf|\[((?:<[0-9A-Fa-f]*>|-?[\d.]+)*)\] TJ|<([0-9A-Fa-f]*)> Tj`)
	hexRe     = regexp.MustCompile(`<([0-9A-Fa-f]*)>`)
	contentRe = regexp.MustCompile(`/Contents\s+(\d+) 0 R`)
)

type object struct {
	dict   string
	stream []byte
}

// Parse reads a PDF written by package report.
func Parse(pdf []byte) (*Doc, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, fmt.Errorf("pdftext: not a PDF")
	}
	objs := map[int]object{}
	for _, m := range objRe.FindAllSubmatch(pdf, -1) {
		id, _ := strconv.Atoi(string(m[1]))
		body := m[2]
		o := object{dict: string(body)}
		if sm := streamRe.FindSubmatchIndex(body); sm != nil {
			o.dict = string(body[:sm[0]])
			raw := body[sm[2]:sm[3]]
			if strings.Contains(o.dict, "FlateDecode") {
				r, err := zlib.NewReader(bytes.NewReader(raw))
				if err != nil {
					return nil, fmt.Errorf("pdftext: object %d: %w", id, err)
				}
				// Trailing bytes after the compressed data (a newline)
				// make ReadAll return an error after the data; keep it.
				raw, _ = io.ReadAll(r)
			}
			o.stream = raw
		}
		objs[id] = o
	}
	d := &Doc{}
	// Fonts: resource number → glyph ID → rune.
	fonts := map[string]map[uint16]rune{}
	var pages []object
	for _, o := range objs {
		switch {
		case strings.Contains(o.dict, "/Type /Page") && !strings.Contains(o.dict, "/Type /Pages"):
			pages = append(pages, o)
		case strings.Contains(o.dict, "/Subtype /Image"):
			d.Images++
		}
		for _, fm := range fontRefRe.FindAllStringSubmatch(o.dict, -1) {
			fid, _ := strconv.Atoi(fm[2])
			tu := toUniRe.FindStringSubmatch(objs[fid].dict)
			if tu == nil {
				continue
			}
			uid, _ := strconv.Atoi(tu[1])
			m := map[uint16]rune{}
			for _, bf := range bfRe.FindAllSubmatch(objs[uid].stream, -1) {
				g, _ := strconv.ParseUint(string(bf[1]), 16, 16)
				r, _ := strconv.ParseUint(string(bf[3]), 16, 32)
				m[uint16(g)] = rune(r)
			}
			fonts[fm[1]] = m
		}
	}
	d.Pages = len(pages)
	// Content streams in page order: gopdf numbers pages in order, and
	// each page names its content stream.
	var contents []int
	for _, id := range sortedIDs(objs) {
		o := objs[id]
		if strings.Contains(o.dict, "/Type /Page") && !strings.Contains(o.dict, "/Type /Pages") {
			if cm := contentRe.FindStringSubmatch(o.dict); cm != nil {
				c, _ := strconv.Atoi(cm[1])
				contents = append(contents, c)
			}
		}
	}
	for _, c := range contents {
		font := ""
		for _, m := range opRe.FindAllStringSubmatch(string(objs[c].stream), -1) {
			switch {
			case m[1] != "":
				font = m[1]
			case m[2] != "" || m[3] != "":
				var hex string
				if m[2] != "" {
					for _, h := range hexRe.FindAllStringSubmatch(m[2], -1) {
						hex += h[1]
					}
				} else {
					hex = m[3]
				}
				d.Runs = append(d.Runs, decode(hex, fonts[font]))
			}
		}
	}
	return d, nil
}

// decode maps 4-digit glyph IDs to text; unknown glyphs become U+FFFD.
func decode(hex string, m map[uint16]rune) string {
	var b strings.Builder
	for i := 0; i+4 <= len(hex); i += 4 {
		g, _ := strconv.ParseUint(hex[i:i+4], 16, 16)
		r, ok := m[uint16(g)]
		if !ok {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sortedIDs(objs map[int]object) []int {
	ids := make([]int, 0, len(objs))
	for id := range objs {
		ids = append(ids, id)
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}
