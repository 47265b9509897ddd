package auth_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestPrincipalCache: a caller's principal is read once for a burst of
// requests, read again as soon as anything is written through the store
// (a deactivated account or a new role must not wait), and failures are
// never remembered.
func TestPrincipalCache(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t)
	c := auth.NewPrincipalCache(st)
	loads := 0
	load := func(context.Context) (*auth.Principal, error) {
		loads++
		return &auth.Principal{User: model.User{ID: 7, Username: "budi"}}, nil
	}
	first, err := c.Get(ctx, "u:7", load)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := c.Get(ctx, "u:7", load)
	if loads != 1 || again != first {
		t.Fatalf("a second request within the burst must reuse the principal: %d loads", loads)
	}
	if _, err := c.Get(ctx, "u:8", load); err != nil || loads != 2 {
		t.Fatalf("another caller has their own entry: %d loads", loads)
	}
	// Any write through the store (here a new account) ends every entry.
	if err := st.CreateUser(ctx, model.Actor{Name: "test"}, &model.User{Username: "sari", Role: model.RolePegawai, Active: true, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, "u:7", load); err != nil || loads != 3 {
		t.Fatalf("after a write the principal must be read again: %d loads", loads)
	}
	boom := errors.New("database gone")
	fails := 0
	failing := func(context.Context) (*auth.Principal, error) { fails++; return nil, boom }
	for i := 0; i < 2; i++ {
		if _, err := c.Get(ctx, "u:9", failing); !errors.Is(err, boom) {
			t.Fatalf("the load's error must reach the caller, got %v", err)
		}
	}
	if fails != 2 {
		t.Errorf("a failed load must not be cached: %d loads for 2 requests", fails)
	}
}
