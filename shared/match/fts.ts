// Building FTS5 MATCH expressions. Every term is a double-quoted string, so whatever a
// resident types (AND, NEAR, *, ^, column filters, quotes) is searched as text and never
// parsed as query syntax.

export const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/** `"a" OR "b" OR "c d"`: any term, or any phrase (a space-joined token sequence). */
export function anyOf(terms: readonly string[], phrases: readonly (readonly string[])[] = []): string {
  return [...terms.map(quote), ...phrases.map((p) => quote(p.join(' ')))].join(' OR ');
}
