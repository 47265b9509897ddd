package web

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/owndata"
)

// myDataJSON sends one's own data as JSON (GET /data-saya/unduh.json).
func (s *server) myDataJSON(w http.ResponseWriter, r *http.Request) error {
	d, name, err := s.ownDataFor(r)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
	h.Set("Cache-Control", "private, no-store")
	w.Write(b)
	return nil
}

// myDataXLSX sends one's own data as a workbook, one sheet per part
// (GET /data-saya/unduh.xlsx).
func (s *server) myDataXLSX(w http.ResponseWriter, r *http.Request) error {
	d, name, err := s.ownDataFor(r)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := owndata.Workbook(f, d); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	h.Set("Cache-Control", "private, no-store")
	return f.Write(w)
}

func (s *server) ownDataFor(r *http.Request) (*owndata.Data, string, error) {
	p, err := s.user(r)
	if err != nil {
		return nil, "", err
	}
	if p.User.EmployeeID == 0 {
		return nil, "", errNoRecord
	}
	d, err := owndata.Collect(r.Context(), s.st, p.User.EmployeeID, s.loc)
	if err != nil {
		return nil, "", err
	}
	return d, fmt.Sprintf("data-saya-%s-%s", d.Employee.NIP, s.st.Now().In(s.loc).Format("20060102")), nil
}
