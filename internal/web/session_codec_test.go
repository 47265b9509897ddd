package web

import (
	"testing"
	"time"
)

// TestMemoCodecHandsOutCopies: the remembered decoding of a session is
// never changed by a handler that changes its own session's values.
func TestMemoCodecHandsOutCopies(t *testing.T) {
	c := newMemoCodec()
	deadline := time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC)
	b, err := c.Encode(deadline, map[string]any{sessUserID: int64(42), sessLang: "id"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		d, v, err := c.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		if !d.Equal(deadline) || v[sessUserID] != int64(42) || v[sessLang] != "id" {
			t.Fatalf("decode %d: got %v %v", i, d, v)
		}
		v[sessLang] = "en" // a handler switching language
		delete(v, sessUserID)
	}
	if _, _, err := c.Decode([]byte("not gob")); err == nil {
		t.Error("bytes that are not a session must be refused")
	}
}
