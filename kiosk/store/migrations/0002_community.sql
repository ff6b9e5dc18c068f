-- 0002: community. Attendance at events: one row per person and event, whichever kiosk
-- (or kiosks) checked them in; the server's feed brings the rows of the other kiosks.
CREATE TABLE attendance (
    event_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    checked_in_at TEXT NOT NULL,
    PRIMARY KEY (event_id, member_id)
);
CREATE INDEX registrations_event_member ON registrations(event_id, member_id);
