package web

import (
	"maps"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
)

// memoCodec is scs's gob codec with the decoded form of recent sessions
// remembered by their encoded bytes. gob compiles a decoder for every
// message it reads, which made decoding the session a few per cent of a
// list page; the same session's bytes come back on every request until it
// changes. Decode hands out a copy of the values, so a handler changing its
// session cannot change the remembered one.
type memoCodec struct {
	gob scs.GobCodec
	mu  sync.Mutex
	m   map[string]decodedSession
}

type decodedSession struct {
	deadline time.Time
	values   map[string]any
}

const memoCodecMax = 10000 // entries; the memo starts over when full

func newMemoCodec() *memoCodec { return &memoCodec{m: map[string]decodedSession{}} }

// Encode encodes with gob.
func (c *memoCodec) Encode(deadline time.Time, values map[string]any) ([]byte, error) {
	return c.gob.Encode(deadline, values)
}

// Decode returns the remembered decoding of b, or decodes it with gob.
func (c *memoCodec) Decode(b []byte) (time.Time, map[string]any, error) {
	c.mu.Lock()
	d, ok := c.m[string(b)]
	c.mu.Unlock()
	if ok {
		return d.deadline, maps.Clone(d.values), nil
	}
	deadline, values, err := c.gob.Decode(b)
	if err != nil {
		return deadline, values, err
	}
	c.mu.Lock()
	if len(c.m) >= memoCodecMax {
		clear(c.m)
	}
	c.m[string(b)] = decodedSession{deadline: deadline, values: maps.Clone(values)}
	c.mu.Unlock()
	return deadline, values, nil
}
