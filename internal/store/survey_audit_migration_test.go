package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestOldSurveyAnswerAuditRowsScrubbed: an answer's audit row written before
// the survey-privacy rule (it named the employee and each answer's size)
// keeps only the survey once migration 019 has run; other rows keep theirs.
func TestOldSurveyAnswerAuditRowsScrubbed(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		db := st.DB()
		ins := `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (1, 'budi', $1, $2, '7', $3)`
		if _, err := db.Exec(ins, "survey.answer", "survey_response", `{"survey_id":3,"employee_id":42,"answers":{"9":118}}`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ins, "survey.answer_update", "survey_response", `{"employee_id":42,"survey_id":3}`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ins, "employee.update", "employee", `{"employee_id":42}`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`DELETE FROM schema_migrations WHERE version = 19`); err != nil {
			t.Fatal(err)
		}
		if n, err := st.Migrate(ctx); err != nil || n != 1 {
			t.Fatalf("migrate again: %d %v", n, err)
		}
		rows, err := db.Query(`SELECT action, detail FROM audit_log WHERE actor = 'budi' ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		want := map[string]string{
			"survey.answer":        `{"survey_id":3}`,
			"survey.answer_update": `{"survey_id":3}`,
			"employee.update":      `{"employee_id":42}`,
		}
		for rows.Next() {
			var action, detail string
			if err := rows.Scan(&action, &detail); err != nil {
				t.Fatal(err)
			}
			if detail != want[action] {
				t.Errorf("%s: detail %s, want %s", action, detail, want[action])
			}
		}
	})
}
