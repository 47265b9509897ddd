package web

import (
	"testing"

	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestSearchShowsCount: a search says how many it found; the plain list
// does not.
func TestSearchShowsCount(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	c.login("admin", pwAdmin)
	contains(t, c.get("/pegawai?q=Budi"), `id="result-count"`, "1 pegawai ditemukan.")
	lacks(t, c.get("/pegawai"), `id="result-count"`)
	lacks(t, c.get("/pegawai?q=Zulkarnaen"), `id="result-count"`)
}
