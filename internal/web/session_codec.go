package web

import (
	"maps"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/kompeten/kompeten/internal/cache"
)

// memoCodec is scs's gob codec with the decoded form of recent sessions
// remembered by their encoded bytes. gob compiles a decoder for every
// message it reads, which made decoding the session a few per cent of a
// list page; the same session's bytes come back on every request until it
// changes. Decode hands out a copy of the values, so a handler changing its
// session cannot change the remembered one.
type memoCodec struct {
	gob scs.GobCodec
	m   *cache.Cache[string, decodedSession]
}

type decodedSession struct {
	deadline time.Time
	values   map[string]any
}

const memoCodecMax = 10000 // entries; the memo starts over when full

func newMemoCodec() *memoCodec {
	return &memoCodec{m: cache.New[string, decodedSession](cache.Options{Name: "sessioncodec", Max: memoCodecMax})}
}

// Encode encodes with gob.
func (c *memoCodec) Encode(deadline time.Time, values map[string]any) ([]byte, error) {
	return c.gob.Encode(deadline, values)
}

// Decode returns the remembered decoding of b, or decodes it with gob.
func (c *memoCodec) Decode(b []byte) (time.Time, map[string]any, error) {
	if d, ok := c.m.Get(string(b)); ok {
		return d.deadline, maps.Clone(d.values), nil
	}
	deadline, values, err := c.gob.Decode(b)
	if err != nil {
		return deadline, values, err
	}
	c.m.Put(string(b), decodedSession{deadline: deadline, values: maps.Clone(values)})
	return deadline, values, nil
}
