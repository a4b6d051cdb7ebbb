// Just enough of the D1 API over node:sqlite to run worker/db/search.ts offline: the same
// SQL and the same matcher code, without wrangler, for quick recall and timing experiments.
import { DatabaseSync } from 'node:sqlite';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

class Statement {
  constructor(db, sql, params = []) {
    this.db = db;
    this.sql = sql;
    this.params = params;
  }
  bind(...params) {
    return new Statement(this.db, this.sql, params);
  }
  #prepared() {
    return this.db.prepare(this.sql);
  }
  async all() {
    return { results: this.#prepared().all(...this.params), success: true, meta: {} };
  }
  async first(column) {
    const row = this.#prepared().get(...this.params) ?? null;
    return column && row ? row[column] : row;
  }
  async run() {
    const r = this.#prepared().run(...this.params);
    return { results: [], success: true, meta: { changes: r.changes } };
  }
  async raw() {
    const s = this.#prepared();
    s.setReturnArrays(true);
    return s.all(...this.params);
  }
}

/** `skip`: migrations to leave out (the benchmark measures the matcher without the lexicon). */
export function openD1(file = ':memory:', migrationsDir = 'worker/migrations', skip = []) {
  const db = new DatabaseSync(file);
  for (const name of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql') && !skip.some((s) => f.includes(s))).sort()) {
    db.exec(readFileSync(path.join(migrationsDir, name), 'utf8'));
  }
  return {
    raw: db,
    prepare: (sql) => new Statement(db, sql),
    async batch(statements) {
      db.exec('BEGIN');
      try {
        const out = [];
        for (const s of statements) out.push(/^\s*(select|with)/i.test(s.sql) ? await s.all() : await s.run());
        db.exec('COMMIT');
        return out;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async exec(sql) {
      db.exec(sql);
      return { count: 0, duration: 0 };
    },
  };
}
