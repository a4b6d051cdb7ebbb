import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { neutralise, toCsv } from '../../worker/lib/sheet';
import { expectError, login } from './helpers';

// A district with its office and two departments, a second district beside it; the period is September 2025.
const UNITS: [string, string, string, string | null][] = [
  ['u_ex_d', '导出测试区', 'district', null],
  ['u_ex_office', '导出测试区政务公开办', 'office', 'u_ex_d'],
  ['u_ex_a', '导出区人社局', 'department', 'u_ex_d'],
  ['u_ex_b', '导出区医保局', 'department', 'u_ex_d'],
  ['u_ex_d2', '导出测试邻区', 'district', null],
  ['u_ex_office2', '邻区政务公开办', 'office', 'u_ex_d2'],
  ['u_ex_c', '邻区人社局', 'department', 'u_ex_d2'],
  ['u_ex_big', '导出大区', 'district', null],
  ['u_ex_big_office', '大区政务公开办', 'office', 'u_ex_big'],
  ['u_ex_big_a', '大区人社局', 'department', 'u_ex_big'],
];

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

type Seed = { id: string; unit: string | null; channel?: string; received: string; due: string; status: string; replied?: string; rating?: string; stopped?: number; name?: string; phone?: string; topic?: string };

async function seed() {
  const db = env.DB;
  const inquiry = (s: Seed) =>
    db
      .prepare(
        `INSERT INTO inquiries (id, ticket, channel, question, topic, unit_id, status, received_at, due_at, replied_at, rating, stopped_days,
           contact_name, contact_phone, created_by, created_at)
         VALUES (?1, ?1, ?2, '测试咨询', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'seed', ?6)`,
      )
      .bind(s.id, s.channel ?? 'miniprogram', s.topic ?? '社会保障', s.unit, s.status, at(s.received), at(s.due), s.replied ? at(s.replied) : null, s.rating ?? null, s.stopped ?? 0, s.name ?? null, s.phone ?? null);
  const due = '2025-09-08T23:59:59';
  await db.batch([
    ...UNITS.map(([id, name, kind, parent]) => db.prepare('INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, ?3, ?4)').bind(id, name, kind, parent)),
    // 2 working days, on time; the resident typed a formula as their name.
    inquiry({ id: 'ex_q1', unit: 'u_ex_a', received: '2025-09-01T10:00:00', due, status: 'closed', replied: '2025-09-03T10:00:00', rating: '满意', name: '=HYPERLINK("http://x.example")', phone: '13812345678' }),
    // Late: 7 working days.
    inquiry({ id: 'ex_q2', unit: 'u_ex_a', channel: 'hotline', received: '2025-09-01T11:00:00', due, status: 'answered', replied: '2025-09-10T10:00:00', name: '李四', phone: '13900001111' }),
    // Open, past its deadline.
    inquiry({ id: 'ex_q3', unit: 'u_ex_a', channel: 'phone', received: '2025-09-02T10:00:00', due: '2025-09-09T23:59:59', status: 'assigned', name: '王五, "小王"' }),
    // The clock stood still 2 working days: 4 elapsed, 2 used.
    inquiry({ id: 'ex_q4', unit: 'u_ex_b', received: '2025-09-15T10:00:00', due: '2025-09-24T23:59:59', status: 'answered', replied: '2025-09-19T10:00:00', stopped: 2 }),
    // After the period.
    inquiry({ id: 'ex_q5', unit: 'u_ex_b', received: '2025-10-09T10:00:00', due: '2025-10-16T23:59:59', status: 'assigned' }),
    // The other district's.
    inquiry({ id: 'ex_q6', unit: 'u_ex_c', received: '2025-09-05T10:00:00', due: '2025-09-12T23:59:59', status: 'assigned' }),
    // Not yet routed: the office's.
    inquiry({ id: 'ex_q7', unit: null, received: '2025-09-20T10:00:00', due: '2025-09-26T23:59:59', status: 'submitted', topic: '' }),
  ]);
}

const ORIGIN = 'http://127.0.0.1';
async function download(path: string, token?: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }), env, ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  const text = new TextDecoder().decode(bytes);
  return { status: res.status, headers: res.headers, bytes, text, body: res.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : {} };
}

const SEPTEMBER = 'from=2025-09-01&to=2025-09-30';
const csvLines = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
const LEDGER_HEADER = '受理编号,受理时间,渠道,类别,责任单位,解答员,状态,答复期限,答复时间,是否按时,用时(工作日),评价';

async function exportsLogged() {
  return (await env.DB.prepare('SELECT * FROM export_log ORDER BY id').all<Record<string, unknown>>()).results;
}

beforeAll(seed);

describe('GET /api/inquiries/export (台账)', () => {
  it('lists the period’s inquiries of the office’s district as CSV: UTF-8 with BOM, on time and working days as 统计 counts them', async () => {
    const res = await download(`/api/inquiries/export?${SEPTEMBER}&format=csv`, await login('office', 'u_ex_office'));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(res.text);
    expect(lines[0]).toBe(LEDGER_HEADER);
    expect(lines.slice(1)).toEqual([
      'ex_q1,2025-09-01 10:00,小程序,社会保障,导出区人社局,,已办结,2025-09-08,2025-09-03 10:00,是,2,满意',
      'ex_q2,2025-09-01 11:00,12345 热线,社会保障,导出区人社局,,已答复,2025-09-08,2025-09-10 10:00,否,7,',
      'ex_q3,2025-09-02 10:00,电话,社会保障,导出区人社局,,办理中,2025-09-09,,超期未答复,,',
      'ex_q4,2025-09-15 10:00,小程序,社会保障,导出区医保局,,已答复,2025-09-24,2025-09-19 10:00,是,2,',
      'ex_q7,2025-09-20 10:00,小程序,,未分派,,待分派,2025-09-26,,超期未答复,,',
    ]);
    // Without contacts=1 no name or phone leaves, whoever asks.
    expect(res.text).not.toContain('13812345678');
    expect(res.text).not.toContain('李四');
    const disposition = res.headers.get('Content-Disposition')!;
    expect(disposition).toContain('filename="inquiries_2025-09-01_2025-09-30.csv"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('政策咨询台账_2025-09-01至2025-09-30.csv')}`);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('adds name and phone for the office when asked, neutralises a formula, quotes per RFC 4180, and logs who, when, the period and the count', async () => {
    const office = await login('office', 'u_ex_office');
    const before = (await exportsLogged()).length;
    const res = await download(`/api/inquiries/export?${SEPTEMBER}&format=csv&contacts=1`, office);
    expect(res.status).toBe(200);
    const lines = csvLines(res.text);
    expect(lines[0]).toBe(`${LEDGER_HEADER},姓名,电话`);
    expect(lines[1]).toBe(`ex_q1,2025-09-01 10:00,小程序,社会保障,导出区人社局,,已办结,2025-09-08,2025-09-03 10:00,是,2,满意,"'=HYPERLINK(""http://x.example"")",13812345678`);
    expect(lines[3]).toContain(',"王五, ""小王""",');
    expect(res.headers.get('Content-Disposition')).toContain(encodeURIComponent('_含联系方式'));
    const log = await exportsLogged();
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ kind: 'inquiries', role: 'office', from_day: '2025-09-01', to_day: '2025-09-30', format: 'csv', row_count: 5, contacts: 1 });
    expect(Date.now() - Date.parse(String(log.at(-1)!.at))).toBeLessThan(60_000);
    // What was exported is not in the log.
    expect(JSON.stringify(log)).not.toContain('13812345678');
  });

  it('refuses contacts to an editor and keeps an editor to their own unit', async () => {
    const editor = await login('editor', 'u_ex_a');
    const before = (await exportsLogged()).length;
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}&contacts=1`, editor), 403, 'forbidden');
    expect(await exportsLogged()).toHaveLength(before);
    const own = await download(`/api/inquiries/export?${SEPTEMBER}&format=csv`, editor);
    expect(csvLines(own.text).slice(1).map((l) => l.split(',')[0])).toEqual(['ex_q1', 'ex_q2', 'ex_q3']);
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}&unitId=u_ex_b`, editor), 403, 'forbidden');
  });

  it('narrows an office to a unit of its district and refuses another district’s', async () => {
    const res = await download(`/api/inquiries/export?${SEPTEMBER}&format=csv&unitId=u_ex_b`, await login('office', 'u_ex_office'));
    expect(csvLines(res.text).slice(1).map((l) => l.split(',')[0])).toEqual(['ex_q4']);
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}&unitId=u_ex_a`, await login('office', 'u_ex_office2')), 403, 'forbidden');
    const other = await download(`/api/inquiries/export?${SEPTEMBER}&format=csv`, await login('office', 'u_ex_office2'));
    // A question not yet routed is every office's to see (and route), as in the inbox.
    expect(csvLines(other.text).slice(1).map((l) => l.split(',')[0])).toEqual(['ex_q6', 'ex_q7']);
  });

  it('writes an .xlsx whose sheet holds the same rows: text as inline strings (never formulas), days as numbers', async () => {
    const res = await download(`/api/inquiries/export?${SEPTEMBER}&contacts=1`, await login('office', 'u_ex_office'));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(res.bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="政策咨询台账" sheetId="1" r:id="rId1"/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map(([, , cells]) =>
      [...cells!.matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map(([, col, s, v]) => [col, s ?? Number(v)]),
    );
    expect(rows).toHaveLength(6);
    expect(rows[0]!.map(([, v]) => v)).toEqual([...LEDGER_HEADER.split(','), '姓名', '电话']);
    expect(rows[2]).toEqual([
      ['A', 'ex_q2'], ['B', '2025-09-01 11:00'], ['C', '12345 热线'], ['D', '社会保障'], ['E', '导出区人社局'], ['G', '已答复'],
      ['H', '2025-09-08'], ['I', '2025-09-10 10:00'], ['J', '否'], ['K', 7], ['M', '李四'], ['N', '13900001111'],
    ]);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('=HYPERLINK(&quot;http://x.example&quot;)');
  });

  it('answers 400 in the one error shape for a bad format or period, 401 without a session, 403 for residents and answerers', async () => {
    const office = await login('office', 'u_ex_office');
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}&format=pdf`, office), 400, 'validation');
    expectError(await download('/api/inquiries/export?from=2025-09-30&to=2025-09-01', office), 400, 'validation');
    expectError(await download('/api/inquiries/export?from=2025-02-30', office), 400, 'validation');
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}&contacts=yes`, office), 400, 'validation');
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}`), 401, 'unauthorized');
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}`, await login('resident')), 403, 'forbidden');
    expectError(await download(`/api/inquiries/export?${SEPTEMBER}`, await login('answerer', 'u_ex_a')), 403, 'forbidden');
  });

  it('refuses more than 50,000 rows with 413, saying how many there are', async () => {
    await env.DB.prepare(
      `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 50001)
       INSERT INTO inquiries (id, ticket, channel, question, unit_id, status, received_at, due_at, created_by, created_at)
       SELECT 'ex_big_' || k, 'ex_big_' || k, 'miniprogram', '测试', 'u_ex_big_a', 'answered', '2024-03-05T02:00:00.000Z', '2024-03-12T15:59:59.000Z', 'seed', '2024-03-05T02:00:00.000Z' FROM n`,
    ).run();
    const res = await download('/api/inquiries/export?from=2024-03-01&to=2024-03-31', await login('office', 'u_ex_big_office'));
    expectError(res, 413, 'payload_too_large');
    expect(res.body.error.message).toContain('50001');
  });
});

describe('GET /api/stats/export', () => {
  it('writes GET /api/stats’s figures for the same caller: the summary, then one row per unit', async () => {
    const office = await login('office', 'u_ex_office');
    const res = await download(`/api/stats/export?${SEPTEMBER}&format=csv`, office);
    expect(res.status).toBe(200);
    const [summary, units] = res.text.replace(/^\uFEFF/, '').split('\r\n\r\n').map(csvLines);
    expect(summary![0]).toBe('指标,数值');
    expect(summary).toContain('统计期间,2025-09-01 至 2025-09-30');
    expect(summary).toContain('收到咨询,5');
    expect(summary).toContain('答复,3');
    expect(summary).toContain('按时答复,2');
    // On time ÷ (replies + open overdue): 2 ÷ (3 + 2).
    expect(summary).toContain('按时答复率（%）,40');
    expect(summary).toContain('收到咨询 · 12345 热线,1');
    expect(units![0]!.startsWith('单位,收到咨询,答复,按时答复,超期未答复')).toBe(true);
    expect(units!.find((l) => l.startsWith('导出区人社局,'))!.split(',').slice(1, 5)).toEqual(['3', '2', '1', '1']);
    expect(units!.find((l) => l.startsWith('未分派,'))!.split(',')[1]).toBe('1');
    expect(res.headers.get('Content-Disposition')).toContain(encodeURIComponent('政策咨询统计_2025-09-01至2025-09-30.csv'));

    const xlsx = await download(`/api/stats/export?${SEPTEMBER}`, office);
    const files = unzipSync(xlsx.bytes);
    expect(strFromU8(files['xl/workbook.xml']!)).toMatch(/<sheet name="汇总".*<sheet name="各单位"/);
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toContain('导出区医保局');
  });

  it('keeps the figures’ own scoping and validation', async () => {
    const editor = await login('editor', 'u_ex_b');
    const res = await download(`/api/stats/export?${SEPTEMBER}&format=csv`, editor);
    expect(res.text).toContain('统计范围,导出区医保局');
    expect(res.text).toContain('收到咨询,1');
    expectError(await download(`/api/stats/export?${SEPTEMBER}&unitId=u_ex_a`, editor), 403, 'forbidden');
    expectError(await download(`/api/stats/export?${SEPTEMBER}&format=doc`, editor), 400, 'validation');
    expectError(await download(`/api/stats/export?${SEPTEMBER}`, await login('answerer', 'u_ex_a')), 403, 'forbidden');
  });
});

describe('sheet writers', () => {
  it('neutralises what a spreadsheet would run, and nothing else', () => {
    expect(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', 'a=b', '13812345678', '张三'].map(neutralise)).toEqual([
      "'=1+1", "'+86 138", "'-2", "'@SUM(A1)", "'\tx", 'a=b', '13812345678', '张三',
    ]);
    expect(toCsv([[['a,b', 'say "hi"', 'line\nbreak', 3, null]]])).toBe('\uFEFF"a,b","say ""hi""","line\nbreak",3,\r\n');
  });
});
