-- Who holds each web session, for "my sessions" and for ending them. The
-- session row itself is scs's; this row is written at sign-in and when the
-- session's last activity is refreshed (at most every few minutes).
CREATE TABLE user_session (
    token      TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    seen_at    BIGINT NOT NULL,
    user_agent TEXT NOT NULL,
    ip         TEXT NOT NULL
);
CREATE INDEX user_session_user ON user_session(user_id);
