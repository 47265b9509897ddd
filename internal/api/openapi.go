package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the hand-written OpenAPI 3.1 description of this API. A test
// keeps its paths and methods equal to the registered routes.
//
//go:embed openapi.yaml
var openAPIDoc []byte

// openAPI serves openapi.yaml; it needs no token.
func (a *API) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(openAPIDoc)
}
