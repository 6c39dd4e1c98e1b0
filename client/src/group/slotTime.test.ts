import { describe, expect, it } from 'vitest';
import { endTime, formatSlot, localToday } from './slotTime.js';

describe('slot times', () => {
  it('end after the length, wrapping at midnight', () => {
    expect(endTime('17:30', 90)).toBe('19:00');
    expect(endTime('09:05', 15)).toBe('09:20');
    expect(endTime('23:00', 120)).toBe('01:00');
  });

  it('read with the weekday in the reader’s language', () => {
    expect(formatSlot('2031-06-10', '18:00', 120, 'en')).toBe('Tue, Jun 10, 2031, 18:00–20:00');
    expect(formatSlot('2031-06-10', '18:00', 120, 'fi')).toBe('ti 10.6.2031, 18:00–20:00');
  });

  it('know today in local time', () => {
    expect(localToday(new Date(2031, 0, 5, 23, 59))).toBe('2031-01-05');
  });
});
