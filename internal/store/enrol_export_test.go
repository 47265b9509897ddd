package store

import (
	"context"
	"database/sql"
)

// EnrolApproved runs the plan's seam (enrolApproved) in a transaction of
// its own, as the final approval would, for the tests of package
// store_test.
func (s *Store) EnrolApproved(ctx context.Context, itemID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.enrolApproved(ctx, tx, itemID) })
}
