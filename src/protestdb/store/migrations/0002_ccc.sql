-- protestdb schema v2: Crowd Counting Consortium import (protestdb.ccc) and review flags.

-- Where an event came from: 'extract' (articles) or 'ccc' (an imported CCC row; its values
-- carry no evidence spans - coverage logic and the UI skip them).
ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'extract';
CREATE INDEX events_origin ON events(origin);

-- One imported CCC row: its cleaned cells (all columns of its file, Phase 3 names) as JSON.
-- key = sha1 of the Phase 3 cells (+ '#n' for the n-th identical row of one file), so
-- importing a file twice changes nothing. Several rows (snapshots) may point to one event.
CREATE TABLE ccc_records (
    key         TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    snapshot    TEXT,                   -- as-of date of the file (from its name) or the import day
    file        TEXT NOT NULL,
    line        INTEGER NOT NULL,
    phase       TEXT NOT NULL,          -- phase3 | compiled
    match       TEXT NOT NULL,          -- new | exact | fuzzy (how it joined its event)
    score       REAL,
    columns     TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX ccc_records_event ON ccc_records(event_id);

-- Things a person should look at: e.g. an extracted event that looks like an imported CCC
-- event (same place, same title/campaign/organizations) but on another date.
CREATE TABLE review_flags (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    other_event_id TEXT REFERENCES events(id) ON DELETE CASCADE,
    article_id     TEXT,
    score          REAL,
    detail         TEXT NOT NULL DEFAULT '{}',
    status         TEXT NOT NULL DEFAULT 'open',  -- open | resolved | dismissed
    created_at     TEXT NOT NULL,
    UNIQUE (kind, event_id, other_event_id)
);
CREATE INDEX review_flags_status ON review_flags(status);
