import { z } from 'zod';
import type { ClientDetail } from '../../book/client-detail.js';
import type { ClientRow } from '../../model/client.js';
import { clientFiltersSchema } from '../../model/client-filters.js';
import type { ClientFilters } from '../../model/client-filters.js';
import { ALL_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

export interface SavedView {
  id: number;
  name: string;
  filters: ClientFilters;
  createdAt: string;
}

export interface ClientPage {
  rows: ClientRow[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: number | null;
}

export const clientsOps = {
  'clients.list': op<ClientPage>()({
    summary: 'A page of clients in client order, narrowed by search and filters (keyset paging)',
    input: clientFiltersSchema.extend({
      after: z.number().int().nonnegative().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'clients.count': op<{ count: number }>()({
    summary: 'How many clients the search and filters match',
    input: clientFiltersSchema,
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'clients.export': op<ExportedFile>()({
    summary: 'The filtered client list as an .xlsx workbook, identity masked as listed',
    input: clientFiltersSchema,
    roles: ALL_ROLES,
    scope: 'own',
    exports: true,
  }),
  'clients.views': op<SavedView[]>()({
    summary: "The caller's saved client-list views",
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'clients.saveView': op<SavedView>()({
    summary: 'Save the current filters under a name (replacing a view of that name)',
    input: z.object({ name: z.string().trim().min(1).max(40), filters: clientFiltersSchema }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'clients.deleteView': op<{ deleted: number }>()({
    summary: 'Delete one of the caller’s saved views',
    input: z.object({ id: z.number().int().positive() }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'clients.get': op<ClientDetail>()({
    summary: 'One client: identity (masked by role), tier, scores with every component, stage, balance history, holdings, managers, contacts',
    input: z.union([z.object({ id: z.number().int().positive() }).strict(), z.object({ clientNo: z.string().trim().min(1).max(64) }).strict()]),
    roles: ALL_ROLES,
    scope: 'own',
  }),
};
