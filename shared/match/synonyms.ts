import { normalize } from './normalize';

// The office edits synonym groups at any time, and an edit must work without reindexing the
// knowledge base. So the index keeps each phrasing's own words, and synonyms act at query time:
// the search also looks for every other form of a group the question mentions, and the
// reranker compares texts after rewriting every form to the group's preferred (first) form.

export type SynonymTable = {
  /** Every known form, longest first, so 住房公积金 wins over 公积金. */
  pattern: RegExp | null;
  preferred: Map<string, string>;
  forms: Map<string, string[]>;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const alternatives = [...preferred.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { pattern: alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : null, preferred, forms };
}

/** Normalized text with every synonym replaced by its group's preferred form. */
export function canonicalize(table: SynonymTable, normalized: string): string {
  if (!table.pattern) return normalized;
  return normalized.replace(table.pattern, (m) => table.preferred.get(m) ?? m);
}

/** Every form (normalized) of each group that the normalized text mentions, other than the one used. */
export function alternativeForms(table: SynonymTable, normalized: string): string[] {
  if (!table.pattern) return [];
  const out = new Set<string>();
  for (const [used] of normalized.matchAll(table.pattern)) {
    for (const form of table.forms.get(used) ?? []) if (form !== used) out.add(form);
  }
  return [...out];
}
