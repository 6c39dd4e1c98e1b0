// @vitest-environment node
import { processLimits } from '@vermeboard/shared';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../api/errors.js';
import {
  cleanText,
  firstInvalidLine,
  moveItem,
  parseOptionalDate,
  parseRetentionDays,
  serverField,
} from './formInput.js';

describe('group form input', () => {
  it('cleans text like the server and refuses empty or too long text', () => {
    expect(cleanText('  Send one application \u0007 ', 300)).toBe('Send one application');
    expect(cleanText('   ', 300)).toBeNull();
    expect(cleanText('x'.repeat(301), 300)).toBeNull();
    expect(cleanText('a\nb', 300, true)).toBe('a\nb');
  });

  it('treats an empty date as no date and refuses impossible dates', () => {
    expect(parseOptionalDate('')).toEqual({ ok: true, value: null });
    expect(parseOptionalDate('2026-03-14')).toEqual({ ok: true, value: '2026-03-14' });
    expect(parseOptionalDate('2026-02-30')).toEqual({ ok: false });
    expect(parseOptionalDate('14.3.2026')).toEqual({ ok: false });
  });

  it('accepts only whole retention days within the bound', () => {
    expect(parseRetentionDays('30')).toBe(30);
    expect(parseRetentionDays(' 7 ')).toBe(7);
    for (const bad of ['0', '-1', '1.5', '', 'abc', String(processLimits.retentionDays + 1)]) {
      expect(parseRetentionDays(bad)).toBeNull();
    }
  });

  it('finds the first line that is empty or too long', () => {
    expect(firstInvalidLine(['ok', 'fine'], 10)).toBe(-1);
    expect(firstInvalidLine(['ok', ' ', 'x'.repeat(11)], 10)).toBe(1);
  });

  it('maps the server field of a refusal to the form field and line', () => {
    expect(serverField(new HttpError(400, 'x', 'rules.2'))).toEqual({ field: 'rules', index: 2 });
    expect(serverField(new HttpError(400, 'x', 'areas.1.name'))).toEqual({ field: 'areas', index: 1 });
    expect(serverField(new HttpError(400, 'x', 'text'))).toEqual({ field: 'text', index: null });
    expect(serverField(new HttpError(400, 'x'))).toBeNull();
    expect(serverField(new HttpError(403, 'x', 'text'))).toBeNull();
    expect(serverField(new Error('x'))).toBeNull();
  });

  it('moves a goal up or down and ignores moves off the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
