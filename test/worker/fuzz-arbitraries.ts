import fc from 'fast-check';

/** A JSON Schema as zod's z.toJSONSchema writes it (the parts requests use). */
export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  prefixItems?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, Schema>;
};

// Words a resident or an editor would type, so valid values also reach the matcher and the index.
const WORDS = ['社保', '公积金', '失业保险金', '怎么', '申请', '居住证', '养老', '补贴', '低保', '办理', '材料', '什么', '？', ' ', 'a', '1'];
const humanText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: Math.max(1, min), maxLength: Math.max(1, Math.min(max, 12)) }).map((ws) => {
    const s = ws.join('');
    return s.length < min ? s.padEnd(min, '问') : s.slice(0, max);
  });

const ISO_DAY = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const ISO_TIME = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

function stringArb(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 400);
  if (s.format === 'date-time') return ISO_TIME;
  if (s.format === 'uri') return fc.webUrl({ validSchemes: ['https'] });
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return ISO_DAY;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.oneof({ weight: 3, arbitrary: humanText(min, max) }, { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 30)), unit: 'grapheme' }) });
}

/** Values a schema accepts (as far as its JSON Schema says: refinements are zod's alone). */
export function fromSchema(schema: Schema, root: Schema = schema): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    return fc.constant(null).chain(() => fromSchema(root.$defs?.[name] ?? {}, root));
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((o) => fromSchema(o, root)));
  if (schema.allOf?.length) return fromSchema(Object.assign({}, ...schema.allOf), root);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => fromSchema({ ...schema, type: t }, root)));
  switch (type[0]) {
    case 'string':
      return stringArb(schema);
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100000);
      return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((p) => fromSchema(p, root)));
      return fc.array(fromSchema(schema.items ?? {}, root), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      if (!Object.keys(props).length && typeof schema.additionalProperties === 'object') {
        return fc.dictionary(fromSchema(schema.propertyNames ?? { type: 'string' }, root) as fc.Arbitrary<string>, fromSchema(schema.additionalProperties, root), { maxKeys: 3 });
      }
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, root)])), { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

/** Strings that have broken parsers before: odd dates, FTS5 syntax, control and lone surrogate characters, injections, huge ones. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u3000',
    '2026-02-30',
    '2026-1-1',
    '20260101',
    '0000-00-00',
    '9999-12-31',
    '2100-12-31T00:00:00Z',
    '2026-02-30T10:00:00+08:00',
    '"',
    '""',
    '"社保',
    '*',
    '社保*',
    '^社保',
    'NEAR(社保 公积金)',
    '社保 OR 公积金',
    'AND',
    'NOT',
    '-',
    '+',
    '(',
    ')',
    ':',
    'question:社保',
    '{社保 公积金}',
    '\u0000',
    '\uD800',
    '\uDFFF',
    '\u202E社保',
    '\r\n',
    '😀',
    '<script>alert(1)</script>',
    "'; DROP TABLE faq_entries;--",
    '../../etc/passwd',
    '%00',
    '%',
    '１３８００１３８０００',
    '13800138000',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    '0x10',
    'true',
    'null',
    '[]',
    '{}',
    'zc1_' + 'A'.repeat(43),
  ),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.constantFrom('社', '保', '"', '*', 'a', '😀', ' ', '\u0000').chain((ch) => fc.integer({ min: 1_000, max: 120_000 }).map((n) => ch.repeat(n))),
);

/** Deeply nested arrays or objects, past what any schema allows. */
export const deepValue = fc.integer({ min: 20, max: 2000 }).chain((depth) =>
  fc.boolean().map((asArray) => {
    let v: unknown = '社保';
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
    return v;
  }),
);

/** Anything JSON can carry, of the wrong type for most fields. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { '': '' }, { __proto__: 1 }, { constructor: { prototype: 1 } }) },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Mutation = (value: unknown) => fc.Arbitrary<unknown>;

const keysOf = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);

/** Wrong types, missing and extra fields, at the top or one level down. */
export const mutate: Mutation = (value) => {
  const keys = keysOf(value);
  const obj = value as Record<string, unknown>;
  const options: fc.Arbitrary<unknown>[] = [fc.constant(value), hostileValue];
  if (keys.length) {
    options.push(
      fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(obj).filter(([key]) => key !== k))),
      fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => ({ ...obj, [k]: v })),
      fc.constantFrom(...keys).chain((k) => mutate(obj[k]).map((m) => ({ ...obj, [k]: m }))),
    );
  }
  if (Array.isArray(value) && value.length) {
    options.push(fc.nat(value.length - 1).chain((i) => mutate(value[i]).map((m) => value.map((x, j) => (j === i ? m : x)))));
  }
  options.push(fc.tuple(fc.constantFrom('extra', 'id', 'status', 'residentId', 'role', '__proto__', 'unitId', 'createdBy', 'revision'), hostileValue).map(([k, v]) => ({ ...(keys.length ? obj : {}), [k]: v })));
  return fc.oneof(...options);
};
