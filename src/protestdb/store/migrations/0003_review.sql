-- protestdb schema v3: human review (corrections, audit log), stable ids (redirects), change feed.

-- A reviewer's value for one field of one event. Re-applied on top of every re-merge or
-- rebuild, so re-ingesting or re-extracting never overwrites it. No foreign key: a
-- correction outlives the event row (an event rebuilt with the same id gets it back).
CREATE TABLE corrections (
    event_id     TEXT NOT NULL,
    field        TEXT NOT NULL,
    value        TEXT,                     -- JSON
    corrected_by TEXT NOT NULL,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (event_id, field)
);

-- Audit: every review action, who, when, the value before and after (JSON).
CREATE TABLE review_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    reviewer  TEXT NOT NULL,
    action    TEXT NOT NULL,               -- correct | merge | split
    event_id  TEXT NOT NULL,
    other_id  TEXT,                        -- merge: the event merged away; split: the new event
    field     TEXT,
    before    TEXT,
    after     TEXT,
    note      TEXT
);
CREATE INDEX review_log_event ON review_log(event_id);
CREATE INDEX review_log_other ON review_log(other_id);

-- Stable ids: an event merged away leads to the event that absorbed it.
CREATE TABLE event_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL,
    at     TEXT NOT NULL
);

-- Change feed: every create / update / merge / delete of an event, written by triggers.
CREATE TABLE event_changes (
    id       INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    op       TEXT NOT NULL,                -- create | update | merge | delete
    at       TEXT NOT NULL,                -- UTC, ISO with milliseconds
    detail   TEXT                          -- JSON, e.g. {"into": "ev_..."} for a merge
);
CREATE INDEX event_changes_at ON event_changes(at);
CREATE INDEX event_changes_event ON event_changes(event_id);

CREATE TRIGGER events_change_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_changes(event_id, op, at)
    VALUES (NEW.id, 'create', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER events_change_update AFTER UPDATE ON events BEGIN
    INSERT INTO event_changes(event_id, op, at)
    VALUES (NEW.id, 'update', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER events_change_delete AFTER DELETE ON events BEGIN
    INSERT INTO event_changes(event_id, op, at, detail)
    SELECT OLD.id,
           CASE WHEN r.new_id IS NULL THEN 'delete' ELSE 'merge' END,
           strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'),
           CASE WHEN r.new_id IS NULL THEN NULL ELSE json_object('into', r.new_id) END
    FROM (SELECT (SELECT new_id FROM event_redirects WHERE old_id = OLD.id) AS new_id) AS r;
END;
