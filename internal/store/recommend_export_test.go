package store

import (
	"context"

	"github.com/kompeten/kompeten/internal/model"
)

// RecommendationsTwin is PlanRecommendations by its plain twin (one query
// for the gaps, one for the sessions), for the device's test in package
// store_test.
func (s *Store) RecommendationsTwin(ctx context.Context, employeeID int64, plan []model.PlanItem) ([]Recommendation, error) {
	return s.recommend(ctx, employeeID, takenProgrammes(plan), nil)
}
