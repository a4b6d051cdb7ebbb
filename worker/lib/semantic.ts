// The optional semantic stage: Workers AI embeds text (bge-m3, multilingual) and Vectorize keeps
// one vector per phrasing of each published entry. Without both bindings, or when either fails
// or is slow, search is the lexical matcher alone (worker/db/search.ts).
import type { Neighbour } from '../../shared/match/fuse';
import type { Env } from '../env';

export const EMBEDDING_MODEL = '@cf/baai/bge-m3';
/** How long a search waits for the question's neighbours before answering from the words alone. */
const DEFAULT_BUDGET_MS = 800;
/** Neighbours asked of the index: several phrasings of one entry may come back. */
const TOP_K = 30;

/** The part of the Workers AI binding used here. */
export type AiBinding = { run(model: string, input: { text: string[] }): Promise<unknown> };
/** The part of a Vectorize index used here. */
export type VectorIndex = {
  query(vector: number[], options: { topK: number; returnMetadata: 'all' }): Promise<{ matches: { id: string; score: number; metadata?: Record<string, unknown> }[] }>;
  upsert(vectors: { id: string; values: number[]; metadata: Record<string, string> }[]): Promise<unknown>;
  deleteByIds(ids: string[]): Promise<unknown>;
};
export type Semantic = { ai: AiBinding; index: VectorIndex; budgetMs: number };

/** The stage when the Worker has both bindings; null otherwise. */
export function semanticOf(env: Pick<Env, 'AI' | 'VECTORIZE' | 'SEMANTIC_BUDGET_MS'>): Semantic | null {
  if (!env.AI || !env.VECTORIZE) return null;
  const budget = Number(env.SEMANTIC_BUDGET_MS);
  return { ai: env.AI, index: env.VECTORIZE, budgetMs: Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_BUDGET_MS };
}

/** Vectors for `texts`, in order; throws if the service answers with anything else. */
export async function embed(ai: AiBinding, texts: string[]): Promise<number[][]> {
  const out = (await ai.run(EMBEDDING_MODEL, { text: texts })) as { data?: unknown };
  const data = out?.data;
  const ok =
    Array.isArray(data) &&
    data.length === texts.length &&
    data.every((v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x)));
  if (!ok) throw new Error(`${EMBEDDING_MODEL} answered without ${texts.length} vectors`);
  return data as number[][];
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The entries nearest in meaning to `question`, each with the cosine of its nearest phrasing,
 * nearest first. Any failure or a late answer is an empty list: the search goes on without it.
 */
export async function nearestEntries(semantic: Semantic, question: string): Promise<Neighbour[]> {
  try {
    return await within(
      semantic.budgetMs,
      (async () => {
        const [vector] = await embed(semantic.ai, [question]);
        const { matches } = await semantic.index.query(vector!, { topK: TOP_K, returnMetadata: 'all' });
        const best = new Map<string, number>();
        for (const m of matches ?? []) {
          const entry = typeof m.metadata?.entry === 'string' ? m.metadata.entry : null;
          if (entry && typeof m.score === 'number' && m.score > (best.get(entry) ?? -Infinity)) best.set(entry, m.score);
        }
        return [...best].map(([id, cosine]) => ({ id, cosine })).sort((a, b) => b.cosine - a.cosine);
      })(),
    );
  } catch (err) {
    console.warn(`semantic stage skipped: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}
