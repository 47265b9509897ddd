package api

import (
	"errors"
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/registry"
)

// errorBody is the JSON form of every error:
// {"error":{"code":"invalid","message":"...","field":"nip","problems":[...]}}.
type errorBody struct {
	Error errorJSON `json:"error"`
}

// errorJSON is the inside of errorBody.
type errorJSON struct {
	Code     string        `json:"code"`
	Message  string        `json:"message"`
	Field    string        `json:"field,omitempty"`
	Problems []problemJSON `json:"problems,omitempty"`
}

// problemJSON is one registry.Problem: a broken rule of an employee record,
// as the problems of a 422 and the warnings of a successful write.
type problemJSON struct {
	Field     string `json:"field"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
	Warning   bool   `json:"warning"`
}

// apiField maps the field names of the store and the registry to the names
// the API uses for the same input.
var apiField = map[string]string{"unit": "unit_id", "parent": "parent_id", "position": "position_id", "supervisor": "supervisor_id"}

func fieldName(f string) string {
	if n, ok := apiField[f]; ok {
		return n
	}
	return f
}

func problemsJSON(ps []registry.Problem) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, problemJSON{Field: fieldName(p.Field), Code: p.Code, Message: p.Message, MessageEN: p.MessageEN, Warning: p.Warning})
	}
	return out
}

// problemsError is a 422 carrying every problem of a record.
type problemsError struct {
	problems []registry.Problem
}

// Error returns the first blocking problem.
func (e *problemsError) Error() string { return e.Unwrap().Error() }

// Unwrap gives the apperr form, so apperr.Code reports "invalid" and the
// message and field are those of the first blocking problem.
func (e *problemsError) Unwrap() error {
	for _, p := range e.problems {
		if !p.Warning {
			return &apperr.Error{Code: apperr.EINVALID, Field: p.Field, Message: p.Message}
		}
	}
	return apperr.New(apperr.EINVALID, "data tidak valid")
}

// httpStatus maps an apperr code to its HTTP status (apperr.HTTPStatus).
func httpStatus(code string) int { return apperr.HTTPStatus(code) }

// writeError renders err as JSON. Internal errors are logged with their
// details and shown with a generic message.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := apperr.Code(err)
	body := errorJSON{Code: code, Message: apperr.Message(err)}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		body.Field = fieldName(ae.Field)
	}
	var pe *problemsError
	if errors.As(err, &pe) {
		body.Problems = problemsJSON(pe.problems)
	}
	status := httpStatus(code)
	switch {
	case status == http.StatusInternalServerError:
		body = errorJSON{Code: apperr.EINTERNAL, Message: "terjadi kesalahan internal; detailnya dicatat di log server"}
		a.log.Error("api: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	case status == http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="kompeten"`)
	}
	writeJSON(w, status, errorBody{Error: body})
}
