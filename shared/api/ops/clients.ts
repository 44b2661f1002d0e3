import { z } from 'zod';
import type { ClientRow } from '../../model/client.js';
import { ALL_ROLES, op } from '../contract.js';

export interface ClientPage {
  rows: ClientRow[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: number | null;
}

export const clientsOps = {
  'clients.list': op<ClientPage>()({
    summary: 'A page of clients in client-number order, optionally searched',
    input: z
      .object({
        search: z.string().trim().max(64).optional(),
        after: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
};
