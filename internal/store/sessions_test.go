package store_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestSessionStoreSeesItsOwnChanges: a sign-out ends the session at once,
// new data is read back as written, and an expired session is not served.
func TestSessionStoreSeesItsOwnChanges(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ss := s.Sessions()
		if s.Sessions() != ss {
			t.Fatal("one Store must have one session store")
		}
		exp := s.Now().Add(time.Hour)
		must(t, ss.CommitCtx(ctx, "tok", []byte("v1"), exp))
		for i := 0; i < 2; i++ {
			if b, ok, err := ss.FindCtx(ctx, "tok"); err != nil || !ok || !bytes.Equal(b, []byte("v1")) {
				t.Fatalf("find %d: %q %v %v", i, b, ok, err)
			}
		}
		must(t, ss.CommitCtx(ctx, "tok", []byte("v2"), exp))
		if b, _, _ := ss.FindCtx(ctx, "tok"); !bytes.Equal(b, []byte("v2")) {
			t.Fatalf("after a commit the new data must be read, got %q", b)
		}
		must(t, ss.DeleteCtx(ctx, "tok"))
		if _, ok, err := ss.FindCtx(ctx, "tok"); ok || err != nil {
			t.Fatalf("a deleted session must be gone at once: %v %v", ok, err)
		}
		must(t, ss.CommitCtx(ctx, "old", []byte("x"), s.Now().Add(time.Second)))
		if _, ok, _ := ss.FindCtx(ctx, "old"); !ok {
			t.Fatal("a live session must be found")
		}
		now := s.Now().Add(time.Minute)
		s.Now = func() time.Time { return now }
		if _, ok, _ := ss.FindCtx(ctx, "old"); ok {
			t.Error("an expired session must not be served")
		}
	})
}
