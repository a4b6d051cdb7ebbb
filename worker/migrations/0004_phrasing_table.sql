-- Reindexing an entry used to find its index rows by scanning all of faq_terms (FTS5 cannot
-- index an UNINDEXED column). The phrasings now live in an ordinary table with an index on the
-- entry, and faq_terms becomes an external-content index over it, kept in step by triggers.
-- Search reads faq_terms exactly as before.
CREATE TABLE faq_phrasings (
  id INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL,
  kind TEXT NOT NULL,                   -- q: the question, s: a similar phrasing, k: the keywords
  text TEXT NOT NULL,                   -- as written, for the reranker
  terms TEXT NOT NULL                   -- the tokens FTS5 indexes (shared/match/tokens.ts)
);
CREATE INDEX faq_phrasings_entry ON faq_phrasings (entry_id);

INSERT INTO faq_phrasings (id, entry_id, kind, text, terms)
  SELECT rowid, entry_id, kind, text, terms FROM faq_terms;

DROP TABLE faq_terms_vocab;
DROP TABLE faq_terms;

CREATE VIRTUAL TABLE faq_terms USING fts5 (
  entry_id UNINDEXED,
  kind UNINDEXED,
  text UNINDEXED,
  terms,
  content = 'faq_phrasings',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE faq_terms_vocab USING fts5vocab (faq_terms, 'row');
INSERT INTO faq_terms (faq_terms) VALUES ('rebuild');

CREATE TRIGGER faq_phrasings_insert AFTER INSERT ON faq_phrasings BEGIN
  INSERT INTO faq_terms (rowid, entry_id, kind, text, terms) VALUES (new.id, new.entry_id, new.kind, new.text, new.terms);
END;
CREATE TRIGGER faq_phrasings_delete AFTER DELETE ON faq_phrasings BEGIN
  INSERT INTO faq_terms (faq_terms, rowid, entry_id, kind, text, terms) VALUES ('delete', old.id, old.entry_id, old.kind, old.text, old.terms);
END;
CREATE TRIGGER faq_phrasings_update AFTER UPDATE ON faq_phrasings BEGIN
  INSERT INTO faq_terms (faq_terms, rowid, entry_id, kind, text, terms) VALUES ('delete', old.id, old.entry_id, old.kind, old.text, old.terms);
  INSERT INTO faq_terms (rowid, entry_id, kind, text, terms) VALUES (new.id, new.entry_id, new.kind, new.text, new.terms);
END;
