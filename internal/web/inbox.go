package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// inboxPage is how many notifications the inbox shows at a time.
const inboxPage = 30

// inboxRow is one notification as the inbox shows it, rendered in the
// reader's language.
type inboxRow struct {
	ID            int64
	Subject, Body string
	Created       time.Time
	Read          bool
}

type inboxData struct {
	Rows   []inboxRow
	Older  int64 // the ID to page from; 0: no more
	Unread int
	Notice string
}

// inbox lists the signed-in person's notifications, newest first, unread
// marked (GET /kotak-masuk?sebelum=ID pages back).
func (s *server) inbox(w http.ResponseWriter, r *http.Request) error {
	p, lang := principal(r), langOf(r)
	before, _ := strconv.ParseInt(r.URL.Query().Get("sebelum"), 10, 64)
	list, err := s.st.Notifications(r.Context(), p.User.ID, before, inboxPage+1)
	if err != nil {
		return err
	}
	d := &inboxData{Notice: map[string]string{"pengaturan": "inbox.prefs_saved"}[r.URL.Query().Get("ok")]}
	if len(list) > inboxPage {
		list = list[:inboxPage]
		d.Older = list[inboxPage-1].ID
	}
	for _, n := range list {
		subj, body := i18n.Notice(lang, string(n.Event), n.Args)
		d.Rows = append(d.Rows, inboxRow{ID: n.ID, Subject: subj, Body: body, Created: n.Created, Read: n.Read})
	}
	if d.Unread, err = s.st.UnreadNotifications(r.Context(), p.User.ID); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "inbox", "inbox.title", d)
	return nil
}

// inboxOpen marks a notification read and follows its link (POST
// /kotak-masuk/buka, id): each inbox entry is a button posting here. A
// write, so a POST; and no ID in the path, as the notification is the
// reader's own or not found.
func (s *server) inboxOpen(w http.ResponseWriter, r *http.Request) error {
	f := newForm(r)
	id := f.Int64("id", "err.notice.not_found", 0)
	if err := f.Err(); err != nil {
		return err
	}
	n, err := s.st.OpenNotification(r.Context(), principal(r).User.ID, id)
	if err != nil {
		return err
	}
	to := n.Link
	if !strings.HasPrefix(to, "/") || strings.HasPrefix(to, "//") || strings.HasPrefix(to, "/\\") {
		to = "/kotak-masuk" // only paths of this server
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// inboxReadAll marks every notification read (POST /kotak-masuk/baca-semua).
func (s *server) inboxReadAll(w http.ResponseWriter, r *http.Request) error {
	if err := s.st.ReadAllNotifications(r.Context(), principal(r).User.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/kotak-masuk", http.StatusSeeOther)
	return nil
}

// prefRow is one event of the preferences form.
type prefRow struct {
	Event   model.NoticeEvent
	Channel model.NoticeChannel
}

// inboxPrefs shows the channel of each event (GET /kotak-masuk/pengaturan).
func (s *server) inboxPrefs(w http.ResponseWriter, r *http.Request) error {
	prefs, err := s.st.NoticePrefs(r.Context(), principal(r).User.ID)
	if err != nil {
		return err
	}
	rows := make([]prefRow, 0, len(model.NoticeEvents))
	for _, e := range model.NoticeEvents {
		rows = append(rows, prefRow{Event: e, Channel: prefs[e]})
	}
	s.render(w, r, http.StatusOK, "inbox_prefs", "inbox.prefs_title", map[string]any{"Rows": rows, "Channels": model.NoticeChannels})
	return nil
}

// inboxPrefsSave stores the channels chosen (POST /kotak-masuk/pengaturan).
func (s *server) inboxPrefsSave(w http.ResponseWriter, r *http.Request) error {
	p, f := principal(r), newForm(r)
	prefs := map[model.NoticeEvent]model.NoticeChannel{}
	for _, e := range model.NoticeEvents {
		if c := f.Text("ch." + string(e)); c != "" {
			prefs[e] = model.NoticeChannel(c)
		}
	}
	if err := s.st.SetNoticePrefs(r.Context(), actor(p), p.User.ID, prefs); err != nil {
		return err
	}
	http.Redirect(w, r, "/kotak-masuk?ok=pengaturan", http.StatusSeeOther)
	return nil
}

// inboxBadge puts the unread count on the inbox's menu entry: one count
// on the partial index notification_unread per page.
func (s *server) inboxBadge(r *http.Request, userID int64, nav []navLink) {
	for i := range nav {
		if nav[i].Path == "/kotak-masuk" {
			if n, err := s.st.UnreadNotifications(r.Context(), userID); err == nil {
				nav[i].Badge = n
			}
		}
	}
}
