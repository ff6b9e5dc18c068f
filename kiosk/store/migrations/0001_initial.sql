-- 0001: the first schema of the kiosk's encrypted database.
-- Scoped tables (filled by sync): estates, buildings, entrances, flats, members, cards,
-- events, registrations, ideas, requests, announcements. Catalogue: partners, offers.
-- Local only: staff (synced later), consents (append-only), audit_log, outbox, sync_state.

CREATE TABLE estates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    city TEXT NOT NULL
);

CREATE TABLE buildings (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL
);

CREATE TABLE entrances (
    id TEXT PRIMARY KEY,
    building_id TEXT NOT NULL REFERENCES buildings(id),
    name TEXT NOT NULL
);

CREATE TABLE flats (
    id TEXT PRIMARY KEY,
    entrance_id TEXT NOT NULL REFERENCES entrances(id),
    building_id TEXT NOT NULL REFERENCES buildings(id),
    label TEXT NOT NULL
);
CREATE INDEX flats_building ON flats(building_id);

CREATE TABLE members (
    id TEXT PRIMARY KEY,                 -- UUID
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    folded_name TEXT NOT NULL,           -- fold(first + last): duplicate checks
    building_id TEXT NOT NULL,
    flat_id TEXT NOT NULL,
    phone TEXT NOT NULL,                 -- E.164
    email TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'fr',
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'left')),
    enrolled_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    origin_kiosk TEXT NOT NULL DEFAULT '',
    household TEXT NOT NULL DEFAULT '[]', -- JSON list of {first_name, relation}
    sms_opt_in INTEGER NOT NULL DEFAULT 0,
    newsletter_opt_in INTEGER NOT NULL DEFAULT 0,
    left_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX members_flat ON members(flat_id);
CREATE INDEX members_phone ON members(phone);

-- Accent- and case-folded full-text index over names (external content: the text lives
-- once, in members; erasure deletes the row and its index entries, then 'optimize').
CREATE VIRTUAL TABLE members_fts USING fts5(
    first_name, last_name, content='members', content_rowid='rowid',
    tokenize = "unicode61 remove_diacritics 2"
);
CREATE TRIGGER members_ai AFTER INSERT ON members BEGIN
    INSERT INTO members_fts(rowid, first_name, last_name) VALUES (new.rowid, new.first_name, new.last_name);
END;
CREATE TRIGGER members_ad AFTER DELETE ON members BEGIN
    INSERT INTO members_fts(members_fts, rowid, first_name, last_name) VALUES ('delete', old.rowid, old.first_name, old.last_name);
END;
CREATE TRIGGER members_au AFTER UPDATE OF first_name, last_name ON members BEGIN
    INSERT INTO members_fts(members_fts, rowid, first_name, last_name) VALUES ('delete', old.rowid, old.first_name, old.last_name);
    INSERT INTO members_fts(rowid, first_name, last_name) VALUES (new.rowid, new.first_name, new.last_name);
END;

CREATE TABLE cards (
    issuer_key_id TEXT NOT NULL,         -- hex of 4 bytes
    serial INTEGER NOT NULL,
    holder_id TEXT NOT NULL,             -- member or staff id
    role TEXT NOT NULL CHECK (role IN ('member', 'staff')),
    issued TEXT NOT NULL,
    expires TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    revoked_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (issuer_key_id, serial)
);
CREATE INDEX cards_holder ON cards(holder_id);

-- Public keys of the kiosks whose cards we accept (ours, and those the server publishes).
CREATE TABLE card_issuers (
    key_id TEXT PRIMARY KEY,             -- hex
    public_key TEXT NOT NULL,            -- hex of the raw Ed25519 public key
    kiosk_id TEXT NOT NULL DEFAULT '',
    revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('caretaker', 'admin')),
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    lock_count INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('membership', 'sms', 'newsletter')),
    granted INTEGER NOT NULL,
    at TEXT NOT NULL,
    form_version TEXT NOT NULL,
    notice_hash TEXT NOT NULL,
    kiosk_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consents_member ON consents(member_id);
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN
    SELECT RAISE(ABORT, 'consents are append-only');
END;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    action TEXT NOT NULL,
    member_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    address TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    hours TEXT NOT NULL DEFAULT '{}',    -- JSON: {"days": {"0": [["09:00","19:00"]]}, "exceptions": {...}}
    active INTEGER NOT NULL DEFAULT 1
);
CREATE VIRTUAL TABLE partners_fts USING fts5(
    name, description, content='partners', content_rowid='rowid',
    tokenize = "unicode61 remove_diacritics 2"
);
CREATE TRIGGER partners_ai AFTER INSERT ON partners BEGIN
    INSERT INTO partners_fts(rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;
CREATE TRIGGER partners_ad AFTER DELETE ON partners BEGIN
    INSERT INTO partners_fts(partners_fts, rowid, name, description) VALUES ('delete', old.rowid, old.name, old.description);
END;
CREATE TRIGGER partners_au AFTER UPDATE OF name, description ON partners BEGIN
    INSERT INTO partners_fts(partners_fts, rowid, name, description) VALUES ('delete', old.rowid, old.name, old.description);
    INSERT INTO partners_fts(rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;

CREATE TABLE offers (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    conditions TEXT NOT NULL DEFAULT '',
    valid_from TEXT,                     -- ISO date or NULL
    valid_until TEXT                     -- ISO date (inclusive) or NULL
);
CREATE INDEX offers_partner ON offers(partner_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    audience TEXT NOT NULL DEFAULT 'members',
    building_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list; empty: all buildings
    pictogram TEXT NOT NULL DEFAULT 'meeting',
    taken INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled')),
    created_at TEXT NOT NULL,
    waitlist_position INTEGER,
    checked_in_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX registrations_event ON registrations(event_id);
CREATE INDEX registrations_member ON registrations(member_id);

CREATE TABLE ideas (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'published', 'rejected')),
    member_id TEXT,                      -- NULL: anonymous
    answer TEXT NOT NULL DEFAULT '',
    votes INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    building_id TEXT NOT NULL DEFAULT ''
);

CREATE TABLE idea_votes (
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    PRIMARY KEY (idea_id, member_id)
);

CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    flat_id TEXT NOT NULL,
    category TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'done')),
    answer TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX requests_member ON requests(member_id);

CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    building_ids TEXT NOT NULL DEFAULT '[]'
);

-- Named mutations waiting for the server, in order. seq is gap-free per device.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    mutation TEXT NOT NULL,
    payload TEXT NOT NULL,               -- JSON
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    result TEXT                          -- JSON answer of the server
);

-- Small key/value state: sync cursors, last sync, settings learnt from the server.
CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
