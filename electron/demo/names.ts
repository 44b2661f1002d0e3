import type { Gender } from './formats.js';
import type { Rng } from './rng.js';
import { drawFrom, weightedTable } from './rng.js';

/**
 * Surnames with rough frequencies (per 10,000) tilted towards Jiangsu, where 陈, 徐, 朱, 沈, 陆,
 * 顾 and 钱 are more common than nationally; a few compound surnames keep the matcher honest.
 */
const SURNAMES = weightedTable<string>([
  ['王', 700], ['李', 640], ['张', 620], ['陈', 620], ['刘', 480], ['徐', 280], ['吴', 260], ['杨', 260],
  ['周', 240], ['朱', 210], ['黄', 190], ['赵', 180], ['孙', 170], ['胡', 120], ['马', 110], ['郭', 100],
  ['何', 100], ['高', 100], ['林', 90], ['沈', 80], ['陆', 80], ['顾', 70], ['蒋', 70], ['许', 80], ['曹', 70],
  ['钱', 60], ['罗', 70], ['郑', 80], ['梁', 60], ['谢', 70], ['宋', 70], ['唐', 70], ['韩', 60], ['冯', 60],
  ['邓', 50], ['彭', 40], ['曾', 40], ['肖', 50], ['田', 50], ['董', 50], ['袁', 50], ['潘', 50], ['于', 40],
  ['蔡', 40], ['余', 40], ['杜', 40], ['叶', 50], ['程', 40], ['苏', 40], ['魏', 30], ['吕', 40], ['丁', 50],
  ['任', 30], ['姚', 40], ['卢', 30], ['姜', 40], ['崔', 20], ['钟', 20], ['谭', 20], ['汪', 40], ['范', 30],
  ['金', 30], ['石', 30], ['廖', 20], ['贾', 20], ['夏', 40], ['付', 20], ['方', 30], ['白', 20], ['邹', 30],
  ['孟', 20], ['熊', 20], ['秦', 30], ['邱', 20], ['江', 30], ['尹', 20], ['薛', 30], ['段', 20], ['雷', 10],
  ['侯', 20], ['史', 20], ['陶', 30], ['贺', 20], ['毛', 20], ['龚', 20], ['邵', 30], ['万', 20], ['严', 30],
  ['武', 20], ['戴', 40], ['孔', 20], ['汤', 30], ['葛', 30], ['殷', 20], ['缪', 15], ['储', 10], ['柏', 10],
  ['季', 20], ['华', 20], ['单', 10], ['解', 5], ['仇', 5], ['欧阳', 3], ['司马', 1], ['诸葛', 1], ['上官', 1],
]);

// Characters with a single common reading only, so the pinyin initials of a name are unambiguous.
const MALE_CHARS = [...'伟刚勇毅俊峰强军平东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚彪博诚先敬震振壮思群豪心邦承绍功松善厚庆磊民友裕河哲江超浩亮政谦奇翰朗伯宏言若鸣朋斌栋维启克伦翔旭鹏泽晨辰士建家致树炎德泰盛雄琛钧冠策腾楠航弘宇轩睿梓皓铭逸宸嘉然子一'];
const FEMALE_CHARS = [...'秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱霞香月媛艳瑞佳嘉琼勤珍贞莉桂璐娅琦晶妍秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨韵园艺咏卿澜纯悦昭冰爽琬茗羽希欣滢馥筠柔竹凝晓欢霄枫芸菲寒伊亚宜可舒影荔丽阳妮宝贝初晴容雯萱彦雨洋曼紫逸蝶菡诗涵梓'];
// Names typical of people born before the 1970s.
const MALE_CLASSIC = ['建国', '建华', '国强', '志强', '德明', '永刚', '建军', '卫东', '国平', '文斌', '振华', '红兵', '建平', '立新', '世明', '保国', '金生', '永明'];
const FEMALE_CLASSIC = ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '凤英', '秀珍', '美华', '玉珍', '淑珍', '红梅', '丽华', '秀芳', '桂芳', '爱华', '建英', '玉梅', '金凤'];

export function surname(rng: Rng): string {
  return drawFrom(rng, SURNAMES);
}

export function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const chars = gender === 'M' ? MALE_CHARS : FEMALE_CHARS;
  if (birthYear < 1970 && rng.chance(0.45)) return rng.pick(gender === 'M' ? MALE_CLASSIC : FEMALE_CLASSIC);
  // Single-character given names peaked with the 1970s–80s generation.
  const single = birthYear < 1960 ? 0.15 : birthYear < 1992 ? 0.35 : 0.12;
  if (rng.chance(single)) return rng.pick(chars);
  const first = rng.pick(chars);
  let second = rng.pick(chars);
  // Doubled characters (娜娜, 婷婷) happen, but not at the rate of independent draws' near-misses.
  if (second === first && rng.chance(0.7)) second = rng.pick(chars);
  return first + second;
}

export function personName(rng: Rng, gender: Gender, birthYear: number): string {
  return surname(rng) + givenName(rng, gender, birthYear);
}

/** Every character a generated name can contain (for encoding and pinyin checks in tests). */
export function nameAlphabet(): string[] {
  const all = new Set<string>();
  const add = (s: string): void => {
    for (const ch of s) all.add(ch);
  };
  SURNAMES.values.forEach(add);
  [...MALE_CHARS, ...FEMALE_CHARS, ...MALE_CLASSIC, ...FEMALE_CLASSIC].forEach(add);
  return [...all];
}

const COMPANY_PREFIXES = ['南京', '江苏', '金陵', '江宁', '紫金', '秦淮', '钟山', '扬子', '长江', '中山'];
const COMPANY_CORES = ['华信', '恒泰', '新科', '宏达', '远航', '博创', '瑞丰', '锦程', '天成', '汇通', '明德', '嘉禾', '立信', '康达'];
const COMPANY_KINDS = ['科技有限公司', '电子有限公司', '建设工程有限公司', '贸易有限公司', '医药有限公司', '物流有限公司', '软件股份有限公司', '机械制造有限公司'];

/** A plausible employer or merchant name for the counterparty column. */
export function companyName(rng: Rng): string {
  return rng.pick(COMPANY_PREFIXES) + rng.pick(COMPANY_CORES) + rng.pick(COMPANY_KINDS);
}
