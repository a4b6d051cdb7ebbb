import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerBlocks, type AnswerBlock, type Run } from '../../shared/text/answer-blocks';
import { findPhones } from '../../shared/text/phones';
import { DEMO_ENTRIES } from '../../worker/seed/demo-data';

type Piece = { text: string; phone?: string };
type Placed = Piece & { start: number; end: number };

const piece = (r: Run): Piece => (r.kind === 'phone' ? { text: r.text, phone: r.number } : { text: r.text });
const pieces = (blocks: AnswerBlock[]): Piece[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs.map(piece) : b.items.flatMap((i) => [{ text: i.marker }, ...i.runs.map(piece)])));

/** Where each piece stands in `text`; fails unless the pieces are the text with only whitespace left out. */
function placed(text: string, blocks = answerBlocks(text)): Placed[] {
  const out: Placed[] = [];
  let at = 0;
  for (const p of pieces(blocks)) {
    expect(p.text.length, 'no empty run').toBeGreaterThan(0);
    while (!text.startsWith(p.text, at)) {
      expect(text[at], `only whitespace is left out, at ${at} of ${JSON.stringify(text)}`).toMatch(/\s/);
      at++;
    }
    out.push({ ...p, start: at, end: at + p.text.length });
    at += p.text.length;
  }
  expect(text.slice(at).trim()).toBe('');
  return out;
}

const phonesIn = (text: string) => placed(text).filter((p) => p.phone !== undefined);
const phoneTexts = (text: string) => phonesIn(text).map((p) => p.text);
const digits = (s: string) => s.replace(/\D/g, '');
const shape = (blocks: AnswerBlock[]) =>
  blocks.map((b) =>
    b.kind === 'paragraph' ? `¶${b.runs.map((r) => r.text).join('')}` : `${b.kind}:${b.items.map((i) => i.marker).join('|')}`,
  );

describe('phone numbers as government answers write them', () => {
  it.each([
    ['咨询电话：13812345678。', '13812345678', '13812345678'],
    ['手机 138 1234 5678，', '138 1234 5678', '13812345678'],
    ['联系人：张明 138-1234-5678', '138-1234-5678', '13812345678'],
    ['电话：010-12345678。', '010-12345678', '01012345678'],
    ['咨询电话：0571-8888 8888', '0571-8888 8888', '057188888888'],
    ['请致电(0571)88888888。', '(0571)88888888', '057188888888'],
    ['电话（0571）88888888', '（0571）88888888', '057188888888'],
    ['不动产登记预约电话：0832－2078056；', '0832－2078056', '08322078056'],
    ['010—59191471', '010—59191471', '01059191471'],
    ['查档专用电话：0919---2838310 ；', '0919---2838310', '09192838310'],
    ['0991—12388', '0991—12388', '099112388'],
    ['可拨打400-991-2366客服热线咨询', '400-991-2366', '4009912366'],
    ['可拨打4009912366客服热线', '4009912366', '4009912366'],
    ['咨询电话：0000-86101234。', '0000-86101234', '000086101234'],
    ['也可拨打12333人社服务热线。', '12333', '12333'],
    ['通过12366纳税服务热线咨询', '12366', '12366'],
    ['可以通过“畅融工程”微信公众号、12345政务服务热线等渠道', '12345', '12345'],
    ['请拨打12345反映', '12345', '12345'],
    ['住房公积金业务可咨询12329', '12329', '12329'],
    ['停电报修请拨打95598', '95598', '95598'],
    ['拨打集团客户服务热线96116进行自报数', '96116', '96116'],
    ['拨打区救助管理站求助电话或110', '110', '110'],
    ['可拨打原市工商局档案管理中心预约电话88796437', '88796437', '88796437'],
    ['民政局信访咨询电话（65868661）', '65868661', '65868661'],
  ])('%s', (text, written, number) => {
    expect(phonesIn(text).map((p) => [p.text, p.phone])).toEqual([[written, number]]);
  });

  it('leaves an extension readable after the number it belongs to', () => {
    const text = '请先拨打立案咨询电话（010-65669856-300）进行先期咨询，或0571-88888888转8001。';
    expect(phonesIn(text).map((p) => [p.text, p.phone])).toEqual([
      ['010-65669856', '01065669856'],
      ['0571-88888888', '057188888888'],
    ]);
    const [paragraph] = answerBlocks(text);
    expect(paragraph?.kind === 'paragraph' && paragraph.runs.map((r) => r.text)).toEqual([
      '请先拨打立案咨询电话（', '010-65669856', '-300）进行先期咨询，或', '0571-88888888', '转8001。',
    ]);
  });

  it('dials a local number listed after a landline with that landline’s area code', () => {
    expect(phonesIn('预约电话：0832－2078056、2078056；税务：0991—5190878、5190871、2391334').map((p) => p.phone)).toEqual([
      '08322078056', '08322078056', '09915190878', '09915190871', '09912391334',
    ]);
    expect(phonesIn('联系电话：88497200、88499091）').map((p) => p.phone)).toEqual(['88497200', '88499091']);
    expect(phonesIn('联系电话：0311-88615047，18032925850）').map((p) => p.text)).toEqual(['0311-88615047', '18032925850']);
  });

  it.each([
    '自2025年10月1日起执行，2025-10-01前申请的按原规定办理',
    '咨询电话：2025年10月1日起开通',
    '一次性补贴20000元，每人最高1,500元，按每孩每年3600元发放',
    '拨打12345元',
    '减按1.5%的税率征收，最高50%',
    '政策执行至2027年12月31日，2030年起最低缴费年限为20年',
    '发现隐患12945项，消除隐患12724项，出动23278人次',
    '依据《关于做好当前工作的通知》（京政办发〔2021〕22号）',
    '邮政编码：100080，邮编100744',
    '身份证号码110101199003071234，公民身份号码11010519491231002X',
    '开户行：工商银行 账 号：2102108009249007743；银行帐号：19545101040008045',
    '联系QQ：1512928444，邮箱13812345678@163.com',
    '登录12366纳税服务平台，或下载“掌上12333”APP',
    '符合GB 19083-2010、GB/T 32610-2016',
    '详见http://www.beijing.gov.cn/12345/index.html和content_5473801.htm',
    '网址：www.qinghe.gov.cn/zwgk/13812345678/index.html',
    '联系QQ：13512345678',
    '办公时间8:30至17:00，周六9：00-12：00',
    '工作日15个，0.5个百分点，1000-3000平米',
  ])('is not a phone: %s', (text) => {
    expect(phoneTexts(text)).toEqual([]);
  });

  it('links every demo answer’s 咨询电话 and nothing else in them', () => {
    for (const entry of DEMO_ENTRIES) {
      const linked = phoneTexts(entry.answer);
      const written = entry.answer.match(/0000-86\d{6}/g) ?? [];
      expect(written.length, entry.key).toBeGreaterThan(0);
      expect(linked.filter((t) => t.startsWith('0000-')), entry.key).toEqual(written);
      expect(linked.filter((t) => !t.startsWith('0000-')).every((t) => t === '110' || t === '12333'), entry.key).toBe(true);
    }
  });
});

describe('blocks of an answer', () => {
  it('reads the demo 工伤认定 answer as a lead-in, four numbered steps and the phone line', () => {
    const entry = DEMO_ENTRIES.find((e) => e.key === 'gongshang-rending')!;
    const blocks = answerBlocks(entry.answer);
    expect(shape(blocks)).toEqual([
      '¶职工发生事故伤害或被诊断、鉴定为职业病的，按以下步骤申请工伤认定：',
      'steps:1.|2.|3.|4.',
      '¶咨询电话：0000-86101234，也可拨打12333人社服务热线。',
    ]);
    const steps = blocks[1]!;
    expect(steps.kind === 'steps' && steps.items[0]!.runs.map((r) => r.text).join('')).toMatch(/^提出申请：所在单位应自事故伤害发生.*30日内/);
    expect(phonesIn(entry.answer).map((p) => [p.text, p.phone])).toEqual([
      ['0000-86101234', '000086101234'],
      ['12333', '12333'],
    ]);
  });

  it('keeps an answer without structure as one paragraph', () => {
    const text = DEMO_ENTRIES.find((e) => e.key === 'shengyu-jintie')!.answer;
    expect(shape(answerBlocks(text))).toEqual([`¶${text}`]);
    expect(answerBlocks('')).toEqual([]);
    expect(answerBlocks(' \n\u3000 ')).toEqual([]);
  });

  it.each([
    ['line breaks make paragraphs', '第一段。\n\n第二段。\r\n第三段。', ['¶第一段。', '¶第二段。', '¶第三段。']],
    ['an indent after a sentence starts a paragraph', '疫情期间暂停办理。　　恢复时间另行通知。', ['¶疫情期间暂停办理。', '¶恢复时间另行通知。']],
    ['a single space after a sentence does not', '暂停办理。 恢复时间另行通知。', ['¶暂停办理。 恢复时间另行通知。']],
    ['numbered lines', '办理流程：\n1. 网上申请；\n2. 审核；\n3. 领取证件。', ['¶办理流程：', 'steps:1.|2.|3.']],
    ['a blank line between numbered lines keeps one list', '1、申请\n\n2、审核', ['steps:1、|2、']],
    ['inline （1）（2） after a lead-in', '需提交以下材料：（1）身份证；（2）户口簿；（3）照片。', ['¶需提交以下材料：', 'steps:（1）|（2）|（3）']],
    ['a closing sentence after an inline list of clauses', '材料：(1)身份证；(2)户口簿。办理地点：区政务服务中心。', ['¶材料：', 'steps:(1)|(2)', '¶办理地点：区政务服务中心。']],
    ['一、二、 items pasted with indents', '一、做好个人防护。   　　二、勤洗手。   　　三、不聚集。', ['steps:一、|二、|三、']],
    ['第一步 …', '第一步，登录系统。第二步，填写信息。第三步，提交。', ['steps:第一步，|第二步，|第三步，']],
    ['circled numbers', '①同一手机号违约2次的；②同一天预约超过3次的。', ['steps:①|②']],
    ['（一） with arabic steps inside stays one list', '（一）微信缴费 1.公众号 2.小程序\n（二）支付宝缴费', ['steps:（一）|（二）']],
    ['a second 1 starts a new list', '（1）胃镜检查 （2）肺功能检测 2、停诊通知：（1）口腔科 （2）康复科', ['steps:（1）|（2）', 'steps:（1）|（2）']],
    ['bullets on lines', '注意事项：\n- 带身份证\n- 带照片', ['¶注意事项：', 'bullets:-|-']],
    ['inline bullets', '■宅在家，少出门 　　■返程途中全程佩戴口罩', ['bullets:■|■']],
    ['a middle dot inside text is no bullet', '临港新业坊·源创园区，1000元/月·户', ['¶临港新业坊·源创园区，1000元/月·户']],
    ['decimals are no steps', '低于本区低保标准1.5倍。2.5万元以下的', ['¶低于本区低保标准1.5倍。2.5万元以下的']],
    ['一、二级 is no list', '残疾等级为一、二级的重度残疾人，以及三、四级智力残疾人', ['¶残疾等级为一、二级的重度残疾人，以及三、四级智力残疾人']],
    ['第（1）项 is no list', '符合前述第（1）项或第（2）项规定', ['¶符合前述第（1）项或第（2）项规定']],
    ['a date at a line start is no step', '3月1日起施行。\n2025年起提高标准。', ['¶3月1日起施行。', '¶2025年起提高标准。']],
  ])('%s', (_name, text, expected) => {
    expect(shape(answerBlocks(text))).toEqual(expected);
    placed(text);
  });

  it('a lone 1 whose 2 begins the next line starts the list', () => {
    expect(shape(answerBlocks('办理流程：1. 网上申请\n2. 审核'))).toEqual(['¶办理流程：', 'steps:1.|2.']);
  });
});

// ─── properties ───

const WORDS = ['办理', '申请', '区人社局', '窗口', '材料', '服务', '工作日', '社保', '清河区', '审核'];
const filler = fc.array(fc.constantFrom(...WORDS, '，', '。', '；', '：', ' '), { maxLength: 6 }).map((a) => a.join(''));
const digitString = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));
const pad = (n: number) => String(n).padStart(2, '0');
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('properties', () => {
  it('never rewrites: the blocks are the text, with only whitespace left out', () => {
    const unit = fc.constantFrom(
      ...WORDS, '1.', '2、', '（1）', '(2)', '一、', '二、', '（三）', '第一步，', '①', '②', '•', '■', '·', '- ',
      '0000-86101234', '12345', '拨打', '电话：', '2025年', '1,500元', '50%', '〔2021〕22号', '3', '88888888',
      '。', '，', '；', '：', '、', ' ', '　　', '\n', '\r\n', '\t', '(', '）', 'ab', '@', '/', '-',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const ps = placed(text);
        expect(ps.map((p) => p.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const p of ps) if (p.phone !== undefined) expect(p.phone.endsWith(digits(p.text))).toBe(true);
      }),
      { numRuns: 400 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => void placed(text)), { numRuns: 300 });
  });

  const date = fc
    .record({ y: fc.integer({ min: 1990, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .chain(({ y, m, d }) =>
      fc.constantFrom(`${y}年${m}月${d}日`, `${y}-${pad(m)}-${pad(d)}`, `${y}/${m}/${d}`, `${y}.${pad(m)}.${pad(d)}`, `${m}月${d}日`, `${y}年`, `${y}年${m}月`),
    );
  const amount = fc
    .record({ n: fc.integer({ min: 1, max: 99_999_999 }), cents: fc.integer({ min: 0, max: 99 }) })
    .chain(({ n, cents }) => fc.constantFrom(`${n}元`, `${grouped(n)}元`, `${n}万元`, `¥${n}`, `￥${grouped(n)}`, `${n}.${pad(cents)}元`));
  const percent = fc.record({ n: fc.integer({ min: 0, max: 99_999 }), k: fc.integer({ min: 0, max: 9 }) }).chain(({ n, k }) => fc.constantFrom(`${n}%`, `${n}.${k}%`, `${n}‰`));
  const idNumber = fc
    .record({ region: fc.integer({ min: 110000, max: 659999 }), y: fc.integer({ min: 1930, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), seq: digitString(3, 3), check: fc.constantFrom(...'0123456789X') })
    .map(({ region, y, m, d, seq, check }) => `${region}${y}${pad(m)}${pad(d)}${seq}${check}`);
  const docNumber = fc.record({ y: fc.integer({ min: 1990, max: 2035 }), n: fc.integer({ min: 1, max: 99_999 }) }).chain(({ y, n }) => fc.constantFrom(`〔${y}〕${n}号`, `[${y}]${n}号`, `［${y}］${n}号`));
  const postcode = digitString(6, 6).chain((p) => fc.constantFrom(`邮编：${p}`, `邮政编码${p}`, `邮政编码为${p}`));
  const count = fc.record({ n: fc.integer({ min: 1, max: 99_999_999 }), u: fc.constantFrom('项', '人次', '家', '件', '个', '户', '名', '天', '岁') }).map(({ n, u }) => `${n}${u}`);
  const account = digitString(13, 19).map((d) => `账号：6${d}`);
  // Phone-shaped digits where they are something else: in a web or mail address, as a QQ or card number.
  const phoneShaped = fc.record({ b: fc.integer({ min: 3, max: 9 }), rest: digitString(9, 9) }).map(({ b, rest }) => `1${b}${rest}`);
  const address = phoneShaped.chain((n) =>
    fc.constantFrom(`http://www.qinghe.gov.cn/${n}/index.html`, `www.qinghe.gov.cn/zwgk/${n}`, `content_${n}.htm`, `${n}@163.com`, `mail.qq.com/${n}`),
  );
  const labelled = phoneShaped.chain((n) => fc.constantFrom(`QQ：${n}`, `QQ号${n}`, `卡号：${n}`, `编号${n}`, `统一社会信用代码${n}`));
  const decoy = fc.oneof(date, amount, percent, idNumber, docNumber, postcode, count, account, address, labelled);
  const cue = fc.constantFrom('', '咨询电话：', '拨打', '热线', '电话', '咨询', '联系电话：', '电话或', '可拨打');
  const after = fc.constantFrom('', '。', '，', '热线', '服务热线', '、', ' ', '起');

  it('no digit of a date, amount, year, percentage, ID, 文号, postcode, count or address becomes a phone, even after 电话', () => {
    fc.assert(
      fc.property(filler, cue, decoy, after, filler, (before, c, d, a, rest) => {
        const text = `${before}${c}${d}${a}${rest}`;
        const start = before.length + c.length;
        const end = start + d.length;
        for (const p of phonesIn(text)) expect(p.end <= start || p.start >= end, `${JSON.stringify(text)}: ${p.text}`).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  const mobile = fc.record({ b: fc.integer({ min: 3, max: 9 }), rest: digitString(9, 9) }).chain(({ b, rest }) => {
    const n = `1${b}${rest}`;
    return fc.constantFrom(n, `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`);
  });
  const landline = fc
    .record({ area: fc.constantFrom('010', '021', '0571', '0832', '0000'), first: fc.integer({ min: 2, max: 9 }), local: fc.oneof(digitString(6, 6), digitString(7, 7)) })
    .chain(({ area, first, local }) => {
      const l = `${first}${local}`;
      const forms = [`${area}-${l}`, `${area}－${l}`, `${area}—${l}`, `(${area})${l}`, `（${area}）${l}`];
      if (l.length === 8) forms.push(`${area}-${l.slice(0, 4)} ${l.slice(4)}`);
      return fc.constantFrom(...forms);
    });
  const business = digitString(7, 7).chain((d) => fc.constantFrom(`400${d}`, `400-${d.slice(0, 3)}-${d.slice(3)}`));
  const always = fc.oneof(mobile, landline, business).map((written) => ({ written, cue: '' }));
  const service = fc
    .record({ n: fc.constantFrom('12345', '12333', '12366', '12329', '12315', '95598', '110', '120'), cue: fc.constantFrom('拨打', '咨询电话：', '热线', '致电', '可拨打') })
    .map(({ n, cue: c }) => ({ written: n, cue: c }));

  it('finds a phone written in any of these forms, whole, among other text', () => {
    fc.assert(
      fc.property(filler, fc.oneof(always, service), fc.constantFrom('', '。', '，', '；', '）', ' '), filler, (before, { written, cue: c }, end, rest) => {
        const text = `${before}${c}${written}${end}${rest}`;
        const found = phonesIn(text);
        expect(found.map((p) => [p.text, p.phone, p.start])).toEqual([[written, digits(written), before.length + c.length]]);
        expect(findPhones(text).map((p) => text.slice(p.start, p.end))).toEqual([written]);
      }),
      { numRuns: 1500 },
    );
  });
});
