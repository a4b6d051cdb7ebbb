// Which entries the semantic stage has still to embed, or to take out of its index (worker/jobs/embed.ts).

export type EmbeddingWork = { id: string; question: string; answer: string; similar: string; published: 0 | 1; updated_at: string };

/** Published entries whose vectors are missing or older than the entry; unpublished ones that still have vectors. */
export async function pendingEmbeddings(db: D1Database, limit: number): Promise<EmbeddingWork[]> {
  const { results } = await db
    .prepare(
      `SELECT id, question, answer, similar, status = 'published' AS published, updated_at FROM faq_entries
       WHERE (status = 'published' AND embedded_for IS NOT updated_at) OR (status != 'published' AND embedded_for IS NOT NULL)
       ORDER BY updated_at LIMIT ?1`,
    )
    .bind(limit)
    .all<EmbeddingWork>();
  return results;
}

/** Records what the index now holds for each entry, unless the entry changed meanwhile (it stays pending). */
export function markEmbeddedStatements(db: D1Database, done: EmbeddingWork[]): D1PreparedStatement[] {
  return done.map((w) =>
    db
      .prepare('UPDATE faq_entries SET embedded_for = ?3 WHERE id = ?1 AND updated_at = ?2')
      .bind(w.id, w.updated_at, w.published ? w.updated_at : null),
  );
}
