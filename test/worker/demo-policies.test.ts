import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, type Json } from './helpers';

describe('demo policies', () => {
  it('seeds the five documents as published policies with interpretations, once, and an entry on the repealed one shows 需复核', async () => {
    const count = async () =>
      (await env.DB.prepare('SELECT (SELECT COUNT(*) FROM policies) + (SELECT COUNT(*) FROM interpretations) + (SELECT COUNT(*) FROM policy_validity_events) AS n').first<{ n: number }>())!.n;
    expect((await api('/api/dev/seed', { method: 'POST' })).body.policies).toBe(5);
    const after = await count();
    expect((await api('/api/dev/seed', { method: 'POST' })).body.policies).toBe(0);
    expect(await count()).toBe(after);

    const list = await api('/api/policies?limit=10');
    expect(list.body.total).toBe(5);
    const east = await api('/api/policies/pol_demo_002');
    expect(east.body).toMatchObject({ docNumber: '东府办发〔2021〕22号', validity: '已废止', unitName: '区政府办公室', status: 'published' });
    expect(east.body.issuer).toContain('东湖区');
    expect(east.body.history[0].replacedBy.id).toBe('pol_demo_001');
    for (const id of ['000', '001', '002', '003', '004']) {
      const p = await api(`/api/policies/pol_demo_${id}`);
      expect(p.body.interpretations).toEqual([
        expect.objectContaining({ form: '文字解读', status: 'published', contactPhone: expect.stringMatching(/^0000-86\d{6}$/) }),
      ]);
      // 004 is its task table (任务分工); the others are sections of text.
      const parts = id === '004' ? p.body.tables[0].rows.length : p.body.sections.length;
      expect({ id, parts: parts > 3 }).toEqual({ id, parts: true });
    }
    const repealed = await api('/api/faq/faq_demo_policy_disclosure');
    expect(repealed.body.basisNotice).toBe('依据文件已废止，答复可能已过时');
    const current = await api('/api/faq/faq_demo_policy_subsidy');
    expect(current.body.basis.map((b: Json) => b.id)).toEqual(['pol_demo_000']);
    expect(current.body.basisNotice).toBeNull();
    // The policy page lists, as 相关问答, the published entries resting on it, and no retired one.
    const related = async () => (await api('/api/policies/pol_demo_000')).body.relatedEntries.map((e: Json) => e.id);
    expect(await related()).toContain('faq_demo_policy_subsidy');
    await env.DB.prepare("UPDATE faq_entries SET status = 'retired' WHERE id = 'faq_demo_policy_subsidy'").run();
    expect(await related()).not.toContain('faq_demo_policy_subsidy');
    const found = await api(`/api/search?q=${encodeURIComponent('东府办发2021年22号')}`);
    expect(found.body.policies[0].id).toBe('pol_demo_002');
  });
});
