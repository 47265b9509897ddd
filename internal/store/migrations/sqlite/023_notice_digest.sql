-- The daily digest (issue 13). A mail for an account that chose the digest
-- (notification_pref.channel = 'harian') is queued in mail_outbox in state
-- harian instead of antri: rendered like every other, but not sent; the
-- daily pass gathers an account's harian rows into one digest mail (state
-- antri) and marks them digabung. This index finds them without reading
-- the whole queue.
CREATE INDEX mail_outbox_digest ON mail_outbox(user_id, id) WHERE state = 'harian';
