// The names of a meeting's documents as a key range, for the adapters to delete them with an index.
import type { MeetingId } from '@vermeboard/shared';

/** Document names of a meeting all start with `meeting/<id>/`: this is [from, to) over them in byte order. */
export function meetingDocRange(id: MeetingId): [string, string] {
  // A range instead of LIKE: ids may contain `_`, a LIKE wildcard, and a range uses the index.
  // '0' is the character right after '/', so the range holds exactly the names under the prefix.
  return [`meeting/${id}/`, `meeting/${id}0`];
}
