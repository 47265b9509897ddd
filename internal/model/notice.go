package model

// NoticeEvent names what a notification tells (issue 13). Each is a
// message pair in the catalogues, "notice.<event>.subject" and
// "notice.<event>.body", filled from the notification's arguments in the
// reader's language.
type NoticeEvent string

// The events.
const (
	NoticeApprovalNeeded  NoticeEvent = "plan.approval_needed" // a plan item waits for my decision
	NoticeDecisionMade    NoticeEvent = "plan.decided"         // a decision on my plan item (approved, rejected, asked to change)
	NoticeEnrolled        NoticeEvent = "enrolment.confirmed"  // I have a seat in a session
	NoticeWaitlisted      NoticeEvent = "enrolment.waitlisted" // I am on a session's waiting list
	NoticePromoted        NoticeEvent = "enrolment.promoted"   // a seat came free and is mine
	NoticeSessionTomorrow NoticeEvent = "session.tomorrow"     // a session of mine starts tomorrow
	NoticeMoUExpiring     NoticeEvent = "provider.mou_expiring"
)

// NoticeEvents lists the events a person may set a preference for.
var NoticeEvents = []NoticeEvent{NoticeApprovalNeeded, NoticeDecisionMade, NoticeEnrolled, NoticeWaitlisted, NoticePromoted,
	NoticeSessionTomorrow, NoticeMoUExpiring}
