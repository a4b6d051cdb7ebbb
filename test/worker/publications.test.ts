import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockedPersonalData, redact } from '../../shared/redact';
import { api, ensureUnits, expectError, login } from './helpers';

// ---- redaction (shared/redact.ts) ------------------------------------------------------------

describe('redact', () => {
  it('masks mobile numbers however they are written, keeping the text’s length', () => {
    for (const phone of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '8613812345678', '１３８１２３４５６７８']) {
      const text = `我的电话是${phone}，请回电`;
      const r = redact(text);
      expect(r.text).toHaveLength(text.length);
      expect(r.spans).toEqual([{ kind: 'mobile', start: 5, end: 5 + phone.length, original: phone }]);
      expect(r.text).not.toMatch(/[0-9０-９]{4}/);
    }
  });

  it('masks landlines with their area code, and bare numbers called 电话; leaves 12345 and amounts alone', () => {
    const r = redact('办公室电话 0571-88881234，或 (021)12345678转123，座机 88886666。热线12345，补贴20000元，2025-09-01起');
    expect(r.spans.map((s) => [s.kind, s.original])).toEqual([
      ['landline', '0571-88881234'],
      ['landline', '(021)12345678转123'],
      ['landline', '88886666'],
    ]);
    expect(r.text).toContain('热线12345，补贴20000元，2025-09-01起');
  });

  it('masks 18-digit ID numbers (with X, with spaces), 15-digit ones and card numbers', () => {
    const r = redact('身份证11010119900307123X，旧证 110101900307123，另一个 3301 0619 8505 1234 56，卡号6222021234567890123');
    expect(r.spans.map((s) => s.kind)).toEqual(['id', 'id', 'id', 'id']);
    expect(r.text).toBe('身份证******************，旧证 ***************，另一个 **** **** **** **** **，卡号*******************');
  });

  it('masks the resident’s name wherever it appears, with 先生/女士, and names the text gives itself', () => {
    const r = redact('张三丰问：我母亲王芳能领吗？张先生您好，张三丰的情况……我叫李小明，谢谢', { names: ['张三丰'] });
    expect(r.text).toBe('张某某问：我母亲王芳能领吗？张某某您好，张某某的情况……我叫李某某，谢谢');
    expect(r.spans.map((s) => s.original)).toEqual(['张三丰', '张先生', '张三丰', '李小明']);
  });

  it('masks the numbers of easy addresses', () => {
    const r = redact('家住幸福路12号3栋2单元501室，老房子在阳光小区5栋302室，单位在8号楼1单元');
    expect(r.text).toBe('家住幸福路**号*栋*单元***室，老房子在阳光小区*栋***室，单位在*号楼*单元');
    expect(r.spans.map((s) => s.kind)).toEqual(['address', 'address', 'address']);
  });

  const digit = fc.constantFrom(...'0123456789');
  const sep = fc.constantFrom('', '', '', ' ', '-');
  const join = (digits: string[], seps: string[]) => digits.map((d, k) => (k ? seps[k - 1]! : '') + d).join('');
  const mobile = fc
    .tuple(fc.constantFrom(...'3456789'), fc.array(digit, { minLength: 9, maxLength: 9 }), fc.array(sep, { minLength: 10, maxLength: 10 }), fc.boolean())
    .map(([second, rest, seps, prefixed]) => ({ digits: `1${second}${rest.join('')}`, text: `${prefixed ? '+86 ' : ''}${join(['1', second, ...rest], seps)}` }));
  const idNumber = fc
    .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789Xx'), fc.array(sep, { minLength: 17, maxLength: 17 }))
    .map(([body, last, seps]) => ({ digits: `${body.join('')}${last}`, text: join([...body, last], seps) }));
  // Words around the numbers hold no digits (a digit beside one makes a longer number, masked as such).
  const words = fc.string({ unit: fc.constantFrom(...'我的电话身份证号是请联系谢谢，。：吗 abc'), maxLength: 12 });

  it('lets no mobile or ID number through, however it is surrounded or spaced (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, fc.oneof(mobile, idNumber)), { minLength: 1, maxLength: 4 }), words, (parts, tail) => {
        const text = parts.map(([w, n]) => w + n.text).join('') + tail;
        const masked = redact(text).text;
        expect(masked).toHaveLength(text.length);
        expect(blockedPersonalData(masked)).toEqual([]);
        const digitsLeft = masked.replace(/[^0-9Xx]/g, '');
        for (const [, n] of parts) expect(digitsLeft).not.toContain(n.digits.slice(-8));
      }),
      { numRuns: 500 },
    );
  });
});

// ---- the routes ---------------------------------------------------------------------------------

type Seed = { id: string; unit?: string; status?: string; consent?: boolean; question: string; reply?: string | null; name?: string; topic?: string | null };

async function seed(s: Seed) {
  await env.DB.prepare(
    `INSERT INTO inquiries (id, ticket, channel, question, topic, unit_id, status, received_at, due_at, reply, replied_at, contact_name, contact_phone,
       consent_publish, created_by, created_at)
     VALUES (?1, ?1, 'miniprogram', ?2, ?3, ?4, ?5, '2026-03-02T02:00:00.000Z', '2026-03-09T15:59:59.000Z', ?6, ?7, ?8, '13812345678', ?9, 'seed', '2026-03-02T02:00:00.000Z')`,
  )
    .bind(s.id, s.question, s.topic === undefined ? '社保' : s.topic, s.unit ?? 'u_t_rsj', s.status ?? 'answered', s.reply === undefined ? '您好，请携带身份证到区人社局窗口办理。' : s.reply, s.reply === null ? null : '2026-03-04T02:00:00.000Z', s.name ?? '赵六', s.consent === false ? 0 : 1)
    .run();
}

const QUESTION = '我叫赵六，电话 138-1234-5678，身份证 11010119900307123X，住幸福路12号，失业金怎么领？';
const draftOf = (id: string, token: string) => api(`/api/inquiries/${id}/publication`, { token });
const publish = (id: string, token: string, body: Record<string, unknown>) => api(`/api/inquiries/${id}/publication`, { token, body: { confirmed: true, ...body } });

beforeAll(async () => {
  await ensureUnits();
  await seed({ id: 'pb_q1', question: QUESTION, reply: '赵先生您好：可到幸福路88号服务大厅办理，咨询电话 0571-88881234。' });
  await seed({ id: 'pb_q2', question: '灵活就业人员社保补贴怎么申请？我的手机13900001111', consent: false });
  await seed({ id: 'pb_q3', question: '还没答复的问题', status: 'assigned', reply: null });
  await seed({ id: 'pb_q4', question: '医保异地备案怎么办？', unit: 'u_t_ybj', topic: '医疗' });
  await seed({ id: 'pb_q5', question: '生育津贴怎么领？', topic: null });
});

describe('GET /api/inquiries/{id}/publication', () => {
  it('gives the unit’s editor the masked draft with every span found', async () => {
    const res = await draftOf('pb_q1', await login('editor', 'u_t_rsj'));
    expect(res.status).toBe(200);
    expect(res.body.question.text).toBe('我叫赵某，电话 ***-****-****，身份证 ******************，住幸福路**号，失业金怎么领？');
    expect(res.body.question.spans.map((s: { kind: string }) => s.kind)).toEqual(['name', 'mobile', 'id', 'address']);
    expect(res.body.answer.text).toBe('赵某某您好：可到幸福路**号服务大厅办理，咨询电话 ****-********。');
    expect(res.body).toMatchObject({ inquiryId: 'pb_q1', topic: '社保', unitName: '测试区人社局', publishedTo: { list: null, faq: null } });
  });

  it('refuses an inquiry without consent or not yet answered (409), another unit’s (404), and answerers (403)', async () => {
    const editor = await login('editor', 'u_t_rsj');
    expectError(await draftOf('pb_q2', editor), 409, 'conflict');
    expectError(await draftOf('pb_q3', editor), 409, 'conflict');
    expectError(await draftOf('pb_q4', editor), 404, 'not_found');
    expectError(await draftOf('pb_q1', await login('answerer', 'u_t_rsj')), 403, 'forbidden');
    expectError(await draftOf('pb_q1', await login('resident')), 403, 'forbidden');
    expect((await draftOf('pb_q4', await login('office', 'u_office'))).status).toBe(200);
  });
});

describe('POST /api/inquiries/{id}/publication', () => {
  it('refuses (422) a text that still holds a phone or ID number, whatever the screen showed, and publishes nothing', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const draft = (await draftOf('pb_q1', editor)).body;
    const res = await publish('pb_q1', editor, { target: 'list', question: '我的电话是 138 1234 5678，失业金怎么领？', answer: draft.answer.text });
    expectError(res, 422, 'unprocessable');
    expect(res.body.error.issues).toEqual([{ path: 'question', message: '问题中仍有手机号' }]);
    const id = await publish('pb_q1', editor, { target: 'list', question: draft.question.text, answer: '身份证号110101199003071234已核对' });
    expectError(id, 422, 'unprocessable');
    expect(id.body.error.issues[0].path).toBe('answer');
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM publications WHERE inquiry_id = 'pb_q1'").first<{ n: number }>())!.n).toBe(0);
  });

  it('asks for the confirmation and refuses without consent', async () => {
    const editor = await login('editor', 'u_t_rsj');
    expectError(await publish('pb_q1', editor, { target: 'list', question: '问题', answer: '答复', confirmed: false }), 400, 'validation');
    expectError(await publish('pb_q2', editor, { target: 'list', question: '问题', answer: '答复' }), 409, 'conflict');
  });

  it('publishes the masked copy to 咨询公开 once; everyone reads it with the topic, unit and day only', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const draft = (await draftOf('pb_q1', editor)).body;
    const res = await publish('pb_q1', editor, { target: 'list', question: draft.question.text, answer: draft.answer.text });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ target: 'list', id: expect.stringMatching(/^pub_/) });
    expectError(await publish('pb_q1', editor, { target: 'list', question: draft.question.text, answer: draft.answer.text }), 409, 'conflict');
    expect((await draftOf('pb_q1', editor)).body.publishedTo.list).toBe(res.body.id);

    const list = await api('/api/publications');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(Object.keys(item).sort()).toEqual(['answer', 'id', 'publishedDay', 'question', 'topic', 'unitName']);
    expect(item).toMatchObject({ question: draft.question.text, topic: '社保', unitName: '测试区人社局' });
    expect(JSON.stringify(list.body)).not.toMatch(/13812345678|赵六|pb_q1|138-1234-5678/);
    expect(list.body).toMatchObject({ page: 1, pageSize: 20 });
    expect((await api(`/api/publications/${res.body.id}`)).body).toEqual(item);
    expect((await api('/api/publications?topic=医疗')).body.items.some((i: { id: string }) => i.id === res.body.id)).toBe(false);
    expectError(await api('/api/publications/pub_nope'), 404, 'not_found');
    expectError(await api('/api/publications?page=0'), 400, 'validation');
    // The ledger says who published it, for staff only.
    const events = (await api('/api/inquiries/pb_q1', { token: editor })).body.events as { type: string; data: Json }[];
    expect(events.find((e) => e.type === 'published')?.data).toEqual({ target: 'list', id: res.body.id });
  });

  it('turns the answer into a knowledge-base draft of the unit, once; a topic is needed', async () => {
    const office = await login('office', 'u_office');
    expectError(await publish('pb_q5', office, { target: 'faq', question: '生育津贴怎么领？', answer: '到区医保局办理。' }), 400, 'validation');
    const res = await publish('pb_q4', office, { target: 'faq', question: '医保异地备案怎么办？', answer: '您好，请携带身份证到区人社局窗口办理。' });
    expect(res.status).toBe(201);
    const entry = await api(`/api/manage/faq/${res.body.id}`, { token: await login('editor', 'u_t_ybj') });
    expect(entry.body).toMatchObject({ question: '医保异地备案怎么办？', status: 'draft', topic: '医疗', unitId: 'u_t_ybj' });
    expectError(await publish('pb_q4', office, { target: 'faq', question: '医保异地备案怎么办？', answer: '到窗口办理。' }), 409, 'conflict');
    // A question too long for the knowledge base.
    expectError(await publish('pb_q5', office, { target: 'faq', topic: '生育', question: '长'.repeat(201), answer: '答复' }), 400, 'validation');
  });
});

type Json = Record<string, unknown>;
