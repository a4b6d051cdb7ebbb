import { Hono } from 'hono';
import { addDays, shanghaiDay, shanghaiStartOfDay } from '../../shared/calendar/days';
import { RATINGS } from '../../shared/inquiry/states';
import { kbGapsQuery, MISS_REASONS, type KbGap, type KbGapsAnswer, type MissReason } from '../../shared/schemas/kb-gaps';
import { readMisses, unitNames, type MissRow } from '../db/kb-gaps';
import { loadContext, searchFaq } from '../db/search';
import { subtreeOf } from '../db/units';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { forbidden } from '../lib/errors';
import { validate } from '../lib/validate';
import { groupWordings, type Group } from '../rules/kb-gaps';

/** The newest misses of the period read at most: grouping stays fast (README, 高频问题). */
export const MISSES_READ = 2000;
/** Groups answered, largest first; each is checked against the knowledge base as it is now. */
const GROUPS_SHOWN = 30;
const CHECKS = 60;
const DEFAULT_DAYS = 30;

/** An editor sees their unit's questions; an office its jurisdiction's, or the part under `unitId`. */
async function scopeOf(db: D1Database, user: SessionUser, unitId: string | undefined): Promise<readonly string[]> {
  if (user.role === 'editor') {
    if (unitId !== undefined && unitId !== user.unitId) throw forbidden('只能查看本单位的高频问题');
    return user.units;
  }
  if (unitId === undefined) return user.units;
  if (!user.units.includes(unitId)) throw forbidden('只能查看本辖区的高频问题');
  return (await subtreeOf(db, unitId)).filter((id) => user.units.includes(id));
}

// Whose question it is: an inquiry's unit is routing's (or an answerer's) decision, an entry
// marked 没帮助 is that unit's, an entry a search only came near is a guess.
const TRUST: Record<MissReason, number> = { inquiry: 3, unhelpful: 2, no_answer: 1 };

/** The unit the most trusted of a group's misses name, the most named among those (the first on a tie); null when none does. */
function unitOf(members: MissRow[]): string | null {
  const named = members.filter((m) => m.unit_id !== null);
  const top = Math.max(0, ...named.map((m) => TRUST[m.reason]));
  const votes = new Map<string, number>();
  for (const m of named) if (TRUST[m.reason] === top) votes.set(m.unit_id!, (votes.get(m.unit_id!) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of votes) if (best === null || n > votes.get(best)!) best = id;
  return best;
}

// 非常满意 first, unrated between 基本满意 and 不满意, then the newest.
const ratingRank = (r: string | null) => (r === null ? 2.5 : RATINGS.indexOf(r as (typeof RATINGS)[number]));

function bestReply(members: MissRow[]): KbGap['bestReply'] {
  const replied = members.filter((m) => m.reply && m.inquiry_id && m.ticket);
  replied.sort((a, b) => ratingRank(a.rating) - ratingRank(b.rating) || (b.replied_at ?? '').localeCompare(a.replied_at ?? ''));
  const r = replied[0];
  return r ? { inquiryId: r.inquiry_id!, ticket: r.ticket!, reply: r.reply!, topic: r.topic } : null;
}

export const kbGapRoutes = new Hono<AppEnv>().get('/kb-gaps', requireRole('editor', 'office'), validate('query', kbGapsQuery), async (c) => {
  const user = currentUser(c);
  const query = c.req.valid('query');
  const db = c.env.DB;
  const now = new Date();
  const to = query.to ?? shanghaiDay(now);
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const units = await scopeOf(db, user, query.unitId);
  const rows = await readMisses(db, {
    start: shanghaiStartOfDay(from).toISOString(),
    end: shanghaiStartOfDay(addDays(to, 1)).toISOString(),
    limit: MISSES_READ,
  });
  const { synonyms } = await loadContext(db);
  // Misses whose unit nobody knows join the groups of the units they resemble; a group is
  // shown where its unit is in scope (the office also sees those of no unit). Only the words of
  // misses are read, never who asked.
  const inScope = (unit: string | null) => (unit === null ? user.role === 'office' && query.unitId === undefined : units.includes(unit));
  const candidates = groupWordings(rows, synonyms)
    .map((g) => ({ g, unit: unitOf(g.members) }))
    .filter((x) => inScope(x.unit))
    .slice(0, CHECKS);

  // A group the knowledge base now answers (an entry written since, say) is no gap, unless
  // what it finds is the entry residents marked 没帮助.
  const today = shanghaiDay(now);
  const answered = await Promise.all(
    candidates.map(async ({ g }: { g: Group<MissRow> }) => {
      const [first] = await searchFaq(db, g.text, { limit: 1, today });
      return !!first?.confident && !g.members.some((m) => m.reason === 'unhelpful' && m.entry_id === first.id);
    }),
  );
  const open = candidates.filter((_, i) => !answered[i]).slice(0, GROUPS_SHOWN);
  const names = await unitNames(db, [...new Set(open.map((x) => x.unit).filter((u): u is string => u !== null))]);
  const groups: KbGap[] = open.map(({ g, unit }) => {
    const reasons = Object.fromEntries(MISS_REASONS.map((r) => [r, 0])) as Record<MissReason, number>;
    for (const m of g.members) reasons[m.reason] += 1;
    return {
      text: g.text,
      count: g.members.length,
      examples: g.wordings.slice(1, 4).map((w) => w.text),
      reasons,
      unitId: unit,
      unitName: unit ? (names.get(unit) ?? null) : null,
      bestReply: bestReply(g.members),
    };
  });
  const answer: KbGapsAnswer = { from, to, unitId: query.unitId ?? null, read: rows.length, limit: MISSES_READ, groups };
  return c.json(answer);
});
