import { normalize } from '../../shared/match/normalize';
import { blendedIdf } from '../../shared/match/rank';
import { pairCoverage, profile, type Profile, type Weight } from '../../shared/match/score';
import { canonicalForm, type SynonymTable } from '../../shared/match/synonyms';
import { WEIGHTS } from '../../shared/match/weights';

/** Longer logged text says nothing more about which question it is, and a search box holds 100. */
export const MISS_TEXT_MAX = 200;

// A resident who types an ID card or phone number into the search box did not mean to leave it
// in a log: runs of seven digits or more (never an age, an amount or a year) are masked.
const LONG_NUMBER = /\d{7,}[xX]?/g;

/** The words to log, or null for nothing worth grouping (empty, or one character once normalized). */
export function missText(raw: string): string | null {
  const text = raw.replace(/\s+/g, ' ').trim().replace(LONG_NUMBER, '＊').slice(0, MISS_TEXT_MAX);
  return normalize(text).replaceAll(' ', '').length < 2 ? null : text;
}

/**
 * Two wordings this alike ask the same question. Chosen on the resident questions and the demo
 * district's phrasings (an entry's question, its 相似问法 and the resident questions it answers
 * are one question); README, 高频问题, has the figures. Splitting one question in two costs
 * an editor a second look; merging two would tell them a wrong count, so precision comes first.
 */
export const SAME_QUESTION = 0.35;

/**
 * How alike two residents' wordings are, as the matcher sees them (synonyms rewritten, question
 * words unified): the share of each one's rarity-weighted character pairs that the other holds,
 * both ways, since neither is the question. Shared rare words (生育津贴, 公积金) decide it; shared
 * function words (怎么办理, 需要什么) weigh little. Of the matcher's measures this one kept
 * different questions apart best on the resident questions.
 */
export function wordingSimilarity(a: Profile, b: Profile, idf: Weight): number {
  return (pairCoverage(a, b, idf) + pairCoverage(b, a, idf)) / 2;
}

/** Rarity from the background counts alone: a period's few hundred misses are no base to count words in. */
export function backgroundIdf(): Weight {
  const idf = blendedIdf({ df: new Map(), rows: 0 }, WEIGHTS.background);
  const memo = new Map<string, number>();
  return (t) => {
    let w = memo.get(t);
    if (w === undefined) memo.set(t, (w = idf(t)));
    return w;
  };
}

/** How many of a wording's rarest character pairs find the groups it is compared with. */
const KEY_PAIRS = 8;

export type Group<T> = { text: string; members: T[]; wordings: { text: string; count: number }[] };

/**
 * Greedy grouping: wordings most often asked first, each joins the first group whose
 * representative (its first wording) is at least `threshold` alike, else starts a group.
 * Identical wordings (once normalized) are compared once. Largest group first.
 */
export function groupWordings<T extends { text: string }>(items: readonly T[], synonyms: SynonymTable, threshold = SAME_QUESTION): Group<T>[] {
  const byKey = new Map<string, { text: string; canonical: ReturnType<typeof canonicalForm>; members: T[] }>();
  for (const item of items) {
    const key = normalize(item.text);
    let w = byKey.get(key);
    if (!w) byKey.set(key, (w = { text: item.text, canonical: canonicalForm(synonyms, key), members: [] }));
    w.members.push(item);
  }
  const wordings = [...byKey.values()].sort((a, b) => b.members.length - a.members.length);
  const idf = backgroundIdf();
  const groups: (Group<T> & { rep: Profile })[] = [];
  // Comparing every wording with every group is quadratic: a wording is compared only with the
  // groups whose representative shares one of its rarest pairs, which carry most of its weight
  // (2,000 long distinct questions group in about 0.2 s instead of 11).
  const byToken = new Map<string, number[]>();
  const rarest = (p: Profile) => [...p.pairs].sort((a, b) => idf(b) - idf(a)).slice(0, KEY_PAIRS);
  for (const w of wordings) {
    const p = profile(w.canonical.text, w.canonical.rewrites);
    const own = rarest(p);
    const near = new Set<number>();
    for (const t of own) for (const i of byToken.get(t) ?? []) near.add(i);
    const home = [...near].sort((a, b) => a - b).find((i) => wordingSimilarity(groups[i]!.rep, p, idf) >= threshold);
    const wording = { text: w.text, count: w.members.length };
    if (home !== undefined) {
      const g = groups[home]!;
      g.members.push(...w.members);
      g.wordings.push(wording);
    } else {
      for (const t of own) {
        const list = byToken.get(t);
        if (list) list.push(groups.length);
        else byToken.set(t, [groups.length]);
      }
      groups.push({ text: w.text, members: [...w.members], wordings: [wording], rep: p });
    }
  }
  return groups
    .sort((a, b) => b.members.length - a.members.length)
    .map(({ rep: _rep, ...g }) => g);
}
