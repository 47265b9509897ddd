// Package report draws Kompeten's charts and printable documents without
// touching the database or the web: charts are built once as a Scene of
// simple shapes that is written both as inline SVG (for pages) and as PDF
// vector drawing (vector.go), so a chart in an export is the very chart the
// page shows; documents are A4 PDFs with an embedded TrueType font so that
// Indonesian text prints everywhere, and a chart's labels stay text.
//
// The font is the Go font family (golang.org/x/image/font/gofont, BSD
// licensed), already part of the module graph through excelize; no font
// file is shipped or loaded at run time.
package report
