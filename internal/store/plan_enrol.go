package store

import (
	"context"
	"database/sql"
)

// enrolApproved is called inside the transaction that gives a plan item its
// final approval (or a nomination): when the item names a session, the
// employee is enrolled there or put on its waiting list, and the item
// becomes terdaftar. The enrolment work (enrolment.go) fills it in.
func (s *Store) enrolApproved(ctx context.Context, tx *sql.Tx, itemID int64) error {
	return nil
}
