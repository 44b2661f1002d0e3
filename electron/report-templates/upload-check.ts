import { MAX_TEMPLATE_BYTES } from '../../shared/api/ops/templates.js';
import type { TemplateSheetInfo } from '../../shared/api/ops/templates.js';
import { AppError } from '../platform/app-error.js';
import { ZipFormatError } from '../zip/central-directory.js';
import { inspectTemplate } from './inspect-xlsx.js';
import { SheetXmlError } from './sheet-xml.js';
import { TemplatePackageError, openTemplatePackage } from './workbook-package.js';
import type { TemplatePackage } from './workbook-package.js';

/**
 * What an uploaded template must be: an .xlsx workbook of at most 5 MB, without macros, whose sheets this
 * program can read. Each refusal says which of these failed, in both languages, naming the file.
 */
const refuse = (file: string, zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh: `模板文件 ${file} ${zh}`, en: `The template file ${file} ${en}` }, { problems: [{ file, message: en }] });
};

const megabytes = (n: number): string => (n / (1024 * 1024)).toFixed(1);

export function decodeUpload(file: string, base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) refuse(file, '的内容不是有效的 base64 编码', 'is not valid base64');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length > MAX_TEMPLATE_BYTES) refuse(file, `有 ${megabytes(bytes.length)} MB，超过 5 MB 上限`, `is ${megabytes(bytes.length)} MB, over the 5 MB limit`);
  return bytes;
}

/** Problems of the workbook layer (zip, XML) as a clear refusal. */
export function asTemplateError(file: string, e: unknown): Error {
  if (e instanceof ZipFormatError || e instanceof TemplatePackageError || e instanceof SheetXmlError) {
    return new AppError('INVALID_INPUT', { zh: `模板文件 ${file} 无法读取（${e.message}）`, en: `The template file ${file} cannot be read (${e.message})` }, { problems: [{ file, message: e.message }] });
  }
  return e instanceof Error ? e : new Error(String(e));
}

export function checkUpload(file: string, bytes: Uint8Array): { pkg: TemplatePackage; sheets: TemplateSheetInfo[] } {
  if (!/\.xlsx$/i.test(file)) refuse(file, '不是 .xlsx 文件：请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后上传', 'is not an .xlsx file: save it as "Excel Workbook (*.xlsx)" in Excel or WPS first');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    refuse(file, '是旧版 .xls 或加密的工作簿：请取消密码并另存为 .xlsx 后上传', 'is a legacy .xls or an encrypted workbook: remove the password and save it as .xlsx first');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse(file, '不是 .xlsx 工作簿（不是 zip 格式）', 'is not an .xlsx workbook (not a zip package)');
  let pkg: TemplatePackage;
  let sheets: TemplateSheetInfo[];
  try {
    pkg = openTemplatePackage(bytes);
    sheets = inspectTemplate(pkg);
  } catch (e) {
    throw asTemplateError(file, e);
  }
  if ([...pkg.byKey.keys()].some((key) => /(^|\/)vbaproject\.bin$/.test(key))) refuse(file, '含有宏（VBA）：请另存为不含宏的 .xlsx 后上传', 'contains macros (VBA): save it as a macro-free .xlsx first');
  if (!sheets.some((s) => s.worksheet)) refuse(file, '没有可填写的工作表', 'has no worksheet to fill');
  return { pkg, sheets };
}
