-- The government-domain lexicon: the words residents use, mapped to the terms answers use
-- (跑外卖/送快递 → 灵活就业人员, 干不动了 → 无劳动能力, 良民证 → 无犯罪记录证明, 我爸/我妈 →
-- 老年人). Written for this project from the domain's own vocabulary: the seed documents,
-- government Q&A and the demo answers. The first term of a group is the form the matcher
-- compares; the office edits these groups like any other. A group is added only if none of its
-- terms is in a group already (an office's own words win), and a default group of 0002 is
-- extended only while the office has not edited it. test/worker/lexicon.test.ts checks each
-- group against the demo district's entries.

-- Default groups of 0002 that residents' words extend.
UPDATE synonym_groups SET terms = '["城乡居民基本医疗保险","城乡居民医保","居民医保","新农合","新型农村合作医疗","农村医保","城镇居民医保"]'
  WHERE terms = '["城乡居民基本医疗保险","城乡居民医保","居民医保"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["新农合","新型农村合作医疗","农村医保","城镇居民医保"]')));
UPDATE synonym_groups SET terms = '["职工基本医疗保险","城镇职工基本医疗保险","职工医保","单位医保","单位交的医保","单位给交的医保","公司交的医保","职工医疗保险"]'
  WHERE terms = '["职工基本医疗保险","城镇职工基本医疗保险","职工医保"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["单位医保","单位交的医保","单位给交的医保","公司交的医保","职工医疗保险"]')));
UPDATE synonym_groups SET terms = '["职工基本养老保险","企业职工基本养老保险","职工养老保险","职工养老","单位交的养老保险"]'
  WHERE terms = '["职工基本养老保险","企业职工基本养老保险","职工养老保险"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["职工养老","单位交的养老保险"]')));
UPDATE synonym_groups SET terms = '["养老金","退休金","退休工资","基本养老金","退休费","养老钱"]'
  WHERE terms = '["养老金","退休金","退休工资","基本养老金"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["退休费","养老钱"]')));
UPDATE synonym_groups SET terms = '["门诊慢特病","慢特病","门诊慢性病","慢病卡","慢病证","慢性病卡","特殊病卡","门特"]'
  WHERE terms = '["门诊慢特病","慢特病","门诊慢性病"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["慢病卡","慢病证","慢性病卡","特殊病卡","门特"]')));
UPDATE synonym_groups SET terms = '["最低生活保障","低保","吃低保","低保户","申请低保","拿低保"]'
  WHERE terms = '["最低生活保障","低保"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["吃低保","低保户","申请低保","拿低保"]')));
UPDATE synonym_groups SET terms = '["特困人员","特困供养人员","五保户","五保"]'
  WHERE terms = '["特困人员","特困供养人员","五保户"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["五保"]')));
UPDATE synonym_groups SET terms = '["临时救助","临时救济","救急的钱","救急","应急救助","急用钱","先给点钱"]'
  WHERE terms = '["临时救助","临时救济"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["救急的钱","救急","应急救助","急用钱","先给点钱"]')));
UPDATE synonym_groups SET terms = '["老年人","老人","我爸","我妈","老人家","老爷子","老太太","大爷","大娘","老父亲","老母亲"]'
  WHERE terms = '["老年人","老人"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["我爸","我妈","老人家","老爷子","老太太","大爷","大娘","老父亲","老母亲"]')));
UPDATE synonym_groups SET terms = '["高龄津贴","高龄补贴","高龄老人补贴","高龄补助","长寿补贴","长寿金"]'
  WHERE terms = '["高龄津贴","高龄补贴","高龄老人补贴"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["高龄补助","长寿补贴","长寿金"]')));
UPDATE synonym_groups SET terms = '["子女","孩子","小孩","小孩子","娃","儿女","儿子","女儿","闺女"]'
  WHERE terms = '["子女","孩子","小孩","小孩子","娃","儿女"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["儿子","女儿","闺女"]')));
UPDATE synonym_groups SET terms = '["陪产假","男方护理假","陪产","男方产假"]'
  WHERE terms = '["陪产假","男方护理假"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["陪产","男方产假"]')));
UPDATE synonym_groups SET terms = '["创业担保贷款","创业贷款","创业贷","贴息贷款","政府担保的贷款","担保贷款","无息贷款"]'
  WHERE terms = '["创业担保贷款","创业贷款","创业贷"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["贴息贷款","政府担保的贷款","担保贷款","无息贷款"]')));
UPDATE synonym_groups SET terms = '["企业开办","开办企业","开公司","注册公司","开个公司","注册个公司","成立公司","办公司"]'
  WHERE terms = '["企业开办","开办企业","开公司","注册公司"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["开个公司","注册个公司","成立公司","办公司"]')));
UPDATE synonym_groups SET terms = '["遗失","丢失","弄丢","找不着","不见了"]'
  WHERE terms = '["遗失","丢失","弄丢"]' AND updated_at = '2026-01-01T00:00:00.000Z'
    AND NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) t WHERE g.id <> synonym_groups.id AND t.value IN (SELECT value FROM json_each('["找不着","不见了"]')));

-- 人和家庭：居民说「我爸」「媳妇」「娃」，答案写「老年人」「配偶」「子女」
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["配偶","老婆","媳妇","媳妇儿","妻子","老公","丈夫","爱人","对象","夫妻","两口子"],
  ["父母","爸妈","爹妈","父亲母亲","爸爸妈妈","我爸妈","我爸我妈"],
  ["近亲属","家属","亲属","家里人","家人"],
  ["婴幼儿","宝宝","婴儿","小宝宝","幼儿","奶娃"],
  ["未成年人","未成年","未满18周岁的孩子"],
  ["新生儿","刚出生的孩子","刚生下来","刚出生","刚生的孩子","新生宝宝"],
  ["独居老年人","独居老人","空巢老人","一个人住的老人"],
  ["孤寡老人","孤老","没儿没女","无儿无女","一辈子没结婚","没结过婚","没有子女"],
  ["监护人","家长"],
  ["适龄儿童","学龄儿童"],
  ["农民工","打工的","外出务工人员","务工人员"],
  ["外来务工人员","外地来打工的"],
  ["新市民","刚来这边","刚来本地","外地来的年轻人"],
  ["青年人","年轻人","小年轻"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 身体和处境：干不动了 → 丧失劳动能力，没收入 → 无生活来源
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["无劳动能力","丧失劳动能力","干不动了","干不了活","没法干活","不能干活","没有劳动能力"],
  ["无生活来源","没收入","没有收入","没啥收入","没有生活来源","断了收入","没钱生活"],
  ["失能","瘫痪","瘫在床上","卧床不起","生活不能自理","不能自理","瘫了","失能失智"],
  ["半失能","半自理","行动不便"],
  ["重度残疾","一级残疾","二级残疾","重残"],
  ["智力残疾","脑瘫","智障"],
  ["精神残疾","精神病"],
  ["困难家庭","家里困难","家庭困难","日子过不下去","生活困难"],
  ["突发困难","家里出事","急难","遭灾","出了意外"],
  ["火灾","着火","失火","房子烧了","烧没了"],
  ["重大疾病","大病","重病","得了癌症","癌症"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 生育和婴幼儿
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["生育医疗费","生孩子的费用","住院分娩费用","生孩子住院的钱","顺产住院的钱"],
  ["产前检查","产检","孕检"],
  ["分娩","顺产","剖腹产","剖宫产"],
  ["计划生育手术","上环","结扎","引产"],
  ["生育登记","准生证","生育服务证","计生证","生育证"],
  ["孕前优生健康检查","孕前检查","备孕检查","优生检查"],
  ["婚前医学检查","婚检","婚前检查"],
  ["延长生育假","生育奖励假"],
  ["育儿假","带娃假"],
  ["托育","托育机构","托儿","早教托管"],
  ["预防接种证","疫苗本","打针本","接种本"],
  ["免疫规划疫苗","免费疫苗","一类疫苗"],
  ["非免疫规划疫苗","自费疫苗","二类疫苗"],
  ["人乳头瘤病毒疫苗","hpv疫苗","宫颈癌疫苗","九价","四价"],
  ["流感疫苗","流感针"],
  ["狂犬病疫苗","狂犬疫苗","狂犬针","打狂犬"],
  ["被动免疫制剂","免疫球蛋白"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 教育
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["小学一年级","一年级","小一","幼升小"],
  ["学区","划片","片区","对口学校","对口小学","学区房"],
  ["随迁子女","外地户口的孩子","外地孩子","外来人员子女","打工子弟"],
  ["非本区户籍","外地户口","外地户籍","不是本地户口","没有本地户口","外地人"],
  ["转学","换学校","换个学校","转校"],
  ["学籍","学生档案"],
  ["学生资助","助学","上学补助","读书补助","上学的补助"],
  ["国家助学金","助学金"],
  ["免学费","学费全免","不要学费"],
  ["寄宿生","住校生"],
  ["校外培训","培训班","补习班","辅导班","课外班","英语班","补课机构","培训机构"],
  ["预收费","预付费","提前交的学费","剩下的课时费"],
  ["退费","退钱","退款","钱退不了","不给退"],
  ["入园","上幼儿园","进幼儿园"],
  ["普惠性幼儿园","普惠园","普惠幼儿园"],
  ["小升初","初中入学","上初中"],
  ["义务教育","九年义务教育"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 养老和老年人
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["法定退休年龄","退休年龄","到点了","到了退休年龄","快退休了","该退休了"],
  ["办理退休","退休手续","办退休"],
  ["最低缴费年限","交满15年","交够年限","交够多少年"],
  ["资格认证","养老金认证","领取资格认证","刷脸认证","生存认证"],
  ["人脸识别","刷脸"],
  ["居家养老服务","居家养老","上门养老","上门照顾","上门服务","上门帮着","有人上门"],
  ["助餐","送饭","做饭"],
  ["助浴","洗澡"],
  ["助洁","打扫卫生","保洁"],
  ["生活照料","照顾起居","照顾老人","有人看着","看护"],
  ["公办养老机构","政府办的养老院","公立养老院","公办养老院","政府的养老院"],
  ["入住","住进去"],
  ["老年人优待","老年优待","老人优惠"],
  ["老年人乘车卡","老年卡","敬老卡","老年公交卡","老人卡"],
  ["免费乘车","坐公交免费","免费坐车"],
  ["计划生育特殊家庭","失独家庭","失独"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 医保和就医
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["统筹基金","报销部分"],
  ["个人账户","医保账户","医保卡里的钱","账户余额","医保个人账户"],
  ["家庭共济","给家人用","给家里人用","绑定家人","亲情账户"],
  ["住院费用","住院的钱","住院花的钱","住院费"],
  ["报销","报账"],
  ["直接结算","直接扣","直接报","出院直接结","当场结算","不用自己跑"],
  ["起付标准","起付线","门槛费"],
  ["报销比例","报多少","报百分之多少","能报几成"],
  ["异地就医备案","异地备案","外地就医备案","提前备案"],
  ["临时外出就医","出差看病","出差生病","旅游生病","在外地突发","临时在外地"],
  ["异地长期居住","长期住外地","常住外地","长住外地"],
  ["定点医疗机构","定点医院","医保定点医院"],
  ["定点药店","医保药店","药店","药房"],
  ["转移接续","转过来","转过去","转回来","转回老家","接续","转关系"],
  ["缴费年限","交的年头","交的年限","缴费年头"],
  ["高血压","血压高"],
  ["糖尿病","血糖高"],
  ["尿毒症","透析"],
  ["家庭医生","家庭签约医生","私人医生"],
  ["签约","签个约"],
  ["医疗救助","看病救助","治病救助"],
  ["大病保险","大病医保"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 就业创业
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["灵活就业人员","灵活就业","跑外卖","送外卖","外卖骑手","骑手","送快递","快递员","开网约车","网约车司机","开滴滴","跑滴滴","打零工","零工","自由职业","自由职业者","打散工","摆摊的"],
  ["非全日制从业人员","兼职","钟点工","小时工"],
  ["个人身份参保","自己交社保","自己交养老保险","个人交社保","以个人身份"],
  ["就业困难人员","找不到工作的","找不到活干","找不到活","一直找不到工作","就业困难"],
  ["公益性岗位","公益岗","政府安排的岗位","安排个岗位","安置岗位"],
  ["就业援助","就业帮扶","帮找工作","帮忙找工作"],
  ["失业登记","失业证","登记失业","失业了登记"],
  ["失业保险","失业险"],
  ["非因本人意愿中断就业","被辞退","被开除","被裁员","裁员","被公司开了","公司辞退","被炒","单位解聘"],
  ["主动辞职","自己辞职","辞职","离职"],
  ["就业见习","见习","实习","去单位实习","见习岗位"],
  ["见习补贴","实习工资","见习期工资"],
  ["高校毕业生","大学生","大学毕业生","毕业生","大学毕业"],
  ["离校未就业","毕业没工作","还没找到工作","毕业了还没工作","没找到工作"],
  ["职业技能培训","技能培训","学技术","学手艺"],
  ["职业技能等级证书","技能证书","职业资格证书","焊工证","电工证","厨师证","技工证","上岗证","考个证","考证"],
  ["技能提升补贴","考证补贴","拿证补贴","考证补钱"],
  ["职业培训补贴","培训补贴","学技术补贴"],
  ["自主创业","自己创业","自己开店","自己当老板","开个店","开店","开家店","开了家店","开小店","开饭馆","开面馆","小面馆","开超市"],
  ["一次性创业补贴","创业补贴","开业补贴","一次性补贴","补一笔钱"],
  ["返乡创业","回乡创业","回老家创业"],
  ["扩岗补助","招人补贴","招用补贴"],
  ["人才政策","人才补贴","引才政策"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 社会救助
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["低保边缘家庭","低保边缘","低保边缘户","差一点够低保","刚超过低保线"],
  ["特困人员救助供养","特困供养","五保供养","政府兜底","兜底","政府管","政府养"],
  ["残疾人两项补贴","两项补贴","残疾补贴","残疾人补贴"],
  ["困难残疾人生活补贴","残疾人生活补贴"],
  ["重度残疾人护理补贴","残疾人护理补贴","护理补贴"],
  ["流浪乞讨人员","流浪的人","乞讨的","要饭的","流浪汉"],
  ["救助管理站","救助站"],
  ["生活无着","回不了家","身无分文","钱包丢了"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 企业、个体和许可
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["营业执照变更","执照变更","改执照","执照上怎么改","执照怎么改","变更登记"],
  ["注册资本","注册资金","注资"],
  ["法定代表人","法人代表","法人"],
  ["经营范围","经营项目","营业范围"],
  ["住所","注册地址","公司地址","经营地址"],
  ["个体工商户登记","办个体户","开个体户","个体执照"],
  ["食品经营许可证","食品许可证","食品经营许可","餐饮许可证","卫生许可证","食品证"],
  ["餐饮服务","开餐馆","开饭店","餐馆","饭店","饭馆","小吃店","烘焙店","蛋糕店","面包店","奶茶店"],
  ["预包装食品","包装好的食品","袋装食品"],
  ["简易注销","快速注销","注销公司","公司注销","关公司","公司不开了"],
  ["企业注销","注销企业"],
  ["清税","税务注销"],
  ["投资项目备案","项目备案","备案证明"],
  ["核准","批准"],
  ["开工","动工","开建"],
  ["投资项目","新上项目","上项目","生产线","产线","建厂","盖厂房"],
  ["招商引资","招商","招商政策","企业落户","搬过来","来本区投资"],
  ["产业扶持政策","产业政策","奖补"],
  ["标准厂房","厂房租金","租厂房"],
  ["先进制造业","制造业","高端制造"],
  ["数字经济","芯片","集成电路","软件","互联网企业"],
  ["公章刻制","刻章","刻公章"],
  ["一网通办","网上办","掌上办","手机上办"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 税务
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["增值税","增值税率"],
  ["小规模纳税人","小规模","小规模企业"],
  ["免征增值税","不用交增值税","免增值税","不交税","免税"],
  ["销售额","营业额","卖了","流水","收入额"],
  ["季度","一个季度","每季度"],
  ["契税","买房的税","房子的税"],
  ["首套房","第一套房","家庭唯一住房","唯一住房","首套"],
  ["二套房","第二套房","第二套住房"],
  ["个人所得税综合所得年度汇算","个税汇算","年度汇算","退个税","个税退税","个税退钱","汇算清缴","退税"],
  ["多退少补","扣多了","多扣了","交多了","要回来"],
  ["专项附加扣除","个税抵扣","抵个税","个税扣除","扣除项"],
  ["住房贷款利息","房贷利息"],
  ["住房租金","房租","租房子的钱"],
  ["赡养老人","养老人","养爸妈"],
  ["代开发票","帮忙开发票","税务局开发票","个人开发票","找税务局开票"],
  ["数电发票","数电票","电子发票","全电发票"],
  ["税控设备","税控盘","金税盘","税控器"],
  ["劳务报酬","接活","接私活","干活的钱","劳务费"],
  ["经营所得","个体户的税","生意的税"],
  ["纳税信用","纳税信用等级","税务信用","纳税评级"],
  ["信用修复","修复信用","恢复信用"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 社保
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["社会保险缴费基数","社保基数","缴费基数","按多少工资交","按多少交社保"],
  ["缴费记录","缴费明细","交社保的证明"],
  ["参保证明","社保证明","社保缴费证明","社保记录证明","打印社保"],
  ["中断缴费","断缴","社保断了","停了社保","社保停了","停交"],
  ["续保","接着交","继续交","重新交","补交"],
  ["工伤认定","报工伤","算工伤","认定工伤","申请工伤"],
  ["工伤","上班受伤","干活受伤","工作时受伤","摔伤","上下班路上"],
  ["职业病","尘肺"],
  ["社会保障卡补换","补社保卡","社保卡补办","换社保卡","社保卡找不着","社保卡丢了"],
  ["挂失","冻结","先挂失"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 住房和公积金
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["租房提取","租房取公积金","付房租","交房租","租房用公积金"],
  ["购房提取","买房取公积金","买房提取","付首付","交首付"],
  ["还贷提取","还房贷提取","冲还贷","对冲还贷"],
  ["无自有住房","名下没房","没有房","没房","自己没房","无房"],
  ["住房公积金贷款","公积金贷","公积金贷款","走公积金贷"],
  ["连续足额缴存","连续交","交满","缴存满"],
  ["住房困难家庭","住房困难","住得挤","挤一套","房子太小","住不下","三代同堂"],
  ["中等偏下收入","收入不高","收入也不高","低收入","收入低","工资不高"],
  ["收入线","不卡收入","不设收入线","收入门槛","不看收入"],
  ["保障性租赁住房","保租房","便宜的房子","便宜房子"],
  ["住宅专项维修资金","维修基金","房屋维修基金","维修资金","大修基金","公共维修金"],
  ["业主表决","业主同意","大家同意","整个单元同意","全体业主","都得同意"],
  ["既有多层住宅加装电梯","加装电梯","装电梯","加电梯","安电梯","没电梯"],
  ["老旧小区","老小区","老房子","老楼"],
  ["更新改造","换新的","换部新的","翻新"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 户籍和证件
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["出生登记","上户口","报户口","落户口","户口报在"],
  ["随父或随母落户","跟爸爸","跟妈妈","随父","随母","户口跟谁"],
  ["投靠落户","投靠","落到我家","迁到我家","迁到我这"],
  ["户口迁移","迁户口","户口迁出","户口怎么迁","迁移户口"],
  ["户口更正","户口本信息更正"],
  ["信息有误","写错了","打错了","登记错了","登记有误","弄错了"],
  ["更正","改回来","改过来","改正"],
  ["民族","民族成分","族别"],
  ["出生日期","生日","出生年月"],
  ["临时身份证","临时身份证明","乘坐火车临时身份证明","临时乘机证明"],
  ["无犯罪记录证明","良民证","无犯罪证明","无违法犯罪记录证明","政审证明"],
  ["居住证签注","居住证续签","签注"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 卫生和疾病
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["从业人员健康证明","健康证","从业健康证","上岗体检"],
  ["公共场所","理发店","美容院","浴室","宾馆"],
  ["传染病报告","上报疫情","疫情报告","往上报","报告疫情"],
  ["聚集性疫情","好几个孩子","好几个学生","一群人发烧","扎堆生病"],
  ["发热","发烧","高烧","低烧"],
  ["皮疹","起疹子","出疹子","疹子"],
  ["腹泻","拉肚子","上吐下泻","闹肚子"],
  ["手足口病","手足口"],
  ["诺如病毒","诺如"],
  ["登革热","骨痛热症"],
  ["蚊媒传染病","蚊子传的病","蚊子传播","被蚊子咬","蚊子传的"],
  ["流行地区","东南亚","国外","境外"],
  ["暴露","咬伤","被咬","抓伤","被抓"],
  ["犬伤门诊","狂犬病门诊","打狂犬针的地方"],
  ["狗","犬","狗狗"],
  ["猫","猫咪"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;

-- 更多办事用语
INSERT INTO synonym_groups (terms, updated_at)
SELECT l.value, '2026-01-01T00:00:00.000Z' FROM json_each('[
  ["优抚对象","烈属","军属","优抚"],
  ["长期护理保险","长护险"],
  ["门诊共济","门诊报销","门诊能报"],
  ["医保目录","报销目录","能报的药"],
  ["参保缴费","交医保","缴医保","交社保","缴社保","买社保","买医保"],
  ["社会保险费","社保费"],
  ["灵活就业社会保险补贴","社保补贴"],
  ["失业补助金","失业补助"],
  ["稳岗返还","稳岗补贴"],
  ["劳动合同","用工合同","劳务合同"],
  ["拖欠工资","欠薪","拖欠薪水","工资不发","不发工资","拖工资","欠工资"],
  ["劳动仲裁","仲裁","告老板","告单位"],
  ["护照","出入境证件","出国护照"],
  ["港澳通行证","港澳证"],
  ["不动产登记","房产过户","过户"],
  ["二手房","存量房","二手房子"],
  ["新能源汽车","新能源车","电动汽车"],
  ["养犬登记","狗证","养狗证","犬证"],
  ["丧葬补助金","丧葬费"],
  ["抚恤金","遗属待遇","死亡抚恤"],
  ["死亡","去世","过世","离世","病故"],
  ["丧偶","老伴走了","老公走了","老婆走了"],
  ["单亲家庭","一个人带娃","一个人带孩子","单亲妈妈","单亲"],
  ["普通高中","高中"],
  ["职业教育","职校","技校","中职"],
  ["学前教育","学前"],
  ["保育教育费","保教费","幼儿园学费"],
  ["教科书","课本"],
  ["食宿","吃住"],
  ["户籍所在地","老家","户口所在地"],
  ["居住地","常住地","现住地","住的地方"],
  ["派出所","公安派出所","警务室"],
  ["便民服务中心","街道办","街道办事处","居委会","村委会"],
  ["社区卫生服务中心","社区医院","卫生院"],
  ["疾控中心","疾病预防控制中心","防疫站"],
  ["妇幼保健院","妇幼"],
  ["电子证照","电子证件"],
  ["实名认证","实名"],
  ["人社局","人力资源和社会保障局","劳动局","社保局"],
  ["医保局","医疗保障局"],
  ["民政局","民政部门"],
  ["税务局","税务机关","税务部门"],
  ["住建局","住房和城乡建设局","房管局"],
  ["市场监管局","市场监督管理局","工商局"],
  ["教体局","教育局","教育部门"],
  ["卫健委","卫生健康委员会","卫生局"],
  ["发改局","发展改革局","发改委"],
  ["投诉举报","投诉","举报","告状"],
  ["电子营业执照","电子执照"],
  ["经营场所","门面","店面","铺面"],
  ["商品住房","商品房"],
  ["自住住房","自住房","自己住的房子"],
  ["租赁合同","租房合同"],
  ["购房合同","买房合同"],
  ["首付款","首付"],
  ["贷款","借钱","借款"],
  ["补贴","补助","补钱","补点钱","给钱","发钱"],
  ["手续","流程","办事流程","程序"]
]') l
WHERE NOT EXISTS (SELECT 1 FROM synonym_groups g, json_each(g.terms) a, json_each(l.value) b WHERE a.value = b.value)
ORDER BY l.key;
