import fs from 'node:fs';
import path from 'node:path';

/** Real files committed with attribution (tests/fixtures/real/ATTRIBUTION.md). */
export const REAL = path.resolve('tests/fixtures/real');

/** The read-only reference data next to the repo; present on the development machines, maybe not elsewhere. */
export const SHARED_DATA = path.resolve('../shared/data');
export const hasSharedData = fs.existsSync(path.join(SHARED_DATA, 'berka'));
