import type { Database } from '../sqlite.js';

export interface Migration {
  /** Numbered with gaps (10, 20, 30 …) so later work can slot in between. */
  readonly id: number;
  readonly name: string;
  up(db: Database): void;
}
