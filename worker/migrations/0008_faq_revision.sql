-- A guarded edit (PATCH /api/faq/{id} with baseUpdatedAt) writes its index rows only if its own
-- UPDATE won. That used to be checked by the edit's timestamp, which two requests can share (a
-- Worker's clock moves only on I/O), so a refused edit could still write its phrasings. Each
-- guarded edit now stamps the entry with a revision of its own, and its index rows check that.
ALTER TABLE faq_entries ADD COLUMN revision TEXT;
