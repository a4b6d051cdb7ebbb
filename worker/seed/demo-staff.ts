import type { Topic } from '../../shared/constants';

/** The named policy answerers (政策解答员) of the demo district, one or two per unit. */
export const DEMO_ANSWERERS: { unitId: string; name: string }[] = [
  { unitId: 'u_office', name: '周文' },
  { unitId: 'u_rsj', name: '张明' },
  { unitId: 'u_rsj', name: '刘芳' },
  { unitId: 'u_jtj', name: '陈静' },
  { unitId: 'u_wjw', name: '王磊' },
  { unitId: 'u_ybj', name: '赵敏' },
  { unitId: 'u_mzj', name: '孙丽' },
  { unitId: 'u_swj', name: '李强' },
  { unitId: 'u_zjj', name: '吴刚' },
  { unitId: 'u_fgj', name: '郑洁' },
  { unitId: 'u_scjgj', name: '冯涛' },
  { unitId: 'u_gaj', name: '何平' },
  { unitId: 'u_jkzx', name: '高雪' },
  { unitId: 'u_jd_chengguan', name: '林欣' },
  { unitId: 'u_jd_binhe', name: '马骏' },
  { unitId: 'u_zhen_qinghe', name: '罗红' },
  { unitId: 'u_zhen_xishan', name: '宋阳' },
];

/** Which unit answers a topic when the resident does not choose one. */
export const DEMO_ROUTES: Record<Topic, string> = {
  生育: 'u_wjw',
  教育: 'u_jtj',
  养老: 'u_mzj',
  医疗: 'u_ybj',
  就业创业: 'u_rsj',
  社会救助: 'u_mzj',
  投资: 'u_fgj',
  纳税: 'u_swj',
  社保: 'u_rsj',
  住房: 'u_zjj',
  户籍: 'u_gaj',
  疫情防控: 'u_jkzx',
};
