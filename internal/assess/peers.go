package assess

// Peers returns the anonymous peer aggregate a profile may show: the number
// of distinct peers and the rounded mean of each one's latest rating, when
// peer ratings counted (Used) or met the minimum but were outranked; ok is
// false otherwise. Fewer than Rule.MinPeers peers are never shown, and
// Resolve never reports their mean, so this cannot reveal one peer's level.
func (r *Resolution) Peers() (count, mean int, ok bool) {
	for _, c := range r.Used {
		if c.Source == SourcePeer {
			count, mean, ok = c.Count, c.Level, true
		}
	}
	for _, sa := range r.SetAside {
		if sa.Source == SourcePeer && sa.Reason == ReasonOutranked {
			count, mean, ok = sa.Count, sa.Level, true
		}
	}
	return count, mean, ok
}
