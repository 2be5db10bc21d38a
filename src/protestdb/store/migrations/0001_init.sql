-- protestdb schema v1 (SQLite). List fields are JSON arrays stored as TEXT.

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,          -- sha256 content hash of text
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT,                      -- ISO date
    retrieved   TEXT,                      -- ISO datetime
    language    TEXT,
    path        TEXT,
    raw_format  TEXT NOT NULL DEFAULT 'text',
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);

CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    date            TEXT,
    date_precision  TEXT NOT NULL DEFAULT 'unknown',
    end_date        TEXT,
    locality        TEXT,
    state           TEXT,
    country         TEXT,
    location        TEXT,
    county          TEXT,
    fips_code       TEXT,
    lat             REAL,
    lon             REAL,
    geo_precision   TEXT,
    event_type      TEXT NOT NULL DEFAULT '[]',
    title           TEXT,
    macroevent      TEXT,
    organizations   TEXT NOT NULL DEFAULT '[]',
    participants    TEXT NOT NULL DEFAULT '[]',
    notables        TEXT NOT NULL DEFAULT '[]',
    targets         TEXT NOT NULL DEFAULT '[]',
    claims_summary  TEXT NOT NULL DEFAULT '[]',
    claims_verbatim TEXT NOT NULL DEFAULT '[]',
    issues          TEXT NOT NULL DEFAULT '[]',
    valence         INTEGER,
    size_text       TEXT,
    size_low        INTEGER,
    size_high       INTEGER,
    size_mean       REAL,
    size_cat        INTEGER NOT NULL DEFAULT 0,
    arrests         INTEGER,
    injuries        INTEGER,
    property_damage INTEGER,
    online          INTEGER NOT NULL DEFAULT 0,
    announced_only  INTEGER NOT NULL DEFAULT 0,
    locality_key    TEXT,                  -- normalised locality, for resolve
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX events_match ON events(date, locality_key, state);
CREATE INDEX events_state ON events(state);

CREATE TABLE event_sources (
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    mention_index INTEGER NOT NULL,
    mention       TEXT NOT NULL,            -- the EventMention as JSON
    added_at      TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id, mention_index)
);
CREATE INDEX event_sources_article ON event_sources(article_id);

CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    quote      TEXT NOT NULL,
    UNIQUE (event_id, field, article_id, start, "end")
);
CREATE INDEX evidence_event ON evidence(event_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE events_fts USING fts5(
    event_id UNINDEXED, title, locality, state, location, county, event_type, organizations,
    participants, notables, targets, claims, issues, size_text,
    tokenize = 'unicode61 remove_diacritics 2'
);
