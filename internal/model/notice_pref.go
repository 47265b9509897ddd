package model

// NoticeChannel is how an account wants an event delivered
// (notification_pref.channel). Every event always reaches the inbox; the
// channel says what happens by e-mail.
type NoticeChannel string

// The channels.
const (
	ChannelMail   NoticeChannel = "surel"    // an e-mail at once (the default)
	ChannelDigest NoticeChannel = "harian"   // in one e-mail a day
	ChannelApp    NoticeChannel = "aplikasi" // the inbox only
)

// NoticeChannels lists the channels in the order a settings page offers them.
var NoticeChannels = []NoticeChannel{ChannelMail, ChannelDigest, ChannelApp}

// Valid reports whether c is one of NoticeChannels.
func (c NoticeChannel) Valid() bool {
	for _, x := range NoticeChannels {
		if c == x {
			return true
		}
	}
	return false
}

// Valid reports whether e is one of NoticeEvents.
func (e NoticeEvent) Valid() bool {
	for _, x := range NoticeEvents {
		if e == x {
			return true
		}
	}
	return false
}
