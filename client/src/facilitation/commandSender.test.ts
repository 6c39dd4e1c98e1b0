// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { HttpError, NetworkError } from '../api/errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { createCommandSender } from './commandSender.js';

describe('createCommandSender', () => {
  it('resolves true when the server applies the command', async () => {
    const report = vi.fn();
    const send = createCommandSender(async () => ({ ok: true }), report);
    await expect(send({ type: 'raiseHand' })).resolves.toBe(true);
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    [new HttpError(403, 'only the facilitator can do this'), 'facilitation.error.forbidden'],
    [new HttpError(409, 'the meeting has already moved on'), 'facilitation.error.conflict'],
    [new NetworkError(new TypeError('fetch failed')), 'facilitation.error.network'],
    [new HttpError(500, 'internal'), 'facilitation.error.other'],
  ] as const)('reports %s as a translated message', async (error, key) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reported: MessageKey[] = [];
    const send = createCommandSender(
      () => Promise.reject(error),
      (k) => reported.push(k),
    );
    await expect(send({ type: 'nextStep' })).resolves.toBe(false);
    expect(reported).toEqual([key]);
  });
});
