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

export const UNIT_KINDS = ['office', 'department', 'street'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

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
