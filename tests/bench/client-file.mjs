// A generated client extract for the benchmarks: GBK, a 数据日期 preamble, a 合计 footer, real-looking names
// and checksummed resident ID numbers. Deterministic: client i always gets the same row.
import fs from 'node:fs';
import { makeGbkEncoder } from './gbk-encoder.mjs';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建国文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛';
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const clientNoOf = (i) => String(1_000_000_000 + i);
export const nameOf = (i) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? '' : GIVEN[(i * 13) % GIVEN.length]);
export const phoneOf = (i) => `1${3 + (i % 7)}${String(i).padStart(9, '0')}`;

export function idNoOf(i) {
  const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const body = `320106${birth}${String(i % 1000).padStart(3, '0')}`;
  let s = 0;
  for (let k = 0; k < 17; k++) s += Number(body[k]) * W[k];
  return body + CHECK[s % 11];
}

/** Writes `rows` clients (numbers 1000000001 …) to `file` in GBK. */
export function writeClientFile(file, rows) {
  const encode = makeGbkEncoder();
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, encode('数据日期：2026-10-31\r\n客户号,客户名称,证件类型,证件号码,手机号,性别,出生日期,开户日期,所属网点,客户经理号,管户日期,备注\r\n'));
  let buf = [];
  for (let i = 1; i <= rows; i++) {
    const id = idNoOf(i);
    buf.push(`${clientNoOf(i)},${nameOf(i)},居民身份证,${id},${phoneOf(i)},${i % 2 ? '男' : '女'},${id.slice(6, 14)},2015${String(1 + (i % 12)).padStart(2, '0')}15,320106002,,20251101,\r\n`);
    if (buf.length === 10_000) {
      fs.writeSync(fd, encode(buf.join('')));
      buf = [];
    }
  }
  fs.writeSync(fd, encode(buf.join('') + `合计,${rows}\r\n`));
  fs.closeSync(fd);
}
