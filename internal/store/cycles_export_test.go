package store

// SetCycleBigPeople lets the tests of package store_test treat a small
// cycle as big (served from its snapshot); it returns a function restoring
// the default.
func SetCycleBigPeople(n int) (restore func()) {
	old := cycleBigPeople
	cycleBigPeople = n
	return func() { cycleBigPeople = old }
}
