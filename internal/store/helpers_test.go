package store_test

import "strconv"

func fmtInt(i int64) string { return strconv.FormatInt(i, 10) }
