package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/kompeten/kompeten/internal/apperr"
)

// errNotPermitted answers a request for a record outside the user's scope
// exactly as for a record that does not exist.
var errNotPermitted = apperr.New(apperr.ENOTFOUND, "err.common.not_found_or_not_allowed")

// errForbidden answers a request the user's role does not allow.
var errForbidden = apperr.New(apperr.EFORBIDDEN, "err.common.page_not_allowed")

// errSignIn answers a request that needs a signed-in user and has none:
// a GET is sent to the sign-in page (and back afterwards), anything else
// gets the error page.
var errSignIn = apperr.New(apperr.EUNAUTHORIZED, "err.auth.sign_in_first")

// handler is a page or action of the web UI. It writes its response and
// returns nil, or returns an error and writes nothing: serve renders the
// error, the one place the web face turns errors into pages (as
// api.serve does for the JSON face).
type handler func(w http.ResponseWriter, r *http.Request) error

// serve adapts h to net/http, answering a returned error with its page.
func (s *server) serve(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.answerError(w, r, err)
		}
	}
}

// plain adapts a handler that answers every request itself and has no
// error to return (health check, static files, favicon).
func plain(h http.HandlerFunc) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		h(w, r)
		return nil
	}
}

// answerError answers r for an error a handler returned: the sign-in page
// for a GET without a signed-in user, the error page otherwise.
func (s *server) answerError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errSignIn) && r.Method == http.MethodGet {
		http.Redirect(w, r, "/masuk?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	s.fail(w, r, err)
}

// statusOf maps an application error code to its HTTP status for pages:
// apperr.HTTPStatus, except that an invalid form is a plain 400.
func statusOf(code string) int {
	if code == apperr.EINVALID {
		return http.StatusBadRequest
	}
	return apperr.HTTPStatus(code)
}

// errorData is what the error page shows.
type errorData struct {
	Code    string // apperr code, selects the translated heading
	Message string // detail, only for codes whose message helps the user
}

// fail answers r with the error page for err. Internal errors are logged
// with the request and shown as a generic message; not-found and forbidden
// show a generic text that does not reveal whether a record exists.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := apperr.Code(err)
	status := statusOf(code)
	d := errorData{Code: code}
	switch code {
	case apperr.EINVALID, apperr.ECONFLICT, apperr.ETOOMANY:
		d.Message = apperr.Message(langOf(r), err)
	case apperr.EINTERNAL:
		s.log.Error("web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.render(w, r, status, "error", "error.title", d)
}

// crossOriginDenied answers a cross-origin form post.
func (s *server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.log.Warn("web: cross-origin request refused", "method", r.Method, "path", r.URL.Path, "origin", r.Header.Get("Origin"))
	s.fail(w, r, apperr.New(apperr.EFORBIDDEN, "err.common.cross_site_request_refused"))
}

// notFoundPage answers any path without a route.
func (s *server) notFoundPage(w http.ResponseWriter, r *http.Request) error {
	return errNotPermitted
}
