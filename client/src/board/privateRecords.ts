// Which board records are private notes. A participant's private notes share their tldraw store with
// the board but live in their own document (`meeting/<id>/private/<participantId>`, see
// shared/src/facilitation/wire.ts), so the store is bound to two documents split by this test.
import type { TLRecord } from 'tldraw';
import { PRIVATE_META } from '@vermeboard/shared';

export function isPrivateRecord(record: TLRecord): boolean {
  return record.typeName === 'shape' && record.meta[PRIVATE_META.private] === true;
}

export function isBoardRecord(record: TLRecord): boolean {
  return !isPrivateRecord(record);
}
