package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
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

// problemsJSON renders ps with message in lang; message_en stays English
// for clients written against the first version of the API.
func problemsJSON(lang i18n.Lang, ps []registry.Problem) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, problemJSON{Field: fieldName(p.Field), Code: p.Code, Message: p.Text(lang), MessageEN: p.Text(i18n.EN), Warning: p.Warning})
	}
	return out
}

// langOf returns the language the client asks for in Accept-Language: the
// first supported language it lists ("fr, en-GB;q=0.8" gives English),
// Indonesian when it lists none.
func langOf(r *http.Request) i18n.Lang {
	for tag := range strings.SplitSeq(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ = strings.Cut(tag, ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		for _, l := range i18n.Langs {
			if tag == string(l) || strings.HasPrefix(tag, string(l)+"-") {
				return l
			}
		}
	}
	return i18n.ID
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
			return &apperr.Error{Code: apperr.EINVALID, Field: p.Field, Key: p.Key, Args: p.Args}
		}
	}
	return apperr.New(apperr.EINVALID, "err.common.invalid_data")
}

// httpStatus maps an apperr code to its HTTP status (apperr.HTTPStatus).
func httpStatus(code string) int { return apperr.HTTPStatus(code) }

// writeError renders err as JSON. Internal errors are logged with their
// details and shown with a generic message.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := apperr.Code(err)
	lang := langOf(r)
	body := errorJSON{Code: code, Message: apperr.Message(lang, err)}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		body.Field = fieldName(ae.Field)
	}
	var pe *problemsError
	if errors.As(err, &pe) {
		body.Problems = problemsJSON(lang, pe.problems)
	}
	status := httpStatus(code)
	switch {
	case status == http.StatusInternalServerError:
		body = errorJSON{Code: apperr.EINTERNAL, Message: i18n.T(lang, "err.api.internal")}
		a.log.Error("api: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	case status == http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="kompeten"`)
	}
	writeJSON(w, status, errorBody{Error: body})
}
