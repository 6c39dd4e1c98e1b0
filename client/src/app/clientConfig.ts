// The server's client configuration (tldraw licence key, asset size limit), fetched once per page.
import type { ClientConfigResponse } from '@vermeboard/shared';
import { useEffect, useState } from 'react';
import { getClientConfig } from '../api/client.js';

let pending: Promise<ClientConfigResponse> | null = null;

function loadClientConfig(): Promise<ClientConfigResponse> {
  pending ??= getClientConfig().catch((err: unknown) => {
    pending = null; // let the next caller try again rather than caching a failure
    throw err;
  });
  return pending;
}

export type ClientConfigState =
  { status: 'loading' } | { status: 'ready'; config: ClientConfigResponse } | { status: 'error'; error: unknown };

export function useClientConfig(): { state: ClientConfigState; retry(): void } {
  const [state, setState] = useState<ClientConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadClientConfig().then(
      (config) => live && setState({ status: 'ready', config }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      setAttempt((n) => n + 1);
    },
  };
}
