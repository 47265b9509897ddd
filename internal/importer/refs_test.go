package importer

import "testing"

// TestPositionByTitleTies: of a unit's titles that fold alike, a title
// finds the one last in the order the positions used to be read in (by
// unit, head post first, title), whatever order they are loaded in.
func TestPositionByTitleTies(t *testing.T) {
	strs := []string{"Staf Umum", "STAF  UMUM", "Staf umum"}
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {1, 0, 2}} {
		r := &refs{strs: strs}
		for _, k := range order {
			// Position k+1: title strs[k]; the second is the unit's head post.
			r.pos = append(r.pos, refPos{id: int64(k + 1), unit: 7, title: uint32(k), isHead: k == 1})
		}
		p, ok := r.positionByTitle(7, foldKey("staf umum"))
		// Head first, then "Staf Umum" < "Staf umum": the last is position 3.
		if !ok || p.ID != 3 {
			t.Errorf("load order %v: found %d (%v), want position 3", order, p.ID, ok)
		}
	}
}
