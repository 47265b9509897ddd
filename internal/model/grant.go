package model

import (
	"slices"
	"strings"
)

// Grant is something a person may do beside their role (issue 13): an
// employee keeps their own role (pegawai, atasan, admin OPD) and BKPSDM
// gives them a grant for a job of its own, such as verifying and
// administering the training catalogue. The access policy reads grants
// beside the role table (policy.grants).
type Grant string

// The grants.
const (
	// GrantOperator: BKPSDM staff who administer the catalogue (partners,
	// programmes, sessions), run sessions' attendance and enrolments, and
	// verify.
	GrantOperator Grant = "operator"
)

// Grants lists every grant.
var Grants = []Grant{GrantOperator}

// Valid reports whether g is a known grant.
func (g Grant) Valid() bool { return slices.Contains(Grants, g) }

// ParseGrants reads the stored comma-separated list, dropping unknown and
// repeated names, in the order of Grants.
func ParseGrants(s string) []Grant {
	var out []Grant
	for _, g := range Grants {
		for _, part := range strings.Split(s, ",") {
			if Grant(strings.TrimSpace(part)) == g {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// GrantsText is the stored form of a list of grants.
func GrantsText(gs []Grant) string {
	var parts []string
	for _, g := range Grants {
		if slices.Contains(gs, g) {
			parts = append(parts, string(g))
		}
	}
	return strings.Join(parts, ",")
}

// HasGrant reports whether the account holds grant g.
func (u *User) HasGrant(g Grant) bool { return slices.Contains(u.Grants, g) }
