package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestFrameworksStoreAndLoad(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n, err := s.EnsureBuiltInFrameworks(ctx, admin)
		if err != nil || n != len(dictionary.BuiltIn()) {
			t.Fatalf("built-ins added %d, %v", n, err)
		}
		if n, _ := s.EnsureBuiltInFrameworks(ctx, admin); n != 0 {
			t.Errorf("a second run added %d built-ins again", n)
		}
		id, err := s.FrameworkID(ctx, "KOMPETENSI-ASN", "")
		if err != nil {
			t.Fatal(err)
		}
		got, ids, err := s.Framework(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := dictionary.National()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the national framework changed on its way through the database")
		}
		if len(ids) != 9 || got.Competencies[8].Name != "Perekat Bangsa" {
			t.Errorf("national set: %d competencies, last %q", len(ids), got.Competencies[len(got.Competencies)-1].Name)
		}
		if _, err := s.CreateFramework(ctx, admin, want, false); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("the same code and version twice must conflict, got %v", err)
		}
		bad := *want
		bad.Code = "RUSAK"
		bad.Competencies = append([]dictionary.Competency(nil), want.Competencies...)
		bad.Competencies[2].Levels[3].Description = ""
		if _, err := s.CreateFramework(ctx, admin, &bad, false); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("a framework with a missing level description must be refused, got %v", err)
		}
		list, _ := s.Frameworks(ctx)
		if len(list) != len(dictionary.BuiltIn()) || !list[0].BuiltIn {
			t.Errorf("frameworks list: %+v", list)
		}
	})
}
