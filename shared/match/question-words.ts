// Residents ask the same thing with different question words (怎么/如何/咋, 何时/啥时候,
// 能不能/可否 …). Mapping each family onto one form lets two phrasings of one question share
// their characters. The rules apply to both sides of every comparison, so a rule only has to
// be consistent, not grammatical. Order matters: longer forms first.
const RULES: [RegExp, string][] = [
  // when
  [/什么时间|啥时候|啥时间|何时|几时|多会儿/gu, '什么时候'],
  // where
  [/什么地方|啥地方|哪儿|何处|何地/gu, '哪里'],
  [/在哪(?![里个些家位种样])/gu, '在哪里'],
  // why
  [/为啥|为何|怎么回事|咋回事|什么原因|啥原因/gu, '为什么'],
  // how is it (at the end of a clause) versus how to
  [/(?:怎样|咋样|如何)$/u, '怎么样'],
  [/如何|怎样|怎么着|咋/gu, '怎么'],
  [/怎么(?:弄|搞|整)/gu, '怎么做'],
  // what
  [/有何/gu, '有什么'],
  [/何种|啥/gu, '什么'],
  // how long
  [/多长时间|多少时间|多长时候/gu, '多久'],
  // how many / how much
  [/几(?=[个天年月次岁块元张本名位家条项种])/gu, '多少'],
  // A-not-A questions ask the same as the plain verb
  [/能不能|能否|可否|可不可以|是否可以/gu, '能'],
  [/是不是|是否/gu, '是'],
  [/有没有/gu, '有'],
  [/会不会/gu, '会'],
  [/要不要|需不需要|需要不需要/gu, '需要'],
  // can: 可以, 能够 and 能 ask the same
  [/可以|能够/gu, '能'],
  // 那 typed for 哪 (那个牌子好 = 哪个牌子好)
  [/那(?=[个些])/gu, '哪'],
  // which = what: 哪个牌子 = 什么牌子
  [/哪一?(?:个|些|种|款|部|家)/gu, '什么'],
];

export function normalizeQuestionWords(clause: string): string {
  let c = clause;
  for (const [pattern, replacement] of RULES) c = c.replace(pattern, replacement);
  return c;
}
