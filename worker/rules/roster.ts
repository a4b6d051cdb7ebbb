import type { Answerer, RosterGap, Unit } from '../../shared/schemas/auth';

/**
 * The roster rule (001 §(六)): every department names at least one 政策解答员, every street or
 * town one or two, and each answerer's work phone is public. Retired units owe nothing.
 */
export function rosterGaps(units: Unit[], answerers: Pick<Answerer, 'id' | 'name' | 'unitId' | 'workPhone'>[]): RosterGap[] {
  const byUnit = new Map<string, typeof answerers>();
  for (const a of answerers) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
  const gaps: RosterGap[] = [];
  for (const u of units) {
    if (u.retired) continue;
    const people = byUnit.get(u.id) ?? [];
    const base = { unitId: u.id, unitName: u.name, kind: u.kind };
    if ((u.kind === 'department' || u.kind === 'office' || u.kind === 'street') && people.length === 0) {
      gaps.push({ ...base, problem: 'no_answerer', message: `${u.name}还没有政策解答员` });
    }
    if (u.kind === 'street' && people.length > 2) {
      gaps.push({ ...base, problem: 'too_many_answerers', message: `${u.name}有 ${people.length} 名政策解答员，街道（镇）应为 1 至 2 名` });
    }
    for (const a of people) {
      if (!a.workPhone) gaps.push({ ...base, problem: 'no_work_phone', answererId: a.id, message: `${a.name || '未填写姓名的解答员'}（${u.name}）没有公开办公电话` });
    }
  }
  return gaps;
}
