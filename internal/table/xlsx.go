package table

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// workbook is an XLSX file opened by excelize after its zip directory
// passed the limits.
type workbook struct {
	f   *excelize.File
	c   io.Closer
	lim Limits
}

// Clerk-facing reasons for an unreadable workbook.
const (
	brokenID = "berkas XLSX rusak atau terpotong: buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi"
	brokenEN = "the XLSX file is damaged or truncated: open it in Excel, save it again as .xlsx, then upload it again"
)

// size writes a byte count for a message: "3.9 GB", "512 MB", "17 KB".
func size(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}

// sizeID is size with the Indonesian decimal comma: "3,9 GB".
func sizeID(n uint64) string { return strings.Replace(size(n), ".", ",", 1) }

// checkZip refuses a workbook whose zip directory declares more than the
// limits allow, before any part is unpacked: excelize would otherwise
// reserve or unpack what a 17 KB file claims (gigabytes). Go's zip reader
// refuses to unpack more than a part declares, so the declared sizes bound
// what reading costs: the parts excelize keeps in memory by MaxMemoryBytes,
// and the worksheets it spills to temporary files by MaxUnzipBytes.
func checkZip(r io.ReaderAt, sz int64, l Limits) error {
	zr, err := zip.NewReader(r, sz)
	if err != nil {
		return &Error{ID: brokenID, EN: brokenEN}
	}
	if len(zr.File) > l.MaxParts {
		return &Error{ID: fmt.Sprintf("berkas XLSX berisi %d bagian (paling banyak %d): bukan lembar kerja biasa", len(zr.File), l.MaxParts),
			EN: fmt.Sprintf("the XLSX file holds %d parts (at most %d): not an ordinary workbook", len(zr.File), l.MaxParts)}
	}
	var total, mem uint64
	tooBig := func(name string, n, limit uint64) error {
		return &Error{
			ID: fmt.Sprintf("berkas XLSX ditolak: bagian %s berukuran %s setelah dibuka (paling besar %s); simpan ulang dari Excel atau bagi menjadi beberapa berkas", name, sizeID(n), sizeID(limit)),
			EN: fmt.Sprintf("the XLSX file is refused: its part %s unpacks to %s (at most %s); save it again from Excel or split it into several files", name, size(n), size(limit))}
	}
	for _, f := range zr.File {
		n := f.UncompressedSize64
		lower := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		big := strings.HasPrefix(lower, "xl/worksheets/sheet") || lower == "xl/sharedstrings.xml"
		switch {
		case big && n > uint64(l.MaxSheetBytes):
			return tooBig(f.Name, n, uint64(l.MaxSheetBytes))
		case !big && n > uint64(l.MaxPartBytes):
			return tooBig(f.Name, n, uint64(l.MaxPartBytes))
		}
		if !big || n <= xmlInMemory {
			mem += n
		}
		total += n
		if mem > uint64(l.MaxMemoryBytes) {
			return tooBig("(bagian dalam memori)", mem, uint64(l.MaxMemoryBytes))
		}
		if total > uint64(l.MaxUnzipBytes) {
			return &Error{
				ID: fmt.Sprintf("berkas XLSX ditolak: isinya %s setelah dibuka (paling besar %s); bagi menjadi beberapa berkas", sizeID(total), sizeID(uint64(l.MaxUnzipBytes))),
				EN: fmt.Sprintf("the XLSX file is refused: it unpacks to %s (at most %s); split it into several files", size(total), size(uint64(l.MaxUnzipBytes)))}
		}
	}
	return nil
}

// openWorkbook checks the zip directory, then opens the workbook with
// excelize held to the same limits.
func openWorkbook(r io.ReaderAt, c io.Closer, sz int64, l Limits, tmpDir string) (*workbook, error) {
	head := make([]byte, 4)
	n, _ := r.ReadAt(head, 0)
	if string(head[:n]) != "PK\x03\x04" {
		if c != nil {
			c.Close()
		}
		return nil, &Error{ID: "berkas ini bukan XLSX (mungkin .xls lama atau berkas lain yang diberi nama .xlsx): simpan ulang dari Excel sebagai .xlsx atau CSV",
			EN: "this file is not XLSX (perhaps an old .xls or another file named .xlsx): save it from Excel as .xlsx or CSV"}
	}
	if err := checkZip(r, sz, l); err != nil {
		if c != nil {
			c.Close()
		}
		return nil, err
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, sz), excelize.Options{
		UnzipSizeLimit:    l.MaxUnzipBytes,
		UnzipXMLSizeLimit: min(xmlInMemory, l.MaxUnzipBytes),
		TmpDir:            tmpDir,
	})
	if c != nil {
		c.Close() // excelize holds the bytes it needs
	}
	if err != nil {
		return nil, &Error{ID: brokenID, EN: brokenEN}
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, &Error{ID: "berkas XLSX tidak berisi lembar kerja", EN: "the XLSX file holds no sheet"}
	}
	return &workbook{f: f, lim: l}, nil
}

// sheet starts streaming the named sheet (any case; "" for the first).
func (w *workbook) sheet(name string) (*xlsxSource, error) {
	list := w.f.GetSheetList()
	found := ""
	if name == "" {
		found = list[0]
	}
	for _, s := range list {
		if found == "" && strings.EqualFold(s, name) {
			found = s
		}
	}
	if found == "" {
		return nil, &Error{ID: fmt.Sprintf("lembar kerja %q tidak ada (ada: %s)", name, strings.Join(list, ", ")),
			EN: fmt.Sprintf("sheet %q does not exist (there are: %s)", name, strings.Join(list, ", "))}
	}
	rows, err := w.f.Rows(found)
	if err != nil {
		return nil, &Error{ID: brokenID, EN: brokenEN}
	}
	return &xlsxSource{rows: rows}, nil
}

func (w *workbook) close() error { return w.f.Close() }

// xlsxSource streams one sheet with excelize's row iterator (never
// GetRows, which holds the whole sheet). Cells are raw values: numbers as
// stored (an 18-digit NIP stored as a number arrives as
// 1.96608011988031E+17) and dates as serials.
type xlsxSource struct {
	rows *excelize.Rows
	line int
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.line + 1, at(s.line+1, 0, brokenID, brokenEN)
		}
		return nil, s.line, io.EOF
	}
	s.line++
	cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, s.line, at(s.line, 0, brokenID, brokenEN)
	}
	return cells, s.line, nil
}

func (s *xlsxSource) close() error { return s.rows.Close() }
