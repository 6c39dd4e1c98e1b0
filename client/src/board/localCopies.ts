// The copies of meeting documents this browser keeps in IndexedDB (y-indexeddb, one database per
// document, named `vermeboard:<document name>`), and deleting them: when the server says a meeting's
// documents are gone (purged by the group's retention rule), and when someone leaves a group.
import { formatDocName, type DocName, type MeetingId } from '@vermeboard/shared';

const PREFIX = 'vermeboard:';

export const localCopyName = (doc: DocName) => PREFIX + formatDocName(doc);

const meetingPrefix = (meetingId: MeetingId) => `${PREFIX}meeting/${meetingId}/`;

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    // A copy still open in another tab blocks the delete until that tab lets go; it then goes through.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * Deletes this browser's copies of the meetings' documents: the board, the session and every private
 * notes document (also another identity's from an earlier join). Never throws: a browser without
 * IndexedDB has nothing to delete.
 */
export async function deleteMeetingCopies(
  meetingIds: readonly MeetingId[],
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  if (!factory || meetingIds.length === 0) return;
  const prefixes = meetingIds.map(meetingPrefix);
  let names: string[];
  try {
    names = (await factory.databases()).map((db) => db.name ?? '').filter((n) => prefixes.some((p) => n.startsWith(p)));
  } catch {
    // No databases() (older browsers): the names this browser would have used for the board.
    names = meetingIds.map((meetingId) => localCopyName({ kind: 'board', meetingId }));
  }
  await Promise.all(names.map((name) => deleteDatabase(factory, name)));
}
