package api

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestSettingsAPI: GET /settings gives the defaults; a PUT of part of the
// value keeps the rest, is audited and answers 202 with the queued
// recomputation, whose progress GET shows; a weight out of range is 422; a
// unit admin is refused.
func TestSettingsAPI(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		r := f.do("GET", "/api/v1/settings", f.super, nil).want(t, 200)
		set := r.body["settings"].(map[string]any)
		ret := set["retirement"].(map[string]any)
		if num(ret["teacher"]) != 60 || num(ret["types"].(map[string]any)["jpt_pratama"]) != 60 || num(set["jpm"].(map[string]any)["optimal"]) != 9000 ||
			num(set["weights"].(map[string]any)["assessment_centre"]) != 5 || r.body["job"] != nil {
			t.Fatalf("defaults %s", r.raw)
		}

		r = f.do("PUT", "/api/v1/settings", f.super, map[string]any{"retirement": map[string]any{"teacher": 62}}).want(t, 202)
		set = r.body["settings"].(map[string]any)
		ret = set["retirement"].(map[string]any)
		job := r.body["job"].(map[string]any)
		if num(ret["teacher"]) != 62 || num(ret["jenjangs"].(map[string]any)["ahli_utama"]) != 65 || job["retirement"] != true || job["jpm"] != false {
			t.Fatalf("after PUT %s", r.raw)
		}
		if n := auditActions(t, st, "settings.update"); n != 1 {
			t.Errorf("settings.update audited %d times", n)
		}
		deadline := time.Now().Add(30 * time.Second)
		for {
			j, err := st.LatestSettingsJob(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if j.State == store.JobDone {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("job %+v", j)
			}
			time.Sleep(20 * time.Millisecond)
		}
		r = f.do("GET", "/api/v1/settings", f.super, nil).want(t, 200)
		if j := r.body["job"].(map[string]any); j["state"] != "done" || num(j["done"]) != num(j["total"]) || j["finished_at"] == nil {
			t.Errorf("job after it ended %v", j)
		}

		f.do("PUT", "/api/v1/settings", f.super, map[string]any{"weights": map[string]any{"self": 99}}).want(t, 422).wantInvalid(t, "weights.self")
		// The plans' approval chain: the supervisor alone is a chain; an
		// unknown step is not.
		r = f.do("PUT", "/api/v1/settings", f.super, map[string]any{"approval": []string{"atasan"}}).want(t, 200)
		if ch := r.body["settings"].(map[string]any)["approval"].([]any); len(ch) != 1 || ch[0] != "atasan" {
			t.Errorf("approval chain after PUT %s", r.raw)
		}
		f.do("PUT", "/api/v1/settings", f.super, map[string]any{"approval": []string{"bupati"}}).want(t, 422).wantInvalid(t, "approval")
		f.do("GET", "/api/v1/settings", f.admin, nil).want(t, 403)
		f.do("PUT", "/api/v1/settings", f.admin, map[string]any{"retirement": map[string]any{"teacher": 58}}).want(t, 403)
	})
}
