import type { Topic } from '../../shared/constants';

export type DemoAnswerer = {
  unitId: string;
  name: string;
  /** 职务, as the roster shows it. */
  title: string;
  /** A direct line: fictional numbers, like every number in the demo data. */
  workPhone: string;
  officeHours: string;
  /** The topics the unit answers (its entries and its DEMO_ROUTES). */
  topics: Topic[];
  intro: string;
};

const DEPARTMENT_HOURS = '工作日 9:00–12:00，13:30–17:30';
const STREET_HOURS = '工作日 8:30–12:00，14:00–17:30';

/**
 * The named policy answerers (政策解答员) of the demo district: every department at least one,
 * every street and town one or two (001 §(六)), each with a public work phone and office hours.
 */
export const DEMO_ANSWERERS: DemoAnswerer[] = [
  {
    unitId: 'u_office', name: '周文', title: '政务公开科科长', workPhone: '0000-86100101', officeHours: DEPARTMENT_HOURS,
    topics: [], intro: '不清楚该问哪个部门时可以先找我，帮您转给对口单位。',
  },
  {
    unitId: 'u_rsj', name: '张明', title: '就业促进科科员', workPhone: '0000-86101201', officeHours: DEPARTMENT_HOURS,
    topics: ['就业创业'], intro: '负责创业担保贷款、就业补贴、灵活就业登记等政策的解答。',
  },
  {
    unitId: 'u_rsj', name: '刘芳', title: '社会保险科副科长', workPhone: '0000-86101202', officeHours: DEPARTMENT_HOURS,
    topics: ['社保', '养老'], intro: '负责养老、失业、工伤保险参保缴费和待遇领取的解答。',
  },
  {
    unitId: 'u_jtj', name: '陈静', title: '基础教育科科员', workPhone: '0000-86102301', officeHours: DEPARTMENT_HOURS,
    topics: ['教育'], intro: '负责入学报名、学区划分、学生资助等政策的解答。',
  },
  {
    unitId: 'u_wjw', name: '王磊', title: '人口家庭科科员', workPhone: '0000-86103401', officeHours: DEPARTMENT_HOURS,
    topics: ['生育', '医疗'], intro: '负责生育登记、育儿补贴、托育服务等政策的解答。',
  },
  {
    unitId: 'u_ybj', name: '赵敏', title: '待遇保障科科员', workPhone: '0000-86104501', officeHours: DEPARTMENT_HOURS,
    topics: ['医疗', '生育'], intro: '负责医保报销、异地就医备案、生育津贴等政策的解答。',
  },
  {
    unitId: 'u_mzj', name: '孙丽', title: '社会救助科科长', workPhone: '0000-86105601', officeHours: DEPARTMENT_HOURS,
    topics: ['社会救助', '养老'], intro: '负责低保、特困供养、临时救助和高龄津贴等政策的解答。',
  },
  {
    unitId: 'u_swj', name: '李强', title: '纳税服务科科员', workPhone: '0000-86106701', officeHours: DEPARTMENT_HOURS,
    topics: ['纳税'], intro: '负责个人所得税、小微企业税费优惠等政策的解答。',
  },
  {
    unitId: 'u_zjj', name: '吴刚', title: '住房保障科科员', workPhone: '0000-86107801', officeHours: DEPARTMENT_HOURS,
    topics: ['住房'], intro: '负责公租房、住房补贴、老旧小区改造等政策的解答。',
  },
  {
    unitId: 'u_fgj', name: '郑洁', title: '投资科科员', workPhone: '0000-86108801', officeHours: DEPARTMENT_HOURS,
    topics: ['投资'], intro: '负责项目备案、投资补贴等政策的解答。',
  },
  {
    unitId: 'u_scjgj', name: '冯涛', title: '登记注册科科员', workPhone: '0000-86109001', officeHours: DEPARTMENT_HOURS,
    topics: ['投资'], intro: '负责个体工商户和企业登记注册的解答。',
  },
  {
    unitId: 'u_gaj', name: '何平', title: '户政管理大队民警', workPhone: '0000-86110101', officeHours: DEPARTMENT_HOURS,
    topics: ['户籍'], intro: '负责落户、迁移、居住证等户籍政策的解答。',
  },
  {
    unitId: 'u_jkzx', name: '高雪', title: '传染病防制科医师', workPhone: '0000-86111201', officeHours: DEPARTMENT_HOURS,
    topics: ['疫情防控'], intro: '负责疫苗接种、传染病防控措施的解答。',
  },
  {
    unitId: 'u_jd_chengguan', name: '林欣', title: '便民服务中心主任', workPhone: '0000-86120101', officeHours: STREET_HOURS,
    topics: ['社会救助', '养老'], intro: '负责辖区低保、临时救助、养老服务补贴的受理和解答。',
  },
  {
    unitId: 'u_jd_chengguan', name: '韩冬', title: '社会保障服务站工作人员', workPhone: '0000-86120102', officeHours: STREET_HOURS,
    topics: ['社保', '就业创业', '医疗'], intro: '负责辖区居民医保参保、就业登记和社保业务的受理和解答。',
  },
  {
    unitId: 'u_jd_binhe', name: '马骏', title: '便民服务中心副主任', workPhone: '0000-86120201', officeHours: STREET_HOURS,
    topics: ['社会救助', '社保', '养老'], intro: '负责辖区社会救助、社保和养老服务政策的受理和解答。',
  },
  {
    unitId: 'u_zhen_qinghe', name: '罗红', title: '社会事务办公室主任', workPhone: '0000-86120301', officeHours: STREET_HOURS,
    topics: ['社会救助', '养老', '生育'], intro: '负责全镇低保、特困供养、育儿补贴的受理和解答。',
  },
  {
    unitId: 'u_zhen_qinghe', name: '许静', title: '便民服务中心工作人员', workPhone: '0000-86120302', officeHours: STREET_HOURS,
    topics: ['社保', '医疗', '户籍'], intro: '负责全镇城乡居民养老和医疗保险参保、户籍业务的受理和解答。',
  },
  {
    unitId: 'u_zhen_xishan', name: '宋阳', title: '便民服务中心主任', workPhone: '0000-86120401', officeHours: STREET_HOURS,
    topics: ['社会救助', '社保', '养老'], intro: '负责全镇社会救助、社保和养老服务政策的受理和解答。',
  },
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
