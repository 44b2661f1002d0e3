import type { OrgLevel } from '../../shared/model/org.js';

/** One unit of the invented branch. Names and addresses are fictional; districts are real places. */
export interface OrgDef {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
  headName: string;
  address: string;
  phone: string;
}

export interface OutletDef extends OrgDef {
  /** Share of the branch's clients. */
  weight: number;
  /** The district code most local clients were born in (first six digits of their ID). */
  homeRegion: string;
}

const PROVINCE: OrgDef = { code: '320000000', name: '江苏省分行', level: 'tier1', parentCode: null, headName: '周建平', address: '南京市鼓楼区中山北路88号', phone: '025-83310000' };
/** The second-level branch (二级分行) the demo is about. */
export const BRANCH: OrgDef = { code: '320100000', name: '南京分行', level: 'tier2', parentCode: '320000000', headName: '沈立新', address: '南京市玄武区珠江路168号', phone: '025-84680000' };
const SUBS: OrgDef[] = [
  { code: '320115000', name: '江宁支行', level: 'sub', parentCode: '320100000', headName: '陆文斌', address: '南京市江宁区天元中路126号', phone: '025-52100000' },
  { code: '320106000', name: '鼓楼支行', level: 'sub', parentCode: '320100000', headName: '顾红梅', address: '南京市鼓楼区北京西路36号', phone: '025-83720000' },
  { code: '320111000', name: '浦口支行', level: 'sub', parentCode: '320100000', headName: '钱志强', address: '南京市浦口区文德路9号', phone: '025-58830000' },
];

export const OUTLETS: readonly OutletDef[] = [
  { code: '320115001', name: '东山网点', level: 'outlet', parentCode: '320115000', headName: '朱晓燕', address: '南京市江宁区东山街道上元大街412号', phone: '025-52101001', weight: 16, homeRegion: '320115' },
  { code: '320115002', name: '百家湖网点', level: 'outlet', parentCode: '320115000', headName: '徐俊', address: '南京市江宁区双龙大道1355号', phone: '025-52101002', weight: 15, homeRegion: '320115' },
  { code: '320115003', name: '科学园网点', level: 'outlet', parentCode: '320115000', headName: '吴思琪', address: '南京市江宁区弘景大道3601号', phone: '025-52101003', weight: 10, homeRegion: '320115' },
  { code: '320106001', name: '湖南路网点', level: 'outlet', parentCode: '320106000', headName: '陈志远', address: '南京市鼓楼区湖南路205号', phone: '025-83721001', weight: 15, homeRegion: '320106' },
  { code: '320106002', name: '中央门网点', level: 'outlet', parentCode: '320106000', headName: '王丽华', address: '南京市鼓楼区中央路389号', phone: '025-83721002', weight: 13, homeRegion: '320106' },
  { code: '320106003', name: '宁海路网点', level: 'outlet', parentCode: '320106000', headName: '杨帆', address: '南京市鼓楼区宁海路122号', phone: '025-83721003', weight: 9, homeRegion: '320106' },
  { code: '320111001', name: '江浦网点', level: 'outlet', parentCode: '320111000', headName: '孙国平', address: '南京市浦口区江浦街道文昌路17号', phone: '025-58831001', weight: 12, homeRegion: '320111' },
  { code: '320111002', name: '桥北网点', level: 'outlet', parentCode: '320111000', headName: '蒋雯', address: '南京市浦口区泰山街道柳州北路58号', phone: '025-58831002', weight: 10, homeRegion: '320111' },
];

/** Every unit, parents before children. */
export const ORG_UNITS: readonly OrgDef[] = [PROVINCE, BRANCH, ...SUBS, ...OUTLETS];
