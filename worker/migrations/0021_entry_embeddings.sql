-- The semantic stage (worker/jobs/embed.ts): which version of an entry its vectors were made
-- from. An entry whose updated_at differs is embedded again; NULL means it has no vectors.
ALTER TABLE faq_entries ADD COLUMN embedded_for TEXT;
