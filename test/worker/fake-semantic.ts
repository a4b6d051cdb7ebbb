// Workers AI and Vectorize faked at their edge: the worker's own code (worker/lib/semantic.ts,
// worker/jobs/embed.ts, worker/db/search.ts) runs unchanged against them. The "model" gives
// deterministic vectors: a text mentioning a concept below points along that concept's axis,
// and every text also gets a faint trace of its characters, so texts of one concept are near
// (cosine about 0.9) and all others far apart.
import type { AiBinding, VectorIndex } from '../../worker/lib/semantic';

const CONCEPTS = [
  ['犬', '狗', '毛孩子', '宠物'],
  ['特困', '兜底', '孤寡', '没人管'],
  ['公积金', '住房基金'],
];
const DIMENSIONS = 64;

export function fakeVector(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  CONCEPTS.forEach((words, i) => {
    if (words.some((w) => text.includes(w))) v[i] = 1;
  });
  for (const ch of text) v[8 + (ch.codePointAt(0)! % (DIMENSIONS - 8))]! += 0.04;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export type FakeAi = AiBinding & { calls: string[][]; down: boolean; delayMs: number };

/** `down`: every call fails, as when the service is unavailable; `delayMs`: each answer takes this long. */
export function fakeAi(): FakeAi {
  const ai: FakeAi = {
    calls: [],
    down: false,
    delayMs: 0,
    async run(model, input) {
      ai.calls.push(input.text);
      if (ai.delayMs) await new Promise((r) => setTimeout(r, ai.delayMs));
      if (ai.down) throw new Error('AI service unavailable');
      if (model !== '@cf/baai/bge-m3') throw new Error(`unexpected model ${model}`);
      return { shape: [input.text.length, DIMENSIONS], data: input.text.map(fakeVector) };
    },
  };
  return ai;
}

type Stored = { values: number[]; metadata: Record<string, string> };
export type FakeIndex = VectorIndex & { vectors: Map<string, Stored> };

/** An in-memory index with Vectorize's answers (cosine, best first). */
export function fakeIndex(): FakeIndex {
  const vectors = new Map<string, Stored>();
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
  return {
    vectors,
    async query(vector, { topK }) {
      const matches = [...vectors]
        .map(([id, v]) => ({ id, score: dot(vector, v.values) / (Math.hypot(...vector) * Math.hypot(...v.values) || 1), metadata: v.metadata }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topK);
      return { matches, count: matches.length };
    },
    async upsert(list) {
      for (const v of list) vectors.set(v.id, { values: v.values, metadata: v.metadata });
      return { mutationId: String(vectors.size) };
    },
    async deleteByIds(ids) {
      for (const id of ids) vectors.delete(id);
      return { mutationId: String(vectors.size) };
    },
  };
}
