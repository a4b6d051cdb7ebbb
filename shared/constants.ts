export const ROLES = ['resident', 'answerer', 'editor', 'office'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['answerer', 'editor', 'office'] as const satisfies readonly Role[];

export const TOPICS = [
  '生育', '教育', '养老', '医疗', '就业创业', '社会救助',
  '投资', '纳税', '社保', '住房', '户籍', '疫情防控',
] as const;
export type Topic = (typeof TOPICS)[number];

export const FAQ_STATUSES = ['draft', 'published', 'retired'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

/** The unit tree: city → districts → departments and streets/towns → communities/villages. */
export const UNIT_KINDS = ['city', 'district', 'office', 'department', 'street', 'community'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  city: '市', district: '区（县）', office: '政务公开办', department: '部门', street: '街道（镇）', community: '社区（村）',
};

export const FAQ_LIMITS = {
  question: 200,
  answer: 5000,
  similar: 20,
  keywords: 20,
  keyword: 30,
  importRows: 20000,
  searchQuery: 100,
  searchLimit: 50,
} as const;

/** The header row of a bulk import CSV: the columns offices already keep in their spreadsheets. */
export const CSV_HEADER = ['类目', '问题', '答案', '相似问法', '关键字', '发文单位'] as const;

/**
 * The national government-service hotline: every district's calls reach its own 12345
 * platform, so 长辈模式 can offer it on the home screen without per-district setup.
 */
export const HOTLINE = { name: '政务服务便民热线', number: '12345' } as const;

/**
 * A mainland mobile number once spaces and dashes are gone: what a sign-in code can be sent to.
 * Here rather than in a schema, so screens can check it without loading zod.
 */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** 消息 per page. Here rather than in its schema, so the app can use it without loading zod. */
export const NOTICE_PAGE = 30;

/** One distinct character per topic for its badge (社保 and 社会救助 must not both read 社). */
export const TOPIC_GLYPHS: Record<Topic, string> = {
  生育: '育', 教育: '学', 养老: '老', 医疗: '医', 就业创业: '业', 社会救助: '助',
  投资: '投', 纳税: '税', 社保: '保', 住房: '房', 户籍: '户', 疫情防控: '疫',
};
