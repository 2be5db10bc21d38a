-- protestdb schema v6: the full-text search no longer reads whole article texts
-- (docs/privacy.md). A search for a word finds events by their own fields (events_search,
-- migration 0005) and by the evidence quotes that back them (evidence_search, below), not by
-- any word of their articles: a private person named in a story is not a search key.

CREATE VIRTUAL TABLE evidence_search USING fts5(quote, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO evidence_search(rowid, quote) SELECT id, quote FROM evidence;

CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence BEGIN
    DELETE FROM evidence_search WHERE rowid = NEW.id;
    INSERT INTO evidence_search(rowid, quote) VALUES (NEW.id, NEW.quote);
END;

CREATE TRIGGER evidence_search_delete AFTER DELETE ON evidence BEGIN
    DELETE FROM evidence_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER evidence_search_update AFTER UPDATE OF quote ON evidence BEGIN
    DELETE FROM evidence_search WHERE rowid = OLD.id;
    INSERT INTO evidence_search(rowid, quote) VALUES (NEW.id, NEW.quote);
END;

-- The index of whole article texts is dropped; writers that still insert into it (older code)
-- write into a view that keeps nothing.
DROP TABLE IF EXISTS articles_fts;

CREATE VIEW articles_fts(article_id, title, text) AS SELECT id, title, NULL FROM articles WHERE 0;

CREATE TRIGGER articles_fts_insert INSTEAD OF INSERT ON articles_fts BEGIN
    SELECT 1;
END;

CREATE TRIGGER articles_fts_delete INSTEAD OF DELETE ON articles_fts BEGIN
    SELECT 1;
END;
