// Drawing bandwidth: one person draws a freehand stroke with the mouse in a real Chromium, another
// browser watches, and the watcher's received WebSocket bytes are counted through the DevTools
// protocol while the stroke is drawn, until it has arrived complete. Printed: the bytes against the
// stroke's final record size, and how many document updates a second the watcher got (the stroke
// must stay visibly live). Run by `npm run bench:client`; it measures and prints, it does not judge.
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { createGroup, shapes, startMeeting } from '../flows.js';
import { launchServer, type ServerProcess } from '../server.js';
import { joinRecorded, median, sum, updateOf, type ReceivedFrame } from './wire.js';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** How many strokes to draw; the figures are their medians. */
const STROKES = Number(process.env['BENCH_STROKES'] ?? 3);
/** Mouse moves per stroke, one per ~16 ms: about 60 a second, as a hand on a mouse makes. */
const MOVES = Number(process.env['BENCH_STROKE_MOVES'] ?? 360);

interface DrawRecord {
  id: string;
  type: string;
  props: { isComplete: boolean; segments: { path: string; dim?: number }[] };
}

/**
 * How many points a record's segments hold, from the length of tldraw's base64 paths: the first
 * point is three float32 (two for `dim: 2`), each next one three float16 deltas (two).
 */
function pointsIn(record: DrawRecord): number {
  return record.props.segments.reduce((n, { path, dim }) => {
    const bytes = Buffer.from(path, 'base64').byteLength;
    const [first, next] = dim === 2 ? [8, 4] : [12, 6];
    return n + (bytes === 0 ? 0 : 1 + (bytes - first) / next);
  }, 0);
}

/** The draw records the watcher's document holds after applying `frames`. */
function drawRecords(doc: Y.Doc): DrawRecord[] {
  return doc
    .getArray<{ key: string; val: unknown }>('records')
    .toArray()
    .map((entry) => entry.val as DrawRecord)
    .filter((val) => val && (val.type === 'draw' || val.type === 'highlight'));
}

test('bytes a watcher receives while someone draws a freehand stroke', async ({ browser, page }) => {
  const links = await createGroup(page, server.url, 'Sketchers', 'Kaisa');
  await startMeeting(page);
  const anna = await joinRecorded(browser, links.member, 'Anna');
  const { wire } = anna;
  // Anna's document, rebuilt from what she received, so that the stroke's arrival can be timed.
  const watched = new Y.Doc();
  let applied = 0;
  const catchUp = () => {
    for (; applied < wire.frames.length; applied++) {
      const frame = wire.frames[applied]!;
      if (!frame.path.endsWith('/board')) continue;
      if (frame.kind === 'update' || frame.kind === 'step2') Y.applyUpdate(watched, updateOf(frame));
    }
  };

  const canvas = page.locator('.tl-canvas');
  const box = (await canvas.boundingBox())!;
  const results: {
    ratio: number;
    bytes: number;
    docBytes: number;
    presenceBytes: number;
    previewBytes: number;
    record: number;
    ups: number;
    /** Points the stroke got per second: how fast the machine let Chromium take the mouse moves. */
    pps: number;
    seconds: number;
  }[] = [];
  const measured = new Set<string>();
  for (let stroke = 0; stroke < STROKES; stroke++) {
    await page.mouse.click(box.x + 40, box.y + 40);
    await page.keyboard.press('d');
    const originX = box.x + 150 + stroke * 40;
    const originY = box.y + 150 + stroke * 120;
    await page.mouse.move(originX, originY);
    const down = wire.now();
    await page.mouse.down();
    for (let i = 1; i <= MOVES; i++) {
      const t = i / MOVES;
      await page.mouse.move(originX + t * 700, originY + Math.sin(t * Math.PI * 8) * 50);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const up = wire.now();
    await page.keyboard.press('Escape');
    await expect(shapes(anna.page)).toHaveCount(stroke + 1);
    // Until the finished stroke is in the watcher's document.
    let arrived = 0;
    await expect
      .poll(
        () => {
          catchUp();
          const done = drawRecords(watched).filter((record) => record.props.isComplete).length;
          if (done > stroke && arrived === 0) arrived = wire.now();
          return done;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(stroke);
    const final = drawRecords(watched).find((r) => r.props.isComplete && !measured.has(r.id))!;
    measured.add(final.id);
    const recordBytes = Buffer.byteLength(JSON.stringify(final));
    const window: ReceivedFrame[] = wire.between(down, arrived);
    const docFrames = window.filter((f) => f.kind === 'update' && f.path.endsWith('/board'));
    const seconds = (up - down) / 1000;
    // What shows the stroke growing: document updates and stroke previews on the board's socket.
    const live = wire.between(down, up, '/board').filter((f) => f.kind === 'update' || f.kind === 'preview');
    results.push({
      bytes: sum(window),
      docBytes: sum(docFrames),
      presenceBytes: sum(window.filter((f) => f.kind === 'awareness')),
      previewBytes: sum(window.filter((f) => f.kind === 'preview')),
      record: recordBytes,
      ratio: sum(window) / recordBytes,
      ups: live.length / seconds,
      pps: pointsIn(final) / seconds,
      seconds,
    });
    await page.waitForTimeout(500);
  }
  await wire.detach();
  await anna.context.close();

  const lines = results.map(
    (r, i) =>
      `stroke ${i + 1}: ${r.seconds.toFixed(1)} s, final record ${r.record} B, watcher received ${r.bytes} B ` +
      `(${r.docBytes} B of document updates, ${r.previewBytes} B of previews, ${r.presenceBytes} B of presence) = ` +
      `${r.ratio.toFixed(1)}× the record, ${r.ups.toFixed(1)} updates/s (${r.pps.toFixed(1)} points drawn/s)`,
  );
  lines.push(
    `median: ${median(results.map((r) => r.ratio)).toFixed(1)}× the final record (target ≤ 10×), ` +
      `${median(results.map((r) => r.docBytes / r.record)).toFixed(1)}× in document updates alone, ` +
      `${median(results.map((r) => r.ups)).toFixed(1)} updates/s while drawing (target ≥ 10, ` +
      `or one per point when fewer than 10 points a second are drawn: ${median(results.map((r) => r.pps)).toFixed(1)})`,
  );
  console.log(`\nDrawing bandwidth\n${lines.join('\n')}\n`);
  test.info().annotations.push({ type: 'drawing', description: lines.join('\n') });
  expect(results).toHaveLength(STROKES);
});
