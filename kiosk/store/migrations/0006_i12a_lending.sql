-- 0006 (issue 12, tool lending): lending points and their items (from the feed), loans and
-- reservations (made here or from the feed), members' waivers and lending suspensions.
-- Waivers and suspensions go with their member (ON DELETE CASCADE); loans carry no foreign
-- key to members (a point's loans of another building's members travel to every kiosk of
-- the point, so an item shows out everywhere): the erasure deletes a member's loans here.
CREATE TABLE lending_points (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    building_ids TEXT NOT NULL DEFAULT '[]'      -- JSON list of the buildings it serves
);

CREATE TABLE lending_items (
    id TEXT PRIMARY KEY,
    point_id TEXT NOT NULL REFERENCES lending_points(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    deposit_cents INTEGER NOT NULL DEFAULT 0,
    loan_days INTEGER NOT NULL DEFAULT 7,
    needs_waiver INTEGER NOT NULL DEFAULT 0,
    hold_days INTEGER NOT NULL DEFAULT 0,
    condition TEXT NOT NULL DEFAULT 'ok',        -- ok | to_repair
    condition_note TEXT NOT NULL DEFAULT '',
    safety_notes TEXT NOT NULL DEFAULT '',
    manual_url TEXT NOT NULL DEFAULT '',
    photo TEXT NOT NULL DEFAULT '',
    on_hold_until TEXT NOT NULL DEFAULT '',      -- ISO date, inclusive
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lending_items_point ON lending_items(point_id);

CREATE TABLE item_photos (
    item_id TEXT PRIMARY KEY REFERENCES lending_items(id) ON DELETE CASCADE,
    mime TEXT NOT NULL,
    data TEXT NOT NULL,
    digest TEXT NOT NULL
);

CREATE TABLE loans (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES lending_items(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    status TEXT NOT NULL,                        -- reserved | out | returned | cancelled | refused
    created_at TEXT NOT NULL DEFAULT '',
    lent_at TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '',
    returned_at TEXT NOT NULL DEFAULT '',
    return_condition TEXT NOT NULL DEFAULT '',
    return_note TEXT NOT NULL DEFAULT '',
    staff_id TEXT NOT NULL DEFAULT '',
    refusal TEXT NOT NULL DEFAULT '',
    waitlist_position INTEGER
);
CREATE INDEX loans_item ON loans(item_id, status);
CREATE INDEX loans_member ON loans(member_id, status);

CREATE TABLE waivers (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    text_version TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    kiosk_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX waivers_member ON waivers(member_id, text_version);

CREATE TABLE lending_suspensions (
    member_id TEXT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    until TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
