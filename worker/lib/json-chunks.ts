// D1 caps bound parameters at 100 per statement, so bulk rows travel as one JSON array per
// statement and json_each unpacks them; chunks stay well under D1's statement size limit.
const CHUNK_BYTES = 500_000;

/** JSON arrays of at most about CHUNK_BYTES each, holding every item in order. */
export function chunkJson<T>(items: readonly T[]): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (parts.length && size + json.length > CHUNK_BYTES) {
      chunks.push(`[${parts.join(',')}]`);
      parts = [];
      size = 0;
    }
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length) chunks.push(`[${parts.join(',')}]`);
  return chunks;
}
