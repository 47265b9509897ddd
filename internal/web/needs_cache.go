package web

import (
	"html/template"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/i18n"
)

// The city heat-map is the same page for everyone who sees the same
// subtrees in the same language until the needs snapshot changes, and at a
// million employees rendering it (65 rows × 12 cells, the JPM chart, the
// crumbs) costs about ten milliseconds of CPU while the numbers behind it
// cost a fifth of one. So the page body is rendered once per (snapshot,
// scope, unit, language) and kept here; a new snapshot (store/needs_cache.go
// builds one when the data changed) gives new keys, and old entries are
// dropped wholesale when the cache fills. The cache is a field of the
// server (server.needsBodies).

// needsBodyKey identifies one rendered needs page body.
type needsBodyKey struct {
	asOf  time.Time // the snapshot's build time: a new snapshot, a new key
	stale bool
	scope string
	unit  int64
	lang  i18n.Lang
}

// needsBody is a rendered body and the page title argument that goes with it.
type needsBody struct {
	html  template.HTML
	title string
}

// needsBodyMax bounds the cache: a few hundred scopes × units × languages.
const needsBodyMax = 512

func newNeedsBodies() *cache.Cache[needsBodyKey, needsBody] {
	return cache.New[needsBodyKey, needsBody](cache.Options{Name: "needsbodies", Max: needsBodyMax})
}

// HTML is what the page's "content" template prints.
func (b needsBody) HTML() template.HTML { return b.html }
