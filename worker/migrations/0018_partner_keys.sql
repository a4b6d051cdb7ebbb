-- Partner keys (对接密钥) for systems such as a district's 12345 platform, and the webhooks that
-- tell them what happened to the inquiries they logged.
--
-- A partner is not a person: users.role keeps its four roles. An inquiry a key logs has the key's
-- id as created_by (so an Idempotency-Key is per key and the key reads only its own inquiries),
-- and its ledger events name the key as actor (actor_role 'partner', actor_id the key's id).

CREATE TABLE partner_keys (
  id TEXT PRIMARY KEY,                  -- pk_…
  name TEXT NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units (id), -- the creating office's unit: the key acts within its jurisdiction
  key_hash TEXT NOT NULL UNIQUE,        -- SHA-256 of the key (hex); the key itself is never stored
  prefix TEXT NOT NULL,                 -- zck_ and the first characters, to tell keys apart in the list
  scopes TEXT NOT NULL,                 -- JSON array: inquiries:create, inquiries:read, kb:search
  webhook_url TEXT,
  webhook_secret TEXT,                  -- the signing secret: kept as is, because the worker signs with it
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX partner_keys_unit ON partner_keys (unit_id, created_at);

-- Webhooks to send, written in the same batch as the change to the inquiry (beside the outbox,
-- whose rows are addressed to a user), delivered by the cron's outbox run with its back-off.
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key TEXT NOT NULL UNIQUE,      -- one per inquiry version and event
  key_id TEXT NOT NULL REFERENCES partner_keys (id),
  inquiry_id TEXT NOT NULL REFERENCES inquiries (id),
  event TEXT NOT NULL,
  ticket TEXT NOT NULL,
  status TEXT NOT NULL,                 -- the inquiry's status after the change
  data TEXT NOT NULL DEFAULT '{}',
  at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'retrying', 'delivered', 'failed')),
  delivered_at TEXT,                    -- set when delivered or given up
  last_error TEXT
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (delivered_at, next_attempt_at);
CREATE INDEX webhook_deliveries_key ON webhook_deliveries (key_id, id);

-- Every attempt, as the partner's server answered it.
CREATE TABLE webhook_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
  at TEXT NOT NULL,
  status_code INTEGER,                  -- NULL when no answer came (refused, timed out)
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
