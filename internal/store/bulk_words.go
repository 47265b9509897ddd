package store

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
)

// wordSorter collects the search words of a bulk load in memory and hands
// them out sorted by employee_word's key (word, sort_name, employee_id), so
// that they are appended to the word index in order instead of being staged
// in a table and sorted by the database. Sorting in Go costs about a second
// for a million employees and can run on another core while the database
// rebuilds employee's indexes; a sort inside the database (pure-Go SQLite)
// costs several seconds on the writer's core.
//
// Memory stays compact: the sort keys of all employees in one byte arena,
// each distinct word once, and per employee only offsets and word numbers
// (≈ 50 MB for a million employees).
type wordSorter struct {
	keys    []byte   // the sort keys, concatenated
	keyEnd  []uint32 // per employee: end of its key in keys
	ids     []int64  // per employee: its id
	postEnd []uint32 // per employee: end of its words in posts
	posts   []uint32 // word numbers
	wordNo  map[string]uint32
	words   []string
	// After sort: the employees of each word in key order (out), the words
	// in order (ranked) and where each one's employees end in out.
	out    []uint32
	ranked []uint32
	ends   []uint32
}

// newWordSorter makes a sorter for about expected employees, reserving
// what they will take (sort keys at about 18 bytes each, 2.2 words each):
// growing the arrays as they fill copied them over and over (append grows
// a large slice by a quarter at a time) and cost the writer's core ≈ 0.7 s
// at a million employees, with old and new copies alive at once.
func newWordSorter(expected int) *wordSorter {
	expected = max(expected, 0)
	return &wordSorter{
		keys: make([]byte, 0, 18*expected), keyEnd: make([]uint32, 0, expected), ids: make([]int64, 0, expected),
		postEnd: make([]uint32, 0, expected), posts: make([]uint32, 0, expected*22/10), wordNo: map[string]uint32{},
	}
}

// add records the words of one employee (SearchWords has no duplicates).
func (w *wordSorter) add(id int64, key string, words []string) {
	if len(w.keys)+len(key) > cap(w.keys) { // more than reserved: double
		w.keys = slices.Grow(w.keys, max(len(key), cap(w.keys)))
	}
	w.keys = append(w.keys, key...)
	w.keyEnd = append(w.keyEnd, uint32(len(w.keys)))
	w.ids = append(w.ids, id)
	for _, s := range words {
		n, ok := w.wordNo[s]
		if !ok {
			n = uint32(len(w.words))
			s = strings.Clone(s)
			w.words = append(w.words, s)
			w.wordNo[s] = n
		}
		w.posts = append(w.posts, n)
	}
	w.postEnd = append(w.postEnd, uint32(len(w.posts)))
}

func (w *wordSorter) key(i uint32) []byte {
	start := uint32(0)
	if i > 0 {
		start = w.keyEnd[i-1]
	}
	return w.keys[start:w.keyEnd[i]]
}

// sort orders everything: employees by (sort key, id) once, then each
// word's employees fall out in that order by bucketing, and the distinct
// words (a few thousand) are sorted by themselves. Byte order is what
// SQLite's BINARY and PostgreSQL's "C" collation compare.
func (w *wordSorter) sort() {
	n := uint32(len(w.ids))
	order := make([]uint32, n)
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		if c := bytes.Compare(w.key(a), w.key(b)); c != 0 {
			return c
		}
		return cmp.Compare(w.ids[a], w.ids[b])
	})
	byWord := make([]uint32, len(w.words)) // word number → its rank
	ranked := make([]uint32, len(w.words))
	for i := range ranked {
		ranked[i] = uint32(i)
	}
	slices.SortFunc(ranked, func(a, b uint32) int { return strings.Compare(w.words[a], w.words[b]) })
	for r, wn := range ranked {
		byWord[wn] = uint32(r)
	}
	// Bucket starts by rank.
	start := make([]uint32, len(w.words)+1)
	for _, wn := range w.posts {
		start[byWord[wn]+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	w.out = make([]uint32, len(w.posts))
	for _, e := range order {
		from := uint32(0)
		if e > 0 {
			from = w.postEnd[e-1]
		}
		for _, wn := range w.posts[from:w.postEnd[e]] {
			r := byWord[wn]
			w.out[start[r]] = e
			start[r]++
		}
	}
	w.ranked, w.ends = ranked, start[:len(ranked)] // start[r] has moved to the end of word r
	w.posts, w.postEnd, w.wordNo = nil, nil, nil
}

// sortAsync sorts on a new goroutine; the channel closes when it is done.
func (w *wordSorter) sortAsync() chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.sort()
	}()
	return done
}

// each calls fn for every (word, sort key, employee id) in key order; sort
// must have run.
func (w *wordSorter) each(fn func(word, key string, id int64) error) error {
	from := uint32(0)
	for r, wn := range w.ranked {
		word := w.words[wn]
		for _, e := range w.out[from:w.ends[r]] {
			if err := fn(word, string(w.key(e)), w.ids[e]); err != nil {
				return err
			}
		}
		from = w.ends[r]
	}
	return nil
}
