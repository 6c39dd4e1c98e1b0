// Sync tickets on their own: single use, expiry, and the bounds per token and in all.
import { expect, it } from 'vitest';
import { createSyncTickets } from './syncTickets.js';

const doc = 'meeting/meeting-0001/board';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

it('redeems a ticket once, for the token it was issued to', () => {
  const tickets = createSyncTickets({ ttlMs: 60_000, perToken: 4, maxTickets: 100 });
  const ticket = tickets.issue('hash-a', doc);
  expect(tickets.redeem(ticket, doc)).toBe('hash-a');
  expect(tickets.redeem(ticket, doc)).toBeNull();
  expect(tickets.redeem('never-issued-ticket-000', doc)).toBeNull();
});

it('opens only the document it was bought for', () => {
  const tickets = createSyncTickets({ ttlMs: 60_000, perToken: 4, maxTickets: 100 });
  const ticket = tickets.issue('hash-a', doc);
  expect(tickets.redeem(ticket, 'meeting/meeting-0001/private/someone-else')).toBeNull();
  // Trying it on another document used it up.
  expect(tickets.redeem(ticket, doc)).toBeNull();
});

it('refuses an expired ticket and sweeps expired ones as new ones are issued', () => {
  const c = clock();
  const tickets = createSyncTickets({ ttlMs: 60_000, perToken: 4, maxTickets: 100, now: c.now });
  const late = tickets.issue('hash-a', doc);
  tickets.issue('hash-b', doc);
  c.advance(60_000);
  expect(tickets.redeem(late, doc)).toBeNull();
  tickets.issue('hash-c', doc);
  // hash-b's ticket expired too and went with the sweep; only the new one is held.
  expect(tickets.size()).toBe(1);
});

it('holds at most `perToken` tickets per token, dropping the oldest, and `maxTickets` in all', () => {
  const tickets = createSyncTickets({ ttlMs: 60_000, perToken: 2, maxTickets: 3 });
  const [first, second, third] = [
    tickets.issue('hash-a', doc),
    tickets.issue('hash-a', doc),
    tickets.issue('hash-a', doc),
  ];
  expect(tickets.redeem(first, doc)).toBeNull();
  expect(tickets.size()).toBe(2);
  tickets.issue('hash-b', doc);
  tickets.issue('hash-c', doc);
  expect(tickets.size()).toBe(3);
  // The table was full: the oldest ticket of all made room.
  expect(tickets.redeem(second, doc)).toBeNull();
  expect(tickets.redeem(third, doc)).toBe('hash-a');
});
