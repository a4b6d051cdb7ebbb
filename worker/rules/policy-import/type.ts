import type { PolicyType } from '../../../shared/policy/constants';
import { parseDocNumber } from '../../../shared/policy/doc-number';

/**
 * A first guess at the policy's type from its title, 文号 and text; the editor corrects the rest.
 * In this order:
 * 1. 行政规范性文件 when the document says it is one (本办法为行政规范性文件, （此件为规范性文件）)
 *    or its 文号 is from a 规范性文件 series (机关代字 with 规: 东府规〔2021〕1号, 渝府规发);
 * 2. 工作方案·要点 for a title ending in 方案, 要点, 计划, 安排 or 任务分工 (a 规划's 实施方案 too);
 * 3. 规划 for a title ending in 规划 or 纲要, or naming a 规划 with its years (…规划（2021-2030年）);
 * 4. 行政规范性文件 for 办法, 规定, 细则, 规则, 意见 with a 文号: rules binding the public are issued
 *    under one, a 文号 and one of these names is how a district's 规范性文件 reads;
 * 5. 政策性文件 for 措施, 决定, 通告, 公告, 通知 and 指引 with a 文号;
 * 6. 其他.
 * A trailing （试行）, （暂行） or （2021-2030年） is ignored.
 */
export function guessType({ title, docNumber, text }: { title: string; docNumber: string | null; text: string }): PolicyType {
  const name = title.replace(/[（(][^（）()]{1,16}[）)]$/, '').trim();
  const agency = docNumber ? (parseDocNumber(docNumber)?.agency ?? '') : '';
  if (/(本|此)(件|文件|办法|规定|细则|意见|通知)(为|属于|系|是)(行政)?规范性文件/.test(text) || /规/.test(agency)) {
    return '行政规范性文件';
  }
  if (/(方案|要点|计划|安排|任务分工|任务清单)$/.test(name)) return '工作方案·要点';
  if (/(规划|纲要)$/.test(name) || /规划[（(]\d{4}/.test(title)) return '规划';
  if (docNumber && /(办法|规定|细则|规则|规程|意见)$/.test(name)) return '行政规范性文件';
  if (docNumber && /(措施|决定|通告|公告|通知|政策|指引)$/.test(name)) return '政策性文件';
  return '其他';
}
