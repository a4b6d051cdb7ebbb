import { normalize } from './normalize';

// The office edits synonym groups at any time, and an edit must work without reindexing the
// knowledge base. So the index keeps each phrasing's own words, and synonyms act at query time:
// the search also looks for every other form of a group the question mentions, and the
// reranker compares texts after rewriting every form to the group's preferred (first) form.

export type SynonymTable = {
  /** Every known form by its first character, longest first, so 住房公积金 wins over 公积金. */
  byFirst: Map<string, string[]>;
  preferred: Map<string, string>;
  forms: Map<string, string[]>;
};

export function buildSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  const preferred = new Map<string, string>();
  const forms = new Map<string, string[]>();
  for (const group of groups) {
    const terms = [...new Set(group.map(normalize).filter((t) => t.length > 0))];
    const first = terms[0];
    if (!first || terms.length < 2) continue;
    for (const term of terms) {
      // A term listed in two groups keeps the first: an ambiguous rewrite would be arbitrary.
      if (preferred.has(term)) continue;
      preferred.set(term, first);
      forms.set(term, terms);
    }
  }
  // Hundreds of groups: one alternation of every form would try each at every character; an
  // index by first character tries only the few forms that can start there.
  const byFirst = new Map<string, string[]>();
  for (const term of preferred.keys()) {
    const list = byFirst.get(term[0]!) ?? [];
    list.push(term);
    byFirst.set(term[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst, preferred, forms };
}

/** Each leftmost-longest form the normalized text mentions, with where it starts. */
function* mentions(table: SynonymTable, normalized: string): Generator<[string, number]> {
  for (let i = 0; i < normalized.length; ) {
    const found = table.byFirst.get(normalized[i]!)?.find((t) => normalized.startsWith(t, i));
    if (found) {
      yield [found, i];
      i += found.length;
    } else {
      i++;
    }
  }
}

/** A synonym the text mentions, as typed, and the preferred form put in its place. */
export type Rewrite = { form: string; preferred: string };

/** Normalized text with every synonym replaced by its group's preferred form, and the replacements. */
export function canonicalForm(table: SynonymTable, normalized: string): { text: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  if (!table.byFirst.size) return { text: normalized, rewrites };
  let out = '';
  let at = 0;
  for (const [form, i] of mentions(table, normalized)) {
    const preferred = table.preferred.get(form) ?? form;
    if (preferred !== form) rewrites.push({ form, preferred });
    out += normalized.slice(at, i) + preferred;
    at = i + form.length;
  }
  return { text: out + normalized.slice(at), rewrites };
}

/** Normalized text with every synonym replaced by its group's preferred form. */
export const canonicalize = (table: SynonymTable, normalized: string): string => canonicalForm(table, normalized).text;

/** Every form (normalized) of each group that the normalized text mentions, other than the one used. */
export function alternativeForms(table: SynonymTable, normalized: string): string[] {
  const out = new Set<string>();
  for (const [used] of mentions(table, normalized)) {
    for (const form of table.forms.get(used) ?? []) if (form !== used) out.add(form);
  }
  return [...out];
}
