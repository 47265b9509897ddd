package store

// SetJPMTuning lets the tests of package store_test cut a small city into
// many chunks, force the text fold and the items join; it returns a function restoring the
// defaults.
func SetJPMTuning(chunkIDs int64, maxWindows int, joinItems bool) (restore func()) {
	oc, ow, oj := jpmChunkIDs, jpmMaxWindows, jpmJoinItems
	jpmChunkIDs, jpmMaxWindows, jpmJoinItems = chunkIDs, maxWindows, joinItems
	return func() { jpmChunkIDs, jpmMaxWindows, jpmJoinItems = oc, ow, oj }
}
