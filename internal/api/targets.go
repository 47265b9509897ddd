package api

import (
	"context"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/policy"
)

// employeeTarget describes employee id as the policy needs it (policy.May);
// an employee that does not exist is "not found".
func (a *API) employeeTarget(ctx context.Context, id int64) (policy.Target, error) {
	e, err := a.st.Employee(ctx, id)
	if err != nil {
		return policy.Target{}, err
	}
	u, err := a.st.Unit(ctx, e.UnitID)
	if err != nil {
		return policy.Target{}, err
	}
	return policy.Target{UnitPath: u.Path, EmployeeID: id, SupervisorID: e.SupervisorID}, nil
}

// positionTarget describes position id for policy.StandardRead: its unit,
// and the caller when they hold it.
func (a *API) positionTarget(ctx context.Context, p *auth.Principal, id int64) (policy.Target, error) {
	pos, err := a.st.Position(ctx, id)
	if err != nil {
		return policy.Target{}, err
	}
	u, err := a.st.Unit(ctx, pos.UnitID)
	if err != nil {
		return policy.Target{}, err
	}
	t := policy.Target{UnitPath: u.Path}
	if p.User.EmployeeID != 0 {
		if e, err := a.st.Employee(ctx, p.User.EmployeeID); err == nil && e.PositionID == id {
			t.EmployeeID = p.User.EmployeeID
		} else if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
			return policy.Target{}, err
		}
	}
	return t, nil
}
