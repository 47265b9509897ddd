package store

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestWordSorterOrder checks that the words come out in employee_word's key
// order (word, sort key, id), each (word, employee) once, against a plain
// sort of the same triples.
func TestWordSorterOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"ahmad", "budi", "siti", "nur", "aini", "nuraini", "br", "siregar", "lubis", ""}
	w := newWordSorter(10)
	type row struct {
		word, key string
		id        int64
	}
	var want []row
	for i := 0; i < 2000; i++ {
		id := int64(5000 - i*2) // ids not in key order
		var ws []string
		seen := map[string]bool{}
		for j := 0; j < 1+r.IntN(3); j++ {
			p := parts[r.IntN(len(parts)-1)]
			if !seen[p] {
				seen[p] = true
				ws = append(ws, p)
			}
		}
		key := strings.Join(ws, " ")
		if i%7 == 0 {
			key = "" // an empty key sorts first
		}
		w.add(id, key, ws)
		for _, x := range ws {
			want = append(want, row{x, key, id})
		}
	}
	slices.SortFunc(want, func(a, b row) int {
		if c := strings.Compare(a.word, b.word); c != 0 {
			return c
		}
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return int(a.id - b.id)
	})
	w.sort()
	var got []row
	if err := w.each(func(word, key string, id int64) error {
		got = append(got, row{word, key, id})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%d rows, want %d; first: %v, want %v", len(got), len(want), got[:3], want[:3])
	}
}
