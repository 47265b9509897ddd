package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/owndata"
)

// myData answers GET /me/data: everything Kompeten keeps about the caller,
// as the web's "Data saya" download gives it (package owndata), instants in
// UTC as elsewhere in the API. An account without an employee record has
// no data to give and is refused.
func (a *API) myData(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if p.User.EmployeeID == 0 {
		return apperr.Invalid("employee", "err.mydata.no_record")
	}
	d, err := owndata.Collect(r.Context(), a.st, p.User.EmployeeID, time.UTC)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, http.StatusOK, d)
	return nil
}
