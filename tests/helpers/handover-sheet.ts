import type { HandoverClient, HandoverReceiver, HandoverSheet, HandoverTask } from '../../shared/assignment/handover.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英'];

/** Tier indexes in a cycle prime to the three receivers, so each gets a mix. */
const TIER_CYCLE = [0, 0, 1, 0, 2, 0, 1, 3, 0, 0, 1, 0, 4];

/** The client every print test looks for by name and number. */
export const MARKED_CLIENT = { clientNo: '6222020400118888', name: '欧阳明珠', aumFen: 987_654_321 };

/**
 * A handover of 120 clients from 张建国 to three receivers (2 left unplaced) with five open tasks: enough rows to
 * span pages, made by hand so the expected figures are known exactly.
 */
export function sampleHandoverSheet(opts: { clients?: number; changeId?: number | null; nameOf?: (i: number) => string } = {}): HandoverSheet {
  const count = opts.clients ?? 120;
  const receivers: Array<Pick<HandoverReceiver, 'managerId' | 'code' | 'name' | 'orgUnitName'>> = [
    { managerId: 12, code: 'M0012', name: '王丽华', orgUnitName: '城东支行营业部' },
    { managerId: 15, code: 'M0015', name: '李志强', orgUnitName: '城东支行营业部' },
    { managerId: 21, code: 'M0021', name: '陈晓燕', orgUnitName: '城东支行理财中心' },
  ];
  const clients: HandoverClient[] = Array.from({ length: count }, (_, i) => {
    const marked = i === 57;
    return {
      clientId: 1000 + i,
      clientNo: marked ? MARKED_CLIENT.clientNo : `62220204${(100000 + i * 37).toString().padStart(8, '0')}`,
      name: marked ? MARKED_CLIENT.name : (opts.nameOf?.(i) ?? `${SURNAMES[i % SURNAMES.length] ?? ''}${GIVEN[(i * 7) % GIVEN.length] ?? ''}`),
      tier: CLIENT_TIERS[TIER_CYCLE[i % TIER_CYCLE.length] ?? 0] ?? 'standard',
      aumFen: marked ? MARKED_CLIENT.aumFen : 1_000_00 + ((i * 7_919_731) % 500_000_00) * 3 + i,
      lastContactAt: i % 5 === 0 ? null : `2025-0${1 + (i % 6)}-${(10 + (i % 18)).toString()} 10:30:00`,
      // Two clients nobody can take (a 专职-only tier with no 专职 receiver, say) stay unplaced.
      toManagerId: i === 118 || i === 119 ? null : (receivers[i % 3]?.managerId ?? null),
    };
  });
  const tasks: HandoverTask[] = [
    { taskId: 1, title: '到期定期存款续作提醒', dueAt: '2025-07-05T00:00:00', status: 'todo', priority: 'high', openClients: 14, toManagerId: 12 },
    { taskId: 2, title: '二季度贵宾客户回访', dueAt: '2025-07-10', status: 'doing', priority: 'normal', openClients: 22, toManagerId: 15 },
    { taskId: 3, title: '理财产品风险测评更新', dueAt: null, status: 'todo', priority: 'urgent', openClients: 3, toManagerId: 21 },
    { taskId: 4, title: '代发工资客户批量开卡', dueAt: '2025-08-01', status: 'todo', priority: 'low', openClients: 0, toManagerId: 12 },
    { taskId: 5, title: '睡眠账户激活', dueAt: '2025-07-20', status: 'doing', priority: 'normal', openClients: 9, toManagerId: 15 },
  ];
  const fullReceivers: HandoverReceiver[] = receivers.map((r, k) => {
    const mine = clients.filter((c) => c.toManagerId === r.managerId);
    const aum = mine.reduce((s, c) => s + c.aumFen, 0);
    const clientsBefore = 300 + k * 40;
    const aumFenBefore = 120_000_000_00 + k * 9_876_543_21;
    return {
      ...r,
      clientsBefore,
      clientsAfter: clientsBefore + mine.length,
      aumFenBefore,
      aumFenAfter: aumFenBefore + aum,
      vipBefore: 40 + k,
      vipAfter: 40 + k + mine.filter((c) => c.tier !== 'standard').length,
      clientsReceived: mine.length,
      tasksReceived: tasks.filter((t) => t.toManagerId === r.managerId).length,
    };
  });
  return {
    plan: {
      from: '2025-07-01',
      leaving: { managerId: 7, code: 'M0007', name: '张建国', orgUnitName: '城东支行营业部' },
      receivers: fullReceivers,
      clients,
      tasks,
      totals: {
        clients: clients.length,
        aumFen: clients.reduce((s, c) => s + c.aumFen, 0),
        vip: clients.filter((c) => c.tier !== 'standard').length,
        tasks: tasks.length,
        unplaced: clients.filter((c) => c.toManagerId === null).length,
      },
      warnings: [],
      feasible: false,
      reason: { zh: '有 2 户白金及以上客户没有可接收的专职客户经理。', en: '2 platinum+ clients have no full-time receiver.' },
    },
    bankName: '中国示范银行',
    branchName: '江州分行',
    outletName: '城东支行营业部',
    supervisorName: '赵敏',
    changeId: opts.changeId === undefined ? 4217 : opts.changeId,
    generatedAt: '2025-06-30T06:05:00.000Z',
    generatedBy: '赵敏',
  };
}
