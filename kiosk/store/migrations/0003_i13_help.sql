-- 0003 (issue 13): per-building help contacts for "Besoin d'aide ?" (the caretaker's name,
-- hours and phone). Filled by the demo seed for now; the office's feed fills it later.
CREATE TABLE help_contacts (
    building_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'caretaker',
    hours TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (building_id, name)
);
