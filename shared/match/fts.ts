// FTS5 MATCH strings. Every term or phrase is double-quoted, so whatever a resident types
// (AND, NEAR, *, ^, column filters, quotes) is searched as text, never parsed as query syntax.

/** A phrase of tokens (one token is a phrase too), quoted for MATCH. */
export const phrase = (tokens: readonly string[]): string => `"${tokens.join(' ').replaceAll('"', '""')}"`;
