-- API tokens get an expiry, an optional read-only scope and their last use.
-- Tokens made before expire 90 days after they were made.
ALTER TABLE api_token ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_token ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE api_token ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0;
UPDATE api_token SET expires_at = created_at + 7776000;
CREATE INDEX api_token_user ON api_token(user_id);
