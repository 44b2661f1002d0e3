import type { DomainHandlers } from '../api/types.js';
import { importPackage } from './import.js';
import { listPackages } from './packages.js';
import { consolidatedResults } from './results.js';

/**
 * Consolidation (汇总) of packages from lower units. Imported packages stand apart from the local org tree (a
 * higher unit's workspace need not hold the lower units' data), so the operations are not narrowed by org scope.
 */
export const consolidationHandlers: DomainHandlers<'consolidation'> = {
  'consolidation.import': (input, ctx) => {
    const { report, ...result } = importPackage(ctx.store, {
      fileName: input.fileName,
      bytes: Buffer.from(input.base64, 'base64'),
      keyText: input.keySecret ?? null,
      user: ctx.session.userName,
      now: ctx.clock.now().toISOString(),
    });
    ctx.auditNote({
      entity: 'consolidation_package',
      entityId: result.package.id,
      ...(result.replaced === null ? {} : { before: { current: result.replaced.id, manifestSha256: result.replaced.manifestSha256 } }),
      after: {
        status: result.status,
        manifestSha256: report.manifestSha256,
        unit: result.package.unitCode,
        period: result.package.period,
        signature: report.signature,
        supersededBy: result.package.supersededBy,
      },
    });
    return result;
  },
  'consolidation.packages': (input, ctx) => listPackages(ctx.store, input.period),
  'consolidation.results': (input, ctx) => consolidatedResults(ctx.store, input.period),
};
