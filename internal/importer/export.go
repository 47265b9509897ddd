package importer

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/registry"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/table"
	"github.com/xuri/excelize/v2"
)

// rowWriter writes rows of strings as CSV or XLSX.
type rowWriter interface {
	write(cells []string) error
	close() error
}

// newRowWriter returns a writer for format "csv" or "xlsx".
//
// CSV: UTF-8 with a byte order mark (so that Excel shows names with
// accents correctly; the importer skips it), comma-separated, CRLF line
// ends. NIPs are written as plain digits: Excel turns them into numbers
// when it opens a CSV file directly, so open CSV exports through Data →
// From Text with the NIP column as Text, or use XLSX.
//
// XLSX: one sheet streamed with excelize's StreamWriter; every cell is a
// string cell, so NIPs and phone numbers stay text.
//
// In both, every cell goes through table.SafeCell (a cell starting with
// = + - @ tab or CR gets a leading apostrophe so that a spreadsheet does
// not run it as a formula); the importer removes it again (cleanCell).
func newRowWriter(w io.Writer, format, sheet string) (rowWriter, error) {
	switch strings.ToLower(format) {
	case "", "csv":
		bw := bufio.NewWriterSize(w, 1<<16)
		if _, err := bw.WriteString("\ufeff"); err != nil {
			return nil, err
		}
		cw := csv.NewWriter(bw)
		cw.UseCRLF = true
		return &csvWriter{bw: bw, cw: cw}, nil
	case "xlsx":
		f := excelize.NewFile()
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			f.Close()
			return nil, err
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			f.Close()
			return nil, err
		}
		return &xlsxWriter{f: f, sw: sw, w: w}, nil
	}
	return nil, fmt.Errorf("importer: format ekspor %q tidak didukung (gunakan csv atau xlsx)", format)
}

type csvWriter struct {
	bw *bufio.Writer
	cw *csv.Writer
}

func (c *csvWriter) write(cells []string) error {
	for i, s := range cells {
		cells[i] = table.SafeCell(s)
	}
	return c.cw.Write(cells)
}

func (c *csvWriter) close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

type xlsxWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	w    io.Writer
	row  int
	vals []any
}

func (x *xlsxWriter) write(cells []string) error {
	x.row++
	if cap(x.vals) < len(cells) {
		x.vals = make([]any, len(cells))
	}
	x.vals = x.vals[:len(cells)]
	for i, s := range cells {
		x.vals[i] = excelize.Cell{Value: table.SafeCell(s)}
	}
	cell, _ := excelize.CoordinatesToCellName(1, x.row)
	return x.sw.SetRow(cell, x.vals)
}

func (x *xlsxWriter) close() error {
	defer x.f.Close()
	if err := x.sw.Flush(); err != nil {
		return err
	}
	_, err := x.f.WriteTo(x.w)
	return err
}

// ExportEmployees writes the employees in scope to w as "csv" or "xlsx",
// with the import's canonical columns in its order (NIP, NAMA, GELAR DEPAN,
// GELAR BELAKANG, TEMPAT LAHIR, TANGGAL LAHIR as dd-mm-yyyy, JENIS KELAMIN,
// STATUS PEGAWAI, GOL/RUANG, KODE JABATAN, JABATAN, JENIS JABATAN, JENJANG,
// KODE UNIT, UNIT KERJA, NIP ATASAN only for an explicit supervisor, EMAIL,
// NO HP, STATUS), so that the file re-imports without changes. Rows are
// streamed in NIP order.
func ExportEmployees(ctx context.Context, st *store.Store, w io.Writer, format string, sc model.Scope) error {
	rw, err := newRowWriter(w, format, "Pegawai")
	if err != nil {
		return err
	}
	if err := rw.write(headersOf(employeeFields)); err != nil {
		return err
	}
	cells := make([]string, len(employeeFields))
	err = st.ExportEmployees(ctx, sc, func(x *store.ExportEmployee) error {
		cells = cells[:0]
		cells = append(cells, x.NIP, x.Name, x.GelarDepan, x.GelarBelakang, x.BirthPlace, formatDate(x.BirthDate),
			string(x.Gender), string(x.Kind), x.Golongan, x.PositionCode, x.PositionTitle,
			positionTypeLabels[x.PositionType], jenjangLabels[x.Jenjang], x.UnitCode, x.UnitName, x.SupervisorNIP,
			x.Email, x.Phone, registry.StatusLabel(x.Status))
		return rw.write(cells)
	})
	if err != nil {
		return err
	}
	return rw.close()
}

// ExportUnits writes the org units in scope (KODE UNIT, NAMA UNIT, JENIS
// UNIT, KODE INDUK), parents before children, as "csv" or "xlsx".
func ExportUnits(ctx context.Context, st *store.Store, w io.Writer, format string, sc model.Scope) error {
	units, err := st.UnitsInScope(ctx, sc)
	if err != nil {
		return err
	}
	all, err := st.Units(ctx)
	if err != nil {
		return err
	}
	codes := map[int64]string{}
	for _, u := range all {
		codes[u.ID] = u.Code
	}
	rw, err := newRowWriter(w, format, "Unit")
	if err != nil {
		return err
	}
	if err := rw.write(headersOf(unitFields)); err != nil {
		return err
	}
	for _, u := range units {
		if err := rw.write([]string{u.Code, u.Name, unitKindLabels[u.Kind], codes[u.ParentID]}); err != nil {
			return err
		}
	}
	return rw.close()
}

// ExportPositions writes the positions of the units in scope (KODE
// JABATAN, JABATAN, JENIS JABATAN, JENJANG, KODE UNIT, UNIT KERJA, KEPALA
// UNIT) as "csv" or "xlsx".
func ExportPositions(ctx context.Context, st *store.Store, w io.Writer, format string, sc model.Scope) error {
	units, err := st.UnitsInScope(ctx, sc)
	if err != nil {
		return err
	}
	byID := map[int64]model.OrgUnit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	ps, err := st.Positions(ctx, 0)
	if err != nil {
		return err
	}
	rw, err := newRowWriter(w, format, "Jabatan")
	if err != nil {
		return err
	}
	if err := rw.write(headersOf(positionFields)); err != nil {
		return err
	}
	for _, p := range ps {
		u, ok := byID[p.UnitID]
		if !ok {
			continue
		}
		head := "Tidak"
		if p.IsHead {
			head = "Ya"
		}
		if err := rw.write([]string{p.Code, p.Title, positionTypeLabels[p.Type], jenjangLabels[p.Jenjang], u.Code, u.Name, head}); err != nil {
			return err
		}
	}
	return rw.close()
}
