-- protestdb schema v4: what the HTTP API queries fast (protestdb.web), and API tokens.

-- Keyset pagination and sorting: (sort key, id) indexes.
CREATE INDEX IF NOT EXISTS events_date_id ON events(date, id);
CREATE INDEX IF NOT EXISTS events_state_date ON events(state, date, id);
CREATE INDEX IF NOT EXISTS events_size_id ON events(size_low, id);
CREATE INDEX IF NOT EXISTS events_lat_lon ON events(lat, lon);
CREATE INDEX IF NOT EXISTS events_locality_key ON events(locality_key, date);

-- List values of events (types, issues, organizations), lower-cased, one row each: filters
-- and GROUP BY counts without parsing JSON per row. Kept by triggers on the events table.
CREATE TABLE event_facets (
    event_id TEXT NOT NULL,
    kind     TEXT NOT NULL,                 -- type | issue | org
    value    TEXT NOT NULL,                 -- lower-cased, for matching
    label    TEXT NOT NULL,                 -- as written
    PRIMARY KEY (kind, value, event_id)
) WITHOUT ROWID;
CREATE INDEX event_facets_event ON event_facets(event_id);

INSERT OR IGNORE INTO event_facets(event_id, kind, value, label)
    SELECT e.id, 'type', lower(j.value), j.value FROM events e, json_each(e.event_type) j
    UNION ALL SELECT e.id, 'issue', lower(j.value), j.value FROM events e, json_each(e.issues) j
    UNION ALL SELECT e.id, 'org', lower(j.value), j.value FROM events e, json_each(e.organizations) j;

CREATE TRIGGER events_facets_insert AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO event_facets(event_id, kind, value, label)
        SELECT NEW.id, 'type', lower(value), value FROM json_each(NEW.event_type)
        UNION ALL SELECT NEW.id, 'issue', lower(value), value FROM json_each(NEW.issues)
        UNION ALL SELECT NEW.id, 'org', lower(value), value FROM json_each(NEW.organizations);
END;

CREATE TRIGGER events_facets_update AFTER UPDATE OF event_type, issues, organizations ON events BEGIN
    DELETE FROM event_facets WHERE event_id = OLD.id;
    INSERT OR IGNORE INTO event_facets(event_id, kind, value, label)
        SELECT NEW.id, 'type', lower(value), value FROM json_each(NEW.event_type)
        UNION ALL SELECT NEW.id, 'issue', lower(value), value FROM json_each(NEW.issues)
        UNION ALL SELECT NEW.id, 'org', lower(value), value FROM json_each(NEW.organizations);
END;

CREATE TRIGGER events_facets_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_facets WHERE event_id = OLD.id;
END;

-- API tokens (protestdb.auth): only a salted HMAC-SHA256 of the secret is stored.
CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,            -- public part of the token
    name       TEXT NOT NULL,               -- who: written as the reviewer of review actions
    salt       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    scopes     TEXT NOT NULL DEFAULT 'write',
    created_at TEXT NOT NULL,
    last_used  TEXT,
    revoked_at TEXT
);
