package mail_test

import (
	"database/sql"
	"fmt"
	"testing"
	"time"
)

// QueueBulk queues n mails straight into mail_outbox (one statement), as n
// notifications would, for the race test and the benchmark.
func QueueBulk(tb testing.TB, db *sql.DB, n int, now time.Time) {
	tb.Helper()
	const batch = 500
	for i := 0; i < n; i += batch {
		q := `INSERT INTO mail_outbox (to_addr, subject, body, message_id, next_at, created_at) VALUES `
		var args []any
		for j := i; j < i+batch && j < n; j++ {
			if j > i {
				q += ","
			}
			k := len(args)
			q += fmt.Sprintf("($%d, $%d, $%d, $%d, $%d, $%d)", k+1, k+2, k+3, k+4, k+5, k+6)
			args = append(args, fmt.Sprintf("p%d@pemkomedan.test", j), fmt.Sprintf("Pemberitahuan %d", j),
				fmt.Sprintf("Isi pemberitahuan %d.\n", j), fmt.Sprintf("<bulk%d@kompeten>", j), now.Unix(), now.Unix())
		}
		if _, err := db.Exec(q, args...); err != nil {
			tb.Fatal(err)
		}
	}
}
