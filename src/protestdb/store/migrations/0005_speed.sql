-- protestdb schema v5: the HTTP API at 1,000,000 events (docs/web.md "Speed").

-- Full text of events, keyed by events.rowid. The v1 table (events_fts) kept the event id
-- in an UNINDEXED column, so a common word had to materialise every match (and read each
-- match's stored id) before a page could be cut. events_search.rowid = events.rowid lets a
-- query check one row at a time while walking the date index, or collect bare rowids.
-- It is kept by triggers on events (every writer: the store, the CCC importer, bulk
-- resolve, review), so it can never drift from the events it indexes.
DROP TABLE IF EXISTS events_fts;

CREATE VIRTUAL TABLE events_search USING fts5(
    title, locality, state, location, county, event_type, organizations, participants,
    notables, targets, claims, issues, size_text,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO events_search(rowid, title, locality, state, location, county, event_type, organizations,
                          participants, notables, targets, claims, issues, size_text)
SELECT e.rowid,
       trim(coalesce(e.title, '') || ' ' || coalesce(e.macroevent, '')),
       coalesce(e.locality, ''), coalesce(e.state, ''), coalesce(e.location, ''), coalesce(e.county, ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.event_type) THEN e.event_type ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.organizations) THEN e.organizations ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.participants) THEN e.participants ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.notables) THEN e.notables ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.targets) THEN e.targets ELSE '[]' END)), ''),
       trim(coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.claims_summary) THEN e.claims_summary ELSE '[]' END)), '')
            || '; ' ||
            coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.claims_verbatim) THEN e.claims_verbatim ELSE '[]' END)), ''), '; '),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(e.issues) THEN e.issues ELSE '[]' END)), ''),
       coalesce(e.size_text, '')
FROM events e;

CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
    DELETE FROM events_search WHERE rowid = NEW.rowid;
    INSERT INTO events_search(rowid, title, locality, state, location, county, event_type, organizations,
                              participants, notables, targets, claims, issues, size_text)
    VALUES (NEW.rowid,
       trim(coalesce(NEW.title, '') || ' ' || coalesce(NEW.macroevent, '')),
       coalesce(NEW.locality, ''), coalesce(NEW.state, ''), coalesce(NEW.location, ''), coalesce(NEW.county, ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.event_type) THEN NEW.event_type ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.organizations) THEN NEW.organizations ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.participants) THEN NEW.participants ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.notables) THEN NEW.notables ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.targets) THEN NEW.targets ELSE '[]' END)), ''),
       trim(coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.claims_summary) THEN NEW.claims_summary ELSE '[]' END)), '')
            || '; ' ||
            coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.claims_verbatim) THEN NEW.claims_verbatim ELSE '[]' END)), ''), '; '),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.issues) THEN NEW.issues ELSE '[]' END)), ''),
       coalesce(NEW.size_text, ''));
END;

CREATE TRIGGER events_search_update AFTER UPDATE OF title, macroevent, locality, state, location, county,
    event_type, organizations, participants, notables, targets, claims_summary, claims_verbatim, issues,
    size_text ON events BEGIN
    DELETE FROM events_search WHERE rowid = OLD.rowid;
    INSERT INTO events_search(rowid, title, locality, state, location, county, event_type, organizations,
                              participants, notables, targets, claims, issues, size_text)
    VALUES (NEW.rowid,
       trim(coalesce(NEW.title, '') || ' ' || coalesce(NEW.macroevent, '')),
       coalesce(NEW.locality, ''), coalesce(NEW.state, ''), coalesce(NEW.location, ''), coalesce(NEW.county, ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.event_type) THEN NEW.event_type ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.organizations) THEN NEW.organizations ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.participants) THEN NEW.participants ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.notables) THEN NEW.notables ELSE '[]' END)), ''),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.targets) THEN NEW.targets ELSE '[]' END)), ''),
       trim(coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.claims_summary) THEN NEW.claims_summary ELSE '[]' END)), '')
            || '; ' ||
            coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.claims_verbatim) THEN NEW.claims_verbatim ELSE '[]' END)), ''), '; '),
       coalesce((SELECT group_concat(value, '; ') FROM json_each(CASE WHEN json_valid(NEW.issues) THEN NEW.issues ELSE '[]' END)), ''),
       coalesce(NEW.size_text, ''));
END;

CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_search WHERE rowid = OLD.rowid;
END;

-- events_fts stays as a read-only view (event_id + the indexed text) for code and SQL that
-- name it. Writes to it are ignored: the triggers above already keep the index.
CREATE VIEW events_fts AS
    SELECT e.id AS event_id, s.title, s.locality, s.state, s.location, s.county, s.event_type,
           s.organizations, s.participants, s.notables, s.targets, s.claims, s.issues, s.size_text
    FROM events_search s JOIN events e ON e.rowid = s.rowid;

CREATE TRIGGER events_fts_insert INSTEAD OF INSERT ON events_fts BEGIN
    SELECT 1;
END;

CREATE TRIGGER events_fts_delete INSTEAD OF DELETE ON events_fts BEGIN
    SELECT 1;
END;

CREATE TRIGGER events_fts_update INSTEAD OF UPDATE ON events_fts BEGIN
    SELECT 1;
END;

-- Map boxes: an R*Tree of the located events (id = events.rowid). The (lat, lon) B-tree of
-- v4 narrowed latitude only. R*Tree boxes are 32-bit floats rounded outwards, so queries
-- still compare the exact lat/lon of the rows it returns.
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);

INSERT INTO events_rtree(id, min_lat, max_lat, min_lon, max_lon)
    SELECT rowid, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;

CREATE TRIGGER events_rtree_insert AFTER INSERT ON events
WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL BEGIN
    DELETE FROM events_rtree WHERE id = NEW.rowid;
    INSERT INTO events_rtree(id, min_lat, max_lat, min_lon, max_lon)
        VALUES (NEW.rowid, NEW.lat, NEW.lat, NEW.lon, NEW.lon);
END;

CREATE TRIGGER events_rtree_update AFTER UPDATE OF lat, lon ON events BEGIN
    DELETE FROM events_rtree WHERE id = OLD.rowid;
    INSERT INTO events_rtree(id, min_lat, max_lat, min_lon, max_lon)
        SELECT NEW.rowid, NEW.lat, NEW.lat, NEW.lon, NEW.lon
        WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL;
END;

CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_rtree WHERE id = OLD.rowid;
END;

-- List pages sorted by date within a state or overall (v4 has both; kept idempotent here).
CREATE INDEX IF NOT EXISTS events_date_id ON events(date, id);
CREATE INDEX IF NOT EXISTS events_state_date ON events(state, date, id);
