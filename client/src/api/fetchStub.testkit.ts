// Test support: replaces the global fetch with one that answers every request with `status` and
// `body` (an object is sent as JSON, a string as is, undefined as no body). Undo with
// `vi.unstubAllGlobals()`.
import { vi } from 'vitest';

export function respond(status: number, body?: unknown) {
  const fetchMock = vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
