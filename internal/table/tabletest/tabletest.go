// Package tabletest crafts hostile spreadsheet files for the tests of every
// import: a workbook whose zip directory claims a part of gigabytes, one
// with a gigabyte of zeros packed inside, sheet bombs, a truncated
// workbook and a CSV line of a million columns. The files are written to
// disk as they are built, so that building them costs no memory.
package tabletest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetPart is the name of the first worksheet in a workbook excelize writes.
const sheetPart = "xl/worksheets/sheet1.xml"

// Workbook returns the bytes of a small valid workbook whose first sheet
// holds rows.
func Workbook(t testing.TB, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rewrite writes to path the workbook base with its part named part
// replaced by what write writes into the zip writer.
func rewrite(t testing.TB, path string, base []byte, part string, write func(zw *zip.Writer) error) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	bw := bufio.NewWriterSize(out, 1<<20)
	zw := zip.NewWriter(bw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, f := range zr.File {
		if f.Name == part {
			if err := write(zw); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}

// DeclaredBomb writes a workbook of a few KB whose zip directory says its
// styles part unpacks to claimed bytes (3.9 GB in the defect report).
// excelize reads such a part into a buffer it reserves at the declared size
// before unpacking a byte: the process asked for gigabytes.
func DeclaredBomb(t testing.TB, path string, claimed uint64) {
	base := Workbook(t, [][]string{{"NIP", "NAMA"}, {"196601081990031001", "Ani"}})
	const styles = "xl/styles.xml"
	rewrite(t, path, base, styles, func(zw *zip.Writer) error {
		var raw bytes.Buffer
		fw, _ := flate.NewWriter(&raw, flate.BestCompression)
		fmt.Fprint(fw, `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>`)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: styles, Method: zip.Deflate,
			CompressedSize64: uint64(raw.Len()), UncompressedSize64: claimed, CRC32: 0x12345678})
		if err != nil {
			return err
		}
		_, err = w.Write(raw.Bytes())
		return err
	})
}

// sheetHead and sheetTail wrap the rows of a worksheet.
const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail = `</sheetData></worksheet>`
)

// ZeroBomb writes a workbook (about 1 MB) whose sheet is n bytes: a header
// row, then zeros, packed as they are written.
func ZeroBomb(t testing.TB, path string, n int64) {
	base := Workbook(t, [][]string{{"NIP"}})
	rewrite(t, path, base, sheetPart, func(zw *zip.Writer) error {
		w, err := zw.Create(sheetPart)
		if err != nil {
			return err
		}
		io.WriteString(w, sheetHead)
		zeros := make([]byte, 1<<20)
		for left := n - int64(len(sheetHead)); left > 0; left -= int64(len(zeros)) {
			if _, err := w.Write(zeros[:min(left, int64(len(zeros)))]); err != nil {
				return err
			}
		}
		return nil
	})
}

// SheetBomb writes a workbook whose sheet has rows rows of cols cells each
// (the cells of a row share one number, so the file stays small).
func SheetBomb(t testing.TB, path string, rows, cols int) {
	base := Workbook(t, [][]string{{"NIP"}})
	rewrite(t, path, base, sheetPart, func(zw *zip.Writer) error {
		w, err := zw.Create(sheetPart)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		bw.WriteString(sheetHead)
		for r := 1; r <= rows; r++ {
			fmt.Fprintf(bw, `<row r="%d">`, r)
			for c := 1; c <= cols; c++ {
				name, _ := excelize.CoordinatesToCellName(c, r)
				fmt.Fprintf(bw, `<c r="%s"><v>1</v></c>`, name)
			}
			bw.WriteString(`</row>`)
		}
		bw.WriteString(sheetTail)
		return bw.Flush()
	})
}

// Truncated writes the first half of a valid workbook, as an interrupted
// download leaves it.
func Truncated(t testing.TB, path string) {
	t.Helper()
	rows := [][]string{{"NIP", "NAMA", "TANGGAL LAHIR"}}
	for i := 0; i < 200; i++ {
		rows = append(rows, []string{fmt.Sprintf("1966010819900310%02d", i%100), fmt.Sprintf("Pegawai %d", i), "08-01-1966"})
	}
	b := Workbook(t, rows)
	if err := os.WriteFile(path, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
}

// WideCSV writes a CSV whose second line has cols columns of cell.
func WideCSV(t testing.TB, path string, cols int, cell string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	bw.WriteString("NIP,NAMA\n")
	bw.WriteString(cell)
	sep := "," + cell
	bw.WriteString(strings.Repeat(sep, cols-1))
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}
