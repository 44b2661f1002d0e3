import type { DomainHandlers } from '../api/types.js';
import { runDetail } from '../evaluation/access.js';
import { AppError } from '../platform/app-error.js';
import { buildPackage } from './build.js';
import { parseKeyFile } from './key.js';
import type { PackageKey } from './key.js';
import { verifyPackage } from './verify.js';

/** A key file's text as a key, or the reason it is not one. */
export function keyFromText(text: string | undefined): PackageKey | null {
  if (text === undefined) return null;
  const parsed = parseKeyFile(text);
  if (!parsed.ok) throw new AppError('INVALID_INPUT', { zh: `密钥无效：${parsed.message.zh}`, en: `The key is not usable: ${parsed.message.en}` });
  return parsed.key;
}

/**
 * The package operations (docs/export-package.md). Building reads the run as the caller may see it (runDetail
 * refuses a run outside a supervisor's units) and is audited as an export with the manifest's hash; verifying
 * touches no stored data.
 */
export const packageHandlers: DomainHandlers<'package'> = {
  'package.build': async (input, ctx) => {
    const key = keyFromText(input.keySecret);
    const detail = runDetail(ctx, input.runId);
    const built = await buildPackage(ctx, detail, { user: ctx.session.userName, role: ctx.session.role }, ctx.clock.now(), key);
    ctx.auditNote({
      entity: 'evaluation_package',
      entityId: input.runId,
      after: {
        fileName: built.fileName,
        manifestSha256: built.manifestSha256,
        unit: built.manifest.unit.code,
        period: built.manifest.period,
        identity: built.manifest.identity,
        signedWithKey: key?.id ?? null,
        files: built.manifest.files.map((f) => ({ path: f.path, rows: f.rows })),
      },
    });
    return { fileName: built.fileName, mimeType: 'application/zip', base64: built.bytes.toString('base64'), manifestSha256: built.manifestSha256, signed: key !== null };
  },
  'package.verify': (input) => verifyPackage(Buffer.from(input.base64, 'base64'), input.keySecret ?? null),
};
