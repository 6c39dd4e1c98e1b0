import { describe, expect, it } from 'vitest';
import { validateBoardRecord } from '../board/tldrawSchema.js';
import { shapeRecord } from './boardRecords.js';

describe('the bench’s shape record', () => {
  it('is a record the server’s board checks accept, so the bench measures them', () => {
    const record = shapeRecord('shape:bench-1', 10, 20, { from: 1, seq: 1, sentAt: 0 });
    expect(() => validateBoardRecord(record as unknown as Record<string, unknown>)).not.toThrow();
    expect(JSON.stringify(record).length).toBeGreaterThan(400);
  });
});
