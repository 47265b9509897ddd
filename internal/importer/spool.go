package importer

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// spool keeps pass 1's converted rows in a temporary file, so that pass 2
// reads them back instead of parsing and validating the file again; only
// the rows still good after pass 1 are handed on. The file is deleted on
// close.
type spool struct {
	f   *os.File
	w   *bufio.Writer
	buf []byte
	n   int
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "kompeten-import-*.bin")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // unlinked: gone with the process, whatever happens
	return &spool{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (s *spool) close() { s.f.Close() }

func (s *spool) str(v string) {
	s.buf = binary.AppendUvarint(s.buf, uint64(len(v)))
	s.buf = append(s.buf, v...)
}

func (s *spool) int(v int64) { s.buf = binary.AppendVarint(s.buf, v) }

// add writes one row.
func (s *spool) add(r *store.ImportRow) error {
	e := &r.Employee
	s.buf = s.buf[:0]
	s.int(int64(r.Line))
	s.int(int64(r.NewPosition))
	s.str(r.SupervisorNIP)
	s.str(e.NIP)
	s.str(e.Name)
	s.str(e.GelarDepan)
	s.str(e.GelarBelakang)
	s.str(e.BirthPlace)
	if e.BirthDate.IsZero() {
		s.int(0)
	} else {
		s.int(1)
		s.int(e.BirthDate.Unix())
	}
	s.str(string(e.Gender))
	s.str(string(e.Kind))
	s.str(e.Golongan)
	s.int(e.PositionID)
	s.int(e.UnitID)
	s.int(e.SupervisorID)
	set := int64(0)
	if e.SupervisorSet {
		set = 1
	}
	s.int(set)
	s.str(e.Email)
	s.str(e.Phone)
	s.str(string(e.Status))
	var hdr [binary.MaxVarintLen64]byte
	if _, err := s.w.Write(hdr[:binary.PutUvarint(hdr[:], uint64(len(s.buf)))]); err != nil {
		return err
	}
	_, err := s.w.Write(s.buf)
	s.n++
	return err
}

// spoolReader reads the rows back in order.
type spoolReader struct {
	r   *bufio.Reader
	buf []byte
	p   int
	err error
}

func (s *spool) reader() (*spoolReader, error) {
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return &spoolReader{r: bufio.NewReaderSize(s.f, 1<<20)}, nil
}

var errSpool = errors.New("importer: spool file damaged")

func (r *spoolReader) int() int64 {
	v, n := binary.Varint(r.buf[r.p:])
	if n <= 0 {
		r.err = errSpool
		return 0
	}
	r.p += n
	return v
}

func (r *spoolReader) str() string {
	l, n := binary.Uvarint(r.buf[r.p:])
	if n <= 0 || r.p+n+int(l) > len(r.buf) {
		r.err = errSpool
		return ""
	}
	r.p += n
	v := string(r.buf[r.p : r.p+int(l)])
	r.p += int(l)
	return v
}

// next returns the next row, or nil at the end.
func (r *spoolReader) next() (*store.ImportRow, error) {
	size, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if cap(r.buf) < int(size) {
		r.buf = make([]byte, size)
	}
	r.buf, r.p = r.buf[:size], 0
	if _, err := io.ReadFull(r.r, r.buf); err != nil {
		return nil, err
	}
	row := &store.ImportRow{}
	e := &row.Employee
	row.Line = int(r.int())
	row.NewPosition = int(r.int())
	row.SupervisorNIP = r.str()
	e.NIP = r.str()
	e.Name = r.str()
	e.GelarDepan = r.str()
	e.GelarBelakang = r.str()
	e.BirthPlace = r.str()
	if r.int() == 1 {
		e.BirthDate = time.Unix(r.int(), 0).UTC()
	}
	e.Gender = model.Gender(r.str())
	e.Kind = model.EmployeeKind(r.str())
	e.Golongan = r.str()
	e.PositionID = r.int()
	e.UnitID = r.int()
	e.SupervisorID = r.int()
	e.SupervisorSet = r.int() == 1
	e.Email = r.str()
	e.Phone = r.str()
	e.Status = model.Status(r.str())
	return row, r.err
}
