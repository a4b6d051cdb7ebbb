import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { validity, validityRange } from '../../shared/faq/validity';
import { api, entryBody, expectError, login } from './helpers';

async function created(token: string, over = {}) {
  const res = await api('/api/faq', { token, body: entryBody(over) });
  expect(res.status).toBe(201);
  return res.body;
}

describe('who may write entries', () => {
  it('refuses anonymous callers, residents and answerers', async () => {
    expectError(await api('/api/faq', { body: entryBody() }), 401, 'unauthorized');
    expectError(await api('/api/faq', { token: await login('resident'), body: entryBody() }), 403, 'forbidden');
    expectError(await api('/api/faq', { token: await login('answerer', 'u_t_rsj'), body: entryBody() }), 403, 'forbidden');
  });

  it('lets an editor create a draft in their own unit only', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor);
    expect(entry).toMatchObject({ status: 'draft', unitId: 'u_t_rsj', unitName: '测试区人社局', similar: ['失业金怎么领'] });
    expectError(await api('/api/faq', { token: editor, body: entryBody({ unitId: 'u_t_ybj' }) }), 403, 'forbidden');
  });

  it('keeps an editor away from another unit’s entry; the office may touch any', async () => {
    const rsj = await login('editor', 'u_t_rsj');
    const ybj = await login('editor', 'u_t_ybj');
    const office = await login('office', 'u_office');
    const entry = await created(rsj);
    expectError(await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: ybj, body: { answer: '改掉' } }), 403, 'forbidden');
    expectError(await api(`/api/faq/${entry.id}/status`, { token: ybj, body: { status: 'published' } }), 403, 'forbidden');
    expectError(await api(`/api/manage/faq/${entry.id}`, { token: ybj }), 403, 'forbidden');
    const byOffice = await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: office, body: { answer: '区政府办公室补充的答案。' } });
    expect(byOffice.body.answer).toBe('区政府办公室补充的答案。');
    const inOtherUnit = await api('/api/faq', { token: office, body: entryBody({ unitId: 'u_t_ybj' }) });
    expect(inOtherUnit.body.unitId).toBe('u_t_ybj');
  });

  it('lists only the editor’s own unit in the staff list', async () => {
    const rsj = await login('editor', 'u_t_rsj');
    const ybj = await login('editor', 'u_t_ybj');
    const mine = await created(ybj, { question: '医保局专属的测试问题' });
    const list = await api('/api/manage/faq?limit=100', { token: rsj });
    expect(list.body.items.every((e: { unitId: string }) => e.unitId === 'u_t_rsj')).toBe(true);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(mine.id);
    expectError(await api('/api/manage/faq?unitId=u_t_ybj', { token: rsj }), 403, 'forbidden');
    const own = await api('/api/manage/faq?status=draft&q=医保局专属', { token: ybj });
    expect(own.body.items.map((e: { id: string }) => e.id)).toEqual([mine.id]);
    expect(own.body.total).toBe(1);
  });
});

describe('validation', () => {
  it('names every bad field', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const res = await api('/api/faq', { token: editor, body: { question: ' ', answer: 'x'.repeat(5001), topic: '旅游', similar: 'no' } });
    expectError(res, 400, 'validation');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['question', 'answer', 'topic', 'similar']));
    // Every message is Chinese, the wrong type of 相似问法 and an unknown field included.
    const odd = await api('/api/faq', { token: editor, body: { ...entryBody(), similar: 'no', colour: 'red' } });
    expectError(odd, 400, 'validation');
    for (const issue of odd.body.error.issues) expect(issue.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/);
    expect(odd.body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['similar']));
  });

  it('rejects unknown fields, bad dates and an inverted validity range', async () => {
    const editor = await login('editor', 'u_t_rsj');
    expectError(await api('/api/faq', { token: editor, body: entryBody({ status: 'published' }) }), 400, 'validation');
    expectError(await api('/api/faq', { token: editor, body: entryBody({ validFrom: '2026-02-30x' }) }), 400, 'validation');
    expectError(await api('/api/faq', { token: editor, body: entryBody({ validFrom: '2026-05-01', validUntil: '2026-04-01' }) }), 400, 'validation');
    const entry = await created(editor, { validFrom: '2026-01-01' });
    expectError(await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { validUntil: '2025-12-31' } }), 400, 'validation');
    expectError(await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: {} }), 400, 'validation');
    expectError(await api(`/api/faq/${entry.id}/status`, { token: editor, body: { status: 'gone' } }), 400, 'validation');
    expectError(await api('/api/faq/NOT-AN-ID', {}), 400, 'validation');
    expectError(await api('/api/faq/faq_doesnotexist', {}), 404, 'not_found');
  });
});

describe('two editors, one entry', () => {
  it('refuses an edit made to a version saved over since, and keeps the later one', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor, { publish: true });
    const first = await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { answer: '第一位编辑的答案。', baseUpdatedAt: entry.updatedAt } });
    expect(first.status).toBe(200);
    expect(first.body.updatedAt).not.toBe(entry.updatedAt);
    // The second editor opened the entry before the first saved.
    const second = await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { question: '被覆盖的问题？', baseUpdatedAt: entry.updatedAt } });
    expectError(second, 409, 'conflict');
    expect(second.body.error.message).toMatch(/已被他人修改/);
    const now = await api(`/api/manage/faq/${entry.id}`, { token: editor });
    expect(now.body).toMatchObject({ question: entry.question, answer: '第一位编辑的答案。', updatedAt: first.body.updatedAt });
    // Having seen the latest version, or saving deliberately without one, the edit goes through.
    const again = await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { question: '改好的问题？', baseUpdatedAt: first.body.updatedAt } });
    expect(again.body.question).toBe('改好的问题？');
    const forced = await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { answer: '覆盖保存的答案。' } });
    expect(forced.body.answer).toBe('覆盖保存的答案。');
  });

  it('a refused edit writes nothing, not even its phrasings, when both edits carry the same instant', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor, { publish: true });
    // A Worker's clock moves only on I/O: two edits can share a millisecond. Make them share it every time.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(entry.updatedAt) + 1000 });
    try {
      const edits = Array.from({ length: 6 }, (_, i) =>
        api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { similar: [`同一时刻的第${i}种问法`], baseUpdatedAt: entry.updatedAt } }),
      );
      const results = await Promise.all(edits);
      const won = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(5);
      const { results: rows } = await env.DB.prepare("SELECT text FROM faq_phrasings WHERE entry_id = ?1 AND kind = 's'").bind(entry.id).all<{ text: string }>();
      expect(rows.map((r) => r.text)).toEqual([`同一时刻的第${won[0]}种问法`]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('wants a real timestamp and something to change besides it', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor);
    expectError(await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { answer: '新答案。', baseUpdatedAt: 'yesterday' } }), 400, 'validation');
    expectError(await api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { baseUpdatedAt: entry.updatedAt } }), 400, 'validation');
  });
});

describe('what residents see', () => {
  it('shows an entry only once published, and no longer once retired', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor);
    expectError(await api(`/api/faq/${entry.id}`), 404, 'not_found');
    const published = await api(`/api/faq/${entry.id}/status`, { token: editor, body: { status: 'published' } });
    expect(published.body.status).toBe('published');
    const seen = await api(`/api/faq/${entry.id}`);
    expect(seen.body).toMatchObject({ id: entry.id, question: entry.question, unitName: '测试区人社局', views: 1, validUntil: null });
    expect(seen.body).not.toHaveProperty('status');
    expect(seen.body).not.toHaveProperty('keywords');
    await api(`/api/faq/${entry.id}/status`, { token: editor, body: { status: 'retired' } });
    expectError(await api(`/api/faq/${entry.id}`), 404, 'not_found');
  });

  it('hides entries outside their validity dates', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const expired = await created(editor, { validUntil: '2020-12-31', publish: true });
    const future = await created(editor, { validFrom: '2999-01-01', publish: true });
    const current = await created(editor, { validFrom: '2020-01-01', validUntil: '2999-12-31', publish: true });
    expectError(await api(`/api/faq/${expired.id}`), 404, 'not_found');
    expectError(await api(`/api/faq/${future.id}`), 404, 'not_found');
    const seen = await api(`/api/faq/${current.id}`);
    expect(seen.status).toBe(200);
    // Residents are told until when a policy holds; the rest of the schedule stays with staff.
    expect(seen.body).toMatchObject({ validUntil: '2999-12-31' });
    expect(seen.body).not.toHaveProperty('validFrom');
  });

  it('counts both end dates as valid days, and words the dates for staff', () => {
    const range = { validFrom: '2026-03-01', validUntil: '2026-03-31' };
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01'].map((d) => validity(range, d))).toEqual([
      'upcoming',
      'current',
      'current',
      'expired',
    ]);
    expect(validity({ validFrom: null, validUntil: null }, '2099-01-01')).toBe('current');
    expect(validityRange(range)).toBe('有效期 2026-03-01 至 2026-03-31');
    expect(validityRange({ validFrom: null, validUntil: '2027-12-31' })).toBe('有效期至 2027-12-31');
    expect(validityRange({ validFrom: '2026-03-01', validUntil: null })).toBe('2026-03-01 起有效');
    expect(validityRange({ validFrom: null, validUntil: null })).toBe('');
  });

  it('lists a topic by views and counts topics', async () => {
    const editor = await login('editor', 'u_t_ybj');
    const a = await created(editor, { topic: '医疗', publish: true, question: '异地就医怎么备案？' });
    const b = await created(editor, { topic: '医疗', publish: true, question: '门诊慢特病怎么申请？' });
    await created(editor, { topic: '医疗', question: '草稿不应出现' });
    await env.DB.prepare('UPDATE faq_entries SET views = 50 WHERE id = ?1').bind(b.id).run();
    const list = await api('/api/faq?topic=医疗&sort=views');
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([b.id, a.id]);
    expect(list.body.total).toBe(2);
    // 最近更新: the entry edited last comes first, with its date.
    const edited = await api(`/api/faq/${a.id}`, { method: 'PATCH', token: editor, body: { answer: '改过的答案。' } });
    const recent = await api('/api/faq?topic=医疗&sort=updated');
    expect(recent.body.items.map((e: { id: string }) => e.id)).toEqual([a.id, b.id]);
    expect(recent.body.items[0]).toMatchObject({ question: '异地就医怎么备案？', updatedAt: edited.body.updatedAt });
    const topics = await api('/api/topics');
    expect(topics.body.items).toHaveLength(12);
    expect(topics.body.items).toContainEqual({ topic: '医疗', count: 2 });
    expectError(await api('/api/faq?topic=旅游'), 400, 'validation');
  });
});

describe('有帮助 / 没帮助', () => {
  it('counts one vote per person, and a changed mind replaces it', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor, { publish: true });
    expectError(await api(`/api/faq/${entry.id}/feedback`, { body: { helpful: true } }), 401, 'unauthorized');
    const a = await login('resident', undefined, '居民甲');
    const b = await login('resident', undefined, '居民乙');
    expect((await api(`/api/faq/${entry.id}/feedback`, { token: a, body: { helpful: true } })).body).toEqual({ helpful: 1, unhelpful: 0 });
    expect((await api(`/api/faq/${entry.id}/feedback`, { token: a, body: { helpful: true } })).body).toEqual({ helpful: 1, unhelpful: 0 });
    expect((await api(`/api/faq/${entry.id}/feedback`, { token: b, body: { helpful: false } })).body).toEqual({ helpful: 1, unhelpful: 1 });
    expect((await api(`/api/faq/${entry.id}/feedback`, { token: a, body: { helpful: false } })).body).toEqual({ helpful: 0, unhelpful: 2 });
    expectError(await api(`/api/faq/${entry.id}/feedback`, { token: a, body: { helpful: 'yes' } }), 400, 'validation');
  });

  it('takes a visitor without an account once per address', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = await created(editor, { publish: true });
    const from = (ip: string) => ({ 'CF-Connecting-IP': ip });
    await api(`/api/faq/${entry.id}/feedback`, { body: { helpful: true }, headers: from('192.0.2.1') });
    await api(`/api/faq/${entry.id}/feedback`, { body: { helpful: true }, headers: from('192.0.2.1') });
    const last = await api(`/api/faq/${entry.id}/feedback`, { body: { helpful: false }, headers: from('192.0.2.2') });
    expect(last.body).toEqual({ helpful: 1, unhelpful: 1 });
  });

  it('does not take votes on an unpublished entry', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const draft = await created(editor);
    expectError(await api(`/api/faq/${draft.id}/feedback`, { token: await login('resident'), body: { helpful: true } }), 404, 'not_found');
  });
});

describe('synonym list', () => {
  it('is edited by the office only and validated', async () => {
    const office = await login('office', 'u_office');
    const editor = await login('editor', 'u_t_rsj');
    expectError(await api('/api/synonyms', { token: editor, body: { terms: ['甲', '乙'] } }), 403, 'forbidden');
    expectError(await api('/api/synonyms', { token: office, body: { terms: ['只有一个'] } }), 400, 'validation');
    expectError(await api('/api/synonyms', { token: office, body: { terms: ['重复', '重复'] } }), 400, 'validation');
    const group = await api('/api/synonyms', { token: office, body: { terms: ['出入境记录查询', '出入境记录'] } });
    expect(group.status).toBe(201);
    const updated = await api(`/api/synonyms/${group.body.id}`, { method: 'PUT', token: office, body: { terms: ['出入境记录查询', '出入境记录证明', '出入境记录'] } });
    expect(updated.body.terms).toEqual(['出入境记录查询', '出入境记录证明', '出入境记录']);
    expect((await api('/api/synonyms', { token: editor })).body.items).toContainEqual(expect.objectContaining({ terms: ['出入境记录查询', '出入境记录证明', '出入境记录'] }));
    expect((await api(`/api/synonyms/${group.body.id}`, { method: 'DELETE', token: office })).status).toBe(204);
    expectError(await api(`/api/synonyms/${group.body.id}`, { method: 'DELETE', token: office }), 404, 'not_found');
    expectError(await api('/api/synonyms'), 401, 'unauthorized');
  });

  it('compares terms as search does: punctuation and question words do not make a new word', async () => {
    const office = await login('office', 'u_office');
    const punctuationOnly = await api('/api/synonyms', { token: office, body: { terms: ['良民证', '？？'] } });
    expectError(punctuationOnly, 400, 'validation');
    expect(punctuationOnly.body.error.issues).toContainEqual({ path: 'terms.1', message: '词语应含文字或数字' });
    // 何时 and 什么时候 are one question word to the matcher already.
    expectError(await api('/api/synonyms', { token: office, body: { terms: ['何时', '什么时候'] } }), 400, 'validation');
  });

  it('refuses a word that another group already holds, naming that group', async () => {
    const office = await login('office', 'u_office');
    const taken = await api('/api/synonyms', { token: office, body: { terms: ['退役军人', '复员军人'] } });
    expectError(taken, 409, 'conflict');
    expect(taken.body.error.message).toBe('「退役军人」已在同义词组「退役军人、退伍军人」中');
    expect(taken.body.error.issues).toEqual([{ path: 'terms', message: taken.body.error.message }]);
    // Written differently, still the same word.
    expectError(await api('/api/synonyms', { token: office, body: { terms: ['复员军人', '退伍军人？'] } }), 409, 'conflict');

    // A group may keep its own words when it is edited, but not take another group's.
    const own = await api('/api/synonyms', { token: office, body: { terms: ['网签', '网上签约'] } });
    expect(own.status).toBe(201);
    const same = await api(`/api/synonyms/${own.body.id}`, { method: 'PUT', token: office, body: { terms: ['网上签约', '网签'] } });
    expect(same.status).toBe(200);
    const stolen = await api(`/api/synonyms/${own.body.id}`, { method: 'PUT', token: office, body: { terms: ['网签', '公积金'] } });
    expectError(stolen, 409, 'conflict');
    expect(stolen.body.error.message).toBe('「公积金」已在同义词组「住房公积金、公积金」中');
  });
});
