-- 0004 (issues 13 and 14, finished): help contacts from the office's feed, call-back
-- requests, partner logos.
-- Help contacts get the office's id (the feed names rows by id); the demo's rows keep
-- theirs as "<building>:<name>".
CREATE TABLE help_contacts_new (
    id TEXT PRIMARY KEY,
    building_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'caretaker',
    hours TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO help_contacts_new (id, building_id, name, role, hours, phone, position)
    SELECT building_id || ':' || name, building_id, name, role, hours, phone, position FROM help_contacts;
DROP TABLE help_contacts;
ALTER TABLE help_contacts_new RENAME TO help_contacts;
CREATE INDEX help_contacts_building ON help_contacts (building_id, position);

-- "Je voudrais qu'on me rappelle", as recorded here: no phone number (the outbox entry
-- carries it to the server and loses it once the server has it). A member's rows go
-- with the member's erasure.
CREATE TABLE callback_requests (
    id TEXT PRIMARY KEY,
    building_id TEXT NOT NULL,
    member_id TEXT,
    reason TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'fr',
    created_at TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'to_call'
);
CREATE INDEX callback_requests_member ON callback_requests (member_id);

-- A partner's logo (the feed's partner_logo entity): small, re-encoded by the server,
-- base64 text. Its own table, so the partner list never reads images.
CREATE TABLE partner_logos (
    partner_id TEXT PRIMARY KEY REFERENCES partners(id) ON DELETE CASCADE,
    mime TEXT NOT NULL,
    data TEXT NOT NULL,
    digest TEXT NOT NULL
);
