-- How many phrasings hold each term, kept by the phrasing tables' own triggers. Search reads it
-- to keep a question's rarest terms and to weigh them. fts5vocab gave the same count, but by
-- reading the term's whole posting list on every search: at 50,000 entries that was 9 ms of
-- each question's time, spent mostly on its commonest words. Here each term is one key lookup.
-- Terms are the space-separated tokens of faq_phrasings.terms (letters and digits only,
-- shared/match/normalize.ts), so they split as a JSON array of strings.
CREATE TABLE faq_term_counts (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO faq_term_counts (term, doc) SELECT term, doc FROM faq_terms_vocab WHERE doc > 0;

CREATE TRIGGER faq_phrasings_count_insert AFTER INSERT ON faq_phrasings BEGIN
  INSERT INTO faq_term_counts (term, doc)
    SELECT DISTINCT value, 1 FROM json_each('["' || replace(new.terms, ' ', '","') || '"]') WHERE value <> ''
    ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
END;
CREATE TRIGGER faq_phrasings_count_delete AFTER DELETE ON faq_phrasings BEGIN
  UPDATE faq_term_counts SET doc = doc - 1 WHERE term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
  DELETE FROM faq_term_counts WHERE doc <= 0 AND term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
END;
CREATE TRIGGER faq_phrasings_count_update AFTER UPDATE OF terms ON faq_phrasings BEGIN
  UPDATE faq_term_counts SET doc = doc - 1 WHERE term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
  DELETE FROM faq_term_counts WHERE doc <= 0 AND term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
  INSERT INTO faq_term_counts (term, doc)
    SELECT DISTINCT value, 1 FROM json_each('["' || replace(new.terms, ' ', '","') || '"]') WHERE value <> ''
    ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
END;

-- The same for policies (worker/db/policy-search.ts).
CREATE TABLE policy_term_counts (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO policy_term_counts (term, doc) SELECT term, doc FROM policy_terms_vocab WHERE doc > 0;

CREATE TRIGGER policy_phrasings_count_insert AFTER INSERT ON policy_phrasings BEGIN
  INSERT INTO policy_term_counts (term, doc)
    SELECT DISTINCT value, 1 FROM json_each('["' || replace(new.terms, ' ', '","') || '"]') WHERE value <> ''
    ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
END;
CREATE TRIGGER policy_phrasings_count_delete AFTER DELETE ON policy_phrasings BEGIN
  UPDATE policy_term_counts SET doc = doc - 1 WHERE term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
  DELETE FROM policy_term_counts WHERE doc <= 0 AND term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
END;
CREATE TRIGGER policy_phrasings_count_update AFTER UPDATE OF terms ON policy_phrasings BEGIN
  UPDATE policy_term_counts SET doc = doc - 1 WHERE term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
  DELETE FROM policy_term_counts WHERE doc <= 0 AND term IN (SELECT value FROM json_each('["' || replace(old.terms, ' ', '","') || '"]'));
  INSERT INTO policy_term_counts (term, doc)
    SELECT DISTINCT value, 1 FROM json_each('["' || replace(new.terms, ' ', '","') || '"]') WHERE value <> ''
    ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
END;
