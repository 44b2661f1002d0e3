import type { ExportedFile } from '../../shared/api/ops/import.js';
import { KIND_FIELDS } from '../../shared/import/kinds.js';
import { CHANNEL_LABELS, CONTACT_CHANNELS } from '../../shared/worklog/types.js';
import type { XlsxCell } from '../xlsx/build-xlsx.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The work-log template (工作日志导入模板): the first sheet holds only the header row, named exactly as the
 * `worklog` import's fields so the wizard maps every column without help; the second says what goes in each column.
 * The headers come from the import's own field list, so the two cannot drift apart.
 */
export function worklogTemplate(now: Date): ExportedFile {
  const fields = KIND_FIELDS.worklog;
  const channels = CONTACT_CHANNELS.map((c) => CHANNEL_LABELS[c].zh).join(' / ');
  const hints: Record<string, string> = {
    ref: '可选：本行的唯一编号；重新导入同一编号会更新原记录',
    clientNo: '必填：核心系统客户号',
    managerNo: '必填：客户经理员工号',
    contactAt: '必填：如 2026-11-20 14:30',
    channel: `必填：${channels}`,
    purpose: '可选：如 理财产品推荐',
    outcome: '可选：如 客户有意向，待跟进',
    nextStep: '可选：如 下周电话回访',
    followUpOn: '可选：计划再次联系的日期，如 2026-11-27',
  };
  const guide: XlsxCell[][] = [
    ['工作日志导入模板 · Work log template'],
    ['列名 Column', '说明 What to enter'],
    ...fields.map((f): XlsxCell[] => [`${f.zh} ${f.en}`, hints[f.key] ?? (f.required ? '必填' : '可选')]),
    [],
    ['由管理员在“导入”中选择“工作日志”导入；一个文件为一个批次，可整体回滚。'],
  ];
  const bytes = buildXlsx(
    [
      { name: '工作日志', rows: [fields.map((f) => f.zh)], boldRows: [1], widths: fields.map((f) => (f.key === 'contactAt' ? 20 : f.type === 'text' ? 24 : 14)) },
      { name: '填写说明', rows: guide, boldRows: [1, 2], merges: ['A1:B1'], widths: [28, 60] },
    ],
    { modifiedAt: now },
  );
  return { fileName: '工作日志导入模板.xlsx', mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}
