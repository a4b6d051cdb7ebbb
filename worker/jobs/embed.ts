import { FAQ_LIMITS } from '../../shared/constants';
import { answerPart } from '../../shared/match/rank';
import { markEmbeddedStatements, pendingEmbeddings, type EmbeddingWork } from '../db/embeddings';
import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';
import { embed, semanticOf, type Semantic } from '../lib/semantic';

/** Entries embedded per round, and texts per call to the model. */
const ENTRIES_PER_ROUND = 200;
const TEXTS_PER_CALL = 50;

// One vector per phrasing: the question, each 相似问法 and the answer's opening, under ids that
// depend only on the entry and the slot, so an edit overwrites them and a dropped phrasing's slot
// is deleted. The metadata names the entry the vector speaks for.
const SLOTS = ['q', ...Array.from({ length: FAQ_LIMITS.similar }, (_, i) => `s${i}`), 'a'];
const vectorId = (entryId: string, slot: string) => `${entryId}#${slot}`;

function phrasings(w: EmbeddingWork): { slot: string; text: string }[] {
  const similar = (JSON.parse(w.similar) as unknown[]).filter((s): s is string => typeof s === 'string');
  const out = [{ slot: 'q', text: w.question }, ...similar.map((text, i) => ({ slot: `s${i}`, text }))];
  // An answer that only repeats the question adds nothing (as in the lexical index).
  const part = answerPart(w.question, w.answer);
  if (part) out.push({ slot: 'a', text: part });
  return out;
}

/**
 * Brings the Vectorize index in line with the published entries: embeds what changed since it
 * was last embedded, deletes the vectors of entries no longer published. Safe to run at any time
 * and concurrently (the same vectors are written); what fails stays pending for the next run
 * (the cron's, or the next write's).
 */
export async function embedPending(env: Env, rounds = 1): Promise<{ embedded: number; removed: number; failed: boolean }> {
  const semantic = semanticOf(env);
  const counts = { embedded: 0, removed: 0, failed: false };
  if (!semantic) return counts;
  try {
    for (let round = 0; round < rounds; round++) {
      const done = await embedRound(env, semantic);
      if (!done) break;
      counts.embedded += done.embedded;
      counts.removed += done.removed;
    }
  } catch (err) {
    console.warn(`embedding skipped: ${err instanceof Error ? err.message : String(err)}`);
    counts.failed = true;
  }
  return counts;
}

/** One batch of pending entries; null when none is left. */
async function embedRound(env: Env, semantic: Semantic): Promise<{ embedded: number; removed: number } | null> {
  const work = await pendingEmbeddings(env.DB, ENTRIES_PER_ROUND);
  if (!work.length) return null;
  const live = work.filter((w) => w.published);
  const items = live.flatMap((w) => phrasings(w).map((p) => ({ entry: w.id, ...p })));
  const vectors: number[][] = [];
  for (let i = 0; i < items.length; i += TEXTS_PER_CALL) {
    vectors.push(...(await embed(semantic.ai, items.slice(i, i + TEXTS_PER_CALL).map((p) => p.text))));
  }
  for (let i = 0; i < items.length; i += 500) {
    await semantic.index.upsert(items.slice(i, i + 500).map((p, j) => ({ id: vectorId(p.entry, p.slot), values: vectors[i + j]!, metadata: { entry: p.entry } })));
  }
  // Slots an entry no longer fills, and every slot of an entry taken down.
  const kept = new Set(items.map((p) => vectorId(p.entry, p.slot)));
  const stale = work.flatMap((w) => SLOTS.map((s) => vectorId(w.id, s))).filter((id) => !kept.has(id));
  for (let i = 0; i < stale.length; i += 1000) await semantic.index.deleteByIds(stale.slice(i, i + 1000));
  await env.DB.batch(markEmbeddedStatements(env.DB, work));
  return { embedded: live.length, removed: work.length - live.length };
}

/** After a write to the knowledge base: embed it now, past the response (the cron catches up if this fails). */
export function embedSoon(c: Context<AppEnv>): void {
  if (!semanticOf(c.env)) return;
  try {
    c.executionCtx.waitUntil(embedPending(c.env));
  } catch {
    // No execution context (called outside a request): the cron embeds it.
  }
}
