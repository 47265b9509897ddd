-- Training (issue 13): partners and their catalogue, sessions, development
-- plans with approvals, enrolment, attendance, notifications and grants
-- (sqlite dialect). Status and kind values are the Go constants named in each
-- comment; the database does not check them, model's Validate does.

-- A partner that runs programmes (penyelenggara, mitra). kind is
-- model.ProviderKind: universitas, perusahaan, lembaga_pemerintah, internal,
-- instansi_lain. The cooperation agreement (MoU) is its number and days;
-- mou_until drives the expiry warning. price_basis is "jp" or "peserta"
-- (price in rupiah per JP or per participant). rating is in tenths (0–50),
-- entered by BKPSDM until the evaluation capability feeds it.
CREATE TABLE provider (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    contact_name  TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    website       TEXT NOT NULL DEFAULT '',
    accreditation TEXT NOT NULL DEFAULT '',
    mou_no        TEXT NOT NULL DEFAULT '',
    mou_from      TEXT NOT NULL DEFAULT '',
    mou_until     TEXT NOT NULL DEFAULT '',
    price_basis   TEXT NOT NULL DEFAULT 'peserta',
    price         INTEGER NOT NULL DEFAULT 0,
    rating        INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX provider_mou_until ON provider(mou_until);

-- A development programme of the catalogue. form is model.DevForm (the LAN
-- 10/2018 classroom and non-classroom forms, as data); learning_model is
-- terstruktur, kolaboratif, tempat_kerja, terintegrasi or ''; delivery is
-- sinkron, asinkron or campuran. cost is rupiah per participant; capacity
-- the usual seats of a session (0: not limited).
CREATE TABLE programme (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    form           TEXT NOT NULL,
    learning_model TEXT NOT NULL DEFAULT '',
    delivery       TEXT NOT NULL,
    jp             INTEGER NOT NULL,
    cost           INTEGER NOT NULL DEFAULT 0,
    capacity       INTEGER NOT NULL DEFAULT 0,
    prerequisites  TEXT NOT NULL DEFAULT '',
    provider_id    INTEGER NOT NULL REFERENCES provider(id),
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX programme_provider ON programme(provider_id, title);
CREATE INDEX programme_title ON programme(title);

-- The competencies a programme develops and the level it leads to.
CREATE TABLE programme_competency (
    programme_id  INTEGER NOT NULL REFERENCES programme(id),
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    level         INTEGER NOT NULL,
    PRIMARY KEY (programme_id, competency_id)
);
CREATE INDEX programme_competency_comp ON programme_competency(competency_id, level);

-- A session (angkatan, batch) of a programme: days and hours (ISO dates,
-- HH:MM), a place or an online link, seats, the enrolment window and the
-- minimum attendance (percent of days) for completion. enrolled counts the
-- seats taken; enrolment raises it by a conditional UPDATE so that the
-- capacity holds under concurrency. status is terjadwal, dibatalkan or
-- selesai.
CREATE TABLE training_session (
    id             INTEGER PRIMARY KEY,
    programme_id   INTEGER NOT NULL REFERENCES programme(id),
    name           TEXT NOT NULL DEFAULT '',
    start_date     TEXT NOT NULL,
    end_date       TEXT NOT NULL,
    start_time     TEXT NOT NULL DEFAULT '',
    end_time       TEXT NOT NULL DEFAULT '',
    place          TEXT NOT NULL DEFAULT '',
    online_url     TEXT NOT NULL DEFAULT '',
    capacity       INTEGER NOT NULL,
    enrolled       INTEGER NOT NULL DEFAULT 0,
    enrol_from     TEXT NOT NULL DEFAULT '',
    enrol_until    TEXT NOT NULL DEFAULT '',
    min_attendance INTEGER NOT NULL DEFAULT 80,
    status         TEXT NOT NULL DEFAULT 'terjadwal',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX training_session_start ON training_session(start_date, id);
CREATE INDEX training_session_programme ON training_session(programme_id, start_date);

-- Who teaches a session: a name, and the account that runs its attendance
-- when the instructor has one.
CREATE TABLE session_instructor (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES training_session(id),
    name       TEXT NOT NULL,
    user_id    INTEGER REFERENCES app_user(id)
);
CREATE INDEX session_instructor_session ON session_instructor(session_id);
CREATE INDEX session_instructor_user ON session_instructor(user_id);

-- One item of an employee's yearly development plan: a programme of the
-- catalogue, or a free activity (title, form, jp, cost of its own). purpose
-- says why; competency_id the gap it addresses (a catalogue item addresses
-- those its programme develops). proposed_by is pegawai, atasan or admin.
-- status is model.PlanStatus: draf, diajukan (waiting for step), perbaikan
-- (asked to change), ditolak, disetujui, terdaftar, selesai, dibatalkan.
-- step is the approval step waiting (1 the direct supervisor, 2 the head of
-- the OPD, as the settings' chain has it); 0 when nobody must decide.
CREATE TABLE plan_item (
    id            INTEGER PRIMARY KEY,
    employee_id   INTEGER NOT NULL REFERENCES employee(id),
    year          INTEGER NOT NULL,
    programme_id  INTEGER REFERENCES programme(id),
    session_id    INTEGER REFERENCES training_session(id),
    title         TEXT NOT NULL DEFAULT '',
    form          TEXT NOT NULL DEFAULT '',
    jp            INTEGER NOT NULL DEFAULT 0,
    cost          INTEGER NOT NULL DEFAULT 0,
    competency_id INTEGER REFERENCES competency(id),
    purpose       TEXT NOT NULL,
    proposed_by   TEXT NOT NULL,
    proposer_id   INTEGER NOT NULL,
    status        TEXT NOT NULL,
    step          INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX plan_item_employee ON plan_item(employee_id, year, id);
CREATE INDEX plan_item_waiting ON plan_item(step, employee_id) WHERE status = 'diajukan';
CREATE INDEX plan_item_programme ON plan_item(programme_id);

-- Every step of an item's way: submitted, approved, rejected (with a
-- reason), asked to change, cancelled. by_employee_id is the approver as a
-- person; acting is 1 when they decided as Plt./Plh.
CREATE TABLE plan_decision (
    id             INTEGER PRIMARY KEY,
    item_id        INTEGER NOT NULL REFERENCES plan_item(id),
    step           INTEGER NOT NULL,
    decision       TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    by_user_id     INTEGER NOT NULL,
    by_employee_id INTEGER,
    acting         INTEGER NOT NULL DEFAULT 0,
    at             INTEGER NOT NULL
);
CREATE INDEX plan_decision_item ON plan_decision(item_id, id);

-- A place in a session: terdaftar (a seat), menunggu (the waiting list, in
-- id order: first come, first served), batal, selesai, tidak_selesai.
-- source is rencana (an approved plan item), nominasi (a unit admin's) or
-- admin. score is 0–100, recorded with completion by the provider.
CREATE TABLE enrolment (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES training_session(id),
    employee_id  INTEGER NOT NULL REFERENCES employee(id),
    plan_item_id INTEGER REFERENCES plan_item(id),
    status       TEXT NOT NULL,
    source       TEXT NOT NULL,
    score        INTEGER,
    completed_at INTEGER,
    completed_by INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (session_id, employee_id)
);
CREATE INDEX enrolment_session ON enrolment(session_id, status, id);
CREATE INDEX enrolment_employee ON enrolment(employee_id, id);

-- Presence per session day (ISO date). how is qr, kode or manual; a struck
-- mark stays, with who struck it, so the list tells what happened.
CREATE TABLE attendance (
    session_id  INTEGER NOT NULL REFERENCES training_session(id),
    day         TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employee(id),
    at          INTEGER NOT NULL,
    how         TEXT NOT NULL,
    by_user_id  INTEGER NOT NULL,
    struck      INTEGER NOT NULL DEFAULT 0,
    struck_by   INTEGER,
    PRIMARY KEY (session_id, day, employee_id)
);

-- A PPPK's work agreement (perjanjian kerja): its days bound the agreement
-- year of the 24 JP ceiling.
CREATE TABLE pppk_agreement (
    employee_id INTEGER PRIMARY KEY REFERENCES employee(id),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL
);

-- Secrets the nodes of one deployment share (the attendance QR's signing
-- key), made once by the first node that needs them.
CREATE TABLE app_secret (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- The in-app inbox: one row per event for one account. args is the JSON of
-- array of the message's arguments (rendered in the reader's language), link the
-- page that acts on it; dedup, when not empty, makes an event that a daily
-- pass raises (a session tomorrow, an MoU expiring) happen once.
CREATE TABLE notification (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    event      TEXT NOT NULL,
    args       TEXT NOT NULL DEFAULT '[]',
    link       TEXT NOT NULL DEFAULT '',
    dedup      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notification_user ON notification(user_id, id);
CREATE INDEX notification_unread ON notification(user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notification_dedup ON notification(user_id, dedup) WHERE dedup <> '';

-- The durable e-mail queue. A message is rendered when queued (subject and
-- body in the recipient's language) and keeps its Message-ID for life, so a
-- retry after a crash resends the same mail. state is antri, terkirim or
-- gagal; a worker claims due rows (claimed_until) and backs off on failure
-- (attempts, next_at).
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    notification_id INTEGER REFERENCES notification(id),
    user_id         INTEGER REFERENCES app_user(id),
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL DEFAULT 'antri',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_at         INTEGER NOT NULL,
    claimed_until   INTEGER NOT NULL DEFAULT 0,
    claimed_by      TEXT NOT NULL DEFAULT '',
    sent_at         INTEGER,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_at, id) WHERE state = 'antri';

-- How an account wants an event: channel is surel (e-mail at once), harian
-- (in the daily digest) or aplikasi (the inbox only). No row: surel.
CREATE TABLE notification_pref (
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    event   TEXT NOT NULL,
    channel TEXT NOT NULL,
    PRIMARY KEY (user_id, event)
);

-- One-time links sent by e-mail: account activation and password reset.
-- Only the SHA-256 of the token is kept.
CREATE TABLE email_token (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    purpose    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX email_token_user ON email_token(user_id);

-- Accounts: a provider's account (penyelenggara) names its provider; grants
-- are what a person may do beside their role (model.Grant, comma-separated:
-- "operator"); email serves accounts without an employee record (an
-- employee's account is mailed at the employee's address).
ALTER TABLE app_user ADD COLUMN provider_id INTEGER REFERENCES provider(id);
ALTER TABLE app_user ADD COLUMN grants TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN email TEXT NOT NULL DEFAULT '';
