/** sessionStorage key of the browser-mode token: survives reloads of the tab, not a new browser session. */
export const TOKEN_STORAGE_KEY = 'bw.token';

export interface HashToken {
  token: string | null;
  /** The hash with the token removed ('' when nothing else was in it). */
  rest: string;
}

/**
 * Takes the access token out of a location hash. The launch URL is `#token=…`; a route may share the
 * hash as `#/clients?token=…`. The token lives in the fragment so it never reaches server logs.
 */
export function extractToken(hash: string): HashToken {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  let route = '';
  let query = body;
  if (body.startsWith('/')) {
    const q = body.indexOf('?');
    route = q >= 0 ? body.slice(0, q) : body;
    query = q >= 0 ? body.slice(q + 1) : '';
  }
  const params = new URLSearchParams(query);
  const raw = params.get('token');
  params.delete('token');
  const token = raw === null || raw.trim() === '' ? null : raw.trim();
  const remaining = params.toString();
  const restBody = route + (remaining === '' ? '' : `${route === '' ? '' : '?'}${remaining}`);
  return { token, rest: restBody === '' ? '' : `#${restBody}` };
}

export interface ResolvedToken {
  token: string | null;
  /** The hash the address bar should show instead, when the token was taken from it. */
  replaceHash: string | null;
}

/** A token in the URL wins over a stored one: it belongs to the server that is running now. */
export function resolveToken(hash: string, stored: string | null): ResolvedToken {
  const fromHash = extractToken(hash);
  if (fromHash.token !== null) return { token: fromHash.token, replaceHash: fromHash.rest };
  const kept = stored === null || stored.trim() === '' ? null : stored;
  return { token: kept, replaceHash: null };
}
