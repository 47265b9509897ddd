package e2e

import (
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/names"
)

// TestSignIn: a visitor is sent to the sign-in page; a wrong password keeps
// them there with an error message; the right one opens the home page with
// the user's name.
func TestSignIn(t *testing.T) {
	ctx := newTab(t)
	name := names.Display(city.Offices.Nurhayati.GelarDepan, city.Offices.Nurhayati.Name, city.Offices.Nurhayati.GelarBelakang)

	open(t, ctx, "/")
	if loc := location(t, ctx); !strings.HasPrefix(loc, "/masuk") {
		t.Fatalf("a visitor opening / lands on %s, want the sign-in page /masuk", loc)
	}

	status := signIn(t, ctx, adminUser, "bukan-kata-sandinya")
	if status != 401 {
		t.Errorf("wrong password: status %d, want 401", status)
	}
	if loc := location(t, ctx); !strings.HasPrefix(loc, "/masuk") {
		t.Errorf("wrong password: landed on %s, want to stay on /masuk", loc)
	}
	if msg := textOf(t, ctx, "#login-error"); msg == "" {
		t.Error("wrong password: #login-error is empty")
	} else {
		t.Logf("wrong password shows: %q", msg)
	}
	if body := bodyText(t, ctx); strings.Contains(body, name) {
		t.Errorf("wrong password: the page shows the user's name %q: %.300s", name, body)
	}
	if v := eval[string](t, ctx, `document.querySelector("form#login input[name=username]").value`); v != adminUser {
		t.Errorf("wrong password: the username field holds %q, want it kept as %q", v, adminUser)
	}

	mustSignIn(t, ctx, adminUser)
	if g := textOf(t, ctx, "#greeting"); !strings.Contains(g, name) {
		t.Errorf("home greeting = %q, want the user's name %q", g, name)
	}
	if who := textOf(t, ctx, "#who"); !strings.Contains(who, name) {
		t.Errorf("header #who = %q, want the user's name %q", who, name)
	}
}
