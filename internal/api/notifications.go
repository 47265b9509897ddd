package api

import (
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// notificationJSON is one inbox entry, with its text in the caller's
// language beside the event and its arguments.
type notificationJSON struct {
	ID      int64    `json:"id"`
	Event   string   `json:"event"`
	Args    []string `json:"args"`
	Subject string   `json:"subject"`
	Body    string   `json:"body"`
	Link    string   `json:"link"`
	Created string   `json:"created_at"`
	Read    bool     `json:"read"`
}

// myNotifications answers GET /me/notifications: the caller's inbox,
// newest first, paged by before (an ID) and limit (1–200, 50).
func (a *API) myNotifications(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 || limit > 200 {
		limit = 50
	}
	list, err := a.st.Notifications(r.Context(), p.User.ID, before, limit)
	if err != nil {
		return err
	}
	unread, err := a.st.UnreadNotifications(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	lang := i18n.Parse(p.User.Lang)
	items := make([]notificationJSON, 0, len(list))
	for _, n := range list {
		subj, body := i18n.Notice(lang, string(n.Event), n.Args)
		items = append(items, notificationJSON{ID: n.ID, Event: string(n.Event), Args: i18n.NoticeData(n.Args), Subject: subj, Body: body, Link: n.Link,
			Created: n.Created.UTC().Format("2006-01-02T15:04:05Z"), Read: n.Read})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "unread": unread})
	return nil
}

// readNotification answers POST /me/notifications/{id}/read: marks one of
// the caller's notifications read (another's is not found).
func (a *API) readNotification(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.st.OpenNotification(r.Context(), p.User.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// myNoticePrefs answers GET /me/notification-preferences: the channel of
// every event.
func (a *API) myNoticePrefs(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	prefs, err := a.st.NoticePrefs(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"preferences": prefs})
	return nil
}

// putNoticePrefs answers PUT /me/notification-preferences: sets the
// channels given (others keep theirs) and answers with all of them.
func (a *API) putNoticePrefs(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Preferences map[model.NoticeEvent]model.NoticeChannel `json:"preferences"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := a.st.SetNoticePrefs(r.Context(), actor(p), p.User.ID, in.Preferences); err != nil {
		return err
	}
	return a.myNoticePrefs(w, r, p)
}
