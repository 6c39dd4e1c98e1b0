// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupIdFromInput } from './programApi.js';

describe('groupIdFromInput', () => {
  const id = 'Gr0up_id-123456789012';
  it('takes a group’s id from its address, or the id itself', () => {
    expect(groupIdFromInput(`https://board.example.org/g/${id}`)).toBe(id);
    expect(groupIdFromInput(`  http://127.0.0.1:8080/g/${id}/m/Meet1ng_id-1234567890  `)).toBe(id);
    expect(groupIdFromInput(`/g/${id}?x=1`)).toBe(id);
    expect(groupIdFromInput(id)).toBe(id);
  });
  it('refuses anything else', () => {
    expect(groupIdFromInput('')).toBeNull();
    expect(groupIdFromInput('https://board.example.org/join/abc')).toBeNull();
    expect(groupIdFromInput('short')).toBeNull();
    expect(groupIdFromInput(`${id} and more`)).toBeNull();
  });
});
