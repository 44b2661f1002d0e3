import { z } from 'zod';
import { bookConfigSchema } from '../../book/config.js';
import { SEGMENT_CODES } from '../../book/labels.js';
import type { SegmentCode } from '../../book/labels.js';
import type { BookConfigView, RecomputeReport, SegmentsReport } from '../../book/types.js';
import { ADMIN_ONLY, STAFF_ROLES, op } from '../contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const recomputeInput = z.object({ asOf: isoDate.optional() }).strict();

export const bookOps = {
  'book.config': op<BookConfigView>()({
    summary: 'The client-book configuration (tiers, weights, curves, stage rules), its defaults and when scores were last computed',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
  }),
  'book.setConfig': op<BookConfigView>()({
    summary: 'Replace the client-book configuration; scores stay as computed until the next recompute',
    input: z.object({ config: bookConfigSchema }).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'book.recompute': op<RecomputeReport>()({
    summary: 'Recompute tiers, contribution and loyalty scores, lifecycle stages and segments for every client as of a snapshot date',
    input: recomputeInput,
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
    long: true,
  }),
  'book.segments': op<SegmentsReport>()({
    summary: 'Every segment (tier × quadrant): clients, AUM, coverage by primary managers, and its service strategy',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'book.setStrategy': op<{ segment: SegmentCode; text: string; isDefault: boolean }>()({
    summary: "Set a segment's service strategy text; null restores the built-in default",
    input: z
      .object({
        segment: z.enum(SEGMENT_CODES as [SegmentCode, ...SegmentCode[]]),
        text: z.string().trim().min(1).max(2000).nullable(),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
};
