// Sync tickets: what a browser puts in the WebSocket URL instead of its personal token, so that
// tokens never land in reverse-proxy access logs. A ticket is random, single-use and short-lived; it
// is bought over HTTP with the token in the Authorization header for one document, and names the
// token it stands for (by hash), so a token revoked in between also voids its tickets (Auth re-checks
// on redeem).
//
// Held in memory only: a restart voids outstanding tickets, which costs a browser one more request.
// Bounded twice: each token holds at most `perToken` live tickets (the oldest is dropped), and the
// whole table at most `maxTickets`; expired tickets are swept as new ones are issued.
import { hashToken, randomToken } from './tokens.js';

export interface SyncTicketOptions {
  ttlMs: number;
  perToken: number;
  maxTickets: number;
  now?: () => number;
}

export interface SyncTickets {
  /** A new ticket for the token with this hash, to open `docName`. */
  issue(tokenHash: string, docName: string): string;
  /**
   * The token hash a ticket stood for, once; null for an unknown, used or expired ticket or one
   * bought for another document. Any redeem uses the ticket up.
   */
  redeem(ticket: string, docName: string): string | null;
  size(): number;
}

interface Entry {
  tokenHash: string;
  docName: string;
  expiresAt: number;
}

export function createSyncTickets({ ttlMs, perToken, maxTickets, now = Date.now }: SyncTicketOptions): SyncTickets {
  /** By ticket hash, oldest first (a Map keeps insertion order, and every ticket lives as long). */
  const tickets = new Map<string, Entry>();
  const byToken = new Map<string, string[]>();

  const drop = (key: string) => {
    const entry = tickets.get(key);
    if (!entry) return;
    tickets.delete(key);
    const held = byToken.get(entry.tokenHash)?.filter((k) => k !== key) ?? [];
    if (held.length === 0) byToken.delete(entry.tokenHash);
    else byToken.set(entry.tokenHash, held);
  };

  const sweep = (t: number) => {
    for (const [key, entry] of tickets) {
      if (entry.expiresAt > t) break;
      drop(key);
    }
  };

  return {
    issue(tokenHash, docName) {
      const t = now();
      sweep(t);
      const held = byToken.get(tokenHash) ?? [];
      if (held.length >= perToken) drop(held[0]!);
      if (tickets.size >= maxTickets) drop(tickets.keys().next().value!);
      const ticket = randomToken();
      const key = hashToken(ticket);
      tickets.set(key, { tokenHash, docName, expiresAt: t + ttlMs });
      byToken.set(tokenHash, [...(byToken.get(tokenHash) ?? []), key]);
      return ticket;
    },
    redeem(ticket, docName) {
      const key = hashToken(ticket);
      const entry = tickets.get(key);
      if (!entry) return null;
      drop(key);
      return entry.expiresAt > now() && entry.docName === docName ? entry.tokenHash : null;
    },
    size: () => tickets.size,
  };
}
