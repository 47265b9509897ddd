package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/settings"
	"github.com/kompeten/kompeten/internal/store"
)

// settingsJobJSON is a recomputation started by a change of settings.
type settingsJobJSON struct {
	ID         int64      `json:"id"`
	Retirement bool       `json:"retirement"`
	Levels     bool       `json:"levels"`
	JPM        bool       `json:"jpm"`
	State      string     `json:"state"`
	Phase      string     `json:"phase"`
	Done       int64      `json:"done"`
	Total      int64      `json:"total"`
	Error      string     `json:"error"`
	CreatedAt  time.Time  `json:"created_at"`
	StartedAt  *time.Time `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at"`
}

func toSettingsJobJSON(j *store.SettingsJob) *settingsJobJSON {
	if j == nil {
		return nil
	}
	opt := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		return &t
	}
	return &settingsJobJSON{ID: j.ID, Retirement: j.Retirement, Levels: j.Levels, JPM: j.JPM, State: j.State, Phase: j.Phase,
		Done: j.Done, Total: j.Total, Error: j.Error, CreatedAt: j.CreatedAt, StartedAt: opt(j.StartedAt), FinishedAt: opt(j.FinishedAt)}
}

// settingsJSON is the answer of GET and PUT /settings: the rules in force
// and the newest recomputation (null when there was none).
type settingsJSON struct {
	Settings settings.Settings `json:"settings"`
	Job      *settingsJobJSON  `json:"job"`
}

// getSettings answers GET /settings.
func (a *API) getSettings(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	set, err := a.st.Settings(r.Context())
	if err != nil {
		return err
	}
	job, err := a.st.LatestSettingsJob(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, settingsJSON{Settings: set, Job: toSettingsJobJSON(job)})
	return nil
}

// putSettings answers PUT /settings: the whole value, validated, audited;
// a change that makes stored values stale answers 202 with the queued
// recomputation, whose progress GET /settings shows.
func (a *API) putSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	// Fields the body leaves out keep the values in force.
	in, err := a.st.Settings(r.Context())
	if err != nil {
		return err
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	job, err := a.st.SaveSettings(r.Context(), actor(p), in)
	if err != nil {
		return err
	}
	set, err := a.st.Settings(r.Context())
	if err != nil {
		return err
	}
	status := http.StatusOK
	if job != nil {
		status = http.StatusAccepted
	} else if job, err = a.st.LatestSettingsJob(r.Context()); err != nil {
		return err
	}
	writeJSON(w, status, settingsJSON{Settings: set, Job: toSettingsJobJSON(job)})
	return nil
}
