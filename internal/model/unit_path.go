package model

import (
	"strconv"
	"strings"
)

// PathLastID returns the unit ID at the end of a materialised path
// ("/1/7/42/" → 42; 0 when it does not end in one).
func PathLastID(path string) int64 {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	id, _ := strconv.ParseInt(parts[len(parts)-1], 10, 64)
	return id
}
