import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bringsNews } from './bringsNews.js';

/** A browser's document and the server's copy of it, in sync. */
function pair() {
  const browser = new Y.Doc();
  const map = browser.getMap<string>('store');
  map.set('shape:a', 'note a');
  map.set('shape:b', 'note b');
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(browser));
  return { browser, map, server };
}

/** What the browser's sync step 2 holds for a server whose state vector is `server`'s. */
const step2 = (browser: Y.Doc, server: Y.Doc) =>
  Y.decodeUpdate(Y.encodeStateAsUpdate(browser, Y.encodeStateVector(server)));

describe('bringsNews', () => {
  it('finds nothing new in a step 2 from a browser that is in sync', () => {
    const { browser, server } = pair();
    expect(bringsNews(server, step2(browser, server))).toBe(false);
  });

  it('finds a struct the document lacks', () => {
    const { browser, map, server } = pair();
    map.set('shape:c', 'offline');
    expect(bringsNews(server, step2(browser, server))).toBe(true);
  });

  it('finds a deletion of something the document still has', () => {
    const { browser, map, server } = pair();
    const before = Y.encodeStateVector(browser);
    map.delete('shape:a');
    // A deletion adds no struct: the state vector is unchanged, only the delete set grows.
    expect(Y.encodeStateVector(browser)).toEqual(before);
    const decoded = step2(browser, server);
    expect(decoded.structs).toHaveLength(0);
    expect(bringsNews(server, decoded)).toBe(true);
  });

  it('finds nothing new in a deletion the document already has', () => {
    const { browser, map, server } = pair();
    map.delete('shape:a');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser));
    expect(server.getMap('store').has('shape:a')).toBe(false);
    expect(bringsNews(server, step2(browser, server))).toBe(false);
  });

  it('finds items of a client the document has never seen, deleted ones too', () => {
    const { browser, server } = pair();
    // Another person's note, made and deleted where this server has not seen it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(browser));
    other.getMap<string>('store').set('shape:z', 'gone soon');
    other.getMap<string>('store').delete('shape:z');
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(other));
    const decoded = step2(browser, server);
    expect(bringsNews(server, decoded)).toBe(true);
    // The server catches up with the store (here: the other document) and then has it all.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    expect(bringsNews(server, step2(browser, server))).toBe(false);
  });
});
