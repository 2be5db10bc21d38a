-- protestdb schema v7 (issue 10): why each source joined its event, and splits that stick.

-- How a source joined its event, as JSON: {"how": "new" | "match" | "ccc" | "ccc-row" |
-- "review" | "split", "score": ..., "parts": {component: contribution, "shared": [...]}, ...}.
-- NULL for rows written before this migration or by the bulk loader.
ALTER TABLE event_sources ADD COLUMN why TEXT;

-- A reviewer split the mentions of two articles apart: resolution never puts them in one
-- event again (re-ingesting, re-extracting, rebuilding), like corrections.
CREATE TABLE split_rules (
    article_id       TEXT NOT NULL,
    other_article_id TEXT NOT NULL,
    reason           TEXT,
    split_by         TEXT NOT NULL,
    split_at         TEXT NOT NULL,
    PRIMARY KEY (article_id, other_article_id)
);
CREATE INDEX split_rules_other ON split_rules(other_article_id);
