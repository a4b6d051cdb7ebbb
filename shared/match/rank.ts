import { BACKGROUND_COUNTS, BACKGROUND_SENTENCES } from './background';
import { normalize, typedForm } from './normalize';
import type { QueryPlan, TermStats } from './query';
import { covered, pairCoverage, profile, similarity, type Profile, type Weight } from './score';
import { canonicalForm, type SynonymTable } from './synonyms';
import { bigrams } from './tokens';
import { WEIGHTS, type MatchWeights } from './weights';

/** Which text of an entry an index row holds: its question, a similar phrasing, its keywords, its answer. */
export type PhrasingKind = 'q' | 's' | 'k' | 'a';
export type Candidate = { id: string; kind: PhrasingKind; text: string; bm25: number };
/** What the reranker may read of an entry besides the rows that matched. */
export type EntryText = { question: string; similar?: readonly string[]; keywords?: readonly string[]; answer?: string };
/**
 * `matched` is the similar phrasing (相似问法) that matched best, if it was not the question;
 * `confident`: the entry answers the question, not only relates to it.
 */
export type Ranked = { id: string; score: number; matched?: string; confident: boolean };

/** Of an answer, the first characters say who qualifies and how; the rest is procedure. */
export const ANSWER_CHARS = 600;

/**
 * The part of an answer that is matched, indexed and embedded: its first ANSWER_CHARS, or null
 * when it only repeats the question (it would add nothing but weight to the question's words).
 * A question is at most 200 characters, so its first 600 say whether an answer repeats it.
 */
export function answerPart(question: string, answer: string, norm: (text: string) => string = normalize): string | null {
  const part = answer.slice(0, ANSWER_CHARS);
  return part && norm(part) !== norm(question) ? part : null;
}

let background: Map<string, number> | null = null;
function backgroundShare(term: string): number {
  if (!background) {
    background = new Map();
    for (const entry of BACKGROUND_COUNTS.split(' ')) {
      const at = entry.search(/\d/u);
      background.set(entry.slice(0, at), Number(entry.slice(at)) / BACKGROUND_SENTENCES);
    }
  }
  return background.get(term) ?? 0;
}

/**
 * BM25's idf over the base blended with the background counts: `background` pseudo-sentences
 * of government text join the base's rows. A term the base has never seen and the background
 * does not know weighs like the rarest.
 */
export function blendedIdf(stats: TermStats, pseudo: number): Weight {
  const n = stats.rows + pseudo;
  // One search weighs the same few dozen tokens against every candidate: each is worked out once.
  const known = new Map<string, number>();
  return (t) => {
    let w = known.get(t);
    if (w === undefined) known.set(t, (w = Math.log(1 + n / ((stats.df.get(t) ?? 0) + pseudo * backgroundShare(t) + 0.5))));
    return w;
  };
}

// The same entries come up for many questions: their texts' profiles are kept per synonym
// table (a new table, after an office's edit, starts afresh), up to a bound.
type Seen = { normalized: string; profile: Profile };
const profileCache = new WeakMap<SynonymTable, Map<string, Seen>>();
const PROFILE_CACHE = 20_000;

type Scored = { id: string; score: number; matched?: string; own: Profile[]; text: string; pairs: ReadonlySet<string> };

/**
 * Share of the question's own character pairs, as typed, that a text holds. Synonyms and
 * numbers make 「五万块钱能做什么生意」 and 「5万块钱可以做什么生意」 score alike; the resident's
 * own wording decides between them.
 */
function literal(typed: ReadonlySet<string>, text: string): number {
  if (!typed.size) return 0;
  const pairs = new Set(bigrams(typedForm(text)));
  let shared = 0;
  for (const t of typed) if (pairs.has(t)) shared++;
  return shared / typed.size;
}

/**
 * The rarest of the question's character pairs (and numbers) that `a` holds and `b` does not:
 * one rare word tells twins apart, and a pile of common ones (要什么材料) does not add up to it.
 */
function own(pairs: readonly string[], a: Profile[], b: Profile[], w: Weight): number {
  const has = (ps: Profile[], t: string) => ps.some((p) => p.pairs.has(t) || p.chars.has(t));
  let best = 0;
  for (const t of pairs) if (has(a, t) && !has(b, t)) best = Math.max(best, w(t));
  return best;
}

/** Jaccard of two texts' character pairs: twins share most of them, two questions that merely score alike do not. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const all = a.size + b.size - shared;
  return all ? shared / all : 0;
}

/**
 * Near twins (租房提取 / 购房提取) share most words, so their scores differ by noise. The one that
 * holds the question's distinguishing word goes first; the weights are rarity, so generic words
 * (材料, 需要, 办理) that one twin happens to repeat never outweigh it.
 */
function orderTwins(pairs: readonly string[], typed: ReadonlySet<string>, list: Scored[], idf: Weight, w: MatchWeights): void {
  const TOP = 3;
  for (let pass = 0; pass < TOP; pass++) {
    for (let i = 0; i + 1 < Math.min(list.length, TOP + 1); i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (a.score - b.score > w.twinMargin) continue;
      if (overlap(a.pairs, b.pairs) < w.twinOverlap) continue;
      // The winner takes the place and its score: the list stays in score order. With no word
      // of the question to tell them apart, the one in the question's own words wins.
      const ob = own(pairs, b.own, a.own, idf);
      const oa = own(pairs, a.own, b.own, idf);
      if (ob > oa || (ob === oa && literal(typed, b.text) > literal(typed, a.text))) {
        list[i] = { ...b, score: a.score };
        list[i + 1] = { ...a, score: b.score };
      }
    }
  }
}

/**
 * Entries best first; an entry scores as its best-matching phrasing, plus how much of the
 * question its answer covers; unrelated entries are left out. `entries` gives each candidate's
 * question, similar phrasings, keywords and answer (the knowledge base); without it only the
 * matching rows count (policies).
 */
export function rank(
  plan: QueryPlan,
  candidates: readonly Candidate[],
  synonyms: SynonymTable,
  stats: TermStats,
  opts: { entries?: ReadonlyMap<string, EntryText>; weights?: MatchWeights } = {},
): Ranked[] {
  const w = opts.weights ?? WEIGHTS;
  const q = profile(plan.canonical, plan.rewrites);
  const typed = new Set(bigrams(plan.typed));
  const topBm25 = Math.max(...candidates.map((c) => (c.kind === 'a' ? 0 : c.bm25)), 1e-9);
  const idf = blendedIdf(stats, w.background);
  const factor = (kind: PhrasingKind) => (kind === 'k' ? w.keywords : 1);
  const seen = (text: string): Seen => {
    let cache = profileCache.get(synonyms);
    if (!cache) profileCache.set(synonyms, (cache = new Map()));
    let s = cache.get(text);
    if (!s) {
      if (cache.size >= PROFILE_CACHE) cache.clear();
      const normalized = normalize(text);
      const canonical = canonicalForm(synonyms, normalized);
      cache.set(text, (s = { normalized, profile: profile(canonical.text, canonical.rewrites) }));
    }
    return s;
  };
  const canon = (text: string) => seen(text).profile;

  const byEntry = new Map<string, Candidate[]>();
  for (const c of candidates) byEntry.set(c.id, [...(byEntry.get(c.id) ?? []), c]);

  const scored: Scored[] = [];
  for (const [id, rows] of byEntry) {
    const entry = opts.entries?.get(id);
    const phrasings = new Map<string, { kind: PhrasingKind; bm25: number }>();
    for (const r of rows) if (r.kind !== 'a') phrasings.set(`${r.kind}${r.text}`, { kind: r.kind, bm25: r.bm25 / topBm25 });
    if (entry) {
      // The entry's other phrasings weigh in even when BM25 kept only its answer or one of them.
      const add = (kind: PhrasingKind, text: string) => {
        if (!phrasings.has(`${kind}${text}`)) phrasings.set(`${kind}${text}`, { kind, bm25: 0 });
      };
      add('q', entry.question);
      for (const s of entry.similar ?? []) add('s', s);
      if (entry.keywords?.length) add('k', entry.keywords.join(' '));
    }
    const fits: { score: number; kind: PhrasingKind; text: string; pairs: ReadonlySet<string> }[] = [];
    let cover = 0;
    const profiles: Profile[] = [];
    for (const [key, { kind, bm25 }] of phrasings) {
      const text = key.slice(1);
      const p = canon(text);
      profiles.push(p);
      const c = covered(q, p, idf);
      cover = Math.max(cover, c);
      if (c < w.minCover) continue;
      fits.push({ score: factor(kind) * similarity(q, p, bm25, idf, w), kind, text, pairs: p.pairs });
    }
    // The entry scores as its best phrasing; of the phrasings that fit about as well (打零工的… and
    // 外卖骑手… both read 灵活就业人员), the one in the resident's own words is the one shown.
    const top = Math.max(0, ...fits.map((f) => f.score));
    let best: (typeof fits)[number] | null = null;
    let bestLiteral = -1;
    for (const f of fits) {
      if (f.score < top - w.twinMargin) continue;
      const l = literal(typed, f.text);
      if (l > bestLiteral || (l === bestLiteral && f.score > best!.score)) [best, bestLiteral] = [f, l];
    }
    const part = entry?.answer ? answerPart(entry.question, entry.answer, (t) => seen(t).normalized) : null;
    const answer = part ? canon(part) : null;
    const answered = answer ? pairCoverage(q, answer, idf) : 0;
    if (cover < w.minCover && answered < w.minCover) continue;
    if (answer) profiles.push(answer);
    const score = answer ? (top + w.answer * answered) / (1 + w.answer) : top;
    const shown = { text: best?.text ?? '', pairs: best?.pairs ?? new Set<string>() };
    scored.push(best?.kind === 's' ? { id, score, matched: best.text, own: profiles, ...shown } : { id, score, own: profiles, ...shown });
  }
  scored.sort((a, b) => b.score - a.score);
  orderTwins([...q.pairs], typed, scored, idf, w);
  // The answer, if any, is the first entry: high enough, and clear of the next (two entries that
  // fit alike are both only related). Below the last one, the next is at most minScore: a lone
  // weak match leads nothing. The rest are related (相关问答).
  const kept = scored.filter((s) => s.score >= w.minScore);
  return kept.map(({ id, score, matched }, i) => {
    const lead = score - (kept[i + 1]?.score ?? w.minScore);
    const confident = i === 0 && score + w.lead * lead >= w.confident;
    return matched ? { id, score, matched, confident } : { id, score, confident };
  });
}
