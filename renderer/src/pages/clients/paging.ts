import type { OpInput } from '../../../../shared/api/index.js';

export const CLIENT_PAGE_SIZE = 50;

/**
 * Where the user is in a keyset-paged list: the search, and the `after` cursor of every page before
 * the current one, so "previous" can step back without the server counting offsets.
 */
export interface ClientPaging {
  search: string;
  afters: readonly number[];
}

export function firstPage(search: string): ClientPaging {
  return { search: search.trim(), afters: [] };
}

export function pageNumber(paging: ClientPaging): number {
  return paging.afters.length + 1;
}

export function pageInput(paging: ClientPaging, limit = CLIENT_PAGE_SIZE): OpInput<'clients.list'> {
  const after = paging.afters[paging.afters.length - 1];
  return {
    limit,
    ...(paging.search === '' ? {} : { search: paging.search }),
    ...(after === undefined ? {} : { after }),
  };
}

export function nextPage(paging: ClientPaging, nextCursor: number | null): ClientPaging {
  return nextCursor === null ? paging : { ...paging, afters: [...paging.afters, nextCursor] };
}

export function previousPage(paging: ClientPaging): ClientPaging {
  return paging.afters.length === 0 ? paging : { ...paging, afters: paging.afters.slice(0, -1) };
}
