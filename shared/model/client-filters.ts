import { z } from 'zod';
import { LIFECYCLE_STAGES, SEGMENT_CODES } from '../book/labels.js';
import type { SegmentCode } from '../book/labels.js';
import { CLIENT_TIERS } from './client.js';

/**
 * What the client list can be narrowed to (客户筛选): the same object is a list request, a count, an export and a
 * saved view, so a view always reproduces exactly what was on screen.
 */
export const clientFiltersSchema = z
  .object({
    search: z.string().trim().max(64).optional(),
    tiers: z.array(z.enum(CLIENT_TIERS)).max(CLIENT_TIERS.length).optional(),
    segments: z
      .array(z.enum(SEGMENT_CODES as [SegmentCode, ...SegmentCode[]]))
      .max(SEGMENT_CODES.length)
      .optional(),
    stages: z.array(z.enum(LIFECYCLE_STAGES)).max(LIFECYCLE_STAGES.length).optional(),
    /** An org unit and everything below it. */
    orgUnitId: z.number().int().positive().optional(),
    managerId: z.number().int().positive().optional(),
    /** Only clients nobody looks after (no primary manager today). */
    unassigned: z.boolean().optional(),
  })
  .strict();
export type ClientFilters = z.infer<typeof clientFiltersSchema>;

/** Whether any filter (search included) narrows the list. */
export function isFiltered(f: ClientFilters): boolean {
  return (
    (f.search ?? '') !== '' ||
    (f.tiers?.length ?? 0) > 0 ||
    (f.segments?.length ?? 0) > 0 ||
    (f.stages?.length ?? 0) > 0 ||
    f.orgUnitId !== undefined ||
    f.managerId !== undefined ||
    f.unassigned === true
  );
}
