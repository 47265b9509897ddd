// Package api serves Kompeten's JSON API under /api/v1 over the same store
// and domain logic as the HTML UI. Every route except the OpenAPI document
// needs an API token sent as "Authorization: Bearer <token>"; cookies are
// never read, so cross-site request forgery does not apply. Reads never
// write: authenticating a token is a single SELECT.
//
// Routes are registered from one table (routeTable: method, path, policy
// action, handler), so that tests can compare the set of routes with
// openapi.yaml and walk every route for every role.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Prefix is the path under which every route of this version lives.
const Prefix = "/api/v1"

// maxBody caps the size of a request body.
const maxBody = 1 << 20

// API is the /api/v1 handler: a router plus the store and logger its
// handlers share.
type API struct {
	st     *store.Store
	log    *slog.Logger
	mux    *http.ServeMux
	routes []route
	// employeeSubs holds the handlers of /employees/{id}/<sub> by method
	// and sub (see handleEmployeeSub).
	employeeSubs map[string]map[string]route
}

// handlerFunc is the shape of an authenticated handler: it gets the caller
// and returns an error that the router renders as JSON.
type handlerFunc func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error

// New returns the handler serving /api/v1/... on st. The caller mounts it at
// "/api/" without stripping the prefix. A nil logger means slog.Default().
func New(st *store.Store, logger *slog.Logger) http.Handler {
	return newAPI(st, logger)
}

func newAPI(st *store.Store, logger *slog.Logger) *API {
	if logger == nil {
		logger = slog.Default()
	}
	a := &API{st: st, log: logger, mux: http.NewServeMux()}

	for _, rt := range a.routeTable() {
		switch {
		case !rt.Auth():
			a.public(rt)
		case strings.HasPrefix(rt.Path, "/employees/{id}/"):
			a.handleEmployeeSub(rt)
		default:
			a.handle(rt)
		}
	}
	return a
}

// handle registers an authenticated route and records it.
func (a *API) handle(rt route) {
	a.routes = append(a.routes, rt)
	a.mux.HandleFunc(rt.Method+" "+Prefix+rt.Path, func(w http.ResponseWriter, r *http.Request) {
		a.serve(w, r, rt)
	})
}

// serve authenticates the caller, checks the route's action against the
// role × action table (require) and runs the handler, rendering any error
// as JSON.
func (a *API) serve(w http.ResponseWriter, r *http.Request, rt route) {
	p, err := a.authenticate(r)
	if err == nil && p.ReadOnly && r.Method != http.MethodGet && r.Method != http.MethodHead {
		err = apperr.New(apperr.EFORBIDDEN, "err.token.read_only")
	}
	if err == nil {
		err = require(p, rt.Action)
		if err != nil && policy.Hidden(rt.Action) {
			err = apperr.New(apperr.ENOTFOUND, "err.common.no_such_api_address", r.URL.Path)
		}
	}
	if err == nil {
		err = rt.h(w, r, p)
	}
	if err != nil {
		a.writeError(w, r, err)
	}
}

// public registers a route that needs no token and records it.
func (a *API) public(rt route) {
	a.routes = append(a.routes, rt)
	a.mux.HandleFunc(rt.Method+" "+Prefix+rt.Path, func(w http.ResponseWriter, r *http.Request) {
		if err := rt.h(w, r, nil); err != nil {
			a.writeError(w, r, err)
		}
	})
}

// ServeHTTP routes the request; paths and methods that match no route get a
// JSON 404 or 405 instead of the router's plain-text ones.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	if _, pattern := a.mux.Handler(r); pattern != "" {
		a.mux.ServeHTTP(w, r)
		return
	}
	// No route: let the router decide between 404 and 405 (and which
	// methods to allow), then answer in JSON.
	rec := &statusRecorder{header: http.Header{}}
	a.mux.ServeHTTP(rec, r)
	switch rec.status {
	case http.StatusMethodNotAllowed:
		w.Header().Set("Allow", rec.header.Get("Allow"))
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: errorJSON{
			Code: "method_not_allowed", Message: i18n.T(langOf(r), "err.api.method_not_allowed", r.Method)}})
	case http.StatusNotFound, 0:
		a.writeError(w, r, apperr.New(apperr.ENOTFOUND, "err.common.no_such_api_address", r.URL.Path))
	default: // a redirect to the cleaned path
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.status)
	}
}

// statusRecorder captures the status and headers the router would write.
type statusRecorder struct {
	header http.Header
	status int
}

// Header returns the captured headers.
func (s *statusRecorder) Header() http.Header { return s.header }

// Write discards the body, noting an implicit 200.
func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return len(b), nil
}

// WriteHeader records the first status written.
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

// authenticate resolves the bearer token to the caller and their scope.
func (a *API) authenticate(r *http.Request) (*auth.Principal, error) {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return nil, apperr.New(apperr.EUNAUTHORIZED, "err.api.token_missing")
	}
	hash := auth.TokenHash(token)
	p, err := a.tokenPrincipal(r.Context(), hash)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, apperr.New(apperr.EUNAUTHORIZED, "err.api.token_unknown")
	}
	return p, err
}

// require returns a 403 error unless p's role or a grant lets p take act at
// all (policy.PrincipalAllows). What else an action needs (a unit subtree to read,
// something administered, the record in scope) the handler asks of the
// policy, and answers as the page does (often "not found").
func require(p *auth.Principal, act policy.Action) error {
	if policy.PrincipalAllows(p, act) {
		return nil
	}
	return apperr.New(apperr.EFORBIDDEN, "err.api.role_may_not_do", p.User.Role)
}

// actor names the caller in the audit log.
func actor(p *auth.Principal) model.Actor {
	return model.Actor{UserID: p.User.ID, Name: p.User.Username}
}

// writeJSON writes v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// decodeJSON reads a JSON object body into v, rejecting unknown fields,
// trailing data and bodies over maxBody.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		var maxErr *http.MaxBytesError
		switch {
		case errors.As(err, &typeErr):
			return apperr.Invalid(typeErr.Field, "err.api.value_type", typeErr.Field, typeErr.Type)
		case errors.As(err, &maxErr):
			return apperr.Invalid("", "err.api.body_too_large", maxBody)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return apperr.Invalid(f, "err.api.field_unknown", f)
		}
		return apperr.Invalid("", "err.api.body_not_json", err)
	}
	if dec.More() {
		return apperr.Invalid("", "err.api.body_trailing_data")
	}
	return nil
}

// pathID reads the {id} wildcard; anything but a positive integer names no
// record, so it is a 404.
func pathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.ENOTFOUND, "err.api.no_record_with_id", s)
	}
	return id, nil
}

// queryInt reads an optional non-negative integer query parameter.
func queryInt(r *http.Request, name string) (int64, error) {
	s := strings.TrimSpace(r.URL.Query().Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, apperr.Invalid(name, "err.api.non_negative_integer", name)
	}
	return n, nil
}

// unitInScope reports whether unit id lies in the subtrees p administers
// (auth.Principal.Admin: heading a unit does not make one its
// administrator). A unit that does not exist is an invalid field value
// (units are visible to every caller, so saying so reveals nothing).
func (a *API) unitInScope(ctx context.Context, p *auth.Principal, field string, id int64) (bool, error) {
	u, err := a.st.Unit(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return false, apperr.Invalid(field, "err.common.unit_does_not_exist", id)
	}
	if err != nil {
		return false, err
	}
	return p.Administers(u), nil
}

// ptrID is nil for 0, so that JSON writes null for "none".
func ptrID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// tokenPrincipal reads the owner of the token with this hash and their
// scope.
func (a *API) tokenPrincipal(ctx context.Context, hash string) (*auth.Principal, error) {
	u, t, err := a.st.TokenOwner(ctx, hash)
	if err != nil {
		return nil, err
	}
	p, err := auth.ScopeFor(ctx, a.st, u)
	if p != nil {
		p.ReadOnly = t.ReadOnly
	}
	return p, err
}
