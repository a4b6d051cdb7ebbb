-- Lexicon groups of 0011 that joined words residents use for other things: a question about a
-- 补贴对象 reached 配偶, 公积金账户余额 reached 医保个人账户, 个税软件 reached 数字经济. Each
-- term below leaves its group (a group the office has edited stays as the office left it).

-- 补贴对象、救助对象 are who a policy serves, not a spouse
UPDATE synonym_groups SET terms = '["配偶","老婆","媳妇","媳妇儿","妻子","老公","丈夫","爱人","夫妻","两口子"]'
  WHERE terms = '["配偶","老婆","媳妇","媳妇儿","妻子","老公","丈夫","爱人","对象","夫妻","两口子"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- 公积金 and bank accounts have a 账户余额 too
UPDATE synonym_groups SET terms = '["个人账户","医保账户","医保卡里的钱","医保个人账户"]'
  WHERE terms = '["个人账户","医保账户","医保卡里的钱","账户余额","医保个人账户"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- 软件 is also the app a resident installs (个税软件)
UPDATE synonym_groups SET terms = '["数字经济","芯片","集成电路","互联网企业"]'
  WHERE terms = '["数字经济","芯片","集成电路","软件","互联网企业"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- abroad is not an epidemic area: 境外 and 国外 get a group of their own
UPDATE synonym_groups SET terms = '["流行地区","东南亚"]'
  WHERE terms = '["流行地区","东南亚","国外","境外"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- a family with several children is not an outbreak
UPDATE synonym_groups SET terms = '["聚集性疫情","一群人发烧","扎堆生病"]'
  WHERE terms = '["聚集性疫情","好几个孩子","好几个学生","一群人发烧","扎堆生病"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- 房子卖了 is not turnover
UPDATE synonym_groups SET terms = '["销售额","营业额","流水","收入额"]'
  WHERE terms = '["销售额","营业额","卖了","流水","收入额"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- 户口搬过来 is not investment promotion; a factory or a company moving here is
UPDATE synonym_groups SET terms = '["招商引资","招商","招商政策","企业落户","来本区投资","工厂搬过来","企业搬过来","公司搬过来"]'
  WHERE terms = '["招商引资","招商","招商政策","企业落户","搬过来","来本区投资"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- a frozen account is not a reported loss
UPDATE synonym_groups SET terms = '["挂失","先挂失"]'
  WHERE terms = '["挂失","冻结","先挂失"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- 被抓 usually means arrested
UPDATE synonym_groups SET terms = '["暴露","咬伤","被咬","抓伤"]'
  WHERE terms = '["暴露","咬伤","被咬","抓伤","被抓"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- an old man's fall at home is not a work injury
UPDATE synonym_groups SET terms = '["工伤","上班受伤","干活受伤","工作时受伤","上下班路上"]'
  WHERE terms = '["工伤","上班受伤","干活受伤","工作时受伤","摔伤","上下班路上"]' AND updated_at = '2026-01-01T00:00:00.000Z';
-- many policies pay a 一次性补贴 (生育, 求职, 就业)
UPDATE synonym_groups SET terms = '["一次性创业补贴","创业补贴","开业补贴","补一笔钱"]'
  WHERE terms = '["一次性创业补贴","创业补贴","开业补贴","一次性补贴","补一笔钱"]' AND updated_at = '2026-01-01T00:00:00.000Z';

-- 境外 and 国外 keep each other.
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[["境外","国外"]]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;
