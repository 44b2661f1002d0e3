import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../../../shared/api/client.js';

const ApiContext = createContext<ApiClient | null>(null);

/** Gives the page tree its transport; components never know whether it is IPC or HTTP. */
export function ApiProvider(props: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={props.client}>{props.children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error('useApi outside <ApiProvider>');
  return client;
}
