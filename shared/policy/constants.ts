/** What a policy is, for its listing and for the 三同步 rule (the first three need an interpretation). */
export const POLICY_TYPES = ['行政规范性文件', '政策性文件', '规划', '工作方案·要点', '其他'] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

/**
 * The importer's limits. A .docx or PDF of a district's document is well under 1 MB; 10 MB leaves
 * room for embedded images and fonts. Pages are capped because each costs the worker CPU time.
 */
export const POLICY_IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  pdfPages: 100,
} as const;
